"""A folder cloned or copied with a hostile .git/config: no git command livb runs executes it."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from livb.history.versions import hardened_environment

from gitrepo import GIT, commit, git, init, isolate, needs_git
from helpers import copy_example

pytestmark = needs_git


@pytest.fixture(autouse=True)
def no_user_git_config(tmp_path, monkeypatch):
    for name, value in isolate(tmp_path / "home").items():
        monkeypatch.setenv(name, value)


def _trap(folder: Path, marker: Path, name: str) -> str:
    """A program that notes it ran (and passes its input through, as a filter must)."""
    script = folder / f"{name}.sh"
    script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{marker}"\ncat\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A repository whose .git/config and .gitattributes run programs; the marker they touch."""
    top = init(tmp_path / "repo")
    folder = top / "halle"
    copy_example(folder)
    commit(top, "Eerste versie")
    traps, marker = tmp_path / "vallen", tmp_path / "GELOPEN"
    traps.mkdir()
    hooks = traps / "hooks"
    hooks.mkdir()
    for hook in ("pre-commit", "commit-msg", "post-commit", "reference-transaction"):
        _trap(hooks, marker, hook)
    settings = {
        "core.fsmonitor": _trap(traps, marker, "fsmonitor"),
        "core.hooksPath": str(hooks),
        "filter.kwaad.clean": _trap(traps, marker, "clean"),
        "filter.kwaad.smudge": _trap(traps, marker, "smudge"),
        "filter.kwaad.required": "true",
        "diff.kwaad.textconv": _trap(traps, marker, "textconv"),
        "diff.external": _trap(traps, marker, "extdiff"),
        "commit.gpgSign": "true",
        "tag.gpgSign": "true",
        "gpg.program": _trap(traps, marker, "gpg"),
    }
    for key, value in settings.items():
        git(top, "config", key, value)
    (top / ".gitattributes").write_text("* filter=kwaad diff=kwaad\n", encoding="utf-8")
    return top, folder, marker


def test_the_traps_are_armed_for_plain_git(hostile):
    top, folder, marker = hostile
    (folder / "besluiten.yaml").write_text(
        (folder / "besluiten.yaml").read_text("utf-8") + "# x\n", "utf-8"
    )
    subprocess.run([GIT, "add", "-A"], cwd=top, capture_output=True, check=False)
    ran = marker.read_text("utf-8")
    assert "fsmonitor" in ran and "clean" in ran


def test_diff_render_and_besluit_run_nothing_from_the_folder(hostile, livb, tmp_path):
    top, folder, marker = hostile
    assert livb("diff", "HEAD", folder).code == 0
    assert livb("render", "plan", folder, "--versie", "HEAD", "--uit", tmp_path / "uit").code == 0
    (folder / "plan.yaml").write_text(
        (folder / "plan.yaml").read_text("utf-8") + "# een wijziging\n", "utf-8"
    )
    result = livb(
        "besluit", folder, "--door", "gemeenteraad", "--onderwerp", "plan", "--datum", "2010-06-22"
    )
    assert result.code == 0, result.out + result.err
    assert "plan-goedgekeurd-gemeenteraad-2010-06-22" in git(top, "tag")
    assert not marker.exists(), marker.read_text("utf-8")


def test_every_configured_driver_gets_an_empty_command(hostile):
    top, _, _ = hostile
    environment = hardened_environment(GIT or "git", top)
    settings = {
        environment[f"GIT_CONFIG_KEY_{n}"]: environment[f"GIT_CONFIG_VALUE_{n}"]
        for n in range(int(environment["GIT_CONFIG_COUNT"]))
    }
    assert settings["core.fsmonitor"] == "false"
    assert settings["core.hooksPath"] == os.devnull
    assert settings["filter.kwaad.clean"] == settings["filter.kwaad.smudge"] == ""
    assert settings["filter.kwaad.required"] == "false"
    assert settings["diff.kwaad.textconv"] == ""
    assert environment["GIT_CONFIG_NOSYSTEM"] == "1"


def test_the_users_own_git_config_count_is_kept(hostile, monkeypatch):
    top, _, _ = hostile
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "user.name")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "Eigen Naam")
    environment = hardened_environment(GIT or "git", top)
    assert environment["GIT_CONFIG_KEY_0"] == "user.name"
    assert environment["GIT_CONFIG_KEY_1"] == "core.fsmonitor"
