"""The figures of a series as the documents show them: rates from the population, comparison areas.

The one place a rate is computed: a figure per 1,000 inhabitants (or households) of a year is the
figure divided by that year's population of the same area, times 1,000. A year without
population has no rate (None), and says so in ``zonder_bevolking``; rule LIVB226 reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from livb.core.i18n import N_
from livb.model import Project
from livb.model.diagnostiek import Per, Reeks

PER_LABELS = {
    Per.ABSOLUUT: "",
    Per.PER_1000_INWONERS: N_("per 1.000 inwoners"),
    Per.PER_1000_HUISHOUDENS: N_("per 1.000 huishoudens"),
    Per.PERCENTAGE: N_("percentage"),
}
"""What a rate is, in Dutch, as a table's row and a chart's axis name it."""

_DENOMINATOR = {Per.PER_1000_INWONERS: N_("inwoners"), Per.PER_1000_HUISHOUDENS: N_("huishoudens")}


@dataclass(frozen=True)
class Line:
    """The figures of one area as shown: the rate, or the figure itself; None: no rate."""

    gebied: str
    soort: str
    """'' for the municipality itself, else zone, arrondissement, provincie, ..."""
    waarden: dict[int, float | None]


@dataclass(frozen=True)
class ShownFigures:
    """A series as the documents show it: its own line, the comparison lines, the denominator."""

    per: Per
    eigen: Line
    vergelijking: tuple[Line, ...]
    noemer: Reeks | None
    """The population series the rate divides by (None: absolute or a percentage)."""
    zonder_bevolking: tuple[tuple[str, int], ...]
    """(area, year) with a figure but no population to compute its rate."""

    @property
    def berekend(self) -> bool:
        """Whether the shown figures are computed rates, not the figures as given."""
        return self.per in _DENOMINATOR


def denominator(project: Project, per: Per) -> Reeks | None:
    """The population series a rate divides by, as ``bevolking`` in cijfers.yaml names it."""
    field = _DENOMINATOR.get(per)
    wanted = getattr(project.cijfers.bevolking, field) if field else None
    return next((r for r in project.cijfers.reeksen if r.id == wanted), None)


def rate(value: float, population: float | None) -> float | None:
    """A figure per 1,000 of a population; None without a population (or with none at all)."""
    if not population:
        return None
    return value / population * 1000


def shown_figures(project: Project, reeks: Reeks, own_area: str = "") -> ShownFigures:
    """The figures of a series for the municipality and each comparison area, as shown."""
    values = project.series.get(reeks.id, {})
    if reeks.per not in _DENOMINATOR:
        return ShownFigures(
            reeks.per,
            Line(own_area, "", {y: values[y] for y in sorted(values)}),
            tuple(
                Line(v.gebied, v.soort.value, {y: v.waarden[y] for y in sorted(v.waarden)})
                for v in reeks.vergelijking
            ),
            None,
            (),
        )
    noemer = denominator(project, reeks.per)
    own_population = project.series.get(noemer.id, {}) if noemer else {}
    areas = {v.gebied.casefold(): v.waarden for v in noemer.vergelijking} if noemer else {}
    missing: list[tuple[str, int]] = []

    def line(area: str, soort: str, figures: dict[int, float], people: dict[int, float]) -> Line:
        shown = {y: rate(figures[y], people.get(y)) for y in sorted(figures)}
        missing.extend((area, y) for y, v in shown.items() if v is None)
        return Line(area, soort, shown)

    eigen = line(own_area, "", values, own_population)
    others = tuple(
        line(v.gebied, v.soort.value, v.waarden, areas.get(v.gebied.casefold(), {}))
        for v in reeks.vergelijking
    )
    return ShownFigures(reeks.per, eigen, others, noemer, tuple(missing))


def comparison(figures: ShownFigures, incomplete: int | None) -> tuple[int, list[Line]] | None:
    """The last complete year both the municipality and at least one other area have a figure.

    Only a rate or a percentage compares: an absolute count of a municipality against that of a
    province says nothing. Returns the year and the areas with a figure for it, or None.
    """
    if figures.per is Per.ABSOLUUT or not figures.vergelijking:
        return None
    own = {y for y, v in figures.eigen.waarden.items() if v is not None and y != incomplete}
    for year in sorted(own, reverse=True):
        areas = [line for line in figures.vergelijking if line.waarden.get(year) is not None]
        if areas:
            return year, areas
    return None
