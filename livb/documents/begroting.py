"""The budget of the plan per year and source, for the college and the financial service.

Every amount comes from :mod:`livb.method.money`; the tables add up by construction: a row's
total is the sum of its cells, the total row the sum of the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from livb.core.formatting import long_date
from livb.core.formatting import money as money_text
from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document
from livb.documents.views import Views
from livb.method import money
from livb.method.money import Line
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.model.walk import actions


def build(views: Views, item: str | None) -> Context:
    """The sources, the budget per year and source, per action, the grants, the spending."""
    project = views.project
    planned = money.budget_lines(project)
    spent = money.spending_lines(project, views.today)
    years = _years(planned)
    return views.common() | {
        "datum": views.today,
        "looptijd": tr(money.LOOPTIJD),
        "goedgekeurd": _approval(views),
        "heeft_geld": money.has_money(project),
        "bronnen": source_views(project),
        "begroting": table(project, planned, years),
        "acties": action_rows(project, planned, years),
        "toekenning": grants(project, planned),
        "uitgaven": table(project, spent, _years(spent)),
        "personeel": staff(project),
        "budgettekst": project.plan.budget or "",
    }


def _approval(views: Views) -> str | None:
    """The latest approval of the budget by the council, else by the college, up to the day.

    'goedgekeurd door de gemeenteraad op 30 maart 2026 (GR 2026/044)'; None: none yet.
    """
    for door, text in APPROVED_BY.items():
        found = views.decision(Onderwerp.BEGROTING, door, Uitkomst.GOEDGEKEURD)
        if found is not None:
            reference = f" ({found.referentie})" if found.referentie else ""
            return tr(text, datum=long_date(found.datum)) + reference
    return None


APPROVED_BY = {
    Instantie.GEMEENTERAAD: N_("goedgekeurd door de gemeenteraad op {datum}"),
    Instantie.COLLEGE: N_("goedgekeurd door het college van burgemeester en schepenen op {datum}"),
}
"""Who approves a budget, the council before the college, and how the title page says it."""


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
            "jaar": tr(money.LOOPTIJD).lower() if year is None else str(year),
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
            "soort": tr(money.SOORTEN[bron.soort]),
            "van": bron.periode.van if bron.periode else None,
            "tot": bron.periode.tot if bron.periode else None,
            "toegekend": "; ".join(
                f"{year}: {money_text(amount, nonbreaking=True)}"
                for year, amount in sorted(bron.toegekend.items())
            ),
            "toegekend_totaal": sum(bron.toegekend.values()),
            "referentie": bron.referentie or "",
        }
        for bron in money.sources(project).values()
    ]


BLOK = 4
"""At most this many columns of amounts side by side: more years go in a next block."""


def table(project: Project, lines: list[Line], years: list[int | None]) -> dict[str, Any]:
    """Amounts per source (rows) and year (columns), with the totals of both, in blocks."""
    totals = money.by_year_and_source(lines)
    rows = [
        (
            money.source_name(project, bron),
            [totals.get((year, bron)) for year in years]
            + [sum(v for (_, b), v in totals.items() if b == bron)],
        )
        for bron in _source_order(project, lines)
    ]
    per_year = money.by_year(lines)
    sums = [per_year.get(year) for year in years]  # None for none at all: '–', not € 0
    return {
        "rijen": rows,
        "totaal": money.total(lines),
        "blokken": _blocks(_heads(years), rows, [*sums, money.total(lines)]),
    }


def action_rows(project: Project, lines: list[Line], years: list[int | None]) -> dict[str, Any]:
    """Each action with money, its sources and its place in the meerjarenplan, in blocks."""
    rows = []
    for _, _, actie in actions(project):
        own = [line for line in lines if line.actie == actie.id]
        if not own:
            continue
        per_year = money.by_year(own)
        bbc = actie.bbc
        codes = (
            [c for c in (bbc.beleidsdoelstelling, bbc.actieplan, bbc.actie, bbc.beleidsveld) if c]
            if bbc
            else []
        )
        sources = ", ".join(money.source_name(project, b) for b in _source_order(project, own))
        label = f"{actie.titel} ({sources})" + (f"; BBC {' · '.join(codes)}" if codes else "")
        cells = [per_year.get(year) or None for year in years]
        rows.append((label, [*cells, money.total(own)]))
    all_years = money.by_year(lines)
    sums = [all_years.get(year) for year in years]
    return {
        "rijen": rows,
        "met_bbc": any("; BBC " in label for label, _ in rows),
        "totaal": money.total(lines),
        "blokken": _blocks(_heads(years), rows, [*sums, money.total(lines)]),
    }


def _heads(years: list[int | None]) -> list[str]:
    return [tr(money.LOOPTIJD) if year is None else str(year) for year in years] + [tr("Samen")]


def _blocks(
    heads: list[str], rows: list[tuple[str, list[float | None]]], sums: Sequence[float | None]
) -> list[dict[str, Any]]:
    """The columns of amounts cut in blocks of :data:`BLOK`, each with the names and its sums."""
    found = []
    for start in range(0, len(heads), BLOK):
        part = slice(start, start + BLOK)
        width = len(heads[part])
        found.append(
            {
                "kop": heads[part],
                "rijen": [{"naam": name, "cellen": _amounts(c[part])} for name, c in rows],
                "totalen": _amounts(sums[part]),
                "breedtes": _widths(width),
            }
        )
    return found


def _amounts(values: Sequence[float | None]) -> list[str]:
    """Amounts as a table shows them: € 12.500 kept on one line, '–' for none."""
    return [money_text(v, nonbreaking=True) if v is not None else "–" for v in values]


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
            rows.append(_post(project, post, tr("prioriteit {titel}", titel=prioriteit.titel)))
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


def _widths(columns: int) -> str:
    """Column widths (percent): the name, then the columns of amounts."""
    first = 100 - 16 * columns
    return ",".join(f"{w:g}" for w in [first, *([16] * columns)])


def _why_not(project: Project, today: dt.date) -> str | None:
    """A budget needs money in the folder: a source, or an amount on an action."""
    if not money.has_money(project):
        return tr(
            "de map noemt geen geld: geen 'financiering' in plan.yaml, geen bedragen bij de acties"
        )
    return None


DOCUMENT = Document(
    name="begroting",
    title=N_("Begroting van het plan per jaar en per bron"),
    stap="3.6",
    template="begroting.md.j2",
    filename="begroting.docx",
    build=build,
    why_not=_why_not,
)
