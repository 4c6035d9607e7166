"""Edits made in Word come back: the field marks of a rendered document, and 'livb import'."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from helpers import copy_example

MAP_NAMESPACE = "urn:livb:velden"


@pytest.fixture(scope="module")
def plan_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Halle with its plan rendered once for the module (copy it before changing anything)."""
    from livb.documents.render import RenderRequest, render_documents

    root = copy_example(tmp_path_factory.mktemp("plan") / "halle")
    render_documents(RenderRequest(root=root, documents=["plan"]))
    return root


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _field_map(parts: dict[str, str]) -> str:
    (found,) = [text for name, text in parts.items() if MAP_NAMESPACE in text and "item" in name
                and "itemProps" not in name]  # fmt: skip
    return found


def test_each_text_field_has_a_bookmark_a_control_and_a_place_in_the_map(plan_folder):
    parts = _parts(plan_folder / "output" / "plan.docx")
    body, field_map = parts["word/document.xml"], _field_map(parts)
    places = dict(re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map))
    assert "plan.yaml#/visie" in places.values()
    action = "doelstellingen/samenleven.yaml#/strategische_doelstellingen/0/titel"
    assert action in places.values()
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="(_livbv\d+)"/>', body))
    tags = set(re.findall(r'<w:tag w:val="(_livbv\d+)"/>', body))
    assert bookmarks == tags == set(places)
    visie = next(name for name, place in places.items() if place == "plan.yaml#/visie")
    # the visie has two paragraphs: one bookmark around both, a content control in each
    assert body.count(f'<w:tag w:val="{visie}"/>') == 2
    assert '<w:alias w:val="Uit plan.yaml: visie"/>' in body


def test_fixed_template_text_is_not_marked(plan_folder):
    body = _parts(plan_folder / "output" / "plan.docx")["word/document.xml"]
    for control in re.findall(r"<w:sdtContent>(.*?)</w:sdtContent>", body):
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", control))
        assert "Het plan streeft" not in text and "Dit plan beschrijft" not in text


def test_the_map_says_where_the_document_comes_from(plan_folder):
    field_map = _field_map(_parts(plan_folder / "output" / "plan.docx"))
    assert 'gemeente="Halle"' in field_map and 'document="plan"' in field_map
    assert 'versie=""' in field_map


def test_a_confidential_interview_has_no_place_to_mark(halle):
    from livb.folder.project import load_project
    from livb.model.walk import model_places

    project = load_project(halle).project
    assert project is not None
    files = {path for path, _ in model_places(project, confidential=False).values()}
    everything = {path for path, _ in model_places(project, confidential=True).values()}
    interviews = {path for path in everything if path.startswith("gesprekken/")}
    assert interviews and not files & interviews
    assert "plan.yaml" in files
