"""Editing the text of a YAML file the user wrote: only what must change, every other byte kept.

Reading lives in :mod:`livb.folder.yamlio`; writing the result goes through
:mod:`livb.core.transaction`. Here is the step in between: a new list item appended as text,
in the file's own indentation and line ends, checked by parsing the result again.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

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
