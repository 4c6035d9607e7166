"""Intentieverklaring niet volledig bekrachtigd.

Wat het controleert:
    Een intentieverklaring (stap 1.4, optioneel) wordt goedgekeurd door het college en door
    de gemeenteraad en ondertekend door de burgemeester. Zodra er één van die beslissingen
    is, verwacht deze regel ook de andere.

Waarom:
    De verklaring toont het engagement van het hele bestuur; ze krijgt pas gewicht als de
    raad ze bekrachtigt en de burgemeester ze tekent.

Oplossing:
    Voeg de ontbrekende beslissing of handtekening toe in besluiten.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.besluiten import Instantie, Onderwerp, Uitkomst

CODE = "LIVB314"
NAME = "intentieverklaring-onvolledig"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_(
    "Methode, stap 1.4: goedgekeurd door college en gemeenteraad, getekend door de burgemeester"
)

NEEDED = (
    (Instantie.COLLEGE, Uitkomst.GOEDGEKEURD, N_("de goedkeuring door het college")),
    (Instantie.GEMEENTERAAD, Uitkomst.GOEDGEKEURD, N_("de goedkeuring door de gemeenteraad")),
    (Instantie.BURGEMEESTER, Uitkomst.ONDERTEKEND, N_("de handtekening van de burgemeester")),
)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield what an intentieverklaring still lacks once one step of it is recorded."""
    found = [
        b
        for b in context.project.besluiten.besluiten
        if b.onderwerp is Onderwerp.INTENTIEVERKLARING
    ]
    if not found:
        return
    have = {(b.door, b.uitkomst) for b in found}
    missing = [tr(label) for door, uitkomst, label in NEEDED if (door, uitkomst) not in have]
    if missing:
        yield Finding(
            "besluiten.yaml",
            (),
            tr("bij de intentieverklaring ontbreekt {missing}", missing=tr(" en ").join(missing)),
            tr("voeg de beslissing toe in besluiten.yaml"),
        )
