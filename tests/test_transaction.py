"""livb.core.transaction: every writer waits for the folder's lock and never overwrites a change."""

from __future__ import annotations

import subprocess
import sys

from livb.core.transaction import LOCK, create_exclusive, folder_lock

from gitrepo import commit, git, init, isolate, needs_git
from helpers import copy_example

HOLD = """
import sys, time
from pathlib import Path
from livb.core.transaction import folder_lock
with folder_lock(Path(sys.argv[1]), "livb new actor"):
    print("vast", flush=True)
    time.sleep(60)
"""


def test_besluit_waits_for_a_new_that_holds_the_folder(halle, livb, monkeypatch, tmp_path):
    import livb.core.transaction as transaction

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(halle)], stdout=subprocess.PIPE, cwd=tmp_path
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"vast\n"
        monkeypatch.setattr(transaction, "LOCK_TIMEOUT", 0.5)
        before = (halle / "besluiten.yaml").read_bytes()
        result = livb(
            "besluit", halle, "--door", "gemeenteraad", "--onderwerp", "plan",
            "--datum", "2010-06-22", "--no-git",
        )  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    assert result.code == 1
    assert "fout: de map wordt al aangepast door " in result.err
    assert "'livb new actor')" in result.err
    assert "hulp: livb besluit wachtte 0,5 seconden" in result.err
    assert (halle / "besluiten.yaml").read_bytes() == before


@needs_git
def test_the_lock_stays_out_of_git_status_in_a_folder_init_did_not_make(tmp_path, monkeypatch):
    for name, value in isolate(tmp_path / "home").items():
        monkeypatch.setenv(name, value)
    top = init(tmp_path / "repo")
    folder = top / "halle"
    copy_example(folder)
    commit(top, "Eerste versie")
    with folder_lock(folder, "livb new actor"):
        assert (folder / LOCK).exists()
    assert git(top, "status", "--porcelain=v1", "--untracked-files=all") == ""
    (folder / ".livb" / ".gitignore").write_text("eigen regel\n", "utf-8")
    with folder_lock(folder, "livb new actor"):
        pass
    assert (folder / ".livb" / ".gitignore").read_text("utf-8") == "eigen regel\n"


def test_an_exclusive_create_never_takes_a_name_twice(tmp_path):
    path = tmp_path / "vergadering.yaml"
    assert create_exclusive(path) is True
    path.write_text("van iemand\n", "utf-8")
    assert create_exclusive(path) is False
    assert path.read_text("utf-8") == "van iemand\n"


def test_a_new_file_appears_whole_or_not_at_all(tmp_path):
    from livb.core.transaction import create_new

    path = tmp_path / "vergadering.yaml"
    assert create_new(path, b"orgaan: kerngroep\n", inside=tmp_path) is True
    assert path.read_bytes() == b"orgaan: kerngroep\n"
    # the name is taken: the second writer gets False and the first one's content stays
    assert create_new(path, b"orgaan: forum\n", inside=tmp_path) is False
    assert path.read_bytes() == b"orgaan: kerngroep\n"
    assert [p.name for p in tmp_path.iterdir()] == ["vergadering.yaml"]  # no temporary left
