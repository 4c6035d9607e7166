"""Actie zonder trekker of periode.

Wat het controleert:
    Elke actie heeft een trekker (een actor) en een start- en einddatum.

Waarom:
    Een actie zonder trekker is van niemand; een actie zonder periode kan niet opgevolgd
    worden. Het plan van aanpak vraagt bij elke maatregel wie en wanneer.

Oplossing:
    Vul ``trekker``, ``start`` en ``einde`` in.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB219"
NAME = "actie-zonder-trekker-of-periode"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 3.4; CCV, plan van aanpak: wie, wat, wanneer")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action without an owner or without start and end."""
    for path, loc, actie in actions(context.project):
        missing = [
            name
            for name, value in (
                ("trekker", actie.trekker),
                ("start", actie.start),
                ("einde", actie.einde),
            )
            if value is None
        ]
        if missing:
            yield Finding(
                path,
                (*loc, "id"),
                tr("actie '{actie}' mist {missing}", actie=actie.id, missing=", ".join(missing)),
                tr("geef elke actie een trekker en een periode"),
            )
