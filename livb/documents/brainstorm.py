"""The brainstorm handout of Tool F (step 3.3): frame, statements and questions to prepare."""

from __future__ import annotations

import datetime as dt

from livb.core.i18n import N_, tr
from livb.documents import _tool_f
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.views import Views
from livb.method.process import derive_state
from livb.method.queries import meetings_for
from livb.model import Project
from livb.model.stappen import Stap


def build(views: Views, item: str | None) -> Context:
    """The Tool F texts in the gemeente's words, and the brainstorm meeting if one is planned."""
    meetings = meetings_for(views.project, Stap.S3_3)
    upcoming = [(i, v) for i, v in meetings if v.datum >= views.today]
    chosen = upcoming[0] if upcoming else (meetings[-1] if meetings else None)
    meeting = None
    if chosen:
        id_, v = chosen
        meeting = views.meeting(id_, v, f"vergaderingen/{id_}.yaml")
    return views.common() | {
        "tool_f": _tool_f.brainstorm(views),
        "vergadering": meeting,
        "datum": meeting["datum"] if meeting else views.today,
    }


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


def _why_not(project: Project, today: dt.date) -> str | None:
    """A handout to prepare a brainstorm still to come; none once step 3.3 is behind the city."""
    if any(v.datum >= today for _, v in meetings_for(project, Stap.S3_3)):
        return None
    step = derive_state(project, today).step(Stap.S3_3)
    if step.stand.afgerond:
        stand = tr(step.stand.value)
        if step.uitleg:
            return NoReason(tr("stap 3.3 is {stand}: {uitleg}", stand=stand, uitleg=step.uitleg))
        return NoReason(tr("stap 3.3 is {stand}", stand=stand))
    return None


DOCUMENT = Document(
    name="brainstorm",
    title=N_("Brainstorm: stellingen en vragen"),
    stap="3.3",
    template="brainstorm.md.j2",
    filename="brainstorm.docx",
    build=build,
    why_not=_why_not,
    date=_date,
)
