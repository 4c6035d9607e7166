"""A large city's documents: charts beside the text, each made once, the house style read once.

The x10 city itself renders in bench/ (bench/run.py, tests/test_bench.py); here the same
logic on small folders, with the charts counted where only their calls matter.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import zipfile
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


@pytest.fixture
def drawn(monkeypatch):
    """Every chart made (counted): the chart, and whether the cyclic collector was on."""
    calls: list[tuple[charts.Chart, bool]] = []
    real = charts.drawing.__wrapped__

    @functools.lru_cache(maxsize=1024)
    def counted(chart: charts.Chart) -> object:
        calls.append((chart, gc.isenabled()))
        return real(chart)

    monkeypatch.setattr(charts, "drawing", counted)
    return calls


def chart_parts(document: Path) -> list[bytes]:
    with zipfile.ZipFile(document) as package:
        return [
            package.read(i.filename)
            for i in package.infolist()
            if i.filename.startswith("word/charts/")
        ]


def shown(document: Path) -> int:
    """How many charts the body shows."""
    with zipfile.ZipFile(document) as package:
        return package.read("word/document.xml").count(b"<c:chart ")


def test_a_chart_in_two_documents_is_made_once(halle, drawn):
    """The plan and the progress report both show the actions per link of the chain."""
    render_documents(RenderRequest(halle, ["voortgangsrapport", "plan"], today=DAY))
    times = Counter(chart for chart, _ in drawn)
    assert times and set(times.values()) == {1}, times
    shared = charts.BarChart  # the chain's chart: the one kind both documents show
    assert [type(chart) for chart in times].count(shared) == 1
    parts = [chart_parts(halle / "output" / n) for n in ("voortgangsrapport.docx", "plan.docx")]
    assert sum(map(len, parts)) == len(drawn) + 1  # the shared one is in both
    assert set(parts[0]) & set(parts[1]), "the shared chart: the same part in both"


def test_a_chart_larger_than_the_text_limit_travels_beside_the_text(tmp_path, monkeypatch):
    """The Markdown limit is for what the template writes: a chart livb makes is not text."""
    from livb.documents.environment import build_environment
    from livb.documents.render import _render_text, _template_folders, plan_jobs
    from livb.folder.project import load_project

    folder = copy_example(tmp_path / "mechelen", MECHELEN)
    project = load_project(folder).project
    assert project is not None
    [job] = plan_jobs(RenderRequest(folder, ["plan"], today=DAY), project)
    text = _render_text(build_environment(_template_folders(folder)), job)
    limit = len(text) + 1000  # the plan's text passes; with its charts in it, it would not
    monkeypatch.setattr("livb.documents.render.MAX_OUTPUT", limit)
    monkeypatch.setattr("livb.documents.environment.MAX_OUTPUT", limit)
    render_documents(RenderRequest(folder, ["plan"], today=DAY))
    plan = folder / "output" / "plan.docx"
    parts = chart_parts(plan)
    assert shown(plan) == len(parts) >= 2, "mechelen's plan shows several charts"
    assert len(text) + sum(map(len, parts)) > limit


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
