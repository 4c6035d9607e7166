"""livb check and livb status speak French for a French folder, and Dutch stays as it was."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from livb.cli import report
from livb.core import i18n
from livb.method.check import run_checks
from livb.method.status import build_status

from helpers import EXAMPLE, copy_example

DAY = dt.date(2026, 11, 21)
DUTCH_MARKERS = (
    " heeft ",
    " geen ",
    "nog niet",
    "stap ",
    " van de ",
    " het ",
    " een ",
    " niet ",
    " is ",
    " zijn ",
    "Volgende",
    "fouten",
    "waarschuwing",
    "gevonden",
    "klaar",
    "te doen",
    "Fase ",
)
"""Words of Dutch sentences that no French sentence livb writes contains."""


def _french(target: Path, source: Path = EXAMPLE) -> Path:
    folder = copy_example(target, source)
    settings = folder / "livb.yaml"
    settings.write_text("taal: fr\n" + settings.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _dutch_in(text: str) -> list[str]:
    """The Dutch markers in ``text``, outside file names, quoted ids, YAML keys and options."""
    prose = re.sub(r"'[^']*'|\S+\.ya?ml\S*|\S+/\S+|--\w+ \S+", "", text)
    return [marker for marker in DUTCH_MARKERS if marker in prose]


def _status_text(root: Path) -> str:
    out = io.StringIO()
    report.write_status([build_status(root, DAY)], out)
    return out.getvalue()


def _check_text(root: Path) -> str:
    out = io.StringIO()
    report.write_text([run_checks(root, today=DAY)], out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _language_of_the_environment():
    with i18n.speaking(None):
        yield


def test_status_of_a_french_halle_is_french(tmp_path: Path) -> None:
    text = _status_text(_french(tmp_path / "halle"))
    assert "Phase 1  Préparation" in text
    assert "Entretiens d'orientation avec le bourgmestre" in text
    assert "Étape suivante : 5.1 Suivi à long terme" in text
    assert not _dutch_in(text), text


def test_status_of_halle_stays_dutch(tmp_path: Path) -> None:
    text = _status_text(copy_example(tmp_path / "halle"))
    assert "Fase 1  Voorbereiden" in text
    assert "Volgende stap: 5.1 Opvolging op lange termijn" in text
    assert "Controle: 0 fouten, 0 waarschuwingen" in text


def test_check_of_a_french_halle_has_the_same_findings_in_french(tmp_path: Path) -> None:
    dutch = run_checks(copy_example(tmp_path / "nl"), today=DAY)
    french_root = _french(tmp_path / "fr")
    french = run_checks(french_root, today=DAY)
    assert Counter(d.code for d in french.diagnostics) == Counter(d.code for d in dutch.diagnostics)
    text = _check_text(french_root)
    assert "Aucune erreur ni aucun avertissement" in text
    assert not _dutch_in(text), text
