"""Reading back a .docx livb wrote, as Word or LibreOffice saved it: fields, revisions, comments.

Only the package's XML is read (zipfile and lxml, not python-docx): the text of every field
between its bookmarks, as if every tracked change were accepted (``w:ins`` counts, ``w:del``
does not), the text of each paragraph outside the fields, the revisions with their authors
and the reviewers' comments with the fields they are anchored to.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from lxml import etree

from livb.core.i18n import tr
from livb.word.ir import FIELD_BOOKMARK, FIELD_MAP_NAMESPACE, FieldRef, outside_check

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAP = f"{{{FIELD_MAP_NAMESPACE}}}"
_DOCUMENT = "word/document.xml"
_COMMENTS = "word/comments.xml"
_STYLES = "word/styles.xml"
_LIVB_STYLE = "livb "
"""The start of the names of livb's own styles (every document livb ever wrote has them)."""
_MAX_PART = 200_000_000  # a part larger than this (unpacked) is no document a person edited
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


_FORMATTING = {"b": "vet", "i": "cursief", "u": "onderstreept", "strike": "doorgehaald"}
"""Direct formatting of a run (livb itself formats with character styles only)."""


def _in_list(properties: Any) -> bool:
    """Whether a paragraph is a list item: numbered by Word, or in a list style."""
    if properties is None:
        return False
    if properties.find(f"{_W}numPr") is not None:
        return True
    style = properties.find(f"{_W}pStyle")
    return style is not None and "list" in (style.get(f"{_W}val") or "").lower()


class UnreadableDocumentError(Exception):
    """The file is no Word document that can be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class Revision:
    """A tracked change: an insertion or a deletion, by whom, in which field (or none)."""

    kind: str
    author: str
    field: str | None


@dataclass
class Comment:
    """A reviewer's comment, with the fields its range touches and the text around it."""

    author: str
    text: str
    fields: list[str] = field(default_factory=list)
    paragraph: int = 0


@dataclass(frozen=True)
class OutsideText:
    """A paragraph's text outside any field, with its number in the document (1-based)."""

    text: str
    paragraph: int

    @property
    def check(self) -> str:
        """Its fingerprint, as the writer recorded it."""
        return outside_check(self.text)


@dataclass
class ReadDocument:
    """What a document holds of livb's marks and of its reviewers' work.

    Attributes:
        origin: the attributes of the field map (where the document comes from); None when
            the document has no map (livb did not write it, or an older livb did).
        livb_styles: whether the document uses livb's own styles ('livb Tabel' …): a
            document without a map but with them was rendered by a livb without field marks.
        fields: each field's bookmark name and its place and check, from the map.
        shown: each field's check of its text as the document showed it when it was made.
        formatting: the direct formatting a reviewer gave a field's text (in Dutch: 'vet');
            'opsomming' for a field that stands in a list item now and did not before.
        texts: the text of each field the document still holds, paragraphs apart by a blank
            line; a field whose bookmark is gone is absent.
        paragraphs: the paragraph each field starts in (1-based, every paragraph counted).
        outside_expected: the fingerprints of the text outside the fields, as rendered.
        outside: the text outside the fields, paragraph by paragraph, as it is now.
        revisions: the tracked changes, in document order.
        comments: the reviewers' comments (not livb's own notes on data to fill in).
    """

    origin: dict[str, str] | None
    livb_styles: bool = False
    fields: dict[str, FieldRef] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    formatting: dict[str, list[str]] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, int] = field(default_factory=dict)
    outside_expected: list[str] = field(default_factory=list)
    outside: list[OutsideText] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


def read_document(data: bytes) -> ReadDocument:
    """The marks, texts, revisions and comments of a .docx.

    Raises:
        UnreadableDocumentError: no .docx package, or its XML is broken.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            names = set(package.namelist())
            if _DOCUMENT not in names:
                raise UnreadableDocumentError("het pakket heeft geen word/document.xml")
            parts = {name: _part(package, name) for name in names if _wanted(name)}
    except (zipfile.BadZipFile, OSError, EOFError):
        raise UnreadableDocumentError("het is geen .docx-pakket (geen zip-bestand)") from None
    read = ReadDocument(_find_map(parts), _has_livb_styles(parts.get(_STYLES)))
    if read.origin is not None:
        _read_map(read, parts)
    comments = _comment_texts(parts.get(_COMMENTS))
    _Walker(read, comments).walk(parts[_DOCUMENT])
    return read


def _wanted(name: str) -> bool:
    return name in (_DOCUMENT, _COMMENTS, _STYLES) or (
        name.startswith("customXml/") and name.endswith(".xml") and "/_rels/" not in name
    )


def _part(package: zipfile.ZipFile, name: str) -> Any:
    if package.getinfo(name).file_size > _MAX_PART:
        raise UnreadableDocumentError(tr("het deel {naam} is te groot", naam=name))
    try:
        return etree.fromstring(package.read(name), _PARSER)
    except etree.XMLSyntaxError:
        raise UnreadableDocumentError(
            tr("het deel {naam} is geen geldige XML", naam=name)
        ) from None


def _find_map(parts: dict[str, Any]) -> dict[str, str] | None:
    for name, root in sorted(parts.items()):
        if name.startswith("customXml/") and root.tag == f"{_MAP}velden":
            parts["map"] = root
            return {str(key): str(value) for key, value in root.attrib.items()}
    return None


def _has_livb_styles(root: Any) -> bool:
    """Whether the styles part names one of livb's styles (Word and LibreOffice keep them)."""
    if root is None:
        return False
    return any(
        (name.get(f"{_W}val") or "").startswith(_LIVB_STYLE) for name in root.iter(f"{_W}name")
    )


def _read_map(read: ReadDocument, parts: dict[str, Any]) -> None:
    root = parts["map"]
    for veld in root.iter(f"{_MAP}veld"):
        name, place, check = veld.get("naam"), veld.get("plaats"), veld.get("controle")
        if name and place and check:
            read.fields[name] = FieldRef(place, check)
            read.shown[name] = veld.get("getoond") or check
            if veld.get("lijst") == "ja":
                read.listed.add(name)
    text = root.find(f"{_MAP}tekst")
    read.outside_expected = (text.text or "").split() if text is not None else []


def _comment_texts(root: Any) -> dict[str, Comment]:
    if root is None:
        return {}
    found = {}
    for comment in root.iter(f"{_W}comment"):
        author = comment.get(f"{_W}author") or ""
        if author == "livb":  # livb's own notes on data still to fill in
            continue
        paragraphs = [
            "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in comment.iter(f"{_W}p")
        ]
        found[comment.get(f"{_W}id") or ""] = Comment(
            author, " ".join(" ".join(paragraphs).split())
        )
    return found


class _Walker:
    """One pass over the body in document order, keeping what is open at each point."""

    def __init__(self, read: ReadDocument, comments: dict[str, Comment]) -> None:
        self.read = read
        self.comments = comments
        self.open_fields: list[str] = []
        self.bookmark_names: dict[str, str] = {}
        self.pieces: dict[str, list[str]] = {}
        self.open_comments: dict[str, Comment] = {}
        self.field_chars: list[str] = []  # per complex field: 'instruction' or 'result'
        self.paragraph = 0
        self.outside: list[str] = []
        self.touched: set[str] = set()  # the fields with text in the current paragraph

    def walk(self, root: Any) -> None:
        body = root.find(f"{_W}body")
        if body is not None:
            self._children(body, deleted=False)
        for name, pieces in self.pieces.items():
            self.read.texts[name] = "\n\n".join(
                " ".join(piece.split()) for piece in pieces if piece.strip()
            )
        self.read.comments = [c for c in self.comments.values() if c.paragraph]

    def _children(self, element: Any, deleted: bool) -> None:
        for child in element:
            self._element(child, deleted)

    def _element(self, element: Any, deleted: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag.removeprefix(_W)
        handle = _HANDLERS.get(name)
        if handle is None:
            self._children(element, deleted)
        else:
            handle(self, element, name, deleted)

    def _run(self, element: Any, name: str, deleted: bool) -> None:
        if self.open_fields and not deleted:
            self._formatting(element.find(f"{_W}rPr"))
        self._children(element, deleted)

    def _characters(self, element: Any, name: str, deleted: bool) -> None:
        """Text as Word keeps it: w:t, and tabs, breaks and hyphens as the characters they show."""
        if deleted or name == "delText":
            return
        self._text(_SHOWN_AS.get(name, element.text or ""))

    def _skipped(self, element: Any, name: str, deleted: bool) -> None:
        """Properties and field instructions hold no text of a field."""

    def _field_char_of(self, element: Any, name: str, deleted: bool) -> None:
        self._field_char(element.get(f"{_W}fldCharType"))

    def _bookmark_start_of(self, element: Any, name: str, deleted: bool) -> None:
        self._bookmark_start(element)

    def _bookmark_end(self, element: Any, name: str, deleted: bool) -> None:
        bookmark = self.bookmark_names.pop(element.get(f"{_W}id") or "", None)
        if bookmark in self.open_fields:
            self.open_fields.remove(bookmark)

    def _revision(self, element: Any, name: str, deleted: bool) -> None:
        """A tracked change: inserted text counts, deleted text does not; who made it is kept."""
        kind = "ins" if name in ("ins", "moveTo") else "del"
        where = self.open_fields[-1] if self.open_fields else None
        self.read.revisions.append(Revision(kind, element.get(f"{_W}author") or "", where))
        self._children(element, deleted or kind == "del")

    def _comment_start(self, element: Any, name: str, deleted: bool) -> None:
        comment = self.comments.get(element.get(f"{_W}id") or "")
        if comment is not None:
            self.open_comments[element.get(f"{_W}id") or ""] = comment
            self._anchor(comment)

    def _comment_end(self, element: Any, name: str, deleted: bool) -> None:
        self.open_comments.pop(element.get(f"{_W}id") or "", None)

    def _comment_reference(self, element: Any, name: str, deleted: bool) -> None:
        comment = self.comments.get(element.get(f"{_W}id") or "")
        if comment is not None:
            self._anchor(comment)

    def _paragraph_of(self, element: Any, name: str, deleted: bool) -> None:
        self._paragraph(element, deleted)

    def _paragraph(self, element: Any, deleted: bool) -> None:
        self.paragraph += 1
        number, before = self.paragraph, self.outside
        self.outside = []
        self.touched = set()
        for bookmark in self.open_fields:
            self.pieces[bookmark].append("")
        for comment in self.open_comments.values():
            self._anchor(comment)
        self._children(element, deleted)
        if _in_list(element.find(f"{_W}pPr")):
            for bookmark in self.touched - self.read.listed:
                self._add_formatting(bookmark, "opsomming")
        text = "".join(self.outside)
        if text.strip():
            self.read.outside.append(OutsideText(" ".join(text.split()), number))
        self.outside = before

    def _text(self, text: str) -> None:
        if self.field_chars and self.field_chars[-1] == "instruction":
            return
        if self.open_fields:
            for bookmark in self.open_fields:
                self.pieces[bookmark][-1] += text
                if text.strip():
                    self.touched.add(bookmark)
            for comment in self.open_comments.values():
                self._anchor(comment)
        elif "result" not in self.field_chars:  # the table of contents is Word's to update
            self.outside.append(text)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.field_chars.append("instruction")
        elif kind == "separate" and self.field_chars:
            self.field_chars[-1] = "result"
        elif kind == "end" and self.field_chars:
            self.field_chars.pop()

    def _bookmark_start(self, element: Any) -> None:
        bookmark = element.get(f"{_W}name") or ""
        if not bookmark.startswith(FIELD_BOOKMARK) or bookmark in self.pieces:
            return
        self.bookmark_names[element.get(f"{_W}id") or ""] = bookmark
        self.open_fields.append(bookmark)
        self.pieces[bookmark] = [""]
        self.read.paragraphs[bookmark] = self.paragraph

    def _formatting(self, properties: Any) -> None:
        if properties is None:
            return
        for tag, kind in _FORMATTING.items():
            found = properties.find(f"{_W}{tag}")
            if found is None or found.get(f"{_W}val") in ("0", "false", "none"):
                continue
            for bookmark in self.open_fields:
                self._add_formatting(bookmark, kind)

    def _add_formatting(self, bookmark: str, kind: str) -> None:
        kinds = self.read.formatting.setdefault(bookmark, [])
        if kind not in kinds:
            kinds.append(kind)

    def _anchor(self, comment: Comment) -> None:
        if not comment.paragraph:
            comment.paragraph = self.paragraph
        for bookmark in self.open_fields:
            if bookmark not in comment.fields:
                comment.fields.append(bookmark)


_SHOWN_AS = {"tab": " ", "br": " ", "cr": " ", "noBreakHyphen": "-"}
"""The characters a reader sees for Word's elements that stand for one."""

_HANDLERS: dict[str, Callable[[_Walker, Any, str, bool], None]] = {
    "p": _Walker._paragraph_of,
    "r": _Walker._run,
    **dict.fromkeys(("t", "delText", "tab", "br", "cr", "noBreakHyphen"), _Walker._characters),
    **dict.fromkeys(
        ("instrText", "sdtPr", "pPr", "rPr", "tcPr", "tblPr", "trPr"), _Walker._skipped
    ),
    "fldChar": _Walker._field_char_of,
    "bookmarkStart": _Walker._bookmark_start_of,
    "bookmarkEnd": _Walker._bookmark_end,
    **dict.fromkeys(("ins", "del", "moveTo", "moveFrom"), _Walker._revision),
    "commentRangeStart": _Walker._comment_start,
    "commentRangeEnd": _Walker._comment_end,
    "commentReference": _Walker._comment_reference,
}
"""What the walker does with each element of WordprocessingML; any other: its children."""
