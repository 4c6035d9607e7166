"""Prioriteit zonder projectgroep of projectleider.

Wat het controleert:
    Elke prioriteit heeft een projectgroep in organen.yaml, en elke projectgroep een
    projectleider.

Waarom:
    De methode richt per prioriteit een projectgroep op (nieuw of een bestaand overleg) met
    een projectleider die in de kerngroep zit (stap 2.6). Zonder trekker blijft een prioriteit
    een voornemen.

Oplossing:
    Voeg een projectgroep toe in organen.yaml met ``prioriteit`` en ``projectleider``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB208"
NAME = "prioriteit-zonder-projectgroep"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.6: een projectgroep en projectleider per prioriteit")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield priorities without a projectgroep and projectgroepen without a leader."""
    groups = context.project.organen.projectgroepen
    with_group = {g.prioriteit for g in groups}
    for position, prioriteit in enumerate(context.project.prioriteiten.prioriteiten):
        if prioriteit.id not in with_group:
            yield Finding(
                "prioriteiten.yaml",
                ("prioriteiten", position, "id"),
                tr(
                    "de prioriteit '{prioriteit}' heeft geen projectgroep", prioriteit=prioriteit.id
                ),
                tr(
                    "voeg in organen.yaml een projectgroep toe met 'prioriteit: {id}'",
                    id=prioriteit.id,
                ),
            )
    for position, groep in enumerate(groups):
        if groep.projectleider is None:
            yield Finding(
                "organen.yaml",
                ("projectgroepen", position, "id"),
                tr("de projectgroep '{groep}' heeft geen projectleider", groep=groep.id),
                tr("kies een projectleider uit de kerngroep"),
            )
