"""Diagnostiek zonder alle soorten gegevens.

Wat het controleert:
    De gegevensbronnen omvatten de drie soorten van Tool C: feiten (bv. politiecijfers),
    waarnemingen (bv. de veiligheidsmonitor) en context (bv. inkomen en werkloosheid).

Waarom:
    Een diagnostiek op louter politiecijfers mist hoe mensen hun buurt beleven en waarom
    problemen ontstaan. Het CCV vraagt minstens één objectieve en één subjectieve bron.

Oplossing:
    Voeg in diagnostiek/bronnen.yaml een bron toe van de ontbrekende soort.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.diagnostiek import Gegevenssoort

CODE = "LIVB213"
NAME = "diagnostiek-soorten"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.1 en Tool C; CCV, veiligheidsanalyse")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per kind of data without any source."""
    bronnen = context.project.bronnen.bronnen
    if not bronnen:
        return
    present = {bron.soort for bron in bronnen}
    for soort in Gegevenssoort:
        if soort not in present:
            yield Finding(
                "diagnostiek/bronnen.yaml",
                ("bronnen",),
                tr("geen enkele bron van de soort '{soort}'", soort=soort.value),
                tr("voeg een bron toe met 'soort: {soort}'", soort=soort.value),
            )
