"""The follow-up workbook of a folder with funding sources: spending per source, out and back in."""

from __future__ import annotations

import openpyxl
import pytest
from ruamel.yaml import YAML

from helpers import REPO, copy_example, edit

VILVOORDE = REPO / "tests" / "projects" / "vilvoorde"
SVPP = "Strategisch veiligheids- en preventieplan"
PROVINCIE = "Provinciale subsidie buurtwerking"
EIGEN = "Eigen middelen (meerjarenplan 2026-2031)"
PREVENTIE, TOM = "Preventiedienst", "Tom De Smet"


@pytest.fixture
def vilvoorde(tmp_path):
    return copy_example(tmp_path / "vilvoorde", VILVOORDE)


@pytest.fixture
def exported(vilvoorde, livb):
    result = livb("export", "opvolging", "--jaar", "2026", vilvoorde)
    assert result.code == 0, result.err
    return vilvoorde / "output" / "opvolging-2026.xlsx"


def _header(sheet):
    """The action header row: column letter by header text, and its row number."""
    for row in sheet.iter_rows():
        if row[0].value == "Id":
            return {c.value: c.column_letter for c in row if c.value}, row[0].row
    raise AssertionError("no header")


def _rows(sheet):
    return {row[0].value: row[0].row for row in sheet.iter_rows() if row[0].value}


def _cell(book, sheet, ident, header):
    columns, _ = _header(book[sheet])
    return book[sheet][f"{columns[header]}{_rows(book[sheet])[ident]}"]


def _fill(source, target, changes):
    """A copy of the workbook with cells changed: {(sheet, row id, header): value}."""
    book = openpyxl.load_workbook(source)
    for (sheet, ident, header), value in changes.items():
        _cell(book, sheet, ident, header).value = value
    book.save(target)
    return target


def _stand(root, actie):
    data = YAML(typ="safe").load((root / "monitoring" / "2026.yaml").read_text("utf-8"))
    return next(a for a in data["acties"] if a["actie"] == actie)


def _files(root):
    """The folder's files, without the workbooks and the folder lock's own (.livb/)."""
    skip = {"output", ".livb"}
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and not skip & set(p.parts)}


def test_an_action_funded_per_source_has_a_euro_cell_per_source_of_the_year(exported):
    book = openpyxl.load_workbook(exported)
    sheet = book[PREVENTIE]
    columns, header = _header(sheet)
    # a-straathoekwerk is funded in 2026 by svpp and eigen (in plan.yaml's order), not provincie
    assert f"Besteed uit {EIGEN}" in columns and f"Besteed uit {SVPP}" in columns
    assert f"Besteed uit {PROVINCIE}" not in columns
    ids = sheet.row_dimensions[header + 1]
    assert sheet[f"A{header + 1}"].value == "Bron-id" and ids.hidden
    assert sheet[f"{columns[f'Besteed uit {SVPP}']}{header + 1}"].value == "svpp"
    assert sheet[f"{columns[f'Besteed uit {SVPP}']}{header + 1}"].protection.locked
    spent = _cell(book, PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}")
    assert spent.value == 44000 and spent.data_type == "n" and "€" in spent.number_format
    assert not spent.protection.locked
    besteed = _cell(book, PREVENTIE, "a-straathoekwerk", "Besteed dit jaar")
    assert besteed.value is None and besteed.protection.locked


def test_an_old_form_action_keeps_the_single_besteed_cell(exported):
    book = openpyxl.load_workbook(exported)
    besteed = _cell(book, TOM, "a-camera", "Besteed dit jaar")
    assert besteed.value == 9000 and not besteed.protection.locked
    other = _cell(book, TOM, "a-camera", f"Besteed uit {SVPP}")
    assert other.value is None and other.protection.locked
    assert _cell(book, TOM, "a-buurtfeest", f"Besteed uit {PROVINCIE}").value == 4000


def test_an_unchanged_workbook_imports_as_no_change(vilvoorde, exported, livb):
    before = _files(vilvoorde)
    result = livb("import", exported, vilvoorde)
    assert result.code == 0, result.err
    assert "Geen wijzigingen" in result.out
    assert _files(vilvoorde) == before


def test_spending_per_source_becomes_uitgaven(vilvoorde, exported, livb, tmp_path):
    filled = _fill(
        exported,
        tmp_path / "terug.xlsx",
        {
            (PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}"): 45250.5,
            (PREVENTIE, "a-straathoekwerk", f"Besteed uit {EIGEN}"): None,
            (TOM, "a-buurtfeest", f"Besteed uit {SVPP}"): "2.750,00",
        },
    )
    result = livb("import", filled, vilvoorde)
    assert result.code == 0, result.err
    assert "uitgaven uit svpp: 44000 → 45250,5" in result.out
    assert _stand(vilvoorde, "a-straathoekwerk")["uitgaven"] == [
        {"bron": "svpp", "bedrag": 45250.5, "categorie": "personeel"}
    ]
    assert _stand(vilvoorde, "a-buurtfeest")["uitgaven"] == [
        {"bron": "provincie", "bedrag": 4000, "categorie": "werking"},
        {"bron": "svpp", "bedrag": 2750, "categorie": "werking"},
    ]
    assert _stand(vilvoorde, "a-camera")["besteed"] == 9000


def test_a_year_without_the_action_gets_an_entry_with_uitgaven(vilvoorde, livb, tmp_path):
    edit(
        vilvoorde,
        "monitoring/2026.yaml",
        "  - actie: a-straathoekwerk\n    status: lopend\n    uitgaven:\n"
        "      - {bron: svpp, bedrag: 44000, categorie: personeel}\n"
        "      - {bron: eigen, bedrag: 3500, categorie: werking}\n",
        "",
    )
    assert livb("export", "opvolging", "--jaar", "2026", vilvoorde).code == 0
    exported = vilvoorde / "output" / "opvolging-2026.xlsx"
    book = openpyxl.load_workbook(exported)
    assert _cell(book, PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}").value is None
    filled = _fill(
        exported,
        tmp_path / "terug.xlsx",
        {(PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}"): 30000},
    )
    result = livb("import", filled, vilvoorde)
    assert result.code == 0, result.err
    stand = _stand(vilvoorde, "a-straathoekwerk")
    assert stand["uitgaven"] == [{"bron": "svpp", "bedrag": 30000}]
    assert "besteed" not in stand


def _refused(livb, filled, root, *parts):
    before = _files(root)
    result = livb("import", filled, root)
    assert result.code == 1
    for part in parts:
        assert part in result.err, result.err
    assert "Traceback" not in result.err
    assert _files(root) == before


def test_a_change_of_the_yaml_since_the_export_is_a_conflict(vilvoorde, exported, livb, tmp_path):
    cell = _cell(
        openpyxl.load_workbook(exported), PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}"
    )
    filled = _fill(
        exported,
        tmp_path / "terug.xlsx",
        {(PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}"): 45000},
    )
    edit(vilvoorde, "monitoring/2026.yaml", "bedrag: 44000", "bedrag: 44500")
    _refused(
        livb, filled, vilvoorde, f"blad '{PREVENTIE}', cel {cell.coordinate}", "conflict", "44500"
    )


@pytest.mark.parametrize(
    ("sheet", "ident", "header", "value", "says"),
    [
        (PREVENTIE, "a-straathoekwerk", f"Besteed uit {SVPP}", -5, "negatief bedrag"),
        (PREVENTIE, "a-straathoekwerk", f"Besteed uit {EIGEN}", "veel", "geen bedrag"),
        (PREVENTIE, "a-straathoekwerk", "Besteed dit jaar", 100, "per bron"),
        (TOM, "a-camera", f"Besteed uit {SVPP}", 100, "geen geld uit de bron 'svpp'"),
    ],
)
def test_a_bad_spending_cell_is_refused_with_its_sheet_and_cell(
    vilvoorde, exported, livb, tmp_path, sheet, ident, header, value, says
):
    cell = _cell(openpyxl.load_workbook(exported), sheet, ident, header)
    filled = _fill(exported, tmp_path / "terug.xlsx", {(sheet, ident, header): value})
    _refused(livb, filled, vilvoorde, f"blad '{sheet}', cel {cell.coordinate}", says)


def test_two_amounts_of_one_source_are_left_to_the_yaml(vilvoorde, exported, livb, tmp_path):
    cell = _cell(openpyxl.load_workbook(exported), TOM, "a-buurtfeest", f"Besteed uit {SVPP}")
    filled = _fill(
        exported, tmp_path / "terug.xlsx", {(TOM, "a-buurtfeest", f"Besteed uit {SVPP}"): 2600}
    )
    edit(
        vilvoorde,
        "monitoring/2026.yaml",
        "      - {bron: svpp, bedrag: 2500, categorie: werking}",
        "      - {bron: svpp, bedrag: 1500, categorie: werking}\n"
        "      - {bron: svpp, bedrag: 1000, categorie: personeel}",
    )
    _refused(livb, filled, vilvoorde, f"cel {cell.coordinate}", "2 uitgaven uit de bron 'svpp'")


def test_a_besteed_without_source_is_left_to_the_yaml(vilvoorde, livb, tmp_path):
    edit(
        vilvoorde,
        "monitoring/2026.yaml",
        "    uitgaven:\n      - {bron: provincie, bedrag: 4000, categorie: werking}\n"
        "      - {bron: svpp, bedrag: 2500, categorie: werking}\n",
        "    besteed: 6500\n",
    )
    assert livb("export", "opvolging", "--jaar", "2026", vilvoorde).code == 0
    exported = vilvoorde / "output" / "opvolging-2026.xlsx"
    cell = _cell(openpyxl.load_workbook(exported), TOM, "a-buurtfeest", f"Besteed uit {SVPP}")
    filled = _fill(
        exported, tmp_path / "terug.xlsx", {(TOM, "a-buurtfeest", f"Besteed uit {SVPP}"): 2500}
    )
    _refused(livb, filled, vilvoorde, f"cel {cell.coordinate}", "'besteed' zonder bron")
