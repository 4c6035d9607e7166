"""JSON Schema for every kind of file, and the editor settings that use them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from livb.core import i18n
from livb.core.safepaths import refuse_links
from livb.core.transaction import write_atomic
from livb.folder.project import folder_language
from livb.model import FILE_KINDS, KINDS_BY_NAME, FileKind
from livb.model._class_docs import CLASS_DOCS, SUMMARIES
from livb.model._field_docs_fr import FIELD_DOCS_FR

SCHEMA_FOLDER = ".livb/schema"

# The field descriptions in another language than Dutch: Dutch text -> that language's.
FIELD_TEXTS: dict[str, dict[str, str]] = {"fr": FIELD_DOCS_FR}


def _accept_numbers_as_text(node: Any) -> None:
    # The models accept a number where text is asked (``periode: 2009``); so must the editor.
    if isinstance(node, dict):
        if node.get("type") == "string" and "format" not in node and "enum" not in node:
            node["type"] = ["string", "number"]
        for value in node.values():
            _accept_numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _accept_numbers_as_text(value)


def _translate_descriptions(node: Any, texts: dict[str, str]) -> None:
    # Every description under a property (also in its anyOf, items, ...) is a Dutch field text.
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = texts[value]
            else:
                _translate_descriptions(value, texts)
    elif isinstance(node, list):
        for value in node:
            _translate_descriptions(value, texts)


def build_schema(kind: FileKind, language: str = "nl") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file, described in the folder's language.

    Raises:
        KeyError: a model, choice list or field has no description in that language (a test
            catches this before a user can).
    """
    schema = kind.model.model_json_schema()
    _accept_numbers_as_text(schema)
    docs = CLASS_DOCS[language]
    definitions = schema.get("$defs", {})
    for name, definition in definitions.items():
        definition["description"] = docs[name]
    if language != "nl":
        texts = FIELD_TEXTS[language]
        for owner in [schema, *definitions.values()]:
            _translate_descriptions(owner.get("properties", {}), texts)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"livb:{kind.name}",
        **schema,
        "title": f"livb: {kind.pattern}",
        "description": f"{kind.pattern}: {summary(kind, language)}.",
    }


def summary(kind: FileKind, language: str | None = None) -> str:
    """What a kind of file holds, in ``language`` (the current one); Dutch when not written yet."""
    language = language or i18n.language()
    return SUMMARIES.get(language, {}).get(kind.name, kind.summary)


def schema_text(kind: FileKind, language: str | None = None) -> str:
    """The JSON Schema of one kind, as text, described in ``language`` (the current one).

    A language whose descriptions are not written yet gets the Dutch ones.
    """
    language = language or i18n.language()
    if language not in CLASS_DOCS:
        language = "nl"
    return json.dumps(build_schema(kind, language), ensure_ascii=False, indent=2) + "\n"


def kind_named(name: str) -> FileKind | None:
    """The file kind with this name (or file pattern), if any."""
    for kind in FILE_KINDS:
        if name in (kind.name, kind.pattern):
            return kind
    return KINDS_BY_NAME.get(name)


def modeline(kind: FileKind) -> str:
    """The first line of a file of this kind, so that an editor finds its schema."""
    depth = kind.pattern.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_FOLDER}/{kind.name}.json"


def vscode_settings() -> dict[str, Any]:
    """VS Code settings that tie every file of the folder to its schema."""
    return {
        "yaml.schemas": {f"./{SCHEMA_FOLDER}/{k.name}.json": k.pattern for k in FILE_KINDS},
        "files.encoding": "utf8",
        "editor.insertSpaces": True,
        "[yaml]": {"editor.tabSize": 2},
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schema of every kind into ``root/.livb/schema``; return the files written.

    The descriptions are in the folder's language (its ``taal``), else the current one.
    """
    language = folder_language(root) if (root / "livb.yaml").is_file() else None
    folder = root / SCHEMA_FOLDER
    refuse_links(root, folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_KINDS:
        path = folder / f"{kind.name}.json"
        write_atomic(path, schema_text(kind, language), inside=root)
        written.append(path)
    return written
