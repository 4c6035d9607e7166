"""The command line in French: help, usage errors and messages for a French folder or locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gitrepo import commit, init, needs_git
from helpers import copy_example


@pytest.fixture
def speaking(monkeypatch: pytest.MonkeyPatch):
    """Set the environment's language (LIVB_TAAL), the one used outside a folder."""
    for name in ("LIVB_TAAL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)

    def set_to(taal: str) -> None:
        monkeypatch.setenv("LIVB_TAAL", taal)

    return set_to


def _french_folder(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "esneux")
    text = re.sub(r"(?m)^taal:.*\n", "", (root / "livb.yaml").read_text(encoding="utf-8"))
    (root / "livb.yaml").write_text(text.rstrip("\n") + "\ntaal: fr\n", encoding="utf-8")
    return root


def test_help_follows_the_language_of_the_run(livb, speaking):
    speaking("fr")
    french = livb("--help")
    speaking("nl")
    dutch = livb("--help")
    assert french.code == dutch.code == 0
    assert french.out.startswith("Utilisation : livb [OPTIONS] COMMANDE")
    assert "Commandes:" in french.out and "Afficher cette aide et s'arrêter." in french.out
    assert "Vérifie le dossier de la commune" in french.out
    assert dutch.out.startswith("Gebruik: livb [OPTIES] COMMANDO")
    assert "Controleer de gemeentemap" in dutch.out and "Vérifie" not in dutch.out


def test_a_command_help_in_french_with_its_options(livb, speaking):
    speaking("fr")
    result = livb("check", "--help")
    text = " ".join(result.out.split())  # click wraps the help to the terminal's width
    assert result.code == 0
    assert "Les avertissements aussi font échouer la vérification." in text
    assert "Arguments:" in text and "Options:" in text and "[par défaut : tekst]" in text
    assert "Ook waarschuwingen" not in text


def test_a_usage_error_in_french_exits_2(livb, speaking):
    speaking("fr")
    result = livb("check", "--strikte")
    assert result.code == 2
    assert result.err.splitlines() == [
        "utilisation: option inconnue '--strikte' ; vouliez-vous dire --strikt ou --strict ?",
        "    aide: voir --help pour les options de cette commande",
    ]
    speaking("nl")
    dutch = livb("check", "--strikte")
    assert dutch.code == 2
    assert dutch.err.startswith(
        "gebruik: onbekende optie '--strikte'; bedoelde je --strikt of --strict?"
    )


def test_a_wrong_date_is_refused_in_french(livb, speaking):
    speaking("fr")
    result = livb("check", "--datum", "2026-02-30")
    assert result.code == 2
    assert "'2026-02-30' n'est pas une date valide : février 2026 compte 28 jours" in result.err


def test_a_french_folder_speaks_french_whatever_the_environment(livb, speaking, tmp_path):
    speaking("nl")
    root = _french_folder(tmp_path)
    result = livb("render", "plan", root, "--vergadering", "x")
    assert result.code == 2
    assert result.err.startswith("utilisation: --vergadering ne convient pas à 'plan'")
    dutch = livb("render", "plan", copy_example(tmp_path / "halle"), "--vergadering", "x")
    assert dutch.err.startswith("gebruik: --vergadering past niet bij 'plan'")


def test_severity_words_follow_the_language_and_json_keeps_the_dutch() -> None:
    from livb.core import i18n
    from livb.core.diagnostics import Diagnostic, Location, Severity

    finding = Diagnostic(Location("actoren.yaml", 3, 5), "LIVB202", Severity.WAARSCHUWING, "x")
    with i18n.speaking("fr"):
        assert [s.label for s in Severity] == ["info", "avertissement", "erreur"]
        assert finding.as_dict()["ernst"] == "waarschuwing"  # what scripts read, in every language
    with i18n.speaking("nl"):
        assert [s.label for s in Severity] == ["info", "waarschuwing", "fout"]


def test_a_french_folder_refused_by_check_is_told_in_french(livb, speaking, tmp_path):
    speaking("fr")
    result = livb("check", tmp_path / "nergens")
    assert result.code == 2
    assert result.err.startswith(f"utilisation: le dossier '{tmp_path / 'nergens'}' n'existe pas")


@needs_git
def test_livb_diff_tells_a_french_folder_in_french(livb, speaking, tmp_path):
    speaking("nl")
    top = init(tmp_path / "repo")
    root = _french_folder(top)
    halle = copy_example(top / "halle")
    commit(top, "eerste versie", tag="v1")
    result = livb("diff", "v9", root)
    assert result.code == 1
    assert result.err.splitlines() == [
        "erreur: la version 'v9' n'existe pas dans ce dépôt git",
        "    aide: voyez les versions avec 'git log --oneline' et les tags avec 'git tag'",
    ]
    dutch = livb("diff", "v9", halle)
    assert dutch.err.startswith("fout: de versie 'v9' bestaat niet in deze git-repository")


def test_the_words_of_a_change_follow_the_language() -> None:
    from livb.core import i18n
    from livb.history.diff import Aard, Change, Soort, change_text, item_label, value_text

    added = Change(0, Soort.ACTIE, "a-1", Aard.TOEGEVOEGD, "Buurtpreventie")
    with i18n.speaking("fr"):
        assert change_text(added) == ("ajouté", [])
        assert (value_text("x", None), value_text("x", True)) == ("(vide)", "oui")
    with i18n.speaking("nl"):
        assert change_text(added) == ("toegevoegd", [])
        assert item_label("actie", "a-1", "Buurtpreventie") == "actie a-1 'Buurtpreventie'"


def test_a_french_locale_gives_french_help(livb, speaking, monkeypatch):
    speaking("")  # LIVB_TAAL names no language: the locale chooses
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    result = livb("help", "diff")
    assert result.code == 0
    assert result.out.startswith("Utilisation : livb diff [OPTIONS] VERSIE [VERSIE2] [MAP]")
    assert "Montre ce qui a changé dans le plan" in result.out


def test_the_headings_of_a_comparison_follow_the_language() -> None:
    from livb.core import i18n
    from livb.history.diff import SECTIES

    with i18n.speaking("fr"):
        assert SECTIES["actie"] == "Priorités et objectifs"
    with i18n.speaking("nl"):
        assert SECTIES["actie"] == "Prioriteiten en doelstellingen"
