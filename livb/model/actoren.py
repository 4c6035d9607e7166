"""actoren.yaml: the people and organisations of the process."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from livb.core.i18n import N_
from livb.model._base import ID_PATTERN, Id, LivbModel
from livb.model._keuze import Keuze


class Rol(Keuze):
    """The role an actor plays; the checks recognise these."""

    BURGEMEESTER = N_("burgemeester")
    SCHEPEN = N_("schepen")
    GEMEENTERAADSLID = N_("gemeenteraadslid")
    ALGEMEEN_DIRECTEUR = N_("algemeen_directeur")
    COORDINATOR = N_("coordinator")
    PREVENTIEAMBTENAAR = N_("preventieambtenaar")
    KLACHTENAMBTENAAR = N_("klachtenambtenaar")
    KORPSCHEF = N_("korpschef")
    POLITIE = N_("politie")
    PROCUREUR = N_("procureur")
    OCMW_VOORZITTER = N_("ocmw_voorzitter")
    DIENSTHOOFD = N_("diensthoofd")
    MEDEWERKER = N_("medewerker")
    LOKAAL_ADVISEUR = N_("lokaal_adviseur")
    FOD_DIRECTEUR = N_("fod_directeur")
    GOUVERNEUR = N_("gouverneur")
    PARTNER = N_("partner")
    ANDERE = N_("andere")


class Sector(Keuze):
    """The sector an actor comes from."""

    BESTUUR = N_("bestuur")
    GEMEENTEDIENSTEN = N_("gemeentediensten")
    POLITIE = N_("politie")
    JUSTITIE = N_("justitie")
    WELZIJN = N_("welzijn")
    CIVIELE_VEILIGHEID = N_("civiele_veiligheid")
    ONDERWIJS = N_("onderwijs")
    JEUGD = N_("jeugd")
    MIDDENVELD = N_("middenveld")
    HUISVESTING = N_("huisvesting")
    FEDERALE_OVERHEID = N_("federale_overheid")
    PROVINCIE = N_("provincie")
    ANDERE = N_("andere")


class Schakel(Keuze):
    """The links of the safety chain (veiligheidsketen)."""

    PROACTIE = N_("proactie")
    PREPARATIE = N_("preparatie")
    PREVENTIE = N_("preventie")
    REPRESSIE = N_("repressie")
    NAZORG = N_("nazorg")


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
        french = Schakel._missing_(value)  # a French folder's word: prévention
        if isinstance(french, Schakel):
            return french
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


class Soort(Keuze):
    """Whether an actor is a person or an organisation."""

    PERSOON = N_("persoon")
    ORGANISATIE = N_("organisatie")


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
