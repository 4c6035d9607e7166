"""An orientation talk (Tool D, steps 1.2 and 2.2): the guide to print, or the confidential report.

Before the talk (or while no answer is noted) the document is the interview guide with room to
write; afterwards it is the report. A confidential talk is marked as such on every page; no
other document quotes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.documents._base import Context, Document, dated
from livb.documents.views import Views
from livb.model import Project
from livb.model.gesprek import Gesprek

SECTIONS = (
    ("werking_dienst", "De algemene werking van de dienst"),
    ("livb_perspectief", "Het veiligheidsbeleid vanuit de dienst bekeken"),
    ("organisatie", "Organisatie en samenwerking"),
)


def build(views: Views, item: str | None) -> Context:
    """The talk's people, its questions per section of Tool D and, once held, the answers."""
    assert item is not None  # a document per talk
    gesprek = views.project.gesprekken[item]
    answered = _answered(gesprek)
    held = gesprek.datum <= views.today and answered
    return views.common() | {
        "id": item,
        "stap": gesprek.stap,
        "datum": gesprek.datum,
        "met": views.people(gesprek.met),
        "door": views.people(gesprek.door),
        "vertrouwelijk": gesprek.vertrouwelijk,
        "verslag": held,
        "delen": [
            {
                "titel": title,
                "vragen": [
                    {"vraag": q.vraag, "antwoord": q.antwoord or ""} for q in getattr(gesprek, key)
                ],
            }
            for key, title in SECTIONS
            if getattr(gesprek, key) or not held
        ],
        "samenvatting": gesprek.samenvatting or "",
        "aandachtspunten": gesprek.aandachtspunten,
    }


def _answered(gesprek: Gesprek) -> bool:
    answers: list[Any] = [
        q.antwoord for key, _ in SECTIONS for q in getattr(gesprek, key) if q.antwoord
    ]
    return bool(answers or gesprek.samenvatting or gesprek.aandachtspunten)


def _talks(project: Project) -> list[str]:
    return sorted(project.gesprekken)


def _title(context: Context) -> str:
    kind = "Verslag" if context["verslag"] else "Gespreksleidraad"
    return f"{kind}: oriëntatiegesprek van {context['datum'].isoformat()}"


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="gesprek",
    title="Oriëntatiegesprek: leidraad of verslag",
    stap="1.2, 2.2",
    template="gesprek.md.j2",
    filename="gesprek-{item}.docx",
    build=build,
    available=lambda project: bool(project.gesprekken),
    per="gesprek",
    items=_talks,
    heading=_title,
    date=_date,
)
