"""A decision cites the law of its commune's region: Wallonia's CDLD, Brussels' Nouvelle loi communale.

A copy of examples/halle moved to a Walloon commune (Esneux) and to a Brussels one (Ixelles),
written in French: each decision names its own region's law, never a Flemish decree, and is
countersigned by the official that law names.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from livb.word.docx import docx_text

from helpers import copy_example

FLEMISH = ("décret", "decreet", "Decreet", "Gemeentedecreet")


def _moved(root: Path, naam: str, nis: str, provincie: str | None) -> Path:
    """The folder as if it were another commune's, in French."""
    path = root / "livb.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  naam: Halle$", f"  naam: {naam}", text)
    text = re.sub(r'(?m)^  nis_code: "\d+"$', f'  nis_code: "{nis}"', text)
    text = re.sub(
        r"(?m)^  provincie: .*\n", f"  provincie: {provincie}\n" if provincie else "", text
    )
    text = re.sub(r"(?m)^  politiezone:\n(?:    .*\n)+", "", text)  # Halle's zone, not theirs
    text = re.sub(r"(?m)^taal:.*\n", "", text)
    path.write_text(text.rstrip("\n") + "\ntaal: fr\n", encoding="utf-8")
    return root


def _decisions(root: Path) -> dict[str, str]:
    from livb.documents.render import RenderRequest, render_documents

    render_documents(RenderRequest(root, ["besluit"], today=dt.date(2026, 11, 21), toch=True))
    return {
        path.stem: "\n".join(docx_text(path.read_bytes()))
        for path in sorted((root / "output").glob("besluit-*.docx"))
    }


@pytest.fixture(scope="module")
def wallonia(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = copy_example(tmp_path_factory.mktemp("wallonie") / "esneux")
    return _decisions(_moved(root, "Esneux", "62032", "Liège"))


@pytest.fixture(scope="module")
def brussels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = copy_example(tmp_path_factory.mktemp("bruxelles") / "ixelles")
    return _decisions(_moved(root, "Ixelles", "21009", None))


def test_a_walloon_decision_cites_the_cdld(wallonia: dict[str, str]) -> None:
    assert wallonia, "no decision was rendered"
    for name, text in wallonia.items():
        assert "Vu le Code de la démocratie locale et de la décentralisation" in text, name
        assert "Nouvelle loi communale, notamment son article 135" in text, name
        assert not any(word in text for word in FLEMISH), name
        assert "directeur général" in text, name
        assert "secrétaire communal" not in text, name


def test_a_brussels_decision_cites_the_nouvelle_loi_communale(brussels: dict[str, str]) -> None:
    assert brussels, "no decision was rendered"
    for name, text in brussels.items():
        assert "telle qu'elle s'applique en Région de Bruxelles-Capitale" in text, name
        assert "démocratie locale" not in text, name
        assert not any(word in text for word in FLEMISH), name
        assert "secrétaire communal" in text, name
    council = [t for n, t in brussels.items() if n.startswith("besluit-gemeenteraad")]
    assert council, "no council decision was rendered"
    assert all("collège des bourgmestre et échevins" in t for t in council)


def test_the_decisions_are_french(wallonia: dict[str, str], brussels: dict[str, str]) -> None:
    for name, text in {**wallonia, **brussels}.items():
        assert "Considérant que" in text and "DÉCIDE" in text, name
        assert "Gelet op" not in text and "Overwegende dat" not in text, name
