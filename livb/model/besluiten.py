"""besluiten.yaml: approvals and signatures by college, council, mayor and the FOD."""

from __future__ import annotations

from enum import StrEnum

from livb.model._base import ActorId, Datum, Id, LivbModel


class Instantie(StrEnum):
    """Who decides or signs."""

    COLLEGE = "college"
    GEMEENTERAAD = "gemeenteraad"
    BURGEMEESTER = "burgemeester"
    FOD = "fod"
    PROVINCIE = "provincie"
    KERNGROEP = "kerngroep"
    ZONALE_VEILIGHEIDSRAAD = "zonale_veiligheidsraad"


class Onderwerp(StrEnum):
    """What was decided on: the documents and milestones of the method."""

    INTENTIENOTA = "intentienota"
    AANSTELLING_COORDINATOR = "aanstelling_coordinator"
    RAPPORT = "rapport"
    INTENTIEVERKLARING = "intentieverklaring"
    PROTOCOLAKKOORD = "protocolakkoord"
    VOORTGANGSRAPPORT = "voortgangsrapport"
    DIAGNOSTIEK = "diagnostiek"
    PRIORITEITEN = "prioriteiten"
    PLAN = "plan"
    EVALUATIE = "evaluatie"
    ANDERE = "andere"


class Uitkomst(StrEnum):
    """The outcome of the decision."""

    GOEDGEKEURD = "goedgekeurd"
    ONDERTEKEND = "ondertekend"
    KENNISGENOMEN = "kennisgenomen"
    UITGESTELD = "uitgesteld"
    AFGEWEZEN = "afgewezen"


class Besluit(LivbModel):
    """One decision or signature."""

    id: Id
    datum: Datum
    door: Instantie
    """Wie besliste of tekende: college, gemeenteraad, burgemeester, fod, provincie, ..."""
    onderwerp: Onderwerp
    uitkomst: Uitkomst = Uitkomst.GOEDGEKEURD
    ondertekenaar: ActorId | None = None
    """Bij een ondertekening: wie tekende."""
    referentie: str | None = None
    """Nummer of kenmerk van de beslissing, bv. 'CBS 2009/0412'."""
    toelichting: str | None = None


class BesluitenBestand(LivbModel):
    """The content of besluiten.yaml."""

    besluiten: list[Besluit] = []
