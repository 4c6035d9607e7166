"""The lokale veiligheidsdiagnostiek (steps 2.1–2.4): sources, findings, figures, conclusions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from livb.core.formatting import join
from livb.core.i18n import N_, tr
from livb.documents._base import Context, Document, NoReason, gap
from livb.documents.charts import series_chart, value_label
from livb.documents.views import SOORT_TITELS, Views, or_missing
from livb.method.figures import denominator
from livb.method.queries import meetings_for, plan_approved
from livb.model import Project
from livb.model.diagnostiek import Bron, Gegevenssoort, Reeks
from livb.model.stappen import Stap

SOORT_UITLEG = {
    Gegevenssoort.FEIT: N_("feiten (zoals politiecijfers)"),
    Gegevenssoort.WAARNEMING: N_(
        "waarnemingen (hoe inwoners en sleutelfiguren de veiligheid beleven)"
    ),
    Gegevenssoort.CONTEXT: N_("context (de socio-economische en demografische toestand)"),
}
"""The three kinds of data of Tool C, as the methodology names them."""


def build(views: Views, item: str | None) -> Context:
    """The report's own texts, the sources by kind (Tool C) and the findings."""
    project = views.project
    file = "diagnostiek/bevindingen.yaml"
    by_kind = _sources_by_kind(views)
    kinds = [k for k in Gegevenssoort if any(b.soort is k for b in project.bronnen.bronnen)]
    findings = _with_suppliers(project, views.findings())
    context_only = _context_findings(project)
    by_insecurity = [f for f in findings if f["id"] not in context_only]
    objective = [f for f in by_insecurity if f["onveiligheid"] == "objectief"]
    subjective = [f for f in by_insecurity if f["onveiligheid"] == "subjectief"]
    both = [f for f in by_insecurity if f["onveiligheid"] == "beide"]
    bev = project.bevindingen
    context = views.common() | {
        "inleiding": or_missing(
            views.field(bev, "inleiding"), tr("de inleiding"), file, "inleiding"
        ),
        "gebiedsbeschrijving": or_missing(
            views.field(bev, "gebiedsbeschrijving"),
            tr("de gebiedsbeschrijving"),
            file,
            "gebiedsbeschrijving",
        ),
        "methodologie": or_missing(
            views.field(bev, "methodologie"), tr("de methodologie"), file, "methodologie"
        ),
        "bronnen": dict(by_kind),
        "soorten": [tr(SOORT_UITLEG[k]) for k in kinds],
        "objectief": objective,
        "subjectief": subjective,
        "beide": both,
        "context": [f for f in findings if f["id"] in context_only],
        "feiten_uit": "cijfers" if project.cijfers.reeksen else "bronnen" if by_kind else "",
        "bevindingen": findings,
        "conclusies": [views.field(bev, "conclusies", n) for n in range(len(bev.conclusies))],
        "redactiecomite": views.people(project.organen.redactiecomite.leden),
        "datum": _presented(views),
    }
    return context | _charts(views)


def _sources_by_kind(views: Views) -> dict[str, list[dict[str, Any]]]:
    """The sources under the title of their kind of data, in the order of Tool C."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    bronnen = views.project.bronnen.bronnen
    for bron in sorted(bronnen, key=lambda b: list(Gegevenssoort).index(b.soort)):
        supplier = views.actor(bron.actor) if bron.actor else None
        by_kind[tr(SOORT_TITELS[bron.soort])].append(
            {
                "id": bron.id,
                "naam": bron.naam,
                "leverancier": join(bron.leveranciers)
                or (supplier if supplier is not None else ""),
                "omschrijving": bron.omschrijving or "",
                "url": bron.url or "",
                "periode": bron.periode or "",
                "laatste_jaar": bron.laatste_jaar,
                "afsluitdatum": bron.afsluitdatum,
            }
        )
    return dict(by_kind)


def _context_findings(project: Project) -> set[str]:
    """The findings that rest on context data alone (income, housing, population).

    Such a finding describes the setting of insecurity, not insecurity itself; the kind of its
    series (or of their source) and of its other sources says so, whatever its `onveiligheid`.
    """
    sources = {b.id: b.soort for b in project.bronnen.bronnen}
    series = {r.id: r.soort or sources.get(r.bron) for r in project.cijfers.reeksen}
    found = set()
    for finding in project.bevindingen.bevindingen:
        kinds = {series.get(r) for r in finding.reeksen} | {sources.get(b) for b in finding.bronnen}
        if kinds == {Gegevenssoort.CONTEXT}:
            found.add(finding.id)
    return found


def _with_suppliers(project: Project, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each series credits who supplies it, not its own name again."""
    sources = {b.id: b for b in project.bronnen.bronnen}
    series = {r.id: r for r in project.cijfers.reeksen}
    for finding in findings:
        for shown in finding["reeksen"]:
            reeks = series[shown["id"]]
            bron = sources.get(reeks.bron)
            if bron is not None:
                shown["bron"] = _credit(project, reeks.naam, bron)
            _credit_denominator(project, reeks, shown)
    return findings


def _credit_denominator(project: Project, reeks: Reeks, shown: dict[str, Any]) -> None:
    """A rate credits the source of its population too."""
    noemer = denominator(project, reeks.per)
    bron = next((b for b in project.bronnen.bronnen if noemer and b.id == noemer.bron), None)
    if shown["noemer"] and noemer is not None and bron is not None:
        shown["noemer"]["bron"] = _credit(project, noemer.naam, bron)


def _credit(project: Project, series_name: str, bron: Bron) -> str:
    """'Steunpunt WSE' for a series named after its source, else 'Politiestatistiek (PZ …)'."""
    actor = next((a for a in project.actoren.actoren if a.id == bron.actor), None)
    supplier = join(bron.leveranciers) or (actor.organisatie or actor.naam if actor else None) or ""
    if bron.naam.casefold() == series_name.casefold():
        return supplier or bron.naam
    return f"{bron.naam} ({supplier})" if supplier else bron.naam


def _charts(views: Views) -> Context:
    """Per series: its trend chart and what its figures are (the row label of its table)."""
    project = views.project
    sources = {b.id: b for b in project.bronnen.bronnen}
    charts = {}
    for reeks in project.cijfers.reeksen:
        shown = views.series(reeks)
        if reeks.bron in sources:
            shown["bron"] = _credit(project, reeks.naam, sources[reeks.bron])
        _credit_denominator(project, reeks, shown)
        charts[reeks.id] = {
            "grafiek": series_chart(shown),
            "label": value_label(reeks.eenheid or ""),
        }
    return {"cijferreeksen": charts}


def _presented(views: Views) -> dt.date:
    """The day the diagnostiek was presented to the kerngroep (step 2.4), or today."""
    meetings = [v for _, v in meetings_for(views.project, Stap.S2_4) if v.datum <= views.today]
    return meetings[-1].datum if meetings else views.today


def final_gaps(project: Project, context: Context) -> list[str]:
    """A final diagnostiek has sources, findings and conclusions."""
    file = "diagnostiek/bevindingen.yaml"
    reasons = []
    if not project.bronnen.bronnen:
        reasons.append(
            gap("diagnostiek/bronnen.yaml", "bronnen", tr("de diagnostiek noemt geen enkele bron"))
        )
    if not context["bevindingen"]:
        reasons.append(gap(file, "bevindingen", tr("de diagnostiek heeft nog geen bevindingen")))
    if not context["conclusies"]:
        reasons.append(gap(file, "conclusies", tr("de conclusies ontbreken")))
    return reasons


def _why_not(project: Project, today: dt.date) -> str | None:
    """Findings, or sources while the plan is still to come.

    A plan approved without a diagnostiek of its own gets no empty one afterwards.
    """
    if project.bevindingen.bevindingen:
        return None
    if not project.bronnen.bronnen:
        return tr("nog geen bronnen of bevindingen in diagnostiek/ (stap 2.1)")
    if plan_approved(project) is None:
        return None
    return NoReason(
        tr("het plan is al goedgekeurd zonder bevindingen in diagnostiek/bevindingen.yaml")
    )


DOCUMENT = Document(
    name="diagnostiek",
    title=N_("Lokale veiligheidsdiagnostiek"),
    stap="2.4",
    template="diagnostiek.md.j2",
    filename="diagnostiek.docx",
    build=build,
    why_not=_why_not,
    final_gaps=final_gaps,
)
