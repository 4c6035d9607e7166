"""An orientation talk (Tool D, steps 1.2 and 2.2): the guide to print, or the confidential report.

Before the talk (or while no answer is noted) the document is the interview guide with room to
write; afterwards it is the report. A confidential talk is marked as such on every page; no
other document quotes it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any

from livb.core import i18n
from livb.core.formatting import long_date
from livb.core.i18n import tr
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views
from livb.folder.yamlio import parse_fast
from livb.model import Project
from livb.model.gesprek import Gesprek

SECTIONS = ("werking_dienst", "livb_perspectief", "organisatie")
"""The three parts of a talk (Tool D), as its file names them."""


def build(views: Views, item: str | None) -> Context:
    """The talk's people, its questions per section of Tool D and, once held, the answers."""
    assert item is not None  # a document per talk
    gesprek = views.project.gesprekken[item]
    answered = _answered(gesprek)
    held = gesprek.datum <= views.today and answered
    guide = tool_d()["bestuur" if gesprek.stap == "1.2" else "lid"]
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
                "titel": guide[key]["titel"],
                "vragen": [
                    {"vraag": q.vraag, "antwoord": views.field(q, "antwoord") or ""}
                    for q in getattr(gesprek, key)
                ]
                or ([] if held else [{"vraag": q, "antwoord": ""} for q in guide[key]["vragen"]]),
            }
            for key in SECTIONS
            if getattr(gesprek, key) or not held
        ],
        "samenvatting": views.field(gesprek, "samenvatting") or "",
        "aandachtspunten": gesprek.aandachtspunten,
    }


def tool_d() -> dict[str, dict[str, dict[str, Any]]]:
    """Per kind of talk ('lid', 'bestuur'), the title and questions of each part (Tool D)."""
    return _tool_d(i18n.language())


@cache
def _tool_d(taal: str) -> dict[str, dict[str, dict[str, Any]]]:
    """livb/data/tool_d.yaml (Dutch), or its twin tool_d.<taal>.yaml."""
    name = "tool_d.yaml" if taal == "nl" else f"tool_d.{taal}.yaml"
    text = resources.files("livb").joinpath("data", name).read_text(encoding="utf-8")
    data = parse_fast(text)
    return {
        kind: {
            key: {
                "titel": str(parts[key]["titel"]),
                "vragen": [str(q) for q in parts[key]["vragen"]],
            }
            for key in SECTIONS
        }
        for kind, parts in data.items()
    }


def _answered(gesprek: Gesprek) -> bool:
    answers: list[Any] = [
        q.antwoord for key in SECTIONS for q in getattr(gesprek, key) if q.antwoord
    ]
    return bool(answers or gesprek.samenvatting or gesprek.aandachtspunten)


def _talks(project: Project) -> list[str]:
    return sorted(project.gesprekken)


def _title(context: Context) -> str:
    datum = long_date(context["datum"])
    if context["verslag"]:
        return tr("Verslag: oriëntatiegesprek van {datum}", datum=datum)
    return tr("Gespreksleidraad: oriëntatiegesprek van {datum}", datum=datum)


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="gesprek",
    title="Oriëntatiegesprek: leidraad of verslag",
    stap="1.2, 2.2",
    template="gesprek.md.j2",
    filename="gesprek-{item}.docx",
    build=build,
    why_not=lambda project, today: (
        None if project.gesprekken else tr("nog geen oriëntatiegesprek in gesprekken/ (stap 1.2)")
    ),
    per="gesprek",
    items=_talks,
    heading=_title,
    date=_date,
)
