"""Where a gemeente stands in the method: every step's state, the next step, the findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from livb.core.diagnostics import Severity
from livb.core.i18n import tr
from livb.folder.project import load_project
from livb.method.check import CheckResult, check_loaded
from livb.method.process import FASEN, FollowUp, ProcessState, derive_state, follow_up
from livb.method.queries import chain_balance, implementation_start, monitoring_years


@dataclass
class Status:
    """The state of one gemeente folder.

    Attributes:
        root: the folder.
        naam: the municipality's name (the folder's name when livb.yaml cannot be read).
        titel: the plan's own name.
        state: every step's state, or None when the folder has errors in its files.
        check: the findings of ``livb check``.
        keten: actions per link of the safety chain.
        opvolging: the follow-up of the plan (actions and indicators counted), once the plan
            is approved or followed up in monitoring/; None before.
    """

    root: Path
    naam: str
    titel: str
    state: ProcessState | None
    check: CheckResult
    keten: Counter[str] = field(default_factory=Counter)
    opvolging: FollowUp | None = None

    @property
    def fase(self) -> str:
        """The current phase as 'N Naam', or '?' when unknown."""
        if self.state is None:
            return "?"
        number = self.state.current_phase
        return f"{number} {tr(FASEN[number])}"

    @property
    def errors(self) -> int:
        """Errors found by the checks."""
        return self.check.count(Severity.FOUT)

    @property
    def warnings(self) -> int:
        """Warnings found by the checks."""
        return self.check.count(Severity.WAARSCHUWING)


def build_status(root: Path, today: dt.date | None = None) -> Status:
    """Load a folder once, derive its process state and run the checks.

    Args:
        root: the gemeente folder.
        today: the day to judge against (default: the real today).
    """
    day = today or dt.date.today()
    loaded = load_project(root)
    check = check_loaded(loaded, today=day)
    project = loaded.project
    if project is None:
        return Status(root, root.resolve().name, "", None, check)
    return Status(
        root,
        project.instellingen.gemeente.naam,
        project.instellingen.beleid.plannaam,
        derive_state(project, day),
        check,
        chain_balance(project),
        follow_up(project, day)
        if monitoring_years(project, day) or implementation_start(project, day)
        else None,
    )
