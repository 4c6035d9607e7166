"""How the plan answers the police zone's ZVP (step 3.6): for the college and the zonal council.

The zone's shared folder (zone.yaml, named by ``politiezone.map`` in livb.yaml) holds the ZVP
once for all its municipalities: its period, priorities and actions, and the decisions of the
zonale veiligheidsraad. This document sets the municipality's priorities beside it: which
priority of the ZVP each one answers, which ZVP priority the plan leaves to the others, and
which priorities are the municipality's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.errors import LivbError
from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document, NoReason
from livb.documents.views import Views
from livb.method.queries import ZONE_PLAN
from livb.model import Project
from livb.model.prioriteiten import Prioriteit
from livb.model.zone import ZoneBestand


def build(views: Views, item: str | None) -> Context:
    """The zone and its ZVP, each ZVP priority with the municipality's answers."""
    project = views.project
    zone = project.zone
    if zone is None:  # asked for with --toch: there is nothing to set the plan beside
        raise LivbError(str(_why_not(project, views.today)), tr(_HINT))
    own = project.prioriteiten.prioriteiten
    answers = {
        p.id: [views.field(m, "titel") for m in own if _answers(m, p.id)]
        for p in zone.zvp.prioriteiten
    }
    answering = {a.prioriteit for mine in own for a in mine.aansluiting if a.plan == ZONE_PLAN}
    decisions = sorted(zone.besluiten, key=lambda b: b.datum)
    return views.common() | {
        "zone": _zone(project, zone),
        "prioriteiten": [
            {
                "titel": p.titel,
                "acties": [a.titel for a in zone.zvp.acties if a.prioriteit == p.id],
                "antwoorden": answers[p.id],
            }
            for p in zone.zvp.prioriteiten
        ],
        "open": [p.titel for p in zone.zvp.prioriteiten if not answers[p.id]],
        "eigen": [views.field(m, "titel") for m in own if not _answers(m, None)],
        "niet_in_zvp": sorted(answering - {p.id for p in zone.zvp.prioriteiten} - {None}, key=str),
        "besluiten": [{"datum": b.datum, "tekst": b.tekst} for b in decisions],
        "datum": decisions[-1].datum if decisions else None,
    }


def _answers(priority: Prioriteit, zvp_id: str | None) -> bool:
    """Whether the municipality's priority answers that ZVP priority (None: any of them)."""
    return any(
        a.plan == ZONE_PLAN and (zvp_id is None or a.prioriteit == zvp_id)
        for a in priority.aansluiting
    )


def _zone(project: Project, zone: ZoneBestand) -> dict[str, Any]:
    nis = project.instellingen.gemeente.nis_code
    return {
        "naam": zone.naam,
        "gemeenten": [g.naam for g in zone.gemeenten],
        "andere": [g.naam for g in zone.gemeenten if g.nis_code != nis],
        "titel": zone.zvp.titel,
        "van": zone.zvp.periode.van if zone.zvp.periode else None,
        "tot": zone.zvp.periode.tot if zone.zvp.periode else None,
    }


def _why_not(project: Project, today: dt.date) -> str | None:
    if project.zone is None:
        return NoReason(
            tr(
                "livb.yaml noemt de gedeelde map van de politiezone niet "
                "(gemeente: politiezone: map:)"
            )
        )
    return None


_HINT = N_(
    "zet in livb.yaml onder gemeente: politiezone: de sleutel map: met het pad naar de "
    "zonemap (met zone.yaml), bv. '../pz-zennevallei'"
)


DOCUMENT = Document(
    name="zvp",
    title=N_("Aansluiting bij het zonaal veiligheidsplan"),
    stap="3.6",
    template="zvp.md.j2",
    filename="aansluiting-zvp.docx",
    build=build,
    why_not=_why_not,
)
