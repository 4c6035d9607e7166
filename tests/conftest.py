"""Shared helpers: sample folders written inline, the example copied, the CLI run in-process."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import MINIMAL, copy_example, write_tree


@pytest.fixture(autouse=True, scope="session")
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """livb's compiled templates go to a folder of this test run, not the tester's home.

    Set in the environment, so the commands the tests start as processes use it too.
    """
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def minimal(tmp_path: Path) -> Callable[..., Path]:
    """A small valid folder, with extra or replaced files."""

    def make(extra: dict[str, str] | None = None) -> Path:
        return write_tree(tmp_path / "gemeente", {**MINIMAL, **(extra or {})})

    return make


@pytest.fixture
def halle(tmp_path: Path) -> Path:
    """A fresh copy of examples/halle."""
    target = tmp_path / "halle"
    copy_example(target)
    return target


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def livb(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the livb command in-process, as the console script does."""
    from livb.cli import main

    def run(*args: str | Path) -> Run:
        monkeypatch.setattr(sys, "argv", ["livb", *map(str, args)])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
