"""Reporting findings: `pad:regel:kolom: ernst CODE boodschap`, in colour on a terminal, or JSON."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from livb.check import CheckResult
from livb.diagnostics import Diagnostic, Severity
from livb.errors import UsageError
from livb.process import FASEN
from livb.status import Status

if TYPE_CHECKING:
    from livb.build.render import Rendered


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


def write_code_list(out: TextIO | None = None) -> None:
    """Write every code with its severity and name."""
    from livb.explain import all_codes

    out = out or sys.stdout
    for info in all_codes():
        out.write(f"{info.code}  {info.severity.label:<12} {info.name}\n")


def write_explanation(code: str, out: TextIO | None = None) -> None:
    """Write what a code checks, why, and how to fix it.

    Raises:
        UsageError: the code does not exist.
    """
    from livb.explain import all_codes, explain

    out = out or sys.stdout
    info = explain(code)
    if info is None:
        close = difflib.get_close_matches(code.upper(), [i.code for i in all_codes()], n=1)
        hint = f"bedoelde je {close[0]}?" if close else "zie livb check --regels"
        raise UsageError(f"onbekende code '{code}'", hint)
    out.write(f"{info.code} {info.name} ({info.severity.label})\n")
    out.write(f"Bron: {info.methode}\n\n{info.text}\n")


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


_MARKS = {"klaar": "✔", "bezig": "◐", "te doen": "○"}


def _status_lines(status: Status) -> list[str]:
    lines = [f"{status.naam} — {status.titel} (fase {status.fase})"]
    if status.state is None:
        lines.append(
            f"  de map heeft {status.errors} fout(en): los ze op met 'livb check {status.root}'"
        )
        return lines
    phase = ""
    for step in status.state.steps:
        if step.fase != phase:
            phase = step.fase
            lines.append(f"Fase {phase}  {FASEN[phase]}")
        day = step.datum.isoformat() if step.datum else ""
        evidence = ", ".join(step.bewijs[:2]) + (" …" if len(step.bewijs) > 2 else "")
        lines.append(
            f"  {_MARKS[step.stand.value]} {step.stap.value:<4} {step.titel:<52} "
            f"{step.stand.value:<8} {day:<10}  {evidence}"
        )
    following = status.state.next_step
    if following is not None:
        lines.append(f"Volgende stap: {following.stap.value} {following.titel}: {following.uitleg}")
        lines.append(f"  → {following.volgende}")
    if status.keten:
        spread = ", ".join(f"{k} {v}" for k, v in sorted(status.keten.items()))
        lines.append(f"Acties per schakel van de keten: {spread}")
    lines.append(f"Controle: {status.errors} fouten, {status.warnings} waarschuwingen")
    return lines


def _status_row(status: Status) -> str:
    if status.state is None:
        return f"{status.naam:<24} map met {status.errors} fout(en)"
    done = [s for s in status.state.steps if s.stand.value == "klaar"]
    dated = sorted((s for s in done if s.datum), key=lambda s: s.datum or dt.date.min)
    latest = dated[-1] if dated else (done[-1] if done else None)
    last = f"{latest.stap.value} ({latest.datum or '?'})" if latest else "-"
    following = status.state.next_step
    nxt = f"{following.stap.value} {following.titel}" if following else "alles gedaan"
    return (
        f"{status.naam:<24} fase {status.fase:<26} {len(done):>2}/{len(status.state.steps)} klaar"
        f"  laatste {last:<18} volgende: {nxt:<46} {status.errors} F {status.warnings} W"
    )


def write_status(statuses: Sequence[Status], out: TextIO | None = None) -> None:
    """Write the process state: the whole table for one folder, a line each for several."""
    out = out or sys.stdout
    if len(statuses) == 1:
        if out.isatty():
            _write_status_rich(statuses[0], out)
            return
        out.write("\n".join(_status_lines(statuses[0])) + "\n")
        return
    for status in statuses:
        out.write(_status_row(status) + "\n")


def _write_status_rich(status: Status, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False)
    console.print(f"[bold]{status.naam}[/] — {status.titel} (fase {status.fase})")
    if status.state is None:
        console.print(f"[red]de map heeft fouten:[/] livb check {status.root}")
        return
    table = Table(show_lines=False, header_style="bold")
    for column in ("", "Stap", "Titel", "Stand", "Datum", "Bewijs"):
        table.add_column(column)
    styles = {"klaar": "green", "bezig": "yellow", "te doen": "dim"}
    for step in status.state.steps:
        style = styles[step.stand.value]
        table.add_row(
            f"[{style}]{_MARKS[step.stand.value]}[/]",
            step.stap.value,
            step.titel,
            f"[{style}]{step.stand.value}[/]",
            step.datum.isoformat() if step.datum else "",
            "\n".join(step.bewijs[:3]) + ("\n…" if len(step.bewijs) > 3 else ""),
        )
    console.print(table)
    following = status.state.next_step
    if following is not None:
        console.print(
            f"[bold]Volgende stap:[/] {following.stap.value} {following.titel}: "
            f"{following.uitleg}\n  → [cyan]{following.volgende}[/]"
        )
    if status.keten:
        spread = ", ".join(f"{k} {v}" for k, v in sorted(status.keten.items()))
        console.print(f"Acties per schakel van de keten: {spread}")
    console.print(f"Controle: {status.errors} fouten, {status.warnings} waarschuwingen")


def write_status_json(statuses: Sequence[Status], out: TextIO | None = None) -> None:
    """Write the process state as JSON."""
    out = out or sys.stdout
    payload = []
    for status in statuses:
        steps = status.state.steps if status.state else []
        following = status.state.next_step if status.state else None
        payload.append(
            {
                "map": str(status.root),
                "gemeente": status.naam,
                "fase": status.fase,
                "stappen": [
                    {
                        "stap": s.stap.value,
                        "fase": s.fase,
                        "titel": s.titel,
                        "stand": s.stand.value,
                        "datum": s.datum.isoformat() if s.datum else None,
                        "bewijs": list(s.bewijs),
                        "uitleg": s.uitleg,
                        "volgende": s.volgende or None,
                    }
                    for s in steps
                ],
                "volgende": following.stap.value if following else None,
                "keten": dict(sorted(status.keten.items())),
                "fouten": status.errors,
                "waarschuwingen": status.warnings,
            }
        )
    json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


@contextmanager
def render_progress(out: TextIO | None = None) -> Iterator[Callable[[str], None]]:
    """A progress line per document: a bar on a terminal, plain lines otherwise."""
    out = out or sys.stderr
    if not out.isatty():
        yield lambda name: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=Console(file=out), transient=True
    ) as progress:
        task = progress.add_task("documenten maken")
        yield lambda name: progress.update(task, description=f"bezig met {name}")


def write_render_summary(results: Sequence[Rendered], out: TextIO | None = None) -> None:
    """What was written where, and what is still to fill in."""
    out = out or sys.stdout
    if not results:
        out.write("Er was niets om te maken.\n")
        return
    folder = results[0].path.parent
    out.write(f"{len(results)} document(en) in {folder}:\n")
    for result in results:
        note = f"  ({result.missing} gegevens in te vullen)" if result.missing else ""
        pdf = f" + {result.pdf.name}" if result.pdf else ""
        out.write(f"  {result.path.name}{pdf}{note}\n")
    missing = sum(r.missing for r in results)
    if missing:
        hint = "zie de opmerkingen in Word"
        out.write(f"Ontwerp: {missing} gegevens gemarkeerd als [in te vullen]; {hint}.\n")


# --- livb diff -------------------------------------------------------------------------------

if TYPE_CHECKING:
    from livb.diff import Change, Veld
    from livb.versions import Version, VersionDiff

_DIFF_SECTIONS = {
    "plan": "Het plan",
    "prioriteit": "Prioriteiten en doelstellingen",
    "strategische doelstelling": "Prioriteiten en doelstellingen",
    "operationele doelstelling": "Prioriteiten en doelstellingen",
    "indicator": "Prioriteiten en doelstellingen",
    "actie": "Prioriteiten en doelstellingen",
    "orgaan": "Kerngroep, comités en projectgroepen",
    "projectgroep": "Kerngroep, comités en projectgroepen",
    "actor": "Actoren",
    "besluit": "Besluiten",
    "vergadering": "Vergaderingen",
    "cijferreeks": "Cijfers van de diagnostiek",
    "bestand": "Andere bestanden",
}
_EMPTY = "(leeg)"
_SUMMARY_KEYS = ("punt", "wat", "titel", "naam", "tekst", "vraag", "id", "plan")


def _short_text(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    """A number the Dutch way: 5.000 and 12,5."""
    if float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _diff_value(name: str, value: object) -> str:
    if value is None:
        return _EMPTY
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return f"€ {_number(value)}" if name == "budget" else _number(value)
    if isinstance(value, dt.date):
        from livb.dates import dutch_date

        return dutch_date(value)
    if isinstance(value, dict):
        if value.keys() <= {"waarde", "jaar"} and "waarde" in value:
            year = f" ({value['jaar']})" if value.get("jaar") is not None else ""
            return f"{_diff_value('', value['waarde'])}{year}"
        return "; ".join(f"{k}: {_diff_value(str(k), v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_summary(item) for item in value) or _EMPTY
    return f"'{_short_text(str(value))}'"


def _summary(item: object) -> str:
    if isinstance(item, dict):
        key = next((k for k in _SUMMARY_KEYS if item.get(k)), None)
        return f"'{_short_text(str(item[key]), 40)}'" if key else "(een element)"
    return _diff_value("", item) if not isinstance(item, str) else item


def _list_change(old: list[object], new: list[object]) -> str:
    if all(isinstance(item, dict) and item.get("id") for item in (*old, *new)):
        return _items_change(old, new)  # type: ignore[arg-type]
    before = [_summary(item) for item in old]
    after = [_summary(item) for item in new]
    parts = [f"+ {item}" for item in after if item not in before]
    parts += [f"− {item}" for item in before if item not in after]
    if parts:
        return ", ".join(parts)
    changed = [after[i] for i, item in enumerate(new) if item not in old]
    if not changed:
        return "volgorde gewijzigd"
    return "gewijzigd: " + ", ".join(dict.fromkeys(changed))


def _items_change(old: list[dict[str, object]], new: list[dict[str, object]]) -> str:
    """A list of items with an id (SWOT points, findings): by id, the text that changed."""
    before = {str(item["id"]): item for item in old}
    after = {str(item["id"]): item for item in new}
    parts = [f"+ {key} {_summary(item)}" for key, item in after.items() if key not in before]
    parts += [f"− {key}" for key in before if key not in after]
    for key, item in after.items():
        previous = before.get(key)
        if previous is None or previous == item:
            continue
        text = next((k for k in _SUMMARY_KEYS[:-2] if item.get(k) != previous.get(k)), None)
        old_text, new_text = (previous.get(text), item.get(text)) if text else (None, None)
        if isinstance(old_text, str) and isinstance(new_text, str):
            parts.append(f"{key} {_text_change(old_text, new_text)}")
        else:
            parts.append(f"{key} gewijzigd")
    return ", ".join(parts) or "volgorde gewijzigd"


def _text_change(old: str, new: str) -> str:
    """Two texts; a long one is shown as the words that differ, with a little context."""
    if len(old) <= 60 and len(new) <= 60:
        return f"'{old}' → '{new}'"
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    context = 3
    lead = "…" if start > context else ""
    tail = "…" if end > context else ""
    before = a[max(0, start - context) : start]
    after = a[len(a) - end : len(a) - end + context] if end else []

    def part(words: list[str]) -> str:
        middle = _short_text(" ".join(words), 80) if words else _EMPTY
        return " ".join(filter(None, [lead, *before, f"[{middle}]", *after, tail]))

    return f"{part(a[start : len(a) - end])} → {part(b[start : len(b) - end])}"


def _field_line(veld: Veld, change: Change) -> str:
    from livb.diff import MOVED

    old, new = veld.oud, veld.nieuw
    if veld.naam == MOVED:
        return f"verplaatst van {old or _EMPTY} naar {new or _EMPTY}"
    if change.nieuwe_titel is veld and isinstance(old, str) and isinstance(new, str):
        return f"nieuwe {veld.naam} (zelfde id): {_text_change(old, new)}"
    if isinstance(old, list) and isinstance(new, list):
        return f"{veld.naam} {_list_change(old, new)}"
    if isinstance(old, dict) and isinstance(new, dict) and not old.keys() <= {"waarde", "jaar"}:
        keys = list(new) + [k for k in old if k not in new]
        parts = [
            f"{k}: {_diff_value(str(k), old.get(k))} → {_diff_value(str(k), new.get(k))}"
            for k in keys
            if old.get(k) != new.get(k)
        ]
        return f"{veld.naam} " + "; ".join(parts)
    if isinstance(old, str) and isinstance(new, str):
        return f"{veld.naam} {_text_change(old, new)}"
    return f"{veld.naam} {_diff_value(veld.naam, old)} → {_diff_value(veld.naam, new)}"


def _item_label(soort: str, id_: str, titel: str | None) -> str:
    if soort in ("orgaan", "plan", "bestand"):
        return id_ if soort != "plan" else "plan.yaml"
    return f"{soort} {id_}" + (f" '{_short_text(titel)}'" if titel else "")


def diff_lines(changes: Sequence[Change]) -> list[str]:
    """The changes as indented Dutch lines, grouped by section, in the order of the plan."""
    from livb.diff import Aard, Plaats

    lines: list[str] = []
    section = ""
    shown: tuple[Plaats, ...] = ()
    for change in sorted(changes):
        heading = _DIFF_SECTIONS[change.soort.value]
        if heading != section:
            section, shown = heading, ()
            lines.append(heading)
        common = 0
        while common < len(shown) and common < len(change.binnen):
            if shown[common] != change.binnen[common]:
                break
            common += 1
        for depth in range(common, len(change.binnen)):
            place = change.binnen[depth]
            lines.append("  " * (depth + 1) + _item_label(place.soort.value, place.id, place.titel))
        indent = "  " * (len(change.binnen) + 1)
        label = _item_label(change.soort.value, change.id, change.titel)
        fields = [_field_line(v, change) for v in change.velden]
        if change.aard is Aard.GEWIJZIGD:
            headline = fields.pop(0) if len(fields) == 1 else ""
        elif change.aard is Aard.NIEUWE_ID:
            headline = f"nieuwe id (was {change.oude_id}), zelfde inhoud"
        elif change.aard is Aard.TOEGEVOEGD:
            headline = "toegevoegd"
            fields = [
                f"{v.naam} {_diff_value(v.naam, v.nieuw)}"
                for v in change.velden
                if v.naam not in ("titel", "naam")
            ]
        else:
            headline, fields = "verwijderd", []
        lines.append(f"{indent}{label}:" + (f" {headline}" if headline else ""))
        lines.extend(f"{indent}    {line}" for line in fields)
        shown = (*change.binnen, Plaats(change.soort, change.id, change.titel))
    return lines


def _diff_failures(diff: VersionDiff) -> list[tuple[Version, list[Diagnostic]]]:
    return [
        (side, [d for d in side.result.diagnostics if d.severity is Severity.FOUT])
        for side in (diff.old, diff.new)
        if side.result.project is None
    ]


def write_diff(diff: VersionDiff, out: TextIO | None = None) -> None:
    """Write the changes between two versions of the folder, or why a version does not load."""
    out = out or sys.stdout
    root = diff.new.result.root
    root = root.resolve() if str(root) == "." else root  # 'in halle', not 'in .'
    for side in (diff.old, diff.new):
        for note in side.skipped:
            out.write(f"let op ({side.label}): {note}\n")
    if diff.changes is None:
        for side, problems in _diff_failures(diff):
            out.write(f"De map {root} in {side.label} laadt niet:\n")
            for diagnostic in problems:
                out.write(f"  {format_line(diagnostic)}\n")
                if diagnostic.hint:
                    out.write(f"      hulp: {diagnostic.hint}\n")
        out.write("Los de fouten op, of vergelijk met een andere versie.\n")
        return
    if not diff.changes:
        out.write(f"Geen wijzigingen in {root} tussen {diff.old.label} en {diff.new.label}.\n")
        return
    out.write(f"Wijzigingen in {root} van {diff.old.label} tot {diff.new.label}:\n\n")
    for line in diff_lines(diff.changes):
        out.write(line + "\n")
    count = len(diff.changes)
    out.write(f"\n{count} {'wijziging' if count == 1 else 'wijzigingen'}.\n")


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def change_as_dict(change: Change) -> dict[str, object]:
    """One change as plain JSON data."""
    return {
        "soort": change.soort.value,
        "id": change.id,
        "aard": change.aard.value,
        "titel": change.titel,
        "oude_id": change.oude_id,
        "binnen": [{"soort": p.soort.value, "id": p.id, "titel": p.titel} for p in change.binnen],
        "velden": [
            {"veld": v.naam, "oud": _jsonable(v.oud), "nieuw": _jsonable(v.nieuw)}
            for v in change.velden
        ],
    }


def write_diff_json(diff: VersionDiff, out: TextIO | None = None) -> None:
    """Write the changes (or the loading errors) as JSON."""
    out = out or sys.stdout

    def side(version: Version) -> dict[str, object]:
        revision = version.revision
        return {
            "label": version.label,
            "versie": revision.spec if revision else None,
            "commit": revision.commit if revision else None,
            "niet_gelezen": version.skipped,
        }

    payload = {
        "map": str(diff.new.result.root),
        "van": side(diff.old),
        "tot": side(diff.new),
        "aantal": len(diff.changes) if diff.changes is not None else None,
        "wijzigingen": [change_as_dict(c) for c in sorted(diff.changes or [])],
        "fouten": [
            {"versie": version.label, "bevindingen": [d.as_dict() for d in problems]}
            for version, problems in _diff_failures(diff)
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
