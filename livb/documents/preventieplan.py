"""The yearly follow-up of a federally funded prevention plan (step 4.4), for the FOD.

For a folder whose plan.yaml declares a source of the kind ``federaal_preventieplan``: the
goals and indicators of the actions that source funds and where they stand, the staff it pays
(FTE), the spending per subsidy category (personeel, werking, investering) against the year's
grant, and what changed in the year. The year is the jaarrapport's: the latest completed year
followed up in monitoring/. A folder without such a source gets no such document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.errors import LivbError
from livb.core.formatting import long_date
from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document
from livb.documents._follow_up_view import STANDEN, FollowUpView
from livb.documents.jaarrapport import report_year
from livb.documents.views import Views
from livb.method import money
from livb.method.queries import action_states
from livb.model import Project
from livb.model.geld import Bronsoort, Financieringsbron, Kostensoort
from livb.model.walk import actions

NIET_INGEDEELD = N_("niet ingedeeld")
"""The row of the amounts that name no category."""

RUBRIEKEN = {
    Kostensoort.PERSONEEL.value: N_("personeel"),
    Kostensoort.WERKING.value: N_("werking"),
    Kostensoort.INVESTERING.value: N_("investering"),
    NIET_INGEDEELD: NIET_INGEDEELD,
}
"""How the document names each category of a subsidy (the YAML writes the Dutch value)."""


def federal_sources(project: Project) -> list[Financieringsbron]:
    """The declared sources of the kind federaal_preventieplan."""
    return [
        b for b in money.sources(project).values() if b.soort is Bronsoort.FEDERAAL_PREVENTIEPLAN
    ]


def build(views: Views, item: str | None) -> Context:
    """The funded goals and actions, staff, spending per category against the grant, changes."""
    project = views.project
    found = federal_sources(project)
    if not found:
        raise LivbError(tr(_NO_SOURCE), tr(_HOW))
    bron = found[0]
    year = report_year(project, views.today)
    day = min(views.today, dt.date(year, 12, 31))
    follow = FollowUpView(views, day)
    funded = funded_actions(project, bron.id, year)
    return views.common() | {
        "jaar": year,
        "datum": views.today,
        "bron": {
            "naam": bron.naam,
            "kop": bron.naam + (f" ({bron.referentie})" if bron.referentie else ""),
            "looptijd": tr(
                "{van} tot {tot}",
                van=long_date(bron.periode.van),
                tot=long_date(bron.periode.tot),
            )
            if bron.periode
            else "",
            "referentie": bron.referentie or "",
            "van": bron.periode.van if bron.periode else None,
            "tot": bron.periode.tot if bron.periode else None,
            "toegekend": bron.toegekend.get(year),
        },
        "andere_bronnen": [b.naam for b in found[1:]],
        "doelstellingen": _goals(project, follow, funded),
        "acties": len(funded),
        "personeel": _staff(project, bron.id),
        "categorieen": categories(project, bron.id, year, day),
        "veranderd": _changes(project, follow, funded, year),
    }


def funded_actions(project: Project, bron: str, year: int) -> list[str]:
    """The actions the source pays in the year: an amount, a post, or a cost from it."""
    ids = {line.actie for line in money.budget_lines(project) if line.bron == bron}
    ids |= {
        line.actie
        for line in money.spending_lines(project)
        if line.bron == bron and line.jaar == year
    }
    ids |= {a.id for _, _, a in actions(project) if any(p.bron == bron for p in a.personeel)}
    return [a.id for _, _, a in actions(project) if a.id in ids]


def categories(project: Project, bron: str, year: int, day: dt.date) -> dict[str, Any]:
    """Planned and spent from the source in the year, per category, with the totals."""
    planned = [
        line for line in money.budget_lines(project) if line.bron == bron and line.jaar == year
    ]
    spent = [
        line
        for line in money.spending_lines(project, day)
        if line.bron == bron and line.jaar == year
    ]
    names = [k.value for k in Kostensoort] + [NIET_INGEDEELD]
    rows = []
    for name in names:
        p = [line.bedrag for line in planned if _category(line) == name]
        s = [line.bedrag for line in spent if _category(line) == name]
        if p or s:
            rows.append({"categorie": tr(RUBRIEKEN[name]), "gepland": sum(p), "besteed": sum(s)})
    return {
        "rijen": rows,
        "gepland": money.total(planned),
        "besteed": money.total(spent),
    }


def _category(line: money.Line) -> str:
    return line.categorie.value if line.categorie else NIET_INGEDEELD


def _goals(project: Project, follow: FollowUpView, funded: list[str]) -> list[dict[str, Any]]:
    """The operational goals with a funded action: their indicators, the funded actions."""
    found = []
    for _, bestand in sorted(project.doelstellingen.items()):
        for sd in bestand.strategische_doelstellingen:
            if not any(a.id in funded for od in sd.operationele_doelstellingen for a in od.acties):
                continue
            goal = follow.goal(sd)
            for od in goal["operationele"]:
                od["acties"] = [a for a in od["acties"] if a["id"] in funded]
            goal["operationele"] = [od for od in goal["operationele"] if od["acties"]]
            found.append(goal)
    return found


def _staff(project: Project, bron: str) -> dict[str, Any]:
    rows = [
        {"functie": post.functie, "vte": post.vte, "voor": tr("prioriteit {titel}", titel=p.titel)}
        for p in project.prioriteiten.prioriteiten
        for post in p.personeel
        if post.bron == bron
    ]
    rows += [
        {"functie": post.functie, "vte": post.vte, "voor": actie.titel}
        for _, _, actie in actions(project)
        for post in actie.personeel
        if post.bron == bron
    ]
    return {"rijen": rows, "vte": sum(r["vte"] for r in rows)}


def _changes(
    project: Project, follow: FollowUpView, funded: list[str], year: int
) -> list[dict[str, Any]]:
    """The funded actions whose state changed in the year: from what, to what, and why."""
    before = action_states(project, dt.date(year - 1, 12, 31))
    found = []
    for action_id in funded:
        now, then = follow.states[action_id], before[action_id]
        if now.status is then.status:
            continue
        found.append(
            {
                "titel": follow.views.skeleton_gap(now.actie, "titel"),
                "van": tr(STANDEN[then.status]),
                "naar": tr(STANDEN[now.status]),
                "waarom": now.reden or now.opmerking or "",
            }
        )
    return found


_NO_SOURCE = N_("de map noemt geen federaal preventieplan: geen bron 'federaal_preventieplan'")
_HOW = N_(
    "geef het plan onder 'financiering' in plan.yaml een bron met 'soort: federaal_preventieplan'"
)


def _why_not(project: Project, today: dt.date) -> str | None:
    """Only a folder with a federally funded prevention plan follows one up."""
    if not federal_sources(project):
        return tr(
            "de map noemt geen federaal preventieplan: geen bron 'federaal_preventieplan' "
            "onder 'financiering' in plan.yaml"
        )
    return None


def _title(context: Context) -> str:
    return tr("Opvolging van het preventieplan {jaar}", jaar=context["jaar"])


DOCUMENT = Document(
    name="preventieplan",
    title=N_("Jaarlijkse opvolging van het federaal gefinancierde preventieplan"),
    stap="4.4",
    template="preventieplan.md.j2",
    filename="preventieplan.docx",
    build=build,
    why_not=_why_not,
    heading=_title,
)
