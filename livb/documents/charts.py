"""Charts of the documents: their data from the views, drawn with matplotlib only when shown.

A chart is a small frozen value (what it shows); ``png()`` draws it. Templates show one with
``{{ grafiek(chart) }}``; matplotlib is imported only then. The drawing is black and white
(markers, line styles and hatching, never colour alone) and byte-identical for the same data.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from livb.core.formatting import number
from livb.core.words import count
from livb.model.actoren import Schakel
from livb.word.ir import FieldText

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_INCHES = 6.3  # the text width of an A4 page with 2.5 cm margins
DPI = 200
CHAIN = [s.value for s in Schakel]


def value_label(eenheid: str) -> str:
    """What the figures of a series are, in Dutch: 'percentage', 'aantal feiten', 'aantal'."""
    unit = eenheid.strip()
    if unit in ("%", "procent", "percent", "percentage") or unit.startswith("% "):
        return "percentage"
    if unit.lower() in ("euro", "€"):
        return "bedrag in euro"
    return f"aantal {unit}" if unit else "aantal"


def _axis_label(eenheid: str) -> str:
    label = value_label(eenheid)
    return f"{label} (%)" if label == "percentage" else label


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
            parts.append(f"streefwaarde {number(self.doel[1])} in {self.doel[0]} (stippellijn)")
        if self.bron:
            parts.append(f"bron: {self.bron}")
        if self.noemer:
            parts.append(self.noemer)
        if self.onvolledig in self.jaren:
            parts.append(f"{self.onvolledig} is nog onvolledig (open punt)")
        return "; ".join(parts) + "."

    def png(self) -> bytes:
        """The chart as PNG."""
        return _png(self)


@dataclass(frozen=True)
class BarChart:
    """Counts per category as bars, with the count above each bar."""

    titel: str
    categorieen: tuple[str, ...]
    aantallen: tuple[int, ...]
    as_label: str = "aantal acties"

    @property
    def bijschrift(self) -> str:
        """The caption under the chart."""
        return f"{self.titel}."

    def png(self) -> bytes:
        """The chart as PNG."""
        return _png(self)


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
            text = (
                f"Tijdlijn van de operationele doelstellingen: {title}. Elke balk loopt van "
                "de eerste tot de laatste actie van de doelstelling."
            )
        else:
            text = f"Tijdlijn van de acties: {title}."
        if self.zonder_periode:
            text += f" {self.zonder_periode} actie(s) zonder begin- of einddatum staan er niet op."
        return text

    def png(self) -> bytes:
        """The chart as PNG."""
        return _png(self)


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
        noemer=f"{_text(noemer['naam'])}: {_text(noemer['bron'])}" if noemer else "",
    )


def chain_chart(balance: dict[str, int], words: Callable[[str], str] = str) -> BarChart | None:
    """The actions per link of the safety chain, in the order of the chain (None: no actions).

    ``words`` names a link as the folder does (``queries.link_words``).
    """
    if not balance:
        return None
    order = CHAIN + sorted(s for s in balance if s not in CHAIN)  # an empty link shows as 0
    return BarChart(
        "Acties per schakel van de veiligheidsketen",
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
                count(len(dated), "actie", "acties"),
            )
        )
    return tuple(sorted(bars, key=lambda b: (b.start, b.einde, b.label)))


# -- drawing -------------------------------------------------------------------------------------


@cache
def _matplotlib() -> tuple[Any, Any, Any]:
    """matplotlib, its Figure and the Agg canvas: pyplot (~0.3 s to import) is not needed."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    return matplotlib, Figure, FigureCanvasAgg


_STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs on every machine
    "font.size": 9,
    "axes.edgecolor": "black",
    "axes.labelcolor": "black",
    "xtick.color": "black",
    "ytick.color": "black",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "livb",
    "path.simplify": False,
    "figure.autolayout": False,  # the layout is tight_layout's, once (see _png)
    "figure.constrained_layout.use": False,
}


@lru_cache(maxsize=32)
def _png(chart: Chart) -> bytes:
    """The chart drawn, once per process: the same chart in several documents is drawn once."""
    matplotlib, figure_class, canvas_class = _matplotlib()
    with matplotlib.rc_context(_STYLE):
        figure = figure_class(figsize=(WIDTH_INCHES, _height(chart)), dpi=DPI)
        canvas = canvas_class(figure)
        axes = figure.add_subplot()
        _DRAW[type(chart)](axes, chart)
        figure.tight_layout()
        # tight_layout leaves a placeholder engine, and with any engine savefig draws the
        # whole figure once more before drawing it for the PNG (a third of a chart's time);
        # the layout is done, so that draw changes nothing: without an engine it is skipped.
        figure.set_layout_engine(None)
        try:
            return _save(figure)
        finally:
            _release(figure, canvas)


def _release(figure: Figure, canvas: Any) -> None:
    """Free a drawn figure's pixels and artists now, not when the collector finds the cycle.

    A timeline's pixels are about 10 MB, and the x10 city's plan has 201 charts.
    """
    figure.clear()
    vars(canvas).pop("renderer", None)


def _save(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _height(chart: Chart) -> float:
    if isinstance(chart, TimelineChart):
        return 1.2 + 0.42 * max(len(chart.balken), 1)
    return 2.8


def _draw_trend(axes: Axes, chart: Chart) -> None:
    assert isinstance(chart, TrendChart)
    years, values = list(chart.jaren), list(chart.waarden)
    axes.plot(years, values, color="black", linestyle="-", marker="o", markersize=5,
              label=_literal(chart.gebied))  # fmt: skip
    compared = [p for _, points in chart.vergelijking for p in points if p is not None]
    for (area, points), (line, mark) in zip(chart.vergelijking, _COMPARED, strict=False):
        drawn = [float("nan") if p is None else p for p in points]
        axes.plot(years, drawn, color="black", linestyle=line, marker=mark, markersize=4,
                  linewidth=1, markerfacecolor="white", label=_literal(area))  # fmt: skip
    if chart.vergelijking:
        axes.legend(loc="lower left", fontsize=7, frameon=False, ncol=4)
    if chart.onvolledig in years:
        index = years.index(chart.onvolledig)
        axes.plot([years[index]], [values[index]], linestyle="none", marker="o", markersize=7,
                  markerfacecolor="white", markeredgecolor="black")  # fmt: skip
    for year, value in zip(years, values, strict=True):
        axes.annotate(number(value), (year, value), textcoords="offset points",
                      xytext=(0, 6), ha="center", fontsize=8)  # fmt: skip
    ticks = sorted(set(years) | ({chart.doel[0]} if chart.doel else set()))
    if chart.doel is not None:
        year, target = chart.doel
        axes.axhline(target, color="black", linestyle=":", linewidth=1)
        axes.plot([year], [target], linestyle="none", marker="s", markersize=6,
                  markerfacecolor="white", markeredgecolor="black")  # fmt: skip
        axes.annotate(f"doel {number(target)}", (year, target), textcoords="offset points",
                      xytext=(0, -12), ha="center", fontsize=8)  # fmt: skip
        values = [*values, target]
    axes.set_xticks(ticks, [str(y) for y in ticks])
    if len(ticks) == 1:
        axes.set_xlim(ticks[0] - 1, ticks[0] + 1)
    axes.set_xlabel("jaar")
    axes.set_ylabel(_literal(_axis_label(chart.eenheid)))
    values = [*values, *compared]
    low = min(0.0, min(values))
    axes.set_ylim(low, max(values) * 1.18 if max(values) > 0 else 1)
    from matplotlib.ticker import FuncFormatter

    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(value)))
    _title(axes, chart.titel)
    axes.grid(axis="y", color="0.85", linewidth=0.6)


_COMPARED = [("--", "s"), (":", "^"), ("-.", "D"), ((0, (1, 3)), "v"), ((0, (5, 1)), "x")]
"""Line style and marker of each comparison area: told apart without colour."""


def _draw_bars(axes: Axes, chart: Chart) -> None:
    assert isinstance(chart, BarChart)
    positions = range(len(chart.categorieen))
    bars = axes.bar(positions, chart.aantallen, color="0.8", edgecolor="black", hatch="//")
    axes.bar_label(bars, labels=[number(n) for n in chart.aantallen], padding=2)
    axes.set_xticks(list(positions), [_literal(c) for c in chart.categorieen])
    axes.set_ylabel(chart.as_label)
    axes.set_ylim(0, max(chart.aantallen) * 1.2 + 0.5)
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(value)))
    _title(axes, chart.titel)


_STATUS_HATCH = {
    "gepland": "",
    "lopend": "//",
    "vertraagd": "\\\\",
    "afgerond": "xx",
    "geschrapt": "..",
    "gemengd": "++",  # an operational goal whose actions stand differently (see _goal_bars)
}


def _draw_timeline(axes: Axes, chart: Chart) -> None:
    import matplotlib.dates

    mdates: Any = matplotlib.dates  # untyped in matplotlib's stubs
    assert isinstance(chart, TimelineChart)
    rows = list(chart.balken)
    for row, bar in enumerate(rows):
        start = mdates.date2num(bar.start)
        length = mdates.date2num(bar.einde) - start + 1
        axes.barh(row, length, left=start, height=0.55, color="0.85", edgecolor="black",
                  hatch=_STATUS_HATCH.get(bar.status, ""))  # fmt: skip
    labels = [
        f"{_wrap(b.label, 38, lines=1)}\n{_literal(b.detail)}" if b.detail else _wrap(b.label, 38)
        for b in rows
    ]
    axes.set_yticks(range(len(rows)), labels, fontsize=7.5)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(mdates.YearLocator())
    axes.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    first = min(b.start for b in rows) if rows else dt.date.today()
    last = max(b.einde for b in rows) if rows else first
    axes.set_xlim(mdates.date2num(dt.date(first.year, 1, 1)),
                  mdates.date2num(dt.date(last.year + 1, 1, 1)))  # fmt: skip
    axes.grid(axis="x", color="0.85", linewidth=0.6)
    _title(axes, chart.titel)
    statuses = sorted({b.status for b in rows}, key=list(_STATUS_HATCH).index)
    if len(statuses) > 1:
        from matplotlib.patches import Patch

        handles = [
            Patch(facecolor="0.85", edgecolor="black", hatch=_STATUS_HATCH[s], label=s)
            for s in statuses
        ]
        below = (0.5, -0.12 - 0.4 / len(rows))
        axes.legend(handles=handles, loc="upper center", bbox_to_anchor=below,
                    ncol=len(handles), fontsize=7, frameon=False)  # fmt: skip


def _title(axes: Axes, text: str) -> None:
    axes.figure.suptitle(_wrap(text, 95), x=0.01, ha="left", fontsize=9)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _literal(text: str) -> str:
    """Data as matplotlib shows it literally: no control characters, no mathtext ($...$)."""
    return _CONTROL.sub(" ", text).replace("$", r"\$")


def _wrap(text: str, width: int, lines: int = 2) -> str:
    """The text in lines of ``width`` characters, at most ``lines`` of them (the last one cut)."""
    text = _literal(text)
    wrapped = textwrap.wrap(text, width) or [text]
    if len(wrapped) > lines:
        rest = textwrap.shorten(" ".join(wrapped[lines - 1 :]), width, placeholder=" …")
        wrapped = [*wrapped[: lines - 1], rest]
    return "\n".join(wrapped)


_DRAW = {TrendChart: _draw_trend, BarChart: _draw_bars, TimelineChart: _draw_timeline}


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
    "series_chart",
    "timeline_chart",
    "value_label",
]
