"""The JSON Schemas explain every key in the folder's language: French for a ``taal: fr`` folder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from livb.folder.schema import build_schema, schema_text
from livb.model import FILE_KINDS
from livb.model._class_docs import CLASS_DOCS, SUMMARIES
from livb.model._field_docs_fr import FIELD_DOCS_FR

from helpers import EXAMPLE, REPO, copy_example

ESNEUX = REPO / "examples" / "esneux"

# Words only Dutch has; a French description holding one (outside a quoted key or value)
# was left untranslated or half-translated.
DUTCH = re.compile(
    r"\b(het|een|wordt|werd|niet|uit|zijn|ook|welke|bij|deze|die|dat|zoals|waarin|worden|"
    r"gemeente|vergadering|prioriteit|doelstelling|bestand)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"'[^']*'|\{[^}]*\}|\([a-z, ]*\)")
# A text that is only a name or a code may read the same in both languages.
NAME_OR_CODE = re.compile(r"^[\w./*-]+$")


def descriptions(node: Any, path: str = "") -> list[tuple[str, str]]:
    """Every description of a schema, with where it is."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found.append((path, value))
            else:
                found += descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += descriptions(value, f"{path}[{index}]")
    return found


def without_descriptions(node: Any) -> Any:
    """The schema with every description left out: its keys, types and enumerations."""
    if isinstance(node, dict):
        return {
            key: without_descriptions(value)
            for key, value in node.items()
            if not (key == "description" and isinstance(value, str))
        }
    if isinstance(node, list):
        return [without_descriptions(value) for value in node]
    return node


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_french_schema_has_the_dutch_keys_properties_and_values(kind):
    french = build_schema(kind, "fr")
    jsonschema.Draft202012Validator.check_schema(french)
    assert without_descriptions(french) == without_descriptions(build_schema(kind))


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_every_french_description_is_french(kind):
    dutch = descriptions(build_schema(kind))
    french = descriptions(build_schema(kind, "fr"))
    assert [path for path, _ in french] == [path for path, _ in dutch]
    untranslated = [
        (path, text)
        for (path, text), (_, nl) in zip(french, dutch, strict=True)
        if text == nl and not NAME_OR_CODE.match(nl)
    ]
    assert untranslated == []
    dutch_words = [text for _, text in french if DUTCH.search(QUOTED.sub("", text))]
    assert dutch_words == []


def test_french_class_docs_and_summaries_cover_the_dutch_ones():
    assert CLASS_DOCS["fr"].keys() == CLASS_DOCS["nl"].keys()
    assert set(SUMMARIES["fr"]) == {kind.name for kind in FILE_KINDS}
    same = [name for name, text in CLASS_DOCS["fr"].items() if text == CLASS_DOCS["nl"][name]]
    assert same == []


def test_every_french_field_text_is_still_a_dutch_description():
    """An entry whose Dutch text no schema shows any more is stale: its field changed."""
    shown = {text for kind in FILE_KINDS for _, text in descriptions(build_schema(kind))}
    assert sorted(set(FIELD_DOCS_FR) - shown) == []


def test_french_top_description_is_the_summary_in_french():
    kind = next(k for k in FILE_KINDS if k.name == "actoren")
    assert build_schema(kind, "fr")["description"] == "actoren.yaml: personnes et organisations."


def _french_copy(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "halle-fr")
    livb_yaml = root / "livb.yaml"
    text = livb_yaml.read_text(encoding="utf-8")
    livb_yaml.write_text(text.replace("formaat: 1\n", "formaat: 1\ntaal: fr\n", 1), "utf-8")
    return root


def test_schema_map_of_a_french_folder_writes_french(livb, tmp_path):
    root = _french_copy(tmp_path)
    result = livb("schema", "--map", root)
    assert result.code == 0, result.err
    vergadering = json.loads((root / ".livb/schema/vergadering.json").read_text("utf-8"))
    description = vergadering["properties"]["keurt_verslag_goed"]["description"]
    assert "procès-verbal" in description
    for kind in FILE_KINDS:
        written = (root / ".livb" / "schema" / f"{kind.name}.json").read_text("utf-8")
        assert written == schema_text(kind, "fr")
        assert written != schema_text(kind, "nl")


def test_schema_map_of_a_dutch_folder_stays_dutch(livb, tmp_path):
    root = copy_example(tmp_path / "halle")
    before = {p.name: p.read_bytes() for p in (root / ".livb" / "schema").glob("*.json")}
    assert livb("schema", "--map", root).code == 0
    after = {p.name: p.read_bytes() for p in (root / ".livb" / "schema").glob("*.json")}
    assert after == before and len(after) == len(FILE_KINDS)


@pytest.mark.parametrize(
    ("folder", "taal"), [(EXAMPLE, "nl"), (ESNEUX, "fr")], ids=["halle", "esneux"]
)
def test_example_schemas_are_current_in_the_folders_language(folder, taal):
    for kind in FILE_KINDS:
        written = (folder / ".livb" / "schema" / f"{kind.name}.json").read_text("utf-8")
        assert written == schema_text(kind, taal), f"run: livb schema --map {folder.name}"


def test_make_field_docs_lists_the_texts_without_french(monkeypatch):
    from test_field_docs import make_field_docs

    import livb.model._field_docs_fr as french

    script = make_field_docs()
    assert script.missing_french() == []
    left_out = "De id van een actor uit actoren.yaml."
    trimmed = {dutch: text for dutch, text in FIELD_DOCS_FR.items() if dutch != left_out}
    monkeypatch.setattr(french, "FIELD_DOCS_FR", trimmed)
    assert script.missing_french() == [left_out]


def test_schema_command_lists_the_kinds_in_the_language(livb, monkeypatch):
    monkeypatch.setenv("LIVB_TAAL", "fr")
    french = livb("schema")
    monkeypatch.setenv("LIVB_TAAL", "nl")
    dutch = livb("schema")
    assert french.code == dutch.code == 0
    for kind in FILE_KINDS:
        assert SUMMARIES["fr"][kind.name] in french.out
        assert kind.summary in dutch.out


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_esneux_files_validate_against_the_french_schema(kind):
    from ruamel.yaml import YAML
    from test_schemas import as_json

    validator = jsonschema.Draft202012Validator(build_schema(kind, "fr"))
    files = sorted(p for p in ESNEUX.glob(kind.pattern) if not p.name.startswith("_"))
    assert files, f"examples/esneux has no {kind.pattern}"
    for path in files:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(as_json(data))] == [], path
