"""Where the files that ship with livb are: the templates, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

from livb.core.errors import LivbError
from livb.core.i18n import tr


def templates_dir() -> Path:
    """The folder of livb's own templates.

    Raises:
        LivbError: the installation lacks its templates.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "init").is_dir():
            return candidate
    raise LivbError(
        tr("de sjablonen van livb ontbreken in deze installatie"),
        tr("installeer livb opnieuw, bv. met 'pip install --force-reinstall livb'"),
    )
