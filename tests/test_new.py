"""livb new: a new piece from a skeleton; nothing else in the folder changes by a single byte."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from livb.core.diagnostics import Severity
from livb.core.transaction import FileChangedError, write_atomic
from livb.method.check import run_checks
from livb.starters._base import LOCK

from helpers import REPO, copy_example


def snapshot(root: Path, *, lock: bool = True) -> dict[str, bytes]:
    """Every file's bytes; ``lock=False`` leaves out the lock file a new leaves, and its ignore."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and (lock or p.relative_to(root).as_posix() not in (LOCK, ".livb/.gitignore"))
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


def filled(actor: dict) -> dict:
    """The keys of a new actor that hold more than an empty field (livb new names them all)."""
    from livb.model.actoren import Actor

    assert list(actor) == list(Actor.model_fields)  # every field, in the model's order
    defaults = {name: info.get_default(call_default_factory=True)
                for name, info in Actor.model_fields.items()}  # fmt: skip
    return {key: value for key, value in actor.items() if value != defaults[key]}


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
    after = snapshot(halle, lock=False)
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
    from livb.starters.scaffold import InitRequest, create_folder

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
    assert result.code == 2 and "onbekend orgaan 'pg-onbekend'" in result.err


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
    assert {k: v for k, v in snapshot(halle, lock=False).items() if k != "actoren.yaml"} == others
    actors = YAML(typ="safe").load(new)["actoren"]
    assert filled(actors[-1]) == {"id": "jan-peeters", "naam": "Jan: Peeters & Zn",
                                  "rol": "partner", "sector": "middenveld"}  # fmt: skip
    assert errors(halle) == []


def test_new_actor_refuses_a_duplicate_or_invalid_id(halle, livb):
    before = snapshot(halle)
    duplicate = livb("new", "actor", "--map", halle, "--id", "els-janssens")
    assert duplicate.code == 1 and "bestaat al" in duplicate.err
    invalid = livb("new", "actor", "--map", halle, "--id", "Els Janssens")
    assert invalid.code == 2 and "geen geldige id" in invalid.err
    assert snapshot(halle) == before


def test_new_priority_in_a_fresh_folder_replaces_the_empty_list(tmp_path, livb):
    from livb.starters.scaffold import InitRequest, create_folder

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
    assert result.code == 2 and "onbekende prioriteit 'drug'" in result.err


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
    assert result.code == 2 and "onbekende actor 'nobody'" in result.err


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


# --- the step of an interview, the folder argument ------------------------------------------


def test_an_interview_before_the_protocol_is_signed_is_step_1_2_after_it_2_2(halle, livb):
    before = livb("new", "gesprek", halle, "--met", "burgemeester", "--datum", "2009-01-15")
    after = livb("new", "gesprek", halle, "--met", "burgemeester", "--datum", "2009-03-25")
    assert before.code == 0 and after.code == 0, before.err + after.err
    load = YAML(typ="safe").load
    first = load((halle / "gesprekken/2009-01-15-dirk-pieters.yaml").read_text("utf-8"))
    second = load((halle / "gesprekken/2009-03-25-dirk-pieters.yaml").read_text("utf-8"))
    assert (first["stap"], second["stap"]) == ("1.2", "2.2")
    assert first["met"] == second["met"] == ["dirk-pieters"]
    assert errors(halle) == []


def test_new_takes_the_folder_as_argument_option_or_current_folder(halle, livb, monkeypatch):
    assert livb("new", "actor", halle, "--id", "a1").code == 0
    assert livb("new", "actor", "--map", halle, "--id", "a2").code == 0
    assert livb("new", "actor", "-m", halle, "--id", "a3").code == 0
    monkeypatch.chdir(halle)
    here = livb("new", "actor", "--id", "a4")
    assert here.code == 0, here.err
    actors = YAML(typ="safe").load((halle / "actoren.yaml").read_text("utf-8"))["actoren"]
    assert [a["id"] for a in actors[-4:]] == ["a1", "a2", "a3", "a4"]


def test_the_help_shows_the_folder_as_argument(livb):
    result = livb("new", "--help")
    assert result.code == 0
    assert "SOORT [MAP]" in result.out
    assert "--map" in result.out


# --- shared-drive friendly files ------------------------------------------------------------


@pytest.fixture
def umask():
    """Set the process umask for one test."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_get_the_mode_of_the_umask(halle, livb, umask, mask, mode):
    umask(mask)
    assert livb("new", "vergadering", halle, "--datum", "2030-06-15").code == 0
    meeting = halle / "vergaderingen/2030-06-15-kerngroep.yaml"
    assert stat.S_IMODE(meeting.stat().st_mode) == mode
    assert livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs").code == 0
    assert livb("new", "doelstelling", halle, "--prioriteit", "drugs").code == 0
    assert stat.S_IMODE((halle / "doelstellingen/drugs.yaml").stat().st_mode) == mode
    document = halle / "output" / "plan.docx"
    document.parent.mkdir()
    write_atomic(
        document, b"PK\x03\x04", inside=halle
    )  # what livb render writes goes through the same
    assert stat.S_IMODE(document.stat().st_mode) == mode


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_an_extended_file_keeps_its_mode(halle, livb, umask):
    (halle / "actoren.yaml").chmod(0o640)
    (halle / "prioriteiten.yaml").chmod(0o664)
    assert livb("new", "actor", halle, "--id", "jp").code == 0
    assert livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs").code == 0
    assert stat.S_IMODE((halle / "actoren.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((halle / "prioriteiten.yaml").stat().st_mode) == 0o664


@pytest.mark.parametrize("name", ["actoren.yaml", "prioriteiten.yaml"])
def test_a_notepad_file_keeps_its_bom_and_crlf(halle, livb, name):
    path = halle / name
    old = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(old)
    if name == "actoren.yaml":
        result = livb("new", "actor", halle, "--id", "jan-peeters", "--naam", "Jan Peeters")
    else:
        result = livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs")
    assert result.code == 0, result.err
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") and new.count(b"\xef\xbb\xbf") == 1
    # Only whole CRLF lines were inserted at one place: old = head + tail, new = head + x + tail.
    differ = (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    head = old.rfind(b"\r\n", 0, next(differ, len(old))) + 2
    tail = old[head:]
    assert new.endswith(tail) and new[:head] == old[:head]
    inserted = new[head : len(new) - len(tail)]
    assert inserted and inserted.endswith(b"\r\n")
    assert inserted.count(b"\n") == inserted.count(b"\r\n") > 0
    assert errors(halle) == []


# --- compare-and-swap, the lock, exclusive names --------------------------------------------


def test_a_hand_edit_while_new_runs_is_never_overwritten(halle, livb, monkeypatch):
    import livb.starters._base as starters

    path = halle / "actoren.yaml"
    edited = path.read_text("utf-8") + "  - id: door-de-editor\n"
    real = starters.write_atomic

    def editor_saves_first(target, content, *, inside, expected=None):
        path.write_text(edited, "utf-8")  # the colleague's editor saves at this very moment
        real(target, content, inside=inside, expected=expected)

    monkeypatch.setattr(starters, "write_atomic", editor_saves_first)
    result = livb("new", "actor", halle, "--id", "jan-peeters")
    assert result.code == 1
    assert (
        "fout: 'actoren.yaml' werd gewijzigd terwijl livb new het aanvulde (in een editor of door "
        "iemand anders); livb new heeft niets geschreven" in result.err
    )
    assert "hulp: sla het bestand op (of sluit het) en voer het commando opnieuw uit" in result.err
    assert path.read_text("utf-8") == edited
    assert not [p for p in halle.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_refuses_when_the_file_changed(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x: 1\n")
    with pytest.raises(FileChangedError):
        write_atomic(path, "x: 2\n", inside=tmp_path, expected=b"x: 0\n")
    assert path.read_bytes() == b"x: 1\n"
    write_atomic(path, "x: 2\n", inside=tmp_path, expected=b"x: 1\n")
    assert path.read_bytes() == b"x: 2\n"
    new = tmp_path / "b.yaml"
    write_atomic(new, "y: 1\n", inside=tmp_path, expected=b"")  # b"" is what a missing file holds
    assert new.read_bytes() == b"y: 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_reserving_a_name_never_hands_it_out_twice(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from livb.starters._base import _reserve

    (tmp_path / "2030-01-08-kerngroep.yaml").write_text("met de hand\n", "utf-8")
    with ThreadPoolExecutor(8) as pool:
        paths = list(
            pool.map(
                lambda n: _reserve(tmp_path, tmp_path, "2030-01-08-kerngroep", b"nr %d\n" % n),
                range(16),
            )
        )
    assert len(set(paths)) == 16
    # each file holds its writer's content whole: no name was handed out empty or twice
    assert sorted(p.read_bytes() for p in paths) == sorted(b"nr %d\n" % n for n in range(16))
    assert not list(tmp_path.glob(".*.tmp"))
    assert tmp_path / "2030-01-08-kerngroep.yaml" not in paths
    assert (tmp_path / "2030-01-08-kerngroep.yaml").read_text("utf-8") == "met de hand\n"
    assert {p.name for p in paths} == {f"2030-01-08-kerngroep-{n}.yaml" for n in range(2, 18)}


def test_a_refused_new_touches_nothing_not_even_the_lock(halle, livb):
    before = snapshot(halle)
    for code, *args in (
        (1, "actor", "--id", "els-janssens"),  # the id exists
        (2, "actor", "--id", "x", "--rol", "schepn"),  # option values
        (2, "vergadering", "--orgaan", "pg-onbekend"),
        (2, "gesprek", "--met", "politie"),
        (2, "doelstelling", "--prioriteit", "drug"),
    ):
        result = livb("new", args[0], halle, *args[1:])
        assert result.code == code, result.out
    assert snapshot(halle) == before
    assert not (halle / LOCK).exists()


def test_every_kind_of_new_leaves_a_folder_that_check_accepts(halle, livb):
    for args in (
        ("vergadering", "--stap", "2,5", "--datum", "2030-06-15"),
        ("vergadering", "--orgaan", "pg-verkeer", "--datum", "2030-06-15"),
        ("gesprek", "--met", "korpschef", "--datum", "2010-06-20"),
        ("actor", "--id", "jp", "--naam", "null", "--functie", "2030-01-01", "--rol", "Schepen"),
        ("prioriteit", "--id", "drugs", "--titel", "yes: no # geen commentaar"),
        ("doelstelling", "--prioriteit", "drugs"),
        ("doelstelling", "--prioriteit", "inbraken"),
    ):
        result = livb("new", args[0], halle, *args[1:])
        assert result.code == 0, result.err
    assert errors(halle) == []
    data = YAML(typ="safe").load((halle / "actoren.yaml").read_text("utf-8"))["actoren"][-1]
    assert filled(data) == {"id": "jp", "naam": "null", "functie": "2030-01-01", "rol": "schepen"}
    titel = YAML(typ="safe").load((halle / "prioriteiten.yaml").read_text("utf-8"))
    assert titel["prioriteiten"][-1]["titel"] == "yes: no # geen commentaar"


def test_a_goal_number_taken_by_hand_elsewhere_is_skipped(halle, livb):
    assert livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs").code == 0
    # Someone numbered an action of another priority's file a-drugs-1 by hand.
    (halle / "doelstellingen/extra.yaml").write_text(
        "prioriteit: inbraken\n"
        "strategische_doelstellingen:\n"
        "  - id: sd-extra\n"
        "    titel: Extra\n"
        "    operationele_doelstellingen:\n"
        "      - id: od-extra\n"
        "        titel: Extra\n"
        "        acties:\n"
        "          - id: a-drugs-1\n"
        "            titel: Een actie\n",
        "utf-8",
    )
    assert livb("new", "doelstelling", halle, "--prioriteit", "drugs").code == 0
    data = YAML(typ="safe").load((halle / "doelstellingen/drugs.yaml").read_text("utf-8"))
    sd = data["strategische_doelstellingen"][0]
    assert sd["id"] == "sd-drugs-2"
    assert sd["operationele_doelstellingen"][0]["acties"][0]["id"] == "a-drugs-2"
    assert [e for e in errors(halle) if "a-drugs" in e] == []


def test_a_missing_list_file_is_created(halle, livb):
    (halle / "prioriteiten.yaml").unlink()
    result = livb("new", "prioriteit", halle, "--id", "drugs", "--titel", "Drugs")
    assert result.code == 0, result.err
    assert "Nieuw bestand: " in result.out and "prioriteiten.yaml" in result.out
    data = YAML(typ="safe").load((halle / "prioriteiten.yaml").read_text("utf-8"))
    assert [p["id"] for p in data["prioriteiten"]] == ["drugs"]


def test_a_meeting_of_an_overleg_body_gets_its_name(tmp_path, livb):
    root = tmp_path / "mechelen"
    copy_example(root, REPO / "tests" / "projects" / "mechelen")
    result = livb(
        "new", "vergadering", root, "--orgaan", "sinterklaasforum", "--datum", "2008-12-06"
    )
    assert result.code == 0, result.err
    written = (root / "vergaderingen" / "2008-12-06-sinterklaasforum.yaml").read_text("utf-8")
    assert "orgaan: sinterklaasforum" in written
    assert "Vergadering van Sinterklaasforum" in written or "Sinterklaasforum" in written
    assert livb("check", root).code == 0
