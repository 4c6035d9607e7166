"""The follow-up workbook in a real client: LibreOffice Calc reads it and saves it back.

Two LibreOffice runs for the whole test run (a module-scoped fixture whose result the xdist
workers share): one converts the exported workbook to CSV, every sheet as shown; one saves the
exported and a filled workbook back as .xlsx, as a trekker with LibreOffice would. Skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from helpers import SMALL_PLAN, write_tree

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

# Every sheet (-1), as shown (formats applied), UTF-8, comma-separated.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
FILLED = {
    ("a-stalling", "G"): "vertraagd",
    ("a-stalling", "H"): 1200.5,
    ("a-stalling", "I"): "De aannemer ging failliet.",
    ("i-diefstallen", "G"): 97,
    ("i-diefstallen", "H"): dt.datetime(2026, 11, 30),
    ("i-diefstallen", "I"): "politiestatistiek",
    ("2025-11-04-kerngroep/1", "E"): "ja",
}


def _run(profile: Path, *args: str | Path) -> None:
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *map(str, args)],
        check=False,
        capture_output=True,
        timeout=180,
    )


def _build(base: Path) -> None:
    from livb.exchange.export import export_opvolging

    root = write_tree(base / "lint", SMALL_PLAN)
    (exported,) = export_opvolging(root, 2026, [], dt.date.today())
    shutil.copy(exported, base / "onveranderd.xlsx")
    book = openpyxl.load_workbook(exported)
    rows = {row[0].value: row[0].row for row in book["An Peeters"].iter_rows()}
    for (ident, column), value in FILLED.items():
        book["An Peeters"][f"{column}{rows[ident]}"] = value
    book.save(base / "ingevuld.xlsx")
    book["An Peeters"][f"H{rows['a-stalling']}"] = "=1000+200.5"
    book.save(base / "formule.xlsx")  # openpyxl keeps no result: Calc computes it on saving
    profile = base / "profiel"
    _run(profile, "--convert-to", CSV_FILTER, "--outdir", base / "csv", base / "onveranderd.xlsx")
    _run(
        profile,
        "--convert-to",
        "xlsx",
        "--outdir",
        base / "calc",
        base / "onveranderd.xlsx",
        base / "ingevuld.xlsx",
        base / "formule.xlsx",
    )
    (base / "klaar").touch()


@pytest.fixture(scope="module")
def calc(tmp_path_factory, worker_id):
    """The LibreOffice results, made once per test run (the xdist workers share them)."""
    from filelock import FileLock

    if worker_id == "master":
        base = tmp_path_factory.mktemp("calc")
    else:
        base = tmp_path_factory.getbasetemp().parent / "sheets-calc"
    with FileLock(f"{base}.lock"):
        if not (base / "klaar").exists():
            base.mkdir(exist_ok=True)
            _build(base)
    saved = base / "calc"
    if not (saved / "ingevuld.xlsx").is_file():
        if os.environ.get("LIVB_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice Calc did not save the workbook (libreoffice-calc missing?)")
        pytest.skip("LibreOffice Calc is not installed")
    return {
        "root": base / "lint",
        "filled": base / "ingevuld.xlsx",
        "formula": base / "formule.xlsx",
        "csv": base / "csv",
        "saved": saved,
    }


def _copy(calc, tmp_path):
    target = tmp_path / "lint"
    shutil.copytree(calc["root"], target, ignore=shutil.ignore_patterns("output", ".livb"))
    return target


def _sheet_csv(calc, sheet):
    path = calc["csv"] / f"onveranderd-{sheet}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[0]: row for row in csv.reader(handle) if row and row[0]}


def test_calc_shows_the_exported_cells(calc):
    rows = _sheet_csv(calc, "An Peeters")
    stalling = rows["a-stalling"]
    assert stalling[:4] == ["a-stalling", "Een bewaakte stalling", "01/03/2025", "31/12/2026"]
    assert stalling[4].startswith("€") and "25" in stalling[4]
    assert stalling[5:7] == ["gepland", "gepland"]
    assert rows["i-diefstallen"][:5] == [
        "i-diefstallen",
        "Gestolen fietsen",
        "fietsen",
        "120",
        "80",
    ]
    assert rows["2025-11-04-kerngroep/1"][2] == "01/02/2026"
    assert "a-graveren" in _sheet_csv(calc, "Jan Burg")


def test_a_workbook_saved_by_calc_imports_as_the_original(calc, livb, tmp_path):
    ours, theirs = _copy(calc, tmp_path / "a"), _copy(calc, tmp_path / "b")
    original = livb("import", calc["filled"], ours)
    assert original.code == 0, original.err
    saved = livb("import", calc["saved"] / "ingevuld.xlsx", theirs)
    assert saved.code == 0, saved.err
    assert saved.out == original.out
    assert "actie 'a-stalling', status: 'gepland' → 'vertraagd'" in saved.out
    written = "monitoring/2026.yaml"
    assert (theirs / written).read_text(encoding="utf-8") == (ours / written).read_text(
        encoding="utf-8"
    )


def test_an_unchanged_workbook_saved_by_calc_imports_as_no_change(calc, livb, tmp_path):
    root = _copy(calc, tmp_path)
    result = livb("import", calc["saved"] / "onveranderd.xlsx", root)
    assert result.code == 0, result.err
    assert "Geen wijzigingen in onveranderd.xlsx." in result.out
    assert not (root / "monitoring").exists()


def test_a_formula_counts_with_the_value_calc_computed(calc, livb, tmp_path):
    root = _copy(calc, tmp_path)
    uncomputed = livb("import", calc["formula"], root)
    assert uncomputed.code == 1
    assert "cel H6: een formule zonder berekende waarde" in uncomputed.err
    computed = livb("import", calc["saved"] / "formule.xlsx", root)
    assert computed.code == 0, computed.err
    assert "actie 'a-stalling', besteed: niets → 1200,5" in computed.out
