"""The loader reports every problem as file:line:col with a Dutch message."""

from __future__ import annotations

from pathlib import Path

from livb.folder.project import load_project
from livb.method.check import run_checks


def found(root: Path) -> list[tuple[str, str, int, int]]:
    return [
        (d.code, d.location.path, d.location.line, d.location.column)
        for d in run_checks(root).diagnostics
    ]


def messages(root: Path) -> list[str]:
    return [d.message for d in run_checks(root).diagnostics]


def test_unknown_key_points_at_the_key_and_suggests_the_right_one(minimal):
    root = minimal({"actoren.yaml": "actoren:\n  - id: coord\n    naamm: An\n"})
    result = run_checks(root)
    [problem] = [d for d in result.diagnostics if d.code == "LIVB010"]
    assert (problem.location.path, problem.location.line, problem.location.column) == (
        "actoren.yaml",
        3,
        5,
    )
    assert "'naamm'" in problem.message and "bedoelde je 'naam'?" in problem.message


def test_misspelt_required_key_gives_one_message_not_two(minimal):
    root = minimal({"livb.yaml": "gemeente:\n  naame: Halle\n"})
    codes = [d.code for d in run_checks(root).diagnostics]
    assert codes == ["LIVB010"]


def test_missing_required_key_points_at_its_mapping(minimal):
    root = minimal({"livb.yaml": "gemeente:\n  nis_code: '23027'\n"})
    assert ("LIVB011", "livb.yaml", 2, 3) in found(root)
    assert "de verplichte sleutel 'naam' ontbreekt" in messages(root)


def test_wrong_enum_value_suggests_the_closest(minimal):
    root = minimal({"actoren.yaml": "actoren:\n  - id: coord\n    rol: korpchef\n"})
    [problem] = run_checks(root).diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == ("LIVB012", 3, 10)
    assert "bedoelde je 'korpschef'?" in problem.message


def test_yaml_syntax_error_has_line_and_column(minimal):
    root = minimal({"organen.yaml": "kerngroep:\n  leden: [coord, burg\n"})
    [problem] = run_checks(root).diagnostics
    assert problem.code == "LIVB001" and problem.location.path == "organen.yaml"
    assert problem.location.line == 3
    assert problem.message.startswith("YAML-fout:")


def test_tab_indentation_is_explained(minimal):
    root = minimal({"organen.yaml": "kerngroep:\n\tleden: [coord]\n"})
    [problem] = run_checks(root).diagnostics
    assert (problem.location.line, problem.location.column) == (2, 1)
    assert "tab" in problem.message


def test_duplicate_key_is_an_error_at_the_second(minimal):
    root = minimal({"organen.yaml": "kerngroep:\n  leden: [coord]\n  leden: [burg]\n"})
    [problem] = run_checks(root).diagnostics
    assert (problem.code, problem.location.line) == ("LIVB001", 3)
    assert "twee keer" in problem.message


def test_impossible_date_is_located(minimal):
    root = minimal(
        {"vergaderingen/v1.yaml": "orgaan: kerngroep\ndatum: 2026-02-30\naanwezig: [coord]\n"}
    )
    [problem] = run_checks(root).diagnostics
    assert (
        problem.location.path,
        problem.location.line,
        problem.location.column,
    ) == ("vergaderingen/v1.yaml", 2, 8)
    assert "2026-02-30 bestaat niet" in problem.message


def test_a_number_or_text_is_not_a_date(minimal):
    root = minimal(
        {
            "vergaderingen/v1.yaml": "orgaan: kerngroep\ndatum: 20260214\n",
            "vergaderingen/v2.yaml": "orgaan: kerngroep\ndatum: 14/02/2026\n",
        }
    )
    problems = run_checks(root).diagnostics
    assert [(d.location.path, d.location.line) for d in problems] == [
        ("vergaderingen/v1.yaml", 2),
        ("vergaderingen/v2.yaml", 2),
    ]
    assert all("geen geldige datum" in d.message for d in problems)
    assert all("JJJJ-MM-DD" in (d.hint or "") for d in problems)


def test_a_file_that_is_a_list_is_refused(minimal):
    root = minimal({"swot.yaml": "- sterk\n- zwak\n"})
    [problem] = run_checks(root).diagnostics
    assert (problem.code, problem.location.line) == ("LIVB002", 1)


def test_empty_and_comment_only_files_are_fine(minimal):
    root = minimal({"swot.yaml": "", "plan.yaml": "# nog niets\n"})
    assert run_checks(root).diagnostics == []


def test_file_not_in_utf8_is_reported(minimal):
    root = minimal()
    (root / "plan.yaml").write_bytes(
        "visie: Levenskwaliteit in Halle\nbudget: 5 \u20ac\n".encode("cp1252")
    )
    [problem] = run_checks(root).diagnostics
    assert (problem.location.path, problem.location.line) == ("plan.yaml", 2)
    assert "UTF-8" in problem.message


def test_every_problem_of_every_file_at_once(minimal):
    root = minimal(
        {
            "actoren.yaml": "actoren:\n  - id: coord\n    naamm: An\n  - id: x y\n",
            "organen.yaml": "kerngroep: [coord]\n",
            "swot.yaml": "sterktes:\n  - tekst: zonder id\n",
        }
    )
    assert found(root) == [
        ("LIVB010", "actoren.yaml", 3, 5),
        ("LIVB012", "actoren.yaml", 4, 9),
        ("LIVB012", "organen.yaml", 1, 12),
        ("LIVB011", "swot.yaml", 2, 5),
    ]


def test_unknown_file_gets_a_suggestion(minimal):
    root = minimal({"actors.yaml": "actoren: []\n", "vergaderingen/v1.yml": "orgaan: x\n"})
    problems = run_checks(root).diagnostics
    assert [(d.code, d.location.path) for d in problems] == [
        ("LIVB004", "actors.yaml"),
        ("LIVB004", "vergaderingen/v1.yml"),
    ]
    assert "actoren.yaml" in (problems[0].hint or "")
    assert run_checks(root).exit_code(strict=False) == 0


def test_not_a_gemeente_folder(tmp_path):
    [problem] = run_checks(tmp_path).diagnostics
    assert problem.code == "LIVB003" and "livb.yaml ontbreekt" in problem.message


def test_csv_problems_point_into_the_csv(minimal):
    root = minimal(
        {
            "diagnostiek/bronnen.yaml": "bronnen:\n  - {id: pol, naam: Politie, soort: feit}\n",
            "diagnostiek/cijfers.yaml": """\
                reeksen:
                  - {id: inbraken, naam: Inbraken, bron: pol, bestand: inbraken.csv}
                  - {id: weg, naam: Weg, bron: pol, bestand: bestaat-niet.csv}
                """,
            "diagnostiek/inbraken.csv": "jaar;inbraken\n2006;12\n2007;twaalf\n2008;15,5\n",
        }
    )
    assert found(root) == [
        ("LIVB014", "diagnostiek/cijfers.yaml", 3, 46),
        ("LIVB013", "diagnostiek/inbraken.csv", 3, 6),
    ]


def test_csv_values_with_decimal_comma_are_read(minimal):
    root = minimal(
        {
            "diagnostiek/bronnen.yaml": "bronnen:\n  - {id: ctx, naam: Context, soort: context}\n",
            "diagnostiek/cijfers.yaml": """\
                reeksen:
                  - {id: werkloosheid, naam: W, bron: ctx, bestand: c.csv, kolom: werkloosheid}
                """,
            "diagnostiek/c.csv": "jaar;leefloon;werkloosheid\n2007;268;6,1\n2008;290;6,3\n",
        }
    )
    loaded = load_project(root)
    assert loaded.project is not None
    assert loaded.project.series["werkloosheid"] == {2007: 6.1, 2008: 6.3}


def test_files_starting_with_underscore_are_templates_and_not_read(minimal):
    root = minimal({"vergaderingen/_sjabloon.yaml": "dit: is geen vergadering\n"})
    assert run_checks(root).diagnostics == []
