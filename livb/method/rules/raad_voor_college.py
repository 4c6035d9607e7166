"""Gemeenteraad vóór het college.

Wat het controleert:
    Het plan (en een intentieverklaring) wordt eerst door het college goedgekeurd en pas
    daarna door de gemeenteraad.

    Een datum die alleen de maand of het jaar noemt (``2008-03``), geeft het voordeel van de
    twijfel: de regel meldt alleen wat zeker in de verkeerde volgorde staat.

Waarom:
    Het college legt het plan voor aan de gemeenteraad (stap 3.6), soms via een
    raadscommissie; een goedkeuring door de raad zonder voorafgaande collegebeslissing wijst
    op een ontbrekende of foute datum.

Oplossing:
    Voeg de beslissing van het college toe in besluiten.yaml, of verbeter de data.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import decisions
from livb.method.rules._base import Finding, RuleContext
from livb.model._tijd import kan_voor
from livb.model.besluiten import Instantie, Onderwerp

CODE = "LIVB312"
NAME = "raad-voor-college"
SEVERITY = Severity.FOUT
METHODE = N_("Methode, stap 3.6 (en 1.4): eerst het college, dan de gemeenteraad")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every council approval without an earlier college approval of the same subject."""
    project = context.project
    positions = {id(b): i for i, b in enumerate(project.besluiten.besluiten)}
    for onderwerp in (Onderwerp.PLAN, Onderwerp.INTENTIEVERKLARING):
        college = decisions(project, onderwerp, (Instantie.COLLEGE,))
        for raad in decisions(project, onderwerp, (Instantie.GEMEENTERAAD,)):
            if not any(kan_voor(c.datum, raad.datum) for c in college):
                yield Finding(
                    "besluiten.yaml",
                    ("besluiten", positions[id(raad)], "datum"),
                    tr(
                        "de gemeenteraad keurde '{onderwerp}' goed op {datum} zonder eerdere "
                        "goedkeuring door het college",
                        onderwerp=onderwerp.value,
                        datum=raad.datum,
                    ),
                    tr("voeg de beslissing van het college toe of verbeter de datum"),
                )
