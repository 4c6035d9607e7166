"""actoren.yaml: the people and organisations of the process."""

from __future__ import annotations

from enum import StrEnum

from livb.model._base import Id, LivbModel


class Rol(StrEnum):
    """The role an actor plays; the checks recognise these."""

    BURGEMEESTER = "burgemeester"
    SCHEPEN = "schepen"
    GEMEENTERAADSLID = "gemeenteraadslid"
    ALGEMEEN_DIRECTEUR = "algemeen_directeur"
    COORDINATOR = "coordinator"
    PREVENTIEAMBTENAAR = "preventieambtenaar"
    KLACHTENAMBTENAAR = "klachtenambtenaar"
    KORPSCHEF = "korpschef"
    POLITIE = "politie"
    PROCUREUR = "procureur"
    OCMW_VOORZITTER = "ocmw_voorzitter"
    DIENSTHOOFD = "diensthoofd"
    MEDEWERKER = "medewerker"
    LOKAAL_ADVISEUR = "lokaal_adviseur"
    FOD_DIRECTEUR = "fod_directeur"
    GOUVERNEUR = "gouverneur"
    PARTNER = "partner"
    ANDERE = "andere"


class Sector(StrEnum):
    """The sector an actor comes from."""

    BESTUUR = "bestuur"
    GEMEENTEDIENSTEN = "gemeentediensten"
    POLITIE = "politie"
    JUSTITIE = "justitie"
    WELZIJN = "welzijn"
    CIVIELE_VEILIGHEID = "civiele_veiligheid"
    ONDERWIJS = "onderwijs"
    JEUGD = "jeugd"
    MIDDENVELD = "middenveld"
    HUISVESTING = "huisvesting"
    FEDERALE_OVERHEID = "federale_overheid"
    PROVINCIE = "provincie"
    ANDERE = "andere"


class Schakel(StrEnum):
    """The links of the safety chain (veiligheidsketen)."""

    PROACTIE = "proactie"
    PREPARATIE = "preparatie"
    PREVENTIE = "preventie"
    REPRESSIE = "repressie"
    NAZORG = "nazorg"


class Soort(StrEnum):
    """Whether an actor is a person or an organisation."""

    PERSOON = "persoon"
    ORGANISATIE = "organisatie"


class Actor(LivbModel):
    """A person or organisation that takes part in the process."""

    id: Id
    """Korte vaste naam waarmee de andere bestanden naar deze actor verwijzen."""
    naam: str | None = None
    """Volledige naam; leeg zolang nog niet bekend is wie de functie opneemt."""
    soort: Soort = Soort.PERSOON
    aanspreking: str | None = None
    """Hoe de persoon in een officieel document wordt genoemd: 'de heer', 'mevrouw', ..."""
    rol: Rol | None = None
    """De rol in het proces; de controles herkennen deze waarden."""
    functie: str | None = None
    """De functie in eigen woorden, bv. 'schepen van integrale veiligheid'."""
    organisatie: str | None = None
    """De organisatie of dienst, bv. 'Lokale politie Zennevallei'."""
    sector: Sector | None = None
    schakels: list[Schakel] = []
    """De schakels van de veiligheidsketen die deze actor dekt."""
    email: str | None = None
    telefoon: str | None = None


class ActorenBestand(LivbModel):
    """The content of actoren.yaml."""

    actoren: list[Actor] = []
