"""The import contracts of pyproject.toml break when they should: one forbidden import each.

A scratch copy of livb/ gets one violation per contract; lint-imports must then report every
contract broken (one run for all, as the analysis of the package dominates its time).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "livb"  # the source, not a sample folder: copied as it is

# contract name (as in pyproject.toml) → (module file, the import that must break it)
VIOLATIONS = {
    "Tiers": ("livb/model/walk.py", "import livb.documents"),
    "Models are pure data": ("livb/model/_tijd.py", "import filelock"),
    "The core knows nothing": ("livb/core/words.py", "import ruamel.yaml"),
    "The Markdown-to-Word half": ("livb/word/ir.py", "import livb.folder.yamlio"),
    "Inside word": ("livb/word/markdown.py", "import livb.word.pdf"),
    "Only the Word writer": ("livb/cli/report.py", "import docx"),
    "The method and the history only read": (
        "livb/method/status.py",
        "import livb.core.transaction",
    ),
    "The method and the history are independent": (
        "livb/history/diff.py",
        "import livb.method.queries",
    ),
    "Inside the documents": ("livb/documents/_base.py", "import livb.documents.render"),
    "Checking never loads": ("livb/folder/tabular.py", "import jinja2"),
}


def lint_imports(root) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.skip("import-linter is not installed beside this Python")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [executable, "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def contract_names() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    return [contract["name"] for contract in config["contracts"]]


def test_every_contract_has_a_violation_here():
    names = contract_names()
    assert sorted(n for n in names if not any(n.startswith(v) for v in VIOLATIONS)) == []
    assert len(names) == len(VIOLATIONS)


def test_each_contract_breaks_on_its_forbidden_import(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "livb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for relative, line in VIOLATIONS.values():
        path = tmp_path / relative
        text = path.read_text("utf-8")
        # after the module docstring and the __future__ import, where an import belongs
        head, sep, rest = text.partition("from __future__ import annotations\n")
        path.write_text(head + sep + f"{line}  # noqa\n" + rest, "utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    # the summary names each contract, wrapped to the terminal, then KEPT or BROKEN
    report = re.sub(r"\s+", " ", result.stdout)
    verdicts = {
        name: re.search(rf"{re.escape(name)} ?(KEPT|BROKEN)", report) for name in contract_names()
    }
    assert {name: m.group(1) if m else None for name, m in verdicts.items()} == dict.fromkeys(
        contract_names(), "BROKEN"
    )
    assert f"Contracts: 0 kept, {len(VIOLATIONS)} broken." in report
