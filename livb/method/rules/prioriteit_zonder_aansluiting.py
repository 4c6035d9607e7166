"""Prioriteit zonder aansluiting bij een hoger plan.

Wat het controleert:
    Elke prioriteit sluit aan bij een prioriteit van een ander plan (``aansluiting``, bv. het
    zonaal veiligheidsplan), noemt een thema van de Kadernota Integrale Veiligheid
    (``themas``), of is uitdrukkelijk louter lokaal (``lokaal: true``).

Waarom:
    Het CCV vraagt de relatie met nationale en regionale prioriteiten te tonen; zo ziet de
    raad waar het plan aansluit en waar het een eigen lokale keuze maakt.

Oplossing:
    Vul ``aansluiting`` of ``themas`` in, of zet ``lokaal: true``.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB402"
NAME = "prioriteit-zonder-aansluiting"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, lokale prioriteiten: relatie met nationale en regionale prioriteiten")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every priority tied to nothing and not marked local."""
    for position, p in enumerate(context.project.prioriteiten.prioriteiten):
        if not (p.aansluiting or p.themas or p.lokaal):
            yield Finding(
                "prioriteiten.yaml",
                ("prioriteiten", position, "id"),
                tr("de prioriteit '{p}' sluit bij geen ander plan of thema aan", p=p.id),
                tr("vul 'aansluiting' of 'themas' in, of zet 'lokaal: true'"),
            )
