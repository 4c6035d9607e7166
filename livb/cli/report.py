"""Reporting findings: `pad:regel:kolom: ernst CODE boodschap`, in colour on a terminal, or JSON."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from livb.core.diagnostics import Diagnostic, Severity
from livb.core.errors import UsageError
from livb.core.formatting import join
from livb.core.i18n import N_, tr, word
from livb.core.words import count
from livb.method.process import FASEN, Stand, StepState

if TYPE_CHECKING:  # the rules are loaded only by the commands that check (not by render)
    from pathlib import Path

    from livb.documents.render import Availability, Rendered, Step
    from livb.method.check import CheckResult
    from livb.method.status import Status
    from livb.method.zone import ZoneStatus


def format_line(diagnostic: Diagnostic) -> str:
    """One finding as a line a terminal and an editor understand."""
    return (
        f"{diagnostic.location}: {diagnostic.severity.label} {diagnostic.code} {diagnostic.message}"
    )


def summary(results: Sequence[CheckResult]) -> str:
    """A sentence counting errors and warnings (and the notes, when there are any)."""
    errors = sum(r.count(Severity.FOUT) for r in results)
    warnings = sum(r.count(Severity.WAARSCHUWING) for r in results)
    notes = sum(r.count(Severity.INFO) for r in results)
    opmerkingen = count(notes, tr("opmerking"), tr("opmerkingen"))
    if not errors and not warnings:
        if notes:
            return tr("Geen fouten of waarschuwingen ({opmerkingen}).", opmerkingen=opmerkingen)
        return tr("Geen fouten of waarschuwingen.")
    if errors and warnings:
        found = tr(
            "{fouten} en {waarschuwingen}",
            fouten=errors_text(errors),
            waarschuwingen=warnings_text(warnings),
        )
    else:
        found = errors_text(errors) if errors else warnings_text(warnings)
    if notes:
        return tr("{wat} gevonden ({opmerkingen}).", wat=found, opmerkingen=opmerkingen)
    return tr("{wat} gevonden.", wat=found)


def errors_text(number: int) -> str:
    """'1 fout', '2 fouten'."""
    return count(number, tr("fout"), tr("fouten"))


def warnings_text(number: int) -> str:
    """'1 waarschuwing', '2 waarschuwingen'."""
    return count(number, tr("waarschuwing"), tr("waarschuwingen"))


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
                out.write(f"    {tr('hulp:')} {diagnostic.hint}\n")
    out.write(summary(results) + "\n")
    for line in switched_off_lines(results):
        out.write(line + "\n")


def switched_off_lines(results: Sequence[CheckResult]) -> list[str]:
    """The findings livb.yaml switches off on purpose: a count, then each entry with its reason."""
    total = sum(len(r.uitgeschakeld) for r in results)
    if not total:
        return []
    lines = [
        tr("{aantal} melding bewust uitgeschakeld in livb.yaml:", aantal=total)
        if total == 1
        else tr("{aantal} meldingen bewust uitgeschakeld in livb.yaml:", aantal=total)
    ]
    for result in results:
        prefix = _prefix(result, len(results))
        for regel, silenced in result.switched_off():
            voor = tr(" voor {ids}", ids=", ".join(regel.voor)) if regel.voor else ""
            lines.append(f"  {prefix}{regel.code}{voor} ({len(silenced)}×): {regel.reden}")
    return lines


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
                console.print(f"    [green]{tr('hulp:')}[/] {escape(diagnostic.hint)}")
    errors = any(r.count(Severity.FOUT) for r in results)
    console.print(f"[{'bold red' if errors else 'green'}]{escape(summary(results))}[/]")
    for line in switched_off_lines(results):
        console.print(f"[dim]{escape(line)}[/]")


def write_code_list(out: TextIO | None = None) -> None:
    """Write every code with its severity and name."""
    from livb.method.explain import all_codes

    out = out or sys.stdout
    for info in all_codes():
        out.write(f"{info.code}  {info.severity.label:<12} {info.name}\n")


def write_explanation(code: str, out: TextIO | None = None) -> None:
    """Write what a code checks, why, and how to fix it.

    Raises:
        UsageError: the code does not exist.
    """
    from livb.method.explain import explain

    out = out or sys.stdout
    info = explain(code)
    if info is None:
        raise unknown_code(code)
    out.write(f"{info.code} {info.name} ({info.severity.label})\n")
    out.write(tr("Bron: {methode}", methode=info.methode) + f"\n\n{_plain(info.text)}\n")


def _plain(text: str) -> str:
    """A rule's docstring as a terminal shows it: ``sleutel`` (reStructuredText) as 'sleutel'."""
    return re.sub(r"``(.+?)``", r"'\1'", text)


def unknown_code(code: str, where: str = "") -> UsageError:
    """The usage error for a code that does not exist, naming the nearest real code.

    Args:
        code: the code as typed.
        where: where it was typed, e.g. " in --select".
    """
    from livb.method.explain import all_codes, explain

    meant = explain(code)  # LIVB2O3 typed for LIVB203
    known = [info.code for info in all_codes()]
    close = [meant.code] if meant else difflib.get_close_matches(code.upper(), known, n=1)
    if close:
        message = tr(
            "onbekende code '{code}'{waar}; bedoelde je {bedoeld}?",
            code=code,
            waar=where,
            bedoeld=close[0],
        )
    else:
        message = tr("onbekende code '{code}'{waar}", code=code, waar=where)
    return UsageError(message, tr("'livb check --regels' toont alle codes"))


def write_json(results: Sequence[CheckResult], out: TextIO | None = None) -> None:
    """Write the findings as JSON for scripts and CI."""
    out = out or sys.stdout
    payload = [
        {
            "map": str(result.root),
            "fouten": result.count(Severity.FOUT),
            "waarschuwingen": result.count(Severity.WAARSCHUWING),
            "bevindingen": [d.as_dict() for d in result.diagnostics],
            "uitgeschakeld": _switched_off_json(result),
        }
        for result in results
    ]
    json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _switched_off_json(result: CheckResult) -> list[dict[str, object]]:
    return [
        {
            "code": regel.code,
            "voor": regel.voor,
            "reden": regel.reden,
            "bevindingen": [d.as_dict() for d in silenced],
        }
        for regel, silenced in result.switched_off()
    ]


_MARKS = {
    Stand.KLAAR: "✔",
    Stand.ANDERS: "✔",
    Stand.NVT: "–",
    Stand.BEZIG: "◐",
    Stand.TE_DOEN: "○",
    Stand.NIET_AFGESLOTEN: "◑",
    Stand.FACULTATIEF: "·",
    Stand.OVERGESLAGEN: "↷",
    Stand.ONVOLLEDIG: "↷",
}
_STYLES = {
    Stand.KLAAR: "green",
    Stand.ANDERS: "green",
    Stand.NVT: "dim",
    Stand.BEZIG: "yellow",
    Stand.TE_DOEN: "dim",
    Stand.NIET_AFGESLOTEN: "yellow",
    Stand.FACULTATIEF: "dim",
    Stand.OVERGESLAGEN: "magenta",
    Stand.ONVOLLEDIG: "magenta",
}
_SAY_WHY = {Stand.KLAAR, Stand.TE_DOEN, Stand.FACULTATIEF}
"""Stands that speak for themselves; every other stand shows its reason under the step."""


def _heading(status: Status) -> str:
    return tr(
        "{naam} — {titel} (fase {fase})", naam=status.naam, titel=status.titel, fase=status.fase
    )


def _status_lines(status: Status) -> list[str]:
    lines = [_heading(status)]
    if status.state is None:
        lines.append(
            tr(
                "  de map heeft {fouten}; 'livb check {map}' toont waar",
                fouten=errors_text(status.errors),
                map=status.root,
            )
        )
        return lines
    phase = ""
    width = max(52, *(len(step.titel) for step in status.state.steps))
    for step in status.state.steps:
        if step.fase != phase:
            phase = step.fase
            lines.append(tr("Fase {nummer}  {naam}", nummer=phase, naam=tr(FASEN[phase])))
        day = str(step.datum) if step.datum else ""
        evidence = ", ".join(step.bewijs[:2]) + (" …" if len(step.bewijs) > 2 else "")
        lines.append(
            f"  {_MARKS[step.stand]} {step.stap.value:<4} {step.titel:<{width}} "
            f"{word(step.stand.value):<19} {day:<10}  {evidence}"
        )
        if step.stand not in _SAY_WHY and step.uitleg:
            lines.append(f"         {step.uitleg}")
    following = status.state.next_step
    if following is not None:
        lines.append(_next_step_line(following))
        lines.append(f"  → {following.volgende}")
    if status.keten:
        lines.append(_chain_line(status))
    if status.opvolging is not None:
        lines.append(_follow_up_line(status))
    lines.append(_control_line(status))
    lines.extend(switched_off_lines([status.check]))
    return lines


def _next_step_line(following: StepState) -> str:
    return tr(
        "Volgende stap: {stap} {titel}: {uitleg}",
        stap=following.stap.value,
        titel=following.titel,
        uitleg=following.uitleg,
    )


def _chain_line(status: Status) -> str:
    spread = ", ".join(f"{word(k)} {v}" for k, v in sorted(status.keten.items()))
    return tr("Acties per schakel van de keten: {verdeling}", verdeling=spread)


def _control_line(status: Status) -> str:
    return tr(
        "Controle: {fouten}, {waarschuwingen}",
        fouten=errors_text(status.errors),
        waarschuwingen=warnings_text(status.warnings),
    )


def _follow_up_line(status: Status) -> str:
    """'Opvolging (monitoring 2010–2011): 13 acties: …; 7 indicatoren: …'."""
    follow = status.opvolging
    assert follow is not None
    years = follow.jaren
    if len(years) > 1:
        where = tr("monitoring {van}–{tot}", van=years[0], tot=years[-1])
    elif years:
        where = tr("monitoring {jaar}", jaar=years[0])
    else:
        where = tr("nog geen monitoring")
    return tr(
        "Opvolging ({waar}): {acties}; {indicatoren}",
        waar=where,
        acties=follow.actions_text,
        indicatoren=follow.indicators_text,
    )


def _status_row(status: Status) -> str:
    if status.state is None:
        return tr(
            "{naam:<24} map met {fouten}", naam=status.naam, fouten=errors_text(status.errors)
        )
    latest = status.state.last_settled
    last = f"{latest.stap.value} ({latest.datum})" if latest else "-"
    following = status.state.next_step
    nxt = f"{following.stap.value} {following.titel}" if following else tr("alles gedaan")
    return tr(
        "{naam:<24} fase {fase:<26} {aantal} afgerond  laatste {laatste:<18} volgende: "
        "{volgende:<46} {fouten} F {waarschuwingen} W",
        naam=status.naam,
        fase=status.fase,
        aantal=f"{len(status.state.settled):>2}/{len(status.state.steps)}",
        laatste=last,
        volgende=nxt,
        fouten=status.errors,
        waarschuwingen=status.warnings,
    )


def write_zone_status(status: ZoneStatus, out: TextIO | None = None) -> None:
    """Write which municipality answers which priority of the zone's ZVP."""
    out = out or sys.stdout
    zone = status.zone
    out.write(f"{zone.naam} — {zone.zvp.titel}\n")
    for priority in zone.zvp.prioriteiten:
        answers = status.answers.get(priority.id, [])
        shown = "; ".join(f"{naam} ({', '.join(ids)})" for naam, ids in answers)
        shown = shown or tr("nog geen enkele gemeente antwoordt")
        out.write(f"  {priority.titel}: {shown}\n")
    for naam, why in status.missing:
        out.write(tr("  niet gelezen: {naam}: {waarom}", naam=naam, waarom=why) + "\n")
    if status.unlinked:
        out.write(tr("  zonder 'map' in zone.yaml: {mappen}", mappen=join(status.unlinked)) + "\n")


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
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, highlight=False)
    console.print(escape(_heading(status)))
    if status.state is None:
        console.print(f"[red]{tr('de map heeft fouten:')}[/] livb check {status.root}")
        return
    table = Table(show_lines=False, header_style="bold")
    for column in ("", tr("Stap"), tr("Titel"), tr("Stand"), tr("Datum"), tr("Bewijs")):
        table.add_column(column)
    for step in status.state.steps:
        style = _STYLES[step.stand]
        why = f"\n[dim]{escape(step.uitleg)}[/]" if step.stand not in _SAY_WHY else ""
        table.add_row(
            f"[{style}]{_MARKS[step.stand]}[/]",
            step.stap.value,
            step.titel + why,
            f"[{style}]{word(step.stand.value)}[/]",
            str(step.datum) if step.datum else "",
            "\n".join(step.bewijs[:3]) + ("\n…" if len(step.bewijs) > 3 else ""),
        )
    console.print(table)
    following = status.state.next_step
    if following is not None:
        console.print(
            f"{escape(_next_step_line(following))}\n  → [cyan]{escape(following.volgende)}[/]"
        )
    if status.keten:
        console.print(escape(_chain_line(status)))
    if status.opvolging is not None:
        console.print(escape(_follow_up_line(status)))
    console.print(escape(_control_line(status)))
    for line in switched_off_lines([status.check]):
        console.print(f"[dim]{escape(line)}[/]")


def write_status_json(statuses: Sequence[Status], out: TextIO | None = None) -> None:
    """Write the process state as JSON."""
    out = out or sys.stdout
    payload = []
    for status in statuses:
        steps = status.state.steps if status.state else []
        following = status.state.next_step if status.state else None
        last = status.state.last_settled if status.state else None
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
                        "datum": str(s.datum) if s.datum else None,
                        "bewijs": list(s.bewijs),
                        "uitleg": s.uitleg,
                        "volgende": s.volgende or None,
                    }
                    for s in steps
                ],
                "afgerond": len(status.state.settled) if status.state else None,
                "laatste": last.stap.value if last else None,
                "volgende": following.stap.value if following else None,
                "keten": dict(sorted(status.keten.items())),
                "opvolging": {
                    "jaren": list(status.opvolging.jaren),
                    "acties": status.opvolging.acties,
                    "indicatoren": status.opvolging.indicatoren,
                }
                if status.opvolging
                else None,
                "fouten": status.errors,
                "waarschuwingen": status.warnings,
                "uitgeschakeld": _switched_off_json(status.check),
            }
        )
    json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_document_list(found: Sequence[Availability], out: TextIO | None = None) -> None:
    """``livb render --lijst``: each document, its step, and whether render alle makes it now."""
    from livb.documents._base import NoReason

    out = out or sys.stdout
    rows = [(tr("document"), tr("stap"), tr("nu"))]
    for entry in found:
        document = entry.document
        if isinstance(entry.why_not, NoReason):
            now = tr("nee, ook los enkel met --toch: {waarom}", waarom=entry.why_not)
        elif entry.why_not is not None:
            now = tr("nee: {waarom}", waarom=entry.why_not)
        elif document.per is not None:
            now = tr("ja, {aantal}× (--{per} ID of --alle)", aantal=entry.items, per=document.per)
        else:
            now = tr("ja")
        step = tr("elke") if document.stap == "alle" else document.stap
        rows.append((document.name, step, now))
    name_width = max(len(row[0]) for row in rows) + 2
    step_width = max(len(row[1]) for row in rows) + 2
    for name, step, now in rows:
        out.write(f"{name:<{name_width}}{step:<{step_width}}{now}\n".rstrip(" "))
    made = sum(1 for entry in found if entry.why_not is None)
    out.write(
        "\n"
        + tr(
            "livb render alle maakt de {aantal} met 'ja'. livb render DOCUMENT maakt er een, ook "
            "een met 'nee' (als ontwerp, met wat ontbreekt gemarkeerd) als er iets is om het voor "
            "te maken; een document waar de map geen reden meer voor heeft, alleen met --toch.",
            aantal=made,
        )
        + "\n"
    )


_STAGES = {"document": N_("documenten maken"), "pdf": N_("PDF's maken met LibreOffice")}


@contextmanager
def render_progress(out: TextIO | None = None) -> Iterator[Callable[[Step], None]]:
    """The progress of a render: a spinner on a terminal; otherwise a line per finished file.

    Off a terminal (a log, a pipe, CI), each stage says how many files it makes, and each file
    gets its line as soon as it is made, so a long run shows where it is.
    """
    out = out or sys.stderr
    if not out.isatty():
        yield _ProgressLines(out)
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=Console(file=out), transient=True
    ) as progress:
        task = progress.add_task(tr(_STAGES["document"]))

        def show(step: Step) -> None:
            stage = tr(_STAGES[step.stage])
            if step.finished or not step.name:
                where = f"{step.done}/{step.total}"
            else:
                where = f"{step.done + 1}/{step.total}: {step.name}"
            progress.update(task, description=f"{stage} ({where})")

        yield show


class _ProgressLines:
    """Progress as plain lines: a stage's title with its first file, then a line per file.

    One document alone is no progress worth a line (its summary follows at once); LibreOffice
    is slow even for one, so its stage is always shown.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.titled: set[str] = set()

    def __call__(self, step: Step) -> None:
        if not step.finished or (step.stage == "document" and step.total == 1):
            return
        if step.stage not in self.titled:
            self.titled.add(step.stage)
            self.out.write(f"{tr(_STAGES[step.stage])} ({step.total}):\n")
        self.out.write(f"  {step.done}/{step.total} {step.name}\n")
        self.out.flush()


def write_render_summary(results: Sequence[Rendered], out: TextIO | None = None) -> None:
    """What was written where, what was already so, and what is still to fill in."""
    out = out or sys.stdout
    if not results:
        out.write(tr("Er was niets om te maken.") + "\n")
        return
    folder = results[0].path.parent
    written = [r for r in results if not (r.unchanged and (r.pdf is None or r.pdf_unchanged))]
    kept = [r for r in results if r not in written]
    # What stayed as it was comes first and short; what was written last, where the eye is.
    if kept and not written:
        out.write(_all_kept_line(kept, folder))
    elif kept:
        names = ", ".join(r.path.name for r in kept)
        unchanged = (
            tr("1 document ongewijzigd:")
            if len(kept) == 1
            else tr("{documenten} ongewijzigd:", documenten=_documents_text(len(kept)))
        )
        out.write(unchanged + "\n")
        out.write(
            textwrap.fill(
                names,
                100,
                initial_indent="  ",
                subsequent_indent="  ",
                break_on_hyphens=False,
                break_long_words=False,
            )
            + "\n"
        )
    if written:
        out.write(
            tr("{documenten} in {map}:", documenten=_documents_text(len(written)), map=folder)
            + "\n"
        )
        for result in written:
            out.write(_summary_line(result))
    missing = sum(r.missing for r in results)
    if missing:
        hint = (
            tr("zie de opmerkingen in Word en de voetnoten in de PDF")
            if any(r.pdf for r in results)
            else tr("zie de opmerkingen in Word")
        )
        out.write(
            tr(
                "Ontwerp: {gegevens} gemarkeerd als [in te vullen]; {hulp}.",
                gegevens=_data_text(missing),
                hulp=hint,
            )
            + "\n"
        )


def _all_kept_line(kept: list[Rendered], folder: Path) -> str:
    if len(kept) == 1:
        line = tr(
            "{naam} in {map} is ongewijzigd: al zoals livb het nu maakt.",
            naam=kept[0].path.name,
            map=folder,
        )
    else:
        line = tr(
            "Alle {aantal} documenten in {map} zijn ongewijzigd: al zoals livb ze nu maakt.",
            aantal=len(kept),
            map=folder,
        )
    return line + "\n"


def _summary_line(result: Rendered) -> str:
    note = (
        "  " + tr("({gegevens} in te vullen)", gegevens=_data_text(result.missing))
        if result.missing
        else ""
    )
    pdf = f" + {result.pdf.name}" if result.pdf else ""
    return f"  {result.path.name}{pdf}{note}\n"


def _data_text(number: int) -> str:
    return count(number, tr("gegeven"), tr("gegevens"))


def _documents_text(number: int) -> str:
    return count(number, tr("document"), tr("documenten"))


# --- livb diff -------------------------------------------------------------------------------

if TYPE_CHECKING:
    from livb.history.diff import Change
    from livb.history.versions import Version, VersionDiff


def diff_lines(changes: Sequence[Change]) -> list[str]:
    """The changes as indented Dutch lines, grouped by section, in the order of the plan."""
    from livb.history.diff import SECTIES, Plaats, change_text, item_label

    lines: list[str] = []
    section = ""
    shown: tuple[Plaats, ...] = ()
    for change in sorted(changes):
        heading = SECTIES[change.soort.value]
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
            lines.append("  " * (depth + 1) + item_label(place.soort.value, place.id, place.titel))
        indent = "  " * (len(change.binnen) + 1)
        headline, details = change_text(change)
        label = item_label(change.soort.value, change.id, change.titel)
        lines.append(f"{indent}{label}:" + (f" {headline}" if headline else ""))
        lines.extend(f"{indent}    {line}" for line in details)
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
            out.write(
                tr("let op ({versie}): {opmerking}", versie=side.label, opmerking=note) + "\n"
            )
    if diff.changes is None:
        for side, problems in _diff_failures(diff):
            out.write(
                tr("De map {map} in {versie} laadt niet:", map=root, versie=side.label) + "\n"
            )
            for diagnostic in problems:
                out.write(f"  {format_line(diagnostic)}\n")
                if diagnostic.hint:
                    out.write(f"      {tr('hulp:')} {diagnostic.hint}\n")
        out.write(tr("Los de fouten op, of vergelijk met een andere versie.") + "\n")
        return
    if not diff.changes:
        out.write(
            tr(
                "Geen wijzigingen in {map} tussen {van} en {tot}.",
                map=root,
                van=diff.old.label,
                tot=diff.new.label,
            )
            + "\n"
        )
        return
    out.write(
        tr(
            "Wijzigingen in {map} van {van} tot {tot}:",
            map=root,
            van=diff.old.label,
            tot=diff.new.label,
        )
        + "\n\n"
    )
    for line in diff_lines(diff.changes):
        out.write(line + "\n")
    out.write(f"\n{count(len(diff.changes), tr('wijziging'), tr('wijzigingen'))}.\n")


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
