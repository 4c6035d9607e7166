"""The 565 Belgian municipalities (Statbel REFNIS, 1 January 2025) and the 2025 mergers."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from livb.dates import dutch_date


@dataclass(frozen=True)
class Gemeente:
    """A municipality as Statbel lists it."""

    nis: str
    naam_nl: str
    naam_fr: str
    provincie: str
    gewest: str


@dataclass(frozen=True)
class Lookup:
    """The answer to a name: the municipality, or why there is none and what was meant."""

    gemeente: Gemeente | None
    message: str | None = None
    suggestions: tuple[Gemeente, ...] = ()


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
            f"{name} bestaat niet meer als gemeente: ze is op "
            f"{dutch_date(dt.date.fromisoformat(merged[1]))} "
            f"gefusioneerd tot {successor.naam_nl} (NIS {successor.nis})",
            (successor,),
        )
    names = list(_by_name())
    close = difflib.get_close_matches(folded, names, n=3, cutoff=0.75)
    suggestions = tuple(dict.fromkeys(_by_name()[match] for match in close))
    return Lookup(
        None, f"'{name}' staat niet in de lijst van de 565 Belgische gemeenten", suggestions
    )
