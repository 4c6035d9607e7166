"""Opvolging van huiswerk dat niet bestaat.

Wat het controleert:
    Onder ``huiswerk`` in monitoring/JJJJ.yaml noemt elke opvolging een vergadering en het
    nummer van een taak in het huiswerk van die vergadering (1 is de eerste). Die taak moet
    bestaan.

Waarom:
    Het jaarrapport en de evaluatie zeggen welke taak gedaan werd; met een verkeerd nummer
    zouden ze een andere taak, of geen, als gedaan melden.

Voorbeeld:
    ``{vergadering: 2010-02-09-kerngroep-plan, taak: 3, gedaan: true}``, terwijl die
    vergadering twee taken huiswerk gaf.

Oplossing:
    Verbeter het nummer: tel de taken onder ``huiswerk`` in het bestand van de vergadering.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB109"
NAME = "onbekende-huiswerktaak"
SEVERITY = Severity.FOUT
METHODE = N_("livb: samenhang van de map")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every follow-up of a task number the meeting does not have."""
    project = context.project
    for year, monitoring in sorted(project.monitoring.items()):
        for index, opvolging in enumerate(monitoring.huiswerk):
            meeting = project.vergaderingen.get(opvolging.vergadering)
            if meeting is None or opvolging.taak <= len(meeting.huiswerk):
                continue  # an unknown meeting is LIVB101's
            tasks = count(len(meeting.huiswerk), tr("taak"), tr("taken"))
            yield Finding(
                f"monitoring/{year}.yaml",
                ("huiswerk", index, "taak"),
                tr(
                    "de vergadering '{vergadering}' gaf {tasks} huiswerk, geen taak {taak}",
                    vergadering=opvolging.vergadering,
                    tasks=tasks,
                    taak=opvolging.taak,
                ),
                tr("verbeter het nummer: 1 is de eerste taak onder 'huiswerk' van de vergadering"),
            )
