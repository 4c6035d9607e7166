"""The money of the plan, counted once: budget and spending per action, year and source.

An action gives its money per year and source (``middelen``), or in the old form one
``budget`` for the whole period, paid from the municipality's own means. Monitoring gives what
was spent per source (``uitgaven``), or in the old form one ``besteed`` per year. Every total a
rule, a document or an export shows is a sum of the :class:`Line` values made here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from livb.core.i18n import N_, tr
from livb.model.geld import Bronsoort, Financieringsbron, Kostensoort
from livb.model.walk import actions

if TYPE_CHECKING:
    from livb.model import Project
    from livb.model.monitoring import Actiestand
    from livb.model.plan import Actie

EIGEN = "eigen"
"""The source of an amount in the old form, when plan.yaml declares no own source."""
EIGEN_NAAM = N_("Eigen middelen")
ZONDER_BRON = ""
"""The source of a ``besteed`` without source, for an action whose money is given per source."""
ZONDER_BRON_NAAM = N_("Bron niet opgegeven")

LOOPTIJD = N_("Hele looptijd")
"""The column of the old-form budgets in a table per year: one amount for the whole period."""

SOORTEN = {
    Bronsoort.EIGEN: N_("eigen middelen"),
    Bronsoort.FEDERAAL_PREVENTIEPLAN: N_("federaal preventieplan"),
    Bronsoort.VLAAMS: N_("Vlaamse subsidie"),
    Bronsoort.PROVINCIE: N_("provincie"),
    Bronsoort.POLITIEZONE: N_("politiezone"),
    Bronsoort.ANDER: N_("andere bron"),
}
"""Each kind of source as the documents and exports name it."""


@dataclass(frozen=True)
class Line:
    """One amount: of an action, in a year (None: the whole period), from a source.

    Attributes:
        actie: the action's id.
        jaar: the year; None for an old-form budget that covers the whole period.
        bron: the id of the source.
        bedrag: in euro.
        categorie: personeel, werking or investering, where the file says so.
        plaats: the file and the path of the amount, for a rule's finding.
    """

    actie: str
    jaar: int | None
    bron: str
    bedrag: float
    categorie: Kostensoort | None
    plaats: tuple[str, tuple[Any, ...]]


def sources(project: Project) -> dict[str, Financieringsbron]:
    """The declared funding sources by id (the first of a twice-used id)."""
    found: dict[str, Financieringsbron] = {}
    for bron in project.plan.financiering:
        found.setdefault(bron.id, bron)
    return found


def own_source(project: Project) -> str:
    """The id that old-form amounts count under: the first own source, else ``eigen``."""
    for bron in project.plan.financiering:
        if bron.soort is Bronsoort.EIGEN:
            return bron.id
    return EIGEN


def source_name(project: Project, bron: str) -> str:
    """A source's name, as the documents show it."""
    found = sources(project).get(bron)
    if found is not None:
        return found.naam
    if bron == ZONDER_BRON:
        return tr(ZONDER_BRON_NAAM)
    return tr(EIGEN_NAAM) if bron == EIGEN else bron


def action_budget(actie: Actie) -> float | None:
    """An action's whole budget: the old ``budget``, or the sum of its ``middelen``."""
    if actie.middelen:
        return sum(m.bedrag for m in actie.middelen)
    return actie.budget


def stand_cost(stand: Actiestand) -> float | None:
    """What one monitoring entry says the action cost: ``besteed``, or its ``uitgaven``."""
    if stand.uitgaven:
        return sum(u.bedrag for u in stand.uitgaven)
    return stand.besteed


def budget_lines(project: Project) -> list[Line]:
    """Every amount the plan gives an action, in the plan's order."""
    own = own_source(project)
    found: list[Line] = []
    for path, loc, actie in actions(project):
        if actie.budget is not None:
            found.append(Line(actie.id, None, own, actie.budget, None, (path, (*loc, "budget"))))
        for i, middel in enumerate(actie.middelen):
            found.append(
                Line(
                    actie.id,
                    middel.jaar,
                    middel.bron,
                    middel.bedrag,
                    middel.categorie,
                    (path, (*loc, "middelen", i, "bedrag")),
                )
            )
    return found


def spending_lines(project: Project, today: dt.date | None = None) -> list[Line]:
    """Every amount monitoring/ says was spent, oldest year first (none after ``today``'s year).

    A ``besteed`` without source is the own means' for an action in the old form (its budget
    is), and :data:`ZONDER_BRON` for one whose money the plan gives per source.
    """
    own = own_source(project)
    per_source = {actie.id for _, _, actie in actions(project) if actie.middelen}
    found: list[Line] = []
    for year in sorted(project.monitoring):
        if today is not None and year > today.year:
            continue
        path = f"monitoring/{year}.yaml"
        for index, stand in enumerate(project.monitoring[year].acties):
            loc = ("acties", index)
            if stand.besteed is not None:
                bron = ZONDER_BRON if stand.actie in per_source else own
                found.append(
                    Line(stand.actie, year, bron, stand.besteed, None, (path, (*loc, "besteed")))
                )
            for u, uitgave in enumerate(stand.uitgaven):
                found.append(
                    Line(
                        stand.actie,
                        year,
                        uitgave.bron,
                        uitgave.bedrag,
                        uitgave.categorie,
                        (path, (*loc, "uitgaven", u, "bedrag")),
                    )
                )
    return found


def spent(project: Project, today: dt.date | None = None) -> dict[str, dict[int, float]]:
    """What each action cost, by action id and year."""
    found: dict[str, dict[int, float]] = {}
    for line in spending_lines(project, today):
        assert line.jaar is not None
        per_year = found.setdefault(line.actie, {})
        per_year[line.jaar] = per_year.get(line.jaar, 0.0) + line.bedrag
    return found


def by_year_and_source(lines: Iterable[Line]) -> dict[tuple[int | None, str], float]:
    """The sum of the lines per (year, source)."""
    totals: dict[tuple[int | None, str], float] = defaultdict(float)
    for line in lines:
        totals[line.jaar, line.bron] += line.bedrag
    return dict(totals)


def by_year(lines: Iterable[Line]) -> dict[int | None, float]:
    """The sum of the lines per year (None: the old-form budgets for the whole period)."""
    totals: dict[int | None, float] = defaultdict(float)
    for line in lines:
        totals[line.jaar] += line.bedrag
    return dict(totals)


def total(lines: Iterable[Line]) -> float:
    """The sum of the lines."""
    return sum(line.bedrag for line in lines)


def has_money(project: Project) -> bool:
    """Whether the folder says anything about money: a source, an amount, or a cost."""
    return bool(project.plan.financiering or budget_lines(project) or spending_lines(project))


def per_year_or_source(project: Project) -> bool:
    """Whether the folder gives money per year or source (a source, ``middelen``, ``uitgaven``).

    The documents show the money per year and source only then.
    """
    if project.plan.financiering:
        return True
    if any(actie.middelen for _, _, actie in actions(project)):
        return True
    return any(stand.uitgaven for m in project.monitoring.values() for stand in m.acties)
