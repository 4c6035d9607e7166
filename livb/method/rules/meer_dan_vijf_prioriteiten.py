"""Meer dan vijf prioriteiten.

Wat het controleert:
    prioriteiten.yaml bevat hoogstens vijf prioriteiten.

Waarom:
    De methode (stap 2.6) beperkt het aantal prioriteiten tot vijf: ruime thema's die een
    integrale aanpak vragen. Meer prioriteiten versnippert de middelen van de partners en
    maakt het plan onuitvoerbaar.

Oplossing:
    Voeg verwante prioriteiten samen tot een ruimer thema, of laat de minst dringende vallen
    (ze kunnen als gewone werking verder lopen).
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB201"
NAME = "meer-dan-vijf-prioriteiten"
SEVERITY = Severity.FOUT
METHODE = N_("Methode, stap 2.6: hoogstens vijf prioriteiten")
MAXIMUM = 5


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding on the sixth priority and every one after it."""
    prioriteiten = context.project.prioriteiten.prioriteiten
    if len(prioriteiten) > MAXIMUM:
        yield Finding(
            "prioriteiten.yaml",
            ("prioriteiten", MAXIMUM),
            tr(
                "{aantal} prioriteiten; de methode laat er hoogstens {MAXIMUM} toe",
                aantal=len(prioriteiten),
                MAXIMUM=MAXIMUM,
            ),
            tr("voeg verwante prioriteiten samen of laat de minst dringende vallen"),
        )
