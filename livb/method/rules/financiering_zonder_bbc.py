"""Gefinancierde actie zonder plaats in het meerjarenplan.

Wat het controleert:
    Een actie die geld krijgt per jaar en per bron (``middelen``), zegt onder ``bbc`` waar ze
    in het meerjarenplan staat: beleidsdoelstelling, actieplan, actie of beleidsveld.

Waarom:
    Het geld van een actie loopt langs het meerjarenplan van de beleids- en beheerscyclus
    (BBC), ook het geld van een subsidie. De financiële dienst vraagt welke actie van het
    meerjarenplan een actie van het veiligheidsplan betaalt; zonder die koppeling zoekt de
    coördinator het telkens opnieuw uit, en een begrotingswijziging mist de actie.

Voorbeeld:
    De actie ``a-straathoekwerk`` krijgt 30.000 euro per jaar uit ``svpp``, maar heeft geen
    ``bbc``.

Oplossing:
    Vraag de financiële dienst de codes en zet ze bij de actie, bv.
    ``bbc: {beleidsdoelstelling: BD3, actieplan: AP3.2, actie: AC3.2.1}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB409"
NAME = "financiering-zonder-bbc"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Afstemming met het meerjarenplan (BBC): welke actie betaalt welke actie")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action with amounts per year and source but no BBC code."""
    for path, loc, actie in actions(context.project):
        if actie.middelen and (actie.bbc is None or actie.bbc.leeg):
            yield Finding(
                path,
                (*loc, "bbc") if actie.bbc is not None else (*loc, "middelen"),
                tr(
                    "de actie '{actie}' krijgt geld, maar zegt niet waar ze in het "
                    "meerjarenplan staat",
                    actie=actie.id,
                ),
                tr(
                    "geef onder 'bbc' de beleidsdoelstelling, het actieplan of de actie van "
                    "het meerjarenplan"
                ),
                at_key=True,
            )
