"""Small views on the project that several rules share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from livb.model import Project
from livb.model.actoren import Actor
from livb.model.plan import Actie, Indicator, OperationeleDoelstelling, StrategischeDoelstelling


def actors(project: Project) -> dict[str, Actor]:
    """Every actor by id."""
    return {actor.id: actor for actor in project.actoren.actoren}


def kerngroep(project: Project) -> list[Actor]:
    """The kerngroep members that are known actors."""
    known = actors(project)
    return [known[m] for m in project.organen.kerngroep.leden if m in known]


def strategic_goals(
    project: Project,
) -> Iterator[tuple[str, tuple[Any, ...], StrategischeDoelstelling]]:
    """Every strategic goal with its file and path."""
    for path, bestand in sorted(project.doelstellingen.items()):
        for s, sd in enumerate(bestand.strategische_doelstellingen):
            yield path, ("strategische_doelstellingen", s), sd


def operational_goals(
    project: Project,
) -> Iterator[tuple[str, tuple[Any, ...], OperationeleDoelstelling]]:
    """Every operational goal with its file and path."""
    for path, loc, sd in strategic_goals(project):
        for o, od in enumerate(sd.operationele_doelstellingen):
            yield path, (*loc, "operationele_doelstellingen", o), od


def indicators(project: Project) -> Iterator[tuple[str, tuple[Any, ...], Indicator]]:
    """Every indicator with its file and path."""
    for path, loc, od in operational_goals(project):
        for i, indicator in enumerate(od.indicatoren):
            yield path, (*loc, "indicatoren", i), indicator


def actions(project: Project) -> Iterator[tuple[str, tuple[Any, ...], Actie]]:
    """Every action with its file and path."""
    for path, loc, od in operational_goals(project):
        for a, actie in enumerate(od.acties):
            yield path, (*loc, "acties", a), actie


def phase_three_started(project: Project) -> bool:
    """Whether the design phase has begun: goals are being written."""
    return any(f.strategische_doelstellingen for f in project.doelstellingen.values())
