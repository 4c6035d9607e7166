"""Reading YAML: one pass of the C parser for the data, a second one only for positions.

ruamel.yaml's round-trip loader is pure Python and about forty times slower than its C
parser, and even its safe loader builds every value in Python from a tree of nodes. A plain
YAML file (nearly every file of a folder) is therefore loaded in one pass over the C parser's
events (:func:`parse_fast`), and only a file a message must point into is parsed once more,
the same way, to find every line and column (:class:`SourceFile`); anything out of the
ordinary takes ruamel's own loaders, with the same result. This module is the one place
where ruamel's 0-based positions become 1-based.

Before a text reaches the loader it is read as a regular file inside the folder
(:func:`read_source`) and checked for what livb refuses (:func:`find_problems`): control
characters, nesting deeper than the C composer can take, aliases, tags and numbers of
hundreds of digits. Each refusal is a message, in the folder's language, with its line and
column.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from livb.core.formatting import number as format_number
from livb.core.i18n import N_, tr
from livb.core.safepaths import outside_reason

try:  # ruamel.yaml.clib: the C parser (installed with livb on CPython)
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - without it every text takes the careful way
    CParser = None

_TRANSLATIONS = (
    ("found duplicate key", N_("deze sleutel staat twee keer in dezelfde mapping")),
    ("found character '\\t'", N_("een tab-teken; gebruik spaties om in te springen")),
    (
        "mapping values are not allowed",
        N_("onverwachte ':'; zet tekst met ': ' tussen aanhalingstekens"),
    ),
    ("could not find expected ':'", N_("hier ontbreekt een ':' na de sleutel")),
    ("did not find expected key", N_("de inspringing klopt niet: hier werd een sleutel verwacht")),
    (
        "did not find expected '-'",
        N_("de inspringing klopt niet: hier werd een lijstelement verwacht"),
    ),
    (
        "did not find expected ','",
        N_("een lijst of mapping tussen haakjes is niet goed afgesloten"),
    ),
    ("found unexpected end of stream", N_("het bestand eindigt midden in een waarde")),
    ("found undefined alias", N_("een alias (*naam) zonder bijhorend anker (&naam)")),
    ("expected <block end>", N_("de inspringing klopt niet")),
    (
        "found unknown escape character",
        N_("een onbekende escape (\\) in tekst tussen dubbele aanhalingstekens"),
    ),
    ("while scanning a quoted scalar", N_("tekst tussen aanhalingstekens wordt niet afgesloten")),
    ("could not determine a constructor", N_("een onbekende YAML-tag (!...)")),
    ("found unhashable key", N_("een lijst of mapping als sleutel; een sleutel is een woord")),
    (
        "cannot start any token",
        N_("met dit teken (@ of `) kan geen waarde beginnen; zet de tekst tussen aanhalingstekens"),
    ),
    (
        "expected alphabetic or numeric character",
        N_("na & of * hoort een naam; zet tekst die met & of * begint tussen aanhalingstekens"),
    ),
    (
        "expected <document start>",
        N_("tekst na het einde van het document: een haakje ] of {accolade} te veel?"),
    ),
    ("found undefined tag handle", N_("een onbekende YAML-tag (!...)")),
    (
        "block sequence entries are not allowed",
        N_("een lijstelement ('- ') waar het niet mag; zet het op een eigen regel, ingesprongen"),
    ),
    (
        "expected chomping or indentation indicators",
        N_("na | of > mag op dezelfde regel enkel - of + staan"),
    ),
    (
        "but found another document",
        N_("het bestand bevat meer dan één YAML-document (een tweede '---'); livb leest er één"),
    ),
    (
        "invalid Unicode character escape",
        N_(
            "een escape (\\u of \\U) die geen teken is: de helft van een tekenpaar (\\ud800 tot "
            "\\udfff) of een code boven \\U0010FFFF"
        ),
    ),
    ("expected hexdecimal number", N_("na \\x, \\u of \\U horen hexadecimale cijfers (0-9, a-f)")),
    ("expected escape sequence of", N_("na \\x, \\u of \\U horen hexadecimale cijfers (0-9, a-f)")),
)
_ESCAPE_HINT = N_(
    "schrijf het teken zelf in de tekst (het bestand is UTF-8), of een volledige escape zoals "
    "\\u00e9 of \\U0001F600"
)
_HINTS = {
    "invalid Unicode character escape": _ESCAPE_HINT,
    "expected hexdecimal number": _ESCAPE_HINT,
    "expected escape sequence of": _ESCAPE_HINT,
}


class YamlSyntaxError(Exception):
    """A file that livb cannot read as YAML, with a 1-based position and a message.

    Attributes:
        message: what is wrong, in the language of the moment it was found.
        line: 1-based line (0: the file as a whole).
        column: 1-based column (0: the file as a whole).
        hint: what to do.
        more: further problems of the same file, found in the same pass.
    """

    def __init__(self, message: str, line: int, column: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint or tr(
            "verbeter de schrijfwijze hier: spring in met spaties, zet ': ' na een sleutel"
        )
        self.more: tuple[YamlSyntaxError, ...] = ()


class UnreadableFileError(YamlSyntaxError):
    """A file of the folder that livb does not open: a folder, a link outside, too big, ..."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message, 0, 0, hint)


def _dutch_problem(error: YAMLError) -> str:
    text = str(getattr(error, "problem", None) or error)
    for needle, dutch in _TRANSLATIONS:
        if needle in text:
            return tr(dutch, accolade="}")  # a lone brace is no {field} of the catalogue
    return tr("ongeldige YAML ({tekst})", tekst=text.strip())


def _yaml_error(error: YAMLError, text: str) -> YamlSyntaxError:
    mark = None
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    lines = _LINE_BREAK.split(text)
    if line > len(lines):  # the end of a file without a final line break
        line, column = len(lines), len(lines[-1]) + 1
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        return YamlSyntaxError(
            tr("een tab-teken; YAML springt in met spaties"),
            line,
            column,
            tr("vervang de tab door spaties (twee per niveau)"),
        )
    problem = str(getattr(error, "problem", None) or error)
    hint = next((hint for needle, hint in _HINTS.items() if needle in problem), None)
    return YamlSyntaxError(_dutch_problem(error), line, column, tr(hint) if hint else None)


MAX_FILE_BYTES = 20_000_000
"""A file of the folder larger than this is refused, not read (livb files are kilobytes)."""

MAX_DEPTH = 50
"""Deeper nesting is refused before the C loader sees it (it recurses, and crashes at ~10^5)."""

MAX_DIGITS = 100
"""A plain number with more digits is refused (Python refuses to convert 4,300 digits)."""

MAX_PROBLEMS = 10
"""At most this many problems of one kind are reported per file; the rest are counted."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029\ufeff]")
# C0 controls except tab, LF and CR; DEL and C1; lone surrogates; the two non-characters.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BIG_NUMBER = re.compile(rf"[-+]?[0-9_]{{{MAX_DIGITS + 1},}}(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")
_LONG_DIGITS = re.compile(rf"[0-9_]{{{MAX_DIGITS + 1}}}")
_ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
}


def line_count(text: str) -> int:
    """The number of lines an editor shows for a text (line breaks counted as YAML does)."""
    return len(_LINE_BREAK.findall(text)) + 1


def _kind_of(path: Path) -> str | None:
    """Why a path is not a regular file livb may read (a sentence naming ``{naam}``), or None."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        return N_("{naam} is een map, geen bestand")
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return N_("{naam} is een pijp (FIFO), geen gewoon bestand")
    if stat.S_ISSOCK(mode):
        return N_("{naam} is een socket, geen gewoon bestand")
    return N_("{naam} is een apparaat, geen gewoon bestand")


def read_source(root: Path, relative: str) -> str:
    """Read a file of the folder as text, refusing what a shared drive may hold instead.

    The file must be a regular file inside ``root`` (a symbolic link may point elsewhere in
    the folder), at most :data:`MAX_FILE_BYTES`, readable and UTF-8. A FIFO or device is
    never opened, so reading never blocks.

    Args:
        root: the gemeente folder.
        relative: the path of the file in the folder, as shown in messages.

    Raises:
        UnreadableFileError: the file is not something livb reads (one sentence why).
        YamlSyntaxError: the file is not UTF-8 (with the position of the first bad byte).
    """
    path = root / relative
    name = relative
    try:
        _refuse_links(root, relative)
        kind = _kind_of(path)
        if kind:
            raise UnreadableFileError(
                tr(kind, naam=name),
                tr("verwijder of hernoem het; livb verwacht hier een YAML-bestand"),
            )
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFileError(
                tr(
                    "{naam} is te groot ({grootte}; hoogstens {grens})",
                    naam=name,
                    grootte=_megabytes(size),
                    grens=_megabytes(MAX_FILE_BYTES),
                ),
                tr(
                    "een bestand van livb is enkele kilobytes; kijk na of het het juiste bestand is"
                ),
            )
        data = _read_regular(path)
    except OSError as error:
        raise UnreadableFileError(
            tr(
                "{naam} kan niet gelezen worden ({reden})",
                naam=name,
                reden=describe_os_error(error),
            ),
            tr("vraag wie de gedeelde map beheert om je leesrechten te geven")
            if isinstance(error, PermissionError)
            else tr("kijk na of het bestand bestaat en of de schijf bereikbaar is"),
        ) from None
    return decode_text(data)


def _refuse_links(root: Path, relative: str) -> None:
    """Refuse a link to nothing, or to a file outside the folder.

    Raises:
        UnreadableFileError: the link, named by ``relative``, and why.
    """
    path = root / relative
    if path.is_symlink() and not path.exists():
        raise UnreadableFileError(
            tr(
                "{naam} is een koppeling (symlink) naar een bestand dat niet bestaat", naam=relative
            ),
            tr("verwijder de koppeling of laat ze naar het juiste bestand wijzen"),
        )
    outside = outside_reason(root, relative)
    if outside:
        raise UnreadableFileError(
            tr(outside, naam=relative),
            tr("livb leest alleen bestanden in de gemeentemap; kopieer het bestand erin"),
        )


def describe_os_error(error: OSError) -> str:
    """Why the system refused to read, in a few words of our own where they are known."""
    if isinstance(error, PermissionError):
        return tr("geen leesrechten")
    if isinstance(error, FileNotFoundError):
        return tr("het bestaat niet (meer)")
    if error.errno == errno.ELOOP:
        return tr("een kring van koppelingen (symlinks)")
    if error.errno == errno.EIO:
        return tr("een fout van de schijf of het netwerk")
    return str(error.strerror or error)


def _megabytes(size: int) -> str:
    return tr("{getal} MB", getal=format_number(size / 1e6, digits=1, grouping=False))


def _read_regular(path: Path) -> bytes:
    # O_NONBLOCK: a file swapped for a FIFO after the check above still cannot block us.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(0, tr("geen gewoon bestand"))
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(0, tr("het bestand is te groot"))
    return data


def decode_text(data: bytes) -> str:
    """Decode a file's bytes as UTF-8 (a byte order mark is allowed).

    Raises:
        YamlSyntaxError: the bytes are UTF-16 or not UTF-8, with the position of the first
            bad byte.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(data) >= 4 and (data[1::2][:8].count(0) > 2 or data[0::2][:8].count(0) > 2)
    ):
        raise YamlSyntaxError(
            tr("het bestand is in UTF-16 opgeslagen, niet in UTF-8"),
            1,
            1,
            tr(_SAVE_AS_UTF8),
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        lines = _LINE_BREAK.split(data[: error.start].decode("utf-8-sig", errors="replace"))
        line, column = len(lines), len(lines[-1]) + 1
        raise YamlSyntaxError(
            tr("het bestand is niet in UTF-8 opgeslagen"), line, column, tr(_SAVE_AS_UTF8)
        ) from None


_SAVE_AS_UTF8 = N_("sla het bestand op met de codering UTF-8 (in Kladblok: 'Opslaan als', UTF-8)")


def read_text(path: Path) -> str:
    """Read a file of the folder as UTF-8 text (see :func:`read_source`).

    Raises:
        YamlSyntaxError: the file cannot be read, or is not UTF-8.
    """
    return read_source(path.parent, path.name)


def _character_name(character: str) -> str:
    code = f"U+{ord(character):04X}"
    if character == "\x00":
        return tr("een NUL-teken ({code})", code=code)
    if "\ud800" <= character <= "\udfff" or character in "\ufffe\uffff":
        return tr("een ongeldig teken ({code})", code=code)
    return tr("een onzichtbaar stuurteken ({code})", code=code)


_CHARACTER_HINT = N_(
    "verwijder het teken; het komt vaak mee bij het kopiëren uit een ander programma "
    "(tabs en regeleinden mogen wel)"
)


class _Problems:
    """The problems of one file: the first :data:`MAX_PROBLEMS` in full, the rest counted."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.found: list[YamlSyntaxError] = []
        self.more = 0
        self.next_at: tuple[int, int, str | None] = (1, 1, None)

    def add(self, message: str, line: int, column: int, hint: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(YamlSyntaxError(message, line, column, hint))
            return
        if not self.more:
            self.next_at = (line, column, hint)
        self.more += 1

    def extend(self, problems: list[YamlSyntaxError]) -> None:
        for problem in problems:
            self.add(problem.message, problem.line, problem.column, problem.hint)

    def result(self) -> list[YamlSyntaxError]:
        if not self.more:
            return self.found
        line, column, hint = self.next_at
        summary = tr("nog {aantal} keer {wat} in dit bestand", aantal=self.more, wat=self.what)
        return [*self.found, YamlSyntaxError(summary, line, column, hint)]


def forbidden_characters(text: str) -> list[YamlSyntaxError]:
    """Forbidden characters written as such in the text, at their own line and column."""
    problems = _Problems(tr("een verboden teken"))
    if not _FORBIDDEN.search(text):
        return []
    for line_number, line in enumerate(_LINE_BREAK.split(text), start=1):
        for match in _FORBIDDEN.finditer(line):
            key = re.match(r"\s*(?:-\s+)*([^\s#:'\"][^:#]*?)\s*:(?:\s|$)", line[: match.start()])
            where = f"'{key.group(1)}'" if key else tr("de tekst")
            problems.add(
                tr("{waar} bevat {teken}", waar=where, teken=_character_name(match.group())),
                line_number,
                match.start() + 1,
                tr(_CHARACTER_HINT),
            )
    return problems.result()


@dataclass
class _Level:
    mapping: bool
    expect_key: bool = True
    key: str | None = None


def _node_events(text: str) -> Iterator[tuple[Any, _Level | None, bool, int]]:
    """The parser's node events, each with its level (None at the top), key or not, and depth.

    A list or mapping counts itself in its depth. While a node is handled, its level's ``key``
    is the key of the node's own entry.

    Raises:
        YAMLError: the text is not valid YAML (from the parser, when the walk reaches the fault).
    """
    stack: list[_Level] = []
    for event in _safe_loader().parse(text):
        if isinstance(event, MappingEndEvent | SequenceEndEvent):
            stack.pop()
            continue
        if not isinstance(event, NodeEvent):
            continue
        parent = stack[-1] if stack else None
        is_key = parent is not None and parent.mapping and parent.expect_key
        collection = isinstance(event, CollectionStartEvent)
        yield event, parent, is_key, len(stack) + collection
        if parent is not None and parent.mapping:
            if is_key:
                parent.key = event.value if isinstance(event, ScalarEvent) else None
            parent.expect_key = not is_key
        if collection:
            stack.append(_Level(isinstance(event, MappingStartEvent)))


def _node_problems(event: Any, where: str) -> list[YamlSyntaxError]:
    line, column = event.start_mark.line + 1, event.start_mark.column + 1
    if isinstance(event, AliasEvent):
        return [
            YamlSyntaxError(
                tr(
                    "een alias (*{anker}) is niet toegelaten in een bestand van livb",
                    anker=event.anchor,
                ),
                line,
                column,
                tr("schrijf de waarde voluit in plaats van ze met &naam en *naam te herhalen"),
            )
        ]
    found: list[YamlSyntaxError] = []
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _ALLOWED_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        found.append(
            YamlSyntaxError(
                tr("de YAML-tag '{tag}' is niet toegelaten in een bestand van livb", tag=shown),
                line,
                column,
                tr("laat de tag (het woord na '!') weg en schrijf gewoon de waarde"),
            )
        )
    if isinstance(event, ScalarEvent):
        bad = _FORBIDDEN.search(event.value)
        if bad:
            found.append(
                YamlSyntaxError(
                    tr("{waar} bevat {teken}", waar=where, teken=_character_name(bad.group())),
                    line,
                    column,
                    tr(_CHARACTER_HINT),
                )
            )
        elif event.style in ("", None) and _BIG_NUMBER.fullmatch(event.value):
            found.append(
                YamlSyntaxError(
                    tr(
                        "{waar} is een getal van {aantal} cijfers",
                        waar=where,
                        aantal=len(event.value),
                    ),
                    line,
                    column,
                    tr("schrijf een gewoon getal, of tekst tussen aanhalingstekens"),
                )
            )
    return found


def _structure_problems(text: str) -> list[YamlSyntaxError]:
    """What the parser accepts but livb refuses: deep nesting, aliases, tags, control characters.

    Walks the parser's events (the C parser keeps its own stack, so any depth is safe) and
    stops before the C composer, which recurses, would see a too deeply nested file.

    Raises:
        YamlSyntaxError: the text is not valid YAML.
    """
    problems = _Problems(tr("een verboden teken of constructie"))
    try:
        for event, parent, is_key, depth in _node_events(text):
            where = (
                f"'{parent.key}'" if parent and parent.mapping and parent.key else tr("de waarde")
            )
            problems.extend(_node_problems(event, tr("de sleutel") if is_key else where))
            if depth > MAX_DEPTH:
                return [
                    YamlSyntaxError(
                        tr(
                            "het bestand is te diep genest (meer dan {grens} niveaus)",
                            grens=MAX_DEPTH,
                        ),
                        event.start_mark.line + 1,
                        event.start_mark.column + 1,
                        tr(
                            "een bestand van livb heeft hoogstens een tiental niveaus; "
                            "kijk na of haakjes [ ] en {accolades} goed gesloten zijn",
                            accolades="{ }",
                        ),
                    )
                ]
    except YAMLError as error:
        if problems.found:
            # Report what was found so far; the syntax error shows once these are fixed.
            return problems.result()
        raise _yaml_error(error, text) from None
    return problems.result()


def _needs_a_closer_look(text: str) -> bool:
    """A fast pass over the parser's events: may the text hold what livb refuses?

    Most files hold nothing of the kind; only those that may are walked again with the
    bookkeeping that names the key of each problem (:func:`_structure_problems`).
    """
    escapes = "\\" in text  # only an escape puts a control character in a parsed string
    long_digits = _LONG_DIGITS.search(text) is not None
    depth = 0
    try:
        for event in _safe_loader().parse(text):
            kind = type(event)
            if kind is ScalarEvent:
                if (
                    event.tag is not None
                    or (escapes and _FORBIDDEN.search(event.value))
                    or (long_digits and _BIG_NUMBER.fullmatch(event.value))
                ):
                    return True
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH or event.tag is not None:
                    return True
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            elif kind is AliasEvent:
                return True
    except YAMLError:
        return True
    return False


def find_problems(text: str) -> list[YamlSyntaxError]:
    """Everything in a YAML text that livb refuses before loading it, each with its position.

    Raises:
        YamlSyntaxError: the text is not valid YAML.
    """
    raw = forbidden_characters(text)
    if raw or not _needs_a_closer_look(text):
        return raw
    return _structure_problems(text)


class _Yaml12Resolver(VersionedResolver):
    """ruamel's resolver, fixed to YAML 1.2 (the format of every livb file).

    The stock resolver works out the YAML version again for every scalar; fixing it makes
    loading about a third faster, with the same result.
    """

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    @cached_property
    def versioned_resolver(self) -> Any:
        return super().versioned_resolver


@cache
def _safe_loader() -> YAML:
    yaml = YAML(typ="safe")
    yaml.Resolver = _Yaml12Resolver
    return yaml


_STR = "tag:yaml.org,2002:str"
_CONSTRUCTED = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
}
"""The plain scalars the one-pass loader hands to ruamel's constructor; other tags fall back."""


class _Fallback(Exception):
    """The text holds something the one-pass loader leaves to ruamel's own loader."""


def _load_plain(text: str, marks: _Marks | None = None) -> Any:
    """Load a text of plain YAML in one pass over the C parser's events, or raise _Fallback.

    This is what ruamel's safe loader does for the YAML livb writes (mappings, lists and
    scalars, no tags, aliases, merge keys, duplicate keys or collections as keys), without
    composing a node tree first and with each distinct scalar resolved once: about three
    times faster, and the same values (a plain scalar that is not text is made by ruamel's
    own constructor). The same pass looks for what :func:`find_problems` looks for; anything
    out of the ordinary (and any error) raises _Fallback, and :func:`parse_fast` takes the
    careful way. With ``marks``, the position of every collection, key and value is noted.
    """
    built = _OnePass(text, marks)
    parser = CParser(text)
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if marks is not None:
                marks.before(event)
            if kind is ScalarEvent:
                built.place(built.scalar(event), event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                built.start(event, {} if kind is MappingStartEvent else [])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                built.place(built.end(), event)
            elif kind is AliasEvent:
                raise _Fallback
            elif kind is DocumentStartEvent:
                built.document()
            elif kind is StreamEndEvent:
                return built.root
    except (YAMLError, ValueError, OverflowError, TypeError):
        raise _Fallback from None
    finally:
        parser.dispose()


_NO_KEY = object()
"""The key of a mapping whose next event is a key, not a value."""


class _OnePass:
    """What :func:`_load_plain` has built so far: the open collections and their pending keys."""

    __slots__ = (
        "construct",
        "constructor",
        "containers",
        "documents",
        "escapes",
        "keys",
        "long_digits",
        "marks",
        "resolved",
        "resolvers",
        "root",
    )

    def __init__(self, text: str, marks: _Marks | None) -> None:
        loader = _safe_loader()
        self.resolvers = loader.resolver.versioned_resolver
        self.construct = loader.constructor.yaml_constructors
        self.constructor = loader.constructor
        self.escapes = "\\" in text  # only an escape puts a control character in a string
        self.long_digits = _LONG_DIGITS.search(text) is not None
        self.resolved: dict[str, str] = {}
        self.containers: list[Any] = []
        self.keys: list[Any] = []
        self.root: Any = None
        self.documents = 0
        self.marks = marks

    def scalar(self, event: Any) -> Any:
        """The value of a scalar event: text, or what ruamel's constructor makes of it."""
        value = event.value
        if (
            event.tag is not None
            or (self.escapes and _FORBIDDEN.search(value))
            or (self.long_digits and _BIG_NUMBER.fullmatch(value))
        ):
            raise _Fallback
        if not event.implicit[0]:
            return value
        tag = self.resolved.get(value)
        if tag is None:
            tag = self.resolved[value] = self._resolve(value)
        if tag == _STR:
            return value
        if tag not in _CONSTRUCTED:
            raise _Fallback
        node = ScalarNode(tag, value, event.start_mark, event.end_mark)
        return self.construct[tag](self.constructor, node)

    def _resolve(self, value: str) -> str:
        """The tag of a plain scalar, as ruamel's Resolver.resolve, keyed on its first character."""
        for candidate, pattern in (
            *self.resolvers.get(value[:1], ()),
            *self.resolvers.get(None, ()),
        ):
            if pattern.match(value):
                return str(candidate)
        return _STR

    def start(self, event: Any, container: Any) -> None:
        """A mapping or list opens."""
        if event.tag is not None or len(self.containers) >= MAX_DEPTH:
            raise _Fallback
        self.containers.append(container)
        self.keys.append(_NO_KEY)
        if self.marks is not None:
            self.marks.start(container, event)

    def end(self) -> Any:
        """A mapping or list closes: it is the value to place."""
        self.keys.pop()
        if self.marks is not None:
            self.marks.end()
        return self.containers.pop()

    def document(self) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _Fallback  # ruamel says what is wrong with a second document

    def place(self, value: Any, event: Any) -> None:
        """Put a finished value where it belongs: the root, a list, a key or a key's value."""
        if not self.containers:
            self.root = value
            return
        parent = self.containers[-1]
        if type(parent) is list:
            parent.append(value)
            if self.marks is not None:
                self.marks.item(parent, event, value)
            return
        key = self.keys[-1]
        if key is _NO_KEY:
            if type(value) is dict or type(value) is list:
                raise _Fallback
            self.keys[-1] = value
            if self.marks is not None:
                self.marks.key(event)
            return
        if key in parent:
            raise _Fallback
        parent[key] = value
        self.keys[-1] = _NO_KEY
        if self.marks is not None:
            self.marks.value(parent, key, event, value)


class _Marks:
    """Where each collection, key and value of a plain YAML text starts (0-based).

    Noted by :func:`_load_plain` from the C parser's events, as ruamel's round-trip loader
    puts them.

    The two parsers agree on every position but one: an empty value in a block mapping
    (``plaats:``), which the round-trip loader puts at the next key or the end of the mapping
    (see :meth:`value`). Texts where they may disagree otherwise (an empty value in [ ] or
    { }, an empty key, an anchor) raise _Fallback.

    Attributes:
        at: by the ``id`` of each dict and list: ``[(line, column), {key: (key at, value at)}]``
            for a mapping, ``[(line, column), [item at, ...]]`` for a list.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[int, Any] = {}
        self._lines: list[str] | None = None
        self._key_at: list[tuple[int, int] | None] = []
        self._flow: list[bool] = []
        self._pending: tuple[dict[Any, Any], Any, tuple[int, int], Any] | None = None

    def before(self, event: Any) -> None:
        """An empty value waiting for the next event takes its position (see :meth:`value`)."""
        if getattr(event, "anchor", None) is not None:
            raise _Fallback
        if self._pending is not None:
            noted, key, key_at, empty = self._pending
            if type(event) is ScalarEvent and self._comment_follows(empty):
                noted[key] = (key_at, (empty.start_mark.line, empty.start_mark.column))
            else:
                noted[key] = (key_at, (event.start_mark.line, event.start_mark.column))
            self._pending = None

    def start(self, container: Any, event: Any) -> None:
        """A mapping or list begins."""
        self.at[id(container)] = [
            (event.start_mark.line, event.start_mark.column),
            type(container)(),
        ]
        self._key_at.append(None)
        self._flow.append(bool(event.flow_style))

    def end(self) -> None:
        """The innermost mapping or list ends."""
        self._key_at.pop()
        self._flow.pop()

    def key(self, event: Any) -> None:
        """A key of the innermost mapping."""
        if self._empty(event):
            raise _Fallback
        self._key_at[-1] = (event.start_mark.line, event.start_mark.column)

    def item(self, parent: list[Any], event: Any, value: Any) -> None:
        """An item of the innermost list."""
        if self._empty(event) and self._flow[-1]:
            raise _Fallback
        self.at[id(parent)][1].append(self._start_of(event, value))

    def value(self, parent: dict[Any, Any], key: Any, event: Any, value: Any) -> None:
        """The value of a key of the innermost mapping."""
        key_at = self._key_at[-1]
        assert key_at is not None
        noted = self.at[id(parent)][1]
        if not self._empty(event):
            noted[key] = (key_at, self._start_of(event, value))
        elif self._flow[-1]:
            raise _Fallback
        else:
            # ruamel puts an empty value where the next token starts, or right after its
            # ':' when a comment follows on that line and another key comes next.
            self._pending = (noted, key, key_at, event)

    def _start_of(self, event: Any, value: Any) -> tuple[int, int]:
        if type(value) is dict or type(value) is list:
            return self.at[id(value)][0]  # type: ignore[no-any-return]
        return event.start_mark.line, event.start_mark.column

    @staticmethod
    def _empty(event: Any) -> bool:
        return type(event) is ScalarEvent and event.value == "" and event.implicit[0]

    def _comment_follows(self, event: Any) -> bool:
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        line: str = self._lines[event.start_mark.line]
        return line[event.start_mark.column :].lstrip(" ").startswith("#")


def parse_fast(text: str) -> Any:
    """Parse YAML text into plain Python values with the C loader.

    The text is first checked for what livb refuses (see :func:`find_problems`). Plain YAML,
    which is nearly every file, is loaded in one pass (:func:`_load_plain`); the rest takes
    the careful way (:func:`parse_careful`), with the same result.

    Raises:
        YamlSyntaxError: the text is not valid YAML or holds what livb refuses; further
            problems of the text are in its ``more``.
    """
    if CParser is not None and not _FORBIDDEN.search(text):
        try:
            return _load_plain(text)
        except _Fallback:
            pass
    return parse_careful(text)


def parse_careful(text: str) -> Any:
    """:func:`parse_fast` the careful way: :func:`find_problems`, then ruamel's safe loader.

    Raises:
        YamlSyntaxError: as :func:`parse_fast`.
    """
    problems = find_problems(text)
    if problems:
        first = problems[0]
        first.more = tuple(problems[1:])
        raise first
    try:
        return _safe_loader().load(text)
    except YAMLError as error:
        raise _yaml_error(error, text) from None
    except (ValueError, OverflowError):  # a date that does not exist, e.g. 2026-02-30
        raise _bad_timestamp(text) from None
    except TypeError:  # a key ruamel cannot hash: a list holding a list (``? - -``)
        raise _collection_key(text) from None


def _collection_key(text: str) -> YamlSyntaxError:
    """The first list or mapping written as a key, where the loader failed on one."""
    line, column = 1, 1
    for event, _, is_key, _ in _node_events(text):
        if is_key and isinstance(event, CollectionStartEvent):
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            break
    return YamlSyntaxError(_dutch_problem(YAMLError("found unhashable key")), line, column)


def _bad_timestamp(text: str) -> YamlSyntaxError:
    """Find the impossible date that made the loader fail; its constructor gives no position."""
    import datetime as dt

    pending = [YAML(typ="rt").compose(text)]
    while pending:
        node = pending.pop()
        if node is None:
            continue
        if isinstance(node.value, list):
            for item in reversed(node.value):
                pending.extend(reversed(item) if isinstance(item, tuple) else [item])
        elif node.tag == "tag:yaml.org,2002:timestamp":
            try:
                dt.date.fromisoformat(str(node.value)[:10])
            except ValueError:
                return YamlSyntaxError(
                    tr("de datum {datum} bestaat niet", datum=node.value),
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
    return YamlSyntaxError(tr("een waarde die geen geldige datum of getal is"), 1, 1)


def parse_roundtrip(text: str) -> Any:
    """Parse YAML text into ruamel's round-trip tree, which knows every position."""
    return YAML(typ="rt").load(text)


def _child(node: Any, part: object) -> tuple[bool, Any]:
    candidates: list[object] = [part]
    if isinstance(part, str) and part.lstrip("-").isdigit():
        candidates.append(int(part))
    elif isinstance(part, str) and re.fullmatch(r"-?\d+\.\d*", part):
        candidates.append(float(part))
    elif isinstance(part, int):
        candidates.append(str(part))
    for key in candidates:
        if key in node:
            return True, key
    return False, None


def position_in(tree: Any, loc: Sequence[object], *, at_key: bool = False) -> tuple[int, int]:
    """Find the 1-based line and column of ``loc`` (keys and list indexes) in a round-trip tree.

    Parts of ``loc`` that do not exist in the tree are skipped; when a key is missing the
    position of the mapping that should hold it is given.

    Args:
        tree: the result of :func:`parse_roundtrip`.
        loc: the path to the value, e.g. ``("actoren", 3, "naam")``.
        at_key: point at the key itself instead of its value (for unknown keys).

    Returns:
        (line, column), both 1-based.
    """
    node = tree
    line, column = 0, 0
    if isinstance(node, CommentedMap | CommentedSeq):
        line, column = node.lc.line, node.lc.col
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, CommentedMap):
            found, key = _child(node, part)
            if not found:
                continue
            line, column = node.lc.key(key) if (last and at_key) else node.lc.value(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, column = node.lc.item(part)
            node = node[part]
    return line + 1, column + 1


@dataclass
class SourceFile:
    """One YAML file of the folder: its text, its plain data and, on demand, its positions.

    Attributes:
        path: the path relative to the folder, in POSIX form, as shown in messages.
        text: the file's text.
        data: the plain data from the fast loader.
    """

    path: str
    text: str
    data: Any
    _tree: Any = field(default=None, repr=False)

    def position(self, loc: Sequence[object], *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``loc`` in this file (see :func:`position_in`).

        The positions of a file are found once, for all its findings: in one more pass of
        the C parser (:class:`_PlainPositions`), or for YAML out of the ordinary in ruamel's
        round-trip tree (pure Python, about forty times slower).
        """
        if not loc:
            return 1, 1  # the file as a whole: no need to parse it again
        if self._tree is None:
            self._tree = _PlainPositions.of(self.text)
        if self._tree is None:
            try:
                self._tree = parse_roundtrip(self.text)
            except YAMLError:
                # The C loader accepts a few things the round-trip parser refuses (a tab
                # inside [ ]); fall back to the line where the last key is written.
                self._tree = False
        if self._tree is False:
            return _search_key(self.text, loc)
        if isinstance(self._tree, _PlainPositions):
            return self._tree.find(loc, at_key=at_key)
        return position_in(self._tree, loc, at_key=at_key)


@dataclass(frozen=True)
class _PlainPositions:
    """The positions of a plain YAML text, as the C parser gives them (see :class:`_Marks`).

    Attributes:
        data: the text's data.
        at: the 0-based positions in it, by the ``id`` of each dict and list of ``data``.
    """

    data: Any
    at: dict[int, Any]

    @classmethod
    def of(cls, text: str) -> _PlainPositions | None:
        """The positions of ``text``, or None when they are left to the round-trip parser.

        That is a text that is not plain YAML, and one where the C parser and the round-trip
        parser may count otherwise: with a tab (which only the C parser accepts inside [ ]),
        a line break other than CR and LF, a byte order mark, or no line break at the end.
        """
        if CParser is None or "\t" in text or _UNUSUAL_BREAK.search(text):
            return None
        if not text.endswith(("\n", "\r")):
            return None
        marks = _Marks(text)
        try:
            return cls(_load_plain(text, marks), marks.at)
        except _Fallback:
            return None

    def find(self, loc: Sequence[object], *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``loc``, exactly as :func:`position_in` finds it."""
        node = self.data
        line, column = 0, 0
        if type(node) is dict or type(node) is list:
            line, column = self.at[id(node)][0]
        for index, part in enumerate(loc):
            last = index == len(loc) - 1
            if type(node) is dict:
                found, key = _child(node, part)
                if not found:
                    continue
                key_at, value_at = self.at[id(node)][1][key]
                line, column = key_at if (last and at_key) else value_at
                node = node[key]
            elif type(node) is list and isinstance(part, int) and 0 <= part < len(node):
                line, column = self.at[id(node)][1][part]
                node = node[part]
        return line + 1, column + 1


def _search_key(text: str, loc: Sequence[object]) -> tuple[int, int]:
    keys = [part for part in loc if isinstance(part, str)]
    if not keys:
        return 1, 1
    pattern = re.compile(rf"^(\s*(?:-\s+)?){re.escape(keys[-1])}\s*:")
    for number, line in enumerate(text.splitlines(), start=1):
        match = pattern.match(line)
        if match:
            return number, len(match.group(1)) + 1
    return 1, 1
