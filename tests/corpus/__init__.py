"""The hostile corpus: small folders and scenarios that a clumsy user or an attacker would make.

Each module in this package defines ``CASES``, a list of :class:`Case`. A case starts from a
fresh copy of a base folder, changes one thing (``setup``), runs one livb command and states
the exact outcome: the exit code and the Dutch text the user must see. ``test_hostile.py``
runs every case, and runs every command over every case's folder to prove that none of them
ends in a Python traceback.

Add a case where its subject lives: ``loader.py`` (files, YAML, CSV, values), ``new.py``
(``livb new``), ``render.py`` (documents, manifest, output folder), ``templates.py`` (a
gemeente's own templates), ``truth.py`` (gaps and ``--definitief``), ``story.py`` (a folder
that tells a real municipality's story), ``versions.py`` (git revisions, ``livb diff`` and
``livb besluit``), ``cli.py`` (options and the environment), ``links.py`` (links in a cloned
folder that would make livb write outside it).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Setup = Callable[[Path], None]


def _nothing(root: Path) -> None:
    return


@dataclass(frozen=True)
class Case:
    """One hostile scenario and what livb must answer.

    Attributes:
        name: a short, unique id (becomes the pytest id).
        setup: changes the fresh folder (``root``) before the command runs.
        command: the livb arguments; ``{map}`` is replaced by the folder, ``{out}`` by a fresh
            output folder outside it.
        code: the exit code expected.
        expect: texts that must appear in the output (stdout and stderr together): the exact
            Dutch message, with file:line:col where the input has a position.
        absent: texts that must not appear (e.g. a secret the case tries to leak).
        base: the starting folder: ``halle`` (examples/halle), ``minimal`` (a small valid
            folder) or ``empty`` (an empty directory).
        env: extra environment variables for the command.
        subprocess: run livb as a real process (for environment variables, signals,
            encodings); otherwise in-process, which is faster.
        check: an extra assertion on the folder after the command (e.g. nothing overwritten).
    """

    name: str
    setup: Setup = _nothing
    command: tuple[str, ...] = ("check", "{map}")
    code: int = 1
    expect: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    base: str = "halle"
    env: dict[str, str] = field(default_factory=dict)
    subprocess: bool = False
    check: Callable[[Path], None] | None = None


def all_cases() -> list[Case]:
    """Every case of every module in this package, in module order."""
    cases: list[Case] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        cases.extend(importlib.import_module(f"{__name__}.{module.name}").CASES)
    names = [case.name for case in cases]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"duplicate case names: {duplicates}")
    return cases
