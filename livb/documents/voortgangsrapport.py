"""The progress report for the college (step 2.7, and at any later moment of the process)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.charts import chain_chart, series_chart
from livb.documents.views import SCHAKEL_VOLGORDE, Views
from livb.method.process import FASEN, Stand
from livb.method.queries import chain_balance, decisions, link_words
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst

ALL_PHASES = ("1", "2", "3", "4", "5")


def build(views: Views, item: str | None) -> Context:
    """The state of the process on the day of the report, what was done, and what comes next."""
    project = views.project
    day = views.today
    state = pv.state_as_of(views, day)
    groups = {g.prioriteit: g for g in project.organen.projectgroepen}
    findings = views.findings()
    balance = chain_balance(project)
    priorities = [_priority(views, p, groups.get(p.id)) for p in project.prioriteiten.prioriteiten]
    following = pv.next_steps(state, ALL_PHASES, day)
    next_step = state.next_step
    approved = _approval(views, day)
    settled = approved is not None or views.common()["plan_goedgekeurd"]
    return views.common() | {
        "datum": day,
        "fase": tr(FASEN[state.current_phase]),
        "fasenummer": state.current_phase,
        "klaar": len(state.settled),
        "anders": state.counted(Stand.ANDERS),
        "nvt": state.counted(Stand.NVT),
        "totaal": len(state.steps),
        "stappen": pv.steps(state, ALL_PHASES),
        "volgende": following,
        "eerstvolgende": {"stap": next_step.stap.value, "titel": _lower_first(next_step.titel)}
        if next_step
        else None,
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
        "prioriteiten": priorities,
        "prioriteiten_tekst": count(len(priorities), tr("prioriteit"), tr("prioriteiten")),
        "gekozen": pv.chosen_in(views, day),
        "met_projectgroep": sum(1 for p in priorities if p["projectgroep"]),
        "keten": chain_chart(dict(balance), lambda s: link_words(views.project, s))
        if any(balance[schakel] for schakel in SCHAKEL_VOLGORDE)
        else None,
        "goedgekeurd": approved,
        "ter_goedkeuring": not settled,
    }


def _lower_first(title: str) -> str:
    """A step's title inside a sentence: 'aanpak van …', but 'SWOT-analyse' stays."""
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _priority(views: Views, priority: Any, group: Any) -> dict[str, Any]:
    return {
        "titel": views.field(priority, "titel"),
        "projectgroep": views.field(group, "naam") if group else "",
        "projectleider": views.actor(group.projectleider, tr("de projectleider"))
        if group and group.projectleider
        else None,
        "leden": views.people(group.leden) if group else [],
    }


def _approval(views: Views, day: dt.date) -> dict[str, Any] | None:
    found = pv.latest(views, Onderwerp.VOORTGANGSRAPPORT, Instantie.COLLEGE, day)
    return pv.decision_view(views, found) if found else None


def _why_not(project: Project, today: dt.date) -> str | None:
    """A report of the inventory phase, unless the gemeente went on without one on purpose."""
    if not project.vergaderingen:
        return tr("nog geen vergadering in vergaderingen/")
    skipped = [
        e.reden
        for e in project.instellingen.regels.uitgeschakeld
        if e.code == PROGRESS_RULE and not e.voor
    ]
    if skipped and not decisions(project, Onderwerp.VOORTGANGSRAPPORT, uitkomst=tuple(Uitkomst)):
        return NoReason(
            tr(
                "de gemeente werkt zonder voortgangsrapport ({regel} staat uit: {reden})",
                regel=PROGRESS_RULE,
                reden=skipped[0],
            )
        )
    return None


PROGRESS_RULE = "LIVB311"
"""The rule that asks for the college's approval of the progress report (step 2.7)."""


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="voortgangsrapport",
    title=N_("Voortgangsrapport"),
    stap="2.7",
    template="voortgangsrapport.md.j2",
    filename="voortgangsrapport.docx",
    build=build,
    why_not=_why_not,
    date=_date,
)
