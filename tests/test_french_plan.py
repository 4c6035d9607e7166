"""The plan and analysis documents in French for a French folder, and in Dutch as before."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from livb.core.i18n import speaking
from livb.documents import _tool_f
from livb.documents.views import _after_number, _college, _named
from livb.model.diagnostiek import Per
from livb.word.docx import docx_text

from helpers import copy_example


def _plan_text(root: Path, taal: str) -> str:
    from livb.documents.render import RenderRequest, render_documents

    text = (root / "livb.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^taal:.*\n", "", text).rstrip("\n") + f"\ntaal: {taal}\n"
    (root / "livb.yaml").write_text(text, encoding="utf-8")
    render_documents(RenderRequest(root, ["plan"], toch=True))
    return "\n".join(docx_text((root / "output" / "plan.docx").read_bytes()))


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {
        taal: _plan_text(copy_example(tmp_path_factory.mktemp(f"plan-{taal}") / "halle"), taal)
        for taal in ("nl", "fr")
    }


def test_a_french_folder_gets_a_french_plan(plans: dict[str, str]) -> None:
    french = plans["fr"]
    for heading in ("Introduction", "Priorités", "Objectifs, indicateurs et actions", "Calendrier"):
        assert re.search(rf"(?m)^Heading 1 \| {re.escape(heading)}$", french), heading
    assert "la ville de Halle" in french
    for dutch in ("Inleiding", "Doelstellingen, indicatoren en acties", "de stad Halle"):
        assert dutch not in french, dutch


def test_a_dutch_folder_keeps_its_dutch_plan(plans: dict[str, str]) -> None:
    dutch = plans["nl"]
    assert re.search(r"(?m)^Heading 1 \| Inleiding$", dutch)
    assert "de stad Halle" in dutch
    assert "Priorités" not in dutch


def test_french_writes_a_non_breaking_space_before_the_percent_sign() -> None:
    with speaking("fr"):
        assert _after_number(Per.PERCENTAGE, "") == "\u00a0%"
    with speaking("nl"):
        assert _after_number(Per.PERCENTAGE, "") == "%"


def test_french_elides_before_a_vowel() -> None:
    with speaking("fr"):
        assert _named("la commune de Esneux", "Esneux") == "la commune d'Esneux"
        assert _named("la ville de Namur", "Namur") == "la ville de Namur"
    with speaking("nl"):
        assert _named("de gemeente Esneux", "Esneux") == "de gemeente Esneux"


def _placeholders(texts: list[str]) -> set[str]:
    return {f for t in texts for _, f, _, _ in string.Formatter().parse(t) if f}


def test_the_brainstorm_has_a_french_wording_with_the_same_pieces() -> None:
    with speaking("nl"):
        dutch = _tool_f.defaults()
    with speaking("fr"):
        french = _tool_f.defaults()
    assert french != dutch
    for key in dutch:
        assert len(french[key]) == len(dutch[key]), key
        assert _placeholders(french[key]) <= _placeholders(dutch[key]) | {"beleid"}, key


def test_the_college_is_named_by_the_law_of_its_region() -> None:
    with speaking("fr"):
        assert _college("21004") == "collège des bourgmestre et échevins"  # Brussels
        assert _college("62063") == "collège communal"  # Liège
    with speaking("nl"):
        assert _college("21004") == "college van burgemeester en schepenen"
