"""livb new: a new piece from a skeleton; nothing else in the folder changes by a single byte."""

from __future__ import annotations

import difflib
from pathlib import Path

from ruamel.yaml import YAML

from livb.check import run_checks
from livb.diagnostics import Severity


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def only_insertions(old: str, new: str) -> list[str]:
    """The lines added to ``old``; fails when anything was changed or removed."""
    matcher = difflib.SequenceMatcher(
        a=old.splitlines(True), b=new.splitlines(True), autojunk=False
    )
    added = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old.splitlines()[i1:i2], new.splitlines()[j1:j2])
        if tag == "insert":
            added.extend(new.splitlines(True)[j1:j2])
    return added


def with_hand_written_comments(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        if ".livb" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(f"# Notitie van de coördinator: niet wissen!\n{text}\n# slot  \n", "utf-8")


def errors(root: Path) -> list[str]:
    result = run_checks(root)
    return [f"{d.location} {d.message}" for d in result.diagnostics if d.severity is Severity.FOUT]


def test_new_meeting_leaves_every_other_byte_untouched(halle, livb):
    with_hand_written_comments(halle)
    before = snapshot(halle)
    result = livb(
        "new", "vergadering", "--orgaan", "kerngroep", "--map", halle, "--datum", "2030-06-15"
    )
    assert result.code == 0, result.err
    after = snapshot(halle)
    added = set(after) - set(before)
    assert added == {"vergaderingen/2030-06-15-kerngroep.yaml"}
    assert {k: after[k] for k in before} == before


def test_new_meeting_is_prefilled_per_the_methods_habits(halle, livb):
    livb("new", "vergadering", "--orgaan", "kerngroep", "--stap", "2.5", "--map", halle,
         "--datum", "2030-06-15")  # fmt: skip
    data = YAML(typ="safe").load(
        (halle / "vergaderingen/2030-06-15-kerngroep.yaml").read_text("utf-8")
    )
    kerngroep = YAML(typ="safe").load((halle / "organen.yaml").read_text("utf-8"))["kerngroep"]
    assert data["aanwezig"] == kerngroep["leden"]
    assert data["voorzitter"] == "dirk-pieters" and data["verslaggever"] == "els-janssens"
    assert data["keurt_verslag_goed"] == ["2010-02-09-kerngroep-plan"]
    agenda = [punt["punt"] for punt in data["agenda"]]
    assert agenda[0] == "Goedkeuring van het verslag van 9 februari 2010"
    assert agenda[1] == "Overzicht van de stappen die al gezet zijn"
    assert any("SWOT" in punt for punt in agenda)
    assert agenda[-2:] == ["Volgende stap en huiswerk", "Datum van de volgende vergadering"]
    assert data["stappen"] == ["2.5"]
    assert errors(halle) == []


def test_new_meeting_takes_the_date_set_at_the_previous_one(tmp_path, livb):
    from livb.scaffold import InitRequest, create_folder

    root = tmp_path / "x"
    create_folder(InitRequest(root, "Halle", git=False))
    first = livb("new", "vergadering", "--map", root, "--stap", "1.6", "--datum", "2031-01-10")
    assert first.code == 0, first.err
    path = root / "vergaderingen/2031-01-10-kerngroep.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "volgende_vergadering:\n", "volgende_vergadering:\n  datum: 2031-02-20\n  plaats: Zaal 2\n"
    ), "utf-8")  # fmt: skip
    assert livb("new", "vergadering", "--map", root).code == 0
    second = YAML(typ="safe").load(
        (root / "vergaderingen/2031-02-20-kerngroep.yaml").read_text("utf-8")
    )
    assert second["plaats"] == "Zaal 2"
    assert second["keurt_verslag_goed"] == ["2031-01-10-kerngroep"]


def test_new_meeting_for_a_projectgroep_invites_its_members(halle, livb):
    assert (
        livb(
            "new", "vergadering", "--orgaan", "pg-verkeer", "--map", halle, "--datum", "2030-01-08"
        ).code
        == 0
    )
    data = YAML(typ="safe").load(
        (halle / "vergaderingen/2030-01-08-pg-verkeer.yaml").read_text("utf-8")
    )
    assert data["aanwezig"] == ["sofie-claes", "lies-goossens", "koen-deprez", "scholen"]
    assert data["voorzitter"] == "sofie-claes"


def test_a_second_meeting_on_the_same_day_gets_its_own_file(halle, livb):
    for _ in range(2):
        assert livb("new", "vergadering", "--map", halle, "--datum", "2030-01-08").code == 0
    assert (halle / "vergaderingen/2030-01-08-kerngroep-2.yaml").is_file()


def test_new_meeting_of_an_unknown_body(halle, livb):
    result = livb("new", "vergadering", "--orgaan", "pg-onbekend", "--map", halle)
    assert result.code == 1 and "onbekend orgaan 'pg-onbekend'" in result.err


def test_new_actor_only_inserts_lines(halle, livb):
    with_hand_written_comments(halle)
    old = (halle / "actoren.yaml").read_text("utf-8")
    others = {k: v for k, v in snapshot(halle).items() if k != "actoren.yaml"}
    result = livb("new", "actor", "--map", halle, "--id", "jan-peeters", "--naam", "Jan: Peeters & Zn",
                  "--rol", "partner", "--sector", "middenveld")  # fmt: skip
    assert result.code == 0, result.err
    new = (halle / "actoren.yaml").read_text("utf-8")
    added = only_insertions(old, new)
    assert added[0] == "  - id: jan-peeters\n"
    assert new.endswith("# slot  \n\n") or new.endswith("# slot  \n")
    assert {k: v for k, v in snapshot(halle).items() if k != "actoren.yaml"} == others
    actors = YAML(typ="safe").load(new)["actoren"]
    assert actors[-1] == {"id": "jan-peeters", "naam": "Jan: Peeters & Zn", "rol": "partner",
                          "sector": "middenveld"}  # fmt: skip
    assert errors(halle) == []


def test_new_actor_refuses_a_duplicate_or_invalid_id(halle, livb):
    before = snapshot(halle)
    duplicate = livb("new", "actor", "--map", halle, "--id", "els-janssens")
    assert duplicate.code == 1 and "bestaat al" in duplicate.err
    invalid = livb("new", "actor", "--map", halle, "--id", "Els Janssens")
    assert invalid.code == 1 and "geen geldige id" in invalid.err
    assert snapshot(halle) == before


def test_new_priority_in_a_fresh_folder_replaces_the_empty_list(tmp_path, livb):
    from livb.scaffold import InitRequest, create_folder

    root = tmp_path / "x"
    create_folder(InitRequest(root, "Halle", git=False))
    old = (root / "prioriteiten.yaml").read_text("utf-8")
    result = livb("new", "prioriteit", "--map", root, "--id", "overlast", "--titel", "Overlast")
    assert result.code == 0, result.err
    new = (root / "prioriteiten.yaml").read_text("utf-8")
    assert "#  - id: overlast" in new  # the commented example is still there
    data = YAML(typ="safe").load(new)
    assert [p["id"] for p in data["prioriteiten"]] == ["overlast"]
    assert len(new.splitlines()) > len(old.splitlines())
    assert errors(root) == []


def test_new_goals_create_then_extend_the_file(halle, livb):
    assert livb("new", "prioriteit", "--map", halle, "--id", "drugs", "--titel", "Drugs").code == 0
    assert livb("new", "doelstelling", "--map", halle, "--prioriteit", "drugs").code == 0
    path = halle / "doelstellingen/drugs.yaml"
    first = path.read_text("utf-8")
    assert first.startswith("# yaml-language-server: $schema=../.livb/schema/doelstellingen.json")
    assert livb("new", "doelstelling", "--map", halle, "--prioriteit", "drugs").code == 0
    second = path.read_text("utf-8")
    only_insertions(first, second)
    data = YAML(typ="safe").load(second)
    assert [sd["id"] for sd in data["strategische_doelstellingen"]] == ["sd-drugs-1", "sd-drugs-2"]
    assert "&id" not in second
    assert errors(halle) == []


def test_new_goals_for_an_unknown_priority(halle, livb):
    result = livb("new", "doelstelling", "--map", halle, "--prioriteit", "drug")
    assert result.code == 1 and "onbekende prioriteit 'drug'" in result.err


def test_new_interview_has_the_tool_d_questions(halle, livb):
    result = livb("new", "gesprek", "--map", halle, "--met", "ann-mertens", "--datum", "2010-06-20")
    assert result.code == 0, result.err
    data = YAML(typ="safe").load(
        (halle / "gesprekken/2010-06-20-ann-mertens.yaml").read_text("utf-8")
    )
    assert (
        data["stap"] == "2.2"
        and data["met"] == ["ann-mertens"]
        and data["door"] == ["els-janssens"]
    )
    assert data["vertrouwelijk"] is True
    assert len(data["werking_dienst"] + data["livb_perspectief"] + data["organisatie"]) == 10
    assert errors(halle) == []


def test_new_interview_with_an_unknown_actor(halle, livb):
    result = livb("new", "gesprek", "--map", halle, "--met", "nobody")
    assert result.code == 1 and "onbekende actor 'nobody'" in result.err


def test_new_in_a_broken_folder_changes_nothing(halle, livb):
    (halle / "organen.yaml").write_text("kerngroep: [\n", "utf-8")
    before = snapshot(halle)
    result = livb("new", "actor", "--map", halle, "--id", "x")
    assert result.code == 1 and "livb check" in result.err
    assert snapshot(halle) == before


def test_a_failed_write_leaves_the_file_and_no_temporary_behind(halle, livb, monkeypatch):
    old = (halle / "actoren.yaml").read_bytes()

    def broken_replace(self, target):
        raise OSError("schijf vol")

    monkeypatch.setattr(Path, "replace", broken_replace)
    result = livb("new", "actor", "--map", halle, "--id", "x")
    assert result.code == 1 and "schijf vol" in result.err and "Traceback" not in result.err
    assert (halle / "actoren.yaml").read_bytes() == old
    assert not [p for p in halle.iterdir() if p.name.endswith(".tmp")]
