"""The integral plan (steps 3.2–3.6): vision, priorities, goals, indicators, actions, budget."""

from __future__ import annotations

from typing import Any

from livb.core.formatting import join, long_date
from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, gap, key_of, upper_first
from livb.documents.begroting import year_and_source
from livb.documents.charts import chain_chart, timeline_chart
from livb.documents.views import PLANSOORTEN, SCHAKEL_VOLGORDE, Views, or_missing
from livb.history.diff import SECTIES, Plaats, Soort, change_text, item_label
from livb.method.process import derive_state
from livb.method.queries import (
    GUIDE_CHAIN,
    aligned_plans,
    chain_balance,
    chain_words,
    decisions,
    link_words,
)
from livb.method.themas import themes
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.model.organen import Overlegsoort
from livb.model.walk import operational_goals, strategic_goals
from livb.word.ir import FieldText, Missing

SWOT_DELEN = ("sterktes", "zwaktes", "kansen", "bedreigingen")
CONFRONTATIE = {
    "sterktes_kansen": N_("Welke sterktes zetten we in om de kansen te benutten?"),
    "zwaktes_kansen": N_("Welke zwaktes pakken we aan om geen kansen te missen?"),
    "sterktes_bedreigingen": N_("Welke sterktes zetten we in tegen de bedreigingen?"),
    "zwaktes_bedreigingen": N_("Welke zwaktes maken ons extra kwetsbaar voor de bedreigingen?"),
}
"""The four questions of the confrontation matrix (Tool E)."""
"""The links the guide names for the whole chain: a plan covers it when each has an action."""


def build(views: Views, item: str | None) -> Context:
    """Everything the plan shows, from the vision to the budget."""
    project = views.project
    priorities = [
        _priority(views, position, p)
        for position, p in enumerate(project.prioriteiten.prioriteiten)
    ]
    kerngroep = project.organen.kerngroep
    context = (
        views.common()
        | _texts_of_the_plan(views)
        | {
            "kerngroep_tekst": count(len(kerngroep.leden), tr("lid"), tr("leden")),
            "kerngroep_benoemd": sum(1 for lid in kerngroep.leden if _named(project, lid)),
            "prioriteiten": priorities,
            "gekozen": pv.meeting_of(views, project.prioriteiten.vergadering),
            "heeft_doelstellingen": any(p["doelstellingen"] for p in priorities),
            "zonder_doelstellingen": sum(1 for p in priorities if not p["doelstellingen"]),
            "stappen": _steps(views),
            "overleg": _overleg(views),
            "bevindingen": views.findings(),
            "diagnostiek_conclusies": _texts(views, project.bevindingen, "conclusies"),
            "swot": _swot(views),
            "voorzitter": views.actor(kerngroep.voorzitter) if kerngroep.voorzitter else None,
            "secretaris": views.actor(kerngroep.secretaris) if kerngroep.secretaris else None,
            "projectgroepen": [
                p["projectgroep"] | {"prioriteit": p["titel"]}
                for p in priorities
                if p["projectgroep"]
            ],
            "geld": year_and_source(project, views.today),
        }
    )
    context |= _actions_and_budget(priorities) | _chain(project) | _approval(views)
    return context | _charts(views, priorities) | _changes(views)


def _texts_of_the_plan(views: Views) -> Context:
    """The plan's own texts (vision, aims, organisation, ...) and the plans it aligns with."""
    plan = views.project.plan
    return {
        "visie": or_missing(views.field(plan, "visie"), tr("de visie"), "plan.yaml", "visie"),
        "uitgangspunten": _texts(views, plan, "uitgangspunten"),
        "doelen_extern": items_or_missing(
            _texts(views, plan, "doelen_extern"), tr("de externe doelen"), "doelen_extern"
        ),
        "doelen_intern": items_or_missing(
            _texts(views, plan, "doelen_intern"), tr("de interne doelen"), "doelen_intern"
        ),
        "organisatie": or_missing(
            views.field(plan, "organisatie"),
            tr("de organisatie van het programma"),
            "plan.yaml",
            "organisatie",
        ),
        "evaluatie": or_missing(
            views.field(plan, "evaluatie"), tr("de evaluatie"), "plan.yaml", "evaluatie"
        ),
        "communicatie": views.field(plan, "communicatie") or "",
        "budgettekst": views.field(plan, "budget") or "",
        "afkortingen": sorted(plan.afkortingen.items()),
        "afstemming": [
            {
                "titel": views.field(a, "titel"),
                "soort": tr(PLANSOORTEN[a.soort]),
                "van": a.periode.van if a.periode else None,
                "tot": a.periode.tot if a.periode else None,
                "prioriteiten": [views.field(i, "titel") for i in a.prioriteiten],
            }
            for a in aligned_plans(views.project)
        ],
        "afstemming_met_prioriteiten": any(a.prioriteiten for a in aligned_plans(views.project)),
    }


def _steps(views: Views) -> list[dict[str, Any]]:
    """How the plan was made: the steps of phases 1 to 3 (4 and 5 come after it)."""
    return pv.steps(derive_state(views.project, views.today), ("1", "2", "3"))


def _actions_and_budget(priorities: list[dict[str, Any]]) -> Context:
    """Every action by its start (the planning), and the budget per priority."""
    actions = sorted(
        (
            a
            for p in priorities
            for sd in p["doelstellingen"]
            for od in sd["operationele"]
            for a in od["acties"]
        ),
        key=lambda a: (a["start_sort"], a["id"]),
    )
    budget = [
        {
            "titel": p["titel"],
            "bedrag": sum(
                a["budget_getal"]
                for sd in p["doelstellingen"]
                for od in sd["operationele"]
                for a in od["acties"]
            ),
        }
        for p in priorities
    ]
    return {
        "planning_rijen": [[a["titel"], a["trekker"], a["periode"]] for a in actions],
        "acties": actions,
        "budget": budget,
        "budget_totaal": sum(b["bedrag"] for b in budget),
    }


def _chain(project: Project) -> Context:
    """How the actions spread over the links of the safety chain."""
    balance = chain_balance(project)
    shown = [s for s in SCHAKEL_VOLGORDE if balance[s]]
    return {
        "keten": [(link_words(project, s), balance[s]) for s in shown],
        "keten_tekst": join(
            [
                tr("{aantal} voor {schakel}", aantal=balance[s], schakel=link_words(project, s))
                for s in shown
            ]
        ),
        "keten_woorden": chain_words(project),
        "zonder_schakel": balance["onbekend"],
        "zonder_schakel_tekst": count(balance["onbekend"], tr("actie"), tr("acties")),
        # every link the folder names has actions: the guide's three, and its own words' links
        "keten_volledig": all(balance[link] for link in _named_links(project)),
    }


def _named_links(project: Project) -> set[str]:
    """The links of the chain the folder speaks of: the guide's three and its own words'."""
    own = {schakel.value for schakel in project.instellingen.keten.values()}
    return {schakel.value for schakel in GUIDE_CHAIN} | own


def _approval(views: Views) -> Context:
    """The approvals by the college and the council, and the date the plan carries.

    The council's first approval is the plan's; each later one approved an amended plan, and
    the plan carries the date of the latest.
    """
    approved = (Uitkomst.GOEDGEKEURD,)
    day = views.today
    colleges = decisions(views.project, Onderwerp.PLAN, (Instantie.COLLEGE,), approved, day)
    raden = decisions(views.project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,), approved, day)
    college = colleges[0] if colleges else None
    raad = raden[0] if raden else None
    latest = raden[-1] if raden else (colleges[-1] if colleges else None)
    return {
        "college": college.datum if college else None,
        "gemeenteraad": raad.datum if raad else None,
        "referentie": {
            "college": college.referentie or "" if college else "",
            "gemeenteraad": raad.referentie or "" if raad else "",
        },
        "gewijzigd": [
            {
                "datum": b.datum,
                "tekst": long_date(b.datum) + (f" ({b.referentie})" if b.referentie else ""),
            }
            for b in raden[1:]
        ],
        "datum": latest.datum if latest else day,
    }


def _changes(views: Views) -> Context:
    """The annex of what changed since an earlier version (``--wijzigingen-sinds``), or None.

    Grouped as ``livb diff`` groups it: by section in the order of the plan, in the section of
    the priorities by priority; a row per changed field, with its old and new value.
    """
    comparison = views.options.wijzigingen
    if comparison is None:
        return {"wijzigingen": None}
    sections: list[dict[str, Any]] = []
    for change in sorted(comparison.changes):
        title = SECTIES[change.soort.value]
        if not sections or sections[-1]["titel"] != title:
            sections.append({"titel": title, "groepen": []})
        groups = sections[-1]["groepen"]
        owner = change.binnen[0] if change.binnen else None
        if owner is None and change.soort is Soort.PRIORITEIT:
            owner = Plaats(change.soort, change.id, change.titel)
        key = owner.id if owner is not None else None
        if not groups or groups[-1]["id"] != key:
            name = (owner.titel or owner.id) if owner is not None else ""
            heading = tr("Prioriteit \u2018{naam}\u2019", naam=name) if name else ""
            groups.append({"id": key, "titel": heading, "rijen": []})
        headline, lines = change_text(change)
        label = item_label(change.soort.value, change.id, change.titel)
        if change.soort not in (Soort.PLAN, Soort.BESTAND):  # those are file names
            label = upper_first(label)
        texts = [headline, *lines] if headline else lines or [tr("gewijzigd")]
        groups[-1]["rijen"].extend([label if n == 0 else "", text] for n, text in enumerate(texts))
    return {
        "wijzigingen": {
            "sinds": {"datum": comparison.sinds.datum, "naam": comparison.sinds.naam},
            "tot": {"datum": comparison.tot.datum, "naam": comparison.tot.naam}
            if comparison.tot
            else None,
            "aantal": len(comparison.changes),
            "secties": sections,
        }
    }


OVERLEGSOORTEN = {
    Overlegsoort.HOORZITTING: N_("hoorzitting"),
    Overlegsoort.FORUM: N_("forum"),
    Overlegsoort.WERKGROEP: N_("werkgroep"),
    Overlegsoort.ANDERE: N_("overleg"),
}


def _overleg(views: Views) -> list[dict[str, Any]]:
    """The hearings, forums and working groups beside the method's bodies, with their sessions."""
    found = []
    for overleg in views.project.organen.overleg:
        held = [
            v
            for v in views.project.vergaderingen.values()
            if v.orgaan == overleg.id and v.datum <= views.today
        ]
        found.append(
            {
                "naam": views.field(overleg, "naam"),
                "soort": tr(OVERLEGSOORTEN[overleg.soort]),
                "omschrijving": views.field(overleg, "omschrijving") or "",
                "sessies": len(held),
                "deelnemers": sum(v.deelnemers or 0 for v in held),
            }
        )
    return found


def _charts(views: Views, priorities: list[dict[str, Any]]) -> Context:
    """The balance of the actions over the safety chain, and a timeline of each goal's actions."""
    return {
        "keten_grafiek": chain_chart(
            dict(chain_balance(views.project)), lambda s: link_words(views.project, s)
        ),
        "tijdlijnen": {
            sd["id"]: timeline_chart(_drawable(sd))
            for p in priorities
            for sd in p["doelstellingen"]
        },
    }


def _drawable(goal: dict[str, Any]) -> dict[str, Any]:
    """A goal view whose titles a picture can show: a gap as its text, '[in te vullen: …]'.

    A chart is drawn as an image: a gap in it cannot be highlighted or carry a comment, and
    its token must not be printed. The heading above the chart keeps the marked gap.
    """
    return goal | {
        "titel": _readable(goal["titel"]),
        "operationele": [
            od
            | {
                "titel": _readable(od["titel"]),
                "acties": [a | {"titel": _readable(a["titel"])} for a in od["acties"]],
            }
            for od in goal["operationele"]
        ],
    }


def _readable(value: Any) -> Any:
    if isinstance(value, FieldText):  # a picture shows the text, not its marks
        return value.plain
    return value.text if isinstance(value, Missing) else value


def _texts(views: Views, item: Any, name: str) -> list[Any]:
    """A list of texts of the folder, each marked with its place."""
    return [views.field(item, name, index) for index in range(len(getattr(item, name)))]


def _priority(views: Views, position: int, p: Any) -> dict[str, Any]:
    """One priority: why it was chosen, what it aligns with, who works it out, its goals."""
    project = views.project
    group = next((g for g in project.organen.projectgroepen if g.prioriteit == p.id), None)
    other_plans = {a.id: a for a in aligned_plans(project)}
    swot = {
        s.id: views.field(s, "tekst") for part in SWOT_DELEN for s in getattr(project.swot, part)
    }
    known_themes = themes(project)
    return {
        "id": p.id,
        "titel": views.field(p, "titel"),
        "omschrijving": or_missing(
            views.field(p, "omschrijving"),
            tr("de omschrijving van '{titel}'", titel=p.titel),
            "prioriteiten.yaml",
            f"prioriteiten[{position}].omschrijving",
        ),
        "toelichting": views.field(p, "toelichting") or "",
        "bevindingen": [
            views.field(b, "titel")
            for b in project.bevindingen.bevindingen
            if b.id in p.bevindingen
        ],
        "swot": [swot[i] for i in p.swot if i in swot],
        "themas": [known_themes.get(t, t) for t in p.themas],
        "aansluiting": [_alignment(views, other_plans, a) for a in p.aansluiting],
        "lokaal": p.lokaal,
        "projectgroep": {
            "naam": views.field(group, "naam"),
            "projectleider": views.actor(group.projectleider)
            if group.projectleider
            else Missing(tr("de projectleider"), "organen.yaml", group.id),
            "leden": views.people(group.leden),
            "bestaand": views.field(group, "bestaande_structuur") or "",
        }
        if group
        else None,
        "doelstellingen": [
            views.goal(sd)
            for _, bestand in sorted(project.doelstellingen.items())
            if bestand.prioriteit == p.id
            for sd in bestand.strategische_doelstellingen
        ],
    }


def _alignment(views: Views, other_plans: dict[str, Any], aansluiting: Any) -> dict[str, Any]:
    """A priority of another plan this one answers (the priority's title when the plan has it)."""
    plan = other_plans.get(aansluiting.plan)
    titel: Any = aansluiting.prioriteit or ""
    if plan is not None:
        own = next((i for i in plan.prioriteiten if i.id == titel), None)
        titel = views.field(own, "titel") if own is not None else titel
    return {"plan": views.field(plan, "titel") if plan else aansluiting.plan, "prioriteit": titel}


def _swot(views: Views) -> dict[str, Any]:
    """The SWOT in order of importance, row by row, with its confrontation matrix."""
    swot = views.project.swot
    parts = {part: [views.field(s, "tekst") for s in getattr(swot, part)] for part in SWOT_DELEN}
    depth = max(len(parts["sterktes"]), len(parts["zwaktes"]))
    outside = max(len(parts["kansen"]), len(parts["bedreigingen"]))
    return parts | {
        "leeg": not any(parts.values()),
        "intern": [_pair(parts["sterktes"], parts["zwaktes"], row) for row in range(depth)],
        "extern": [_pair(parts["kansen"], parts["bedreigingen"], row) for row in range(outside)],
        "confrontatie": [
            {
                "vraag": tr(vraag),
                "antwoorden": [views.field(s, "tekst") for s in getattr(swot.confrontatie, key)],
            }
            for key, vraag in CONFRONTATIE.items()
            if getattr(swot.confrontatie, key)
        ],
        "conclusies": _texts(views, swot, "conclusies"),
        "gemaakt": pv.meeting_of(views, swot.vergadering),
    }


def _pair(left: list[str], right: list[str], row: int) -> list[str]:
    return [left[row] if row < len(left) else "", right[row] if row < len(right) else ""]


def items_or_missing(items: list[str], label: str, key: str) -> list[Any]:
    """A list from plan.yaml, or one gap when it is empty."""
    return list(items) if items else [Missing(label, "plan.yaml", key)]


def final_gaps(project: Project, context: Context) -> list[str]:
    """What a council must not receive: a plan without goals, SWOT, budget or kerngroep."""
    reasons = []
    if not project.prioriteiten.prioriteiten:
        reasons.append(
            gap("prioriteiten.yaml", "prioriteiten", tr("het plan heeft geen prioriteiten"))
        )
    if not context["bevindingen"]:
        reasons.append(
            gap(
                "diagnostiek/bevindingen.yaml",
                "bevindingen",
                tr("het plan steunt op geen enkele bevinding van de diagnostiek"),
            )
        )
    if context["swot"]["leeg"] and context["methode"]["swot"]:
        reasons.append(gap("swot.yaml", "sterktes", tr("de SWOT is leeg")))
    worked_out = {
        bestand.prioriteit
        for bestand in project.doelstellingen.values()
        if bestand.strategische_doelstellingen
    }
    for p in project.prioriteiten.prioriteiten:
        if p.id not in worked_out:
            reasons.append(
                gap(
                    f"doelstellingen/{p.id}.yaml",
                    "strategische_doelstellingen",
                    tr("de prioriteit '{titel}' heeft nog geen doelstellingen", titel=p.titel),
                )
            )
    for path, loc, sd in strategic_goals(project):
        if not sd.operationele_doelstellingen:
            reasons.append(
                gap(
                    path,
                    key_of((*loc, "operationele_doelstellingen")),
                    tr("'{titel}' heeft geen operationele doelstellingen", titel=sd.titel),
                )
            )
    for path, loc, od in operational_goals(project):
        if not od.indicatoren and not od.acties:
            reasons.append(
                gap(
                    path,
                    key_of(loc),
                    tr("'{titel}' heeft geen indicatoren en geen acties", titel=od.titel),
                )
            )
    if not context["budget_totaal"] and not context["budgettekst"]:
        reasons.append(
            gap(
                "plan.yaml",
                "budget",
                tr("het plan zegt niets over het budget: geen tekst en geen actie met een bedrag"),
            )
        )
    if not project.organen.kerngroep.leden:
        reasons.append(gap("organen.yaml", "kerngroep.leden", tr("de kerngroep heeft geen leden")))
    return reasons


def _title(context: Context) -> str:
    return upper_first(str(context["beleid"]["plannaam"]))


DOCUMENT = Document(
    name="plan",
    title=N_("Integraal veiligheidsplan"),
    stap="3.6",
    template="plan.md.j2",
    filename="plan.docx",
    build=build,
    why_not=lambda project, today: (
        None
        if project.prioriteiten.prioriteiten
        else tr("nog geen prioriteiten in prioriteiten.yaml (stap 2.6)")
    ),
    heading=_title,
    final_gaps=final_gaps,
)


def _named(project: Project, actor_id: str) -> bool:
    """Whether a member of a body has a name yet (a fresh folder suggests roles without one)."""
    return any(a.id == actor_id and a.naam for a in project.actoren.actoren)
