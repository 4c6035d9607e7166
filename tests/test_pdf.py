"""PDF through LibreOffice: drafts with their notes, one run for all, nothing left behind."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from livb.word import pdf
from livb.word.pdf import pdf_copy

from helpers import copy_example

DAY = "2026-11-21"
HAS_LIBREOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
needs_libreoffice = pytest.mark.skipif(
    not HAS_LIBREOFFICE and os.environ.get("LIVB_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice is not installed",
)


def pdftotext(path: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def word_comments(path: Path) -> list[str]:
    """The texts of a Word document's comments, one per comment."""
    with zipfile.ZipFile(path) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    return [
        "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", comment))
        for comment in re.findall(r"<w:comment .*?</w:comment>", comments, re.DOTALL)
    ]


def pdf_annotations(path: Path) -> int:
    """How many text annotations (note icons) a PDF holds."""
    return path.read_bytes().count(b"/Subtype /Text")


@pytest.fixture
def draft(tmp_path: Path, livb) -> Path:
    """A fresh folder guided by the FOD: its declaration and protocol are drafts full of gaps."""
    root = tmp_path / "gemeente"
    assert livb("init", root, "--gemeente", "Lommel").code == 0
    added = livb("new", "actor", root, "--id", "fod", "--rol", "fod_directeur")
    assert added.code == 0, added.err
    settings = root / "livb.yaml"
    text = settings.read_text("utf-8")
    assert "  fod_vertegenwoordiger: " in text
    settings.write_text(
        text.replace("  fod_vertegenwoordiger: ", "  fod_vertegenwoordiger: fod", 1)
    )
    return root


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_a_draft_with_comments_becomes_a_pdf_with_its_notes_as_footnotes(draft, livb):
    result = livb("render", "alle", draft, "--pdf", "--datum", DAY)
    assert result.code == 0, result.err
    assert "zie de opmerkingen in Word en de voetnoten in de PDF" in result.out
    out = draft / "output"
    for name in ("intentieverklaring", "protocolakkoord", "diagnostiek"):
        document = out / f"{name}.pdf"
        text = " ".join(pdftotext(document).split())  # wrapped lines joined
        assert "[in te vullen: de naam van de burgemeester]" in text or name != "intentieverklaring"
        gaps = text.count("[in te vullen:")
        assert gaps, name
        # every Word comment is a numbered footnote, none an icon over the words after it
        assert pdf_annotations(document) == 0, name
        notes = Counter(word_comments(out / f"{document.stem}.docx"))
        assert sum(notes.values()) == gaps, name  # one comment per gap in Word
        for note, times in notes.items():
            assert text.count(note) == times, (name, note)  # each once per gap, as a footnote
    text = " ".join(pdftotext(out / "intentieverklaring.pdf").split())
    assert "Vul de naam van de burgemeester in: 'actoren[0].naam' in actoren.yaml." in text
    assert not [p.name for p in out.iterdir() if p.name.startswith(".~lock")]
    manifest = json.loads((out / ".livb-manifest.json").read_text("utf-8"))
    made = sorted(p.name for p in out.glob("*.docx"))
    assert {"diagnostiek.docx", "intentieverklaring.docx", "protocolakkoord.docx"} <= set(made)
    assert sorted(name for name in manifest if name.endswith(".docx")) == made
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted(Path(name).stem for name in made)
    # LibreOffice's stage is shown, each PDF as it is made, in the order of the documents
    written = [line.split()[0] for line in result.out.splitlines()[1:] if ".docx + " in line]
    pdfs = [Path(name).with_suffix(".pdf").name for name in written]
    stage = result.err.splitlines()
    start = stage.index(f"PDF's maken met LibreOffice ({len(pdfs)}):")
    assert stage[start + 1 : start + 1 + len(pdfs)] == [
        f"  {number}/{len(pdfs)} {name}" for number, name in enumerate(pdfs, 1)
    ]
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = livb("render", "alle", draft, "--pdf", "--datum", DAY)
    assert again.code == 0, again.err  # nothing 'changed by hand', no lock in the way
    assert "zijn ongewijzigd" in again.out and "LibreOffice" not in again.err  # not started
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_the_contents_get_their_page_numbers(tmp_path, livb):

    root = tmp_path / "halle"
    copy_example(root)
    result = livb("render", "plan", root, "--pdf", "--datum", DAY)
    assert result.code == 0, result.err
    text = pdftotext(root / "output" / "plan.pdf", "-layout")
    contents = text[text.index("Inhoud") : text.index("Afkortingen") + 200]
    numbered = [line for line in contents.splitlines() if line.rstrip()[-1:].isdigit()]
    assert any(line.strip().startswith("Inleiding") for line in numbered), contents
    assert len(numbered) >= 20


def test_unwrapping_the_contents_keeps_the_entries_and_their_page_references():
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    plain = buffer.getvalue()
    assert pdf_copy(plain) == plain  # no contents: unchanged
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Inleiding</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF _t1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    source = zipfile.ZipFile(io.BytesIO(plain))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode())
            target.writestr(info, data)
    unwrapped = zipfile.ZipFile(io.BytesIO(pdf_copy(out.getvalue())))
    document = unwrapped.read("word/document.xml").decode("utf-8")
    assert " TOC " not in document and "Inleiding" in document
    assert "PAGEREF _t1" in document
    assert document.count('w:fldCharType="begin"') == 1
    assert document.count('w:fldCharType="end"') == 1
    assert sorted(unwrapped.namelist()) == sorted(source.namelist())


def fake_soffice(tmp_path: Path, behaviour: str) -> Path:
    """A stand-in for LibreOffice that starts a helper process and then misbehaves."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f"sleep 300 &\necho $! >> {tmp_path / 'pids'}\n"
        'echo "Error: source file could not be loaded"\n' + behaviour + "\n",
        "utf-8",
    )
    script.chmod(0o755)
    return script


def gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for init counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc and a POSIX shell")
@pytest.mark.parametrize(
    ("behaviour", "message"),
    [("exit 0", "kon intentieverklaring.docx niet omzetten"), ("exec sleep 300", "langer dan")],
)
def test_a_failing_libreoffice_stops_with_its_processes_and_loses_no_word_file(
    draft, livb, tmp_path, monkeypatch, behaviour, message
):
    script = fake_soffice(tmp_path, behaviour)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    result = livb("render", "intentieverklaring", draft, "--pdf", "--datum", DAY)
    assert result.code == 1
    assert message in result.err and "Traceback" not in result.err
    if behaviour == "exit 0":
        assert "source file could not be loaded" in result.err  # LibreOffice's own last word
    pids = [int(p) for p in (tmp_path / "pids").read_text().split()]
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in pids), "a process of the conversion outlived it"
    out = draft / "output"
    assert (out / "intentieverklaring.docx").is_file()
    assert not (out / "intentieverklaring.pdf").exists()
    manifest = json.loads((out / ".livb-manifest.json").read_text("utf-8"))
    assert "intentieverklaring.docx" in manifest
    assert livb("render", "intentieverklaring", draft, "--datum", DAY).code == 0  # not "by hand"


def test_a_document_is_told_converted_once_the_next_one_appears(tmp_path):
    produced = [tmp_path / f"{n}.pdf" for n in range(3)]
    told: list[int] = []
    reported = pdf._Reported(produced, told.append)
    reported.poll()
    produced[0].write_bytes(b"%PDF")
    reported.poll()
    assert told == []  # the first may still be being written
    produced[1].write_bytes(b"%PDF")
    reported.poll()
    assert told == [0]
    reported.poll(finished=True)  # the third never came: LibreOffice failed on it
    assert told == [0, 1]


def test_the_copy_for_pdf_has_footnotes_for_comments_and_an_unwrapped_contents(draft, livb):
    assert livb("render", "plan", draft, "--datum", DAY).code == 0
    original = (draft / "output" / "plan.docx").read_bytes()
    notes = word_comments(draft / "output" / "plan.docx")
    copy = zipfile.ZipFile(io.BytesIO(pdf.pdf_copy(original)))
    document = copy.read("word/document.xml").decode("utf-8")
    assert "commentReference" not in document and "commentRange" not in document
    assert "word/comments.xml" not in copy.namelist()
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document)
    assert [int(n) for n in references] == list(range(1, len(notes) + 1))
    footnotes = copy.read("word/footnotes.xml").decode("utf-8")
    for number, note in enumerate(notes, 1):  # in the order of the gaps, each its own text
        assert re.search(
            rf'w:id="{number}">.*?<w:t xml:space="preserve"> {re.escape(note)}</w:t>', footnotes
        )
    rels = copy.read("word/_rels/document.xml.rels").decode("utf-8")
    assert 'Target="footnotes.xml"' in rels and "comments.xml" not in rels
    types = copy.read("[Content_Types].xml").decode("utf-8")
    assert "/word/footnotes.xml" in types and "/word/comments.xml" not in types
    styles = copy.read("word/styles.xml").decode("utf-8")
    assert 'w:styleId="FootnoteText"' in styles and 'w:styleId="FootnoteReference"' in styles
    assert not re.search(r"instrText[^>]*>\s*TOC", document)  # the contents field unwrapped
    # the Word file itself keeps its comments
    assert b"commentReference" in zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml")


def test_nothing_to_convert_starts_nothing(monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: pytest.fail("LibreOffice was started"))
    assert pdf.convert_to_pdf([]) == []
