"""Diagnostiek zonder objectieve of subjectieve onveiligheid.

Wat het controleert:
    De bevindingen behandelen zowel objectieve onveiligheid (feiten) als subjectieve
    onveiligheid (het gevoel van de bewoners).

Waarom:
    Dalende criminaliteitscijfers betekenen niet vanzelf een betere levenskwaliteit. De
    methode vraagt de kerngroep het verschil te zien (stap 2.1).

Oplossing:
    Voeg een bevinding toe met ``onveiligheid: subjectief`` (of ``objectief``), of ``beide``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.diagnostiek import Onveiligheid

CODE = "LIVB214"
NAME = "diagnostiek-onveiligheid"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.1: objectieve en subjectieve onveiligheid")


MISSING = {
    Onveiligheid.OBJECTIEF: N_("geen enkele bevinding over objectieve onveiligheid"),
    Onveiligheid.SUBJECTIEF: N_("geen enkele bevinding over subjectieve onveiligheid"),
}


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when objective or subjective insecurity is not addressed."""
    bevindingen = context.project.bevindingen.bevindingen
    if not bevindingen:
        return
    kinds = {b.onveiligheid for b in bevindingen}
    for kind in (Onveiligheid.OBJECTIEF, Onveiligheid.SUBJECTIEF):
        if kind not in kinds and Onveiligheid.BEIDE not in kinds:
            yield Finding(
                "diagnostiek/bevindingen.yaml",
                ("bevindingen",),
                tr(MISSING[kind]),
                tr("voeg een bevinding toe met 'onveiligheid: {kind}'", kind=kind.value),
            )
