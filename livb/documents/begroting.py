"""The budget of the plan per year and source, for the college and the financial service.

Every amount comes from :mod:`livb.method.money`; the tables add up by construction: a row's
total is the sum of its cells, the total row the sum of the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from livb.documents._base import Context, Document
from livb.documents.views import Views
from livb.method import money
from livb.method.money import Line
from livb.model import Project
from livb.model.walk import actions


def build(views: Views, item: str | None) -> Context:
    """The sources, the budget per year and source, per action, the grants, the spending."""
    project = views.project
    planned = money.budget_lines(project)
    spent = money.spending_lines(project, views.today)
    years = _years(planned)
    return views.common() | {
        "datum": views.today,
        "heeft_geld": money.has_money(project),
        "bronnen": source_views(project),
        "begroting": table(project, planned, years),
        "acties": action_rows(project, planned, years),
        "toekenning": grants(project, planned),
        "uitgaven": table(project, spent, _years(spent)),
        "personeel": staff(project),
        "budgettekst": project.plan.budget or "",
    }


def year_and_source(
    project: Project, today: dt.date, years: Iterable[int | None] | None = None
) -> dict[str, Any] | None:
    """Granted, planned and spent per year and source, for the plan, jaarrapport and evaluatie.

    What an action in the old form (one ``budget``) spent stands in the row of the whole
    period, beside that budget. None when the folder gives no money per year or source (the
    old form only): the documents then keep their own tables. ``years``: only these (None
    stands for the whole period).
    """
    if not money.per_year_or_source(project):
        return None
    whole = {a.id for _, _, a in actions(project) if a.budget is not None and not a.middelen}
    planned = money.by_year_and_source(money.budget_lines(project))
    spent: dict[tuple[int | None, str], float] = {}
    for line in money.spending_lines(project, today):
        # an old-form action's costs stand beside its budget: the whole period, not a year
        key = (None if line.actie in whole else line.jaar, line.bron)
        spent[key] = spent.get(key, 0.0) + line.bedrag
    declared = money.sources(project)
    keys = set(planned) | set(spent)
    keys |= {(y, b.id) for b in declared.values() for y in b.toegekend}
    if years is not None:
        wanted = set(years)
        keys = {k for k in keys if k[0] in wanted}
    order = {b: n for n, b in enumerate(declared)}
    rows = [
        {
            "jaar": money.LOOPTIJD.lower() if year is None else str(year),
            "bron": money.source_name(project, bron),
            "toegekend": declared[bron].toegekend.get(year) if bron in declared and year else None,
            "gepland": planned.get((year, bron), 0.0),
            "besteed": spent.get((year, bron), 0.0),
        }
        for year, bron in sorted(
            keys, key=lambda k: (k[0] is None, k[0] or 0, order.get(k[1], len(order)), k[1])
        )
    ]
    return {
        "rijen": rows,
        "gepland": sum(r["gepland"] for r in rows),
        "besteed": sum(r["besteed"] for r in rows),
    }


def source_views(project: Project) -> list[dict[str, Any]]:
    """Each declared source: name, kind, period, grant per year, reference."""
    return [
        {
            "id": bron.id,
            "naam": bron.naam,
            "soort": money.SOORTEN[bron.soort],
            "van": bron.periode.van if bron.periode else None,
            "tot": bron.periode.tot if bron.periode else None,
            "toegekend": sorted(bron.toegekend.items()),
            "toegekend_totaal": sum(bron.toegekend.values()),
            "referentie": bron.referentie or "",
        }
        for bron in money.sources(project).values()
    ]


def table(project: Project, lines: list[Line], years: list[int | None]) -> dict[str, Any]:
    """Amounts per source (rows) and year (columns), with the totals of both."""
    totals = money.by_year_and_source(lines)
    order = _source_order(project, lines)
    rows = [
        {
            "naam": money.source_name(project, bron),
            "cellen": [totals.get((year, bron)) for year in years],
            "totaal": sum(v for (_, b), v in totals.items() if b == bron),
        }
        for bron in order
    ]
    return {
        "kop": [money.LOOPTIJD if year is None else str(year) for year in years],
        "rijen": rows,
        "totalen": [sum(v for (y, _), v in totals.items() if y == year) for year in years],
        "totaal": money.total(lines),
        "breedtes": _widths(len(years)),
    }


def action_rows(project: Project, lines: list[Line], years: list[int | None]) -> dict[str, Any]:
    """Each action with money: its place in the meerjarenplan, its sources, its years."""
    rows = []
    for path, _, actie in actions(project):
        own = [line for line in lines if line.actie == actie.id]
        if not own:
            continue
        per_year = money.by_year_and_source(own)
        bbc = actie.bbc
        codes = (
            [c for c in (bbc.beleidsdoelstelling, bbc.actieplan, bbc.actie, bbc.beleidsveld) if c]
            if bbc
            else []
        )
        rows.append(
            {
                "titel": actie.titel,
                "prioriteit": _priority(project, path),
                "bbc": " · ".join(codes),
                "bronnen": ", ".join(
                    money.source_name(project, b) for b in _source_order(project, own)
                ),
                "cellen": [
                    sum(v for (y, _), v in per_year.items() if y == year) or None for year in years
                ],
                "totaal": money.total(own),
            }
        )
    with_bbc = any(r["bbc"] for r in rows)
    return {
        "kop": [money.LOOPTIJD if year is None else str(year) for year in years],
        "rijen": rows,
        "met_bbc": with_bbc,
        "totaal": money.total(lines),
        "breedtes": _widths(len(years), first=30, second=18 if with_bbc else 0),
    }


def grants(project: Project, lines: list[Line]) -> list[dict[str, Any]]:
    """Per source with a grant and per year: granted, planned, and what is left or short."""
    totals = money.by_year_and_source(lines)
    found = []
    for bron in money.sources(project).values():
        for year, granted in sorted(bron.toegekend.items()):
            planned = totals.get((year, bron.id), 0.0)
            found.append(
                {
                    "bron": bron.naam,
                    "jaar": year,
                    "toegekend": granted,
                    "gepland": planned,
                    "verschil": granted - planned,
                }
            )
    return found


def staff(project: Project) -> dict[str, Any]:
    """Every post of a priority or an action, with the FTE in total."""
    rows = []
    for prioriteit in project.prioriteiten.prioriteiten:
        for post in prioriteit.personeel:
            rows.append(_post(project, post, f"prioriteit {prioriteit.titel}"))
    for _, _, actie in actions(project):
        for post in actie.personeel:
            rows.append(_post(project, post, actie.titel))
    return {"rijen": rows, "vte": sum(r["vte"] for r in rows)}


def _post(project: Project, post: Any, where: str) -> dict[str, Any]:
    return {
        "functie": post.functie,
        "vte": post.vte,
        "bron": money.source_name(project, post.bron) if post.bron else "",
        "waar": where,
    }


def _years(lines: Iterable[Line]) -> list[int | None]:
    """The years of the lines, oldest first, and the whole period (None) last."""
    years = {line.jaar for line in lines}
    return sorted(y for y in years if y is not None) + ([None] if None in years else [])


def _source_order(project: Project, lines: Iterable[Line]) -> list[str]:
    """The sources of the lines: the declared ones in plan.yaml's order, then the others."""
    used = {line.bron for line in lines}
    declared = [b for b in money.sources(project) if b in used]
    return declared + sorted(used - set(declared))


def _priority(project: Project, path: str) -> str:
    prioriteit = project.doelstellingen[path].prioriteit
    titles = {p.id: p.titel for p in project.prioriteiten.prioriteiten}
    return titles.get(prioriteit, prioriteit)


def _widths(columns: int, *, first: int = 28, second: int = 0) -> str:
    """Column widths (percent) for a name, perhaps a second text column, years and a total."""
    rest = (100 - first - second) / (columns + 1)
    widths = [first, *([second] if second else []), *([rest] * (columns + 1))]
    return ",".join(f"{w:g}" for w in widths)


def _why_not(project: Project, today: dt.date) -> str | None:
    """A budget needs money in the folder: a source, or an amount on an action."""
    if not money.has_money(project):
        return (
            "de map noemt geen geld: geen 'financiering' in plan.yaml, geen bedragen bij de acties"
        )
    return None


DOCUMENT = Document(
    name="begroting",
    title="Begroting van het plan per jaar en per bron",
    stap="3.6",
    template="begroting.md.j2",
    filename="begroting.docx",
    build=build,
    why_not=_why_not,
)
