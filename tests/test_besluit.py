"""livb besluit: a decision appended to besluiten.yaml, committed alone and tagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from livb.folder.project import load_project

from gitrepo import commit, git, init, isolate, needs_git
from helpers import copy_example

APPROVAL = ("--door", "gemeenteraad", "--onderwerp", "plan", "--datum", "2010-06-22")
TAG = "plan-goedgekeurd-gemeenteraad-2010-06-22"


@pytest.fixture(autouse=True)
def no_user_git_config(tmp_path, monkeypatch):
    """The user's own git configuration (identity, signing, hooks) stays out of the tests."""
    for name, value in isolate(tmp_path / "home").items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    top = init(tmp_path / "repo")
    folder = top / "beleid" / "halle"
    copy_example(folder)
    commit(top, "Eerste versie")
    return top, folder


def only_insertions(old: str, new: str) -> str:
    """The text inserted into ``old``; fails when anything else changed."""
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = len(old) - prefix
    assert new.endswith(old[prefix:]), "more than one insertion"
    return new[prefix : len(new) - suffix]


def test_the_decision_is_inserted_and_nothing_else_changes(halle, livb):
    before = (halle / "besluiten.yaml").read_text(encoding="utf-8")
    result = livb("besluit", *APPROVAL, "--referentie", "GR 2010/140", "--map", halle, "--no-git")
    assert result.code == 0, result.err
    after = (halle / "besluiten.yaml").read_text(encoding="utf-8")
    assert only_insertions(before, after) == (
        "  - id: gemeenteraad-2010-06-22-plan\n"
        "    datum: 2010-06-22\n"
        "    door: gemeenteraad\n"
        "    onderwerp: plan\n"
        "    uitkomst: goedgekeurd\n"
        "    referentie: GR 2010/140\n"
    )
    assert result.out.startswith(
        "Besluit 'gemeenteraad-2010-06-22-plan' toegevoegd aan "
    ) and result.out.splitlines()[0].endswith(
        ": plan goedgekeurd door gemeenteraad op 22 juni 2010 (GR 2010/140)."
    )
    project = load_project(halle).project
    assert project is not None
    assert project.besluiten.besluiten[-1].referentie == "GR 2010/140"


def test_a_derived_id_is_unique(halle, livb):
    for _ in range(2):
        assert livb("besluit", *APPROVAL, "--map", halle, "--no-git").code == 0
    project = load_project(halle).project
    assert project is not None
    assert [b.id for b in project.besluiten.besluiten[-2:]] == [
        "gemeenteraad-2010-06-22-plan",
        "gemeenteraad-2010-06-22-plan-2",
    ]


def test_an_existing_id_is_refused(halle, livb):
    before = (halle / "besluiten.yaml").read_bytes()
    result = livb("besluit", *APPROVAL, "--id", "gr-2010-03-23-plan", "--map", halle, "--no-git")
    assert result.code == 1
    assert "fout: het besluit 'gr-2010-03-23-plan' bestaat al in besluiten.yaml" in result.err
    assert (halle / "besluiten.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ("--door", "gemeenteraat", "--onderwerp", "plan"),
            "gebruik: ongeldige waarde 'gemeenteraat' voor --door; bedoelde je"
            " 'gemeenteraad'?\n    hulp: kies uit: 'college', 'gemeenteraad', ",
        ),
        (
            ("--door", "gemeente raad", "--onderwerp", "plan"),
            "gebruik: ongeldige waarde 'gemeente raad' voor --door",
        ),
        (
            ("--door", "college", "--onderwerp", "plannen"),
            "gebruik: ongeldige waarde 'plannen' voor --onderwerp; bedoelde je 'plan'?\n",
        ),
        (
            ("--door", "college", "--onderwerp", "plan", "--uitkomst", "ja"),
            "gebruik: ongeldige waarde 'ja' voor --uitkomst\n    hulp: kies uit:"
            " 'goedgekeurd', 'ondertekend', 'kennisgenomen', 'uitgesteld' of 'afgewezen'\n",
        ),
        (
            ("--door", "college", "--onderwerp", "plan", "--id", "met spatie"),
            "gebruik: --id: 'met spatie' is geen geldige id\n",
        ),
        (
            ("--door", "college", "--onderwerp", "plan", "--datum", "23/03/2010"),
            "gebruik: '23/03/2010' is geen geldige datum\n    hulp: schrijf jaar-maand-dag: --datum 2010-03-23\n",
        ),
    ],
)
def test_invalid_values_are_refused_in_dutch(halle, livb, options, expected):
    before = (halle / "besluiten.yaml").read_bytes()
    result = livb("besluit", *options, "--map", halle, "--no-git")
    assert result.code == 2  # a wrong option value is a usage error
    assert expected in result.err
    assert (halle / "besluiten.yaml").read_bytes() == before


def test_a_broken_besluiten_file_is_not_extended(halle, livb):
    (halle / "besluiten.yaml").write_text("besluiten:\n  - id: x\n    door: [\n", encoding="utf-8")
    before = (halle / "besluiten.yaml").read_bytes()
    result = livb("besluit", *APPROVAL, "--map", halle, "--no-git")
    assert result.code == 1
    assert "fout: besluiten.yaml heeft fouten; livb besluit vult het niet aan" in result.err
    assert (halle / "besluiten.yaml").read_bytes() == before


def test_not_a_gemeente_folder(tmp_path, livb):
    result = livb("besluit", *APPROVAL, "--map", tmp_path, "--no-git")
    assert result.code == 2
    assert f"gebruik: '{tmp_path}' is geen gemeentemap: er staat geen livb.yaml in" in result.err
    assert not (tmp_path / "besluiten.yaml").exists()


@needs_git
def test_the_commit_holds_only_besluiten_and_the_users_edits_stay(repo, livb):
    top, folder = repo
    (folder / "organen.yaml").write_text(
        (folder / "organen.yaml")
        .read_text(encoding="utf-8")
        .replace("- peter-wouters", "- ann-mertens"),
        encoding="utf-8",
    )
    git(top, "add", "beleid/halle/organen.yaml")  # staged by the user
    with (folder / "plan.yaml").open("a", encoding="utf-8") as out:
        out.write("# nog te bespreken\n")  # not staged
    (folder / "notities.txt").write_text("kladje\n", encoding="utf-8")  # untracked
    status = git(top, "status", "--porcelain=v1")
    staged = git(top, "diff", "--cached")
    unstaged_plan = git(top, "diff", "--", "beleid/halle/plan.yaml")
    head = git(top, "rev-parse", "HEAD").strip()

    result = livb("besluit", *APPROVAL, "--referentie", "GR 2010/140", "--map", folder)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("Vastgelegd in git: commit ")
    assert result.out.splitlines()[1].endswith(f", tag {TAG}.")
    assert (
        "waarschuwing: de map heeft nog 3 gewijzigde bestand(en) die niet in de commit zitten"
        in result.err
    )

    assert git(top, "rev-parse", "HEAD~1").strip() == head
    assert git(top, "show", "--name-only", "--format=%s", "HEAD").split("\n") == [
        "Besluit: plan goedgekeurd door gemeenteraad op 22 juni 2010 (GR 2010/140)",
        "",
        "beleid/halle/besluiten.yaml",
        "",
    ]
    assert git(top, "show", "HEAD:beleid/halle/besluiten.yaml") == (
        folder / "besluiten.yaml"
    ).read_text(encoding="utf-8")
    # The user's work is exactly as it was: staged, unstaged and untracked.
    assert git(top, "status", "--porcelain=v1") == status
    assert git(top, "diff", "--cached") == staged
    assert git(top, "diff", "--", "beleid/halle/plan.yaml") == unstaged_plan
    # The tag points at the commit, with the decision as its message.
    assert git(top, "rev-parse", f"{TAG}^{{commit}}") == git(top, "rev-parse", "HEAD")
    assert git(top, "tag", "-l", "--format=%(contents:subject)", TAG).strip() == (
        "Besluit: plan goedgekeurd door gemeenteraad op 22 juni 2010 (GR 2010/140)"
    )


@needs_git
def test_the_tag_name_follows_onderwerp_uitkomst_door_datum(repo, livb):
    _, folder = repo
    result = livb(
        "besluit",
        "--door",
        "zonale_veiligheidsraad",
        "--onderwerp",
        "aanstelling_coordinator",
        "--uitkomst",
        "kennisgenomen",
        "--datum",
        "2011-01-05",
        "--map",
        folder,
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].endswith(
        ", tag aanstelling-coordinator-kennisgenomen-zonale-veiligheidsraad-2011-01-05."
    )
    assert git(folder, "tag", "-l").split() == [
        "aanstelling-coordinator-kennisgenomen-zonale-veiligheidsraad-2011-01-05"
    ]


def test_every_subject_and_body_reads_as_dutch_words():
    """No identifier with an underscore reaches a sentence, and the diaeresis of coördinator stays."""
    from livb.history.besluit import describe
    from livb.model.besluiten import Besluit, Instantie, Onderwerp

    for onderwerp in Onderwerp:
        for door in Instantie:
            besluit = Besluit(id="b", datum="2011-01-05", door=door, onderwerp=onderwerp)
            sentence = describe(besluit)
            assert "_" not in sentence, sentence
            assert sentence.startswith(f"{onderwerp.label} goedgekeurd door {door.label} op 5 ")
    assert Onderwerp.AANSTELLING_COORDINATOR.label == "aanstelling coördinator"
    assert Instantie.ZONALE_VEILIGHEIDSRAAD.label == "zonale veiligheidsraad"


@needs_git
def test_the_commit_and_the_tag_keep_the_diacritics(repo, livb):
    _, folder = repo
    args = ("--onderwerp", "aanstelling_coordinator", "--datum", "2011-01-05")
    result = livb("besluit", folder, "--door", "college", *args)
    assert result.code == 0, result.err
    expected = "Besluit: aanstelling coördinator goedgekeurd door college op 5 januari 2011"
    assert git(folder, "log", "-1", "--format=%B").strip() == expected
    tag = "aanstelling-coordinator-goedgekeurd-college-2011-01-05"
    assert git(folder, "tag", "-l", "--format=%(contents)", tag).strip() == expected
    assert "coördinator" in result.out


@needs_git
def test_an_existing_tag_is_an_error_and_nothing_changes(repo, livb):
    top, folder = repo
    assert livb("besluit", *APPROVAL, "--map", folder).code == 0
    before = (folder / "besluiten.yaml").read_bytes()
    head = git(top, "rev-parse", "HEAD")
    result = livb("besluit", *APPROVAL, "--map", folder)
    assert result.code == 1
    assert f"fout: de tag '{TAG}' bestaat al; er is niets gewijzigd" in result.err
    assert f"git tag -d {TAG}" in result.err
    assert (folder / "besluiten.yaml").read_bytes() == before
    assert git(top, "rev-parse", "HEAD") == head


@needs_git
def test_uncommitted_changes_in_besluiten_are_never_committed(repo, livb):
    top, folder = repo
    with (folder / "besluiten.yaml").open("a", encoding="utf-8") as out:
        out.write("# handgeschreven, nog niet vastgelegd\n")
    before = (folder / "besluiten.yaml").read_bytes()
    head = git(top, "rev-parse", "HEAD")
    result = livb("besluit", *APPROVAL, "--map", folder)
    assert result.code == 1
    assert (
        "fout: besluiten.yaml heeft wijzigingen die nog niet in git vastgelegd zijn; er is niets"
        " gewijzigd" in result.err
    )
    assert "hulp: leg ze eerst vast (git commit besluiten.yaml) of gebruik --no-git" in result.err
    assert (folder / "besluiten.yaml").read_bytes() == before
    assert git(top, "rev-parse", "HEAD") == head
    assert git(top, "tag", "-l") == ""


@needs_git
def test_a_missing_besluiten_file_is_created_and_committed(repo, livb):
    top, folder = repo
    (folder / "besluiten.yaml").unlink()
    commit(top, "Zonder besluiten")
    result = livb("besluit", *APPROVAL, "--map", folder)
    assert result.code == 0, result.err
    text = (folder / "besluiten.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.livb/schema/besluiten.json\n")
    assert "besluiten:\n  - id: gemeenteraad-2010-06-22-plan\n" in text
    assert git(top, "show", "--name-only", "--format=", "HEAD").split() == [
        "beleid/halle/besluiten.yaml"
    ]
    assert git(top, "status", "--porcelain=v1") == ""


@needs_git
def test_without_a_git_identity_nothing_is_written(repo, livb):
    top, folder = repo
    git(top, "config", "--unset", "user.name")
    git(top, "config", "--unset", "user.email")
    before = (folder / "besluiten.yaml").read_bytes()
    result = livb("besluit", *APPROVAL, "--map", folder)
    assert result.code == 1
    assert "fout: git weet niet wie de commit maakt; er is niets gewijzigd" in result.err
    assert "git config --global user.email" in result.err
    assert (folder / "besluiten.yaml").read_bytes() == before


@needs_git
def test_no_git_records_without_a_commit(repo, livb):
    top, folder = repo
    head = git(top, "rev-parse", "HEAD")
    result = livb("besluit", *APPROVAL, "--map", folder, "--no-git")
    assert result.code == 0
    assert "Vastgelegd in git" not in result.out
    assert git(top, "rev-parse", "HEAD") == head
    assert git(top, "status", "--porcelain=v1") == " M beleid/halle/besluiten.yaml\n"


def test_outside_a_repository_the_decision_is_recorded_without_commit(halle, livb):
    result = livb("besluit", *APPROVAL, "--map", halle)
    assert result.code == 0
    assert "gemeenteraad-2010-06-22-plan" in (halle / "besluiten.yaml").read_text(encoding="utf-8")
    assert (
        f"waarschuwing: de map '{halle}' staat niet in een git-repository: het besluit is"
        " genoteerd zonder git-commit" in result.err
    )


def test_without_git_installed_the_decision_is_recorded(halle, livb, tmp_path, monkeypatch):
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = livb("besluit", *APPROVAL, "--map", halle)
    assert result.code == 0
    assert "gemeenteraad-2010-06-22-plan" in (halle / "besluiten.yaml").read_text(encoding="utf-8")
    assert (
        "waarschuwing: git is niet geïnstalleerd: het besluit is genoteerd zonder git-commit"
        in result.err
    )


@needs_git
def test_the_tag_is_what_livb_diff_compares_with(repo, livb):
    _, folder = repo
    assert livb("besluit", *APPROVAL, "--map", folder).code == 0
    text = (folder / "doelstellingen" / "inbraken.yaml").read_text(encoding="utf-8")
    (folder / "doelstellingen" / "inbraken.yaml").write_text(
        text.replace("budget: 8000", "budget: 7500"), encoding="utf-8"
    )
    result = livb("diff", TAG, folder)
    assert result.code == 0
    assert "budget € 8.000 → € 7.500" in result.out
    assert result.out.rstrip().endswith("1 wijziging.")
