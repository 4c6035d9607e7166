"""Verslag van de vorige vergadering niet goedgekeurd.

Wat het controleert:
    Elke gehouden vergadering van een orgaan keurt het verslag van de vorige gehouden
    vergadering van datzelfde orgaan goed (``keurt_verslag_goed``). Open bijeenkomsten (een
    hoorzitting of een forum onder ``overleg`` in organen.yaml) tellen niet: daar keurt
    niemand later het verslag goed.

Waarom:
    De methode raadt aan elke vergadering te beginnen met de goedkeuring van het vorige
    verslag en een overzicht van de gezette stappen; zo blijft iedereen mee met het proces.

Oplossing:
    Zet ``keurt_verslag_goed: <id van de vorige vergadering>`` in de vergadering en voeg het
    agendapunt toe.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import held, is_open_session
from livb.method.rules._base import Finding, RuleContext
from livb.model.vergadering import Vergadering

CODE = "LIVB301"
NAME = "vorig-verslag-niet-goedgekeurd"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, goede reflexen: begin met de goedkeuring van het vorige verslag")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every held meeting that does not approve the previous meeting of its body."""
    by_body: dict[str, list[tuple[str, Vergadering]]] = {}
    meetings = sorted(context.project.vergaderingen.items(), key=lambda i: (i[1].datum, i[0]))
    for id_, vergadering in meetings:
        if held(vergadering, context.today) and not is_open_session(context.project, vergadering):
            by_body.setdefault(vergadering.orgaan, []).append((id_, vergadering))
    for items in by_body.values():
        for (previous, _), (id_, vergadering) in pairwise(items):
            if previous not in vergadering.keurt_verslag_goed:
                yield Finding(
                    f"vergaderingen/{id_}.yaml",
                    ("keurt_verslag_goed",),
                    tr(
                        "het verslag van de vorige vergadering ({previous}) werd niet goedgekeurd",
                        previous=previous,
                    ),
                    tr("zet 'keurt_verslag_goed: {previous}'", previous=previous),
                )
