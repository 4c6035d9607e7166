"""The command line: exit codes, output formats, Dutch help, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import UNNAMED


def test_check_clean_folder_exits_0(minimal, livb):
    result = livb("check", minimal())
    assert (result.code, result.out.strip()) == (0, "Geen fouten of waarschuwingen.")


def test_check_errors_exit_1_with_parsable_lines(minimal, livb):
    root = minimal({"organen.yaml": "kerngroep:\n  leden: [coord, burg, brug]\n"})
    result = livb("check", root)
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert first.startswith("organen.yaml:2:24: fout LIVB101 onbekende actor 'brug'")
    assert "    hulp: " in result.out
    assert result.out.strip().endswith("1 fout gevonden.")


def test_warnings_pass_unless_strict(minimal, livb):
    root = minimal({"actoren.yaml": UNNAMED})
    assert livb("check", root).code == 0
    assert livb("check", root, "--strikt").code == 1
    assert livb("check", root, "--strict").code == 1


def test_json_format_lists_code_severity_file_line_message(minimal, livb):
    root = minimal({"organen.yaml": "kerngroep:\n  leden: [coord, burg, brug]\n"})
    result = livb("check", root, "--format", "json")
    assert result.code == 1
    payload = json.loads(result.out)
    assert payload["fouten"] == 1
    [finding] = payload["bevindingen"]
    assert finding == {
        "code": "LIVB101",
        "ernst": "fout",
        "bestand": "organen.yaml",
        "regel": 2,
        "kolom": 24,
        "boodschap": "onbekende actor 'brug'; bedoelde je 'burg'?",
        "hulp": "verbeter de id of voeg 'brug' toe in actoren.yaml",
    }


def test_check_several_folders(minimal, tmp_path, livb):
    result = livb("check", minimal(), tmp_path, "--format", "json")
    assert result.code == 1
    payload = json.loads(result.out)
    assert [entry["fouten"] for entry in payload] == [0, 1]


def test_missing_folder_is_a_usage_error(tmp_path, livb):
    result = livb("check", tmp_path / "bestaat-niet")
    assert result.code == 2
    assert "is geen map" in result.err and "Traceback" not in result.err


def test_unknown_option_is_a_usage_error(livb):
    assert livb("check", "--bestaat-niet").code == 2


def test_select_and_ignore_options(minimal, livb):
    root = minimal({"actoren.yaml": UNNAMED})
    assert "LIVB202" not in livb("check", root, "--ignore", "livb202").out
    assert "LIVB202" in livb("check", root, "--select", "LIVB101,LIVB202").out


def test_help_is_dutch(livb):
    result = livb("--help")
    assert result.code == 0
    assert "Controleer de gemeentemap" in result.out
    assert "Maak een nieuwe gemeentemap" in result.out


def test_console_script_runs_without_traceback(tmp_path):
    (tmp_path / "livb.yaml").write_text("gemeente: [\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "livb", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "livb.yaml:2:1: fout LIVB001" in done.stdout
    assert "Traceback" not in done.stderr


def test_check_does_not_load_the_rendering_libraries(minimal):
    code = (
        "import sys; from livb.cli import main; sys.argv=['livb','check',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docx','jinja2','rich.console','lxml') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(minimal())], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_usage_errors_are_dutch(livb):
    cases = {
        ("chek",): "onbekend commando 'chek'; bedoelde je check",
        ("check", "--bestaat-niet"): "onbekende optie '--bestaat-niet'",
        ("check", "--format", "xml"): "ongeldige waarde voor --formaat",
        ("init",): "MAP ontbreekt",
        ("schema", "a", "b"): "te veel argumenten: b",
    }
    for args, expected in cases.items():
        result = livb(*args)
        assert result.code == 2, args
        assert result.err.startswith(f"gebruik: {expected}"), result.err
        assert "Usage" not in result.err and "Traceback" not in result.err


def test_help_panels_are_dutch(livb):
    result = livb("check", "--help")
    assert "Gebruik: livb check [OPTIES] [MAP]" in result.out
    assert "Opties" in result.out and "Toon deze hulp en stop." in result.out
    assert "Show this message" not in result.out


def test_init_asks_on_a_terminal(tmp_path, livb, monkeypatch):
    import io

    answers = io.StringIO("Hale\nj\nlevenskwaliteit\nAn Peeters\n")
    answers.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", answers)
    result = livb("init", tmp_path / "x", "--no-git")
    assert result.code == 0, result.err
    livb_yaml = (tmp_path / "x" / "livb.yaml").read_text(encoding="utf-8")
    assert "naam: Halle" in livb_yaml and 'nis_code: "23027"' in livb_yaml
    assert "titel: levenskwaliteit" in livb_yaml
    assert 'naam: "An Peeters"' in (tmp_path / "x" / "actoren.yaml").read_text(encoding="utf-8")
