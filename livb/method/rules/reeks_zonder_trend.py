"""Cijferreeks zonder trend van drie jaar.

Wat het controleert:
    Elke cijferreeks van de diagnostiek heeft waarden voor minstens drie jaren.

Waarom:
    Eén of twee jaren tonen een toestand, geen trend; een piek of een dal is dan niet van een
    ontwikkeling te onderscheiden. Het CCV vraagt de dominante trends te beschrijven.

Oplossing:
    Vraag de cijfers van eerdere jaren op bij de bron, of vermeld in de ``toelichting``
    waarom er minder jaren zijn.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB405"
NAME = "reeks-zonder-trend"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, veiligheidsanalyse: dominante trends")
MINIMUM = 3


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every series with fewer than three years."""
    for position, reeks in enumerate(context.project.cijfers.reeksen):
        years = context.project.series.get(reeks.id, {})
        if len(years) < MINIMUM:
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "id"),
                tr(
                    "de reeks '{reeks}' heeft {aantal} jaar; een trend vraagt er minstens "
                    "{MINIMUM}",
                    reeks=reeks.id,
                    aantal=len(years),
                    MINIMUM=MINIMUM,
                ),
                tr("voeg eerdere jaren toe"),
            )
