"""The process documents in French: Tool D's questions and the talk's guide for a French folder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from livb.core import i18n
from livb.documents import gesprek
from livb.word.docx import docx_text

from helpers import copy_example


def _shape(guide: dict) -> dict:
    return {
        kind: {key: len(part["vragen"]) for key, part in parts.items()}
        for kind, parts in guide.items()
    }


def test_tool_d_has_the_same_parts_and_questions_in_french() -> None:
    with i18n.speaking("nl"):
        dutch = gesprek.tool_d()
    with i18n.speaking("fr"):
        french = gesprek.tool_d()
    assert _shape(french) == _shape(dutch)
    assert french["lid"]["werking_dienst"]["vragen"] != dutch["lid"]["werking_dienst"]["vragen"]
    assert all(q.endswith(" ?") for p in french["bestuur"].values() for q in p["vragen"])


@pytest.mark.parametrize("taal", ["nl", "fr"])
def test_a_talk_guide_asks_tool_d_in_the_folder_language(tmp_path: Path, taal: str) -> None:
    from livb.documents.render import RenderRequest, render_documents

    root = copy_example(tmp_path / "halle")
    text = (root / "livb.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^taal:.*\n", "", text).rstrip("\n") + f"\ntaal: {taal}\n"
    (root / "livb.yaml").write_text(text, encoding="utf-8")
    render_documents(RenderRequest(root, ["gesprek"], today=dt.date(2026, 11, 21), toch=True))
    texts = "\n".join(
        "\n".join(docx_text(p.read_bytes())) for p in (root / "output").glob("gesprek-*.docx")
    )
    assert texts, "no talk was rendered"
    if taal == "fr":
        assert "entretien d'orientation" in texts and "oriëntatiegesprek" not in texts
    else:
        assert "oriëntatiegesprek" in texts and "entretien" not in texts


def test_a_new_talk_in_a_french_folder_gets_the_french_questions() -> None:
    from livb.starters import gesprek as starter

    with i18n.speaking("fr"):
        french = starter.tool_d()
        guide = gesprek.tool_d()["lid"]
    with i18n.speaking("nl"):
        dutch = starter.tool_d()
    assert french.keys() == dutch.keys()
    assert french["organisatie"]["vragen"][0] == guide["organisatie"]["vragen"][0]
    assert french["organisatie"]["vragen"][0].endswith(" ?")
    assert not dutch["organisatie"]["vragen"][0].endswith(" ?")
