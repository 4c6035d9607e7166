"""Files a shared drive may hold instead of YAML: unreadable, FIFOs, files swapped while read."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from livb.folder import yamlio
from livb.method.check import run_checks

from helpers import copy_example

NOBODY = 65534


def found(root: Path) -> list[tuple[str, str, int, int, str]]:
    return [
        (d.code, d.location.path, d.location.line, d.location.column, d.message)
        for d in run_checks(root).diagnostics
        if d.code != "LIVB220"  # the example's info line
    ]


def refuse_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make opening one file fail as it does without read permission."""
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(yamlio.os, "open", fake_open)


def test_unreadable_yaml_is_one_finding_not_a_flood(halle, monkeypatch):
    refuse_open(monkeypatch, "actoren.yaml")
    assert found(halle) == [
        (
            "LIVB007",
            "actoren.yaml",
            0,
            0,
            "actoren.yaml kan niet gelezen worden (geen leesrechten)",
        )
    ]


def test_unreadable_csv_points_at_its_bestand(halle, monkeypatch):
    refuse_open(monkeypatch, "overlast.csv")
    assert found(halle) == [
        (
            "LIVB007",
            "diagnostiek/cijfers.yaml",
            42,
            14,
            "diagnostiek/overlast.csv kan niet gelezen worden (geen leesrechten)",
        )
    ]


def test_unreadable_folder_is_one_finding(halle, monkeypatch):
    real_scandir = os.scandir

    def fake_scandir(path="."):
        if Path(path).name == "vergaderingen":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    assert found(halle) == [
        (
            "LIVB007",
            "vergaderingen",
            0,
            0,
            "de map vergaderingen/ kan niet gelezen worden (geen leesrechten)",
        )
    ]


def test_a_fifo_is_never_opened(halle, monkeypatch):
    (halle / "swot.yaml").unlink()
    os.mkfifo(halle / "swot.yaml")
    real_open = os.open

    def watching_open(path, flags, *args, **kwargs):
        assert Path(path).name != "swot.yaml", "the FIFO was opened"
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(yamlio.os, "open", watching_open)
    [(code, path, *_, message)] = found(halle)
    assert (code, path, message) == (
        "LIVB007",
        "swot.yaml",
        "swot.yaml is een pijp (FIFO), geen gewoon bestand",
    )


def test_a_file_swapped_for_a_fifo_after_the_check_does_not_block(halle, monkeypatch):
    """Between the check and the open a FIFO may take the file's place: the open must not wait."""
    (halle / "swot.yaml").unlink()
    os.mkfifo(halle / "swot.yaml")
    monkeypatch.setattr(yamlio, "_kind_of", lambda path: None)
    [(code, path, *_, message)] = found(halle)
    assert (code, path) == ("LIVB007", "swot.yaml")
    assert message == "swot.yaml kan niet gelezen worden (geen gewoon bestand)"


def test_growth_between_stat_and_read_is_caught(halle, monkeypatch):
    """The size is checked again on what was read, not only on what stat said."""

    class Stat:
        st_size = 1
        st_mode = (halle / "swot.yaml").stat().st_mode

    real_stat = Path.stat
    monkeypatch.setattr(
        Path,
        "stat",
        lambda self, **kw: Stat() if self.name == "swot.yaml" else real_stat(self, **kw),
    )
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 100)
    messages = [message for *_, message in found(halle)]
    assert "swot.yaml kan niet gelezen worden (het bestand is te groot)" in messages


def _checked_as_nobody(root: Path) -> list[str]:
    """Run the checks in a forked child that dropped root's rights; its messages come back."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        try:
            os.close(reader)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            lines = [f"{d.location}: {d.code} {d.message}" for d in run_checks(root).diagnostics]
            os.write(writer, "\n".join(lines).encode("utf-8"))
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        output = pipe.read().decode("utf-8")
    os.waitpid(child, 0)
    return output.splitlines()


def test_chmod_000_as_a_normal_user(request):
    """The real thing: a file without read permission, read by a user who is not root."""
    if not hasattr(os, "fork") or not hasattr(os, "geteuid"):
        pytest.skip("needs POSIX fork and file modes")
    # Under /tmp, not pytest's tmp_path: its folders are closed to other users.
    base = Path(tempfile.mkdtemp(prefix="livb-rechten-"))
    request.addfinalizer(lambda: shutil.rmtree(base, ignore_errors=True))
    root = base / "gemeente"
    copy_example(root)
    for path in [base, root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (root / "actoren.yaml").chmod(0o000)
    if os.geteuid() == 0:
        lines = _checked_as_nobody(root)
    else:
        lines = [f"{d.location}: {d.code} {d.message}" for d in run_checks(root).diagnostics]
    assert [line for line in lines if "LIVB220" not in line] == [
        "actoren.yaml: LIVB007 actoren.yaml kan niet gelezen worden (geen leesrechten)"
    ]
