"""Turning pydantic's validation errors into Dutch messages that say what to do."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from livb.core.formatting import integer
from livb.model._base import DATUM_BUITEN_BEREIK, GROOTSTE_GETAL, JAAR_MAX, JAAR_MIN

UNKNOWN_KEY = "LIVB010"
MISSING_KEY = "LIVB011"
INVALID_VALUE = "LIVB012"


@dataclass(frozen=True)
class SchemaProblem:
    """A validation error in Dutch, with the path it points to."""

    code: str
    loc: tuple[int | str, ...]
    at_key: bool
    message: str
    hint: str | None = None
    key: str | None = None
    """For a missing key: its name."""
    suggestion: str | None = None
    """For an unknown key: the allowed key it probably meant."""


def _type_word(value: object, hidden: bool = False) -> str:
    """What kind of value it is, with the value itself unless it is ``hidden``."""
    if value is None:
        return "niets (de waarde is leeg)"
    if isinstance(value, bool):
        return "ja/nee" if hidden else f"ja/nee ({str(value).lower()})"
    if isinstance(value, int | float):
        return "een getal" if hidden else f"een getal ({_short(str(value))})"
    if isinstance(value, str):
        return "tekst" if hidden else f"tekst ('{_short(value)}')"
    if isinstance(value, dt.date):
        return "een datum" if hidden else f"een datum ({value.isoformat()})"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping (sleutels met waarden)"
    return type(value).__name__


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold, looking through Optional, lists and dicts."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict, tuple):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` inside ``model``."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or part not in current.model_fields:
            continue
        candidates = _unwrap(current.model_fields[part].annotation)
        current = candidates[0] if candidates else None
    return current


def allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys a mapping at ``loc`` may have."""
    found = model_at(model, loc)
    return list(found.model_fields) if found is not None else []


def suggest(word: str, options: list[str]) -> str | None:
    """The option closest to ``word``, when it is close enough to be a typo."""
    folded = {option.casefold(): option for option in options}
    matches = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def translate(
    error: ErrorDetails,
    model: type[BaseModel],
    *,
    as_option: bool = False,
    confidential: bool = False,
) -> SchemaProblem:
    """One pydantic error as a Dutch problem, pointing at the right key or value.

    Args:
        error: an entry of ``ValidationError.errors()``.
        model: the model of the whole file, to find the keys allowed where a key is unknown.
        as_option: the value came from a command-line option: the message names it as
            ``--key`` rather than as a key of a file.
        confidential: the file is confidential (an interview): the message names the place
            and the kind of value expected, never the value (check output lands in CI logs
            and mails); an unknown key is named only when it looks like a key.
    """
    kind = error["type"]
    loc = tuple(error["loc"])
    at_key = loc[-1:] == ("[key]",)  # a key of a mapping (a year in 'waarden') is wrong
    if at_key:
        loc = loc[:-1]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")

    if kind == "extra_forbidden":
        options = allowed_keys(model, loc[:-1])
        guess = suggest(str(loc[-1]), options)
        shown = not confidential or _KEY_LIKE.fullmatch(str(loc[-1]))
        message = f"onbekende sleutel '{loc[-1]}'" if shown else "onbekende sleutel"
        if guess:
            return SchemaProblem(
                UNKNOWN_KEY,
                loc,
                True,
                f"{message}; bedoelde je '{guess}'?",
                f"verbeter de schrijfwijze: '{guess}'",
                suggestion=guess,
            )
        hint = "toegelaten sleutels hier: " + ", ".join(options) if options else None
        return SchemaProblem(UNKNOWN_KEY, loc, True, message, hint)
    if kind == "missing":
        return SchemaProblem(
            MISSING_KEY,
            loc[:-1],
            False,
            f"de verplichte sleutel '{loc[-1]}' ontbreekt",
            f"voeg '{loc[-1]}: …' toe",
            key=str(loc[-1]),
        )
    where = (f"--{key}" if as_option else f"'{key}'") if key else "de waarde"
    message, hint = _value_message(kind, where, value, ctx, error, confidential)
    if confidential:
        message = _without(message, value)
    return SchemaProblem(INVALID_VALUE, loc, at_key, message, hint)


_KEY_LIKE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _without(message: str, value: object) -> str:
    """The message with the value left out, should a model's own message quote it."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        if len(text) >= 2:  # a single character is no secret, and would eat the message
            message = message.replace(text, "…")
    return message


_Message = tuple[str, str | None]
_DATE_KINDS = (
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
)
_DATE_HINT = "schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14"


@dataclass(frozen=True)
class _Invalid:
    """One invalid value as pydantic reported it, and how the message may name it."""

    kind: str
    where: str
    value: object
    ctx: dict[str, Any]
    error: ErrorDetails
    hidden: bool

    def word(self) -> str:
        """What the value is, in Dutch ('de tekst 'x'', 'een lijst'); never the value if hidden."""
        return _type_word(self.value, self.hidden)

    def told(self) -> str:
        """The value in brackets after a message, unless it is hidden."""
        return "" if self.hidden else f" ({self.value})"

    @property
    def model_error(self) -> str:
        return str(self.ctx.get("error", ""))


def _value_message(
    kind: str,
    where: str,
    value: object,
    ctx: dict[str, Any],
    error: ErrorDetails,
    hidden: bool = False,
) -> _Message:
    """The message and hint for an invalid value; a ``hidden`` value is never shown.

    Each step below knows one family of pydantic's error kinds and answers None for the
    others; the first answer counts.
    """
    invalid = _Invalid(kind, where, value, ctx, error, hidden)
    for step in _STEPS:
        answer = step(invalid)
        if answer is not None:
            return answer
    return f"ongeldige waarde voor {where}: {invalid.word()}", None


def _empty(invalid: _Invalid) -> _Message | None:
    if invalid.value is None and invalid.kind.endswith("_type"):
        return f"{invalid.where} is leeg", "vul een waarde in of laat de sleutel weg"
    return None


def _date(invalid: _Invalid) -> _Message | None:
    where = invalid.where
    if invalid.kind in _DATE_KINDS:
        return f"{where} is geen geldige datum: {invalid.word()}", _DATE_HINT
    if invalid.kind != "value_error":
        return None
    if DATUM_BUITEN_BEREIK in invalid.model_error:
        shown = "de datum" if invalid.hidden else invalid.value
        return (
            f"{where}: {shown} ligt niet tussen {JAAR_MIN} en {JAAR_MAX}",
            "verbeter het jaar; " + _DATE_HINT,
        )
    if "geen geldige datum" in invalid.model_error:
        return f"{where} is geen geldige datum: {invalid.word()}", _DATE_HINT
    return None


def _choice(invalid: _Invalid) -> _Message | None:
    if invalid.kind not in ("enum", "literal_error"):
        return None
    value, hidden = invalid.value, invalid.hidden
    expected = str(invalid.ctx.get("expected", "")).replace(" or ", " of ")
    options = [option.strip(" '") for option in expected.replace(" of ", ", ").split(",")]
    guess = suggest(str(value), options) if isinstance(value, str) and not hidden else None
    # A word is shown as it was written; another kind of value says what it is.
    shown = f"'{_short(value)}'" if isinstance(value, str) else invalid.word()
    message = (
        f"ongeldige waarde {shown} voor {invalid.where}"
        if not hidden
        else f"ongeldige waarde ({invalid.word()}) voor {invalid.where}"
    )
    if guess:
        message += f"; bedoelde je '{guess}'?"
    return message, f"kies uit: {expected}"


_PATTERNS = (
    (
        "A-Za-z0-9",
        "is geen geldige id",
        "gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties",
    ),
    ("LIVB", "is geen regelcode", "een regelcode ziet eruit als LIVB301"),
    ("[0-5]", "is geen uur", "schrijf een uur als UU:MM, bv. 14:00"),
)


def _pattern(invalid: _Invalid) -> _Message | None:
    if invalid.kind != "string_pattern_mismatch":
        return None
    pattern = str(invalid.ctx.get("pattern", ""))
    subject = invalid.where if invalid.hidden else f"'{_short(str(invalid.value))}'"
    if pattern == r"^\d{5}$":
        return f"{subject} is geen NIS-code", "een NIS-code heeft vijf cijfers, bv. 23027"
    for part, what, hint in _PATTERNS:
        if part in pattern:
            return f"{subject} {what}", hint
    return f"{invalid.where} heeft niet de verwachte vorm{invalid.told()}", None


_TYPES: dict[str, tuple[str, str | None]] = {
    "string_type": ("moet tekst zijn", None),
    "int_type": ("moet een geheel getal zijn", None),
    "int_parsing": ("moet een geheel getal zijn", None),
    "int_from_float": ("moet een geheel getal zijn", None),
    "float_type": ("moet een getal zijn", "schrijf een decimaal getal met een punt, bv. 12.5"),
    "float_parsing": ("moet een getal zijn", "schrijf een decimaal getal met een punt, bv. 12.5"),
    "bool_type": ("moet true of false zijn", None),
    "bool_parsing": ("moet true of false zijn", None),
    "list_type": (
        "moet een lijst zijn",
        "zet elk element op een eigen regel die begint met '- '",
    ),
    "dict_type": (
        "moet een mapping met sleutels zijn",
        "schrijf op de volgende regels, ingesprongen, 'sleutel: waarde'",
    ),
}
_TYPES["model_type"] = _TYPES["model_attributes_type"] = _TYPES["dict_type"]


def _text_or_type(invalid: _Invalid) -> _Message | None:
    if invalid.kind == "string_too_short":
        return f"{invalid.where} is leeg", "vul een tekst in"
    if invalid.kind == "string_too_long":
        return f"{invalid.where} is te lang", f"hoogstens {invalid.ctx.get('max_length')} tekens"
    if invalid.kind in _TYPES:
        must, hint = _TYPES[invalid.kind]
        return f"{invalid.where} {must}, maar is {invalid.word()}", hint
    return None


def _year_or_number(invalid: _Invalid) -> _Message | None:
    kind, ctx, where = invalid.kind, invalid.ctx, invalid.where
    if kind in ("greater_than_equal", "less_than_equal") and (
        ctx.get("ge") == JAAR_MIN or ctx.get("le") == JAAR_MAX
    ):
        shown = "de waarde" if invalid.hidden else _short(str(invalid.value))
        return (
            f"{where}: {shown} is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}",
            "schrijf het jaar met vier cijfers, bv. 2024",
        )
    if kind == "finite_number":
        return (
            f"{where} is geen gewoon getal{invalid.told()}",
            "schrijf een getal, bv. 12.5; laat de sleutel weg als de waarde (nog) onbekend is",
        )
    if kind == "less_than_equal" and ctx.get("le") == GROOTSTE_GETAL:
        return (
            f"{where} is te groot ({invalid.word()})",
            f"hoogstens {integer(GROOTSTE_GETAL, group=' ')}",
        )
    if kind == "greater_than_equal" and ctx.get("ge") == -GROOTSTE_GETAL:
        return (
            f"{where} is te klein ({invalid.word()})",
            f"minstens {integer(-GROOTSTE_GETAL, group=' ')}",
        )
    if kind in ("greater_than_equal", "greater_than"):
        return f"{where} is te klein{invalid.told()}", f"minstens {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{where} is te groot{invalid.told()}", f"hoogstens {ctx.get('le', ctx.get('lt'))}"
    return None


def _model_says(invalid: _Invalid) -> _Message | None:
    if invalid.kind == "value_error":
        return str(invalid.ctx.get("error", invalid.error["msg"])), None
    return None


_STEPS = (_empty, _date, _choice, _pattern, _text_or_type, _year_or_number, _model_says)
