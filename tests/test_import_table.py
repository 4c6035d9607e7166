"""livb import TABEL --reeks ID: published tables of figures into diagnostiek/cijfers.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from livb.folder.yamlio import parse_fast

from helpers import MINIMAL, write_tree

CIJFERS = """\
# Onze cijfers: dit commentaar blijft staan.
reeksen: []
"""

FILES = {
    **MINIMAL,
    "diagnostiek/bronnen.yaml": """\
        bronnen:
          - {id: politie, naam: Politiestatistiek, soort: feit}
        """,
    "diagnostiek/cijfers.yaml": CIJFERS,
}

# A row per area and year, as the police's tables come: Belgian CSV (';', decimal comma).
POLICE = {
    ("Halle", "23027", 2021): (210, 35.5),
    ("Halle", "23027", 2022): (190, 31.25),
    ("Beersel", "23003", 2021): (120, 20.0),
    ("Beersel", "23003", 2022): (101, 18.5),
}


def police_csv() -> str:
    lines = ["Gemeente;NIS;Jaar;Woninginbraak;Diefstal uit voertuig"]
    for (area, nis, year), (burglaries, thefts) in POLICE.items():
        lines.append(f"{area};{nis};{year};{burglaries};{str(thefts).replace('.', ',')}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "gemeente", FILES)
    (tmp_path / "politie.csv").write_text(police_csv(), encoding="utf-8")
    return root


def series(root: Path, id_: str) -> dict:
    data = parse_fast((root / "diagnostiek/cijfers.yaml").read_text("utf-8"))
    return next(r for r in data["reeksen"] if r["id"] == id_)


def test_a_row_per_area_and_year_becomes_one_series_with_its_origin(folder, livb):
    table = folder.parent / "politie.csv"
    result = livb(
        "import", table, "--reeks", "inbraken", folder, "--kolom", "woninginbraak",
        "--bron", "politie", "--gedownload", "2023-02-01", "--afgesloten", "2022-10-15",
        "--vergelijking", "Beersel=gelijkaardige_gemeenten", "--per", "absoluut",
    )  # fmt: skip
    assert result.code == 0, result.err
    written = series(folder, "inbraken")
    assert written["waarden"] == {y: v[0] for (a, _, y), v in POLICE.items() if a == "Halle"}
    assert written["tabel"] == "politie.csv"
    assert str(written["gedownload"]) == "2023-02-01"
    assert written["onvolledig_jaar"] == max(y for _, _, y in POLICE)  # closed in that year
    [beersel] = written["vergelijking"]
    assert beersel["waarden"] == {y: v[0] for (a, _, y), v in POLICE.items() if a == "Beersel"}
    text = (folder / "diagnostiek/cijfers.yaml").read_text("utf-8")
    assert text.startswith("# Onze cijfers: dit commentaar blijft staan.")


def test_a_table_of_a_year_and_one_figure_is_the_municipality_s_own_series(folder, livb):
    # as a coordinator copies one series out of a report: no column naming the area
    figures = {2019: 14, 2020: 17, 2021: 12}
    table = folder.parent / "eigen.csv"
    table.write_text(
        "jaar;vaststellingen\n" + "".join(f"{y};{v}\n" for y, v in figures.items()),
        encoding="utf-8",
    )
    result = livb("import", table, "--reeks", "gas", folder, "--bron", "politie")
    assert result.code == 0, result.err
    assert series(folder, "gas")["waarden"] == figures
    # one area's figures cannot also be another area's
    before = (folder / "diagnostiek/cijfers.yaml").read_bytes()
    compared = livb(
        "import", table, "--reeks", "gas2", folder, "--vergelijking", "PZ Zennevallei=zone"
    )
    assert compared.code == 2 and "noemt geen gebieden" in compared.err
    assert (folder / "diagnostiek/cijfers.yaml").read_bytes() == before


def test_a_decimal_comma_is_read_and_dry_run_writes_nothing(folder, livb):
    table = folder.parent / "politie.csv"
    args = ("import", table, "--reeks", "diefstal", folder, "--kolom", "diefstal uit voertuig")
    result = livb(*args, "--bron", "politie", "--droog")
    assert result.code == 0, result.err
    assert (folder / "diagnostiek/cijfers.yaml").read_text("utf-8") == CIJFERS
    assert "Niets geschreven" in result.out
    assert livb(*args, "--bron", "politie").code == 0
    expected = {y: v[1] for (a, _, y), v in POLICE.items() if a == "Halle"}
    assert series(folder, "diefstal")["waarden"] == expected


def test_a_year_per_column_from_excel_by_nis_code(folder, livb):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    years = [2019, 2020, 2021]
    sheet.append(["NIS", "Categorie", *years])
    rows = {("Woninginbraak", 23027): [11, 12, 13], ("Fietsdiefstal", 23027): [40, 41, 42]}
    for (category, nis), values in rows.items():
        sheet.append([nis, category, *values])
    table = folder.parent / "tabel.xlsx"
    book.save(table)
    result = livb(
        "import", table, "--reeks", "fietsen", folder, "--kolom", "fietsdiefstal",
        "--gebied", "23027", "--bron", "politie",
    )  # fmt: skip
    assert result.code == 0, result.err
    expected = dict(zip(years, rows[("Fietsdiefstal", 23027)], strict=True))
    assert series(folder, "fietsen")["waarden"] == expected


def test_categories_are_never_summed(folder, livb):
    result = livb(
        "import", folder.parent / "politie.csv", "--reeks", "x", folder, "--bron", "politie"
    )
    assert result.code == 2
    assert "Woninginbraak" in result.err and "nooit op" in result.err
    assert (folder / "diagnostiek/cijfers.yaml").read_text("utf-8") == CIJFERS


def test_existing_figures_are_kept_without_vervang(folder, livb):
    table = folder.parent / "politie.csv"
    args = ("import", table, "--reeks", "inbraken", folder, "--bron", "politie")
    assert livb(*args, "--kolom", "woninginbraak").code == 0
    before = (folder / "diagnostiek/cijfers.yaml").read_bytes()
    refused = livb(*args, "--kolom", "diefstal uit voertuig")
    assert refused.code == 1 and "--vervang" in refused.err
    assert (folder / "diagnostiek/cijfers.yaml").read_bytes() == before
    assert livb(*args, "--kolom", "diefstal uit voertuig", "--vervang").code == 0
    expected = {y: v[1] for (a, _, y), v in POLICE.items() if a == "Halle"}
    assert series(folder, "inbraken")["waarden"] == expected


BAD = {
    "onbekende kolom": (police_csv(), ["--kolom", "drugs"], ["politie.csv", "'drugs'"]),
    "geen jaar": ("Gemeente;Aantal\nHalle;3\n", [], ["politie.csv", "rij 1", "jaren"]),
    "tekst": (
        "Gemeente;Jaar;Aantal\nHalle;2021;12\nHalle;2022;veel\n",
        [],
        ["politie.csv", "rij 3", "kolom C ('Aantal')", "'veel'"],
    ),
    "komma en punt": (
        "Gemeente;Jaar;Aantal\nHalle;2021;12,5\nHalle;2022;13.5\n",
        [],
        ["politie.csv", "rij 3", "kolom C", "rij 2"],
    ),
    "gebied": (police_csv(), ["--kolom", "woninginbraak", "--gebied", "Lembeek"], ["'Lembeek'"]),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_tables_name_the_place_and_write_nothing(folder, livb, case):
    text, extra, words = BAD[case]
    table = folder.parent / "politie.csv"
    table.write_text(text, encoding="utf-8")
    result = livb("import", table, "--reeks", "x", folder, "--bron", "politie", *extra)
    assert result.code == 1, result.err
    assert result.err.startswith("fout: ")
    for word in words:
        assert word in result.err
    assert "Traceback" not in result.err
    assert (folder / "diagnostiek/cijfers.yaml").read_text("utf-8") == CIJFERS


# Pajottegem (NIS 23106) since 2025: the tables of the years before give its three former
# municipalities separately, by name.
FORMER = {"Galmaarden": (30, 8_900), "Gooik": (25, 9_200), "Herne": (21, 6_900)}


def test_former_municipalities_are_added_up_and_rates_use_their_summed_population(tmp_path, livb):
    from livb.folder.project import load_project
    from livb.method.figures import shown_figures

    livb_yaml = 'gemeente:\n  naam: Pajottegem\n  nis_code: "23106"\ncoordinator: coord\n'
    files = {**FILES, "livb.yaml": livb_yaml}
    files["diagnostiek/bronnen.yaml"] += "  - {id: statbel, naam: Bevolking, soort: context}\n"
    root = write_tree(tmp_path / "pajottegem", files)
    figures = tmp_path / "inbraken.csv"
    figures.write_text(
        "Gemeente;Jaar;Woninginbraak\n"
        + "".join(f"{name};2024;{n}\n" for name, (n, _) in FORMER.items()),
        encoding="utf-8",
    )
    people = tmp_path / "bevolking.csv"
    people.write_text(
        "Gemeente;2024\n" + "".join(f"{name};{p}\n" for name, (_, p) in FORMER.items()),
        encoding="utf-8",
    )
    first = livb(
        "import", figures, "--reeks", "inbraken", root, "--bron", "politie",
        "--per", "per_1000_inwoners",
    )  # fmt: skip
    assert first.code == 0, first.err
    assert "Galmaarden, Gooik en Herne" in first.out
    second = livb(
        "import", people, "--reeks", "inwoners", root, "--bron", "statbel",
        "--bevolking", "inwoners", "--naam", "Inwoners",
    )  # fmt: skip
    assert second.code == 0, second.err
    burglaries = sum(n for n, _ in FORMER.values())
    population = sum(p for _, p in FORMER.values())
    assert series(root, "inbraken")["waarden"] == {2024: burglaries}
    assert series(root, "inbraken")["samengeteld"] == list(FORMER)
    project = load_project(root).project
    assert project is not None
    reeks = next(r for r in project.cijfers.reeksen if r.id == "inbraken")
    assert shown_figures(project, reeks).eigen.waarden == {2024: burglaries / population * 1000}


def test_a_bad_excel_cell_is_named_by_sheet_and_cell(folder, livb):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cijfers"
    sheet.append(["Gemeente", 2021, 2022])
    sheet.append(["Halle", 12, "ongeveer 20"])
    table = folder.parent / "slecht.xlsx"
    book.save(table)
    result = livb("import", table, "--reeks", "x", folder, "--bron", "politie")
    assert result.code == 1
    assert "slecht.xlsx, blad 'Cijfers', cel C2: 'ongeveer 20' is geen getal" in result.err
    assert (folder / "diagnostiek/cijfers.yaml").read_text("utf-8") == CIJFERS


def test_a_name_kept_in_the_merger_is_added_up_with_the_one_it_took_in(tmp_path, livb):
    # Antwerpen (11002) took in Borsbeek (former NIS 11007, in livb's fusies.csv) in 2025.
    livb_yaml = 'gemeente:\n  naam: Antwerpen\n  nis_code: "11002"\ncoordinator: coord\n'
    root = write_tree(tmp_path / "antwerpen", {**FILES, "livb.yaml": livb_yaml})
    rows = {("Antwerpen", "11002"): 3000, ("Borsbeek", "11007"): 40}
    table = tmp_path / "inbraken.csv"
    table.write_text(
        "Gemeente;NIS;Jaar;Inbraken\n"
        + "".join(f"{name};{nis};2024;{n}\n" for (name, nis), n in rows.items()),
        encoding="utf-8",
    )
    result = livb("import", table, "--reeks", "inbraken", root, "--bron", "politie")
    assert result.code == 0, result.err
    assert series(root, "inbraken")["waarden"] == {2024: sum(rows.values())}
    assert series(root, "inbraken")["samengeteld"] == [name for name, _ in rows]


def test_a_table_by_former_nis_codes_only_adds_up_a_kept_name_and_the_one_it_took_in(
    tmp_path, livb
):
    # Hasselt (71072 since 2025, 71022 before) took in Kortessem (73040): a table of the years
    # before the merger may name them by code alone.
    livb_yaml = 'gemeente:\n  naam: Hasselt\n  nis_code: "71072"\ncoordinator: coord\n'
    root = write_tree(tmp_path / "hasselt", {**FILES, "livb.yaml": livb_yaml})
    rows = {"71022": (2100, 2300), "73040": (45, 52)}
    table = tmp_path / "inbraken.csv"
    table.write_text(
        "NIS;2023;2024\n" + "".join(f"{nis};{a};{b}\n" for nis, (a, b) in rows.items()),
        encoding="utf-8",
    )
    result = livb("import", table, "--reeks", "inbraken", root, "--bron", "politie")
    assert result.code == 0, result.err
    assert series(root, "inbraken")["waarden"] == {
        2023: sum(a for a, _ in rows.values()),
        2024: sum(b for _, b in rows.values()),
    }
    assert series(root, "inbraken")["samengeteld"] == ["Hasselt", "Kortessem"]


def test_livbs_list_of_the_2025_mergers_agrees_with_its_list_of_municipalities():
    from livb.folder.gemeenten import _read

    current = {row["nis"]: row for row in _read("gemeenten.csv")}
    rows = _read("fusies.csv")
    assert rows and all(row["oude_nis"] for row in rows), "every former NIS code is known"
    former_codes = [row["oude_nis"] for row in rows]
    assert len(set(former_codes)) == len(former_codes)
    for row in rows:
        new = current[row["nis"]]  # the merged municipality exists
        assert row["oude_nis"] not in current, f"{row['oude_naam']}: {row['oude_nis']} is current"
        kept = row["oude_naam"] in (new["naam_nl"], new["naam_fr"])
        gone = all(row["oude_naam"] not in (g["naam_nl"], g["naam_fr"]) for g in current.values())
        assert kept or gone, f"{row['oude_naam']} is still another municipality's name"
