"""diagnostiek/: data sources (Tool C), figures per year and findings."""

from __future__ import annotations

from pydantic import model_validator

from livb.core.i18n import N_
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
from livb.model._keuze import Keuze


class Gegevenssoort(Keuze):
    """The three kinds of data of Tool C."""

    FEIT = N_("feit")
    WAARNEMING = N_("waarneming")
    CONTEXT = N_("context")


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


class Per(Keuze):
    """What the figures of a series are shown as: as given, or as a rate computed from them."""

    ABSOLUUT = N_("absoluut")
    PER_1000_INWONERS = N_("per_1000_inwoners")
    PER_1000_HUISHOUDENS = N_("per_1000_huishoudens")
    PERCENTAGE = N_("percentage")


class Gebiedssoort(Keuze):
    """The kinds of area a municipality compares itself with."""

    ZONE = N_("zone")
    ARRONDISSEMENT = N_("arrondissement")
    PROVINCIE = N_("provincie")
    GEWEST = N_("gewest")
    GELIJKAARDIG = N_("gelijkaardige_gemeenten")


class Vergelijking(LivbModel):
    """The figures of the same series for another area, to compare with."""

    gebied: Tekst
    """De naam van het gebied, bv. 'PZ Zennevallei' of 'Vlaams Gewest'."""
    soort: Gebiedssoort
    """zone, arrondissement, provincie, gewest of gelijkaardige_gemeenten."""
    waarden: dict[Jaar, Getal]
    """Jaar: waarde, in dezelfde eenheid als de eigen cijfers van de reeks."""


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
    per: Per = Per.ABSOLUUT
    """absoluut (zoals gegeven), per_1000_inwoners, per_1000_huishoudens (berekend met de
    bevolking) of percentage (de cijfers zijn zelf een percentage)."""
    vergelijking: list[Vergelijking] = []
    """Dezelfde cijfers voor andere gebieden (zone, arrondissement, provincie, gewest,
    gelijkaardige gemeenten), om mee te vergelijken."""
    tabel: str | None = None
    """De gepubliceerde tabel waaruit 'livb import' de cijfers nam, bv. 'criminaliteit.xlsx'."""
    gedownload: Datum | None = None
    """Wanneer die tabel werd gedownload."""
    afsluitdatum: Datum | None = None
    """Datum waarop de bron de cijfers van die tabel afsloot (het laatste jaar kan onvolledig
    zijn); anders geldt die van de bron."""
    samengeteld: list[str] = []
    """De vroegere gemeenten (fusies van 2025) waarvan 'livb import' de cijfers per jaar
    optelde tot die van de gemeente."""

    @model_validator(mode="after")
    def _one_source(self) -> Reeks:
        if (self.waarden is None) == (self.bestand is None):
            raise ValueError("geef de cijfers met 'waarden' of met 'bestand', niet beide of geen")
        return self


class Bevolking(LivbModel):
    """Which series hold the population, the denominator of every rate."""

    inwoners: ReeksId | None = None
    """De reeks met het aantal inwoners per jaar."""
    huishoudens: ReeksId | None = None
    """De reeks met het aantal huishoudens per jaar."""


class CijfersBestand(LivbModel):
    """The content of diagnostiek/cijfers.yaml."""

    bevolking: Bevolking = Bevolking()
    """Welke reeksen de bevolking geven (voor de cijfers per 1000 inwoners of huishoudens)."""
    reeksen: list[Reeks] = []


class Onveiligheid(Keuze):
    """Whether a finding is about objective or subjective insecurity."""

    OBJECTIEF = N_("objectief")
    SUBJECTIEF = N_("subjectief")
    BEIDE = N_("beide")


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
