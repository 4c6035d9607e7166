"""One source of truth: every step, count, stand and next step a document states is `status`'s."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from livb.core.formatting import month_names
from livb.documents._process_view import decision_view
from livb.documents.views import Views
from livb.folder.project import load_project
from livb.method.process import Stand, derive_state
from livb.model.stappen import Stap
from livb.word.docx import docx_text

from helpers import REPO, SMALL_PLAN, copy_example, edit, write_tree

DAY = "2026-12-06"
STANDS = {stand.value for stand in Stand}


# -- the folders ------------------------------------------------------------------------------------


def drop_decisions(root: Path, *ids: str) -> None:
    """Remove decisions from besluiten.yaml by id."""
    yaml = YAML()
    path = root / "besluiten.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["besluiten"] = [b for b in data["besluiten"] if b["id"] not in ids]
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def halle(tmp_path: Path, livb) -> Path:
    return copy_example(tmp_path / "halle")


def halle_alone(tmp_path: Path, livb) -> Path:
    """Halle without the FOD (1.4 does not apply) and without the optional talks of 2.2."""
    root = copy_example(tmp_path / "alleen")
    edit(
        root,
        "livb.yaml",
        "begeleiding:\n  fod_vertegenwoordiger: gunter-ceuppens\n"
        "  lokaal_adviseurs: [tom-verlinden, nathalie-dubois]\n",
        "begeleiding: {}\n",
    )
    drop_decisions(
        root,
        "cbs-2009-03-02-protocol",
        "cbs-2009-03-02-intentieverklaring",
        "gr-2009-03-24-intentieverklaring",
        "ondertekening-intentieverklaring",
        "ondertekening-protocol-stad",
        "ondertekening-protocol-fod",
    )
    for talk in (root / "gesprekken").glob("2009-0[56]-*.yaml"):
        talk.unlink()
    return root


def fresh(tmp_path: Path, livb) -> Path:
    root = tmp_path / "lommel"
    result = livb("init", root, "--gemeente", "Lommel", "--no-git", "--geen-vragen")
    assert result.code == 0, result.err
    return root


def fresh_with_skeletons(tmp_path: Path, livb) -> Path:
    """A fresh folder with the skeletons of the first two meetings, their minutes still empty."""
    root = fresh(tmp_path, livb)
    for stap, datum in (("1.6", "2026-11-03"), ("2.1", "2026-11-24")):
        result = livb("new", "vergadering", root, "--stap", stap, "--datum", datum)
        assert result.code == 0, result.err
    return root


def project(name: str) -> Callable[[Path, object], Path]:
    def make(tmp_path: Path, livb) -> Path:
        return copy_example(tmp_path / name, REPO / "tests" / "projects" / name)

    make.__name__ = name
    return make


FOLDERS = {
    "halle": (halle, DAY),
    "halle-2009": (halle, "2009-10-20"),
    "halle-fase-4": (halle, "2011-09-01"),
    "halle-zonder-fod": (halle_alone, "2011-09-01"),
    "nieuw": (fresh, DAY),
    "nieuw-sjablonen": (fresh_with_skeletons, DAY),
    "klein": (project("klein"), DAY),
    "mechelen": (project("mechelen"), DAY),
    "mechelen-2007": (project("mechelen"), "2007-12-10"),
    "ontwerp": (project("ontwerp"), DAY),
}


# -- what a document states -------------------------------------------------------------------------


@dataclass
class Claims:
    """The steps, stands, counts, phase and next step one document states."""

    stands: dict[str, str] = field(default_factory=dict)
    afgerond: int | None = None
    fase: str | None = None
    volgende: str | None = None
    lijst: list[str] = field(default_factory=list)
    opvolging: dict[str, int] = field(default_factory=dict)


def claims(lines: list[str]) -> Claims:
    found = Claims()
    section = ""
    for line in lines:
        style, _, text = line.partition(" | ")
        if style.startswith("Heading"):
            section = text
        cells = text.split(" | ")
        if style == "table" and re.fullmatch(r"[1-5]\.[1-7]", cells[0]):
            stand = [c for c in cells if c in STANDS]
            if stand:
                found.stands[cells[0]] = stand[0]
        if match := re.search(
            r"zijn er (\d+) afgerond|is er (1) afgerond|is er (nog geen) af", text
        ):
            number = next(g for g in match.groups() if g)
            found.afgerond = 0 if number == "nog geen" else int(number)
        if match := re.search(r"\(fase ([1-5])\)", text):
            found.fase = match.group(1)
        if match := re.search(r"wat nu volgt, is stap ([1-5]\.[1-7])", text):
            found.volgende = match.group(1)
        if style == "List Bullet" and re.match(r"\d+ (acties|actie|indicatoren|indicator):", text):
            for number, what in re.findall(
                r"(\d+) (afgerond|geschrapt|over tijd|op schema|vertraagd|bereikt|op koers|niet op koers"
                r"|niet te beoordelen|nog niet gemeten)\b",
                text.replace("waarvan ", ""),
            ):
                found.opvolging[what] = int(number)
        if section == "Volgende stappen" and style == "List Bullet":
            found.lijst.append(text.split(" ")[0])
    return found


def as_of(lines: list[str], default: str) -> str:
    """The day a document's state stands on: its title page's date ('Stand op …'), else today."""
    dates = [
        match
        for line in lines
        if line.startswith("livb Titelgegevens | ")
        if (match := re.fullmatch(r"(?:Stand op )?(\d{1,2}) (\w+) (\d{4})", line.split(" | ")[1]))
    ]
    if not dates:
        return default
    day, month, year = dates[-1].groups()
    return dt.date(int(year), month_names().index(month) + 1, int(day)).isoformat()


def status_json(livb, root: Path, day: str) -> dict:
    result = livb("status", root, "--formaat", "json", "--datum", day)
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.mark.parametrize("name", list(FOLDERS))
def test_every_document_states_what_status_says(name, tmp_path, livb):
    make, day = FOLDERS[name]
    root = make(tmp_path, livb)
    result = livb("render", "alle", root, "--datum", day)
    assert result.code == 0, result.err
    statuses: dict[str, dict] = {}
    checked = 0
    for path in sorted((root / "output").glob("*.docx")):
        lines = docx_text(path.read_bytes())
        stated = claims(lines)
        when = as_of(lines, day)
        status = statuses.get(when) or statuses.setdefault(when, status_json(livb, root, when))
        stands = {s["stap"]: s["stand"] for s in status["stappen"]}
        where = f"{name}: {path.name} (stand op {when})"
        for stap, stand in stated.stands.items():
            assert stand == stands[stap], f"{where}: {stap} {stand}, status: {stands[stap]}"
            checked += 1
        if stated.afgerond is not None:
            assert stated.afgerond == status["afgerond"], where
        if stated.fase is not None:
            assert stated.fase == status["fase"].split()[0], where
        if stated.volgende is not None or (stated.afgerond is not None and status["volgende"]):
            assert stated.volgende == status["volgende"], where
        # status counts the follow-up once the plan is approved or followed up; an evaluation
        # rendered before that (render alle still makes it) has no status figure to agree with
        if stated.opvolging and status["opvolging"] is not None:
            counted = status["opvolging"]["acties"] | status["opvolging"]["indicatoren"]
            for what, number in stated.opvolging.items():
                assert number == counted[what], f"{where}: {number} {what}, status: {counted}"
        if stated.lijst and status["volgende"] and status["volgende"] in stated.lijst:
            assert stated.lijst[0] == status["volgende"], where
    assert checked, f"{name}: no document states a step"


# -- the contradictions of issue 17 -----------------------------------------------------------------


def state_of(root: Path, day: str):
    loaded = load_project(root)
    assert loaded.project is not None
    return derive_state(loaded.project, dt.date.fromisoformat(day))


def text_of(root: Path, name: str) -> str:
    return "\n".join(docx_text((root / "output" / f"{name}.docx").read_bytes()))


def test_the_progress_report_of_a_phase_4_folder_names_the_next_step_and_count_of_status(
    tmp_path, livb
):
    root = halle_alone(tmp_path, livb)
    status = status_json(livb, root, "2011-09-01")
    assert status["fase"].startswith("4") and status["volgende"] == "4.1"
    assert livb("render", "voortgangsrapport", root, "--datum", "2011-09-01").code == 0
    text = text_of(root, "voortgangsrapport")
    stated = claims(text.splitlines())
    assert (stated.volgende, stated.lijst[0]) == ("4.1", "4.1")
    assert "2.2" in stated.lijst  # the optional talks are still on the list, not first
    assert stated.afgerond == status["afgerond"]
    assert "1 niet van toepassing" in text


def test_status_of_several_folders_counts_the_step_that_does_not_apply_and_dates_the_last(
    tmp_path, livb
):
    fresh_root = fresh(tmp_path, livb)
    alone = halle_alone(tmp_path, livb)
    result = livb("status", fresh_root, alone, "--datum", "2011-09-01")
    assert "(?)" not in result.out
    lommel, halle_row = result.out.splitlines()
    assert "laatste -" in lommel
    assert "volgende: 4.1" in halle_row
    assert f"{status_json(livb, alone, '2011-09-01')['afgerond']:>2}/27 afgerond" in halle_row


def test_thirteen_years_after_the_plan_period_the_folder_is_in_phase_5(tmp_path, livb):
    root = halle(tmp_path, livb)
    status = status_json(livb, root, DAY)
    assert status["fase"] == "5 Gebruiken en evalueren"
    stands = {s["stap"]: s["stand"] for s in status["stappen"]}
    assert stands["4.1"] == "niet afgesloten"  # still said, under the phase it belongs to
    assert status["volgende"].startswith("5.")
    # during the plan period, phase 4 it is
    assert status_json(livb, root, "2011-09-01")["fase"].startswith("4")


def test_a_past_meeting_with_empty_minutes_is_not_held(tmp_path, livb):
    root = fresh_with_skeletons(tmp_path, livb)
    state = state_of(root, DAY)
    for stap in (Stap.S1_6, Stap.S2_1):
        step = state.step(stap)
        assert step.stand is Stand.BEZIG, step
        assert "verslag" in step.uitleg and "verslag" in step.volgende
    assert state.current_phase == "1"
    # once its minutes are written, the meeting counts
    meeting = next((root / "vergaderingen").glob("2026-11-03-*.yaml"))
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("verslag:\n", "verslag: Iedereen stelde zich voor.\n", 1), "utf-8"
    )
    assert state_of(root, DAY).step(Stap.S1_6).stand is Stand.KLAAR


def test_a_skeleton_text_in_the_minutes_is_not_a_record(tmp_path, livb):
    root = fresh_with_skeletons(tmp_path, livb)
    meeting = next((root / "vergaderingen").glob("2026-11-03-*.yaml"))
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("verslag:\n", 'verslag: "(in te vullen: wat er besproken werd)"\n'), "utf-8"
    )
    assert state_of(root, DAY).step(Stap.S1_6).stand is Stand.BEZIG


def test_a_rule_switched_off_with_a_reason_is_not_reported_as_a_gap(tmp_path, livb):
    root = project("mechelen")(tmp_path, livb)
    step = state_of(root, DAY).step(Stap.S2_6)
    assert "nog geen projectgroep" not in step.uitleg
    assert "LIVB208" in step.uitleg
    # with the meeting that chose them, the step is done, the method's way or not
    edit(
        root,
        "prioriteiten.yaml",
        "prioriteiten:\n",
        "vergadering: 2007-12-19-kerngroep-eindredactie\nprioriteiten:\n",
    )
    step = state_of(root, DAY).step(Stap.S2_6)
    assert step.stand is Stand.ANDERS, step
    # switched on again, the gap is back
    edit(root, "livb.yaml", "    - code: LIVB208\n", "    - code: LIVB999\n")
    assert "nog geen projectgroep" in state_of(root, DAY).step(Stap.S2_6).uitleg


def test_hearings_fill_in_only_the_priorities_they_were_about(tmp_path, livb):
    root = project("mechelen")(tmp_path, livb)
    step = state_of(root, DAY).step(Stap.S3_4)
    assert "voor 5 van de 6 prioriteiten; geen bijeenkomst over: jeugd" in step.uitleg, step.uitleg
    # a hearing on every priority fills in all of them
    write_tree(
        root,
        {
            "vergaderingen/2007-11-hoorzitting-jeugd.yaml": """\
                orgaan: themahoorzittingen
                stappen: ["3.4"]
                datum: 2007-11
                deelnemers: 14
                agenda:
                  - punt: Open vraagstelling rond het thema
                    verslag: Spijbelen en overlast door jongeren, samen aan te pakken.
                """
        },
    )
    step = state_of(root, DAY).step(Stap.S3_4)
    assert step.uitleg.endswith("door Themahoorzittingen MIVP² (6 bijeenkomsten, 107 deelnemers)")


# -- a decision on the predecessor plan is not this plan's -----------------------------------------

PREDECESSOR = """\
    besluiten:
      - id: raad-plan
        datum: 2025-01-20
        door: gemeenteraad
        onderwerp: plan
      - id: college-evaluatie-vorig
        datum: 2025-06-10
        door: college
        onderwerp: evaluatie
"""


@pytest.mark.parametrize("predecessor", [False, True])
def test_an_evaluation_of_the_previous_plan_is_no_step_of_this_one(tmp_path, predecessor):
    decisions = PREDECESSOR + (
        '        vorig_plan: "Veiligheidsplan 2020-2024"\n' if predecessor else ""
    )
    root = write_tree(tmp_path / "lint", {**SMALL_PLAN, "besluiten.yaml": decisions})
    project = load_project(root).project
    assert project is not None
    step = derive_state(project, dt.date(2026, 9, 1)).step(Stap.S4_2)
    # in the plan period, after a year of implementation: only this plan's evaluation counts
    assert (step.stand is Stand.KLAAR) is not predecessor, step
    views = Views(project, dt.date(2026, 9, 1))
    shown = decision_view(views, project.besluiten.besluiten[1])["onderwerp"]
    expected = "de evaluatie van het vorige plan (Veiligheidsplan 2020-2024)"
    assert shown == (expected if predecessor else "de evaluatie")


def test_a_plan_amended_by_the_council_names_the_amendment(tmp_path, livb):
    amended = """\
        besluiten:
          - id: raad-plan
            datum: 2025-01-20
            door: gemeenteraad
            onderwerp: plan
            referentie: GR 2025/004
          - id: raad-plan-gewijzigd
            datum: 2026-02
            door: gemeenteraad
            onderwerp: plan
            referentie: GR 2026/019
        """
    root = write_tree(tmp_path / "lint", {**SMALL_PLAN, "besluiten.yaml": amended})
    result = livb("render", "plan", root, "--datum", DAY)
    assert result.code == 0, result.err
    text = "\n".join(docx_text((root / "output" / "plan.docx").read_bytes()))
    # the first approval is the plan's; the later one, known to the month, its amendment
    assert "Goedgekeurd door de gemeenteraad op 20 januari 2025, gewijzigd op februari 2026" in text
    assert "De gemeenteraad keurde het plan goed op 20 januari 2025 (GR 2025/004)." in text
    assert "keurde daarna een gewijzigd plan goed op februari 2026 (GR 2026/019)." in text


def test_a_letter_and_a_profile_carry_the_day_of_their_step_not_today(tmp_path, livb):
    # Mechelen's step 2.1 was a kerngroep meeting of October 2007, its coordinator appointed in
    # March 2004: a render in 2026 dates the letter and the profile as status dates the steps
    mechelen = copy_example(tmp_path / "mechelen", REPO / "tests" / "projects" / "mechelen")
    state = derive_state(load_project(mechelen).project, dt.date.fromisoformat(DAY))
    letter_day, profile_day = state.step(Stap.S2_1).datum, state.step(Stap.S1_1).datum
    assert letter_day is not None and profile_day is not None
    for args in (("gegevensaanvraag", "--alle"), ("profiel",)):
        result = livb("render", *args, mechelen, "--datum", DAY, "--toch")
        assert result.code == 0, result.err
    out = mechelen / "output"
    letter = next(out.glob("gegevensaanvraag-*.docx"))
    text = docx_text(letter.read_bytes())
    assert f"Normal | Mechelen, {month_names()[letter_day.month - 1]} {letter_day.year}" in text
    assert "2026" not in "\n".join(text)
    core = zipfile.ZipFile(out / "profiel-coordinator.docx").read("docProps/core.xml").decode()
    assert f">{profile_day.isoformat()}T" in core
