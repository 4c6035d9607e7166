"""Population, rates and comparison areas: computed once, shown in the diagnostiek's tables and charts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from livb.documents.charts import TrendChart, series_chart
from livb.documents.render import RenderRequest, render_documents
from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.method.figures import shown_figures
from livb.model import Project
from livb.word.chart import _DASHES, _MARKERS
from livb.word.docx import docx_text

from helpers import MINIMAL, write_tree

TODAY = dt.date(2026, 11, 21)

# Burglaries and inhabitants of a made-up Leuven, and of its zone: chosen so that every rate is
# a whole number the test computes itself (figures / inhabitants * 1000).
OWN = {2019: 300, 2020: 300, 2021: 480, 2022: 600}
INHABITANTS = {2020: 100_000, 2021: 120_000, 2022: 120_000}  # 2019 is missing
ZONE = {2020: 600, 2021: 660, 2022: 800}
ZONE_INHABITANTS = {2020: 200_000, 2021: 220_000, 2022: 200_000}
FEELING = {2020: 12.5, 2022: 14.0}
FEELING_FLANDERS = {2020: 11.0}


def _whole(figure: float, population: float) -> str:
    """A rate the test knows to be whole, as the document writes it."""
    assert figure * 1000 % population == 0
    return str(int(figure * 1000 // population))


def _values(values: dict[int, float], indent: int) -> str:
    return "".join(f"\n{' ' * indent}{year}: {value}" for year, value in values.items())


FILES = {
    **MINIMAL,
    "livb.yaml": """\
        gemeente:
          naam: Leuven
          nis_code: "24062"
        coordinator: coord
        """,
    "diagnostiek/bronnen.yaml": """\
        bronnen:
          - {id: politie, naam: Politiestatistiek, soort: feit, leverancier: Federale politie}
          - {id: statbel, naam: Bevolking, soort: context, leverancier: Statbel}
          - {id: monitor, naam: Veiligheidsmonitor, soort: waarneming}
        """,
    "diagnostiek/cijfers.yaml": f"""\
bevolking:
  inwoners: inwoners
reeksen:
  - id: inbraken
    naam: Woninginbraken
    bron: politie
    eenheid: feiten
    per: per_1000_inwoners
    samengeteld: [Leuven, Heverlee]
    tabel: inbraken.xlsx
    gedownload: 2023-03-01
    waarden:{_values(OWN, 6)}
    vergelijking:
      - gebied: PZ Leuven
        soort: zone
        waarden:{_values(ZONE, 10)}
  - id: gevoel
    naam: Voelt zich soms onveilig
    bron: monitor
    per: percentage
    waarden:{_values(FEELING, 6)}
    vergelijking:
      - gebied: Vlaams Gewest
        soort: gewest
        waarden:{_values(FEELING_FLANDERS, 10)}
  - id: inwoners
    naam: Inwoners
    bron: statbel
    eenheid: inwoners
    waarden:{_values(INHABITANTS, 6)}
    vergelijking:
      - gebied: PZ Leuven
        soort: zone
        waarden:{_values(ZONE_INHABITANTS, 10)}
""",
    "diagnostiek/bevindingen.yaml": """\
        bevindingen:
          - id: b-inbraken
            titel: Meer inbraken
            onveiligheid: objectief
            tekst: Het aantal inbraken stijgt.
            reeksen: [inbraken]
          - id: b-gevoel
            titel: Meer onveiligheidsgevoel
            onveiligheid: subjectief
            tekst: Meer inwoners voelen zich onveilig.
            reeksen: [gevoel]
        """,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("figures") / "leuven", FILES)


@pytest.fixture(scope="module")
def text(folder: Path) -> str:
    """The diagnostiek of the folder as text, rendered once for the module."""
    render_documents(RenderRequest(folder, ["diagnostiek"], today=TODAY))
    return "\n".join(docx_text((folder / "output" / "diagnostiek.docx").read_bytes()))


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"table | {label} |"))
    return line.split(" | ")[2:]


def _project(folder: Path) -> Project:
    project = load_project(folder).project
    assert project is not None
    return project


def test_a_rate_is_the_figure_per_1000_inhabitants_of_that_year(folder):
    project = _project(folder)
    reeks = next(r for r in project.cijfers.reeksen if r.id == "inbraken")
    shown = shown_figures(project, reeks)
    expected = {y: OWN[y] / INHABITANTS[y] * 1000 if y in INHABITANTS else None for y in OWN}
    assert shown.eigen.waarden == expected
    [zone] = shown.vergelijking
    assert zone.waarden == {y: ZONE[y] / ZONE_INHABITANTS[y] * 1000 for y in ZONE}
    assert shown.zonder_bevolking == (("", 2019),)


def test_the_table_shows_figures_rates_and_the_zone_with_both_sources(text):
    assert _row(text, "aantal feiten") == [str(v) for v in OWN.values()]
    rates = ["–" if y not in INHABITANTS else _whole(OWN[y], INHABITANTS[y]) for y in OWN]
    assert _row(text, "per 1.000 inwoners") == rates
    zone = ["–" if y not in ZONE else _whole(ZONE[y], ZONE_INHABITANTS[y]) for y in OWN]
    assert _row(text, "PZ Leuven (politiezone), per 1.000 inwoners") == zone
    assert (
        "Bron: Politiestatistiek (Federale politie) (tabel inbraken.xlsx, gedownload op "
        "1\u00a0mrt.\u00a02023); inwoners: Bevolking (Statbel)." in text
    )
    assert "vóór de fusie zijn die van Leuven en Heverlee samen, opgeteld per jaar." in text
    assert "Voor de jaren met – ontbreekt het aantal inwoners." in text


def test_the_text_compares_only_what_the_data_holds(text):
    year = max(set(OWN) & set(INHABITANTS) & set(ZONE) & set(ZONE_INHABITANTS))
    own, zone = _whole(OWN[year], INHABITANTS[year]), _whole(ZONE[year], ZONE_INHABITANTS[year])
    word = "hoger dan" if int(own) > int(zone) else "lager dan"
    assert (
        f"In {year} lag het cijfer voor Leuven op {own} per 1.000 inwoners: {word} in "
        f"PZ Leuven ({zone} per 1.000 inwoners)." in text
    )
    # the survey: Flanders has a figure for 2020 only, so the comparison is of 2020, not 2022
    shared = max(set(FEELING) & set(FEELING_FLANDERS))
    assert f"In {shared} lag het cijfer voor Leuven op" in text
    assert text.count("lag het cijfer voor") == 2


def test_the_chart_draws_the_rate_and_each_comparison_area(folder):
    from livb.documents.views import Views

    project = _project(folder)
    views = Views(project, TODAY)
    reeks = next(r for r in project.cijfers.reeksen if r.id == "inbraken")
    chart = series_chart(views.series(reeks))
    assert isinstance(chart, TrendChart)
    kept = [y for y in OWN if y in INHABITANTS]  # the year without population is left out
    assert chart.jaren == tuple(kept)
    assert chart.waarden == tuple(OWN[y] / INHABITANTS[y] * 1000 for y in kept)
    assert [area for area, _ in chart.vergelijking] == ["PZ Leuven"]
    assert "per 1.000 inwoners" in chart.eenheid
    drawn = chart.drawing()
    assert [s.name for s in drawn.series] == [chart.gebied or chart.titel, "PZ Leuven"]
    assert drawn.series[1].values == chart.vergelijking[0][1]
    assert drawn.series[0].style != drawn.series[1].style  # its own dash and marker


def test_comparison_lines_differ_in_style_and_marker_not_only_in_colour():
    assert len(set(_DASHES)) == len(_DASHES) and len(set(_MARKERS)) == len(_MARKERS)
    assert _DASHES[0] == "solid"  # the municipality's own line; each comparison area dashed


def test_a_rate_without_population_is_reported_by_year(folder):
    found = [d for d in run_checks(folder, today=TODAY).diagnostics if d.code == "LIVB226"]
    assert [d.message.rsplit(" in ", 1)[1] for d in found] == [
        str(y) for y in OWN if y not in INHABITANTS
    ]


def test_numbers_are_formatted_only_by_livb_core_formatting():
    """No second number formatter: no babel.numbers, no decimals in a format spec elsewhere."""
    root = Path(__file__).resolve().parent.parent / "livb"
    decimals = re.compile(
        r"\{[^{}\n]*:[ ,_]?\.[1-9][fgn%]\}|%\.[1-9]f|babel\.numbers|locale\.format"
    )
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        if path.name != "formatting.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if decimals.search(line)
    ]
    assert offenders == []


def test_livb_new_gas_adds_the_source_and_the_usual_series_once(tmp_path, livb):
    from livb.starters.gas import SERIES

    root = write_tree(tmp_path / "gemeente", {**MINIMAL})
    first = livb("new", "gas", root)
    assert first.code == 0, first.err
    project = _project(root)
    assert [b.id for b in project.bronnen.bronnen] == ["gas"]
    assert [r.id for r in project.cijfers.reeksen] == [id_ for id_, _, _ in SERIES]
    assert {r.bron for r in project.cijfers.reeksen} == {"gas"}
    before = (root / "diagnostiek/cijfers.yaml").read_bytes()
    again = livb("new", "gas", root)
    assert again.code == 1 and "al" in again.err
    assert (root / "diagnostiek/cijfers.yaml").read_bytes() == before
    errors = [d for d in run_checks(root, today=TODAY).diagnostics if d.severity.label == "fout"]
    assert errors == []


def test_a_new_folder_names_the_monitors_and_the_gas_figures_as_sources(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "lier", "Lier", git=False))
    sources = {b.id: b for b in _project(tmp_path / "lier").bronnen.bronnen}
    for id_ in ("veiligheidsmonitor", "gemeente-stadsmonitor", "gas"):
        assert sources[id_].omschrijving, id_
    assert sources["gemeente-stadsmonitor"].soort.value == "waarneming"
    assert sources["gemeente-stadsmonitor-register"].soort.value == "context"
