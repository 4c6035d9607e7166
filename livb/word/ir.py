"""The document as blocks and spans: what the Markdown parser produces and the writer consumes."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field

from livb.core.i18n import tr

# A gap travels through Jinja and Markdown as one opaque word: two brackets Markdown never
# interprets around hexadecimal digits, so no table cell, heading, list or emphasis can split
# it. The process's own nonce keeps data from forging one (the data's brackets are stripped
# anyway). Case-insensitive: a template's ``| upper`` or ``| capitalize`` must not break it.
_OPEN, _CLOSE = "\u27e6", "\u27e7"
GAP_OPEN = _OPEN  # a text without it holds no gap
_NONCE = secrets.token_hex(6)
_TOKEN = re.compile(f"{_OPEN}{_NONCE}(:?)([0-9a-f]*){_CLOSE}", re.IGNORECASE)


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
        return "[" + tr("in te vullen: {wat}", wat=self.label) + "]"


@dataclass(frozen=True)
class FieldRef:
    """Where a text of the document comes from: an opaque place and the check of its value.

    ``place`` is the source's own name for it (livb writes ``plan.yaml#/visie``); ``check`` is
    :func:`field_check` of the value the document was made from. The writer marks the text
    with them, the reader gives them back.
    """

    place: str
    check: str


@dataclass(frozen=True)
class FieldMark:
    """The start (with its field) or the end (``field`` None) of a field's text in Markdown."""

    field: FieldRef | None

    @property
    def token(self) -> str:
        """The mark as one word of text, like a gap's token."""
        if self.field is None:
            return f"{_OPEN}{_NONCE}:{_CLOSE}"
        payload = json.dumps([self.field.place, self.field.check], ensure_ascii=False)
        return f"{_OPEN}{_NONCE}:{payload.encode('utf-8').hex()}{_CLOSE}"


class FieldText(str):
    """A text from one field of the source: in text (``str()``, ``~``) it carries its marks.

    Compared, measured and tested it is the plain text; printed into Markdown it is the text
    between a start and an end mark (:class:`FieldMark`), which the parser turns into spans
    that know their field.
    """

    field: FieldRef

    def __new__(cls, text: str, place: str) -> FieldText:  # noqa: D102
        made = super().__new__(cls, text)
        made.field = FieldRef(place, field_check(text))
        return made

    def __str__(self) -> str:
        # spaces and line ends around the text stay outside the marks: a mark alone on a line
        # would make a paragraph of its own
        text = self.plain
        core = text.strip()
        start = text.index(core[0]) if core else 0
        before, after = text[:start], text[start + len(core) :]
        return f"{before}{FieldMark(self.field).token}{core}{FieldMark(None).token}{after}"

    @property
    def plain(self) -> str:
        """The text without its marks."""
        return str.__str__(self)


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"\s+")


def field_text(text: str) -> str:
    """A field's text as a document shows it: paragraphs apart by a blank line, spaces single."""
    paragraphs = (_SPACES.sub(" ", part).strip() for part in _BLANK_LINES.split(text.strip()))
    return "\n\n".join(part for part in paragraphs if part)


def field_check(text: str) -> str:
    """A short fingerprint of a field's text as shown (see :func:`field_text`)."""
    return hashlib.sha256(field_text(text).encode("utf-8")).hexdigest()[:16]


FIELD_MAP_NAMESPACE = "urn:livb:velden"
"""The namespace of the field map (a custom XML part): the reader finds it by its root."""
FIELD_MAP_FORMAT = "1"
"""The version of the marks and the map; a reader refuses a document with another one."""
FIELD_BOOKMARK = "_livbv"
"""The start of a field's bookmark name (a hidden bookmark in Word: it starts with '_')."""


def outside_check(text: str) -> str:
    """The fingerprint of a paragraph's text outside any field (spaces made single)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def without_field_marks(text: str) -> str:
    """The text with the marks of its fields dropped and its gaps as the reader sees them.

    For what is no part of the document's body (its title in the properties): nothing there
    can come back, so nothing there is marked.
    """
    if _OPEN not in text:
        return text
    return "".join(
        part.text if isinstance(part, Missing) else part
        for part in split_missing(text)
        if not isinstance(part, FieldMark)
    )


def written_length(text: str) -> int:
    """How long a text is without its field marks: what the source wrote, and the template.

    The marks (:class:`FieldMark`) are livb's own bookkeeping, some hundred characters per
    field; a size limit meant for what was written does not count them.
    """
    if _OPEN not in text:
        return len(text)
    marks = sum(len(m.group(0)) for m in _TOKEN.finditer(text) if m.group(1))
    return len(text) - marks


def split_missing(text: str) -> list[str | Missing | FieldMark]:
    """The text as its plain parts and the gaps and field marks (tokens) between them, in order."""
    if _OPEN not in text:
        return [text] if text else []
    parts: list[str | Missing | FieldMark] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        payload = bytes.fromhex(match.group(2)).decode("utf-8")
        if match.group(1):
            parts.append(FieldMark(FieldRef(*json.loads(payload)) if payload else None))
        else:
            label, file, key = json.loads(payload)
            parts.append(Missing(label, file, key))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


@dataclass(slots=True)  # a large plan has hundreds of thousands: no dict each
class Span:
    """A run of text with its inline formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    missing: Missing | None = None
    line_break: bool = False
    field: FieldRef | None = None
    mark: FieldMark | None = None  # while parsing only: where a field starts or ends


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


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart: a name and a value per category (None: no value there).

    Attributes:
        style: which dash, marker or fill it gets (0: the main series, drawn heaviest).
        labels: its values written at the points or bars.
        hidden: drawn invisibly and left out of the legend (a timeline's offset to the start).
        no_marker: a line without markers, dotted (a target).
        open_points: the categories where its point is drawn open (an incomplete year).
    """

    name: str
    values: tuple[float | None, ...]
    style: int = 0
    labels: bool = False
    hidden: bool = False
    no_marker: bool = False
    open_points: tuple[int, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """What a native chart shows (see ``livb.word.chart``): the writer draws nothing itself.

    Attributes:
        kind: ``lijn`` (lines over categories), ``staaf`` (columns) or ``tijdlijn``
            (horizontal bars from a start, stacked: a Gantt chart).
        categories: the labels along the category axis, in order.
        value_format: the number format of the value axis (``yyyy`` for a date axis).
        height: the chart's height in inches (its width is the text's).
        legend: a legend even for one series (a timeline's states).
    """

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    category_title: str = ""
    value_title: str = ""
    value_format: str = "#,##0"
    minimum: float | None = None
    maximum: float | None = None
    major_unit: float | None = None
    height: float = 2.8
    legend: bool = False


@dataclass
class Chart:
    """A native chart at the width of the text, with its caption below it."""

    data: ChartData
    caption: list[Span]
    line: int = 0


Block = Paragraph | Heading | Table | PageBreak | TableOfContents | Image | Chart


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
            for spans in spans_of(block)
        )

    @property
    def missing(self) -> list[Missing]:
        """Every piece of data still to fill in."""
        found: list[Missing] = []
        for block in self.blocks:
            for spans in spans_of(block):
                found.extend(s.missing for s in spans if s.missing is not None)
        return found


def spans_of(block: Block) -> list[list[Span]]:
    """The lists of spans of a block, in reading order (a table's cell by cell)."""
    if isinstance(block, Paragraph | Heading):
        return [block.spans]
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, Image):
        return [block.caption]
    return []
