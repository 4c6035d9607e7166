"""Meer gepland dan de bron toekent.

Wat het controleert:
    Wat de acties samen in een jaar uit een financieringsbron plannen (``middelen``), is niet
    meer dan wat die bron dat jaar toekent (``toegekend`` in plan.yaml). Noemt ``toegekend``
    andere jaren maar dit jaar niet, dan kent de bron dat jaar niets toe.

Waarom:
    Een subsidie betaalt niet meer dan haar toekenning: het verschil komt uit de eigen
    middelen, en dat beslist het college, niet het plan. Het federaal preventieplan en de
    Vlaamse subsidies rekenen per jaar af.

Voorbeeld:
    ``svpp`` kent in 2026 120.000 euro toe; de acties plannen er in 2026 samen 135.000 euro uit.

Oplossing:
    Verdeel de bedragen opnieuw over de jaren of de bronnen, of zet het verschil op de eigen
    middelen na een beslissing van het college.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.formatting import money
from livb.core.i18n import N_, tr
from livb.method.money import Line, budget_lines, sources
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB410"
NAME = "boven-toekenning"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Financiering: een bron betaalt per jaar wat ze toekent")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield each (year, source) whose planned amounts exceed the grant, at its last amount."""
    declared = sources(context.project)
    planned: dict[tuple[int, str], list[Line]] = {}
    for line in budget_lines(context.project):
        bron = declared.get(line.bron)
        if line.jaar is None or bron is None or not bron.toegekend:
            continue
        planned.setdefault((line.jaar, line.bron), []).append(line)
    for (jaar, bron_id), lines in sorted(planned.items()):
        granted = declared[bron_id].toegekend.get(jaar, 0.0)
        amount = sum(line.bedrag for line in lines)
        if amount <= granted:
            continue
        path, loc = lines[-1].plaats
        yield Finding(
            path,
            loc,
            tr(
                "de acties plannen in {jaar} {amount} uit '{bron_id}', meer dan de {granted} "
                "die de bron dat jaar toekent",
                jaar=jaar,
                amount=money(amount, whole=True),
                bron_id=bron_id,
                granted=money(granted, whole=True),
            ),
            tr("verdeel de bedragen opnieuw, of zet het verschil op de eigen middelen"),
        )
