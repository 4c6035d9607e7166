"""Aanwezig en verontschuldigd tegelijk.

Wat het controleert:
    Niemand staat in dezelfde vergadering zowel bij ``aanwezig`` als bij ``verontschuldigd``.

Waarom:
    Het verslag vermeldt wie er was; iemand kan niet beide zijn.

Oplossing:
    Schrap de persoon uit een van beide lijsten.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB107"
NAME = "aanwezig-en-verontschuldigd"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, goede reflexen bij vergaderingen")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every actor listed as both present and excused in one meeting."""
    for id_, vergadering in context.project.vergaderingen.items():
        present = set(vergadering.aanwezig)
        for position, actor in enumerate(vergadering.verontschuldigd):
            if actor in present:
                yield Finding(
                    f"vergaderingen/{id_}.yaml",
                    ("verontschuldigd", position),
                    tr("'{actor}' staat ook bij de aanwezigen", actor=actor),
                    tr("schrap de persoon uit een van beide lijsten"),
                )
