"""prioriteiten.yaml: at most five priorities, each with its reasons."""

from __future__ import annotations

from livb.model._base import AnderPlanId, BevindingId, Id, LivbModel, SwotId, Tekst, VergaderingId
from livb.model.geld import Personeel


class Aansluiting(LivbModel):
    """A priority of another plan (ZVP, ...) that this priority answers."""

    plan: AnderPlanId
    """De id van het plan onder 'afstemming' in plan.yaml."""
    prioriteit: str | None = None
    """De prioriteit of het thema in dat plan."""


class Prioriteit(LivbModel):
    """One priority of the policy: a broad theme that needs an integral approach."""

    id: Id
    titel: Tekst
    omschrijving: str | None = None
    bevindingen: list[BevindingId] = []
    """De bevindingen van de diagnostiek waarop de keuze steunt."""
    swot: list[SwotId] = []
    """De SWOT-punten waarop de keuze steunt."""
    toelichting: str | None = None
    """Waarom deze prioriteit gekozen werd."""
    aansluiting: list[Aansluiting] = []
    """Prioriteiten van andere plannen (ZVP, ...) waarop deze prioriteit aansluit."""
    lokaal: bool = False
    """Zet op true als de prioriteit bewust louter lokaal is."""
    themas: list[str] = []
    """Thema's uit de taxonomie (bv. KIV-clusters)."""
    personeel: list[Personeel] = []
    """De mensen die de prioriteit als geheel dragen: functie, VTE en de bron die hen betaalt."""


class PrioriteitenBestand(LivbModel):
    """The content of prioriteiten.yaml."""

    vergadering: VergaderingId | None = None
    """De vergadering waarin de prioriteiten werden bepaald (stap 2.6)."""
    prioriteiten: list[Prioriteit] = []
