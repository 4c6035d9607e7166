"""Hypothesis strategies for fuzzing the loader, and the property every folder must keep.

Shared by tests/test_fuzz.py (a short, repeatable run in CI) and bench/fuzz_loader.py (a long
run that writes its figures to bench/RESULTS.md).
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML

from livb.core.diagnostics import Diagnostic
from livb.folder.schema_errors import allowed_keys
from livb.folder.yamlio import line_count
from livb.method.check import run_checks
from livb.model import FILE_KINDS, FileKind

from helpers import EXAMPLE, copy_folder

LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")  # as YAML counts them

HALLE_FILES = sorted(
    path.relative_to(EXAMPLE).as_posix()
    for path in EXAMPLE.rglob("*")
    if path.is_file()
    and path.suffix in (".yaml", ".csv")
    and ".livb" not in path.parts
    and "output" not in path.parts
)

# Fragments a hand-edited file collects over the years.
NASTY = [
    "", ":", "- ", "[", "{", "]", "}", "'", '"', "\t", "&a ", "*a", "&a [*a, *a]", "!!python/object:os.system",
    "!!binary aGk=", "~", "2026-02-30", "- -", "? ", "|", ">-", "\x00", "\x01", "\x0b", "\x85", "\x9b",
    "\ufeff", "\u2028", "é", "9" * 40, "9" * 400, "null", "[]", "{}", "!x", ".nan", ".inf", "-.inf",
    "1e400", "nan", "1800", "3000", "10000000000000000000000000000000", "---", "...", "%YAML 1.1",
    "\r", "\r\n", "#", " #", "<<: *a", '"\\x01"', '"\\0"', '"\\ud800"', "[" * 80, "{a: " * 60,
    ";", ",", "6.9", "1.234", "1,5", '"6,1"', "jaar", "2007;", "\n2007;1\n2007;2",
]  # fmt: skip

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(),
    st.sampled_from(["kerngroep", "2009-04-21", "dirk-pieters", "feit", "preventie", "zvp"]),
)


def values(depth: int = 3) -> st.SearchStrategy[Any]:
    """Any YAML value: scalars, lists and mappings, a few levels deep."""
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.one_of(st.text(max_size=12), st.integers(1800, 2200)), inner, max_size=4
            ),
        ),
        max_leaves=12,
    )


@st.composite
def model_data(
    draw: st.DrawFn, model: type[BaseModel], loc: tuple[Any, ...] = (), depth: int = 0
) -> Any:
    """A mapping shaped like ``model``: its own keys (and a stray one), with any values."""
    keys = allowed_keys(model, loc)
    chosen = draw(st.lists(st.sampled_from(keys), max_size=len(keys), unique=True)) if keys else []
    data: dict[Any, Any] = {}
    for key in chosen:
        if depth < 3 and draw(st.booleans()):
            data[key] = draw(st.lists(model_data(model, (*loc, key), depth + 1), max_size=3))
        elif depth < 3 and draw(st.booleans()):
            data[key] = draw(model_data(model, (*loc, key), depth + 1))
        else:
            data[key] = draw(values())
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.text(min_size=1, max_size=10))] = draw(SCALARS)
    return data


def dump(data: Any) -> str:
    """YAML text for ``data`` as a person would write it (ruamel escapes what it must)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


@st.composite
def generated_file(draw: st.DrawFn) -> tuple[str, str | bytes]:
    """A file of some kind with generated content, for the minimal folder."""
    kind: FileKind = draw(st.sampled_from(FILE_KINDS))
    path = kind.pattern.replace("*", draw(st.sampled_from(["2026-01-01-kerngroep", "a", "x.y"])))
    data = draw(model_data(kind.model))
    try:
        text = dump(data)
    except Exception:  # a value ruamel cannot dump (e.g. a lone surrogate): write it raw
        text = repr(data)
    return path, text


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file of examples/halle with a few hand-edits gone wrong."""
    path = draw(st.sampled_from(HALLE_FILES))
    data = (EXAMPLE / path).read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "replace", "delete", "duplicate", "bytes"]))
        at = draw(st.integers(0, len(data)))
        if action == "insert":
            data = (
                data[:at]
                + draw(st.sampled_from(NASTY)).encode("utf-8", "surrogatepass")
                + data[at:]
            )
        elif action == "replace":
            cut = draw(st.integers(0, 12))
            text = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)))
            data = data[:at] + text.encode("utf-8", "surrogatepass") + data[at + cut :]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 200)) :]
        elif action == "duplicate":
            lines = data.splitlines(keepends=True)
            if lines:
                index = draw(st.integers(0, len(lines) - 1))
                lines.insert(index, lines[index])
            data = b"".join(lines)
        else:
            data = data[:at] + draw(st.binary(max_size=6)) + data[at:]
    return path, data


@dataclass
class Outcome:
    """What one fuzzed folder gave."""

    diagnostics: list[Diagnostic]


def write_file(root: Path, path: str, content: str | bytes) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(
        content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    )


def reset(root: Path, base: Path) -> None:
    """Make ``root`` a fresh copy of ``base`` again."""
    if root.exists():
        shutil.rmtree(root)
    copy_folder(base, root)


def check_property(root: Path) -> Outcome:
    """Checking gives findings or a project, never an exception; every finding points inside its file.

    Raises:
        AssertionError: a finding points outside its file.
    """
    result = run_checks(root)
    for diagnostic in result.diagnostics:
        location = diagnostic.location
        assert diagnostic.message, diagnostic
        assert diagnostic.code.startswith("LIVB"), diagnostic
        if location.line == 0:
            continue
        file = root / location.path
        assert file.is_file(), diagnostic
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
        lines = LINE_BREAK.split(text)
        assert 1 <= location.line <= line_count(text) == len(lines), diagnostic
        assert 1 <= location.column <= len(lines[location.line - 1]) + 1, diagnostic
    return Outcome(result.diagnostics)
