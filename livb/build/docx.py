"""The Word writer: blocks and spans into the house-style reference document, named styles only.

This is the only module that imports python-docx. Paragraphs and tables are built as XML
elements and placed before the final section properties one by one: python-docx's high-level
``add_paragraph`` rescans the body for every call and grows quadratically with the document.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from livb.build.ir import (
    DocumentIR,
    Heading,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)
from livb.errors import LivbError

REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "List Number 2",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "Hyperlink",
    "Strong",
    "Emphasis",
    "livb Tabel",
    "livb Tabeltekst",
    "livb Tabelkop",
    "livb In te vullen",
    "livb Handtekening",
    "livb Titelgegevens",
    "livb Kader",
    "Normal Table",
)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class StyleError(LivbError):
    """The reference document lacks styles livb needs."""

    category = "huisstijl"


@dataclass(frozen=True)
class DocumentMeta:
    """The document's properties."""

    title: str
    subject: str
    author: str
    keywords: str
    date: dt.datetime
    toc_placeholder: str = (
        "Klik met de rechtermuisknop en kies 'Veld bijwerken' voor de paginanummers."
    )


def _el(tag: str, parent: Any = None, **attributes: str) -> Any:
    element = etree.SubElement(parent, qn(tag)) if parent is not None else _make(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}") if ":" not in key else qn(key), value)
    return element


def _make(tag: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


class _Writer:
    def __init__(self, reference: Path, meta: DocumentMeta) -> None:
        try:
            self.document = docx.Document(str(reference))
        except Exception as error:  # python-docx raises several kinds for a bad package
            raise StyleError(
                f"'{reference.name}' is geen geldig Word-document ({type(error).__name__})",
                "vervang het door een document dat in Word als .docx bewaard werd",
            ) from None
        self.meta = meta
        self.styles = self._style_ids()
        body = self.document.element.body
        self.sect_pr = body.find(qn("w:sectPr"))
        for child in list(body):
            if child is not self.sect_pr:
                body.remove(child)
        if self.sect_pr is None:
            self.sect_pr = _el("w:sectPr", body)
        self.text_width = self._text_width()
        self.bookmark = 0
        self.numbering: dict[int, str] = {}
        self.pending_comments: list[tuple[Any, Any, str]] = []

    # -- setup ----------------------------------------------------------------------------------

    def _style_ids(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for style in self.document.styles.element.findall(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                found.setdefault(name.get(qn("w:val")).lower(), style.get(qn("w:styleId")))
        missing = [name for name in REQUIRED_STYLES if name.lower() not in found]
        if missing:
            raise StyleError(
                f"de huisstijl mist {len(missing)} stijl(en): {', '.join(missing)}",
                "voeg ze toe in Word (Stijlen) of start opnieuw van de huisstijl van livb",
            )
        return {name: found[name.lower()] for name in REQUIRED_STYLES}

    def _text_width(self) -> int:
        size = self.sect_pr.find(qn("w:pgSz"))
        margins = self.sect_pr.find(qn("w:pgMar"))
        width = int(size.get(qn("w:w"), "11906")) if size is not None else 11906
        if margins is not None:
            width -= int(margins.get(qn("w:left"), "1418")) + int(
                margins.get(qn("w:right"), "1418")
            )
        return max(width, 2000)

    # -- blocks ---------------------------------------------------------------------------------

    def write(self, ir: DocumentIR) -> bytes:
        headings = ir.headings
        for number, heading in enumerate(headings, start=1):
            heading.bookmark = f"_livb{number}"
        for block in ir.blocks:
            if isinstance(block, Heading):
                self._add(self._heading(block))
            elif isinstance(block, Paragraph):
                self._add(self._paragraph(block.spans, block.style, block.list))
            elif isinstance(block, Table):
                self._add(self._table(block))
                self._add(self._p("Normal"))  # Word would merge two adjacent tables into one
            elif isinstance(block, PageBreak):
                self._add(self._page_break())
            elif isinstance(block, TableOfContents):
                for element in self._toc(block, headings):
                    self._add(element)
        self._attach_comments()
        self._properties()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return deterministic_zip(buffer.getvalue())

    def _add(self, element: Any) -> None:
        self.sect_pr.addprevious(element)

    def _p(self, style: str | None) -> Any:
        p = _make("w:p")
        if style and style != "Normal":
            ppr = _el("w:pPr", p)
            _el("w:pStyle", ppr, val=self.styles[style])
        return p

    def _paragraph(self, spans: list[Span], style: str | None, list_info: Any = None) -> Any:
        p = self._p(style)
        if list_info is not None and list_info.numbered:
            ppr = p.find(qn("w:pPr"))
            numpr = _el("w:numPr", ppr)
            _el("w:ilvl", numpr, val="0")
            _el("w:numId", numpr, val=self._num_id(list_info.list_id, style or "List Number"))
        self._spans(p, spans)
        return p

    def _heading(self, heading: Heading) -> Any:
        p = self._p(f"Heading {heading.level}")
        number = str(self._next_bookmark())
        _el("w:bookmarkStart", p, id=number, name=heading.bookmark)
        self._spans(p, heading.spans)
        _el("w:bookmarkEnd", p, id=number)
        return p

    def _next_bookmark(self) -> int:
        self.bookmark += 1
        return self.bookmark

    def _spans(self, p: Any, spans: list[Span]) -> None:
        for span in spans:
            if span.line_break:
                _el("w:br", _el("w:r", p))
                continue
            parent = p
            if span.link:
                if span.link.startswith("#"):
                    parent = _el("w:hyperlink", p, anchor=span.link[1:])
                else:
                    rel = self.document.part.relate_to(span.link, RT.HYPERLINK, is_external=True)
                    parent = _el("w:hyperlink", p, **{"r:id": rel})
            style = None
            if span.missing:
                style = "livb In te vullen"
            elif span.link:
                style = "Hyperlink"
            elif span.bold:
                style = "Strong"
            elif span.italic:
                style = "Emphasis"
            run = self._run(parent, span.text, style)
            if span.missing:
                note = f"Vul {span.missing.label} in: '{span.missing.key}' in {span.missing.file}."
                self.pending_comments.append((p, run, note))

    def _run(self, parent: Any, text: str, style: str | None) -> Any:
        run = _el("w:r", parent)
        if style:
            _el("w:rStyle", _el("w:rPr", run), val=self.styles[style])
        t = _el("w:t", run)
        t.text = _INVALID_XML.sub("", text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return run

    def _page_break(self) -> Any:
        p = _make("w:p")
        _el("w:br", _el("w:r", p), type="page")
        return p

    def _toc(self, toc: TableOfContents, headings: list[Heading]) -> list[Any]:
        title = self._paragraph([Span(toc.title)], "TOC Heading")
        first = self._p("toc 1")
        self._field_char(first, "begin", dirty=True)
        instr = _el("w:instrText", _el("w:r", first))
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self._field_char(first, "separate")
        entries = [first]
        shown = [h for h in headings if h.level <= 2]
        for index, heading in enumerate(shown):
            p = first if index == 0 else self._p(f"toc {heading.level}")
            if index == 0 and heading.level != 1:
                p.find(qn("w:pPr")).find(qn("w:pStyle")).set(qn("w:val"), self.styles["toc 2"])
            link = _el("w:hyperlink", p, anchor=heading.bookmark)
            self._run(link, "".join(s.text for s in heading.spans), None)
            if index:
                entries.append(p)
        if not shown:
            self._run(first, self.meta.toc_placeholder, None)
        self._field_char(entries[-1], "end")
        return [title, *entries]

    @staticmethod
    def _field_char(p: Any, kind: str, *, dirty: bool = False) -> None:
        char = _el("w:fldChar", _el("w:r", p), fldCharType=kind)
        if dirty:
            char.set(qn("w:dirty"), "true")

    def _table(self, table: Table) -> Any:
        columns = max(len(row) for row in table.rows)
        widths = table.widths or [1.0] * columns
        total = sum(widths) or 1.0
        twips = [int(self.text_width * w / total) for w in widths]
        tbl = _make("w:tbl")
        tblpr = _el("w:tblPr", tbl)
        style = "livb Tabel" if table.kind == "data" else "Normal Table"
        _el("w:tblStyle", tblpr, val=self.styles[style])
        _el("w:tblW", tblpr, w=str(sum(twips)), type="dxa")
        _el("w:tblLayout", tblpr, type="fixed")
        _el(
            "w:tblLook",
            tblpr,
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        )
        grid = _el("w:tblGrid", tbl)
        for width in twips:
            _el("w:gridCol", grid, w=str(width))
        rows = table.rows
        if table.kind == "handtekeningen":
            line = [[Span("")], [Span("")], [Span("…………………………………")]]
            self._signature_rows(tbl, rows, twips, line)
            return tbl
        for position, row in enumerate(rows):
            header = position < table.header_rows and table.kind == "data"
            tr = _el("w:tr", tbl)
            trpr = _el("w:trPr", tr)
            _el("w:cantSplit", trpr)
            if header:
                _el("w:tblHeader", trpr)
            for column in range(columns):
                cell = row[column] if column < len(row) else []
                tc = _el("w:tc", tr)
                _el("w:tcW", _el("w:tcPr", tc), w=str(twips[column]), type="dxa")
                tc.append(self._paragraph(cell, "livb Tabelkop" if header else "livb Tabeltekst"))
        return tbl

    def _signature_rows(
        self, tbl: Any, rows: list[list[list[Span]]], twips: list[int], line: list[list[Span]]
    ) -> None:
        for position, row in enumerate(rows):
            tr = _el("w:tr", tbl)
            _el("w:cantSplit", _el("w:trPr", tr))
            for column, width in enumerate(twips):
                tc = _el("w:tc", tr)
                _el("w:tcW", _el("w:tcPr", tc), w=str(width), type="dxa")
                if position == 1:
                    for spans in line:
                        tc.append(self._paragraph(spans, "livb Handtekening"))
                cell = row[column] if column < len(row) else []
                spans = (
                    [Span(s.text, True, s.italic, s.link, s.missing) for s in cell]
                    if position == 0
                    else cell
                )
                tc.append(self._paragraph(spans, "livb Handtekening"))

    def _num_id(self, list_id: int, style: str) -> str:
        if list_id in self.numbering:
            return self.numbering[list_id]
        numbering = self.document.part.numbering_part.element
        style_element = self.document.styles.element.find(
            f"{_W}style[@{_W}styleId='{self.styles[style]}']"
        )
        base = (
            style_element.find(f"{_W}pPr/{_W}numPr/{_W}numId")
            if style_element is not None
            else None
        )
        abstract = "0"
        if base is not None:
            for num in numbering.findall(qn("w:num")):
                if num.get(qn("w:numId")) == base.get(qn("w:val")):
                    abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        existing = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
        num_id = str(max(existing, default=0) + 1)
        num = _el("w:num", numbering, numId=num_id)
        _el("w:abstractNumId", num, val=abstract)
        override = _el("w:lvlOverride", num, ilvl="0")
        _el("w:startOverride", override, val="1")
        self.numbering[list_id] = num_id
        return num_id

    # -- comments and properties ----------------------------------------------------------------

    def _attach_comments(self) -> None:
        stamp = self.meta.date
        for p, run, note in self.pending_comments:
            proxy = DocxParagraph(p, self.document.part)
            comment = self.document.add_comment(
                Run(run, proxy), text=note, author="livb", initials="livb"
            )
            comment._comment_elm.date = stamp  # deterministic, not the time of rendering

    def _properties(self) -> None:
        properties = self.document.core_properties
        properties.title = self.meta.title
        properties.subject = self.meta.subject
        properties.author = self.meta.author
        properties.keywords = self.meta.keywords
        properties.language = "nl-BE"
        properties.last_modified_by = "livb"
        properties.comments = ""
        properties.revision = 1
        properties.created = properties.modified = self.meta.date


def write_docx(ir: DocumentIR, reference: Path, meta: DocumentMeta) -> bytes:
    """The .docx bytes of a document built into the reference.

    Raises:
        StyleError: the reference is not a Word document or lacks a style livb needs.
    """
    return _Writer(reference, meta).write(ir)


def check_reference(reference: Path) -> None:
    """Check that a reference document is usable (raises StyleError otherwise)."""
    _Writer(reference, DocumentMeta("", "", "", "", dt.datetime(2000, 1, 1)))


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and attributes, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    original = source.namelist()
    order = {name: position for position, name in enumerate(original)}
    names = sorted(original, key=lambda name: (name != "[Content_Types].xml", order[name]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return out.getvalue()


def docx_text(data: bytes) -> list[str]:
    """The paragraphs of a .docx as 'style | text' lines, tables cell by cell (for tests)."""
    document = docx.Document(io.BytesIO(data))
    names = {s.style_id: s.name for s in document.styles}
    lines = []
    for element in document.element.body:
        if element.tag == qn("w:p"):
            lines.append(_line(element, names))
        elif element.tag == qn("w:tbl"):
            for tr in element.findall(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in tc.iter(qn("w:t")))
                    for tc in tr.findall(qn("w:tc"))
                ]
                lines.append("table | " + " | ".join(cells))
    return lines


def _line(p: Any, names: dict[str, str]) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = names.get(style.get(qn("w:val")), "?") if style is not None else "Normal"
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    if p.find(f".//{_W}br[@{_W}type='page']") is not None:
        text += "<pagina>"
    return f"{name} | {text}"
