"""Gehouden vergadering zonder aanwezigen.

Wat het controleert:
    Een vergadering die plaatsvond, noteert wie er aanwezig was.

Waarom:
    Het verslag moet tonen wie meebesliste; livb leidt er ook uit af wie van de kerngroep
    betrokken bleef.

Oplossing:
    Vul ``aanwezig`` in (en ``verontschuldigd``).
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.diagnostics import Severity
from livb.process import held
from livb.rules._base import Finding, RuleContext

CODE = "LIVB304"
NAME = "vergadering-zonder-aanwezigen"
SEVERITY = Severity.WAARSCHUWING
METHODE = "Methode, stap 1.6: de coördinator maakt de notulen"


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every held meeting without attendees."""
    for id_, vergadering in sorted(context.project.vergaderingen.items()):
        if held(vergadering, context.today) and not vergadering.aanwezig:
            yield Finding(
                f"vergaderingen/{id_}.yaml",
                (),
                f"de vergadering van {vergadering.datum} noteert geen aanwezigen",
                "vul 'aanwezig' in",
            )
