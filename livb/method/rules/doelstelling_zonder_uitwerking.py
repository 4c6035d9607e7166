"""Doelstelling zonder uitwerking.

Wat het controleert:
    Elke strategische doelstelling heeft operationele doelstellingen, en elke operationele
    doelstelling heeft minstens één indicator en minstens één actie.

Waarom:
    Een plan wordt pas uitvoerbaar en evalueerbaar als elke doelstelling zegt hoe ze gemeten
    wordt en wat er concreet gebeurt (CCV: doelen; methode: stap 3.4).

Oplossing:
    Voeg operationele doelstellingen, indicatoren en acties toe in het bestand van de
    prioriteit in doelstellingen/.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import operational_goals, strategic_goals

CODE = "LIVB217"
NAME = "doelstelling-zonder-uitwerking"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 3.4; CCV, doelen: meetbaar en met acties")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield goals without operational goals, indicators or actions."""
    for path, loc, sd in strategic_goals(context.project):
        if not sd.operationele_doelstellingen:
            yield Finding(
                path,
                (*loc, "id"),
                tr("'{sd}' heeft geen operationele doelstellingen", sd=sd.id),
                tr("voeg 'operationele_doelstellingen' toe"),
            )
    for path, loc, od in operational_goals(context.project):
        if not od.indicatoren:
            yield Finding(
                path,
                (*loc, "id"),
                tr("'{od}' heeft geen indicator", od=od.id),
                tr("voeg een indicator toe met basiswaarde, streefwaarde en deadline"),
            )
        if not od.acties:
            yield Finding(
                path,
                (*loc, "id"),
                tr("'{od}' heeft geen acties", od=od.id),
                tr("voeg minstens één actie toe met een trekker en een periode"),
            )
