"""Dates in Dutch words, as documents and messages write them."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    """A date in Dutch words: 21 november 2026; known to the month or year: november 2007, 2007.

    A date known only to the month or the year (``datum: 2007-11``, ``datum: 2007``, a
    ``livb.model._tijd.VageDatum``) carries its precision as ``precisie`` and is written as known:
    its first day stands in for it in comparisons, never in a text.
    """
    precision = str(getattr(day, "precisie", "dag"))
    if precision == "jaar":
        return str(day.year)
    if precision == "maand":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day some months later, or that month's last day (29 February + 12 → 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))
