"""A plan edited in LibreOffice itself (through UNO), as a reviewer does, comes back.

The reviewer turns on change tracking, rewrites a sentence of the visie and comments on it;
LibreOffice saves the document with its own Word filter. ``livb import`` takes the edit over
(as if the changes were accepted), names the reviewer, lists the comment as a to-do, and
writes nothing else. One LibreOffice run for the module (tests/uno_edit.py, run by the
system's Python, which has LibreOffice's uno module: Debian's python3-uno).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from helpers import copy_example, copy_folder

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("uno_edit.py")


def _has_uno() -> bool:
    if not (Path(SYSTEM_PYTHON).is_file() and shutil.which("soffice")):
        return False
    done = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return done.returncode == 0


HAS_UNO = _has_uno()
pytestmark = pytest.mark.skipif(
    not HAS_UNO and os.environ.get("LIVB_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice's Python bridge (python3-uno) is not installed",
)

OLD = "Halle wil een stad zijn"
NEW = "Halle wil een warme stad zijn"
COMMENT = "Ook wie er op bezoek komt?"


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Halle with its rendered plan, and that plan as LibreOffice saved it after the edit."""
    from livb.documents.render import RenderRequest, render_documents

    assert HAS_UNO, "LibreOffice's Python bridge is missing: apt-get install python3-uno"
    base = tmp_path_factory.mktemp("uno")
    root = copy_example(base / "halle")
    render_documents(RenderRequest(root=root, documents=["plan"]))
    target = base / "plan-nagelezen.docx"
    command = [SYSTEM_PYTHON, str(SCRIPT), str(base / "profiel"),
               str(root / "output" / "plan.docx"), str(target),
               OLD, NEW, "@naar school gaat", COMMENT]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    # each edit found its text once: the script says how often
    assert f"{OLD!r}: 1" in done.stdout and "'@naar school gaat': 1" in done.stdout
    return root, target


def test_a_dry_run_shows_the_edit_the_reviewer_and_the_comment(edited, livb, tmp_path):
    root, target = edited
    folder = tmp_path / "halle"
    copy_folder(root, folder)
    before = (folder / "plan.yaml").read_bytes()
    result = livb("import", target, folder, "--droog")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"plan.yaml#/visie: '{OLD}") and f"→ '{NEW}" in lines[0]
    assert "bijgehouden wijzigingen van Lies Reviewer" in result.out
    assert f"  - Lies Reviewer bij plan.yaml#/visie: {COMMENT}" in lines
    assert "hoort bij geen veld" not in result.out  # LibreOffice's shapes are no new text
    assert (folder / "plan.yaml").read_bytes() == before


def test_the_edit_is_written_and_the_comment_is_not(edited, livb, tmp_path):
    root, target = edited
    folder = tmp_path / "halle"
    copy_folder(root, folder)
    before = (folder / "plan.yaml").read_text(encoding="utf-8")
    result = livb("import", target, folder)
    assert result.code == 0, result.err
    after = (folder / "plan.yaml").read_text(encoding="utf-8")
    yaml = YAML(typ="safe", pure=True)
    old_data, new_data = yaml.load(before), yaml.load(after)
    # the same text with the one edit (a single line break in a text is a space, as in the
    # documents: the import may wrap the lines of a block anew)
    assert new_data["visie"].split() == old_data["visie"].replace(OLD, NEW, 1).split()
    assert {k: v for k, v in new_data.items() if k != "visie"} == {
        k: v for k, v in old_data.items() if k != "visie"
    }
    # the comments and lines before the visie as they were; the comment is no data
    assert after.split("\nvisie:")[0] == before.split("\nvisie:")[0]
    assert COMMENT not in after
    check = livb("check", folder)
    assert check.code == 0, check.out
