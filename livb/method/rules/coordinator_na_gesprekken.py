"""Coördinator pas aangesteld na de oriëntatiegesprekken.

Wat het controleert:
    De coördinator is officieel aangesteld (``onderwerp: aanstelling_coordinator`` in
    besluiten.yaml, goedgekeurd) vóór het eerste oriëntatiegesprek van stap 1.2. De regel
    meldt een aanstelling die zeker later viel, en ook gesprekken die plaatsvonden terwijl er
    nog geen aanstelling is. Een datum die alleen de maand of het jaar noemt, geeft het
    voordeel van de twijfel.

Waarom:
    De methode laat de gemeente de coördinator al bij de kennismaking (stap 1.1) aanduiden,
    met titel en mandaat, en pas daarna de oriëntatiegesprekken voeren (stap 1.2). De
    coördinator voert of begeleidt die gesprekken en bouwt er het vertrouwen mee op dat hij
    later in de kerngroep nodig heeft; wie pas achteraf aangesteld wordt, mist dat begin.

Oplossing:
    Controleer de data in besluiten.yaml en gesprekken/. Klopt de volgorde echt niet, laat
    het college de aanstelling dan zo snel mogelijk bevestigen; is het een bewuste keuze, zet
    de regel dan uit in livb.yaml met de reden.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import decisions
from livb.method.rules._base import Finding, RuleContext
from livb.model._tijd import zeker_voor
from livb.model.besluiten import Onderwerp

CODE = "LIVB316"
NAME = "coordinator-na-gesprekken"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stappen 1.1 en 1.2: eerst de coördinator, dan de oriëntatiegesprekken")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the first 1.2 interview came before the coordinator's appointment."""
    project = context.project
    talks = sorted(
        (g.datum, id_)
        for id_, g in project.gesprekken.items()
        if g.stap == "1.2" and g.datum <= context.today
    )
    if not talks:
        return
    first, talk = talks[0]
    appointed = decisions(project, Onderwerp.AANSTELLING_COORDINATOR, today=context.today)
    if not appointed:
        yield Finding(
            f"gesprekken/{talk}.yaml",
            ("datum",),
            tr(
                "het oriëntatiegesprek van {first} vond plaats, maar de coördinator is nog "
                "niet officieel aangesteld",
                first=first,
            ),
            tr("noteer de aanstelling in besluiten.yaml (onderwerp: aanstelling_coordinator)"),
        )
        return
    appointment = appointed[0]
    if zeker_voor(first, appointment.datum):
        position = next(i for i, b in enumerate(project.besluiten.besluiten) if b is appointment)
        yield Finding(
            "besluiten.yaml",
            ("besluiten", position, "datum"),
            tr(
                "de coördinator werd aangesteld op {datum}, na het eerste oriëntatiegesprek "
                "({first}, gesprekken/{talk}.yaml)",
                datum=appointment.datum,
                first=first,
                talk=talk,
            ),
            tr("stel de coördinator aan vóór de oriëntatiegesprekken (stap 1.1)"),
        )
