"""The lokale veiligheidsdiagnostiek (steps 2.1–2.4): sources, findings, figures, conclusions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from livb.documents._base import Context, Document
from livb.documents.charts import series_chart, value_label
from livb.documents.views import Views, or_missing
from livb.model import Project
from livb.model.diagnostiek import Gegevenssoort
from livb.model.stappen import Stap
from livb.queries import meetings_for

SOORT_TITELS = {
    Gegevenssoort.FEIT: "Feitgerelateerde gegevens",
    Gegevenssoort.WAARNEMING: "Waarnemingsgerelateerde gegevens",
    Gegevenssoort.CONTEXT: "Contextgerelateerde gegevens",
}


def build(views: Views, item: str | None) -> Context:
    """The report's own texts, the sources by kind (Tool C) and the findings."""
    project = views.project
    file = "diagnostiek/bevindingen.yaml"
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for bron in project.bronnen.bronnen:
        by_kind[SOORT_TITELS[bron.soort]].append(
            {
                "id": bron.id,
                "naam": bron.naam,
                "leverancier": bron.leverancier or "",
                "periode": bron.periode or "",
                "afsluitdatum": bron.afsluitdatum,
            }
        )
    findings = views.findings()
    objective = [f for f in findings if f["onveiligheid"] == "objectief"]
    subjective = [f for f in findings if f["onveiligheid"] == "subjectief"]
    both = [f for f in findings if f["onveiligheid"] == "beide"]
    bev = project.bevindingen
    return (
        views.common()
        | {
            "inleiding": or_missing(bev.inleiding, "de inleiding", file, "inleiding"),
            "gebiedsbeschrijving": or_missing(
                bev.gebiedsbeschrijving, "de gebiedsbeschrijving", file, "gebiedsbeschrijving"
            ),
            "methodologie": or_missing(bev.methodologie, "de methodologie", file, "methodologie"),
            "bronnen": dict(by_kind),
            "objectief": objective,
            "subjectief": subjective,
            "beide": both,
            "bevindingen": findings,
            "conclusies": bev.conclusies,
            "redactiecomite": views.people(project.organen.redactiecomite.leden),
            "datum": _presented(views),
        }
        | _charts(views)
    )


def _charts(views: Views) -> Context:
    """Per series: its trend chart and what its figures are (the row label of its table)."""
    return {
        "cijferreeksen": {
            reeks.id: {
                "grafiek": series_chart(views.series(reeks)),
                "label": value_label(reeks.eenheid or ""),
            }
            for reeks in views.project.cijfers.reeksen
        }
    }


def _presented(views: Views) -> dt.date:
    """The day the diagnostiek was presented to the kerngroep (step 2.4), or today."""
    meetings = [v for _, v in meetings_for(views.project, Stap.S2_4) if v.datum <= views.today]
    return meetings[-1].datum if meetings else views.today


def _available(project: Project) -> bool:
    return bool(project.bevindingen.bevindingen or project.bronnen.bronnen)


DOCUMENT = Document(
    name="diagnostiek",
    title="Lokale veiligheidsdiagnostiek",
    stap="2.4",
    template="diagnostiek.md.j2",
    filename="diagnostiek.docx",
    build=build,
    available=_available,
)
