"""Every kind of file has a JSON Schema that agrees with the pydantic model."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from livb.folder.schema import build_schema
from livb.model import FILE_KINDS

from helpers import EXAMPLE


def as_json(value: object) -> object:
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))
    )


def example_files(pattern: str) -> list[Path]:
    return sorted(p for p in EXAMPLE.glob(pattern) if not p.name.startswith("_"))


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_schema_is_valid_json_schema(kind):
    schema = build_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == f"livb: {kind.pattern}"


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_example_files_validate_against_model_and_json_schema(kind):
    files = example_files(kind.pattern)
    assert files, f"examples/halle has no {kind.pattern}"
    validator = jsonschema.Draft202012Validator(build_schema(kind))
    for path in files:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        kind.model.model_validate(data)
        errors = [e.message for e in validator.iter_errors(as_json(data))]
        assert errors == [], path


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_json_schema_rejects_unknown_keys_like_the_model(kind):
    validator = jsonschema.Draft202012Validator(build_schema(kind))
    assert not validator.is_valid({"een_sleutel_die_niet_bestaat": 1})


def test_schema_descriptions_are_dutch():
    schema = build_schema(next(k for k in FILE_KINDS if k.name == "vergadering"))
    description = schema["properties"]["keurt_verslag_goed"]["description"]
    assert "vorige vergadering" in description


def test_schema_command_prints_one_kind(livb):
    result = livb("schema", "actoren")
    assert result.code == 0
    assert json.loads(result.out)["title"] == "livb: actoren.yaml"


def test_schema_command_lists_the_kinds(livb):
    result = livb("schema")
    assert result.code == 0
    assert all(kind.pattern in result.out for kind in FILE_KINDS)


def test_schema_command_unknown_kind_is_a_usage_error(livb):
    result = livb("schema", "actorn")
    assert result.code == 2 and "onbekende soort 'actorn'" in result.err


def test_example_schemas_are_current():
    for kind in FILE_KINDS:
        written = json.loads(
            (EXAMPLE / ".livb" / "schema" / f"{kind.name}.json").read_text("utf-8")
        )
        assert written == build_schema(kind), f"run: livb schema --map examples/halle ({kind.name})"


ENGLISH = re.compile(r"\b(the|with|and|that|which|whether|this|from|its)\b")


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_every_description_a_coordinator_reads_is_dutch(kind):
    schema = build_schema(kind)
    texts = [schema["description"]]
    texts += [d["description"] for d in schema.get("$defs", {}).values()]
    texts += [
        p["description"]
        for d in [schema, *schema.get("$defs", {}).values()]
        for p in d.get("properties", {}).values()
        if "description" in p
    ]
    assert texts
    english = [text for text in texts if ENGLISH.search(text)]
    assert english == []
