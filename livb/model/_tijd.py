"""Dates known only to the month or the year, for the history a folder reconstructs.

A coordinator who writes down how an older plan came about often knows the month of a
hearing or the year of a decision, not the day: ``datum: 2007-11`` and ``datum: 2007`` say
exactly that. Such a date is allowed where a folder records what happened: decisions,
meetings and interviews (the type :data:`Datering`). Deadlines, action periods, the plan's
period and the date of a next meeting stay exact (:data:`livb.model._base.Datum`): planning
needs a day.

A vague date is a :class:`datetime.date`, its first day, so every comparison and every sort
treats it as that day: it counts as past from its first day on and sorts before the exact
dates of its month or year. Where the order of two events decides a rule ("A comes before
B"), the rule asks :func:`kan_voor` or :func:`zeker_voor`, which look at the whole month or
year, so that a vague date never makes a rule fire on a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import cmp_to_key
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from livb.model._base import JAAR_MAX, JAAR_MIN, plausible_year

T = TypeVar("T")


class Precisie(StrEnum):
    """How precisely a date is known."""

    DAG = "dag"
    MAAND = "maand"
    JAAR = "jaar"


class VageDatum(dt.date):
    """A date known only to the month (``2007-11``) or the year (``2007``).

    The value is the first day of that month or year; ``str()`` and ``isoformat()`` give the
    date as written. Two vague dates are equal when they name the same month or year; a vague
    date never equals an exact date.
    """

    precisie: Precisie = Precisie.DAG
    """Set per instance; the class default covers the copies ``date`` itself makes."""

    def __new__(cls, year: int, month: int | None = None, day: int | None = None) -> VageDatum:
        """The month ``year-month``, or the whole ``year`` when ``month`` is None.

        ``date`` arithmetic and ``replace`` call the class with a day as well: the result is
        then an exact day (precision ``dag``), as a plain date would be.
        """
        self = super().__new__(cls, year, month or 1, day or 1)
        if day is None:
            object.__setattr__(self, "precisie", Precisie.JAAR if month is None else Precisie.MAAND)
        return self

    def isoformat(self) -> str:
        """``2007-11`` or ``2007``."""
        if self.precisie is Precisie.JAAR:
            return f"{self.year:04d}"
        if self.precisie is Precisie.MAAND:
            return f"{self.year:04d}-{self.month:02d}"
        return super().isoformat()

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        if self.precisie is Precisie.DAG:
            return super().__repr__()
        month = "" if self.precisie is Precisie.JAAR else f", {self.month}"
        return f"VageDatum({self.year}{month})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, dt.date) or isinstance(other, dt.datetime):
            return NotImplemented
        return dt.date.__eq__(self, other) and precisie(self) is precisie(other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        if self.precisie is Precisie.DAG:
            return dt.date.__hash__(self)
        return hash((dt.date.__hash__(self), self.precisie.value))

    def __reduce__(self) -> tuple[Any, ...]:
        if self.precisie is Precisie.DAG:
            return dt.date, (self.year, self.month, self.day)
        month = None if self.precisie is Precisie.JAAR else self.month
        return VageDatum, (self.year, month)


def precisie(day: dt.date) -> Precisie:
    """How precisely a date is known: a plain date to the day."""
    return day.precisie if isinstance(day, VageDatum) else Precisie.DAG


def is_vaag(day: dt.date) -> bool:
    """Whether a date is known only to the month or the year."""
    return precisie(day) is not Precisie.DAG


def eerste_dag(day: dt.date) -> dt.date:
    """The first day a date may stand for, as a plain date."""
    return dt.date(day.year, day.month, day.day)


def laatste_dag(day: dt.date) -> dt.date:
    """The last day a date may stand for: the end of its month or year when it is vague."""
    match precisie(day):
        case Precisie.JAAR:
            return dt.date(day.year, 12, 31)
        case Precisie.MAAND:
            return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        case _:
            return eerste_dag(day)


def kan_voor(eerder: dt.date, later: dt.date) -> bool:
    """Whether ``eerder`` may fall on or before ``later`` (true unless surely after it)."""
    return eerste_dag(eerder) <= laatste_dag(later)


def zeker_voor(eerder: dt.date, later: dt.date) -> bool:
    """Whether ``eerder`` surely falls before ``later``, whatever days vague dates stand for."""
    return laatste_dag(eerder) < eerste_dag(later)


def chronologisch(
    items: Iterable[T], datum: Callable[[T], dt.date], tie: Callable[[T], Any] | None = None
) -> list[T]:
    """Oldest first, as a reader expects a vague date among precise ones.

    '2008' may stand for any day of 2008: it is placed before or after '1 februari 2008' as the
    file lists them, not on 1 January. Dates surely apart are in their order; two dates of the
    same day by ``tie`` (when given), else as the file lists them.
    """
    indexed = list(enumerate(items))

    def compare(a: tuple[int, T], b: tuple[int, T]) -> int:
        (i, x), (j, y) = a, b
        dx, dy = datum(x), datum(y)
        if zeker_voor(dx, dy):
            return -1
        if zeker_voor(dy, dx):
            return 1
        if tie is not None and not is_vaag(dx) and not is_vaag(dy):
            tx, ty = tie(x), tie(y)
            if tx != ty:
                return -1 if tx < ty else 1
        return (i > j) - (i < j)

    return [item for _, item in sorted(indexed, key=cmp_to_key(compare))]


_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
# The loader's messages recognise these words and add how to write a date.
_INVALID = "geen geldige datum"


def _year(year: int) -> VageDatum:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(_INVALID)
    return VageDatum(plausible_year(dt.date(year, 1, 1)).year)


def _parse_datering(value: Any) -> Any:
    # pydantic reads an int as a Unix timestamp; here a whole number is a year.
    if isinstance(value, bool | float):
        raise ValueError(_INVALID)
    if isinstance(value, int):
        return _year(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _YEAR.fullmatch(text):
        return _year(int(text))
    month = _MONTH.fullmatch(text)
    if month:
        number = int(month.group(2))
        if not 1 <= number <= 12:
            raise ValueError(f"'{text}' is geen maand: de maand gaat van 01 tot 12")
        return VageDatum(_year(int(month.group(1))).year, number)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_INVALID) from None


Datering = Annotated[
    dt.date,
    BeforeValidator(_parse_datering),
    AfterValidator(plausible_year),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-(0?[1-9]|1[0-2]))?$"},
                {"type": "integer", "minimum": JAAR_MIN, "maximum": JAAR_MAX},
            ]
        }
    ),
    Field(
        description="Een datum als JJJJ-MM-DD; als de dag niet bekend is (geschiedenis), "
        "ook JJJJ-MM of JJJJ, bv. 2007-11."
    ),
]
"""A date of something that happened: exact, or only its month or year (see the module)."""
