"""livb.core.transaction: every writer waits for the folder's lock and never overwrites a change."""

from __future__ import annotations

from livb.core.transaction import LOCK, create_exclusive, folder_lock

from gitrepo import commit, git, init, isolate, needs_git
from helpers import copy_example


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
