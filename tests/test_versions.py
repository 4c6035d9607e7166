"""livb.history.versions and livb diff: a revision's folder read from git, never by checking it out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from livb.core.errors import LivbError
from livb.folder.project import load_project
from livb.history.versions import diff_versions, load_revision, needed_for_loading, open_revision
from livb.model.plan import Plan

from gitrepo import commit, git, init, needs_git
from helpers import EXAMPLE, copy_example, edit

pytestmark = needs_git


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    """A repository whose gemeente folder is a subfolder, with a tag v1 on the first commit."""
    top = init(tmp_path / "repo")
    (top / "README.md").write_text("Beleidsplannen van de stad\n", encoding="utf-8")
    folder = top / "beleid" / "halle"
    copy_example(folder)
    commit(top, "Eerste versie", tag="v1")
    return top, folder


def files_and_times(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def test_a_revision_loads_like_the_folder_did(repo, tmp_path):
    top, folder = repo
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    commit(top, "Meer budget")
    version = load_revision(folder, "v1")
    assert version.revision is not None and version.revision.spec == "v1"
    assert version.label == f"v1 ({version.revision.commit[:7]})"
    assert version.result.root == folder
    assert version.result.project == load_project(EXAMPLE).project
    # and the working tree is the new one
    assert load_revision(folder, "HEAD").result.project == load_project(folder).project


def test_reading_a_revision_touches_neither_the_index_nor_the_working_tree(repo, livb):
    top, folder = repo
    edit(folder, "organen.yaml", "    - peter-wouters\n", "    - ann-mertens\n")
    git(top, "add", "beleid/halle/organen.yaml")  # staged
    edit(folder, "actoren.yaml", "functie: korpschef", "functie: korpschef a.i.")  # unstaged
    index = (top / ".git" / "index").read_bytes()
    status = git(top, "status", "--porcelain=v1", "--untracked-files=all")
    files = files_and_times(top)
    result = livb("diff", "v1", folder)
    assert result.code == 0, result.err
    assert "kerngroep: leden + ann-mertens, − peter-wouters" in result.out
    assert "functie 'korpschef' → 'korpschef a.i.'" in result.out
    assert (top / ".git" / "index").read_bytes() == index
    assert git(top, "status", "--porcelain=v1", "--untracked-files=all") == status
    assert files_and_times(top) == files


def test_the_temporary_folder_lives_for_the_with_only(repo):
    _, folder = repo
    with open_revision(folder, "v1") as snapshot:
        assert (snapshot.path / "livb.yaml").is_file()
        assert (snapshot.path / "diagnostiek" / "overlast.csv").is_file()
        assert not snapshot.path.is_relative_to(folder)
    assert not snapshot.path.exists()


def test_the_folder_at_the_top_of_the_repository(tmp_path):
    folder = tmp_path / "halle"
    copy_example(folder)
    init(folder)
    commit(folder, "Eerste versie", tag="goedgekeurd")
    edit(folder, "besluiten.yaml", "referentie: GR 2010/071", "referentie: GR 2010/072")
    diff = diff_versions(folder, "goedgekeurd")
    assert [(c.soort.value, c.id) for c in diff.changes or []] == [
        ("besluit", "gr-2010-03-23-plan")
    ]


def test_not_in_a_repository(tmp_path, livb):
    folder = tmp_path / "halle"
    copy_example(folder)
    with pytest.raises(LivbError) as error:
        load_revision(folder, "HEAD")
    assert error.value.message == f"de map '{folder}' staat niet in een git-repository"
    result = livb("diff", "HEAD", folder)
    assert result.code == 1
    assert f"fout: de map '{folder}' staat niet in een git-repository" in result.err
    assert "hulp: zet de map onder git met 'git init'" in result.err


def test_git_not_installed(repo, tmp_path, monkeypatch, livb):
    _, folder = repo
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = livb("diff", "v1", folder)
    assert result.code == 1
    assert "fout: git is niet geïnstalleerd" in result.err
    assert "hulp: installeer git (https://git-scm.com/downloads)" in result.err


@pytest.mark.parametrize("revision", [("v9",), ("--", "-p"), ("HEAD~5",), ("main:beleid",)])
def test_a_revision_that_does_not_exist(repo, livb, revision):
    _, folder = repo
    result = livb("diff", *revision, folder)
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert (
        "geen geldige versie" in result.err or "bestaat niet in deze git-repository" in result.err
    )
    assert "hulp: zie de versies met 'git log --oneline' en de tags met 'git tag'" in result.err


def test_the_folder_did_not_exist_at_that_revision(tmp_path, livb):
    top = init(tmp_path / "repo")
    (top / "README.md").write_text("leeg\n", encoding="utf-8")
    commit(top, "Begin", tag="begin")
    folder = top / "halle"
    copy_example(folder)
    commit(top, "De gemeentemap")
    result = livb("diff", "begin", folder)
    assert result.code == 1
    assert "fout: de map 'halle' bestond nog niet in de versie begin (" in result.err
    assert "hulp: kies een latere versie;" in result.err


def test_a_revision_that_does_not_load_gives_the_findings(repo, livb):
    top, folder = repo
    edit(folder, "actoren.yaml", "    rol: korpschef\n", "    rol: korpsleider\n")
    commit(top, "Fout", tag="kapot")
    edit(folder, "actoren.yaml", "    rol: korpsleider\n", "    rol: korpschef\n")
    result = livb("diff", "kapot", folder)
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert "De map " in result.out and " in kapot (" in result.out and "laadt niet:" in result.out
    assert "actoren.yaml:" in result.out and "LIVB012" in result.out
    assert "korpsleider" in result.out
    data = json.loads(livb("diff", "kapot", folder, "--format", "json").out)
    assert data["aantal"] is None and data["wijzigingen"] == []
    assert data["fouten"][0]["versie"].startswith("kapot (")
    assert data["fouten"][0]["bevindingen"][0]["code"] == "LIVB012"


def test_links_are_followed_only_inside_the_folder(repo, tmp_path):
    top, folder = repo
    secret = tmp_path / "geheim.yaml"
    secret.write_text("visie: GEHEIM van buiten de repository\n", encoding="utf-8")
    (top / "ook-geheim.yaml").write_text("visie: GEHEIM in de repository\n", encoding="utf-8")
    (folder / "teksten").mkdir()
    shutil.move(folder / "plan.yaml", folder / "teksten" / "plan.yaml")
    (folder / "plan.yaml").symlink_to("teksten/plan.yaml")
    (folder / "swot.yaml").unlink()
    (folder / "prioriteiten.yaml").unlink()
    (folder / "swot.yaml").symlink_to(secret)  # absolute, outside
    (folder / "prioriteiten.yaml").symlink_to("../../ook-geheim.yaml")  # relative, outside
    (folder / "besluiten.yaml.link").symlink_to("nergens.yaml")
    (folder / "lus-a").symlink_to("lus-b")
    (folder / "lus-b").symlink_to("lus-a")
    commit(top, "Links")
    with open_revision(folder, "HEAD") as snapshot:
        assert not any(p.is_symlink() for p in snapshot.path.rglob("*"))
        assert not (snapshot.path / "swot.yaml").exists()
        assert not (snapshot.path / "prioriteiten.yaml").exists()
        assert (snapshot.path / "plan.yaml").read_bytes() == (
            folder / "teksten" / "plan.yaml"
        ).read_bytes()
        notes = snapshot.skipped
    assert notes == [
        f"{name}: een link die niet naar een bestand in de map wijst; niet gevolgd"
        for name in ("besluiten.yaml.link", "lus-a", "lus-b", "prioriteiten.yaml", "swot.yaml")
    ]
    version = load_revision(folder, "HEAD")
    project = version.result.project
    assert project is not None
    assert project.plan == load_project(EXAMPLE).project.plan  # type: ignore[union-attr]
    assert project.plan != Plan()
    assert "GEHEIM" not in repr(project)


def test_a_submodule_is_not_entered(repo):
    top, folder = repo
    head = git(top, "rev-parse", "HEAD").strip()
    git(top, "update-index", "--add", "--cacheinfo", f"160000,{head},beleid/halle/extern")
    git(top, "commit", "-q", "-m", "Submodule")
    with open_revision(folder, "HEAD") as snapshot:
        assert not (snapshot.path / "extern").exists()
        assert snapshot.skipped == ["extern: een submodule; livb leest ze niet"]


def test_cli_two_revisions_text_json_and_exit_code(repo, livb):
    top, folder = repo
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    commit(top, "Meer budget", tag="v2")
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 9500", "budget: 1000")  # not committed

    result = livb("diff", "v1", "v2", folder)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"Wijzigingen in {folder} van v1 (") and " tot v2 (" in lines[0]
    assert lines[-1] == "1 wijziging."
    assert (
        "        actie a-adviescampagne 'Gratis diefstalpreventieadvies aanbieden in de randwijken':"
        " budget € 8.000 → € 9.500"
    ) in lines

    # One more argument that is a folder: the working tree against v2.
    result = livb("diff", "v2", folder)
    assert "budget € 9.500 → € 1.000" in result.out and " tot de werkmap:" in result.out

    assert livb("diff", "v1", "v2", folder, "--exit-code").code == 1
    assert livb("diff", "v2", "v2", folder, "--exit-code").code == 0
    same = livb("diff", "v2", "v2", folder)
    assert same.code == 0
    assert same.out.startswith(f"Geen wijzigingen in {folder} tussen v2 (")

    data = json.loads(livb("diff", "v1", "v2", folder, "--format", "json").out)
    assert data["van"]["versie"] == "v1" and data["tot"]["versie"] == "v2"
    assert data["tot"]["commit"] == git(top, "rev-parse", "v2").strip()
    assert data["aantal"] == 1
    assert data["wijzigingen"][0]["velden"] == [{"veld": "budget", "oud": 8000.0, "nieuw": 9500.0}]


def test_the_current_folder_is_the_default(repo, livb, monkeypatch):
    _, folder = repo
    edit(folder, "besluiten.yaml", "referentie: GR 2010/071", "referentie: GR 2010/072")
    monkeypatch.chdir(folder)
    result = livb("diff", "v1")
    assert result.code == 0, result.err
    assert "referentie 'GR 2010/071' → 'GR 2010/072'" in result.out


def test_every_kind_of_item_added_removed_changed_renamed(repo, livb):
    """One commit that touches every kind of item; the diff names each change once."""
    top, folder = repo
    # priorities: one added, one with a new title
    edit(
        folder,
        "prioriteiten.yaml",
        "  - id: verkeer\n",
        "  - id: drugs\n    titel: Drugsoverlast\n  - id: verkeer\n",
    )
    edit(
        folder, "prioriteiten.yaml", "titel: Veilig naar school", "titel: Veilig naar en van school"
    )
    # goals: a strategic goal added, an operational goal retitled
    (folder / "doelstellingen" / "drugs.yaml").write_text(
        "prioriteit: drugs\nstrategische_doelstellingen:\n  - id: sd-drugs\n    titel: Minder drugsoverlast\n",
        encoding="utf-8",
    )
    edit(
        folder,
        "doelstellingen/verkeer.yaml",
        "titel: Elke school heeft een veilige, aangeduide schoolroute",
        "titel: Elke school heeft een veilige schoolroute",
    )
    # indicator: baseline changed; actions: budget changed, one new id, one removed
    edit(
        folder,
        "doelstellingen/inbraken.yaml",
        "basiswaarde: {waarde: 60, jaar: 2009}",
        "basiswaarde: {waarde: 65, jaar: 2009}",
    )
    edit(folder, "doelstellingen/inbraken.yaml", "budget: 20000", "budget: 25000")
    edit(folder, "doelstellingen/verkeer.yaml", "id: a-gemachtigde-opzichters", "id: a-opzichters")
    edit(
        folder,
        "doelstellingen/verkeer.yaml",
        (
            "          - id: a-snelheidscontroles\n"
            "            titel: Snelheidscontroles in de zone 30 rond scholen\n"
            "            trekker: koen-deprez\n"
            "            start: 2010-09-01\n"
            "            einde: 2012-12-31\n"
            "            schakel: repressie\n"
        ),
        "",
    )
    # bodies and actors
    edit(folder, "organen.yaml", "    - peter-wouters\n", "")
    edit(
        folder,
        "organen.yaml",
        "naam: Projectgroep veilig naar school",
        "naam: Projectgroep schoolomgeving",
    )
    edit(folder, "actoren.yaml", "actoren:\n", "actoren:\n  - id: nieuw-lid\n    naam: Nieuw Lid\n")
    # decisions and meetings
    with (folder / "besluiten.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "\n  - id: cbs-2010-09-01\n    datum: 2010-09-01\n    door: college\n    onderwerp: evaluatie\n"
        )
    (folder / "vergaderingen" / "2009-09-15-kerngroep.yaml").unlink()
    commit(top, "Alles verandert", tag="v2")

    data = json.loads(livb("diff", "v1", "v2", folder, "--format", "json").out)
    found = [(c["soort"], c["id"], c["aard"]) for c in data["wijzigingen"]]
    expected = {
        ("prioriteit", "verkeer", "gewijzigd"),
        ("prioriteit", "drugs", "toegevoegd"),
        ("strategische doelstelling", "sd-drugs", "toegevoegd"),
        ("operationele doelstelling", "od-schoolroutes", "gewijzigd"),
        ("indicator", "i-adviezen", "gewijzigd"),
        ("actie", "a-premie", "gewijzigd"),
        ("actie", "a-opzichters", "nieuwe id"),
        ("actie", "a-snelheidscontroles", "verwijderd"),
        ("orgaan", "kerngroep", "gewijzigd"),
        ("projectgroep", "pg-verkeer", "gewijzigd"),
        ("actor", "nieuw-lid", "toegevoegd"),
        ("besluit", "cbs-2010-09-01", "toegevoegd"),
        ("vergadering", "2009-09-15-kerngroep", "verwijderd"),
    }
    assert set(found) == expected and len(found) == len(expected)
    # the plan's order: priority by priority (inbraken, drugs, verkeer), then the rest
    assert [f[1] for f in found][:8] == [
        "i-adviezen",
        "a-premie",
        "drugs",
        "sd-drugs",
        "verkeer",
        "od-schoolroutes",
        "a-opzichters",
        "a-snelheidscontroles",
    ]
    text = livb("diff", "v1", "v2", folder).out
    assert (
        "  prioriteit verkeer 'Veilig naar en van school': nieuwe titel (zelfde id): 'Veilig naar school' → 'Veilig naar en van school'"
        in text
    )
    assert "basiswaarde 60 (2009) → 65 (2009)" in text
    assert "budget € 20.000 → € 25.000" in text
    assert "nieuwe id (was a-gemachtigde-opzichters), zelfde inhoud" in text
    assert "  kerngroep: leden − peter-wouters" in text
    assert text.rstrip().endswith("13 wijzigingen.")


def test_loading_reads_only_what_the_loader_needs(repo):
    top, folder = repo
    (folder / "bijlagen").mkdir()
    (folder / "bijlagen" / "scan-besluit.pdf").write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 64)
    (folder / "teksten").mkdir()
    shutil.move(folder / "plan.yaml", folder / "teksten" / "plan.tekst")
    (folder / "plan.yaml").symlink_to("teksten/plan.tekst")
    commit(top, "Bijlagen")
    with open_revision(folder, "HEAD", needed_for_loading) as snapshot:
        written = sorted(p.relative_to(snapshot.path).as_posix() for p in snapshot.path.rglob("*"))
        assert "bijlagen/scan-besluit.pdf" not in written
        assert "teksten/plan.tekst" not in written
        assert "diagnostiek/overlast.csv" in written and "plan.yaml" in written
    with open_revision(folder, "HEAD") as snapshot:
        assert (snapshot.path / "bijlagen" / "scan-besluit.pdf").read_bytes() == (
            folder / "bijlagen" / "scan-besluit.pdf"
        ).read_bytes()
    project = load_revision(folder, "HEAD").result.project
    assert project is not None
    assert project.plan == load_project(EXAMPLE).project.plan  # type: ignore[union-attr]
