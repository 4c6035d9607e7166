"""NIS-code en naam passen niet bij elkaar.

Wat het controleert:
    De naam en de provincie in livb.yaml zijn die van de gemeente met de opgegeven NIS-code.

Waarom:
    Een code die bij een andere gemeente hoort, is meestal een kopieerfout uit de map van
    een andere gemeente.

Voorbeeld:
    ``naam: Halle`` met ``nis_code: 23088`` (Vilvoorde).

Oplossing:
    Verbeter de code of de naam.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.folder import gemeenten
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB105"
NAME = "nis-code-andere-gemeente"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Statbel, REFNIS-codes van 1 januari 2025")


def _same(a: str, b: str) -> bool:
    return a.casefold().replace("-", " ") == b.casefold().replace("-", " ")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield findings when name or province differ from Statbel's for the NIS code."""
    gemeente = context.project.instellingen.gemeente
    official = gemeenten.by_nis(gemeente.nis_code) if gemeente.nis_code else None
    if official is None:
        return
    if not (_same(gemeente.naam, official.naam_nl) or _same(gemeente.naam, official.naam_fr)):
        yield Finding(
            "livb.yaml",
            ("gemeente", "naam"),
            tr(
                "NIS-code {nis} is {naam_nl}, niet '{naam}'",
                nis=official.nis,
                naam_nl=official.naam_nl,
                naam=gemeente.naam,
            ),
            tr("verbeter de naam of de NIS-code"),
        )
    if (
        gemeente.provincie
        and official.provincie
        and not any(
            _same(gemeente.provincie.removeprefix("Provincie "), name)
            for name in (official.provincie, gemeenten.PROVINCES_FR.get(official.provincie, ""))
        )
    ):
        yield Finding(
            "livb.yaml",
            ("gemeente", "provincie"),
            tr(
                "{eigen_naam} ligt in de provincie {eigen_provincie}, niet in '{provincie}'",
                eigen_naam=official.eigen_naam,
                eigen_provincie=official.eigen_provincie,
                provincie=gemeente.provincie,
            ),
            tr("schrijf 'provincie: {eigen_provincie}'", eigen_provincie=official.eigen_provincie),
        )
