"""livb check ZONE, the zone folder's path forms, and the document of the plan's answer to the ZVP."""

from __future__ import annotations

from pathlib import Path

import pytest

from livb.folder.project import load_project
from livb.method.zone_check import ZONE_CODES, check_zone
from livb.word.docx import docx_text

from gitrepo import commit, init, needs_git
from helpers import MINIMAL, copy_example, write_tree

ZONE = """\
naam: PZ Test
gemeenten:
  - naam: Halle
    nis_code: "23027"
    map: ../halle
  - naam: Beersel
    nis_code: "23003"
zvp:
  titel: ZVP PZ Test
  periode: {van: 2026-01-01, tot: 2031-12-31}
  prioriteiten:
    - id: inbraken
      titel: Woninginbraken
    - id: verkeer
      titel: Verkeersveiligheid
  acties:
    - id: bin
      titel: Buurtinformatienetwerken
      prioriteit: inbraken
besluiten:
  - datum: 2025-12-16
    tekst: De zonale veiligheidsraad keurt het ZVP goed.
"""

LIVB_YAML = """\
gemeente:
  naam: Halle
  nis_code: "23027"
  politiezone:
    naam: PZ Test
    map: {map}
coordinator: coord
"""

PRIORITEITEN = """\
prioriteiten:
  - id: inbraak
    titel: Minder inbraken
    aansluiting: [{plan: zvp, prioriteit: inbraken}]
  - id: fietsen
    titel: Fietsdiefstal
    lokaal: true
"""


def folders(tmp_path: Path, zone: str = ZONE, path: str = "../zone") -> tuple[Path, Path]:
    """A zone folder and Halle's folder beside it, pointing to each other."""
    zone_root = write_tree(tmp_path / "zone", {"zone.yaml": zone})
    files = {
        **MINIMAL,
        "livb.yaml": LIVB_YAML.format(map=path),
        "prioriteiten.yaml": PRIORITEITEN,
    }
    return zone_root, write_tree(tmp_path / "halle", files)


def test_a_sound_zone_folder_checks_clean(tmp_path, livb):
    zone, _ = folders(tmp_path)
    assert check_zone(zone).diagnostics == []
    result = livb("check", zone)
    assert result.code == 0, result.out + result.err
    assert "Geen fouten of waarschuwingen" in result.out


def test_the_example_zone_checks_clean_with_halle_beside_it(tmp_path, livb):
    copy_example(tmp_path / "halle")  # copies the zone folder beside it
    result = livb("check", tmp_path / "pz-zennevallei")
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize(
    ("old", "new", "code", "at", "words"),
    [
        ("      prioriteit: inbraken", "      prioriteit: drugs", "LIVB231", ("prioriteit: drugs", 1),
         ["'bin'", "'drugs'", "inbraken, verkeer"]),
        ("    - id: verkeer", "    - id: inbraken", "LIVB232", ("- id: inbraken", 2),
         ["'inbraken'", "prioriteiten"]),
        ('nis_code: "23003"', 'nis_code: "99999"', "LIVB233", ('"99999"', 1), ["99999", "Beersel"]),
        ('nis_code: "23003"', 'nis_code: "23027"', "LIVB233", ('"23027"', 2),
         ["twee keer", "23027"]),
        ("map: ../halle", "map: ../nergens", "LIVB234", ("map: ../nergens", 1), ["'../nergens'"]),
        ("  - naam: Beersel\n    nis_code: \"23003\"",
         "  - naam: Beersel\n    nis_code: \"23003\"\n    map: ../halle",
         "LIVB235", ("map: ../halle", 2), ["23027", "23003"]),
        ("  periode: {van: 2026-01-01, tot: 2031-12-31}\n", "", "LIVB237", ("zvp:", 1), ["periode"]),
        ("besluiten:\n  - datum: 2025-12-16\n    tekst: De zonale veiligheidsraad keurt het ZVP goed.\n",
         "", "LIVB238", ("zvp:", 1), ["zonale veiligheidsraad"]),
    ],
)  # fmt: skip
def test_each_rule_of_the_zone_at_its_line(tmp_path, old, new, code, at, words):
    assert old in ZONE
    text = ZONE.replace(old, new)
    zone, _ = folders(tmp_path, text)
    found = [d for d in check_zone(zone).diagnostics if d.code == code]
    assert len(found) == 1, check_zone(zone).diagnostics
    [finding] = found
    assert finding.severity is ZONE_CODES[code].severity
    fragment, nth = at
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert (finding.location.path, finding.location.line) == ("zone.yaml", lines[nth - 1])
    for word in words:
        assert word in finding.message + (finding.hint or "")


def test_a_member_folder_that_does_not_point_back_is_a_warning(tmp_path, livb):
    zone, halle = folders(tmp_path)
    livb_yaml = halle / "livb.yaml"
    livb_yaml.write_text(livb_yaml.read_text("utf-8").replace("    map: ../zone\n", ""), "utf-8")
    result = livb("check", zone)
    assert result.code == 0 and "LIVB236" in result.out  # a warning: exit 0
    assert "map: '../zone'" in result.out  # the hint writes the path to put there
    assert livb("check", "--strikt", zone).code == 1


def test_an_invalid_zone_file_is_reported_at_its_line_not_as_a_traceback(tmp_path, livb):
    zone, _ = folders(tmp_path, ZONE.replace("  acties:", "  acties: 5\n  extra: 1\n  oud:"))
    result = livb("check", zone)
    assert result.code == 1
    assert "zone.yaml:" in result.out and "LIVB010" in result.out  # extra: an unknown key
    broken, _ = folders(tmp_path / "b", "naam: [\n")
    result = livb("check", broken)
    assert result.code == 1 and "LIVB001" in result.out and "Traceback" not in result.err


def test_the_zone_codes_are_explained(livb):
    for code in ZONE_CODES:
        result = livb("check", "--explain", code)
        assert result.code == 0 and code in result.out and "Oplossing" in result.out


@pytest.mark.parametrize(
    "command",
    [["render", "plan", "{zone}"], ["new", "actor", "{zone}", "--id", "x"]],
)
def test_other_commands_refuse_a_zone_folder_and_name_check_and_status(tmp_path, livb, command):
    zone, _ = folders(tmp_path)
    result = livb(*(str(zone) if part == "{zone}" else part for part in command))
    assert result.code == 2, result.out + result.err
    assert "politiezone" in result.err and "livb check" in result.err


def test_a_french_zone_folder_is_checked_in_french(tmp_path, livb):
    zone, _ = folders(
        tmp_path, "taal: fr\n" + ZONE.replace('nis_code: "23003"', 'nis_code: "99999"')
    )
    result = livb("check", zone)
    assert result.code == 1
    assert "Statbel ne connaît pas le code INS 99999" in result.out


def test_the_zone_folder_may_be_a_checkouts_full_path_with_a_tilde(tmp_path, monkeypatch):
    zone, halle = folders(tmp_path / "elders")
    monkeypatch.setenv("HOME", str(tmp_path / "elders"))
    for path in (str(zone.resolve()), "~/zone"):
        (halle / "livb.yaml").write_text(LIVB_YAML.format(map=path), "utf-8")
        loaded = load_project(halle)
        assert loaded.project is not None and loaded.project.zone is not None, path
        assert loaded.project.zone.naam == "PZ Test"


@pytest.mark.parametrize(
    "address", ["https://git.example.be/pz-test.git", "git@git.example.be:pz/test.git"]
)
def test_an_address_instead_of_a_folder_says_to_clone_it(tmp_path, address):
    _, halle = folders(tmp_path, path=address)
    loaded = load_project(halle)
    [problem] = [d for d in loaded.diagnostics if d.code == "LIVB229"]
    assert address in problem.message and "git clone" in (problem.hint or "")
    assert problem.location.path == "livb.yaml" and problem.location.line == 6


@needs_git
def test_a_revision_reads_a_zone_given_by_its_full_path(tmp_path, livb):
    # render --versie and diff load a past version from a temporary copy: a full path to the
    # zone's checkout still leads there.
    _, halle = folders(tmp_path / "elders", path=str((tmp_path / "elders" / "zone").resolve()))
    init(halle)
    commit(halle, "v1", tag="v1")
    (halle / "prioriteiten.yaml").write_text(
        PRIORITEITEN.replace("Minder inbraken", "Veilig wonen"), "utf-8"
    )
    diff = livb("diff", "v1", halle)
    assert diff.code == 0 and "LIVB229" not in diff.out + diff.err, diff.out + diff.err
    assert "Veilig wonen" in diff.out
    rendered = livb("render", "zvp", halle, "--versie", "v1", "--toch")
    assert rendered.code == 0, rendered.out + rendered.err
    [made] = list((halle / "output").rglob("aansluiting-zvp.docx"))
    text = "\n".join(docx_text(made.read_bytes()))
    assert "Minder inbraken" in text and "Veilig wonen" not in text


def test_the_zvp_document_sets_the_plan_beside_the_zones_priorities(tmp_path, livb):
    _, halle = folders(tmp_path)
    result = livb("render", "zvp", halle, "--toch")
    assert result.code == 0, result.out + result.err
    text = "\n".join(docx_text((halle / "output" / "aansluiting-zvp.docx").read_bytes()))
    rows = [line for line in text.splitlines() if line.startswith("table |")]
    assert "table | Woninginbraken | Buurtinformatienetwerken | Minder inbraken" in rows
    assert any(r.startswith("table | Verkeersveiligheid | - | Nog geen prioriteit") for r in rows)
    assert "samen met Beersel" in text and "16 december 2025" in text
    assert "Op Verkeersveiligheid antwoordt het plan" in text
    assert "eigen prioriteit, uit haar veiligheidsdiagnostiek: Fietsdiefstal" in text


def test_without_a_zone_folder_the_zvp_document_says_why(tmp_path, livb):
    root = write_tree(tmp_path / "gemeente", dict(MINIMAL))
    result = livb("render", "zvp", root)
    assert result.code == 1
    assert "politiezone" in result.out + result.err
    listed = livb("render", "--lijst", root)
    assert "zvp" in listed.out
