"""livb render: real Word documents, true to the data, the same bytes every time."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from livb.word.docx import docx_text

from helpers import EXAMPLE, REPO, copy_example, copy_folder, halle_snapshots

DAY = "2026-11-21"
GOLDEN = Path(__file__).parent / "golden"
SNAPSHOTS = halle_snapshots()
REQUIRE_LIBREOFFICE = os.environ.get("LIVB_REQUIRE_LIBREOFFICE") == "1"


def render(livb, root: Path, *args: str) -> Path:
    result = livb("render", *args, root, "--datum", DAY)
    assert result.code == 0, result.err
    return root / "output"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, halle_rendered) -> Path:
    """Every document of the Halle example, rendered once for the module."""
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    assert DAY == "2026-11-21"  # the day of halle_rendered (tests/conftest.py)
    root = tmp_path_factory.mktemp("render") / "halle"
    copy_folder(halle_rendered, root)
    # the brainstorm is behind Halle (render alle leaves its handout out): asked for by name
    render_documents(
        RenderRequest(root, ["brainstorm"], today=dt.date.fromisoformat(DAY), toch=True)
    )
    return root / "output"


@pytest.fixture
def halle_after_alle(tmp_path, halle_rendered) -> Path:
    """A copy of Halle as `livb render alle MAP --datum DAY` leaves it."""
    return copy_folder(halle_rendered, tmp_path / "halle")


def xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode("utf-8")


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_text_and_structure_match_the_reviewed_snapshot(rendered, name):
    lines = docx_text((rendered / name).read_bytes())
    golden = GOLDEN / name.replace(".docx", ".txt")
    text = "\n".join(lines) + "\n"
    if os.environ.get("LIVB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no reviewed snapshot {golden.name}: render, review, then commit it"
    assert text == golden.read_text(encoding="utf-8")


ONTWERP = Path(__file__).parent / "projects" / "ontwerp"


def _ontwerp_documents() -> list[str]:
    """Every document `render alle` makes of the sparse draft folder."""
    import datetime as dt

    from livb.documents.render import RenderRequest, plan_jobs
    from livb.folder.project import load_project

    project = load_project(ONTWERP).project
    assert project is not None
    request = RenderRequest(ONTWERP, ["alle"], today=dt.date.fromisoformat(DAY))
    return sorted(job.filename for job in plan_jobs(request, project))


ONTWERP_DOCUMENTS = _ontwerp_documents()


@pytest.fixture(scope="module")
def ontwerp(tmp_path_factory) -> Path:
    """Every document of the sparse draft folder (Kortenaken, early in the process)."""
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    root = tmp_path_factory.mktemp("render") / "ontwerp"
    copy_example(root, ONTWERP)
    day = dt.date.fromisoformat(DAY)
    render_documents(RenderRequest(root, ["alle"], today=day))
    # the brainstorm is behind Halle (render alle leaves its handout out): asked for by name
    render_documents(RenderRequest(root, ["brainstorm"], today=day, toch=True))
    return root / "output"


def test_the_sparse_draft_folder_makes_every_document(ontwerp):
    assert sorted(p.name for p in ontwerp.glob("*.docx")) == ONTWERP_DOCUMENTS
    assert len(ONTWERP_DOCUMENTS) >= 14  # every kind of document, not only the first five


@pytest.mark.parametrize("name", ONTWERP_DOCUMENTS)
def test_the_sparse_draft_matches_its_reviewed_snapshot(ontwerp, name):
    lines = docx_text((ontwerp / name).read_bytes())
    golden = GOLDEN / "ontwerp" / name.replace(".docx", ".txt")
    text = "\n".join(lines) + "\n"
    if os.environ.get("LIVB_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no reviewed snapshot {golden.name}: render, review, then commit it"
    assert text == golden.read_text(encoding="utf-8")


def test_every_document_the_state_allows(rendered):
    names = sorted(p.name for p in rendered.glob("*.docx"))
    assert set(SNAPSHOTS) <= set(names)
    meetings = sorted(p.stem for p in (EXAMPLE / "vergaderingen").glob("[0-9]*.yaml"))
    assert [n for n in names if n.startswith("verslag-")] == [f"verslag-{m}.docx" for m in meetings]


def test_rendering_twice_gives_identical_bytes(halle_after_alle, livb):
    first = halle_after_alle / "output"
    before = {p.name: p.read_bytes() for p in first.glob("*.docx")}
    shutil.rmtree(first)
    second = render(livb, halle_after_alle, "alle")
    assert {p.name: p.read_bytes() for p in second.glob("*.docx")} == before


def _stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix in (".docx", ".pdf")}


def test_a_second_render_writes_nothing_and_says_so(halle_after_alle, livb):
    halle = halle_after_alle
    out = halle / "output"
    made = sorted(p.name for p in out.glob("*.docx"))
    before = _stamps(out)
    again = livb("render", "alle", halle, "--datum", DAY)
    assert again.code == 0, again.err
    assert again.out.startswith(
        f"Alle {len(made)} documenten in {out} zijn ongewijzigd: al zoals livb ze nu maakt.\n"
    )
    assert _stamps(out) == before  # not one file rewritten
    single = livb("render", "swot", halle, "--datum", DAY)
    assert single.out.startswith(f"swot.docx in {out} is ongewijzigd")


def test_after_an_edit_only_the_documents_it_touches_are_written(halle_after_alle, livb):
    halle = halle_after_alle
    out = halle / "output"
    before = _stamps(out)
    path = halle / "swot.yaml"
    text = path.read_text("utf-8")
    first = re.search(r"^  - id: \S+\n    tekst: (.+)$", text, re.MULTILINE)
    assert first is not None
    path.write_text(text.replace(first[1], first[1] + " (herzien)", 1), "utf-8")
    result = livb("render", "alle", halle, "--datum", DAY)
    assert result.code == 0, result.err
    rewritten = {name for name, stamp in _stamps(out).items() if stamp != before[name]}
    assert "swot.docx" in rewritten and "intentieverklaring.docx" not in rewritten
    # the unchanged ones first, named in one paragraph; then the written ones, one per line
    lines = result.out.splitlines()
    kept = set(before) - rewritten
    assert lines[0] == f"{len(kept)} documenten ongewijzigd:"
    title = lines.index(f"{len(rewritten)} documenten in {out}:")
    assert set(" ".join(lines[1:title]).replace(",", " ").split()) == kept
    assert {line.split()[0] for line in lines[title + 1 :]} == rewritten


def test_off_a_terminal_each_document_gets_its_line_as_it_is_made(halle, livb):
    import datetime as dt

    from livb.documents.render import RenderRequest, Step, render_documents

    result = livb("render", "alle", halle, "--datum", DAY)
    assert result.code == 0, result.err
    made = [line.split()[0] for line in result.out.splitlines()[1:]]
    lines = result.err.splitlines()
    assert lines == [f"documenten maken ({len(made)}):"] + [
        f"  {number}/{len(made)} {name}" for number, name in enumerate(made, 1)
    ]
    # each line as its document is made, before the next one is begun
    steps: list[Step] = []
    request = RenderRequest(halle, ["alle"], today=dt.date.fromisoformat(DAY))
    render_documents(request, steps.append)
    assert [(s.name, s.finished) for s in steps] == [
        (name, finished) for name in made for finished in (False, True)
    ]
    assert not livb("render", "swot", halle, "--datum", DAY).err  # one document: no progress


def test_a_pdf_is_made_again_only_when_its_document_changed(halle, monkeypatch):
    import datetime as dt

    import livb.word.pdf
    from livb.documents.render import RenderRequest, Step, render_documents

    asked: list[list[str]] = []

    def convert(documents, converted=None):
        asked.append([d.name for d in documents])
        for position, document in enumerate(documents):
            document.with_suffix(".pdf").write_bytes(b"%PDF-1.7 " + document.read_bytes()[:64])
            if converted:
                converted(position)
        return [d.with_suffix(".pdf") for d in documents]

    monkeypatch.setattr(livb.word.pdf, "convert_to_pdf", convert)
    request = RenderRequest(halle, ["alle"], today=dt.date.fromisoformat(DAY), pdf=True)
    steps: list[Step] = []
    first = render_documents(request, steps.append)
    names = [r.path.name for r in first]
    assert asked == [names] and all(r.pdf and r.pdf.is_file() for r in first)
    converted = [s.name for s in steps if s.stage == "pdf" and s.finished]
    assert converted == [Path(n).with_suffix(".pdf").name for n in names]
    again = render_documents(request)
    assert len(asked) == 1  # LibreOffice not started: every PDF is as its document
    assert all(r.unchanged and r.pdf_unchanged for r in again)
    # a PDF older than its document (a conversion that failed after the Word file was written)
    out = halle / "output"
    stale = out / "swot.pdf"
    os.utime(stale, ns=(0, 0))
    render_documents(request)
    assert asked[-1] == ["swot.docx"]


def test_source_date_epoch_sets_the_document_date(halle, livb, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = render(livb, halle, "plan")
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z' in xml(
        out / "plan.docx", "docProps/core.xml"
    )


def test_document_properties(rendered):
    core = xml(rendered / "plan.docx", "docProps/core.xml")
    assert "<dc:title>Integraal plan levenskwaliteit</dc:title>" in core
    assert "<dc:creator>Stad Halle</dc:creator>" in core
    assert "<dc:language>nl-BE</dc:language>" in core
    assert "2010-03-23T12:00:00Z" in core  # the council's approval, not the time of rendering
    styles = xml(rendered / "plan.docx", "word/styles.xml")
    assert 'w:lang w:val="nl-BE"' in styles


def test_word_features_are_real(rendered):
    document = xml(rendered / "plan.docx", "word/document.xml")
    assert 'TOC \\o "1-2" \\h \\z \\u' in document and 'w:dirty="true"' in document
    assert "<w:tblHeader/>" in document  # header rows repeat on every page
    assert "w:bookmarkStart" in document and 'w:anchor="_livb1"' in document
    footer = "".join(
        xml(rendered / "plan.docx", name)
        for name in zipfile.ZipFile(rendered / "plan.docx").namelist()
        if name.startswith("word/footer")
    )
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_numbered_lists_restart(rendered):
    numbering = xml(rendered / "verslag-2009-04-21-kerngroep-opstart.docx", "word/numbering.xml")
    assert '<w:startOverride w:val="1"/>' in numbering
    protocol = xml(rendered / "protocolakkoord.docx", "word/document.xml")
    intent = xml(rendered / "intentieverklaring.docx", "word/document.xml")
    assert "w:numId" in protocol and "w:numId" in intent


def test_only_named_styles(rendered):
    for path in rendered.glob("*.docx"):
        document = xml(path, "word/document.xml")
        for direct in ("<w:b/>", "<w:i/>", "<w:sz ", "<w:color ", "<w:jc ", "<w:rFonts"):
            assert direct not in document, (path.name, direct)


def test_changing_a_name_changes_it_in_every_document(halle, livb):
    path = halle / "actoren.yaml"
    path.write_text(
        path.read_text("utf-8").replace("naam: Dirk Pieters", "naam: Dirk Peeters"), "utf-8"
    )
    out = render(livb, halle, "alle")
    shown = 0
    for document in out.glob("*.docx"):
        text = "\n".join(docx_text(document.read_bytes()))
        assert "Dirk Pieters" not in text, document.name
        shown += "Dirk Peeters" in text
    assert shown >= 5


def test_special_characters_come_through_intact(halle, livb):
    name = 'Els "Lies" Janssens & Zn <IV> 🚓'
    path = halle / "actoren.yaml"
    path.write_text(
        path.read_text("utf-8").replace("naam: Els Janssens", f"naam: '{name}'"), "utf-8"
    )
    meeting = halle / "vergaderingen/2009-05-19-kerngroep.yaml"
    meeting.write_text(
        meeting.read_text("utf-8")
        .replace("verslag: Goedgekeurd zonder opmerkingen.", "verslag: x")
        .replace(
            "    verslag: Het verslag wordt zonder opmerkingen goedgekeurd.",
            '    verslag: "- geen lijst | *geen nadruk* # geen titel 1. geen nummer"',
        ),
        "utf-8",
    )
    out = render(livb, halle, "alle")
    plan = "\n".join(docx_text((out / "plan.docx").read_bytes()))
    assert name in plan
    verslag = "\n".join(docx_text((out / "verslag-2009-05-19-kerngroep.docx").read_bytes()))
    assert "Normal | - geen lijst | *geen nadruk* # geen titel 1. geen nummer" in verslag


def test_a_draft_marks_missing_data_and_says_where_to_fill_it(tmp_path, livb):
    from livb.starters.scaffold import InitRequest, create_folder

    root = tmp_path / "x"
    create_folder(InitRequest(root, "Halle", git=False))
    result = livb("render", "protocol", root)
    assert result.code == 0, result.err
    assert "in te vullen" in result.out
    path = root / "output" / "protocolakkoord.docx"
    text = "\n".join(docx_text(path.read_bytes()))
    assert "[in te vullen: de naam van de burgemeester]" in text
    comments = xml(path, "word/comments.xml")
    assert "actoren.yaml" in comments and "actoren[0].naam" in comments
    styles = xml(path, "word/styles.xml")
    assert "livb In te vullen" in styles


def test_definitief_refuses_an_incomplete_document(tmp_path, livb):
    from livb.starters.scaffold import InitRequest, create_folder

    root = tmp_path / "x"
    create_folder(InitRequest(root, "Halle", git=False))
    result = livb("render", "protocol", root, "--definitief")
    assert result.code == 1
    assert "definitief: nog geen definitieve versie" in result.err
    assert "  actoren.yaml:" in result.err
    line = next(line for line in result.err.splitlines() if "de naam van de burgemeester" in line)
    assert line.endswith(": in te vullen: de naam van de burgemeester (in protocolakkoord.docx)")
    position = line.strip().split(": ", 1)[0]  # actoren.yaml:LINE:COLUMN
    _, number, _ = position.split(":")
    lines = (root / "actoren.yaml").read_text(encoding="utf-8").splitlines()
    assert "naam:" in lines[int(number) - 1]  # the line where the name is to be written
    assert not (root / "output" / "protocolakkoord.docx").exists()


def test_definitief_renders_a_complete_document(halle, livb):
    result = livb("render", "plan", halle, "--definitief", "--datum", DAY)
    assert result.code == 0, result.err
    with zipfile.ZipFile(halle / "output" / "plan.docx") as package:
        assert "word/document.xml" in package.namelist()
        # every gap of a draft is a Word comment saying where to fill it in: a final one has none
        assert "word/comments.xml" not in package.namelist()
    assert "plan.docx" in result.out


def test_a_folder_with_errors_is_not_rendered(halle, livb):
    (halle / "organen.yaml").write_text("kerngroep: [\n", "utf-8")
    result = livb("render", "plan", halle)
    assert result.code == 1 and "livb check" in result.err


def test_hand_edits_are_never_overwritten_without_force(halle, livb):
    out = render(livb, halle, "plan")
    edited = out / "plan.docx"
    edited.write_bytes(edited.read_bytes() + b"hand")
    result = livb("render", "plan", halle)
    assert result.code == 1 and "plan.docx" in result.err and "met --overschrijf\n" in result.err
    assert edited.read_bytes().endswith(b"hand")
    assert livb("render", "plan", halle, "--force").code == 0
    assert not edited.read_bytes().endswith(b"hand")
    edited.write_bytes(edited.read_bytes() + b"hand")
    assert livb("render", "plan", halle, "--overschrijf").code == 0
    assert not edited.read_bytes().endswith(b"hand")


def test_a_file_livb_did_not_write_is_not_overwritten(halle, livb):
    (halle / "output").mkdir()
    (halle / "output" / "plan.docx").write_bytes(b"mijn eigen plan")
    assert livb("render", "plan", halle).code == 1
    assert (halle / "output" / "plan.docx").read_bytes() == b"mijn eigen plan"


def test_output_folder_option(halle, livb, tmp_path):
    result = livb("render", "diagnostiek", halle, "--uit", tmp_path / "elders")
    assert result.code == 0
    assert (tmp_path / "elders" / "diagnostiek.docx").is_file()
    manifest = json.loads((tmp_path / "elders" / ".livb-manifest.json").read_text("utf-8"))
    assert list(manifest) == ["diagnostiek.docx"]


def test_the_gemeente_can_override_a_template(halle, livb):
    (halle / "templates").mkdir()
    (halle / "templates" / "intentieverklaring.md.j2").write_text(
        "# Verklaring van {{ gemeente.naam }}\n\nEigen tekst.\n", "utf-8"
    )
    out = render(livb, halle, "intentieverklaring")
    assert docx_text((out / "intentieverklaring.docx").read_bytes()) == [
        "Heading 1 | Verklaring van Halle",
        "Normal | Eigen tekst.",
    ]


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "# Titel\n\n```\ncode\n```\n",
            "intentieverklaring.md.j2:3: 'fence' wordt niet ondersteund",
        ),
        (
            "# Titel\n\n> citaat\n",
            "intentieverklaring.md.j2:3: 'blockquote' wordt niet ondersteund",
        ),
        ("Tekst\n{{ bestaat_niet }}\n", "intentieverklaring.md.j2:2: 'bestaat_niet' bestaat niet"),
        ("{% for x in %}\n", "intentieverklaring.md.j2:1: het sjabloon is ongeldig"),
        ("{{ gemeente.__class__.__mro__ }}\n", "niet toegelaten"),
    ],
)
def test_template_errors_name_the_template_and_line(halle, livb, template, expected):
    (halle / "templates").mkdir()
    (halle / "templates" / "intentieverklaring.md.j2").write_text(template, "utf-8")
    result = livb("render", "intentieverklaring", halle)
    assert result.code == 1
    assert expected in result.err, result.err
    assert "Traceback" not in result.err


def test_a_reference_without_a_needed_style_is_explained(halle, livb):
    import docx

    reference = docx.Document(str(REPO / "templates" / "nl" / "huisstijl.docx"))
    for style in reference.styles:
        if style.name == "livb Tabel":
            style.element.getparent().remove(style.element)
    reference.save(str(halle / "huisstijl.docx"))
    result = livb("render", "plan", halle)
    assert result.code == 1
    assert "de huisstijl mist 1 stijl(en): livb Tabel" in result.err


def test_pdf_without_libreoffice_says_how_to_install(halle, livb, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = livb("render", "plan", halle, "--pdf")
    assert result.code == 2 and "apt-get install libreoffice-writer-nogui" in result.err


# The audit's command line, with its schema check of a part done once per distinct part: every
# document holds the house style's styles.xml (350 kB, nine tenths of the XML) byte for byte, and
# the schema check of a part reads nothing but that part's bytes and the file format (the
# cross-part checks are semantic and still run for every document). A part met again gets the
# findings of its first check, told again; a check cut short by --max-errors is not reused.
AUDIT_ONCE = r"""
import sys

from openxml_audit.cli import main
from openxml_audit.schema.validator import SchemaValidator

validate = SchemaValidator.validate_part
checked = {}


def validate_once(self, part, context):
    raw = part.raw_content
    key = (part.uri, raw, context.file_format, context.strict)
    found = checked.get(key) if raw is not None else None
    if found is not None and (
        context.max_errors == 0 or len(context.errors) + len(found) < context.max_errors
    ):
        context.set_part(part)
        context.errors.extend(found)
        return context.errors
    start, whole = len(context.errors), not context.should_stop
    answer = validate(self, part, context)
    if raw is not None and whole and not context.should_stop:
        checked[key] = context.errors[start:]
    return answer


SchemaValidator.validate_part = validate_once
sys.argv[0] = "openxml_audit"
main()
"""
HOUSE_STYLE = "0-huisstijl.docx"  # sorts before every document livb makes


def _audit(folder: Path) -> dict[str, list[str]]:
    """The OOXML errors of every document in a folder (one process for all)."""
    command = [sys.executable, "-c", AUDIT_ONCE, str(folder), "-o", "json", "--recursive"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    payload = json.loads(done.stdout)
    entries = payload if isinstance(payload, list) else [payload]
    return {
        Path(entry["file"]).name: sorted(e["description"] for e in entry.get("errors", []))
        for entry in entries
    }


@pytest.mark.long
def test_openxml_audit_finds_nothing_new(rendered, tmp_path):
    """Every document has the errors of the house style it starts from, and not one more."""
    documents = sorted(path.name for path in rendered.glob("*.docx"))
    for name in documents:
        shutil.copy(rendered / name, tmp_path / name)
    shutil.copy(REPO / "templates" / "nl" / "huisstijl.docx", tmp_path / HOUSE_STYLE)
    found = _audit(tmp_path)
    baseline = found.pop(HOUSE_STYLE)
    assert sorted(found) == documents
    for name, errors in sorted(found.items()):
        assert errors == baseline, name


@pytest.mark.skipif(
    shutil.which("soffice") is None and not REQUIRE_LIBREOFFICE,
    reason="LibreOffice is not installed",
)
@pytest.mark.long
def test_libreoffice_converts_every_document_to_pdf(rendered, tmp_path):
    from livb.word.pdf import convert_to_pdf, find_soffice

    documents = sorted(rendered.glob("*.docx"))
    profile = (tmp_path / "profiel").as_uri()
    command = [find_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
               "pdf", "--outdir", str(tmp_path / "alle"), *map(str, documents)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    for document in documents:
        data = (tmp_path / "alle" / document.with_suffix(".pdf").name).read_bytes()
        assert data.startswith(b"%PDF"), document.name
    shutil.copy(rendered / "plan.docx", tmp_path / "plan.docx")
    assert convert_to_pdf([tmp_path / "plan.docx"]) == [tmp_path / "plan.pdf"]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        assert "Integraal plan levenskwaliteit" in text
        assert "{{" not in text and "{%" not in text and ":::" not in text
        assert "Prioriteiten" in text and "Pagina 2 van" in text


def test_the_command_writes_a_summary(halle, livb):
    result = livb("render", "verslag", halle, "--vergadering", "2009-05-19-kerngroep")
    assert result.code == 0
    assert "verslag-2009-05-19-kerngroep.docx" in result.out
    unknown = livb("render", "verslag", halle, "--vergadering", "2009-05-20")
    assert unknown.code == 1 and "onbekende vergadering" in unknown.err


def test_docx_text_reads_a_real_document(rendered):
    lines = docx_text((rendered / "intentieverklaring.docx").read_bytes())
    assert lines[0] == "Title | Intentieverklaring"
    assert any(line.startswith("Heading 1 | ") for line in lines)


def test_a_signature_never_stands_alone_on_a_page(rendered):
    document = xml(rendered / "intentieverklaring.docx", "word/document.xml")
    body, table = document.split("<w:body>")[1].rsplit("<w:tbl>", 1)
    before = re.findall(r"<w:p>.*?</w:p>", body)[-2:]  # the approval and 'Ondertekend te ...'
    assert "Ondertekend te Halle" in before[-1]
    assert all("<w:keepNext/>" in p for p in before)
    rows = re.findall(r"<w:tr>.*?</w:tr>", table)
    assert all("<w:cantSplit/>" in row for row in rows)
    assert all("<w:keepNext/>" in row for row in rows[:-1])  # the rows stay together
    assert "<w:keepNext/>" not in rows[-1]
    # the document ends with the table: no empty paragraph that would make an empty page
    assert re.search(r"</w:tbl><w:sectPr", document)


def test_dates_in_narrow_cells_do_not_break(rendered):
    plan = "\n".join(docx_text((rendered / "plan.docx").read_bytes()))
    assert "| 1\u00a0sep.\u00a02010 \u2013 30\u00a0jun.\u00a02011 |" in plan
    assert "| 31\u00a0dec.\u00a02012 |" in plan
