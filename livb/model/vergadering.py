"""vergaderingen/*.yaml: one meeting with its agenda, minutes, decisions and huiswerk."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints

from livb.model._base import (
    ONE_OR_MANY,
    ActorId,
    Datum,
    LivbModel,
    OrgaanId,
    Tekst,
    VergaderingId,
    as_list,
)
from livb.model._tijd import Datering
from livb.model.stappen import Stap

Uur = Annotated[
    str,
    StringConstraints(pattern=r"^([01]?\d|2[0-3])[:.hu][0-5]\d$"),
    Field(description="Een uur als UU:MM, bv. 14:00."),
]


class Agendapunt(LivbModel):
    """An item of the agenda and, once held, its minutes."""

    punt: Tekst
    """Het agendapunt."""
    toelichting: str | None = None
    verslag: str | None = None
    """Wat er besproken werd (pas na de vergadering)."""
    besluiten: list[str] = []


class Huiswerk(LivbModel):
    """A task for the members before the next meeting."""

    wie: Annotated[list[ActorId], BeforeValidator(as_list), ONE_OR_MANY]
    wat: Tekst
    tegen: Datum | None = None
    """Tegen wanneer."""


class VolgendeVergadering(LivbModel):
    """Date and place of the next meeting."""

    datum: Datum
    uur: Uur | None = None
    plaats: str | None = None


class Vergadering(LivbModel):
    """One meeting of a body of the process: a kerngroep meeting, a hearing, a forum, ..."""

    # The key is 'verslaggever' (one or more, as 'met' and 'wie'); 'verslaggevers' is read too.
    model_config = ConfigDict(populate_by_name=True)

    orgaan: OrgaanId
    """kerngroep, redactiecomite, pilootcomite, de id van een projectgroep of van een overleg."""
    titel: str | None = None
    """De titel op de agenda en het verslag, bv. 'SWOT-analyse'."""
    stappen: list[Stap] = []
    """De stappen van de methode die deze vergadering invult, bv. ['2.5', '2.6']."""
    datum: Datering
    """JJJJ-MM-DD; voor een oude vergadering waarvan de dag niet bekend is ook JJJJ-MM of JJJJ."""
    uur: Uur | None = None
    plaats: str | None = None
    """Waar de vergadering plaatsvindt, bv. 'Stadhuis, raadzaal'."""
    voorzitter: ActorId | None = None
    """Wie de vergadering voorzit (een id uit actoren.yaml)."""
    verslaggevers: Annotated[list[ActorId], BeforeValidator(as_list), ONE_OR_MANY] = Field(
        [], alias="verslaggever"
    )
    """Wie het verslag maakte: één id of een lijst, bv. [an, jan] bij een hoorzitting."""
    deelnemers: Annotated[int, Field(ge=1)] | None = None
    """Het aantal deelnemers, bv. bij een hoorzitting of forum waar niet iedereen een actor is."""
    aanwezig: list[ActorId] = []
    """Wie er was; livb new zet er de leden van het orgaan. Schrap na de vergadering wie er niet
    was en zet die onder 'verontschuldigd'."""
    verontschuldigd: list[ActorId] = []
    """Wie verontschuldigd was."""
    gasten: list[str] = []
    """Aanwezigen die geen actor zijn (vrije tekst)."""
    keurt_verslag_goed: Annotated[list[VergaderingId], BeforeValidator(as_list), ONE_OR_MANY] = []
    """De vorige vergadering(en) waarvan het verslag hier goedgekeurd werd."""
    agenda: list[Agendapunt] = []
    """De agendapunten; vul na de vergadering per punt het 'verslag' en de 'besluiten' in."""
    volgende_stap: str | None = None
    """Wat de volgende stap in het proces is."""
    huiswerk: list[Huiswerk] = []
    """Wat de leden tegen de volgende vergadering doen: wie, wat en tegen wanneer."""
    volgende_vergadering: VolgendeVergadering | None = None
    """Datum, uur en plaats van de volgende vergadering."""
