"""Kerngroeplid zonder oriëntatiegesprek.

Wat het controleert:
    De oriëntatiegesprekken van stap 2.2 zijn facultatief. Heeft de gemeente ze aangevat
    (er is minstens één gesprek van stap 2.2), dan meldt deze regel ter informatie welke
    leden van de kerngroep nog geen gesprek hadden. De coördinator (die de gesprekken voert)
    en de burgemeester (wiens gesprek bij stap 1.2 hoort) zijn uitgezonderd. Zonder enig
    gesprek van stap 2.2 zwijgt de regel: een gemeente mag die stap anders invullen, bv. met
    hoorzittingen.

Waarom:
    De gesprekken brengen verwachtingen, knelpunten en prioriteiten van elke partner in kaart
    (Tool D); in de pilootprojecten maakten ze de samenwerking in de kerngroep makkelijker.
    Wie eraan begint, spreekt best met iedereen.

Oplossing:
    Plan het gesprek: ``livb new gesprek --met ID``, of laat het bewust zo.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import interviewed, kerngroep_to_interview
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB305"
NAME = "kerngroeplid-zonder-gesprek"
SEVERITY = Severity.INFO
METHODE = N_("Methode, stap 2.2 (facultatief) en Tool D")


def check(context: RuleContext) -> Iterator[Finding]:
    """Note every kerngroep member without a 2.2 interview, once such interviews were held."""
    project = context.project
    done = interviewed(project, "2.2", context.today)
    if not done:
        return
    members = project.organen.kerngroep.leden
    for member in kerngroep_to_interview(project):
        if member not in done:
            yield Finding(
                "organen.yaml",
                ("kerngroep", "leden", members.index(member)),
                tr(
                    "'{member}' had nog geen oriëntatiegesprek (stap 2.2, facultatief)",
                    member=member,
                ),
                tr("livb new gesprek --met {member}", member=member),
            )
