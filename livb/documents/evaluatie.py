"""The evaluation of the plan (steps 4.2 and 5.3): interim while the plan runs, final after it.

Per priority and goal the indicators against their baseline and target (with a chart each),
the actions and their state, what worked and what did not (the notes of monitoring/), and
an evaluation of the process itself: the steps, the meetings held, who took part.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import N_, tr
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, gap
from livb.documents._follow_up_view import FollowUpView, not_followed_up
from livb.documents.begroting import year_and_source
from livb.documents.views import Views
from livb.method.process import derive_state, follow_up
from livb.method.queries import implementation_start, plan_approved, plan_ended
from livb.model import Project
from livb.word.ir import Missing


def build(views: Views, item: str | None) -> Context:
    """The evaluation on the day of the render: interim, or final once the plan period is over."""
    project = views.project
    day = views.today
    follow = FollowUpView(views, day)
    summary = follow_up(project, day)
    worked, failed = follow.lessons()
    meetings = follow.meetings()
    approved = plan_approved(project, day)
    since = [m for m in meetings if approved is not None and m["datum"] > approved.datum]
    tasks = follow.huiswerk()
    state = derive_state(project, day)
    start = implementation_start(project, day)
    return views.common() | {
        "datum": day,
        "eind": plan_ended(project, day),
        "start": start
        if start
        else Missing(
            tr("de goedkeuring van het plan door de gemeenteraad"), "besluiten.yaml", "besluiten"
        ),
        "jaren": follow.years,
        "zonder_opvolging": _years_without(project, follow.years, day) if follow.years else [],
        "opvolging": _years_text(follow.years)
        if follow.years
        else Missing(tr("de opvolging van het plan"), f"monitoring/{day.year}.yaml", "acties"),
        "acties_tekst": summary.actions_text,
        "indicatoren_tekst": summary.indicators_text,
        "niets_op_te_volgen": not summary.action_count and not summary.indicator_count,
        "prioriteiten": follow.priorities(),
        "werkte": worked,
        "werkte_niet": failed,
        "stappen": pv.steps(state, ("4", "5")),
        "vergaderingen": meetings,
        "goedgekeurd": approved is not None,
        "sinds_goedkeuring": len(since),
        "deelnemers": _average(m["deelnemers"] for m in meetings),
        "huiswerk": tasks,
        "huiswerk_gedaan": sum(1 for t in tasks if t["gedaan"]),
        "communicatie": follow.told(),
        "communicatieplan": project.plan.communicatie or "",
        "evaluatieplan": project.plan.evaluatie or "",
        "besluiten": follow.decisions_since_approval(),
        "geld": year_and_source(project, day),
    }


def _years_without(project: Project, years: list[int], day: dt.date) -> list[str]:
    """The plan's years up to today after the last one followed up, that have no monitoring."""
    periode = project.instellingen.beleid.periode
    last = min(periode.tot.year, day.year) if periode else day.year
    return [str(y) for y in range(years[-1] + 1, last + 1)]


def _years_text(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _average(values: Any) -> int:
    numbers = [v for v in values if v]
    return round(sum(numbers) / len(numbers)) if numbers else 0


def final_gaps(project: Project, context: Context) -> list[str]:
    """What a final version lacks beyond the marked gaps: the approval of an ended plan.

    An interim evaluation names the missing approval in its text; a final one does not.
    """
    if context["eind"] and not context["goedgekeurd"]:
        never = tr("de gemeenteraad keurde het plan nooit goed")
        return [gap("besluiten.yaml", "besluiten", never)]
    return []


def _title(context: Context) -> str:
    return tr("Eindevaluatie") if context["eind"] else tr("Tussentijdse evaluatie")


DOCUMENT = Document(
    name="evaluatie",
    title=N_("Evaluatie van het plan"),
    stap="4.2, 5.3",
    template="evaluatie.md.j2",
    filename="evaluatie.docx",
    build=build,
    why_not=not_followed_up,
    heading=_title,
    final_gaps=final_gaps,
)
