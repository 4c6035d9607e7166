"""monitoring/JJJJ.yaml: the follow-up of the plan in one year (phases 4 and 5 of the method).

The plan (doelstellingen/*.yaml) says what will be done and how it is measured; monitoring
says what happened, one file per year: the values the indicators took, where each action
stood, what it cost, whether the huiswerk of the meetings was done, and what was told to the
public. The file's name is its year (``monitoring/2011.yaml``).

An action's ``status`` in doelstellingen/*.yaml stays the status the plan gives it. Over time
the monitoring files take over: the latest year that mentions an action gives its state (and
within one file, its last entry). An action no monitoring file mentions keeps the plan's status.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from livb.model._base import ActieId, Bedrag, Getal, IndicatorId, LivbModel, Tekst, VergaderingId
from livb.model._tijd import Datering
from livb.model.geld import Uitgave
from livb.model.plan import Status

MET_REDEN = (Status.VERTRAAGD, Status.GESCHRAPT)
"""The states that need a reason: a delay or a dropped action must be explained."""


class Indicatormeting(LivbModel):
    """One value an indicator took, with when and where it was measured."""

    indicator: IndicatorId
    waarde: Getal
    datum: Datering
    """Wanneer gemeten (of de dag waarop het cijfer afgesloten werd); JJJJ-MM of JJJJ mag."""
    bron: Tekst
    """Waar het cijfer vandaan komt, bv. 'politiestatistiek, afgesloten op 2011-04-30'."""
    opmerking: str | None = None
    """Wat het cijfer verklaart, of wat werkte en wat niet (komt in de evaluatie)."""


class Actiestand(LivbModel):
    """Where an action stood in the year, and what it cost."""

    actie: ActieId
    status: Status
    """gepland, lopend, afgerond, vertraagd of geschrapt."""
    reden: str | None = None
    """Waarom de actie vertraagd of geschrapt is (verplicht bij die twee)."""
    besteed: Bedrag | None = None
    """Wat de actie dit jaar kostte, in euro (zonder bron: geef liever 'uitgaven')."""
    uitgaven: list[Uitgave] = []
    """Wat de actie dit jaar kostte per bron: bron, bedrag en eventueel de categorie
    (personeel, werking, investering)."""
    opmerking: str | None = None
    """Wat er gebeurde, wat werkte en wat niet (komt in de evaluatie en het jaarrapport)."""

    @model_validator(mode="after")
    def _reason(self) -> Actiestand:
        if self.status in MET_REDEN and not (self.reden and self.reden.strip()):
            raise ValueError(
                f"de actie '{self.actie}' is {self.status.value}, maar 'reden' zegt niet waarom"
            )
        if self.besteed is not None and self.uitgaven:
            raise ValueError(
                f"de actie '{self.actie}' heeft 'besteed' en 'uitgaven': geef enkel 'uitgaven' "
                "(per bron)"
            )
        return self


class HuiswerkOpvolging(LivbModel):
    """Whether a task of a meeting's huiswerk was done."""

    vergadering: VergaderingId
    taak: Annotated[int, Field(ge=1, le=1000)]
    """Het nummer van de taak in het huiswerk van die vergadering: 1 is de eerste."""
    gedaan: bool
    opmerking: str | None = None


class Communicatie(LivbModel):
    """Something the municipality told the public about the plan (step 4.3, 5.2)."""

    datum: Datering
    wat: Tekst
    """Wat en via welk kanaal, bv. 'Artikel in het stadsmagazine over het eerste jaar'."""


class Monitoring(LivbModel):
    """The content of monitoring/JJJJ.yaml: the follow-up of the plan in that year."""

    metingen: list[Indicatormeting] = []
    """De waarden van de indicatoren (id uit doelstellingen/), met datum en bron."""
    acties: list[Actiestand] = []
    """De stand van elke actie in dit jaar (bij vertraagd en geschrapt met de 'reden') en wat ze
    kostte ('besteed', in euro); de recentste stand gaat voor die in het plan."""
    huiswerk: list[HuiswerkOpvolging] = []
    """De opvolging van het huiswerk van de vergaderingen."""
    communicatie: list[Communicatie] = []
    """Wat er naar buiten gebracht werd: persbericht, stadsmagazine, website, ..."""
    vooruitblik: str | None = None
    """Wat het volgende jaar brengt (komt in het jaarrapport)."""
