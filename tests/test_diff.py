"""livb.history.diff.compare: what changed between two loaded projects, in the order of the plan (no git)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from livb.cli.report import change_as_dict, diff_lines
from livb.folder.project import load_project
from livb.history.diff import MOVED, Aard, Change, Soort, compare
from livb.model import Project

from helpers import copy_example, edit


def load(root: Path) -> Project:
    result = load_project(root)
    assert result.project is not None, result.diagnostics
    return result.project


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    copy_example(old)
    copy_example(new)
    return old, new


def changes(pair: tuple[Path, Path]) -> list[Change]:
    return compare(load(pair[0]), load(pair[1]))


def summary(found: list[Change]) -> list[tuple[str, str, str]]:
    return [(c.soort.value, c.id, c.aard.value) for c in found]


def test_the_same_folder_has_no_changes(pair):
    assert changes(pair) == []


def test_a_changed_budget_reads_as_old_and_new_value(pair):
    edit(pair[1], "doelstellingen/inbraken.yaml", "budget: 8000", "budget: 9500")
    (change,) = changes(pair)
    assert (change.soort, change.id, change.aard) == (
        Soort.ACTIE,
        "a-adviescampagne",
        Aard.GEWIJZIGD,
    )
    assert [(v.naam, v.oud, v.nieuw) for v in change.velden] == [("budget", 8000, 9500)]
    assert [p.id for p in change.binnen] == ["inbraken", "sd-inbraken", "od-preventieadvies"]
    assert diff_lines([change])[-1] == (
        "        actie a-adviescampagne 'Gratis diefstalpreventieadvies aanbieden in de randwijken':"
        " budget € 8.000 → € 9.500"
    )


def test_indicator_values_and_deadline(pair):
    edit(
        pair[1],
        "doelstellingen/inbraken.yaml",
        "{waarde: 150, jaar: 2012}\n            deadline: 2012-12-31\n            bron: registraties-stad",
        "{waarde: 180, jaar: 2013}\n            deadline: 2013-06-30\n            bron: registraties-stad",
    )
    (change,) = changes(pair)
    assert change.id == "i-adviezen"
    fields = {v.naam: (v.oud, v.nieuw) for v in change.velden}
    assert fields == {
        "streefwaarde": ({"waarde": 150, "jaar": 2012}, {"waarde": 180, "jaar": 2013}),
        "deadline": (dt.date(2012, 12, 31), dt.date(2013, 6, 30)),
    }
    lines = diff_lines([change])
    assert lines[-3].endswith("indicator i-adviezen 'Diefstalpreventieadviezen aan huis per jaar':")
    assert lines[-2].strip() == "streefwaarde 150 (2012) → 180 (2013)"
    assert lines[-1].strip() == "deadline 31 december 2012 → 30 juni 2013"


def test_action_owner_dates_status(pair):
    edit(
        pair[1],
        "doelstellingen/verkeer.yaml",
        "trekker: koen-deprez\n            start: 2010-09-01\n            einde: 2012-12-31\n            schakel: repressie",
        "trekker: johan-vanwezer\n            start: 2010-10-01\n            einde: 2012-12-31\n            schakel: repressie\n            status: lopend",
    )
    (change,) = changes(pair)
    assert change.id == "a-snelheidscontroles"
    assert [(v.naam, v.oud, v.nieuw) for v in change.velden] == [
        ("trekker", "koen-deprez", "johan-vanwezer"),
        ("start", dt.date(2010, 9, 1), dt.date(2010, 10, 1)),
        ("status", "gepland", "lopend"),
    ]


def test_same_id_new_title_says_so(pair):
    edit(
        pair[1],
        "doelstellingen/verkeer.yaml",
        "titel: Gemachtigde opzichters aan alle schoolpoorten",
        "titel: Gemachtigde opzichters aan elke schoolpoort",
    )
    (change,) = changes(pair)
    assert change.aard is Aard.GEWIJZIGD and change.nieuwe_titel is not None
    assert change.titel == "Gemachtigde opzichters aan elke schoolpoort"
    assert diff_lines([change])[-1].endswith(
        "actie a-gemachtigde-opzichters 'Gemachtigde opzichters aan elke schoolpoort': nieuwe titel"
        " (zelfde id): 'Gemachtigde opzichters aan alle schoolpoorten' → 'Gemachtigde opzichters"
        " aan elke schoolpoort'"
    )


def test_same_content_new_id_is_recognised(pair):
    edit(pair[1], "doelstellingen/verkeer.yaml", "id: a-gemachtigde-opzichters", "id: a-opzichters")
    (change,) = changes(pair)
    assert (change.id, change.oude_id, change.aard, change.velden) == (
        "a-opzichters",
        "a-gemachtigde-opzichters",
        Aard.NIEUWE_ID,
        (),
    )
    assert diff_lines([change])[-1].endswith(
        "actie a-opzichters 'Gemachtigde opzichters aan alle schoolpoorten': nieuwe id"
        " (was a-gemachtigde-opzichters), zelfde inhoud"
    )


def test_new_id_and_new_title_is_a_removal_and_an_addition(pair):
    edit(
        pair[1],
        "doelstellingen/verkeer.yaml",
        "id: a-gemachtigde-opzichters\n            titel: Gemachtigde opzichters aan alle schoolpoorten",
        "id: a-opzichters\n            titel: Opzichters",
    )
    # The removed action comes first, in its old place, like a line diff.
    assert summary(changes(pair)) == [
        ("actie", "a-gemachtigde-opzichters", "verwijderd"),
        ("actie", "a-opzichters", "toegevoegd"),
    ]


def test_a_priority_with_a_new_id_does_not_move_its_goals(pair):
    edit(pair[1], "prioriteiten.yaml", "- id: verkeer", "- id: schoolverkeer")
    edit(pair[1], "doelstellingen/verkeer.yaml", "prioriteit: verkeer", "prioriteit: schoolverkeer")
    edit(pair[1], "organen.yaml", "prioriteit: verkeer", "prioriteit: schoolverkeer")
    found = changes(pair)
    assert summary(found) == [
        ("prioriteit", "schoolverkeer", "nieuwe id"),
        ("projectgroep", "pg-verkeer", "gewijzigd"),
    ]
    assert [(v.naam, v.oud, v.nieuw) for v in found[1].velden] == [
        ("prioriteit", "verkeer", "schoolverkeer")
    ]


def test_an_action_moved_to_another_goal(pair):
    block = (
        "          - id: a-snelheidscontroles\n"
        "            titel: Snelheidscontroles in de zone 30 rond scholen\n"
        "            trekker: koen-deprez\n"
        "            start: 2010-09-01\n"
        "            einde: 2012-12-31\n"
        "            schakel: repressie\n"
    )
    edit(pair[1], "doelstellingen/verkeer.yaml", block, "")
    edit(
        pair[1],
        "doelstellingen/inbraken.yaml",
        "            schakel: nazorg\n",
        "            schakel: nazorg\n" + block,
    )
    (change,) = changes(pair)
    assert change.id == "a-snelheidscontroles" and change.aard is Aard.GEWIJZIGD
    assert [(v.naam, v.oud, v.nieuw) for v in change.velden] == [
        (MOVED, "od-schoolroutes", "od-aanpak-daders")
    ]
    assert [p.id for p in change.binnen] == ["inbraken", "sd-inbraken", "od-aanpak-daders"]
    assert (
        diff_lines([change])[-1]
        .strip()
        .endswith("verplaatst van od-schoolroutes naar od-aanpak-daders")
    )


def test_added_and_removed_goals_follow_the_plan(pair):
    new = pair[1]
    # A new operational goal with an indicator and an action under 'sd-schoolomgeving' ...
    edit(
        new,
        "doelstellingen/verkeer.yaml",
        "    operationele_doelstellingen:\n",
        (
            "    operationele_doelstellingen:\n"
            "      - id: od-fietsers\n"
            "        titel: Meer kinderen fietsen veilig naar school\n"
            "        indicatoren:\n"
            "          - id: i-fietsers\n"
            "            naam: Fietsende leerlingen\n"
            "        acties:\n"
            "          - id: a-fietsexamen\n"
            "            titel: Een fietsexamen in elke lagere school\n"
            "            budget: 2500\n"
        ),
    )
    # ... an indicator of 'inbraken' removed, and a whole priority removed with its goals.
    edit(
        new,
        "doelstellingen/inbraken.yaml",
        (
            "        indicatoren:\n"
            "          - id: i-adviezen\n"
            "            naam: Diefstalpreventieadviezen aan huis per jaar\n"
            "            eenheid: adviezen\n"
            "            basiswaarde: {waarde: 60, jaar: 2009}\n"
            "            streefwaarde: {waarde: 150, jaar: 2012}\n"
            "            deadline: 2012-12-31\n"
            "            bron: registraties-stad\n"
        ),
        "        indicatoren: []\n",
    )
    found = changes(pair)
    order = summary(found)
    assert order == [
        ("indicator", "i-adviezen", "verwijderd"),
        ("operationele doelstelling", "od-fietsers", "toegevoegd"),
        ("indicator", "i-fietsers", "toegevoegd"),
        ("actie", "a-fietsexamen", "toegevoegd"),
    ]
    assert found == sorted(found)
    added = found[3]
    assert [(v.naam, v.oud, v.nieuw) for v in added.velden] == [
        ("titel", None, "Een fietsexamen in elke lagere school"),
        ("budget", None, 2500),
        ("status", None, "gepland"),
    ]
    lines = diff_lines(found)
    assert lines == [
        "Prioriteiten en doelstellingen",
        "  prioriteit inbraken 'Woninginbraken'",
        "    strategische doelstelling sd-inbraken 'Tegen eind 2012 ligt het aantal woninginbraken lager dan in…'",
        "      operationele doelstelling od-preventieadvies 'Meer woningen in de randwijken zijn beter beveiligd'",
        "        indicator i-adviezen 'Diefstalpreventieadviezen aan huis per jaar': verwijderd",
        "  prioriteit verkeer 'Veilig naar school'",
        "    strategische doelstelling sd-schoolomgeving 'Tegen eind 2012 gebeuren er minder ongevallen rond scholen'",
        "      operationele doelstelling od-fietsers 'Meer kinderen fietsen veilig naar school': toegevoegd",
        "        indicator i-fietsers 'Fietsende leerlingen': toegevoegd",
        "        actie a-fietsexamen 'Een fietsexamen in elke lagere school': toegevoegd",
        "            budget € 2.500",
        "            status 'gepland'",
    ]


def test_a_removed_priority_keeps_its_place_and_its_goals_are_removed(pair):
    new = pair[1]
    edit(
        new,
        "prioriteiten.yaml",
        (
            "  - id: inbraken\n"
            "    titel: Woninginbraken\n"
            "    omschrijving: Minder woninginbraken, vooral in de randwijken.\n"
            "    bevindingen: [b-inbraken]\n"
            "    swot: [s2, k2, t1]\n"
            "    aansluiting:\n"
            "      - plan: zvp\n"
            "        prioriteit: inbraken\n"
            "    themas: [eigendomscriminaliteit]\n"
        ),
        "",
    )
    (new / "doelstellingen" / "inbraken.yaml").unlink()
    found = changes(pair)
    kinds = summary(found)
    assert kinds[0] == ("prioriteit", "inbraken", "verwijderd")
    assert {aard for _, _, aard in kinds} == {"verwijderd"}
    assert [k for k in kinds if k[0] == "actie"] == [
        ("actie", "a-adviescampagne", "verwijderd"),
        ("actie", "a-premie", "verwijderd"),
        ("actie", "a-controles", "verwijderd"),
        ("actie", "a-slachtofferbezoek", "verwijderd"),
    ]
    # The removed priority sits between 'samenleven' and 'verkeer', as it did.
    old_order = [p.id for p in load(pair[0]).prioriteiten.prioriteiten]
    assert old_order.index("inbraken") == 1


def test_new_priority_and_a_goal_in_a_new_file(pair):
    new = pair[1]
    edit(
        new,
        "prioriteiten.yaml",
        "  - id: verkeer\n",
        ("  - id: drugs\n    titel: Drugsoverlast\n  - id: verkeer\n"),
    )
    (new / "doelstellingen" / "drugs.yaml").write_text(
        "prioriteit: drugs\nstrategische_doelstellingen:\n  - id: sd-drugs\n    titel: Minder drugsoverlast\n",
        encoding="utf-8",
    )
    assert summary(changes(pair)) == [
        ("prioriteit", "drugs", "toegevoegd"),
        ("strategische doelstelling", "sd-drugs", "toegevoegd"),
    ]


def test_goals_of_an_undefined_priority_are_compared_without_a_priority_change(pair):
    new = pair[1]
    for root in pair:
        (root / "doelstellingen" / "los.yaml").write_text(
            "prioriteit: onbekend\nstrategische_doelstellingen:\n  - id: sd-los\n    titel: Los\n",
            encoding="utf-8",
        )
    edit(new, "doelstellingen/los.yaml", "titel: Los", "titel: Nog los")
    (change,) = changes(pair)
    assert (change.soort, change.id, change.aard) == (
        Soort.STRATEGISCHE_DOELSTELLING,
        "sd-los",
        Aard.GEWIJZIGD,
    )
    assert change.binnen[0].id == "onbekend"


def test_kerngroep_and_projectgroep_members(pair):
    edit(pair[1], "organen.yaml", "    - peter-wouters\n", "    - ann-mertens\n")
    edit(
        pair[1],
        "organen.yaml",
        "leden: [koen-deprez, sofie-claes, bart-segers, handelaars]",
        "leden: [koen-deprez, sofie-claes, handelaars, johan-vanwezer]",
    )
    found = changes(pair)
    assert summary(found) == [
        ("orgaan", "kerngroep", "gewijzigd"),
        ("projectgroep", "pg-inbraken", "gewijzigd"),
    ]
    assert diff_lines(found) == [
        "Kerngroep, comités en projectgroepen",
        "  kerngroep: leden + ann-mertens, − peter-wouters",
        "  projectgroep pg-inbraken 'Projectgroep woninginbraken': leden + johan-vanwezer, − bart-segers",
    ]


def test_actors_added_removed_changed(pair):
    new = pair[1]
    edit(
        new,
        "actoren.yaml",
        "    functie: schepen van integrale veiligheid\n",
        "    functie: schepen van veiligheid en preventie\n",
    )
    edit(
        new,
        "actoren.yaml",
        "actoren:\n",
        ("actoren:\n  - id: nieuwe-schepen\n    naam: Nieuwe Schepen\n    rol: schepen\n"),
    )
    found = changes(pair)
    assert summary(found) == [
        ("actor", "nieuwe-schepen", "toegevoegd"),
        ("actor", "guy-nechelpuut", "gewijzigd"),
    ]
    assert diff_lines(found)[-1] == (
        "  actor guy-nechelpuut 'Guy Nechelpuut': functie 'schepen van integrale veiligheid' →"
        " 'schepen van veiligheid en preventie'"
    )


def test_a_new_decision_and_a_changed_reference(pair):
    new = pair[1]
    edit(new, "besluiten.yaml", "referentie: GR 2010/071", "referentie: GR 2010/072")
    with (new / "besluiten.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "\n  - id: gr-2011-evaluatie\n    datum: 2011-03-22\n    door: gemeenteraad\n"
            "    onderwerp: evaluatie\n    uitkomst: kennisgenomen\n"
        )
    found = changes(pair)
    assert summary(found) == [
        ("besluit", "gr-2010-03-23-plan", "gewijzigd"),
        ("besluit", "gr-2011-evaluatie", "toegevoegd"),
    ]
    assert found[1].titel == "evaluatie kennisgenomen door gemeenteraad op 22 maart 2011"
    assert diff_lines(found)[1] == (
        "  besluit gr-2010-03-23-plan 'plan goedgekeurd door gemeenteraad op 23 maart 2010':"
        " referentie 'GR 2010/071' → 'GR 2010/072'"
    )


def test_meetings_added_removed_renamed_changed(pair):
    old_dir, new = pair[0] / "vergaderingen", pair[1] / "vergaderingen"
    (new / "2009-05-19-kerngroep.yaml").rename(new / "2009-05-19-kerngroep-diagnostiek.yaml")
    (new / "2009-09-15-kerngroep.yaml").unlink()
    shutil.copy(old_dir / "2010-02-09-kerngroep-plan.yaml", new / "2010-06-01-kerngroep.yaml")
    edit(
        pair[1], "vergaderingen/2010-06-01-kerngroep.yaml", "datum: 2010-02-09", "datum: 2010-06-01"
    )
    edit(
        pair[1],
        "vergaderingen/2009-04-21-kerngroep-opstart.yaml",
        'volgende_vergadering:\n  datum: 2009-05-19\n  uur: "14:00"\n  plaats: ',
        'volgende_vergadering:\n  datum: 2009-05-19\n  uur: "14:00"\n  plaats: Nieuwe zaal, ',
    )
    found = changes(pair)
    assert summary(found) == [
        ("vergadering", "2009-04-21-kerngroep-opstart", "gewijzigd"),
        ("vergadering", "2009-05-19-kerngroep-diagnostiek", "nieuwe id"),
        ("vergadering", "2009-09-15-kerngroep", "verwijderd"),
        ("vergadering", "2010-06-01-kerngroep", "toegevoegd"),
    ]
    assert found[1].oude_id == "2009-05-19-kerngroep"


def test_agenda_changes_are_summarised_by_item(pair):
    edit(
        pair[1],
        "vergaderingen/2009-05-19-kerngroep.yaml",
        "    verslag: Het verslag wordt zonder opmerkingen goedgekeurd.",
        "    verslag: Het verslag wordt met één opmerking goedgekeurd.",
    )
    (change,) = changes(pair)
    assert diff_lines([change])[-1].endswith(
        "agenda gewijzigd: 'Goedkeuring van het verslag van 21 april'"
    )


def test_an_interview_is_only_named_never_shown(pair):
    """Interviews are confidential: a change says which file, not what it says."""
    path = pair[1] / "gesprekken" / "2009-01-20-burgemeester.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("antwoord: ", "antwoord: GEHEIM ", 1), encoding="utf-8")
    (change,) = changes(pair)
    assert (change.soort, change.id, change.aard, change.velden) == (
        Soort.BESTAND,
        "gesprekken/2009-01-20-burgemeester.yaml",
        Aard.GEWIJZIGD,
        (),
    )
    assert "GEHEIM" not in "\n".join(diff_lines([change]))
    assert "GEHEIM" not in str(change_as_dict(change))


def test_figures_from_a_csv_file(pair):
    csv = pair[1] / "diagnostiek" / "overlast.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].rsplit(";", 1)[0] + ";999"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (change,) = changes(pair)
    assert (change.soort, change.id) == (Soort.CIJFERREEKS, "overlast")
    (veld,) = change.velden
    assert veld.naam == "waarden"
    year = max(veld.nieuw)
    assert veld.nieuw[year] == 999 and veld.oud[year] != 999


def test_plan_text_shows_the_words_that_changed(pair):
    edit(pair[1], "plan.yaml", "beperkt aantal prioriteiten", "klein aantal prioriteiten")
    (change,) = changes(pair)
    assert (change.soort, change.aard) == (Soort.PLAN, Aard.GEWIJZIGD)
    assert diff_lines([change]) == [
        "Het plan",
        "  plan.yaml: visie … kiest voor een [beperkt] aantal prioriteiten, gebaseerd …"
        " → … kiest voor een [klein] aantal prioriteiten, gebaseerd …",
    ]


def test_json_form_is_plain_data(pair):
    import json

    edit(
        pair[1],
        "doelstellingen/inbraken.yaml",
        "deadline: 2012-12-31\n            bron: registraties-stad",
        "deadline: 2013-12-31\n            bron: registraties-stad",
    )
    (change,) = changes(pair)
    data = change_as_dict(change)
    assert json.loads(json.dumps(data)) == {
        "soort": "indicator",
        "id": "i-adviezen",
        "aard": "gewijzigd",
        "titel": "Diefstalpreventieadviezen aan huis per jaar",
        "oude_id": None,
        "binnen": [
            {"soort": "prioriteit", "id": "inbraken", "titel": "Woninginbraken"},
            {
                "soort": "strategische doelstelling",
                "id": "sd-inbraken",
                "titel": "Tegen eind 2012 ligt het aantal woninginbraken lager dan in 2005",
            },
            {
                "soort": "operationele doelstelling",
                "id": "od-preventieadvies",
                "titel": "Meer woningen in de randwijken zijn beter beveiligd",
            },
        ],
        "velden": [{"veld": "deadline", "oud": "2012-12-31", "nieuw": "2013-12-31"}],
    }


def test_other_files_show_their_fields(pair):
    edit(
        pair[1],
        "livb.yaml",
        "  plannaam: integraal plan levenskwaliteit",
        "  plannaam: plan levenskwaliteit",
    )
    edit(
        pair[1], "swot.yaml", "  - id: s2\n    tekst: Een goed", "  - id: s2\n    tekst: Een sterk"
    )
    edit(
        pair[1],
        "prioriteiten.yaml",
        "vergadering: 2009-10-13-kerngroep-swot-prioriteiten",
        "vergadering: 2009-12-15-kerngroep-ontwerp",
    )
    lines = diff_lines(changes(pair))
    assert lines == [
        "Andere bestanden",
        "  livb.yaml: beleid plannaam: 'integraal plan levenskwaliteit' → 'plan levenskwaliteit'",
        "  swot.yaml: sterktes s2 Een [goed] uitgebouwde preventiedienst en … →"
        " Een [sterk] uitgebouwde preventiedienst en …",
        "  prioriteiten.yaml: vergadering '2009-10-13-kerngroep-swot-prioriteiten' →"
        " '2009-12-15-kerngroep-ontwerp'",
    ]


def test_duplicate_ids_are_compared_one_by_one(pair):
    """Two items with the same id (a rule finding, not a loading error) are both compared."""
    for root in pair:
        edit(
            root,
            "prioriteiten.yaml",
            "  - id: verkeer\n",
            "  - id: inbraken\n    titel: Tweede\n  - id: verkeer\n",
        )
    edit(pair[1], "prioriteiten.yaml", "    titel: Woninginbraken\n", "    titel: Inbraken\n")
    edit(pair[1], "prioriteiten.yaml", "    titel: Tweede\n", "    titel: Tweede, herzien\n")
    found = changes(pair)
    assert [(c.soort, c.id, c.titel) for c in found] == [
        (Soort.PRIORITEIT, "inbraken", "Inbraken"),
        (Soort.PRIORITEIT, "inbraken", "Tweede, herzien"),
    ]


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("budget", 5000.0, "€ 5.000"),
        ("budget", 1234567.5, "€ 1.234.567,5"),
        ("waarde", 12.25, "12,25"),
        ("laatste_jaar", 2012, "2012"),
        ("waarde", 12000, "12.000"),
        ("deadline", dt.date(2012, 12, 31), "31 december 2012"),
        ("lokaal", True, "ja"),
        ("trekker", None, "(leeg)"),
        ("basiswaarde", {"waarde": 60.0, "jaar": 2009}, "60 (2009)"),
        ("basiswaarde", {"waarde": 60.0, "jaar": None}, "60"),
        ("partners", ["a", "b"], "a, b"),
        ("partners", [], "(leeg)"),
    ],
)
def test_values_in_dutch(name, value, text):
    from livb.history.diff import value_text

    assert value_text(name, value) == text
