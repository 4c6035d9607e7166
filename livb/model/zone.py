"""zone.yaml: the police zone's own folder, shared by its municipalities (the ZVP once)."""

from __future__ import annotations

from typing import Literal

from livb.model._base import Datum, Id, LivbModel, Periode, Tekst
from livb.model.instellingen import NisCode
from livb.model.plan import PlanItem


class ZoneGemeente(LivbModel):
    """A municipality of the police zone."""

    naam: Tekst
    nis_code: NisCode
    map: str | None = None
    """Het pad naar de gemeentemap vanaf deze map, bv. '../halle' (voor livb status ZONE)."""


class ZvpActie(LivbModel):
    """An action of the zonal safety plan, under one of its priorities."""

    id: Id
    titel: Tekst
    prioriteit: Id
    """De id van de prioriteit van het ZVP waaronder de actie valt."""


class ZoneBesluit(LivbModel):
    """A decision of the zonale veiligheidsraad."""

    datum: Datum
    tekst: Tekst


class Zvp(LivbModel):
    """The zonal safety plan: its period, priorities and actions."""

    titel: Tekst
    periode: Periode | None = None
    prioriteiten: list[PlanItem] = []
    """De prioriteiten van het ZVP; het plan van elke gemeente hoort erop te antwoorden."""
    acties: list[ZvpActie] = []


class ZoneBestand(LivbModel):
    """The content of zone.yaml in the police zone's folder."""

    naam: Tekst
    """Naam van de politiezone, bv. PZ Zennevallei."""
    gemeenten: list[ZoneGemeente]
    zvp: Zvp
    besluiten: list[ZoneBesluit] = []
    """Beslissingen van de zonale veiligheidsraad over het ZVP."""
    taal: Literal["nl", "fr"] = "nl"
    """De taal van livb's meldingen over deze map: nl of fr."""
