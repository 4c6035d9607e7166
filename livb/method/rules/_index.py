"""The ids defined in a project and the references made to them, found by the schemas' marks."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from livb.core.i18n import N_
from livb.method.queries import ZONE_PLAN
from livb.model import Project
from livb.model._base import Ref
from livb.model.organen import VASTE_ORGANEN

Place = tuple[str, tuple[Any, ...]]


@dataclass
class Index:
    """Where each id of each kind is defined; a list because an id may be defined twice."""

    defined: dict[str, dict[str, list[Place]]] = field(default_factory=dict)

    def add(self, kind: str, id_: str, path: str, loc: tuple[Any, ...]) -> None:
        """Record that ``id_`` of ``kind`` is defined at ``loc`` in ``path``."""
        self.defined.setdefault(kind, {}).setdefault(id_, []).append((path, loc))

    def ids(self, kind: str) -> set[str]:
        """Every id of a kind (for the combined kinds, the union of their parts)."""
        parts = COMBINED.get(kind, (kind,))
        found: set[str] = set()
        for part in parts:
            found.update(self.defined.get(part, {}))
        return found


KIND_NAMES = {
    "actie": N_("actie"),
    "actor": N_("actor"),
    "ander plan": N_("ander plan"),
    "besluit": N_("besluit"),
    "bevinding": N_("bevinding"),
    "bewijs": N_("bewijs"),
    "bron": N_("bron"),
    "doelstelling": N_("doelstelling"),
    "financieringsbron": N_("financieringsbron"),
    "gesprek": N_("gesprek"),
    "indicator": N_("indicator"),
    "orgaan": N_("orgaan"),
    "overleg": N_("overleg"),
    "prioriteit": N_("prioriteit"),
    "projectgroep": N_("projectgroep"),
    "reeks": N_("reeks"),
    "swot": N_("swot"),
    "vast orgaan": N_("vast orgaan"),
    "vergadering": N_("vergadering"),
}
"""The kinds of id as a message names them ('onbekende actor', 'een andere prioriteit')."""

COMBINED = {
    "orgaan": ("vast orgaan", "projectgroep", "overleg"),
    "bewijs": ("bevinding", "reeks", "bron", "gesprek"),
}


def build_index(project: Project) -> Index:
    """Collect every id the folder defines, with the place of its definition."""
    index = Index()
    for name in VASTE_ORGANEN:
        index.add("vast orgaan", name, "organen.yaml", (name,))
    _add_all(index, "actor", "actoren.yaml", "actoren", project.actoren.actoren)
    _add_all(
        index, "projectgroep", "organen.yaml", "projectgroepen", project.organen.projectgroepen
    )
    _add_all(index, "overleg", "organen.yaml", "overleg", project.organen.overleg)
    _add_all(index, "besluit", "besluiten.yaml", "besluiten", project.besluiten.besluiten)
    _add_all(index, "bron", "diagnostiek/bronnen.yaml", "bronnen", project.bronnen.bronnen)
    _add_all(index, "reeks", "diagnostiek/cijfers.yaml", "reeksen", project.cijfers.reeksen)
    _add_all(
        index,
        "bevinding",
        "diagnostiek/bevindingen.yaml",
        "bevindingen",
        project.bevindingen.bevindingen,
    )
    for quadrant in ("sterktes", "zwaktes", "kansen", "bedreigingen"):
        _add_all(index, "swot", "swot.yaml", quadrant, getattr(project.swot, quadrant))
    _add_all(
        index, "prioriteit", "prioriteiten.yaml", "prioriteiten", project.prioriteiten.prioriteiten
    )
    _add_all(index, "ander plan", "plan.yaml", "afstemming", project.plan.afstemming)
    if project.zone is not None:  # the zone's ZVP, read from its shared folder
        index.add("ander plan", ZONE_PLAN, "livb.yaml", ("gemeente", "politiezone", "map"))
    _add_all(index, "financieringsbron", "plan.yaml", "financiering", project.plan.financiering)
    for id_ in project.gesprekken:
        index.add("gesprek", id_, f"gesprekken/{id_}.yaml", ())
    for id_ in project.vergaderingen:
        index.add("vergadering", id_, f"vergaderingen/{id_}.yaml", ())
    for path, bestand in project.doelstellingen.items():
        for s, sd in enumerate(bestand.strategische_doelstellingen):
            sd_loc = ("strategische_doelstellingen", s)
            index.add("doelstelling", sd.id, path, (*sd_loc, "id"))
            for o, od in enumerate(sd.operationele_doelstellingen):
                od_loc = (*sd_loc, "operationele_doelstellingen", o)
                index.add("doelstelling", od.id, path, (*od_loc, "id"))
                for i, indicator in enumerate(od.indicatoren):
                    index.add("indicator", indicator.id, path, (*od_loc, "indicatoren", i, "id"))
                for a, actie in enumerate(od.acties):
                    index.add("actie", actie.id, path, (*od_loc, "acties", a, "id"))
    return index


def _add_all(index: Index, kind: str, path: str, key: str, items: list[Any]) -> None:
    for position, item in enumerate(items):
        index.add(kind, item.id, path, (key, position, "id"))


def _ref_kind(annotation: Any) -> str | None:
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, Ref):
                return meta.kind
        return _ref_kind(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            kind = _ref_kind(arg)
            if kind:
                return kind
    return None


@cache
def _ref_fields(model: type[BaseModel]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, info in model.model_fields.items():
        kind = next((m.kind for m in info.metadata if isinstance(m, Ref)), None)
        kind = kind or _ref_kind(info.annotation)
        if kind:
            found[name] = kind
    return found


@cache
def _keys(model: type[BaseModel]) -> dict[str, str]:
    """Each field's key in the file: its alias where it has one (verslaggevers: verslaggever)."""
    return {name: info.alias or name for name, info in model.model_fields.items()}


def references(
    model: BaseModel, loc: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Every reference inside ``model``: (path inside the file, kind, the id referred to)."""
    ref_fields = _ref_fields(type(model))
    for name, key in _keys(type(model)).items():
        value = getattr(model, name)
        if value is None:
            continue
        kind = ref_fields.get(name)
        if kind is not None:
            if isinstance(value, str):
                yield (*loc, key), kind, value
            else:
                for position, item in enumerate(value):
                    yield (*loc, key, position), kind, item
        elif isinstance(value, BaseModel):
            yield from references(value, (*loc, key))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for position, item in enumerate(value):
                yield from references(item, (*loc, key, position))
