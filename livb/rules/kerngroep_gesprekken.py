"""Kerngroeplid zonder oriëntatiegesprek.

Wat het controleert:
    Zodra de inventarisatie loopt (fase 2), krijgt elk lid van de kerngroep een
    oriëntatiegesprek van stap 2.2. De coördinator (die de gesprekken voert) en de
    burgemeester (wiens gesprek bij stap 1.2 hoort) zijn uitgezonderd.

Waarom:
    De gesprekken brengen verwachtingen, knelpunten en prioriteiten van elke partner in kaart
    (Tool D); in de pilootprojecten maakten ze de samenwerking in de kerngroep makkelijker.

Oplossing:
    Plan het gesprek: ``livb new gesprek --met ID``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.diagnostics import Severity
from livb.model.stappen import Stap
from livb.process import interviewed, kerngroep_to_interview, meetings_for
from livb.rules._base import Finding, RuleContext

CODE = "LIVB305"
NAME = "kerngroeplid-zonder-gesprek"
SEVERITY = Severity.WAARSCHUWING
METHODE = "Methode, stap 2.2 en Tool D"


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every kerngroep member without a 2.2 interview once phase 2 has begun."""
    project = context.project
    done = interviewed(project, "2.2", context.today)
    started = done or any(v.datum <= context.today for _, v in meetings_for(project, Stap.S2_1))
    if not started:
        return
    members = project.organen.kerngroep.leden
    for member in kerngroep_to_interview(project):
        if member not in done:
            yield Finding(
                "organen.yaml",
                ("kerngroep", "leden", members.index(member)),
                f"'{member}' had nog geen oriëntatiegesprek (stap 2.2)",
                f"livb new gesprek --met {member}",
            )
