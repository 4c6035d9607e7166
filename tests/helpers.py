"""Paths and helpers shared by the tests (imported as a plain module: tests/ is on sys.path)."""

from __future__ import annotations

import os
import random
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "halle"

# What a user's run leaves in a folder and a test must never copy: rendered documents, locks and
# their holder notes, editor and office lock files, Python's caches.
LEFT_BEHIND = (
    "output",
    "*.lock",
    "*.lock.houder",
    "*~",
    "*.swp",
    ".#*",
    ".~lock.*#",
    "~$*",
    "__pycache__",
)


# The sweeps (every hostile case through every command, a render killed at any moment) are
# sampled in a normal run: tests/conftest.py picks the seed once and prints it; `--sweep-seed N`
# repeats a run's sample, `--volledig` runs everything.
SWEEP_SEED = "LIVB_SWEEP_SEED"
SWEEP_FULL = "LIVB_SWEEP_VOLLEDIG"


def sweep_is_full() -> bool:
    return os.environ.get(SWEEP_FULL) == "1"


T = TypeVar("T")


def sweep_sample(items: Sequence[T], size: int, salt: str) -> list[T]:
    """`size` of the items, the same for a seed and a salt, in their order; all with --volledig."""
    if sweep_is_full() or size >= len(items):
        return list(items)
    rng = random.Random(f"{os.environ.get(SWEEP_SEED, '0')}:{salt}")
    chosen = set(rng.sample(range(len(items)), size))
    return [item for index, item in enumerate(items) if index in chosen]


def sweep_rng(salt: str) -> random.Random:
    """A random source for a sampled sweep, repeatable from the printed seed."""
    return random.Random(f"{os.environ.get(SWEEP_SEED, '0')}:{salt}")


def copy_example(target: Path, source: Path = EXAMPLE, *, symlinks: bool = False) -> Path:
    """Copy a sample folder as git holds it: without what a user's run left behind.

    The police zone's folder its livb.yaml names by a relative path is copied beside the copy
    (see :func:`copy_zone_beside`), so the copy reads the same ZVP.
    """
    shutil.copytree(source, target, symlinks=symlinks, ignore=shutil.ignore_patterns(*LEFT_BEHIND))
    copy_zone_beside(source, target)
    return target


def copy_folder(source: Path, target: Path) -> Path:
    """Copy a folder whole, with what a run left in it (its output, with their times), and the
    zone folder its livb.yaml names beside the copy (see :func:`copy_zone_beside`)."""
    shutil.copytree(source, target)
    copy_zone_beside(source, target)
    return target


def copy_zone_beside(source: Path, target: Path) -> Path | None:
    """Copy the zone folder a folder's livb.yaml names (``politiezone.map``) beside its copy.

    Only a relative path that leads out of the folder: ``../pz-zennevallei`` of ``source`` is
    copied to ``../pz-zennevallei`` of ``target``, once; a zone folder already there (of an
    earlier copy in the same parent) is kept as it is. Returns the zone folder of the copy, or
    None when there is nothing to copy (no such path, a folder without livb.yaml, a path that
    does not lead to a folder).
    """
    from livb.folder.yamlio import YamlSyntaxError, parse_fast

    try:
        data = parse_fast((source / "livb.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None
    gemeente = data.get("gemeente") if isinstance(data, dict) else None
    zone = gemeente.get("politiezone") if isinstance(gemeente, dict) else None
    folder = zone.get("map") if isinstance(zone, dict) else None
    if not isinstance(folder, str) or not folder or Path(folder).is_absolute():
        return None
    copied = Path(os.path.normpath(target / folder))
    original = source / folder
    if copied.is_relative_to(target) or not original.is_dir():
        return None
    if not copied.exists():
        copied.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(original, copied, ignore=shutil.ignore_patterns(*LEFT_BEHIND))
    return copied


# The minimal folder's two actors without their names: only LIVB202 (actor zonder naam).
UNNAMED = """\
actoren:
  - {id: coord, rol: coordinator, schakels: [preventie, nazorg]}
  - {id: burg, rol: burgemeester, schakels: [repressie]}
"""


# A small valid folder: the gemeente, a coordinator and a mayor in the kerngroep.
MINIMAL = {
    "livb.yaml": """\
        gemeente:
          naam: Halle
          nis_code: "23027"
        coordinator: coord
        """,
    "actoren.yaml": """\
        actoren:
          - id: coord
            naam: An Peeters
            rol: coordinator
            schakels: [preventie, nazorg]
          - id: burg
            naam: Jan Burg
            rol: burgemeester
            schakels: [repressie]
        """,
    "organen.yaml": """\
        kerngroep:
          leden: [coord, burg]
        """,
}


def repeatable(max_examples: int, *allowed: HealthCheck) -> settings:
    """Hypothesis settings for the normal run: the same examples every time, no database.

    ``allowed``: health checks that do not apply (slow or large examples are expected).
    """
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(allowed),
    )


def write_tree(root: Path, files: dict[str, str | None]) -> Path:
    """Write files (dedented) under root; a value of None deletes the file."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def edit(root: Path, path: str, old: str, new: str) -> None:
    """Replace a text that occurs exactly once in a file of the folder."""
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")


NOT_FOR_HALLE = {"preventieplan": "tests/test_begroting.py"}
"""Documents Halle has no reason for (it has no federal prevention plan), and where their
reviewed snapshot is made instead (of a folder under tests/projects/)."""


def halle_snapshots() -> list[str]:
    """The file of every registered document for examples/halle (a per-item one: its first item).

    Each has a reviewed snapshot in tests/golden/ with the same name and ``.txt``; the documents
    of :data:`NOT_FOR_HALLE` are left out.
    """
    from livb.documents import DOCUMENTS
    from livb.folder.project import load_project

    project = load_project(EXAMPLE).project
    assert project is not None
    return [
        d.output_name(next(iter(d.items(project))))
        for d in DOCUMENTS.values()
        if d.name not in NOT_FOR_HALLE
    ]


# A small plan that is not Halle's: two actions of two trekkers, one indicator, one task.
SMALL_PLAN = {
    **MINIMAL,
    "livb.yaml": """\
        gemeente:
          naam: Lint
          nis_code: "11025"
        coordinator: coord
        beleid:
          periode: {van: 2025-01-01, tot: 2027-12-31}
        """,
    "prioriteiten.yaml": """\
        prioriteiten:
          - id: fietsen
            titel: Fietsdiefstal
        """,
    "doelstellingen/fietsen.yaml": """\
        prioriteit: fietsen
        strategische_doelstellingen:
          - id: sd-fietsen
            titel: Minder fietsdiefstal
            operationele_doelstellingen:
              - id: od-stallingen
                titel: Veilige stallingen aan het station
                indicatoren:
                  - id: i-diefstallen
                    naam: Gestolen fietsen
                    eenheid: fietsen
                    basiswaarde: {waarde: 120, jaar: 2024}
                    streefwaarde: {waarde: 80, jaar: 2027}
                acties:
                  - id: a-stalling
                    titel: Een bewaakte stalling
                    trekker: coord
                    start: 2025-03-01
                    einde: 2026-12-31
                    budget: 25000
                  - id: a-graveren
                    titel: Fietsen graveren op de markt
                    trekker: burg
                    start: 2025-01-01
                    einde: 2027-12-31
        """,
    "vergaderingen/2025-11-04-kerngroep.yaml": """\
        orgaan: kerngroep
        datum: 2025-11-04
        aanwezig: [coord, burg]
        huiswerk:
          - wie: coord
            wat: Offertes voor de stalling opvragen.
            tegen: 2026-02-01
        """,
}
