"""Kerngroep dekt niet de hele veiligheidsketen.

Wat het controleert:
    Samen dekken de leden van de kerngroep elke schakel van de veiligheidsketen: preventie,
    repressie en nazorg (volgens ``schakels`` in actoren.yaml).

Waarom:
    De methode vraagt een kerngroep waarin elke schakel van de keten vertegenwoordigd is
    (stap 1.5). Zonder nazorg of zonder preventie wordt het beleid eenzijdig.

Voorbeeld:
    Een kerngroep van burgemeester, korpschef en preventieambtenaar: niemand dekt de nazorg.

Oplossing:
    Neem een partner op die de ontbrekende schakel dekt (bv. het OCMW of de sociale dienst
    voor nazorg), of vul ``schakels`` aan bij de actoren die ze al dekken.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.diagnostics import Severity
from livb.model.actoren import Schakel
from livb.rules._base import Finding, RuleContext
from livb.rules._helpers import kerngroep

CODE = "LIVB203"
NAME = "kerngroep-keten"
SEVERITY = Severity.WAARSCHUWING
METHODE = "Methode, stap 1.5: elke schakel van de veiligheidsketen in de kerngroep"
NEEDED = (Schakel.PREVENTIE, Schakel.REPRESSIE, Schakel.NAZORG)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when a link of the chain has nobody in the kerngroep."""
    members = kerngroep(context.project)
    if not members:
        return
    covered = {schakel for actor in members for schakel in actor.schakels}
    missing = [schakel.value for schakel in NEEDED if schakel not in covered]
    if missing:
        yield Finding(
            "organen.yaml",
            ("kerngroep", "leden"),
            f"niemand in de kerngroep dekt {' en '.join(missing)}",
            "neem een partner op die deze schakel dekt, of vul 'schakels' aan in actoren.yaml",
        )
