"""The protocolakkoord with the federal directorate (Tool B, step 1.4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.i18n import tr
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.views import Views, has_mayor
from livb.method.queries import chain_words, fod_begeleiding, plan_approved, protocol_period
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.word.ir import Missing


def build(views: Views, item: str | None) -> Context:
    """The parties, the period of support and the college's approval."""
    period = protocol_period(views.project, views.today)
    where = "besluiten.yaml"
    start_value: Any = (
        period.start
        if period
        else Missing(
            tr("de datum van ondertekening"), where, "burgemeester en fod / protocolakkoord"
        )
    )
    end_value: Any = (
        period.einde
        if period
        else Missing(tr("de einddatum (één jaar na ondertekening)"), where, "protocolakkoord")
    )
    return views.common() | {
        "keten": chain_words(views.project),
        "gewest": pv.region(views.project),
        "start": start_value,
        "einde": end_value,
        "halfweg": period.halfweg
        if period
        else Missing(tr("het einde van de begeleiding"), where, "protocolakkoord"),
        "college": views.decision_date(
            Onderwerp.PROTOCOLAKKOORD,
            Instantie.COLLEGE,
            Uitkomst.GOEDGEKEURD,
            tr("de datum van goedkeuring door het college"),
        ),
    }


def _why_not(project: Project, today: dt.date) -> str | None:
    """A draft once livb.yaml names the FOD's people, or the record of a protocol.

    Most gemeenten work without the FOD's guidance: no protocol for them in ``render alle``
    (``render protocol`` still drafts one for a gemeente about to ask). Once the plan is
    approved without the FOD, a protocol is no longer part of the story.
    """
    if not has_mayor(project):
        return tr("actoren.yaml noemt nog geen burgemeester (stap 1.4)")
    if fod_begeleiding(project):
        return None
    if plan_approved(project) is None:
        return tr(
            "livb.yaml noemt geen begeleiding door de FOD (begeleiding:); zonder die begeleiding"
            " is er geen protocolakkoord (stap 1.4)"
        )
    return NoReason(tr("het plan is al goedgekeurd zonder begeleiding door de FOD"))


def _date(context: Context) -> dt.date | None:
    return dated(context["start"])


DOCUMENT = Document(
    name="protocol",
    title="Protocolakkoord",
    stap="1.4",
    template="protocol.md.j2",
    filename="protocolakkoord.docx",
    build=build,
    why_not=_why_not,
    date=_date,
)
