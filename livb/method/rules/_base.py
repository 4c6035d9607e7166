"""What a rule is: a code, a severity, a docstring that explains it, and a check function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

from livb.core.diagnostics import Severity

if TYPE_CHECKING:
    from livb.method.process import ProcessState
    from livb.method.rules._index import Index
    from livb.model import Project


@dataclass(frozen=True)
class Finding:
    """A rule's finding, pointing at a path inside a file of the folder.

    Attributes:
        path: the file, relative to the folder.
        loc: keys and list indexes inside the file; empty for the file as a whole.
        message: what is wrong, in Dutch.
        hint: what to do about it.
        at_key: point at the key rather than its value.
        related: another place that explains this one (the first use of a duplicate id).
    """

    path: str
    loc: tuple[Any, ...]
    message: str
    hint: str | None = None
    at_key: bool = False
    related: tuple[str, tuple[Any, ...]] | None = field(default=None)
    severity: Severity | None = None
    """Overrides the rule's severity for this one finding (e.g. a report as info)."""


class RuleContext:
    """What every rule gets: the project, today's date, and what is derived from them once."""

    def __init__(self, project: Project, today: dt.date) -> None:
        self.project = project
        self.today = today

    @cached_property
    def state(self) -> ProcessState:
        """The state of every step of the method."""
        from livb.method.process import derive_state

        return derive_state(self.project, self.today)

    @cached_property
    def index(self) -> Index:
        """Every id defined in the folder, by kind."""
        from livb.method.rules._index import build_index

        return build_index(self.project)


class RuleModule(Protocol):
    """The shape of a rule module: the docstring is the rule's documentation."""

    CODE: str
    NAME: str
    SEVERITY: Severity
    METHODE: str

    def check(self, context: RuleContext) -> Iterator[Finding]:
        """Yield the findings of this rule."""
        ...


def as_rule(module: ModuleType) -> RuleModule:
    """Check that a module has the shape of a rule and return it typed as one."""
    for attribute in ("CODE", "NAME", "SEVERITY", "METHODE", "check"):
        if not hasattr(module, attribute):
            raise TypeError(f"{module.__name__} is not a rule: no {attribute}")
    return cast(RuleModule, module)
