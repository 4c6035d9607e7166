"""What the evaluation and the annual report show of the follow-up (monitoring/JJJJ.yaml).

The goals of the plan with, for each indicator, its measurements against baseline and target
(and a chart), for each action its state and what it cost; what worked and what did not, from
the notes of the monitoring files; and the process itself: meetings, huiswerk, communication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from livb.core.formatting import long_date, money, number, short_date
from livb.core.i18n import N_, tr, word
from livb.documents import _process_view as pv
from livb.documents._base import DRAFT_TEXT
from livb.documents.charts import TrendChart
from livb.documents.views import Views
from livb.method.queries import (
    ActionState,
    Koers,
    action_states,
    koers,
    measurements,
    monitoring_years,
    plan_approved,
    spent,
)
from livb.model import Project
from livb.model.monitoring import Indicatormeting
from livb.model.plan import Indicator, Status
from livb.model.walk import indicators
from livb.word.ir import Missing


def not_followed_up(project: Project, today: dt.date) -> str | None:
    """Why there is no evaluation or year report yet (None: there is one to make).

    Both look back on a plan that was approved and followed up for a year.
    """
    if plan_approved(project, today) is None:
        return tr("het plan is op {datum} nog niet goedgekeurd (stap 3.6)", datum=long_date(today))
    if not project.monitoring:
        return tr("nog geen jaar van opvolging in monitoring/ (stap 4.1)")
    return None


STANDEN = {
    Status.GEPLAND: N_("gepland"),
    Status.LOPEND: N_("lopend"),
    Status.AFGEROND: N_("afgerond"),
    Status.VERTRAAGD: N_("vertraagd"),
    Status.GESCHRAPT: N_("geschrapt"),
}
"""How an action's state is written (shown with ``tr``: in French, of an action, feminine)."""


class FollowUpView:
    """The follow-up of the plan up to a day (and, for an annual report, up to a year's end)."""

    def __init__(self, views: Views, day: dt.date) -> None:
        self.views = views
        self.day = day
        project = views.project
        self.years = monitoring_years(project, day)
        self.states = action_states(project, day)
        self.measured = measurements(project, day)
        self.costs = spent(project, day)
        self.indicators = {i.id: i for _, _, i in indicators(project)}
        self.sources = {b.id: b.naam for b in project.bronnen.bronnen}

    # -- goals ----------------------------------------------------------------------------------

    def priorities(self) -> list[dict[str, Any]]:
        """Every priority with its goals, each indicator and action with its follow-up."""
        project = self.views.project
        found = []
        for p in project.prioriteiten.prioriteiten:
            goals = [
                self.goal(sd)
                for _, bestand in sorted(project.doelstellingen.items())
                if bestand.prioriteit == p.id
                for sd in bestand.strategische_doelstellingen
            ]
            found.append(
                {"id": p.id, "titel": self.views.field(p, "titel"), "doelstellingen": goals}
            )
        return found

    def goal(self, sd: Any) -> dict[str, Any]:
        """A strategic goal whose indicators and actions carry their follow-up."""
        goal = self.views.goal(sd)
        for od in goal["operationele"]:
            od["indicatoren"] = [self.indicator(i) for i in od["indicatoren"]]
            od["acties"] = [self.action(a) for a in od["acties"]]
            od["indicator_rijen"] = [i["rij"] for i in od["indicatoren"]]
            od["actie_rijen"] = [a["rij"] for a in od["acties"]]
        return goal

    def indicator(self, view: dict[str, Any]) -> dict[str, Any]:
        """An indicator with its measurements, its latest value and how it stands."""
        indicator = self.indicators[view["id"]]
        metingen = self.measured.get(indicator.id, [])
        latest = metingen[-1] if metingen else None
        judged = koers(indicator, latest.waarde, latest.datum.year) if latest else None
        unit = f" {view['eenheid']}" if view["eenheid"] else ""
        named = indicator.id if DRAFT_TEXT.search(indicator.naam) else indicator.naam
        last: Any = (
            f"{number(latest.waarde)}{unit} ({short_date(latest.datum)})"
            if latest
            else Missing(
                tr("een meting van '{naam}'", naam=named),
                f"monitoring/{self.day.year}.yaml",
                "metingen",
            )
        )
        stand = word(judged.value) if judged else tr("nog niet gemeten")
        return view | {
            "metingen": [
                {
                    "datum": m.datum,
                    "waarde": m.waarde,
                    "bron": m.bron,
                    "opmerking": self.views.field(m, "opmerking") or "",
                }
                for m in metingen
            ],
            "bronnen": list(dict.fromkeys(m.bron for m in metingen)),
            "laatste": last,
            "koers": stand,
            "op_koers": bool(judged and judged.goed),
            "grafiek": self.chart(indicator, metingen),
            "rij": [
                view["naam"] if not unit else f"{view['naam']} ({view['eenheid']})",
                _measure(view["basis"], view["basisjaar"], unit),
                _measure(view["doel"], view["doeljaar"], unit),
                last,
                stand,
            ],
        }

    def chart(self, indicator: Indicator, metingen: list[Indicatormeting]) -> TrendChart | None:
        """The indicator from its baseline through its measurements (the latest of each year)."""
        points: dict[int, float] = {}
        base, target = indicator.basiswaarde, indicator.streefwaarde
        if base is not None and base.jaar is not None:
            points[base.jaar] = base.waarde
        for meting in metingen:
            points[meting.datum.year] = meting.waarde
        if not metingen or not points:
            return None
        years = sorted(points)
        return TrendChart(
            titel=indicator.naam,
            eenheid=indicator.eenheid or "",
            jaren=tuple(years),
            waarden=tuple(points[y] for y in years),
            bron=self.sources.get(indicator.bron or "", ""),
            doel=(target.jaar, target.waarde)
            if target is not None and target.jaar is not None
            else None,
        )

    def action(self, view: dict[str, Any]) -> dict[str, Any]:
        """An action with its latest state, the reason of a delay and what it cost so far."""
        state = self.states[view["id"]]
        total = sum(self.costs.get(view["id"], {}).values())
        stand = tr(STANDEN[state.status]) + (f" ({state.jaar})" if state.jaar else tr(" (plan)"))
        if state.late(self.day) and state.status is not Status.VERTRAAGD:
            stand += tr(", over tijd")
        cost = _cost(total if view["id"] in self.costs else None, view["budget"])
        return view | {
            "stand": stand,
            "status": state.status.value,
            "reden": state.reden or "",
            "opmerking": state.opmerking or "",
            "besteed": total,
            "rij": [view["titel"], view["wie"], view["periode"], stand, cost],
        }

    # -- what worked and what did not -----------------------------------------------------------

    def lessons(self) -> tuple[list[str], list[str]]:
        """What worked and what did not, in the words of the monitoring notes.

        A note on a measurement counts as what worked when the indicator was on track at that
        measurement; a note on an action when, in the year of its entry, the action was done
        or on schedule. Every reason for a delay or a dropped action is a lesson of what did
        not work.
        """
        worked: list[str] = []
        failed: list[str] = []
        for indicator_id, metingen in self.measured.items():
            indicator = self.indicators.get(indicator_id)
            if indicator is None:
                continue
            for m in metingen:
                if m.opmerking:
                    judged = koers(indicator, m.waarde, m.datum.year)
                    naam = self.views.skeleton_gap(indicator, "naam")
                    text = f"{naam} ({m.datum}): {m.opmerking}"
                    (worked if judged.goed or judged is Koers.ONBEKEND else failed).append(text)
        for state in self.states.values():
            titel = self.views.skeleton_gap(state.actie, "titel")
            if state.reden:
                failed.append(f"{titel} ({tr(STANDEN[state.status])}): {state.reden}")
            if state.opmerking:
                then = min(dt.date(state.jaar, 12, 31), self.day) if state.jaar else self.day
                good = state.status is Status.AFGEROND or not state.late(then)
                (worked if good else failed).append(f"{titel}: {state.opmerking}")
        return worked, failed

    # -- the process ----------------------------------------------------------------------------

    def meetings(self, year: int | None = None) -> list[dict[str, Any]]:
        """The meetings held up to the day (of one year), with how many took part.

        Those present are the named members (``aanwezig``) or the count of an open session
        (``deelnemers``); guests are a description, not counted.
        """
        found = []
        for meeting in pv.meetings(self.views, self.day):
            v = self.views.project.vergaderingen[meeting["id"]]
            if year is not None and v.datum.year != year:
                continue
            present = v.deelnemers or len(v.aanwezig)
            found.append(meeting | {"deelnemers": present})
        return found

    def huiswerk(self, year: int | None = None) -> list[dict[str, Any]]:
        """The follow-up of the meetings' huiswerk (of one year), the latest word on each task."""
        latest: dict[tuple[str, int], dict[str, Any]] = {}
        project = self.views.project
        for y in self.years:
            if year is not None and y != year:
                continue
            for opvolging in project.monitoring[y].huiswerk:
                meeting = project.vergaderingen.get(opvolging.vergadering)
                if meeting is None or opvolging.taak > len(meeting.huiswerk):
                    continue
                taak = meeting.huiswerk[opvolging.taak - 1]
                latest[(opvolging.vergadering, opvolging.taak)] = {
                    "vergadering": meeting.datum,
                    "wie": self.views.people(taak.wie),
                    "wat": self.views.field(taak, "wat"),
                    "gedaan": opvolging.gedaan,
                    "opmerking": self.views.field(opvolging, "opmerking") or "",
                }
        return [latest[key] for key in sorted(latest)]

    def told(self, year: int | None = None) -> list[dict[str, Any]]:
        """What was told to the public (of one year), oldest first."""
        project = self.views.project
        return [
            {"datum": c.datum, "wat": self.views.field(c, "wat")}
            for y in self.years
            if year is None or y == year
            for c in sorted(project.monitoring[y].communicatie, key=lambda c: c.datum)
            if c.datum <= self.day
        ]

    def decisions_since_approval(self) -> list[dict[str, Any]]:
        """The decisions on the plan's follow-up (evaluations, reports) since its approval."""
        approved = plan_approved(self.views.project, self.day)
        if approved is None:
            return []
        return [d for d in pv.decisions_up_to(self.views, self.day) if d["datum"] > approved.datum]


def _measure(value: float | None, year: int | None, unit: str) -> str:
    if value is None:
        return ""
    text = f"{number(value)}{unit}"
    return f"{text} ({year})" if year else text


def _cost(spent_total: float | None, budget: float | None) -> str:
    """'€ 5.500 van € 8.000', '€ 300', 'budget € 4.000' or ''."""
    if spent_total is not None and budget is not None:
        return tr(
            "{besteed} van {budget}",
            besteed=money(spent_total, nonbreaking=True),
            budget=money(budget, nonbreaking=True),
        )
    if spent_total is not None:
        return money(spent_total, nonbreaking=True)
    if budget is not None:
        return tr("budget {bedrag}", bedrag=money(budget, nonbreaking=True))
    return ""


def states_of(states: Iterable[ActionState], *status: Status) -> list[ActionState]:
    """The actions in one of these states."""
    return [s for s in states if s.status in status]
