"""Reading back a Word document that 'livb render' wrote (being built)."""

from __future__ import annotations

from pathlib import Path

from livb.core.errors import LivbError
from livb.exchange import ImportReport


def import_document(path: Path, root: Path, *, dry_run: bool) -> ImportReport:
    """Not yet: say so in Dutch."""
    raise LivbError(
        f"livb kan '{path.name}' nog niet terug inlezen",
        "neem de wijzigingen voorlopig met de hand over in de YAML-bestanden",
    )
