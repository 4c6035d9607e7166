"""The intentieverklaring (step 1.4): the municipality declares its intent, mayor signs."""

from __future__ import annotations

import datetime as dt

from livb.core.i18n import tr
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.views import Views, has_mayor
from livb.method.queries import chain_words, plan_approved
from livb.model import Project
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst


def build(views: Views, item: str | None) -> Context:
    """The declaration's parties and the dates of its approval and signature."""
    onderwerp = Onderwerp.INTENTIEVERKLARING
    return views.common() | {
        "keten": chain_words(views.project),
        "gewest": pv.region(views.project),
        "college": views.decision_date(
            onderwerp,
            Instantie.COLLEGE,
            Uitkomst.GOEDGEKEURD,
            tr("de datum van goedkeuring door het college"),
        ),
        "gemeenteraad": views.decision_date(
            onderwerp,
            Instantie.GEMEENTERAAD,
            Uitkomst.GOEDGEKEURD,
            tr("de datum van goedkeuring door de gemeenteraad"),
        ),
        "ondertekend": views.decision_date(
            onderwerp,
            Instantie.BURGEMEESTER,
            Uitkomst.ONDERTEKEND,
            tr("de datum van ondertekening"),
        ),
        "referentie": {
            door.value: (views.field(found, "referentie") if found else "") or ""
            for door in (Instantie.COLLEGE, Instantie.GEMEENTERAAD)
            for found in [views.decision(onderwerp, door, Uitkomst.GOEDGEKEURD)]
        },
    }


def _why_not(project: Project, today: dt.date) -> str | None:
    """A draft before the plan is approved, or the record of a declaration the folder holds."""
    if not has_mayor(project):
        return tr("actoren.yaml noemt nog geen burgemeester (stap 1.4)")
    recorded = any(b.onderwerp is Onderwerp.INTENTIEVERKLARING for b in project.besluiten.besluiten)
    if recorded or plan_approved(project) is None:
        return None
    return NoReason(
        tr("het plan is al goedgekeurd en besluiten.yaml noteert geen intentieverklaring")
    )


def _date(context: Context) -> dt.date | None:
    return dated(context["ondertekend"])


DOCUMENT = Document(
    name="intentieverklaring",
    title="Intentieverklaring",
    stap="1.4",
    template="intentieverklaring.md.j2",
    filename="intentieverklaring.docx",
    build=build,
    why_not=_why_not,
    date=_date,
)
