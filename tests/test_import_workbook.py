"""livb import of a follow-up workbook: changed cells into monitoring/JJJJ.yaml, or a refusal."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pytest

from helpers import SMALL_PLAN, write_tree


@pytest.fixture
def small(tmp_path):
    return write_tree(tmp_path / "lint", SMALL_PLAN)


def _export(livb, root, *extra):
    result = livb("export", "opvolging", "--jaar", "2026", *extra, root)
    assert result.code == 0, result.err
    return [line.removeprefix("Geschreven: ") for line in result.out.splitlines()]


def _fill(source, target, sheet, changes):
    """Save a copy of a workbook with cells changed: {(row id, column letter): value}."""
    book = openpyxl.load_workbook(source)
    rows = {row[0].value: row[0].row for row in book[sheet].iter_rows()}
    for (ident, column), value in changes.items():
        book[sheet][f"{column}{rows[ident]}"] = value
    book.save(target)
    return target


def _files(root):
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "output" not in p.parts}


def test_an_unchanged_workbook_imports_as_no_change(small, livb):
    (path,) = _export(livb, small)
    before = _files(small)
    result = livb("import", path, small)
    assert result.code == 0, result.err
    assert "Geen wijzigingen in opvolging-2026.xlsx." in result.out
    assert _files(small) == before
    dry = livb("import", path, small, "--droog")
    assert dry.code == 0 and dry.out == "Geen wijzigingen in opvolging-2026.xlsx.\n"


def test_a_filled_workbook_creates_the_year_with_the_starter_and_passes_check(
    small, livb, tmp_path
):
    (path,) = _export(livb, small)
    filled = _fill(
        path,
        tmp_path / "terug.xlsx",
        "An Peeters",
        {
            ("a-stalling", "G"): "vertraagd",
            ("a-stalling", "H"): 1200.5,
            ("a-stalling", "I"): "De aannemer ging failliet.",
            ("i-diefstallen", "G"): 97,
            ("i-diefstallen", "H"): dt.datetime(2026, 11, 30),
            ("i-diefstallen", "I"): "politiestatistiek",
            ("2025-11-04-kerngroep/1", "E"): "ja",
        },
    )
    dry = livb("import", filled, small, "--droog")
    assert dry.code == 0, dry.err
    assert "actie 'a-stalling', status: 'gepland' → 'vertraagd'" in dry.out
    assert "(terug.xlsx, blad 'An Peeters', cel G6)" in dry.out
    assert "monitoring/2026.yaml bestaat nog niet" in dry.out
    assert not (small / "monitoring").exists()

    result = livb("import", filled, small)
    assert result.code == 0, result.err
    assert "Geschreven: monitoring/2026.yaml." in result.out
    text = (small / "monitoring" / "2026.yaml").read_text(encoding="utf-8")
    assert "gemaakt met livb new" in text  # the starter's header comment is kept
    from livb.folder.yamlio import parse_fast

    data = parse_fast(text)
    stalling = [a for a in data["acties"] if a["actie"] == "a-stalling"][-1]
    assert stalling["status"] == "vertraagd" and stalling["besteed"] == 1200.5
    assert stalling["reden"] == "De aannemer ging failliet."
    assert data["metingen"] == [
        {
            "indicator": "i-diefstallen",
            "waarde": 97,
            "datum": dt.date(2026, 11, 30),
            "bron": "politiestatistiek",
        }
    ]
    assert data["huiswerk"] == [{"vergadering": "2025-11-04-kerngroep", "taak": 1, "gedaan": True}]
    check = livb("check", small)
    assert check.code == 0, check.out
    again = livb("import", filled, small)
    assert "Geen wijzigingen" in again.out


def test_only_the_changed_values_are_written_every_comment_kept(halle, livb, tmp_path):
    result = livb("export", "opvolging", "--jaar", "2011", "--trekker", "bart-segers", halle)
    assert result.code == 0, result.err
    path = halle / "output" / "opvolging-2011-bart-segers.xlsx"
    filled = _fill(path, tmp_path / "bart.xlsx", "Bart Segers", {("i-inbraken", "G"): 183})
    old = (halle / "monitoring" / "2011.yaml").read_text(encoding="utf-8")
    assert livb("import", filled, halle).code == 0
    new = (halle / "monitoring" / "2011.yaml").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [("    waarde: 184", "    waarde: 183")]


def _refused(livb, root, path):
    before = _files(root)
    result = livb("import", path, root)
    assert result.code == 1, result.out
    assert _files(root) == before
    return result.err


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {("a-stalling", "G"): "klaar"},
            "terug.xlsx, blad 'An Peeters', cel G6: 'klaar' is geen toestand",
        ),
        ({("a-stalling", "H"): "veel"}, "cel H6: 'veel' is geen bedrag"),
        (
            {("i-diefstallen", "G"): 90, ("i-diefstallen", "H"): dt.datetime(2025, 12, 31)},
            "cel H10: 31/12/2025 valt buiten 2026",
        ),
        (
            {("a-stalling", "G"): "geschrapt"},
            "cel I6: de actie 'a-stalling' is geschrapt, maar de reden ontbreekt",
        ),
        ({("a-stalling", "A"): "a-nieuw"}, "cel A6: 'a-nieuw' is geen actie van deze export"),
        ({("i-diefstallen", "G"): "=1+1"}, "cel G10: een formule zonder berekende waarde"),
        ({("2025-11-04-kerngroep/1", "E"): "misschien"}, "cel E14: 'misschien' is geen ja of nee"),
    ],
)
def test_bad_cells_are_named_with_sheet_and_cell(small, livb, tmp_path, changes, message):
    (path,) = _export(livb, small)
    filled = _fill(path, tmp_path / "terug.xlsx", "An Peeters", changes)
    err = _refused(livb, small, filled)
    assert message in err
    assert "er is niets gewijzigd" in err


def test_a_deleted_row_is_said_as_such(small, livb, tmp_path):
    (path,) = _export(livb, small)
    book = openpyxl.load_workbook(path)
    book["An Peeters"].delete_rows(6)
    book.save(tmp_path / "terug.xlsx")
    err = _refused(livb, small, tmp_path / "terug.xlsx")
    assert "blad 'An Peeters': de rij van actie 'a-stalling' ontbreekt (verwijderd?)" in err
    assert "livb schrapt niets via een werkboek" in err


def test_a_workbook_of_another_folder_or_not_made_by_livb_is_refused(small, halle, livb, tmp_path):
    assert livb("export", "opvolging", "--jaar", "2011", halle).code == 0
    err = _refused(livb, small, halle / "output" / "opvolging-2011.xlsx")
    assert "is een werkboek van Halle, niet van Lint" in err
    plain = openpyxl.Workbook()
    plain.save(tmp_path / "eigen.xlsx")
    assert "werd niet gemaakt met livb export opvolging" in _refused(
        livb, small, tmp_path / "eigen.xlsx"
    )


def test_a_changed_stamp_is_refused(small, livb, tmp_path):
    (path,) = _export(livb, small)
    book = openpyxl.load_workbook(path)
    book["livb"]["B5"] = "2025"
    book.save(tmp_path / "terug.xlsx")
    assert "het verborgen blad 'livb' werd gewijzigd" in _refused(
        livb, small, tmp_path / "terug.xlsx"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"geen werkboek", "is geen leesbaar Excel-werkboek"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "met een wachtwoord beveiligd"),
    ],
)
def test_a_corrupt_or_protected_file_is_refused(small, livb, tmp_path, content, message):
    path = tmp_path / "terug.xlsx"
    path.write_bytes(content)
    assert message in _refused(livb, small, path)


def test_an_ods_saved_as_xlsx_is_named(small, livb, tmp_path):
    import zipfile

    path = tmp_path / "terug.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "een LibreOffice-rekenblad (.ods) met de naam .xlsx" in _refused(livb, small, path)


def test_a_value_changed_in_the_yaml_since_the_export_is_a_conflict(halle, livb, tmp_path):
    assert livb("export", "opvolging", "--jaar", "2011", halle).code == 0
    path = halle / "output" / "opvolging-2011.xlsx"
    filled = _fill(path, tmp_path / "terug.xlsx", "Bart Segers", {("i-inbraken", "G"): 183})
    yaml = halle / "monitoring" / "2011.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("waarde: 184", "waarde: 185"), encoding="utf-8"
    )
    err = _refused(livb, halle, filled)
    assert "cel G11: conflict: het werkboek zegt 183, maar sinds de export staat er 185" in err


def test_workbooks_of_two_trekkers_merge_and_the_same_cell_twice_is_a_conflict(
    small, livb, tmp_path
):
    first, second = _export(livb, small, "--trekker", "coord", "--trekker", "burg")
    a = _fill(
        first,
        tmp_path / "an.xlsx",
        "An Peeters",
        {
            ("i-diefstallen", "G"): 97,
            ("i-diefstallen", "I"): "politie",
            ("a-stalling", "G"): "lopend",
        },
    )
    b = _fill(
        second,
        tmp_path / "jan.xlsx",
        "Jan Burg",
        {
            ("i-diefstallen", "G"): 97,
            ("i-diefstallen", "I"): "politie",
            ("a-graveren", "G"): "afgerond",
        },
    )
    c = _fill(second, tmp_path / "jan-2.xlsx", "Jan Burg", {("i-diefstallen", "G"): 99})
    assert livb("import", a, small).code == 0
    merged = livb("import", b, small)
    assert merged.code == 0, merged.err
    assert "a-graveren" in merged.out and "i-diefstallen" not in merged.out
    err = _refused(livb, small, c)
    assert "conflict: het werkboek zegt 99, maar sinds de export staat er 97" in err


def test_one_workbook_with_the_same_cell_two_ways_is_a_conflict(small, livb, tmp_path):
    (path,) = _export(livb, small)
    once = _fill(path, tmp_path / "een.xlsx", "An Peeters", {("i-diefstallen", "G"): 97})
    twice = _fill(once, tmp_path / "twee.xlsx", "Jan Burg", {("i-diefstallen", "G"): 98})
    err = _refused(livb, small, twice)
    assert "conflict: 98 hier, maar 97 op blad 'An Peeters', cel G10" in err


def test_the_guard_names_a_new_check_error_with_its_place_in_the_new_text(small):
    from livb.core.errors import LivbError
    from livb.exchange import load_folder
    from livb.method.guard import refuse_new_errors

    loaded = load_folder(small, "test")
    text = "acties:\n  - actie: a-stalling\n    status: lopend\n  - actie: a-onbekend\n    status: lopend\n"
    with pytest.raises(LivbError) as raised:
        refuse_new_errors(
            loaded, "monitoring/2026.yaml", text, dt.date(2026, 6, 1), "livb import", "niets"
        )
    assert (
        "livb import schrijft niets: daarna zou 'livb check' weigeren met LIVB"
        in raised.value.message
    )
    assert "(monitoring/2026.yaml:4:" in raised.value.message
    refuse_new_errors(
        loaded,
        "monitoring/2026.yaml",
        text.split("  - actie: a-onbekend")[0],
        dt.date(2026, 6, 1),
        "livb import",
        "niets",
    )


def test_a_copy_in_another_folder_is_not_this_folder(small, livb, tmp_path):
    (path,) = _export(livb, small)
    other = tmp_path / "other"
    shutil.copytree(small, other)
    (other / "livb.yaml").write_text(
        (other / "livb.yaml")
        .read_text(encoding="utf-8")
        .replace("Lint", "Boechout")
        .replace("11025", "11004"),
        encoding="utf-8",
    )
    assert "is een werkboek van Lint, niet van Boechout" in _refused(livb, other, path)


def test_a_workbook_of_a_year_outside_the_plan_is_refused(small, livb):
    (path,) = _export(livb, small)
    livb_yaml = small / "livb.yaml"
    livb_yaml.write_text(
        livb_yaml.read_text(encoding="utf-8").replace("tot: 2027-12-31", "tot: 2025-12-31"),
        encoding="utf-8",
    )
    err = _refused(livb, small, path)
    assert (
        "opvolging-2026.xlsx is de opvolging van 2026, maar het plan loopt van 2025 tot 2025" in err
    )
