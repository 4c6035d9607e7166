"""The one-pass loader and its positions give exactly what ruamel's own loaders give.

livb.folder.yamlio loads plain YAML in one pass over the C parser's events (parse_fast) and finds
positions in a second such pass, where it used ruamel's safe loader (parse_careful) and its
pure-Python round-trip tree (position_in). These tests compare the two ways on the example
folders and on fuzzed texts: the same values of the same types, the same errors at the same
places, the same line and column for every key and value.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from fuzzing import NASTY, generated_file, mutation
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from livb.folder.yamlio import (
    SourceFile,
    YamlSyntaxError,
    _PlainPositions,
    parse_careful,
    parse_fast,
    parse_roundtrip,
    position_in,
)

from helpers import EXAMPLE, repeatable

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    path
    for folder in (EXAMPLE, ROOT / "tests" / "projects")
    for path in folder.rglob("*.yaml")
    if "output" not in path.parts
)
REPEATABLE = repeatable(300, HealthCheck.too_slow, HealthCheck.data_too_large)


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0 or True here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict):
        return (
            list(map(type, a)) == list(map(type, b))
            and list(a) == list(b)
            and all(same(a[key], b[key]) for key in a)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def outcome(parse: Any, text: str) -> tuple[str, Any]:
    try:
        return "data", parse(text)
    except YamlSyntaxError as error:
        more = [(m.message, m.line, m.column, m.hint) for m in error.more]
        return "error", (type(error), error.message, error.line, error.column, error.hint, more)


def assert_same_load(text: str) -> None:
    fast, careful = outcome(parse_fast, text), outcome(parse_careful, text)
    assert fast[0] == careful[0], (text, fast, careful)
    if fast[0] == "data":
        assert same(fast[1], careful[1]), (text, fast, careful)
    else:
        assert fast[1] == careful[1], (text, fast, careful)


def locations(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into the data, and a few that lead nowhere."""
    found = [prefix, (*prefix, "bestaat-niet"), (*prefix, 999)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += locations(value, (*prefix, key))
            found.append((*prefix, str(key), "x"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += locations(value, (*prefix, index))
    return found


def assert_same_positions(text: str) -> bool:
    """The one-pass positions agree with the round-trip tree; False when there is nothing to compare."""
    plain = _PlainPositions.of(text)
    if plain is None:
        return False
    try:
        tree = parse_roundtrip(text)
    except (YAMLError, AssertionError):  # the round-trip parser refuses what the C parser took
        return False
    for loc in locations(plain.data)[:2000]:
        for at_key in (False, True):
            assert plain.find(loc, at_key=at_key) == position_in(tree, loc, at_key=at_key), (
                text,
                loc,
                at_key,
            )
    return True


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_files_of_the_project_load_and_locate_the_same(path):
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.replace("\n", "\r\n")):
        assert_same_load(variant)
        assert assert_same_positions(variant) or "\t" in variant


def test_most_files_take_the_fast_way():
    assert sum(
        _PlainPositions.of(path.read_text(encoding="utf-8")) is not None for path in TEXTS
    ) > (len(TEXTS) * 0.9)


def text_of(content: str | bytes) -> str:
    return content.decode("utf-8", "replace") if isinstance(content, bytes) else content


FRAGMENTS = [*NASTY, "a: 1", "b:", "  - x", "- y", "k: v\n", "k:\n", "\n", "  ", " # c\n", "[a, b]",
             "{x: }", "? a\n", ": b\n", "|\n  t\n", "'q'\n", '"q"\n', "k: v\r\n", "<<: {a: 1}",
             "x: !!str 1", "1: a\n1.0: b", "? - -"]  # fmt: skip
TEXTS_FUZZED = st.one_of(
    mutation().map(lambda change: text_of(change[1])),
    generated_file().map(lambda file: text_of(file[1])),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
)


@REPEATABLE
@given(text=TEXTS_FUZZED)
def test_fuzzed_texts_load_the_same(text):
    assert_same_load(text)


@st.composite
def block_yaml(draw: st.DrawFn, depth: int = 0, indent: int = 0) -> str:
    """Block mappings and lists as people write them: empty values, comments, blank lines."""
    pad = " " * indent
    is_list = depth > 0 and draw(st.booleans())
    lines = []
    for number in range(draw(st.integers(1, 4))):
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", f"{pad}# een opmerking"])))
        comment = draw(st.sampled_from(["", "", "", "  # uitleg"]))
        head = f"{pad}-" if is_list else f"{pad}sleutel{number}:"
        what = draw(st.sampled_from(["empty", "scalar", "nested"] if depth < 3 else ["empty"]))
        if what == "empty":
            lines.append(head + draw(st.sampled_from(["", " ", "   "])) + comment)
        elif what == "scalar":
            value = draw(st.sampled_from(["v", "12", "2009-01-02", "tekst met é", '""', "~"]))
            lines.append(f"{head} {value}{comment}")
        else:
            lines.append(head + comment)
            lines.append(draw(block_yaml(depth + 1, indent + draw(st.sampled_from([2, 4])))))
    return "\n".join(lines)


@REPEATABLE
@given(text=block_yaml(), crlf=st.booleans())
def test_positions_agree_with_the_round_trip_tree(text, crlf):
    text += "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    assert assert_same_positions(text)


@REPEATABLE
@given(text=TEXTS_FUZZED)
def test_positions_of_fuzzed_texts_agree(text):
    assert_same_positions(text)


def test_an_empty_value_is_where_the_round_trip_loader_puts_it():
    text = "a:\n  b:   # uitleg\n  c:\n\n  # opmerking\nd:\n"
    source = SourceFile("x.yaml", text, parse_fast(text))
    assert source.position(("a", "b")) == (2, 5)  # a comment follows, another key comes
    assert source.position(("a", "c")) == (6, 1)  # the next token
    assert source.position(("d",)) == (7, 1)
    assert source.position(("a", "c"), at_key=True) == (3, 3)


def test_a_list_inside_a_key_is_a_finding_not_a_crash():
    with pytest.raises(YamlSyntaxError) as raised:
        parse_fast("gemeente:\n  naam: Halle\n? - -\n")
    assert (raised.value.line, raised.value.column) == (3, 3)
    assert raised.value.message == "een lijst of mapping als sleutel; een sleutel is een woord"


def test_values_keep_their_yaml_types():
    data = parse_fast("a: 2009-03-24\nb: 1.5\nc: 0o17\nd: true\ne:\nf: '12'\n2019: x\n")
    assert data == {"a": dt.date(2009, 3, 24), "b": 1.5, "c": 15, "d": True, "e": None,
                    "f": "12", 2019: "x"}  # fmt: skip
