"""The minutes of a meeting (vergaderverslag): one document per meeting."""

from __future__ import annotations

import datetime as dt

from livb.core.formatting import long_date
from livb.core.i18n import tr
from livb.documents._base import Context, Document, dated, gap
from livb.documents.views import Views
from livb.model import Project


def build(views: Views, item: str | None) -> Context:
    """The meeting, its attendees, agenda, minutes, decisions and huiswerk."""
    assert item is not None  # a document per meeting
    id_ = item
    vergadering = views.project.vergaderingen[id_]
    file = f"vergaderingen/{id_}.yaml"
    held = vergadering.datum <= views.today
    return views.common() | {
        "vergadering": views.meeting(id_, vergadering, file),
        "gehouden": held,
    }


def final_gaps(project: Project, context: Context) -> list[str]:
    """Minutes are final once the meeting was held, with its attendees and its agenda."""
    v = context["vergadering"]
    file = f"vergaderingen/{v['id']}.yaml"
    reasons = []
    if not context["gehouden"]:
        reasons.append(
            gap(
                file,
                "datum",
                tr("de vergadering van {datum} moet nog plaatsvinden", datum=long_date(v["datum"])),
            )
        )
    if not v["aanwezig"] and not v["gasten"] and not v["deelnemers"]:
        reasons.append(gap(file, "aanwezig", tr("niemand staat als aanwezig genoteerd")))
    if not v["agenda"]:
        reasons.append(gap(file, "agenda", tr("de agenda is leeg")))
    return reasons


def _meetings(project: Project) -> list[str]:
    return sorted(project.vergaderingen)


def _title(context: Context) -> str:
    """'Verslag: …' once the meeting was held; before, the document is its agenda."""
    titel = context["vergadering"]["titel"]
    if context["gehouden"]:
        return tr("Verslag: {titel}", titel=titel)
    return tr("Agenda: {titel}", titel=titel)


def _date(context: Context) -> dt.date | None:
    return dated(context["vergadering"]["datum"])


DOCUMENT = Document(
    name="verslag",
    title="Verslag van een vergadering",
    stap="alle",
    template="verslag.md.j2",
    filename="verslag-{item}.docx",
    build=build,
    why_not=lambda project, today: (
        None if project.vergaderingen else tr("nog geen vergadering in vergaderingen/")
    ),
    per="vergadering",
    items=_meetings,
    heading=_title,
    date=_date,
    final_gaps=final_gaps,
)
