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

from livb.model._field_docs import FIELD_DOCS


class LivbModel(BaseModel):
    """Base of every schema: unknown keys are errors, numbers are accepted where text is asked.

    The docstring under a field is its description (in the JSON Schema and the editor). pydantic
    can read those from the source itself (``use_attribute_docstrings``), but parsing the source
    of every model was half of livb's start-up; they are read once, into
    :mod:`livb.model._field_docs` (``python scripts/make_field_docs.py``). A model's validator is
    built when it first validates (``defer_build``): `livb --help` or `livb schema` builds none.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        defer_build=True,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Give the fields of a new model their descriptions, before its schema is built."""
        super().__pydantic_init_subclass__(**kwargs)
        docs = FIELD_DOCS.get(model_key(cls))
        if docs is None:  # a model added since the table was made: read its source (slower)
            docs = attribute_docstrings(cls)
        for name, text in docs.items():
            field = cls.__pydantic_fields__.get(name)
            if field is not None and field.description is None:
                field.description = text


def empty_part(model: type[LivbModel]) -> Any:
    """The default of a nested part that may be left out: the part with its own defaults.

    Made when a file leaves the part out, not when the schemas are defined: an instance as
    the default would build the part's validator at import, for every command. The JSON
    Schema still shows the default, for the editor.
    """

    def show_default(schema: dict[str, Any]) -> None:
        schema.setdefault("default", model().model_dump(mode="json"))

    return Field(default_factory=model, json_schema_extra=show_default)


def model_key(cls: type) -> str:
    """The name of a model in :data:`~livb.model._field_docs.FIELD_DOCS`."""
    return f"{cls.__module__}.{cls.__qualname__}"


def attribute_docstrings(cls: type) -> dict[str, str]:
    """The docstring under each annotated attribute in the source of a class.

    The same rule as pydantic's ``use_attribute_docstrings``: a string right after
    ``name: type`` (or ``name: type = value``), cleaned like any docstring; nested classes and
    functions are skipped.
    """
    import ast
    import inspect
    import textwrap

    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen application): no descriptions
        return {}
    found: dict[str, str] = {}
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    previous: ast.stmt | None = None
    for statement in body.body:
        if (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
            and isinstance(previous, ast.AnnAssign)
            and isinstance(previous.target, ast.Name)
        ):
            found[previous.target.id] = inspect.cleandoc(statement.value.value)
        previous = statement
    return found


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


@dataclass(frozen=True)
class Euro:
    """Marks a number field as an amount in euro (``livb diff`` shows it as € 5.000)."""


Bedrag = Annotated[float, Field(allow_inf_nan=False, ge=0, le=GROOTSTE_GETAL), Euro()]
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
FinancieringId = Annotated[
    Id,
    Ref("financieringsbron"),
    Field(description="De id van een financieringsbron onder 'financiering' in plan.yaml."),
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
