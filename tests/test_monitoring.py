"""The follow-up of the plan: monitoring/JJJJ.yaml, its rules, livb new monitoring, its documents."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.method.process import Stand, derive_state
from livb.method.queries import Koers, action_states, koers, spent
from livb.model.plan import Indicator, Meting, Status
from livb.model.stappen import Stap
from livb.word.docx import docx_text

from helpers import EXAMPLE, copy_example

PROJECTS = Path(__file__).parent / "projects"

TODAY = dt.date(2026, 11, 21)


def project_of(root):
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    return loaded.project


def codes(root, day=TODAY) -> list[str]:
    return [d.code for d in run_checks(root, today=day).diagnostics]


# -- how an indicator stands --------------------------------------------------------------------


def indicator(base: float, target: float, base_year: int | None = 2008) -> Indicator:
    return Indicator(
        id="i",
        naam="i",
        basiswaarde=Meting(waarde=base, jaar=base_year),
        streefwaarde=Meting(waarde=target, jaar=2012 if base_year else None),
    )


@pytest.mark.parametrize(
    ("base", "target", "value", "year", "expected"),
    [
        (100, 200, 200, 2011, Koers.BEREIKT),
        (100, 200, 180, 2011, Koers.OP_KOERS),  # 80 % of the way after 75 % of the time
        (100, 200, 150, 2011, Koers.TRAAG),
        (100, 200, 100, 2011, Koers.STIL),
        (100, 200, 90, 2011, Koers.VERKEERD),
        # a target below the baseline: going down is good
        (197, 150, 150, 2011, Koers.BEREIKT),
        (197, 150, 160, 2011, Koers.OP_KOERS),
        (197, 150, 184, 2011, Koers.TRAAG),
        (498, 420, 512, 2011, Koers.VERKEERD),
        (10, 10, 11, 2011, Koers.ONBEKEND),
    ],
)
def test_an_indicator_is_judged_in_the_direction_of_its_target(base, target, value, year, expected):
    assert koers(indicator(base, target), value, year) is expected


def test_without_years_any_step_towards_the_target_is_on_track():
    assert koers(indicator(100, 200, base_year=None), 101, 2009) is Koers.OP_KOERS
    assert koers(Indicator(id="i", naam="i"), 5, 2011) is Koers.ONBEKEND


# -- the state of an action: the latest entry wins ------------------------------------------------


def test_the_latest_monitoring_entry_gives_an_actions_state():
    states = action_states(project_of(EXAMPLE), TODAY)
    assert states["a-premie"].status is Status.LOPEND and states["a-premie"].jaar == 2011
    assert states["a-slachtofferbezoek"].status is Status.VERTRAAGD
    assert "onderbemand" in (states["a-slachtofferbezoek"].reden or "")
    # in 2010 (the 2011 file does not count yet) the premium was only planned
    assert action_states(project_of(EXAMPLE), dt.date(2010, 12, 31))["a-premie"].status is (
        Status.GEPLAND
    )


def test_an_action_no_monitoring_mentions_keeps_the_plans_status(halle):
    text = (halle / "monitoring/2011.yaml").read_text("utf-8")
    (halle / "monitoring/2011.yaml").write_text(
        text.replace("  - {actie: a-gas, status: lopend}\n", ""), "utf-8"
    )
    (halle / "monitoring/2010.yaml").write_text(
        (halle / "monitoring/2010.yaml")
        .read_text("utf-8")
        .replace("  - {actie: a-gas, status: lopend}\n", ""),
        "utf-8",
    )
    state = action_states(project_of(halle), TODAY)["a-gas"]
    assert (state.status, state.jaar) == (Status.GEPLAND, None)


def test_within_one_file_the_last_entry_counts(halle):
    text = (halle / "monitoring/2011.yaml").read_text("utf-8")
    text = text.replace(
        "  - {actie: a-snelheidscontroles, status: lopend}\n",
        "  - {actie: a-snelheidscontroles, status: lopend}\n"
        "  - {actie: a-snelheidscontroles, status: afgerond, besteed: 10}\n",
    )
    (halle / "monitoring/2011.yaml").write_text(text, "utf-8")
    project = project_of(halle)
    assert action_states(project, TODAY)["a-snelheidscontroles"].status is Status.AFGEROND
    assert spent(project, TODAY)["a-snelheidscontroles"] == {2011: 10.0}


def test_money_spent_is_added_up_per_year():
    costs = spent(project_of(EXAMPLE), TODAY)
    assert costs["a-jeugdhoek"] == {2010: 9000.0, 2011: 14500.0}
    assert "a-controles" not in costs


# -- the rules ----------------------------------------------------------------------------------


def test_a_late_action_is_judged_in_the_year_of_its_file_not_today(halle):
    # running in 2011 and ending in 2012: on schedule in the 2011 file, whatever today is
    assert "LIVB222" not in codes(halle)
    text = (halle / "monitoring/2011.yaml").read_text("utf-8")
    (halle / "monitoring/2011.yaml").write_text(
        text.replace("a-schoolroutekaart, status: afgerond", "a-schoolroutekaart, status: lopend"),
        "utf-8",
    )
    found = [d for d in run_checks(halle, today=TODAY).diagnostics if d.code == "LIVB222"]
    assert [d.message for d in found] == [
        "de actie 'a-schoolroutekaart' staat in 2011 op lopend, maar moest klaar zijn op 2011-08-31"
    ]
    assert found[0].location.path == "monitoring/2011.yaml"
    # in June 2011 the action (ending on 31 August) was not late yet
    assert "LIVB222" not in codes(halle, dt.date(2011, 6, 1))


def test_no_measurement_at_all_is_one_finding_for_the_plan(halle):
    shutil.rmtree(halle / "monitoring")
    found = [d for d in run_checks(halle, today=TODAY).diagnostics if d.code == "LIVB223"]
    assert [d.message for d in found] == [
        "geen enkele van de 6 indicatoren van het plan heeft een meting, meer dan een jaar na de "
        "goedkeuring (2010-03-23)"
    ]
    # a year after the approval is not yet due
    assert "LIVB223" not in codes(halle, dt.date(2011, 3, 1))


def test_the_one_year_evaluation_is_asked_only_under_a_protocol(halle):
    text = (halle / "besluiten.yaml").read_text("utf-8")
    (halle / "besluiten.yaml").write_text(
        text.replace("onderwerp: evaluatie", "onderwerp: andere"), "utf-8"
    )
    assert "LIVB317" in codes(halle)
    # three months after the protocol's year (2010-03-24) the evaluation may still come
    assert "LIVB317" not in codes(halle, dt.date(2010, 6, 20))
    # no protocol signed: nothing was promised to the FOD
    text = (halle / "besluiten.yaml").read_text("utf-8")
    (halle / "besluiten.yaml").write_text(
        text.replace(
            "uitkomst: ondertekend\n    ondertekenaar: gunter-ceuppens", "uitkomst: goedgekeurd"
        ),
        "utf-8",
    )
    assert "LIVB317" not in codes(halle)


def test_spending_above_the_budget_counts_every_year(halle):
    text = (halle / "monitoring/2010.yaml").read_text("utf-8")
    (halle / "monitoring/2010.yaml").write_text(
        text.replace(
            "a-jeugdhoek, status: lopend, besteed: 9000",
            "a-jeugdhoek, status: lopend, besteed: 11000",
        ),
        "utf-8",
    )
    [found] = [d for d in run_checks(halle, today=TODAY).diagnostics if d.code == "LIVB224"]
    assert found.message == (
        "de actie 'a-jeugdhoek' kostte € 25.500 (2010–2011), meer dan haar budget van € 25.000"
    )
    assert found.location.path == "monitoring/2011.yaml"


# -- the steps of phases 4 and 5 ------------------------------------------------------------------


def test_old_folders_keep_tagging_a_meeting_with_a_whole_phase(halle):
    path = halle / "vergaderingen/2010-02-09-kerngroep-plan.yaml"
    path.write_text(
        path.read_text("utf-8").replace('stappen: ["3.5"]', 'stappen: ["3.5", "4"]'), "utf-8"
    )
    assert project_of(halle).vergaderingen["2010-02-09-kerngroep-plan"].stappen == [
        Stap.S3_5,
        Stap.F4,
    ]
    assert "LIVB012" not in codes(halle)


def test_a_kerngroep_meeting_of_step_4_2_is_an_interim_evaluation(halle):
    text = (halle / "besluiten.yaml").read_text("utf-8")
    (halle / "besluiten.yaml").write_text(
        text.replace("onderwerp: evaluatie", "onderwerp: andere"), "utf-8"
    )
    state = derive_state(project_of(halle), TODAY)
    assert state.step(Stap.S4_2).stand is Stand.TE_DOEN
    assert "livb render evaluatie" in state.step(Stap.S4_2).volgende
    meeting = (halle / "vergaderingen/2010-02-09-kerngroep-plan.yaml").read_text("utf-8")
    (halle / "vergaderingen/2011-06-14-kerngroep.yaml").write_text(
        meeting.replace('stappen: ["3.5"]', 'stappen: ["4.2"]').replace(
            "datum: 2010-02-09", "datum: 2011-06-14"
        ),
        "utf-8",
    )
    step = derive_state(project_of(halle), TODAY).step(Stap.S4_2)
    assert (step.stand, step.datum) == (Stand.KLAAR, dt.date(2011, 6, 14))


def test_communication_needs_a_plan_and_something_told(halle):
    for year in (2010, 2011):
        path = halle / f"monitoring/{year}.yaml"
        text = path.read_text("utf-8")
        path.write_text(
            text[: text.index("communicatie:")] + text[text.index("vooruitblik:") :], "utf-8"
        )
    step = derive_state(project_of(halle), TODAY).step(Stap.S4_3)
    assert step.stand is Stand.BEZIG
    assert step.uitleg == "communicatieplan in plan.yaml, maar nog niets naar buiten gebracht"


# -- livb new monitoring ------------------------------------------------------------------------


def test_new_monitoring_starts_the_year_with_every_indicator_and_action(halle, livb):
    result = livb("new", "monitoring", halle, "--jaar", "2012")
    assert result.code == 0, result.err
    assert "opvolging van 2012: 6 indicatoren en 13 acties" in result.out
    text = (halle / "monitoring/2012.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.livb/schema/monitoring.json\n")
    assert (
        "#  - indicator: i-inbraken   # Woninginbraken; basis 197 feiten (2008); "
        "doel 150 feiten (2012); laatst 184 feiten (2011)"
    ) in text
    assert "  - actie: a-slachtofferbezoek   #" in text
    # the delay and its reason carry over from 2011, so the new file is valid as it is
    assert '    status: vertraagd\n    reden: "De dienst slachtofferbejegening' in text
    assert (
        "  - actie: a-vrijwilligers   # Nieuwe vrijwillige buurtbemiddelaars werven en opleiden; 2010-09-01 – 2011-06-30; budget 6000 euro\n    status: afgerond"
        in text
    )
    assert codes(halle).count("LIVB222") == 0
    assert 2012 in project_of(halle).monitoring


def test_new_monitoring_lists_the_huiswerk_due_that_year(halle, livb):
    shutil.rmtree(halle / "monitoring")
    assert livb("new", "monitoring", halle, "--jaar", "2010").code == 0
    text = (halle / "monitoring/2010.yaml").read_text("utf-8")
    due = [line for line in text.splitlines() if line.startswith("#  - vergadering:")]
    # the tasks with a deadline in 2010 (2009-11-26, 2009-12-01, 2009-12-15, 2010-02-09)
    assert [line.split()[3].strip('"') for line in due] == [
        "2009-11-26-pg-inbraken",
        "2009-12-01-pg-verkeer",
        "2009-12-15-kerngroep-ontwerp",
        "2010-02-09-kerngroep-plan",
    ]


def test_new_monitoring_never_overwrites(halle, livb):
    before = (halle / "monitoring/2011.yaml").read_bytes()
    result = livb("new", "monitoring", halle, "--jaar", "2011")
    assert result.code == 1
    assert "monitoring/2011.yaml bestaat al; livb new overschrijft het niet" in result.err
    assert (halle / "monitoring/2011.yaml").read_bytes() == before
    assert not (halle / "monitoring/2011-2.yaml").exists()


# -- the documents ------------------------------------------------------------------------------


def render_text(livb, root, document: str, day: str) -> list[str]:
    result = livb("render", document, root, "--datum", day)
    assert result.code == 0, result.err
    return docx_text((root / "output" / f"{document}.docx").read_bytes())


def test_the_evaluation_is_interim_while_the_plan_runs_and_final_after(halle, livb):
    interim = render_text(livb, halle, "evaluatie", "2011-07-01")
    assert interim[0] == "Title | Tussentijdse evaluatie"
    assert interim[interim.index("Heading 1 | Samenvatting") + 1].startswith(
        "Normal | De stad Halle voert het integraal plan levenskwaliteit uit sinds 1 juli 2010."
    )
    final = render_text(livb, halle, "evaluatie", "2026-11-21")
    assert final[0] == "Title | Eindevaluatie"
    assert any(
        "2012 is nog niet opgevolgd, dus de stand is die van eind 2011" in line for line in final
    )
    assert sum(line == "Normal | <grafiek>" for line in final) == 6  # one chart per indicator


def test_the_annual_report_takes_the_year_of_the_date(halle, livb):
    lines = render_text(livb, halle, "jaarrapport", "2011-02-01")
    assert lines[0] == "Title | Jaarrapport 2010"
    assert (
        "table | Een jeugdhoek inrichten in elke sociale woonwijk, samen met de jongeren | € 25.000 | € 9.000 | € 9.000 | € 16.000"
        in lines
    )
    assert any(line.startswith("Normal | In 2011 start de premie") for line in lines)


def test_without_follow_up_the_annual_report_stays_inside_the_plan_period(tmp_path, livb):
    mechelen = tmp_path / "mechelen"  # a plan of 2008-2013 and no monitoring/ at all
    copy_example(mechelen, PROJECTS / "mechelen")
    lines = render_text(livb, mechelen, "jaarrapport", "2026-11-21")
    assert lines[0] == "Title | Jaarrapport 2013"
    assert "Normal | Volgens het plan loopt er in 2014 geen actie meer." in lines


def test_a_plan_without_actions_or_indicators_says_so_in_words(tmp_path, livb):
    ontwerp = tmp_path / "ontwerp"
    copy_example(ontwerp, PROJECTS / "ontwerp")
    for goal in (ontwerp / "doelstellingen").glob("*.yaml"):
        goal.unlink()
    evaluation = render_text(livb, ontwerp, "evaluatie", "2026-11-21")
    assert (
        "Normal | Het plan telt nog geen acties en geen indicatoren: er is nog niets om op te volgen."
        in evaluation
    )
    assert not any(" 0 acties" in line or "| 0 " in line for line in evaluation)
    report = render_text(livb, ontwerp, "jaarrapport", "2026-11-21")
    assert "Normal | Het plan heeft nog geen acties." in report
    assert not any("geen actie meer" in line for line in report)


def test_a_final_annual_report_needs_a_state_for_each_running_action(halle, livb):
    text = (halle / "monitoring/2011.yaml").read_text("utf-8")
    (halle / "monitoring/2011.yaml").write_text(
        text.replace("  - {actie: a-gas, status: lopend}\n", ""), "utf-8"
    )
    result = livb("render", "jaarrapport", halle, "--datum", "2026-11-21", "--definitief")
    assert result.code == 1
    [reason] = [line for line in result.err.splitlines() if "'a-gas'" in line]
    assert reason.startswith("  monitoring/2011.yaml:")  # at the list of the year's states
    assert reason.endswith(": de actie 'a-gas' heeft geen stand in 2011 (in jaarrapport.docx)")
    # finished actions of earlier years are not asked again
    assert "a-vrijwilligers" not in result.err


def test_vague_dates_are_written_as_their_month_or_year():
    from livb.core.formatting import long_date
    from livb.model._tijd import VageDatum

    assert long_date(VageDatum(2011, 6)) == "juni 2011"
    assert long_date(VageDatum(2011)) == "2011"
    assert long_date(dt.date(2011, 6, 27)) == "27 juni 2011"
