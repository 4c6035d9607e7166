"""livb init: a new folder that passes livb check, never written over an existing one."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.method.rules import RULES
from livb.model import FILE_KINDS


def test_init_then_check_passes(tmp_path, livb):
    target = tmp_path / "x"
    created = livb("init", target, "--gemeente", "Testgem", "--no-input")
    assert created.code == 0, created.err
    assert "bedoelde je" not in created.err  # nothing close to 'Testgem'
    assert "Testgem" in created.err
    checked = livb("check", target)
    assert checked.code == 0, checked.out
    assert "LIVB106" in checked.out  # the NIS code is still to be filled in


def test_init_fills_nis_code_and_province_from_statbel(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    result = create_folder(InitRequest(tmp_path / "h", "hal", git=False))
    assert (result.naam, result.nis) == ("Halle", "23027")
    loaded = load_project(tmp_path / "h")
    assert loaded.project is not None
    gemeente = loaded.project.instellingen.gemeente
    assert (gemeente.naam, gemeente.nis_code, gemeente.provincie) == (
        "Halle",
        "23027",
        "Vlaams-Brabant",
    )


def test_init_in_brussels_has_no_province(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "a", "Anderlecht", git=False, taal="nl"))
    loaded = load_project(tmp_path / "a")
    assert loaded.project is not None
    assert loaded.project.instellingen.gemeente.provincie is None
    assert run_checks(tmp_path / "a").exit_code(strict=False) == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Hale", "Halle (NIS 23027)"), ("Borsbeek", "Antwerpen (NIS 11002)")],
)
def test_unknown_or_merged_name_gets_a_suggestion(tmp_path, livb, name, expected):
    result = livb("init", tmp_path / "x", "--gemeente", name, "--no-input", "--no-git")
    assert result.code == 0
    assert f"bedoelde je {expected}" in result.err


def test_merged_name_says_when_it_merged(tmp_path, livb):
    result = livb("init", tmp_path / "x", "-g", "Melle", "--no-input", "--no-git")
    assert "1 januari 2025" in result.err and "Merelbeke-Melle" in result.err


def test_init_refuses_a_non_empty_folder_and_leaves_it_alone(tmp_path, livb):
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "notities.txt").write_text("mijn werk", encoding="utf-8")
    result = livb("init", target, "--gemeente", "Halle", "--no-input")
    assert result.code == 1
    assert "niet leeg" in result.err and "Traceback" not in result.err
    assert [p.name for p in target.iterdir()] == ["notities.txt"]
    assert (target / "notities.txt").read_text(encoding="utf-8") == "mijn werk"


def test_init_without_gemeente_and_without_terminal_is_a_usage_error(tmp_path, livb):
    result = livb("init", tmp_path / "x", "--no-input")
    assert result.code == 2
    assert "--gemeente" in result.err


def test_init_with_unknown_nis_code(tmp_path, livb):
    result = livb("init", tmp_path / "x", "-g", "Halle", "--nis", "99999", "--no-input")
    assert result.code == 2 and result.err.startswith("gebruik: de NIS-code 99999 bestaat niet\n")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("name", "nis", "message", "hint"),
    [
        ("Halle", "44021", "NIS 44021 is Gent, niet Halle", "Halle heeft NIS 23027"),
        ("Liège", "23027", "NIS 23027 is Halle, niet Liège", "Liège heeft NIS 62063"),
        ("Melle", "44021", "NIS 44021 is Gent, niet Melle", "Merelbeke-Melle heeft NIS 44088"),
    ],
)
def test_a_nis_code_of_another_gemeente_is_refused(tmp_path, livb, name, nis, message, hint):
    result = livb("init", tmp_path / "x", "-g", name, "--nis", nis, "--no-input", "--no-git")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"gebruik: {message}\n    hulp: {hint}; laat --nis weg of verbeter de naam of de code\n"
    )
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("name", "nis", "said"),
    [
        ("halle", "23027", "Gemeentemap voor Halle (NIS 23027) aangemaakt"),
        ("Borsbeek", "11002", "Gemeentemap voor Antwerpen (NIS 11002) aangemaakt"),
        ("Liège", "62063", "Dossier de la commune de Liège (INS 62063) créé"),  # a French folder
    ],
)
def test_a_nis_code_that_fits_the_name_is_taken(tmp_path, livb, name, nis, said):
    result = livb("init", tmp_path / "x", "-g", name, "--nis", nis, "--no-input", "--no-git")
    assert result.code == 0, result.err
    assert "waarschuwing" not in result.err and "avertissement" not in result.err
    assert said in result.out


def test_a_name_not_in_the_list_takes_the_name_of_the_nis_code(tmp_path, livb):
    result = livb(
        "init", tmp_path / "x", "-g", "Ledeberg", "--nis", "44021", "--no-input", "--no-git"
    )
    assert result.code == 0
    assert result.err == (
        "waarschuwing: 'Ledeberg' staat niet in de lijst van Statbel; "
        "livb neemt de naam van NIS 44021\n"
    )
    assert "naam: Gent" in (tmp_path / "x" / "livb.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_an_empty_name_is_refused(tmp_path, livb, name):
    result = livb("init", tmp_path / "x", "--gemeente", name, "--no-input")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "gebruik: de naam van de gemeente is leeg\n    hulp: geef de naam op, bv. --gemeente Halle\n"
    )
    assert not (tmp_path / "x").exists()


def test_spaces_around_the_name_are_dropped(tmp_path, livb):
    result = livb("init", tmp_path / "x", "--gemeente", "  Testgem ", "--no-input", "--no-git")
    assert result.code == 0
    assert "  naam: Testgem\n" in (tmp_path / "x" / "livb.yaml").read_text(encoding="utf-8")


def test_a_walloon_commune_is_named_in_french_with_its_province(tmp_path, livb):
    assert livb("init", tmp_path / "x", "--gemeente", "Luik", "--no-input", "--no-git").code == 0
    settings = (tmp_path / "x" / "livb.yaml").read_text(encoding="utf-8")
    assert '  naam: "Liège"\n  nis_code: "62063"\n  provincie: "Liège"\n' in settings
    assert livb("init", tmp_path / "y", "--gemeente", "Namen", "--no-input", "--no-git").code == 0
    assert "  provincie: Namur\n" in (tmp_path / "y" / "livb.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "taal"), [("Halle", None), ("Anderlecht", "nl"), ("Voeren", None)]
)
def test_a_dutch_or_bilingual_gemeente_gets_no_note(tmp_path, livb, name, taal):
    chosen = ("--taal", taal) if taal else ()
    result = livb("init", tmp_path / "x", "--gemeente", name, "--no-input", "--no-git", *chosen)
    assert (result.code, result.err) == (0, "")
    assert "\ntaal: nl " in (tmp_path / "x" / "livb.yaml").read_text(encoding="utf-8")


def test_init_counts_the_files(tmp_path, livb):
    result = livb("init", tmp_path / "x", "-g", "Halle", "--no-input", "--no-git")
    written = [p for p in (tmp_path / "x").rglob("*") if p.is_file()]
    assert f"  {len(written)} bestanden\n" in result.out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_makes_a_first_commit(tmp_path, livb):
    target = tmp_path / "x"
    assert livb("init", target, "-g", "Halle", "--no-input").code == 0
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=target, capture_output=True, text=True, check=True
    )
    assert log.stdout.strip() == "Nieuwe gemeentemap voor Halle (livb init)"
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=target, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""
    assert "output/" in (target / ".gitignore").read_text(encoding="utf-8")


def test_init_no_git(tmp_path, livb):
    assert livb("init", tmp_path / "x", "-g", "Halle", "--no-input", "--no-git").code == 0
    assert not (tmp_path / "x" / ".git").exists()


def test_every_file_has_a_modeline_to_an_existing_schema(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    root = tmp_path / "x"
    create_folder(InitRequest(root, "Halle", git=False))
    yaml_files = sorted(root.rglob("*.yaml"))
    assert len(yaml_files) == 13
    for path in yaml_files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), (path, schema)
        json.loads(schema.read_text(encoding="utf-8"))


def test_vscode_settings_map_every_kind(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Halle", git=False))
    settings = json.loads((tmp_path / "x/.vscode/settings.json").read_text(encoding="utf-8"))
    mapped = set(settings["yaml.schemas"].values())
    assert mapped == {kind.pattern for kind in FILE_KINDS}
    for schema in settings["yaml.schemas"]:
        assert (tmp_path / "x" / schema).is_file()


def test_fresh_folder_prefills_the_kerngroep_and_tool_c(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Halle", beleid="levenskwaliteit", git=False))
    loaded = load_project(tmp_path / "x")
    assert loaded.project is not None
    project = loaded.project
    assert project.instellingen.beleid.titel == "levenskwaliteit"
    roles = {actor.rol for actor in project.actoren.actoren}
    assert {"burgemeester", "korpschef", "procureur", "coordinator"} <= {str(r) for r in roles}
    assert set(project.organen.kerngroep.leden) == {a.id for a in project.actoren.actoren}
    kinds = {str(bron.soort) for bron in project.bronnen.bronnen}
    assert kinds == {"feit", "waarneming", "context"}


def test_fresh_folder_warns_only_about_what_is_still_to_fill_in(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Halle", git=False))
    found = {d.code for d in run_checks(tmp_path / "x").diagnostics}
    assert found == {"LIVB202"}
    assert all(RULES[code].SEVERITY.label == "waarschuwing" for code in found)


def test_init_can_copy_the_house_style_that_render_then_uses(tmp_path, livb):
    root = tmp_path / "x"
    assert livb("init", root, "-g", "Halle", "--no-input", "--no-git", "--huisstijl").code == 0
    assert (root / "huisstijl.docx").is_file()
    import docx

    reference = docx.Document(str(root / "huisstijl.docx"))
    reference.styles["Heading 1"].font.size = docx.shared.Pt(30)
    reference.save(str(root / "huisstijl.docx"))
    assert livb("render", "protocol", root).code == 0
    with __import__("zipfile").ZipFile(root / "output" / "protocolakkoord.docx") as package:
        styles = package.read("word/styles.xml").decode()
    assert '<w:sz w:val="60"/>' in styles


@pytest.mark.parametrize(
    ("beleid", "plannaam"),
    [
        (None, "integraal veiligheidsplan"),
        ("integrale veiligheid", "integraal veiligheidsplan"),
        ("levenskwaliteit", "integraal plan levenskwaliteit"),
        (
            "integrale veiligheid en leefbaarheid",
            "integraal plan integrale veiligheid en leefbaarheid",
        ),
    ],
)
def test_the_plan_is_named_in_one_word_of_the_method_not_twice(tmp_path, beleid, plannaam):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Mechelen", beleid=beleid, git=False))
    project = load_project(tmp_path / "x").project
    assert project is not None
    assert project.instellingen.beleid.plannaam == plannaam
    assert f"# plan.yaml — het {plannaam} (fase 3" in (tmp_path / "x" / "plan.yaml").read_text(
        "utf-8"
    )
