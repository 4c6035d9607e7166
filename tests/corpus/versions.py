"""Versions in git: livb diff on hostile repositories and revisions, livb besluit on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Case
from gitrepo import GIT, git
from helpers import EXAMPLE

SECRET = "GEHEIM-WACHTWOORD-123"


def _repository(root: Path, tag: str | None = None) -> None:
    if GIT is None:
        pytest.skip("git is not installed")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", "Eerste versie")
    if tag:
        git(root, "tag", tag)


def _commit(root: Path, tag: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", tag)
    git(root, "tag", tag)


def _link_to_a_secret(root: Path) -> None:
    """v1 has plan.yaml as a link to a file outside the repository; v2 a real plan.yaml."""
    secret = root.parent / "geheim.yaml"
    secret.write_text(f"visie: {SECRET}\n", encoding="utf-8")
    (root / "plan.yaml").unlink()
    (root / "plan.yaml").symlink_to(secret)
    _repository(root, "v1")
    (root / "plan.yaml").unlink()
    (root / "plan.yaml").write_bytes((EXAMPLE / "plan.yaml").read_bytes())
    _commit(root, "v2")


def _broken_revision(root: Path) -> None:
    good = (root / "actoren.yaml").read_text(encoding="utf-8")
    (root / "actoren.yaml").write_text("actoren:\n  - id: [kapot\n", encoding="utf-8")
    _repository(root, "kapot")
    (root / "actoren.yaml").write_text(good, encoding="utf-8")


def _hostile_git_config(root: Path) -> None:
    """A repository whose .git/config runs a program from every hook git offers for it."""
    _repository(root, "v1")
    marker = root.parent / "GELOPEN"
    trap = root.parent / "val.sh"
    trap.write_text(f'#!/bin/sh\necho "$0 $*" >> "{marker}"\ncat\n', encoding="utf-8")
    trap.chmod(0o755)
    hooks = root.parent / "hooks"
    hooks.mkdir()
    for hook in ("pre-commit", "post-commit", "reference-transaction"):
        (hooks / hook).symlink_to(trap)
    for key, value in {
        "core.fsmonitor": str(trap),
        "core.hooksPath": str(hooks),
        "filter.kwaad.clean": str(trap),
        "filter.kwaad.smudge": str(trap),
        "filter.kwaad.process": str(trap),
        "diff.kwaad.textconv": str(trap),
        "tag.gpgSign": "true",
        "gpg.program": str(trap),
    }.items():
        git(root, "config", key, value)
    (root / ".gitattributes").write_text("* filter=kwaad diff=kwaad\n", encoding="utf-8")


def _nothing_ran(root: Path) -> None:
    marker = root.parent / "GELOPEN"
    assert not marker.exists(), marker.read_text("utf-8")


def _tagged(root: Path) -> None:
    _repository(root, "plan-goedgekeurd-gemeenteraad-2010-03-23")


def _besluiten_unchanged(root: Path) -> None:
    assert (root / "besluiten.yaml").read_bytes() == (EXAMPLE / "besluiten.yaml").read_bytes()


INJECTION = "GR 1\n  - id: ingeschoven\nbesluiten: []"


def _one_more_besluit_with_the_text_as_given(root: Path) -> None:
    from livb.folder.project import load_project

    project = load_project(root).project
    before = load_project(EXAMPLE).project
    assert project is not None and before is not None
    besluiten = project.besluiten.besluiten
    assert len(besluiten) == len(before.besluiten.besluiten) + 1
    assert besluiten[-1].referentie == INJECTION
    assert "ingeschoven" not in {b.id for b in besluiten}


CASES: list[Case] = [
    Case(
        "diff-in-a-repository-whose-config-runs-programs",
        setup=_hostile_git_config,
        command=("diff", "v1", "{map}"),
        code=0,
        expect=("Geen wijzigingen in ", " tussen v1 (", ") en de werkmap.\n"),
        check=_nothing_ran,
    ),
    Case(
        "besluit-in-a-repository-whose-config-runs-programs",
        setup=_hostile_git_config,
        command=(
            "besluit",
            "{map}",
            "--door",
            "gemeenteraad",
            "--onderwerp",
            "plan",
            "--datum",
            "2010-06-22",
        ),
        code=0,
        expect=(
            "Besluit 'gemeenteraad-2010-06-22-plan' toegevoegd aan ",
            "Vastgelegd in git: commit ",
            ", tag plan-goedgekeurd-gemeenteraad-2010-06-22.\n",
        ),
        check=_nothing_ran,
    ),
    Case(
        "diff-buiten-git",
        command=("diff", "HEAD", "{map}"),
        base="minimal",
        expect=("staat niet in een git-repository", "hulp: zet de map onder git met 'git init'"),
    ),
    Case(
        "diff-onbekende-versie",
        setup=_repository,
        command=("diff", "v9", "{map}"),
        expect=(
            "fout: de versie 'v9' bestaat niet in deze git-repository",
            "hulp: zie de versies met 'git log --oneline' en de tags met 'git tag'",
        ),
    ),
    Case(
        "diff-versie-als-optie-voor-git",
        setup=_repository,
        command=("diff", "--", "--output=/tmp/livb-gestolen", "{map}"),
        expect=("fout: '--output=/tmp/livb-gestolen' is geen geldige versie",),
        check=lambda root: assert_absent(Path("/tmp/livb-gestolen")),
    ),
    Case(
        "diff-link-naar-geheim-buiten-de-map",
        setup=_link_to_a_secret,
        command=("diff", "v1", "v2", "{map}"),
        code=0,
        expect=(
            "let op (v1 (",
            "plan.yaml: een link die niet naar een bestand in de map wijst; niet gevolgd",
            "  plan.yaml:",
        ),
        absent=(SECRET,),
    ),
    Case(
        "diff-versie-met-yaml-fout",
        setup=_broken_revision,
        command=("diff", "kapot", "{map}"),
        expect=(
            " in kapot (",
            "laadt niet:",
            "  actoren.yaml:3:1: fout LIVB001 YAML-fout: een lijst of mapping tussen haakjes is"
            " niet goed afgesloten",
        ),
    ),
    Case(
        "besluit-ongeldige-instantie",
        code=2,
        command=("besluit", "--door", "raad", "--onderwerp", "plan", "--map", "{map}", "--no-git"),
        expect=(
            "gebruik: ongeldige waarde 'raad' voor --door",
            "hulp: kies uit: 'college', 'gemeenteraad'",
        ),
        check=_besluiten_unchanged,
    ),
    Case(
        "besluit-tag-bestaat-al",
        setup=_tagged,
        command=(
            "besluit",
            "--door",
            "gemeenteraad",
            "--onderwerp",
            "plan",
            "--datum",
            "2010-03-23",
            "--map",
            "{map}",
        ),
        expect=(
            "fout: de tag 'plan-goedgekeurd-gemeenteraad-2010-03-23' bestaat al; er is niets"
            " gewijzigd",
        ),
        check=_besluiten_unchanged,
    ),
    Case(
        "besluit-yaml-in-de-referentie",
        command=(
            "besluit",
            "--door",
            "college",
            "--onderwerp",
            "plan",
            "--referentie",
            INJECTION,
            "--map",
            "{map}",
            "--no-git",
        ),
        code=0,
        expect=("Besluit 'college-",),
        check=_one_more_besluit_with_the_text_as_given,
    ),
]


def assert_absent(path: Path) -> None:
    """Nothing was written where a smuggled git option would have written."""
    assert not path.exists()
