"""The one Jinja environment of the documents: sandboxed, limited, strict, escaping data.

Data is escaped for Markdown (:func:`md_escape`): it never becomes structure.

A gemeente's own templates are code that livb runs. They may load only regular files inside the
template folders, and every render has limits: the steps it takes (loop rounds, calls, filters),
the size of every text, list and number it makes, the depth of includes, the size of the
document and its time. Crossing one raises :class:`TemplateProblem`, a Dutch message that the
pipeline turns into an error naming the template's file and line.

A symbolic link inside ``templates/`` to another file inside the same folder is allowed (it
reads nothing a template could not include anyway); one whose target lies outside is refused,
and so is a ``templates/`` folder that leads to (or contains) the gemeente folder's own data.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from functools import partial, wraps
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from livb.core import formatting, i18n
from livb.core.formatting import integer as thousands
from livb.core.i18n import tr
from livb.core.resources import templates_dir
from livb.core.safepaths import LinkedPathError, check_template
from livb.documents._base import upper_first
from livb.documents.compiled import own_template_cache
from livb.word.ir import ChartData, FieldMark, Missing, split_missing, written_length
from livb.word.markdown import DATA_BREAK, LITERAL_CLOSE, LITERAL_OPEN

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
_MARKS = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
# Inline syntax: escaped wherever it stands in a value.
_ESCAPE = re.compile(r"([\\`*_\[\]<>|&#~!{}])")
# Block syntax at the start of a value's line: lists (- + 1. 1)), quotes, setext and thematic
# lines (= -), containers (:::).
_BLOCK_START = re.compile(r"^( ?)(\d*)([-+>=.):])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u27e6\u27e7]")
# Control characters in data: the line marks, the literal marks and the data break among them.
_DATA_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NEWLINES = re.compile(r"\r\n?")
# Indentation would make a code block; one space keeps words apart.
_INDENT = re.compile(r"^[ \t]+")
_LITERAL = str.maketrans({"\u27e6": LITERAL_OPEN, "\u27e7": LITERAL_CLOSE})


class Markdown(str):
    """Text that is already Markdown (from a template helper): not escaped again."""

    __slots__ = ()


def md_escape(text: str) -> str:
    """Escape data so that Markdown shows it literally: it never becomes structure.

    Inline syntax (``*``, ``|``, ``&``, ``<``, ``[`` …) is escaped everywhere, block syntax
    (``-``, ``1.``, ``>``, ``:::``, ``===``) at the start of each line, indentation is dropped,
    and the value's line ends become :data:`DATA_BREAK`, which :func:`split_marks` resolves
    by the line the value stands on (a paragraph break in prose, a space in a title or a table
    row). The internal marks (⟦⟧ of data to fill in, the line marks) stay literal text.
    """
    text = _DATA_CONTROL.sub("", _NEWLINES.sub("\n", _MARKS.sub("", text))).translate(_LITERAL)
    lines = _ESCAPE.sub(r"\\\1", text).split("\n")
    last = len(lines) - 1
    return DATA_BREAK.join(
        _BLOCK_START.sub(r"\1\2\\\3", _INDENT.sub(" ", line if n == last else line.rstrip()))
        for n, line in enumerate(lines)
    )


def placeholder(missing: Missing) -> Markdown:
    """The Markdown of a piece of data still to fill in: one opaque word (see ``Missing``)."""
    return Markdown(missing.token)


def _around_gaps(text: str, clean: Callable[[str], str]) -> str:
    """Text that may hold gaps or field marks (pasted into a string): clean the rest, keep them."""
    if "\u27e6" not in text:
        return clean(text)
    return "".join(
        part.token if isinstance(part, Missing | FieldMark) else clean(part)
        for part in split_missing(text)
    )


def _scalar(value: Any) -> str | None:
    """Dates, yes/no and numbers as the documents write them (None for anything else)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return formatting.long_date(value)
    if isinstance(value, bool):
        return tr("ja") if value else tr("nee")
    if isinstance(value, int):
        return str(value)  # years and counts: 2010, not 2.010
    if isinstance(value, float):
        return formatting.number(value, grouping=False)
    return None


def finalize(value: Any) -> Any:
    """How every ``{{ value }}`` appears in the Markdown."""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, Missing):
        return placeholder(value)
    scalar = _scalar(value)
    return scalar if scalar is not None else _around_gaps(str(value), md_escape)


def euro(value: Any) -> Markdown | Missing:
    """An amount in euro: € 12.500."""
    if value is None or isinstance(value, Missing):
        return value if isinstance(value, Missing) else Markdown("")
    return Markdown(formatting.money(value))


def capital(value: Any) -> Any:
    """The value with a capital first letter, the rest as written (MIVP² stays MIVP²)."""
    text = finalize(value)
    if isinstance(text, str) and text.startswith("\u27e6"):
        parts = split_missing(text)
        if not isinstance(parts[0], FieldMark):  # a gap stays a gap
            return text
        plain = "".join(
            part.token if isinstance(part, Missing) else part
            for part in parts
            if not isinstance(part, FieldMark)
        )
        if upper_first(plain) == plain:
            return Markdown(text)
        text = plain  # a field the template changes is no longer the field's text: no marks
    if not isinstance(text, str):
        return text
    return Markdown(upper_first(text))


def short_date(value: Any) -> Any:
    """A date for a narrow table cell, that never breaks: 1 sep. 2010."""
    return Markdown(formatting.short_date(value)) if isinstance(value, dt.date) else value


def join_dutch(items: Iterable[Any]) -> Markdown:
    """A list in prose: a, b en c."""
    return Markdown(formatting.join([str(finalize(item)) for item in items]))


def cell(value: Any) -> Markdown:
    """A value for a table cell: escaped, on one line."""
    return Markdown(str(finalize(value)).replace("\n", " ").replace(DATA_BREAK, " "))


def person(actor: Any, with_function: bool = True) -> Markdown:
    """A person as documents name them: Dirk Pieters (burgemeester)."""
    if actor is None:
        return Markdown("")
    if isinstance(actor, Missing):
        return placeholder(actor)
    name = finalize(actor["naam"])
    function = actor.get("functie") or ""
    if with_function and function:
        return Markdown(f"{name} ({md_escape(function)})")
    return Markdown(str(name))


def people(actors: Iterable[Any], with_function: bool = True) -> Markdown:
    """Several people in prose."""
    return join_dutch(person(a, with_function) for a in actors)


def series_widths(years: int) -> Markdown:
    """Column widths for a series by year: a wide first column, then one per year."""
    first = max(2.0, min(4.0, 12 / max(years, 1)))
    return Markdown(",".join([str(first)] + ["1"] * max(int(years), 1)))


_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def plain(value: Any) -> str:
    """A value as plain text for a data table (no Markdown): names, dates, numbers, gaps."""
    if type(value) is str:  # most cells: the other cases below cannot apply
        return _around_gaps(value, _strip_control)
    if isinstance(value, Missing):
        return value.token
    if isinstance(value, Markdown):
        return _UNESCAPE.sub(r"\1", str(value))
    if isinstance(value, dict) and "naam" in value:
        return plain(value["naam"])
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    scalar = _scalar(value)
    return scalar if scalar is not None else _around_gaps(str(value), _strip_control)


def _strip_control(text: str) -> str:
    return _CONTROL.sub("", text)


def data_table(
    header: list[Any], rows: Iterable[Iterable[Any]], widths: list[float] | None = None
) -> Markdown:
    """A data table from rows of values: fast for thousands of rows, and no escaping to get wrong.

    In a template: ``{{ tabel(["Actie", "Trekker"], rijen, [70, 30]) }}``.
    """
    payload = {
        "kop": [plain(cell) for cell in header],
        "rijen": [[plain(cell) for cell in row] for row in rows],
        "breedtes": list(widths) if widths else None,
    }
    return Markdown("```tabel\n" + json.dumps(payload, ensure_ascii=False) + "\n```\n")


def is_missing(value: Any) -> bool:
    """Whether a value is data still to fill in."""
    return isinstance(value, Missing)


# -- the sandbox: what a template may read, and how much it may do -----------------------------

MAX_TEMPLATE_BYTES = 1_000_000
MAX_RANGE = 10_000
MAX_STEPS = 200_000
MAX_TEXT = 5_000_000
MAX_OUTPUT = 10_000_000
MAX_NUMBER_DIGITS = 1_000
MAX_INCLUDE_DEPTH = 20
DOCUMENT_SECONDS = 15.0

_DIGITS_PER_BIT = 0.30103
_FORMAT_NUMBER = re.compile(r"\d+")
_DRIVE = re.compile(r"^[A-Za-z]:")


class TemplateProblem(Exception):
    """What a template may not do or read, in Dutch; ``where`` is 'file:line' when known."""

    def __init__(self, message: str, hint: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where


def _limit(message: str) -> TemplateProblem:
    return TemplateProblem(
        message,
        tr("kijk na of een lus, macro of include niet eindeloos herhaalt of te veel maakt"),
    )


# -- the loader -------------------------------------------------------------------------------


def template_pieces(name: str) -> list[str]:
    """The parts of a template name, refusing absolute paths and '..'.

    Raises:
        TemplateProblem: the name leaves the template folders.
    """
    pieces = [piece for piece in name.split("/") if piece not in ("", ".")]
    if (
        name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or _DRIVE.match(name)
        or ".." in pieces
        or not pieces
    ):
        raise TemplateProblem(
            tr("het sjabloon '{naam}' ligt buiten de map met sjablonen", naam=name),
            tr(
                "een sjabloon mag enkel sjablonen uit templates/ opnemen, met een naam als "
                "'deel.md.j2' (geen '/' vooraan, geen '..')"
            ),
        )
    return pieces


class TemplateFolder:
    """One folder of templates; ``own`` when it is the gemeente's (it may not reach its data)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.own = not path.resolve().is_relative_to(templates_dir().resolve())

    def find(self, pieces: list[str]) -> Path | None:
        """The path of a template in this folder, or None when it has no such file."""
        path = self.path.joinpath(*pieces)
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            raise _unreadable(path, error) from None
        return path

    def read(self, path: Path) -> str:
        """The template's text, when it is a regular UTF-8 file of this folder.

        A gemeente's own template must be a regular file with one name, reached without links
        (:func:`livb.core.safepaths.check_template`); livb's own are read as installed.

        Raises:
            TemplateProblem: a link, a hard link, not a regular file, too large, not UTF-8.
        """
        expected = None
        if self.own:
            try:
                expected = check_template(self.path.parent, path)
            except LinkedPathError as error:
                raise TemplateProblem(error.message, error.hint or "") from None
            except OSError as error:
                raise _unreadable(path, error) from None
        data = self._read_bytes(path, expected)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise TemplateProblem(
                "het sjabloon is geen UTF-8-tekst",
                "bewaar het sjabloon als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)",
                f"{path}:{line}",
            ) from None

    @staticmethod
    def _read_bytes(path: Path, expected: os.stat_result | None) -> bytes:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        if expected is not None:
            flags |= getattr(os, "O_NOFOLLOW", 0)
        try:
            handle = os.open(path, flags)
        except OSError as error:
            raise _unreadable(path, error) from None
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise TemplateProblem(
                    f"{path}: geen gewoon bestand",
                    "een sjabloon moet een gewoon tekstbestand in templates/ zijn",
                )
            if expected is not None and (
                (status.st_ino, status.st_dev) != (expected.st_ino, expected.st_dev)
                or status.st_nlink > 1
            ):
                raise TemplateProblem(
                    f"{path}: het bestand veranderde terwijl livb het las",
                    "voer het commando opnieuw uit",
                )
            data = stream.read(MAX_TEMPLATE_BYTES + 1)
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateProblem(
                f"{path}: het sjabloon is groter dan {thousands(MAX_TEMPLATE_BYTES)} bytes",
                "maak het sjabloon kleiner, of verdeel het over enkele sjablonen met include",
            )
        return data


def _unreadable(path: Path, error: BaseException) -> TemplateProblem:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return TemplateProblem(
        f"{path}: het sjabloon kan niet gelezen worden ({reason})",
        "kijk de rechten van het bestand na, of verwijder het",
    )


class SafeLoader(BaseLoader):
    """Loads templates from the folders in order: regular files inside them, nothing else."""

    def __init__(self, folders: list[Path], prepare: Callable[[str, str], str]) -> None:
        self.folders = [TemplateFolder(folder) for folder in folders]
        self.prepare = prepare

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool]]:
        """The template's source (prepared), its file name and whether it is still current."""
        pieces = template_pieces(template)
        for folder in self.folders:
            path = folder.find(pieces)
            if path is None:
                continue
            source = folder.read(path)
            filename = str(path)
            return self.prepare(source, filename), filename, _current(path)

        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """Every template name (regular files only)."""
        names: set[str] = set()
        for folder in self.folders:
            for path in folder.path.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    names.add(path.relative_to(folder.path).as_posix())
        return sorted(names)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _current(path: Path) -> Callable[[], bool]:
    """Whether the template file is unchanged since it was loaded (Jinja's cache asks)."""
    loaded = _mtime(path)
    return lambda: _mtime(path) == loaded


# -- the limits -------------------------------------------------------------------------------


class Budget:
    """What one document's render may still do: steps, output, include depth, time."""

    def __init__(self) -> None:
        self.start()

    def start(self, seconds: float = DOCUMENT_SECONDS) -> None:
        """Begin a new document."""
        self.steps = 0
        self.output = 0
        self.depth = 0
        self.chain: list[str] = []
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def step(self, count: int = 1) -> None:
        """Charge ``count`` steps; past the limit (or the time), stop the render."""
        self.steps += count
        if self.steps > MAX_STEPS:
            raise _limit(
                tr(
                    "het sjabloon doet te veel werk (meer dan {aantal} stappen: rondes van "
                    "lussen, oproepen en filters)",
                    aantal=thousands(MAX_STEPS),
                )
            )
        self.check_time()

    def check_time(self) -> None:
        """Stop the render when the document takes longer than its time."""
        if time.monotonic() > self.deadline:
            raise _limit(
                tr(
                    "het document is na {aantal} seconden nog niet klaar",
                    aantal=thousands(self.seconds),
                )
            )

    def emit(self, characters: int) -> None:
        """Count characters written (also into buffers); past the limit, stop the render."""
        self.output += characters
        if self.output > MAX_OUTPUT:
            raise _too_big_document()

    def enter(self, name: str | None = None) -> None:
        """One include deeper, from the template ``name``."""
        self.depth += 1
        self.chain.append(name or "?")
        if self.depth > MAX_INCLUDE_DEPTH:
            raise _limit(_too_deep(self.chain))

    def leave(self) -> None:
        """One include less deep."""
        self.depth -= 1
        self.chain.pop()


def _too_deep(chain: list[str]) -> str:
    """Which template started the includes, and the one that includes itself, if one does."""
    first = chain[0]
    again = next((name for position, name in enumerate(chain) if name in chain[:position]), None)
    shown = [*chain[:3], "…", chain[-1]] if len(chain) > 5 else chain
    path = " → ".join(f"'{name}'" if name != "…" else name for name in shown)
    message = tr(
        "sjablonen nemen elkaar te diep op (meer dan {aantal} niveaus), begonnen in "
        "'{eerste}': {pad}",
        aantal=MAX_INCLUDE_DEPTH,
        eerste=first,
        pad=path,
    )
    if again is not None:
        return message + "; " + tr("'{naam}' neemt zichzelf op", naam=again)
    return message + "; " + tr("neem minder sjablonen in elkaar op")


def _too_big_document() -> TemplateProblem:
    return _limit(
        tr(
            "het document wordt te groot (meer dan {aantal} tekens Markdown)",
            aantal=thousands(MAX_OUTPUT),
        )
    )


def _too_big_text() -> TemplateProblem:
    return _limit(
        tr(
            "een tekst of lijst wordt te groot (meer dan {aantal} tekens of elementen)",
            aantal=thousands(MAX_TEXT),
        )
    )


def _too_big_number() -> TemplateProblem:
    return _limit(
        tr(
            "een getal wordt te groot (meer dan {aantal} cijfers)",
            aantal=thousands(MAX_NUMBER_DIGITS),
        )
    )


def measure(value: Any, limit: int = MAX_TEXT) -> int:
    """About how many characters ``value`` has as text (containers walked), up to past ``limit``.

    Raises:
        TemplateProblem: a number with too many digits.
    """
    total = 0
    stack = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) if len(item) <= limit else written_length(item)
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            digits = int(item.bit_length() * _DIGITS_PER_BIT) + 1
            if digits > MAX_NUMBER_DIGITS:
                raise _too_big_number()
            total += digits
        elif isinstance(item, dict):
            total += 2 * len(item) + 2
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 * len(item) + 2
            stack.extend(item)
        else:
            total += 20
    return total


def check_size(value: Any) -> None:
    """Refuse a value too large to print (a long text, a huge or deeply shared list, a number)."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT and written_length(value) > MAX_TEXT:
            raise _too_big_text()
        return
    if measure(value) > MAX_TEXT:
        raise _too_big_text()


_SIZE_ARGUMENTS = frozenset(
    {"ljust", "rjust", "center", "zfill", "expandtabs", "indent", "batch", "slice", "wordwrap"}
)


def _check_arguments(name: str, values: tuple[Any, ...]) -> None:
    """A cheap check of the arguments: their length, and a width or count where it is one."""
    for value in values:
        if isinstance(value, Sized) and not isinstance(value, type) and len(value) > MAX_TEXT:
            raise _too_big_text()
        if name in _SIZE_ARGUMENTS and isinstance(value, int) and abs(value) > MAX_TEXT:
            raise _too_big_text()


def _predicted(name: str, subject: Any, args: tuple[Any, ...]) -> int:
    """An upper bound on the size of a text operation's result, before it runs (0: no concern)."""
    if not isinstance(subject, str):
        if name == "join" and isinstance(subject, list | tuple):
            separator = len(args[0]) if args and isinstance(args[0], str) else 0
            return sum(measure(item) + separator for item in subject)
        return 0
    predict = _PREDICTORS.get(name)
    return predict(subject, args) if predict is not None else 0


def _replaced(subject: str, args: tuple[Any, ...]) -> int:
    if len(args) < 2 or not isinstance(args[0], str):
        return 0
    old, new = args[0], str(args[1])
    count = len(subject) + 1 if old == "" else subject.count(old)
    return len(subject) + count * max(len(new) - len(old), 0)


def _joined(subject: str, args: tuple[Any, ...]) -> int:
    if not args or not isinstance(args[0], list | tuple):
        return 0
    return sum(measure(item) for item in args[0]) + len(subject) * len(args[0])


def _indented(subject: str, args: tuple[Any, ...]) -> int:
    if not args or not isinstance(args[0], int | str):
        return 0
    width = args[0] if isinstance(args[0], int) else len(args[0])
    return len(subject) + (subject.count("\n") + 1) * width


def _expanded(subject: str, args: tuple[Any, ...]) -> int:
    if not args or not isinstance(args[0], int):
        return 0
    return len(subject) + subject.count("\t") * args[0]


def _wrapped(subject: str, args: tuple[Any, ...]) -> int:
    width = args[0] if args and isinstance(args[0], int) and args[0] > 0 else 1
    wrap = args[2] if len(args) > 2 and isinstance(args[2], str) else "\n"
    return len(subject) + (len(subject) // width + subject.count("\n") + 1) * len(wrap)


def _formatted(subject: str, args: tuple[Any, ...]) -> int:
    widths = sum(int(number) for number in _FORMAT_NUMBER.findall(subject))
    fields = subject.count("{") + subject.count("%") + 1
    sizes = sum(measure(a) + (abs(a) if isinstance(a, int) else 0) for a in args)
    return len(subject) + widths + fields * sizes


_PREDICTORS: dict[str, Callable[[str, tuple[Any, ...]], int]] = {
    "replace": _replaced,
    "join": _joined,
    "indent": _indented,
    "expandtabs": _expanded,
    "wordwrap": _wrapped,
    "format": _formatted,
    "format_map": _formatted,
    "%": _formatted,
}
"""For each text operation a sandboxed template may call: the size of its result."""


def _check_operation(name: str, subject: Any, args: tuple[Any, ...]) -> None:
    _check_arguments(name, (subject, *args))
    if _predicted(name, subject, args) > MAX_TEXT:
        raise _too_big_text()


def _check_result(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict | set):
        if len(value) > MAX_TEXT and not (
            isinstance(value, str) and written_length(value) <= MAX_TEXT
        ):
            raise _too_big_text()
    elif (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value.bit_length() * _DIGITS_PER_BIT > MAX_NUMBER_DIGITS
    ):
        raise _too_big_number()
    return value


_SERIALIZING_FILTERS = frozenset(
    {"string", "tojson", "pprint", "join", "format", "xmlattr", "urlencode", "list", "e", "escape"}
)


# -- the environment --------------------------------------------------------------------------


class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator with the budget in loops, includes and ``~``."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        """Every loop's iterable passes the budget: ``environment.livb_iter(iterable)``."""
        guarded = copy.copy(node)
        guard = nodes.EnvironmentAttribute("livb_iter", lineno=node.iter.lineno)
        guarded.iter = nodes.Call(guard, [node.iter], [], None, None, lineno=node.iter.lineno)
        super().visit_For(guarded, frame)

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        """An include counts one level deeper while it renders."""
        self.writeline(f"environment.livb_budget.enter({self.name!r})", node)
        self.writeline("try:")
        self.indent()
        super().visit_Include(node, frame)
        self.outdent()
        self.writeline("finally:")
        self.indent()
        self.writeline("environment.livb_budget.leave()")
        self.outdent()

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """``a ~ b``: joined with a size check."""
        self.write("environment.livb_join((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with limits: steps, sizes, include depth, output and time per document."""

    code_generator_class = GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.livb_budget = Budget()
        self.livb_charts: list[Any] = []
        """The charts the current document asked for (``grafiek()``), drawn after its text."""
        self.livb_drawn: dict[Any, ChartData] = {}
        """Every chart made in this run (one environment per run), by its value: its kind and
        data. The same chart in several documents is made once."""
        self.template_text: Callable[[str], str] = str
        self.livb_own: set[int] = set()
        self.globals["range"] = self.livb_range
        self.globals.pop("lipsum", None)
        self.concat = self.livb_concat  # type: ignore[method-assign]

    def start_document(self, seconds: float = DOCUMENT_SECONDS) -> None:
        """Reset the budget and the charts for the next document."""
        self.livb_budget.start(seconds)
        self.livb_charts = []

    def chart_block(self, chart: Any) -> Markdown:
        """A chart as a ```grafiek block naming it by number (nothing for a chart without data).

        In a template: ``{{ grafiek(r.grafiek) }}``. The chart is made when the Markdown is
        parsed (:meth:`chart_pictures`): neither its time nor its size counts toward the
        template's limits, which are meant for what the template writes.
        """
        if chart is None or isinstance(chart, Missing):
            return Markdown("")
        self.livb_charts.append(chart)
        payload = {"bijschrift": plain(chart.bijschrift), "grafiek": len(self.livb_charts) - 1}
        return Markdown("```grafiek\n" + json.dumps(payload, ensure_ascii=False) + "\n```\n")

    def draw_charts(self) -> None:
        """Make the current document's charts that this run has not made yet."""
        for chart in self.livb_charts:
            self.chart_picture(chart)

    def chart_picture(self, chart: Any) -> ChartData:
        """A chart as the Word writer puts it in the document, made once per run."""
        made = self.livb_drawn.get(chart)
        if made is None:
            made = self.livb_drawn[chart] = chart.drawing()
        return made

    def chart_pictures(self) -> list[Callable[[], ChartData]]:
        """What gives each chart of the current document, in the order it was asked for."""
        return [partial(self.chart_picture, chart) for chart in self.livb_charts]

    def trust(self, functions: Iterable[Callable[..., Any]]) -> None:
        """Trust livb's own helpers: bounded by the data, so their arguments are not measured."""
        self.livb_own.update(id(function) for function in functions)

    def livb_range(self, *args: int) -> range:
        """``range()`` with at most MAX_RANGE numbers."""
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:  # more than the machine can count
            count = MAX_RANGE + 1
        if count > MAX_RANGE:
            raise _limit(
                tr("range() mag hoogstens {aantal} getallen geven", aantal=thousands(MAX_RANGE))
            )
        return numbers

    def livb_iter(self, iterable: Any) -> Any:
        """A loop's iterable: its length charged at once, or each round as it comes."""
        if isinstance(iterable, Sized):
            self.livb_budget.step(len(iterable))
            return iterable
        return self._counted(iterable)

    def _counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.livb_budget.step()
            yield item

    def livb_join(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ c`` as Jinja does it, refusing a result that grows too large."""
        total = 0
        for part in parts:
            total += measure(part)
            if total > MAX_TEXT:
                raise _too_big_text()
        self.livb_budget.step()
        return "".join(map(str, parts))

    def livb_concat(self, parts: Iterable[str]) -> str:
        """The output of a macro, block or filter section, refusing one that grows too large.

        It is the template's own text (its data already escaped): ``template_text`` marks it so.
        """
        pieces = list(parts)
        if sum(map(len, pieces)) > MAX_OUTPUT and sum(map(written_length, pieces)) > MAX_OUTPUT:
            raise _too_big_document()
        return self.template_text("".join(pieces))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+`` and ``%`` with the size of their result checked first."""
        self.livb_budget.step()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_product(left, right)
        elif operator == "+":
            _check_sum(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_operation("%", left, right if isinstance(right, tuple) else (right,))
        return _check_result(self.binop_table[operator](left, right))

    def call(
        __self,
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Every call in a template: one step; a method of Python's own checked for size."""
        __self.livb_budget.step()
        if id(__obj) in __self.livb_own:
            return super().call(__context, __obj, *args, **kwargs)
        name = getattr(__obj, "__name__", "")
        # str.format comes wrapped by the sandbox: the string is the wrapped method's owner
        subject = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        values = (*args, *kwargs.values())
        _check_operation(name, subject, values)
        if name in ("format", "format_map", "join") or isinstance(__obj, type):
            for value in values:
                check_size(value)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def guard_filter(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter that counts as a step and refuses arguments and results too large."""
        serializes = name in _SERIALIZING_FILTERS
        trusted = id(function) in self.livb_own

        @wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.livb_budget.step()
            if trusted:
                return function(*args, **kwargs)
            data = [a for a in (*args, *kwargs.values()) if not _is_jinja_state(a)]
            subject = data[0] if data else None
            _check_operation(name, subject, tuple(data[1:]))
            if serializes:
                for value in data:
                    check_size(value)
            return _check_result(function(*args, **kwargs))

        return guarded


def _is_jinja_state(value: Any) -> bool:
    from jinja2.nodes import EvalContext

    return isinstance(value, Context | EvalContext | Environment)


def _check_power(left: Any, right: Any) -> None:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and abs(left) > 1
        and right * left.bit_length() * _DIGITS_PER_BIT > MAX_NUMBER_DIGITS + 1
    ):
        raise _too_big_number()


def _check_product(left: Any, right: Any) -> None:
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(count, int):
            if len(sequence) * max(count, 0) > MAX_TEXT:
                raise _too_big_text()
            return
    if isinstance(left, int) and isinstance(right, int):
        bits = left.bit_length() + right.bit_length()
        if bits * _DIGITS_PER_BIT > MAX_NUMBER_DIGITS:
            raise _too_big_number()


def _check_sum(left: Any, right: Any) -> None:
    if (
        isinstance(left, str | list | tuple)
        and isinstance(right, str | list | tuple)
        and len(left) + len(right) > MAX_TEXT
    ):
        raise _too_big_text()


# -- the environment ---------------------------------------------------------------------------


class MarkedLoader(SafeLoader):
    """Loads templates safely, with a mark at the start of each content line (output → source)."""

    def __init__(self, folders: list[Path]) -> None:
        super().__init__(folders, mark_lines)


def mark_lines(source: str, name: str) -> str:
    """Prefix every line of content (not a block tag, not inside a tag) with file and line."""
    lines = source.split("\n")
    inside: str | None = None
    closers = {"{{": "}}", "{%": "%}", "{#": "#}"}
    for number, line in enumerate(lines, start=1):
        stripped = line.lstrip()
        if inside is None and stripped and not stripped.startswith(("{%", "{#")):
            lines[number - 1] = f"{MARK_OPEN}{name}:{number}{MARK_CLOSE}{line}"
        position = 0
        while True:
            if inside is None:
                starts = [
                    (line.find(o, position), o) for o in closers if line.find(o, position) >= 0
                ]
                if not starts:
                    break
                index, opener = min(starts)
                inside, position = closers[opener], index + 2
            else:
                index = line.find(inside, position)
                if index < 0:
                    break
                inside, position = None, index + 2
    return "\n".join(lines)


def split_marks(text: str) -> tuple[str, list[str]]:
    """The text without marks, and for each of its lines the 'template:line' it came from.

    A value's line breaks (:data:`DATA_BREAK`) are resolved here, by the line the value stands
    on: see :func:`resolve_breaks`.
    """
    clean_lines: list[str] = []
    origins: list[str] = []
    current = "?"
    lines = text.split("\n")
    del text  # a large plan's text is tens of MB: its lines, each freed once cleaned, suffice
    lines.reverse()
    while lines:
        line = lines.pop()
        match = re.match(f"((?:{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE})+)", line)
        if match:
            current = _MARKS.findall(match.group(1))[-1]
        for piece in resolve_breaks(_MARKS.sub("", line)):
            clean_lines.append(piece)
            origins.append(current)
    return "\n".join(clean_lines), origins


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_TABLE_PIPE = re.compile(r"(?:^|[^\\])(?:\\\\)*\|")
_ONE_LINE = re.compile(f"{DATA_BREAK}+ ?")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+")


def resolve_breaks(line: str) -> list[str]:
    """A line of Markdown with its values' line breaks resolved.

    In prose they become lines (inside a list item, indented to stay in the item); a title or a
    table row, which must stay on one line, gets a space.
    """
    if DATA_BREAK not in line:
        return [line]
    if _HEADING.match(line) or _TABLE_PIPE.search(line):
        return [_ONE_LINE.sub(" ", line)]
    item = _LIST_ITEM.match(line)
    indent = " " * len(item.group(0)) if item else ""
    first, *rest = line.split(DATA_BREAK)
    return [first, *(indent + piece if piece.strip() else "" for piece in rest)]


def build_environment(folders: list[Path]) -> LimitedEnvironment:
    """The sandboxed environment: the gemeente's own templates are searched before livb's.

    Sandboxed and limited (see :mod:`livb.documents.sandbox`): call ``start_document()`` before
    each document to give it a fresh budget.
    """
    environment = LimitedEnvironment(
        loader=MarkedLoader(folders),
        bytecode_cache=own_template_cache(templates_dir()),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    own_filters: dict[str, Callable[..., Any]] = {
        "euro": euro,
        "lijst": join_dutch,
        "cel": cell,
        "hoofdletter": capital,
        "korte_datum": short_date,
        "getal": lambda v: v if isinstance(v, Missing) else Markdown(formatting.number(v)),
        "woord": lambda v: v if isinstance(v, Missing) else i18n.word(str(v)),
    }
    own_globals: dict[str, Callable[..., Any]] = {
        "persoon": person,
        "personen": people,
        "reeks_breedtes": series_widths,
        "tabel": data_table,
    }
    environment.trust([*own_filters.values(), *own_globals.values()])
    environment.filters.update(own_filters)
    environment.filters = {
        name: environment.guard_filter(name, function)
        for name, function in environment.filters.items()
    }
    environment.globals.update(own_globals, Markdown=Markdown)
    environment.tests["ontbrekend"] = is_missing
    environment.template_text = Markdown  # a macro's output is Markdown already
    environment.finalize = _counted_finalize(environment)
    environment.globals["grafiek"] = environment.chart_block
    return environment


def _counted_finalize(environment: LimitedEnvironment) -> Callable[[Any], Any]:
    """:func:`finalize`, refusing a value too large to print and counting what it writes."""

    def counted(value: Any) -> Any:
        check_size(value)
        text = finalize(value)
        # what the folder wrote counts, not livb's field marks around it (ir.written_length)
        environment.livb_budget.emit(written_length(text) if isinstance(text, str) else 0)
        return text

    return counted
