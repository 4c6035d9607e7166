"""actoren.yaml: the people and organisations of the process."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from livb.model._base import ID_PATTERN, Id, LivbModel


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


METHODE_SCHAKELS = frozenset(schakel.value for schakel in Schakel)


class EigenSchakel(str):
    """A municipality's own word for a link of the chain (``reactie``), mapped in livb.yaml.

    ``keten: {reactie: repressie}`` in livb.yaml says which link of the method it stands for;
    rule LIVB108 reports a word that is neither a link nor mapped.
    """

    __slots__ = ()

    @property
    def value(self) -> str:
        """The word as written, as ``Schakel.value`` is for the method's own words."""
        return str(self)


def _parse_schakel(value: Any) -> Schakel | EigenSchakel:
    if isinstance(value, Schakel | EigenSchakel):
        return value
    if isinstance(value, str):
        if value in METHODE_SCHAKELS:
            return Schakel(value)
        if re.fullmatch(ID_PATTERN, value):
            return EigenSchakel(value)
    raise ValueError(
        f"'{value}' is geen schakel: gebruik {', '.join(Schakel)}, of een eigen woord "
        "zonder spaties dat 'keten' in livb.yaml op een schakel afbeeldt"
    )


SchakelTerm = Annotated[
    Schakel | EigenSchakel,
    PlainValidator(_parse_schakel),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": [schakel.value for schakel in Schakel]},
                {"type": "string", "pattern": ID_PATTERN},
            ]
        }
    ),
    Field(
        description="Een schakel van de veiligheidsketen (proactie, preparatie, preventie, "
        "repressie, nazorg) of een eigen woord uit 'keten' in livb.yaml."
    ),
]
"""A link of the chain in the method's words or the municipality's own (see ``keten``)."""


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
    schakels: list[SchakelTerm] = []
    """De schakels van de veiligheidsketen die deze actor dekt (of de eigen woorden ervoor)."""
    email: str | None = None
    """E-mailadres; dat van de coördinator staat als contact in een gegevensaanvraag."""
    telefoon: str | None = None
    """Telefoonnummer; intern, voor de coördinator: het komt in geen document."""


class ActorenBestand(LivbModel):
    """The content of actoren.yaml."""

    actoren: list[Actor] = []
