"""SWOT-punten mogelijk niet in volgorde van belangrijkheid.

Wat het controleert:
    In elk deel van de SWOT is de volgorde van de lijst de volgorde van belangrijkheid. Als
    de ids genummerd zijn (s1, s2, ...) en die nummers niet oplopen, is de lijst misschien
    herschikt zonder dat het zo bedoeld was.

Waarom:
    Tool E vraagt de punten in volgorde van belangrijkheid; de documenten tonen ze zo.

Oplossing:
    Controleer de volgorde. Is ze juist, hernummer dan de ids of laat deze opmerking staan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB212"
NAME = "swot-volgorde"
SEVERITY = Severity.INFO
METHODE = N_("Methode, Tool E: in volgorde van belangrijkheid")
QUADRANTS = ("sterktes", "zwaktes", "kansen", "bedreigingen")
NUMBERED = re.compile(r"^(.*?)(\d+)$")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield an item whose number is lower than the one before it."""
    for quadrant in QUADRANTS:
        previous = None
        for position, punt in enumerate(getattr(context.project.swot, quadrant)):
            match = NUMBERED.match(punt.id)
            if match is None:
                break
            number = int(match.group(2))
            if previous is not None and number < previous:
                yield Finding(
                    "swot.yaml",
                    (quadrant, position, "id"),
                    tr(
                        "'{punt}' staat na een punt met een hoger nummer; de volgorde van de "
                        "lijst is de volgorde van belangrijkheid",
                        punt=punt.id,
                    ),
                    tr("controleer de volgorde van de punten"),
                )
                break
            previous = number
