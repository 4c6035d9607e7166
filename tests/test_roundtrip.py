"""Edits made in Word come back: the field marks of a rendered document, and 'livb import'."""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from wordshapes import (
    FIRST,
    GOAL,
    MAP_NAMESPACE,
    REVIEWER,
    RSID,
    VISIE,
    comment_parts,
    field_names,
    first_visie_paragraph,
    repack,
    replace_control,
    with_comment,
    word_runs,
)

from gitrepo import commit, init, needs_git
from helpers import REPO, copy_example, copy_folder


@pytest.fixture(scope="module")
def plan_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Halle with its plan rendered once for the module (copy it before changing anything)."""
    from livb.documents.render import RenderRequest, render_documents

    root = copy_example(tmp_path_factory.mktemp("plan") / "halle")
    render_documents(RenderRequest(root=root, documents=["plan"]))
    return root


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _field_map(parts: dict[str, str]) -> str:
    (found,) = [text for name, text in parts.items() if MAP_NAMESPACE in text and "item" in name
                and "itemProps" not in name]  # fmt: skip
    return found


def test_each_text_field_has_a_bookmark_a_control_and_a_place_in_the_map(plan_folder):
    parts = _parts(plan_folder / "output" / "plan.docx")
    body, field_map = parts["word/document.xml"], _field_map(parts)
    places = dict(re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map))
    assert "plan.yaml#/visie" in places.values()
    action = "doelstellingen/samenleven.yaml#/strategische_doelstellingen/0/titel"
    assert action in places.values()
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="(_livbv\d+)"/>', body))
    tags = set(re.findall(r'<w:tag w:val="(_livbv\d+)"/>', body))
    assert bookmarks == tags == set(places)
    visie = next(name for name, place in places.items() if place == "plan.yaml#/visie")
    # the visie has two paragraphs: one bookmark around both, a content control in each
    assert body.count(f'<w:tag w:val="{visie}"/>') == 2
    assert '<w:alias w:val="plan.yaml: visie"/>' in body
    aliases = re.findall(r'<w:alias w:val="([^"]+)"/>', body)
    assert "samenleven.yaml: strategische 1 › titel" in aliases
    assert all(len(alias) <= 64 for alias in aliases)


def test_fixed_template_text_is_not_marked(plan_folder):
    body = _parts(plan_folder / "output" / "plan.docx")["word/document.xml"]
    for control in re.findall(r"<w:sdtContent>(.*?)</w:sdtContent>", body):
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", control))
        assert "Het plan streeft" not in text and "Dit plan beschrijft" not in text


def test_the_map_says_where_the_document_comes_from(plan_folder):
    field_map = _field_map(_parts(plan_folder / "output" / "plan.docx"))
    assert 'gemeente="Halle"' in field_map and 'document="plan"' in field_map
    assert 'versie=""' in field_map


def test_a_confidential_interview_has_no_place_to_mark(halle):
    from livb.folder.project import load_project
    from livb.model.walk import model_places

    project = load_project(halle).project
    assert project is not None
    files = {path for path, _ in model_places(project, confidential=False).values()}
    everything = {path for path, _ in model_places(project, confidential=True).values()}
    interviews = {path for path in everything if path.startswith("gesprekken/")}
    assert interviews and not files & interviews
    assert "plan.yaml" in files


# -- livb import of a document edited as Word edits it -------------------------------------------


@pytest.fixture
def folder(plan_folder: Path, tmp_path: Path) -> Path:
    """A fresh copy of the folder with its rendered plan."""
    root = tmp_path / "halle"
    copy_folder(plan_folder, root)
    return root


def _visie_edit(*pieces: tuple[str, str]) -> Callable[[str, dict[str, str]], str]:
    def edit(body: str, names: dict[str, str]) -> str:
        return replace_control(body, names[VISIE], word_runs(*pieces))

    return edit


def _edited(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _rest_of_visie(folder: Path) -> str:
    body = zipfile.ZipFile(folder / "output" / "plan.docx").read("word/document.xml").decode()
    return first_visie_paragraph(
        body, field_names(body, _field_map(_parts(folder / "output" / "plan.docx")))
    )


def test_a_dry_run_shows_each_changed_field_and_writes_nothing(folder, livb):
    rest = _rest_of_visie(folder).removeprefix(FIRST)
    data = repack(
        (folder / "output" / "plan.docx").read_bytes(),
        _visie_edit(
            ("keep", "Halle wil een "),
            ("type", "warme "),
            ("keep", "stad zijn" + FIRST[17:] + rest),
        ),
    )
    before = (folder / "plan.yaml").read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder, "--droog")
    assert result.code == 0, result.err
    assert f"{VISIE}: 'Halle wil een stad zijn" in result.out
    assert "→ 'Halle wil een warme stad zijn" in result.out
    assert "Niets geschreven (--droog)." in result.out
    assert (folder / "plan.yaml").read_bytes() == before


def test_an_import_writes_only_the_changed_text_and_keeps_the_rest_of_the_file(folder, livb):
    rest = _rest_of_visie(folder).removeprefix(FIRST)
    data = repack(
        (folder / "output" / "plan.docx").read_bytes(),
        _visie_edit(
            ("keep", "Halle wil een "),
            ("type", "warme "),
            ("keep", "stad zijn" + FIRST[17:] + rest),
        ),
    )
    before = (folder / "plan.yaml").read_text(encoding="utf-8")
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert "Geschreven: plan.yaml." in result.out
    after = (folder / "plan.yaml").read_text(encoding="utf-8")
    assert "Halle wil een warme stad zijn" in after
    removed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "-+"
    ]
    visie_lines = before.split("visie: |", 1)[1].split("\n\n", 1)[0]
    assert all(line[2:] in visie_lines or line[2:] in after for line in removed)
    assert before.count("#") == after.count("#")  # every comment still there
    again = livb("import", folder / "nagelezen.docx", folder)  # nothing left to take over
    assert again.code == 0 and "Geen wijzigingen" in again.out


def test_runs_split_as_word_saves_them_are_no_change(folder, livb):
    text = _rest_of_visie(folder)
    data = repack(
        (folder / "output" / "plan.docx").read_bytes(),
        _visie_edit(("keep", text[:40]), ("keep", text[40:])),
    )
    before = (folder / "plan.yaml").read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert "Geen wijzigingen in nagelezen.docx." in result.out
    assert (folder / "plan.yaml").read_bytes() == before


def test_tracked_changes_count_as_accepted_and_are_counted_by_author(folder, livb):
    rest = _rest_of_visie(folder).removeprefix(FIRST)
    data = repack(
        (folder / "output" / "plan.docx").read_bytes(),
        _visie_edit(
            ("keep", "Halle wil een "),
            ("del", "stad"),
            ("ins", "gemeente"),
            ("keep", " zijn" + FIRST[21:] + rest),
        ),
    )
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    after = (folder / "plan.yaml").read_text(encoding="utf-8")
    assert "Halle wil een gemeente zijn" in after and "een stadgemeente" not in after
    assert (
        f"2 bijgehouden wijzigingen van {REVIEWER} (2), gelezen alsof ze aanvaard zijn: 2 in de velden\n"
        in result.out
    )


def test_comments_are_listed_with_their_field_and_never_written(folder, livb):
    original = (folder / "output" / "plan.docx").read_bytes()
    data = repack(original, with_comment, comment_parts(original))
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert "1 opmerking om af te handelen:" in result.out
    assert f"{REVIEWER} bij {GOAL}: Is dit nog de visie van het nieuwe college?" in result.out
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before


def test_a_field_changed_in_the_folder_since_the_render_is_a_conflict(folder, livb):
    rest = _rest_of_visie(folder).removeprefix(FIRST)
    data = repack(
        (folder / "output" / "plan.docx").read_bytes(),
        _visie_edit(
            ("keep", "Halle wil een "),
            ("type", "warme "),
            ("keep", "stad zijn" + FIRST[17:] + rest),
        ),
    )
    plan = folder / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "Halle wil een stad", "Halle wil een veilige stad"
        ),
        encoding="utf-8",
    )
    before = plan.read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 1
    assert f"conflict in {VISIE}" in result.err
    assert "de map zegt nu 'Halle wil een veilige stad" in result.err
    assert "het document zegt 'Halle wil een warme stad" in result.err
    assert plan.read_bytes() == before


def test_a_new_paragraph_outside_any_field_is_named(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        heading = body.rindex(">Uitgangspunten</w:t>")  # the heading, not its line in the contents
        paragraph = body.rindex("<w:p>", 0, heading)
        new = f"<w:p{RSID}><w:r{RSID}><w:t>Een zin die de schepen toevoegde.</w:t></w:r></w:p>"
        return body[:paragraph] + new + body[paragraph:]

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert "is nieuw en hoort bij geen veld: 'Een zin die de schepen toevoegde.'" in result.out
    assert "(na 'Visie')" in result.out  # the text before it: the visie is a field
    assert "neem ze over in plan.yaml of in het sjabloon" in result.out


def test_a_deleted_field_is_said_and_its_value_kept(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        name = names[GOAL]
        start = body.index(f'w:name="{name}"')
        paragraph = body.rindex("<w:p>", 0, start)
        return body[:paragraph] + body[body.index("</w:p>", start) + len("</w:p>") :]

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    before = (folder / "doelstellingen" / "samenleven.yaml").read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert f"{GOAL}: het veld staat niet meer in het document" in result.out
    assert (folder / "doelstellingen" / "samenleven.yaml").read_bytes() == before


def test_a_text_the_rules_refuse_is_refused_with_the_message_of_check(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        return replace_control(body, names[GOAL], word_runs(("del", "weg")))

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    before = (folder / "doelstellingen" / "samenleven.yaml").read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 1
    assert "breekt de regels van de map" in result.err
    assert "doelstellingen/samenleven.yaml:" in result.err and "paragraaf" in result.err
    assert (folder / "doelstellingen" / "samenleven.yaml").read_bytes() == before


def test_a_document_of_another_folder_is_refused(folder, livb, tmp_path):
    other = copy_example(tmp_path / "ander", REPO / "tests" / "projects" / "klein")
    result = livb("import", folder / "output" / "plan.docx", other)
    assert result.code == 1
    assert "werd gemaakt uit een andere map (gemeente Halle" in result.err


@needs_git
def test_a_document_of_a_revision_is_refused(livb, tmp_path):
    top = init(tmp_path / "repo")
    folder = copy_example(top / "halle")
    head = commit(top, "Het plan zoals goedgekeurd", "goedgekeurd")
    assert livb("render", "plan", folder, "--versie", "goedgekeurd").code == 0
    result = livb("import", folder / "output" / "versie-goedgekeurd" / "plan.docx", folder)
    assert result.code == 1
    assert f"vroegere versie van de map (livb render --versie, commit {head[:7]})" in result.err


def test_a_document_livb_did_not_make_is_refused(folder, livb):
    import docx

    document = docx.Document()
    document.add_paragraph("Een plan, in Word getypt.")
    document.save(str(folder / "getypt.docx"))
    result = livb("import", folder / "getypt.docx", folder)
    assert result.code == 1
    assert "werd niet door livb gemaakt" in result.err


def test_a_rendered_document_imported_in_place_is_livb_s_again(folder, livb):
    from livb.documents.manifest import Manifest

    rest = _rest_of_visie(folder).removeprefix(FIRST)
    path = folder / "output" / "plan.docx"
    path.write_bytes(
        repack(
            path.read_bytes(),
            _visie_edit(
                ("keep", "Halle wil een "),
                ("type", "warme "),
                ("keep", "stad zijn" + FIRST[17:] + rest),
            ),
        )
    )
    assert Manifest.read(path.parent).changed_by_hand("plan.docx", path.read_bytes())
    result = livb("import", path, folder)
    assert result.code == 0, result.err
    assert not Manifest.read(path.parent).changed_by_hand("plan.docx", path.read_bytes())
    assert livb("render", "plan", folder).code == 0  # no hand edit to protect any more


def _control_text(body: str, name: str) -> str:
    match = re.search(f'<w:tag w:val="{name}"/>.*?<w:sdtContent>(.*?)</w:sdtContent>', body)
    assert match is not None
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(1)))


def test_the_minutes_of_a_meeting_come_back_too(halle, livb):
    meeting = "2009-05-19-kerngroep"
    assert livb("render", "verslag", halle, "--vergadering", meeting).code == 0
    path = halle / "output" / f"verslag-{meeting}.docx"
    place = f"vergaderingen/{meeting}.yaml#/agenda/1/verslag"

    def edit(body: str, names: dict[str, str]) -> str:
        text = _control_text(body, names[place])
        return replace_control(
            body, names[place], word_runs(("keep", text), ("ins", " Goedgekeurd."))
        )

    path.write_bytes(repack(path.read_bytes(), edit))
    result = livb("import", path, halle)
    assert result.code == 0, result.err
    assert result.out.startswith(f"{place}: ")
    from livb.folder.project import load_project

    project = load_project(halle).project
    assert project is not None
    assert project.vergaderingen[meeting].agenda[1].verslag.endswith(" Goedgekeurd.")


def test_a_folded_text_of_another_folder_comes_back_as_the_same_text(livb, tmp_path):
    from livb.folder.project import load_project
    from livb.word.ir import field_text

    root = copy_example(tmp_path / "mechelen", REPO / "tests" / "projects" / "mechelen")
    assert livb("render", "plan", root).code == 0
    path = root / "output" / "plan.docx"
    new = ""

    def edit(body: str, names: dict[str, str]) -> str:
        nonlocal new
        text = _control_text(body, names[VISIE])
        new = text.replace("realistisch, vernieuwend", "realistisch, moedig, vernieuwend")
        assert new != text
        cut = text.index("vernieuwend")
        return replace_control(
            body,
            names[VISIE],
            word_runs(("keep", text[:cut]), ("ins", "moedig, "), ("keep", text[cut:])),
        )

    path.write_bytes(repack(path.read_bytes(), edit))
    result = livb("import", path, root)
    assert result.code == 0, result.err
    project = load_project(root).project
    assert project is not None and project.plan.visie is not None
    assert field_text(project.plan.visie) == new
    again = livb("import", path, root).out.splitlines()
    assert again[-1] == "Geen wijzigingen in plan.docx."


def test_bold_given_to_a_field_is_said_to_be_lost_and_its_text_kept(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        text = _control_text(body, names[GOAL])
        runs = (
            f'<w:r{RSID}><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{text}!</w:t></w:r>'
        )
        return replace_control(body, names[GOAL], runs)

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert f"{GOAL}: de opmaak (vet) gaat verloren" in result.out
    assert result.out.startswith(f"{GOAL}: ")  # the text itself comes back


def test_a_paragraph_added_inside_a_field_becomes_a_paragraph_of_its_text(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        start = body.index(f'<w:tag w:val="{names[VISIE]}"/>')
        end = body.index("</w:p>", start) + len("</w:p>")  # Enter at the end of the first one
        new = f"<w:p{RSID}><w:r{RSID}><w:t>Samen maken we het verschil.</w:t></w:r></w:p>"
        return body[:end] + new + body[end:]

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    from livb.folder.project import load_project

    project = load_project(folder).project
    assert project is not None and project.plan.visie is not None
    paragraphs = project.plan.visie.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[1] == "Samen maken we het verschil."


def test_a_template_that_changes_how_a_field_looks_gives_no_change_on_import(halle, livb):
    own = (REPO / "templates" / "nl" / "plan.md.j2").read_text(encoding="utf-8")
    assert "{{ visie }}" in own
    (halle / "templates").mkdir(exist_ok=True)
    (halle / "templates" / "plan.md.j2").write_text(own.replace("{{ visie }}", "{{ visie | cel }}"))
    assert livb("render", "plan", halle).code == 0
    result = livb("import", halle / "output" / "plan.docx", halle)
    assert result.code == 0, result.err
    assert result.out == "Geen wijzigingen in plan.docx.\n"


def test_capitals_a_template_adds_to_a_field_drop_its_marks():
    from livb.documents.environment import capital
    from livb.word.ir import FieldText, split_missing

    assert capital(FieldText("veilig wonen", "plan.yaml#/visie")) == "Veilig wonen"
    kept = capital(FieldText("Veilig wonen", "plan.yaml#/visie"))
    assert [part for part in split_missing(kept) if isinstance(part, str)] == ["Veilig wonen"]
    assert len(split_missing(kept)) == 3  # the start mark, the text, the end mark


def test_a_file_that_is_no_word_document_is_refused_in_dutch(folder, livb):
    (folder / "kapot.docx").write_bytes(b"dit is geen zip")
    result = livb("import", folder / "kapot.docx", folder)
    assert result.code == 1
    assert "'kapot.docx' is geen leesbaar Word-document: het is geen .docx-pakket" in result.err
    assert "Traceback" not in result.err


def test_the_reader_expands_no_entities_of_a_hostile_document():
    from livb.word.reader import read_document

    body = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&geheim;</w:t></w:r></w:p></w:body></w:document>"
    )
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as target:
        target.writestr("word/document.xml", body)
    read = read_document(package.getvalue())
    assert read.origin is None
    assert all("root:" not in paragraph.text for paragraph in read.outside)


def test_one_field_given_two_different_texts_in_the_document_is_refused(folder, livb):
    place = "diagnostiek/bevindingen.yaml#/bevindingen/0/titel"

    def edit(body: str, names: dict[str, str]) -> str:
        field_map = _field_map(_parts(folder / "output" / "plan.docx"))
        shown = [
            n
            for n, p in re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map)
            if p == place
        ]
        assert len(shown) == 2  # in the diagnostiek's summary and under its priority
        body = replace_control(body, shown[0], word_runs(("type", "Eerste nieuwe titel")))
        return replace_control(body, shown[1], word_runs(("type", "Tweede nieuwe titel")))

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    before = (folder / "diagnostiek" / "bevindingen.yaml").read_bytes()
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 1
    assert f"{place}: het document geeft het veld op 2 plaatsen een andere tekst" in result.err
    assert (folder / "diagnostiek" / "bevindingen.yaml").read_bytes() == before


def test_a_field_made_into_a_list_item_is_said_to_lose_its_bullet(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        start = body.index(f'<w:tag w:val="{names[VISIE]}"/>')
        paragraph = body.rindex("<w:p>", 0, start)
        bullet = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        return body[: paragraph + len("<w:p>")] + bullet + body[paragraph + len("<w:p>") :]

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder)
    assert result.code == 0, result.err
    assert f"{VISIE}: de opmaak (opsomming) gaat verloren" in result.out
    assert "uitgangspunten" not in result.out  # rendered as a list: no news


def test_the_diff_of_a_long_text_shows_where_it_changed(folder, livb):
    def edit(body: str, names: dict[str, str]) -> str:
        text = first_visie_paragraph(body, names)
        cut = text.index("naar school")
        return replace_control(
            body,
            names[VISIE],
            word_runs(("keep", text[:cut]), ("ins", "veilig "), ("keep", text[cut:])),
        )

    data = repack((folder / "output" / "plan.docx").read_bytes(), edit)
    result = livb("import", _edited(folder, "nagelezen.docx", data), folder, "--droog")
    assert result.code == 0, result.err
    (line,) = [line for line in result.out.splitlines() if line.startswith(VISIE)]
    assert "→ '…" in line and "veilig naar school" in line.split("→")[1]
    assert "veilig" not in line.split("→")[0]


def test_the_year_report_s_outlook_edited_in_word_comes_back_into_its_year(halle, livb):
    assert livb("render", "jaarrapport", halle, "--datum", "2012-03-01").code == 0
    document = halle / "output" / "jaarrapport.docx"
    place = "monitoring/2011.yaml#/vooruitblik"
    assert place in _field_map(_parts(document))
    new = "In 2012 breidt de stad het buurtbemiddelingsproject uit naar twee wijken."
    data = repack(
        document.read_bytes(),
        lambda body, names: replace_control(body, names[place], word_runs(("type", new))),
    )
    before = (halle / "monitoring" / "2011.yaml").read_bytes()
    result = livb("import", _edited(halle, "jaarrapport-nagelezen.docx", data), halle, "--droog")
    assert result.code == 0, result.err
    assert f"{place}: '2012 is het laatste jaar" in result.out
    assert "→ 'In 2012 breidt de stad het buurtbemiddelingsproject" in result.out
    assert (halle / "monitoring" / "2011.yaml").read_bytes() == before
    written = livb("import", _edited(halle, "jaarrapport-nagelezen.docx", data), halle)
    assert written.code == 0, written.err
    from livb.folder.project import load_project

    project = load_project(halle).project
    assert project is not None and project.monitoring[2011].vooruitblik == new
