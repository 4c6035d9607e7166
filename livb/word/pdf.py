"""PDF through LibreOffice, when it is installed: every document in one run, nothing left behind.

One ``soffice --convert-to`` converts the whole batch (one start, not one per document) in a
temporary folder with its own profile: LibreOffice's ``.~lock`` files and profile never reach
the output folder. A run that fails or takes too long is stopped with its whole process group:
no ``soffice.bin`` outlives it.

LibreOffice converts a copy of each document (:func:`pdf_copy`), changed in two ways:

- A draft's Word comments (what to fill in, and where) become numbered footnotes. As PDF
  annotations their icons covered the words after each gap; as footnotes a draft sent round
  as PDF reads, on screen and printed.
- LibreOffice keeps the cached text of a table-of-contents field on import, but it computes
  ``PAGEREF`` fields while laying out; the contents field is unwrapped, so the page numbers in
  each entry's ``PAGEREF`` are computed.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

from livb.core.errors import LivbError
from livb.core.i18n import tr
from livb.core.transaction import write_atomic

TIMEOUT = 120
"""Seconds for LibreOffice to start and convert the first document."""
TIMEOUT_PER_DOCUMENT = 30
"""Seconds more for every further document of the batch."""
INSTALL_HINT = (
    "PDF maken vraagt LibreOffice: installeer het (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui; anders libreoffice.org)"
)
# The PDF filter, without annotations: the comments are footnotes of the copy (pdf_copy).
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"}}'
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def find_soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(
    documents: Sequence[Path], converted: Callable[[int], None] | None = None
) -> list[Path]:
    """Convert .docx files to PDF, each next to its document, in one LibreOffice run.

    ``converted(i)`` is called as LibreOffice finishes the i-th document (it takes them in
    order: when the next one's PDF appears, this one is done), for a progress display.

    Returns:
        the PDF of every document, in the order given.

    Raises:
        LivbError: LibreOffice is missing, fails or takes longer than the time limit, or a
            document did not convert (the others are written all the same).
    """
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise LivbError("LibreOffice is niet geïnstalleerd", INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="livb-pdf-") as work:
        inputs, outputs = Path(work, "in"), Path(work, "uit")
        copies = _copies(documents, inputs)
        log = Path(work, "soffice.log")
        produced = [outputs / copy.with_suffix(".pdf").name for copy in copies]
        reported = _Reported(produced, converted)
        command = [*_command(soffice, Path(work, "profiel")), str(outputs), *map(str, copies)]
        _run(command, log, TIMEOUT + TIMEOUT_PER_DOCUMENT * (len(documents) - 1), reported.poll)
        reported.poll(finished=True)
        return _place(documents, produced, log)


def _copies(documents: Sequence[Path], inputs: Path) -> list[Path]:
    """The copies LibreOffice converts: gaps as footnotes, under names it cannot trip on."""
    inputs.mkdir()
    copies = []
    for position, document in enumerate(documents):
        copy = inputs / f"{position:04d}.docx"
        copy.write_bytes(pdf_copy(document.read_bytes()))
        copies.append(copy)
    return copies


def _command(soffice: str, profile: Path) -> list[str]:
    """Soffice in its own profile, headless, converting into the folder that follows."""
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--convert-to",
        EXPORT,
        "--outdir",
    ]


def _place(documents: Sequence[Path], produced: list[Path], log: Path) -> list[Path]:
    """Each PDF LibreOffice made, written next to its document; a missing one is an error."""
    written, failed = [], []
    for document, result in zip(documents, produced, strict=True):
        data = result.read_bytes() if result.is_file() else b""
        if not data.startswith(b"%PDF"):
            failed.append(document.name)
            continue
        target = document.with_suffix(".pdf")
        try:
            write_atomic(target, data, inside=document.parent)
        except OSError as error:
            raise LivbError(
                f"kan '{target}' niet schrijven: {error.strerror}",
                "is de PDF nog open? Sluit hem en probeer opnieuw",
            ) from None
        written.append(target)
    if failed:
        raise LivbError(
            tr("LibreOffice kon {bestanden} niet omzetten naar PDF", bestanden=", ".join(failed)),
            _last_line(log) or tr("open het document in Word of LibreOffice en bewaar het als PDF"),
        )
    return written


class _Reported:
    """Which documents of a batch LibreOffice has finished, each told once, in order."""

    def __init__(self, produced: list[Path], converted: Callable[[int], None] | None) -> None:
        self.produced, self.converted, self.told = produced, converted, 0

    def poll(self, finished: bool = False) -> None:
        """Tell what is done: a document whose successor's PDF exists (all, once finished)."""
        if self.converted is None:
            return
        while self.told < len(self.produced):
            following = self.told + 1
            if not finished and (
                following >= len(self.produced) or not self.produced[following].exists()
            ):
                return
            if finished and not self.produced[self.told].exists():
                self.told += 1  # not converted: the caller names it
                continue
            self.converted(self.told)
            self.told += 1


POLL_SECONDS = 0.2
"""How often a conversion in progress is looked at, for its progress display."""


def _run(
    command: list[str], log: Path, timeout: float, poll: Callable[[], None] | None = None
) -> None:
    """Run LibreOffice in its own process group; whatever happens, stop the whole group."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    process.wait(timeout=min(POLL_SECONDS, max(0, deadline - time.monotonic())))
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() >= deadline:
                        raise
                    if poll is not None:
                        poll()
        except subprocess.TimeoutExpired:
            raise LivbError(
                tr(
                    "LibreOffice deed er langer dan {seconden} s over om de PDF's te maken",
                    seconden=f"{timeout:.0f}",
                ),
                tr("probeer opnieuw, of open het document in Word en bewaar het als PDF"),
            ) from None
        finally:
            _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and every process it started (soffice.bin outlives its launcher)."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups of this kind
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass  # the group is gone already
    process.wait()


def _last_line(log: Path) -> str | None:
    lines = [line for line in log.read_text("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else None


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_NOTE_STYLES = {  # Word's built-in footnote styles, for a house style that lacks them
    "FootnoteText": f"""<w:style xmlns:w="{_W[1:-1]}" w:type="paragraph" w:styleId="FootnoteText">
        <w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:before="0" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
        <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>""",
    "FootnoteReference": f"""<w:style xmlns:w="{_W[1:-1]}" w:type="character"
        w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
        <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>""",
}


def pdf_copy(data: bytes) -> bytes:
    """The .docx LibreOffice converts: comments as footnotes, the contents field unwrapped.

    A document with neither comes back unchanged.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml")
    has_notes = b"commentReference" in document
    if b"TOC" not in document and not has_notes:
        return data
    root = etree.fromstring(document)
    changed = _unwrap_contents(root)
    parts: dict[str, bytes] = {}
    if has_notes and "word/comments.xml" in source.namelist():
        notes = _comment_texts(etree.fromstring(source.read("word/comments.xml")))
        footnotes = _comments_as_footnotes(root, notes)
        parts = _footnote_parts(source, footnotes)
        changed = True
    if not changed:
        return data
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/comments.xml" and parts:
                continue  # every comment is a footnote now
            content = parts.pop(info.filename) if info.filename in parts else None
            target.writestr(info, content if content is not None else source.read(info.filename))
        for name, content in parts.items():  # new: word/footnotes.xml
            target.writestr(name, content)
    return out.getvalue()


def _unwrap_contents(root: etree._Element) -> bool:
    """Remove the outer ``TOC`` field's markers from the body; whether there was one."""
    fields: list[tuple[list[etree._Element], list[str]]] = []  # the open fields, innermost last
    unwrap: list[etree._Element] = []
    for element in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        if element.tag == f"{_W}instrText":
            if fields:
                fields[-1][0].append(element)
                fields[-1][1].append(element.text or "")
            continue
        kind = element.get(f"{_W}fldCharType")
        if kind == "begin":
            fields.append(([element], []))
        elif kind == "separate" and fields:
            fields[-1][0].append(element)
        elif kind == "end" and fields:
            markers, instruction = fields.pop()
            if "".join(instruction).strip().upper().startswith("TOC"):
                unwrap.extend([*markers, element])
    for element in unwrap:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return bool(unwrap)


def _comment_texts(comments: etree._Element) -> dict[str, str]:
    """Each comment's text by its id (its paragraphs joined by a space)."""
    texts = {}
    for comment in comments.iter(f"{_W}comment"):
        paragraphs = [
            "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
            for paragraph in comment.iter(f"{_W}p")
        ]
        texts[comment.get(f"{_W}id", "")] = " ".join(p.strip() for p in paragraphs if p.strip())
    return texts


def _comments_as_footnotes(root: etree._Element, notes: dict[str, str]) -> list[str]:
    """Replace each comment's reference by a footnote reference; the footnotes' texts, in order.

    The ranges a comment spans go (their text stays, marked as it is); footnote ids start at 1
    (-1 and 0 are the separators).
    """
    for marker in list(root.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd")):
        parent = marker.getparent()
        if parent is not None:
            parent.remove(marker)
    footnotes: list[str] = []
    for reference in list(root.iter(f"{_W}commentReference")):
        run = reference.getparent()
        if run is None:
            continue
        footnotes.append(notes.get(reference.get(f"{_W}id", ""), ""))
        for child in list(run):
            run.remove(child)
        properties = etree.SubElement(run, f"{_W}rPr")
        etree.SubElement(properties, f"{_W}rStyle").set(f"{_W}val", "FootnoteReference")
        etree.SubElement(run, f"{_W}footnoteReference").set(f"{_W}id", str(len(footnotes)))
    return footnotes


def _footnote_parts(source: zipfile.ZipFile, footnotes: list[str]) -> dict[str, bytes]:
    """word/footnotes.xml, and the relationships and content types that name it, not comments."""
    body = etree.Element(f"{_W}footnotes", nsmap={"w": _W[1:-1]})
    for kind, separator in (("separator", "-1"), ("continuationSeparator", "0")):
        note = etree.SubElement(body, f"{_W}footnote")
        note.set(f"{_W}type", kind)
        note.set(f"{_W}id", separator)
        run = etree.SubElement(etree.SubElement(note, f"{_W}p"), f"{_W}r")
        etree.SubElement(run, f"{_W}{kind}")
    for number, text in enumerate(footnotes, 1):
        note = etree.SubElement(body, f"{_W}footnote")
        note.set(f"{_W}id", str(number))
        paragraph = etree.SubElement(note, f"{_W}p")
        style = etree.SubElement(etree.SubElement(paragraph, f"{_W}pPr"), f"{_W}pStyle")
        style.set(f"{_W}val", "FootnoteText")
        mark = etree.SubElement(paragraph, f"{_W}r")
        mark_style = etree.SubElement(etree.SubElement(mark, f"{_W}rPr"), f"{_W}rStyle")
        mark_style.set(f"{_W}val", "FootnoteReference")
        etree.SubElement(mark, f"{_W}footnoteRef")
        words = etree.SubElement(paragraph, f"{_W}r")
        element = etree.SubElement(words, f"{_W}t")
        element.text = f" {text}"
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    rels = etree.fromstring(source.read("word/_rels/document.xml.rels"))
    for relation in list(rels):
        if relation.get("Type") == _COMMENTS_REL:
            rels.remove(relation)
    taken = {relation.get("Id") for relation in rels}
    free = next(
        f"rIdFootnotes{n}" for n in range(1, len(taken) + 2) if f"rIdFootnotes{n}" not in taken
    )
    relation = etree.SubElement(rels, f"{_RELS}Relationship")
    relation.set("Id", free)
    relation.set("Type", _FOOTNOTES_REL)
    relation.set("Target", "footnotes.xml")
    types = etree.fromstring(source.read("[Content_Types].xml"))
    for override in list(types):
        if override.get("PartName") in ("/word/comments.xml", "/word/footnotes.xml"):
            types.remove(override)
    override = etree.SubElement(types, f"{_TYPES}Override")
    override.set("PartName", "/word/footnotes.xml")
    override.set("ContentType", _FOOTNOTES_TYPE)

    def xml(element: etree._Element) -> bytes:
        return bytes(
            etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
        )

    styles = etree.fromstring(source.read("word/styles.xml"))
    known = {style.get(f"{_W}styleId") for style in styles.iter(f"{_W}style")}
    for style_id, definition in _NOTE_STYLES.items():
        if style_id not in known:
            styles.append(etree.fromstring(definition))
    return {
        "word/styles.xml": xml(styles),
        "word/footnotes.xml": xml(body),
        "word/_rels/document.xml.rels": xml(rels),
        "[Content_Types].xml": xml(types),
    }
