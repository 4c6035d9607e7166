"""The code stays readable: no function of livb/ above complexity 20 (radon) or 60 lines.

A function that grows past either limit is split into named steps; data tables are module
constants, not functions. The message names every offender with its file and line.
"""

from __future__ import annotations

import ast

from radon.complexity import cc_visit

from helpers import REPO

MAX_COMPLEXITY = 20
MAX_LINES = 60
SOURCES = sorted((REPO / "livb").rglob("*.py"))


def test_there_is_code_to_measure():
    assert len(SOURCES) > 100


def test_no_function_is_more_complex_than_twenty():
    found = []
    for path in SOURCES:
        for block in cc_visit(path.read_text("utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                where = f"{path.relative_to(REPO)}:{block.lineno}"
                found.append(f"{where} {block.fullname} ({block.complexity})")
    assert found == []


def test_no_function_is_longer_than_sixty_lines():
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_LINES:
                    found.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name} ({length})")
    assert found == []
