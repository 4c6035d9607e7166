"""Running the checks: load the folder, run the rules, return every finding sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from livb.core.diagnostics import Diagnostic, Location, Severity
from livb.core.i18n import tr
from livb.folder.project import LoadResult, load_project
from livb.method.rules import RULES, Finding, RuleContext
from livb.method.rules._index import Index
from livb.model import Project
from livb.model.instellingen import UitgeschakeldeRegel

UNKNOWN_DISABLED_RULE = "LIVB005"
UNKNOWN_DISABLED_SUBJECT = "LIVB006"


@dataclass(frozen=True)
class Uitgeschakeld:
    """A finding that livb.yaml switches off on purpose, with the entry that does it.

    Attributes:
        diagnostic: the finding as it would have been reported.
        regel: the entry under ``regels: uitgeschakeld`` that silences it.
        positie: the entry's position in that list.
    """

    diagnostic: Diagnostic
    regel: UitgeschakeldeRegel
    positie: int


@dataclass
class CheckResult:
    """The outcome of ``livb check`` on one folder.

    Attributes:
        root: the folder.
        diagnostics: the findings reported.
        uitgeschakeld: the findings livb.yaml switches off on purpose, not reported.
    """

    root: Path
    diagnostics: list[Diagnostic]
    uitgeschakeld: list[Uitgeschakeld] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """How many findings of this severity."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def exit_code(self, *, strict: bool) -> int:
        """1 when there are errors (or warnings in strict mode), else 0."""
        worst = max((d.severity for d in self.diagnostics), default=Severity.INFO)
        limit = Severity.WAARSCHUWING if strict else Severity.FOUT
        return 1 if self.diagnostics and worst >= limit else 0

    def switched_off(self) -> list[tuple[UitgeschakeldeRegel, list[Diagnostic]]]:
        """Each entry of ``regels: uitgeschakeld`` that silenced something, with its findings."""
        grouped: dict[int, tuple[UitgeschakeldeRegel, list[Diagnostic]]] = {}
        for item in self.uitgeschakeld:
            grouped.setdefault(item.positie, (item.regel, []))[1].append(item.diagnostic)
        return [grouped[position] for position in sorted(grouped)]


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
        Every finding, from loading and from the rules, sorted by file and position; the
        findings that livb.yaml switches off are kept apart, with their reason.
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
    silenced: list[Uitgeschakeld] = []
    if loaded.project is not None:
        project = loaded.project
        entries = project.instellingen.regels.uitgeschakeld
        context = RuleContext(project, today or dt.date.today())
        diagnostics.extend(_check_entries(loaded, entries, context.index))
        for code, rule in RULES.items():
            if (select and code not in select) or code in ignore:
                continue
            for finding in rule.check(context):
                diagnostic = _diagnostic(loaded, code, finding.severity or rule.SEVERITY, finding)
                position = _switched_off_by(project, entries, code, finding)
                if position is None:
                    diagnostics.append(diagnostic)
                else:
                    silenced.append(Uitgeschakeld(diagnostic, entries[position], position))
    diagnostics = [d for d in diagnostics if d.code not in ignore]
    return CheckResult(loaded.root, sorted(diagnostics), silenced)


def _diagnostic(loaded: LoadResult, code: str, severity: Severity, finding: Finding) -> Diagnostic:
    location = loaded.locate(finding.path, finding.loc, at_key=finding.at_key)
    message = finding.message
    if finding.related is not None:
        message = tr(
            "{melding} (eerder: {plaats})", melding=message, plaats=loaded.locate(*finding.related)
        )
    return Diagnostic(location, code, severity, message, finding.hint)


# -- rules switched off, for the whole folder or for one item -------------------------------------


def _switched_off_by(
    project: Project, entries: list[UitgeschakeldeRegel], code: str, finding: Finding
) -> int | None:
    """The position of the first entry that switches this finding off, if any."""
    subjects: set[str] | None = None
    for position, entry in enumerate(entries):
        if entry.code != code:
            continue
        if not entry.voor:
            return position
        if subjects is None:
            subjects = _subjects(project, finding)
        if subjects.intersection(entry.voor):
            return position
    return None


def _subjects(project: Project, finding: Finding) -> set[str]:
    """What a finding is about: its file, the ids of the items it points into, the id it names.

    A finding on ``acties[0].trekker`` in doelstellingen/inbraken.yaml is about that file, its
    stem, the strategic and operational goal and the action it lies in, and the actor named.
    """
    found = {finding.path, PurePosixPath(finding.path).stem}
    node: Any = project.files.get(finding.path)
    for part in finding.loc:
        node = _child(node, part)
        item_id = getattr(node, "id", None) if isinstance(node, BaseModel) else None
        if isinstance(item_id, str):
            found.add(item_id)
    if isinstance(node, str):
        found.add(node)
    return found


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    if isinstance(node, BaseModel) and isinstance(part, str):
        for name, info in type(node).model_fields.items():
            if part in (name, info.alias):
                return getattr(node, name)
    return None


def _known_subjects(project: Project, index: Index) -> set[str]:
    known = {id_ for ids in index.defined.values() for id_ in ids}
    for path in project.files:
        known.update((path, PurePosixPath(path).stem))
    return known


def _check_entries(
    loaded: LoadResult, entries: list[UitgeschakeldeRegel], index: Index
) -> Iterator[Diagnostic]:
    """Warn about entries that name a rule or an item that does not exist."""
    assert loaded.project is not None
    known: set[str] | None = None
    for position, entry in enumerate(entries):
        where = ("regels", "uitgeschakeld", position)
        if entry.code not in RULES:
            yield Diagnostic(
                loaded.locate("livb.yaml", (*where, "code")),
                UNKNOWN_DISABLED_RULE,
                Severity.WAARSCHUWING,
                tr(
                    "de regel {code} bestaat niet en kan niet uitgeschakeld worden", code=entry.code
                ),
                tr("zie 'livb check --regels' voor de lijst van regels"),
            )
        if known is None and entry.voor:
            known = _known_subjects(loaded.project, index)
        for v_index, subject in enumerate(entry.voor):
            if known is not None and subject not in known:
                yield Diagnostic(
                    loaded.locate("livb.yaml", (*where, "voor", v_index)),
                    UNKNOWN_DISABLED_SUBJECT,
                    Severity.WAARSCHUWING,
                    tr(
                        "'{id}' is geen id en geen bestand van deze map; {code} blijft daar "
                        "dus aan",
                        id=subject,
                        code=entry.code,
                    ),
                    tr(
                        "geef de id van een vergadering, actor, prioriteit, doelstelling, ... of "
                        "een bestand zoals vergaderingen/2026-03-20-kerngroep.yaml"
                    ),
                )


__all__ = ["CheckResult", "Location", "Uitgeschakeld", "run_checks"]
