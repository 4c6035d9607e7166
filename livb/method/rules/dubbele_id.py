"""Dubbele id.

Wat het controleert:
    Een id mag maar één keer gebruikt worden binnen zijn soort: twee actoren, twee
    prioriteiten of twee acties met dezelfde id zijn niet toegelaten.

Waarom:
    Elke verwijzing moet naar precies één ding wijzen. Met twee keer dezelfde id weet
    livb (en de lezer) niet welke bedoeld is.

Voorbeeld:
    Twee acties met ``id: a1`` in doelstellingen/overlast.yaml en doelstellingen/verkeer.yaml.

Oplossing:
    Geef een van beide een andere id en pas de verwijzingen ernaar aan.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.method.rules._index import KIND_NAMES

CODE = "LIVB102"
NAME = "dubbele-id"
SEVERITY = Severity.FOUT
METHODE = N_("livb: samenhang van de map")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every definition of an id after the first of its kind."""
    for kind, ids in context.index.defined.items():
        for id_, places in ids.items():
            first = places[0]
            for path, loc in places[1:]:
                yield Finding(
                    path,
                    loc,
                    tr(
                        "de id '{id}' is al gebruikt voor een andere {soort}",
                        id=id_,
                        soort=tr(KIND_NAMES.get(kind, kind)),
                    ),
                    tr("kies een andere id"),
                    related=first,
                )
