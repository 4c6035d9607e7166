"""Kerngroep gestart vóór het protocolakkoord.

Wat het controleert:
    De opstartvergadering van de kerngroep (stap 1.6) vindt plaats nadat het
    protocolakkoord door de gemeente en de FOD ondertekend is (stap 1.4).

Waarom:
    Het protocolakkoord legt de afspraken vast waarbinnen de kerngroep werkt: de rol van de
    lokaal adviseur, de looptijd, de verbintenissen van de gemeente. De methode zet die
    afspraken vóór de samenstelling en de opstart van de kerngroep.

Oplossing:
    Controleer de data in besluiten.yaml en van de opstartvergadering. Werkt de gemeente
    bewust zonder protocol met de FOD, zet de regel dan uit in livb.yaml met de reden.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.diagnostics import Severity
from livb.model.stappen import Stap
from livb.process import held, meetings_for, protocol_signed
from livb.rules._base import Finding, RuleContext

CODE = "LIVB310"
NAME = "kerngroep-voor-protocol"
SEVERITY = Severity.WAARSCHUWING
METHODE = "Methode, stappen 1.4 en 1.6"


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield the kick-off meeting when it took place before the protocol was signed."""
    kickoffs = [
        (i, v) for i, v in meetings_for(context.project, Stap.S1_6) if held(v, context.today)
    ]
    if not kickoffs:
        return
    id_, kickoff = kickoffs[0]
    signed = protocol_signed(context.project, context.today)
    if signed is None:
        message = (
            "de kerngroep startte, maar het protocolakkoord is niet door beide partijen ondertekend"
        )
    elif signed > kickoff.datum:
        message = f"de kerngroep startte op {kickoff.datum}, vóór het protocolakkoord ({signed})"
    else:
        return
    yield Finding(
        f"vergaderingen/{id_}.yaml",
        ("datum",),
        message,
        "noteer de handtekeningen van burgemeester en FOD in besluiten.yaml",
    )
