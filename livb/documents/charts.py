"""Charts of the documents: their data from the views, as native Word charts.

A chart is a small frozen value (what it shows); ``drawing()`` gives what the Word writer
needs (``livb.word.ir.ChartData``), and Word or LibreOffice draws it from its data: no picture
is made and nothing is imported for it. Templates show one with ``{{ grafiek(chart) }}``. The
charts are black and white (markers, dashes and fill patterns, never colour alone) and the
same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from livb.core.formatting import number
from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.model.actoren import Schakel
from livb.word.ir import ChartData, ChartSeries, FieldText

CHAIN = [s.value for s in Schakel]


def value_label(eenheid: str) -> str:
    """What the figures of a series are, in Dutch: 'percentage', 'aantal feiten', 'aantal'."""
    unit = eenheid.strip()
    if unit in ("%", "procent", "percent", "percentage") or unit.startswith("% "):
        return tr("percentage")
    if unit.lower() in ("euro", "€"):
        return tr("bedrag in euro")
    return tr("aantal {eenheid}", eenheid=unit) if unit else tr("aantal")


def _axis_label(eenheid: str) -> str:
    label = value_label(eenheid)
    return f"{label} (%)" if label == tr("percentage") else label


def _text(value: Any) -> str:
    """A view's value as a chart writes it: a field's text without the marks of its place."""
    return value.plain if isinstance(value, FieldText) else str(value)


@dataclass(frozen=True)
class TrendChart:
    """A series of figures by year as a line: one point per year, the incomplete year open."""

    titel: str
    eenheid: str
    jaren: tuple[int, ...]
    waarden: tuple[float, ...]
    onvolledig: int | None = None
    bron: str = ""
    doel: tuple[int, float] | None = None
    """The target (year, value) of an indicator: a dashed line and an open square."""
    gebied: str = ""
    vergelijking: tuple[tuple[str, tuple[float | None, ...]], ...] = ()
    """Other areas (name, a value per year of ``jaren`` or None): thinner lines, in the legend."""
    noemer: str = ""
    """Where the population a rate divides by comes from, for the caption."""

    @property
    def bijschrift(self) -> str:
        """The caption under the chart."""
        span = f"{self.jaren[0]}–{self.jaren[-1]}" if len(self.jaren) > 1 else str(self.jaren[0])
        parts = [f"{self.titel}, {span}"]
        if self.doel is not None:
            parts.append(
                tr(
                    "streefwaarde {waarde} in {jaar} (stippellijn)",
                    waarde=number(self.doel[1]),
                    jaar=self.doel[0],
                )
            )
        if self.bron:
            parts.append(tr("bron: {bron}", bron=self.bron))
        if self.noemer:
            parts.append(self.noemer)
        if self.onvolledig in self.jaren:
            parts.append(tr("{jaar} is nog onvolledig (open punt)", jaar=self.onvolledig))
        return "; ".join(parts) + "."

    def drawing(self) -> ChartData:
        """The chart as the writer puts it in a document (a native Word chart)."""
        return drawing(self)


@dataclass(frozen=True)
class BarChart:
    """Counts per category as bars, with the count above each bar."""

    titel: str
    categorieen: tuple[str, ...]
    aantallen: tuple[int, ...]
    as_label: str = N_("aantal acties")
    """The value axis' title (Dutch, marked: shown with tr)."""

    @property
    def bijschrift(self) -> str:
        """The caption under the chart."""
        return f"{self.titel}."

    def drawing(self) -> ChartData:
        """The chart as the writer puts it in a document (a native Word chart)."""
        return drawing(self)


@dataclass(frozen=True)
class Bar:
    """One action on a timeline."""

    label: str
    start: dt.date
    einde: dt.date
    status: str = "gepland"
    detail: str = ""
    """A second line under the label, never cut off (the number of actions of a goal's bar)."""


@dataclass(frozen=True)
class TimelineChart:
    """The actions of one goal on a timeline, from start to end (a Gantt chart).

    With ``per_doelstelling`` a bar stands for an operational goal: from the first start to the
    last end of its dated actions (a goal with more actions than a page can show, see
    :data:`MAX_BARS`).
    """

    titel: str
    balken: tuple[Bar, ...]
    zonder_periode: int = 0
    per_doelstelling: bool = False

    @property
    def bijschrift(self) -> str:
        """The caption under the chart."""
        title = self.titel.rstrip(". ")  # a title may end in a full stop of its own
        if self.per_doelstelling:
            text = tr(
                "Tijdlijn van de operationele doelstellingen: {titel}. Elke balk loopt van "
                "de eerste tot de laatste actie van de doelstelling.",
                titel=title,
            )
        else:
            text = tr("Tijdlijn van de acties: {titel}.", titel=title)
        if self.zonder_periode:
            text += " " + tr(
                "{aantal} actie(s) zonder begin- of einddatum staan er niet op.",
                aantal=self.zonder_periode,
            )
        return text

    def drawing(self) -> ChartData:
        """The chart as the writer puts it in a document (a native Word chart)."""
        return drawing(self)


Chart = TrendChart | BarChart | TimelineChart


# -- the data of each chart, from the views ------------------------------------------------------


def series_chart(series: dict[str, Any]) -> TrendChart | None:
    """The trend line of a series view (``Views.series``), or None when it has no figures."""
    shown = series.get("getoond", series["waarden"])
    kept = [n for n, value in enumerate(shown) if value is not None]  # a rate without population
    if not kept:
        return None
    noemer = series.get("noemer")
    return TrendChart(
        titel=_text(series["naam"]),
        eenheid=_text(series.get("per") or series["eenheid"]),
        jaren=tuple(int(series["jaren"][n]) for n in kept),
        waarden=tuple(float(shown[n]) for n in kept),
        onvolledig=series["onvolledig"],
        bron=_text(series["bron"]),
        gebied=_text(series.get("eigen_gebied", "")),
        vergelijking=tuple(
            (_text(v["gebied"]), tuple(v["waarden"][n] for n in kept))
            for v in series.get("vergelijking", ())
        ),
        noemer=tr("{naam}: {bron}", naam=_text(noemer["naam"]), bron=_text(noemer["bron"]))
        if noemer
        else "",
    )


def chain_chart(balance: dict[str, int], words: Callable[[str], str] = str) -> BarChart | None:
    """The actions per link of the safety chain, in the order of the chain (None: no actions).

    ``words`` names a link as the folder does (``queries.link_words``).
    """
    if not balance:
        return None
    order = CHAIN + sorted(s for s in balance if s not in CHAIN)  # an empty link shows as 0
    return BarChart(
        tr("Acties per schakel van de veiligheidsketen"),
        tuple(words(s) for s in order),
        tuple(balance.get(s, 0) for s in order),
    )


MAX_BARS = 20
"""The most actions a timeline shows one by one: 20 rows fill about half a page. A goal with
more gets a bar per operational goal, so that the chart stays readable on a page (and small)."""


def timeline_chart(goal: dict[str, Any]) -> TimelineChart | None:
    """The actions of a strategic goal view (``Views.goal``) in time (None: no actions)."""
    actions = [a for od in goal["operationele"] for a in od["acties"]]
    if not actions:
        return None
    dated = [a for a in actions if a["start"] and a["einde"]]
    if len(dated) > MAX_BARS:
        return TimelineChart(
            _text(goal["titel"]), _goal_bars(goal), len(actions) - len(dated), per_doelstelling=True
        )
    bars = tuple(
        Bar(_text(a["titel"]), a["start"], a["einde"], _text(a["status"]))
        for a in sorted(dated, key=lambda a: (a["start"], a["einde"], a["id"]))
    )
    return TimelineChart(_text(goal["titel"]), bars, len(actions) - len(dated))


def _goal_bars(goal: dict[str, Any]) -> tuple[Bar, ...]:
    """A bar per operational goal with dated actions; its state when all its actions share one."""
    bars = []
    for od in goal["operationele"]:
        dated = [a for a in od["acties"] if a["start"] and a["einde"]]
        if not dated:
            continue
        states = {_text(a["status"]) for a in dated}
        bars.append(
            Bar(
                _text(od["titel"]),
                min(a["start"] for a in dated),
                max(a["einde"] for a in dated),
                states.pop() if len(states) == 1 else "gemengd",
                count(len(dated), tr("actie"), tr("acties")),
            )
        )
    return tuple(sorted(bars, key=lambda b: (b.start, b.einde, b.label)))


# -- the native chart of each kind (livb.word.chart writes it) ------------------------------------


def _trend_data(chart: TrendChart) -> ChartData:
    """The years along the axis, the municipality's line, each comparison area's, the target."""
    years = sorted(set(chart.jaren) | ({chart.doel[0]} if chart.doel else set()))
    at = {year: n for n, year in enumerate(years)}

    def aligned(values: Sequence[float | None]) -> tuple[float | None, ...]:
        placed: list[float | None] = [None] * len(years)
        for year, value in zip(chart.jaren, values, strict=True):
            placed[at[year]] = value
        return tuple(placed)

    own = ChartSeries(
        _literal(chart.gebied) or _literal(chart.titel),
        aligned(chart.waarden),
        labels=True,
        open_points=(at[chart.onvolledig],) if chart.onvolledig in at else (),
    )
    series = [own]
    for number_, (area, points) in enumerate(chart.vergelijking, start=1):
        series.append(ChartSeries(_literal(area), aligned(points), style=number_))
    if chart.doel is not None:
        name = f"{tr('doel')} {number(chart.doel[1])} ({chart.doel[0]})"
        series.append(ChartSeries(name, (chart.doel[1],) * len(years), no_marker=True))
    values = [v for s in series for v in s.values if v is not None]
    return ChartData(
        "lijn",
        _literal(chart.titel),
        tuple(str(y) for y in years),
        tuple(series),
        category_title=tr("jaar"),
        value_title=_literal(_axis_label(chart.eenheid)),
        value_format="#,##0.0#" if any(v != int(v) for v in values) else "#,##0",
        minimum=0 if min(values, default=0) >= 0 else None,
        height=2.8,
    )


def _bar_data(chart: BarChart) -> ChartData:
    """A column per category, its count above it."""
    counts = tuple(float(n) for n in chart.aantallen)
    return ChartData(
        "staaf",
        _literal(chart.titel),
        tuple(_literal(c) for c in chart.categorieen),
        (ChartSeries(tr(chart.as_label), counts, labels=True),),
        value_title=tr(chart.as_label),
        minimum=0,
        major_unit=1 if max(counts, default=0) <= 10 else None,
        height=2.8,
    )


_STATES = (
    N_("gepland"),
    N_("lopend"),
    N_("vertraagd"),
    N_("afgerond"),
    N_("geschrapt"),
    N_("gemengd"),
)
"""The states of an action in the order of a timeline's legend, each with its own fill."""


def _timeline_data(chart: TimelineChart) -> ChartData:
    """A bar per action (or goal) from its start to its end; one series per state, stacked."""
    rows = list(chart.balken)
    labels = tuple(_shorten(f"{b.label} ({b.detail})" if b.detail else b.label, 90) for b in rows)
    present = sorted({b.status for b in rows}, key=lambda s: (_state_order(s), s))
    # the offset up to the start: invisible, nameless (no legend entry in any client)
    series = [ChartSeries("", tuple(_year(b.start) for b in rows), hidden=True)]
    for state in present:
        lengths = tuple(
            _year(b.einde + dt.timedelta(days=1)) - _year(b.start) if b.status == state else None
            for b in rows
        )
        series.append(ChartSeries(tr(state), lengths, style=_state_order(state)))
    first = min((b.start for b in rows), default=dt.date.today())
    last = max((b.einde for b in rows), default=first)
    return ChartData(
        "tijdlijn",
        _literal(chart.titel),
        labels,
        tuple(series),
        value_format="0",
        minimum=first.year,
        maximum=last.year + 1,
        major_unit=1,
        height=1.2 + 0.42 * max(len(rows), 1),
        legend=len(present) > 1,
    )


def _year(day: dt.date) -> float:
    """A day as a point on a timeline counted in years: 1 July 2010 is about 2010.5."""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return round(day.year + (day - start).days / length, 6)


def _state_order(state: str) -> int:
    return _STATES.index(state) if state in _STATES else len(_STATES)


@lru_cache(maxsize=1024)
def drawing(chart: Chart) -> ChartData:
    """What the writer needs to put the chart in a document: made once per chart and run."""
    if isinstance(chart, TrendChart):
        return _trend_data(chart)
    if isinstance(chart, BarChart):
        return _bar_data(chart)
    return _timeline_data(chart)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _literal(text: str) -> str:
    """Data as a chart shows it: on one line, without control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _shorten(text: str, width: int) -> str:
    """A label that fits beside a bar: cut at a word with an ellipsis when it is too long."""
    return textwrap.shorten(_literal(text), width, placeholder=" …")


def charts_of(items: Iterable[Chart | None]) -> list[Chart]:
    """The charts that have data (the builders return None for an empty one)."""
    return [chart for chart in items if chart is not None]


__all__: Sequence[str] = [
    "Bar",
    "BarChart",
    "Chart",
    "TimelineChart",
    "TrendChart",
    "chain_chart",
    "charts_of",
    "drawing",
    "series_chart",
    "timeline_chart",
    "value_label",
]
