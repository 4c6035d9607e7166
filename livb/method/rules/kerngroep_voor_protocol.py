"""Kerngroep gestart vóór het protocolakkoord.

Wat het controleert:
    De opstartvergadering van de kerngroep (stap 1.6) vindt plaats nadat het
    protocolakkoord door de gemeente en de FOD ondertekend is (stap 1.4). Een gemeente die
    niet door de FOD begeleid wordt (``begeleiding`` in livb.yaml is leeg en besluiten.yaml
    noemt geen protocolakkoord), heeft geen protocol: dan zwijgt deze regel.

Waarom:
    Het protocolakkoord legt de afspraken vast waarbinnen de kerngroep werkt: de rol van de
    lokaal adviseur, de looptijd, de verbintenissen van de gemeente. De methode zet die
    afspraken vóór de samenstelling en de opstart van de kerngroep.

Oplossing:
    Controleer de data in besluiten.yaml en van de opstartvergadering. Werkt de gemeente
    zonder de FOD, laat ``begeleiding`` in livb.yaml dan leeg.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import fod_begeleiding, held, meetings_for, protocol_period
from livb.method.rules._base import Finding, RuleContext
from livb.model._tijd import laatste_dag
from livb.model.stappen import Stap

CODE = "LIVB310"
NAME = "kerngroep-voor-protocol"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stappen 1.4 en 1.6")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield the kick-off meeting when it took place before the protocol was signed."""
    if not fod_begeleiding(context.project):
        return
    kickoffs = [
        (i, v) for i, v in meetings_for(context.project, Stap.S1_6) if held(v, context.today)
    ]
    if not kickoffs:
        return
    id_, kickoff = kickoffs[0]
    periode = protocol_period(context.project, context.today)
    if periode is None:
        message = tr(
            "de kerngroep startte, maar het protocolakkoord is niet door alle partijen ondertekend"
        )
    elif protocol_period(context.project, laatste_dag(kickoff.datum)) is None:
        message = tr(
            "de kerngroep startte op {datum}, vóór het protocolakkoord ({start})",
            datum=kickoff.datum,
            start=periode.start,
        )
    else:
        return
    yield Finding(
        f"vergaderingen/{id_}.yaml",
        ("datum",),
        message,
        tr("noteer de handtekeningen van alle partijen in besluiten.yaml"),
    )
