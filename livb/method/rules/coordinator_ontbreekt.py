"""Geen coördinator aangeduid.

Wat het controleert:
    livb.yaml duidt de coördinator integrale veiligheid aan (``coordinator``).

Waarom:
    De methode laat de gemeente al bij de kennismaking (stap 1.1) een coördinator officieel
    aanstellen; het protocolakkoord verplicht de gemeente om er een met naam aan te wijzen.

Oplossing:
    Voeg de coördinator toe in actoren.yaml en zet zijn id bij ``coordinator`` in livb.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB206"
NAME = "coordinator-ontbreekt"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.1; protocolakkoord, verbintenissen van de gemeente")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when livb.yaml names no coordinator."""
    if context.project.instellingen.coordinator is None:
        yield Finding(
            "livb.yaml",
            (),
            tr("er is geen coördinator integrale veiligheid aangeduid"),
            tr("zet 'coordinator: <id>' in livb.yaml"),
        )
