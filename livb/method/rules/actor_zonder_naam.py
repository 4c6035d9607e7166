"""Actor zonder naam.

Wat het controleert:
    Elke actor in actoren.yaml heeft een naam.

Waarom:
    Een nieuwe map zet de aanbevolen rollen van de kerngroep klaar zonder naam. Zolang de
    naam ontbreekt, kan geen enkel document de persoon vermelden.

Oplossing:
    Vul ``naam`` in, of schrap de actor als de rol in deze gemeente niet bestaat (en haal
    hem dan ook uit de kerngroep).
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB202"
NAME = "actor-zonder-naam"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.5: samenstelling van de kerngroep")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every actor without a name."""
    for position, actor in enumerate(context.project.actoren.actoren):
        if not actor.naam:
            yield Finding(
                "actoren.yaml",
                ("actoren", position, "id"),
                tr("actor '{actor}' heeft nog geen naam", actor=actor.id),
                tr("vul 'naam' in of schrap de actor als de rol hier niet bestaat"),
            )
