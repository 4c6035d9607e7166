"""Prioriteit zonder onderbouwing.

Wat het controleert:
    Elke prioriteit verwijst naar minstens één bevinding van de diagnostiek of één punt van
    de SWOT-analyse.

Waarom:
    De prioriteiten volgen uit de diagnostiek en de SWOT (stap 2.6). De keuze is in de
    praktijk ook politiek; juist daarom moet zichtbaar blijven op welke vaststellingen ze
    steunt.

Oplossing:
    Vul ``bevindingen`` en/of ``swot`` in bij de prioriteit.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB209"
NAME = "prioriteit-zonder-onderbouwing"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.6: prioriteiten op basis van diagnostiek en SWOT")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every priority that cites no finding and no SWOT item."""
    for position, prioriteit in enumerate(context.project.prioriteiten.prioriteiten):
        if not prioriteit.bevindingen and not prioriteit.swot:
            yield Finding(
                "prioriteiten.yaml",
                ("prioriteiten", position, "id"),
                tr(
                    "de prioriteit '{prioriteit}' steunt op geen bevinding en geen SWOT-punt",
                    prioriteit=prioriteit.id,
                ),
                tr("vul 'bevindingen' en/of 'swot' in"),
            )
