"""Indicator zonder bron die het doeljaar dekt.

Wat het controleert:
    Elke indicator noemt de bron waarmee hij gemeten wordt, en die bron levert cijfers tot in
    het jaar van de streefwaarde (``laatste_jaar`` van de bron, als dat bekend is).

Waarom:
    Het CCV raadt aan bij het kiezen van doelen al na te gaan met welk meetinstrument ze
    gemeten worden. Een monitor die stopt vóór het doeljaar, maakt het doel onmeetbaar.

Oplossing:
    Vul ``bron`` in bij de indicator, of kies een bron die het doeljaar dekt.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import indicators

CODE = "LIVB404"
NAME = "indicator-zonder-bron"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, doelen: houd rekening met de beschikbare meetinstrumenten")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield indicators without a source, or whose source stops before the target year."""
    sources = {bron.id: bron for bron in context.project.bronnen.bronnen}
    for path, loc, indicator in indicators(context.project):
        if indicator.bron is None:
            yield Finding(
                path,
                (*loc, "id"),
                tr("indicator '{indicator}' noemt geen bron", indicator=indicator.id),
                tr("vul 'bron' in met een id uit diagnostiek/bronnen.yaml"),
            )
            continue
        bron = sources.get(indicator.bron)
        target = indicator.streefwaarde.jaar if indicator.streefwaarde else None
        if bron and bron.laatste_jaar and target and bron.laatste_jaar < target:
            yield Finding(
                path,
                (*loc, "bron"),
                tr(
                    "de bron '{bron}' levert cijfers tot {laatste_jaar}, de streefwaarde geldt "
                    "voor {target}",
                    bron=bron.id,
                    laatste_jaar=bron.laatste_jaar,
                    target=target,
                ),
                tr("kies een bron die het doeljaar dekt, of plan een eigen meting"),
            )
