"""The report after the orientation talks (step 1.3): the college decides to start."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import tr
from livb.core.words import count
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.views import Views
from livb.method.process import Stand
from livb.method.queries import decisions, plan_approved
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.model.stappen import Stap

PHASE = ("1",)


def build(views: Views, item: str | None) -> Context:
    """Phase 1 as it stood when the college decided to start (or today, before that)."""
    decision = pv.latest(views, Onderwerp.RAPPORT, Instantie.COLLEGE, views.today)
    day = decision.datum if decision else views.today
    state = pv.state_as_of(views, day)
    talks = pv.talks(views, day, ("1.2",))
    return views.common() | {
        "datum": day,
        "gewest": pv.region(views.project),
        "stappen": pv.steps(state, PHASE),
        "volgende": pv.next_steps(state, ("1", "2"), day),
        "gesprekken": talks,
        "gesprekken_tekst": count(len(talks), tr("oriëntatiegesprek"), tr("oriëntatiegesprekken")),
        "gesprekken_overgeslagen": state.step(Stap.S1_2).stand is Stand.OVERGESLAGEN,
        "vertrouwelijk": sum(1 for t in talks if t["vertrouwelijk"]),
        "aanstelling": pv.coordinator_appointment(views, day),
        "besluiten": pv.decisions_up_to(views, day),
        "beslissing": pv.decision_view(views, decision) if decision else None,
        "protocol_goedgekeurd": _approved(views, day),
        "adviseurs_genoemd": bool(views.project.instellingen.begeleiding.lokaal_adviseurs),
        "kerngroep_vergaderd": any(
            v.orgaan == "kerngroep" and v.datum <= day for v in views.project.vergaderingen.values()
        ),
    }


def _approved(views: Views, day: dt.date) -> Any:
    found = views.decision(Onderwerp.PROTOCOLAKKOORD, Instantie.COLLEGE, Uitkomst.GOEDGEKEURD)
    return found.datum if found and found.datum <= day else None


def _why_not(project: Project, today: dt.date) -> str | None:
    """A folder early in the process, or one that records the college's decision to start.

    Once the plan is approved, a proposal to start is history: ``render alle`` makes it only
    when the folder records that decision (the report then shows phase 1 as it stood then).
    """
    early = project.instellingen.coordinator is not None or any(
        g.stap == "1.2" for g in project.gesprekken.values()
    )
    if decisions(project, Onderwerp.RAPPORT, (Instantie.COLLEGE,)):
        return None
    if plan_approved(project) is not None:
        return NoReason(tr("het plan is al goedgekeurd en besluiten.yaml noteert geen opstart"))
    if early:
        return None
    return tr("nog geen coördinator in livb.yaml en geen oriëntatiegesprek van stap 1.2")


def _final_gaps(project: Project, context: Context) -> list[str]:
    if not context["gesprekken"]:
        return [tr("nog geen oriëntatiegesprek met de burgemeester (gesprekken/, stap 1.2)")]
    return []


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="rapport-opstart",
    title="Rapport na de oriëntatiegesprekken",
    stap="1.3",
    template="rapport-opstart.md.j2",
    filename="rapport-opstart.docx",
    build=build,
    why_not=_why_not,
    date=_date,
    final_gaps=_final_gaps,
)
