"""What every starter shares: reading the options, the two-round prepare, writing safely.

A gemeente folder often lives on a shared drive that several people edit. Every ``livb new``
therefore works under a lock on the folder (``.livb/new.lock``), checks what it is about to
write against the schemas and the rules of ``livb check`` before writing anything, and writes
with compare-and-swap: a file that changed since it was read (a hand edit in an editor) is
left alone. A new file is created exclusively, so two meetings on one day never overwrite
each other.

A starter (one module per kind, registered in :data:`livb.starters.STARTERS`) only says what
its options are (:class:`Options`) and how to prepare its :class:`Change` from the folder;
:func:`run` does the rest.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from livb.core.errors import LivbError, UsageError
from livb.core.i18n import tr
from livb.core.safepaths import refuse_links
from livb.core.transaction import (
    LOCK as LOCK,
)
from livb.core.transaction import (
    FileChangedError,
    create_new,
    folder_lock,
    invisible,
    shown,
    write_atomic,
)
from livb.model import FILE_KINDS, Project
from livb.model._base import ID_PATTERN
from livb.model.stappen import Stap


class Options(BaseModel):
    """The command-line options of one starter: each field is one ``--option`` of ``livb new``.

    The field's description is the option's Dutch help; ``json_schema_extra`` may name the
    option (``{"optie": "--id"}``, default ``--`` and the field's name) and a StrEnum of the
    model whose values complete it (``{"keuzes": "livb.model.actoren:Rol"}``). A field typed
    ``datetime.date`` is read as ``JJJJ-MM-DD``; a ``list[str]`` may be repeated.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


OptionsT = TypeVar("OptionsT", bound=Options)


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


@dataclass(frozen=True)
class Starter(Generic[OptionsT]):
    """One kind that ``livb new`` makes.

    Attributes:
        name: the kind, as typed after ``livb new`` (Dutch).
        options: the model of its command-line options.
        start: writes it: ``start(root, options, today)``.
        model: the model of what it writes (a file, or an item appended to a list); its
            skeleton names every field of it.
    """

    name: str
    options: type[OptionsT]
    start: Callable[[Path, OptionsT, dt.date], NewResult]
    model: type[BaseModel]


def option_name(name: str, info: Any) -> str:
    """The ``--option`` of an options field."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(extra.get("optie", f"--{name}"))


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
                notes.append(
                    tr(
                        "--stap {waarde} gelezen als stap {stap}",
                        waarde=value.strip(),
                        stap=decimal,
                    )
                )
                parts = [decimal]
            else:
                parts = [value.strip()]
        for part in parts:
            if part not in known:
                raise UsageError(
                    tr("onbekende stap '{stap}'", stap=shown(part)),
                    tr(
                        "de stappen van de methode: {stappen}; bv. --stap 2.5 "
                        "(met een punt; meer stappen: --stap 2.5,2.6)",
                        stappen=", ".join(k for k in known if "." in k),
                    ),
                )
            if part not in steps:
                steps.append(part)
    return steps, notes


def choice(value: str, options: list[str], unknown: str) -> str:
    """``value`` as one of ``options`` (case does not matter), or an error that suggests.

    ``unknown`` is the error's text, marked with N_, with ``{waarde}`` for the value.
    """
    from livb.folder.schema_errors import suggest

    folded = {option.casefold(): option for option in options}
    if value.casefold() in folded:
        return folded[value.casefold()]
    guess = suggest(value, options)
    message = tr(unknown, waarde=shown(value))
    if guess:
        message = tr("{melding}; bedoelde je '{gok}'?", melding=message, gok=guess)
    raise UsageError(message, tr("kies uit: {keuzes}", keuzes=", ".join(options)))


def check_id(value: str, what: str) -> None:
    """Refuse an id that is not one; ``what`` (marked with N_) is what it would name."""
    if not re.fullmatch(ID_PATTERN, value):
        slug = _slug(value)
        hint = tr("gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties")
        raise UsageError(
            tr("'{waarde}' is geen geldige id voor {wat}", waarde=shown(value), wat=tr(what)),
            tr("{hulp}, bv. '{id}'", hulp=hint, id=slug) if slug else hint,
        )


def _slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text.casefold())
    return "-".join(words)[:80]


def check_text(value: str, option: str) -> None:
    bad = next((c for c in value if invisible(c)), None)
    if bad is not None:
        raise UsageError(
            tr(
                "{optie} bevat een stuurteken ({teken}): '{waarde}'",
                optie=option,
                teken=ascii(bad)[1:-1],
                waarde=shown(value),
            ),
            tr("typ de tekst opnieuw, op één regel, zonder tabs of onzichtbare tekens"),
        )


def validate(model: type[BaseModel], item: dict[str, Any]) -> None:
    """Check a new item against its schema before anything is written."""
    from livb.folder.schema_errors import translate

    try:
        model.model_validate(item)
    except ValidationError as error:
        problem = translate(error.errors()[0], model, as_option=True)
        raise UsageError(problem.message, problem.hint) from None


# --- the folder -----------------------------------------------------------------------------


def load(root: Path) -> Project:
    """The folder loaded; ``livb new`` completes no folder with errors."""
    from livb.folder.project import load_clean

    project = load_clean(root, "livb new vult ze niet aan").project
    assert project is not None  # load_clean refuses a folder that did not load
    return project


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


def run(
    root: Path, command: str, prepare: Callable[[Project], Change], notes: Iterable[str] = ()
) -> NewResult:
    """Prepare a change, then prepare it again and write it under the folder's lock.

    The first round refuses bad input without touching the folder at all, not even the
    lock; the second reads the folder fresh, so that nothing written meanwhile is lost.
    """
    prepare(load(root))
    with folder_lock(root, command):
        change = prepare(load(root))
        path = _apply(root, change)
    return NewResult(path, change.created, change.summary, [*notes, *change.notes])


def edit(
    root: Path,
    project: Project,
    relative: str,
    key: str,
    item: dict[str, Any] | list[dict[str, Any]],
    today: dt.date,
    summary: str,
) -> Change:
    """Add an item (or several) to a list of a file, its BOM and line ends kept, checked."""
    from livb.folder.yamledit import append_to_list
    from livb.folder.yamlio import YamlSyntaxError

    path = root / relative
    existed = path.exists()
    try:
        raw = path.read_bytes() if existed else b""
    except OSError as error:
        raise LivbError(
            tr("kan '{bestand}' niet lezen: {fout}", bestand=relative, fout=error.strerror or error)
        ) from None
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        updated = raw[len(bom) :].decode("utf-8")
        for one in item if isinstance(item, list) else [item]:
            updated = append_to_list(updated, key, one)
    except (UnicodeDecodeError, YamlSyntaxError):
        raise _changed(relative) from None  # it loaded a moment ago
    except ValueError as error:
        raise LivbError(f"{relative}: {error}", tr("voeg het element met de hand toe")) from None
    _refuse_what_check_rejects(root, project, relative, updated, today)
    return Change(relative, bom + updated.encode("utf-8"), raw, "", summary, not existed)


def new_file(
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
    if change.renumber:
        return _reserve(root, folder, change.stem, change.data)
    return _reserve_name(root, change)


def _numbered(folder: Path, stem: str, take: Callable[[Path], bool]) -> Path:
    """The first of ``stem.yaml``, ``stem-2.yaml``, ... that ``take`` accepts."""
    number = 1
    while True:
        path = folder / (f"{stem}.yaml" if number == 1 else f"{stem}-{number}.yaml")
        if take(path):
            return path
        number += 1


def _reserve(root: Path, folder: Path, stem: str, data: bytes) -> Path:
    """Create the file under the first free name, whole at once; no one else gets that name."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _numbered(folder, stem, lambda path: create_new(path, data, inside=root))
    except OSError as error:
        raise LivbError(
            tr(
                "kan geen nieuw bestand maken in '{map}': {fout}",
                map=folder.name,
                fout=error.strerror or error,
            ),
            tr("controleer of je in de map mag schrijven; er is niets gewijzigd"),
        ) from None


def _reserve_name(root: Path, change: Change) -> Path:
    """Create the file of exactly this name, whole at once; refuse when it exists."""
    path = root / change.relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = create_new(path, change.data, inside=root)
    except OSError as error:
        raise LivbError(
            tr(
                "kan '{bestand}' niet maken: {fout}",
                bestand=change.relative,
                fout=error.strerror or error,
            ),
            tr("controleer of je in de map mag schrijven; er is niets gewijzigd"),
        ) from None
    if not created:
        raise LivbError(
            tr("{bestand} bestaat al; livb new overschrijft het niet", bestand=change.relative),
            tr("vul {bestand} zelf aan", bestand=change.relative),
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
            tr(
                "kan '{bestand}' niet schrijven: {fout}",
                bestand=relative,
                fout=error.strerror or error,
            ),
            tr("controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd"),
        ) from None


def _changed(relative: str) -> LivbError:
    return LivbError(
        tr(
            "'{bestand}' werd gewijzigd terwijl livb new het aanvulde (in een editor of door "
            "iemand anders); livb new heeft niets geschreven",
            bestand=relative,
        ),
        tr("sla het bestand op (of sluit het) en voer het commando opnieuw uit"),
    )


def _refuse_what_check_rejects(
    root: Path, project: Project, relative: str, text: str, today: dt.date
) -> None:
    """Refuse a new content that would not load, or that gives a new error of ``livb check``."""
    from livb.core.diagnostics import Severity
    from livb.folder.project import LoadResult, with_file
    from livb.folder.schema_errors import translate
    from livb.folder.yamlio import YamlSyntaxError, parse_fast
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
            tr("livb new zou '{bestand}' ongeldig maken: {fout}", bestand=relative, fout=detail),
            tr("er is niets gewijzigd; voeg het element met de hand toe"),
        ) from None
    after = with_file(project, relative, model)

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
            tr(
                "livb new schrijft niets: daarna zou 'livb check' weigeren met {code}: {melding}",
                code=code,
                melding=message,
            ),
            hint or None,
        )


def one_line(text: str) -> str:
    """A text for a YAML comment: on one line."""
    return " ".join(text.split())
