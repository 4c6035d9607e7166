"""The follow-up workbook's content and layout, shared by ``livb export`` and ``livb import``.

One function, :func:`follow_up_rows`, says what a project leader (trekker) sees for a year:
their actions, the indicators of the goals they work on, the huiswerk of meetings assigned to
them, each with the values monitoring/JJJJ.yaml holds now (or the state the action had before
the year). The export writes those rows; the import computes them again from the folder as it
is now and compares three values per cell: what was exported (kept in the hidden stamp sheet),
what the folder holds now, and what the workbook says. Confidential interviews are never read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from livb.core import formatting, i18n
from livb.core.i18n import N_, tr
from livb.method.money import action_budget, source_name
from livb.method.queries import action_states, homework_due
from livb.model import Project
from livb.model._tijd import Precisie, VageDatum
from livb.model.walk import operational_goals

STAMP_SHEET = "livb"
"""The hidden sheet that tells the import which folder, year and values a workbook holds."""
STAMP_MAKER = "livb export opvolging"
STAMP_FORMAT = 1
GUIDE_SHEET = N_("Uitleg")
NO_TREKKER = "zonder trekker"
"""The sheet name (and key) of the actions that have no trekker."""

ACTIES, INDICATOREN, HUISWERK = N_("Acties"), N_("Indicatoren"), N_("Huiswerk")
"""The sections (their titles in column A, in the folder's language; the import finds the
sections by them, in either language)."""
ID_HEADER = "Id"
SOURCE_ID_LABEL = N_("Bron-id")
"""Column A of the hidden row under the action header that holds each spending column's source."""
SPENDING_PREFIX = "uitgave:"
"""The value name of a spending cell per source: the prefix and the source's id."""

STATES = (N_("gepland"), N_("lopend"), N_("afgerond"), N_("vertraagd"), N_("geschrapt"))
"""An action's states as the YAML writes them; a workbook shows them in its language."""


@dataclass(frozen=True)
class Column:
    """One column of a section: its header, the value's name, whether it is filled in."""

    header: str
    name: str
    fill: bool = False
    kind: str = "text"
    """text, number, euro, date, state, yesno."""
    width: int = 14


SECTION_COLUMNS: dict[str, tuple[Column, ...]] = {
    ACTIES: (
        Column(ID_HEADER, "id", width=22),
        Column(N_("Actie"), "titel", width=40),
        Column(N_("Start"), "start", kind="date", width=12),
        Column(N_("Einde"), "einde", kind="date", width=12),
        Column(N_("Budget"), "budget", kind="euro"),
        Column(N_("Status in het plan"), "plan", width=16),
        Column(N_("Toestand"), "status", fill=True, kind="state"),
        Column(N_("Besteed dit jaar"), "besteed", fill=True, kind="euro", width=16),
        Column(N_("Reden (bij vertraagd of geschrapt)"), "reden", fill=True, width=34),
        Column(N_("Opmerking"), "opmerking", fill=True, width=40),
    ),
    INDICATOREN: (
        Column(ID_HEADER, "id", width=22),
        Column(N_("Indicator"), "naam", width=40),
        Column(N_("Eenheid"), "eenheid", width=12),
        Column(N_("Basiswaarde"), "basis", kind="number"),
        Column(N_("Streefwaarde"), "doel", kind="number"),
        Column(N_("Laatste meting"), "laatst", width=16),
        Column(N_("Waarde"), "waarde", fill=True, kind="number"),
        Column(N_("Datum"), "datum", fill=True, kind="date", width=12),
        Column(N_("Bron"), "bron", fill=True, width=34),
        Column(N_("Opmerking"), "opmerking", fill=True, width=40),
    ),
    HUISWERK: (
        Column(ID_HEADER, "id", width=22),
        Column(N_("Taak"), "wat", width=40),
        Column(N_("Tegen"), "tegen", kind="date", width=12),
        Column(N_("Vergadering"), "vergadering", width=30),
        Column(N_("Gedaan (ja/nee)"), "gedaan", fill=True, kind="yesno", width=16),
        Column(N_("Opmerking"), "opmerking", fill=True, width=40),
    ),
}

FILL_FIELDS = {
    section: tuple(c.name for c in columns if c.fill)
    for section, columns in SECTION_COLUMNS.items()
}
"""The fill-in values of each section; an action funded per source has spending cells instead
of ``besteed``."""


def spending_field(bron: str) -> str:
    """The value name of what an action spent from ``bron``."""
    return SPENDING_PREFIX + bron


def spending_source(name: str) -> str | None:
    """The source of a spending value name, None for any other value."""
    return name.removeprefix(SPENDING_PREFIX) if name.startswith(SPENDING_PREFIX) else None


def value_kind(section: str, name: str) -> str:
    """The kind of a fill-in value (a spending cell is in euro)."""
    if spending_source(name) is not None:
        return "euro"
    return next(c.kind for c in SECTION_COLUMNS[section] if c.name == name)


@dataclass
class Row:
    """One row of a trekker's sheet.

    Attributes:
        section: ACTIES, INDICATOREN or HUISWERK.
        key: the action or indicator id, or ``vergadering/taak`` for huiswerk.
        shown: the read-only values, by column name.
        values: the values to fill in as the folder holds them now, by column name.
    """

    section: str
    key: str
    shown: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sheet:
    """The rows of one trekker (or of the actions without one).

    Attributes:
        sources: the spending columns after the action columns, as (id, name): every source
            an action of the sheet is funded by in the year, or spent from.
    """

    trekker: str
    title: str
    rows: list[Row] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)


def in_either_language(text: str, choices: tuple[str, ...]) -> str | None:
    """The choice (Dutch) that ``text`` names in Dutch or in French, whatever the case."""
    wanted = text.strip().lower()
    for choice in choices:
        if wanted in {choice.lower(), *(i18n.translate(choice, t).lower() for t in i18n.LANGUAGES)}:
            return choice
    return None


YES, NO = N_("ja"), N_("nee")
"""How a workbook writes yes and no (in its language; read back in either)."""


def huiswerk_key(vergadering: str, taak: int) -> str:
    """The id of a task in the workbook: the meeting's id and the task's number."""
    return f"{vergadering}/{taak}"


def trekker_name(project: Project, trekker: str) -> str:
    """How a trekker is named: the actor's name, else the id."""
    if trekker == NO_TREKKER:
        return tr("Zonder trekker")
    actor = next((a for a in project.actoren.actoren if a.id == trekker), None)
    return (actor.naam if actor and actor.naam else trekker).strip()


def trekkers(project: Project) -> list[str]:
    """The trekkers of the plan's actions in the plan's order (NO_TREKKER last, if needed)."""
    found: list[str] = []
    for _, _, od in operational_goals(project):
        for actie in od.acties:
            who = actie.trekker or NO_TREKKER
            if who not in found:
                found.append(who)
        if od.indicatoren and not od.acties and NO_TREKKER not in found:
            found.append(NO_TREKKER)
    if NO_TREKKER in found:
        found.remove(NO_TREKKER)
        found.append(NO_TREKKER)
    return found


def follow_up_rows(project: Project, jaar: int) -> list[Sheet]:
    """What each trekker fills in for ``jaar``, with the values the folder holds now."""
    monitoring = project.monitoring.get(jaar)
    before = action_states(project, dt.date(jaar - 1, 12, 31))
    stands = {s.actie: s for s in monitoring.acties} if monitoring else {}
    metingen = {m.indicator: m for m in monitoring.metingen} if monitoring else {}
    done = {(h.vergadering, h.taak): h for h in monitoring.huiswerk} if monitoring else {}
    sources = {b.id: b.naam for b in project.bronnen.bronnen}
    earlier = _last_measurements(project, jaar)
    sheets = _sheets(project)
    for _, _, od in operational_goals(project):
        who_here: list[str] = []
        for actie in od.acties:
            who = actie.trekker or NO_TREKKER
            if who not in who_here:
                who_here.append(who)
            sheets[who].rows.append(
                _action_row(actie, stands.get(actie.id), before[actie.id], jaar)
            )
        for indicator in od.indicatoren:
            row = _indicator_row(indicator, metingen.get(indicator.id), earlier, sources)
            for who in who_here or [NO_TREKKER]:
                sheets[who].rows.append(replace(row, values=dict(row.values)))
    for trekker in sheets:
        if trekker != NO_TREKKER:
            sheets[trekker].rows += _huiswerk(project, jaar, trekker, done)
    for sheet in sheets.values():
        sheet.sources = _spending_columns(project, sheet.rows)
    return list(sheets.values())


def _spending_columns(project: Project, rows: list[Row]) -> list[tuple[str, str]]:
    """The sources of a sheet's spending cells: in the order plan.yaml declares them."""
    used = {
        source
        for row in rows
        for name in row.values
        if (source := spending_source(name)) is not None
    }
    order = [b.id for b in project.plan.financiering if b.id in used]
    order += sorted(used - set(order))
    return [(bron, source_name(project, bron)) for bron in order]


def _last_measurements(project: Project, jaar: int) -> dict[str, Any]:
    """Each indicator's last measurement in a year before ``jaar``."""
    earlier: dict[str, Any] = {}
    for year in sorted(y for y in project.monitoring if y < jaar):
        for meting in project.monitoring[year].metingen:
            earlier[meting.indicator] = meting
    return earlier


def _sheets(project: Project) -> dict[str, Sheet]:
    """An empty sheet per trekker, titled with a name Excel accepts and no other sheet has."""
    sheets = {t: Sheet(t, "") for t in trekkers(project)}
    names = {sheet.trekker: trekker_name(project, sheet.trekker) for sheet in sheets.values()}
    for title, trekker in zip(_sheet_titles(list(names.values())), names, strict=True):
        sheets[trekker].title = title
    return sheets


def _action_row(actie: Any, stand: Any, before: Any, jaar: int) -> Row:
    """An action as the plan shows it, with the year's state (or last year's) to fill in.

    An action funded per source gets a spending value per source it is funded by in ``jaar``
    (and per source the year's file says it spent from) instead of ``besteed``.
    """
    values: dict[str, Any]
    if stand is not None:
        values = {
            "status": stand.status.value,
            "besteed": stand.besteed,
            "reden": stand.reden,
            "opmerking": stand.opmerking,
        }
    else:
        values = {
            "status": before.status.value,
            "besteed": None,
            "reden": before.reden,
            "opmerking": None,
        }
    if actie.middelen:
        del values["besteed"]
        funded = [m.bron for m in actie.middelen if m.jaar == jaar]
        spent = [u.bron for u in stand.uitgaven] if stand is not None else []
        for bron in dict.fromkeys([*funded, *spent]):
            amounts = [u.bedrag for u in (stand.uitgaven if stand else []) if u.bron == bron]
            values[spending_field(bron)] = sum(amounts) if amounts else None
    shown = {
        "id": actie.id,
        "titel": actie.titel,
        "start": actie.start,
        "einde": actie.einde,
        "budget": action_budget(actie),
        "plan": actie.status.value,
    }
    return Row(ACTIES, actie.id, shown, values)


def _indicator_row(
    indicator: Any, found: Any, earlier: dict[str, Any], sources: dict[str, str]
) -> Row:
    """An indicator with its last measurement before the year, and the year's to fill in."""
    last = earlier.get(indicator.id)
    shown = {
        "id": indicator.id,
        "naam": indicator.naam,
        "eenheid": indicator.eenheid,
        "basis": indicator.basiswaarde.waarde if indicator.basiswaarde else None,
        "doel": indicator.streefwaarde.waarde if indicator.streefwaarde else None,
        "laatst": f"{formatting.number(last.waarde, grouping=False)} ({last.datum})"
        if last
        else None,
    }
    if found is not None:
        values = {
            "waarde": found.waarde,
            "datum": found.datum,
            "bron": found.bron,
            "opmerking": found.opmerking,
        }
    else:
        source = sources.get(indicator.bron or "")
        values = {"waarde": None, "datum": None, "bron": source, "opmerking": None}
    return Row(INDICATOREN, indicator.id, shown, values)


def _huiswerk(project: Project, jaar: int, trekker: str, done: dict[Any, Any]) -> list[Row]:
    """A trekker's tasks due in ``jaar``, and those an earlier year recorded as not done."""
    due = {(id_, number) for id_, number, _, _ in homework_due(project, jaar)}
    rows = []
    meetings = sorted(project.vergaderingen.items(), key=lambda item: (item[1].datum, item[0]))
    for id_, vergadering in meetings:
        for number, taak in enumerate(vergadering.huiswerk, start=1):
            # as livb new monitoring, and whatever this year's file already says about a task
            if trekker not in taak.wie or ((id_, number) not in due and (id_, number) not in done):
                continue
            current = done.get((id_, number))
            shown = {
                "id": huiswerk_key(id_, number),
                "wat": taak.wat,
                "tegen": taak.tegen,
                "vergadering": f"{vergadering.titel or vergadering.orgaan} ({vergadering.datum})",
            }
            values = {
                "gedaan": current.gedaan if current else None,
                "opmerking": current.opmerking if current else None,
            }
            rows.append(Row(HUISWERK, huiswerk_key(id_, number), shown, values))
    return rows


_FORBIDDEN = set("[]:*?/\\")


def _sheet_titles(names: list[str]) -> list[str]:
    """Sheet names Excel accepts: at most 31 characters, none of the forbidden ones, unique."""
    titles: list[str] = []
    for name in names:
        base = "".join("-" if c in _FORBIDDEN else c for c in name).strip("' ")[:31] or "Trekker"
        title, number = base, 2
        while title.casefold() in {t.casefold() for t in [*titles, GUIDE_SHEET, STAMP_SHEET]}:
            title = f"{base[: 31 - len(str(number)) - 1]} {number}"
            number += 1
        titles.append(title)
    return titles


# --- values as the stamp keeps them ---------------------------------------------------------


def canonical(value: Any) -> Any:
    """A value as JSON keeps it, for comparing a cell with what was exported."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def yaml_value(value: Any) -> Any:
    """A value as the YAML file gets it: whole numbers without '.0', a vague date as written."""
    if isinstance(value, VageDatum) and value.precisie is not Precisie.DAG:
        return value.year if value.precisie is Precisie.JAAR else value.isoformat()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def stamp_rows(sheets: list[Sheet]) -> list[list[Any]]:
    """The exported values, one list per row: sheet, section, key, then the values as JSON."""
    return [
        [
            sheet.title,
            row.section,
            row.key,
            json.dumps(
                {name: canonical(value) for name, value in row.values.items()},
                ensure_ascii=False,
                sort_keys=True,
            ),
        ]
        for sheet in sheets
        for row in sheet.rows
    ]


def content_hash(header: dict[str, str], rows: list[list[Any]]) -> str:
    """The hash of what a workbook was exported with: the stamp's header and every value."""
    data = json.dumps([header, rows], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
