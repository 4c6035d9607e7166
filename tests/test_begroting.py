"""livb render begroting and livb export begroting: per year and source, totals that add up."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from livb.word.docx import docx_text

from helpers import copy_example

VILVOORDE = Path(__file__).parent / "projects" / "vilvoorde"
DAY = "2026-11-21"


@pytest.fixture(scope="module")
def vilvoorde(tmp_path_factory) -> Path:
    return copy_example(tmp_path_factory.mktemp("begroting") / "vilvoorde", VILVOORDE)


@pytest.fixture(scope="module")
def begroting(vilvoorde) -> list[str]:
    """The begroting of the Vilvoorde test folder, rendered once for the module."""
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    day = dt.date.fromisoformat(DAY)
    render_documents(RenderRequest(vilvoorde, ["begroting"], today=day))
    return docx_text((vilvoorde / "output" / "begroting.docx").read_bytes())


def rows_after(lines: list[str], heading: str) -> list[list[str]]:
    """The table rows under a heading (of any level), as cells, with plain spaces."""
    start = next(
        i for i, line in enumerate(lines) if line.startswith("Heading") and line.endswith(heading)
    )
    found = []
    for line in lines[start + 1 :]:
        if line.startswith("Heading"):
            break
        if line.startswith("table | "):
            found.append(line.removeprefix("table | ").replace("\u00a0", " ").split(" | "))
    return found


def test_the_budget_per_source_and_year_adds_up(begroting):
    rows = rows_after(begroting, "Het plan per jaar en per bron")
    assert rows[0] == ["Bron", "2026", "2027", "Hele looptijd", "Samen"]
    # doelstellingen/overlast.yaml by hand: eigen 5000 (2026) + the camera's budget 12000;
    # svpp 45000 + 3000 (2026), 46000 (2027); the province 4000 (2026)
    assert rows[1] == [
        "Eigen middelen (meerjarenplan 2026-2031)",
        "€ 5.000",
        "–",
        "€ 12.000",
        "€ 17.000",
    ]
    assert rows[2] == [
        "Strategisch veiligheids- en preventieplan",
        "€ 48.000",
        "€ 46.000",
        "–",
        "€ 94.000",
    ]
    assert rows[3] == ["Provinciale subsidie buurtwerking", "€ 4.000", "–", "–", "€ 4.000"]
    assert rows[4] == ["Samen", "€ 57.000", "€ 46.000", "€ 12.000", "€ 115.000"]


def test_per_action_with_its_bbc_codes_and_the_same_total(begroting):
    rows = rows_after(begroting, "Per actie")
    assert rows[1][0].endswith("; BBC BD2 · AP2.1 · AC2.1.1 · 0490")
    assert rows[1][1:] == ["€ 50.000", "€ 46.000", "–", "€ 96.000"]
    assert "BBC" not in rows[3][0]  # the camera names no place in the meerjarenplan
    assert rows[-1][-1] == "€ 115.000"


def test_many_years_come_in_blocks_whose_totals_still_add_up(tmp_path):
    from livb.documents.begroting import BLOK, table
    from livb.folder.project import load_project
    from livb.method.money import budget_lines

    project = load_project(VILVOORDE).project
    years = [*range(2026, 2032), None]
    blocks = table(project, budget_lines(project), years)["blokken"]
    heads = [h for b in blocks for h in b["kop"]]
    assert heads == [*map(str, range(2026, 2032)), "Hele looptijd", "Samen"]
    assert all(len(b["kop"]) <= BLOK for b in blocks)
    sums = [t.replace("\u00a0", " ") for b in blocks for t in b["totalen"]]
    # by hand: 2026 57000, 2027 46000, nothing 2028-2031, the camera's 12000, together 115000
    assert sums == ["€ 57.000", "€ 46.000", "–", "–", "–", "–", "€ 12.000", "€ 115.000"]


def test_granted_against_planned_and_the_spending(begroting):
    grants = rows_after(begroting, "Toegekend tegenover gepland")
    assert grants[1] == [
        "Strategisch veiligheids- en preventieplan",
        "2026",
        "€ 60.000",
        "€ 48.000",
        "€ 12.000 nog vrij",
    ]
    spent = rows_after(begroting, "Uitgaven per jaar en per bron")
    # monitoring/2026.yaml: svpp 44000 + 2500, eigen 3500 + the camera's 9000, province 4000
    assert [r[-1] for r in spent[1:]] == ["€ 12.500", "€ 46.500", "€ 4.000", "€ 63.000"]
    staff = rows_after(begroting, "Personeel")
    assert staff[-1][:2] == ["Samen", "1,5"]


def test_a_folder_without_money_says_so_and_render_alle_leaves_it_out(tmp_path, livb):
    root = tmp_path / "gemeente"
    assert livb("init", root, "--gemeente", "Lommel", "--no-git").code == 0
    listed = livb("render", "--lijst", root)
    assert "de map noemt geen geld" in listed.out
    result = livb("render", "begroting", root, "--datum", DAY)
    assert result.code == 0, result.err
    text = "\n".join(docx_text((root / "output" / "begroting.docx").read_bytes()))
    assert "Geen financiering opgegeven" in text and "€ 0" not in text


def test_export_writes_a_workbook_and_a_csv_whose_totals_match(vilvoorde, livb):
    from openpyxl import load_workbook

    result = livb("export", "begroting", vilvoorde)
    assert result.code == 0, result.err
    book = load_workbook(vilvoorde / "output" / "begroting.xlsx")
    sheet = book["Bedragen"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["Gepland", "Besteed"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] != "Samen" and r[0]]
    assert sum(r[-2] for r in rows) == 115000 and sum(r[-1] for r in rows) == 63000
    assert sheet.cell(2, 12).number_format.startswith("€")
    summary = {r[0]: r[-1] for r in book["Per jaar en bron"].iter_rows(min_row=2, values_only=True)}
    assert summary["Samen"] == 115000
    text = (vilvoorde / "output" / "begroting.csv").read_text("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0][:3] == ["Prioriteit", "Actie-id", "Actie"]
    assert sum(float(line[-2].replace(",", ".")) for line in lines[1:]) == 115000
    again = livb("export", "begroting", vilvoorde)
    assert again.code == 1 and "bestaat al" in again.err


# --- the follow-up of the federal prevention plan --------------------------------------------


@pytest.fixture(scope="module")
def preventieplan(vilvoorde) -> list[str]:
    """The prevention plan's follow-up of the Vilvoorde test folder, rendered once."""
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    day = dt.date.fromisoformat(DAY)
    render_documents(RenderRequest(vilvoorde, ["preventieplan"], today=day))
    return docx_text((vilvoorde / "output" / "preventieplan.docx").read_bytes())


def test_the_prevention_plan_matches_its_reviewed_snapshot(preventieplan):
    golden = Path(__file__).parent / "golden" / "preventieplan.txt"
    text = "\n".join(preventieplan) + "\n"
    if os.environ.get("LIVB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_prevention_plan_counts_only_what_its_source_pays(preventieplan):
    rows = rows_after(preventieplan, "Uitgaven per rubriek")
    # svpp in 2026: personeel 45000 planned, 44000 spent; werking 3000 and 2500 (the party)
    assert rows[1:] == [
        ["personeel", "€ 45.000", "€ 44.000"],
        ["werking", "€ 3.000", "€ 2.500"],
        ["Samen", "€ 48.000", "€ 46.500"],
    ]
    actions = [r[0] for r in rows_after(preventieplan, "Doelstellingen en acties")]
    assert "Twee mobiele camera's" not in actions  # paid from own means only
    assert rows_after(preventieplan, "Personeel")[-1][:2] == ["Samen", "1"]


def test_a_folder_without_a_federal_plan_gets_no_prevention_plan(tmp_path, livb):
    root = copy_example(tmp_path / "zonder", VILVOORDE)
    plan = root / "plan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("federaal_preventieplan", "vlaams"), "utf-8")
    result = livb("render", "preventieplan", root, "--datum", DAY)
    assert result.code == 1 and "geen federaal preventieplan" in result.err
    assert not (root / "output" / "preventieplan.docx").exists()
    assert "nee: de map noemt geen federaal preventieplan" in livb("render", "--lijst", root).out


# --- the plan, the jaarrapport and the evaluatie: money per year and source ------------------


@pytest.fixture(scope="module")
def reports(vilvoorde) -> dict[str, list[str]]:
    """The plan, jaarrapport and evaluatie of the Vilvoorde test folder, rendered once."""
    import datetime as dt

    from livb.documents.render import RenderRequest, render_documents

    day = dt.date.fromisoformat(DAY)
    names = ("plan", "jaarrapport", "evaluatie")
    for name in names:
        render_documents(RenderRequest(vilvoorde, [name], today=day))
    return {n: docx_text((vilvoorde / "output" / f"{n}.docx").read_bytes()) for n in names}


def test_the_plan_shows_granted_planned_and_spent_per_year_and_source(reports):
    rows = rows_after(reports["plan"], "Per jaar en per bron")
    assert rows[0] == ["Jaar", "Bron", "Toegekend", "Gepland", "Besteed"]
    assert [
        "2027",
        "Strategisch veiligheids- en preventieplan",
        "€ 60.000",
        "€ 46.000",
        "–",
    ] in rows
    # the camera's old budget of 12000 stands with its 9000 spent in the row of the whole period
    assert [
        "hele looptijd",
        "Eigen middelen (meerjarenplan 2026-2031)",
        "–",
        "€ 12.000",
        "€ 9.000",
    ] in rows
    assert rows[-1] == ["Samen", "", "", "€ 115.000", "€ 63.000"]


def test_the_jaarrapport_shows_its_year_per_source(reports):
    rows = rows_after(reports["jaarrapport"], "Per bron in 2026")
    assert {r[0] for r in rows[1:-1]} == {"2026", "hele looptijd"}
    # 2026 by hand: 5000 + 48000 + 4000, and the camera's 12000 for the whole period
    assert rows[-1] == ["Samen", "", "", f"€ {5 + 48 + 4 + 12}.000", "€ 63.000"]


def test_the_evaluatie_shows_every_year_per_source(reports):
    rows = rows_after(reports["evaluatie"], "Het geld per jaar en per bron")
    assert [r[0] for r in rows[1:-1]] == ["2026", "2026", "2026", "2027", "hele looptijd"]
