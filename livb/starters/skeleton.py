"""Rendering the commented YAML files that init and new write (Jinja, templates/)."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from livb.core.resources import templates_dir
from livb.folder.schema import modeline
from livb.model import KINDS_BY_NAME

if TYPE_CHECKING:
    from jinja2 import Environment


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
    return environment


def render(template: str, context: dict[str, Any]) -> str:
    """Render one template (a path under templates/, e.g. 'new/gesprek.yaml.j2')."""
    return _environment().get_template(template).render(context)
