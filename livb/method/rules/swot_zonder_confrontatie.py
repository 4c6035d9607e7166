"""SWOT zonder confrontatiematrix of conclusies.

Wat het controleert:
    Een ingevulde SWOT heeft een confrontatiematrix (minstens één antwoord) en strategische
    conclusies.

Waarom:
    De punten op zich sturen niets. Pas de confrontatie (welke sterktes zetten we in voor
    welke kansen, welke zwaktes maken ons kwetsbaar) en de conclusies maken er een basis
    voor prioriteiten van (Tool E).

Oplossing:
    Beantwoord de vragen onder ``confrontatie`` en noteer ``conclusies``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB211"
NAME = "swot-zonder-confrontatie"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, Tool E: confrontatiematrix en strategische conclusies")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield findings for a filled SWOT without confrontation matrix or conclusions."""
    swot = context.project.swot
    if not all((swot.sterktes, swot.zwaktes, swot.kansen, swot.bedreigingen)):
        return
    matrix = swot.confrontatie
    cells = (
        matrix.sterktes_kansen,
        matrix.zwaktes_kansen,
        matrix.sterktes_bedreigingen,
        matrix.zwaktes_bedreigingen,
    )
    if not any(cells):
        yield Finding(
            "swot.yaml",
            ("confrontatie",),
            tr("de confrontatiematrix is leeg"),
            tr("beantwoord de vier vragen onder 'confrontatie'"),
        )
    if not swot.conclusies:
        yield Finding(
            "swot.yaml",
            ("conclusies",),
            tr("de SWOT heeft geen strategische conclusies"),
            tr("noteer de conclusies en aanbevelingen onder 'conclusies'"),
        )
