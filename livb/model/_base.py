"""Shared building blocks of the schemas: the base model, ids, references and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)


class LivbModel(BaseModel):
    """Base of every schema: unknown keys are errors, numbers are accepted where text is asked."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        use_attribute_docstrings=True,
    )


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Korte, vaste naam zonder spaties (letters, cijfers, '-', '_', '.')."),
]


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to something defined elsewhere in the folder.

    Attributes:
        kind: what the id must name (``actor``, ``orgaan``, ``prioriteit``, ...).
    """

    kind: str


JAAR_MIN, JAAR_MAX = 1900, 2100
DATUM_BUITEN_BEREIK = f"de datum ligt niet tussen {JAAR_MIN} en {JAAR_MAX}"


def _reject_numbers_as_dates(value: Any) -> Any:
    # pydantic reads an int as a Unix timestamp; in a YAML file that is always a typo.
    if isinstance(value, bool | int | float):
        raise ValueError("geen geldige datum")
    return value


def plausible_year(value: dt.date) -> dt.date:
    """A date of a plausible year (1900–2100): an older or later one is a typo."""
    if not JAAR_MIN <= value.year <= JAAR_MAX:
        raise ValueError(DATUM_BUITEN_BEREIK)
    return value


Datum = Annotated[
    dt.date,
    BeforeValidator(_reject_numbers_as_dates),
    AfterValidator(plausible_year),
    Field(description="Een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-14."),
]

Tekst = Annotated[str, StringConstraints(min_length=1)]

GROOTSTE_GETAL = 1e12
"""No figure, count or amount of a municipality comes near a million million."""

Jaar = Annotated[
    int,
    Field(ge=JAAR_MIN, le=JAAR_MAX, description="Een jaartal met vier cijfers, bv. 2024."),
]

Getal = Annotated[
    float,
    Field(allow_inf_nan=False, ge=-GROOTSTE_GETAL, le=GROOTSTE_GETAL),
]
"""A figure: finite (no .nan or .inf) and of a sane size."""

Bedrag = Annotated[float, Field(allow_inf_nan=False, ge=0, le=GROOTSTE_GETAL)]
"""An amount in euro: finite, not negative, of a sane size."""


def _one_or_many(schema: dict[str, Any]) -> None:
    items = schema.pop("items")
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "array", "items": items}, items]


ONE_OR_MANY = Field(json_schema_extra=_one_or_many)
"""Marks a list field that also accepts a single value (see :func:`as_list`)."""


def as_list(value: Any) -> Any:
    """Accept a single value where a list is expected (``wie: jan`` as ``wie: [jan]``)."""
    if value is None:
        return []
    if isinstance(value, str | int):
        return [value]
    return value


ActorId = Annotated[Id, Ref("actor"), Field(description="De id van een actor uit actoren.yaml.")]
OrgaanId = Annotated[
    Id,
    Ref("orgaan"),
    Field(description="kerngroep, redactiecomite, pilootcomite of de id van een projectgroep."),
]
PrioriteitId = Annotated[
    Id, Ref("prioriteit"), Field(description="De id van een prioriteit uit prioriteiten.yaml.")
]
VergaderingId = Annotated[
    Id, Ref("vergadering"), Field(description="De bestandsnaam (zonder .yaml) van een vergadering.")
]
BronId = Annotated[
    Id, Ref("bron"), Field(description="De id van een gegevensbron uit diagnostiek/bronnen.yaml.")
]
ReeksId = Annotated[
    Id, Ref("reeks"), Field(description="De id van een cijferreeks uit diagnostiek/cijfers.yaml.")
]
BevindingId = Annotated[
    Id,
    Ref("bevinding"),
    Field(description="De id van een bevinding uit diagnostiek/bevindingen.yaml."),
]
SwotId = Annotated[Id, Ref("swot"), Field(description="De id van een punt uit swot.yaml.")]
AnderPlanId = Annotated[
    Id, Ref("ander plan"), Field(description="De id van een plan onder 'afstemming' in plan.yaml.")
]
IndicatorId = Annotated[
    Id,
    Ref("indicator"),
    Field(description="De id van een indicator uit doelstellingen/*.yaml."),
]
ActieId = Annotated[
    Id, Ref("actie"), Field(description="De id van een actie uit doelstellingen/*.yaml.")
]
BewijsId = Annotated[
    Id,
    Ref("bewijs"),
    Field(description="De id van een bevinding, cijferreeks, gegevensbron of gesprek."),
]


class Periode(LivbModel):
    """A period with a start and an end date."""

    van: Datum
    """Eerste dag van de periode."""
    tot: Datum
    """Laatste dag van de periode."""

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.tot < self.van:
            raise ValueError("de periode eindigt ('tot') vóór ze begint ('van')")
        return self
