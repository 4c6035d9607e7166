"""``livb new prioriteit``: a priority appended to prioriteiten.yaml, its reasons to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core.errors import LivbError, UsageError
from livb.core.i18n import N_, tr
from livb.model import Project
from livb.model.prioriteiten import Prioriteit
from livb.starters._base import (
    Change,
    NewResult,
    Options,
    Starter,
    check_id,
    check_text,
    edit,
    run,
    validate,
)
from livb.starters.skeleton import complete


class PrioriteitOptions(Options):
    """The options of ``livb new prioriteit``."""

    id: str | None = Field(None, description=N_("de nieuwe id."))
    titel: str | None = Field(None, description=N_("de titel."))


def start(root: Path, options: PrioriteitOptions, today: dt.date) -> NewResult:
    """Append a priority to prioriteiten.yaml, leaving every other line as it was."""
    if not options.id or not options.titel:
        raise UsageError(tr("geef een id en een titel: --id ID --titel TITEL"))
    id_ = options.id
    check_id(id_, N_("een prioriteit"))
    check_text(options.titel, "--titel")
    item = skeleton({"id": id_, "titel": options.titel})
    validate(Prioriteit, item)

    def prepare(project: Project) -> Change:
        if any(p.id == id_ for p in project.prioriteiten.prioriteiten):
            raise LivbError(tr("de prioriteit '{id}' bestaat al", id=id_), tr("kies een andere id"))
        summary = tr("prioriteit '{id}' toegevoegd; vul de onderbouwing aan", id=id_)
        return edit(root, project, "prioriteiten.yaml", "prioriteiten", item, today, summary)

    return run(root, "livb new prioriteit", prepare)


def skeleton(given: dict[str, Any], model: type[Prioriteit] = Prioriteit) -> dict[str, Any]:
    """The new item: every field of a priority, its reasons left to fill in."""
    return complete(model, given)


STARTER = Starter("prioriteit", PrioriteitOptions, start, Prioriteit)
