"""Reporting findings: `pad:regel:kolom: ernst CODE boodschap`, in colour on a terminal, or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from livb.check import CheckResult
from livb.diagnostics import Diagnostic, Severity


def format_line(diagnostic: Diagnostic) -> str:
    """One finding as a line a terminal and an editor understand."""
    return (
        f"{diagnostic.location}: {diagnostic.severity.label} {diagnostic.code} {diagnostic.message}"
    )


def summary(results: Sequence[CheckResult]) -> str:
    """A Dutch sentence counting errors and warnings."""
    errors = sum(r.count(Severity.FOUT) for r in results)
    warnings = sum(r.count(Severity.WAARSCHUWING) for r in results)
    notes = sum(r.count(Severity.INFO) for r in results)
    extra = f" ({notes} {'opmerking' if notes == 1 else 'opmerkingen'})" if notes else ""
    if not errors and not warnings:
        return f"Geen fouten of waarschuwingen{extra}."
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return " en ".join(parts) + f" gevonden{extra}."


def write_text(results: Sequence[CheckResult], out: TextIO | None = None) -> None:
    """Write the findings as text, with colour when ``out`` is a terminal."""
    out = out or sys.stdout
    if out.isatty():
        _write_rich(results, out)
        return
    for result in results:
        prefix = _prefix(result, len(results))
        for diagnostic in result.diagnostics:
            out.write(prefix + format_line(diagnostic) + "\n")
            if diagnostic.hint:
                out.write(f"    hulp: {diagnostic.hint}\n")
    out.write(summary(results) + "\n")


def _prefix(result: CheckResult, count: int) -> str:
    return f"{result.root}/" if count > 1 else ""


def _write_rich(results: Sequence[CheckResult], out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False)
    styles = {Severity.FOUT: "bold red", Severity.WAARSCHUWING: "yellow", Severity.INFO: "cyan"}
    for result in results:
        prefix = _prefix(result, len(results))
        for diagnostic in result.diagnostics:
            style = styles[diagnostic.severity]
            console.print(
                f"[bold]{escape(prefix + str(diagnostic.location))}[/]: "
                f"[{style}]{diagnostic.severity.label}[/] [dim]{diagnostic.code}[/] "
                f"{escape(diagnostic.message)}"
            )
            if diagnostic.hint:
                console.print(f"    [green]hulp:[/] {escape(diagnostic.hint)}")
    errors = any(r.count(Severity.FOUT) for r in results)
    console.print(f"[{'bold red' if errors else 'green'}]{escape(summary(results))}[/]")


def write_json(results: Sequence[CheckResult], out: TextIO | None = None) -> None:
    """Write the findings as JSON for scripts and CI."""
    out = out or sys.stdout
    payload = [
        {
            "map": str(result.root),
            "fouten": result.count(Severity.FOUT),
            "waarschuwingen": result.count(Severity.WAARSCHUWING),
            "bevindingen": [d.as_dict() for d in result.diagnostics],
        }
        for result in results
    ]
    json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
