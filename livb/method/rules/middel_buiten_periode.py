"""Geld in een jaar buiten de planperiode of de looptijd van de bron.

Wat het controleert:
    Het jaar van elk bedrag onder ``middelen`` valt binnen de planperiode (``beleid:
    periode`` in livb.yaml) en binnen de looptijd van de bron (``periode`` in plan.yaml).

Waarom:
    Geld buiten de planperiode hoort bij een ander plan, en een bron betaalt niet buiten
    haar looptijd. Een verkeerd jaar is bijna altijd een tikfout, en telt dan mee in de
    verkeerde begroting.

Voorbeeld:
    De planperiode loopt van 2026 tot 2031; een actie plant 5.000 euro in 2032.

Oplossing:
    Verbeter het jaar, of verschuif het bedrag naar een jaar binnen de periode.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.money import sources
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB411"
NAME = "middel-buiten-periode"
SEVERITY = Severity.FOUT
METHODE = N_("Financiering: elk bedrag hoort bij een jaar van het plan en van de bron")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield each amount whose year lies outside the plan period or its source's period."""
    plan = context.project.instellingen.beleid.periode
    declared = sources(context.project)
    for path, loc, actie in actions(context.project):
        for i, middel in enumerate(actie.middelen):
            where = (path, (*loc, "middelen", i, "jaar"))
            if plan is not None and not plan.van.year <= middel.jaar <= plan.tot.year:
                yield Finding(
                    *where,
                    tr(
                        "de actie '{actie}' plant geld in {jaar}, buiten de planperiode "
                        "({van}–{tot})",
                        actie=actie.id,
                        jaar=middel.jaar,
                        van=plan.van.year,
                        tot=plan.tot.year,
                    ),
                    tr("verbeter het jaar, of kies een jaar binnen de planperiode"),
                )
                continue
            bron = declared.get(middel.bron)
            if bron is not None and bron.periode is not None:
                van, tot = bron.periode.van.year, bron.periode.tot.year
                if not van <= middel.jaar <= tot:
                    yield Finding(
                        *where,
                        tr(
                            "de actie '{actie}' plant geld uit '{bron}' in {jaar}, buiten de "
                            "looptijd van die bron ({van}–{tot})",
                            actie=actie.id,
                            bron=bron.id,
                            jaar=middel.jaar,
                            van=van,
                            tot=tot,
                        ),
                        tr("verbeter het jaar, of kies een bron die dat jaar betaalt"),
                    )
