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
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver

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


def parse_fast(text: str) -> Any:
    """Parse YAML text into plain Python values with the C loader.

    Raises:
        YamlSyntaxError: the text is not valid YAML.
    """
    try:
        return _safe_loader().load(text)
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
        if not loc:
            return 1, 1  # the file as a whole: no need to parse it again
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


def write_atomic(path: Path, content: str | bytes, *, expected: bytes | None = None) -> None:
    """Write a file so that it is either the old or the new content, never half of it.

    Text is written as UTF-8, exactly as given (no newline translation). A new file gets the
    mode any program would give it (0644 under umask 022, with the folder's default ACLs);
    an existing file keeps its mode.

    Args:
        path: the file to write.
        content: the new content.
        expected: compare-and-swap: the bytes the file held when it was read (``b""`` for a
            file that did not exist). Right before the rename the file is read again; if it
            changed, nothing is written.

    Raises:
        FileChangedError: the file no longer holds ``expected``.
        OSError: the file could not be written; the old one is untouched.
    """
    import os

    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = _create_temporary(path)
    try:
        with temporary.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            temporary.chmod(path.stat().st_mode & 0o777)
        if expected is not None and _current_bytes(path) != expected:
            raise FileChangedError(path)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def dump_list_item(item: Any, dash_column: int) -> str:
    """One list item as block YAML, its dash at ``dash_column``, with LF line ends."""
    import io

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda _data: True
    buffer = io.StringIO()
    yaml.dump([item], buffer)
    lines = buffer.getvalue().splitlines()
    # ruamel writes the one-item list with the dash at column 2; shift it to the list's column.
    shift = dash_column - (len(lines[0]) - len(lines[0].lstrip()))
    if shift >= 0:
        return "".join(f"{' ' * shift}{line}\n" if line.strip() else "\n" for line in lines)
    return "".join(f"{line[-shift:]}\n" if line.strip() else "\n" for line in lines)


def append_to_list(text: str, key: str, item: Any) -> str:
    """Append an item to the list under a top-level key, changing no other byte of the text.

    The new item is inserted as text after the list's last item (or in place of an empty
    ``[]``), with the indentation of the items already there and the file's own line ends
    (CRLF for a file saved by Notepad). The result is parsed again and compared with the
    expected data; if that fails, nothing is returned but an error.

    Raises:
        ValueError: the key does not hold a list, or the text could not be extended safely.
    """
    tree = parse_roundtrip(text) or CommentedMap()
    before = parse_fast(text) or {}
    if not isinstance(tree, CommentedMap) or not isinstance(before, dict):
        raise ValueError("het bestand bestaat niet uit sleutels met waarden")
    lines = text.splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"

    def block(dash_column: int) -> str:
        return dump_list_item(item, dash_column).replace("\n", eol)

    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += eol
    current = tree.get(key)
    if key in tree and current is not None and not isinstance(current, CommentedSeq):
        raise ValueError(f"'{key}' is geen lijst")
    if isinstance(current, CommentedSeq) and len(current) > 0 and not current.fa.flow_style():
        dash = current.lc.item(0)[1] - 2
        insert_at = _end_of_value(tree, key, lines)
        lines[insert_at:insert_at] = [block(dash)]
    elif key in tree:
        if isinstance(current, CommentedSeq) and len(current) > 0:
            raise ValueError(
                f"'{key}' staat als [lijst] op één regel; zet de elementen onder elkaar"
            )
        # An empty value ('key:' or 'key: []') becomes the start of a block list.
        key_line = tree.lc.key(key)[0]
        original = lines[key_line]
        head = original.split(":", 1)[0] + ":"
        comment = original[original.find("#") :] if "#" in original[len(head) :] else ""
        lines[key_line] = head + (f"  {comment.rstrip()}" if comment else "") + eol
        lines[key_line + 1 : key_line + 1] = [block(tree.lc.key(key)[1] + 2)]
    else:
        if lines and lines[-1].strip():
            lines.append(eol)
        lines.append(f"{key}:{eol}")
        lines.append(block(2))
    result = "".join(lines)
    after = parse_fast(result)
    expected = [*(before.get(key) or []), parse_fast(dump_list_item(item, 0))[0]]
    if (
        not isinstance(after, dict)
        or after.get(key) != expected
        or {k: v for k, v in after.items() if k != key}
        != {k: v for k, v in before.items() if k != key}
    ):
        raise ValueError("het bestand kon niet veilig aangevuld worden")
    return result


def _end_of_value(tree: CommentedMap, key: str, lines: list[str]) -> int:
    """The line index just after the value of a top-level key (before the next key's comments)."""
    keys = list(tree)
    position = keys.index(key)
    end = tree.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        if lines[end - 1].startswith((" ", "\t")) and lines[end - 1].strip():
            break  # an indented comment belongs to the last item
        end -= 1
    return end


class FileChangedError(Exception):
    """A file changed on disk between reading it and replacing it (see :func:`write_atomic`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed since it was read")
        self.path = path


def _create_temporary(path: Path) -> Path:
    """A new, empty hidden file next to ``path``, created like any file (umask, default ACLs).

    ``tempfile.mkstemp`` would make it 0600: a document on a shared drive that only its
    writer can read.
    """
    import os
    import secrets

    while True:
        temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return temporary


def _current_bytes(path: Path) -> bytes:
    """The bytes a file holds now; a file that does not exist holds ``b""``."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
