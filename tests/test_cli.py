"""The command line: exit codes, output formats, Dutch help, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import EXAMPLE, MINIMAL, UNNAMED, write_tree


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
    broken = write_tree(tmp_path / "b", {**MINIMAL, "organen.yaml": "kerngroep:\n  leden: [x]\n"})
    result = livb("check", minimal(), broken, "--format", "json")
    assert result.code == 1
    payload = json.loads(result.out)
    assert [entry["fouten"] for entry in payload] == [0, 1]


def test_missing_folder_is_a_usage_error(tmp_path, livb):
    result = livb("check", tmp_path / "bestaat-niet")
    assert result.code == 2
    assert result.err.startswith(f"gebruik: de map '{tmp_path / 'bestaat-niet'}' bestaat niet\n")
    assert "livb init" in result.err and "Traceback" not in result.err


OUTSIDE = (
    ("check",),
    ("status",),
    ("render", "plan"),
    ("new", "actor", "--id", "x"),
    ("check", "--format", "json"),
)


@pytest.mark.parametrize("command", OUTSIDE, ids=" ".join)
def test_every_command_outside_a_folder_says_what_to_do(tmp_path, livb, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = livb(*command)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "gebruik: hier staat geen livb.yaml: de huidige map is geen gemeentemap\n"
        "    hulp: geef de gemeentemap op als MAP, of maak er een met "
        "'livb init MAP --gemeente NAAM'\n"
    )
    assert not (tmp_path / "output").exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [
        ("check", "{map}"),
        ("status", "{map}"),
        ("render", "plan", "{map}"),
        ("schema", "--map", "{map}"),
        ("new", "actor", "--id", "x", "--map", "{map}"),
    ],
    ids=lambda command: command[0],
)
def test_a_folder_without_livb_yaml_is_refused_by_every_command(tmp_path, livb, command):
    folder = tmp_path / "leeg"
    folder.mkdir()
    result = livb(*(part.replace("{map}", str(folder)) for part in command))
    assert result.code == 2
    assert result.err.startswith(
        f"gebruik: '{folder}' is geen gemeentemap: er staat geen livb.yaml in\n"
    )
    assert list(folder.iterdir()) == []  # schema --map wrote nothing


def test_in_a_subfolder_a_command_works_on_the_gemeente_folder_above(halle, livb, monkeypatch):
    """Like git: without MAP, the nearest folder upward with a livb.yaml."""
    expected = livb("status", halle, "--datum", "2026-11-21")
    deep = halle / "vergaderingen" / "bijlagen"
    deep.mkdir()
    monkeypatch.chdir(deep)
    result = livb("status", "--datum", "2026-11-21")
    assert result.code == 0, result.err
    assert result.out == expected.out
    assert livb("check").code == 0
    assert livb("render", "plan", "--datum", "2026-11-21").code == 0
    assert (halle / "output" / "plan.docx").is_file()
    assert not (deep / "output").exists()
    added = livb("new", "actor", "--id", "an-claes", "--naam", "An Claes", "--rol", "partner")
    assert added.code == 0, added.err
    assert "an-claes" in (halle / "actoren.yaml").read_text(encoding="utf-8")
    assert list(deep.iterdir()) == []


def test_outside_any_gemeente_folder_a_command_says_what_to_do(tmp_path, livb, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = livb("status")
    assert result.code == 2
    assert result.err == (
        "gebruik: hier staat geen livb.yaml: de huidige map is geen gemeentemap\n"
        "    hulp: geef de gemeentemap op als MAP, of maak er een met "
        "'livb init MAP --gemeente NAAM'\n"
    )


def test_a_named_subfolder_points_to_its_gemeente_folder(halle, livb, monkeypatch):
    monkeypatch.chdir(halle)
    result = livb("status", "vergaderingen")
    assert result.code == 2
    assert "    hulp: de gemeentemap is '.': geef die op als MAP\n" in result.err


def test_a_file_as_map_names_the_folder_it_is_in(halle, livb):
    result = livb("render", "plan", halle / "livb.yaml")
    assert result.code == 2
    assert result.err == (
        f"gebruik: '{halle / 'livb.yaml'}' is een bestand, geen map\n"
        f"    hulp: geef de map op waarin livb.yaml staat: '{halle}'\n"
    )


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
        "import sys; from livb.cli.app import main; sys.argv=['livb','check',sys.argv[1]]\n"
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
        ("check", "--format", "xml"): "ongeldige waarde 'xml' voor --formaat",
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
    assert "Gebruik: livb check [OPTIES] [MAP …]" in result.out
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


@pytest.mark.parametrize(
    ("option", "typed", "expected"),
    [
        ("--select", "LIVB2O8", "onbekende code 'LIVB2O8' in --select; bedoelde je LIVB208?"),
        (
            "--ignore",
            "LIVB101,livb2o2",
            "onbekende code 'livb2o2' in --ignore; bedoelde je LIVB202?",
        ),
        ("--select", "LIVB1011", "onbekende code 'LIVB1011' in --select; bedoelde je LIVB101?"),
    ],
)
def test_unknown_codes_are_refused_with_the_nearest_real_code(
    minimal, livb, option, typed, expected
):
    result = livb("check", minimal(), option, typed)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"gebruik: {expected}\n    hulp: 'livb check --regels' toont alle codes\n"


def test_a_loading_code_can_be_ignored(minimal, livb):
    root = minimal({"extra.yaml": "a: 1\n"})
    assert "LIVB004" in livb("check", root).out
    assert "LIVB004" not in livb("check", root, "--ignore", "LIVB004").out


def test_version_comes_from_the_package_metadata(livb):
    from importlib.metadata import version

    for option in ("--version", "-V"):
        result = livb(option)
        assert (result.code, result.out, result.err) == (0, f"livb {version('livb')}\n", "")


@pytest.mark.parametrize(
    "args", [(), ("-h",), ("--help",), ("help",)], ids=["bare", "-h", "--help", "help"]
)
def test_livb_without_a_command_prints_the_help(livb, args):
    result = livb(*args)
    assert (result.code, result.err) == (0, "")
    assert "Gebruik: livb [OPTIES] COMMANDO [ARGUMENTEN …]" in result.out
    assert "Controleer de gemeentemap" in result.out and "--version" in result.out


@pytest.mark.parametrize("command", ["", "check", "status", "render", "new", "init", "schema"])
def test_help_shows_dutch_words_not_type_hints(livb, command):
    result = livb(*command.split(), "--help")
    assert result.code == 0
    for english in ("<", "list[", "PATH", "TEXT", "{", "[default", "[required", "Usage"):
        assert english not in result.out, english


def test_help_names_option_values(livb):
    check = livb("check", "--help").out
    assert "CODES" in check and "JJJJ-MM-DD" in check and "tekst|json" in check
    init = livb("init", "--help").out
    assert "Gebruik: livb init [OPTIES] MAP" in init and "NAAM" in init and "CODE" in init
    render = livb("render", "--help").out
    assert "[in te vullen: ...]" in render  # not swallowed as markup


@pytest.mark.parametrize(
    ("typed", "message", "hint"),
    [
        (
            "2026-02-30",
            "'2026-02-30' is geen geldige datum: februari 2026 heeft 28 dagen",
            "schrijf --datum JJJJ-MM-DD, bv. 2026-03-14",
        ),
        (
            "2028-02-30",
            "'2028-02-30' is geen geldige datum: februari 2028 heeft 29 dagen",
            "schrijf --datum JJJJ-MM-DD, bv. 2026-03-14",
        ),
        (
            "26/02/2026",
            "'26/02/2026' is geen geldige datum",
            "schrijf jaar-maand-dag: --datum 2026-02-26",
        ),
        ("morgen", "'morgen' is geen geldige datum", "schrijf --datum JJJJ-MM-DD, bv. 2026-03-14"),
    ],
)
def test_a_wrong_day_is_refused_with_what_was_meant(minimal, livb, typed, message, hint):
    for command in ("check", "status"):
        result = livb(command, minimal(), "--datum", typed)
        assert (result.code, result.out) == (2, "")
        assert result.err == f"gebruik: {message}\n    hulp: {hint}\n"


def test_wrong_option_values_name_the_value_and_the_nearest_choice(minimal, livb):
    result = livb("check", minimal(), "--format", "jsno")
    assert result.err == (
        "gebruik: ongeldige waarde 'jsno' voor --formaat; bedoelde je json?\n"
        "    hulp: kies uit: tekst, json\n"
    )
    assert livb("check", minimal(), "--format", "JSON").out.startswith("{")
    strik = livb("check", minimal(), "--strik")
    assert strik.err.startswith(
        "gebruik: onbekende optie '--strik'; bedoelde je --strikt of --strict?"
    )


def test_counts_are_singular_or_plural(minimal, livb):
    from livb.core.words import count

    assert [count(n, "fout", "fouten") for n in (0, 1, 2)] == ["0 fouten", "1 fout", "2 fouten"]
    root = minimal(
        {
            "actoren.yaml": UNNAMED.replace("coord, rol", "coord, naam: An, rol"),
            "organen.yaml": "kerngroep:\n  leden: [coord, burg, brug]\n",
        }
    )
    assert livb("check", root).out.endswith("1 fout en 1 waarschuwing gevonden.\n")
    assert livb("status", root).out.endswith("Controle: 1 fout, 1 waarschuwing\n")
    unnamed = minimal({"actoren.yaml": UNNAMED})
    assert livb("status", unnamed).out.endswith("Controle: 0 fouten, 2 waarschuwingen\n")


def test_status_of_a_folder_with_one_error_says_fout(livb, tmp_path):
    (tmp_path / "livb.yaml").write_text("gemeente: [\n", encoding="utf-8")
    result = livb("status", tmp_path)
    assert f"de map heeft 1 fout; 'livb check {tmp_path}' toont waar" in result.out


def _run(args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "livb", *args], capture_output=True, check=False, **kwargs
    )


def test_a_console_that_cannot_show_a_character_gets_a_question_mark():
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = _run(["status", str(EXAMPLE)], env=environment)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    text = done.stdout.decode("cp1252")
    assert "  ? 1.1  Kennismaking" in text  # ✔ is not in cp1252
    assert "  ? laat de kerngroep als vast overleg samenkomen" in text  # nor is →


def test_a_closed_pipe_ends_quietly():
    for args in (["check", "--regels"], ["status", str(EXAMPLE)], ["--help"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "livb", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait() == 1, args
        assert error == b"", error


def test_a_closed_stdout_is_no_traceback():
    done = subprocess.run(
        f"'{sys.executable}' -m livb check --regels >&-",
        shell=True,
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")


def test_help_with_a_command_is_that_command_s_help(livb):
    result = livb("help", "init")
    assert result.code == 0 and "Gebruik: livb init [OPTIES] MAP" in result.out
