"""Deadline buiten de planperiode.

Wat het controleert:
    De deadlines van de indicatoren en de periodes van de acties vallen binnen de periode
    van het plan (``beleid: periode`` in livb.yaml).

Waarom:
    Een doel dat pas na het plan bereikt moet zijn, kan binnen het plan niet geëvalueerd
    worden; een actie die vóór het plan begint, hoort er niet in.

Oplossing:
    Pas de datum aan, of de periode van het plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import actions, indicators

CODE = "LIVB403"
NAME = "deadline-buiten-planperiode"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, doelen: tijdgebonden binnen de looptijd van het plan")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield deadlines and action dates outside the plan period."""
    periode = context.project.instellingen.beleid.periode
    if periode is None:
        return
    span = f"{periode.van} – {periode.tot}"
    for path, loc, indicator in indicators(context.project):
        if indicator.deadline and not periode.van <= indicator.deadline <= periode.tot:
            yield Finding(
                path,
                (*loc, "deadline"),
                tr(
                    "de deadline {deadline} valt buiten de planperiode ({span})",
                    deadline=indicator.deadline,
                    span=span,
                ),
                tr("kies een deadline binnen de planperiode"),
            )
    for path, loc, actie in actions(context.project):
        if actie.einde and actie.einde > periode.tot:
            yield Finding(
                path,
                (*loc, "einde"),
                tr(
                    "de actie '{actie}' loopt tot {einde}, na het einde van het plan",
                    actie=actie.id,
                    einde=actie.einde,
                ),
                tr("laat de actie binnen de planperiode eindigen"),
            )
        if actie.start and actie.start < periode.van:
            yield Finding(
                path,
                (*loc, "start"),
                tr(
                    "de actie '{actie}' begint op {start}, vóór het plan",
                    actie=actie.id,
                    start=actie.start,
                ),
                tr("laat de actie binnen de planperiode beginnen"),
            )
