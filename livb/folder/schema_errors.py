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


def _value_message(
    kind: str,
    where: str,
    value: object,
    ctx: dict[str, Any],
    error: ErrorDetails,
    hidden: bool = False,
) -> tuple[str, str | None]:
    """The message and hint for an invalid value; a ``hidden`` value is never shown."""

    def word(value: object) -> str:
        return _type_word(value, hidden)

    def told(text: object) -> str:
        return "" if hidden else f" ({text})"

    if value is None and kind.endswith("_type"):
        return f"{where} is leeg", "vul een waarde in of laat de sleutel weg"
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    ):
        return (
            f"{where} is geen geldige datum: {word(value)}",
            "schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14",
        )
    if kind == "value_error" and DATUM_BUITEN_BEREIK in str(ctx.get("error", "")):
        return (
            f"{where}: {'de datum' if hidden else value} ligt niet tussen {JAAR_MIN} en {JAAR_MAX}",
            "verbeter het jaar; schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14",
        )
    if kind == "value_error" and "geen geldige datum" in str(ctx.get("error", "")):
        return (
            f"{where} is geen geldige datum: {word(value)}",
            "schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14",
        )
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        options = [option.strip(" '") for option in expected.replace(" of ", ", ").split(",")]
        guess = suggest(str(value), options) if isinstance(value, str) and not hidden else None
        # A word is shown as it was written; another kind of value says what it is.
        shown = f"'{_short(value)}'" if isinstance(value, str) else word(value)
        message = (
            f"ongeldige waarde {shown} voor {where}"
            if not hidden
            else (f"ongeldige waarde ({word(value)}) voor {where}")
        )
        if guess:
            message += f"; bedoelde je '{guess}'?"
        return message, f"kies uit: {expected}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        subject = where if hidden else f"'{_short(str(value))}'"
        if "A-Za-z0-9" in pattern:
            return (
                f"{subject} is geen geldige id",
                "gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties",
            )
        if pattern == r"^\d{5}$":
            return f"{subject} is geen NIS-code", "een NIS-code heeft vijf cijfers, bv. 23027"
        if "LIVB" in pattern:
            return f"{subject} is geen regelcode", "een regelcode ziet eruit als LIVB301"
        if "[0-5]" in pattern:
            return f"{subject} is geen uur", "schrijf een uur als UU:MM, bv. 14:00"
        return f"{where} heeft niet de verwachte vorm{told(value)}", None
    if kind == "string_too_short":
        return f"{where} is leeg", "vul een tekst in"
    if kind == "string_too_long":
        return f"{where} is te lang", f"hoogstens {ctx.get('max_length')} tekens"
    if kind == "string_type":
        return f"{where} moet tekst zijn, maar is {word(value)}", None
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{where} moet een geheel getal zijn, maar is {word(value)}", None
    if kind in ("float_type", "float_parsing"):
        return (
            f"{where} moet een getal zijn, maar is {word(value)}",
            "schrijf een decimaal getal met een punt, bv. 12.5",
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"{where} moet true of false zijn, maar is {word(value)}", None
    if kind == "list_type":
        return (
            f"{where} moet een lijst zijn, maar is {word(value)}",
            "zet elk element op een eigen regel die begint met '- '",
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (
            f"{where} moet een mapping met sleutels zijn, maar is {word(value)}",
            "schrijf op de volgende regels, ingesprongen, 'sleutel: waarde'",
        )
    if kind in ("greater_than_equal", "less_than_equal") and (
        ctx.get("ge") == JAAR_MIN or ctx.get("le") == JAAR_MAX
    ):
        return (
            f"{where}: {'de waarde' if hidden else _short(str(value))} is geen jaartal tussen "
            f"{JAAR_MIN} en {JAAR_MAX}",
            "schrijf het jaar met vier cijfers, bv. 2024",
        )
    if kind == "finite_number":
        return (
            f"{where} is geen gewoon getal{told(value)}",
            "schrijf een getal, bv. 12.5; laat de sleutel weg als de waarde (nog) onbekend is",
        )
    too_big = kind == "less_than_equal" and ctx.get("le") == GROOTSTE_GETAL
    if too_big or (kind == "float_type" and isinstance(value, int)):
        return (
            f"{where} is te groot ({word(value)})",
            f"hoogstens {integer(GROOTSTE_GETAL, group=' ')}",
        )
    if kind == "greater_than_equal" and ctx.get("ge") == -GROOTSTE_GETAL:
        return (
            f"{where} is te klein ({word(value)})",
            f"minstens {integer(-GROOTSTE_GETAL, group=' ')}",
        )
    if kind in ("greater_than_equal", "greater_than"):
        return f"{where} is te klein{told(value)}", f"minstens {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{where} is te groot{told(value)}", f"hoogstens {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), None
    return f"ongeldige waarde voor {where}: {word(value)}", None
