"""Vergelijking van absolute aantallen.

Wat het controleert:
    Een reeks met vergelijkingsgebieden (``vergelijking``) toont cijfers per 1000 inwoners of
    huishoudens, of een percentage; niet ``per: absoluut``. De reeks van de bevolking zelf is
    de uitzondering: zij levert de noemer voor de andere gebieden.

Waarom:
    Een provincie telt altijd meer feiten dan een gemeente. Twee aantallen naast elkaar zeggen
    niets over waar het onveiliger is; een cijfer per 1000 inwoners wel.

Oplossing:
    Zet ``per: per_1000_inwoners`` (en de bevolking van de vergelijkingsgebieden in de reeks
    van de inwoners), of ``per: percentage`` als de cijfers zelf percentages zijn.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.diagnostiek import Per

CODE = "LIVB227"
NAME = "vergelijking-van-aantallen"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Diagnostiek: cijfers vergelijken met de zone, de provincie, het gewest")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every series that compares absolute counts with other areas."""
    bevolking = context.project.cijfers.bevolking
    population = {bevolking.inwoners, bevolking.huishoudens}
    for position, reeks in enumerate(context.project.cijfers.reeksen):
        if reeks.vergelijking and reeks.per is Per.ABSOLUUT and reeks.id not in population:
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "vergelijking"),
                tr(
                    "'{reeks}' vergelijkt absolute aantallen met {gebied}: een groter gebied "
                    "telt vanzelf meer",
                    reeks=reeks.id,
                    gebied=reeks.vergelijking[0].gebied,
                ),
                tr(
                    "zet 'per: per_1000_inwoners' bij de reeks, of 'per: percentage' als de "
                    "cijfers percentages zijn"
                ),
            )
