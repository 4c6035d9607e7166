"""The municipalities with the title of city: the shipped list, and ``livb init`` using it."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from livb.folder.gemeenten import is_city, lookup
from livb.folder.project import load_project
from livb.model.instellingen import Bestuursvorm


def _data(name: str) -> str:
    return resources.files("livb").joinpath("data", name).read_text(encoding="utf-8")


def _steden() -> tuple[list[str], list[dict[str, str]]]:
    lines = _data("steden.csv").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return header, rows


def _nis(name: str) -> str:
    found = lookup(name).gemeente
    assert found is not None, name
    return found.nis


def test_every_city_is_one_of_the_565_municipalities_by_its_own_name():
    statbel = {
        row["nis"]: row["naam_nl"] for row in csv.DictReader(_data("gemeenten.csv").splitlines())
    }
    _, rows = _steden()
    assert rows, "steden.csv has no rows"
    assert [row["nis"] for row in rows if row["nis"] not in statbel] == []
    assert [row["nis"] for row in rows if row["naam"] != statbel[row["nis"]]] == []
    assert len({row["nis"] for row in rows}) == len(rows)
    assert all(re.fullmatch(r"\d{4}|", row["jaar_titel"]) for row in rows)


def test_every_city_names_its_sources_and_every_source_key_is_explained():
    header, rows = _steden()
    explained = {
        match.group(1) for line in header if (match := re.match(r"#\s+(\w+)\s+https?://", line))
    }
    assert explained, "the header names no sources"
    assert any(re.search(r"\b20\d\d-\d\d-\d\d\b", line) for line in header), "no compile date"
    for row in rows:
        sources = row["bronnen"].split()
        assert sources, row["naam"]
        unknown = [
            s for s in sources if not s.startswith(("http://", "https://")) and s not in explained
        ]
        assert unknown == [], (row["naam"], unknown)


@pytest.mark.parametrize(
    "name", ["Halle", "Mechelen", "Brugge", "Tielt", "Namur", "Lommel", "Arlon"]
)
def test_known_cities_are_cities(name):
    assert is_city(_nis(name))


# Not cities: the stored list of Flemish cities is complete from Aalst to Mortsel, and these
# three fall in that range without being on it.
@pytest.mark.parametrize("name", ["Bertem", "Affligem", "Asse"])
def test_known_non_cities_are_not(name):
    assert not is_city(_nis(name))


def test_an_unknown_code_is_no_city():
    assert not is_city("99999")
    assert not is_city("")


def _bestuursvorm_line(root) -> str:
    text = (root / "livb.yaml").read_text(encoding="utf-8")
    return next(line.strip() for line in text.splitlines() if "bestuursvorm:" in line)


@pytest.mark.parametrize(
    ("args", "vorm", "hint"),
    [
        (["-g", "Halle"], Bestuursvorm.STAD, "# of: gemeente"),
        (["-g", "Bertem"], Bestuursvorm.GEMEENTE, "# of: stad"),
        (["-g", "Tongeren", "--nis", "73111"], Bestuursvorm.STAD, "# of: gemeente"),
        (["-g", "Testgem"], Bestuursvorm.GEMEENTE, "# of: stad"),
    ],
)
def test_init_writes_stad_for_a_city_and_gemeente_otherwise(tmp_path, livb, args, vorm, hint):
    root = tmp_path / "map"
    result = livb("init", root, *args, "--no-input", "--no-git")
    assert result.code == 0, result.err
    line = _bestuursvorm_line(root)
    assert line.startswith(f"bestuursvorm: {vorm.value} ") and line.endswith(hint), line
    loaded = load_project(root)
    assert loaded.project is not None, loaded.diagnostics
    assert loaded.project.instellingen.gemeente.bestuursvorm is vorm
