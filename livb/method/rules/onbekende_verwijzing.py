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
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.method.rules._index import KIND_NAMES, references

CODE = "LIVB101"
NAME = "onbekende-verwijzing"
SEVERITY = Severity.FOUT
METHODE = N_("livb: samenhang van de map")

_WHERE = {
    "actor": "actoren.yaml",
    "orgaan": N_(
        "organen.yaml (projectgroepen, overleg) of kerngroep, redactiecomite, pilootcomite"
    ),
    "prioriteit": "prioriteiten.yaml",
    "vergadering": N_("de map vergaderingen/"),
    "bron": "diagnostiek/bronnen.yaml",
    "reeks": "diagnostiek/cijfers.yaml",
    "bevinding": "diagnostiek/bevindingen.yaml",
    "swot": "swot.yaml",
    "ander plan": N_("plan.yaml onder 'afstemming'"),
    "financieringsbron": N_("plan.yaml onder 'financiering'"),
    "bewijs": N_("de diagnostiek of de map gesprekken/"),
    "indicator": N_("de doelstellingen (doelstellingen/*.yaml)"),
    "actie": N_("de doelstellingen (doelstellingen/*.yaml)"),
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
            name = tr(KIND_NAMES.get(kind, kind))
            message = (
                tr(
                    "onbekende {soort} '{id}'; bedoelde je '{bedoeld}'?",
                    soort=name,
                    id=value,
                    bedoeld=close[0],
                )
                if close
                else tr("onbekende {soort} '{id}'", soort=name, id=value)
            )
            yield Finding(
                path,
                loc,
                message,
                tr(
                    "verbeter de id of voeg '{id}' toe in {waar}",
                    id=value,
                    waar=tr(_WHERE[kind]),
                ),
            )
