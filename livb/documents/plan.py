"""The integral plan (steps 3.2–3.6): vision, priorities, goals, indicators, actions, budget."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from livb.documents._base import Context, Document
from livb.documents.charts import chain_chart, timeline_chart
from livb.documents.views import Views, or_missing
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.process import FASEN, derive_state
from livb.queries import chain_balance
from livb.word.ir import Missing


def build(views: Views, item: str | None) -> Context:
    """Everything the plan shows, from the vision to the budget."""
    project = views.project
    state = derive_state(project, views.today)
    groups = {g.prioriteit: g for g in project.organen.projectgroepen}
    goals_by_priority: dict[str, list[Any]] = defaultdict(list)
    for _, bestand in sorted(project.doelstellingen.items()):
        goals_by_priority[bestand.prioriteit].extend(
            views.goal(sd) for sd in bestand.strategische_doelstellingen
        )
    other_plans = {p.id: p for p in project.plan.afstemming}
    priorities = []
    for position, p in enumerate(project.prioriteiten.prioriteiten):
        group = groups.get(p.id)
        priorities.append(
            {
                "id": p.id,
                "titel": p.titel,
                "omschrijving": or_missing(
                    p.omschrijving,
                    f"de omschrijving van '{p.titel}'",
                    "prioriteiten.yaml",
                    f"prioriteiten[{position}].omschrijving",
                ),
                "toelichting": p.toelichting or "",
                "bevindingen": [
                    b.titel for b in project.bevindingen.bevindingen if b.id in p.bevindingen
                ],
                "swot": [
                    s.tekst
                    for q in ("sterktes", "zwaktes", "kansen", "bedreigingen")
                    for s in getattr(project.swot, q)
                    if s.id in p.swot
                ],
                "aansluiting": [
                    {
                        "plan": other_plans[a.plan].titel if a.plan in other_plans else a.plan,
                        "prioriteit": next(
                            (
                                i.titel
                                for i in other_plans[a.plan].prioriteiten
                                if i.id == a.prioriteit
                            ),
                            a.prioriteit or "",
                        )
                        if a.plan in other_plans
                        else a.prioriteit or "",
                    }
                    for a in p.aansluiting
                ],
                "lokaal": p.lokaal,
                "projectgroep": {
                    "naam": group.naam,
                    "projectleider": views.actor(group.projectleider)
                    if group.projectleider
                    else Missing("de projectleider", "organen.yaml", group.id),
                    "leden": views.people(group.leden),
                    "bestaand": group.bestaande_structuur or "",
                }
                if group
                else None,
                "doelstellingen": goals_by_priority.get(p.id, []),
            }
        )
    actions = [
        a
        for p in priorities
        for sd in p["doelstellingen"]
        for od in sd["operationele"]
        for a in od["acties"]
    ]
    budget_per_priority = [
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
    plan = project.plan
    college = views.decision(Onderwerp.PLAN, Instantie.COLLEGE, Uitkomst.GOEDGEKEURD)
    raad = views.decision(Onderwerp.PLAN, Instantie.GEMEENTERAAD, Uitkomst.GOEDGEKEURD)
    return (
        views.common()
        | {
            "visie": or_missing(plan.visie, "de visie", "plan.yaml", "visie"),
            "uitgangspunten": plan.uitgangspunten,
            "doelen_extern": items_or_missing(
                plan.doelen_extern, "de externe doelen", "doelen_extern"
            ),
            "doelen_intern": items_or_missing(
                plan.doelen_intern, "de interne doelen", "doelen_intern"
            ),
            "organisatie": or_missing(
                plan.organisatie, "de organisatie van het programma", "plan.yaml", "organisatie"
            ),
            "evaluatie": or_missing(plan.evaluatie, "de evaluatie", "plan.yaml", "evaluatie"),
            "communicatie": plan.communicatie or "",
            "budgettekst": plan.budget or "",
            "afkortingen": sorted(plan.afkortingen.items()),
            "afstemming": [
                {
                    "titel": a.titel,
                    "soort": a.soort.value,
                    "van": a.periode.van if a.periode else None,
                    "tot": a.periode.tot if a.periode else None,
                    "prioriteiten": [i.titel for i in a.prioriteiten],
                }
                for a in plan.afstemming
            ],
            "prioriteiten": priorities,
            "planning_rijen": [
                [a["titel"], a["trekker"], a["start"], a["einde"]]
                for a in sorted(actions, key=lambda a: (a["start_sort"], a["id"]))
            ],
            "acties": sorted(actions, key=lambda a: (a["start_sort"], a["id"])),
            "budget": budget_per_priority,
            "budget_totaal": sum(b["bedrag"] for b in budget_per_priority),
            "keten": sorted(chain_balance(project).items()),
            "stappen": [
                {
                    "stap": s.stap.value,
                    "titel": s.titel,
                    "fase": FASEN[s.fase],
                    "stand": s.stand.value,
                    "datum": s.datum,
                }
                for s in state.steps
                if s.fase in ("1", "2", "3")  # how the plan was made; 4 and 5 come after it
            ],
            "bevindingen": views.findings(),
            "swot": {
                q: [s.tekst for s in getattr(project.swot, q)]
                for q in ("sterktes", "zwaktes", "kansen", "bedreigingen")
            }
            | {"conclusies": project.swot.conclusies},
            "projectgroepen": [
                p["projectgroep"] | {"prioriteit": p["titel"]}
                for p in priorities
                if p["projectgroep"]
            ],
            "college": college.datum if college else None,
            "gemeenteraad": raad.datum if raad else None,
            "datum": raad.datum if raad else (college.datum if college else views.today),
        }
        | _charts(views, priorities)
    )


def _charts(views: Views, priorities: list[dict[str, Any]]) -> Context:
    """The balance of the actions over the safety chain, and a timeline of each goal's actions."""
    return {
        "keten_grafiek": chain_chart(dict(chain_balance(views.project))),
        "tijdlijnen": {
            sd["id"]: timeline_chart(sd) for p in priorities for sd in p["doelstellingen"]
        },
    }


def items_or_missing(items: list[str], label: str, key: str) -> list[Any]:
    """A list from plan.yaml, or one gap when it is empty."""
    return list(items) if items else [Missing(label, "plan.yaml", key)]


def _title(context: Context) -> str:
    return str(context["beleid"]["plannaam"]).capitalize()


DOCUMENT = Document(
    name="plan",
    title="Integraal veiligheidsplan",
    stap="3.6",
    template="plan.md.j2",
    filename="plan.docx",
    build=build,
    available=lambda project: bool(project.prioriteiten.prioriteiten),
    heading=_title,
)
