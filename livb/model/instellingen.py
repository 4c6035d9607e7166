"""livb.yaml: the gemeente, the policy's own name and period, the coordinator, rule settings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, field_validator

from livb.core.i18n import N_
from livb.model._base import (
    ONE_OR_MANY,
    ActorId,
    Id,
    LivbModel,
    Periode,
    Tekst,
    as_list,
    empty_part,
)
from livb.model._keuze import Keuze
from livb.model.actoren import METHODE_SCHAKELS, Schakel

NisCode = Annotated[
    str,
    StringConstraints(pattern=r"^\d{5}$"),
    Field(description="De NIS-code (REFNIS) van de gemeente: vijf cijfers, bv. 23027 voor Halle."),
]


class Bestuursvorm(Keuze):
    """Whether the municipality calls itself a gemeente or a stad."""

    GEMEENTE = N_("gemeente")
    STAD = N_("stad")


class Politiezone(LivbModel):
    """The police zone the municipality belongs to."""

    naam: Tekst
    """Naam van de politiezone, bv. PZ Zennevallei."""
    nummer: Annotated[str, StringConstraints(pattern=r"^\d{4}$")] | None = None
    """Het viercijferige zonenummer."""
    map: str | None = None
    """Intern: het pad naar de gedeelde map van de politiezone (met zone.yaml): vanaf deze
    map (bv. '../pz-zennevallei') of het volledige pad van een git-checkout ervan (bv.
    '~/git/pz-zennevallei'); livb leest er het zonaal veiligheidsplan. Geen internetadres:
    livb haalt niets op."""


class Gemeente(LivbModel):
    """The municipality itself."""

    naam: Tekst
    """Officiële naam van de gemeente, zoals bij Statbel."""
    nis_code: NisCode | None = None
    """Vijf cijfers; livb init vult ze in vanuit de lijst van Statbel."""
    provincie: str | None = None
    """Provincie (leeg voor het Brussels Hoofdstedelijk Gewest)."""
    bestuursvorm: Bestuursvorm = Bestuursvorm.GEMEENTE
    """'stad' of 'gemeente': zo staat het in de documenten (de stad Halle)."""
    politiezone: Politiezone | None = None
    adres: str | None = None
    """Adres van het gemeentehuis of stadhuis."""


class Beleid(LivbModel):
    """How the municipality names and frames its policy."""

    titel: Tekst = "integrale veiligheid"
    """Eigen naam van het beleid, bv. 'levenskwaliteit' (Halle) of 'leefbaarheid'."""
    plannaam: Tekst = "lokaal integraal veiligheidsplan"
    """Naam van het plan zoals in de documenten, bv. 'integraal plan levenskwaliteit'."""
    periode: Periode | None = None
    """Looptijd van het plan."""


class Begeleiding(LivbModel):
    """The federal support of the protocolakkoord (Tool B)."""

    fod_vertegenwoordiger: ActorId | None = None
    """Wie de FOD Binnenlandse Zaken vertegenwoordigt bij het protocolakkoord."""
    lokaal_adviseurs: list[ActorId] = []
    """De lokaal adviseur(s) van de FOD die het proces begeleiden."""
    provincie_vertegenwoordiger: ActorId | None = None
    """Als de provincie derde partij is bij het protocol: wie haar vertegenwoordigt."""


IdOfBestand = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$", max_length=200),
    Field(description="Een id (actor, vergadering, prioriteit, doelstelling, ...) of een bestand."),
]


class UitgeschakeldeRegel(LivbModel):
    """A rule the municipality switches off on purpose, with its reason."""

    code: Annotated[str, StringConstraints(pattern=r"^LIVB\d{3}$")]
    """De code van de regel, bv. LIVB301."""
    voor: Annotated[list[IdOfBestand], BeforeValidator(as_list), ONE_OR_MANY] = []
    """Alleen voor deze id('s) of bestand(en), bv. 2009-11-24-pg-samenleven; leeg: overal."""
    reden: Tekst
    """Waarom deze regel hier niet van toepassing is (een bewuste lokale keuze); intern:
    livb check en livb status tonen ze, de documenten volgen gewoon de keuze."""


class Regels(LivbModel):
    """Local settings of the checks."""

    uitgeschakeld: list[UitgeschakeldeRegel] = []


class Thema(LivbModel):
    """A theme of the municipality's own taxonomy."""

    id: Id
    titel: Tekst


class Instellingen(LivbModel):
    """The content of livb.yaml."""

    formaat: int = 1
    """Versie van het mapformaat; laat op 1 staan."""
    gemeente: Gemeente
    beleid: Beleid = empty_part(Beleid)
    taal: Literal["nl", "fr"] = "nl"
    """Taal van de documenten en de boodschappen: 'nl' (Nederlands) of 'fr' (Frans); intern:
    geen document noemt ze, elk document is in die taal geschreven."""
    coordinator: ActorId | None = None
    """De coördinator integrale veiligheid (id uit actoren.yaml)."""
    begeleiding: Begeleiding = empty_part(Begeleiding)
    regels: Regels = empty_part(Regels)
    themas: list[Thema] | None = None
    """Een eigen lijst van thema's; standaard de clusters van de Kadernota Integrale Veiligheid."""
    keten: dict[Id, Schakel] = {}
    """Eigen woorden voor de schakels van de veiligheidsketen, bv. {reactie: repressie}."""

    @field_validator("keten")
    @classmethod
    def _own_words(cls, keten: dict[str, Schakel]) -> dict[str, Schakel]:
        taken = sorted(word for word in keten if word in METHODE_SCHAKELS)
        if taken:
            raise ValueError(
                f"'{taken[0]}' is al een schakel van de methode; 'keten' geeft eigen woorden "
                "een plaats in de keten, bv. {reactie: repressie}"
            )
        return keten
