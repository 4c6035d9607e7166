"""The document as blocks and spans: what the Markdown parser produces and the writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Missing:
    """A piece of data still to fill in: shown highlighted, with a comment on where to fill it."""

    label: str
    file: str
    key: str


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
