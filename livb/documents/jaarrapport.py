"""The annual report on the plan (step 4.4) for the college and the council.

The year is the latest completed one followed up in monitoring/ before the day of the render
(``--datum`` picks another): what was done that year, the money spent against the budget, where the
indicators stand, and what the next year brings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document, gap
from livb.documents._follow_up_view import STANDEN, FollowUpView, not_followed_up
from livb.documents.begroting import year_and_source
from livb.documents.views import Views
from livb.method.money import action_budget
from livb.method.queries import action_states, decisions, monitoring_years
from livb.model import Project
from livb.model.besluiten import Onderwerp, Uitkomst
from livb.model.plan import Status
from livb.model.walk import actions
from livb.word.ir import Missing


def report_year(project: Project, today: dt.date) -> int:
    """The year reported on: the latest completed year followed up in monitoring/.

    An annual report looks back on a finished year (the report on 2010 goes to the college in
    2011); only when no earlier year was followed up, it reports on the current one, and never on
    a year after the plan period.
    """
    past = [y for y in monitoring_years(project, today) if y < today.year]
    if past:
        return past[-1]
    year = today.year if today.year in project.monitoring else today.year - 1
    periode = project.instellingen.beleid.periode
    return min(year, periode.tot.year) if periode is not None else year


def build(views: Views, item: str | None) -> Context:
    """What happened in the year, what it cost, where the indicators stand, what comes next."""
    project = views.project
    year = report_year(project, views.today)
    day = min(views.today, dt.date(year, 12, 31))
    follow = FollowUpView(views, day)
    file = f"monitoring/{year}.yaml"
    monitoring = project.monitoring.get(year)
    entries = monitoring.acties if monitoring else []
    done = _year_entries(views, follow, entries)
    money = _money(views, follow, year)
    priorities = follow.priorities()
    next_year = _next_year(views, follow, year)
    order = (Status.AFGEROND, Status.LOPEND, Status.VERTRAAGD, Status.GESCHRAPT, Status.GEPLAND)
    counts = [
        tr(COUNTED[status][0]) if n == 1 else tr(COUNTED[status][1], aantal=n)
        for status in order
        if (n := sum(1 for e in entries if e.status is status))
    ]
    return views.common() | {
        "jaar": year,
        "volgend_jaar": year + 1,
        "datum": _dated(project, year, views.today),
        "opgevolgd": monitoring is not None,
        "bestand": file,
        "acties": done,
        "aantallen": counts,
        "vertraagd": [a for a in done if a["reden"]],
        "geld": money["rijen"],
        "budget": money["budget"],
        "met_budget": money["met_budget"],
        "besteed_jaar": money["jaar"],
        "besteed_totaal": money["totaal"],
        "besteed_met_budget": money["besteed_met_budget"],
        "nog_beschikbaar": money["over"],
        "zonder_budget": money["zonder_budget"],
        "budgettekst": project.plan.budget or "",
        "geld_per_bron": year_and_source(project, day, [year, None]),
        "indicatoren": [
            i
            for p in priorities
            for sd in p["doelstellingen"]
            for od in sd["operationele"]
            for i in od["indicatoren"]
        ],
        "vergaderingen": follow.meetings(year),
        "besluiten": [d for d in follow.decisions_since_approval() if d["datum"].year == year],
        "huiswerk": follow.huiswerk(year),
        "communicatie": follow.told(year),
        "volgend": next_year,
        "plan_acties": len(follow.states),
        "vooruitblik": (views.field(monitoring, "vooruitblik") if monitoring else None)
        or Missing(tr("wat {jaar} brengt", jaar=year + 1), file, "vooruitblik"),
    }


COUNTED = {
    Status.AFGEROND: (N_("1 afgerond"), N_("{aantal} afgerond")),
    Status.LOPEND: (N_("1 lopend"), N_("{aantal} lopend")),
    Status.VERTRAAGD: (N_("1 vertraagd"), N_("{aantal} vertraagd")),
    Status.GESCHRAPT: (N_("1 geschrapt"), N_("{aantal} geschrapt")),
    Status.GEPLAND: (N_("1 gepland"), N_("{aantal} gepland")),
}
"""How many actions of the year are in a state: one text for one, another for more (French)."""

NOTED = (Uitkomst.KENNISGENOMEN, Uitkomst.GOEDGEKEURD)
"""How the college settles a year report: it takes note of it (or approves it)."""


def _dated(project: Project, year: int, today: dt.date) -> dt.date:
    """The report's date: the college's decision on it, else today while the next year runs.

    A year long past without such a decision is reported as it stood at its end, not dated
    today.
    """
    taken = [
        d.datum
        for d in decisions(project, Onderwerp.JAARRAPPORT, uitkomst=NOTED, today=today)
        if d.datum.year == year + 1
    ]
    if taken:
        return taken[0]
    return today if today <= dt.date(year + 1, 12, 31) else dt.date(year, 12, 31)


def _year_entries(views: Views, follow: FollowUpView, entries: list[Any]) -> list[dict[str, Any]]:
    """What the year's follow-up says of each action: its title, state, reason and remark."""
    titles = {action_id: state.actie for action_id, state in follow.states.items()}
    return [
        {
            "titel": views.skeleton_gap(titles[e.actie], "titel") if e.actie in titles else e.actie,
            "stand": tr(STANDEN[e.status]),
            "reden": views.field(e, "reden") or "",
            "opmerking": views.field(e, "opmerking") or "",
        }
        for e in entries
    ]


def _next_year(views: Views, follow: FollowUpView, year: int) -> list[dict[str, Any]]:
    """The actions not finished that run into the next year."""
    return [
        {
            "titel": views.skeleton_gap(state.actie, "titel"),
            "einde": state.actie.einde,
            "stand": tr(STANDEN[state.status]),
        }
        for state in follow.states.values()
        if not state.status.klaar
        and (state.actie.start is None or state.actie.start.year <= year + 1)
        and (state.actie.einde is None or state.actie.einde.year >= year + 1)
    ]


def _money(views: Views, follow: FollowUpView, year: int) -> dict[str, Any]:
    """Per action with a budget or costs: budget, spent this year, spent so far, left.

    Only an action with a budget has money left, and a dropped (geschrapt) action has none: its
    budget is no longer there to spend. The totals of budget and left count only those actions.
    """
    rows = []
    totals = {"budget": 0.0, "jaar": 0.0, "totaal": 0.0, "over": 0.0}
    for action_id, state in follow.states.items():
        costs = follow.costs.get(action_id, {})
        budget = action_budget(state.actie)
        if budget is None and not costs:
            continue
        this_year = costs.get(year, 0.0)
        so_far = sum(v for y, v in costs.items() if y <= year)
        dropped = state.status is Status.GESCHRAPT
        left = None if budget is None or dropped else budget - so_far
        rows.append(
            {
                "titel": views.skeleton_gap(state.actie, "titel"),
                "budget": budget,
                "jaar": this_year,
                "totaal": so_far,
                "over": left,
                "geschrapt": dropped,
            }
        )
        totals["budget"] += budget or 0.0
        totals["jaar"] += this_year
        totals["totaal"] += so_far
        totals["over"] += left or 0.0
    with_budget = [r for r in rows if r["budget"] is not None]
    return {
        "rijen": rows,
        **totals,
        "met_budget": len(with_budget),
        "besteed_met_budget": sum(r["totaal"] for r in with_budget),
        "zonder_budget": [r for r in rows if r["budget"] is None and r["totaal"]],
    }


def final_gaps(project: Project, context: Context) -> list[str]:
    """A report on a year needs that year's follow-up, with a state for each running action.

    An action runs in the year when its period touches it and it was not settled (done or
    dropped) in an earlier year.
    """
    year = context["jaar"]
    file = context["bestand"]
    monitoring = project.monitoring.get(year)
    if monitoring is None:
        none = tr("er is geen opvolging van {jaar} (livb new monitoring)", jaar=year)
        return [gap(file, "acties", none)]
    followed = {e.actie for e in monitoring.acties}
    before = action_states(project, dt.date(year - 1, 12, 31))
    reasons = []
    for _, _, actie in actions(project):
        running = (actie.start is None or actie.start.year <= year) and (
            actie.einde is None or actie.einde.year >= year
        )
        settled = actie.id in before and before[actie.id].status.klaar
        if running and not settled and actie.id not in followed:
            missing = tr("de actie '{id}' heeft geen stand in {jaar}", id=actie.id, jaar=year)
            reasons.append(gap(file, "acties", missing))
    return reasons


def _title(context: Context) -> str:
    return tr("Jaarrapport {jaar}", jaar=context["jaar"])


DOCUMENT = Document(
    name="jaarrapport",
    title=N_("Jaarrapport over de uitvoering van het plan"),
    stap="4.4",
    template="jaarrapport.md.j2",
    filename="jaarrapport.docx",
    build=build,
    why_not=not_followed_up,
    heading=_title,
    final_gaps=final_gaps,
)
