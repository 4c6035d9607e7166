"""besluiten.yaml: approvals and signatures by college, council, mayor and the FOD."""

from __future__ import annotations

from livb.core.i18n import N_
from livb.model._base import ActorId, Id, LivbModel
from livb.model._keuze import Keuze
from livb.model._tijd import Datering


class Instantie(Keuze):
    """Who decides or signs."""

    COLLEGE = N_("college")
    GEMEENTERAAD = N_("gemeenteraad")
    RAADSCOMMISSIE = N_("raadscommissie")
    BURGEMEESTER = N_("burgemeester")
    FOD = N_("fod")
    PROVINCIE = N_("provincie")
    KERNGROEP = N_("kerngroep")
    ZONALE_VEILIGHEIDSRAAD = N_("zonale_veiligheidsraad")

    @property
    def label(self) -> str:
        """The body as a sentence or a table names it: 'zonale veiligheidsraad', 'FOD'."""
        return {"fod": "FOD", "zonale_veiligheidsraad": "zonale veiligheidsraad"}.get(
            self.value, self.value
        )


class Onderwerp(Keuze):
    """What was decided on: the documents and milestones of the method."""

    INTENTIENOTA = N_("intentienota")
    AANSTELLING_COORDINATOR = N_("aanstelling_coordinator")
    RAPPORT = N_("rapport")
    INTENTIEVERKLARING = N_("intentieverklaring")
    PROTOCOLAKKOORD = N_("protocolakkoord")
    VOORTGANGSRAPPORT = N_("voortgangsrapport")
    DIAGNOSTIEK = N_("diagnostiek")
    PRIORITEITEN = N_("prioriteiten")
    PLAN = N_("plan")
    EVALUATIE = N_("evaluatie")
    """Een evaluatie van het plan: na één jaar (protocolakkoord), tussentijds of op het einde."""
    JAARRAPPORT = N_("jaarrapport")
    """Het jaarrapport over de uitvoering van het plan, voor college en gemeenteraad."""
    BEGROTING = N_("begroting")
    """De middelen van het plan per jaar en per bron, of een wijziging ervan (livb render
    begroting)."""
    ANDERE = N_("andere")

    @property
    def label(self) -> str:
        """The subject as a sentence names it, with its diacritics: 'aanstelling coördinator'."""
        return {
            "aanstelling_coordinator": "aanstelling coördinator",
            "andere": "ander onderwerp",
        }.get(self.value, self.value)


class Uitkomst(Keuze):
    """The outcome of the decision."""

    GOEDGEKEURD = N_("goedgekeurd")
    ONDERTEKEND = N_("ondertekend")
    KENNISGENOMEN = N_("kennisgenomen")
    UITGESTELD = N_("uitgesteld")
    AFGEWEZEN = N_("afgewezen")


class Besluit(LivbModel):
    """One decision or signature."""

    id: Id
    datum: Datering
    """JJJJ-MM-DD; voor een oude beslissing waarvan de dag niet bekend is ook JJJJ-MM of JJJJ."""
    door: Instantie
    """Wie besliste of tekende: college, raadscommissie, gemeenteraad, burgemeester, fod, ..."""
    onderwerp: Onderwerp
    uitkomst: Uitkomst = Uitkomst.GOEDGEKEURD
    """goedgekeurd, ondertekend, kennisgenomen, uitgesteld of afgewezen."""
    ondertekenaar: ActorId | None = None
    """Bij een ondertekening: wie tekende."""
    referentie: str | None = None
    """Nummer of kenmerk van de beslissing, bv. 'CBS 2009/0412'."""
    vorig_plan: str | None = None
    """Alleen bij een besluit over een vorig plan (bv. de evaluatie van 'Veiligheidsplan
    2006-2007'): de naam van dat plan. Zo'n besluit telt niet mee voor het plan van deze map."""
    toelichting: str | None = None
    """Een interne notitie bij de beslissing; ze komt in geen document."""


class BesluitenBestand(LivbModel):
    """The content of besluiten.yaml."""

    besluiten: list[Besluit] = []
