"""Coördinator uit de politie.

Wat het controleert:
    De coördinator integrale veiligheid komt niet uit de politie.

Waarom:
    De handleiding raadt een coördinator uit de politie af: het risico is groot dat
    veiligheid dan vernauwd wordt tot politionele veiligheid. Een coördinator dicht bij de
    burgemeester en de algemeen directeur werkt makkelijker over de diensten heen.

Oplossing:
    Overweeg een coördinator in de staf van de algemeen directeur of het kabinet van de
    burgemeester. Is het een bewuste keuze, zet de regel dan uit in livb.yaml met de reden.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import actors
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import Rol, Sector

CODE = "LIVB207"
NAME = "coordinator-uit-politie"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, profiel van de coördinator (Tool A) en de keuze van de coördinator")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the coordinator is a police officer."""
    coordinator = actors(context.project).get(context.project.instellingen.coordinator or "")
    if coordinator and (
        coordinator.sector is Sector.POLITIE or coordinator.rol in (Rol.POLITIE, Rol.KORPSCHEF)
    ):
        yield Finding(
            "livb.yaml",
            ("coordinator",),
            tr(
                "de coördinator ({naam}) komt uit de politie",
                naam=coordinator.naam or coordinator.id,
            ),
            tr(
                "de methode raadt een coördinator buiten de politie aan; zet de regel uit in "
                "livb.yaml als dit een bewuste keuze is"
            ),
        )
