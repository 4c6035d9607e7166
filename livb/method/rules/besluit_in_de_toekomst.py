"""Goedkeuring of handtekening in de toekomst.

Wat het controleert:
    Een beslissing met uitkomst ``goedgekeurd`` of ``ondertekend`` heeft geen datum in de
    toekomst.

Waarom:
    Een geplande beslissing is nog geen beslissing. livb leidt de stand van het proces af
    uit de data; een goedkeuring in de toekomst telt niet mee en is meestal een tikfout.

Oplossing:
    Verbeter de datum, of noteer de beslissing pas wanneer ze genomen is.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr, word
from livb.method.rules._base import Finding, RuleContext
from livb.model.besluiten import Uitkomst

CODE = "LIVB315"
NAME = "besluit-in-de-toekomst"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("livb: de stand van het proces volgt uit de data")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every approval or signature dated after today."""
    for position, besluit in enumerate(context.project.besluiten.besluiten):
        if besluit.datum > context.today and besluit.uitkomst in (
            Uitkomst.GOEDGEKEURD,
            Uitkomst.ONDERTEKEND,
        ):
            yield Finding(
                "besluiten.yaml",
                ("besluiten", position, "datum"),
                tr(
                    "'{besluit}' is {uitkomst} op {datum}, een datum in de toekomst",
                    besluit=besluit.id,
                    uitkomst=word(besluit.uitkomst.value),
                    datum=besluit.datum,
                ),
                tr("verbeter de datum of noteer de beslissing pas als ze genomen is"),
            )
