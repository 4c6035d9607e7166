"""Onvolledig laatste jaar niet aangeduid.

Wat het controleert:
    Als een bron (of de tabel van de reeks) afgesloten werd (``afsluitdatum``) tijdens het
    laatste jaar van een reeks, dan is dat jaar onvolledig; de reeks moet dat zeggen met
    ``onvolledig_jaar``.

Waarom:
    De politiële criminaliteitsstatistieken tonen het lopende jaar vaak maar tot de
    afsluitdatum. Wie dat jaar naast de volledige jaren zet, ziet een daling die er niet is.

Oplossing:
    Zet ``onvolledig_jaar: JJJJ`` bij de reeks (de documenten markeren het dan), of laat het
    jaar weg.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB406"
NAME = "onvolledig-jaar"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Politiële criminaliteitsstatistieken: het laatste jaar kan onvolledig zijn")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every series whose last year ends after its source's cut-off date, unflagged."""
    sources = {bron.id: bron for bron in context.project.bronnen.bronnen}
    for position, reeks in enumerate(context.project.cijfers.reeksen):
        bron = sources.get(reeks.bron)
        years = context.project.series.get(reeks.id, {})
        cutoff = reeks.afsluitdatum or (bron.afsluitdatum if bron else None)
        if not years or bron is None or cutoff is None:
            continue
        last = max(years)
        if last >= cutoff.year and reeks.onvolledig_jaar != last:
            yield Finding(
                "diagnostiek/cijfers.yaml",
                ("reeksen", position, "id"),
                tr(
                    "de bron '{bron}' werd afgesloten op {cutoff}; {last} is dus onvolledig",
                    bron=bron.id,
                    cutoff=cutoff,
                    last=last,
                ),
                tr("zet 'onvolledig_jaar: {last}' of laat {last} weg", last=last),
            )
