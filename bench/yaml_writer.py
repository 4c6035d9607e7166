"""Write plain data as YAML with ruamel (block style, no aliases), for the benchmark folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def write(path: Path, data: Any) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.representer.ignore_aliases = lambda _data: True
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
