"""Burgemeester niet in de kerngroep.

Wat het controleert:
    De burgemeester of een afgevaardigde (een schepen) zit in de kerngroep.

Waarom:
    De burgemeester is de regisseur van het lokaal integraal veiligheidsbeleid. Zonder
    bestuurlijke trekker in de kerngroep mist het overleg gezag en draagvlak.

Oplossing:
    Neem de burgemeester, of de schepen die hij afvaardigt, op in ``kerngroep: leden``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import kerngroep
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import Rol

CODE = "LIVB204"
NAME = "kerngroep-zonder-burgemeester"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.5 en protocolakkoord: de burgemeester als regisseur")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when neither the mayor nor a schepen sits in the kerngroep."""
    members = kerngroep(context.project)
    if members and not any(a.rol in (Rol.BURGEMEESTER, Rol.SCHEPEN) for a in members):
        yield Finding(
            "organen.yaml",
            ("kerngroep", "leden"),
            tr("de burgemeester (of een schepen als afgevaardigde) zit niet in de kerngroep"),
            tr("voeg de burgemeester toe aan kerngroep: leden"),
        )
