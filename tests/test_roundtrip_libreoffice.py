"""A document edited in Word, then saved again by LibreOffice: every field's mark survives.

LibreOffice drops content controls when it saves a .docx, but keeps bookmarks and the custom
XML part with the map: the import works on what it wrote. One LibreOffice run for the module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from wordshapes import FIRST, VISIE, first_visie_paragraph, repack, replace_control, word_runs

from helpers import copy_example, copy_folder

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and os.environ.get("LIVB_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice is not installed",
)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Halle, its rendered plan, and the plan edited in Word then saved by LibreOffice."""
    from livb.documents.render import RenderRequest, render_documents

    base = tmp_path_factory.mktemp("libreoffice")
    root = copy_example(base / "halle")
    render_documents(RenderRequest(root=root, documents=["plan"]))

    def edit(body: str, names: dict[str, str]) -> str:
        rest = first_visie_paragraph(body, names).removeprefix(FIRST)
        runs = word_runs(
            ("keep", "Halle wil een "), ("type", "warme "), ("keep", FIRST[14:] + rest)
        )
        return replace_control(body, names[VISIE], runs)

    edited = base / "in-word" / "plan.docx"
    edited.parent.mkdir()
    edited.write_bytes(repack((root / "output" / "plan.docx").read_bytes(), edit))
    assert SOFFICE is not None
    out = base / "in-libreoffice"
    command = [SOFFICE, f"-env:UserInstallation={(base / 'profiel').as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(out), str(edited)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return root, out / "plan.docx"


def field_names(path: Path, pattern: str) -> set[str]:
    with zipfile.ZipFile(path) as package:
        text = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith(("word/document", "customXml/item"))
        )
    return set(re.findall(pattern, text))


def test_libreoffice_keeps_every_field_bookmark_and_the_map(saved):
    root, resaved = saved
    rendered = root / "output" / "plan.docx"
    bookmarks = r'w:name="(_livbv\d+)"'
    assert field_names(resaved, bookmarks) == field_names(rendered, bookmarks)
    assert len(field_names(rendered, bookmarks)) > 20
    places = r'plaats="([^"]+)"'
    assert field_names(resaved, places) == field_names(rendered, places)


def test_the_edit_comes_back_through_libreoffice_and_nothing_else(saved, livb, tmp_path):
    root, resaved = saved
    folder = tmp_path / "halle"
    copy_folder(root, folder)
    result = livb("import", resaved, folder)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith(f"{VISIE}: 'Halle wil een stad zijn")
    assert "Geschreven: plan.yaml." in result.out
    assert "hoort bij geen veld" not in result.out  # LibreOffice's own shape is no new text
    assert "Halle wil een warme stad zijn" in (folder / "plan.yaml").read_text(encoding="utf-8")
