"""Findings as values: a location, a severity, a stable code and a message."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from livb.core.i18n import N_, tr

_WORDS = {1: N_("info"), 2: N_("waarschuwing"), 3: N_("fout")}


class Severity(IntEnum):
    """How serious a finding is; higher is worse."""

    INFO = 1
    WAARSCHUWING = 2
    FOUT = 3

    @property
    def label(self) -> str:
        """The word shown to the user, in the current language (fout, erreur)."""
        return tr(_WORDS[self.value])

    @property
    def key(self) -> str:
        """The Dutch word in every language: the value scripts read in JSON (``ernst``)."""
        return _WORDS[self.value]


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a file of the gemeente folder (path relative to the folder)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding of a run: where, how bad, which rule, what is wrong and what to do."""

    location: Location
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, object]:
        """A plain mapping for JSON output."""
        return {
            "code": self.code,
            "ernst": self.severity.key,
            "bestand": self.location.path,
            "regel": self.location.line,
            "kolom": self.location.column,
            "boodschap": self.message,
            "hulp": self.hint,
        }
