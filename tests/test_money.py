"""Money per year and source: the model, the totals counted once, the rules, the bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from livb.folder.project import load_project
from livb.method import money
from livb.method.check import run_checks

from helpers import copy_example

VILVOORDE = Path(__file__).parent / "projects" / "vilvoorde"
TODAY = dt.date(2026, 11, 21)


def folder(tmp_path: Path, *changes: tuple[str, str, str]) -> Path:
    """A copy of the Vilvoorde test folder with text replaced: (file, old, new)."""
    root = copy_example(tmp_path / "vilvoorde", VILVOORDE)
    for relative, old, new in changes:
        path = root / relative
        text = path.read_text("utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), "utf-8")
    return root


def findings(root: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (d.location.path, d.location.line, d.location.column, d.message)
        for d in run_checks(root, today=TODAY).diagnostics
        if d.code == code
    ]


def project_of(root: Path):
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    return loaded.project


@pytest.fixture(scope="module")
def project():
    return project_of(VILVOORDE)


def test_the_budget_is_the_sum_per_year_and_source_and_the_old_budget_counts_as_own(project):
    totals = money.by_year_and_source(money.budget_lines(project))
    # the amounts of doelstellingen/overlast.yaml, added by hand
    assert totals == {
        (2026, "svpp"): 45000 + 3000,
        (2026, "eigen"): 5000,
        (2027, "svpp"): 46000,
        (2026, "provincie"): 4000,
        (None, "eigen"): 12000,
    }
    assert money.total(money.budget_lines(project)) == 45000 + 5000 + 46000 + 4000 + 3000 + 12000


def test_spending_per_source_and_the_old_besteed(project):
    totals = money.by_year_and_source(money.spending_lines(project, TODAY))
    assert totals == {
        (2026, "svpp"): 44000 + 2500,
        (2026, "eigen"): 3500 + 9000,
        (2026, "provincie"): 4000,
    }
    assert money.spent(project, TODAY)["a-straathoekwerk"] == {2026: 44000 + 3500}


def test_a_folder_without_money_has_none(minimal):
    assert not money.has_money(project_of(minimal()))


def test_the_test_folder_triggers_no_money_rule_but_the_suggestion(tmp_path):
    codes = {d.code for d in run_checks(VILVOORDE, today=TODAY).diagnostics}
    assert codes & {"LIVB101", "LIVB102", "LIVB224", "LIVB225", "LIVB409", "LIVB410"} == set()
    assert codes & {"LIVB411", "LIVB412"} == set()
    assert findings(VILVOORDE, "LIVB413")[0][:2] == ("doelstellingen/overlast.yaml", 44)


def test_an_unknown_and_a_twice_declared_source(tmp_path):
    root = folder(
        tmp_path,
        ("doelstellingen/overlast.yaml", "bron: eigen, bedrag: 5000", "bron: eign, bedrag: 5000"),
    )
    with (root / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("  - {id: svpp, naam: Nog eens, soort: ander, toegekend: {2026: 1}}\n")
    [unknown] = findings(root, "LIVB101")
    assert unknown[:3] == ("doelstellingen/overlast.yaml", 26, 36)
    assert "onbekende financieringsbron 'eign'" in unknown[3]
    [twice] = findings(root, "LIVB102")
    assert twice[:2] == ("plan.yaml", 18)


def test_spending_from_one_source_above_its_share_of_the_year(tmp_path):
    root = folder(
        tmp_path,
        ("monitoring/2026.yaml", "{bron: svpp, bedrag: 2500", "{bron: svpp, bedrag: 3500"),
        (
            "monitoring/2026.yaml",
            "{bron: provincie, bedrag: 4000",
            "{bron: provincie, bedrag: 3000",
        ),
    )
    # the year's total (3000 + 3500 of 7000) stays within; svpp's 3500 is above its 3000
    [found] = findings(root, "LIVB412")
    assert found[:2] == ("monitoring/2026.yaml", 15)
    assert "€ 3.500 uit 'svpp'" in found[3] and "€ 3.000" in found[3]


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (("plan.yaml", "toegekend: {2026: 5000}\n", ""), ("plan.yaml", 14), "noemt geen jaren"),
        (
            ("doelstellingen/overlast.yaml", "bedrag: 45000", "bedrag: -45000"),
            ("doelstellingen/overlast.yaml", 25),
            "bedrag",
        ),
        (
            ("doelstellingen/overlast.yaml", "bedrag: 45000", "bedrag: veel"),
            ("doelstellingen/overlast.yaml", 25),
            "bedrag",
        ),
        (
            (
                "doelstellingen/overlast.yaml",
                "            budget: 12000\n",
                "            budget: 12000\n            middelen: [{jaar: 2026, bron: eigen, bedrag: 1}]\n",
            ),
            ("doelstellingen/overlast.yaml", 38),
            "geef enkel 'middelen'",
        ),
        (
            ("plan.yaml", "toegekend: {2026: 60000", "toegekend: {2030: 60000"),
            ("plan.yaml", 8),
            "buiten haar periode",
        ),
    ],
)
def test_bad_money_stops_the_check_with_file_and_line(tmp_path, livb, change, where, words):
    root = folder(tmp_path, change)
    result = livb("check", root, "--datum", "2026-11-21")
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if " fout " in line]
    assert any(line.startswith(f"{where[0]}:{where[1]}:") and words in line for line in lines), (
        lines
    )


def test_a_year_outside_the_plan_and_outside_the_source(tmp_path):
    root = folder(
        tmp_path,
        ("doelstellingen/overlast.yaml", "{jaar: 2027, bron: svpp", "{jaar: 2032, bron: svpp"),
        ("doelstellingen/overlast.yaml", "{jaar: 2026, bron: eigen", "{jaar: 2030, bron: svpp"),
    )
    found = findings(root, "LIVB411")
    assert [(f[1], "planperiode" in f[3], "looptijd" in f[3]) for f in found] == [
        (26, False, True),
        (27, True, False),
    ]


def test_more_planned_than_granted(tmp_path):
    root = folder(tmp_path, ("plan.yaml", "toegekend: {2026: 60000", "toegekend: {2026: 47000"))
    [found] = findings(root, "LIVB410")
    assert found[:2] == ("doelstellingen/overlast.yaml", 37)
    assert "€ 48.000" in found[3] and "€ 47.000" in found[3]


# --- livb diff: money per year and source ----------------------------------------------------


def test_diff_says_money_per_year_and_source(tmp_path):
    from livb.cli.report import diff_lines
    from livb.history.diff import compare

    old = project_of(VILVOORDE)
    root = folder(
        tmp_path,
        (
            "doelstellingen/overlast.yaml",
            "{jaar: 2026, bron: svpp, bedrag: 45000",
            "{jaar: 2026, bron: svpp, bedrag: 47000",
        ),
        (
            "doelstellingen/overlast.yaml",
            "              - {jaar: 2027, bron: svpp, bedrag: 46000, categorie: personeel}\n",
            "",
        ),
        (
            "plan.yaml",
            "toegekend: {2026: 60000, 2027: 60000}",
            "toegekend: {2026: 60000, 2027: 62000}",
        ),
        ("monitoring/2026.yaml", "{bron: eigen, bedrag: 3500", "{bron: eigen, bedrag: 3800"),
    )
    lines = diff_lines(compare(old, project_of(root)))
    assert any(
        line.endswith("financiering svpp toegekend 2027: € 60.000 → € 62.000") for line in lines
    ), lines
    [action] = [line for line in lines if "a-straathoekwerk 'Straat" in line]
    assert action.endswith(
        "middelen − 2027 svpp personeel € 46.000, 2026 svpp personeel € 45.000 → € 47.000"
    )
    assert any(
        line.endswith("acties a-straathoekwerk uitgaven eigen werking € 3.500 → € 3.800")
        for line in lines
    ), lines


def test_every_amount_of_the_models_is_shown_in_euro():
    from livb.history.diff import value_text
    from livb.model.walk import amount_fields

    assert {"budget", "besteed", "bedrag", "toegekend"} <= amount_fields()
    assert "waarde" not in amount_fields()  # an indicator's value is a number, not money
    assert value_text("besteed", 1800) == "€ 1.800" and value_text("waarde", 1800) == "1.800"
