"""A short, repeatable fuzz run: hostile folders give findings, never an exception.

The long run lives in bench/fuzz_loader.py; this one is derandomized and keeps no database,
so CI sees the same few hundred folders every time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import EXAMPLE, check_property, generated_file, mutation, reset, write_file
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from helpers import MINIMAL, repeatable, write_tree

REPEATABLE = repeatable(150, HealthCheck.function_scoped_fixture, HealthCheck.too_slow)


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    minimal = write_tree(tmp_path_factory.mktemp("basis") / "minimal", MINIMAL)
    return {"minimal": minimal, "halle": EXAMPLE}


@REPEATABLE
@given(change=mutation())
def test_mutated_halle_gives_findings(change, bases, tmp_path_factory):
    root = tmp_path_factory.getbasetemp() / "fuzz-halle"
    reset(root, bases["halle"])
    write_file(root, *change)
    check_property(root)


@REPEATABLE
@given(files=st.lists(generated_file(), min_size=1, max_size=4))
def test_generated_files_give_findings(files, bases, tmp_path_factory):
    root = tmp_path_factory.getbasetemp() / "fuzz-minimal"
    reset(root, bases["minimal"])
    for path, content in files:
        write_file(root, path, content)
    check_property(root)
