"""Actie duurder dan haar budget.

Wat het controleert:
    Wat een actie volgens monitoring/ kostte (``besteed``, opgeteld over de jaren), is niet
    meer dan het ``budget`` dat het plan haar gaf in doelstellingen/.

Waarom:
    De gemeenteraad keurde het plan met zijn budget goed. Het jaarrapport zet de uitgaven
    tegenover dat budget; een overschrijding hoort het college te kennen en te aanvaarden
    vóór ze in een rapport opduikt.

Voorbeeld:
    De actie ``a-jeugdhoek`` heeft een budget van 25.000 euro; monitoring/2010.yaml en
    monitoring/2011.yaml noteren samen 27.500 euro.

Oplossing:
    Verbeter het bedrag, of pas het budget van de actie aan na een beslissing van het
    college. Is de overschrijding aanvaard, zet de regel dan uit voor die actie (in
    livb.yaml, ``voor`` met de id van de actie) met de reden.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import money
from livb.method.queries import monitoring_years, spent
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB224"
NAME = "besteed-boven-budget"
SEVERITY = Severity.WAARSCHUWING
METHODE = "Methode, fase 4: rapportering over de stand van zaken, ook financieel"


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action that cost more than its budget, at its latest amount spent."""
    project = context.project
    costs = spent(project, context.today)
    for _, _, actie in actions(project):
        per_year = costs.get(actie.id)
        if actie.budget is None or not per_year or sum(per_year.values()) <= actie.budget:
            continue
        year = max(per_year)
        index = max(
            i
            for i, stand in enumerate(project.monitoring[year].acties)
            if stand.actie == actie.id and stand.besteed is not None
        )
        years = [y for y in monitoring_years(project, context.today) if y in per_year]
        cost, budget = money(sum(per_year.values()), whole=True), money(actie.budget, whole=True)
        yield Finding(
            f"monitoring/{year}.yaml",
            ("acties", index, "besteed"),
            f"de actie '{actie.id}' kostte {cost} ({years[0]}–{years[-1]}), "
            f"meer dan haar budget van {budget}"
            if len(years) > 1
            else f"de actie '{actie.id}' kostte {cost} in {years[0]}, "
            f"meer dan haar budget van {budget}",
            "verbeter het bedrag, of pas het budget aan na een beslissing van het college",
        )
