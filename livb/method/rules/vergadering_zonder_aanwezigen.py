"""Gehouden vergadering zonder aanwezigen.

Wat het controleert:
    Een vergadering die plaatsvond, noteert wie er aanwezig was: de aanwezigen, of bij een
    open bijeenkomst (een hoorzitting, een forum) het aantal ``deelnemers``.

Waarom:
    Het verslag moet tonen wie meebesliste; livb leidt er ook uit af wie van de kerngroep
    betrokken bleef.

Oplossing:
    Vul ``aanwezig`` in (en ``verontschuldigd``), of ``deelnemers`` met het aantal.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import held
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB304"
NAME = "vergadering-zonder-aanwezigen"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.6: de coördinator maakt de notulen")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every held meeting without attendees."""
    for id_, vergadering in sorted(context.project.vergaderingen.items()):
        if held(vergadering, context.today) and not (
            vergadering.aanwezig or vergadering.deelnemers
        ):
            yield Finding(
                f"vergaderingen/{id_}.yaml",
                (),
                tr("de vergadering van {datum} noteert geen aanwezigen", datum=vergadering.datum),
                tr("vul 'aanwezig' in, of 'deelnemers' met het aantal"),
            )
