"""The charts kept across runs in output/.livb-charts: the same bytes, drawn only when changed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from livb.documents import _chartcache as chartcache
from livb.documents import charts
from livb.documents.render import RenderRequest, render_documents

from helpers import SMALL_PLAN, write_tree

DAY = dt.date(2026, 5, 4)
ACTION_END = "einde: 2026-12-31"  # of a-stalling in SMALL_PLAN: on the goal's timeline


def render(root: Path) -> bytes:
    render_documents(RenderRequest(root, ["plan"], today=DAY))
    return (root / "output" / "plan.docx").read_bytes()


def kept(root: Path) -> dict[str, bytes]:
    folder = root / "output" / chartcache.FOLDER
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.png"))}


def pictures(docx: bytes, tmp_path: Path) -> list[bytes]:
    path = tmp_path / "gelezen.docx"
    path.write_bytes(docx)
    with zipfile.ZipFile(path) as archive:
        return [archive.read(n) for n in sorted(archive.namelist()) if n.endswith(".png")]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """SMALL_PLAN's plan rendered once: its folder (copy it before use) and plan.docx."""
    root = write_tree(tmp_path_factory.mktemp("grafieken") / "lint", SMALL_PLAN)
    return root, render(root)


@pytest.fixture
def folder(rendered: tuple[Path, bytes], tmp_path: Path) -> Path:
    root = tmp_path / "lint"
    shutil.copytree(rendered[0], root)
    return root


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The pictures drawn from here on (through the process's own cache of drawings)."""
    pictures: list[bytes] = []
    draw: Callable[[charts.Chart], bytes] = charts._png

    def counted(chart: charts.Chart) -> bytes:
        pictures.append(draw(chart))
        return pictures[-1]

    monkeypatch.setattr(charts, "_png", counted)
    return pictures


def test_the_first_render_keeps_each_chart_it_drew(
    rendered: tuple[Path, bytes], tmp_path: Path
) -> None:
    root, docx = rendered
    assert sorted(kept(root).values()) == sorted(pictures(docx, tmp_path))
    assert len(kept(root)) == 1  # SMALL_PLAN's one strategic goal: one timeline


def test_a_repeat_render_draws_nothing_and_writes_the_same_bytes(
    folder: Path, rendered: tuple[Path, bytes], drawn: list[bytes]
) -> None:
    before = kept(folder)
    (folder / "output" / "plan.docx").unlink()  # written anew, not left as it was
    assert render(folder) == rendered[1]
    assert drawn == []
    assert kept(folder) == before


def test_a_changed_value_is_drawn_again(
    folder: Path, rendered: tuple[Path, bytes], drawn: list[bytes], tmp_path: Path
) -> None:
    goals = folder / "doelstellingen" / "fietsen.yaml"
    text = goals.read_text("utf-8")
    assert ACTION_END in text
    goals.write_text(text.replace(ACTION_END, "einde: 2027-06-30"), "utf-8")
    before = kept(folder)
    docx = render(folder)
    assert len(drawn) == 1
    assert docx != rendered[1]
    assert pictures(docx, tmp_path) == drawn
    after = kept(folder)
    assert set(before) < set(after)  # the old picture stays for a folder that goes back
    assert [after[name] for name in set(after) - set(before)] == drawn


def test_a_damaged_picture_is_drawn_again_and_replaced(
    folder: Path, rendered: tuple[Path, bytes], drawn: list[bytes]
) -> None:
    (name, whole), *_ = kept(folder).items()
    (folder / "output" / chartcache.FOLDER / name).write_bytes(whole[: len(whole) // 2])
    assert render(folder) == rendered[1]
    assert len(drawn) == 1
    assert kept(folder) == {name: whole}


def test_the_key_follows_the_data_and_livb_version(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = charts.BarChart("Acties", ("preventie", "nazorg"), (3, 1))
    assert chartcache.chart_key(chart) == chartcache.chart_key(
        charts.BarChart("Acties", ("preventie", "nazorg"), (3, 1))
    )
    assert chartcache.chart_key(chart) != chartcache.chart_key(
        charts.BarChart("Acties", ("preventie", "nazorg"), (3, 2))
    )
    before = chartcache.chart_key(chart)
    monkeypatch.setattr(chartcache, "__version__", "99.0")
    chartcache._drawing.cache_clear()
    try:
        assert chartcache.chart_key(chart) != before
    finally:
        monkeypatch.undo()
        chartcache._drawing.cache_clear()
    assert chartcache.chart_key(chart) == before


def test_a_linked_cache_folder_is_neither_read_nor_written(
    folder: Path, rendered: tuple[Path, bytes], drawn: list[bytes], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    shutil.move(folder / "output" / chartcache.FOLDER, elsewhere)
    (folder / "output" / chartcache.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    before = {path.name: path.stat().st_mtime_ns for path in elsewhere.iterdir()}
    assert render(folder) == rendered[1]
    assert len(drawn) == 1
    assert {path.name: path.stat().st_mtime_ns for path in elsewhere.iterdir()} == before


def test_the_pictures_used_longest_ago_go_beyond_the_limit(
    folder: Path, rendered: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = folder / "output" / chartcache.FOLDER
    (name, whole), *_ = kept(folder).items()
    old = cache / ("0" * 64 + ".png")
    old.write_bytes(whole)
    os.utime(cache / name, (1, 1))  # used long ago: this render uses it again
    os.utime(old, (2, 2))
    monkeypatch.setattr(chartcache, "KEEP", 1)
    assert render(folder) == rendered[1]
    assert kept(folder) == {name: whole}
