"""Begeleiding door de FOD afgelopen zonder goedgekeurd plan.

Wat het controleert:
    Het protocolakkoord loopt één jaar vanaf de dag waarop alle partijen getekend hebben:
    zes maanden begeleiding en zes maanden opvolging door de lokaal adviseur. Is dat jaar
    voorbij en het plan nog niet goedgekeurd door de gemeenteraad, dan meldt deze regel dat.
    Werd het protocol opnieuw ondertekend (een gewijzigd of verlengd protocol), dan telt de
    laatste volledige ondertekening, net als in het document ``livb render protocol``.

Waarom:
    Na dat jaar zet de gemeente het proces zelf voort. Het is goed dat de kerngroep en het
    college dat weten en er rekening mee houden in de planning.

Oplossing:
    Niets verplicht: plan de laatste stappen zonder de adviseur, of vraag de FOD om een
    verlenging van de begeleiding.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import decisions, protocol_period
from livb.method.rules._base import Finding, RuleContext
from livb.model._tijd import kan_voor
from livb.model.besluiten import Instantie, Onderwerp

CODE = "LIVB313"
NAME = "protocol-afgelopen"
SEVERITY = Severity.INFO
METHODE = N_("Protocolakkoord (Tool B): looptijd van één jaar, zes maanden steun en zes opvolging")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a note when the protocol's year ended before the council approved the plan."""
    periode = protocol_period(context.project, context.today)
    if periode is None:
        return
    end = periode.einde
    if end > context.today:
        return
    approved = decisions(context.project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,))
    if approved and kan_voor(approved[0].datum, end):
        return
    yield Finding(
        "besluiten.yaml",
        (),
        tr(
            "de begeleiding door de FOD liep af op {end} (één jaar na de ondertekening) en het "
            "plan was toen nog niet door de gemeenteraad goedgekeurd",
            end=end,
        ),
        tr("de gemeente zet het proces nu zelf voort"),
    )
