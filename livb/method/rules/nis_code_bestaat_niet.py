"""NIS-code bestaat niet.

Wat het controleert:
    De NIS-code in livb.yaml is die van een van de 565 Belgische gemeenten (lijst van
    Statbel, na de fusies van 1 januari 2025).

Waarom:
    De NIS-code is de vaste sleutel van een gemeente bij Statbel, de politie en de FOD.
    Een code die niet bestaat, of de code van een gemeente die intussen gefusioneerd is,
    maakt cijfers en documenten onbetrouwbaar.

Voorbeeld:
    ``nis_code: 23072`` (bestaat niet) in plaats van ``nis_code: 23027`` (Halle).

Oplossing:
    Zoek de code op bij Statbel, of laat ``livb init`` ze opzoeken met de naam van de gemeente.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.folder import gemeenten
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB104"
NAME = "nis-code-bestaat-niet"
SEVERITY = Severity.FOUT
METHODE = N_("Statbel, REFNIS-codes van 1 januari 2025")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the NIS code is not that of an existing municipality."""
    gemeente = context.project.instellingen.gemeente
    if gemeente.nis_code is None or gemeenten.by_nis(gemeente.nis_code) is not None:
        return
    hint = tr("zoek de juiste code op in de lijst van Statbel")
    found = gemeenten.lookup(gemeente.naam)
    if found.gemeente is not None:
        hint = tr(
            "{gemeente} heeft NIS-code {nis}",
            gemeente=found.gemeente.naam_nl,
            nis=found.gemeente.nis,
        )
    yield Finding(
        "livb.yaml",
        ("gemeente", "nis_code"),
        tr(
            "de NIS-code {nis_code} bestaat niet (of niet meer, na de fusies van 2025)",
            nis_code=gemeente.nis_code,
        ),
        hint,
    )
