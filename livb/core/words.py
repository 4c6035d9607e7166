"""Counts in Dutch words: "1 fout", "2 fouten", never "fout(en)"."""

from __future__ import annotations


def count(number: int, singular: str, plural: str) -> str:
    """The number with the noun that fits it: ``count(1, "fout", "fouten")`` is "1 fout".

    Dutch plurals are irregular (fouten, gegevens, schema's), so the caller names both forms.
    """
    return f"{number} {singular if number == 1 else plural}"
