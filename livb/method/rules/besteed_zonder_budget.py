"""Uitgaven voor een actie zonder budget.

Wat het controleert:
    Een actie waarvoor monitoring/ uitgaven noteert (``besteed`` groter dan nul), heeft een
    ``budget`` in doelstellingen/.

Waarom:
    Het jaarrapport zet wat elke actie kostte tegenover wat het plan haar gaf. Zonder budget
    valt er niets tegenover te zetten: de gemeenteraad ziet uitgaven die hij nooit toekende, en
    kan niet zien hoeveel er nog beschikbaar is.

Voorbeeld:
    monitoring/2011.yaml noteert ``besteed: 4000`` voor ``a-straathoekwerk``, maar die actie
    heeft geen ``budget`` in doelstellingen/samenleven.yaml.

Oplossing:
    Geef de actie het budget dat het college of de gemeenteraad haar toekende. Wordt ze
    bewust zonder eigen budget betaald (uit de werking van een dienst), zet de regel dan uit
    voor die actie (in livb.yaml, ``voor`` met de id van de actie) met de reden.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import money
from livb.core.i18n import N_, tr
from livb.method.money import action_budget, spending_lines
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB225"
NAME = "besteed-zonder-budget"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4: rapportering over de stand van zaken, ook financieel")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action without a budget that spent money, at its first amount spent."""
    project = context.project
    costs = [line for line in spending_lines(project, context.today) if line.bedrag]
    for _, _, actie in actions(project):
        own = [line for line in costs if line.actie == actie.id]
        if action_budget(actie) is not None or not own:
            continue
        path, loc = own[0].plaats
        yield Finding(
            path,
            loc,
            tr(
                "de actie '{actie}' kostte {kost}, maar het plan geeft haar geen budget",
                actie=actie.id,
                kost=money(sum(line.bedrag for line in own), whole=True),
            ),
            tr("geef de actie in doelstellingen/ het budget dat haar toegekend werd"),
        )
