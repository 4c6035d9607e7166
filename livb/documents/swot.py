"""The SWOT fiche of Tool E (step 2.5): four quadrants, the confrontation matrix, conclusions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.formatting import long_date
from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views
from livb.model import Project
from livb.word.ir import Missing

QUADRANTS = (
    ("sterktes", N_("S"), N_("Sterke punten"), N_("intern")),
    ("zwaktes", N_("Z"), N_("Zwakke punten"), N_("intern")),
    ("kansen", N_("K"), N_("Kansen"), N_("extern")),
    ("bedreigingen", N_("B"), N_("Bedreigingen"), N_("extern")),
)
"""Each quadrant: its key, the letter of its points (S1, Z1; French A1, F1), title and kind."""
MATRIX = (
    ("sterktes_kansen", N_("Welke sterke punten zetten we in om de kansen te grijpen?")),
    (
        "zwaktes_kansen",
        N_("Welke zwakke punten pakken we aan zodat we geen kansen laten liggen?"),
    ),
    ("sterktes_bedreigingen", N_("Welke sterke punten zetten we in tegen de bedreigingen?")),
    (
        "zwaktes_bedreigingen",
        N_("Welke zwakke punten maken ons extra kwetsbaar voor de bedreigingen?"),
    ),
)


def build(views: Views, item: str | None) -> Context:
    """The quadrants in order of importance, numbered S1, Z1, K1, B1, and the matrix."""
    project = views.project
    swot = project.swot
    labels = {
        point.id: f"{tr(letter)}{n}"
        for key, letter, _, _ in QUADRANTS
        for n, point in enumerate(getattr(swot, key), start=1)
    }
    evidence = _evidence_names(project)
    quadrants: dict[str, Any] = {
        key: {
            "titel": tr(title),
            "soort": tr(kind),
            "punten": [
                {
                    "label": labels[p.id],
                    "tekst": views.field(p, "tekst"),
                    "onderbouwing": [evidence.get(e, e) for e in p.onderbouwing],
                }
                for p in getattr(swot, key)
            ]
            or [Missing(tr("de {punten}", punten=tr(title).lower()), "swot.yaml", key)],
        }
        for key, _, title, kind in QUADRANTS
    }
    matrix = {
        key: {
            "vraag": tr(question),
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
    names |= {
        b.id: tr("bevinding '{titel}'", titel=b.titel) for b in project.bevindingen.bevindingen
    }
    names |= {r.id: tr("cijferreeks '{naam}'", naam=r.naam) for r in project.cijfers.reeksen}
    names |= {b.id: tr("bron '{naam}'", naam=b.naam) for b in project.bronnen.bronnen}
    names |= {
        i: tr("oriëntatiegesprek van {datum}", datum=long_date(g.datum))
        for i, g in project.gesprekken.items()
    }
    return names


def _why_not(project: Project, today: dt.date) -> str | None:
    swot = project.swot
    if swot.sterktes or swot.zwaktes or swot.kansen or swot.bedreigingen:
        return None
    return tr("swot.yaml is nog leeg (stap 2.5)")


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


def _final_gaps(project: Project, context: Context) -> list[str]:
    matrix: dict[str, Any] = context["matrix"]
    empty = [key for key, cell in matrix.items() if not cell["antwoorden"]]
    return [
        tr("swot.yaml: de confrontatiematrix heeft geen antwoord onder '{sleutel}'", sleutel=k)
        for k in empty
    ]


DOCUMENT = Document(
    name="swot",
    title=N_("SWOT-analyse"),
    stap="2.5",
    template="swot.md.j2",
    filename="swot.docx",
    build=build,
    why_not=_why_not,
    date=_date,
    final_gaps=_final_gaps,
)
