"""livb check and livb status speak French for a French folder, and Dutch stays as it was."""

from __future__ import annotations

import datetime as dt
import inspect
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from livb.cli import report
from livb.core import i18n
from livb.method.check import run_checks
from livb.method.rules import RULES
from livb.method.status import build_status

from helpers import EXAMPLE, REPO, copy_example

DAY = dt.date(2026, 11, 21)
PROJECTS = REPO / "tests" / "projects"
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
    text = settings.read_text(encoding="utf-8")  # at the end: every finding keeps its line
    settings.write_text(text.rstrip("\n") + "\ntaal: fr\n", encoding="utf-8")
    return folder


def _dutch_in(text: str) -> list[str]:
    """The Dutch markers in ``text``, outside file names, quoted ids, YAML keys and options."""
    prose = re.sub(r"×\): .*", "", text)  # the reason livb.yaml gives, in its own words
    prose = re.sub(r"\S+ (LIVB\d+)", r"\1", prose)  # the severity's label is core's to translate
    prose = re.sub(r"'[^']*'|\S+\.ya?ml\S*|\S+/\S+|--\w+ \S+", "", prose)
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


@pytest.mark.parametrize("name", ["ontwerp", "vilvoorde", "klein"])
def test_a_draft_in_french_has_the_dutch_findings_in_french(tmp_path: Path, name: str) -> None:
    dutch = run_checks(copy_example(tmp_path / "nl", PROJECTS / name), today=DAY)
    root = _french(tmp_path / "fr", PROJECTS / name)
    french = run_checks(root, today=DAY)
    assert [(d.code, str(d.location)) for d in french.diagnostics] == [
        (d.code, str(d.location)) for d in dutch.diagnostics
    ]
    assert any(
        d.message != f.message for d, f in zip(dutch.diagnostics, french.diagnostics, strict=True)
    )
    text = _check_text(root)
    assert "Résultat : " in text and "aide : " in text
    assert not _dutch_in(text), text


def test_status_of_a_french_draft_explains_its_steps_in_french(tmp_path: Path) -> None:
    text = _status_text(_french(tmp_path / "ontwerp", PROJECTS / "ontwerp"))
    assert "Étape suivante : " in text
    assert not _dutch_in(text), text


def test_render_list_of_a_french_folder_is_french(tmp_path: Path) -> None:
    from livb.documents.render import availability

    out = io.StringIO()
    report.write_document_list(availability(_french(tmp_path / "halle"), DAY), out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["document", "étape", "maintenant"]
    assert any(line.endswith(" oui") for line in lines)
    assert lines[-1].startswith("livb render alle crée les ")


def test_a_translated_explanation_is_the_rule_docstring() -> None:
    """The French of --explain is the catalogue's entry for the rule's own docstring."""
    for code, rule in RULES.items():
        doc = inspect.getdoc(rule)
        assert doc and i18n.translate(doc, "fr") != doc, code


def test_explain_speaks_french_for_a_french_user() -> None:
    out = io.StringIO()
    with i18n.speaking("fr"):
        report.write_explanation("LIVB202", out)
    assert out.getvalue().startswith("LIVB202 actor-zonder-naam")
    assert "Ce que la règle contrôle :" in out.getvalue()
    assert "Source : Méthode, étape 1.5" in out.getvalue()
    dutch = io.StringIO()
    with i18n.speaking("nl"):
        report.write_explanation("LIVB202", dutch)
    assert "Wat het controleert:" in dutch.getvalue()
