"""diagnostiek/: data sources (Tool C), figures per year and findings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import model_validator

from livb.model._base import (
    ActorId,
    BronId,
    Datum,
    Getal,
    Id,
    Jaar,
    LivbModel,
    ReeksId,
    Tekst,
)


class Gegevenssoort(StrEnum):
    """The three kinds of data of Tool C."""

    FEIT = "feit"
    WAARNEMING = "waarneming"
    CONTEXT = "context"


class Bron(LivbModel):
    """A data source of the diagnostiek."""

    id: Id
    naam: Tekst
    soort: Gegevenssoort
    """feit (politiestatistiek), waarneming (veiligheidsmonitor) of context (inkomen, ...)."""
    leverancier: str | list[str] | None = None
    """Wie de gegevens levert, bv. 'Federale politie'; leveren verschillende partners elk een
    deel, dan een lijst, bv. [OCMW, straathoekwerk]: elk krijgt een eigen gegevensaanvraag."""
    actor: ActorId | None = None
    """De partner in actoren.yaml die de gegevens aanlevert."""
    omschrijving: str | None = None
    url: str | None = None
    periode: str | None = None
    """Welke jaren de bron dekt, bv. '2005-2008'."""
    afsluitdatum: Datum | None = None
    """Datum waarop de cijfers werden afgesloten (het laatste jaar kan onvolledig zijn)."""
    laatste_jaar: Jaar | None = None
    """Tot welk jaar de bron (naar verwachting) cijfers levert, bv. een lopende monitor."""

    @property
    def leveranciers(self) -> list[str]:
        """Every supplier named, each of whom gets a letter of its own: the list, or the one."""
        if self.leverancier is None:
            return []
        if isinstance(self.leverancier, str):
            return [self.leverancier]
        return list(self.leverancier)


class BronnenBestand(LivbModel):
    """The content of diagnostiek/bronnen.yaml."""

    bronnen: list[Bron] = []


class Reeks(LivbModel):
    """A series of figures per year, inline or from a CSV file."""

    id: Id
    naam: Tekst
    bron: BronId
    eenheid: str | None = None
    """bv. 'feiten', 'per 1000 inwoners', '%'."""
    soort: Gegevenssoort | None = None
    """Standaard de soort van de bron."""
    gebied: str | None = None
    waarden: dict[Jaar, Getal] | None = None
    """Jaar: waarde, bv. 2007: 112."""
    bestand: str | None = None
    """Een CSV-bestand in diagnostiek/ met een kolom 'jaar' en een kolom met de waarden (intern:
    waar de cijfers staan, de documenten tonen de cijfers zelf)."""
    kolom: str | None = None
    """De kolom in het CSV-bestand (standaard de id van de reeks, anders de tweede); intern."""
    onvolledig_jaar: Jaar | None = None
    """Een jaar waarvan de cijfers nog niet volledig zijn."""
    toelichting: str | None = None
    """Het verhaal achter de cijfers."""

    @model_validator(mode="after")
    def _one_source(self) -> Reeks:
        if (self.waarden is None) == (self.bestand is None):
            raise ValueError("geef de cijfers met 'waarden' of met 'bestand', niet beide of geen")
        return self


class CijfersBestand(LivbModel):
    """The content of diagnostiek/cijfers.yaml."""

    reeksen: list[Reeks] = []


class Onveiligheid(StrEnum):
    """Whether a finding is about objective or subjective insecurity."""

    OBJECTIEF = "objectief"
    SUBJECTIEF = "subjectief"
    BEIDE = "beide"


class Bevinding(LivbModel):
    """A finding of the diagnostiek."""

    id: Id
    titel: Tekst
    tekst: str | None = None
    onveiligheid: Onveiligheid
    """objectief (feiten), subjectief (gevoel, beleving) of beide."""
    reeksen: list[ReeksId] = []
    bronnen: list[BronId] = []
    thema: str | None = None


class BevindingenBestand(LivbModel):
    """The content of diagnostiek/bevindingen.yaml: findings and the report's own texts."""

    inleiding: str | None = None
    gebiedsbeschrijving: str | None = None
    methodologie: str | None = None
    bevindingen: list[Bevinding] = []
    conclusies: list[str] = []
