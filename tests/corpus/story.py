"""The folder's story: vague dates, own chain words, hearings, local rule switches, status."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from corpus import Case

MEETING = "vergaderingen/2009-05-19-kerngroep.yaml"


def change(relative: str, edit: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")

    return apply


def add(relative: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / relative).write_text(text, encoding="utf-8")

    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)

    return apply


HEARINGS = "overleg:\n  - {id: hoorzittingen, naam: Hoorzittingen, soort: hoorzitting}\n"
CHECK = ("check", "{map}", "--datum", "2026-11-21")

CASES: list[Case] = [
    Case(
        "vage-datum-maand-13",
        change(MEETING, lambda t: t.replace("datum: 2009-05-19", "datum: 2009-13")),
        CHECK,
        expect=(
            f"{MEETING}:6:8: fout LIVB012 '2009-13' is geen maand: de maand gaat van 01 tot 12",
        ),
    ),
    Case(
        "vage-datum-jaar-1850",
        change("besluiten.yaml", lambda t: t.replace("    datum: 2009-11-09", "    datum: 1850")),
        CHECK,
        expect=(
            "besluiten.yaml:60:12: fout LIVB012 'datum': 1850 ligt niet tussen 1900 en 2100",
            "hulp: verbeter het jaar; schrijf een datum als JJJJ-MM-DD",
        ),
    ),
    Case(
        "alle-besluiten-enkel-met-een-jaar",
        change("besluiten.yaml", lambda t: re.sub(r"datum: (\d{4})-\d\d-\d\d", r"datum: \1", t)),
        ("status", "{map}", "--datum", "2026-11-21"),
        code=0,
        expect=(
            "Goedkeuring door college en gemeenteraad             klaar               2010 ",
            "Controle: 0 fouten, 0 waarschuwingen",
        ),
    ),
    Case(
        "keten-hernoemt-een-schakel-van-de-methode",
        change("livb.yaml", lambda t: t + "keten: {nazorg: preventie}\n"),
        CHECK,
        expect=("livb.yaml:37:8: fout LIVB012 'nazorg' is al een schakel van de methode",),
    ),
    Case(
        "eigen-woord-voor-de-keten-met-een-tikfout",
        change(
            "doelstellingen/inbraken.yaml",
            lambda t: t.replace("schakel: nazorg", "schakel: nazrog"),
        ),
        CHECK,
        expect=(
            "doelstellingen/inbraken.yaml:61:22: fout LIVB108 onbekende schakel 'nazrog'; "
            "bedoelde je 'nazorg'?",
        ),
    ),
    Case(
        "regel-uit-voor-een-onbekende-vergadering",
        change(
            "livb.yaml",
            lambda t: t.replace(
                "  uitgeschakeld: []",
                "  uitgeschakeld:\n    - {code: LIVB301, voor: 2009-11-24-pg-samenlven, "
                "reden: bestaand overleg}",
            ),
        ),
        CHECK,
        code=0,
        expect=(
            "livb.yaml:37:29: waarschuwing LIVB006 '2009-11-24-pg-samenlven' is geen id en geen "
            "bestand van deze map; LIVB301 blijft daar dus aan",
        ),
    ),
    Case(
        "negatief-aantal-deelnemers",
        change(MEETING, lambda t: t + "deelnemers: -3\n"),
        CHECK,
        expect=(f"{MEETING}:50:13: fout LIVB012 'deelnemers' is te klein (-3)",),
    ),
    Case(
        "verslaggever-als-mapping",
        change(
            MEETING,
            lambda t: t.replace("verslaggever: els-janssens", "verslaggever: {naam: els}"),
        ),
        CHECK,
        expect=(
            f"{MEETING}:10:15: fout LIVB012 'verslaggever' moet een lijst zijn, maar is een "
            "mapping",
        ),
    ),
    Case(
        "hoorzitting-met-een-tikfout-in-het-orgaan",
        both(
            change("organen.yaml", lambda t: t + HEARINGS),
            add(
                "vergaderingen/2009-06-hoorzitting.yaml",
                "orgaan: hoorzitingen\ndatum: 2009-06\ndeelnemers: 30\n",
            ),
        ),
        CHECK,
        expect=(
            "vergaderingen/2009-06-hoorzitting.yaml:1:9: fout LIVB101 onbekende orgaan "
            "'hoorzitingen'; bedoelde je 'hoorzittingen'?",
        ),
    ),
    Case(
        "onbekende-soort-overleg",
        change("organen.yaml", lambda t: t + HEARINGS.replace("soort: hoorzitting", "soort: x")),
        CHECK,
        expect=(
            "organen.yaml:46:53: fout LIVB012 ongeldige waarde 'x' voor 'soort'",
            "hulp: kies uit: 'hoorzitting', 'forum', 'werkgroep' of 'andere'",
        ),
    ),
]
