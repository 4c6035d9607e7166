"""The starters of livb new: each one's skeleton names every field of its model.

A field added to a model must reach the next file ``livb new`` writes (and the JSON Schema)
without a second edit. The module-scoped folder is a fresh ``livb init`` (not Halle) on which
every starter runs once; the scratch models below add a field and see it come out.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field
from ruamel.yaml import YAML

from livb.starters import STARTERS
from livb.starters.skeleton import complete, field_key, nested_model

TODAY = dt.date(2031, 3, 1)

# Per starter: its options, and where the thing it wrote is (a file, or the last item of a list).
RUNS: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "vergadering": ({"stap": ["2.5"], "datum": dt.date(2031, 3, 2)}, "vergaderingen/*", None),
    "gesprek": ({"met": ["burgemeester"], "datum": dt.date(2031, 3, 2)}, "gesprekken/*", None),
    "actor": ({"id": "jan", "naam": "Jan Peeters"}, "actoren.yaml", "actoren"),
    "prioriteit": ({"id": "drugs", "titel": "Drugs"}, "prioriteiten.yaml", "prioriteiten"),
    "doelstelling": ({"prioriteit": "drugs"}, "doelstellingen/drugs.yaml", "strategische_doelstellingen"),
    "monitoring": ({"jaar": 2031}, "monitoring/2031.yaml", None),
    "gas": ({}, "diagnostiek/cijfers.yaml", "reeksen"),
}  # fmt: skip


def missing(model: type[BaseModel], data: Any, where: str = "") -> list[str]:
    """The fields of ``model`` (and of its parts present in ``data``) that ``data`` lacks."""
    if isinstance(data, list):
        return [gap for item in data for gap in missing(model, item, where)]
    if not isinstance(data, dict):
        return []
    gaps = []
    for name, info in model.model_fields.items():
        key = field_key(name, info)
        if key not in data:
            gaps.append(f"{where}{model.__name__}.{name}")
        elif (inner := nested_model(info)) is not None:
            gaps += missing(inner, data[key], f"{where}{key}.")
    return gaps


def load(text: str) -> Any:
    return YAML(typ="safe").load(text)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[str, Any]]:
    """Every starter run once on a fresh livb init: its text and what it wrote, parsed."""
    from livb.starters.scaffold import InitRequest, create_folder

    root = tmp_path_factory.mktemp("starters") / "gemeente"
    create_folder(InitRequest(root, "Halle", git=False))
    found = {}
    for name, (options, where, key) in RUNS.items():
        starter = STARTERS[name]
        result = starter.start(root, starter.options(**options), TODAY)
        [path] = [result.path] if "*" in where else [root / where]
        text = Path(path).read_text("utf-8")
        data = load(text)
        found[name] = (text, data[key][-1] if key else data)
    return found


def test_every_starter_is_run_here():
    assert set(RUNS) == set(STARTERS)


@pytest.mark.parametrize("name", list(STARTERS))
def test_the_skeleton_names_every_field_of_the_model(written, name):
    _, data = written[name]
    assert missing(STARTERS[name].model, data) == []


@pytest.mark.parametrize("name", ["vergadering", "gesprek", "monitoring"])
def test_a_new_file_comments_each_field_with_its_description(written, name):
    text, _ = written[name]
    comments = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    for info in STARTERS[name].model.model_fields.values():
        if info.description:
            assert " ".join(info.description.split()) in comments


def test_a_missing_field_is_named(written):
    """The check above can fail: a skeleton without a field, or without a nested one."""
    goal = copy.deepcopy(written["doelstelling"][1])
    without = {key: value for key, value in goal.items() if key != "omschrijving"}
    assert missing(STARTERS["doelstelling"].model, without) == [
        "StrategischeDoelstelling.omschrijving"
    ]
    action = goal["operationele_doelstellingen"][0]["acties"][0]
    del action["budget"]  # a field Actie has
    assert missing(STARTERS["doelstelling"].model, goal) == [
        "operationele_doelstellingen.acties.Actie.budget"
    ]


# --- a field added to a model ---------------------------------------------------------------

NEW = "Een veld dat enkel deze test kent."


def with_new_field(model: type[BaseModel]) -> type[BaseModel]:
    """A scratch subclass of ``model`` with one more field."""
    return type(
        f"Met{model.__name__}",
        (model,),
        {
            "__module__": __name__,
            "__annotations__": {"nieuw_veld": "float | None"},
            "nieuw_veld": Field(None, description=NEW),
        },
    )


def test_a_field_added_to_a_file_model_is_in_the_file_and_the_schema():
    from livb.starters import gesprek, monitoring, vergadering

    texts = {
        "vergadering": lambda model: vergadering.skeleton(
            {"orgaan": "kerngroep", "datum": TODAY}, "Kop", model
        ),
        "gesprek": lambda model: gesprek.skeleton(
            {"stap": "2.2", "datum": TODAY, "met": ["an"]}, "Kop", model
        ),
        "monitoring": lambda model: monitoring.skeleton(2031, "Kop", [], [], [], model),
    }
    for name, skeleton in texts.items():
        model = with_new_field(STARTERS[name].model)
        text = skeleton(model)
        assert load(text)["nieuw_veld"] is None, name
        assert f"# {NEW}\nnieuw_veld:\n" in text, name
        assert load(skeleton(STARTERS[name].model)).keys() == load(text).keys() - {"nieuw_veld"}
        assert model.model_json_schema()["properties"]["nieuw_veld"]["description"] == NEW


def test_a_field_added_to_an_item_model_is_in_the_new_item():
    from livb.starters import actor, prioriteit

    for module, given in ((actor, {"id": "jan"}), (prioriteit, {"id": "p", "titel": "P"})):
        model = with_new_field(module.STARTER.model)
        item = module.skeleton(given, model)
        assert list(item)[-1] == "nieuw_veld" and item["nieuw_veld"] is None
        assert "nieuw_veld" not in module.skeleton(given)


def test_a_field_added_to_a_nested_model_is_in_a_new_goal():
    from livb.model import plan
    from livb.starters import doelstelling

    actie = with_new_field(plan.Actie)
    # the scratch model replaces the real one inside an operational goal only
    operational = type(
        "MetOperationeleDoelstelling",
        (plan.OperationeleDoelstelling,),
        {"__module__": __name__, "__annotations__": {"acties": list[actie]}, "acties": []},
    )
    strategic = type(
        "MetStrategischeDoelstelling",
        (plan.StrategischeDoelstelling,),
        {
            "__module__": __name__,
            "__annotations__": {"operationele_doelstellingen": list[operational]},
            "operationele_doelstellingen": [],
        },
    )
    values = {"id": "sd", "titel": "S", "operationele_doelstellingen": [
        {"id": "od", "titel": "O", "acties": [{"id": "a", "titel": "A"}]}]}  # fmt: skip
    goal = doelstelling.skeleton(values, strategic)
    [action] = goal["operationele_doelstellingen"][0]["acties"]
    assert "nieuw_veld" in action and action["nieuw_veld"] is None
    assert complete(plan.Actie, {"id": "a", "titel": "A"}).keys() == action.keys() - {"nieuw_veld"}


# --- the command line from the registry -----------------------------------------------------


def test_the_help_of_new_lists_every_kind_and_option_of_the_registry(livb):
    from livb.starters._base import option_name

    out = livb("new", "--help").out
    for name, starter in STARTERS.items():
        assert name in out
        for field, info in starter.options.model_fields.items():
            assert option_name(field, info) in out, (name, field)


def test_an_appended_item_leaves_its_empty_fields_empty(written):
    text, actor = written["actor"]
    item = text[text.index("  - id: jan\n") :]
    assert actor["email"] is None and "    email:\n" in item
    assert "null" not in item
