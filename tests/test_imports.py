"""Every module imports on its own in a fresh interpreter (no import cycles)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import livb

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(livb.__path__, "livb.") if name != "livb.__main__"
)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module):
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
