"""The document as blocks and spans: what the Markdown parser produces and the writer consumes."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field

# A gap travels through Jinja and Markdown as one opaque word: two brackets Markdown never
# interprets around hexadecimal digits, so no table cell, heading, list or emphasis can split
# it. The process's own nonce keeps data from forging one (the data's brackets are stripped
# anyway). Case-insensitive: a template's ``| upper`` or ``| capitalize`` must not break it.
_OPEN, _CLOSE = "\u27e6", "\u27e7"
GAP_OPEN = _OPEN  # a text without it holds no gap
_NONCE = secrets.token_hex(6)
_TOKEN = re.compile(f"{_OPEN}{_NONCE}([0-9a-f]+){_CLOSE}", re.IGNORECASE)


@dataclass(frozen=True)
class Missing:
    """A piece of data still to fill in: shown highlighted, with a comment on where to fill it.

    In text (``str()``, an f-string, Jinja's ``~`` or ``join``) it becomes an opaque token that
    :func:`split_missing` turns back into the gap, whatever Markdown context it ends up in.
    """

    label: str
    file: str
    key: str

    def __str__(self) -> str:
        return self.token

    @property
    def token(self) -> str:
        """The gap as one word of text that survives every Markdown context."""
        payload = json.dumps([self.label, self.file, self.key], ensure_ascii=False)
        return f"{_OPEN}{_NONCE}{payload.encode('utf-8').hex()}{_CLOSE}"

    @property
    def text(self) -> str:
        """What the reader sees."""
        return f"[in te vullen: {self.label}]"


def split_missing(text: str) -> list[str | Missing]:
    """The text as its plain parts and the gaps (tokens) between them, in order."""
    if _OPEN not in text:
        return [text] if text else []
    parts: list[str | Missing] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        label, file, key = json.loads(bytes.fromhex(match.group(1)).decode("utf-8"))
        parts.append(Missing(label, file, key))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


@dataclass
class Span:
    """A run of text with its inline formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    missing: Missing | None = None
    line_break: bool = False


@dataclass
class ListInfo:
    """Membership of a paragraph in a list."""

    numbered: bool
    level: int
    list_id: int


@dataclass
class Paragraph:
    """A paragraph with a named style (None is the body style)."""

    spans: list[Span]
    style: str | None = None
    list: ListInfo | None = None
    line: int = 0


@dataclass
class Heading:
    """A heading of level 1 to 4."""

    level: int
    spans: list[Span]
    line: int = 0
    bookmark: str = ""


@dataclass
class Table:
    """A table: header rows first; ``kind`` is 'data' or 'handtekeningen'."""

    rows: list[list[list[Span]]]
    header_rows: int = 1
    widths: list[float] | None = None
    kind: str = "data"
    line: int = 0


@dataclass
class PageBreak:
    """A page break."""

    line: int = 0


@dataclass
class TableOfContents:
    """A table of contents field, filled with the headings that follow."""

    title: str = "Inhoud"
    line: int = 0


@dataclass
class Image:
    """A picture at the width of the text, with its caption below it.

    Attributes:
        data: the picture's bytes (PNG).
        caption: the caption, a paragraph of its own under the picture.
    """

    data: bytes
    caption: list[Span]
    line: int = 0


Block = Paragraph | Heading | Table | PageBreak | TableOfContents | Image


@dataclass
class DocumentIR:
    """A whole document: its blocks and what the writer needs to know about it."""

    blocks: list[Block] = field(default_factory=list)

    @property
    def headings(self) -> list[Heading]:
        """The headings, in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def text(self) -> str:
        """The text a reader sees, a line per paragraph, heading or table cell."""
        return "\n".join(
            "".join(span.text for span in spans)
            for block in self.blocks
            for spans in _spans_of(block)
        )

    @property
    def missing(self) -> list[Missing]:
        """Every piece of data still to fill in."""
        found: list[Missing] = []
        for block in self.blocks:
            for spans in _spans_of(block):
                found.extend(s.missing for s in spans if s.missing is not None)
        return found


def _spans_of(block: Block) -> list[list[Span]]:
    if isinstance(block, Paragraph | Heading):
        return [block.spans]
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, Image):
        return [block.caption]
    return []
