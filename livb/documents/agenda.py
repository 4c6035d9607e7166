"""The invitation and agenda of a meeting: one document per meeting, sent before it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import N_, tr
from livb.documents import _tool_f
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views
from livb.method.queries import is_open_session, overleg
from livb.model import Project
from livb.model.stappen import Stap
from livb.model.vergadering import Vergadering

PREPARATION = {
    Stap.S2_3: N_(
        "Breng de beleidsplannen van je dienst of organisatie mee die raken aan "
        "veiligheid en leefbaarheid, met hun looptijd en prioriteiten."
    ),
    Stap.S2_4: N_(
        "Lees het ontwerp van de veiligheidsdiagnostiek en noteer wat ontbreekt of niet klopt."
    ),
    Stap.S2_5: N_(
        "Denk na over de sterke en zwakke punten van de eigen werking en over de kansen "
        "en bedreigingen van buitenaf, elk in volgorde van belang."
    ),
    Stap.S2_6: N_(
        "Denk na over {aantal} ruime prioriteiten die een integrale aanpak vragen, en over "
        "wie elke prioriteit kan trekken."
    ),
    Stap.S3_2: N_("Lees het eerste ontwerp van het plan."),
    Stap.S3_5: N_("Lees het ontwerp van het plan en bereid je opmerkingen voor."),
}


def build(views: Views, item: str | None) -> Context:
    """The meeting, who is invited, what to prepare, and the previous meeting's huiswerk."""
    assert item is not None  # a document per meeting
    project = views.project
    vergadering = project.vergaderingen[item]
    meeting = views.meeting(item, vergadering, f"vergaderingen/{item}.yaml")
    previous = _previous(project, item)
    limit = tr("hoogstens vijf") if views.method()["hoogstens_vijf"] else tr("een beperkt aantal")
    preparation = [
        tr(PREPARATION[s], aantal=limit) for s in vergadering.stappen if s in PREPARATION
    ]
    open_session = is_open_session(project, vergadering)
    # an open session invites the people and groups of the session itself, not the organisers
    members = (
        list(vergadering.aanwezig)
        if open_session
        else _members(project, vergadering.orgaan) or list(vergadering.aanwezig)
    )
    return views.common() | {
        "vergadering": meeting,
        "genodigden": views.people(members),
        "gasten": vergadering.gasten if open_session else [],
        "aan": tr("De deelnemers aan {orgaan}", orgaan=meeting["orgaan"])
        if open_session
        else tr("De leden van {orgaan}", orgaan=meeting["orgaan"]),
        "bijeenkomst": tr(OPEN_SESSIONS[meeting["soort"]])
        if open_session and meeting["soort"] in OPEN_SESSIONS
        else tr("de vergadering van {orgaan}", orgaan=meeting["orgaan"]),
        "vorige": views.meeting(
            previous, project.vergaderingen[previous], f"vergaderingen/{previous}.yaml"
        )
        if previous
        else None,
        "vorige_ter_goedkeuring": previous is not None and _approves(vergadering, previous),
        "voorbereiding": preparation,
        "brainstorm": Stap.S3_3 in vergadering.stappen,
        "tool_f": _tool_f.brainstorm(views) if Stap.S3_3 in vergadering.stappen else None,
        "afzender": meeting["voorzitter"] or views.common()["coordinator"],
        "datum": vergadering.datum,
    }


OPEN_SESSIONS = {"hoorzitting": N_("de hoorzitting"), "forum": N_("het forum")}
"""How the invitation names an open session."""


def _approves(vergadering: Vergadering, previous: str) -> bool:
    """Whether the meeting puts the previous minutes up for approval."""
    return previous in vergadering.keurt_verslag_goed or any(
        a.punt.strip().lower().startswith("goedkeuring van het verslag") for a in vergadering.agenda
    )


def _members(project: Project, orgaan: str) -> list[str]:
    organen = project.organen
    fixed: dict[str, Any] = {
        "kerngroep": organen.kerngroep,
        "redactiecomite": organen.redactiecomite,
        "pilootcomite": organen.pilootcomite,
    }
    if orgaan in fixed:
        return list(fixed[orgaan].leden)
    group = next((g for g in organen.projectgroepen if g.id == orgaan), None)
    if group is not None:
        return list(group.leden)
    found = overleg(project, orgaan)
    return list(found.leden) if found else []


def _previous(project: Project, item: str) -> str | None:
    """The last meeting of the same body before this one."""
    this = project.vergaderingen[item]
    earlier = [
        (v.datum, i)
        for i, v in project.vergaderingen.items()
        if v.orgaan == this.orgaan and (v.datum, i) < (this.datum, item)
    ]
    return max(earlier)[1] if earlier else None


def _meetings(project: Project) -> list[str]:
    return sorted(project.vergaderingen)


def _title(context: Context) -> str:
    return tr("Uitnodiging: {titel}", titel=context["vergadering"]["titel"])


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="agenda",
    title="Uitnodiging en agenda van een vergadering",
    stap="alle",
    template="agenda.md.j2",
    filename="agenda-{item}.docx",
    build=build,
    why_not=lambda project, today: (
        None if project.vergaderingen else tr("nog geen vergadering in vergaderingen/")
    ),
    per="vergadering",
    items=_meetings,
    heading=_title,
    date=_date,
)
