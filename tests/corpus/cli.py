"""Options and the environment: encodings, wrong option values, folders that are not folders."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from corpus import Case

CODES_HINT = "    hulp: 'livb check --regels' toont alle codes"
NO_FOLDER_HINT = (
    "    hulp: geef de gemeentemap op als MAP, of maak er een met 'livb init MAP --gemeente NAAM'"
)
CP1252 = {"PYTHONIOENCODING": "cp1252"}


def _emoji_in_the_name(root: Path) -> None:
    livb_yaml = root / "livb.yaml"
    text = livb_yaml.read_text(encoding="utf-8")
    livb_yaml.write_text(
        text.replace("  naam: Halle\n", "  naam: Halle 🚓 ≤ →\n"), encoding="utf-8"
    )


def _still_empty(root: Path) -> None:
    assert list(root.iterdir()) == []


def _no_new_folder(root: Path) -> None:
    assert not (root.parent / "uit").exists()


def _nothing_written_in(folder: str) -> Callable[[Path], None]:
    def check(root: Path) -> None:
        assert not (root / folder / "output").exists()

    return check


CASES: list[Case] = [
    Case(
        "select-letter-o-voor-nul",
        command=("check", "{map}", "--select", "LIVB2O8"),
        code=2,
        expect=(
            "gebruik: onbekende code 'LIVB2O8' in --select; bedoelde je LIVB208?\n",
            CODES_HINT,
        ),
    ),
    Case(
        "ignore-onbekende-code",
        command=("check", "{map}", "--ignore", "LIVB101,LIVB3O1"),
        code=2,
        expect=(
            "gebruik: onbekende code 'LIVB3O1' in --ignore; bedoelde je LIVB301?\n",
            CODES_HINT,
        ),
    ),
    Case(
        "datum-30-februari",
        command=("check", "{map}", "--datum", "2026-02-30"),
        code=2,
        expect=(
            "gebruik: '2026-02-30' is geen geldige datum: februari 2026 heeft 28 dagen\n",
            "    hulp: schrijf --datum JJJJ-MM-DD, bv. 2026-03-14\n",
        ),
    ),
    Case(
        "datum-dag-maand-jaar",
        command=("status", "{map}", "--datum", "20/03/2026"),
        code=2,
        expect=(
            "gebruik: '20/03/2026' is geen geldige datum\n",
            "    hulp: schrijf jaar-maand-dag: --datum 2026-03-20\n",
        ),
    ),
    Case(
        "format-xml",
        command=("check", "{map}", "--format", "xml"),
        code=2,
        expect=(
            "gebruik: ongeldige waarde 'xml' voor --formaat\n",
            "    hulp: kies uit: tekst, json\n",
        ),
    ),
    Case(
        "onbekend-commando",
        command=("chek", "{map}"),
        code=2,
        expect=(
            "gebruik: onbekend commando 'chek'; bedoelde je check?\n",
            "    hulp: de commando's zijn: besluit, check, diff, export, import, init, new, render, schema, status\n",
        ),
    ),
    Case(
        "onbekende-optie",
        command=("check", "{map}", "--strik"),
        code=2,
        expect=("gebruik: onbekende optie '--strik'; bedoelde je --strikt of --strict?\n",),
    ),
    Case(
        "onbekend-document",
        command=("render", "plann", "{map}"),
        code=2,
        expect=(
            "gebruik: onbekend document 'plann'; bedoelde je plan?\n",
            "    hulp: kies uit: profiel, rapport-opstart, intentieverklaring, protocol, besluit, ",
        ),
    ),
    Case(
        "map-bestaat-niet",
        command=("check", "{map}/bestaat-niet"),
        code=2,
        expect=(
            "/bestaat-niet' bestaat niet\n",
            "    hulp: kijk de naam na; een nieuwe gemeentemap maak je met 'livb init ",
        ),
    ),
    Case(
        "map-is-een-bestand",
        command=("status", "{map}/livb.yaml"),
        code=2,
        expect=(
            "/livb.yaml' is een bestand, geen map\n",
            "    hulp: geef de map op waarin livb.yaml staat: '",
        ),
    ),
    Case(
        "lege-map",
        base="empty",
        command=("check", "{map}"),
        code=2,
        expect=("' is geen gemeentemap: er staat geen livb.yaml in\n", NO_FOLDER_HINT),
        check=_still_empty,
    ),
    Case(
        "gemeentemap-die-livb-yaml-kwijt-is",
        setup=lambda root: (root / "livb.yaml").unlink(),
        command=("check", "{map}"),
        code=1,  # a folder with a gemeente's files is rejected, not misnamed
        expect=(
            "livb.yaml: fout LIVB003 '",
            "' is geen gemeentemap: livb.yaml ontbreekt\n",
            "    hulp: de andere bestanden van een gemeentemap staan er wel: zet livb.yaml terug "
            "(bv. 'git restore livb.yaml')",
        ),
    ),
    Case(
        "submap-van-de-gemeentemap",
        command=("render", "plan", "{map}/vergaderingen"),
        code=2,
        expect=(
            "/vergaderingen' is geen gemeentemap: er staat geen livb.yaml in\n",
            "    hulp: de gemeentemap is '",
        ),
        check=_nothing_written_in("vergaderingen"),
    ),
    Case(
        "schema-in-een-lege-map",
        base="empty",
        command=("schema", "--map", "{map}"),
        code=2,
        expect=("' is geen gemeentemap: er staat geen livb.yaml in\n", NO_FOLDER_HINT),
        check=_still_empty,
    ),
    Case(
        "new-in-een-lege-map",
        base="empty",
        command=("new", "actor", "--id", "x", "--map", "{map}"),
        code=2,
        expect=("' is geen gemeentemap: er staat geen livb.yaml in\n", NO_FOLDER_HINT),
        check=_still_empty,
    ),
    Case(
        "init-nis-van-een-andere-gemeente",
        command=("init", "{out}", "--gemeente", "Halle", "--nis", "44021", "--no-input"),
        code=2,
        expect=(
            "gebruik: NIS 44021 is Gent, niet Halle\n",
            "    hulp: Halle heeft NIS 23027; laat --nis weg of verbeter de naam of de code\n",
        ),
        check=_no_new_folder,
    ),
    Case(
        "init-naam-van-spaties",
        command=("init", "{out}", "--gemeente", "   ", "--no-input"),
        code=2,
        expect=(
            "gebruik: de naam van de gemeente is leeg\n",
            "    hulp: geef de naam op, bv. --gemeente Halle\n",
        ),
        check=_no_new_folder,
    ),
    Case(
        "init-liege",
        command=("init", "{out}", "--gemeente", "Liège", "--no-input", "--no-git"),
        code=0,
        expect=("Dossier de la commune de Liège (INS 62063) créé dans ",),  # taal: fr
        absent=("Luik", "opmerking"),
    ),
    Case(
        "init-eupen",
        command=("init", "{out}", "--gemeente", "Eupen", "--no-input", "--no-git"),
        code=2,  # German-speaking: French or Dutch by choice, German documents come later
        expect=("Eupen ligt in het Duitse taalgebied", "--taal fr of --taal nl"),
    ),
    Case(
        "init-eupen-frans",
        command=("init", "{out}", "--gemeente", "Eupen", "--taal", "fr", "--no-input", "--no-git"),
        code=0,
        expect=("Eupen",),
    ),
    Case("versie", command=("--version",), code=0, expect=(f"livb {version('livb')}\n",)),
    Case(
        "zonder-commando",
        command=(),
        code=0,
        expect=("Gebruik: livb [OPTIES] COMMANDO [ARGUMENTEN …]",),
        absent=("verkeerd gebruik",),
    ),
    Case(
        "console-cp1252-status",
        setup=_emoji_in_the_name,
        command=("status", "{map}"),
        code=0,
        env=CP1252,
        expect=(
            "Halle ? ? ? ",
            "  ? 1.1  Kennismaking",
            "  ? laat de kerngroep als vast overleg samenkomen",
        ),
        absent=("UnicodeEncodeError",),
    ),
    Case(
        "console-cp1252-check",
        setup=_emoji_in_the_name,
        command=("check", "{map}"),
        code=0,
        env=CP1252,
        expect=(
            "livb.yaml:12:9: waarschuwing LIVB105 NIS-code 23027 is Halle, niet 'Halle ? ? ?'\n",
        ),
        absent=("UnicodeEncodeError",),
    ),
]
