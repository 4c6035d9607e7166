"""Budget in de oude vorm, naast financieringsbronnen.

Wat het controleert:
    Een map die in plan.yaml financieringsbronnen opgeeft (``financiering``), geeft het geld
    van elke actie per jaar en per bron (``middelen``), niet als één ``budget``.

Waarom:
    Eén ``budget`` geldt voor de hele looptijd en telt als eigen middelen. Dat blijft werken,
    maar de begroting kan het bedrag dan over geen enkel jaar verdelen, en een subsidie ziet
    niet welke acties ze betaalt. Een map zonder financieringsbronnen krijgt deze melding niet.

Voorbeeld:
    plan.yaml noemt de bron ``svpp``; de actie ``a-premie`` heeft ``budget: 20000``.

Oplossing:
    Vervang ``budget`` door ``middelen``, één bedrag per jaar en per bron, bv.
    ``- {jaar: 2026, bron: eigen, bedrag: 10000}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import money
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB413"
NAME = "budget-zonder-jaren"
SEVERITY = Severity.INFO
METHODE = N_("Financiering: geld per jaar en per bron")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every old-form budget in a folder that declares funding sources."""
    if not context.project.plan.financiering:
        return
    for path, loc, actie in actions(context.project):
        if actie.budget is not None:
            yield Finding(
                path,
                (*loc, "budget"),
                tr(
                    "de actie '{actie}' heeft één budget ({budget}) voor de hele looptijd, uit "
                    "eigen middelen",
                    actie=actie.id,
                    budget=money(actie.budget, whole=True),
                ),
                tr("geef het geld per jaar en per bron onder 'middelen'"),
                at_key=True,
            )
