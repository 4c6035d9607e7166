"""The police zone as one shared folder: the ZVP once, read by each municipality's folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from livb.folder.project import load_project
from livb.folder.yamlio import parse_fast
from livb.method.check import run_checks
from livb.model.zone import ZoneBestand

from gitrepo import commit, init, needs_git
from helpers import MINIMAL, REPO, copy_example, write_tree

TODAY = dt.date(2026, 11, 21)
ZVP = {"inbraken": "Woninginbraken", "verkeer": "Verkeersveiligheid"}


def zone_yaml(nis: str) -> str:
    items = "".join(f"\n    - {{id: {id_}, titel: {titel}}}" for id_, titel in ZVP.items())
    return (
        f"naam: PZ Test\ngemeenten:\n  - {{naam: Halle, nis_code: '{nis}'}}\n"
        f"zvp:\n  titel: Zonaal veiligheidsplan PZ Test\n  prioriteiten:{items}\n"
    )


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
    lokaal: true
    aansluiting: [{plan: zvp, prioriteit: inbraken}]
"""


def folders(tmp_path: Path, nis: str = "23027", path: str = "../zone") -> Path:
    write_tree(tmp_path / "zone", {"zone.yaml": zone_yaml(nis)})
    files = {
        **MINIMAL,
        "livb.yaml": LIVB_YAML.format(map=path),
        "prioriteiten.yaml": PRIORITEITEN,
    }
    return write_tree(tmp_path / "halle", files)


def test_the_zvp_of_the_zone_folder_is_answered_priority_by_priority(tmp_path):
    root = folders(tmp_path)
    found = run_checks(root, today=TODAY).diagnostics
    assert [d.code for d in found if d.code == "LIVB101"] == []  # plan 'zvp' is the zone's
    [open_priority] = [d for d in found if d.code == "LIVB221"]
    unanswered = [t for id_, t in ZVP.items() if id_ != "inbraken"]
    assert open_priority.location.path == "livb.yaml"
    assert f"'{unanswered[0]}'" in open_priority.message


def test_the_plan_aligns_with_the_zones_zvp(tmp_path):
    from livb.method.queries import aligned_plans

    result = load_project(folders(tmp_path))
    assert result.project is not None
    [zvp] = aligned_plans(result.project)
    assert [p.titel for p in zvp.prioriteiten] == list(ZVP.values())


@pytest.mark.parametrize(
    ("nis", "path", "code", "words"),
    [
        ("23027", "../nergens", "LIVB229", ["'../nergens'", "zone.yaml"]),
        ("23003", "../zone", "LIVB230", ["PZ Test", "23027"]),
    ],
)
def test_a_zone_folder_not_found_or_without_the_municipality_is_an_error(
    tmp_path, livb, nis, path, code, words
):
    root = folders(tmp_path, nis, path)
    result = livb("check", root)
    assert result.code == 1
    line = next(line for line in result.out.splitlines() if code in line)
    assert line.startswith("livb.yaml:6:")  # where livb.yaml names the zone's folder
    for word in words:
        assert word in line


def test_livb_init_zone_writes_a_zone_folder_with_its_municipalities(tmp_path, livb):
    result = livb("init", tmp_path / "pz", "--zone", "PZ Zennevallei",
                  "--gemeenten", "Halle, Beersel", "--no-git")  # fmt: skip
    assert result.code == 0, result.err
    zone = ZoneBestand.model_validate(parse_fast((tmp_path / "pz" / "zone.yaml").read_text()))
    assert zone.naam == "PZ Zennevallei"
    assert [g.naam for g in zone.gemeenten] == ["Halle", "Beersel"]
    assert zone.gemeenten[0].nis_code == "23027"


def test_the_example_zone_holds_halle():
    text = (REPO / "examples" / "pz-zennevallei" / "zone.yaml").read_text("utf-8")
    zone = ZoneBestand.model_validate(parse_fast(text))
    assert "23027" in {g.nis_code for g in zone.gemeenten}
    assert zone.zvp.prioriteiten


def test_livb_status_zone_shows_which_municipality_answers_which_priority(tmp_path, livb):
    folders(tmp_path)
    zone = tmp_path / "zone" / "zone.yaml"
    members = (
        "  - {naam: Halle, nis_code: '23027', map: ../halle}\n"
        "  - {naam: Beersel, nis_code: '23003', map: ../weg}\n"
    )
    text = zone.read_text("utf-8")
    zone.write_text(text.replace("  - {naam: Halle, nis_code: '23027'}\n", members), "utf-8")
    result = livb("status", tmp_path / "zone")
    lines = result.out.splitlines()
    assert f"  {ZVP['inbraken']}: Halle (inbraak)" in lines, result.out + result.err
    assert f"  {ZVP['verkeer']}: nog geen enkele gemeente antwoordt" in lines
    assert any(line.startswith("  niet gelezen: Beersel") for line in lines)
    assert result.code == 1  # a municipality's folder could not be read


def test_livb_new_keeps_the_zones_zvp_when_it_checks_the_result(tmp_path, livb):
    # livb new checks the folder as it would be after the change: with the zone's ZVP still
    # read, so the existing 'plan: zvp' is not suddenly an unknown plan (LIVB101).
    root = folders(tmp_path)
    before = (root / "prioriteiten.yaml").read_text("utf-8")
    result = livb("new", "prioriteit", root, "--id", "fietsen", "--titel", "Fietsdiefstal")
    assert result.code == 0, result.out + result.err
    after = (root / "prioriteiten.yaml").read_text("utf-8")
    assert after.startswith(before.rstrip("\n")) and "id: fietsen" in after


@needs_git
def test_livb_diff_reads_a_revision_with_the_zone_folder_beside_the_real_folder(tmp_path, livb):
    # A revision is loaded from a temporary folder; its '../zone' still means the zone folder
    # beside the municipality's folder, so the revision loads (no LIVB229) and is compared.
    root = folders(tmp_path)
    init(tmp_path)
    commit(tmp_path, "v1", tag="v1")
    text = (root / "prioriteiten.yaml").read_text("utf-8")
    (root / "prioriteiten.yaml").write_text(
        text.replace("Minder inbraken", "Veilig wonen"), "utf-8"
    )
    result = livb("diff", "v1", root)
    assert "LIVB229" not in result.out + result.err
    assert result.code == 0, result.out + result.err
    assert "Veilig wonen" in result.out


def test_a_plan_that_runs_past_the_zones_zvp_is_noted_at_the_zone_link(tmp_path):
    root = folders(tmp_path)
    zone = tmp_path / "zone" / "zone.yaml"
    zone_text = zone.read_text("utf-8")
    zvp_period = "  periode: {van: 2020-01-01, tot: 2025-12-31}\n"
    zone.write_text(zone_text.replace("  prioriteiten:", zvp_period + "  prioriteiten:"), "utf-8")
    livb_yaml = root / "livb.yaml"
    plan_period = "beleid:\n  periode: {van: 2025-01-01, tot: 2027-12-31}\n"
    livb_yaml.write_text(livb_yaml.read_text("utf-8") + plan_period, "utf-8")
    [note] = [
        d
        for d in run_checks(root, today=TODAY).diagnostics
        if d.code == "LIVB407" and "Zonaal veiligheidsplan PZ Test" in d.message
    ]
    assert note.location.path == "livb.yaml"
    assert note.location.line == LIVB_YAML.splitlines().index("    map: {map}") + 1
    assert "(2025-2027)" in note.message and "(2020-2025)" in note.message


def test_the_zones_zvp_comes_first_and_plan_yamls_plans_keep_their_places(tmp_path):
    from livb.method.queries import aligned_plans

    root = folders(tmp_path)
    plan = (
        "afstemming:\n"
        "  - {id: mjp, soort: meerjarenplan, titel: Meerjarenplan Halle}\n"
        "  - id: svp\n    soort: zvp\n    titel: Oud veiligheidsplan\n"
        "    prioriteiten: [{id: drugs, titel: Drugsoverlast}]\n"
    )
    (root / "plan.yaml").write_text(plan, "utf-8")
    loaded = load_project(root)
    assert loaded.project is not None
    titles = [p.titel for p in aligned_plans(loaded.project)]
    assert titles == [
        "Zonaal veiligheidsplan PZ Test",
        "Meerjarenplan Halle",
        "Oud veiligheidsplan",
    ]
    [old] = [
        d
        for d in run_checks(root, today=TODAY).diagnostics
        if d.code == "LIVB221" and "Drugsoverlast" in d.message
    ]
    assert (old.location.path, old.location.line) == ("plan.yaml", plan.count("\n"))


def test_a_copy_of_halle_reads_the_zone_folder_copied_beside_it_once(tmp_path):
    first = copy_example(tmp_path / "halle")
    zone = tmp_path / "pz-zennevallei" / "zone.yaml"
    zone.write_text(zone.read_text("utf-8").replace("Overlast", "Overlast in de stad"), "utf-8")
    second = copy_example(tmp_path / "tweede")  # the same parent: the zone folder is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["halle", "pz-zennevallei", "tweede"]
    for root in (first, second):
        loaded = load_project(root)
        assert loaded.project is not None and loaded.project.zone is not None
        titles = [p.titel for p in loaded.project.zone.zvp.prioriteiten]
        assert "Overlast in de stad" in titles


def test_an_invalid_zone_file_points_to_a_command_that_reads_the_zone(tmp_path, livb):
    root = folders(tmp_path)
    zone = tmp_path / "zone" / "zone.yaml"
    zone.write_text(zone.read_text("utf-8").replace("  prioriteiten:", "  prioriteiten: 5\n  x:"))
    checked = livb("check", root)
    assert checked.code == 1 and "LIVB229" in checked.out
    assert "'livb check' van die map" in checked.out  # livb check reads a zone folder
    status = livb("status", tmp_path / "zone")
    assert status.code == 1
    assert "'prioriteiten' moet een lijst zijn" in status.err
    assert "'prioriteiten' moet een lijst zijn" in checked.out
