"""The minutes of a meeting (vergaderverslag): one document per meeting."""

from __future__ import annotations

import datetime as dt

from livb.documents._base import Context, Document, dated
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


def _meetings(project: Project) -> list[str]:
    return sorted(project.vergaderingen)


def _title(context: Context) -> str:
    return f"Verslag: {context['vergadering']['titel']}"


def _date(context: Context) -> dt.date | None:
    return dated(context["vergadering"]["datum"])


DOCUMENT = Document(
    name="verslag",
    title="Verslag van een vergadering",
    stap="alle",
    template="verslag.md.j2",
    filename="verslag-{item}.docx",
    build=build,
    available=lambda project: bool(project.vergaderingen),
    per="vergadering",
    items=_meetings,
    heading=_title,
    date=_date,
)
