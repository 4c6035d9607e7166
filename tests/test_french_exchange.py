"""The follow-up workbook of a French folder: written in French, read back in either language.

A trekker of a Walloon commune gets sheets, headers, states and yes/no in French; whoever
fills it in may still type a Dutch state (or the workbook may have been made before the folder
became French): the import reads both, and monitoring/JJJJ.yaml gets the Dutch values the YAML
format has for the whole country.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from livb.core import i18n

from helpers import SMALL_PLAN, write_tree


@pytest.fixture
def french(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "lint", SMALL_PLAN)
    settings = root / "livb.yaml"
    text = re.sub(r"(?m)^taal:.*\n", "", settings.read_text(encoding="utf-8"))
    settings.write_text(text.rstrip("\n") + "\ntaal: fr\n", encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _language_of_before():
    with i18n.speaking(None):
        yield


def _export(livb, root: Path, *extra: str) -> Path:
    result = livb("export", "opvolging", "--jaar", "2026", *extra, root)
    assert result.code == 0, result.err
    [path] = (root / "output").glob("opvolging-2026*.xlsx")
    return path


def _column_a(sheet) -> list[str]:
    return [str(row[0].value) for row in sheet.iter_rows() if row[0].value is not None]


def _fill(source: Path, target: Path, sheet: str, changes: dict[tuple[str, str], object]) -> Path:
    book = openpyxl.load_workbook(source)
    rows = {row[0].value: row[0].row for row in book[sheet].iter_rows()}
    for (ident, column), value in changes.items():
        book[sheet][f"{column}{rows[ident]}"] = value
    book.save(target)
    return target


def test_the_workbook_of_a_french_folder_is_french(french, livb) -> None:
    book = openpyxl.load_workbook(_export(livb, french))
    assert book.sheetnames[0] == "Mode d'emploi"
    guide = " ".join(_column_a(book["Mode d'emploi"]))
    assert "Complétez uniquement les colonnes jaunes" in guide
    assert "Vul enkel" not in guide
    sheet = book["An Peeters"]
    first = _column_a(sheet)
    assert {"Actions", "Indicateurs", "Tâches"} <= set(first)
    headers = {c.value for row in sheet.iter_rows() for c in row if c.value}
    assert {"État", "Dépensé cette année", "Réalisé (oui/non)"} <= headers
    assert not {"Toestand", "Besteed dit jaar"} & headers
    states = [c.value for row in sheet.iter_rows() for c in row[6:7] if c.value]
    assert "prévue" in states and "gepland" not in states


def test_a_dutch_folder_keeps_its_dutch_workbook(tmp_path, livb) -> None:
    root = write_tree(tmp_path / "lint", SMALL_PLAN)
    book = openpyxl.load_workbook(_export(livb, root))
    assert book.sheetnames[0] == "Uitleg"
    assert "Acties" in _column_a(book["An Peeters"])


def test_french_and_dutch_answers_are_read_back_as_the_yaml_writes_them(
    french, livb, tmp_path
) -> None:
    filled = _fill(
        _export(livb, french),
        tmp_path / "retour.xlsx",
        "An Peeters",
        {
            ("a-stalling", "G"): "En retard",
            ("a-stalling", "H"): 1200,
            ("a-stalling", "I"): "L'entrepreneur a fait faillite.",
            ("2025-11-04-kerngroep/1", "E"): "oui",
        },
    )
    dry = livb("import", filled, french, "--droog")
    assert dry.code == 0, dry.err
    assert "action 'a-stalling', status : 'gepland' → 'vertraagd' (retour.xlsx, feuille" in dry.out
    result = livb("import", filled, french)
    assert result.code == 0, result.err
    from livb.folder.yamlio import parse_fast

    data = parse_fast((french / "monitoring" / "2026.yaml").read_text(encoding="utf-8"))
    [action] = [a for a in data["acties"] if a["actie"] == "a-stalling"]
    assert action["status"] == "vertraagd"
    assert [h["gedaan"] for h in data["huiswerk"]] == [True]

    again = _fill(
        _export(livb, french, "--overschrijf"),
        tmp_path / "terug.xlsx",
        "An Peeters",
        {("a-stalling", "G"): "afgerond"},
    )
    result = livb("import", again, french)
    assert result.code == 0, result.err
    data = parse_fast((french / "monitoring" / "2026.yaml").read_text(encoding="utf-8"))
    [action] = [a for a in data["acties"] if a["actie"] == "a-stalling"]
    assert action["status"] == "afgerond"


def test_a_wrong_state_is_refused_in_french(french, livb, tmp_path) -> None:
    filled = _fill(
        _export(livb, french),
        tmp_path / "retour.xlsx",
        "An Peeters",
        {("a-stalling", "G"): "bientôt"},
    )
    result = livb("import", filled, french)
    assert result.code == 1
    assert "'bientôt' n'est pas un état" in result.err
    assert "choisissez prévue, en cours, terminée, en retard ou supprimée" in result.err
    assert not (french / "monitoring" / "2026.yaml").exists()


def test_a_workbook_livb_did_not_make_is_refused_in_french(french, livb, tmp_path) -> None:
    other = tmp_path / "autre.xlsx"
    openpyxl.Workbook().save(other)
    result = livb("import", other, french)
    assert result.code == 1
    assert "'autre.xlsx' n'a pas été créé avec livb export opvolging" in result.err


def test_an_unknown_trekker_is_refused_in_french(french, livb) -> None:
    result = livb("export", "opvolging", "--jaar", "2026", "--trekker", "personne", french)
    assert result.code != 0
    assert "'personne' n'est responsable d'aucune action du plan" in result.err


def test_a_word_document_livb_did_not_make_is_refused_in_french(french, livb, tmp_path) -> None:
    import docx

    other = tmp_path / "note.docx"
    page = docx.Document()
    page.add_paragraph("Une note rédigée à la main.")
    page.save(str(other))
    result = livb("import", other, french)
    assert result.code == 1
    assert "'note.docx' n'a pas été établi par livb" in result.err


def test_a_statistics_table_is_refused_in_french(french, livb, tmp_path) -> None:
    table = tmp_path / "vide.csv"
    table.write_text("", encoding="utf-8")
    result = livb("import", table, "--reeks", "x", french, "--bron", "politie")
    assert result.code == 1
    assert "'vide.csv' est vide" in result.err
    assert "téléchargez à nouveau le tableau" in result.err
