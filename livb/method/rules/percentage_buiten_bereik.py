"""Percentage buiten 0 tot 100.

Wat het controleert:
    Een reeks met ``per: percentage`` heeft enkel waarden van 0 tot 100, ook voor de
    vergelijkingsgebieden.

Waarom:
    Een percentage boven 100 is bijna altijd een aantal dat als percentage werd aangeduid, of
    een breuk (0,168) die als 16,8 bedoeld was; de tabel en de grafiek zouden het verkeerd
    tonen.

Oplossing:
    Verbeter de waarde, of zet ``per: absoluut`` (of ``per_1000_inwoners``) als het aantallen
    zijn.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import number
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.diagnostiek import Per

CODE = "LIVB228"
NAME = "percentage-buiten-bereik"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Diagnostiek: percentages uit de Veiligheidsmonitor en de Gemeente-Stadsmonitor")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield the first value out of 0–100 of every percentage series and comparison area."""
    project = context.project
    for position, reeks in enumerate(project.cijfers.reeksen):
        if reeks.per is not Per.PERCENTAGE:
            continue
        lines = [("", project.series.get(reeks.id, {}))]
        lines += [(v.gebied, v.waarden) for v in reeks.vergelijking]
        for area, values in lines:
            wrong = next(((y, v) for y, v in sorted(values.items()) if not 0 <= v <= 100), None)
            if wrong is None:
                continue
            year, value = wrong
            where = tr(" voor {gebied}", gebied=area) if area else ""
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "per"),
                tr(
                    "'{reeks}' is een percentage, maar heeft {number}{where} in {year}",
                    reeks=reeks.id,
                    number=number(value),
                    where=where,
                    year=year,
                ),
                tr("verbeter de waarde, of zet 'per: absoluut' als het aantallen zijn"),
            )
