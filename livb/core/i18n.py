"""The language of what livb writes to the user: the folder's ``taal``, else the environment's.

livb is written in Dutch: every user-facing text in the code is Dutch and is its own message id.
``tr("… {naam} …", naam=x)`` returns the text in the current language, filled in with
``str.format``; :func:`N_` marks a text kept in a constant and translated where it is shown
(``tr(METHODE)``). The French texts live in gettext catalogues, ``livb/locale/fr/*.po`` (one file
per part of livb, read with babel and merged), and ``tests/test_i18n.py`` fails for a marked
Dutch text without French, for a French text whose ``{fields}`` differ from the Dutch, and for
an entry no code uses any more.

Only literal strings may be marked (never an f-string; ``tr``, not ``_``, so that no
throwaway ``_`` of a loop can hide it): the check above reads the code, not its runs. The
docstring of a rule (``livb/method/rules/<rule>.py``) counts as marked too: it is the rule's
explanation, which ``livb check --explain`` shows with ``tr``.

The language is set when a gemeente folder is loaded (:func:`set_language` with livb.yaml's
``taal``); outside a folder it follows ``LIVB_TAAL`` (nl or fr), else the environment's locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``fr…`` gives French, anything else Dutch).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "fr")
"""The languages livb writes: Dutch, the language of the code, and French."""

LOCALES = {"nl": "nl_BE", "fr": "fr_BE"}
"""The CLDR locale of each language: Belgian Dutch and Belgian French."""

CATALOGUES = Path(__file__).resolve().parent.parent / "locale"
"""``<language>/*.po``: the translations of the Dutch texts, one file per part of livb."""

_language: ContextVar[str | None] = ContextVar("livb_language", default=None)


def environment_language() -> str:
    """The language of the user's environment: ``LIVB_TAAL``, else French for a ``fr`` locale.

    Anything else is Dutch (a German-speaking or English locale included).
    """
    own = os.environ.get("LIVB_TAAL", "")
    if own in LANGUAGES:
        return own
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "nl"
    return "nl"


def language() -> str:
    """The language livb writes in now."""
    return _language.get() or environment_language()


def locale() -> str:
    """The CLDR locale of the current language (``nl_BE``, ``fr_BE``)."""
    return LOCALES[language()]


def _known(taal: str | None) -> str | None:
    """``taal`` if livb writes it, else None (the environment's language)."""
    return taal if taal in LANGUAGES else None


def set_language(taal: str | None) -> None:
    """Write in ``taal`` from now on (None: the environment's language again)."""
    _language.set(_known(taal))


@contextmanager
def speaking(taal: str | None) -> Iterator[None]:
    """Write in ``taal`` inside the block, and in the language of before after it."""
    token = _language.set(_known(taal))
    try:
        yield
    finally:
        _language.reset(token)


def N_(message: str) -> str:  # gettext's own name for a marked constant
    """Mark a Dutch text kept in a constant; :func:`tr` translates it where it is shown."""
    return message


def tr(message: str, /, **fields: Any) -> str:
    """``message`` (Dutch) in the current language, with ``fields`` filled in (``{naam}``)."""
    taal = language()
    if taal != "nl":
        message = catalogue(taal).get(message) or message
    return message.format(**fields) if fields else message


def word(value: str) -> str:
    """An enumerated value (a role, a state, a link of the chain) in the current language.

    The values are Dutch in the YAML files and in the code (``burgemeester``, ``preventie``);
    their French lives in the catalogue like any text, marked with :func:`N_` where the model
    names them.
    """
    return translate(value, language())


def translate(message: str, taal: str) -> str:
    """``message`` (Dutch) in ``taal``, unformatted: for a text shown in a named language."""
    if taal == "nl":
        return message
    return catalogue(taal).get(message) or message


@cache
def catalogue(taal: str) -> dict[str, str]:
    """Dutch text → text in ``taal``, from every ``locale/<taal>/*.po`` (untranslated left out)."""
    from babel.messages.pofile import read_po  # only a French run pays for reading the catalogues

    texts: dict[str, str] = {}
    for path in sorted((CATALOGUES / taal).glob("*.po")):
        with path.open("rb") as stream:
            for entry in read_po(stream, locale=taal):
                if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy:
                    texts.setdefault(entry.id, str(entry.string))
    return texts
