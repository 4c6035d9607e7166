"""The base of the model's choice lists: Dutch values that also accept their French word."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Any

from livb.core.i18n import translate


def fold(word: str) -> str:
    """A word without accents, case or separators: 'Président du CPAS' → 'president_du_cpas'."""
    plain = unicodedata.normalize("NFKD", word.strip().casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    for separator in (" ", "-", "'", "’", "\u00a0", "\u202f"):
        plain = plain.replace(separator, "_")
    return plain


class Keuze(StrEnum):
    """A choice list of the YAML files: its values are Dutch, one format for the whole country.

    A French folder may write a value's French word (``rol: bourgmestre``, ``schakel:
    prévention``): it is read as the Dutch value, whatever its accents or case. The French
    words are the catalogue's (livb/locale/fr/model.po), the ones ``i18n.word`` prints, so
    what livb writes reads back. A Dutch value in another case is accepted the same way.
    """

    @classmethod
    def _missing_(cls, value: Any) -> Keuze | None:
        if not isinstance(value, str):
            return None
        wanted = fold(value)
        for member in cls:
            if wanted in (fold(member.value), fold(translate(member.value, "fr"))):
                return member
        return None
