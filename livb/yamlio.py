"""Reading YAML: a fast C loader for the data, the round-trip tree only to find positions.

ruamel.yaml's round-trip loader is pure Python and about ten times slower than its safe
loader with the C extension, so every file is read with the fast loader and only the files a
message must point into are parsed a second time to find line and column. This module is the
one place where ruamel's 0-based positions become 1-based.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

_TRANSLATIONS = (
    ("found duplicate key", "deze sleutel staat twee keer in dezelfde mapping"),
    ("found character '\\t'", "een tab-teken; gebruik spaties om in te springen"),
    (
        "mapping values are not allowed",
        "onverwachte ':'; zet tekst met ': ' tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "hier ontbreekt een ':' na de sleutel"),
    ("did not find expected key", "de inspringing klopt niet: hier werd een sleutel verwacht"),
    ("did not find expected '-'", "de inspringing klopt niet: hier werd een lijstelement verwacht"),
    ("did not find expected ','", "een lijst of mapping tussen haakjes is niet goed afgesloten"),
    ("found unexpected end of stream", "het bestand eindigt midden in een waarde"),
    ("found undefined alias", "een alias (*naam) zonder bijhorend anker (&naam)"),
    ("expected <block end>", "de inspringing klopt niet"),
    (
        "found unknown escape character",
        "een onbekende escape (\\) in tekst tussen dubbele aanhalingstekens",
    ),
    ("while scanning a quoted scalar", "tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("could not determine a constructor", "een onbekende YAML-tag (!...)"),
)


class YamlSyntaxError(Exception):
    """A file that is not valid YAML, with a 1-based position and a Dutch message."""

    def __init__(self, message: str, line: int, column: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = (
            hint or "verbeter de schrijfwijze hier: spring in met spaties, zet ': ' na een sleutel"
        )


def _dutch_problem(error: YAMLError) -> str:
    text = str(getattr(error, "problem", None) or error)
    for needle, dutch in _TRANSLATIONS:
        if needle in text:
            return dutch
    return f"ongeldige YAML ({text.strip()})"


def _yaml_error(error: YAMLError, text: str) -> YamlSyntaxError:
    mark = None
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    lines = text.splitlines()
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        return YamlSyntaxError(
            "een tab-teken; YAML springt in met spaties",
            line,
            column,
            "vervang de tab door spaties (twee per niveau)",
        )
    return YamlSyntaxError(_dutch_problem(error), line, column)


def read_text(path: Path) -> str:
    """Read a file of the folder as UTF-8 text (a byte order mark is allowed).

    Raises:
        YamlSyntaxError: the file is not UTF-8.
    """
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = path.read_bytes()[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise YamlSyntaxError(
            "het bestand is niet in UTF-8 opgeslagen",
            line,
            column,
            "sla het bestand op met de codering UTF-8 (in Kladblok: 'Opslaan als', UTF-8)",
        ) from None


def parse_fast(text: str) -> Any:
    """Parse YAML text into plain Python values with the C loader.

    Raises:
        YamlSyntaxError: the text is not valid YAML.
    """
    try:
        return YAML(typ="safe").load(text)
    except YAMLError as error:
        raise _yaml_error(error, text) from None
    except (ValueError, OverflowError):  # a date that does not exist, e.g. 2026-02-30
        raise _bad_timestamp(text) from None


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
                    f"de datum {node.value} bestaat niet",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
    return YamlSyntaxError("een waarde die geen geldige datum of getal is", 1, 1)


def parse_roundtrip(text: str) -> Any:
    """Parse YAML text into ruamel's round-trip tree, which knows every position."""
    return YAML(typ="rt").load(text)


def _child(node: Any, part: object) -> tuple[bool, Any]:
    candidates: list[object] = [part]
    if isinstance(part, str) and part.lstrip("-").isdigit():
        candidates.append(int(part))
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
        """The 1-based line and column of ``loc`` in this file (see :func:`position_in`)."""
        if self._tree is None:
            try:
                self._tree = parse_roundtrip(self.text)
            except YAMLError:
                # The C loader accepts a few things the round-trip parser refuses (a tab
                # inside [ ]); fall back to the line where the last key is written.
                self._tree = False
        if self._tree is False:
            return _search_key(self.text, loc)
        return position_in(self._tree, loc, at_key=at_key)


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
