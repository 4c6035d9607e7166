"""Rendering the commented YAML files that init and new write.

``livb init`` renders Jinja templates (templates/init/); ``livb new`` derives its files and
items from the models (:func:`document`, :func:`complete`).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, get_args

from livb.core import i18n
from livb.core.resources import templates_dir
from livb.folder.schema import modeline
from livb.model import KINDS_BY_NAME

if TYPE_CHECKING:
    from jinja2 import Environment
    from pydantic import BaseModel
    from pydantic.fields import FieldInfo


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def yaml_string(value: object) -> str:
    """A value as a YAML scalar: plain for a simple word or id, else double-quoted."""
    text = "" if value is None else str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


@cache
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(
        loader=FileSystemLoader(templates_dir()),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["q"] = yaml_string
    environment.globals["modeline"] = lambda name: modeline(KINDS_BY_NAME[name])
    environment.globals["starter_skeleton"] = _starter_skeleton
    return environment


def _starter_skeleton(kind: str, kop: str, **values: Any) -> str:
    """What ``livb new KIND`` would write, for a template of ``livb init`` (its ``_sjabloon``)."""
    import importlib

    if isinstance(values.get("datum"), str):
        values["datum"] = dt.date.fromisoformat(values["datum"])
    text: str = importlib.import_module(f"livb.starters.{kind}").skeleton(values, kop)
    return text.removesuffix("\n")


def render(template: str, context: dict[str, Any]) -> str:
    """Render one template (a path under templates/, e.g. 'init/livb.yaml.j2')."""
    return _environment().get_template(template).render(context)


# --- skeletons derived from the models ------------------------------------------------------
#
# ``livb new`` writes what a model holds, in the model's order, each field with its Dutch
# description as a comment: a field added to a model (with its docstring) is in the next file
# ``new`` writes and in the JSON Schema, without a second edit.


class Raw(str):
    """A placeholder written as it is, unquoted (``JJJJ-MM-DD``, ``...``)."""

    __slots__ = ()


@dataclass(frozen=True)
class Noted:
    """A value with a comment at the end of its line (what the id stands for)."""

    value: Any
    comment: str


WIDTH = 95
"""The width of a comment line in a skeleton, after its ``# ``."""


def field_key(name: str, info: FieldInfo) -> str:
    """The key a field has in the YAML file (its alias when it has one)."""
    return info.alias or name


def nested_model(info: FieldInfo) -> type[BaseModel] | None:
    """The model of a field's items or value (``list[Agendapunt]``, ``Meting | None``)."""
    from pydantic import BaseModel

    def find(annotation: Any) -> type[BaseModel] | None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        for argument in get_args(annotation):
            found = find(argument)
            if found is not None:
                return found
        return None

    return find(info.annotation)


def complete(model: type[BaseModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of ``model`` in its order, by its key: the value given, else the default.

    Nested items given as mappings are completed with their own model, so a new field of an
    indicator shows in a new goal too. A required field without a value is left empty.
    """
    result: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = field_key(name, info)
        value = values[name] if name in values else values.get(key, _default(info))
        result[key] = _completed(value, nested_model(info))
    return result


def _completed(value: Any, model: type[BaseModel] | None) -> Any:
    if model is not None and isinstance(value, Mapping):
        return complete(model, value)
    if model is not None and isinstance(value, list):
        return [_completed(item, model) for item in value]
    return value


def _default(info: FieldInfo) -> Any:
    from pydantic import BaseModel

    if info.is_required():
        return None
    value = info.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return complete(type(value), value.model_dump(mode="json", by_alias=True))
    if isinstance(value, Enum):
        return value.value
    return copy.copy(value)


def field_description(text: str | None) -> str | None:
    """A field's description in the folder's language (the French the JSON Schemas show)."""
    if text and i18n.language() == "fr":
        from livb.model._field_docs_fr import FIELD_DOCS_FR

        return FIELD_DOCS_FR.get(text, text)
    return text


def comment_lines(text: str | None, *, indent: str = "") -> list[str]:
    """A description as YAML comment lines, wrapped."""
    if not text:
        return []
    lines = []
    for paragraph in text.split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), WIDTH - len(indent))
    return [f"{indent}# {line}" for line in lines]


def entry(key: str, value: Any, indent: int = 0) -> list[str]:
    """The lines of ``key: value`` as block YAML at ``indent`` spaces."""
    pad = " " * indent
    comment = ""
    if isinstance(value, Noted):
        value, comment = value.value, f"   # {' '.join(value.comment.split())}"
    if isinstance(value, Mapping):
        if not value:
            return [f"{pad}{key}: {{}}{comment}"]
        lines = [f"{pad}{key}:{comment}"]
        for inner, item in value.items():
            lines += entry(inner, item, indent + 2)
        return lines
    if isinstance(value, list):
        flow = f"{pad}{key}: [{', '.join(scalar(item) for item in value)}]{comment}"
        if not value or (all(_is_scalar(item) for item in value) and len(flow) <= 80):
            return [flow]
        lines = [f"{pad}{key}:{comment}"]
        for item in value:
            lines += list_item(item, indent + 2)
        return lines
    text = scalar(value)
    return [f"{pad}{key}:{' ' + text if text else ''}{comment}"]


def list_item(item: Any, indent: int) -> list[str]:
    """One item of a block list, its dash at ``indent``."""
    pad = " " * indent
    if isinstance(item, Mapping) and item:
        lines: list[str] = []
        for key, value in item.items():
            lines += entry(key, value, indent + 2)
        first = lines[0]
        return [f"{pad}- {first[indent + 2 :]}", *lines[1:]]
    if isinstance(item, Noted):
        return [f"{pad}- {scalar(item.value)}   # {' '.join(item.comment.split())}"]
    return [f"{pad}- {scalar(item)}"]


def commented(lines: list[str]) -> list[str]:
    """Lines of YAML as comments in the same columns, to take over by removing the ``#``."""
    return [f"#{line}" if line.startswith(" ") else f"# {line}" for line in lines]


def scalar(value: Any) -> str:
    """One value on one line: null is empty, a date ISO, a word plain, other text quoted."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return yaml_string(value.value)
    return yaml_string(value)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, Mapping | list | Noted)


def document(
    model: type[BaseModel],
    values: Mapping[str, Any],
    *,
    kind: str,
    header: Iterable[str],
    notes: Mapping[str, Iterable[str]] | None = None,
    examples: Mapping[str, Any] | None = None,
) -> str:
    """A whole YAML file from a model: every field in order, its description as a comment.

    Args:
        model: the model of the file.
        values: what the starter fills in, by field name; a field left out gets its default.
        kind: the file kind, for the line that names the JSON Schema.
        header: the comment lines under it (what the file is; without ``#``), each wrapped;
            a newline in one starts a new line.
        notes: per field, lines that say how to fill it in, after its description.
        examples: per field, a value written as comments under it (items to copy): a list of
            mappings for a list, a mapping for a part.
    """
    notes = notes or {}
    examples = examples or {}
    lines = [modeline(KINDS_BY_NAME[kind])]
    for line in (part for entry_ in header for part in entry_.split("\n")):
        lines += comment_lines(line) or ["#"]
    completed = complete(model, values)
    for name, info in model.model_fields.items():
        key = field_key(name, info)
        remarks = [
            *comment_lines(field_description(info.description)),
            *(f"# {n}" for n in notes.get(name, ())),
        ]
        if remarks:
            lines += ["", *remarks]
        lines += entry(key, completed[key])
        if name in examples:
            lines += commented(_example(key, examples[name], nested_model(info)))
    return "\n".join(lines) + "\n"


def _example(key: str, value: Any, model: type[BaseModel] | None) -> list[str]:
    completed = _completed(value, model)
    if isinstance(completed, list):
        return [line for item in completed for line in list_item(item, 2)]
    return entry(key, completed)[1:]
