"""Every module imports on its own in a fresh interpreter (no import cycles).

One helper process loads the third-party libraries livb builds on (they cannot take part in a
cycle of livb's modules), then forks a child per module that imports that module alone, without
paying the interpreter's and the libraries' start-up 160 times.

The helper then climbs the tiers (LEVELS, lowest first): it loads a tier itself, so that the
children for the tiers above need not import the tiers below again. A child still imports its
module as if alone: the helper holds only whole import closures (every module loaded by
importing a tier, all of them loaded completely), and a child imports only modules the helper
does not hold yet. A module the helper holds imports no module it does not hold, so none of
them lies on an import cycle through the child's module, and the modules of such a cycle run
in the order they would in a fresh interpreter. Which modules a tier loads is asked of a probe
child first, so each of them is tried from the state just below that tier: LEVELS only speeds
the check up, a wrong order in it costs time, not coverage.
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
    "openpyxl", "filelock",
)  # fmt: skip
LEVELS = (
    "livb.core", "livb.model", "livb.folder", "livb.method.themas", "livb.method.queries",
    "livb.method.process", "livb.word", "livb.history", "livb.method", "livb.documents",
    "livb.exchange", "livb.starters", "livb.cli",
)  # fmt: skip

FORKER = r"""
import importlib, json, os, sys, traceback

def livb_loaded():
    return {m for m in sys.modules if m == "livb" or m.startswith("livb.")}

def forked(work, argument):
    '''work(argument) in a forked child: its answer, or the traceback of what went wrong.'''
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            answer = {"answer": work(argument)}
        except BaseException:
            answer = {"problem": traceback.format_exc()}
        with os.fdopen(write, "wb") as pipe:
            pipe.write(json.dumps(answer).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not answer:
        return {"problem": f"exit status {status}"}
    return json.loads(answer)

def load(names):
    before = livb_loaded()
    for name in names:
        importlib.import_module(name)
    return sorted(livb_loaded() - before)

for library in json.loads(sys.argv[1]):
    try:
        importlib.import_module(library)
    except ImportError:
        pass
assert not livb_loaded()
modules = json.loads(sys.argv[2])
results = {}

def alone(module):
    if module not in results:
        results[module] = forked(load, [module]).get("problem", "")

for level in json.loads(sys.argv[3]):
    tier = [m for m in modules if m == level or m.startswith(level + ".")]
    probe = forked(load, tier)
    if "problem" in probe:
        break
    for module in probe["answer"]:
        if module in modules:
            alone(module)
    load(tier)
for module in modules:
    alone(module)
print(json.dumps(results))
"""


def imported() -> dict[str, str]:
    """For every module: empty when it imported alone, else the traceback of its import."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FORKER,
            json.dumps(LIBRARIES),
            json.dumps(MODULES),
            json.dumps(LEVELS),
        ],
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
