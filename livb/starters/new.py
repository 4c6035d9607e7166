"""``livb new``: start the next piece of the process from a skeleton, touching nothing else.

A gemeente folder often lives on a shared drive that several people edit. Every ``livb new``
therefore works under a lock on the folder (``.livb/new.lock``), checks what it is about to
write against the schemas and the rules of ``livb check`` before writing anything, and writes
with compare-and-swap: a file that changed since it was read (a hand edit in an editor) is
left alone. A new file is created exclusively, so two meetings on one day never overwrite
each other.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from livb.core.dates import dutch_date, months_later
from livb.core.errors import LivbError, UsageError
from livb.core.safepaths import refuse_links
from livb.core.transaction import (
    LOCK as LOCK,
)
from livb.core.transaction import (
    FileChangedError,
    create_exclusive,
    folder_lock,
    invisible,
    shown,
    write_atomic,
)
from livb.core.words import count
from livb.folder.project import load_project
from livb.folder.schema_errors import suggest, translate
from livb.folder.yamledit import append_to_list, dump_list_item
from livb.folder.yamlio import YamlSyntaxError, parse_fast
from livb.method.queries import orgaan_naam, overleg
from livb.model import FILE_KINDS, Project
from livb.model._base import ID_PATTERN
from livb.model.actoren import Actor, Rol, Sector
from livb.model.organen import VASTE_ORGANEN
from livb.model.prioriteiten import Prioriteit
from livb.model.stappen import STAP_TITELS, Stap
from livb.model.walk import actions, indicators, operational_goals, strategic_goals
from livb.starters.skeleton import render

"""Seconds to wait for another ``livb new`` on the same folder before giving up."""

AGENDA: dict[str, list[str]] = {
    "1.6": [
        "Kennismaking: elk lid stelt zich voor",
        "Het lokaal integraal veiligheidsbeleid: begrippen en aanpak",
        "De rol en de inbreng van elk lid",
        "Timing van het traject",
    ],
    "2.1": [
        "Aanpak van de veiligheidsdiagnostiek",
        "Welke gegevens levert elke partner?",
        "Samenstelling van het redactiecomité",
        "Objectieve en subjectieve onveiligheid",
    ],
    "2.3": ["Voorstelling van de bestaande beleidsplannen (zonaal veiligheidsplan, ...)"],
    "2.4": [
        "Voorstelling van de veiligheidsdiagnostiek door het redactiecomité",
        "Opmerkingen en aanvullingen",
    ],
    "2.5": [
        "SWOT-analyse: sterktes, zwaktes, kansen en bedreigingen",
        "Confrontatiematrix en conclusies",
    ],
    "2.6": [
        "Keuze van de prioriteiten (hoogstens vijf)",
        "Samenstelling van de projectgroepen en keuze van de projectleiders",
    ],
    "3.1": [
        "Integrale veiligheid en de keuze van deze prioriteit",
        "Lopende acties, knelpunten en behoeften van de partners",
        "Wat van de projectgroep verwacht wordt",
    ],
    "3.2": ["Eerste ontwerp van het plan: visie, doelen en strategische doelstellingen"],
    "3.3": ["Brainstorm over de stellingen en vragen (vooraf rondgestuurd)"],
    "3.5": ["Voorstelling van het plan aan de kerngroep en de projectgroepen"],
}

INTERVIEW_STEPS = ("1.2", "2.2")


@dataclass
class NewResult:
    """What ``livb new`` wrote.

    Attributes:
        path: the file written.
        created: a new file (True) or an existing one extended (False).
        summary: one Dutch line on what it holds.
        notes: how livb read the options (``--stap 2,5`` as 2.5, a role as an actor).
    """

    path: Path
    created: bool
    summary: str
    notes: list[str] = field(default_factory=list)


# --- the commands ---------------------------------------------------------------------------


def new_vergadering(
    root: Path, orgaan: str, datum: dt.date | None, stappen: list[str], today: dt.date
) -> NewResult:
    """Create the file of the next meeting of a body, agenda and attendees filled in."""
    steps, notes = parse_stappen(stappen)

    def prepare(project: Project) -> Change:
        body = _choice(orgaan, _organen(project), "onbekend orgaan")
        members, chair = _members(project, body)
        previous = sorted(
            ((i, v) for i, v in project.vergaderingen.items() if v.orgaan == body),
            key=lambda item: item[1].datum,
        )
        last = previous[-1] if previous else None
        planned = last[1].volgende_vergadering if last else None
        day = datum or (planned.datum if planned and planned.datum >= today else today)
        agenda = []
        if last:
            agenda.append(f"Goedkeuring van het verslag van {dutch_date(last[1].datum)}")
            agenda.append("Overzicht van de stappen die al gezet zijn")
        for stap in steps:
            agenda.extend(AGENDA.get(stap, [STAP_TITELS[Stap(stap)]]))
        if not steps:
            agenda.append("Stand van zaken")
        agenda += ["Volgende stap en huiswerk", "Datum van de volgende vergadering"]
        name = orgaan_naam(project, body)
        context: dict[str, Any] = {
            "kop": f"Vergadering van {name} op {dutch_date(day)} (gemaakt met livb new).",
            "orgaan": body,
            "titel": STAP_TITELS[Stap(steps[0])] if steps else f"Vergadering van {name}",
            "stappen": steps,
            "datum": day.isoformat(),
            "uur": (planned.uur if planned and planned.uur else None)
            or (last[1].uur if last and last[1].uur else "14:00"),
            "plaats": (planned.plaats if planned else None) or (last[1].plaats if last else None),
            "voorzitter": chair or (last[1].voorzitter if last else None),
            "verslaggever": project.organen.kerngroep.secretaris
            or project.instellingen.coordinator,
            "aanwezig": members,
            "vorige": last[0] if last else None,
            "agenda": agenda,
        }
        return _new_file(
            root,
            project,
            "vergaderingen",
            f"{day.isoformat()}-{body}",
            render("new/vergadering.yaml.j2", context),
            today,
            f"vergadering van {dutch_date(day)} met {count(len(members), 'lid', 'leden')}",
        )

    return _run(root, "livb new vergadering", prepare, notes)


def new_gesprek(
    root: Path, met: list[str], stappen: list[str], datum: dt.date | None, today: dt.date
) -> NewResult:
    """Create the file of an orientation interview with the Tool D questions.

    Without ``stappen`` the step follows from the process: 1.2 (the preparation, with the
    mayor) until the protocolakkoord carries both signatures, 2.2 after.
    """
    from livb.method.queries import protocol_period

    steps, notes = parse_stappen(stappen)
    if len(steps) > 1:
        raise UsageError(
            f"een oriëntatiegesprek hoort bij één stap, niet bij {', '.join(steps)}",
            "geef --stap 1.2 of --stap 2.2, of laat --stap weg",
        )
    if steps and steps[0] not in INTERVIEW_STEPS:
        raise UsageError(
            f"een oriëntatiegesprek hoort bij stap 1.2 of 2.2, niet bij {steps[0]}",
            "1.2: met de burgemeester, in de voorbereiding; 2.2: met de leden van de kerngroep",
        )
    day = datum or today

    def prepare(project: Project) -> Change:
        people, found = _interviewees(project, met)
        if steps:
            stap = steps[0]
        else:
            period = protocol_period(project, day)
            signed = period.start if period else None
            stap = "2.2" if signed else "1.2"
            found.append(
                f"stap 2.2: het protocolakkoord is ondertekend op {dutch_date(signed)}"
                if signed
                else "stap 1.2: het protocolakkoord is nog niet ondertekend (de voorbereiding)"
            )
        known = {a.id: a for a in project.actoren.actoren}
        coordinator = project.instellingen.coordinator
        names = ", ".join(known[a].naam or a for a in people)
        context = {
            "kop": f"Oriëntatiegesprek met {names} (gemaakt met livb new).",
            "stap": stap,
            "datum": day.isoformat(),
            "met": people,
            "door": [coordinator] if coordinator else [],
        }
        change = _new_file(
            root,
            project,
            "gesprekken",
            f"{day.isoformat()}-{people[0]}",
            render("new/gesprek.yaml.j2", context),
            today,
            f"gesprek met {names}, stap {stap}",
        )
        return replace(change, notes=found)

    return _run(root, "livb new gesprek", prepare, notes)


def new_actor(root: Path, fields: dict[str, str | None], today: dt.date) -> NewResult:
    """Append an actor to actoren.yaml, leaving every other line as it was."""
    item: dict[str, Any] = {k: v for k, v in fields.items() if v not in (None, "")}
    _check_id(item.get("id", ""), "een actor")
    for option in ("naam", "functie", "organisatie"):
        if option in item:
            _check_text(item[option], f"--{option}")
    if "rol" in item:
        item["rol"] = _choice(item["rol"], [r.value for r in Rol], "onbekende rol")
    if "sector" in item:
        item["sector"] = _choice(item["sector"], [s.value for s in Sector], "onbekende sector")
    _validate(Actor, item)

    def prepare(project: Project) -> Change:
        if any(a.id == item["id"] for a in project.actoren.actoren):
            raise LivbError(f"de actor '{item['id']}' bestaat al", "kies een andere id")
        summary = f"actor '{item['id']}' toegevoegd"
        return _edit(root, project, "actoren.yaml", "actoren", item, today, summary)

    return _run(root, "livb new actor", prepare)


def new_prioriteit(root: Path, id_: str, titel: str, today: dt.date) -> NewResult:
    """Append a priority to prioriteiten.yaml, leaving every other line as it was."""
    _check_id(id_, "een prioriteit")
    _check_text(titel, "--titel")
    item: dict[str, Any] = {
        "id": id_,
        "titel": titel,
        "omschrijving": None,
        "bevindingen": [],
        "swot": [],
        "toelichting": None,
        "aansluiting": [],
    }
    _validate(Prioriteit, item)

    def prepare(project: Project) -> Change:
        if any(p.id == id_ for p in project.prioriteiten.prioriteiten):
            raise LivbError(f"de prioriteit '{id_}' bestaat al", "kies een andere id")
        summary = f"prioriteit '{id_}' toegevoegd; vul de onderbouwing aan"
        return _edit(root, project, "prioriteiten.yaml", "prioriteiten", item, today, summary)

    return _run(root, "livb new prioriteit", prepare)


def new_doelstelling(root: Path, prioriteit: str, today: dt.date) -> NewResult:
    """Create the goals file of a priority, or add a strategic goal to the one it has."""

    def prepare(project: Project) -> Change:
        ids = [p.id for p in project.prioriteiten.prioriteiten]
        if prioriteit not in ids:
            guess = suggest(prioriteit, ids)
            raise UsageError(
                f"onbekende prioriteit '{shown(prioriteit)}'"
                + (f"; bedoelde je '{guess}'?" if guess else ""),
                f"kies uit: {', '.join(ids)}" if ids else "voeg ze eerst toe: livb new prioriteit",
            )
        used = _goal_ids(project)
        number = 1
        while any(f"{prefix}-{prioriteit}-{number}" in used for prefix in ("sd", "od", "i", "a")):
            number += 1
        goal = _goal_skeleton(f"{prioriteit}-{number}", project, today)
        existing = sorted(
            p for p, f in project.doelstellingen.items() if f.prioriteit == prioriteit
        )
        if existing:
            key = "strategische_doelstellingen"
            summary = f"strategische doelstelling {goal['id']} toegevoegd"
            return _edit(root, project, existing[0], key, goal, today, summary)
        text = render(
            "new/doelstellingen.yaml.j2",
            {"prioriteit": prioriteit, "doelstelling": dump_list_item(goal, 2).rstrip("\n")},
        )
        summary = f"doelstellingen voor '{prioriteit}'"
        return _new_file(root, project, "doelstellingen", prioriteit, text, today, summary)

    return _run(root, "livb new doelstelling", prepare)


def new_monitoring(root: Path, jaar: int, today: dt.date) -> NewResult:
    """Create monitoring/JAAR.yaml: every indicator (to fill in) and every action's state.

    The indicators come as commented lines with their baseline and target, the actions with
    their current state (the latest monitoring, else the plan's status), and the huiswerk due
    that year or left undone before. An existing file is never touched.
    """
    from livb.model._base import JAAR_MAX, JAAR_MIN

    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise UsageError(
            f"{jaar} is geen jaar voor de opvolging", "geef een jaartal met vier cijfers, bv. 2011"
        )
    relative = f"monitoring/{jaar}.yaml"

    def prepare(project: Project) -> Change:
        if jaar in project.monitoring or (root / relative).exists():
            raise LivbError(
                f"{relative} bestaat al; livb new overschrijft het niet",
                f"vul {relative} zelf aan, of kies een ander jaar met --jaar",
            )
        context = _monitoring_skeleton(project, jaar, today)
        text = render("new/monitoring.yaml.j2", context)
        indicatoren = count(len(context["indicatoren"]), "indicator", "indicatoren")
        acties = count(len(context["acties"]), "actie", "acties")
        summary = f"opvolging van {jaar}: {indicatoren} en {acties}"
        return _new_file(
            root, project, "monitoring", str(jaar), text, today, summary, renumber=False
        )

    return _run(root, "livb new monitoring", prepare)


# --- reading the options --------------------------------------------------------------------


def parse_stappen(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """The steps of repeated or comma-separated ``--stap`` options, and notes for the user.

    ``2.5,2.6`` and ``--stap 2.5 --stap 2.6`` are two steps; ``2,5`` (a decimal comma, as a
    Belgian keyboard types it) is step 2.5, since step 2 does not exist.

    Raises:
        LivbError: a value that is not a step of the method, with the steps there are.
    """
    known = [stap.value for stap in Stap]
    steps: list[str] = []
    notes: list[str] = []
    for value in values:
        parts = [part for part in re.split(r"[\s,;]+", value.strip()) if part]
        if re.fullmatch(r"\s*\d+\s*,\s*\d+\s*", value) and not all(p in known for p in parts):
            decimal = ".".join(parts)
            if decimal in known:
                notes.append(f"--stap {value.strip()} gelezen als stap {decimal}")
                parts = [decimal]
            else:
                parts = [value.strip()]
        for part in parts:
            if part not in known:
                raise UsageError(
                    f"onbekende stap '{shown(part)}'",
                    f"de stappen van de methode: {', '.join(k for k in known if '.' in k)}; "
                    "bv. --stap 2.5 "
                    "(met een punt; meer stappen: --stap 2.5,2.6)",
                )
            if part not in steps:
                steps.append(part)
    return steps, notes


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
        raise UsageError("zeg met wie het gesprek is", "--met ID (of een rol: --met burgemeester)")
    return people, notes


def _by_role_or_name(project: Project, value: str) -> str:
    actors = project.actoren.actoren
    role = re.sub(r"[\s-]+", "_", value.strip().casefold())
    if role in {r.value for r in Rol}:
        holders = [a for a in actors if a.rol is not None and a.rol.value == role]
        if len(holders) == 1:
            return holders[0].id
        if not holders:
            raise UsageError(
                f"geen enkele actor heeft de rol '{role}'",
                f"voeg die actor eerst toe: livb new actor --id ID --naam NAAM --rol {role}",
            )
        listing = ", ".join(f"{a.id} ({a.naam})" if a.naam else a.id for a in holders)
        raise UsageError(
            f"{len(holders)} actoren hebben de rol '{role}': {listing}",
            "kies er één met --met ID",
        )
    named = [a for a in actors if a.naam and a.naam.casefold() == value.strip().casefold()]
    if len(named) == 1:
        return named[0].id
    ids = [a.id for a in actors]
    guess = suggest(value, ids)
    raise UsageError(
        f"onbekende actor '{shown(value)}'" + (f"; bedoelde je '{guess}'?" if guess else ""),
        "geef de id van een actor uit actoren.yaml of een rol (--met burgemeester); "
        "een nieuwe actor voeg je toe met livb new actor",
    )


def _choice(value: str, options: list[str], unknown: str) -> str:
    """``value`` as one of ``options`` (case does not matter), or a Dutch error that suggests."""
    folded = {option.casefold(): option for option in options}
    if value.casefold() in folded:
        return folded[value.casefold()]
    guess = suggest(value, options)
    message = f"{unknown} '{shown(value)}'" + (f"; bedoelde je '{guess}'?" if guess else "")
    raise UsageError(message, f"kies uit: {', '.join(options)}")


def _check_id(value: str, what: str) -> None:
    if not re.fullmatch(ID_PATTERN, value):
        slug = _slug(value)
        example = f", bv. '{slug}'" if slug else ""
        raise UsageError(
            f"'{shown(value)}' is geen geldige id voor {what}",
            f"gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties{example}",
        )


def _slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text.casefold())
    return "-".join(words)[:80]


def _check_text(value: str, option: str) -> None:
    bad = next((c for c in value if invisible(c)), None)
    if bad is not None:
        raise UsageError(
            f"{option} bevat een stuurteken ({ascii(bad)[1:-1]}): '{shown(value)}'",
            "typ de tekst opnieuw, op één regel, zonder tabs of onzichtbare tekens",
        )


def _validate(model: type[BaseModel], item: dict[str, Any]) -> None:
    """Check a new item against its schema before anything is written."""
    try:
        model.model_validate(item)
    except ValidationError as error:
        problem = translate(error.errors()[0], model, as_option=True)
        raise UsageError(problem.message, problem.hint) from None


# --- the folder -----------------------------------------------------------------------------


def _load(root: Path) -> Project:
    from livb.core.diagnostics import Severity
    from livb.folder.project import NOT_A_FOLDER

    loaded = load_project(root)
    if loaded.project is None:
        errors = sorted(d for d in loaded.diagnostics if d.severity is Severity.FOUT)
        if errors and errors[0].code == NOT_A_FOLDER:
            raise LivbError(errors[0].message, errors[0].hint)
        first = f", te beginnen met {errors[0].location}: {errors[0].message}" if errors else ""
        raise LivbError(
            f"de map '{root}' heeft fouten; livb new vult ze niet aan",
            f"los eerst de fouten op die 'livb check {root}' toont{first}",
        )
    return loaded.project


@dataclass(frozen=True)
class Change:
    """What a command is about to write, fully checked.

    Attributes:
        relative: the file, relative to the folder; for a new file the name it will get
            unless someone takes it first.
        data: the new bytes of the file.
        expected: for an existing file, the bytes ``data`` was made from (compare-and-swap);
            None for a new file.
        stem: for a new file, the name without ``.yaml`` (``-2`` is added when taken).
        summary: one Dutch line on what it holds.
        created: whether the file did not exist yet.
        notes: how livb read the options.
        renumber: for a new file, take ``stem-2.yaml`` when ``stem.yaml`` is taken (False:
            the name is the content, as a monitoring file's year, and a taken name refuses).
    """

    relative: str
    data: bytes
    expected: bytes | None
    stem: str
    summary: str
    created: bool
    notes: list[str] = field(default_factory=list)
    renumber: bool = True


def _run(
    root: Path, command: str, prepare: Callable[[Project], Change], notes: Iterable[str] = ()
) -> NewResult:
    """Prepare a change, then prepare it again and write it under the folder's lock.

    The first round refuses bad input without touching the folder at all, not even the
    lock; the second reads the folder fresh, so that nothing written meanwhile is lost.
    """
    prepare(_load(root))
    with folder_lock(root, command):
        change = prepare(_load(root))
        path = _apply(root, change)
    return NewResult(path, change.created, change.summary, [*notes, *change.notes])


def _edit(
    root: Path,
    project: Project,
    relative: str,
    key: str,
    item: dict[str, Any],
    today: dt.date,
    summary: str,
) -> Change:
    """Add an item to a list of a file, its BOM and line ends kept, checked."""
    path = root / relative
    existed = path.exists()
    try:
        raw = path.read_bytes() if existed else b""
    except OSError as error:
        raise LivbError(f"kan '{relative}' niet lezen: {error.strerror or error}") from None
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        updated = append_to_list(raw[len(bom) :].decode("utf-8"), key, item)
    except (UnicodeDecodeError, YamlSyntaxError):
        raise _changed(relative) from None  # it loaded a moment ago
    except ValueError as error:
        raise LivbError(f"{relative}: {error}", "voeg het element met de hand toe") from None
    _refuse_what_check_rejects(root, project, relative, updated, today)
    return Change(relative, bom + updated.encode("utf-8"), raw, "", summary, not existed)


def _new_file(
    root: Path,
    project: Project,
    folder: str,
    stem: str,
    text: str,
    today: dt.date,
    summary: str,
    *,
    renumber: bool = True,
) -> Change:
    """A new file under the first free name (``stem.yaml``, ``stem-2.yaml``, ...), checked.

    With ``renumber=False`` the name itself is the content (a year): ``stem.yaml`` or nothing.
    """
    planned = _numbered(root / folder, stem, lambda path: not path.exists())
    if not renumber:
        planned = root / folder / f"{stem}.yaml"
    relative = f"{folder}/{planned.name}"
    _refuse_what_check_rejects(root, project, relative, text, today)
    return Change(relative, text.encode("utf-8"), None, stem, summary, True, renumber=renumber)


def _apply(root: Path, change: Change) -> Path:
    """Write a change: compare-and-swap for an edit, an exclusive new name for a new file."""
    refuse_links(root, root / change.relative)
    if change.expected is not None:
        path = root / change.relative
        _write(root, path, change.data, change.expected)
        return path
    folder = (root / change.relative).parent
    path = _reserve(folder, change.stem) if change.renumber else _reserve_name(root, change)
    try:
        _write(root, path, change.data, b"")
    except BaseException:
        if path.exists() and path.stat().st_size == 0:
            path.unlink()
        raise
    return path


def _numbered(folder: Path, stem: str, take: Callable[[Path], bool]) -> Path:
    """The first of ``stem.yaml``, ``stem-2.yaml``, ... that ``take`` accepts."""
    number = 1
    while True:
        path = folder / (f"{stem}.yaml" if number == 1 else f"{stem}-{number}.yaml")
        if take(path):
            return path
        number += 1


def _reserve(folder: Path, stem: str) -> Path:
    """Create an empty file under the first free name; exclusive, so no one else has it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _numbered(folder, stem, create_exclusive)
    except OSError as error:
        raise LivbError(
            f"kan geen nieuw bestand maken in '{folder.name}': {error.strerror or error}",
            "controleer of je in de map mag schrijven; er is niets gewijzigd",
        ) from None


def _reserve_name(root: Path, change: Change) -> Path:
    """Create the empty file of exactly this name, exclusively; refuse when it exists."""
    path = root / change.relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = create_exclusive(path)
    except OSError as error:
        raise LivbError(
            f"kan '{change.relative}' niet maken: {error.strerror or error}",
            "controleer of je in de map mag schrijven; er is niets gewijzigd",
        ) from None
    if not created:
        raise LivbError(
            f"{change.relative} bestaat al; livb new overschrijft het niet",
            f"vul {change.relative} zelf aan",
        )
    return path


def _write(root: Path, path: Path, data: bytes, expected: bytes) -> None:
    relative = path.relative_to(root).as_posix()
    try:
        write_atomic(path, data, inside=root, expected=expected)
    except FileChangedError:
        raise _changed(relative) from None
    except OSError as error:
        raise LivbError(
            f"kan '{relative}' niet schrijven: {error.strerror or error}",
            "controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd",
        ) from None


def _changed(relative: str) -> LivbError:
    return LivbError(
        f"'{relative}' werd gewijzigd terwijl livb new het aanvulde (in een editor of door "
        "iemand anders); livb new heeft niets geschreven",
        "sla het bestand op (of sluit het) en voer het commando opnieuw uit",
    )


def _refuse_what_check_rejects(
    root: Path, project: Project, relative: str, text: str, today: dt.date
) -> None:
    """Refuse a new content that would not load, or that gives a new error of ``livb check``."""
    from livb.core.diagnostics import Severity
    from livb.folder.project import LoadResult, _assemble
    from livb.method.check import check_loaded

    kind = next(k for k in FILE_KINDS if PurePosixPath(relative).match(k.pattern))
    try:
        model = kind.model.model_validate(parse_fast(text) or {})
    except (ValidationError, YamlSyntaxError) as error:
        detail = (
            translate(error.errors()[0], kind.model).message
            if isinstance(error, ValidationError)
            else error.message
        )
        raise LivbError(
            f"livb new zou '{relative}' ongeldig maken: {detail}",
            "er is niets gewijzigd; voeg het element met de hand toe",
        ) from None
    after = _assemble({**project.files, relative: model})
    after.series = project.series

    def errors(state: Project) -> list[tuple[str, str, str]]:
        result = check_loaded(LoadResult(root, state), today=today)
        return [
            (d.code, d.message, d.hint or "")
            for d in result.diagnostics
            if d.severity is Severity.FOUT
        ]

    before = set(errors(project))
    new = [error for error in errors(after) if error not in before]
    if new:
        code, message, hint = new[0]
        raise LivbError(
            f"livb new schrijft niets: daarna zou 'livb check' weigeren met {code}: {message}",
            hint or None,
        )


# --- skeletons ------------------------------------------------------------------------------


def _organen(project: Project) -> list[str]:
    organen = project.organen
    return [
        *VASTE_ORGANEN,
        *(g.id for g in organen.projectgroepen),
        *(o.id for o in organen.overleg),
    ]


def _members(project: Project, orgaan: str) -> tuple[list[str], str | None]:
    organen = project.organen
    if orgaan == "kerngroep":
        return list(organen.kerngroep.leden), organen.kerngroep.voorzitter
    if orgaan in ("redactiecomite", "pilootcomite"):
        return list(getattr(organen, orgaan).leden), None
    groep = next((g for g in organen.projectgroepen if g.id == orgaan), None)
    if groep is not None:
        return list(groep.leden), groep.projectleider
    found = overleg(project, orgaan)
    return (list(found.leden), None) if found else ([], None)


def _goal_ids(project: Project) -> set[str]:
    return {
        *(sd.id for _, _, sd in strategic_goals(project)),
        *(od.id for _, _, od in operational_goals(project)),
        *(i.id for _, _, i in indicators(project)),
        *(a.id for _, _, a in actions(project)),
    }


def _goal_skeleton(base: str, project: Project, today: dt.date) -> dict[str, Any]:
    coordinator = project.instellingen.coordinator
    periode = project.instellingen.beleid.periode
    start, end = (periode.van, periode.tot) if periode else (today, months_later(today, 36))
    return {
        "id": f"sd-{base}",
        "titel": "(in te vullen: de strategische doelstelling)",
        "operationele_doelstellingen": [
            {
                "id": f"od-{base}",
                "titel": "(in te vullen: de operationele doelstelling)",
                "indicatoren": [
                    {
                        "id": f"i-{base}",
                        "naam": "(in te vullen: wat gemeten wordt)",
                        "basiswaarde": {"waarde": 0, "jaar": start.year - 1},
                        "streefwaarde": {"waarde": 0, "jaar": end.year},
                        "deadline": end,
                    }
                ],
                "acties": [
                    {
                        "id": f"a-{base}",
                        "titel": "(in te vullen: de actie)",
                        "trekker": coordinator,
                        "partners": [],
                        "start": start,
                        "einde": end,
                    }
                ],
            }
        ],
    }


def _one_line(text: str) -> str:
    """A text for a YAML comment: on one line."""
    return " ".join(text.split())


def _monitoring_skeleton(project: Project, jaar: int, today: dt.date) -> dict[str, Any]:
    """What monitoring/JAAR.yaml starts with: indicators, actions and huiswerk to follow up."""
    from livb.method.queries import action_states, measurements

    sources = {b.id: b.naam for b in project.bronnen.bronnen}
    measured = measurements(project)
    indicatoren = []
    for _, _, indicator in indicators(project):
        unit = f" {indicator.eenheid}" if indicator.eenheid else ""
        parts = [indicator.naam]
        for label, meting in (("basis", indicator.basiswaarde), ("doel", indicator.streefwaarde)):
            if meting is not None:
                year = f" ({meting.jaar})" if meting.jaar else ""
                parts.append(f"{label} {meting.waarde:g}{unit}{year}")
        earlier = [m for m in measured.get(indicator.id, []) if m.datum.year < jaar]
        if earlier:
            parts.append(f"laatst {earlier[-1].waarde:g}{unit} ({earlier[-1].datum})")
        indicatoren.append(
            {
                "id": indicator.id,
                "uitleg": _one_line("; ".join(parts)),
                "bron": _one_line(sources.get(indicator.bron or "", "")) or "...",
            }
        )
    before = dt.date(jaar - 1, 12, 31)
    acties = []
    for state in action_states(project, before).values():
        actie = state.actie
        details = [_one_line(actie.titel)]
        if actie.start or actie.einde:
            details.append(f"{actie.start or '?'} – {actie.einde or '?'}")
        if actie.budget is not None:
            details.append(f"budget {actie.budget:g} euro")
        acties.append(
            {
                "id": actie.id,
                "uitleg": "; ".join(details),
                "status": state.status.value,
                "reden": _one_line(state.reden) if state.reden else None,
            }
        )
    return {
        "kop": f"Opvolging van het {project.instellingen.beleid.plannaam} in {jaar} "
        "(gemaakt met livb new).",
        "jaar": jaar,
        "indicatoren": indicatoren,
        "acties": acties,
        "huiswerk": _huiswerk_due(project, jaar),
    }


def _huiswerk_due(project: Project, jaar: int) -> list[dict[str, Any]]:
    """The tasks due in a year (by 'tegen', else the meeting's date), and those left undone."""
    done: dict[tuple[str, int], bool] = {}
    for year in sorted(y for y in project.monitoring if y < jaar):
        for opvolging in project.monitoring[year].huiswerk:
            done[(opvolging.vergadering, opvolging.taak)] = opvolging.gedaan
    found = []
    meetings = sorted(project.vergaderingen.items(), key=lambda item: (item[1].datum, item[0]))
    for id_, vergadering in meetings:
        for number, taak in enumerate(vergadering.huiswerk, start=1):
            due = (taak.tegen or vergadering.datum).year
            state = done.get((id_, number))
            if state is True or (state is None and due != jaar) or due > jaar:
                continue
            wie = ", ".join(taak.wie)
            tegen = f" (tegen {taak.tegen})" if taak.tegen else ""
            found.append(
                {
                    "vergadering": id_,
                    "taak": number,
                    "uitleg": _one_line(f"{wie}: {taak.wat}{tegen}"),
                }
            )
    return found
