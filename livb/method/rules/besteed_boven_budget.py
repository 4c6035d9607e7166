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
from livb.core.i18n import N_, tr
from livb.method.money import action_budget, spending_lines
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB224"
NAME = "besteed-boven-budget"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4: rapportering over de stand van zaken, ook financieel")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action that cost more than its budget, at its latest amount spent."""
    project = context.project
    costs = spending_lines(project, context.today)
    for _, _, actie in actions(project):
        own = [line for line in costs if line.actie == actie.id]
        budget = action_budget(actie)
        if budget is None or not own or sum(line.bedrag for line in own) <= budget:
            continue
        path, loc = own[-1].plaats
        years = sorted({line.jaar for line in own if line.jaar is not None})
        cost = money(sum(line.bedrag for line in own), whole=True)
        shown = money(budget, whole=True)
        yield Finding(
            path,
            loc,
            tr(
                "de actie '{actie}' kostte {kost} ({van}–{tot}), meer dan haar budget van {budget}",
                actie=actie.id,
                kost=cost,
                van=years[0],
                tot=years[-1],
                budget=shown,
            )
            if len(years) > 1
            else tr(
                "de actie '{actie}' kostte {kost} in {jaar}, meer dan haar budget van {budget}",
                actie=actie.id,
                kost=cost,
                jaar=years[0],
                budget=shown,
            ),
            tr("verbeter het bedrag, of pas het budget aan na een beslissing van het college"),
        )
