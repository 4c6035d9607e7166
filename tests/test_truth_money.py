"""The money, the counts and the words of the jaarrapport, the evaluatie and its besluit are true."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from livb.method.check import run_checks
from livb.word.docx import docx_text

DAY = "2012-03-01"


def render(root: Path, livb, document: str, day: str = DAY, *args: str) -> str:
    result = livb("render", document, root, "--datum", day, *args)
    assert result.code == 0, result.err
    [path] = (root / "output").glob(f"{document}*.docx")
    return "\n".join(docx_text(path.read_bytes())).replace("\u00a0", " ")


def drop_budgets(root: Path) -> None:
    for path in (root / "doelstellingen").glob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"(?m)^ *budget: \d+\n", "", text), "utf-8")


# -- 1. the money of the jaarrapport --------------------------------------------------------------


def test_a_plan_without_budgets_reports_spending_without_a_budget_to_hold_it_against(halle, livb):
    drop_budgets(halle)
    text = render(halle, livb, "jaarrapport")
    assert "€ 0" not in text and "€0" not in text
    assert "Het plan geeft geen enkele actie een budget." in text
    assert "Het budget is" not in text and "Nog beschikbaar" not in text
    assert "tegenover het budget" not in text
    assert "table | Samen | € 41.800 | € 65.500" in text


def test_spending_without_a_budget_is_a_warning(halle):
    drop_budgets(halle)
    found = run_checks(halle, today=dt.date(2012, 3, 1)).diagnostics
    warned = {d.message for d in found if d.code == "LIVB225"}
    assert "de actie 'a-adviescampagne' kostte € 5.500, maar het plan geeft haar geen budget" in (
        warned
    )
    assert len(warned) == 8


def test_what_is_left_is_totalled_and_a_dropped_action_has_nothing_left(halle, livb):
    text = render(halle, livb, "jaarrapport")
    # a-gas (€ 4.000, € 1.800 spent) was dropped in 2011: nothing left of its budget
    assert (
        "Gemachtigde opzichters aan alle schoolpoorten | € 4.000 | € 300 | € 1.800 | niets" in text
    )
    assert "table | Samen | € 93.000 | € 41.800 | € 65.500 | € 25.300" in text
    assert "De 8 acties met een budget in het plan (samen € 93.000) kostten tot eind 2011" in text


def test_an_action_without_a_budget_among_others_is_said_to_have_none(halle, livb):
    path = halle / "doelstellingen/samenleven.yaml"
    path.write_text(path.read_text("utf-8").replace("            budget: 12000\n", ""), "utf-8")
    text = render(halle, livb, "jaarrapport")
    assert "vrijdag en zaterdag | geen | € 4.000 | € 6.000 | –" in text
    assert (
        "De 7 acties met een budget in het plan (samen € 81.000) kostten tot eind 2011 € 59.500"
        in (text)
    )
    assert "1 actie heeft uitgaven zonder een budget in het plan." in text


# -- 4. the council hears of the city and its process, not of a folder -----------------------------


def test_the_council_is_never_told_of_the_folder(halle, livb):
    for name in ("jaarrapport", "evaluatie"):
        (halle / "monitoring/2011.yaml").unlink(missing_ok=True)
        text = render(halle, livb, name, "2013-03-01")
        assert "in de map" not in text and "De map" not in text, name
        assert "monitoring/" not in text, name


# -- 3. the besluit on an evaluation names its step and its outcome --------------------------------


def test_an_interim_evaluation_approved_by_the_college_is_step_4_2_and_approved(halle, livb):
    path = halle / "besluiten.yaml"
    text = path.read_text("utf-8")
    old = "    uitkomst: kennisgenomen\n    referentie: CBS 2011/0790"
    assert old in text
    path.write_text(text.replace(old, old.replace("kennisgenomen", "goedgekeurd")), "utf-8")
    result = livb("render", "besluit", halle, "--besluit", "college-evaluatie", "--datum", DAY)
    assert result.code == 0, result.err
    path = halle / "output/besluit-college-evaluatie.docx"
    decision = "\n".join(docx_text(path.read_bytes()))
    assert "(stap 4.2 van de methode)" in decision and "stap 5 " not in decision
    assert "Het college keurt de evaluatie van het plan goed." in decision
    assert "neemt kennis" not in decision


def test_a_year_report_is_dated_by_its_year_not_by_the_day_it_is_looked_at(halle, livb):
    from livb.core.dates import dutch_date
    from livb.folder.project import load_project

    project = load_project(halle).project
    assert project is not None
    [noted] = [
        b.datum
        for b in project.besluiten.besluiten
        if b.onderwerp.value == "jaarrapport" and b.datum.year == 2012
    ]
    # the college took note of the 2011 report: the report carries the day of that decision
    assert f"Opgemaakt op {dutch_date(noted)}" in render(halle, livb, "jaarrapport", "2026-12-06")
    text = (halle / "besluiten.yaml").read_text("utf-8")
    kept = [part for part in text.split("\n  - id: ") if "onderwerp: jaarrapport" not in part]
    (halle / "besluiten.yaml").write_text("\n  - id: ".join(kept), "utf-8")
    # without it: early in the next year a draft of today; long after, as at the year's end
    assert "Opgemaakt op 1 maart 2012" in render(halle, livb, "jaarrapport")
    assert "Opgemaakt op 31 december 2011" in render(halle, livb, "jaarrapport", "2026-12-06")
