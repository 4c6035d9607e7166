"""organen.yaml: kerngroep, projectgroepen, redactiecomité and pilootcomité."""

from __future__ import annotations

from enum import StrEnum

from livb.model._base import ActorId, Id, LivbModel, PrioriteitId, Tekst

VASTE_ORGANEN = ("kerngroep", "redactiecomite", "pilootcomite")


class Kerngroep(LivbModel):
    """The core group (coördinatiecomité) that carries the process."""

    voorzitter: ActorId | None = None
    secretaris: ActorId | None = None
    leden: list[ActorId] = []


class Structuur(StrEnum):
    """Whether a projectgroep is new or builds on an existing overlegstructuur."""

    NIEUW = "nieuw"
    BESTAAND = "bestaand"


class Projectgroep(LivbModel):
    """The project group that works out one priority."""

    id: Id
    naam: Tekst
    prioriteit: PrioriteitId
    """De prioriteit waaraan deze projectgroep werkt."""
    projectleider: ActorId | None = None
    """Trekt de projectgroep en zit in de kerngroep."""
    leden: list[ActorId] = []
    structuur: Structuur = Structuur.NIEUW
    """'nieuw' of 'bestaand' (een bestaande overlegstructuur die deze rol opneemt)."""
    bestaande_structuur: str | None = None
    """Naam van de bestaande overlegstructuur, als structuur 'bestaand' is."""


class Comite(LivbModel):
    """A small committee: the redactiecomité or the pilootcomité."""

    leden: list[ActorId] = []


class OrganenBestand(LivbModel):
    """The content of organen.yaml."""

    kerngroep: Kerngroep = Kerngroep()
    projectgroepen: list[Projectgroep] = []
    redactiecomite: Comite = Comite()
    """Schrijft de veiligheidsdiagnostiek (stap 2.1)."""
    pilootcomite: Comite = Comite()
    """Burgemeester en/of projectleider met de lokaal adviseur (protocolakkoord)."""
