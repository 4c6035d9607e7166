"""The money of the plan: funding sources, amounts per year and source, staff, BBC codes.

A coordinator's year runs on the calendars of whoever pays: the municipality's own meerjarenplan
(the Flemish beleids- en beheerscyclus, BBC), a federally funded prevention plan, Flemish or
provincial subsidies, the police zone. plan.yaml declares each source once (``financiering``);
an action gives its money per year and source (``middelen``), its place in the meerjarenplan
(``bbc``) and its staff (``personeel``); monitoring/JJJJ.yaml gives what was spent, per source
(``uitgaven``). The totals are sums, made in one place: :mod:`livb.method.money`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from livb.core.i18n import N_
from livb.model._base import Bedrag, FinancieringId, Id, Jaar, LivbModel, Periode, Tekst
from livb.model._keuze import Keuze


class Bronsoort(Keuze):
    """Who pays: the kinds of funding source."""

    EIGEN = N_("eigen")
    FEDERAAL_PREVENTIEPLAN = N_("federaal_preventieplan")
    VLAAMS = N_("vlaams")
    PROVINCIE = N_("provincie")
    POLITIEZONE = N_("politiezone")
    ANDER = N_("ander")


class Kostensoort(Keuze):
    """The categories a subsidy is accounted in: staff, running costs, investment."""

    PERSONEEL = N_("personeel")
    WERKING = N_("werking")
    INVESTERING = N_("investering")


class Financieringsbron(LivbModel):
    """A source of money for the plan, with its period and what it granted per year."""

    id: Id
    """Korte vaste naam waarmee de acties naar deze bron verwijzen, bv. 'svpp'."""
    naam: Tekst
    """Voluit, bv. 'Strategisch veiligheids- en preventieplan 2020-2025'."""
    soort: Bronsoort
    """eigen, federaal_preventieplan, vlaams, provincie, politiezone of ander."""
    periode: Periode | None = None
    """De looptijd van de financiering (van, tot)."""
    toegekend: dict[Jaar, Bedrag] = {}
    """Wat de bron per jaar toekent, in euro: jaar: bedrag, bv. 2026: 120000."""
    referentie: str | None = None
    """Kenmerk van de toekenning, bv. het nummer van het ministerieel besluit."""

    @model_validator(mode="after")
    def _years(self) -> Financieringsbron:
        if self.periode is None and not self.toegekend:
            raise ValueError(
                f"de bron '{self.id}' noemt geen jaren: geef haar 'periode' of 'toegekend'"
            )
        if self.periode is not None:
            outside = [
                y for y in self.toegekend if not self.periode.van.year <= y <= self.periode.tot.year
            ]
            if outside:
                raise ValueError(
                    f"de bron '{self.id}' kent geld toe in {outside[0]}, buiten haar periode "
                    f"({self.periode.van} – {self.periode.tot})"
                )
        return self


class Middel(LivbModel):
    """An amount an action gets in one year from one source."""

    jaar: Jaar
    bron: FinancieringId
    bedrag: Bedrag
    """In euro."""
    categorie: Kostensoort | None = None
    """personeel, werking of investering (de rubrieken van een subsidie)."""


class Uitgave(LivbModel):
    """What an action spent in the year of the monitoring file, from one source."""

    bron: FinancieringId
    bedrag: Bedrag
    """In euro."""
    categorie: Kostensoort | None = None
    """personeel, werking of investering (de rubrieken van een subsidie)."""


class Personeel(LivbModel):
    """A post that carries an action or a priority: function, FTE and who pays it."""

    functie: Tekst
    """bv. 'preventiewerker', 'straathoekwerker'."""
    vte: Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]
    """Voltijdse equivalenten, bv. 0.5."""
    bron: FinancieringId | None = None
    """De financieringsbron die de post betaalt."""


class Bbc(LivbModel):
    """Where an action sits in the meerjarenplan of the beleids- en beheerscyclus (BBC)."""

    beleidsdoelstelling: str | None = None
    """De code of naam van de beleidsdoelstelling in het meerjarenplan, bv. 'BD3'."""
    actieplan: str | None = None
    """bv. 'AP3.2'."""
    actie: str | None = None
    """De actie van het meerjarenplan, bv. 'AC3.2.1'."""
    beleidsveld: str | None = None
    """Het beleidsveld of de cluster, bv. '0400 Veiligheidszorg'."""

    @property
    def leeg(self) -> bool:
        """Whether no code is filled in."""
        return not any((self.beleidsdoelstelling, self.actieplan, self.actie, self.beleidsveld))
