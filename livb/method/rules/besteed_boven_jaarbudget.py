"""Meer uitgegeven dan het budget van dat jaar.

Wat het controleert:
    Voor een actie met ``middelen`` per jaar en per bron: wat monitoring/JJJJ.yaml in een jaar
    uitgaf, is niet meer dan wat de actie dat jaar krijgt; en wat ze uit een bron uitgaf
    (``uitgaven``), niet meer dan wat ze dat jaar uit die bron krijgt.

Waarom:
    Het totaal over de hele looptijd (regel LIVB224) ziet een overschrijding pas als het
    geld op is. Een subsidie rekent per jaar af: wat een jaar te veel uitgeeft, betaalt de
    subsidie niet, en de financiële dienst moet het weten vóór de jaarrekening.

Voorbeeld:
    ``a-straathoekwerk`` krijgt in 2027 30.000 euro uit ``svpp``; monitoring/2027.yaml noteert
    32.500 euro uit ``svpp``.

Oplossing:
    Verbeter het bedrag of de bron van de uitgave, of pas de middelen van de actie aan na een
    beslissing van het college.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import money
from livb.core.i18n import N_, tr
from livb.method.money import ZONDER_BRON, Line, budget_lines, spending_lines
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions

CODE = "LIVB412"
NAME = "besteed-boven-jaarbudget"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4: rapportering over de stand van zaken, ook financieel")

Key = tuple[str, int | None, str]


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield each action's year, or else its year and source, that spent more than it got."""
    project = context.project
    per_year = {actie.id for _, _, actie in actions(project) if actie.middelen}
    budget: dict[Key, float] = {}
    for line in budget_lines(project):
        budget[_key(line)] = budget.get(_key(line), 0.0) + line.bedrag
    spent: dict[Key, list[Line]] = {}
    for line in spending_lines(project, context.today):
        if line.actie in per_year:
            spent.setdefault(_key(line), []).append(line)
    years: dict[tuple[str, int | None], list[Line]] = {}
    for (actie, jaar, _), lines in spent.items():
        years.setdefault((actie, jaar), []).extend(lines)
    for (actie, jaar), lines in years.items():
        amount = sum(line.bedrag for line in lines)
        given = sum(v for (a, j, _), v in budget.items() if (a, j) == (actie, jaar))
        if amount > given:
            yield _finding(
                lines,
                tr(
                    "de actie '{actie}' gaf in {jaar} {amount} uit, meer dan haar budget van "
                    "{given} voor dat jaar",
                    actie=actie,
                    jaar=jaar,
                    amount=_euro(amount),
                    given=_euro(given),
                ),
            )
            continue
        for (a, j, bron), own in spent.items():
            if (a, j) != (actie, jaar) or bron == ZONDER_BRON:
                continue
            amount, given = sum(line.bedrag for line in own), budget.get((a, j, bron), 0.0)
            if amount > given:
                yield _finding(
                    own,
                    tr(
                        "de actie '{actie}' gaf in {jaar} {amount} uit '{bron}' uit, meer dan "
                        "de {given} die ze dat jaar uit die bron krijgt",
                        actie=actie,
                        jaar=jaar,
                        amount=_euro(amount),
                        bron=bron,
                        given=_euro(given),
                    ),
                )


def _key(line: Line) -> Key:
    return line.actie, line.jaar, line.bron


def _euro(amount: float) -> str:
    return money(amount, whole=True)


def _finding(lines: list[Line], message: str) -> Finding:
    path, loc = lines[-1].plaats
    return Finding(
        path,
        loc,
        message,
        tr("verbeter het bedrag of de bron, of pas de middelen van de actie aan"),
    )
