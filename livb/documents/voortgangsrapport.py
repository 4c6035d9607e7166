"""The progress report for the college (step 2.7, and at any later moment of the process)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, dated
from livb.documents.charts import chain_chart, series_chart
from livb.documents.views import Views
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp
from livb.process import FASEN
from livb.queries import chain_balance

ALL_PHASES = ("1", "2", "3", "4", "5")


def build(views: Views, item: str | None) -> Context:
    """The state of the process on the day of the report, what was done, and what comes next."""
    project = views.project
    day = views.today
    state = pv.state_as_of(views, day)
    groups = {g.prioriteit: g for g in project.organen.projectgroepen}
    findings = views.findings()
    done = [s for s in state.steps if s.stand.value == "klaar"]
    return views.common() | {
        "datum": day,
        "fase": FASEN[state.current_phase],
        "fasenummer": state.current_phase,
        "klaar": len(done),
        "totaal": len(state.steps),
        "stappen": pv.steps(state, ALL_PHASES),
        "volgende": pv.next_steps(state, ALL_PHASES),
        "vergaderingen": pv.meetings(views, day),
        "gesprekken": pv.talks(views, day, ("1.2", "2.2")),
        "besluiten": pv.decisions_up_to(views, day),
        "bevindingen": [
            {
                "titel": f["titel"],
                "onveiligheid": f["onveiligheid"],
                "grafieken": [series_chart(r) for r in f["reeksen"] if r["jaren"]],
            }
            for f in findings
        ],
        "prioriteiten": [
            _priority(views, p, groups.get(p.id)) for p in project.prioriteiten.prioriteiten
        ],
        "keten": chain_chart(dict(chain_balance(project))),
        "goedgekeurd": _approval(views, day),
    }


def _priority(views: Views, priority: Any, group: Any) -> dict[str, Any]:
    return {
        "titel": priority.titel,
        "projectgroep": group.naam if group else "",
        "projectleider": views.actor(group.projectleider, "de projectleider")
        if group and group.projectleider
        else None,
        "leden": views.people(group.leden) if group else [],
    }


def _approval(views: Views, day: dt.date) -> dict[str, Any] | None:
    found = pv.latest(views, Onderwerp.VOORTGANGSRAPPORT, Instantie.COLLEGE, day)
    return pv.decision_view(found) if found else None


def _available(project: Project) -> bool:
    return bool(project.vergaderingen)


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="voortgangsrapport",
    title="Voortgangsrapport",
    stap="2.7",
    template="voortgangsrapport.md.j2",
    filename="voortgangsrapport.docx",
    build=build,
    available=_available,
    date=_date,
)
