"""A newcomer's first hour: the README's commands do not break each other (issue 16)."""

from __future__ import annotations

import ast
from pathlib import Path

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


def test_dutch_option_names_and_their_english_aliases_do_the_same(halle, livb):
    pairs = [
        (("check", halle, "--alleen", "LIVB220", "--formaat", "json"),
         ("check", halle, "--select", "LIVB220", "--format", "json")),
        (("check", halle, "--negeer", "LIVB220"), ("check", halle, "--ignore", "LIVB220")),
        (("check", "--uitleg", "LIVB208"), ("check", "--explain", "LIVB208")),
    ]  # fmt: skip
    for dutch, english in pairs:
        first, second = livb(*dutch), livb(*english)
        assert (first.code, first.out, first.err) == (second.code, second.out, second.err)
        assert first.out
    assert "LIVB220" in livb("check", halle, "--alleen", "LIVB220").out
    assert "LIVB220" not in livb("check", halle, "--negeer", "LIVB220").out


def test_an_explanation_shows_no_markup(livb):
    text = livb("check", "--uitleg", "LIVB208").out
    assert "``" not in text
    assert "'prioriteit'" in text and "'projectleider'" in text


def _completions(livb, monkeypatch, line: str) -> list[str]:
    """What bash's Tab offers after `line`, asked of livb as the completion script does."""
    words = line.split() + ([""] if line.endswith(" ") else [])
    monkeypatch.setenv("_LIVB_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", " ".join(words))
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    result = livb()
    monkeypatch.delenv("_LIVB_COMPLETE")
    assert result.code == 0, result.err
    return result.out.split()


def test_tab_completes_commands_options_documents_and_values(livb, monkeypatch):
    from livb.documents import DOCUMENTS

    assert _completions(livb, monkeypatch, "livb re") == ["render"]
    assert set(_completions(livb, monkeypatch, "livb render ")) == {*DOCUMENTS, "alle"}
    assert "plan" in _completions(livb, monkeypatch, "livb render pl")
    assert _completions(livb, monkeypatch, "livb besluit --door gem") == ["gemeenteraad"]
    assert _completions(livb, monkeypatch, "livb new actor --rol sche") == ["schepen"]
    assert "LIVB208" in _completions(livb, monkeypatch, "livb check --uitleg LIVB20")
    assert {"--alleen", "--select"} <= set(_completions(livb, monkeypatch, "livb check --"))


def test_install_completion_writes_the_script_and_says_so_in_dutch(livb, monkeypatch, tmp_path):
    import typer._completion_shared as shared

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "bash")
    result = livb("--install-completion")
    assert result.code == 0, result.err
    script = tmp_path / ".bash_completions" / "livb.sh"
    assert f"Aanvullen met Tab is geïnstalleerd voor bash, in {script}." in result.out
    assert "_LIVB_COMPLETE" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "tcsh")
    refused = livb("--install-completion")
    assert refused.code == 2
    assert refused.err.startswith(
        "gebruik: livb kan je shell (tcsh) niet laten aanvullen met Tab\n"
        "    hulp: dat kan in bash, zsh, fish, powershell en pwsh\n"
    )


def test_the_completion_script_works_in_a_real_bash(tmp_path):
    """The script of --show-completion, sourced by bash, offers what livb answers."""
    import os
    import shutil
    import subprocess
    import sys

    import pytest

    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    livb_bin = Path(sys.executable).parent
    if not (livb_bin / "livb").exists():
        pytest.skip("the livb console script is not installed beside this Python")
    env = {**os.environ, "PATH": f"{livb_bin}{os.pathsep}{os.environ['PATH']}"}
    script = subprocess.run(
        ["livb", "--show-completion", "bash"], capture_output=True, text=True, env=env, check=True
    ).stdout
    (tmp_path / "livb.sh").write_text(script, encoding="utf-8")
    probe = (
        f"source {tmp_path / 'livb.sh'}\n"
        'COMP_WORDS=(livb render pla); COMP_CWORD=2; _livb_completion livb pla render; echo "${COMPREPLY[@]}"\n'
        "complete -p livb\n"
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    offered, registered = done.stdout.splitlines()
    assert offered.split() == ["plan"]
    assert registered.endswith(" livb")
