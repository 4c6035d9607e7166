"""The document registry: a document is one module, one registry line, one template, one snapshot."""

from __future__ import annotations

import importlib
import pkgutil
import re

import livb.documents
from livb.core.resources import templates_dir
from livb.documents import DOCUMENTS

from helpers import NOT_FOR_HALLE, REPO, copy_example, halle_snapshots

# The modules of livb/documents that are the pipeline's own, not documents (and every _module).
INFRASTRUCTURE = {"charts", "compiled", "environment", "manifest", "render", "views"}


def document_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.iter_modules(livb.documents.__path__)
        if m.name not in INFRASTRUCTURE and not m.name.startswith("_")
    )


def test_every_document_module_is_registered():
    registered = {document.build.__module__ for document in DOCUMENTS.values()}
    for name in document_modules():
        module = importlib.import_module(f"livb.documents.{name}")
        assert hasattr(module, "DOCUMENT"), f"livb/documents/{name}.py defines no DOCUMENT"
        assert module.DOCUMENT is DOCUMENTS.get(module.DOCUMENT.name), f"{name} is not registered"
        assert module.__name__ in registered


def test_every_registered_document_has_a_module_a_template_and_a_snapshot():
    modules = {f"livb.documents.{name}" for name in document_modules()}
    in_halle = [name for name in DOCUMENTS if name not in NOT_FOR_HALLE]
    snapshots = dict(zip(in_halle, halle_snapshots(), strict=True))
    snapshots |= {name: DOCUMENTS[name].output_name(None) for name in NOT_FOR_HALLE}
    for name, document in DOCUMENTS.items():
        assert document.build.__module__ in modules, f"{name}: its view lives outside its module"
        assert (templates_dir() / "nl" / document.template).is_file(), f"{name}: no template"
        golden = REPO / "tests" / "golden" / snapshots[name].replace(".docx", ".txt")
        assert golden.is_file(), f"{name}: no reviewed snapshot {golden.name}"


def test_names_and_files_are_unique():
    files = [document.filename for document in DOCUMENTS.values()]
    assert len(set(files)) == len(files)
    assert "alle" not in DOCUMENTS


def test_the_readme_lists_every_document_with_its_step():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| ([^|]+) \|$", readme, re.MULTILINE))
    for name, document in DOCUMENTS.items():
        assert rows.get(name, "").strip() == document.stap, f"README: no row for {name}"


def test_render_help_lists_the_registry_as_a_table(livb):
    result = livb("render", "--help")
    assert result.code == 0
    lines = result.out.splitlines()
    start = lines.index("Documenten:")
    rows: dict[str, str] = {}
    for line in lines[start + 1 :]:
        if line.startswith("    "):  # a title wrapped onto the next line
            last = list(rows)[-1]
            rows[last] += " " + line.strip()
            continue
        name, _, text = line.strip().partition("  ")
        rows[name] = text.strip()
    for name, document in DOCUMENTS.items():
        step = "elke stap" if document.stap == "alle" else f"stap {document.stap}"
        assert rows[name] == f"{document.title} ({step})", name
    assert list(rows) == [*DOCUMENTS, "alle"]  # one row each, in the order of the method


def test_render_help_on_a_terminal_is_a_rich_table(livb, monkeypatch):
    import sys

    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = livb("render", "--help")
    assert result.code == 0
    shown = re.sub(r"\x1b\[[0-9;]*m", "", result.out)  # without the terminal's colours
    assert "╭" in shown  # typer's panels: this is the terminal's help
    table = shown[shown.index("Documenten") :]
    for name, document in DOCUMENTS.items():
        row = next(line for line in table.splitlines() if line.split()[:1] == [name])
        assert document.title in row and row.rstrip().endswith(
            "elke" if document.stap == "alle" else document.stap
        ), row


def _listed(livb, root, *options: str) -> dict[str, tuple[str, str]]:
    result = livb("render", "--lijst", root, *options)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["document", "stap", "nu"]
    step_at = lines[0].index("stap")
    now_at = lines[0].index("nu")
    rows = {}
    for line in lines[1 : lines.index("")]:
        rows[line[:step_at].strip()] = (line[step_at:now_at].strip(), line[now_at:])
    assert list(rows) == list(DOCUMENTS)
    return rows


def test_render_lijst_says_what_render_alle_makes_now_and_why_not(tmp_path, livb):
    fresh = tmp_path / "gemeente"
    assert livb("init", fresh, "--gemeente", "Lommel", "--no-git").code == 0
    rows = _listed(livb, fresh)
    assert rows["plan"] == ("3.6", "nee: nog geen prioriteiten in prioriteiten.yaml (stap 2.6)")
    assert rows["verslag"][1] == "nee: nog geen vergadering in vergaderingen/"
    assert rows["profiel"] == ("1.1", "ja")
    made = render_alle(livb, fresh)
    assert {name for name, (_, now) in rows.items() if now.startswith("ja")} == made
    # a folder in a later phase: what the list says, render alle makes, item by item
    halle = copy_example(tmp_path / "halle")
    rows = _listed(livb, halle)
    meetings = len(list((halle / "vergaderingen").glob("[0-9]*.yaml")))
    assert rows["verslag"] == ("elke", f"ja, {meetings}× (--vergadering ID of --alle)")
    made = render_alle(livb, halle)
    assert {name for name, (_, now) in rows.items() if now.startswith("ja")} == made


def render_alle(livb, root) -> set[str]:
    """The documents render alle made, by their registry name."""
    result = livb("render", "alle", root, "--datum", "2026-12-06")
    assert result.code == 0, result.err
    files = {p.name for p in (root / "output").glob("*.docx")}
    return {
        name
        for name, document in DOCUMENTS.items()
        if any(
            re.fullmatch(re.escape(document.filename).replace(r"\{item\}", ".+"), f) for f in files
        )
    }


def test_render_lijst_takes_its_folder_like_every_command(halle, livb, monkeypatch):
    monkeypatch.chdir(halle / "vergaderingen")
    found = livb("render", "--lijst")
    assert found.code == 0 and found.out == livb("render", "--lijst", halle).out
    both = livb("render", "--lijst", "plan", halle)
    assert both.code == 2 and "geef geen DOCUMENT op" in both.err
    nothing = livb("render", halle)  # a folder where a document belongs
    assert nothing.code == 2


def test_render_without_a_document_says_how_to_list_them(halle, livb, monkeypatch):
    monkeypatch.chdir(halle)
    result = livb("render")
    assert result.code == 2
    assert "zeg welk document" in result.err and "livb render --lijst" in result.err


def test_an_unknown_document_is_refused_with_the_choices(halle, livb):
    result = livb("render", "plannen", halle)
    assert result.code == 2
    assert "onbekend document 'plannen'" in result.err
    assert "plan" in result.err


def test_no_evaluation_or_year_report_before_the_plan_is_approved(tmp_path, livb):
    halle = copy_example(tmp_path / "halle")
    before = _listed(livb, halle, "--datum", "2009-10-20")
    reason = "nee: het plan is op 20 oktober 2009 nog niet goedgekeurd (stap 3.6)"
    assert before["evaluatie"][1] == reason and before["jaarrapport"][1] == reason
    after = _listed(livb, halle, "--datum", "2026-12-06")
    assert after["evaluatie"][1] == "ja" and after["jaarrapport"][1] == "ja"


def test_a_progress_report_the_gemeente_went_without_is_not_made(livb):
    rows = _listed(livb, REPO / "tests" / "projects" / "mechelen")
    assert rows["voortgangsrapport"][1].startswith(
        "nee, ook los enkel met --toch: de gemeente werkt zonder voortgangsrapport (LIVB311 "
        "staat uit: Geen apart"
    )


def test_no_brainstorm_handout_once_step_3_3_is_behind_the_city(livb, tmp_path):
    rows = _listed(livb, REPO / "tests" / "projects" / "mechelen")
    assert rows["brainstorm"][1].startswith(
        "nee, ook los enkel met --toch: stap 3.3 is anders ingevuld: ingevuld door"
    )
    halle = copy_example(tmp_path / "halle")
    assert _listed(livb, halle, "--datum", "2009-11-01")["brainstorm"][1] == "ja"  # to come
    done = _listed(livb, halle, "--datum", "2026-12-06")["brainstorm"][1]
    assert done.startswith("nee, ook los enkel met --toch: stap 3.3 is klaar: vergadering van ")


def test_no_protocol_without_the_fod_but_a_draft_when_asked(livb, tmp_path):
    root = tmp_path / "tielt"
    assert livb("init", root, "--gemeente", "Tielt").code == 0
    protocol = _listed(livb, root)["protocol"][1]
    assert protocol.startswith("nee: livb.yaml noemt geen begeleiding door de FOD")
    made = livb("render", "alle", root)
    assert made.code == 0, made.err
    assert not (root / "output" / "protocolakkoord.docx").exists()
    # a gemeente about to ask the FOD drafts one by name, its gaps marked: its moment has
    # not come yet, so it is not refused as one the folder has no reason for
    drafted = livb("render", "protocol", root)
    assert drafted.code == 0, drafted.err
    assert (root / "output" / "protocolakkoord.docx").exists()
    assert "gegevens in te vullen" in drafted.out
