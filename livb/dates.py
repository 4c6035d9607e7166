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
    """A date in Dutch words: 21 november 2026 (a date known to the month: november 2007).

    A date known only to the month or the year (``datum: 2007-11``, ``datum: 2007``) is written
    as known: its first day stands in for it in comparisons, never in a text.
    """
    precision = getattr(day, "precisie", "dag")  # livb.model._tijd.VageDatum
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
