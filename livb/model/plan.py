"""plan.yaml and doelstellingen/*.yaml: the integral plan and its goals."""

from __future__ import annotations

from pydantic import model_validator

from livb.core.i18n import N_
from livb.model._base import (
    ActorId,
    Bedrag,
    BronId,
    Datum,
    Getal,
    Id,
    Jaar,
    LivbModel,
    Periode,
    PrioriteitId,
    ReeksId,
    Tekst,
)
from livb.model._keuze import Keuze
from livb.model.actoren import SchakelTerm
from livb.model.geld import Bbc, Financieringsbron, Middel, Personeel


class Plansoort(Keuze):
    """The kinds of plan the integral plan aligns with."""

    ZVP = N_("zvp")
    SVPP = N_("svpp")
    MEERJARENPLAN = N_("meerjarenplan")
    LOKAAL_SOCIAAL_BELEIDSPLAN = N_("lokaal_sociaal_beleidsplan")
    PARKETBELEIDSPLAN = N_("parketbeleidsplan")
    NOODPLAN = N_("nood_en_interventieplan")
    KIV = N_("kiv")
    NVP = N_("nvp")
    ANDERE = N_("andere")


class PlanItem(LivbModel):
    """A priority or theme of another plan."""

    id: Id
    titel: Tekst


class AnderPlan(LivbModel):
    """A plan of another level or partner that the integral plan aligns with."""

    id: Id
    soort: Plansoort
    titel: Tekst
    periode: Periode | None = None
    prioriteiten: list[PlanItem] = []
    """De prioriteiten van dat plan; het integraal plan hoort erop te antwoorden."""


class Plan(LivbModel):
    """The content of plan.yaml: vision, aims, alignment and organisation of the plan."""

    visie: str | None = None
    """De visie van het lokaal bestuur op het beleid."""
    uitgangspunten: list[str] = []
    doelen_extern: list[str] = []
    """Externe doelen: levenskwaliteit, veiligheidsgevoel, minder criminaliteit en overlast."""
    doelen_intern: list[str] = []
    """Interne doelen: organisatie, afstemming, efficiëntie, samenhang, uitwisseling."""
    afstemming: list[AnderPlan] = []
    """Andere plannen waarmee het plan afgestemd is (ZVP, SVPP, meerjarenplan, ...)."""
    organisatie: str | None = None
    """Hoe het programma georganiseerd en opgevolgd wordt."""
    evaluatie: str | None = None
    communicatie: str | None = None
    budget: str | None = None
    financiering: list[Financieringsbron] = []
    """De bronnen van het geld, elk één keer: eigen middelen, het federaal preventieplan,
    Vlaamse of provinciale subsidies, de politiezone; met hun periode en wat ze per jaar
    toekennen. De acties verwijzen ernaar in 'middelen'."""
    afkortingen: dict[str, str] = {}


class Meting(LivbModel):
    """A value of an indicator, in a given year."""

    waarde: Getal
    jaar: Jaar | None = None


class Indicator(LivbModel):
    """How the achievement of an operational goal is measured."""

    id: Id
    naam: Tekst
    eenheid: str | None = None
    basiswaarde: Meting | None = None
    streefwaarde: Meting | None = None
    deadline: Datum | None = None
    bron: BronId | None = None
    reeks: ReeksId | None = None
    """De cijferreeks uit de diagnostiek die deze indicator opvolgt."""


class Status(Keuze):
    """Where an action stands.

    In doelstellingen/*.yaml it is the status the plan gives the action (usually ``gepland``);
    monitoring/*.yaml follows it up over time, and there the latest entry wins (see
    :mod:`livb.model.monitoring`).
    """

    GEPLAND = N_("gepland")
    LOPEND = N_("lopend")
    AFGEROND = N_("afgerond")
    VERTRAAGD = N_("vertraagd")
    """Running behind its plan; monitoring asks for the reason."""
    GESCHRAPT = N_("geschrapt")

    @property
    def klaar(self) -> bool:
        """Whether the action is settled: finished or dropped."""
        return self in (Status.AFGEROND, Status.GESCHRAPT)


class Actie(LivbModel):
    """A concrete action with an owner, partners, a period and a budget."""

    id: Id
    titel: Tekst
    omschrijving: str | None = None
    trekker: ActorId | None = None
    partners: list[ActorId] = []
    start: Datum | None = None
    einde: Datum | None = None
    budget: Bedrag | None = None
    """Bedrag in euro voor de hele looptijd, uit eigen middelen (de oude vorm: geef liever
    'middelen' per jaar en per bron)."""
    financiering: str | None = None
    middelen: list[Middel] = []
    """Het geld van de actie per jaar en per bron: jaar, bron (een id onder 'financiering' in
    plan.yaml), bedrag en eventueel de categorie (personeel, werking, investering)."""
    bbc: Bbc | None = None
    """De plaats van de actie in het meerjarenplan (BBC): beleidsdoelstelling, actieplan, actie,
    beleidsveld."""
    personeel: list[Personeel] = []
    """De mensen die de actie dragen: functie, VTE en de bron die hen betaalt."""
    schakel: SchakelTerm | None = None
    """De schakel van de veiligheidsketen: proactie, preparatie, preventie, repressie, nazorg
    (of een eigen woord uit 'keten' in livb.yaml)."""
    status: Status = Status.GEPLAND
    """De status in het plan (gepland, lopend, afgerond, vertraagd, geschrapt); de opvolging
    in monitoring/JJJJ.yaml gaat voor: daar telt de recentste stand."""

    @model_validator(mode="after")
    def _ordered(self) -> Actie:
        if self.start and self.einde and self.einde < self.start:
            raise ValueError("de actie eindigt ('einde') vóór ze begint ('start')")
        if self.budget is not None and self.middelen:
            raise ValueError(
                f"de actie '{self.id}' heeft een 'budget' en 'middelen': geef enkel 'middelen' "
                "(per jaar en per bron)"
            )
        return self


class OperationeleDoelstelling(LivbModel):
    """An operational goal with its indicators and actions."""

    id: Id
    titel: Tekst
    omschrijving: str | None = None
    indicatoren: list[Indicator] = []
    acties: list[Actie] = []


class StrategischeDoelstelling(LivbModel):
    """A strategic goal of one priority."""

    id: Id
    titel: Tekst
    omschrijving: str | None = None
    operationele_doelstellingen: list[OperationeleDoelstelling] = []


class DoelstellingenBestand(LivbModel):
    """The content of one doelstellingen/*.yaml file: the goals of one priority."""

    prioriteit: PrioriteitId
    """De id van de prioriteit in prioriteiten.yaml."""
    strategische_doelstellingen: list[StrategischeDoelstelling] = []
    """Een prioriteit krijgt strategische doelstellingen; elke strategische doelstelling
    operationele doelstellingen; elke operationele doelstelling minstens één indicator
    (basiswaarde, streefwaarde, deadline, bron) en acties met een trekker en een periode. Houd
    doel en middel uit elkaar: 'buurtinformatienetwerken' is een middel, geen doel."""
