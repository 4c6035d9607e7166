"""Geen evaluatie na het jaar van het protocolakkoord.

Wat het controleert:
    Het protocolakkoord met de FOD loopt één jaar vanaf de laatste handtekening en de gemeente
    belooft erin het programma na dat jaar te evalueren en die evaluatie aan het college voor
    te leggen. Drie maanden na het einde van dat jaar staat er in besluiten.yaml een
    evaluatie (``onderwerp: evaluatie``) van het college of de gemeenteraad, genomen sinds de
    ondertekening. Zonder ondertekend protocol zwijgt de regel.

Waarom:
    De evaluatie na één jaar is een verbintenis van de gemeente tegenover de FOD, en de
    beslissing van het college wordt aan de Directie Lokale Integrale Veiligheid bezorgd.

Oplossing:
    Maak het ontwerp van besluit (``livb render besluit --besluit college-evaluatie``), leg
    het voor aan het college en noteer de beslissing: ``door: college``,
    ``onderwerp: evaluatie``, ``uitkomst: kennisgenomen`` of ``goedgekeurd``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.dates import months_later
from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import one_year_evaluation, protocol_period
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB317"
NAME = "evaluatie-na-een-jaar"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_(
    "Protocolakkoord (Tool B): de gemeente legt na één jaar een evaluatie voor aan het college"
)

GRACE_MONTHS = 3
"""Time to put the evaluation on the college's agenda after the protocol's year."""


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the protocol's year is over and no evaluation was taken up."""
    periode = protocol_period(context.project, context.today)
    if periode is None or context.today <= months_later(periode.einde, GRACE_MONTHS):
        return
    if one_year_evaluation(context.project, context.today) is not None:
        return
    yield Finding(
        "besluiten.yaml",
        (),
        tr(
            "het protocolakkoord liep af op {einde}, maar college of gemeenteraad behandelde "
            "nog geen evaluatie van het traject",
            einde=periode.einde,
        ),
        tr(
            "livb render besluit --besluit college-evaluatie; noteer de beslissing met door: "
            "college, onderwerp: evaluatie"
        ),
    )
