"""``livb new actor``: an actor appended to actoren.yaml, every other line left as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core.errors import LivbError, UsageError
from livb.model import Project
from livb.model.actoren import Actor, Rol, Sector
from livb.starters._base import (
    Change,
    NewResult,
    Options,
    Starter,
    check_id,
    check_text,
    choice,
    edit,
    run,
    validate,
)
from livb.starters.skeleton import complete


class ActorOptions(Options):
    """The options of ``livb new actor``: the fields of the actor that can be given at once."""

    id: str | None = Field(None, description="de nieuwe id.")
    naam: str | None = Field(None, description="de naam.")
    rol: str | None = Field(
        None,
        description="de rol, bv. schepen.",
        json_schema_extra={"keuzes": "livb.model.actoren:Rol"},
    )
    functie: str | None = Field(None, description="de functie.")
    organisatie: str | None = Field(None, description="de organisatie.")
    sector: str | None = Field(
        None,
        description="de sector, bv. welzijn.",
        json_schema_extra={"keuzes": "livb.model.actoren:Sector"},
    )


def start(root: Path, options: ActorOptions, today: dt.date) -> NewResult:
    """Append an actor to actoren.yaml, leaving every other line as it was."""
    if not options.id:
        raise UsageError("geef de id van de nieuwe actor: --id ID")
    given: dict[str, Any] = {k: v for k, v in options.model_dump().items() if v not in (None, "")}
    check_id(given["id"], "een actor")
    for option in ("naam", "functie", "organisatie"):
        if option in given:
            check_text(given[option], f"--{option}")
    if "rol" in given:
        given["rol"] = choice(given["rol"], [r.value for r in Rol], "onbekende rol")
    if "sector" in given:
        given["sector"] = choice(given["sector"], [s.value for s in Sector], "onbekende sector")
    validate(Actor, given)
    item = skeleton(given)

    def prepare(project: Project) -> Change:
        if any(a.id == item["id"] for a in project.actoren.actoren):
            raise LivbError(f"de actor '{item['id']}' bestaat al", "kies een andere id")
        summary = f"actor '{item['id']}' toegevoegd"
        return edit(root, project, "actoren.yaml", "actoren", item, today, summary)

    return run(root, "livb new actor", prepare)


def skeleton(given: dict[str, Any], model: type[Actor] = Actor) -> dict[str, Any]:
    """The new item: every field of an actor, what was given filled in, the rest to fill."""
    return complete(model, given)


STARTER = Starter("actor", ActorOptions, start, Actor)
