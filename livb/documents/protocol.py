"""The protocolakkoord with the federal directorate (Tool B, step 1.4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.dates import months_later
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views, has_mayor
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst
from livb.word.ir import Missing


def build(views: Views, item: str | None) -> Context:
    """The parties, the period of support and the college's approval."""
    signed_city = views.decision(
        Onderwerp.PROTOCOLAKKOORD, Instantie.BURGEMEESTER, Uitkomst.ONDERTEKEND
    )
    signed_fod = views.decision(Onderwerp.PROTOCOLAKKOORD, Instantie.FOD, Uitkomst.ONDERTEKEND)
    start = (
        max(b.datum for b in (signed_city, signed_fod) if b) if signed_city and signed_fod else None
    )
    start_value: Any = start or Missing(
        "de datum van ondertekening", "besluiten.yaml", "burgemeester en fod / protocolakkoord"
    )
    end_value: Any = (
        months_later(start, 12)
        if start
        else Missing(
            "de einddatum (één jaar na ondertekening)", "besluiten.yaml", "protocolakkoord"
        )
    )
    return views.common() | {
        "start": start_value,
        "einde": end_value,
        "halfweg": months_later(start, 6)
        if start
        else Missing("het einde van de begeleiding", "besluiten.yaml", "protocolakkoord"),
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
