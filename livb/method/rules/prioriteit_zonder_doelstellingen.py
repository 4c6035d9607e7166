"""Prioriteit zonder strategische doelstellingen.

Wat het controleert:
    Zodra de projectgroepen doelstellingen schrijven (fase 3), heeft elke prioriteit
    minstens één strategische doelstelling in doelstellingen/.

Waarom:
    De coördinator vertaalt elke prioriteit in strategische doelstellingen (stap 3.4). Een
    prioriteit zonder doelstelling verdwijnt stil uit het plan.

Oplossing:
    Maak het bestand met ``livb new doelstelling --prioriteit ID``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import phase_three_started
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB216"
NAME = "prioriteit-zonder-doelstellingen"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 3.4: prioriteiten vertaald in strategische doelstellingen")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every priority without strategic goals once goals are being written."""
    project = context.project
    if not phase_three_started(project):
        return
    covered = {
        f.prioriteit for f in project.doelstellingen.values() if f.strategische_doelstellingen
    }
    for position, prioriteit in enumerate(project.prioriteiten.prioriteiten):
        if prioriteit.id not in covered:
            yield Finding(
                "prioriteiten.yaml",
                ("prioriteiten", position, "id"),
                tr(
                    "de prioriteit '{prioriteit}' heeft nog geen strategische doelstelling",
                    prioriteit=prioriteit.id,
                ),
                tr("livb new doelstelling --prioriteit {prioriteit}", prioriteit=prioriteit.id),
            )
