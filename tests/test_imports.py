"""Every module imports on its own in a fresh interpreter (no import cycles).

One helper process loads the third-party libraries livb builds on (they cannot take part in a
cycle of livb's modules), then forks a child per module that imports that module alone: each
child starts with no livb module loaded, as a fresh interpreter would, without paying the
interpreter's and the libraries' start-up 160 times.
"""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import pytest

import livb

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(livb.__path__, "livb.") if name != "livb.__main__"
)
LIBRARIES = (
    "pydantic", "ruamel.yaml", "typer", "rich", "jinja2", "docx", "lxml", "markdown_it", "babel",
    "openpyxl", "filelock", "matplotlib",
)  # fmt: skip

FORKER = r"""
import importlib, json, os, sys, traceback
for library in json.loads(sys.argv[1]):
    try:
        importlib.import_module(library)
    except ImportError:
        pass
assert not [m for m in sys.modules if m == "livb" or m.startswith("livb.")]
results = {}
for module in json.loads(sys.argv[2]):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(module)
            problem = ""
        except BaseException:
            problem = traceback.format_exc()
        os.write(write, problem.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        problem = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    results[module] = problem or ("" if status == 0 else f"exit status {status}")
print(json.dumps(results))
"""


def imported() -> dict[str, str]:
    """For every module: empty when it imported alone, else the traceback of its import."""
    done = subprocess.run(
        [sys.executable, "-c", FORKER, json.dumps(LIBRARIES), json.dumps(MODULES)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.long
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_every_module_imports_alone():
    """One test for all: xdist would set a shared fixture up again on every worker."""
    results = imported()
    assert sorted(results) == MODULES and len(MODULES) > 100
    assert {module: problem for module, problem in results.items() if problem} == {}
