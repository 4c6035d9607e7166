"""Pydantic's validation errors as messages that say what to do, in the folder's language."""

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

from livb.core import i18n
from livb.core.formatting import integer
from livb.core.i18n import N_, tr
from livb.model._base import DATUM_BUITEN_BEREIK, GROOTSTE_GETAL, JAAR_MAX, JAAR_MIN

UNKNOWN_KEY = "LIVB010"
MISSING_KEY = "LIVB011"
INVALID_VALUE = "LIVB012"


@dataclass(frozen=True)
class SchemaProblem:
    """A validation error in the current language, with the path it points to."""

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
        return tr("niets (de waarde is leeg)")
    if isinstance(value, bool):
        return tr("ja/nee") if hidden else tr("ja/nee ({waarde})", waarde=str(value).lower())
    if isinstance(value, int | float):
        return tr("een getal") if hidden else tr("een getal ({waarde})", waarde=_short(str(value)))
    if isinstance(value, str):
        return tr("tekst") if hidden else tr("tekst ('{waarde}')", waarde=_short(value))
    if isinstance(value, dt.date):
        return tr("een datum") if hidden else tr("een datum ({waarde})", waarde=value.isoformat())
    if isinstance(value, list):
        return tr("een lijst")
    if isinstance(value, dict):
        return tr("een mapping (sleutels met waarden)")
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
    """One pydantic error as a problem in the current language, pointing at the right place.

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
        return _unknown_key(loc, model, confidential)
    if kind == "missing":
        return SchemaProblem(
            MISSING_KEY,
            loc[:-1],
            False,
            tr("de verplichte sleutel '{sleutel}' ontbreekt", sleutel=loc[-1]),
            tr("voeg '{sleutel}: …' toe", sleutel=loc[-1]),
            key=str(loc[-1]),
        )
    where = (f"--{key}" if as_option else f"'{key}'") if key else tr("de waarde")
    message, hint = _value_message(kind, where, value, ctx, error, confidential)
    if confidential:
        message = _without(message, value)
    return SchemaProblem(INVALID_VALUE, loc, at_key, message, hint)


def _unknown_key(
    loc: tuple[int | str, ...], model: type[BaseModel], confidential: bool
) -> SchemaProblem:
    """A key the model does not know, with the allowed key it probably meant."""
    options = allowed_keys(model, loc[:-1])
    guess = suggest(str(loc[-1]), options)
    shown = not confidential or _KEY_LIKE.fullmatch(str(loc[-1]))
    if guess:
        message = (
            tr("onbekende sleutel '{sleutel}'; bedoelde je '{gok}'?", sleutel=loc[-1], gok=guess)
            if shown
            else tr("onbekende sleutel; bedoelde je '{gok}'?", gok=guess)
        )
        return SchemaProblem(
            UNKNOWN_KEY,
            loc,
            True,
            message,
            tr("verbeter de schrijfwijze: '{gok}'", gok=guess),
            suggestion=guess,
        )
    message = (
        tr("onbekende sleutel '{sleutel}'", sleutel=loc[-1]) if shown else tr("onbekende sleutel")
    )
    hint = (
        tr("toegelaten sleutels hier: {sleutels}", sleutels=", ".join(options)) if options else None
    )
    return SchemaProblem(UNKNOWN_KEY, loc, True, message, hint)


_KEY_LIKE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _without(message: str, value: object) -> str:
    """The message with the value left out, should a model's own message quote it."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        if len(text) >= 2:  # a single character is no secret, and would eat the message
            message = message.replace(text, "…")
    return message


def _says(model_error: str, dutch: str) -> bool:
    """Whether a model's own message holds ``dutch``, in any language livb writes.

    The model layer writes its messages in the folder's language; the Dutch text is the key.
    """
    return any(i18n.translate(dutch, taal) in model_error for taal in i18n.LANGUAGES)


_Message = tuple[str, str | None]
_DATE_KINDS = (
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
)
_DATE_HINT = N_("schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14")


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
        """What the value is ('tekst ('x')', 'een lijst'); never the value if it is hidden."""
        return _type_word(self.value, self.hidden)

    def say(self, plain: str, told: str, **fields: Any) -> str:
        """``told`` with the value as ``{waarde}``, or ``plain`` when the value is hidden."""
        if self.hidden:
            return tr(plain, waar=self.where, **fields)
        return tr(told, waar=self.where, waarde=self.value, **fields)

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
    return tr("ongeldige waarde voor {waar}: {wat}", waar=where, wat=invalid.word()), None


def _empty(invalid: _Invalid) -> _Message | None:
    if invalid.value is None and invalid.kind.endswith("_type"):
        return (
            tr("{waar} is leeg", waar=invalid.where),
            tr("vul een waarde in of laat de sleutel weg"),
        )
    return None


def _date(invalid: _Invalid) -> _Message | None:
    where = invalid.where
    not_a_date = tr("{waar} is geen geldige datum: {wat}", waar=where, wat=invalid.word())
    if invalid.kind in _DATE_KINDS:
        return not_a_date, tr(_DATE_HINT)
    if invalid.kind != "value_error":
        return None
    if _says(invalid.model_error, DATUM_BUITEN_BEREIK):
        shown = tr("de datum") if invalid.hidden else invalid.value
        return (
            tr(
                "{waar}: {datum} ligt niet tussen {van} en {tot}",
                waar=where,
                datum=shown,
                van=JAAR_MIN,
                tot=JAAR_MAX,
            ),
            tr("verbeter het jaar; schrijf een datum als JJJJ-MM-DD, bv. 2026-03-14"),
        )
    if _says(invalid.model_error, "geen geldige datum"):
        return not_a_date, tr(_DATE_HINT)
    return None


def _choices(expected: str) -> str:
    """The choices pydantic lists (``'a', 'b' or 'c'``), their last word in the current language."""
    head, separator, last = expected.rpartition(" or ")
    return tr("{keuzes} of {laatste}", keuzes=head, laatste=last) if separator else expected


def _choice(invalid: _Invalid) -> _Message | None:
    if invalid.kind not in ("enum", "literal_error"):
        return None
    value, hidden = invalid.value, invalid.hidden
    expected = str(invalid.ctx.get("expected", ""))
    options = [option.strip(" '") for option in expected.replace(" or ", ", ").split(",")]
    guess = suggest(str(value), options) if isinstance(value, str) and not hidden else None
    # A word is shown as it was written; another kind of value says what it is.
    shown = f"'{_short(value)}'" if isinstance(value, str) else invalid.word()
    if hidden:
        message = tr("ongeldige waarde ({wat}) voor {waar}", wat=invalid.word(), waar=invalid.where)
    elif guess:
        message = tr(
            "ongeldige waarde {waarde} voor {waar}; bedoelde je '{gok}'?",
            waarde=shown,
            waar=invalid.where,
            gok=guess,
        )
    else:
        message = tr("ongeldige waarde {waarde} voor {waar}", waarde=shown, waar=invalid.where)
    return message, tr("kies uit: {keuzes}", keuzes=_choices(expected))


_PATTERNS = (
    (
        "A-Za-z0-9",
        N_("{onderwerp} is geen geldige id"),
        N_("gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties"),
    ),
    ("LIVB", N_("{onderwerp} is geen regelcode"), N_("een regelcode ziet eruit als LIVB301")),
    ("[0-5]", N_("{onderwerp} is geen uur"), N_("schrijf een uur als UU:MM, bv. 14:00")),
)


def _pattern(invalid: _Invalid) -> _Message | None:
    if invalid.kind != "string_pattern_mismatch":
        return None
    pattern = str(invalid.ctx.get("pattern", ""))
    subject = invalid.where if invalid.hidden else f"'{_short(str(invalid.value))}'"
    if pattern == r"^\d{5}$":
        return (
            tr("{onderwerp} is geen NIS-code", onderwerp=subject),
            tr("een NIS-code heeft vijf cijfers, bv. 23027"),
        )
    for part, what, hint in _PATTERNS:
        if part in pattern:
            return tr(what, onderwerp=subject), tr(hint)
    return (
        invalid.say(
            N_("{waar} heeft niet de verwachte vorm"),
            N_("{waar} heeft niet de verwachte vorm ({waarde})"),
        ),
        None,
    )


_DECIMAL_HINT = N_("schrijf een decimaal getal met een punt, bv. 12.5")
_TYPES: dict[str, tuple[str, str | None]] = {
    "string_type": (N_("{waar} moet tekst zijn, maar is {wat}"), None),
    "int_type": (N_("{waar} moet een geheel getal zijn, maar is {wat}"), None),
    "int_parsing": (N_("{waar} moet een geheel getal zijn, maar is {wat}"), None),
    "int_from_float": (N_("{waar} moet een geheel getal zijn, maar is {wat}"), None),
    "float_type": (N_("{waar} moet een getal zijn, maar is {wat}"), _DECIMAL_HINT),
    "float_parsing": (N_("{waar} moet een getal zijn, maar is {wat}"), _DECIMAL_HINT),
    "bool_type": (N_("{waar} moet true of false zijn, maar is {wat}"), None),
    "bool_parsing": (N_("{waar} moet true of false zijn, maar is {wat}"), None),
    "list_type": (
        N_("{waar} moet een lijst zijn, maar is {wat}"),
        N_("zet elk element op een eigen regel die begint met '- '"),
    ),
    "dict_type": (
        N_("{waar} moet een mapping met sleutels zijn, maar is {wat}"),
        N_("schrijf op de volgende regels, ingesprongen, 'sleutel: waarde'"),
    ),
}
"""pydantic's kinds of wrong type: the message (``{waar}`` and what it is, ``{wat}``), the hint."""
_TYPES["model_type"] = _TYPES["model_attributes_type"] = _TYPES["dict_type"]


def _text_or_type(invalid: _Invalid) -> _Message | None:
    if invalid.kind == "string_too_short":
        return tr("{waar} is leeg", waar=invalid.where), tr("vul een tekst in")
    if invalid.kind == "string_too_long":
        return (
            tr("{waar} is te lang", waar=invalid.where),
            tr("hoogstens {aantal} tekens", aantal=invalid.ctx.get("max_length")),
        )
    if invalid.kind in _TYPES:
        must, hint = _TYPES[invalid.kind]
        return tr(must, waar=invalid.where, wat=invalid.word()), tr(hint) if hint else None
    return None


def _year_or_number(invalid: _Invalid) -> _Message | None:
    kind, ctx, where = invalid.kind, invalid.ctx, invalid.where
    if kind in ("greater_than_equal", "less_than_equal") and (
        ctx.get("ge") == JAAR_MIN or ctx.get("le") == JAAR_MAX
    ):
        shown = tr("de waarde") if invalid.hidden else _short(str(invalid.value))
        return (
            tr(
                "{waar}: {waarde} is geen jaartal tussen {van} en {tot}",
                waar=where,
                waarde=shown,
                van=JAAR_MIN,
                tot=JAAR_MAX,
            ),
            tr("schrijf het jaar met vier cijfers, bv. 2024"),
        )
    if kind == "finite_number":
        return (
            invalid.say(
                N_("{waar} is geen gewoon getal"), N_("{waar} is geen gewoon getal ({waarde})")
            ),
            tr("schrijf een getal, bv. 12.5; laat de sleutel weg als de waarde (nog) onbekend is"),
        )
    return _too_big_or_small(invalid)


def _too_big_or_small(invalid: _Invalid) -> _Message | None:
    kind, ctx, where = invalid.kind, invalid.ctx, invalid.where
    if kind == "less_than_equal" and ctx.get("le") == GROOTSTE_GETAL:
        return (
            tr("{waar} is te groot ({wat})", waar=where, wat=invalid.word()),
            tr("hoogstens {grens}", grens=integer(GROOTSTE_GETAL, group=" ")),
        )
    if kind == "greater_than_equal" and ctx.get("ge") == -GROOTSTE_GETAL:
        return (
            tr("{waar} is te klein ({wat})", waar=where, wat=invalid.word()),
            tr("minstens {grens}", grens=integer(-GROOTSTE_GETAL, group=" ")),
        )
    if kind in ("greater_than_equal", "greater_than"):
        return (
            invalid.say(N_("{waar} is te klein"), N_("{waar} is te klein ({waarde})")),
            tr("minstens {grens}", grens=ctx.get("ge", ctx.get("gt"))),
        )
    if kind in ("less_than_equal", "less_than"):
        return (
            invalid.say(N_("{waar} is te groot"), N_("{waar} is te groot ({waarde})")),
            tr("hoogstens {grens}", grens=ctx.get("le", ctx.get("lt"))),
        )
    return None


def _model_says(invalid: _Invalid) -> _Message | None:
    if invalid.kind == "value_error":
        return str(invalid.ctx.get("error", invalid.error["msg"])), None
    return None


_STEPS = (_empty, _date, _choice, _pattern, _text_or_type, _year_or_number, _model_says)
