"""livb export: the follow-up workbooks for the trekkers and the plan's action table."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from helpers import SMALL_PLAN, write_tree


@pytest.fixture
def small(tmp_path):
    return write_tree(tmp_path / "lint", SMALL_PLAN)


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _stamp(book):
    rows = _rows(book["livb"])
    header = {r[0]: r[1] for r in rows[: [r[0] for r in rows].index("waarden")]}
    values = rows[[r[0] for r in rows].index("waarden") + 1 :]
    return header, values


def test_one_sheet_per_trekker_with_actions_indicators_and_huiswerk(small, livb):
    result = livb("export", "opvolging", "--jaar", "2026", small)
    assert result.code == 0, result.err
    path = small / "output" / "opvolging-2026.xlsx"
    assert f"Geschreven: {path}" in result.out
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Uitleg", "An Peeters", "Jan Burg", "livb"]
    rows = _rows(book["An Peeters"])
    ids = [r[0] for r in rows]
    assert ids.index("Acties") < ids.index("a-stalling") < ids.index("Indicatoren")
    assert ids.index("i-diefstallen") < ids.index("Huiswerk")
    assert "2025-11-04-kerngroep/1" in ids
    assert "a-graveren" not in ids
    stalling = rows[ids.index("a-stalling")]
    assert stalling[2] == dt.datetime(2025, 3, 1)
    assert stalling[4] == 25000
    assert stalling[6] == "gepland"
    # the indicator of the goal both work on is on both sheets; the task only on its own
    burg = [r[0] for r in _rows(book["Jan Burg"])]
    assert "i-diefstallen" in burg and "2025-11-04-kerngroep/1" not in burg
    guide = " ".join(r[0] for r in _rows(book["Uitleg"]) if r[0])
    assert "terug naar An Peeters vóór" in guide


def test_formats_dropdowns_locked_ids_and_a_hidden_stamp(small, livb):
    assert livb("export", "opvolging", "--jaar", "2026", small).code == 0
    book = openpyxl.load_workbook(small / "output" / "opvolging-2026.xlsx")
    sheet = book["An Peeters"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "a-stalling")
    assert sheet.protection.sheet
    assert row[0].protection.locked and row[1].protection.locked
    assert not row[6].protection.locked and not row[7].protection.locked
    assert row[2].number_format == "dd/mm/yyyy"
    assert row[4].number_format == "€ #,##0.00"
    states = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert any(
        v.formula1 == '"gepland,lopend,afgerond,vertraagd,geschrapt"'
        and row[6].coordinate in v.sqref
        for v in states
    )
    assert book["livb"].sheet_state == "hidden"
    header, values = _stamp(book)
    assert header["gemeente"] == "Lint" and header["jaar"] == "2026"
    assert header["export"] == dt.date.today().isoformat()
    assert len(header["hash"]) == 64
    stalling = next(v for v in values if v[2] == "a-stalling")
    assert stalling[:2] == ["An Peeters", "Acties"]
    assert json.loads(stalling[3])["status"] == "gepland"


def test_the_values_of_the_year_are_filled_in_and_interviews_never_go_in(halle, livb):
    assert (
        livb("export", "opvolging", "--jaar", "2011", "--trekker", "bart-segers", halle).code == 0
    )
    path = halle / "output" / "opvolging-2011-bart-segers.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Uitleg", "Bart Segers", "livb"]
    rows = {r[0]: r for r in _rows(book["Bart Segers"]) if r[0]}
    assert rows["a-slachtofferbezoek"][6] == "vertraagd"
    assert rows["a-slachtofferbezoek"][8].startswith("De dienst slachtofferbejegening")
    assert rows["i-inbraken"][6] == 184
    text = " ".join(str(v) for s in book for r in _rows(s) for v in r if v is not None)
    for interview in (halle / "gesprekken").glob("*.yaml"):
        for line in interview.read_text(encoding="utf-8").splitlines():
            value = line.split(":", 1)[-1].strip()
            if len(value) > 40:
                assert value not in text


def test_an_existing_workbook_is_not_overwritten_without_asking(small, livb):
    assert livb("export", "opvolging", "--jaar", "2026", small).code == 0
    path = small / "output" / "opvolging-2026.xlsx"
    before = path.read_bytes()
    again = livb("export", "opvolging", "--jaar", "2026", small)
    assert again.code == 1
    assert "bestaat al" in again.err and "--overschrijf" in again.err
    assert path.read_bytes() == before
    assert livb("export", "opvolging", "--jaar", "2026", "--overschrijf", small).code == 0


def test_an_unknown_trekker_is_a_usage_error(small, livb):
    result = livb("export", "opvolging", "--jaar", "2026", "--trekker", "niemand", small)
    assert result.code == 2
    assert "'niemand' trekt geen actie" in result.err and "coord, burg" in result.err
    assert not (small / "output").exists()


def test_the_action_table_is_sorted_filterable_and_read_only(halle, livb):
    result = livb("export", "acties", halle)
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(halle / "output" / "acties.xlsx")
    sheet = book["Acties"]
    rows = _rows(sheet)
    assert rows[0][:5] == [
        "Prioriteit",
        "Strategische doelstelling",
        "Operationele doelstelling",
        "Id",
        "Actie",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{len(rows)}"
    assert sheet.protection.sheet and sheet.protection.autoFilter is False
    ids = [r[3] for r in rows[1:]]
    assert len(ids) == len(set(ids)) == 13
    priorities = [r[0] for r in rows[1:]]
    # grouped by priority, in the order of prioriteiten.yaml
    assert priorities == sorted(priorities, key=lambda p: list(dict.fromkeys(priorities)).index(p))
    assert priorities[0] == "Samenleven in de wijken"


def test_a_year_outside_the_plan_is_a_usage_error(small, livb):
    result = livb("export", "opvolging", "--jaar", "2030", small)
    assert result.code == 2
    assert "het plan loopt van 2025 tot 2027; 2030 valt erbuiten" in result.err
    assert not (small / "output").exists()


def test_huiswerk_of_an_earlier_year_comes_back_only_when_recorded_as_not_done(small, livb):
    task = "2025-11-04-kerngroep/1"
    assert livb("export", "opvolging", "--jaar", "2027", small).code == 0
    book = openpyxl.load_workbook(small / "output" / "opvolging-2027.xlsx")
    assert task not in [r[0] for r in _rows(book["An Peeters"])]
    write_tree(
        small,
        {
            "monitoring/2026.yaml": """\
                huiswerk:
                  - {vergadering: 2025-11-04-kerngroep, taak: 1, gedaan: false}
                """
        },
    )
    assert livb("export", "opvolging", "--jaar", "2027", "--overschrijf", small).code == 0
    book = openpyxl.load_workbook(small / "output" / "opvolging-2027.xlsx")
    rows = {r[0]: r for r in _rows(book["An Peeters"])}
    assert task in rows and rows[task][4] is None  # not done in 2026; 2027 not said yet
