"""The protocolakkoord with the federal directorate (Tool B, step 1.4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.documents._base import Context, Document, dated
from livb.documents.views import Views, has_mayor
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.queries import protocol_period
from livb.word.ir import Missing


def build(views: Views, item: str | None) -> Context:
    """The parties, the period of support and the college's approval."""
    period = protocol_period(views.project, views.today)
    where = "besluiten.yaml"
    start_value: Any = (
        period.start
        if period
        else Missing("de datum van ondertekening", where, "burgemeester en fod / protocolakkoord")
    )
    end_value: Any = (
        period.einde
        if period
        else Missing("de einddatum (één jaar na ondertekening)", where, "protocolakkoord")
    )
    return views.common() | {
        "start": start_value,
        "einde": end_value,
        "halfweg": period.halfweg
        if period
        else Missing("het einde van de begeleiding", where, "protocolakkoord"),
        "college": views.decision_date(
            Onderwerp.PROTOCOLAKKOORD,
            Instantie.COLLEGE,
            Uitkomst.GOEDGEKEURD,
            "de goedkeuring door het college",
        ),
    }


def _date(context: Context) -> dt.date | None:
    return dated(context["start"])


DOCUMENT = Document(
    name="protocol",
    title="Protocolakkoord",
    stap="1.4",
    template="protocol.md.j2",
    filename="protocolakkoord.docx",
    build=build,
    available=has_mayor,
    date=_date,
)
