"""The constrained Markdown of the templates, parsed with markdown-it-py into blocks and spans.

Supported: headings (# to ####; the table of contents shows # and ##), paragraphs, **bold**,
*italic*, links, bullet and numbered lists (two levels), and pipe tables (with
``{breedtes="20,80"}`` on the line before). Containers: ``::: titelpagina``,
``::: inhoudstafel``, ``::: paginaeinde``, ``::: kader`` and ``::: handtekeningen``.
Fenced blocks: ```` ```tabel ```` (a data table as JSON) and ```` ```grafiek ```` (a picture as
JSON: ``{"bijschrift": ..., "grafiek": N}``, the N-th chart the template asked for, drawn only
now and never part of the Markdown; or ``{"bijschrift": ..., "png": <base64>}``). Anything else
is an error that names the template's line.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from functools import cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from livb.word.ir import (
    GAP_OPEN,
    Block,
    Chart,
    ChartData,
    DocumentIR,
    FieldMark,
    FieldRef,
    Heading,
    Image,
    ListInfo,
    Missing,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
    spans_of,
    split_missing,
)

CONTAINERS = ("titelpagina", "inhoudstafel", "paginaeinde", "kader", "handtekeningen")
# Data that looks like the marks of missing data travels as these, and becomes ⟦ ⟧ again in the
# text; a line break inside data that could not become one (in a cell) becomes a space.
LITERAL_OPEN, LITERAL_CLOSE, DATA_BREAK = "\x0e", "\x0f", "\x1e"
_LITERAL_TEXT = str.maketrans({LITERAL_OPEN: "\u27e6", LITERAL_CLOSE: "\u27e7", DATA_BREAK: " "})
# Rare in data: the text is translated only when it holds one.
_LITERAL_CHARS = re.compile(f"[{LITERAL_OPEN}{LITERAL_CLOSE}{DATA_BREAK}]")


class MarkdownError(Exception):
    """A construct the document builder does not support, at a line of the Markdown."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@cache
def _parser() -> MarkdownIt:
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.container import container_plugin

    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    for name in CONTAINERS:
        parser.use(container_plugin, name)
    return parser.use(attrs_block_plugin)


def parse(text: str, charts: Sequence[Callable[[], ChartData | bytes]] = ()) -> DocumentIR:
    """Parse the rendered Markdown of a template into the document's blocks.

    ``charts`` give the charts a ```grafiek block names by number (their data, or a PNG).

    Raises:
        MarkdownError: an unsupported construct (the line is 1-based in ``text``).
    """
    return build(tokenize(text), charts)


Tokens = list[Token]
"""A document's Markdown as markdown-it-py's tokens, from :func:`tokenize` to :func:`build`."""


def tokenize(text: str) -> Tokens:
    """The Markdown's tokens: they hold their own copy of the text, ``text`` may go."""
    return _parser().parse(text)


def build(tokens: Tokens, charts: Sequence[Callable[[], ChartData | bytes]] = ()) -> DocumentIR:
    """The document's blocks from the tokens of :func:`tokenize` (see :func:`parse`)."""
    return _Builder(tokens, charts).build()


def inline_spans(token: Token) -> list[Span]:
    """The spans of an inline token: text with bold, italic, links and missing data."""
    spans: list[Span] = []
    bold = italic = False
    link: str | None = None
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            spans.extend(_split_missing(child.content, bold, italic, link))
        elif kind in ("softbreak",):
            spans.append(Span(" ", bold, italic, link))
        elif kind == "hardbreak":
            spans.append(Span("", line_break=True))
        elif kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
            gaps = [part for part in split_missing(unquote(link)) if isinstance(part, Missing)]
            if gaps:  # a link to an address still to fill in: no link, the gap shown
                spans.extend(Span(gap.text, missing=gap) for gap in gaps)
                link = None
        elif kind == "link_close":
            link = None
        else:
            line = (token.map or [0])[0] + 1
            raise MarkdownError(f"'{kind}' wordt niet ondersteund in een document", line)
    return _merge(spans)


def _split_missing(text: str, bold: bool, italic: bool, link: str | None) -> list[Span]:
    if GAP_OPEN not in text:  # nearly every text: one span (none when empty)
        return [Span(_literal(text), bold, italic, link)] if text else []
    return [
        Span(part.text, missing=part)
        if isinstance(part, Missing)
        else Span("", mark=part)
        if isinstance(part, FieldMark)
        else Span(_literal(part), bold, italic, link)
        for part in split_missing(text)
    ]


def _literal(text: str) -> str:
    return text.translate(_LITERAL_TEXT) if _LITERAL_CHARS.search(text) else text


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not span.missing
            and not last.missing
            and not span.mark
            and not last.mark
            and not span.line_break
            and not last.line_break
            and (last.bold, last.italic, last.link) == (span.bold, span.italic, span.link)
        ):
            last.text += span.text
        else:
            merged.append(span)
    return merged


class _Builder:
    """Walks the token stream once; each block type has its own small handler."""

    def __init__(
        self, tokens: list[Token], charts: Sequence[Callable[[], ChartData | bytes]] = ()
    ) -> None:
        self.tokens = tokens
        self.charts = charts
        self.position = 0
        self.blocks: list[Block] = []
        self.lists: list[ListInfo] = []
        self.list_counter = 0
        self.container: str | None = None
        self.title_lines = 0
        self.toc_title = ""

    def build(self) -> DocumentIR:
        handlers: dict[str, Callable[[Token], None]] = {
            "heading_open": self._heading,
            "paragraph_open": self._paragraph,
            "bullet_list_open": self._list_open,
            "ordered_list_open": self._list_open,
            "bullet_list_close": self._list_close,
            "ordered_list_close": self._list_close,
            "list_item_open": self._skip,
            "list_item_close": self._skip,
            "table_open": self._table,
            "fence": self._fence,
            "hr": self._page_break,
        }
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            self.position += 1
            if token.type.startswith("container_"):
                self._container(token)
                continue
            handler = handlers.get(token.type)
            if handler is None:
                raise MarkdownError(
                    f"'{token.type.removesuffix('_open')}' wordt niet ondersteund in een document",
                    self._line(token),
                )
            handler(token)
        _resolve_fields(self.blocks)
        return DocumentIR(self.blocks)

    @staticmethod
    def _line(token: Token) -> int:
        return (token.map or [0])[0] + 1

    def _skip(self, token: Token) -> None:
        return

    def _next_inline(self) -> Token:
        token = self.tokens[self.position]
        self.position += 2  # the inline token and its closing tag
        return token

    def _heading(self, token: Token) -> None:
        level = int(token.tag[1])
        inline = self._next_inline()
        if self.container == "titelpagina":
            self.blocks.append(Paragraph(inline_spans(inline), "Title", line=self._line(token)))
            return
        if self.container is not None or self.lists:
            raise MarkdownError("een titel hoort niet in een lijst of kader", self._line(token))
        if level > 4:
            raise MarkdownError("hoogstens vier niveaus van titels (####)", self._line(token))
        self.blocks.append(Heading(level, inline_spans(inline), self._line(token)))

    def _paragraph(self, token: Token) -> None:
        inline = self._next_inline()
        spans = inline_spans(inline)
        line = self._line(token)
        if self.container == "titelpagina":
            self.title_lines += 1
            style = "Subtitle" if self.title_lines == 1 else "livb Titelgegevens"
            self.blocks.append(Paragraph(spans, style, line=line))
        elif self.container == "inhoudstafel":
            self.toc_title = "".join(s.text for s in spans)
        elif self.lists:
            info = self.lists[-1]
            style = ("List Number" if info.numbered else "List Bullet") + (
                " 2" if info.level == 1 else ""
            )
            self.blocks.append(Paragraph(spans, style, info, line))
        elif self.container == "kader":
            self.blocks.append(Paragraph(spans, "livb Kader", line=line))
        else:
            self.blocks.append(Paragraph(spans, None, line=line))

    def _list_open(self, token: Token) -> None:
        if len(self.lists) >= 2:
            raise MarkdownError("hoogstens twee niveaus in een lijst", self._line(token))
        self.list_counter += 1
        numbered = token.type == "ordered_list_open"
        self.lists.append(ListInfo(numbered, len(self.lists), self.list_counter))

    def _list_close(self, token: Token) -> None:
        self.lists.pop()

    def _page_break(self, token: Token) -> None:
        self.blocks.append(PageBreak(self._line(token)))

    def _container(self, token: Token) -> None:
        name = token.type.removeprefix("container_").rsplit("_", 1)[0]
        if token.type.endswith("_open"):
            if self.container is not None:
                raise MarkdownError(
                    "een kader in een kader wordt niet ondersteund", self._line(token)
                )
            self.container = name
            self.title_lines = 0
            self.toc_title = ""
            return
        if name == "inhoudstafel":
            self.blocks.append(TableOfContents(self.toc_title or "Inhoud", self._line(token)))
        if name in ("titelpagina", "paginaeinde", "inhoudstafel"):
            self.blocks.append(PageBreak(self._line(token)))
        self.container = None

    def _fence(self, token: Token) -> None:
        if token.info.strip() == "grafiek":
            self._picture(token)
            return
        if token.info.strip() != "tabel":
            raise MarkdownError("'fence' wordt niet ondersteund in een document", self._line(token))
        try:
            payload = json.loads(token.content)
            token.content = ""  # most of a large plan's text: freed as its table is built
            header = [_split_missing(str(c), False, False, None) for c in payload["kop"]]
            rows = [
                [_split_missing(str(c), False, False, None) for c in row]
                for row in payload["rijen"]
            ]
            widths = [float(w) for w in payload["breedtes"]] if payload.get("breedtes") else None
        except (ValueError, KeyError, TypeError):
            raise MarkdownError(
                "een ```tabel-blok bevat geen geldige tabel", self._line(token)
            ) from None
        if widths is not None and len(widths) != len(header):
            raise MarkdownError(
                f"{len(widths)} breedtes voor {len(header)} kolommen", self._line(token)
            )
        self.blocks.append(Table([header, *rows], 1, widths, "data", self._line(token)))

    def _table(self, token: Token) -> None:
        rows: list[list[list[Span]]] = []
        header_rows = 0
        while True:
            current = self.tokens[self.position]
            self.position += 1
            if current.type == "table_close":
                break
            if current.type == "tr_open":
                rows.append([])
            elif current.type in ("th_open", "td_open"):
                if current.type == "th_open" and len(rows) > header_rows:
                    header_rows = len(rows)
                rows[-1].append(inline_spans(self.tokens[self.position]))
                self.position += 2
        widths = None
        if "breedtes" in token.attrs:
            try:
                widths = [float(part) for part in str(token.attrs["breedtes"]).split(",")]
            except ValueError:
                raise MarkdownError(
                    "breedtes moeten getallen zijn, bv. 20,80", self._line(token)
                ) from None
            if len(widths) != len(rows[0]):
                raise MarkdownError(
                    f"{len(widths)} breedtes voor {len(rows[0])} kolommen", self._line(token)
                )
        kind = "handtekeningen" if self.container == "handtekeningen" else "data"
        self.blocks.append(Table(rows, header_rows, widths, kind, self._line(token)))

    def _picture(self, token: Token) -> None:
        try:
            payload = json.loads(token.content)
            if "grafiek" in payload:
                number = payload["grafiek"]
                if not isinstance(number, int) or not 0 <= number < len(self.charts):
                    raise ValueError(number)
                data = self.charts[number]()
            else:
                data = base64.b64decode(payload["png"], validate=True)
            caption = _split_missing(str(payload.get("bijschrift", "")), False, False, None)
        except (ValueError, KeyError, TypeError, binascii.Error):
            raise MarkdownError(
                "een ```grafiek-blok bevat geen geldige afbeelding", self._line(token)
            ) from None
        if isinstance(data, ChartData):  # a chart livb made: Word draws it from its data
            self.blocks.append(Chart(data, caption, self._line(token)))
            return
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise MarkdownError("een ```grafiek-blok vraagt een PNG-afbeelding", self._line(token))
        self.blocks.append(Image(data, caption, self._line(token)))


def _resolve_fields(blocks: list[Block]) -> None:
    """Give each span the field its text stands in, and drop the marks.

    A field's marks may stand in different blocks (a text of several paragraphs): what lies
    between them, in document order, belongs to the field.
    """
    current: FieldRef | None = None
    for block in blocks:
        for spans in spans_of(block):
            if not any(span.mark for span in spans) and current is None:
                continue
            kept = []
            for span in spans:
                if span.mark is not None:
                    current = span.mark.field
                    continue
                span.field = current
                kept.append(span)
            spans[:] = kept
