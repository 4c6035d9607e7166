"""A newcomer's first hour: the README's commands do not break each other (issue 16)."""

from __future__ import annotations

import ast

from helpers import REPO, copy_example

DAY = "2026-11-21"


def test_a_copy_leaves_out_what_a_users_run_left_behind(tmp_path):
    source = tmp_path / "gebruikt"
    (source / "output" / "versies").mkdir(parents=True)
    (source / "output" / "plan.docx").write_bytes(b"PK")
    (source / "actoren.yaml").write_text("actoren: []\n", encoding="utf-8")
    (source / "doelstellingen").mkdir()
    (source / "doelstellingen" / "d1.yaml").write_text("id: d1\n", encoding="utf-8")
    for leftover in (".livb.lock", ".livb.lock.houder", "actoren.yaml~", ".actoren.yaml.swp"):
        (source / leftover).write_text("x", encoding="utf-8")
    (source / "doelstellingen" / ".~lock.d1.yaml#").write_text("x", encoding="utf-8")
    (source / "doelstellingen" / "~$plan.docx").write_text("x", encoding="utf-8")

    copy = copy_example(tmp_path / "kopie", source)

    kept = sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*"))
    assert kept == ["actoren.yaml", "doelstellingen", "doelstellingen/d1.yaml"]


def test_the_tests_pass_after_the_quick_start_wrote_output(tmp_path, livb):
    """A folder in which `livb render` already ran copies like a fresh clone of it."""
    used = copy_example(tmp_path / "halle")
    assert livb("render", "plan", used, "--datum", DAY).code == 0
    assert (used / "output" / "plan.docx").is_file()

    copy = copy_example(tmp_path / "kopie", used)
    assert not (copy / "output").exists()
    again = livb("render", "plan", copy, "--datum", DAY)
    assert again.code == 0, again.err
    assert (copy / "output" / "plan.docx").is_file()


def _sample_copies_without_the_helper() -> list[str]:
    """Each `shutil.copytree(...)` in tests/ whose source names a sample folder of the repository."""
    samples = {"EXAMPLE", "ONTWERP", "PROJECTS", "REPO", "MECHELEN"}
    found = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        if path.name == "helpers.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "copytree" or not node.args:
                continue
            names = {n.id for n in ast.walk(node.args[0]) if isinstance(n, ast.Name)}
            if names & samples:
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_every_copy_of_a_sample_folder_goes_through_copy_example():
    assert _sample_copies_without_the_helper() == []
