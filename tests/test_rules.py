"""Each rule: a folder that triggers it and one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from livb.method.check import run_checks
from livb.method.rules import RULES

from helpers import UNNAMED


def codes(root: Path, code: str) -> list[tuple[str, int]]:
    return [
        (d.location.path, d.location.line) for d in run_checks(root).diagnostics if d.code == code
    ]


def test_every_rule_has_documentation_and_a_code_of_its_family():
    for code, rule in RULES.items():
        assert code.startswith("LIVB") and len(code) == 7
        doc = rule.__doc__ or ""  # type: ignore[attr-defined]
        assert "Wat het controleert" in doc and "Oplossing" in doc, code


def test_minimal_folder_is_clean(minimal):
    assert run_checks(minimal()).diagnostics == []


def test_unknown_reference_with_suggestion(minimal):
    root = minimal({"organen.yaml": "kerngroep:\n  leden: [coord, burg, brug]\n"})
    [problem] = run_checks(root).diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == ("LIVB101", 2, 24)
    assert "bedoelde je 'burg'?" in problem.message


def test_unknown_reference_in_a_meeting_and_a_goal_file(minimal):
    root = minimal(
        {
            "vergaderingen/v1.yaml": "orgaan: kerngroep\ndatum: 2026-01-10\naanwezig: [coord, nobody]\n",
            "vergaderingen/v2.yaml": "orgaan: pg-x\ndatum: 2026-01-11\nkeurt_verslag_goed: v1\n",
            "doelstellingen/x.yaml": "prioriteit: bestaat-niet\n",
        }
    )
    assert codes(root, "LIVB101") == [
        ("doelstellingen/x.yaml", 1),
        ("vergaderingen/v1.yaml", 3),
        ("vergaderingen/v2.yaml", 1),
    ]


def test_known_references_are_fine(minimal):
    root = minimal(
        {
            "vergaderingen/v1.yaml": "orgaan: kerngroep\ndatum: 2026-01-10\naanwezig: [coord, burg]\n",
            "vergaderingen/v2.yaml": "orgaan: kerngroep\ndatum: 2026-02-10\nkeurt_verslag_goed: v1\n",
        }
    )
    assert codes(root, "LIVB101") == []


def test_duplicate_id_points_at_the_second_and_names_the_first(minimal):
    root = minimal(
        {
            "doelstellingen/a.yaml": """\
                prioriteit: p
                strategische_doelstellingen:
                  - id: sd1
                    titel: Een
                """,
            "doelstellingen/b.yaml": """\
                prioriteit: p
                strategische_doelstellingen:
                  - id: sd1
                    titel: Twee
                """,
            "prioriteiten.yaml": "prioriteiten:\n  - {id: p, titel: P}\n",
        }
    )
    [problem] = [d for d in run_checks(root).diagnostics if d.code == "LIVB102"]
    assert (problem.location.path, problem.location.line) == ("doelstellingen/b.yaml", 3)
    assert "doelstellingen/a.yaml:3:9" in problem.message


def test_projectleider_outside_kerngroep(minimal):
    prioriteiten = "prioriteiten:\n  - {id: p, titel: P}\n"
    outside = """\
        actoren:
          - {id: coord, naam: A, rol: coordinator}
          - {id: burg, naam: B, rol: burgemeester}
          - {id: els, naam: Els}
        """
    groep = "projectgroepen:\n  - {id: pg, naam: PG, prioriteit: p, projectleider: %s}\n"
    organen = "kerngroep:\n  leden: [coord, burg]\n" + groep
    bad = minimal(
        {
            "actoren.yaml": outside,
            "prioriteiten.yaml": prioriteiten,
            "organen.yaml": organen % "els",
        }
    )
    assert codes(bad, "LIVB103") == [("organen.yaml", 4)]
    good = minimal({"organen.yaml": organen % "coord"})
    assert codes(good, "LIVB103") == []


@pytest.mark.parametrize(
    ("nis", "naam", "expected"),
    [
        ("23027", "Halle", []),
        ("23072", "Halle", ["LIVB104"]),
        ("11007", "Borsbeek", ["LIVB104"]),
        ("23088", "Halle", ["LIVB105"]),
        (None, "Halle", ["LIVB106"]),
        (None, "Testgem", ["LIVB106"]),
    ],
)
def test_nis_code(minimal, nis, naam, expected):
    line = f'  nis_code: "{nis}"\n' if nis else ""
    root = minimal({"livb.yaml": f"gemeente:\n  naam: {naam}\n{line}coordinator: coord\n"})
    found = [d.code for d in run_checks(root).diagnostics]
    assert found == expected


def test_nis_code_of_another_province(minimal):
    livb = 'gemeente:\n  naam: Halle\n  nis_code: "23027"\n  provincie: Antwerpen\ncoordinator: coord\n'
    found = run_checks(minimal({"livb.yaml": livb})).diagnostics
    assert [(d.code, d.location.line) for d in found] == [("LIVB105", 4)]


def test_missing_nis_code_suggests_the_code(minimal):
    root = minimal({"livb.yaml": "gemeente:\n  naam: Hal\ncoordinator: coord\n"})
    [problem] = run_checks(root).diagnostics
    assert "nis_code: 23027" in (problem.hint or "")


def test_present_and_excused(minimal):
    meeting = (
        "orgaan: kerngroep\ndatum: 2026-01-10\naanwezig: [coord, burg]\nverontschuldigd: [%s]\n"
    )
    assert codes(minimal({"vergaderingen/v.yaml": meeting % "burg"}), "LIVB107") == [
        ("vergaderingen/v.yaml", 4)
    ]
    root = minimal({"vergaderingen/v.yaml": meeting.replace(", burg]", "]") % "burg"})
    assert codes(root, "LIVB107") == []


def test_at_most_five_priorities(minimal):
    six = "prioriteiten:\n" + "".join(f"  - {{id: p{i}, titel: P{i}}}\n" for i in range(6))
    assert codes(minimal({"prioriteiten.yaml": six}), "LIVB201") == [("prioriteiten.yaml", 7)]
    five = "prioriteiten:\n" + "".join(f"  - {{id: p{i}, titel: P{i}}}\n" for i in range(5))
    assert codes(minimal({"prioriteiten.yaml": five}), "LIVB201") == []


def test_actor_without_name_is_a_warning(minimal):
    root = minimal({"actoren.yaml": UNNAMED})
    result = run_checks(root)
    assert codes(root, "LIVB202") == [("actoren.yaml", 2), ("actoren.yaml", 3)]
    assert result.exit_code(strict=False) == 0
    assert result.exit_code(strict=True) == 1


def test_a_rule_switched_off_in_livb_yaml_with_a_reason(minimal):
    livb = """\
        gemeente: {naam: Halle, nis_code: "23027"}
        coordinator: coord
        regels:
          uitgeschakeld:
            - code: LIVB202
              reden: de korpschef wordt pas in maart benoemd
            - code: LIVB999
              reden: bestaat niet
        """
    root = minimal({"livb.yaml": livb, "actoren.yaml": UNNAMED})
    found = [(d.code, d.location.line) for d in run_checks(root).diagnostics]
    assert found == [("LIVB005", 7)]


def test_select_and_ignore(minimal):
    root = minimal({"actoren.yaml": UNNAMED})
    assert {d.code for d in run_checks(root, ignore={"LIVB202"}).diagnostics} == set()
    assert {d.code for d in run_checks(root, select={"LIVB202"}).diagnostics} == {"LIVB202"}


KERNGROEP_OF_FOUR = {
    "actoren.yaml": """\
        actoren:
          - {id: coord, naam: An Peeters, rol: coordinator, schakels: [preventie, nazorg]}
          - {id: burg, naam: Jan Burg, rol: burgemeester, schakels: [preventie, repressie, nazorg]}
          - {id: korpschef, naam: Piet Pol, rol: korpschef, sector: politie, schakels: [repressie]}
          - {id: ocmw, naam: OCMW, soort: organisatie, sector: welzijn, schakels: [preventie]}
        """,
    "organen.yaml": "kerngroep:\n  leden: [coord, burg, korpschef, ocmw]\n",
    "vergaderingen/2025-10-07-kerngroep.yaml": """\
        orgaan: kerngroep
        stappen: ["2.1"]
        datum: 2025-10-07
        aanwezig: [coord, burg, korpschef, ocmw]
        volgende_stap: x
        huiswerk: [{wie: coord, wat: x}]
        volgende_vergadering: {datum: 2025-11-04}
        """,
}


def test_the_mayor_and_the_coordinator_do_not_cover_the_chain_for_the_partners(minimal):
    root = minimal(KERNGROEP_OF_FOUR)
    [found] = [d for d in run_checks(root).diagnostics if d.code == "LIVB203"]
    assert "niemand in de kerngroep dekt nazorg" in found.message
    covered = KERNGROEP_OF_FOUR["actoren.yaml"].replace(
        "schakels: [preventie]}", "schakels: [preventie, nazorg]}"
    )
    assert codes(minimal({**KERNGROEP_OF_FOUR, "actoren.yaml": covered}), "LIVB203") == []


def test_orientation_talks_of_step_2_2_are_optional(minimal):
    root = minimal(KERNGROEP_OF_FOUR)
    assert codes(root, "LIVB305") == []  # phase 2 runs, nobody was interviewed: fine
    root = minimal(
        {**KERNGROEP_OF_FOUR, "gesprekken/g.yaml": 'stap: "2.2"\ndatum: 2025-10-20\nmet: ocmw\n'}
    )
    found = [d for d in run_checks(root).diagnostics if d.code == "LIVB305"]
    assert [(d.severity.label, d.location.line) for d in found] == [("info", 2)]
    assert "'korpschef'" in found[0].message


def test_without_the_fod_the_kerngroep_may_start_without_a_protocol(minimal):
    kickoff = KERNGROEP_OF_FOUR["vergaderingen/2025-10-07-kerngroep.yaml"].replace('"2.1"', '"1.6"')
    root = minimal({**KERNGROEP_OF_FOUR, "vergaderingen/2025-10-07-kerngroep.yaml": kickoff})
    assert codes(root, "LIVB310") == []
    guided = 'gemeente: {naam: Halle, nis_code: "23027"}\ncoordinator: coord\n'
    guided += "begeleiding: {lokaal_adviseurs: [burg]}\n"
    root = minimal(
        {
            **KERNGROEP_OF_FOUR,
            "vergaderingen/2025-10-07-kerngroep.yaml": kickoff,
            "livb.yaml": guided,
        }
    )
    assert codes(root, "LIVB310") == [("vergaderingen/2025-10-07-kerngroep.yaml", 3)]


def test_an_appointment_in_the_month_of_the_first_talk_is_given_the_benefit_of_the_doubt(minimal):
    talk = {"gesprekken/g.yaml": 'stap: "1.2"\ndatum: 2025-09-15\nmet: burg\n'}
    appointed = (
        "besluiten:\n  - {id: a, datum: %s, door: college, onderwerp: aanstelling_coordinator}\n"
    )
    assert codes(minimal({**talk, "besluiten.yaml": appointed % "2025-09"}), "LIVB316") == []
    assert codes(minimal({**talk, "besluiten.yaml": appointed % "2025-10"}), "LIVB316") == [
        ("besluiten.yaml", 2)
    ]
