"""Running the checks: load the folder, run the rules, return every finding sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from livb.diagnostics import Diagnostic, Location, Severity
from livb.project import LoadResult, load_project
from livb.rules import RULES, Finding, RuleContext

UNKNOWN_DISABLED_RULE = "LIVB005"


@dataclass
class CheckResult:
    """The outcome of ``livb check`` on one folder."""

    root: Path
    diagnostics: list[Diagnostic]

    def count(self, severity: Severity) -> int:
        """How many findings of this severity."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def exit_code(self, *, strict: bool) -> int:
        """1 when there are errors (or warnings in strict mode), else 0."""
        worst = max((d.severity for d in self.diagnostics), default=Severity.INFO)
        limit = Severity.WAARSCHUWING if strict else Severity.FOUT
        return 1 if self.diagnostics and worst >= limit else 0


def run_checks(
    root: Path,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    today: dt.date | None = None,
) -> CheckResult:
    """Load a gemeente folder and run every selected rule over it.

    Args:
        root: the gemeente folder.
        select: run only these rule codes (all when empty).
        ignore: do not run these rule codes.
        today: the day to judge dates against (default: the real today).

    Returns:
        Every finding, from loading and from the rules, sorted by file and position.
    """
    return check_loaded(load_project(root), select, ignore, today)


def check_loaded(
    loaded: LoadResult,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    today: dt.date | None = None,
) -> CheckResult:
    """Run the rules over a folder that is already loaded (see :func:`run_checks`)."""
    diagnostics = list(loaded.diagnostics)
    if loaded.project is not None:
        uitgeschakeld = loaded.project.instellingen.regels.uitgeschakeld
        disabled = {rule.code for rule in uitgeschakeld}
        diagnostics.extend(_check_disabled(loaded, [rule.code for rule in uitgeschakeld]))
        context = RuleContext(loaded.project, today or dt.date.today())
        for code, rule in RULES.items():
            if (select and code not in select) or code in ignore or code in disabled:
                continue
            for finding in rule.check(context):
                severity = finding.severity or rule.SEVERITY
                diagnostics.append(_diagnostic(loaded, code, severity, finding))
    diagnostics = [d for d in diagnostics if d.code not in ignore]
    return CheckResult(loaded.root, sorted(diagnostics))


def _diagnostic(loaded: LoadResult, code: str, severity: Severity, finding: Finding) -> Diagnostic:
    location = loaded.locate(finding.path, finding.loc, at_key=finding.at_key)
    message = finding.message
    if finding.related is not None:
        message += f" (eerder: {loaded.locate(*finding.related)})"
    return Diagnostic(location, code, severity, message, finding.hint)


def _check_disabled(loaded: LoadResult, disabled: list[str]) -> list[Diagnostic]:
    found = []
    for position, code in enumerate(disabled):
        if code not in RULES:
            found.append(
                Diagnostic(
                    loaded.locate("livb.yaml", ("regels", "uitgeschakeld", position, "code")),
                    UNKNOWN_DISABLED_RULE,
                    Severity.WAARSCHUWING,
                    f"de regel {code} bestaat niet en kan niet uitgeschakeld worden",
                    "zie 'livb check --regels' voor de lijst van regels",
                )
            )
    return found


__all__ = ["CheckResult", "Location", "run_checks"]
