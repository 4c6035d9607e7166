"""No input, however broken, gives a Python traceback: only findings."""

from __future__ import annotations

import os
import random

import pytest

from livb.core.diagnostics import Severity
from livb.method.check import run_checks

from helpers import copy_example

# More runs locally: LIVB_FUZZ=1000 pytest tests/test_robustness.py
FUZZ_RUNS = int(os.environ.get("LIVB_FUZZ", "40"))
NASTY = [
    "",
    ":",
    "- ",
    "[",
    "{",
    "]",
    "'",
    '"',
    "\t",
    "&a",
    "*a",
    "!!python/object:os.system",
    "~",
    "2026-02-30",
    "- -",
    "? ",
    "|",
    "\x00",
    "é",
    "9" * 40,
    "null",
    "[]",
    "{}",
    "!x",
]


@pytest.mark.parametrize("seed", range(FUZZ_RUNS))
def test_mutated_example_gives_findings_not_exceptions(tmp_path, seed):
    rng = random.Random(seed)
    root = tmp_path / "halle"
    copy_example(root)
    files = sorted(p for p in root.rglob("*.yaml") if ".livb" not in p.parts)
    for path in rng.sample(files, 3):
        text = path.read_text(encoding="utf-8")
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(text) + 1)
            cut = rng.randint(0, 12)
            text = text[:at] + rng.choice(NASTY) + text[at + cut :]
        path.write_text(text, encoding="utf-8")
    result = run_checks(root)
    for diagnostic in result.diagnostics:
        assert diagnostic.message and diagnostic.code.startswith("LIVB")
        assert diagnostic.location.path
    if any(d.severity is Severity.FOUT for d in result.diagnostics):
        assert result.exit_code(strict=False) == 1


@pytest.mark.parametrize(
    "text",
    [
        "gemeente: &a [*a]\n",
        "gemeente:\n  naam: !!python/object/apply:os.system ['echo hacked']\n",
        "? [a, b]\n: c\n",
        "gemeente: {naam: Halle, nis_code: 23027.5}\n",
        "gemeente: {naam: [1, 2]}\n",
        "gemeente: {naam: Halle}\nregels: {uitgeschakeld: [{code: 101}]}\n",
        "---\na: 1\n---\nb: 2\n",
        "\ufeffgemeente: {naam: Halle, nis_code: '23027'}\n",
    ],
)
def test_strange_livb_yaml(tmp_path, text):
    (tmp_path / "livb.yaml").write_text(text, encoding="utf-8")
    result = run_checks(tmp_path)
    assert result.diagnostics, "a strange livb.yaml in an empty folder must give findings"
    assert all(d.location.path == "livb.yaml" for d in result.diagnostics)


def test_binary_garbage(tmp_path):
    (tmp_path / "livb.yaml").write_bytes(bytes(range(256)))
    [problem] = run_checks(tmp_path).diagnostics
    assert problem.code == "LIVB001"
