"""Dates in Dutch words, as documents and messages write them."""

from __future__ import annotations

import datetime as dt

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
    """A date in Dutch words: 21 november 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
