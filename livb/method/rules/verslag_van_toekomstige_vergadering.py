"""Verslag van een vergadering die nog niet plaatsvond.

Wat het controleert:
    Een vergadering met een datum in de toekomst heeft nog geen verslag en geen besluiten.
    De agenda, de uitgenodigden (onder ``aanwezig``) en het goed te keuren verslag mogen al
    klaarstaan.

Waarom:
    Zo'n verslag is bijna altijd een tikfout in de datum (2062 in plaats van 2026), of een
    kopie van een oude vergadering die niet werd leeggemaakt. livb leidt de stand van het
    proces af uit de data: een foute datum geeft een foute stand.

Oplossing:
    Verbeter de datum, of maak het verslag leeg tot de vergadering gehouden is.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import held
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB303"
NAME = "verslag-van-toekomstige-vergadering"
SEVERITY = Severity.FOUT
METHODE = N_("livb: de stand van het proces volgt uit de data")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every future meeting that already has minutes."""
    for id_, vergadering in sorted(context.project.vergaderingen.items()):
        if held(vergadering, context.today):
            continue
        if any(punt.verslag or punt.besluiten for punt in vergadering.agenda):
            yield Finding(
                f"vergaderingen/{id_}.yaml",
                ("datum",),
                tr(
                    "de vergadering van {datum} moet nog plaatsvinden, maar heeft al een verslag",
                    datum=vergadering.datum,
                ),
                tr("verbeter de datum of maak het verslag leeg tot na de vergadering"),
            )
