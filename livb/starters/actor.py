"""``livb new actor``: an actor appended to actoren.yaml, every other line left as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core.errors import LivbError, UsageError
from livb.core.i18n import N_, tr
from livb.model import Project
from livb.model._keuze import Keuze
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

    id: str | None = Field(None, description=N_("de nieuwe id."))
    naam: str | None = Field(None, description=N_("de naam."))
    rol: str | None = Field(
        None,
        description=N_("de rol, bv. schepen."),
        json_schema_extra={"keuzes": "livb.model.actoren:Rol"},
    )
    functie: str | None = Field(None, description=N_("de functie."))
    organisatie: str | None = Field(None, description=N_("de organisatie."))
    sector: str | None = Field(
        None,
        description=N_("de sector, bv. welzijn."),
        json_schema_extra={"keuzes": "livb.model.actoren:Sector"},
    )


def start(root: Path, options: ActorOptions, today: dt.date) -> NewResult:
    """Append an actor to actoren.yaml, leaving every other line as it was."""
    if not options.id:
        raise UsageError(tr("geef de id van de nieuwe actor: --id ID"))
    given: dict[str, Any] = {k: v for k, v in options.model_dump().items() if v not in (None, "")}
    check_id(given["id"], N_("een actor"))
    for option in ("naam", "functie", "organisatie"):
        if option in given:
            check_text(given[option], f"--{option}")
    if "rol" in given:
        given["rol"] = _chosen(Rol, given["rol"], N_("onbekende rol '{waarde}'"))
    if "sector" in given:
        given["sector"] = _chosen(Sector, given["sector"], N_("onbekende sector '{waarde}'"))
    validate(Actor, given)
    item = skeleton(given)

    def prepare(project: Project) -> Change:
        if any(a.id == item["id"] for a in project.actoren.actoren):
            raise LivbError(
                tr("de actor '{id}' bestaat al", id=item["id"]), tr("kies een andere id")
            )
        summary = tr("actor '{id}' toegevoegd", id=item["id"])
        return edit(root, project, "actoren.yaml", "actoren", item, today, summary)

    return run(root, "livb new actor", prepare)


def _chosen(kind: type[Keuze], value: str, unknown: str) -> str:
    """The Dutch value of ``value``: the value itself or its French word (bourgmestre)."""
    found = kind._missing_(value)
    if isinstance(found, kind):
        return found.value
    return choice(value, [member.value for member in kind], unknown)


def skeleton(given: dict[str, Any], model: type[Actor] = Actor) -> dict[str, Any]:
    """The new item: every field of an actor, what was given filled in, the rest to fill."""
    return complete(model, given)


STARTER = Starter("actor", ActorOptions, start, Actor)
