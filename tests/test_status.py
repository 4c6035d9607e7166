"""livb status: the state of every step is derived from the folder, true to its data."""

from __future__ import annotations

import datetime as dt
import json

from livb.folder.project import load_project
from livb.method.process import Stand, derive_state
from livb.model.stappen import STAPPEN, Stap

from helpers import EXAMPLE


def state_of(root, day):
    loaded = load_project(root)
    assert loaded.project is not None
    return derive_state(loaded.project, day)


def test_halle_today_never_closed_phase_4_and_is_in_phase_5_since_the_plan_period_ended():
    state = state_of(EXAMPLE, dt.date(2026, 11, 21))
    stands = {s.stap: s.stand for s in state.steps}
    assert all(stands[stap] is Stand.KLAAR for stap in STAPPEN if stap.fase in "123")
    # The plan period ended in 2012; the follow-up stops in 2011 and nothing evaluates the end.
    step = state.step(Stap.S4_1)
    assert step.stand is Stand.NIET_AFGESLOTEN
    assert "2012-12-31" in step.uitleg and "geen eindevaluatie" in step.uitleg
    assert "13 acties: 3 afgerond, 1 geschrapt, 9 over tijd (waarvan 1 vertraagd)" in step.uitleg
    assert step.bewijs == ("monitoring/2010.yaml", "monitoring/2011.yaml")
    assert "livb new monitoring --jaar 2012" in step.volgende
    assert (stands[Stap.S4_2], state.step(Stap.S4_2).datum) == (Stand.KLAAR, dt.date(2011, 6, 27))
    assert (stands[Stap.S4_3], state.step(Stap.S4_3).datum) == (Stand.KLAAR, dt.date(2011, 10, 15))
    assert (stands[Stap.S4_4], state.step(Stap.S4_4).datum) == (Stand.KLAAR, dt.date(2012, 3, 19))
    assert all(stands[stap] is Stand.TE_DOEN for stap in STAPPEN if stap.fase == "5")
    assert state.step(Stap.S3_6).datum == dt.date(2010, 3, 23)
    assert state.step(Stap.S1_6).bewijs == ("vergaderingen/2009-04-21-kerngroep-opstart.yaml",)
    # thirteen years after the plan period, phase 5 comes first; 4.1 says what it left open
    assert state.next_step is not None and state.next_step.stap is Stap.S5_1
    assert state.current_phase == "5"


def test_a_final_evaluation_begins_phase_5_and_leaves_the_unfinished_actions_incomplete(halle):
    path = halle / "besluiten.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - {id: evaluatie-2013, datum: 2013-03-18, door: gemeenteraad, onderwerp: evaluatie,"
        " uitkomst: kennisgenomen}\n",
        "utf-8",
    )
    state = state_of(halle, dt.date(2026, 11, 21))
    assert state.step(Stap.S5_3).stand is Stand.KLAAR
    assert state.step(Stap.S5_3).datum == dt.date(2013, 3, 18)
    # the plan was closed with actions still running: the process went on without them
    assert state.step(Stap.S4_1).stand is Stand.ONVOLLEDIG
    assert "5.3 klaar op 2013-03-18" in state.step(Stap.S4_1).uitleg
    assert state.step(Stap.S4_2).stand is Stand.KLAAR  # the interim evaluation stays what it was
    assert state.current_phase == "5"
    assert state.next_step is not None and state.next_step.stap is Stap.S5_1


def test_phase_4_runs_while_the_plan_period_runs():
    state = state_of(EXAMPLE, dt.date(2011, 5, 1))
    step = state.step(Stap.S4_1)
    assert step.stand is Stand.BEZIG
    # the 2011 follow-up counts from its year: one action delayed, one dropped, three done
    assert step.uitleg.startswith("13 acties: 3 afgerond, 1 geschrapt, 1 over tijd")
    assert step.volgende == "volg de acties en indicatoren op: werk monitoring/2011.yaml bij"
    # the interim evaluation of June 2011 has not happened yet; it is not due either
    assert state.step(Stap.S4_2).stand is Stand.TE_DOEN
    assert state.step(Stap.S4_4).stand is Stand.KLAAR  # the annual report of March 2011
    assert all(state.step(s).volgende == "" for s in STAPPEN if s.fase == "5")
    assert "begint na de planperiode (tot 2012-12-31)" in state.step(Stap.S5_1).uitleg
    assert state.current_phase == "4"


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
    # without the council's approval, the plan's end opens no phase 5
    assert all(state.step(s).volgende == "" for s in STAPPEN if s.fase == "5")
    state = state_of(halle, dt.date(2011, 9, 1))
    # the follow-up runs, but the plan is not approved: implementation without a mandate
    assert state.step(Stap.S4_1).stand is Stand.BEZIG
    assert "nog niet goedgekeurd door de gemeenteraad" in state.step(Stap.S4_1).uitleg
    assert state.step(Stap.S4_2).stand is Stand.TE_DOEN


def test_fresh_folder_starts_at_step_1_1(tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

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
    for stap in STAPPEN:
        assert any(line.strip().split()[1:2] == [stap.value] for line in lines[1:]), stap
    steps = [line for line in lines[1:] if not line.startswith("Fase")]
    assert not any(line.strip().split()[1:2] in (["4"], ["5"]) for line in steps)
    assert any("1.6" in x and "vergaderingen/2009-04-21-kerngroep-opstart.yaml" in x for x in lines)
    assert "Volgende stap: 5.1 Opvolging op lange termijn" in result.out
    assert "niet afgesloten" in result.out
    assert (
        "Opvolging (monitoring 2010–2011): 13 acties: 3 afgerond, 1 geschrapt, 9 over tijd "
        "(waarvan 1 vertraagd); 6 indicatoren: 1 bereikt, 2 op koers, 3 niet op koers"
    ) in result.out
    assert (
        "Acties per schakel van de keten: nazorg 2, preventie 6, proactie 2, repressie 3"
        in result.out
    )


def test_status_json(livb):
    payload = json.loads(livb("status", EXAMPLE, "--format", "json", "--datum", "2009-06-01").out)
    assert payload["gemeente"] == "Halle" and payload["volgende"] == "2.2"
    step = next(s for s in payload["stappen"] if s["stap"] == "2.2")
    assert step["stand"] == "bezig" and step["bewijs"]
    assert payload["opvolging"] is None  # 2009: no plan to follow up yet


def test_status_json_carries_the_follow_up(livb):
    result = livb("status", EXAMPLE, "--format", "json", "--datum", "2026-11-21")
    payload = json.loads(result.out)
    assert (payload["volgende"], payload["afgerond"], payload["laatste"]) == ("5.1", 22, "4.4")
    assert [s["stap"] for s in payload["stappen"]][-8:] == [s.value for s in STAPPEN[-8:]]
    assert payload["opvolging"] == {
        "jaren": [2010, 2011],
        "acties": {"afgerond": 3, "geschrapt": 1, "over tijd": 9, "vertraagd": 1, "op schema": 0},
        "indicatoren": {
            "bereikt": 1,
            "op koers": 2,
            "niet op koers": 3,
            "niet te beoordelen": 0,
            "nog niet gemeten": 0,
        },
    }


def test_status_of_several_folders_is_one_line_each(livb, tmp_path):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "x", "Lier", git=False))
    result = livb("status", EXAMPLE, tmp_path / "x", "--datum", "2026-11-21")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Halle") and "fase 5" in lines[0] and "22/27 afgerond" in lines[0]
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


# -- every real path: optional steps, steps done otherwise, steps the process went past --------

FOD_LESS = {
    "besluiten.yaml": """\
        besluiten:
          - {id: aanstelling, datum: 2025-09-01, door: college, onderwerp: aanstelling_coordinator}
          - {id: opstart, datum: 2025-10-06, door: college, onderwerp: rapport}
        """,
    "gesprekken/2025-09-15-burg.yaml": 'stap: "1.2"\ndatum: 2025-09-15\nmet: burg\n',
}


def test_without_the_fod_step_1_4_does_not_apply_and_does_not_block(minimal):
    state = state_of(minimal(FOD_LESS), dt.date(2026, 1, 5))
    step = state.step(Stap.S1_4)
    assert step.stand is Stand.NVT and "geen begeleiding door de FOD" in step.uitleg
    assert state.done(Stap.S1_4)
    assert state.next_step is not None and state.next_step.stap is Stap.S1_5


def test_without_the_fod_an_intentieverklaring_still_counts(minimal):
    signed = FOD_LESS["besluiten.yaml"] + (
        "  - {id: iv, datum: 2025-11-04, door: burgemeester, onderwerp: intentieverklaring,"
        " uitkomst: ondertekend}\n"
    )
    step = state_of(minimal({**FOD_LESS, "besluiten.yaml": signed}), dt.date(2026, 1, 5)).step(
        Stap.S1_4
    )
    assert step.stand is Stand.KLAAR and step.datum == dt.date(2025, 11, 4)
    started = FOD_LESS["besluiten.yaml"] + (
        "  - {id: iv, datum: 2025-11-04, door: college, onderwerp: intentieverklaring}\n"
    )
    step = state_of(minimal({**FOD_LESS, "besluiten.yaml": started}), dt.date(2026, 1, 5)).step(
        Stap.S1_4
    )
    assert step.stand is Stand.BEZIG


def untag(root, name, old, new):
    path = root / "vergaderingen" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_priorities_need_the_meeting_that_chose_them(halle):
    untag(halle, "2009-10-13-kerngroep-swot-prioriteiten", '["2.5", "2.6"]', '["2.5"]')
    # prioriteiten.yaml still names the meeting: that is enough
    assert state_of(halle, dt.date(2009, 10, 20)).step(Stap.S2_6).stand is Stand.KLAAR
    path = halle / "prioriteiten.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "vergadering: 2009-10-13-kerngroep-swot-prioriteiten\n", ""
        ),
        "utf-8",
    )
    step = state_of(halle, dt.date(2009, 10, 20)).step(Stap.S2_6)
    assert step.stand is Stand.BEZIG
    assert "de vergadering die de prioriteiten koos ontbreekt" in step.uitleg


def test_goals_need_the_projectgroep_meetings_that_set_them(halle):
    for name in ("2009-11-24-pg-samenleven", "2009-11-26-pg-inbraken", "2009-12-01-pg-verkeer"):
        untag(halle, name, '["3.1", "3.4"]', '["3.1"]')
    step = state_of(halle, dt.date(2010, 1, 15)).step(Stap.S3_4)
    assert step.stand is Stand.BEZIG
    assert step.volgende == "livb new vergadering --orgaan pg-samenleven --stap 3.4"
    # once the plan is approved, the gap is history: shown, but no longer blocking
    later = state_of(halle, dt.date(2011, 1, 1))
    assert later.step(Stap.S3_4).stand is Stand.ONVOLLEDIG
    assert "het proces ging verder: 3.6 klaar op 2010-03-23" in later.step(Stap.S3_4).uitleg
    assert later.current_phase == "4"


def test_a_missing_step_is_skipped_only_once_its_phase_is_closed(halle):
    path = halle / "swot.yaml"
    path.write_text("sterktes: []\n", "utf-8")
    untag(halle, "2009-10-13-kerngroep-swot-prioriteiten", '["2.5", "2.6"]', '["2.6"]')
    during = state_of(halle, dt.date(2009, 10, 20))
    assert during.step(Stap.S2_5).stand is Stand.TE_DOEN
    assert during.next_step is not None and during.next_step.stap is Stap.S2_5
    after = state_of(halle, dt.date(2009, 11, 10))  # the college approved the progress report
    assert after.step(Stap.S2_5).stand is Stand.OVERGESLAGEN
    assert after.step(Stap.S2_5).volgende == ""
