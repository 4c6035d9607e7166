"""``livb new gesprek``: the file of an orientation interview, with the questions of Tool D."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core import i18n
from livb.core.errors import UsageError
from livb.core.formatting import long_date
from livb.core.i18n import N_, tr
from livb.core.transaction import shown
from livb.model import Project
from livb.model.actoren import Rol
from livb.model.gesprek import Gesprek
from livb.starters._base import Change, NewResult, Options, Starter, new_file, parse_stappen, run
from livb.starters.skeleton import document

INTERVIEW_STEPS = ("1.2", "2.2")


class GesprekOptions(Options):
    """The options of ``livb new gesprek``."""

    met: list[str] = Field(
        [], description=N_("met wie: een actor-id, of een rol die één actor heeft.")
    )
    stap: list[str] = Field(
        [],
        description=N_(
            "de stap van de methode, 1.2 of 2.2; zonder --stap 1.2 vóór het "
            "protocolakkoord, 2.2 erna."
        ),
    )
    datum: dt.date | None = Field(None, description=N_("de datum (JJJJ-MM-DD)."))


def start(root: Path, options: GesprekOptions, today: dt.date) -> NewResult:
    """Create the file of an orientation interview with the Tool D questions.

    Without ``stap`` the step follows from the process: 1.2 (the preparation, with the
    mayor) until the protocolakkoord carries both signatures, 2.2 after.
    """
    from livb.method.queries import protocol_period

    if not options.met:
        raise UsageError(tr("zeg met wie het gesprek is: --met ID (of een rol, bv. burgemeester)"))
    steps, notes = _interview_steps(options.stap)
    day = options.datum or today

    def prepare(project: Project) -> Change:
        people, found = _interviewees(project, options.met)
        if steps:
            stap = steps[0]
        else:
            period = protocol_period(project, day)
            signed = period.start if period else None
            stap = "2.2" if signed else "1.2"
            found.append(
                tr(
                    "stap 2.2: het protocolakkoord is ondertekend op {datum}",
                    datum=long_date(signed),
                )
                if signed
                else tr("stap 1.2: het protocolakkoord is nog niet ondertekend (de voorbereiding)")
            )
        known = {a.id: a for a in project.actoren.actoren}
        coordinator = project.instellingen.coordinator
        names = ", ".join(known[a].naam or a for a in people)
        values = {
            "stap": stap,
            "datum": day,
            "met": people,
            "door": [coordinator] if coordinator else [],
            "vertrouwelijk": True,
        }
        text = skeleton(
            values, tr("Oriëntatiegesprek met {namen} (gemaakt met livb new).", namen=names)
        )
        change = new_file(
            root,
            project,
            "gesprekken",
            f"{day.isoformat()}-{people[0]}",
            text,
            today,
            tr("gesprek met {namen}, stap {stap}", namen=names, stap=stap),
        )
        return replace(change, notes=found)

    return run(root, "livb new gesprek", prepare, notes)


def _interview_steps(stap: list[str]) -> tuple[list[str], list[str]]:
    """The step given with --stap (at most one: 1.2 or 2.2), and the notes on reading it."""
    steps, notes = parse_stappen(stap)
    if len(steps) > 1:
        raise UsageError(
            tr(
                "een oriëntatiegesprek hoort bij één stap, niet bij {stappen}",
                stappen=", ".join(steps),
            ),
            tr("geef --stap 1.2 of --stap 2.2, of laat --stap weg"),
        )
    if steps and steps[0] not in INTERVIEW_STEPS:
        raise UsageError(
            tr("een oriëntatiegesprek hoort bij stap 1.2 of 2.2, niet bij {stap}", stap=steps[0]),
            tr("1.2: met de burgemeester, in de voorbereiding; 2.2: met de leden van de kerngroep"),
        )
    return steps, notes


def skeleton(values: dict[str, Any], kop: str, model: type[Gesprek] = Gesprek) -> str:
    """The text of a new interview's file: every field, the questions of Tool D to answer."""
    questions = {
        part: [{"vraag": vraag} for vraag in guide["vragen"]] for part, guide in tool_d().items()
    }
    return document(model, {**questions, **values}, kind="gesprek", header=[kop])


def tool_d() -> dict[str, dict[str, Any]]:
    """The questions of Tool D for a talk with a member (livb/data/tool_d.yaml, 'lid').

    A French folder gets them from the French twin, tool_d.fr.yaml.
    """
    return _tool_d(i18n.language())


@cache
def _tool_d(taal: str) -> dict[str, dict[str, Any]]:
    from importlib import resources

    from livb.folder.yamlio import parse_fast

    name = "tool_d.yaml" if taal == "nl" else f"tool_d.{taal}.yaml"
    text = resources.files("livb").joinpath("data", name).read_text(encoding="utf-8")
    return dict(parse_fast(text)["lid"])


def _interviewees(project: Project, met: Iterable[str]) -> tuple[list[str], list[str]]:
    """The actor ids of ``--met``: ids, or a role or name that exactly one actor has."""
    actors = project.actoren.actoren
    ids = [a.id for a in actors]
    people: list[str] = []
    notes: list[str] = []
    for value in (part.strip() for given in met for part in given.split(",")):
        if not value:
            continue
        if value in ids:
            actor_id = value
        else:
            actor_id = _by_role_or_name(project, value)
            found = next(a for a in actors if a.id == actor_id)
            notes.append(f"--met {value}: {found.naam or found.id} ({found.id})")
        if actor_id not in people:
            people.append(actor_id)
    if not people:
        raise UsageError(
            tr("zeg met wie het gesprek is"), tr("--met ID (of een rol: --met burgemeester)")
        )
    return people, notes


def _by_role_or_name(project: Project, value: str) -> str:
    actors = project.actoren.actoren
    role = re.sub(r"[\s-]+", "_", value.strip().casefold())
    french = Rol._missing_(value)  # a French folder's word: --met bourgmestre
    if isinstance(french, Rol):
        role = french.value
    if role in {r.value for r in Rol}:
        holders = [a for a in actors if a.rol is not None and a.rol.value == role]
        if len(holders) == 1:
            return holders[0].id
        if not holders:
            raise UsageError(
                tr("geen enkele actor heeft de rol '{rol}'", rol=role),
                tr(
                    "voeg die actor eerst toe: livb new actor --id ID --naam NAAM --rol {rol}",
                    rol=role,
                ),
            )
        listing = ", ".join(f"{a.id} ({a.naam})" if a.naam else a.id for a in holders)
        raise UsageError(
            tr(
                "{aantal} actoren hebben de rol '{rol}': {lijst}",
                aantal=len(holders),
                rol=role,
                lijst=listing,
            ),
            tr("kies er één met --met ID"),
        )
    named = [a for a in actors if a.naam and a.naam.casefold() == value.strip().casefold()]
    if len(named) == 1:
        return named[0].id
    ids = [a.id for a in actors]
    from livb.folder.schema_errors import suggest

    guess = suggest(value, ids)
    message = tr("onbekende actor '{waarde}'", waarde=shown(value))
    raise UsageError(
        tr("{melding}; bedoelde je '{gok}'?", melding=message, gok=guess) if guess else message,
        tr(
            "geef de id van een actor uit actoren.yaml of een rol (--met burgemeester); "
            "een nieuwe actor voeg je toe met livb new actor"
        ),
    )


STARTER = Starter("gesprek", GesprekOptions, start, Gesprek)
