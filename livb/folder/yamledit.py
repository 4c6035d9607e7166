"""Editing the text of a YAML file the user wrote: only what must change, every other byte kept.

Reading lives in :mod:`livb.folder.yamlio`; writing the result goes through
:mod:`livb.core.transaction`. Here is the step in between: a new list item appended as text,
in the file's own indentation and line ends, checked by parsing the result again.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable, Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter

from livb.core.i18n import tr
from livb.folder.yamlio import parse_fast, parse_roundtrip


class _EmptyNone(RoundTripRepresenter):
    """Writes an empty field empty (``email:``), as livb new's files do, not ``email: null``."""


_EmptyNone.add_representer(
    type(None), lambda self, _data: self.represent_scalar("tag:yaml.org,2002:null", "")
)


def dump_list_item(item: Any, dash_column: int) -> str:
    """One list item as block YAML, its dash at ``dash_column``, with LF line ends."""
    import io

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.Representer = _EmptyNone
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
        raise ValueError(tr("het bestand bestaat niet uit sleutels met waarden"))
    lines = text.splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"

    def block(dash_column: int) -> str:
        return dump_list_item(item, dash_column).replace("\n", eol)

    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += eol
    current = tree.get(key)
    if key in tree and current is not None and not isinstance(current, CommentedSeq):
        raise ValueError(tr("'{sleutel}' is geen lijst", sleutel=key))
    if isinstance(current, CommentedSeq) and len(current) > 0 and not current.fa.flow_style():
        insert_at = _end_of_value(tree, key, lines)
        lines[insert_at:insert_at] = [block(current.lc.item(0)[1] - 2)]
    elif key in tree:
        _start_block_list(tree, key, lines, eol, block)
    else:
        if lines and lines[-1].strip():
            lines.append(eol)
        lines += [f"{key}:{eol}", block(2)]
    result = "".join(lines)
    _check_appended(before, result, key, item)
    return result


def _start_block_list(
    tree: CommentedMap, key: str, lines: list[str], eol: str, block: Callable[[int], str]
) -> None:
    """An empty value ('key:' or 'key: []') becomes the start of a block list."""
    current = tree.get(key)
    if isinstance(current, CommentedSeq) and len(current) > 0:
        raise ValueError(
            tr(
                "'{sleutel}' staat als [lijst] op één regel; zet de elementen onder elkaar",
                sleutel=key,
            )
        )
    key_line, key_column = tree.lc.key(key)
    original = lines[key_line]
    head = original.split(":", 1)[0] + ":"
    comment = original[original.find("#") :] if "#" in original[len(head) :] else ""
    lines[key_line] = head + (f"  {comment.rstrip()}" if comment else "") + eol
    lines[key_line + 1 : key_line + 1] = [block(key_column + 2)]


def _check_appended(before: dict[Any, Any], result: str, key: str, item: Any) -> None:
    """The result holds the old data and the item at the end of the list, nothing else."""
    after = parse_fast(result)
    expected = [*(before.get(key) or []), parse_fast(dump_list_item(item, 0))[0]]
    if (
        not isinstance(after, dict)
        or after.get(key) != expected
        or {k: v for k, v in after.items() if k != key}
        != {k: v for k, v in before.items() if k != key}
    ):
        raise ValueError(tr("het bestand kon niet veilig aangevuld worden"))


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


Path_ = tuple[str | int, ...]
"""A place in a YAML file: keys and list indexes from the top (``("acties", 2, "titel")``)."""


class EditError(ValueError):
    """A value could not be changed in place safely; the message says why."""


def replace_scalars(text: str, changes: Mapping[Path_, Any]) -> str:
    """Replace existing scalar values in the text, every other byte (comments, quotes, order) kept.

    Each place must hold a scalar (or be empty) already; the new value is written in the style
    of the old where it allows it (a quoted string stays quoted, a block text stays a block) and
    otherwise as YAML writes it. The result is parsed again and must hold exactly the new values.

    Raises:
        EditError: a place does not exist or holds a list or mapping, or the text could not be
            changed safely; nothing is returned then.
    """
    if not changes:
        return text
    root = YAML(typ="rt").compose(text)
    spans: list[tuple[int, int, str]] = []
    for place, value in changes.items():
        node, indent, key = _scalar_node(root, place)
        start, end = node.start_mark.index, node.end_mark.index
        prefix = ""
        if node.value == "" and node.style is None:  # an empty value: write after the colon
            if key is None:
                raise EditError(
                    tr(
                        "'{plaats}' is een leeg lijstelement; vul het met de hand",
                        plaats=_shown(place),
                    )
                )
            start = end = text.index(":", key.end_mark.index) + 1
            if value is None:
                continue
            prefix = " "
        written = prefix + _scalar_text(value, node, indent, text[start:end])
        if written.lstrip().startswith("|") and node.style not in ("|", ">"):
            # a comment after a one-line value moves onto the block's first line
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            header, _, body = written.partition("\n")
            written = header + text[end:line_end].rstrip("\r") + "\n" + body.rstrip("\n")
            end = line_end - (1 if text[line_end - 1 : line_end] == "\r" else 0)
        if "\r\n" in text:
            written = written.replace("\n", "\r\n")
        spans.append((start, end, written))
    spans.sort(reverse=True)
    for earlier, later in zip(spans[1:], spans, strict=False):
        if earlier[1] > later[0]:
            raise EditError(tr("twee wijzigingen overlappen elkaar"))
    result = text
    for start, end, new in spans:
        result = result[:start] + new + result[end:]
    _verify(text, result, changes)
    return result


def _scalar_node(root: Node | None, place: Path_) -> tuple[ScalarNode, int, ScalarNode | None]:
    """The scalar node at a place, the column its block text is indented to, and its key."""
    node: Node | None = root
    indent = 0
    key: ScalarNode | None = None
    for part in place:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = next((v for k, v in node.value if k.value == part), None)
            key = next((k for k, _v in node.value if k.value == part), None)
            if match is None or key is None:
                raise EditError(tr("'{plaats}' bestaat niet in het bestand", plaats=_shown(place)))
            indent = key.start_mark.column + 2
            node = match
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                raise EditError(tr("'{plaats}' bestaat niet in het bestand", plaats=_shown(place)))
            node = node.value[part]
            key = None
            indent = node.start_mark.column + 2
        else:
            raise EditError(tr("'{plaats}' bestaat niet in het bestand", plaats=_shown(place)))
    if not isinstance(node, ScalarNode):
        raise EditError(
            tr("'{plaats}' is een lijst of groep, geen enkele waarde", plaats=_shown(place))
        )
    return node, indent, key


def _shown(place: Path_) -> str:
    return "/".join(str(part) for part in place)


def _scalar_text(value: Any, node: ScalarNode, indent: int, old: str) -> str:
    """The YAML text of a new value, in the old node's style when that style can hold it."""
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return _literal_block(value, indent, old)
    # a block text ends at its own line end: a one-line value in its place keeps it
    end = "\n" if node.style in ("|", ">") and old.endswith("\n") else ""
    if isinstance(value, str) and node.style == ">" and _foldable(value):
        width = max(len(line.strip()) for line in old.splitlines()[1:] or [""])
        lines = textwrap.wrap(value, max(width, 40), break_long_words=False)
        return ">-\n" + "\n".join(" " * indent + line for line in lines) + end
    if isinstance(value, str) and node.style in ("'", '"') and node.tag == "tag:yaml.org,2002:str":
        if node.style == "'" and "\n" not in value:
            return "'" + value.replace("'", "''") + "'"
        return '"' + _double_quoted(value) + '"'
    return _plain(value) + end


def _literal_block(value: str, indent: int, old: str) -> str:
    """A text of several lines as a literal block, its final line breaks kept exactly."""
    body = value if value.endswith("\n") else value + "\n"
    chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
    if value.endswith("\n\n"):
        chomp, body = "+", value
    lines = [(" " * indent + line) if line else "" for line in body.split("\n")[:-1]]
    # a block text ends at its own line end: what followed the old node stays after it
    return "|" + chomp + "\n" + "\n".join(lines) + ("\n" if old.endswith("\n") else "")


def _foldable(value: str) -> bool:
    """Whether a one-line text can be written as a folded block and read back the same."""
    return bool(value) and value == " ".join(value.split()) and value.isprintable()


def _double_quoted(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)[1:-1]


def _plain(value: Any) -> str:
    """A value as YAML writes it on one line (plain when safe, quoted when not)."""
    import datetime as dt
    import io

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    yaml = YAML(typ="rt")
    yaml.width = 1_000_000
    buffer = io.StringIO()
    yaml.dump({"k": value}, buffer)
    dumped = buffer.getvalue()
    if not dumped.startswith("k: ") or dumped.count("\n") != 1:
        raise EditError(tr("de nieuwe waarde past niet op één regel"))
    return dumped[3:-1]


def _verify(before: str, after: str, changes: Mapping[Path_, Any]) -> None:
    """The edited text must load, hold every new value, and differ nowhere else."""
    try:
        old, new = parse_fast(before), parse_fast(after)
    except Exception as error:
        raise EditError(tr("het bestand kon niet veilig aangepast worden")) from error
    expected = _with_changes(old, changes)
    if new != expected:
        raise EditError(tr("het bestand kon niet veilig aangepast worden"))


def _with_changes(data: Any, changes: Mapping[Path_, Any]) -> Any:
    import copy

    result = copy.deepcopy(data)
    for place, value in changes.items():
        target = result
        for part in place[:-1]:
            target = target[part]
        target[place[-1]] = value
    return result


def update_roundtrip(text: str, edit: Callable[[Any], None]) -> str:
    """Change the structure of a file (new keys, new list items) through ruamel's round trip.

    Comments, key order, quotes and the file's indentation are kept as ruamel keeps them; the
    result is parsed again and must hold what ``edit`` makes of the plain data. ``edit`` may use
    only what dicts and lists offer. Prefer :func:`replace_scalars` for values that exist: it
    keeps every other byte.

    Raises:
        EditError: the text could not be changed safely.
    """
    from ruamel.yaml.util import load_yaml_guess_indent

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :].replace("\r\n", "\n")
    expected = parse_fast(body)
    edit(expected)
    _, indent, block_seq_indent = load_yaml_guess_indent(body)
    loader = YAML(typ="rt")
    loader.preserve_quotes = True
    tree = loader.load(body)
    edit(tree)
    result = _dump(tree, _mapping_indent(body), indent, block_seq_indent)
    try:
        same = parse_fast(result) == expected
    except Exception as error:
        raise EditError(tr("het bestand kon niet veilig aangepast worden")) from error
    if not same:
        raise EditError(tr("het bestand kon niet veilig aangepast worden"))
    return bom + (result.replace("\n", "\r\n") if "\r\n" in text else result)


def _mapping_indent(text: str) -> int:
    """How far the file indents a mapping under its key (2 unless it does otherwise)."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for line, following in itertools.pairwise(lines):
        if line.rstrip().endswith(":") and not following.lstrip().startswith("- "):
            step = (len(following) - len(following.lstrip())) - (len(line) - len(line.lstrip()))
            if step > 0:
                return step
    return 2


def _dump(tree: Any, mapping: int, sequence: int | None, offset: int | None) -> str:
    """The round-trip tree as text, indented as the file was."""
    import io

    yaml = YAML(typ="rt")
    yaml.width = 4096
    offset = offset or 0
    yaml.indent(mapping=mapping, sequence=max(sequence or 2, offset + 2), offset=offset)
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    return buffer.getvalue()
