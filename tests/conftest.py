"""Shared helpers: sample folders written inline, the example copied, the CLI run in-process."""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import MINIMAL, SWEEP_FULL, SWEEP_SEED, copy_example, write_tree

# Outside a folder livb speaks the environment's language: the tests expect Dutch there, on any
# machine (a test of French sets the folder's taal or LIVB_TAAL itself).
os.environ["LIVB_TAAL"] = "nl"


@pytest.fixture(autouse=True)
def _language_of_the_environment() -> Iterator[None]:
    """Each test starts in the environment's language: a French folder loaded before is gone."""
    from livb.core import i18n

    with i18n.speaking(None):
        yield


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("livb")
    group.addoption(
        "--volledig",
        action="store_true",
        help="run every sweep in full (every hostile case through every command, every kill)",
    )
    group.addoption(
        "--sweep-seed",
        type=int,
        help="the seed that picks the sampled part of each sweep (printed at the top of a run)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Pick the sweeps' seed once, in the main process: xdist's workers inherit the environment,
    so every worker collects the same sample."""
    if hasattr(config, "workerinput"):
        return
    seed = config.getoption("sweep_seed") or os.environ.get(SWEEP_SEED)
    os.environ[SWEEP_SEED] = str(seed if seed is not None else random.randrange(1, 10**6))
    if config.getoption("volledig"):
        os.environ[SWEEP_FULL] = "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long tests first: a worker that started one last would keep the run waiting."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_report_header(config: pytest.Config) -> str:
    seed = os.environ[SWEEP_SEED]
    if os.environ.get(SWEEP_FULL) == "1":
        return f"livb sweeps: in full (--volledig), seed {seed}"
    return (
        f"livb sweeps: sampled with seed {seed} (same sample: --sweep-seed {seed}; all: --volledig)"
    )


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


@pytest.fixture(scope="session")
def halle_rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/halle after `render alle` on 21 November 2026, rendered once per worker.

    Shared by every test that asks for it: copy it (shutil.copytree keeps the times the
    manifest was written with) before changing or rendering anything in it.
    """
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    root = tmp_path_factory.mktemp("gerenderd") / "halle"
    copy_example(root)
    render_documents(RenderRequest(root, ["alle"], today=dt.date(2026, 11, 21)))
    return root


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def livb(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the livb command in-process, as the console script does."""
    from livb.cli.app import main

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
