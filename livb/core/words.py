"""Counts in words: "1 fout", "2 fouten", never "fout(en)"; "0 erreur" in French."""

from __future__ import annotations

from livb.core import i18n


def count(number: int, singular: str, plural: str) -> str:
    """The number with the noun that fits it: ``count(1, "fout", "fouten")`` is "1 fout".

    Plurals are irregular (fouten, gegevens, schema's), so the caller names both forms, each in
    the current language (``count(n, tr("fout"), tr("fouten"))``). French takes the singular for
    0 and 1 ("0 erreur"), Dutch only for 1 ("0 fouten").
    """
    single = number in (0, 1) if i18n.language() == "fr" else number == 1
    return f"{number} {singular if single else plural}"
