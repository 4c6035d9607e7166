"""``livb init`` in the commune's language: taal in livb.yaml, its names, and French choices."""

from __future__ import annotations

import pytest

from livb.core import i18n
from livb.folder.project import load_project
from livb.model.actoren import Rol, Schakel

from helpers import copy_example


def _settings(folder) -> str:
    return (folder / "livb.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "naam"), [("Esneux", "Esneux"), ("Luik", "Liège"), ("Bergen", "Mons")]
)
def test_a_walloon_commune_gets_a_french_folder(tmp_path, livb, name, naam):
    result = livb("init", tmp_path / "x", "--gemeente", name, "--no-input", "--no-git")
    assert result.code == 0, result.err
    settings = _settings(tmp_path / "x")
    assert "\ntaal: fr " in settings
    assert f"  naam: {naam}\n" in settings or f'  naam: "{naam}"\n' in settings
    assert '  provincie: "Liège"\n' in settings or "  provincie: Hainaut\n" in settings
    assert "Luik" not in settings
    assert '  plannaam: "plan de sécurité intégrale"\n' in settings


def test_the_french_folder_passes_livb_check(tmp_path, livb):
    assert livb("init", tmp_path / "x", "-g", "Esneux", "--no-input", "--no-git").code == 0
    check = livb("check", tmp_path / "x")
    assert check.code == 0, check.out
    assert "LIVB105" not in check.out


def test_a_flemish_commune_stays_dutch(tmp_path, livb):
    assert livb("init", tmp_path / "x", "-g", "Halle", "--no-input", "--no-git").code == 0
    settings = _settings(tmp_path / "x")
    assert "\ntaal: nl " in settings
    assert '  plannaam: "integraal veiligheidsplan"\n' in settings


@pytest.mark.parametrize("extra", [(), ("--taal", "de")])
def test_brussels_must_choose_its_language(tmp_path, livb, extra):
    result = livb("init", tmp_path / "x", "-g", "Bruxelles", "--no-input", "--no-git", *extra)
    assert result.code == 2
    assert "kies" in result.err and "choisissez" in result.err  # no folder yet: both languages
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(("taal", "naam"), [("fr", "Bruxelles"), ("nl", "Brussel")])
def test_brussels_is_named_in_the_chosen_language(tmp_path, livb, taal, naam):
    result = livb(
        "init", tmp_path / "x", "-g", "Bruxelles", "--no-input", "--no-git", "--taal", taal
    )
    assert result.code == 0, result.err
    settings = _settings(tmp_path / "x")
    assert f"\ntaal: {taal} " in settings
    assert f"  naam: {naam}\n" in settings


def test_a_german_speaking_commune_must_choose_french_or_dutch(tmp_path, livb):
    refused = livb("init", tmp_path / "x", "-g", "Eupen", "--no-input", "--no-git")
    assert refused.code == 2
    assert "Duitse documenten zijn een latere stap" in refused.err
    assert "les documents en allemand suivront plus tard" in refused.err
    made = livb("init", tmp_path / "x", "-g", "Eupen", "--no-input", "--no-git", "--taal", "fr")
    assert made.code == 0, made.err
    assert "en région de langue allemande" in made.err
    settings = _settings(tmp_path / "x")
    assert "\ntaal: fr " in settings
    assert '  provincie: "Liège"\n' in settings


def test_the_init_messages_have_french():
    with i18n.speaking("fr"):
        assert i18n.tr("onbekende gemeente") == "commune inconnue"


def test_the_french_folder_is_commented_in_french(tmp_path, livb):
    assert livb("init", tmp_path / "fr", "-g", "Mons", "--no-input", "--no-git").code == 0
    assert livb("init", tmp_path / "nl", "-g", "Halle", "--no-input", "--no-git").code == 0
    french = (tmp_path / "fr" / "actoren.yaml").read_text(encoding="utf-8")
    dutch = (tmp_path / "nl" / "actoren.yaml").read_text(encoding="utf-8")
    assert "# à compléter" in french and "# in te vullen" not in french
    assert "rol: burgemeester" in french  # the enumerated values stay Dutch
    assert "# in te vullen" in dutch and "à compléter" not in dutch
    assert "politique locale intégrale de sécurité" in (tmp_path / "fr" / "README.md").read_text(
        encoding="utf-8"
    )


def test_a_french_folder_may_write_the_french_words_of_its_choices(tmp_path, livb):
    folder = copy_example(tmp_path / "halle")
    settings = (folder / "livb.yaml").read_text(encoding="utf-8")
    (folder / "livb.yaml").write_text(settings.replace("\ntaal: nl", "\ntaal: fr"), "utf-8")
    actors = (folder / "actoren.yaml").read_text(encoding="utf-8")
    french = actors.replace("rol: burgemeester", "rol: Bourgmestre", 1)
    french = french.replace("sector: bestuur", "sector: autorités", 1)
    assert french != actors
    (folder / "actoren.yaml").write_text(french, encoding="utf-8")
    loaded = load_project(folder)
    assert loaded.project is not None
    first = loaded.project.actoren.actoren[0]
    assert first.rol is Rol.BURGEMEESTER
    assert first.sector == "bestuur"
    assert Schakel("prévention") is Schakel.PREVENTIE
    assert Schakel("Prevention") is Schakel.PREVENTIE  # accents and case do not matter


def test_an_unknown_word_is_still_refused():
    with pytest.raises(ValueError, match="Rol"):
        Rol("bourgmestre adjoint")


def test_livb_new_speaks_the_folder_s_language_and_takes_french_choices(tmp_path, livb):
    assert livb("init", tmp_path / "x", "-g", "Esneux", "--no-input", "--no-git").code == 0
    added = livb("new", "actor", tmp_path / "x", "--id", "echevin-x", "--rol", "Échevin")
    assert added.code == 0, added.err
    assert "acteur « echevin-x » ajouté" in added.out
    actors = (tmp_path / "x" / "actoren.yaml").read_text(encoding="utf-8")
    assert "  - id: echevin-x\n" in actors
    assert "rol: schepen" in actors.split("id: echevin-x", 1)[1]
    again = livb("new", "actor", tmp_path / "x", "--id", "echevin-x")
    assert again.code != 0
    assert "l'acteur « echevin-x » existe déjà" in again.err


def test_a_french_goal_skeleton_is_a_draft_in_french(tmp_path, livb):
    from livb.method.queries import DRAFT_TEXT

    assert livb("init", tmp_path / "x", "-g", "Esneux", "--no-input", "--no-git").code == 0
    assert livb("new", "prioriteit", tmp_path / "x", "--id", "nuisances", "--titel", "N").code == 0
    made = livb("new", "doelstelling", tmp_path / "x", "--prioriteit", "nuisances")
    assert made.code == 0, made.err
    assert "objectifs pour « nuisances »" in made.out
    text = (tmp_path / "x" / "doelstellingen" / "nuisances.yaml").read_text(encoding="utf-8")
    assert "(à compléter : l'action)" in text and "in te vullen" not in text
    assert DRAFT_TEXT.match("(à compléter : l'action)")  # still a draft for the checks


def test_an_interview_with_a_role_named_in_french(tmp_path, livb, monkeypatch):
    assert livb("init", tmp_path / "x", "-g", "Esneux", "--no-input", "--no-git").code == 0
    made = livb("new", "gesprek", tmp_path / "x", "--met", "Bourgmestre")
    assert made.code == 0, made.err
    assert "--met Bourgmestre: burgemeester (burgemeester)" in made.out + made.err
    monkeypatch.setenv("LIVB_TAAL", "fr")  # options are read before the folder (and its taal)
    refused = livb("new", "gesprek", tmp_path / "x", "--met", "burgemeester", "--stap", "2.5")
    assert refused.code == 2
    assert "relève de l'étape 1.2 ou 2.2, pas de 2.5" in refused.err
