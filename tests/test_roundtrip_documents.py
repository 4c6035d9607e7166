"""Edits made in Word come back from every kind of document, not only the plan and the minutes.

Each document is rendered once from one copy of Halle for the module; each test edits its XML
as Word saves an edit (tests/wordshapes.py) and imports it into a fresh copy of that folder.
One LibreOffice run for the module saves an edited protocol again.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from wordshapes import MAP_NAMESPACE, field_names, repack, replace_control, word_runs

from helpers import REPO, copy_example

DAY = dt.date(2026, 11, 21)
SHARED_TALK = "gesprekken/2009-01-27-schepen-korpschef.yaml"
CONFIDENTIAL_TALK = "gesprekken/2009-01-20-burgemeester.yaml"
PROTOCOL = "protocolakkoord.docx"
FOD_NAME = "actoren.yaml#/actoren/16/naam"  # the FOD's representative: parties and signature
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


RENDERS = {
    "besluit-college-voortgangsrapport.docx": ("besluit", "college-voortgangsrapport"),
    "gegevensaanvraag-koen-deprez.docx": ("gegevensaanvraag", "koen-deprez"),
    "intentieverklaring.docx": ("intentieverklaring", None),
    PROTOCOL: ("protocol", None),
    "profiel-coordinator.docx": ("profiel", None),
    "rapport-opstart.docx": ("rapport-opstart", None),
    "voortgangsrapport.docx": ("voortgangsrapport", None),
}
"""Each document of the tests, and how 'livb render' names it."""


class Rendered:
    """One copy of Halle for the module; each document rendered from it once, when asked for.

    A test worker renders only the documents its tests read (the progress report's charts
    are the dearest part of the module).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def output(self, filename: str) -> Path:
        """The rendered document (made now, the first time it is asked for)."""
        from livb.documents.render import RenderRequest, render_documents

        path = self.root / "output" / filename
        if not path.exists():
            document, item = RENDERS[filename]
            render_documents(RenderRequest(self.root, [document], item=item, today=DAY))
        return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Halle, with one orientation talk that may be shared."""
    root = copy_example(tmp_path_factory.mktemp("documenten") / "halle")
    talk = root / SHARED_TALK
    talk.write_text(talk.read_text(encoding="utf-8") + "vertrouwelijk: false\n", "utf-8")
    return Rendered(root)


def _body_and_map(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as package:
        texts = {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        }
    (field_map,) = [t for n, t in texts.items() if MAP_NAMESPACE in t and "Props" not in n]
    return texts["word/document.xml"], field_map


def _controls(body: str, name: str) -> list[str]:
    """The text of each content control of a field, in document order."""
    found = re.findall(f'<w:tag w:val="{name}"/>.*?<w:sdtContent>(.*?)</w:sdtContent>', body)
    return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)) for xml in found]


def _value(root: Path, place: str) -> Any:
    file, _, pointer = place.partition("#/")
    node = YAML(typ="safe").load((root / file).read_text(encoding="utf-8"))
    for part in pointer.split("/"):
        node = node[int(part) if part.isdigit() else part]
    return node


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*.yaml")
        if "output" not in p.parts and ".livb" not in p.parts
    }


def _edited(document: Path, place: str, pieces: Any, occurrence: int = 0) -> bytes:
    """The document with one content control of a field edited as Word saves it."""

    def edit(body: str, names: dict[str, str]) -> str:
        text = _controls(body, names[place])[occurrence]
        return replace_control(body, names[place], word_runs(*pieces(text)), occurrence)

    return repack(document.read_bytes(), edit)


# Each case: the document, the field, Word's edit of its shown text, the text it then holds.
CASES = {
    "besluit": (
        "besluit-college-voortgangsrapport.docx",
        "prioriteiten.yaml#/prioriteiten/1/titel",
        lambda t: [("keep", t), ("ins", " in de stad")],
        lambda t: t + " in de stad",
    ),
    "intentieverklaring": (
        "intentieverklaring.docx",
        "besluiten.yaml#/besluiten/4/referentie",
        lambda t: [("del", t), ("ins", "GR 2009/039")],
        lambda t: "GR 2009/039",
    ),
    "protocol": (
        PROTOCOL,
        "actoren.yaml#/actoren/16/functie",
        lambda t: [("keep", t), ("type", " (Directie Lokale Integrale Veiligheid)")],
        lambda t: t + " (Directie Lokale Integrale Veiligheid)",
    ),
    "profiel": (
        "profiel-coordinator.docx",
        "actoren.yaml#/actoren/3/organisatie",
        lambda t: [("keep", t), ("ins", ", dienst Levenskwaliteit")],
        lambda t: t + ", dienst Levenskwaliteit",
    ),
    "rapport_opstart": (
        "rapport-opstart.docx",
        f"{SHARED_TALK}#/samenvatting",
        lambda t: [("keep", t), ("ins", " De korpschef wil meedoen.")],
        lambda t: t + " De korpschef wil meedoen.",
    ),
    "voortgangsrapport": (
        "voortgangsrapport.docx",
        "vergaderingen/2009-05-19-kerngroep.yaml#/titel",
        lambda t: [("keep", t), ("ins", " (tweede vergadering)")],
        lambda t: t + " (tweede vergadering)",
    ),
    "gegevensaanvraag": (
        "gegevensaanvraag-koen-deprez.docx",
        "diagnostiek/bronnen.yaml#/bronnen/0/periode",
        lambda t: [("del", t), ("ins", "2005-2009")],
        lambda t: "2005-2009",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_an_edit_in_word_comes_back_into_its_file_and_place(rendered, livb, tmp_path, case):
    document, place, pieces, expected = CASES[case]
    shown = _controls(*_named(rendered.output(document), place))[0]
    assert shown == _value(rendered.root, place)  # the mark sits on the field's own text
    folder = copy_example(tmp_path / "halle", rendered.root)
    before = _files(folder)
    edited = tmp_path / document
    edited.write_bytes(_edited(rendered.output(document), place, pieces))
    result = livb("import", edited, folder)
    assert result.code == 0, result.err
    assert result.out.startswith(f"{place}: ")
    assert _value(folder, place) == expected(shown)
    after = _files(folder)
    file = place.partition("#")[0]
    assert [name for name in before if before[name] != after[name]] == [file]


def _named(path: Path, place: str) -> tuple[str, str]:
    body, field_map = _body_and_map(path)
    return body, field_names(body, field_map)[place]


def test_no_confidential_talk_is_marked_and_a_shared_one_is(rendered):
    _, field_map = _body_and_map(rendered.output("rapport-opstart.docx"))
    places = re.findall(r'plaats="([^"]+)"', field_map)
    assert f"{SHARED_TALK}#/samenvatting" in places
    assert not [p for p in places if p.startswith(CONFIDENTIAL_TALK)]


def test_the_new_documents_mark_no_text_of_the_template(rendered):
    """Every marked text is the text of its field (or a name the template joins to nothing)."""
    for name in ("protocolakkoord.docx", "intentieverklaring.docx", "profiel-coordinator.docx"):
        body, field_map = _body_and_map(rendered.output(name))
        for bookmark, place in re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map):
            for text in _controls(body, bookmark):
                assert text.lower() in str(_value(rendered.root, place)).lower(), (name, place)


def _all_names(path: Path, place: str) -> list[str]:
    """The bookmark name of each place in the document that shows the field."""
    _, field_map = _body_and_map(path)
    return [n for n, p in re.findall(r'<veld naam="([^"]+)" plaats="([^"]+)"', field_map)
            if p == place]  # fmt: skip


def _names_typed(document: Path, *names: str) -> bytes:
    """The document with the field's text typed over in each place, one name per place."""
    shown = _all_names(document, FOD_NAME)
    assert len(shown) >= len(names)

    def edit(body: str, _: dict[str, str]) -> str:
        for bookmark, name in zip(shown, names, strict=False):
            if name is not None:
                body = replace_control(body, bookmark, word_runs(("type", name)))
        return body

    return repack(document.read_bytes(), edit)


def test_a_name_edited_differently_in_two_places_is_a_conflict_and_nothing_is_written(
    rendered, livb, tmp_path
):
    folder = copy_example(tmp_path / "halle", rendered.root)
    before = _files(folder)
    edited = tmp_path / PROTOCOL
    edited.write_bytes(_names_typed(rendered.output(PROTOCOL), "Jan Peeters", "Jan Pieters"))
    result = livb("import", edited, folder)
    assert result.code == 1
    assert f"{FOD_NAME}: het document geeft het veld op 2 plaatsen een andere tekst" in result.err
    assert "'Jan Peeters'" in result.err and "'Jan Pieters'" in result.err
    assert _files(folder) == before


def test_a_name_edited_in_one_of_its_places_comes_back(rendered, livb, tmp_path):
    folder = copy_example(tmp_path / "halle", rendered.root)
    edited = tmp_path / PROTOCOL
    edited.write_bytes(_names_typed(rendered.output(PROTOCOL), None, "Jan Peeters"))
    assert _value(folder, FOD_NAME) != "Jan Peeters"
    result = livb("import", edited, folder)
    assert result.code == 0, result.err
    assert _value(folder, FOD_NAME) == "Jan Peeters"


@pytest.mark.parametrize(
    ("change", "said", "hint"),
    [
        ("no map", "werd gemaakt door een oudere livb, die nog niet bijhield", "opnieuw"),
        ("format 0", "werd gemaakt door een oudere livb (livb ", "opnieuw"),
        ("format 99", "een nieuwere livb dan deze", "werk deze livb bij"),
    ],
)
def test_a_document_of_another_livb_says_what_to_do(rendered, livb, tmp_path, change, said, hint):
    document = rendered.output("profiel-coordinator.docx")
    if change == "no map":
        data = _without_map(document.read_bytes())
    else:
        number = change.split()[1]
        data = repack(
            document.read_bytes(),
            map_edit=lambda text: re.sub(r'formaat="\d+"', f'formaat="{number}"', text),
        )
    edited = tmp_path / "profiel-coordinator.docx"
    edited.write_bytes(data)
    result = livb("import", edited, rendered.root)
    assert result.code == 1
    assert said in result.err
    assert "niet door livb gemaakt" not in result.err
    assert hint in result.err.partition("hulp:")[2]


def _without_map(data: bytes) -> bytes:
    """The package as a livb before the field marks wrote it: no custom XML part."""
    import io

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if not name.startswith("customXml/"):
                target.writestr(name, source.read(name))
    return out.getvalue()


@pytest.fixture(scope="module")
def saved_by_libreoffice(rendered: Rendered, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The protocol, edited in Word (the FOD's function), then saved again by LibreOffice."""
    if SOFFICE is None:
        if os.environ.get("LIVB_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice is required (LIVB_REQUIRE_LIBREOFFICE=1) but not installed")
        pytest.skip("LibreOffice is not installed")
    document, place, pieces, _ = CASES["protocol"]
    base = tmp_path_factory.mktemp("libreoffice")
    edited = base / "in-word" / document
    edited.parent.mkdir()
    edited.write_bytes(_edited(rendered.output(document), place, pieces))
    out = base / "in-libreoffice"
    command = [SOFFICE, f"-env:UserInstallation={(base / 'profiel').as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(out), str(edited)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return out / document


def test_a_protocol_saved_again_by_libreoffice_still_imports(
    rendered, saved_by_libreoffice, livb, tmp_path
):
    _, place, _, expected = CASES["protocol"]
    with zipfile.ZipFile(saved_by_libreoffice) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert re.search(r'w:name="_livbv\d+"', body)  # LibreOffice keeps the bookmarks
    folder = copy_example(tmp_path / "halle", rendered.root)
    old = _value(folder, place)
    result = livb("import", saved_by_libreoffice, folder)
    assert result.code == 0, result.err
    assert _value(folder, place) == expected(old)


def test_a_name_of_another_folder_comes_back_with_only_its_line_changed(livb, tmp_path):
    """Kortenaken, early in the process: the mayor's name edited under the declaration."""
    from livb.documents.render import RenderRequest, render_documents

    folder = copy_example(tmp_path / "ontwerp", REPO / "tests" / "projects" / "ontwerp")
    render_documents(RenderRequest(folder, ["intentieverklaring"], today=DAY))
    document = folder / "output" / "intentieverklaring.docx"
    place = "actoren.yaml#/actoren/0/naam"
    old = _value(folder, place)
    names = _all_names(document, place)
    assert len(names) >= 2  # in the text and under the signature

    def edit(body: str, _: dict[str, str]) -> str:
        return replace_control(body, names[-1], word_runs(("keep", old), ("ins", "-Peeters")))

    before = (folder / "actoren.yaml").read_text(encoding="utf-8").splitlines()
    document.write_bytes(repack(document.read_bytes(), edit))
    result = livb("import", document, folder)
    assert result.code == 0, result.err
    after = (folder / "actoren.yaml").read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        (f"    naam: {old}", f"    naam: {old}-Peeters")
    ]
