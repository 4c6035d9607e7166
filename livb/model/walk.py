"""Walking the goals of a project: every goal, indicator and action with its file and path."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from livb.model.plan import Actie, Indicator, OperationeleDoelstelling, StrategischeDoelstelling

if TYPE_CHECKING:
    from livb.model import Project


def strategic_goals(
    project: Project,
) -> Iterator[tuple[str, tuple[Any, ...], StrategischeDoelstelling]]:
    """Every strategic goal with its file and path."""
    for path, bestand in sorted(project.doelstellingen.items()):
        for s, sd in enumerate(bestand.strategische_doelstellingen):
            yield path, ("strategische_doelstellingen", s), sd


def operational_goals(
    project: Project,
) -> Iterator[tuple[str, tuple[Any, ...], OperationeleDoelstelling]]:
    """Every operational goal with its file and path."""
    for path, loc, sd in strategic_goals(project):
        for o, od in enumerate(sd.operationele_doelstellingen):
            yield path, (*loc, "operationele_doelstellingen", o), od


def indicators(project: Project) -> Iterator[tuple[str, tuple[Any, ...], Indicator]]:
    """Every indicator with its file and path."""
    for path, loc, od in operational_goals(project):
        for i, indicator in enumerate(od.indicatoren):
            yield path, (*loc, "indicatoren", i), indicator


def actions(project: Project) -> Iterator[tuple[str, tuple[Any, ...], Actie]]:
    """Every action with its file and path."""
    for path, loc, od in operational_goals(project):
        for a, actie in enumerate(od.acties):
            yield path, (*loc, "acties", a), actie


Places = dict[int, tuple[str, tuple[Any, ...]]]
"""Each object's file and path in it, by the object's ``id``."""


def model_places(project: Project, *, confidential: bool) -> Places:
    """Where every object of the folder stands: its file and path, by the object's ``id``.

    The keys of the path are the YAML keys (a field's alias where it has one). A confidential
    interview's objects are left out unless ``confidential``.
    """
    places: Places = {}
    for path, model in project.files.items():
        if not confidential and getattr(model, "vertrouwelijk", False) is not False:
            continue
        _walk(model, path, (), places)
    return places


def _walk(model: BaseModel, path: str, loc: tuple[Any, ...], places: Places) -> None:
    places[id(model)] = (path, loc)
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if isinstance(value, BaseModel):
            _walk(value, path, (*loc, key), places)
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk(item, path, (*loc, key, position), places)


def amount_fields() -> frozenset[str]:
    """The names of the fields that hold amounts in euro (:class:`~livb.model._base.Euro`).

    A mapping of amounts (``toegekend: {2026: 60000}``) counts too: its values are amounts.
    """
    from livb.model import FILE_KINDS

    found: set[str] = set()
    seen: set[type] = set()
    for kind in FILE_KINDS:
        _amounts(kind.model, found, seen)
    return frozenset(found)


def _amounts(model: type[BaseModel], found: set[str], seen: set[type]) -> None:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        if _is_euro(info.metadata) or _is_euro_in(info.annotation):
            found.add(info.alias or name)
        for nested in _models_in(info.annotation):
            _amounts(nested, found, seen)


def _is_euro(metadata: Any) -> bool:
    from livb.model._base import Euro

    return any(isinstance(m, Euro) for m in metadata)


def _is_euro_in(annotation: Any) -> bool:
    """An amount inside a mapping or list: ``dict[Jaar, Bedrag]``, ``list[Bedrag]``."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_euro(annotation.__metadata__) or _is_euro_in(typing.get_args(annotation)[0])
    return any(_is_euro_in(arg) for arg in typing.get_args(annotation))


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)
