"""Bevinding zonder bron.

Wat het controleert:
    Elke bevinding van de diagnostiek verwijst naar minstens één cijferreeks of gegevensbron.

Waarom:
    Een vaststelling zonder bron is een mening. Het CCV vraagt bij elke bevinding de bron te
    noemen, zodat partners ze kunnen nagaan en later opnieuw meten.

Oplossing:
    Vul ``reeksen`` of ``bronnen`` in bij de bevinding.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB215"
NAME = "bevinding-zonder-bron"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, veiligheidsanalyse: benoem de gegevensbronnen")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every finding without a series or a source."""
    for position, bevinding in enumerate(context.project.bevindingen.bevindingen):
        if not bevinding.reeksen and not bevinding.bronnen:
            yield Finding(
                "diagnostiek/bevindingen.yaml",
                ("bevindingen", position, "id"),
                tr(
                    "de bevinding '{bevinding}' noemt geen cijferreeks en geen bron",
                    bevinding=bevinding.id,
                ),
                tr("vul 'reeksen' of 'bronnen' in"),
            )
