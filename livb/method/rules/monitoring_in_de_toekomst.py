"""Opvolging van een jaar dat nog moet komen.

Wat het controleert:
    Een bestand monitoring/JJJJ.yaml volgt een jaar op dat al begonnen is: geen jaar na
    vandaag.

Waarom:
    Wat in een jaar gebeurde, kan pas genoteerd worden als dat jaar loopt. Een bestand voor
    2099 is bijna altijd een tikfout in de naam (2099 in plaats van 2009), of een bestand
    dat te vroeg werd klaargezet. livb telt zo'n jaar niet mee in de stand van het proces,
    de jaarrapporten en de evaluatie: de metingen en de stand van de acties erin lijken dan
    verdwenen.

Voorbeeld:
    monitoring/2099.yaml in een map waarvan het plan in 2010 begon.

Oplossing:
    Hernoem het bestand naar het jaar dat het opvolgt (de datums van de metingen zeggen
    welk), of laat het leeg tot dat jaar begonnen is.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB318"
NAME = "monitoring-in-de-toekomst"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("livb: de stand van het proces volgt uit de data")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every monitoring file of a year after today's, at its first entry."""
    for year, monitoring in sorted(context.project.monitoring.items()):
        if year <= context.today.year:
            continue
        keys = ("metingen", "acties", "huiswerk", "communicatie", "vooruitblik")
        first = next(((key,) for key in keys if getattr(monitoring, key)), ())
        yield Finding(
            f"monitoring/{year}.yaml",
            first,
            tr(
                "monitoring/{year}.yaml volgt het jaar {year} op, dat nog moet beginnen "
                "(vandaag is {vandaag}); livb telt het niet mee",
                year=year,
                vandaag=context.today.isoformat(),
            ),
            tr(
                "hernoem het bestand naar het jaar dat het opvolgt, of laat het leeg tot dat "
                "jaar begonnen is"
            ),
            at_key=bool(first),
        )
