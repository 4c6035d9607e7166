"""Cijfer per 1000 zonder bevolking.

Wat het controleert:
    Een reeks met ``per: per_1000_inwoners`` (of ``per_1000_huishoudens``) heeft voor elk jaar
    en elk vergelijkingsgebied het aantal inwoners (of huishoudens) van dat jaar nodig: in de
    reeks die ``bevolking`` in diagnostiek/cijfers.yaml aanwijst, met de vergelijkingsgebieden
    onder ``vergelijking`` bij dezelfde naam.

Waarom:
    Een gemeente die groeit, telt meer feiten zonder dat het risico stijgt. Pas per 1000
    inwoners zijn jaren en gebieden te vergelijken; zonder de bevolking van dat jaar blijft de
    cel leeg (–) in de tabel en ontbreekt het punt in de grafiek.

Voorbeeld:
    ``per: per_1000_inwoners`` bij de woninginbraken van 2005 tot 2008, maar de reeks
    ``inwoners`` heeft enkel 2006 tot 2008.

Oplossing:
    Zet ``bevolking: {inwoners: ID}`` in diagnostiek/cijfers.yaml en vul de ontbrekende jaren
    aan in die reeks (``livb import`` neemt ze over uit een tabel van Statbel), of zet
    ``per: absoluut``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import join
from livb.core.i18n import N_, tr
from livb.method.figures import PER_LABELS, shown_figures
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB226"
NAME = "cijfer-zonder-bevolking"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Tool C: contextgegevens (bevolking) om cijfers te vergelijken")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every series whose rate lacks a population for one of its years or areas."""
    project = context.project
    for position, reeks in enumerate(project.cijfers.reeksen):
        shown = shown_figures(project, reeks)
        if not shown.berekend:
            continue
        what = PER_LABELS[reeks.per].removeprefix("per 1.000 ")
        if shown.noemer is None:
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "per"),
                tr(
                    "'{reeks}' vraagt een cijfer {per}, maar er is geen reeks met het aantal {wat}",
                    reeks=reeks.id,
                    per=tr(PER_LABELS[reeks.per]),
                    wat=tr(what),
                ),
                tr(
                    "zet 'bevolking: {{{what}: ID}}' bovenaan diagnostiek/cijfers.yaml, met ID "
                    "een reeks met het aantal {what} per jaar",
                    what=what,
                ),
            )
            continue
        by_area: dict[str, list[str]] = {}
        for area, year in shown.zonder_bevolking:
            by_area.setdefault(area, []).append(str(year))
        for area, years in by_area.items():
            where = tr(" voor {gebied}", gebied=area) if area else ""
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "per"),
                tr(
                    "'{reeks}' vraagt een cijfer {per}, maar de reeks '{noemer}' heeft geen "
                    "aantal {wat}{waar} in {jaren}",
                    reeks=reeks.id,
                    per=tr(PER_LABELS[reeks.per]),
                    noemer=shown.noemer.id,
                    wat=tr(what),
                    waar=where,
                    jaren=join(years),
                ),
                tr(
                    "vul {jaren} aan in '{reeks}' onder 'vergelijking' met 'gebied: {gebied}'",
                    jaren=join(years),
                    reeks=shown.noemer.id,
                    gebied=area,
                )
                if area
                else tr("vul {jaren} aan in '{reeks}'", jaren=join(years), reeks=shown.noemer.id),
            )
