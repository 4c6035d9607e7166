"""Indicator zonder meting.

Wat het controleert:
    Een jaar nadat de gemeenteraad het plan goedkeurde, heeft elke indicator minstens één
    meting in monitoring/JJJJ.yaml (onder ``metingen``, met datum en bron). Werd nog geen
    enkele indicator gemeten, dan is er één melding voor het hele plan.

Waarom:
    Een indicator die niemand meet, zegt niets over het plan. De methode vraagt in fase 4 en
    5 de opvolging van de resultaten, en de tussentijdse evaluatie heeft cijfers nodig om te
    zeggen of een doelstelling op koers is.

Voorbeeld:
    De indicator ``i-bemiddelingen`` staat in doelstellingen/samenleven.yaml, maar geen
    enkel bestand in monitoring/ noteert een waarde ervan.

Oplossing:
    Noteer de waarde in monitoring/JJJJ.yaml (``livb new monitoring --jaar JJJJ`` zet alle
    indicatoren klaar); kan de indicator niet gemeten worden, kies dan een andere.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.dates import months_later
from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.method.queries import measurements, plan_approved
from livb.method.rules._base import Finding, RuleContext
from livb.model._tijd import eerste_dag
from livb.model.walk import indicators

CODE = "LIVB223"
NAME = "indicator-zonder-meting"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4 en 5: de resultaten opvolgen; CCV, doelen: meetbaar")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every indicator without a measurement a year after the plan's approval."""
    approved = plan_approved(context.project, context.today)
    if approved is None:
        return
    due = months_later(eerste_dag(approved.datum), 12)
    if context.today < due:
        return
    measured = measurements(context.project, context.today)
    unmeasured = [
        (path, loc, indicator)
        for path, loc, indicator in indicators(context.project)
        if not measured.get(indicator.id)
    ]
    hint = tr(
        "noteer de waarden in monitoring/JJJJ.yaml onder 'metingen' "
        "(livb new monitoring --jaar JJJJ)"
    )
    if unmeasured and not any(measured.values()):
        path, loc, _ = unmeasured[0]
        yield Finding(
            path,
            (*loc, "id"),
            tr(
                "geen enkele van de {count} van het plan heeft een meting, meer dan een jaar "
                "na de goedkeuring ({datum})",
                count=count(len(unmeasured), tr("indicator"), tr("indicatoren")),
                datum=approved.datum,
            ),
            hint,
        )
        return
    for path, loc, indicator in unmeasured:
        yield Finding(
            path,
            (*loc, "id"),
            tr(
                "de indicator '{indicator}' heeft geen enkele meting, meer dan een jaar na de "
                "goedkeuring van het plan ({datum})",
                indicator=indicator.id,
                datum=approved.datum,
            ),
            hint,
        )
