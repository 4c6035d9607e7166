"""swot.yaml: the SWOT analysis of Tool E with its confrontation matrix."""

from __future__ import annotations

from livb.model._base import BewijsId, Id, LivbModel, SwotId, Tekst, VergaderingId, empty_part


class SwotPunt(LivbModel):
    """One strength, weakness, opportunity or threat."""

    id: Id
    tekst: Tekst
    onderbouwing: list[BewijsId] = []
    """Bevindingen, cijferreeksen, bronnen of gesprekken waarop dit punt steunt."""


class Strategie(LivbModel):
    """An answer to one question of the confrontation matrix."""

    tekst: Tekst
    punten: list[SwotId] = []
    """De SWOT-punten die hier tegen elkaar worden afgezet."""


class Confrontatie(LivbModel):
    """The confrontation matrix: strengths and weaknesses against opportunities and threats."""

    sterktes_kansen: list[Strategie] = []
    """Welke sterktes zetten we in om de kansen te benutten?"""
    zwaktes_kansen: list[Strategie] = []
    """Welke zwaktes pakken we aan om geen kansen te missen?"""
    sterktes_bedreigingen: list[Strategie] = []
    """Welke sterktes zetten we in tegen de bedreigingen?"""
    zwaktes_bedreigingen: list[Strategie] = []
    """Welke zwaktes maken ons extra kwetsbaar voor de bedreigingen?"""


class Swot(LivbModel):
    """The content of swot.yaml; every list is in order of importance."""

    vergadering: VergaderingId | None = None
    """De vergadering waarin de SWOT werd opgemaakt (stap 2.5)."""
    sterktes: list[SwotPunt] = []
    """Interne sterke punten, de belangrijkste eerst."""
    zwaktes: list[SwotPunt] = []
    """Interne zwakke punten, de belangrijkste eerst."""
    kansen: list[SwotPunt] = []
    """Externe kansen, de belangrijkste eerst."""
    bedreigingen: list[SwotPunt] = []
    """Externe bedreigingen, de belangrijkste eerst."""
    confrontatie: Confrontatie = empty_part(Confrontatie)
    conclusies: list[str] = []
    """Strategische conclusies en aanbevelingen."""
