"""When CI tests the installed wheel, the package and its templates come from site-packages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import livb
from livb.core.resources import templates_dir

from helpers import REPO


@pytest.mark.skipif(not os.environ.get("LIVB_TEST_INSTALLED"), reason="only against the wheel")
def test_livb_is_imported_from_the_installed_wheel():
    package = Path(livb.__file__).resolve().parent
    assert package != REPO / "livb" and "site-packages" in package.parts, package
    assert templates_dir() == package / "templates"
    assert (package / "data" / "gemeenten.csv").is_file()
    assert (package / "data" / "steden.csv").is_file()


def test_the_templates_are_found():
    assert (templates_dir() / "init" / "livb.yaml.j2").is_file()
