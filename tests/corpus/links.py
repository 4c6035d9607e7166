"""A folder cloned from someone else: links that would make livb write outside the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus import Case
from helpers import EXAMPLE

WRITE_HINT = (
    "hulp: verwijder de koppeling en zet er een gewone map of een gewoon bestand in de "
    "plaats{}; livb schrijft nooit via een koppeling, zodat een gekopieerde of gekloonde map "
    "niet buiten zichzelf kan schrijven"
)
RENDER_HINT = WRITE_HINT.format(", of kies met --uit een andere map")
HINT = WRITE_HINT.format("")


def linked(name: str, target: str) -> Callable[[Path], None]:
    """A committed link NAME -> TARGET (a folder); what was at NAME is moved to TARGET."""

    def setup(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        elsewhere = path.parent / target
        elsewhere.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            path.rename(elsewhere)
        else:
            elsewhere.mkdir()
        path.symlink_to(target, target_is_directory=True)

    return setup


def nothing_written_through(name: str) -> Callable[[Path], None]:
    """livb wrote nothing through the link NAME: its target holds what the example had there."""

    def check(root: Path) -> None:
        target = (root / name).resolve()
        found = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
        source = EXAMPLE / name
        before = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()}
        assert found == before, found ^ before

    return check


def nothing_elsewhere(root: Path) -> None:
    """livb wrote nothing in the folder next to the gemeente folder."""
    elsewhere = root.parent / "elders"
    assert not elsewhere.exists() or not any(elsewhere.iterdir()), list(elsewhere.iterdir())


def _output_file_linked(root: Path) -> None:
    (root / "output").mkdir()
    (root.parent / "elders").mkdir()
    (root / "output" / "plan.docx").symlink_to("../../elders/plan.docx")


def _lock_linked_to_livb_yaml(root: Path) -> None:
    (root / "output").mkdir()
    (root / "output" / ".livb-render.lock").symlink_to("../livb.yaml")


def _livb_yaml_intact(root: Path) -> None:
    assert "nis_code" in (root / "livb.yaml").read_text("utf-8")


CASES: list[Case] = [
    Case(
        "output-folder-is-a-committed-link-out",
        linked("output", "../elders"),
        ("render", "alle", "{map}"),
        1,
        (
            "fout: kan 'output' niet schrijven: het is een koppeling (symlink) naar '../elders'\n",
            RENDER_HINT,
        ),
        check=nothing_elsewhere,
    ),
    Case(
        "output-document-is-a-link-out",
        _output_file_linked,
        ("render", "plan", "{map}"),
        1,
        (
            "fout: kan 'output/plan.docx' niet schrijven: het is een koppeling (symlink) naar "
            "'../../elders/plan.docx'\n",
            RENDER_HINT,
        ),
        check=nothing_elsewhere,
    ),
    Case(
        "output-lock-is-a-link-to-livb-yaml",
        _lock_linked_to_livb_yaml,
        ("render", "plan", "{map}"),
        1,
        (
            "fout: kan 'output/.livb-render.lock' niet schrijven: het is een koppeling (symlink) "
            "naar '../livb.yaml'\n",
        ),
        check=_livb_yaml_intact,
    ),
    Case(
        "output-folder-under-a-linked-parent",
        linked("uitvoer", "../elders"),
        ("render", "plan", "{map}", "--uit", "{map}/uitvoer/documenten"),
        1,
        (
            "fout: kan 'uitvoer/documenten' niet schrijven: 'uitvoer' is een koppeling "
            "(symlink) naar '../elders'\n",
        ),
        check=nothing_elsewhere,
    ),
    Case(
        "new-lock-folder-is-a-link-out",
        linked(".livb", "../elders"),
        ("new", "actor", "{map}", "--id", "jan-peeters"),
        1,
        (
            "fout: kan '.livb/new.lock' niet schrijven: '.livb' is een koppeling (symlink) naar "
            "'../elders'\n",
            HINT,
        ),
        check=nothing_written_through(".livb"),
    ),
    Case(
        "new-monitoring-folder-is-a-link-out",
        linked("monitoring", "teksten/monitoring"),
        ("new", "monitoring", "{map}", "--jaar", "2012"),
        1,
        (
            "fout: kan 'monitoring/2012.yaml' niet schrijven: 'monitoring' is een koppeling "
            "(symlink) naar 'teksten/monitoring'\n",
            HINT,
        ),
        check=nothing_written_through("monitoring"),
    ),
    Case(
        "new-meeting-folder-is-a-link-out",
        linked("vergaderingen", "teksten/vergaderingen"),
        ("new", "vergadering", "{map}", "--datum", "2030-06-15"),
        1,
        (
            "fout: kan 'vergaderingen/2030-06-15-kerngroep.yaml' niet schrijven: 'vergaderingen' "
            "is een koppeling (symlink) naar 'teksten/vergaderingen'\n",
        ),
        check=nothing_written_through("vergaderingen"),
    ),
    Case(
        "schema-folder-is-a-link-out",
        linked(".livb", "../elders"),
        ("schema", "--map", "{map}"),
        1,
        (
            "fout: kan '.livb/schema' niet schrijven: '.livb' is een koppeling (symlink) naar "
            "'../elders'\n",
        ),
        check=nothing_written_through(".livb"),
    ),
]
