"""The hostile corpus (tests/corpus/): every case gives its exact answer, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import Case, all_cases
from helpers import MINIMAL, copy_example, sweep_sample, write_tree

CASES = all_cases()
TRACEBACK = "Traceback (most recent call last)"


def make_base(case: Case, tmp_path: Path) -> Path:
    root = tmp_path / "gemeente"
    if case.base == "halle":
        copy_example(root, symlinks=True)
        shutil.rmtree(root / "output", ignore_errors=True)
    elif case.base == "minimal":
        write_tree(root, MINIMAL)
    elif case.base == "empty":
        root.mkdir()
    else:
        raise ValueError(f"unknown base {case.base!r}")
    return root


def arguments(command: tuple[str, ...], root: Path, out: Path) -> list[str]:
    return [part.replace("{map}", str(root)).replace("{out}", str(out)) for part in command]


def run_livb(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run livb as a real process; the output is stdout and stderr together."""
    done = subprocess.run(
        [sys.executable, "-m", "livb", *args],
        capture_output=True,
        env={**os.environ, **env},
        cwd=cwd,
        timeout=300,
        check=False,
    )
    text = (done.stdout + done.stderr).decode("utf-8", errors="replace")
    return done.returncode, text


def run_case(case: Case, tmp_path: Path, livb_inprocess) -> tuple[Path, int, str]:
    root = make_base(case, tmp_path)
    case.setup(root)
    args = arguments(case.command, root, tmp_path / "uit")
    if case.subprocess or case.env:
        code, text = run_livb(args, case.env, tmp_path)
    else:
        result = livb_inprocess(*args)
        code, text = result.code, result.out + result.err
    return root, code, text


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_its_answer(case: Case, tmp_path, livb):
    root, code, text = run_case(case, tmp_path, livb)
    assert TRACEBACK not in text, text
    assert code == case.code, text
    for expected in case.expect:
        assert expected in text, f"{expected!r} not in:\n{text}"
    for forbidden in case.absent:
        assert forbidden not in text, f"{forbidden!r} leaked:\n{text}"
    if case.check is not None:
        case.check(root)


def test_the_corpus_is_large_and_covers_every_area():
    import importlib
    import pkgutil

    import corpus

    sizes = {
        module.name: len(importlib.import_module(f"corpus.{module.name}").CASES)
        for module in pkgutil.iter_modules(corpus.__path__)
    }
    assert sum(sizes.values()) == len(CASES) >= 80
    assert all(sizes.values()), sizes  # no area without its hostile cases


COMMANDS = (
    ("check", "{map}"),
    ("check", "{map}", "--format", "json"),
    ("status", "{map}"),
    ("render", "plan", "{map}", "--uit", "{out}", "--definitief"),
)


def same_folders(cases: list[Case]) -> list[tuple[Case, ...]]:
    """The cases grouped by the folder they start from (base, setup and environment alike).

    The commands of the sweeps below do not depend on a case's own command: the cases of a
    group (52 start from Halle unchanged) would each run them over the same folder.
    """
    groups: dict[tuple[object, ...], list[Case]] = {}
    for case in cases:
        groups.setdefault((case.base, case.setup, tuple(sorted(case.env.items()))), []).append(case)
    return [tuple(group) for group in groups.values()]


def _folder_id(group: tuple[Case, ...]) -> str:
    return group[0].name if len(group) == 1 else f"{group[0].name}-and-{len(group) - 1}-more"


FOLDERS = same_folders(CASES)
# Rendering every document takes a second a folder: a sample of the folders per run (the seed is
# printed at the top; --volledig runs every one).
RENDER_ALL = (("render", "alle", "{map}", "--uit", "{out}"),)
RENDER_SAMPLE_SIZE = 20
RENDER_SAMPLE = sweep_sample(FOLDERS, RENDER_SAMPLE_SIZE, "hostile-render-alle")


def _never_a_traceback(case: Case, tmp_path: Path, livb, commands: tuple[tuple[str, ...], ...]):
    root = make_base(case, tmp_path)
    case.setup(root)
    for command in commands:
        args = arguments(command, root, tmp_path / "uit")
        if case.env:
            code, text = run_livb(args, case.env, tmp_path)
        else:
            result = livb(*args)
            code, text = result.code, result.out + result.err
        assert TRACEBACK not in text, f"livb {' '.join(args)}:\n{text}"
        assert code in (0, 1, 2), f"livb {' '.join(args)} exited {code}:\n{text}"


def test_every_case_has_its_folder_swept_once():
    swept = [case.name for group in FOLDERS for case in group]
    assert sorted(swept) == sorted(case.name for case in CASES)
    for group in FOLDERS:
        assert len({(c.base, c.setup, tuple(sorted(c.env.items()))) for c in group}) == 1


@pytest.mark.parametrize("group", FOLDERS, ids=map(_folder_id, FOLDERS))
def test_no_command_ends_in_a_traceback(group: tuple[Case, ...], tmp_path, livb):
    """Every command over every case's folder: a message and an exit code, never a traceback."""
    _never_a_traceback(group[0], tmp_path, livb, COMMANDS)


@pytest.mark.parametrize("group", RENDER_SAMPLE, ids=map(_folder_id, RENDER_SAMPLE))
def test_rendering_every_document_ends_in_no_traceback(group: tuple[Case, ...], tmp_path, livb):
    """`render alle` over a sample of the cases' folders (all of them with --volledig)."""
    _never_a_traceback(group[0], tmp_path, livb, RENDER_ALL)


def test_the_render_sample_is_repeatable_and_full_on_request(monkeypatch):
    from helpers import SWEEP_FULL, SWEEP_SEED

    monkeypatch.setenv(SWEEP_SEED, "4711")
    monkeypatch.delenv(SWEEP_FULL, raising=False)
    size = RENDER_SAMPLE_SIZE
    first = sweep_sample(FOLDERS, size, "hostile-render-alle")
    assert first == sweep_sample(FOLDERS, size, "hostile-render-alle")
    assert len(first) == size and len({group[0].name for group in first}) == size
    monkeypatch.setenv(SWEEP_SEED, "4712")
    assert sweep_sample(FOLDERS, size, "hostile-render-alle") != first
    monkeypatch.setenv(SWEEP_FULL, "1")
    assert sweep_sample(FOLDERS, size, "hostile-render-alle") == FOLDERS
