"""livb new with several real processes on one folder at once: nothing is lost or overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from livb.core.diagnostics import Severity
from livb.method.check import run_checks
from livb.starters._base import LOCK


def start(*args: str | Path, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "livb", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, "PYTHONUTF8": "1"},
    )


def finish(processes: list[subprocess.Popen[bytes]]) -> list[tuple[int, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append((process.returncode, (out + err).decode("utf-8")))
    return results


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def errors(root: Path) -> list[str]:
    result = run_checks(root)
    return [f"{d.location} {d.message}" for d in result.diagnostics if d.severity is Severity.FOUT]


def test_eight_actors_added_at_once_all_land(halle, tmp_path):
    old = (halle / "actoren.yaml").read_text("utf-8")
    ids = [f"partner-{n}" for n in range(8)]
    results = finish([start("new", "actor", halle, "--id", id_, cwd=tmp_path) for id_ in ids])
    assert all(code == 0 for code, _ in results), results
    new = (halle / "actoren.yaml").read_text("utf-8")
    assert new.startswith(old.rstrip("\n"))  # the old file is untouched, the actors follow it
    actors = [a["id"] for a in load(halle / "actoren.yaml")["actoren"]]
    assert sorted(actors[-8:]) == sorted(ids)
    assert len(actors) == len(set(actors))
    assert errors(halle) == []
    assert not (halle / ".livb/new.lock.houder").exists()


def test_meetings_of_one_body_on_one_day_never_overwrite_each_other(halle, tmp_path):
    command = ("new", "vergadering", halle, "--datum", "2030-01-08")
    results = finish([start(*command, cwd=tmp_path) for _ in range(4)])
    assert all(code == 0 for code, _ in results), results
    names = sorted(p.name for p in (halle / "vergaderingen").glob("2030-01-08-kerngroep*.yaml"))
    assert names == [
        "2030-01-08-kerngroep-2.yaml",
        "2030-01-08-kerngroep-3.yaml",
        "2030-01-08-kerngroep-4.yaml",
        "2030-01-08-kerngroep.yaml",
    ]
    assert all(load(halle / "vergaderingen" / name)["orgaan"] == "kerngroep" for name in names)
    assert errors(halle) == []


def test_priorities_added_at_once_stop_at_the_methods_five(halle, tmp_path):
    assert len(load(halle / "prioriteiten.yaml")["prioriteiten"]) == 3
    ids = ["drugs", "zwerfvuil", "fietsen", "graffiti"]
    results = finish(
        [start("new", "prioriteit", halle, "--id", i, "--titel", i, cwd=tmp_path) for i in ids]
    )
    landed = [i for i, (code, _) in zip(ids, results, strict=True) if code == 0]
    refused = [text for code, text in results if code == 1]
    assert len(landed) == 2 and len(refused) == 2, results
    assert all("LIVB201: 6 prioriteiten" in text for text in refused)
    saved = [p["id"] for p in load(halle / "prioriteiten.yaml")["prioriteiten"]]
    assert saved[3:] == sorted(landed, key=saved.index)
    assert errors(halle) == []


def test_goals_added_at_once_get_their_own_numbers(halle, livb, tmp_path):
    assert livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs").code == 0
    command = ("new", "doelstelling", halle, "--prioriteit", "drugs")
    results = finish([start(*command, cwd=tmp_path) for _ in range(3)])
    assert all(code == 0 for code, _ in results), results
    assert sorted(path.name for path in (halle / "doelstellingen").glob("drugs*")) == ["drugs.yaml"]
    goals = load(halle / "doelstellingen/drugs.yaml")["strategische_doelstellingen"]
    assert sorted(goal["id"] for goal in goals) == ["sd-drugs-1", "sd-drugs-2", "sd-drugs-3"]
    assert errors(halle) == []


HOLD = """
import sys, time
from pathlib import Path
from livb.starters._base import folder_lock
with folder_lock(Path(sys.argv[1]), "livb new actor"):
    print("vast", flush=True)
    time.sleep(60)
"""


def test_a_held_lock_times_out_with_who_holds_it(halle, livb, monkeypatch, tmp_path):
    import livb.core.transaction as transaction

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(halle)], stdout=subprocess.PIPE, cwd=tmp_path
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"vast\n"
        monkeypatch.setattr(transaction, "LOCK_TIMEOUT", 0.5)
        before = (halle / "actoren.yaml").read_bytes()
        result = livb("new", "actor", halle, "--id", "jan-peeters")
    finally:
        holder.kill()
        holder.wait()
    assert result.code == 1
    assert "fout: de map wordt al aangepast door " in result.err
    assert f"(proces {holder.pid}, sinds " in result.err
    assert "'livb new actor')" in result.err
    assert "hulp: livb new wachtte 0,5 seconden; probeer het zo opnieuw" in result.err
    assert (halle / "actoren.yaml").read_bytes() == before
    # The holder is gone (killed, as a crash would): the next run gets the lock at once.
    assert (halle / LOCK).exists()
    assert livb("new", "actor", halle, "--id", "jan-peeters").code == 0


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
