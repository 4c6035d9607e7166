"""``livb new doelstelling``: the goals file of a priority, or one more strategic goal in it.

A new goal comes with one operational goal, one indicator and one action, each with every
field of its model (:class:`~livb.model.plan.StrategischeDoelstelling` and below), numbered
after the priority (``sd-drugs-1``, ``od-drugs-1``, ``i-drugs-1``, ``a-drugs-1``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core.dates import months_later
from livb.core.errors import UsageError
from livb.core.i18n import N_, tr
from livb.core.transaction import shown
from livb.model import Project
from livb.model.plan import DoelstellingenBestand, StrategischeDoelstelling
from livb.model.walk import actions, indicators, operational_goals, strategic_goals
from livb.starters._base import Change, NewResult, Options, Starter, edit, new_file, run
from livb.starters.skeleton import complete, document


class DoelstellingOptions(Options):
    """The options of ``livb new doelstelling``."""

    prioriteit: str | None = Field(None, description=N_("voor welke prioriteit."))


def start(root: Path, options: DoelstellingOptions, today: dt.date) -> NewResult:
    """Create the goals file of a priority, or add a strategic goal to the one it has."""
    if not options.prioriteit:
        raise UsageError(tr("zeg voor welke prioriteit: --prioriteit ID"))
    prioriteit = options.prioriteit

    def prepare(project: Project) -> Change:
        ids = [p.id for p in project.prioriteiten.prioriteiten]
        if prioriteit not in ids:
            from livb.folder.schema_errors import suggest

            guess = suggest(prioriteit, ids)
            message = tr("onbekende prioriteit '{waarde}'", waarde=shown(prioriteit))
            if guess:
                message = tr("{melding}; bedoelde je '{gok}'?", melding=message, gok=guess)
            raise UsageError(
                message,
                tr("kies uit: {keuzes}", keuzes=", ".join(ids))
                if ids
                else tr("voeg ze eerst toe: livb new prioriteit"),
            )
        used = _goal_ids(project)
        number = 1
        while any(f"{prefix}-{prioriteit}-{number}" in used for prefix in ("sd", "od", "i", "a")):
            number += 1
        goal = skeleton(_goal_values(f"{prioriteit}-{number}", project, today))
        existing = sorted(
            p for p, f in project.doelstellingen.items() if f.prioriteit == prioriteit
        )
        if existing:
            key = "strategische_doelstellingen"
            summary = tr("strategische doelstelling {id} toegevoegd", id=goal["id"])
            return edit(root, project, existing[0], key, goal, today, summary)
        text = document(
            DoelstellingenBestand,
            {"prioriteit": prioriteit, "strategische_doelstellingen": [goal]},
            kind="doelstellingen",
            header=[tr("De doelstellingen van de prioriteit '{id}' (stap 3.4).", id=prioriteit)],
        )
        summary = tr("doelstellingen voor '{id}'", id=prioriteit)
        return new_file(root, project, "doelstellingen", prioriteit, text, today, summary)

    return run(root, "livb new doelstelling", prepare)


def skeleton(
    values: dict[str, Any], model: type[StrategischeDoelstelling] = StrategischeDoelstelling
) -> dict[str, Any]:
    """A new strategic goal: every field of it and of its parts, ``values`` filled in."""
    return complete(model, values)


def _goal_ids(project: Project) -> set[str]:
    return {
        *(sd.id for _, _, sd in strategic_goals(project)),
        *(od.id for _, _, od in operational_goals(project)),
        *(i.id for _, _, i in indicators(project)),
        *(a.id for _, _, a in actions(project)),
    }


def _goal_values(base: str, project: Project, today: dt.date) -> dict[str, Any]:
    coordinator = project.instellingen.coordinator
    periode = project.instellingen.beleid.periode
    start, end = (periode.van, periode.tot) if periode else (today, months_later(today, 36))
    return {
        "id": f"sd-{base}",
        "titel": tr("(in te vullen: de strategische doelstelling)"),
        "operationele_doelstellingen": [
            {
                "id": f"od-{base}",
                "titel": tr("(in te vullen: de operationele doelstelling)"),
                "indicatoren": [
                    {
                        "id": f"i-{base}",
                        "naam": tr("(in te vullen: wat gemeten wordt)"),
                        "basiswaarde": {"waarde": 0, "jaar": start.year - 1},
                        "streefwaarde": {"waarde": 0, "jaar": end.year},
                        "deadline": end,
                    }
                ],
                "acties": [
                    {
                        "id": f"a-{base}",
                        "titel": tr("(in te vullen: de actie)"),
                        "trekker": coordinator,
                        "partners": [],
                        "start": start,
                        "einde": end,
                    }
                ],
            }
        ],
    }


STARTER = Starter("doelstelling", DoelstellingOptions, start, StrategischeDoelstelling)
