"""The schemas of the gemeente folder: one model per kind of file, and the whole project."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from pydantic import BaseModel

from livb.model.actoren import ActorenBestand
from livb.model.besluiten import BesluitenBestand
from livb.model.diagnostiek import BevindingenBestand, BronnenBestand, CijfersBestand
from livb.model.gesprek import Gesprek
from livb.model.instellingen import Instellingen
from livb.model.monitoring import Monitoring
from livb.model.organen import OrganenBestand
from livb.model.plan import DoelstellingenBestand, Plan
from livb.model.prioriteiten import PrioriteitenBestand
from livb.model.swot import Swot
from livb.model.vergadering import Vergadering
from livb.model.zone import ZoneBestand


@dataclass(frozen=True)
class FileKind:
    """One kind of file in the folder.

    Attributes:
        name: the kind's name, also the name of its JSON Schema.
        pattern: where the file lives: a path, or ``folder/*.yaml`` for one file per item.
        model: the schema of the file's content.
        summary: a Dutch line for help texts and the README.
        required: a folder without it is not a gemeente folder.
    """

    name: str
    pattern: str
    model: type[BaseModel]
    summary: str
    required: bool = False

    @property
    def many(self) -> bool:
        """Whether this kind has one file per item in a folder."""
        return self.pattern.endswith("/*.yaml")

    @property
    def folder(self) -> str:
        """The folder of a one-file-per-item kind ('' for single files)."""
        return str(PurePosixPath(self.pattern).parent) if self.many else ""


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("livb", "livb.yaml", Instellingen, "de gemeente, de naam van het beleid", True),
    FileKind("actoren", "actoren.yaml", ActorenBestand, "personen en organisaties"),
    FileKind("organen", "organen.yaml", OrganenBestand, "kerngroep, projectgroepen, comités"),
    FileKind("besluiten", "besluiten.yaml", BesluitenBestand, "goedkeuringen en handtekeningen"),
    FileKind("gesprek", "gesprekken/*.yaml", Gesprek, "één oriëntatiegesprek per bestand"),
    FileKind("vergadering", "vergaderingen/*.yaml", Vergadering, "één vergadering per bestand"),
    FileKind("bronnen", "diagnostiek/bronnen.yaml", BronnenBestand, "gegevensbronnen (Tool C)"),
    FileKind("cijfers", "diagnostiek/cijfers.yaml", CijfersBestand, "cijferreeksen per jaar"),
    FileKind("bevindingen", "diagnostiek/bevindingen.yaml", BevindingenBestand, "bevindingen"),
    FileKind("swot", "swot.yaml", Swot, "de SWOT-analyse (Tool E)"),
    FileKind("prioriteiten", "prioriteiten.yaml", PrioriteitenBestand, "hoogstens vijf"),
    FileKind("plan", "plan.yaml", Plan, "visie, doelen, afstemming, organisatie van het plan"),
    FileKind(
        "doelstellingen",
        "doelstellingen/*.yaml",
        DoelstellingenBestand,
        "de doelstellingen van één prioriteit per bestand",
    ),
    FileKind(
        "monitoring",
        "monitoring/*.yaml",
        Monitoring,
        "de opvolging van het plan in één jaar: monitoring/JJJJ.yaml",
    ),
)

KINDS_BY_NAME = {kind.name: kind for kind in FILE_KINDS}


@dataclass
class Project:
    """A whole, validated gemeente folder.

    Attributes:
        files: every file's model, by its path relative to the folder (POSIX form).
        series: the figures of each series of diagnostiek/cijfers.yaml, by series id.
        monitoring: the follow-up of each year (monitoring/JJJJ.yaml), by year.
    """

    instellingen: Instellingen
    actoren: ActorenBestand = field(default_factory=ActorenBestand)
    organen: OrganenBestand = field(default_factory=OrganenBestand)
    besluiten: BesluitenBestand = field(default_factory=BesluitenBestand)
    gesprekken: dict[str, Gesprek] = field(default_factory=dict)
    vergaderingen: dict[str, Vergadering] = field(default_factory=dict)
    bronnen: BronnenBestand = field(default_factory=BronnenBestand)
    cijfers: CijfersBestand = field(default_factory=CijfersBestand)
    bevindingen: BevindingenBestand = field(default_factory=BevindingenBestand)
    swot: Swot = field(default_factory=Swot)
    prioriteiten: PrioriteitenBestand = field(default_factory=PrioriteitenBestand)
    plan: Plan = field(default_factory=Plan)
    doelstellingen: dict[str, DoelstellingenBestand] = field(default_factory=dict)
    monitoring: dict[int, Monitoring] = field(default_factory=dict)
    files: dict[str, BaseModel] = field(default_factory=dict)
    series: dict[str, dict[int, float]] = field(default_factory=dict)
    zone: ZoneBestand | None = None
    """The police zone's shared folder (zone.yaml), when livb.yaml names it."""
