"""PDF through LibreOffice, when it is installed: every document in one run, nothing left behind.

One ``soffice --convert-to`` converts the whole batch (one start, not one per document) in a
temporary folder with its own profile: LibreOffice's ``.~lock`` files and profile never reach
the output folder. Word comments become PDF annotations (the filter's ``ExportNotes``), so a
draft keeps its notes on what to fill in. A run that fails or takes too long is stopped with
its whole process group: no ``soffice.bin`` outlives it.

LibreOffice keeps the cached text of a table-of-contents field on import, but it computes
``PAGEREF`` fields while laying out; the copy it converts therefore has its contents field
unwrapped, so the page numbers in each entry's ``PAGEREF`` are computed.
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

from livb.errors import LivbError
from livb.yamlio import write_atomic

TIMEOUT = 120
"""Seconds for LibreOffice to start and convert the first document."""
TIMEOUT_PER_DOCUMENT = 30
"""Seconds more for every further document of the batch."""
INSTALL_HINT = (
    "PDF maken vraagt LibreOffice: installeer het (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui; anders libreoffice.org)"
)
# The PDF filter with Word comments as PDF annotations (JSON filter options: LibreOffice 7.4+).
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
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
        inputs.mkdir()
        copies = []
        for position, document in enumerate(documents):
            copy = inputs / f"{position:04d}.docx"  # unique, and no name LibreOffice trips on
            copy.write_bytes(page_numbers_in_contents(document.read_bytes()))
            copies.append(copy)
        command = [
            soffice,
            f"-env:UserInstallation={Path(work, 'profiel').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--convert-to",
            EXPORT,
            "--outdir",
            str(outputs),
            *map(str, copies),
        ]
        log = Path(work, "soffice.log")
        produced = [outputs / copy.with_suffix(".pdf").name for copy in copies]
        reported = _Reported(produced, converted)
        _run(command, log, TIMEOUT + TIMEOUT_PER_DOCUMENT * (len(documents) - 1), reported.poll)
        reported.poll(finished=True)
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
                f"LibreOffice kon {', '.join(failed)} niet omzetten naar PDF",
                _last_line(log) or "open het document in Word of LibreOffice en bewaar het als PDF",
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
                f"LibreOffice deed er langer dan {timeout:.0f} s over om de PDF's te maken",
                "probeer opnieuw, of open het document in Word en bewaar het als PDF",
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


def page_numbers_in_contents(data: bytes) -> bytes:
    """The .docx with its table-of-contents fields unwrapped, for LibreOffice to number.

    The entries stay (with their ``PAGEREF`` fields, which LibreOffice computes); only the
    outer ``TOC`` field's begin, instruction, separator and end go. A document without a
    table of contents comes back unchanged.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml")
    if b"TOC" not in document:
        return data
    root = etree.fromstring(document)
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
    if not unwrap:
        return data
    for element in unwrap:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, content)
    return out.getvalue()
