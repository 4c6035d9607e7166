"""The SWOT fiche of Tool E (step 2.5): four quadrants, the confrontation matrix, conclusions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.formatting import long_date
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views
from livb.model import Project
from livb.word.ir import Missing

QUADRANTS = (
    ("sterktes", "S", "Sterke punten", "intern"),
    ("zwaktes", "Z", "Zwakke punten", "intern"),
    ("kansen", "K", "Kansen", "extern"),
    ("bedreigingen", "B", "Bedreigingen", "extern"),
)
MATRIX = (
    ("sterktes_kansen", "Welke sterke punten zetten we in om de kansen te grijpen?"),
    ("zwaktes_kansen", "Welke zwakke punten pakken we aan zodat we geen kansen laten liggen?"),
    ("sterktes_bedreigingen", "Welke sterke punten zetten we in tegen de bedreigingen?"),
    ("zwaktes_bedreigingen", "Welke zwakke punten maken ons extra kwetsbaar voor de bedreigingen?"),
)


def build(views: Views, item: str | None) -> Context:
    """The quadrants in order of importance, numbered S1, Z1, K1, B1, and the matrix."""
    project = views.project
    swot = project.swot
    labels = {
        point.id: f"{letter}{n}"
        for key, letter, _, _ in QUADRANTS
        for n, point in enumerate(getattr(swot, key), start=1)
    }
    evidence = _evidence_names(project)
    quadrants: dict[str, Any] = {
        key: {
            "titel": title,
            "soort": kind,
            "punten": [
                {
                    "label": labels[p.id],
                    "tekst": views.field(p, "tekst"),
                    "onderbouwing": [evidence.get(e, e) for e in p.onderbouwing],
                }
                for p in getattr(swot, key)
            ]
            or [Missing(f"de {title.lower()}", "swot.yaml", key)],
        }
        for key, _, title, kind in QUADRANTS
    }
    matrix = {
        key: {
            "vraag": question,
            "antwoorden": [
                {
                    "tekst": views.field(s, "tekst"),
                    "punten": ", ".join(labels.get(p, p) for p in s.punten),
                }
                for s in getattr(swot.confrontatie, key)
            ],
        }
        for key, question in MATRIX
    }
    meeting = project.vergaderingen.get(swot.vergadering) if swot.vergadering else None
    return views.common() | {
        "kwadranten": quadrants,
        "matrix": matrix,
        "conclusies": [views.field(swot, "conclusies", n) for n in range(len(swot.conclusies))],
        "vergadering": views.meeting(
            swot.vergadering, meeting, f"vergaderingen/{swot.vergadering}.yaml"
        )
        if meeting and swot.vergadering
        else None,
        "datum": meeting.datum if meeting else views.today,
    }


def _evidence_names(project: Project) -> dict[str, str]:
    """What a SWOT point rests on, by id; a talk is named by its date only (it is confidential)."""
    names: dict[str, str] = {}
    names |= {b.id: f"bevinding '{b.titel}'" for b in project.bevindingen.bevindingen}
    names |= {r.id: f"cijferreeks '{r.naam}'" for r in project.cijfers.reeksen}
    names |= {b.id: f"bron '{b.naam}'" for b in project.bronnen.bronnen}
    names |= {
        i: f"oriëntatiegesprek van {long_date(g.datum)}" for i, g in project.gesprekken.items()
    }
    return names


def _why_not(project: Project, today: dt.date) -> str | None:
    swot = project.swot
    if swot.sterktes or swot.zwaktes or swot.kansen or swot.bedreigingen:
        return None
    return "swot.yaml is nog leeg (stap 2.5)"


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


def _final_gaps(project: Project, context: Context) -> list[str]:
    matrix: dict[str, Any] = context["matrix"]
    empty = [key for key, cell in matrix.items() if not cell["antwoorden"]]
    return [f"swot.yaml: de confrontatiematrix heeft geen antwoord onder '{k}'" for k in empty]


DOCUMENT = Document(
    name="swot",
    title="SWOT-analyse",
    stap="2.5",
    template="swot.md.j2",
    filename="swot.docx",
    build=build,
    why_not=_why_not,
    date=_date,
    final_gaps=_final_gaps,
)
