"""Small views on the project that several rules share."""

from __future__ import annotations

from livb.model import Project
from livb.model.actoren import Actor


def actors(project: Project) -> dict[str, Actor]:
    """Every actor by id."""
    return {actor.id: actor for actor in project.actoren.actoren}


def kerngroep(project: Project) -> list[Actor]:
    """The kerngroep members that are known actors."""
    known = actors(project)
    return [known[m] for m in project.organen.kerngroep.leden if m in known]


def phase_three_started(project: Project) -> bool:
    """Whether the design phase has begun: goals are being written."""
    return any(f.strategische_doelstellingen for f in project.doelstellingen.values())
