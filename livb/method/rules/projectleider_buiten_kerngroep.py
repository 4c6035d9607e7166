"""Projectleider buiten de kerngroep.

Wat het controleert:
    De projectleider van elke projectgroep is ook lid van de kerngroep.

Waarom:
    De methode (stap 2.6) laat de projectleider in de kerngroep zetelen, zodat wat de
    projectgroep doet altijd terugkomt in de kerngroep.

Voorbeeld:
    In organen.yaml is ``projectleider: els-de-smet``, maar els-de-smet staat niet onder
    ``kerngroep: leden``.

Oplossing:
    Neem de projectleider op in de kerngroep, of kies een projectleider uit de kerngroep.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB103"
NAME = "projectleider-buiten-kerngroep"
SEVERITY = Severity.FOUT
METHODE = N_("Methode, stap 2.6: de projectleider zit in de kerngroep")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every projectleider who is not a member of the kerngroep."""
    organen = context.project.organen
    members = set(organen.kerngroep.leden)
    for position, groep in enumerate(organen.projectgroepen):
        if groep.projectleider and groep.projectleider not in members:
            yield Finding(
                "organen.yaml",
                ("projectgroepen", position, "projectleider"),
                tr(
                    "projectleider '{projectleider}' van '{groep}' zit niet in de kerngroep",
                    projectleider=groep.projectleider,
                    groep=groep.id,
                ),
                tr(
                    "voeg '{projectleider}' toe aan kerngroep: leden",
                    projectleider=groep.projectleider,
                ),
            )
