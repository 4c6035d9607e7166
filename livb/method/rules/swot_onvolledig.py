"""SWOT onvolledig.

Wat het controleert:
    Zodra de SWOT begonnen is, zijn de vier delen ingevuld: sterktes, zwaktes, kansen en
    bedreigingen.

Waarom:
    De SWOT-analyse (Tool E) zet interne sterktes en zwaktes tegenover externe kansen en
    bedreigingen; met een leeg deel valt de confrontatie weg.

Oplossing:
    Vul het lege deel aan, bij voorkeur in de brainstorm met de kerngroep.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB210"
NAME = "swot-onvolledig"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.5 en Tool E")
QUADRANTS = ("sterktes", "zwaktes", "kansen", "bedreigingen")
NAMES = {
    "sterktes": N_("sterktes"),
    "zwaktes": N_("zwaktes"),
    "kansen": N_("kansen"),
    "bedreigingen": N_("bedreigingen"),
}
"""The quadrants as a message names them (their keys in swot.yaml stay as they are)."""


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every empty quadrant of a SWOT that has begun."""
    swot = context.project.swot
    if not any(getattr(swot, q) for q in QUADRANTS):
        return
    for quadrant in QUADRANTS:
        if not getattr(swot, quadrant):
            yield Finding(
                "swot.yaml",
                (quadrant,),
                tr("de SWOT heeft nog geen {kwadrant}", kwadrant=tr(NAMES[quadrant])),
                tr("vul '{quadrant}' aan, het belangrijkste punt eerst", quadrant=quadrant),
            )
