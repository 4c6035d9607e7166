"""examples/esneux: a Walloon commune's folder in French that checks clean and renders in French."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from livb.core import i18n
from livb.documents.render import RenderRequest, availability, render_documents
from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.word.docx import docx_text

from helpers import REPO, copy_example

ESNEUX = REPO / "examples" / "esneux"
DAY = dt.date(2026, 11, 21)
DUTCH = re.compile(
    r"\b(?:het|een|van de|voor de|niet|nog|klaar|bezig|gepland|lopend|afgerond|preventie|"
    r"repressie|nazorg|kerngroep|gemeenteraad|schepen|burgemeester|doelstelling|inwoners|"
    r"Pagina|Stad|Gemeente)\b"
)
"""Dutch words livb itself writes: none may appear in a French document of this folder (its own
texts are French)."""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = copy_example(tmp_path_factory.mktemp("esneux") / "esneux", ESNEUX)
    render_documents(RenderRequest(root, ["alle"], today=DAY))
    render_documents(RenderRequest(root, ["brainstorm"], today=DAY, toch=True))
    return {
        path.stem: "\n".join(docx_text(path.read_bytes()))
        for path in sorted((root / "output").glob("*.docx"))
    }


def test_esneux_is_a_french_folder_that_checks_clean():
    loaded = load_project(ESNEUX)
    assert loaded.project is not None
    gemeente = loaded.project.instellingen.gemeente
    assert (loaded.project.instellingen.taal, gemeente.naam, gemeente.provincie) == (
        "fr",
        "Esneux",
        "Liège",
    )
    found = run_checks(ESNEUX, today=DAY).diagnostics
    assert [d for d in found if d.severity.key != "info"] == []


def test_every_document_the_folder_has_reason_for_is_made_in_french(rendered):
    due = [a.document for a in availability(ESNEUX, DAY) if a.why_not is None]
    assert len(due) >= 15
    for document in due:
        prefix = document.filename.split("{")[0].removesuffix(".docx")
        made = [name for name in rendered if name.startswith(prefix)]
        assert made, document.name
    assert "brainstorm" in rendered
    for name, text in rendered.items():
        leftovers = sorted(set(DUTCH.findall(text)))
        assert not leftovers, f"{name}: {leftovers}"


def test_the_french_documents_name_the_commune_and_its_law(rendered):
    assert "la commune d'Esneux" in rendered["plan"]
    decision = rendered["besluit-college-plan"]
    assert "Code de la démocratie locale et de la décentralisation" in decision
    assert "DÉCIDE" in decision and "directeur général" in decision
    assert "Gelet op" not in decision
    with i18n.speaking("fr"):
        assert "22 février 2010" in decision  # dates in French, from babel


def test_esneux_documents_are_not_halles(rendered):
    assert not any("Halle" in text for text in rendered.values())


def test_a_new_meeting_of_a_french_folder_is_written_in_french(tmp_path, livb):
    root = copy_example(tmp_path / "esneux", ESNEUX)
    result = livb("new", "vergadering", root, "--stap", "5.1", "--datum", "2026-12-15")
    assert result.code == 0, result.err
    assert "réunion du 15 décembre 2026 avec 7 membres" in result.out
    text = (root / "vergaderingen" / "2026-12-15-kerngroep.yaml").read_text("utf-8")
    assert "# Réunion du groupe de pilotage du 15 décembre 2026 (créée avec livb new)." in text
    assert '- punt: "Approbation du procès-verbal du 9 février 2010"' in text
    assert "# Le titre sur l'ordre du jour et le procès-verbal" in text  # the field's French
    assert "orgaan: kerngroep" in text  # keys and values stay as they are
    found = run_checks(root, today=DAY).diagnostics
    assert [d for d in found if d.severity.key != "info"] == []
