"""The one Jinja environment of the documents: sandboxed, strict, escaping data for Markdown."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from livb.dates import dutch_date
from livb.documents._base import dutch_list, format_number, short_dutch_date, upper_first
from livb.word.ir import Missing, split_missing

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
_MARKS = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")
_ESCAPE = re.compile(r"([\\`*_\[\]<>|&#~!{}])")
_BLOCK_START = re.compile(r"^(\s*)(\d*)([-+>=.)])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u27e6\u27e7]")


class Markdown(str):
    """Text that is already Markdown (from a template helper): not escaped again."""

    __slots__ = ()


def md_escape(text: str) -> str:
    """Escape data so that Markdown shows it literally (``*``, ``|``, ``&``, a leading ``-``)."""
    text = _CONTROL.sub("", text)
    escaped = _ESCAPE.sub(r"\\\1", text)
    return "\n".join(_BLOCK_START.sub(r"\1\2\\\3", line) for line in escaped.split("\n"))


def placeholder(missing: Missing) -> Markdown:
    """The Markdown of a piece of data still to fill in: one opaque word (see ``Missing``)."""
    return Markdown(missing.token)


def _around_gaps(text: str, clean: Callable[[str], str]) -> str:
    """Text that may hold gaps (a Missing pasted into a string): clean the rest, keep the gaps."""
    if "\u27e6" not in text:
        return clean(text)
    return "".join(
        part.token if isinstance(part, Missing) else clean(part) for part in split_missing(text)
    )


def _scalar(value: Any) -> str | None:
    """Dates, yes/no and numbers as the documents write them (None for anything else)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return dutch_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)  # years and counts: 2010, not 2.010
    if isinstance(value, float):
        return format_number(value, grouping=False)
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
    return Markdown(f"€ {format_number(float(value))}")


def capital(value: Any) -> Any:
    """The value with a capital first letter, the rest as written (MIVP² stays MIVP²)."""
    text = finalize(value)
    if not isinstance(text, str) or text.startswith("\u27e6"):  # a gap stays a gap
        return text
    return Markdown(upper_first(text))


def short_date(value: Any) -> Any:
    """A date for a narrow table cell, that never breaks: 1 sep. 2010."""
    return Markdown(short_dutch_date(value)) if isinstance(value, dt.date) else value


def join_dutch(items: Iterable[Any]) -> Markdown:
    """A list in prose: a, b en c."""
    return Markdown(dutch_list([str(finalize(item)) for item in items]))


def cell(value: Any) -> Markdown:
    """A value for a table cell: escaped, on one line."""
    return Markdown(str(finalize(value)).replace("\n", " "))


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


class MarkedLoader(BaseLoader):
    """Loads templates with a mark at the start of each content line, to map output to source."""

    def __init__(self, folders: list[Path]) -> None:
        self.inner = ChoiceLoader([FileSystemLoader(str(f)) for f in folders])

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Any]:
        """The template's source, each content line marked with file and line."""
        source, filename, uptodate = self.inner.get_source(environment, template)
        return mark_lines(source, filename or template), filename, uptodate

    def list_templates(self) -> list[str]:
        """Every template name."""
        return self.inner.list_templates()


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
    """The text without marks, and for each of its lines the 'template:line' it came from."""
    clean_lines: list[str] = []
    origins: list[str] = []
    current = "?"
    for line in text.split("\n"):
        match = re.match(f"((?:{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE})+)", line)
        if match:
            current = _MARKS.findall(match.group(1))[-1]
        clean_lines.append(_MARKS.sub("", line))
        origins.append(current)
    return "\n".join(clean_lines), origins


def build_environment(folders: list[Path]) -> SandboxedEnvironment:
    """The sandboxed environment: the gemeente's own templates are searched before livb's."""
    environment = SandboxedEnvironment(
        loader=MarkedLoader(folders),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        euro=euro,
        lijst=join_dutch,
        cel=cell,
        hoofdletter=capital,
        korte_datum=short_date,
        getal=lambda v: v if isinstance(v, Missing) else Markdown(format_number(v)),
    )
    environment.globals.update(
        persoon=person,
        personen=people,
        Markdown=Markdown,
        reeks_breedtes=series_widths,
        tabel=data_table,
    )
    environment.tests["ontbrekend"] = is_missing
    return environment
