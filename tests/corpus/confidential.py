"""Confidential interviews: a message about one names the place and the kind, never the value."""

from __future__ import annotations

from pathlib import Path

from corpus import Case
from corpus.loader import replace

INTERVIEW = "gesprekken/2009-01-20-burgemeester.yaml"
SECRET = "GEHEIM de burgemeester twijfelt"
JSON = ("check", "{map}", "--formaat", "json")


def _not_confidential(root: Path) -> None:
    replace(INTERVIEW, "vertrouwelijk: true", "vertrouwelijk: false")(root)
    replace(INTERVIEW, 'stap: "1.2"', f'stap: "{SECRET}"')(root)


CASES: list[Case] = [
    Case(
        "confidential-invalid-choice-is-not-quoted",
        replace(INTERVIEW, 'stap: "1.2"', f'stap: "{SECRET}"'),
        expect=(
            f"{INTERVIEW}:3:7: fout LIVB012 ongeldige waarde (tekst) voor 'stap'\n",
            "hulp: kies uit: '1.2' of '2.2'",
        ),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-invalid-choice-is-not-in-json-either",
        replace(INTERVIEW, 'stap: "1.2"', f'stap: "{SECRET}"'),
        JSON,
        expect=('"boodschap": "ongeldige waarde (tekst) voor \'stap\'"',),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-invalid-date-is-not-quoted",
        replace(INTERVIEW, "datum: 2009-01-20", f"datum: {SECRET}"),
        expect=(f"{INTERVIEW}:4:8: fout LIVB012 'datum' is geen geldige datum: tekst\n",),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-invalid-id-is-not-quoted",
        replace(INTERVIEW, "met: [dirk-pieters]", f"met: [{SECRET}]"),
        expect=(f"{INTERVIEW}:5:7: fout LIVB012 'met' is geen geldige id\n",),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-flag-itself-invalid-stays-confidential",
        replace(INTERVIEW, "vertrouwelijk: true", f"vertrouwelijk: {SECRET}"),
        expect=(
            f"{INTERVIEW}:7:16: fout LIVB012 'vertrouwelijk' moet true of false zijn, maar is "
            "tekst\n",
        ),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-unknown-key-that-is-text-is-not-quoted",
        replace(INTERVIEW, "samenvatting: >-", f"{SECRET}: x\nsamenvatting: >-"),
        expect=(
            f"{INTERVIEW}:19:1: fout LIVB010 onbekende sleutel\n",
            "hulp: toegelaten sleutels hier: stap, datum, met, door, vertrouwelijk,",
        ),
        absent=("GEHEIM",),
    ),
    Case(
        "confidential-misspelt-key-is-still-named",
        replace(INTERVIEW, "samenvatting: >-", "samenvating: >-"),
        expect=(
            f"{INTERVIEW}:19:1: fout LIVB010 onbekende sleutel 'samenvating'; bedoelde je "
            "'samenvatting'?",
        ),
    ),
    Case(
        "interview-marked-not-confidential-quotes-its-value",
        _not_confidential,
        expect=(
            f"{INTERVIEW}:3:7: fout LIVB012 ongeldige waarde 'GEHEIM de burgemeester twijfelt' "
            "voor 'stap'\n",
        ),
    ),
]
