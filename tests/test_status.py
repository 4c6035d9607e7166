"""livb status: the state of every step is derived from the folder, true to its data."""

from __future__ import annotations

import datetime as dt
import json

from livb.model.stappen import Stap
from livb.process import Stand, derive_state
from livb.project import load_project

from helpers import EXAMPLE


def state_of(root, day):
    loaded = load_project(root)
    assert loaded.project is not None
    return derive_state(loaded.project, day)


def test_halle_today_has_an_approved_plan_and_awaits_evaluation():
    state = state_of(EXAMPLE, dt.date(2026, 11, 21))
    stands = {s.stap: s.stand for s in state.steps}
    assert all(stands[stap] is Stand.KLAAR for stap in Stap if stap is not Stap.F5)
    assert stands[Stap.F5] is Stand.TE_DOEN
    assert state.step(Stap.S3_6).datum == dt.date(2010, 3, 23)
    assert state.step(Stap.S1_6).bewijs == ("vergaderingen/2009-04-21-kerngroep-opstart.yaml",)
    assert state.next_step is not None and state.next_step.stap is Stap.F5


def test_halle_in_june_2009_is_in_the_middle_of_phase_2():
    state = state_of(EXAMPLE, dt.date(2009, 6, 1))
    assert state.done(Stap.S2_1) and state.done(Stap.S1_6)
    assert state.step(Stap.S2_2).stand is Stand.BEZIG
    assert "guy-nechelpuut" in state.step(Stap.S2_2).uitleg
    assert state.step(Stap.S2_2).volgende == "livb new gesprek --met guy-nechelpuut"
    assert state.step(Stap.S2_7).stand is Stand.TE_DOEN
    assert state.step(Stap.S3_6).stand is Stand.TE_DOEN
    assert state.next_step is not None and state.next_step.stap is Stap.S2_2
    assert state.current_phase == "2"


def test_a_meeting_planned_in_the_future_is_in_progress_not_done():
    state = state_of(EXAMPLE, dt.date(2009, 9, 1))
    step = state.step(Stap.S2_4)
    assert step.stand is Stand.BEZIG and "gepland" in step.uitleg


def test_college_approval_without_council_is_in_progress(halle):
    path = halle / "besluiten.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    door: gemeenteraad\n    onderwerp: plan",
            "    door: gemeenteraad\n    onderwerp: andere",
        ),
        "utf-8",
    )
    state = state_of(halle, dt.date(2026, 1, 1))
    assert state.step(Stap.S3_6).stand is Stand.BEZIG
    assert state.step(Stap.F4).stand is Stand.TE_DOEN


def test_fresh_folder_starts_at_step_1_1(tmp_path):
    from livb.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Halle", git=False))
    state = state_of(tmp_path / "x", dt.date(2026, 1, 1))
    assert state.next_step is not None and state.next_step.stap is Stap.S1_1
    assert not any(s.stand is Stand.KLAAR for s in state.steps)
    assert state.step(Stap.S1_5).stand is Stand.BEZIG  # roles set, names missing


def test_status_command_shows_every_step_with_evidence(livb):
    result = livb("status", EXAMPLE, "--datum", "2026-11-21")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Halle — integraal plan levenskwaliteit (fase 5 Gebruiken en evalueren)"
    for stap in Stap:
        assert any(line.strip().split()[1:2] == [stap.value] for line in lines[1:]), stap
    assert any("1.6" in x and "vergaderingen/2009-04-21-kerngroep-opstart.yaml" in x for x in lines)
    assert "Volgende stap: 5 Gebruiken en evalueren" in result.out
    assert (
        "Acties per schakel van de keten: nazorg 2, preventie 6, proactie 2, repressie 3"
        in result.out
    )


def test_status_json(livb):
    payload = json.loads(livb("status", EXAMPLE, "--format", "json", "--datum", "2009-06-01").out)
    assert payload["gemeente"] == "Halle" and payload["volgende"] == "2.2"
    step = next(s for s in payload["stappen"] if s["stap"] == "2.2")
    assert step["stand"] == "bezig" and step["bewijs"]


def test_status_of_several_folders_is_one_line_each(livb, tmp_path):
    from livb.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Lier", git=False))
    result = livb("status", EXAMPLE, tmp_path / "x", "--datum", "2026-11-21")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Halle") and "fase 5" in lines[0]
    assert lines[1].startswith("Lier") and "fase 1" in lines[1]


def test_status_of_a_broken_folder(livb, tmp_path):
    (tmp_path / "livb.yaml").write_text("gemeente: [\n", encoding="utf-8")
    result = livb("status", tmp_path)
    assert result.code == 1
    assert "livb check" in result.out and "Traceback" not in result.err


def test_explain_prints_the_rule_and_its_source(livb):
    result = livb("check", "--explain", "livb2o3")
    assert result.code == 0
    assert result.out.startswith("LIVB203 kerngroep-keten (waarschuwing)\nBron: Methode, stap 1.5")
    assert "Oplossing:" in result.out


def test_explain_a_loading_code_and_an_unknown_code(livb):
    assert "YAML" in livb("check", "--explain", "LIVB001").out
    unknown = livb("check", "--explain", "LIVB999")
    assert unknown.code == 2 and "onbekende code" in unknown.err


def test_rule_list(livb):
    result = livb("check", "--regels")
    codes = [line.split()[0] for line in result.out.splitlines()]
    assert codes == sorted(codes) and "LIVB001" in codes and "LIVB408" in codes
