"""The 565 Belgian municipalities (Statbel REFNIS, 1 January 2025) and the 2025 mergers."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from livb.core import i18n
from livb.core.formatting import long_date
from livb.core.i18n import tr

# The German-speaking community: Amel, Büllingen, Bütgenbach, Eupen, Kelmis, Lontzen, Raeren,
# Sankt Vith, Burg-Reuland. Statbel lists them in the Walloon region like the French-speaking ones.
_GERMAN_SPEAKING = frozenset(
    ("63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087")
)


PROVINCES_FR = {
    "Antwerpen": "Anvers",
    "Henegouwen": "Hainaut",
    "Limburg": "Limbourg",
    "Luik": "Liège",
    "Luxemburg": "Luxembourg",
    "Namen": "Namur",
    "Oost-Vlaanderen": "Flandre orientale",
    "Vlaams-Brabant": "Brabant flamand",
    "Waals-Brabant": "Brabant wallon",
    "West-Vlaanderen": "Flandre occidentale",
}
"""The provinces as gemeenten.csv names them (in Dutch), in French."""


@dataclass(frozen=True)
class Gemeente:
    """A municipality as Statbel lists it."""

    nis: str
    naam_nl: str
    naam_fr: str
    provincie: str
    gewest: str

    @property
    def eigen_naam(self) -> str:
        """The name in the municipality's own language: Liège, Mons; Halle; Eupen."""
        return self.naam_fr if self.taalgebied == "fr" else self.naam_nl

    @property
    def eigen_provincie(self) -> str:
        """The province in the municipality's own language: Liège for Liège, Luik in Dutch."""
        if self.taalgebied == "fr":
            return PROVINCES_FR.get(self.provincie, self.provincie)
        return self.provincie

    @property
    def taalgebied(self) -> str:
        """The language area: 'nl', 'fr', 'de', or 'nl/fr' for bilingual Brussels."""
        if self.nis in _GERMAN_SPEAKING:
            return "de"
        return {"Vlaams Gewest": "nl", "Waals Gewest": "fr"}.get(self.gewest, "nl/fr")


@dataclass(frozen=True)
class Lookup:
    """The answer to a name: the municipality, or why there is none and what was meant.

    Attributes:
        gemeente: the municipality with exactly this name (forgiving case and accents).
        message: why there is none.
        suggestions: what was probably meant.
        merged: the name disappeared in a merger; the first suggestion is its successor.
    """

    gemeente: Gemeente | None
    message: str | None = None
    suggestions: tuple[Gemeente, ...] = ()
    merged: bool = False

    @property
    def meant(self) -> Gemeente | None:
        """The municipality the name stands for today: itself, or its merger's successor."""
        if self.gemeente is not None:
            return self.gemeente
        return self.suggestions[0] if self.merged else None


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").split())


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("livb").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def all_gemeenten() -> dict[str, Gemeente]:
    """Every municipality by NIS code."""
    return {row["nis"]: Gemeente(**row) for row in _read("gemeenten.csv")}


@cache
def _by_name() -> dict[str, Gemeente]:
    found: dict[str, Gemeente] = {}
    for gemeente in all_gemeenten().values():
        found.setdefault(_fold(gemeente.naam_nl), gemeente)
        found.setdefault(_fold(gemeente.naam_fr), gemeente)
    return found


@cache
def _mergers() -> dict[str, tuple[str, str]]:
    return {_fold(row["oude_naam"]): (row["nis"], row["datum"]) for row in _read("fusies.csv")}


@dataclass(frozen=True)
class Former:
    """A municipality that merged into another: its name and, where known, its NIS code."""

    naam: str
    nis: str | None
    datum: dt.date


@cache
def former_municipalities(nis: str) -> tuple[Former, ...]:
    """The municipalities that merged into the one with this NIS code (2025), from fusies.csv.

    Each with its NIS code of before the merger (``oude_nis``), so a table of those years is
    read by code as well as by name. A name the merged municipality kept (Hasselt took in
    Kortessem) is listed too, with its own former code (71022, now 71072).
    """
    return tuple(
        Former(row["oude_naam"], row.get("oude_nis") or None, dt.date.fromisoformat(row["datum"]))
        for row in _read("fusies.csv")
        if row["nis"] == nis
    )


def by_nis(nis: str) -> Gemeente | None:
    """The municipality with this NIS code, or None."""
    return all_gemeenten().get(nis)


def lookup(name: str) -> Lookup:
    """Find a municipality by its Dutch or French name, forgiving case and accents.

    A name that disappeared in the mergers of 2025 and a name that is close to a real one
    get a message with the municipality that was probably meant.
    """
    folded = _fold(name)
    exact = _by_name().get(folded)
    if exact is not None:
        return Lookup(exact)
    merged = _mergers().get(folded)
    if merged is not None:
        successor = all_gemeenten()[merged[0]]
        return Lookup(
            None,
            tr(
                "{naam} bestaat niet meer als gemeente: ze is op {datum} gefusioneerd tot "
                "{opvolger} (NIS {nis})",
                naam=name,
                datum=long_date(dt.date.fromisoformat(merged[1])),
                opvolger=successor.naam_fr if i18n.language() == "fr" else successor.naam_nl,
                nis=successor.nis,
            ),
            (successor,),
            merged=True,
        )
    names = list(_by_name())
    close = difflib.get_close_matches(folded, names, n=3, cutoff=0.75)
    suggestions = tuple(dict.fromkeys(_by_name()[match] for match in close))
    return Lookup(
        None,
        tr("'{naam}' staat niet in de lijst van de 565 Belgische gemeenten", naam=name),
        suggestions,
    )


@cache
def _steden() -> frozenset[str]:
    text = resources.files("livb").joinpath("data", "steden.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return frozenset(row["nis"] for row in csv.DictReader(lines))


def is_city(nis: str) -> bool:
    """Whether the municipality with this NIS code carries the title of city (stad, ville).

    The list in livb/data/steden.csv is partial (its header says which pages it comes from):
    False means "not known to be a city", so a caller keeps the user's own choice open.
    """
    return nis in _steden()
