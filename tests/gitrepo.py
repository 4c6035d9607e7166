"""A git repository for the tests: commands with a fixed identity, isolated from the user's git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

IDENTITY = ("-c", "user.name=Test Coördinator", "-c", "user.email=test@gemeente.be")


def isolate(home: Path) -> dict[str, str]:
    """Environment variables that keep the user's git configuration out of a test."""
    home.mkdir(parents=True, exist_ok=True)
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
    }


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` and return its output; a failure fails the test."""
    done = subprocess.run(
        ["git", *IDENTITY, "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def init(top: Path) -> Path:
    """A fresh repository at ``top`` (with a repository-local identity for livb's commits)."""
    top.mkdir(parents=True, exist_ok=True)
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Test Coördinator")
    git(top, "config", "user.email", "test@gemeente.be")
    git(top, "config", "commit.gpgsign", "false")
    git(top, "config", "tag.gpgsign", "false")
    return top


def commit(top: Path, message: str, tag: str | None = None) -> str:
    """Commit everything in the working tree; return the commit's hash."""
    git(top, "add", "-A")
    git(top, "commit", "-q", "--allow-empty", "-m", message)
    if tag:
        git(top, "tag", tag)
    return git(top, "rev-parse", "HEAD").strip()
