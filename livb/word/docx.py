"""The Word writer: blocks and spans into the house-style reference document, named styles only.

This is the only module that imports python-docx. The body is written as WordprocessingML
text, in the form lxml would serialize it, and goes into the package as it is: python-docx's
high-level ``add_paragraph`` rescans the body for every call and grows quadratically, and even
one parse of a large body into lxml elements takes ~15 times its size in memory. python-docx
keeps the rest of the reference document (styles, numbering, headers, comments, properties)
and the package is zipped once, with fixed timestamps (:class:`_ZipWriter`).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.oxml.shape import CT_Inline
from docx.parts.numbering import NumberingPart
from docx.parts.story import StoryPart
from docx.parts.styles import StylesPart
from docx.shared import Emu
from lxml import etree

from livb.core import i18n
from livb.core.errors import LivbError
from livb.core.i18n import N_, tr
from livb.word import chart as chart_ns
from livb.word.chart import chart_xml
from livb.word.ir import (
    FIELD_BOOKMARK,
    FIELD_MAP_FORMAT,
    FIELD_MAP_NAMESPACE,
    Chart,
    DocumentIR,
    FieldRef,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
    field_check,
    outside_check,
    spans_of,
)

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
_NOT_IN_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"  # characters XML 1.0 cannot hold
_INVALID_XML = re.compile(f"[{_NOT_IN_XML}]")


_LINE_END = re.compile(r"\r\n?")
_ATTRIBUTE_SPACE = re.compile(r"\r\n|[\t\n\r]")


_TEXT_CLEANING = re.compile(f"[{_NOT_IN_XML}\r]")  # what _text removes or changes


def _escape(text: str) -> str:
    """``xml.sax.saxutils.escape``, without importing it (it loads urllib and http: 15 ms)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _text(text: str) -> str:
    """Text as lxml writes it after parsing: line ends as LF (XML reads CR LF and CR as LF)."""
    if _TEXT_CLEANING.search(text):  # rare: most text only needs escaping
        text = _LINE_END.sub("\n", _INVALID_XML.sub("", text))
    return _escape(text)


def _attr(text: str) -> str:
    """An attribute value as lxml writes it after parsing: tabs and line ends become spaces."""
    return _escape(_ATTRIBUTE_SPACE.sub(" ", _INVALID_XML.sub("", text))).replace('"', "&quot;")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


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
    toc_placeholder: str = N_(
        "Klik met de rechtermuisknop en kies 'Veld bijwerken' voor de paginanummers."
    )
    source: tuple[tuple[str, str], ...] = ()
    """What the field map records of where the document comes from (name, value pairs)."""


@cache
def _name(key: str) -> str:
    return qn(key if ":" in key else f"w:{key}")


def _el(tag: str, parent: Any = None, **attributes: str) -> Any:
    attrib = {_name(key): value for key, value in attributes.items()}
    if parent is not None:
        return etree.SubElement(parent, _name(tag), attrib)
    return oxml_parser.makeelement(_name(tag), attrib)


def _package_problem(error: Exception) -> str:
    """What is wrong with a house style python-docx cannot open, in Dutch."""
    if isinstance(error, zipfile.BadZipFile):
        return "het is geen .docx-pakket (geen zip-bestand)"
    if isinstance(error, KeyError):
        return "een deel van het pakket ontbreekt"
    if type(error).__name__ == "PackageNotFoundError":
        return "het bestand is leeg of geen .docx-pakket"
    return "Word-inhoud die livb niet kan lezen"


class HouseStyle:
    """A house-style .docx, parsed once per run: each document starts from a copy of its parts.

    Opening the package (unzipping it, parsing every part) cost about as much as writing a
    small document into it; a copy of the parsed XML costs a fraction. The file is read when
    the first document asks for it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._package: Any = None
        self._blobs: dict[Part, bytes] = {}

    def new_document(self) -> Any:
        """A python-docx Document of its own, as the file would open.

        Raises:
            StyleError: the file is not a Word document.
        """
        if self._package is None:
            try:
                self._package = docx.Document(str(self.path)).part.package
            except Exception as error:  # python-docx raises several kinds for a bad package
                raise StyleError(
                    f"'{self.path.name}' is geen geldig Word-document: {_package_problem(error)}",
                    "vervang het door een document dat in Word als .docx bewaard werd",
                ) from None
            self._blobs = {
                part: part.blob
                for part in self._package.iter_parts()
                if isinstance(part, XmlPart) and not isinstance(part, _WRITTEN_PARTS)
            }
        return _copy_package(self._package, self._blobs).main_document_part.document


_WRITTEN_PARTS = (
    StoryPart,  # the body, headers and footers (title fields), comments
    StylesPart,
    NumberingPart,
    CorePropertiesPart,
)
"""The parts the writer changes. Any other part (theme, fonts, settings) goes out as it came."""


def _copy_package(source: Any, blobs: dict[Part, bytes]) -> Any:
    """The package with a copy of every part and the same relationships, in the same order.

    A part the writer changes is a copy of the parsed XML; any other XML part is ``blobs``,
    its bytes as python-docx would write them, serialized once for every document of the run.
    """
    package = type(source)()
    parts: dict[Part, Part] = {}
    for part in source.iter_parts():
        if isinstance(part, _WRITTEN_PARTS):
            element = copy.deepcopy(part.element)
            parts[part] = type(part)(part.partname, part.content_type, element, package)
        elif isinstance(part, XmlPart):
            parts[part] = Part(part.partname, part.content_type, blobs[part], package)
        else:  # binary: a picture, a font; never changed in place
            parts[part] = type(part).load(part.partname, part.content_type, part.blob, package)
    for owner, copied in [(source, package), *parts.items()]:
        for rel in owner.rels.values():
            target = rel.target_ref if rel.is_external else parts[rel.target_part]
            copied.load_rel(rel.reltype, target, rel.rId, rel.is_external)
    for copied in parts.values():
        copied.after_unmarshal()  # type: ignore[no-untyped-call]
    package.after_unmarshal()
    return package


class _Writer:
    def __init__(self, reference: Path | HouseStyle, meta: DocumentMeta) -> None:
        style = reference if isinstance(reference, HouseStyle) else HouseStyle(reference)
        self.document = style.new_document()
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
        self.comments: list[str] = []
        self.pictures = 0
        self.charts = 0
        self.fields = _FieldMarks()

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
                tr(
                    "de huisstijl mist {aantal} stijl(en): {stijlen}",
                    aantal=len(missing),
                    stijlen=", ".join(missing),
                ),
                tr("voeg ze toe in Word (Stijlen) of start opnieuw van de huisstijl van livb"),
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
        parts = _Body()
        self.fields.plan(ir)
        keep = _kept_with_signatures(ir)
        for position, block in enumerate(ir.blocks):
            if isinstance(block, Heading):
                parts.append(self._heading(block).encode())
            elif isinstance(block, Paragraph):
                paragraph = self._paragraph(block.spans, block.style, block.list, position in keep)
                parts.append(paragraph.encode())
            elif isinstance(block, Table):
                parts += self._table(block)
                if position < len(ir.blocks) - 1:  # at the end, an empty page would follow
                    parts.append(b"<w:p/>")  # Word would merge two adjacent tables into one
            elif isinstance(block, PageBreak):
                parts.append(b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            elif isinstance(block, TableOfContents):
                parts.append(self._toc(block, headings).encode())
            elif isinstance(block, Image):
                parts.append(self._image(block).encode())
            elif isinstance(block, Chart):
                parts.append(self._chart(block).encode())
        body: Iterable[bytes] = parts
        if self.comments:
            body = self._add_comments(parts)
        document_xml = self._document_xml(body)
        if self.fields.names or self.meta.source:
            self._add_field_map()
        self._properties()
        self._title_fields()
        return self._package(document_xml)

    def _document_xml(self, body: Iterable[bytes]) -> Iterable[bytes]:
        """document.xml, in pieces: the reference's root and section around the new body.

        The pieces, UTF-8 since each was written, go into the zip one by one
        (:class:`_ZipWriter`): a large body is never copied into one string or bytes.
        """
        root = self.document.part.element
        head = etree.tostring(root, encoding="unicode").split("<w:body", 1)[0]
        section = etree.tostring(self.sect_pr, encoding="unicode")
        section = re.sub(r' xmlns(:\w+)?="[^"]*"', "", section)
        end = f"{section}</w:body></w:document>".encode()
        return itertools.chain([f"{head}<w:body>".encode()], body, [end])

    def _package(self, document_xml: Iterable[bytes]) -> bytes:
        """The .docx: every part of the package, document.xml as written (see the module)."""
        package = self.document.part.package
        parts = list(package.iter_parts())
        buffer = io.BytesIO()
        writer: Any  # python-docx types its writer as its own zip writer
        with _ZipWriter(buffer, {self.document.part.partname: document_xml}) as writer:
            PackageWriter._write_content_types_stream(writer, parts)  # type: ignore[no-untyped-call]
            PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
            PackageWriter._write_parts(writer, parts)
        return buffer.getvalue()

    def _ppr(self, style: str | None, extra: str = "") -> str:
        if (not style or style == "Normal") and not extra:
            return ""
        style_xml = (
            f'<w:pStyle w:val="{self.styles[style]}"/>' if style and style != "Normal" else ""
        )
        return f"<w:pPr>{style_xml}{extra}</w:pPr>"

    def _paragraph(
        self,
        spans: list[Span],
        style: str | None,
        list_info: Any = None,
        keep_with_next: bool = False,
    ) -> str:
        self.fields.note(spans)
        extra = "<w:keepNext/>" if keep_with_next else ""
        if list_info is not None and list_info.numbered:
            num_id = self._num_id(list_info.list_id, style or "List Number")
            extra += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        content = f"{self._ppr(style, extra)}{self._spans(spans)}"
        return f"<w:p>{content}</w:p>" if content else "<w:p/>"

    def _heading(self, heading: Heading) -> str:
        self.bookmark += 1
        number = self.bookmark
        self.fields.note(heading.spans)
        return (
            f"<w:p>{self._ppr(f'Heading {heading.level}')}"
            f'<w:bookmarkStart w:id="{number}" w:name="{heading.bookmark}"/>'
            f'{self._spans(heading.spans)}<w:bookmarkEnd w:id="{number}"/></w:p>'
        )

    def _spans(self, spans: list[Span]) -> str:
        if not any(span.field for span in spans):
            return self._plain_spans(spans)
        parts = []
        position = 0
        while position < len(spans):
            field = spans[position].field
            end = position + 1
            while end < len(spans) and spans[end].field is field:
                end += 1
            runs = self._plain_spans(spans[position:end])
            parts.append(runs if field is None else self._marked(field, runs, end - position))
            position = end
        return "".join(parts)

    def _marked(self, field: FieldRef, runs: str, count: int) -> str:
        """Runs of a field: in its bookmark, and in a content control that names the field.

        LibreOffice keeps the bookmark and drops the control; Word keeps both and shows the
        control's title on hover (never in print).
        """
        name = self.fields.names[id(field)]
        start = end = ""
        if id(field) not in self.fields.started:
            self.fields.started.add(id(field))
            self.bookmark += 1
            self.fields.bookmark_ids[id(field)] = self.bookmark
            start = f'<w:bookmarkStart w:id="{self.bookmark}" w:name="{name}"/>'
        self.fields.left[id(field)] -= count
        if self.fields.left[id(field)] <= 0:
            end = f'<w:bookmarkEnd w:id="{self.fields.bookmark_ids[id(field)]}"/>'
        self.fields.controls += 1
        control = (
            f'<w:sdt><w:sdtPr><w:alias w:val="{_attr(_alias(field.place))}"/>'
            f'<w:tag w:val="{name}"/><w:id w:val="{self.fields.controls}"/></w:sdtPr>'
            f"<w:sdtContent>{runs}</w:sdtContent></w:sdt>"
        )
        return start + control + end

    def _plain_spans(self, spans: list[Span]) -> str:
        parts = []
        for span in spans:
            if span.line_break:
                parts.append("<w:r><w:br/></w:r>")
                continue
            style = None
            if span.missing:
                style = "livb In te vullen"
            elif span.link:
                style = "Hyperlink"
            elif span.bold:
                style = "Strong"
            elif span.italic:
                style = "Emphasis"
            run = self._run(span.text, style)
            if span.missing:
                run = self._commented(run, span.missing)
            if span.link and span.link.startswith("#"):
                run = f'<w:hyperlink w:anchor="{_attr(span.link[1:])}">{run}</w:hyperlink>'
            elif span.link:
                rel = self.document.part.relate_to(span.link, RT.HYPERLINK, is_external=True)
                run = f'<w:hyperlink r:id="{rel}">{run}</w:hyperlink>'
            parts.append(run)
        return "".join(parts)

    def _run(self, text: str, style: str | None) -> str:
        rpr = f'<w:rPr><w:rStyle w:val="{self.styles[style]}"/></w:rPr>' if style else ""
        shown = _text(text)
        if not shown:
            return f'<w:r>{rpr}<w:t xml:space="preserve"/></w:r>'
        return f'<w:r>{rpr}<w:t xml:space="preserve">{shown}</w:t></w:r>'

    def _commented(self, run: str, missing: Any) -> str:
        """A run with a comment in Word that says where the missing value belongs.

        The anchors around the run are written as python-docx's ``Run.mark_comment_range``
        writes them; the comment's id is known once the body is done (:meth:`_add_comments`).
        """
        self.comments.append(
            tr(
                "Vul {wat} in: '{sleutel}' in {bestand}.",
                wat=missing.label,
                sleutel=missing.key,
                bestand=missing.file,
            )
        )
        number = f"\x00{len(self.comments) - 1}\x00"  # no text holds a NUL (see _text)
        return (
            f'<w:commentRangeStart w:id="{number}"/>{run}<w:commentRangeEnd w:id="{number}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{number}"/></w:r>'
        )

    def _add_comments(self, body: Iterable[bytes]) -> Iterable[bytes]:
        """The comments in comments.xml (python-docx's), and their ids in the body.

        They are added after the body, as python-docx would to a finished document: the
        relationships of pictures and links come first.
        """
        ids = []
        for note in self.comments:
            comment = self.document.comments.add_comment(text=note, author="livb", initials="livb")
            comment._comment_elm.date = self.meta.date  # deterministic, not the time of rendering
            ids.append(str(comment.comment_id))
        self._ensure_comment_style()

        def number(match: re.Match[bytes]) -> bytes:
            return ids[int(match[1])].encode()

        return (_COMMENT_ID.sub(number, piece) if b"\x00" in piece else piece for piece in body)

    def _toc(self, toc: TableOfContents, headings: list[Heading]) -> str:
        begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        instruction = (
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        )
        separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        shown = [h for h in headings if h.level <= 2]
        entries = []
        for heading in shown:
            text = "".join(s.text for s in heading.spans)
            # the page number as Word writes it: a PAGEREF to the heading's bookmark, which
            # Word fills when it updates the contents and LibreOffice computes while converting
            page = (
                '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {heading.bookmark} \\h '
                '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )
            link = (
                f'<w:hyperlink w:anchor="{heading.bookmark}">{self._run(text, None)}{page}'
                "</w:hyperlink>"
            )
            entries.append((self._ppr(f"toc {heading.level}"), link))
        if not entries:
            entries.append((self._ppr("toc 1"), self._run(tr(self.meta.toc_placeholder), None)))
        paragraphs = []
        for index, (ppr, content) in enumerate(entries):
            head = begin + instruction + separate if index == 0 else ""
            tail = end if index == len(entries) - 1 else ""
            paragraphs.append(f"<w:p>{ppr}{head}{content}{tail}</w:p>")
        return self._paragraph([Span(toc.title)], "TOC Heading") + "".join(paragraphs)

    def _table(self, table: Table) -> list[bytes]:
        """The table as UTF-8, in pieces of :data:`_ROWS_PER_PIECE` rows.

        A large plan's planning table has ten thousand rows: written as one string it would be
        held three times over (its pieces, the string, its bytes).
        """
        columns = max(len(row) for row in table.rows)
        widths = table.widths or [1.0] * columns
        total = sum(widths) or 1.0
        twips = [int(self.text_width * w / total) for w in widths]
        style = self.styles["livb Tabel" if table.kind == "data" else "Normal Table"]
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>'
            f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in twips),
            "</w:tblGrid>",
        ]
        pieces: list[bytes] = []
        signature = table.kind == "handtekeningen"
        head_ppr, body_ppr = self._ppr("livb Tabelkop"), self._ppr("livb Tabeltekst")
        cell_open = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in twips]
        for position, row in enumerate(table.rows):
            header = position < table.header_rows and not signature
            row_pr = (
                "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                if header
                else ("<w:trPr><w:cantSplit/></w:trPr>")
            )
            parts.append(f"<w:tr>{row_pr}")
            for column in range(columns):
                cell = row[column] if column < len(row) else []
                parts.append(cell_open[column])
                if signature:
                    last = position == len(table.rows) - 1
                    parts.append(self._signature_cell(cell, position, keep=not last))
                else:
                    parts.append(self._cell(cell, head_ppr if header else body_ppr))
                parts.append("</w:tc>")
            parts.append("</w:tr>")
            if position % _ROWS_PER_PIECE == _ROWS_PER_PIECE - 1:
                pieces.append("".join(parts).encode())
                parts.clear()
        parts.append("</w:tbl>")
        pieces.append("".join(parts).encode())
        return pieces

    def _cell(self, cell: list[Span], ppr: str) -> str:
        """A cell's paragraph (``ppr``: its style); as :meth:`_paragraph` writes it.

        A data table of a large plan has tens of thousands of cells, nearly all one run of
        plain text: those skip the general loop over spans.
        """
        self.fields.note(cell)
        if len(cell) == 1:
            span = cell[0]
            plain = not (span.bold or span.italic or span.link or span.missing or span.line_break)
            if plain and span.field is None:
                return f"<w:p>{ppr}{self._run(span.text, None)}</w:p>"
        return f"<w:p>{ppr}{self._spans(cell)}</w:p>"

    def _signature_cell(self, cell: list[Span], position: int, keep: bool) -> str:
        """A cell of a signature table; ``keep`` holds it on the page of the next row."""
        style = "livb Handtekening"
        if position == 0:  # the party: bold
            spans = [Span(s.text, True, s.italic, s.link, s.missing, field=s.field) for s in cell]
            return self._paragraph(spans, style, keep_with_next=keep)
        lines = ""
        if position == 1:  # room to sign above the name
            room = self._paragraph([], style, keep_with_next=True)
            line = self._paragraph([Span("…………………………………")], style, keep_with_next=True)
            lines = room * 2 + line
        return lines + self._paragraph(cell, style, keep_with_next=keep)

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

    # -- pictures ------------------------------------------------------------------------------

    def _image(self, image: Image) -> str:
        """The picture in a paragraph of its own at the text width, its caption below it."""
        rel_id, picture = self.document.part.get_or_add_image(io.BytesIO(image.data))
        width = self.text_width * 635  # twips to EMU
        height = width * picture.px_height // max(picture.px_width, 1)
        self.pictures += 1
        inline = CT_Inline.new_pic_inline(
            self.pictures, rel_id, f"grafiek{self.pictures}.png", Emu(width), Emu(height)
        )
        drawing = etree.tostring(inline, encoding="unicode")
        caption = self._caption(image.caption)
        return f"<w:p><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>{caption}"

    def _chart(self, chart: Chart) -> str:
        """A native chart (its own part, word/charts/chartN.xml) at the text width, captioned."""
        self.pictures += 1
        self.charts += 1
        name = PackURI(f"/word/charts/chart{self.charts}.xml")
        lang = i18n.locale().replace("_", "-")
        blob = chart_xml(chart.data, lang, self._body_font())
        part = Part(name, CT.DML_CHART, blob, self.document.part.package)
        rel_id = self.document.part.relate_to(part, RT.CHART)
        width = self.text_width * 635  # twips to EMU
        height = int(chart.data.height * 914400)
        drawing = (
            f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{_WP}">'
            f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{self.pictures}" name="Grafiek {self.charts}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic xmlns:a="{chart_ns.A}"><a:graphicData uri="{chart_ns.C}">'
            f'<c:chart xmlns:c="{chart_ns.C}" xmlns:r="{chart_ns.R}" r:id="{rel_id}"/>'
            "</a:graphicData></a:graphic></wp:inline>"
        )
        return (
            f"<w:p><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>{self._caption(chart.caption)}"
        )

    def _body_font(self) -> str:
        """The house style's default font (docDefaults), for the text of its charts."""
        fonts = self.document.styles.element.find(
            f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts"
        )
        return (fonts.get(qn("w:ascii")) if fonts is not None else None) or "Calibri"

    def _caption(self, caption: list[Span]) -> str:
        if not caption:
            return ""
        self.fields.note(caption)
        style = self._optional_style("Caption")
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}{self._spans(caption)}</w:p>"

    def _optional_style(self, name: str) -> str | None:
        """The id of a style the reference may lack (then the body style is used)."""
        for style in self.document.styles.element.findall(qn("w:style")):
            found = style.find(qn("w:name"))
            if found is not None and found.get(qn("w:val")).lower() == name.lower():
                return str(style.get(qn("w:styleId")))
        return None

    # -- the field map --------------------------------------------------------------------------

    def _add_field_map(self) -> None:
        """The map of field marks to places, as a custom XML part of the document.

        Word and LibreOffice both keep a custom XML part when they save; its properties part
        gives it a fixed id, so that the package stays the same bytes across renders.
        """
        package = self.document.part.package
        item = PackURI(package.next_partname("/customXml/item%d.xml"))
        props = PackURI(item.replace("/item", "/itemProps"))
        blob = _XML_DECLARATION + self.fields.map_xml(self.meta.source).encode("utf-8")
        part = Part(item, "application/xml", blob, package)
        properties = Part(
            props,
            "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
            _XML_DECLARATION
            + (
                '<ds:datastoreItem ds:itemID="{' + FIELD_MAP_ITEM_ID + '}" '
                'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                f'<ds:schemaRefs><ds:schemaRef ds:uri="{FIELD_MAP_NAMESPACE}"/></ds:schemaRefs>'
                "</ds:datastoreItem>"
            ).encode("utf-8"),
            package,
        )
        part.relate_to(properties, RT.CUSTOM_XML_PROPS)
        self.document.part.relate_to(part, RT.CUSTOM_XML)

    # -- comments and properties ----------------------------------------------------------------

    def _ensure_comment_style(self) -> None:
        """python-docx marks a comment with the 'CommentReference' style: define it if missing."""
        styles = self.document.styles.element
        if styles.find(f"{_W}style[@{_W}styleId='CommentReference']") is not None:
            return
        styles.append(
            parse_xml(
                '<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'w:type="character" w:styleId="CommentReference">'
                '<w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
                '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                '<w:rPr><w:sz w:val="16"/></w:rPr></w:style>'
            )
        )

    def _title_fields(self) -> None:
        """Show the title in the title fields of headers and footers (``TITLE``, ``DOCPROPERTY``).

        The house style's header carries a field, not a text: livb never writes in a
        gemeente's header, it only fills the field's shown result with the document's title,
        as Word would on updating it.
        """
        for rel in self.document.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
                _fill_title_fields(rel.target_part.element, self.meta.title)

    def _properties(self) -> None:
        properties = self.document.core_properties
        properties.title = self.meta.title
        properties.subject = self.meta.subject
        properties.author = self.meta.author
        properties.keywords = self.meta.keywords
        properties.language = i18n.locale().replace("_", "-")  # nl-BE, fr-BE
        properties.last_modified_by = "livb"
        properties.comments = ""
        properties.revision = 1
        properties.created = properties.modified = self.meta.date


FIELD_MAP_ITEM_ID = "5C1A6B8E-0F4D-4B7A-9E21-3D8C2F6A7B10"


def _shown_check(paragraphs: list[str]) -> str:
    """The check of a field's text as the document shows it (a template may change it)."""
    return field_check("\n\n".join(paragraphs))


def _alias(place: str) -> str:
    """The content control's title: 'plan.yaml: visie', 'jeugd.yaml: strategische 1 › titel'.

    A key and the position after it read as one word and a number counted from 1; at most 64
    characters (what Word shows of a title).
    """
    path, _, loc = place.partition("#/")
    parts = loc.split("/") if loc else []
    words: list[str] = []
    for part in parts:
        if part.isdigit() and words and not words[-1][-1:].isdigit():
            words[-1] = f"{words[-1].split('_')[0]} {int(part) + 1}"
        else:
            words.append(part)
    name = path.rsplit("/", 1)[-1]
    title = f"{name}: {' › '.join(words)}" if words else path
    while len(title) > 64 and len(words) > 1:  # the end says most: the field itself
        words = words[1:]
        title = f"{name}: … {' › '.join(words)}"
    return title if len(title) <= 64 else title[:63] + "…"


class _FieldMarks:
    """The fields of a document: their bookmark names, and the text around them."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}
        self.refs: list[FieldRef] = []
        self.left: dict[int, int] = {}  # spans of the field still to write
        self.shown: dict[int, list[str]] = {}  # the field's text, paragraph by paragraph
        self.listed: set[int] = set()  # fields shown in a list item
        self.started: set[int] = set()
        self.bookmark_ids: dict[int, int] = {}
        self.controls = 0
        self.outside: list[str] = []

    def plan(self, ir: DocumentIR) -> None:
        """Name every field of the document, in reading order; count its spans, keep its text."""
        for block in ir.blocks:
            for spans in spans_of(block):
                here: dict[int, str] = {}
                for span in spans:
                    if span.field is None:
                        continue
                    key = id(span.field)
                    if key not in self.names:
                        self.names[key] = f"{FIELD_BOOKMARK}{len(self.refs) + 1}"
                        self.refs.append(span.field)
                    self.left[key] = self.left.get(key, 0) + 1
                    here[key] = here.get(key, "") + (" " if span.line_break else span.text)
                for key, text in here.items():
                    self.shown.setdefault(key, []).append(text)
                    if isinstance(block, Paragraph) and block.list is not None:
                        self.listed.add(key)

    def note(self, spans: list[Span]) -> None:
        """Remember the text of a paragraph outside its fields (when it has any)."""
        text = "".join(span.text for span in spans if span.field is None)
        if text.strip():
            self.outside.append(outside_check(text))

    def map_xml(self, source: tuple[tuple[str, str], ...]) -> str:
        """The custom XML part: where the document comes from, each field's place and check."""
        attributes = "".join(f' {name}="{_attr(value)}"' for name, value in source)
        fields = "".join(
            f'<veld naam="{self.names[id(ref)]}" plaats="{_attr(ref.place)}" '
            f'controle="{ref.check}" getoond="{_shown_check(self.shown[id(ref)])}"'
            + (' lijst="ja"' if id(ref) in self.listed else "")
            + "/>"
            for ref in self.refs
        )
        return (
            f'<velden xmlns="{FIELD_MAP_NAMESPACE}" formaat="{FIELD_MAP_FORMAT}"{attributes}>'
            f"{fields}<tekst>{' '.join(self.outside)}</tekst></velden>"
        )


KEPT_BEFORE_SIGNATURES = 3
"""How many paragraphs before a signature table stay on its page (back to the heading)."""


def _kept_with_signatures(ir: DocumentIR) -> set[int]:
    """The paragraphs that precede a signature table: they go to its page with it.

    A signature never stands alone on a page: the text it signs (the date and place, the
    approval) moves along, up to the section's heading (which keeps with its text already).
    """
    kept: set[int] = set()
    for position, block in enumerate(ir.blocks):
        if not (isinstance(block, Table) and block.kind == "handtekeningen"):
            continue
        before = position - 1
        while (
            before >= 0
            and isinstance(ir.blocks[before], Paragraph)
            and position - before <= KEPT_BEFORE_SIGNATURES
        ):
            kept.add(before)
            before -= 1
    return kept


_TITLE_FIELD = re.compile(r"^\s*(TITLE|DOCPROPERTY\s+\"?Title\"?)(\s|\\|$)", re.IGNORECASE)


def _fill_title_fields(root: Any, title: str) -> None:
    """Set the shown result of every title field under root (complex and simple fields)."""
    for simple in root.iter(f"{_W}fldSimple"):
        if _TITLE_FIELD.match(simple.get(qn("w:instr"), "")):
            texts = list(simple.iter(f"{_W}t"))
            if not texts:
                texts = [etree.SubElement(_el("w:r", simple), qn("w:t"))]
            _show(texts, title)
    instruction: list[str] = []
    state = "outside"  # outside, instruction (begin..separate), result (separate..end)
    results: list[Any] = []
    for element in root.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}t"):
        if element.tag == f"{_W}instrText" and state == "instruction":
            instruction.append(element.text or "")
        elif element.tag == f"{_W}t" and state == "result":
            results.append(element)
        elif element.tag == f"{_W}fldChar":
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                state, instruction, results = "instruction", [], []
            elif kind == "separate" and state == "instruction":
                state = "result" if _TITLE_FIELD.match("".join(instruction)) else "outside"
            elif kind == "end":
                if state == "result" and results:
                    _show(results, title)
                state = "outside"


def _show(texts: list[Any], title: str) -> None:
    texts[0].text = title
    texts[0].set(qn("xml:space"), "preserve")
    for text in texts[1:]:
        text.text = ""


def write_docx(ir: DocumentIR, reference: Path | HouseStyle, meta: DocumentMeta) -> bytes:
    """The .docx bytes of a document built into the reference (a run's documents share one).

    Raises:
        StyleError: the reference is not a Word document or lacks a style livb needs.
    """
    return _Writer(reference, meta).write(ir)


_ROWS_PER_PIECE = 256
_BODY_IN_MEMORY = 4 * 1024 * 1024


class _Body:
    """document.xml's body as written: UTF-8 pieces, in a temporary file beyond 4 MB.

    A large plan's body is tens of MB; held in memory beside the document's blocks it was
    the peak of the whole render. Read back piece by piece, once, into the package.
    """

    def __init__(self) -> None:
        # Closed once read back (or when collected, should the document fail before).
        self.file = tempfile.SpooledTemporaryFile(max_size=_BODY_IN_MEMORY)  # noqa: SIM115
        self.sizes: list[int] = []

    def append(self, piece: bytes) -> None:
        self.file.write(piece)
        self.sizes.append(len(piece))

    def __iadd__(self, pieces: list[bytes]) -> _Body:
        for piece in pieces:
            self.append(piece)
        return self

    def __iter__(self) -> Iterator[bytes]:
        try:
            self.file.seek(0)
            for size in self.sizes:
                yield self.file.read(size)
        finally:
            self.file.close()


_COMMENT_ID = re.compile(b"\x00([0-9]+)\x00")
_XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
"""What python-docx (lxml) writes before the root element of an XML part."""


class _ZipWriter:
    """python-docx's package writer, into a zip with fixed timestamps and attributes.

    The same package, written twice, is the same bytes; python-docx's own writer stamps the
    time. ``replaced`` gives the parts livb wrote itself (document.xml), as pieces of UTF-8
    that are compressed one after the other (deflate gives the same bytes however its input
    is cut).
    """

    def __init__(self, target: io.BytesIO, replaced: dict[Any, Iterable[bytes]]) -> None:
        self.zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
        self.replaced = replaced

    def write(self, pack_uri: Any, blob: bytes) -> None:
        """One member of the package."""
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0
        pieces = self.replaced.get(pack_uri)
        if pieces is None:
            self.zip.writestr(info, blob)
            return
        with self.zip.open(info, "w") as member:
            member.write(_XML_DECLARATION)
            remaining = iter(pieces)
            while batch := list(itertools.islice(remaining, 512)):
                member.write(b"".join(batch))

    def __enter__(self) -> _ZipWriter:
        return self

    def __exit__(self, *_: object) -> None:
        self.zip.close()


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
    if p.find(f".//{_W}drawing") is not None:
        text += "<grafiek>"
    return f"{name} | {text}"
