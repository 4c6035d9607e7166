"""Kerngroep alleen politie en stadsdiensten.

Wat het controleert:
    De kerngroep telt minstens één partner buiten het bestuur, de politie en de
    gemeentediensten: welzijn (OCMW), justitie, jeugd, onderwijs, het middenveld, ...

Waarom:
    Veiligheid is geen monopolie van politie en stad. De methode wijst op partners zoals de
    OCMW-voorzitter, het straathoekwerk, handelaars en buurtverenigingen.

Oplossing:
    Neem een partner uit een andere sector op, en noteer de ``sector`` van elke actor.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import kerngroep
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import Sector

CODE = "LIVB205"
NAME = "kerngroep-te-smal"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.5: ook actoren buiten politie en stadsdiensten")
NARROW = {Sector.BESTUUR, Sector.POLITIE, Sector.GEMEENTEDIENSTEN}


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when every kerngroep member is from government, police or city services."""
    members = kerngroep(context.project)
    known = [a for a in members if a.sector is not None]
    if known and all(a.sector in NARROW for a in known):
        yield Finding(
            "organen.yaml",
            ("kerngroep", "leden"),
            tr("de kerngroep bestaat alleen uit bestuur, politie en stadsdiensten"),
            tr("neem bv. welzijn (OCMW), justitie of een partner uit het middenveld op"),
        )
