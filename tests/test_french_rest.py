"""The last Dutch a French folder met (issue 23): the suivi's comments, a table's headers.

A French folder's suivi reads "13,9 %", "1er sept. 2010" and "3 000 euros"; a Dutch folder keeps
the figures and ISO dates it always had, byte for byte. A Walloon table's "Commune" and
"Code INS" columns both name the area.
"""

from __future__ import annotations

import re

from livb.core.i18n import translate
from livb.folder.yamlio import parse_fast
from livb.method.process import Stand

from helpers import MINIMAL, REPO, copy_example, write_tree


def _monitoring(tmp_path, livb, example: str) -> str:
    folder = tmp_path / example
    copy_example(folder, REPO / "examples" / example)
    result = livb("new", "monitoring", folder, "--jaar", "2026")
    assert result.code == 0, result.err
    return (folder / "monitoring" / "2026.yaml").read_text(encoding="utf-8")


def test_a_french_suivi_writes_french_numbers_and_dates(tmp_path, livb):
    text = _monitoring(tmp_path, livb, "esneux")
    assert "base 13,9 % (2008)" in text
    assert "1er sept. 2010 – 31 déc. 2012" in text
    assert "budget 3\u202f000 euros" in text or "budget 3 000 euros" in text
    assert "2010-09-01 – " not in text
    assert not re.search(r"\d\.\d %", text)


def test_a_dutch_follow_up_keeps_its_figures(tmp_path, livb):
    text = _monitoring(tmp_path, livb, "halle")
    assert re.search(r"# .*; \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d", text)
    assert re.search(r"budget \d+ euro\b", text)


def test_a_table_with_french_area_headers_is_read(tmp_path, livb):
    files = {
        **MINIMAL,
        "diagnostiek/bronnen.yaml": "bronnen:\n  - {id: politie, naam: Police, soort: feit}\n",
        "diagnostiek/cijfers.yaml": "reeksen: []\n",
    }
    root = write_tree(tmp_path / "gemeente", files)
    table = tmp_path / "police.csv"
    table.write_text(
        "Commune;Code INS;Année;Cambriolages\nHal;23027;2021;210\nBeersel;23003;2021;120\n",
        encoding="utf-8",
    )
    result = livb(
        "import",
        table,
        "--reeks",
        "cambriolages",
        root,
        "--bron",
        "politie",
        "--kolom",
        "cambriolages",
    )
    assert result.code == 0, result.err + result.out
    data = parse_fast((root / "diagnostiek/cijfers.yaml").read_text("utf-8"))
    series = next(r for r in data["reeksen"] if r["id"] == "cambriolages")
    assert "210" in str(series) and "120" not in str(series)


def test_every_step_stand_agrees_with_etape():
    french = {stand: translate(stand.value, "fr") for stand in Stand}
    assert french[Stand.KLAAR] == "terminée"
    assert french[Stand.ONVOLLEDIG] == "incomplète"
    assert all(text != stand.value for stand, text in french.items())


def test_a_french_folder_hears_where_a_table_is_wrong(tmp_path, livb):
    folder = tmp_path / "esneux"
    copy_example(folder, REPO / "examples" / "esneux")
    table = tmp_path / "police.csv"
    table.write_text("Commune;Année;Cambriolages\nEsneux;2021;beaucoup\n", encoding="utf-8")
    result = livb("import", table, "--reeks", "cambriolages", folder, "--kolom", "cambriolages")
    assert result.code != 0
    assert "ligne 2, colonne C ('Cambriolages')" in result.err
    assert "rij 2" not in result.err
