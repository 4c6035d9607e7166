"""Hostile scenarios for `livb new`: concurrent edits, invalid options, Notepad files."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from corpus import Case, Setup, _nothing
from helpers import EXAMPLE, MINIMAL, copy_example, write_tree

LOCK = ".livb/new.lock"
BOM = b"\xef\xbb\xbf"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def untouched(setup: Setup = _nothing, base: str = "halle") -> Callable[[Path], None]:
    """The folder is byte for byte what the setup made of a fresh base: not even a lock file."""

    def check(root: Path) -> None:
        with tempfile.TemporaryDirectory() as temporary:
            fresh = Path(temporary) / "gemeente"
            if base == "halle":
                copy_example(fresh, symlinks=True)
                shutil.rmtree(fresh / "output", ignore_errors=True)
            elif base == "minimal":
                write_tree(fresh, MINIMAL)
            else:
                fresh.mkdir()
            setup(fresh)
            assert _snapshot(root) == _snapshot(fresh)

    return check


def _load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8-sig"))


def _meeting(name: str, key: str, value: object) -> Callable[[Path], None]:
    def check(root: Path) -> None:
        assert _load(root / "vergaderingen" / name)[key] == value

    return check


def _hand_meeting(root: Path) -> None:
    (root / "vergaderingen/2030-01-08-kerngroep.yaml").write_text(
        "orgaan: kerngroep\ndatum: 2030-01-08\ntitel: Met de hand gemaakt\n", "utf-8"
    )


def _check_hand_meeting_kept(root: Path) -> None:
    hand = (root / "vergaderingen/2030-01-08-kerngroep.yaml").read_text("utf-8")
    assert hand == "orgaan: kerngroep\ndatum: 2030-01-08\ntitel: Met de hand gemaakt\n"
    assert _load(root / "vergaderingen/2030-01-08-kerngroep-2.yaml")["datum"].isoformat() == (
        "2030-01-08"
    )


def _hand_interview(root: Path) -> None:
    (root / "gesprekken").mkdir(exist_ok=True)
    (root / "gesprekken/2010-06-20-ann-mertens.yaml").write_text(
        "stap: '2.2'\ndatum: 2010-06-20\nmet: ann-mertens\nsamenvatting: Eigen notities\n", "utf-8"
    )


def _check_hand_interview_kept(root: Path) -> None:
    assert _load(root / "gesprekken/2010-06-20-ann-mertens.yaml")["samenvatting"] == (
        "Eigen notities"
    )
    assert _load(root / "gesprekken/2010-06-20-ann-mertens-2.yaml")["met"] == ["ann-mertens"]


def _five_priorities(root: Path) -> None:
    path = root / "prioriteiten.yaml"
    text = path.read_text("utf-8")
    for id_ in ("drugs", "zwerfvuil"):
        text += f"  - id: {id_}\n    titel: {id_.capitalize()}\n"
    path.write_text(text, "utf-8")


def _notepad(root: Path) -> None:
    path = root / "actoren.yaml"
    path.write_bytes(BOM + path.read_bytes().replace(b"\n", b"\r\n"))


def _filled(actor: dict) -> dict:
    """A new actor's keys that hold a value: livb new writes every field of an actor."""
    from livb.model.actoren import Actor

    assert list(actor) == list(Actor.model_fields)
    defaults = {name: info.get_default() for name, info in Actor.model_fields.items()}
    return {key: value for key, value in actor.items() if value != defaults[key]}


def _check_notepad(root: Path) -> None:
    data = (root / "actoren.yaml").read_bytes()
    original = BOM + (EXAMPLE / "actoren.yaml").read_bytes().replace(b"\n", b"\r\n")
    assert data.startswith(BOM) and data.count(b"\n") == data.count(b"\r\n")
    assert data.startswith(original.rstrip(b"\r\n"))  # every old byte in place, lines added
    assert _filled(_load(root / "actoren.yaml")["actoren"][-1]) == {
        "id": "jan-peeters",
        "naam": "Jan",
    }


def _stale_lock(root: Path) -> None:
    (root / LOCK).write_text("", "utf-8")
    (root / ".livb/new.lock.houder").write_text("els op PC-7 (proces 99999)", "utf-8")


def _check_actor_added(id_: str) -> Callable[[Path], None]:
    def check(root: Path) -> None:
        assert _load(root / "actoren.yaml")["actoren"][-1]["id"] == id_

    return check


def _check_last_actor(expected: dict) -> Callable[[Path], None]:
    def check(root: Path) -> None:
        assert _filled(_load(root / "actoren.yaml")["actoren"][-1]) == expected

    return check


def _flow_actors(root: Path) -> None:
    (root / "actoren.yaml").write_text(
        "actoren: [{id: coord, naam: An, rol: coordinator}, {id: burg, naam: Jan, "
        "rol: burgemeester}]\n",
        "utf-8",
    )


CASES: list[Case] = [
    Case(
        "new-rol-typo",
        code=2,
        command=("new", "actor", "{map}", "--id", "jan-peeters", "--rol", "schepn"),
        expect=(
            "gebruik: onbekende rol 'schepn'; bedoelde je 'schepen'?",
            "hulp: kies uit: burgemeester, schepen, gemeenteraadslid, algemeen_directeur,",
        ),
        check=untouched(),
    ),
    Case(
        "new-sector-typo",
        code=2,
        command=("new", "actor", "{map}", "--id", "jan-peeters", "--sector", "welzyn"),
        expect=(
            "gebruik: onbekende sector 'welzyn'; bedoelde je 'welzijn'?",
            "hulp: kies uit: bestuur, gemeentediensten, politie,",
        ),
        check=untouched(),
    ),
    Case(
        "new-rol-other-case",
        command=("new", "actor", "{map}", "--id", "jan-peeters", "--rol", "Schepen"),
        code=0,
        expect=("Aangevuld: ", "actoren.yaml (actor 'jan-peeters' toegevoegd)"),
        check=_check_last_actor({"id": "jan-peeters", "rol": "schepen"}),
    ),
    Case(
        "new-id-with-newline",
        code=2,
        command=("new", "actor", "{map}", "--id", "jan\npeeters"),
        expect=(
            "gebruik: 'jan\\npeeters' is geen geldige id voor een actor",
            "hulp: gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties, "
            "bv. 'jan-peeters'",
        ),
        check=untouched(),
    ),
    Case(
        "new-id-with-trailing-newline",
        code=2,
        command=("new", "prioriteit", "{map}", "--id", "drugs\n", "--titel", "Drugs"),
        expect=("gebruik: 'drugs\\n' is geen geldige id voor een prioriteit",),
        check=untouched(),
    ),
    Case(
        "new-id-with-space",
        code=2,
        command=("new", "actor", "{map}", "--id", "José Peeters"),
        expect=(
            "gebruik: 'José Peeters' is geen geldige id voor een actor",
            "bv. 'jose-peeters'",
        ),
        check=untouched(),
    ),
    Case(
        "new-naam-with-escape-sequence",
        code=2,
        command=("new", "actor", "{map}", "--id", "jp", "--naam", "Jan\x1b[31m Peeters"),
        expect=(
            "gebruik: --naam bevat een stuurteken (\\x1b): 'Jan\\x1b[31m Peeters'",
            "hulp: typ de tekst opnieuw, op één regel, zonder tabs of onzichtbare tekens",
        ),
        absent=("\x1b",),
        check=untouched(),
    ),
    Case(
        "new-naam-with-bidi-override",
        code=2,
        command=("new", "actor", "{map}", "--id", "jp", "--naam", "Jan \u202eznaP"),
        expect=("gebruik: --naam bevat een stuurteken (\\u202e): 'Jan \\u202eznaP'",),
        check=untouched(),
    ),
    Case(
        "new-naam-not-utf8",
        code=2,
        command=("new", "actor", "{map}", "--id", "jp", "--naam", "Jan \udcff"),
        expect=("gebruik: --naam bevat een stuurteken (\\udcff): 'Jan \\udcff'",),
        subprocess=True,
        check=untouched(),
    ),
    Case(
        "new-titel-with-newline",
        code=2,
        command=("new", "prioriteit", "{map}", "--id", "drugs", "--titel", "Drugs\nen alcohol"),
        expect=("gebruik: --titel bevat een stuurteken (\\n): 'Drugs\\nen alcohol'",),
        check=untouched(),
    ),
    Case(
        "new-stap-that-does-not-exist",
        code=2,
        command=("new", "vergadering", "{map}", "--stap", "9.9", "--datum", "2030-06-15"),
        expect=(
            "gebruik: onbekende stap '9.9'",
            "hulp: de stappen van de methode: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 2.1, 2.2, 2.3, 2.4, "
            "2.5, 2.6, 2.7, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 4.1, 4.2, 4.3, 4.4, 5.1, 5.2, 5.3, 5.4; "
            "bv. --stap 2.5",
        ),
        check=untouched(),
    ),
    Case(
        "new-stap-with-decimal-comma",
        command=("new", "vergadering", "{map}", "--stap", "2,5", "--datum", "2030-06-15"),
        code=0,
        expect=(
            "let op: --stap 2,5 gelezen als stap 2.5",
            "Nieuw bestand: ",
            "2030-06-15-kerngroep.yaml (vergadering van 15 juni 2030 met 8 leden)",
        ),
        check=_meeting("2030-06-15-kerngroep.yaml", "stappen", ["2.5"]),
    ),
    Case(
        "new-stap-comma-that-is-no-step",
        code=2,
        command=("new", "vergadering", "{map}", "--stap", "2,9", "--datum", "2030-06-15"),
        expect=("gebruik: onbekende stap '2,9'",),
        check=untouched(),
    ),
    Case(
        "new-stap-several",
        command=(
            "new",
            "vergadering",
            "{map}",
            "--stap",
            "2.5,2.6",
            "--stap",
            "2.7",
            "--datum",
            "2030-06-15",
        ),
        code=0,
        expect=("2030-06-15-kerngroep.yaml (vergadering van 15 juni 2030 met 8 leden)",),
        check=_meeting("2030-06-15-kerngroep.yaml", "stappen", ["2.5", "2.6", "2.7"]),
    ),
    Case(
        "new-datum-not-a-date",
        command=("new", "vergadering", "{map}", "--datum", "15/06/2030"),
        code=2,
        expect=(
            "gebruik: '15/06/2030' is geen geldige datum",
            "hulp: schrijf jaar-maand-dag: --datum 2030-06-15",
        ),
        check=untouched(),
    ),
    Case(
        "new-orgaan-typo",
        code=2,
        command=("new", "vergadering", "{map}", "--orgaan", "kerngroup", "--datum", "2030-06-15"),
        expect=(
            "gebruik: onbekend orgaan 'kerngroup'; bedoelde je 'kerngroep'?",
            "hulp: kies uit: kerngroep, redactiecomite, pilootcomite, pg-samenleven, "
            "pg-inbraken, pg-verkeer",
        ),
        check=untouched(),
    ),
    Case(
        "new-meeting-on-a-day-that-has-one",
        setup=_hand_meeting,
        command=("new", "vergadering", "{map}", "--datum", "2030-01-08"),
        code=0,
        expect=("2030-01-08-kerngroep-2.yaml (vergadering van 8 januari 2030 met 8 leden)",),
        check=_check_hand_meeting_kept,
    ),
    Case(
        "new-interview-whose-name-is-taken",
        setup=_hand_interview,
        command=("new", "gesprek", "{map}", "--met", "ann-mertens", "--datum", "2010-06-20"),
        code=0,
        expect=("2010-06-20-ann-mertens-2.yaml (gesprek met Ann Mertens, stap 2.2)",),
        check=_check_hand_interview_kept,
    ),
    Case(
        "new-met-role-of-one-actor",
        command=("new", "gesprek", "{map}", "--met", "burgemeester", "--datum", "2010-06-20"),
        code=0,
        expect=(
            "let op: --met burgemeester: Dirk Pieters (dirk-pieters)",
            "let op: stap 2.2: het protocolakkoord is ondertekend op 24 maart 2009",
            "2010-06-20-dirk-pieters.yaml (gesprek met Dirk Pieters, stap 2.2)",
        ),
    ),
    Case(
        "new-met-mayor-before-the-protocol",
        base="minimal",
        command=("new", "gesprek", "{map}", "--met", "burgemeester", "--datum", "2030-01-10"),
        code=0,
        expect=(
            "let op: --met burgemeester: Jan Burg (burg)",
            "let op: stap 1.2: het protocolakkoord is nog niet ondertekend (de voorbereiding)",
            "2030-01-10-burg.yaml (gesprek met Jan Burg, stap 1.2)",
        ),
    ),
    Case(
        "new-met-mayor-with-explicit-step",
        base="minimal",
        command=(
            "new",
            "gesprek",
            "{map}",
            "--met",
            "burg",
            "--stap",
            "2.2",
            "--datum",
            "2030-01-10",
        ),
        code=0,
        expect=("2030-01-10-burg.yaml (gesprek met Jan Burg, stap 2.2)",),
        absent=("protocolakkoord",),
    ),
    Case(
        "new-met-role-of-two-actors",
        code=2,
        command=("new", "gesprek", "{map}", "--met", "politie", "--datum", "2010-06-20"),
        expect=(
            "gebruik: 2 actoren hebben de rol 'politie': koen-deprez (Koen Deprez), "
            "bart-segers (Bart Segers)",
            "hulp: kies er één met --met ID",
        ),
        check=untouched(),
    ),
    Case(
        "new-met-role-of-no-actor",
        code=2,
        base="minimal",
        command=("new", "gesprek", "{map}", "--met", "schepen", "--datum", "2030-01-10"),
        expect=(
            "gebruik: geen enkele actor heeft de rol 'schepen'",
            "hulp: voeg die actor eerst toe: livb new actor --id ID --naam NAAM --rol schepen",
        ),
        check=untouched(base="minimal"),
    ),
    Case(
        "new-met-typo",
        code=2,
        command=("new", "gesprek", "{map}", "--met", "ann-merten", "--datum", "2010-06-20"),
        expect=("gebruik: onbekende actor 'ann-merten'; bedoelde je 'ann-mertens'?",),
        check=untouched(),
    ),
    Case(
        "new-interview-in-step-3",
        code=2,
        command=("new", "gesprek", "{map}", "--met", "ann-mertens", "--stap", "3.1"),
        expect=("gebruik: een oriëntatiegesprek hoort bij stap 1.2 of 2.2, niet bij 3.1",),
        check=untouched(),
    ),
    Case(
        "new-actor-that-exists",
        command=("new", "actor", "{map}", "--id", "els-janssens"),
        expect=("fout: de actor 'els-janssens' bestaat al", "hulp: kies een andere id"),
        check=untouched(),
    ),
    Case(
        "new-sixth-priority",
        setup=_five_priorities,
        command=("new", "prioriteit", "{map}", "--id", "fietsdiefstal", "--titel", "Fietsen"),
        expect=(
            "fout: livb new schrijft niets: daarna zou 'livb check' weigeren met LIVB201: "
            "6 prioriteiten; de methode laat er hoogstens 5 toe",
            "hulp: voeg verwante prioriteiten samen of laat de minst dringende vallen",
        ),
        check=untouched(_five_priorities),
    ),
    Case(
        "new-goals-for-a-priority-typo",
        code=2,
        command=("new", "doelstelling", "{map}", "--prioriteit", "inbraak"),
        expect=("gebruik: onbekende prioriteit 'inbraak'; bedoelde je 'inbraken'?",),
        check=untouched(),
    ),
    Case(
        "new-option-of-another-kind",
        command=("new", "actor", "{map}", "--id", "jp", "--stap", "2.5"),
        code=2,
        expect=(
            "gebruik: --stap hoort niet bij livb new actor",
            "hulp: opties van livb new actor: --id, --naam, --rol, --functie, --organisatie, "
            "--sector",
        ),
        check=untouched(),
    ),
    Case(
        "new-two-different-folders",
        setup=lambda root: shutil.copytree(root, root.parent / "tweede"),
        command=("new", "actor", "{map}", "--map", "{map}/../tweede", "--id", "jp"),
        code=2,
        expect=("gebruik: twee mappen: ", "hulp: geef de map één keer"),
        check=untouched(),
    ),
    Case(
        "new-folder-as-option-still-works",
        command=("new", "actor", "--map", "{map}", "--id", "jan-peeters"),
        code=0,
        expect=("actoren.yaml (actor 'jan-peeters' toegevoegd)",),
        check=_check_actor_added("jan-peeters"),
    ),
    Case(
        "new-in-a-folder-that-is-no-gemeente",
        base="empty",
        command=("new", "actor", "{map}", "--id", "jp"),
        code=2,
        expect=(
            "gebruik: '",
            "' is geen gemeentemap: er staat geen livb.yaml in",
            "hulp: geef de gemeentemap op als MAP, of maak er een met 'livb init MAP --gemeente NAAM'",
        ),
        check=untouched(base="empty"),
    ),
    Case(
        "new-actor-in-a-notepad-file",
        setup=_notepad,
        command=("new", "actor", "{map}", "--id", "jan-peeters", "--naam", "Jan"),
        code=0,
        expect=("actoren.yaml (actor 'jan-peeters' toegevoegd)",),
        check=_check_notepad,
    ),
    Case(
        "new-after-a-crashed-run",
        setup=_stale_lock,
        command=("new", "actor", "{map}", "--id", "jan-peeters"),
        code=0,
        expect=("actoren.yaml (actor 'jan-peeters' toegevoegd)",),
        check=_check_actor_added("jan-peeters"),
    ),
    Case(
        "new-actor-in-a-one-line-list",
        base="minimal",
        setup=_flow_actors,
        command=("new", "actor", "{map}", "--id", "jp"),
        expect=(
            "fout: actoren.yaml: 'actoren' staat als [lijst] op één regel; "
            "zet de elementen onder elkaar",
        ),
        check=untouched(_flow_actors, base="minimal"),
    ),
]
