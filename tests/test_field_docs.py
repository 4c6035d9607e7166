"""The field descriptions livb reads at start-up are the docstrings in the models' source."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from livb.model._base import LivbModel, Periode, attribute_docstrings, model_key
from livb.model._field_docs import FIELD_DOCS

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_field_docs.py"


def make_field_docs():
    spec = importlib.util.spec_from_file_location("make_field_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_up_to_date():
    script = make_field_docs()
    assert script.collect() == FIELD_DOCS, "run: python scripts/make_field_docs.py"
    assert script.render(FIELD_DOCS) == script.OUT.read_text(encoding="utf-8")


def test_the_table_reads_docstrings_as_pydantic_does():
    # pydantic's own reader (use_attribute_docstrings), which livb no longer runs at start-up.
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    for model in make_field_docs().models():
        assert attribute_docstrings(model) == extract_docstrings_from_cls(model, use_inspect=True)


def test_descriptions_reach_the_json_schema():
    from livb.model.actoren import Actor

    naam = Actor.model_json_schema()["properties"]["naam"]["description"]
    assert naam == FIELD_DOCS[model_key(Actor)]["naam"]
    assert naam.startswith("Volledige naam")
    # A description written in the type (Datum) stays; the docstring does not replace it.
    van = Periode.model_json_schema()["properties"]["van"]["description"]
    assert van.startswith("Een datum als JJJJ-MM-DD")


class _Later(LivbModel):
    """A model the table does not know (as one added without running the script)."""

    naam: str
    """De naam,
    over twee regels."""
    leeftijd: int = 0
    """Hoe oud."""


def test_a_model_missing_from_the_table_reads_its_own_source():
    assert model_key(_Later) not in FIELD_DOCS
    properties = _Later.model_json_schema()["properties"]
    assert properties["naam"]["description"] == "De naam,\nover twee regels."
    assert properties["leeftijd"]["description"] == "Hoe oud."
