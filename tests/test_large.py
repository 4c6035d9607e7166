"""A large city's documents: charts beside the text, each drawn once, the house style read once.

The x10 city itself renders in bench/ (bench/run.py, tests/test_bench.py); here the same
logic on small folders, with the charts' drawing stubbed where only its calls matter.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import struct
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import docx
import pytest

from livb.documents import charts
from livb.documents.render import RenderRequest, render_documents
from livb.word.docx import HouseStyle

from helpers import REPO, copy_example

DAY = dt.date(2026, 11, 21)
MECHELEN = REPO / "tests" / "projects" / "mechelen"


def png(payload: int = 0) -> bytes:
    """A valid 1×1 PNG, with ``payload`` bytes of text in it to make it as large as asked."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"tEXt", b"livb\x00" + b"x" * payload),
            chunk(b"IDAT", zlib.compress(b"\x00\x00")),
            chunk(b"IEND", b""),
        ]
    )


@pytest.fixture
def drawn(monkeypatch):
    """Every chart drawn (stubbed): the chart, and whether the cyclic collector was on."""
    calls: list[tuple[charts.Chart, bool]] = []
    numbers: dict[charts.Chart, int] = {}

    def draw(chart: charts.Chart) -> bytes:
        calls.append((chart, gc.isenabled()))
        return png(payload=numbers.setdefault(chart, len(numbers)))  # one picture per chart

    monkeypatch.setattr(charts, "_png", draw)
    return calls


def media(document: Path) -> list[int]:
    with zipfile.ZipFile(document) as package:
        return [i.file_size for i in package.infolist() if i.filename.startswith("word/media/")]


def shown(document: Path) -> int:
    """How many pictures the body shows."""
    with zipfile.ZipFile(document) as package:
        return package.read("word/document.xml").count(b"<wp:inline")


def test_a_chart_in_two_documents_is_drawn_once_with_the_collector_on(halle, drawn):
    """The plan and the progress report both show the actions per link of the chain."""
    render_documents(RenderRequest(halle, ["voortgangsrapport", "plan"], today=DAY))
    times = Counter(chart for chart, _ in drawn)
    assert times and set(times.values()) == {1}, times
    shared = charts.BarChart  # the chain's chart: the one kind both documents show
    assert [type(chart) for chart in times].count(shared) == 1
    assert all(enabled for _, enabled in drawn)  # matplotlib's figures are cycles
    pictures = [media(halle / "output" / name) for name in ("voortgangsrapport.docx", "plan.docx")]
    assert sum(map(len, pictures)) == len(drawn) + 1  # the shared one is in both


def test_a_chart_larger_than_the_text_limit_travels_beside_the_text(tmp_path, monkeypatch):
    """The Markdown limit is for what the template writes: a picture livb draws is not text."""
    folder = copy_example(tmp_path / "mechelen", MECHELEN)
    limit = 100_000  # above the plan's text (about 47,000 characters), below one picture
    monkeypatch.setattr("livb.documents.render.MAX_OUTPUT", limit)
    monkeypatch.setattr("livb.documents.environment.MAX_OUTPUT", limit)
    picture = png(payload=2 * limit)
    monkeypatch.setattr(charts, "_png", lambda chart: picture)
    render_documents(RenderRequest(folder, ["plan"], today=DAY))
    plan = folder / "output" / "plan.docx"
    assert shown(plan) >= 2, "mechelen's plan shows several charts"
    assert media(plan) == [len(picture)]  # one picture, shown at every chart


def digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.docx"))}


@pytest.mark.parametrize(
    ("source", "names"),
    [
        (None, ["intentieverklaring", "voortgangsrapport"]),
        (MECHELEN, ["plan"]),
    ],
    ids=["halle", "mechelen"],
)
def test_the_house_style_read_once_writes_the_same_bytes(
    tmp_path, monkeypatch, drawn, source, names
):
    """Each document from a copy of the parsed house style, as each from the file itself."""
    folder = copy_example(tmp_path / "map", source) if source else copy_example(tmp_path / "map")
    opened: list[Path] = []

    def from_the_file(style: HouseStyle) -> object:
        opened.append(style.path)
        return docx.Document(str(style.path))

    render_documents(RenderRequest(folder, names, out=tmp_path / "eens", today=DAY))
    once = digests(tmp_path / "eens")
    monkeypatch.setattr(HouseStyle, "new_document", from_the_file)
    render_documents(RenderRequest(folder, names, out=tmp_path / "telkens", today=DAY))
    assert len(opened) == len(once) == len(names)
    assert digests(tmp_path / "telkens") == once


def test_the_house_style_file_is_read_once_per_run(halle, monkeypatch, drawn):
    real = docx.Document
    opened = []

    def counted(source: object = None) -> object:
        opened.append(source)
        return real(source)

    monkeypatch.setattr(docx, "Document", counted)
    rendered = render_documents(RenderRequest(halle, ["intentieverklaring", "agenda"], today=DAY))
    assert len(rendered) >= 3 and len(opened) == 1, opened


def test_field_marks_do_not_count_toward_the_size_limits():
    # a big city's texts each carry a mark of some hundred characters: the limits are for what
    # the folder wrote, so a text under the limit passes however many marks surround its parts
    from livb.documents.environment import MAX_TEXT, TemplateProblem, check_size
    from livb.word.ir import FieldText, written_length

    field = FieldText(
        "Een actie", "doelstellingen/prio-1.yaml#/strategische_doelstellingen/0/titel"
    )
    marked = str(field)
    assert written_length(marked) == len("Een actie") < len(marked)
    many = marked * (MAX_TEXT // len(marked) + 1)  # over the limit with its marks
    assert len(many) > MAX_TEXT >= written_length(many)
    check_size(many)  # passes: the written text is under the limit
    with pytest.raises(TemplateProblem):
        check_size("x" * (MAX_TEXT + 1))  # what was written still counts in full
