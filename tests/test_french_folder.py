"""A French folder's loader messages are French, at the same file, line and column as in Dutch.

Each scenario breaks a copy of examples/halle the same way twice: once as it is (Dutch) and
once with ``taal: fr`` in livb.yaml. The place and code must be the same; only the words
change, and the Dutch words stay what they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from livb.core import i18n
from livb.core.diagnostics import Diagnostic
from livb.core.errors import LivbError
from livb.folder.project import load_clean, load_project
from livb.folder.schema_errors import translate
from livb.folder.tabular import read_series

from helpers import copy_example

ACTOREN_HEAD = "actoren:\n  - id: dirk-pieters\n"
SCHAKELS = "    schakels: [preventie, repressie, nazorg]\n"
WRONG_SCHAKELS = "    schakels: 12\n"


def _folder(tmp_path: Path, taal: str) -> Path:
    root = copy_example(tmp_path / f"halle-{taal}")
    if taal != "nl":
        livb_yaml = root / "livb.yaml"
        text = livb_yaml.read_text(encoding="utf-8")
        livb_yaml.write_text(text.replace("formaat: 1\n", f"formaat: 1\ntaal: {taal}\n", 1))
    return root


def _break(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(root: Path, code: str) -> list[Diagnostic]:
    return [d for d in load_project(root).diagnostics if d.code == code]


def _where(diagnostic: Diagnostic) -> tuple[str, int, int]:
    return diagnostic.location.path, diagnostic.location.line, diagnostic.location.column


BREAKS = {
    "broken YAML": ("organen.yaml", "kerngroep:\n", "kerngroep: [open\n", "LIVB001"),
    "wrong type": ("actoren.yaml", SCHAKELS, WRONG_SCHAKELS, "LIVB012"),
    "unknown key": ("actoren.yaml", ACTOREN_HEAD, ACTOREN_HEAD + "    naamm: X\n", "LIVB010"),
    "bad CSV cell": ("diagnostiek/overlast.csv", "2007;455", "2007;veel", "LIVB013"),
}
"""How each scenario breaks the folder: file, text replaced, its replacement, the code."""

EXPECTED = {
    "broken YAML": (
        "erreur YAML : ",
        "YAML-fout: ",
    ),
    "wrong type": (
        "'schakels' doit être une liste, mais c'est un nombre (12)",
        "'schakels' moet een lijst zijn, maar is een getal (12)",
    ),
    "unknown key": (
        "clé inconnue 'naamm' ; vouliez-vous dire 'naam' ?",
        "onbekende sleutel 'naamm'; bedoelde je 'naam'?",
    ),
    "bad CSV cell": (
        "'veel' n'est pas un nombre",
        "'veel' is geen getal",
    ),
}
"""The start of the message of each scenario: (French, Dutch)."""


@pytest.mark.parametrize("scenario", sorted(BREAKS))
def test_a_french_folder_says_it_in_french_at_the_same_place(tmp_path: Path, scenario: str) -> None:
    relative, old, new, code = BREAKS[scenario]
    found = {}
    for taal in ("nl", "fr"):
        root = _folder(tmp_path, taal)
        _break(root, relative, old, new)
        errors = _errors(root, code)
        assert errors, f"{scenario} ({taal}): no {code}"
        found[taal] = errors[0]
    french, dutch = EXPECTED[scenario]
    assert found["fr"].message.startswith(french), found["fr"].message
    assert found["nl"].message.startswith(dutch), found["nl"].message
    assert _where(found["fr"]) == _where(found["nl"])
    assert found["fr"].location.path == relative and found["fr"].location.line > 0
    assert found["fr"].hint and found["fr"].hint != found["nl"].hint


def test_the_hints_of_a_french_folder_are_french(tmp_path: Path) -> None:
    root = _folder(tmp_path, "fr")
    _break(root, "actoren.yaml", SCHAKELS, WRONG_SCHAKELS)
    [wrong] = _errors(root, "LIVB012")
    assert wrong.hint == "placez chaque élément sur sa propre ligne, commençant par '- '"


def test_a_french_csv_refuses_a_decimal_point_in_french(tmp_path: Path) -> None:
    root = _folder(tmp_path, "fr")
    _break(root, "diagnostiek/overlast.csv", "2007;455", "2007;4.55")
    [csv] = _errors(root, "LIVB013")
    assert _where(csv) == ("diagnostiek/overlast.csv", 3, 6)
    assert csv.message == (
        "'4.55' contient un point ; dans un fichier avec ';', le séparateur décimal est ',' "
        "(virgule décimale)"
    )
    assert csv.hint == "écrivez 4,55"


def test_a_dutch_folder_loaded_after_a_french_one_is_dutch_again(tmp_path: Path) -> None:
    french = _folder(tmp_path, "fr")
    _break(french, "organen.yaml", "kerngroep:\n", "kerngroep: [open\n")
    dutch = _folder(tmp_path, "nl")
    _break(dutch, "organen.yaml", "kerngroep:\n", "kerngroep: [open\n")
    [first] = _errors(french, "LIVB001")
    [second] = _errors(dutch, "LIVB001")
    assert first.message.startswith("erreur YAML")
    assert second.message.startswith("YAML-fout")


def test_a_french_folder_with_errors_is_refused_in_french(tmp_path: Path) -> None:
    root = _folder(tmp_path, "fr")
    _break(root, "actoren.yaml", ACTOREN_HEAD, ACTOREN_HEAD + "    naamm: X\n")
    with pytest.raises(LivbError) as refused:
        load_clean(root, "livb new ne les complète pas")
    assert refused.value.message == (
        f"le dossier '{root}' contient des erreurs ; livb new ne les complète pas"
    )
    assert refused.value.hint is not None
    assert refused.value.hint.startswith(f"corrigez d'abord les erreurs que 'livb check {root}'")
    assert "en commençant par actoren.yaml:7:5 : clé inconnue 'naamm'" in refused.value.hint


def test_pydantic_errors_are_translated_in_both_languages() -> None:
    from pydantic import BaseModel, ValidationError

    class Sample(BaseModel):
        datum: int

    try:
        Sample.model_validate({"datum": "morgen"})
    except ValidationError as error:
        detail = error.errors()[0]
    with i18n.speaking("fr"):
        french = translate(detail, Sample)
    with i18n.speaking("nl"):
        dutch = translate(detail, Sample)
    assert french.message == "'datum' doit être un nombre entier, mais c'est du texte ('morgen')"
    assert dutch.message == "'datum' moet een geheel getal zijn, maar is tekst ('morgen')"


def test_a_csv_problem_made_in_french_keeps_its_french_default_hint() -> None:
    with i18n.speaking("fr"):
        _, [problem] = read_series("jaar;waarde\n2007;1;2\n", None)
    assert problem.message == "cette ligne a 3 colonnes, la première ligne 2"
    assert problem.hint.startswith("la première ligne nomme les colonnes")


def test_a_broken_livb_yaml_of_a_french_folder_is_french(tmp_path: Path) -> None:
    root = _folder(tmp_path, "fr")
    _break(root, "livb.yaml", "gemeente:\n", "gemeente: [open\n")
    [broken] = _errors(root, "LIVB001")
    assert broken.location.path == "livb.yaml"
    assert broken.message.startswith("erreur YAML : ")


def test_outside_a_folder_the_environment_chooses_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without livb.yaml there is no taal to read: LIVB_TAAL decides."""
    monkeypatch.setenv("LIVB_TAAL", "fr")
    [missing] = _errors(tmp_path, "LIVB003")
    assert missing.message == f"'{tmp_path}' n'est pas un dossier de commune : il manque livb.yaml"
    monkeypatch.setenv("LIVB_TAAL", "nl")
    [missing] = _errors(tmp_path, "LIVB003")
    assert missing.message == f"'{tmp_path}' is geen gemeentemap: livb.yaml ontbreekt"


def test_a_merged_commune_is_named_in_french() -> None:
    from livb.folder.gemeenten import lookup

    with i18n.speaking("fr"):
        merged = lookup("Bertogne")
    assert merged.message is not None
    assert merged.message.startswith("Bertogne n'existe plus en tant que commune : elle a fusionné")
    successor = merged.suggestions[0]
    assert f"pour former {successor.naam_fr} (INS {successor.nis})" in merged.message
    with i18n.speaking("nl"):
        dutch = lookup("Bertogne").message
    assert dutch is not None and f"gefusioneerd tot {successor.naam_nl} (NIS" in dutch
    assert successor.naam_fr != successor.naam_nl  # Bastogne, Bastenaken


def test_a_link_out_of_a_french_folder_is_refused_in_french(tmp_path: Path) -> None:
    root = _folder(tmp_path, "fr")
    outside = tmp_path / "ailleurs.yaml"
    outside.write_text((root / "swot.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "swot.yaml").unlink()
    (root / "swot.yaml").symlink_to(outside)
    [refused] = _errors(root, "LIVB007")
    assert refused.message == (
        "swot.yaml est un lien symbolique (symlink) vers un fichier situé hors du dossier de la "
        "commune"
    )
    assert (
        refused.hint
        == "livb ne lit que les fichiers du dossier de la commune ; copiez-y le fichier"
    )


def test_write_errors_and_links_are_told_in_the_language_of_the_moment(tmp_path: Path) -> None:
    import errno

    from livb.core.safepaths import LinkedPathError, refuse_links
    from livb.core.transaction import os_reason

    full = OSError(errno.ENOSPC, "No space left on device")
    (tmp_path / "elders").mkdir()
    (tmp_path / "output").symlink_to(tmp_path / "elders")
    with i18n.speaking("fr"):
        assert os_reason(full) == "le disque est plein"
        with pytest.raises(LinkedPathError) as french:
            refuse_links(tmp_path, tmp_path / "output" / "plan.docx")
    with i18n.speaking("nl"):
        assert os_reason(full) == "de schijf is vol"
        with pytest.raises(LinkedPathError) as dutch:
            refuse_links(tmp_path, tmp_path / "output" / "plan.docx")
    assert french.value.message.startswith("impossible d'écrire 'output/plan.docx' : 'output' est")
    assert dutch.value.message.startswith("kan 'output/plan.docx' niet schrijven: 'output' is een")
    assert french.value.hint and french.value.hint.startswith("supprimez le lien")
