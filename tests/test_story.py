"""A folder can tell a real story: hearings, forums, vague dates, own words, local exceptions.

The two sample folders under tests/projects/ come from real plans: Mechelen's MIVP² (a large
city that deviates from the method on purpose) and a small municipality early in phase 1.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from livb.folder.project import load_project
from livb.method.check import run_checks
from livb.method.process import Stand, derive_state
from livb.method.status import build_status
from livb.model._tijd import Precisie, VageDatum, kan_voor, laatste_dag, precisie, zeker_voor
from livb.model.besluiten import Besluit
from livb.model.stappen import Stap
from livb.model.vergadering import Vergadering

from helpers import REPO

MECHELEN = REPO / "tests" / "projects" / "mechelen"
KLEIN = REPO / "tests" / "projects" / "klein"
COLLOQUIUM = dt.date(2010, 5, 21)
KLEIN_TODAY = dt.date(2026, 2, 20)


def state_of(root: Path, day: dt.date):
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    return derive_state(loaded.project, day)


def codes(root: Path, day: dt.date) -> list[str]:
    return sorted(d.code for d in run_checks(root, today=day).diagnostics)


# -- Mechelen: a plan made of hearings and a forum ---------------------------------------------


def test_mechelen_is_in_phase_4_with_its_plan_approved_on_18_march_2008():
    state = state_of(MECHELEN, COLLOQUIUM)
    assert state.current_phase == "4"
    approval = state.step(Stap.S3_6)
    assert (approval.stand, approval.datum) == (Stand.KLAAR, dt.date(2008, 3, 18))
    assert "raadscommissie 2008-03" in approval.uitleg
    assert state.step(Stap.S4_1).stand is Stand.BEZIG
    assert state.next_step is not None and state.next_step.stap is Stap.S4_1


def test_mechelen_shows_what_it_did_otherwise_and_what_it_skipped():
    state = state_of(MECHELEN, COLLOQUIUM)
    stands = {s.stap: s.stand for s in state.steps}
    assert stands[Stap.S1_4] is Stand.NVT
    # no projectgroepen, by choice (LIVB208 is switched off): their kick-off does not apply
    assert stands[Stap.S3_1] is Stand.NVT
    for stap in (Stap.S2_2, Stap.S2_3, Stap.S3_2, Stap.S3_3, Stap.S3_4):
        assert stands[stap] is Stand.ANDERS, stap
    for stap in (Stap.S1_2, Stap.S2_4, Stap.S2_5):
        assert stands[stap] is Stand.OVERGESLAGEN, stap
    # no progress report, by choice (LIVB311 is switched off): not skipped, not applicable
    assert stands[Stap.S2_7] is Stand.NVT
    assert "LIVB311 staat uit" in state.step(Stap.S2_7).uitleg
    assert stands[Stap.S2_6] is Stand.ONVOLLEDIG  # six domains, no meeting that chose them
    assert "nog geen projectgroep" not in state.step(Stap.S2_6).uitleg
    hearings = state.step(Stap.S2_2).uitleg
    assert hearings == "ingevuld door Themahoorzittingen MIVP² (5 bijeenkomsten, 93 deelnemers)"
    assert str(state.step(Stap.S2_2).datum) == "2007-11"
    assert "Sinterklaasforum (2007-12-06, 110 deelnemers)" in state.step(Stap.S3_3).uitleg
    assert "LIVB208 staat uit" in state.step(Stap.S3_1).uitleg
    assert not any(s.stand in (Stand.TE_DOEN, Stand.BEZIG) for s in state.steps[:19])


def test_mechelen_checks_clean_with_its_exceptions_explained():
    result = run_checks(MECHELEN, today=COLLOQUIUM)
    assert result.exit_code(strict=True) == 0
    assert {d.code for d in result.diagnostics} == {"LIVB220", "LIVB407"}
    switched = {(r.code, tuple(r.voor)): len(found) for r, found in result.switched_off()}
    assert switched == {
        ("LIVB201", ()): 1,
        ("LIVB208", ()): 6,
        ("LIVB209", ()): 6,
        ("LIVB311", ()): 1,
        ("LIVB302", ("2002-kerngroep-oprichting",)): 1,
        ("LIVB301", ("2007-10-kerngroep-diagnostiek",)): 1,
        ("LIVB223", ()): 1,  # the folder tells how the plan was made, not its follow-up
    }


def test_mechelen_status_command(livb):
    result = livb("status", MECHELEN, "--datum", "2010-05-21")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Mechelen — Mechels integraal veiligheidsplan MIVP² (fase 4 Realiseren)"
    assert any("2.2" in line and "anders ingevuld" in line and "2007-11" in line for line in lines)
    assert any("1.4" in line and "niet van toepassing" in line for line in lines)
    assert "Acties per schakel van de keten: nazorg 4, preventie 4, proactie 2, repressie 2" in (
        result.out
    )
    assert "17 meldingen bewust uitgeschakeld in livb.yaml:" in result.out
    assert (
        "  LIVB301 voor 2007-10-kerngroep-diagnostiek (1×): Tussen 2002 en 2007 vergaderde de "
        "kerngroep geregeld" in result.out
    )


# -- a small municipality, early in phase 1 ----------------------------------------------------


def test_klein_is_early_in_phase_1_with_its_appointment_postponed():
    state = state_of(KLEIN, KLEIN_TODAY)
    assert state.current_phase == "1"
    step = state.step(Stap.S1_1)
    assert step.stand is Stand.BEZIG
    assert "werd uitgesteld (college 2026-02-02): geen geschikte kandidaat" in step.uitleg
    assert "de functie van coördinator is vacant" in step.uitleg
    assert state.next_step is step
    assert step.volgende.startswith("leg de aanstelling van de coördinator opnieuw voor")
    talk = state.step(Stap.S1_2)
    assert talk.stand is Stand.BEZIG and "gepland op 2026-03-10" in talk.uitleg
    assert state.step(Stap.S1_4).stand is Stand.NVT
    assert state.step(Stap.S2_2).stand is Stand.FACULTATIEF
    assert not any(s.stand in (Stand.OVERGESLAGEN, Stand.ONVOLLEDIG) for s in state.steps)


def test_klein_s_start_report_says_the_coordinator_s_seat_is_vacant(tmp_path, livb):
    from livb.word.docx import docx_text

    root = tmp_path / "klein"
    shutil.copytree(KLEIN, root)
    result = livb("render", "rapport-opstart", root, "--datum", KLEIN_TODAY.isoformat())
    assert result.code == 0, result.err
    text = docx_text((root / "output" / "rapport-opstart.docx").read_bytes())
    # as status says: postponed, so no one holds the function; no gap asks for a name
    assert (
        "Normal | De functie van coördinator is nog vacant: het college stelde de aanstelling op "
        "2 februari 2026 uit." in text
    )
    assert not [line for line in text if line.startswith("Normal | De coördinator is")]


def test_klein_warns_only_about_the_missing_names():
    assert codes(KLEIN, KLEIN_TODAY) == ["LIVB202", "LIVB202"]


def test_a_talk_held_before_any_appointment_is_flagged():
    assert "LIVB316" in codes(KLEIN, dt.date(2026, 3, 11))


def test_a_vacant_coordinator_after_an_appointment_is_described(minimal):
    root = minimal(
        {
            "actoren.yaml": """\
                actoren:
                  - {id: coord, rol: coordinator}
                  - {id: burg, naam: Jan Burg, rol: burgemeester}
                """,
            "besluiten.yaml": """\
                besluiten:
                  - {id: aanstelling, datum: 2025-01-10, door: college, onderwerp: aanstelling_coordinator}
                """,
        }
    )
    step = state_of(root, KLEIN_TODAY).step(Stap.S1_1)
    assert step.stand is Stand.KLAAR
    assert "nu: de functie van coördinator is vacant ('coord' heeft nog geen naam)" in step.uitleg


# -- vague dates -------------------------------------------------------------------------------


def test_vague_dates_are_read_as_a_month_or_a_year():
    month = Vergadering.model_validate({"orgaan": "kerngroep", "datum": "2007-11"}).datum
    year = Vergadering.model_validate({"orgaan": "kerngroep", "datum": 2007}).datum
    day = Vergadering.model_validate({"orgaan": "kerngroep", "datum": dt.date(2007, 11, 6)}).datum
    assert (str(month), str(year), str(day)) == ("2007-11", "2007", "2007-11-06")
    assert (precisie(month), precisie(year), precisie(day)) == (
        Precisie.MAAND,
        Precisie.JAAR,
        Precisie.DAG,
    )
    assert laatste_dag(month) == dt.date(2007, 11, 30)
    assert laatste_dag(VageDatum(2008, 2)) == dt.date(2008, 2, 29)
    assert laatste_dag(year) == dt.date(2007, 12, 31)


def test_vague_dates_sort_as_their_first_day_and_stay_apart_from_exact_days():
    month, year, first = VageDatum(2007, 11), VageDatum(2007), dt.date(2007, 11, 1)
    assert sorted([dt.date(2007, 11, 6), month, year]) == [year, month, dt.date(2007, 11, 6)]
    assert month != first and first != month and month <= first <= month
    assert month == VageDatum(2007, 11) and len({month, VageDatum(2007, 11), first}) == 2
    assert pickle.loads(pickle.dumps(month)) == month
    assert month + dt.timedelta(days=5) == dt.date(2007, 11, 6)  # arithmetic gives a day
    assert kan_voor(dt.date(2007, 11, 20), month) and not zeker_voor(dt.date(2007, 11, 20), month)
    assert zeker_voor(dt.date(2007, 10, 31), month)


@pytest.mark.parametrize("value", ["2007-13", "november", 2007.5, 30000, True])
def test_a_bad_vague_date_is_refused(value):
    with pytest.raises(ValidationError):
        Besluit.model_validate({"id": "b", "datum": value, "door": "college", "onderwerp": "plan"})


def test_deadlines_stay_exact(minimal):
    root = minimal(
        {
            "doelstellingen/x.yaml": """\
                prioriteit: x
                strategische_doelstellingen:
                  - id: sd
                    titel: T
                    operationele_doelstellingen:
                      - id: od
                        titel: T
                        indicatoren: [{id: i, naam: I, deadline: 2012-05}]
                """,
        }
    )
    [problem] = run_checks(root).diagnostics
    assert (problem.code, problem.location.path, problem.location.line) == (
        "LIVB012",
        "doelstellingen/x.yaml",
        8,
    )


def test_rules_give_a_vague_date_the_benefit_of_the_doubt(minimal):
    decisions = """\
        besluiten:
          - {id: college, datum: 2008-03, door: college, onderwerp: plan}
          - {id: raad, datum: 2008-03-10, door: gemeenteraad, onderwerp: plan}
        """
    root = minimal({"besluiten.yaml": decisions})
    assert "LIVB312" not in codes(root, KLEIN_TODAY)
    root = minimal({"besluiten.yaml": decisions.replace("2008-03,", "2008-04,")})
    assert "LIVB312" in codes(root, KLEIN_TODAY)


def test_a_vague_approval_in_the_future_is_still_a_future_approval(minimal):
    root = minimal(
        {"besluiten.yaml": "besluiten:\n  - {id: b, datum: 2027, door: college, onderwerp: plan}\n"}
    )
    assert "LIVB315" in codes(root, KLEIN_TODAY)


# -- own chain words ---------------------------------------------------------------------------

KADERNOTA = {
    "livb.yaml": """\
        gemeente: {naam: Aalst, nis_code: "41002"}
        coordinator: coord
        keten: {reactie: repressie, opvolging: nazorg}
        """,
    "prioriteiten.yaml": "prioriteiten:\n  - {id: wijk, titel: Wijk, lokaal: true}\n",
    "doelstellingen/wijk.yaml": """\
        prioriteit: wijk
        strategische_doelstellingen:
          - id: sd
            titel: Wijk
            operationele_doelstellingen:
              - id: od
                titel: Wijk
                acties:
                  - {id: a1, titel: A, schakel: preventie}
                  - {id: a2, titel: B, schakel: reactie}
                  - {id: a3, titel: C, schakel: opvolging}
        """,
}


def test_a_kadernota_in_its_own_words_validates_and_balances(minimal):
    root = minimal(KADERNOTA)
    result = run_checks(root, select={"LIVB108", "LIVB220"})
    assert [d.severity.label for d in result.diagnostics] == ["info"]
    assert "nazorg 1, preventie 1, repressie 1" in result.diagnostics[0].message


def test_an_unmapped_word_is_an_error_with_a_suggestion(minimal):
    files = dict(KADERNOTA)
    files["doelstellingen/wijk.yaml"] = files["doelstellingen/wijk.yaml"].replace(
        "schakel: opvolging", "schakel: opvolgin"
    )
    [found] = run_checks(minimal(files), select={"LIVB108"}).diagnostics
    assert found.severity.label == "fout"
    assert (found.location.path, found.location.line) == ("doelstellingen/wijk.yaml", 11)
    assert found.message == "onbekende schakel 'opvolgin'; bedoelde je 'opvolging'?"


def test_the_method_words_cannot_be_remapped(minimal):
    files = dict(KADERNOTA)
    files["livb.yaml"] = files["livb.yaml"].replace("reactie: repressie", "preventie: repressie")
    [problem] = run_checks(minimal(files)).diagnostics
    assert problem.code == "LIVB012" and "'preventie' is al een schakel" in problem.message


# -- hearings, forums, the raadscommissie, several reporters ------------------------------------


def test_hearings_count_participants_and_approve_no_minutes(minimal):
    root = minimal(
        {
            "organen.yaml": """\
                kerngroep: {leden: [coord, burg]}
                overleg:
                  - {id: hoorzittingen, naam: Hoorzittingen, soort: hoorzitting}
                """,
            "vergaderingen/h1.yaml": "orgaan: hoorzittingen\ndatum: 2025-11\ndeelnemers: 14\n",
            "vergaderingen/h2.yaml": "orgaan: hoorzittingen\ndatum: 2025-12\ndeelnemers: 18\n",
            "vergaderingen/h3.yaml": "orgaan: hoorzitting\ndatum: 2025-12\n",
        }
    )
    found = [(d.code, d.location.path) for d in run_checks(root, today=KLEIN_TODAY).diagnostics]
    # h1 and h2: no attendees but a count, no minutes chain, no homework; h3 names no organ.
    assert ("LIVB101", "vergaderingen/h3.yaml") in found
    assert not [f for f in found if f[1] in ("vergaderingen/h1.yaml", "vergaderingen/h2.yaml")]


def test_participants_are_a_positive_count(minimal):
    root = minimal(
        {"vergaderingen/v.yaml": "orgaan: kerngroep\ndatum: 2025-11-04\ndeelnemers: 0\n"}
    )
    [problem] = run_checks(root).diagnostics
    assert problem.code == "LIVB012" and problem.location.line == 3


def test_the_raadscommissie_is_on_the_way_to_the_council(minimal):
    root = minimal(
        {
            "besluiten.yaml": """\
                besluiten:
                  - {id: c, datum: 2025-10-06, door: college, onderwerp: plan}
                  - {id: rc, datum: 2025-11-12, door: raadscommissie, onderwerp: plan}
                """
        }
    )
    step = state_of(root, KLEIN_TODAY).step(Stap.S3_6)
    assert step.stand is Stand.BEZIG and step.datum == dt.date(2025, 11, 12)
    assert step.uitleg.startswith("college 2025-10-06, raadscommissie 2025-11-12; nog niet")


def test_a_meeting_has_one_or_several_reporters(minimal):
    root = minimal(
        {
            "vergaderingen/a.yaml": "orgaan: kerngroep\ndatum: 2026-01-05\nverslaggever: coord\n",
            "vergaderingen/b.yaml": (
                "orgaan: kerngroep\ndatum: 2026-02-05\nverslaggever: [coord, brug]\n"
            ),
        }
    )
    loaded = load_project(root)
    assert loaded.project is not None
    assert loaded.project.vergaderingen["a"].verslaggevers == ["coord"]
    assert loaded.project.vergaderingen["b"].verslaggevers == ["coord", "brug"]
    unknown = [d for d in run_checks(root).diagnostics if d.code == "LIVB101"]
    assert [(d.location.path, d.location.line, d.location.column) for d in unknown] == [
        ("vergaderingen/b.yaml", 3, 23)
    ]


# -- a rule switched off for one item -----------------------------------------------------------

UNNAMED_THREE = """\
    actoren:
      - {id: coord, naam: An Peeters, rol: coordinator}
      - {id: burg, naam: Jan Burg, rol: burgemeester}
      - {id: korpschef, rol: korpschef}
      - {id: procureur, rol: procureur}
    """


def switched_off(voor: str) -> dict[str, str | None]:
    return {
        "livb.yaml": f"""\
            gemeente: {{naam: Halle, nis_code: "23027"}}
            coordinator: coord
            regels:
              uitgeschakeld:
                - code: LIVB202
                  voor: {voor}
                  reden: de zone duidt haar korpschef pas in maart aan
            """,
        "actoren.yaml": UNNAMED_THREE,
    }


def test_a_rule_switched_off_for_one_item_still_applies_elsewhere(minimal):
    result = run_checks(minimal(switched_off("korpschef")))
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("LIVB202", 5)]
    [(regel, silenced)] = result.switched_off()
    assert regel.reden == "de zone duidt haar korpschef pas in maart aan"
    assert [d.location.line for d in silenced] == [4]


def test_a_rule_switched_off_for_a_file(minimal):
    result = run_checks(minimal(switched_off("actoren.yaml")))
    assert result.diagnostics == [] and len(result.uitgeschakeld) == 2


def test_switching_off_for_an_unknown_item_is_a_warning(minimal):
    result = run_checks(minimal(switched_off("korpchef")))
    assert [(d.location.path, d.code, d.location.line) for d in result.diagnostics] == [
        ("actoren.yaml", "LIVB202", 4),
        ("actoren.yaml", "LIVB202", 5),
        ("livb.yaml", "LIVB006", 6),
    ]


def test_an_item_inside_a_goal_can_be_switched_off(halle):
    text = (halle / "livb.yaml").read_text(encoding="utf-8")
    (halle / "livb.yaml").write_text(
        text.replace(
            "  uitgeschakeld: []",
            "  uitgeschakeld:\n    - {code: LIVB219, voor: [a-vrijwilligers], reden: r}",
        ),
        "utf-8",
    )
    doelen = halle / "doelstellingen" / "samenleven.yaml"
    text = doelen.read_text(encoding="utf-8")
    line = "            trekker: marleen-vandenbroeck\n"
    assert line in text
    doelen.write_text(text.replace(line, "", 1), "utf-8")
    result = run_checks(halle, today=dt.date(2026, 11, 21))
    assert {d.code for d in result.diagnostics} == {"LIVB220"}
    assert [item.diagnostic.code for item in result.uitgeschakeld] == ["LIVB219"]


def test_switched_off_findings_are_counted_in_text_and_json(minimal, livb):
    root = minimal(switched_off("korpschef"))
    text = livb("check", root).out
    assert text.splitlines()[-2:] == [
        "1 melding bewust uitgeschakeld in livb.yaml:",
        "  LIVB202 voor korpschef (1×): de zone duidt haar korpschef pas in maart aan",
    ]
    payload = json.loads(livb("check", root, "--format", "json").out)
    [entry] = payload["uitgeschakeld"]
    assert (entry["code"], entry["voor"], entry["reden"]) == (
        "LIVB202",
        ["korpschef"],
        "de zone duidt haar korpschef pas in maart aan",
    )
    assert entry["bevindingen"][0]["regel"] == 4
    status = json.loads(livb("status", root, "--format", "json").out)
    assert status["uitgeschakeld"][0]["code"] == "LIVB202"


def test_status_lists_the_exceptions_too():
    status = build_status(MECHELEN, COLLOQUIUM)
    assert status.fase == "4 Realiseren"
    assert len(status.check.uitgeschakeld) == 17


def test_sample_folders_load_and_check_without_errors():
    for root, day in ((MECHELEN, COLLOQUIUM), (KLEIN, KLEIN_TODAY)):
        assert run_checks(root, today=day).exit_code(strict=False) == 0, root


@pytest.mark.parametrize("value", ["1899", "2101-03", "0209-01-12", "1850"])
def test_a_vague_date_outside_1900_2100_is_refused_with_its_position(minimal, value):
    root = minimal(
        {
            "besluiten.yaml": f"""\
                besluiten:
                  - id: start
                    datum: {value}
                    door: college
                    onderwerp: rapport
                """
        }
    )
    found = [d for d in run_checks(root).diagnostics if d.code == "LIVB012"]
    assert [(d.location.line, d.location.column) for d in found] == [(3, 12)]
    assert "ligt niet tussen 1900 en 2100" in found[0].message


def test_a_vague_date_keeps_its_place_in_the_file_among_the_days_it_may_be():
    from livb.model._tijd import chronologisch

    college, commissie, raad = dt.date(2008, 2, 1), VageDatum(2008), dt.date(2008, 3, 18)
    earlier, later = dt.date(2007, 12, 3), dt.date(2009, 1, 5)
    # as the file lists them: the college, then the commissie (some day of 2008), then the raad
    listed = [("college", college), ("commissie", commissie), ("raad", raad), ("later", later)]
    assert [n for n, _ in chronologisch(listed, lambda i: i[1])] == [
        "college", "commissie", "raad", "later"
    ]  # fmt: skip
    # sorting by the first day would have put the commissie on 1 January, before the college
    assert next(n for n, _ in sorted(listed, key=lambda i: i[1])) == "commissie"
    # a date surely before the vague one still comes first, wherever the file lists it
    assert next(n for n, _ in chronologisch([*listed, ("eerder", earlier)], lambda i: i[1])) == (
        "eerder"
    )
    same_day = [("b", college), ("a", college)]
    assert [n for n, _ in chronologisch(same_day, lambda i: i[1], tie=lambda i: i[0])] == ["a", "b"]
