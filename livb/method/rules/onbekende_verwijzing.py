"""Onbekende verwijzing.

Wat het controleert:
    Elke id die naar iets anders in de map verwijst (een actor, een prioriteit, een
    vergadering, een bron, ...) moet daar ook bestaan.

Waarom:
    De documenten halen namen, functies en titels op via deze ids. Een tikfout in een id
    zou een lege plek of een verkeerde naam in een verslag of in het plan geven.

Voorbeeld:
    In organen.yaml staat ``projectleider: jan-peeters``, maar in actoren.yaml heet de
    actor ``jan-peters``.

Oplossing:
    Verbeter de id, of voeg de ontbrekende actor, prioriteit, ... toe in het juiste bestand.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.method.rules._base import Finding, RuleContext
from livb.method.rules._index import references

CODE = "LIVB101"
NAME = "onbekende-verwijzing"
SEVERITY = Severity.FOUT
METHODE = "livb: samenhang van de map"

_WHERE = {
    "actor": "actoren.yaml",
    "orgaan": "organen.yaml (projectgroepen, overleg) of kerngroep, redactiecomite, pilootcomite",
    "prioriteit": "prioriteiten.yaml",
    "vergadering": "de map vergaderingen/",
    "bron": "diagnostiek/bronnen.yaml",
    "reeks": "diagnostiek/cijfers.yaml",
    "bevinding": "diagnostiek/bevindingen.yaml",
    "swot": "swot.yaml",
    "ander plan": "plan.yaml onder 'afstemming'",
    "financieringsbron": "plan.yaml onder 'financiering'",
    "bewijs": "de diagnostiek of de map gesprekken/",
    "indicator": "de doelstellingen (doelstellingen/*.yaml)",
    "actie": "de doelstellingen (doelstellingen/*.yaml)",
}


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every reference to an id that is not defined."""
    index = context.index
    known: dict[str, set[str]] = {}
    for path, model in context.project.files.items():
        for loc, kind, value in references(model):
            if kind not in known:
                known[kind] = index.ids(kind)
            ids = known[kind]
            if value in ids:
                continue
            close = difflib.get_close_matches(value, sorted(ids), n=1, cutoff=0.6)
            message = f"onbekende {kind} '{value}'"
            if close:
                message += f"; bedoelde je '{close[0]}'?"
            yield Finding(
                path, loc, message, f"verbeter de id of voeg '{value}' toe in {_WHERE[kind]}"
            )
