"""Date arithmetic of the method; dates in words are :mod:`livb.core.formatting`."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from livb.core.formatting import long_date

dutch_date = long_date
"""A date in Dutch words (:func:`livb.core.formatting.long_date`), kept for ``livb.starters``."""


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day some months later, or that month's last day (29 February + 12 → 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))
