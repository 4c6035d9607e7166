"""NIS-code ontbreekt.

Wat het controleert:
    livb.yaml vermeldt de NIS-code van de gemeente.

Waarom:
    Met de NIS-code weet livb zeker om welke gemeente het gaat (na de fusies van 2025
    zijn sommige namen verdwenen) en kan het de officiële naam en provincie gebruiken.

Oplossing:
    Vul ``nis_code`` in onder ``gemeente`` in livb.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.folder import gemeenten
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB106"
NAME = "nis-code-ontbreekt"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Statbel, REFNIS-codes van 1 januari 2025")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when livb.yaml has no NIS code."""
    gemeente = context.project.instellingen.gemeente
    if gemeente.nis_code is not None:
        return
    found = gemeenten.lookup(gemeente.naam)
    if found.gemeente is not None:
        hint = tr(
            "voor {gemeente} is dat 'nis_code: {nis}'",
            gemeente=found.gemeente.naam_nl,
            nis=found.gemeente.nis,
        )
    elif found.suggestions:
        names = ", ".join(f"{g.naam_nl} ({g.nis})" for g in found.suggestions)
        hint = tr("{melding}; bedoelde je {namen}?", melding=found.message, namen=names)
    else:
        hint = tr("{melding}; zoek de code op bij Statbel", melding=found.message)
    yield Finding("livb.yaml", ("gemeente",), tr("de NIS-code van de gemeente ontbreekt"), hint)
