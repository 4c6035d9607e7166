"""organen.yaml: kerngroep, projectgroepen, redactiecomité, pilootcomité and other consultation."""

from __future__ import annotations

from livb.core.i18n import N_
from livb.model._base import ActorId, Id, LivbModel, PrioriteitId, Tekst, empty_part
from livb.model._keuze import Keuze

VASTE_ORGANEN = ("kerngroep", "redactiecomite", "pilootcomite")


class Kerngroep(LivbModel):
    """The core group (coördinatiecomité) that carries the process."""

    voorzitter: ActorId | None = None
    secretaris: ActorId | None = None
    leden: list[ActorId] = []


class Structuur(Keuze):
    """Whether a projectgroep is new or builds on an existing overlegstructuur."""

    NIEUW = N_("nieuw")
    BESTAAND = N_("bestaand")


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


class Overlegsoort(Keuze):
    """The kind of another body or form of consultation."""

    HOORZITTING = N_("hoorzitting")
    FORUM = N_("forum")
    WERKGROEP = N_("werkgroep")
    ANDERE = N_("andere")


OPEN_OVERLEG = (Overlegsoort.HOORZITTING, Overlegsoort.FORUM)
"""Open sessions: the participants are counted, not listed; no minutes are approved later."""


class Overleg(LivbModel):
    """Consultation outside the method's own bodies: thematic hearings, a forum, a working group.

    A meeting names it with ``orgaan: <id>``; a series (five thematic hearings) is one entry
    with a meeting per session.
    """

    id: Id
    naam: Tekst
    """Hoe de documenten het noemen, bv. 'de themahoorzittingen' of 'het Sinterklaasforum'."""
    soort: Overlegsoort
    """hoorzitting, forum, werkgroep of andere."""
    leden: list[ActorId] = []
    """Vaste leden of organisatoren; de deelnemers van een hoorzitting tel je per vergadering."""
    omschrijving: str | None = None


class Comite(LivbModel):
    """A small committee: the redactiecomité or the pilootcomité."""

    leden: list[ActorId] = []


class OrganenBestand(LivbModel):
    """The content of organen.yaml."""

    kerngroep: Kerngroep = empty_part(Kerngroep)
    projectgroepen: list[Projectgroep] = []
    redactiecomite: Comite = empty_part(Comite)
    """Schrijft de veiligheidsdiagnostiek (stap 2.1)."""
    pilootcomite: Comite = empty_part(Comite)
    """Burgemeester en/of projectleider met de lokaal adviseur (protocolakkoord)."""
    overleg: list[Overleg] = []
    """Ander overleg: themahoorzittingen, een forum, een werkgroep, ..."""
