"""Meting of mededeling gedateerd in een ander jaar dan haar bestand.

Wat het controleert:
    Een meting (``metingen``) in monitoring/JJJJ.yaml is gedateerd in dat jaar, of in het
    jaar erna (de dag waarop het cijfer van JJJJ afgesloten werd); een mededeling
    (``communicatie``) in dat jaar.

Waarom:
    Het bestand zegt over welk jaar het gaat; de jaarrapporten, de trends van de indicatoren
    en de evaluatie tellen een meting bij het jaar van haar bestand. Een meting van 2014 in
    monitoring/2011.yaml staat dan bij het verkeerde jaar, en een tikfout in de datum (2101
    in plaats van 2011) valt anders niemand op.

Voorbeeld:
    In monitoring/2010.yaml staat ``datum: 2014-03-01`` bij de meting van ``i-inbraken``.

Oplossing:
    Verbeter de datum, of verplaats de meting naar het bestand van haar jaar.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB319"
NAME = "meting-in-ander-jaar"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4: de opvolging per jaar")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every measurement or announcement dated outside its file's year."""
    for year, monitoring in sorted(context.project.monitoring.items()):
        path = f"monitoring/{year}.yaml"
        for index, meting in enumerate(monitoring.metingen):
            if meting.datum.year not in (year, year + 1):
                yield Finding(
                    path,
                    ("metingen", index, "datum"),
                    tr(
                        "de meting van '{indicator}' is gedateerd in {year}, maar staat in de "
                        "opvolging van {year2}",
                        indicator=meting.indicator,
                        year=meting.datum.year,
                        year2=year,
                    ),
                    tr(
                        "verbeter de datum, of verplaats de meting naar monitoring/{year}.yaml",
                        year=meting.datum.year,
                    ),
                )
        for index, bericht in enumerate(monitoring.communicatie):
            if bericht.datum.year != year:
                yield Finding(
                    path,
                    ("communicatie", index, "datum"),
                    tr(
                        "een mededeling is gedateerd in {year}, maar staat in de opvolging van "
                        "{year2}",
                        year=bericht.datum.year,
                        year2=year,
                    ),
                    tr(
                        "verbeter de datum, of verplaats ze naar monitoring/{year}.yaml",
                        year=bericht.datum.year,
                    ),
                )
