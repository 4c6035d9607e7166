"""``livb import`` of a workbook that ``livb export opvolging`` wrote and a trekker filled in.

Every fill-in cell has three values: what was exported (the hidden stamp sheet), what the folder
holds now (computed again with :func:`~livb.exchange.workbook.follow_up_rows`) and what the
workbook says. A cell the trekker left as it was changes nothing; a cell changed in the
workbook becomes a change of monitoring/JJJJ.yaml, unless the folder changed that value since
the export too (the YAML edited by hand, or another workbook imported first): that is a
conflict, named with both values, and nothing is written. So workbooks of several trekkers
merge one after the other, and an unchanged workbook imports as no change.

Whatever is wrong in a workbook is said with its sheet and cell, and nothing is written. The
new text of the year's file is checked as ``livb check`` would check a hand edit before it is
written, once, atomically, under the folder's lock.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livb.core import formatting
from livb.core.errors import LivbError
from livb.core.formatting import parse_number
from livb.core.i18n import N_, tr
from livb.core.transaction import FileChangedError, folder_lock, os_reason, write_atomic
from livb.exchange import ImportReport, load_folder
from livb.exchange.workbook import (
    ACTIES,
    HUISWERK,
    ID_HEADER,
    INDICATOREN,
    NO,
    SECTION_COLUMNS,
    SOURCE_ID_LABEL,
    STAMP_MAKER,
    STAMP_SHEET,
    STATES,
    YES,
    canonical,
    content_hash,
    follow_up_rows,
    in_either_language,
    spending_field,
    spending_source,
    value_kind,
    yaml_value,
)
from livb.folder.project import LoadResult
from livb.folder.yamledit import EditError, replace_scalars, update_roundtrip
from livb.folder.yamlio import parse_fast
from livb.model._tijd import VageDatum

Key = tuple[str, str]
"""A row of the workbook: its section and its id."""

_LISTS = {ACTIES: "acties", INDICATOREN: "metingen", HUISWERK: "huiswerk"}
_WHAT = {ACTIES: N_("actie"), INDICATOREN: N_("indicator"), HUISWERK: N_("taak")}
_REASON_STATES = ("vertraagd", "geschrapt")
_SECTIONS = tuple(SECTION_COLUMNS)


class _Refusal(Exception):
    """One problem of the workbook, with its sheet and cell."""

    def __init__(self, where: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.where, self.message, self.hint = where, message, hint


@dataclass
class _Cell:
    sheet: str
    coordinate: str
    value: Any


@dataclass
class _ReadRow:
    sheet: str
    section: str
    key: str
    cells: dict[str, _Cell] = field(default_factory=dict)


@dataclass
class _Change:
    key: Key
    name: str
    value: Any
    before: Any
    cell: _Cell


def import_workbook(
    path: Path,
    root: Path,
    *,
    dry_run: bool,
    starter: Callable[[int], object] | None = None,
    today: dt.date | None = None,
) -> ImportReport:
    """Take over what a trekker filled in into monitoring/JJJJ.yaml.

    Args:
        path: the workbook.
        root: the gemeente folder.
        dry_run: only say what would change.
        starter: creates monitoring/JJJJ.yaml from the starter (``livb new monitoring``) when
            the year has no file yet; without one the file starts empty.
        today: the day the rules of ``livb check`` run for.

    Raises:
        LivbError: the workbook cannot be taken over (sheet and cell said, nothing written).
    """
    today = today or dt.date.today()
    name = path.name
    stamp, rows, values = _read_workbook(path)
    loaded = load_folder(root, "livb import")
    jaar = _check_stamp(name, stamp, loaded)
    relative = f"monitoring/{jaar}.yaml"
    before = _current(loaded, jaar)
    changes = _changes(name, rows, values, before, jaar)
    report = ImportReport(path, dry_run=dry_run)
    report.changes = [_line(relative, c, name) for c in changes]
    if not changes:
        return report
    exists = (root / relative).is_file()
    if dry_run:
        text = _read(root / relative).decode("utf-8") if exists else ""
        _edited(loaded, name, relative, text, changes, before, jaar, today)
        if not exists:
            report.notes.append(
                tr("{pad} bestaat nog niet; livb new monitoring maakt het aan.", pad=relative)
            )
        return report
    if not exists and starter is not None:
        starter(jaar)
        report.notes.append(tr("{pad} aangemaakt met livb new monitoring.", pad=relative))
    with folder_lock(root, "livb import"):
        loaded = load_folder(root, "livb import")
        now = _current(loaded, jaar)
        if exists:  # the folder as it is now decides; a file the starter just made does not
            changes = _changes(name, rows, values, now, jaar)
            report.changes = [_line(relative, c, name) for c in changes]
        raw = _read(root / relative)
        text = _edited(loaded, name, relative, raw.decode("utf-8"), changes, now, jaar, today)
        _write(root, relative, text, raw)
    report.written.append(relative)
    return report


def _write(root: Path, relative: str, text: str, raw: bytes) -> None:
    """Replace the year's file, only if it still holds what was read."""
    try:
        write_atomic(root / relative, text, inside=root, expected=raw)
    except FileChangedError:
        raise LivbError(
            tr("'{pad}' werd gewijzigd terwijl livb import het aanpaste", pad=relative),
            tr("sla het bestand op (of sluit het) en importeer opnieuw; er is niets geschreven"),
        ) from None
    except OSError as error:
        raise LivbError(
            tr("kan '{pad}' niet schrijven: {reden}", pad=relative, reden=os_reason(error)),
            tr("controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd"),
        ) from None


# --- reading the workbook -------------------------------------------------------------------


def _stamp(name: str, book: Any) -> tuple[dict[str, str], list[list[str]]]:
    """The hidden sheet livb wrote: its header and the exported values, checked by their hash."""
    if STAMP_SHEET not in book.sheetnames:
        raise _not_ours(name)
    stamp_rows = [list(r) for r in book[STAMP_SHEET].iter_rows(values_only=True)]
    if not stamp_rows or stamp_rows[0][:2] != ["gemaakt door", STAMP_MAKER]:
        raise _not_ours(name)
    labels = [r[0] for r in stamp_rows]
    if "waarden" not in labels or "hash" not in labels:
        raise _not_ours(name)
    header = {str(r[0]): str(r[1]) for r in stamp_rows[: labels.index("hash")]}
    exported = [
        [str(r[0]), str(r[1]), str(r[2]), str(r[3])]
        for r in stamp_rows[labels.index("waarden") + 1 :]
        if r and r[0] is not None
    ]
    if stamp_rows[labels.index("hash")][1] != content_hash(header, exported):
        raise LivbError(
            tr(
                "{naam}: het verborgen blad '{blad}' werd gewijzigd; livb herkent het "
                "werkboek niet meer",
                naam=name,
                blad=STAMP_SHEET,
            ),
            tr("maak een nieuwe export (livb export opvolging) en neem de ingevulde waarden over"),
        )
    return header, exported


def _read_workbook(
    path: Path,
) -> tuple[dict[str, str], dict[Key, list[_ReadRow]], dict[tuple[str, str, str], dict[str, Any]]]:
    """The stamp's header, the rows by key, and the exported values by (sheet, section, id)."""
    name = path.name
    book, formulas = _open(path)
    header, exported = _stamp(name, book)
    values = {(s, section, key): json.loads(data) for s, section, key, data in exported}
    rows: dict[Key, list[_ReadRow]] = {}
    problems: list[_Refusal] = []
    for sheet in dict.fromkeys(s for s, _, _ in values):
        if sheet not in book.sheetnames:
            raise LivbError(
                tr("{naam}: het blad '{blad}' ontbreekt", naam=name, blad=sheet),
                tr(
                    "zet het blad terug (neem het over uit het werkboek dat je verstuurde); livb "
                    "verwijdert niets via een werkboek"
                ),
            )
        expected = {(section, key): v for (s, section, key), v in values.items() if s == sheet}
        found = _read_sheet(name, book[sheet], formulas[sheet], expected, problems)
        for row in found:
            rows.setdefault((row.section, row.key), []).append(row)
        for section, key in sorted(set(expected) - {(r.section, r.key) for r in found}):
            problems.append(
                _Refusal(
                    tr("{naam}, blad '{blad}'", naam=name, blad=sheet),
                    tr(_ROW_MISSING[section], id=key),
                    tr(
                        "livb schrapt niets via een werkboek: zet de rij terug; een actie die "
                        "niet doorgaat krijgt de toestand 'geschrapt' met een reden"
                    ),
                )
            )
    _raise_first(problems)
    return header, rows, values


def _open(path: Path) -> tuple[Any, Any]:
    """The workbook with cached values, and with formulas, or a Dutch reason why not."""
    import openpyxl

    name = path.name
    try:
        head = path.read_bytes()[:8]
    except OSError as error:
        raise LivbError(
            tr("kan '{pad}' niet lezen: {reden}", pad=name, reden=os_reason(error))
        ) from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise LivbError(
            tr(
                "'{pad}' is met een wachtwoord beveiligd (of is een oud .xls-bestand met een "
                "andere naam); livb kan het niet openen",
                pad=name,
            ),
            tr(
                "open het in Excel of LibreOffice, haal de beveiliging weg (of sla het op als "
                ".xlsx) en importeer het opnieuw"
            ),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            if "mimetype" in archive.namelist():
                kind = archive.read("mimetype").decode("ascii", "replace")
                if "opendocument" in kind:
                    raise LivbError(
                        tr(
                            "'{pad}' is een LibreOffice-rekenblad (.ods) met de naam .xlsx",
                            pad=name,
                        ),
                        tr("open het in LibreOffice en sla het op als Excel 2007-365 (.xlsx)"),
                    )
        book = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
    except LivbError:
        raise
    except Exception:
        raise LivbError(
            tr("'{pad}' is geen leesbaar Excel-werkboek (beschadigd of onvolledig)", pad=name),
            tr(
                "open het in Excel of LibreOffice en sla het opnieuw op als .xlsx; lukt dat "
                "niet, vraag het werkboek opnieuw aan de trekker"
            ),
        ) from None
    return book, formulas


def _not_ours(name: str) -> LivbError:
    return LivbError(
        tr(
            "'{pad}' werd niet gemaakt met livb export opvolging (het verborgen blad "
            "'{blad}' ontbreekt)",
            pad=name,
            blad=STAMP_SHEET,
        ),
        tr(
            "livb leest enkel werkboeken terug die het zelf maakte: maak er een met "
            "'livb export opvolging' en neem de waarden daarin over"
        ),
    )


def _read_sheet(
    name: str,
    sheet: Any,
    formulas: Any,
    expected: dict[Key, dict[str, Any]],
    problems: list[_Refusal],
) -> list[_ReadRow]:
    """The data rows of a trekker's sheet, found by the section titles in column A.

    A row's cells are those of the values it was exported with; the spending columns of the
    actions are found by the source ids in the hidden row under their header.
    """
    section: str | None = None
    found: list[_ReadRow] = []
    seen: set[Key] = set()
    sources: dict[int, str] = {}
    where = tr("{naam}, blad '{blad}'", naam=name, blad=sheet.title)
    for number, row in enumerate(sheet.iter_rows(), start=1):
        first = row[0].value if row else None
        label = str(first).strip() if first is not None else ""
        title = in_either_language(label, _SECTIONS) if label else None
        if title is not None:
            section = title
            continue
        if section is None or label == ID_HEADER:
            continue
        if section == ACTIES and in_either_language(label, (SOURCE_ID_LABEL,)):
            sources = _source_columns(row, len(SECTION_COLUMNS[ACTIES]))
            continue
        columns = _columns(section, sources)
        if not label:  # an empty row is skipped; values without an id are refused
            if any(c.value not in (None, "") for c in row[1 : len(columns)]):
                problems.append(_without_id(where, row))
            continue
        if (section, label) not in expected or (section, label) in seen:
            problems.append(
                _not_exported(where, row, section, label, twice=(section, label) in seen)
            )
            continue
        seen.add((section, label))
        read = _ReadRow(sheet.title, section, label)
        _read_cells(read, (where, number, row), sheet, formulas, columns, expected, problems)
        found.append(read)
    return found


def _read_cells(
    read: _ReadRow,
    at: tuple[str, int, Any],
    sheet: Any,
    formulas: Any,
    columns: dict[int, str],
    expected: dict[Key, dict[str, Any]],
    problems: list[_Refusal],
) -> None:
    """The cells of one exported row that it was exported with; the others must stay empty."""
    where, number, row = at
    label = read.key
    wanted = expected[(read.section, label)]
    for index, field_name in columns.items():
        cell = row[index] if index < len(row) else sheet.cell(number, index + 1)
        here = f"{where}, cel {cell.coordinate}"
        if field_name not in wanted:
            if cell.value not in (None, ""):
                problems.append(_not_to_fill(here, label, field_name))
            continue
        if formulas.cell(number, index + 1).data_type == "f" and cell.value is None:
            problems.append(
                _Refusal(
                    here,
                    "een formule zonder berekende waarde",
                    "open het werkboek in Excel of LibreOffice, sla het op (dan wordt de "
                    "formule berekend), of typ de waarde zelf",
                )
            )
            continue
        read.cells[field_name] = _Cell(sheet.title, cell.coordinate, cell.value)
    for field_name in wanted:
        if field_name not in read.cells and (bron := spending_source(field_name)):
            problems.append(
                _Refusal(
                    tr("{waar}, rij {rij}", waar=where, rij=number),
                    tr(
                        "de kolom van de bron '{bron}' (uitgaven van '{id}') ontbreekt",
                        bron=bron,
                        id=label,
                    ),
                    tr("zet de kolom terug (neem ze over uit het werkboek dat je verstuurde)"),
                )
            )


def _source_columns(row: Any, first: int) -> dict[int, str]:
    """The spending columns of the action rows by index: the source ids of the hidden row."""
    return {
        index: str(cell.value).strip()
        for index, cell in enumerate(row)
        if index >= first and cell.value not in (None, "")
    }


def _columns(section: str, sources: dict[int, str]) -> dict[int, str]:
    """The fill-in columns of a section by index: the fixed ones, and spending per source."""
    columns = {i: c.name for i, c in enumerate(SECTION_COLUMNS[section]) if c.fill}
    if section == ACTIES:
        columns.update({i: spending_field(bron) for i, bron in sources.items()})
    return columns


def _not_to_fill(where: str, ident: str, field_name: str) -> _Refusal:
    bron = spending_source(field_name)
    if bron is not None:
        return _Refusal(
            where,
            tr(
                "de actie '{id}' krijgt dit jaar geen geld uit de bron '{bron}'",
                id=ident,
                bron=bron,
            ),
            tr(
                "laat deze cel leeg; geld uit een nieuwe bron komt eerst bij 'middelen' in "
                "doelstellingen/*.yaml"
            ),
        )
    return _Refusal(
        where,
        tr("de actie '{id}' krijgt haar geld per bron: deze cel blijft leeg", id=ident),
        tr("vul wat er besteed werd in onder de kolom van elke bron"),
    )


def _without_id(where: str, row: Any) -> _Refusal:
    return _Refusal(
        tr("{waar}, cel {cel}", waar=where, cel=row[0].coordinate),
        tr("een rij zonder id"),
        tr(
            "livb leest enkel de rijen die het exporteerde; nieuwe acties of "
            "indicatoren komen in doelstellingen/*.yaml"
        ),
    )


def _not_exported(where: str, row: Any, section: str, label: str, *, twice: bool) -> _Refusal:
    return _Refusal(
        tr("{waar}, cel {cel}", waar=where, cel=row[0].coordinate),
        tr(_NOT_EXPORTED[section], id=label)
        + (tr(" (twee keer)") if twice else "")
        + tr(" (een toegevoegde rij of een gewijzigde id)"),
        tr(
            "verander de id's niet en voeg geen rijen toe; nieuwe acties of indicatoren "
            "komen in doelstellingen/*.yaml"
        ),
    )


_ROW_MISSING = {
    ACTIES: N_("de rij van actie '{id}' ontbreekt (verwijderd?)"),
    INDICATOREN: N_("de rij van indicator '{id}' ontbreekt (verwijderd?)"),
    HUISWERK: N_("de rij van taak '{id}' ontbreekt (verwijderd?)"),
}
_GONE = {
    ACTIES: N_("actie '{id}' staat niet meer in het plan"),
    INDICATOREN: N_("indicator '{id}' staat niet meer in het plan"),
    HUISWERK: N_("taak '{id}' staat niet meer in het plan"),
}
_NOT_EXPORTED = {
    ACTIES: N_("'{id}' is geen actie van deze export"),
    INDICATOREN: N_("'{id}' is geen indicator van deze export"),
    HUISWERK: N_("'{id}' is geen taak van deze export"),
}


def _raise_first(problems: list[_Refusal]) -> None:
    if not problems:
        return
    first = problems[0]
    more = (
        tr(" (en nog {aantal} andere problemen)", aantal=len(problems) - 1)
        if len(problems) > 1
        else ""
    )
    raise LivbError(
        f"{first.where}: {first.message}{more}",
        tr("{hulp}; er is niets gewijzigd", hulp=first.hint),
    )


# --- the stamp and the folder ---------------------------------------------------------------


def _check_stamp(name: str, stamp: dict[str, str], loaded: LoadResult) -> int:
    """The year of the workbook, if it belongs to this folder."""
    project = loaded.project
    assert project is not None
    gemeente = project.instellingen.gemeente
    if stamp.get("gemeente") != gemeente.naam or stamp.get("nis", "") != (gemeente.nis_code or ""):
        raise LivbError(
            tr(
                "{naam} is een werkboek van {ander}, niet van {gemeente}",
                naam=name,
                ander=stamp.get("gemeente") or tr("een andere map"),
                gemeente=gemeente.naam,
            ),
            tr("importeer het in de map waaruit het geëxporteerd werd"),
        )
    try:
        jaar = int(stamp.get("jaar", ""))
    except ValueError:
        raise _not_ours(name) from None
    periode = project.instellingen.beleid.periode
    if periode is not None and not periode.van.year <= jaar <= periode.tot.year:
        raise LivbError(
            tr(
                "{naam} is de opvolging van {jaar}, maar het plan loopt van {van} tot {tot}",
                naam=name,
                jaar=jaar,
                van=periode.van.year,
                tot=periode.tot.year,
            ),
            tr("importeer het werkboek van een jaar van het plan (livb export opvolging --jaar)"),
        )
    return jaar


def _current(loaded: LoadResult, jaar: int) -> dict[Key, dict[str, Any]]:
    """The values the folder holds now, by row."""
    assert loaded.project is not None
    return {
        (row.section, row.key): row.values
        for sheet in follow_up_rows(loaded.project, jaar)
        for row in sheet.rows
    }


# --- what changed ---------------------------------------------------------------------------


def _changes(
    name: str,
    rows: dict[Key, list[_ReadRow]],
    exported: dict[tuple[str, str, str], dict[str, Any]],
    current: dict[Key, dict[str, Any]],
    jaar: int,
) -> list[_Change]:
    """The changed cells, checked: refusals and conflicts raise, with sheet and cell."""
    problems: list[_Refusal] = []
    changes: dict[tuple[Key, str], _Change] = {}
    for key, copies in rows.items():
        now = current.get(key)
        for row in copies:
            if now is None:
                problems.append(
                    _Refusal(
                        tr("{naam}, blad '{blad}'", naam=name, blad=row.sheet),
                        tr(_GONE[key[0]], id=key[1]),
                        tr("maak een nieuwe export voor de trekkers"),
                    )
                )
                continue
            baseline = exported[(row.sheet, *key)]
            for field_name in baseline:
                cell = row.cells.get(field_name)
                if cell is not None:
                    where = tr(
                        "{naam}, blad '{blad}', cel {cel}",
                        naam=name,
                        blad=row.sheet,
                        cel=cell.coordinate,
                    )
                    _cell_change(
                        where, key, field_name, cell, baseline, now, jaar, changes, problems
                    )
    _raise_first(problems)
    result = list(changes.values())
    _check_records(name, result, current, rows)
    return result


def _cell_change(
    where: str,
    key: Key,
    field_name: str,
    cell: _Cell,
    baseline: dict[str, Any],
    now: dict[str, Any],
    jaar: int,
    changes: dict[tuple[Key, str], _Change],
    problems: list[_Refusal],
) -> None:
    """One filled cell: unchanged, a change, or a refusal (bad value, or a conflict)."""
    try:
        value = _parse(key[0], field_name, cell.value, jaar)
    except _Refusal as problem:
        problem.where = where
        problems.append(problem)
        return
    shown, was, is_now = canonical(value), baseline[field_name], now.get(field_name)
    if shown == was or canonical(is_now) == shown:
        return
    if canonical(is_now) != was:
        problems.append(
            _Refusal(
                where,
                tr(
                    "conflict: het werkboek zegt {werkboek}, maar sinds de export staat er "
                    "{nu} (in de YAML gewijzigd of uit een ander werkboek)",
                    werkboek=_shown(value),
                    nu=_shown(is_now),
                ),
                tr("kies één waarde: pas het werkboek of de YAML aan en importeer opnieuw"),
            )
        )
        return
    other = changes.get((key, field_name))
    if other is not None and canonical(other.value) != shown:
        problems.append(
            _Refusal(
                where,
                tr(
                    "conflict: {hier} hier, maar {ander} op blad '{blad}', cel {cel}",
                    hier=_shown(value),
                    ander=_shown(other.value),
                    blad=other.cell.sheet,
                    cel=other.cell.coordinate,
                ),
                tr("maak beide cellen gelijk en importeer opnieuw"),
            )
        )
        return
    changes[(key, field_name)] = _Change(key, field_name, value, is_now, cell)


def _check_records(
    name: str,
    changes: list[_Change],
    current: dict[Key, dict[str, Any]],
    rows: dict[Key, list[_ReadRow]],
) -> None:
    """What the changed rows become must be complete: a reason, a value, a source, ja/nee."""
    problems: list[_Refusal] = []
    for key in dict.fromkeys(c.key for c in changes):
        record = dict(current[key])
        record.update({c.name: c.value for c in changes if c.key == key})
        row = next(c.cell.sheet for c in changes if c.key == key)
        cells = next(r.cells for r in rows[key] if r.sheet == row)

        def refuse(
            field_name: str,
            message: str,
            hint: str,
            cells: dict[str, _Cell] = cells,
            sheet: str = row,
        ) -> None:
            cell = cells.get(field_name)
            where = tr("{naam}, blad '{blad}'", naam=name, blad=sheet) + (
                tr(", cel {cel}", cel=cell.coordinate) if cell else ""
            )
            problems.append(_Refusal(where, message, hint))

        section, ident = key
        if section == ACTIES and record["status"] in _REASON_STATES and not record["reden"]:
            refuse(
                "reden",
                tr(
                    "de actie '{id}' is {toestand}, maar de reden ontbreekt",
                    id=ident,
                    toestand=tr(record["status"]),
                ),
                tr("schrijf in deze cel waarom de actie vertraagd of geschrapt is"),
            )
        if section == INDICATOREN:
            if record["waarde"] is None:
                refuse(
                    "waarde",
                    tr("de indicator '{id}' heeft geen waarde", id=ident),
                    tr("vul de waarde in; een meting verwijder je niet via het werkboek"),
                )
            elif not record["bron"]:
                refuse(
                    "bron",
                    tr("de waarde van '{id}' heeft geen bron", id=ident),
                    tr("schrijf waar het cijfer vandaan komt"),
                )
        if section == HUISWERK and record["gedaan"] is None:
            untold = tr("de taak '{id}' zegt niet of ze gedaan is", id=ident)
            refuse("gedaan", untold, tr("kies ja of nee"))
    _raise_first(problems)


_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_POINT = re.compile(r"^-?\d+\.\d+$")
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse(section: str, field_name: str, value: Any, jaar: int) -> Any:
    """A cell's value as the YAML gets it, or a refusal (its place is added by the caller)."""
    kind = value_kind(section, field_name)
    if isinstance(value, str):
        value = value.strip() or None
    if kind == "state":
        state = in_either_language(str(value), STATES) if value is not None else None
        if state is None:
            shown = (
                tr("'{waarde}' is geen toestand", waarde=value)
                if value is not None
                else tr("de toestand is leeg")
            )
            raise _Refusal("", shown, tr("kies gepland, lopend, afgerond, vertraagd of geschrapt"))
        return state
    if value is None:
        return None
    if kind in ("euro", "number"):
        return _number(value, euro=kind == "euro")
    if kind == "date":
        return _date(value, jaar)
    if kind == "yesno":
        if isinstance(value, bool):
            return value
        answer = in_either_language(str(value), (YES, NO))
        if answer is None:
            wrong = tr("'{waarde}' is geen ja of nee", waarde=value)
            raise _Refusal("", wrong, tr("kies ja of nee"))
        return answer == YES
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return canonical(value)
    return str(value)


def _number(value: Any, *, euro: bool) -> float | int:
    wrong = N_("'{waarde}' is geen bedrag") if euro else N_("'{waarde}' is geen getal")
    hint = tr("typ enkel het getal, bv. 2500 of 2500,50") if euro else tr("typ enkel het getal")
    if isinstance(value, (bool, dt.date, dt.datetime)):
        raise _Refusal("", tr(wrong, waarde=_shown(value)), hint)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).replace("€", "").replace("\u00a0", "").replace(" ", "")
        if _NUMBER.match(text):
            number = float(parse_number(text))
        elif _POINT.match(text):
            number = float(text)
        else:
            raise _Refusal("", tr(wrong, waarde=value), hint)
    if euro and number < 0:
        negative = tr("{bedrag} is een negatief bedrag", bedrag=_shown(number))
        raise _Refusal("", negative, tr("geef wat er besteed werd"))
    return int(number) if number.is_integer() else number


def _date(value: Any, jaar: int) -> dt.date:
    hint = tr("geef een datum in {jaar} (dd/mm/jjjj), of enkel het jaar {jaar}", jaar=jaar)
    day: dt.date
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, int | float) and float(value).is_integer() and 1000 <= value <= 9999:
        day = VageDatum(int(value))
    else:
        text = str(value)
        try:
            if match := _DAY.match(text):
                day = dt.date(int(match[3]), int(match[2]), int(match[1]))
            elif match := _ISO.match(text):
                year, month, number = match[1], match[2], match[3]
                if number:
                    day = dt.date(int(year), int(month), int(number))
                else:
                    day = VageDatum(int(year), int(month) if month else None)
            else:
                raise ValueError(text)
        except ValueError:
            raise _Refusal("", tr("'{waarde}' is geen datum", waarde=value), hint) from None
    if day.year != jaar:
        raise _Refusal("", tr("{datum} valt buiten {jaar}", datum=_shown(day), jaar=jaar), hint)
    return day


def _shown(value: Any) -> str:
    if value is None:
        return tr("niets")
    if isinstance(value, bool):
        return tr(YES) if value else tr(NO)
    if isinstance(value, VageDatum):
        return str(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return formatting.number(value, digits=6, grouping=False)
    if isinstance(value, int):
        return str(value)
    return f"'{value}'"


def _line(relative: str, change: _Change, name: str) -> str:
    section, ident = change.key
    bron = spending_source(change.name)
    what = tr("uitgaven uit {bron}", bron=bron) if bron is not None else change.name
    return tr(
        "{pad}: {soort} '{id}', {wat}: {voor} → {na} ({naam}, blad '{blad}', cel {cel})",
        pad=relative,
        soort=tr(_WHAT[section]),
        id=ident,
        wat=what,
        voor=_shown(change.before),
        na=_shown(change.value),
        naam=name,
        blad=change.cell.sheet,
        cel=change.cell.coordinate,
    )


# --- the new text ---------------------------------------------------------------------------


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as error:
        raise LivbError(f"kan '{path.name}' niet lezen: {os_reason(error)}") from None


def _edited(
    loaded: LoadResult,
    name: str,
    relative: str,
    text: str,
    changes: list[_Change],
    current: dict[Key, dict[str, Any]],
    jaar: int,
    today: dt.date,
) -> str:
    """The year's file with the changes: values in place, new keys and entries added."""
    from livb.method.guard import refuse_new_errors

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    empty = not body.strip()
    if empty:
        body = "metingen:\nacties:\nhuiswerk:\n"
    data = parse_fast(body) or {}
    scalars, structural = _planned_edits(name, relative, data, changes, current, jaar)
    try:
        body = replace_scalars(body, scalars)
        if structural or empty:
            body = update_roundtrip(body, lambda tree: _apply_all(tree, structural, empty))
    except EditError as error:
        raise LivbError(
            tr(
                "livb import kan {bestand} niet veilig aanpassen: {fout}",
                bestand=relative,
                fout=error,
            ),
            tr(
                "neem de wijzigingen met de hand over (livb import --droog toont ze); er is "
                "niets gewijzigd"
            ),
        ) from None
    refuse_new_errors(
        loaded,
        relative,
        body,
        today,
        "livb import",
        "pas het werkboek of de YAML aan en importeer opnieuw; er is niets gewijzigd",
    )
    return bom + body


def _planned_edits(
    name: str,
    relative: str,
    data: dict[str, Any],
    changes: list[_Change],
    current: dict[Key, dict[str, Any]],
    jaar: int,
) -> tuple[dict[tuple[str | int, ...], Any], list[Callable[[Any], None]]]:
    """The edits of the year's file: values replaced in place, and structural changes."""
    scalars: dict[tuple[str | int, ...], Any] = {}
    structural: list[Callable[[Any], None]] = []
    for key in dict.fromkeys(c.key for c in changes):
        section, ident = key
        listed = _LISTS[section]
        entries = data.get(listed) or []
        index = _entry(section, ident, entries)
        mine = {c.name: yaml_value(c.value) for c in changes if c.key == key}
        spending = {c.name: c for c in changes if c.key == key and spending_source(c.name)}
        for field_name in spending:
            del mine[field_name]
        if index is None:
            record = {**current[key], **{c.name: c.value for c in changes if c.key == key}}
            structural.append(_appender(listed, _new_entry(section, ident, record, jaar)))
            continue
        entry = entries[index]
        for field_name, value in mine.items():
            old = entry.get(field_name)
            if canonical(yaml_value(old)) == canonical(value):
                continue
            if field_name in entry and value is not None and not isinstance(old, (list, dict)):
                scalars[(listed, index, field_name)] = value
            else:
                structural.append(_setter(listed, index, field_name, value))
        for change in spending.values():
            where = tr(
                "{naam}, blad '{blad}', cel {cel}",
                naam=name,
                blad=change.cell.sheet,
                cel=change.cell.coordinate,
            )
            _spending_edit(where, relative, ident, entry, index, change, scalars, structural)
    return scalars, structural


def _entry(section: str, ident: str, entries: list[Any]) -> int | None:
    """The index of the last entry of a row in its list (the one that counts)."""
    found = None
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        field_name = {ACTIES: "actie", INDICATOREN: "indicator"}.get(section)
        if field_name is not None and entry.get(field_name) == ident:
            found = index
        elif section == HUISWERK:
            vergadering, _, taak = ident.rpartition("/")
            if entry.get("vergadering") == vergadering and str(entry.get("taak")) == taak:
                found = index
    return found


def _new_entry(section: str, ident: str, record: dict[str, Any], jaar: int) -> dict[str, Any]:
    values = {k: yaml_value(v) for k, v in record.items() if v is not None}
    if section == ACTIES:
        uitgaven = [
            {"bron": bron, "bedrag": values.pop(k)}
            for k in list(values)
            if (bron := spending_source(k)) is not None
        ]
        return {"actie": ident, **values, **({"uitgaven": uitgaven} if uitgaven else {})}
    if section == INDICATOREN:
        values.setdefault("datum", None)
        return {
            "indicator": ident,
            "waarde": values["waarde"],
            "datum": values["datum"] if values["datum"] is not None else jaar,
            "bron": values["bron"],
            **({"opmerking": values["opmerking"]} if "opmerking" in values else {}),
        }
    vergadering, _, taak = ident.rpartition("/")
    return {"vergadering": vergadering, "taak": int(taak), **values}


def _spending_edit(
    where: str,
    relative: str,
    ident: str,
    entry: dict[str, Any],
    index: int,
    change: _Change,
    scalars: dict[tuple[str | int, ...], Any],
    structural: list[Callable[[Any], None]],
) -> None:
    """What an action spent from one source: its amount in ``uitgaven`` changed, added or gone."""
    bron = spending_source(change.name)
    assert bron is not None
    value = yaml_value(change.value)
    if entry.get("besteed") is not None:
        raise LivbError(
            f"{where}: {relative} geeft de actie '{ident}' ook een 'besteed' zonder bron",
            "verdeel dat bedrag in de YAML over 'uitgaven' per bron (of haal het weg) en "
            "importeer opnieuw; er is niets gewijzigd",
        )
    uitgaven = entry.get("uitgaven")
    uitgaven = uitgaven if isinstance(uitgaven, list) else []
    places = [j for j, u in enumerate(uitgaven) if isinstance(u, dict) and u.get("bron") == bron]
    if len(places) > 1:
        raise LivbError(
            f"{where}: {relative} geeft de actie '{ident}' {len(places)} uitgaven uit de bron "
            f"'{bron}' (per categorie); het werkboek toont enkel hun som",
            "pas die bedragen in de YAML aan; er is niets gewijzigd",
        )
    if places and value is not None and not isinstance(uitgaven[places[0]].get("bedrag"), dict):
        scalars[("acties", index, "uitgaven", places[0], "bedrag")] = value
    else:
        structural.append(_spending_setter(index, bron, value))


def _spending_setter(index: int, bron: str, value: Any) -> Callable[[Any], None]:
    def edit(tree: Any) -> None:
        entry = tree["acties"][index]
        uitgaven = entry.get("uitgaven")
        if not isinstance(uitgaven, list):
            uitgaven = entry["uitgaven"] = []
        mine = [u for u in uitgaven if isinstance(u, dict) and u.get("bron") == bron]
        if value is None:
            for item in mine:
                uitgaven.remove(item)
            if not uitgaven:
                del entry["uitgaven"]
        elif mine:
            mine[0]["bedrag"] = value
        else:
            uitgaven.append({"bron": bron, "bedrag": value})

    return edit


def _appender(listed: str, item: dict[str, Any]) -> Callable[[Any], None]:
    def edit(tree: Any) -> None:
        if not tree.get(listed):
            tree[listed] = []
        tree[listed].append(dict(item))

    return edit


def _setter(listed: str, index: int, name: str, value: Any) -> Callable[[Any], None]:
    def edit(tree: Any) -> None:
        entry = tree[listed][index]
        if value is None:
            entry.pop(name, None)
        else:
            entry[name] = value

    return edit


def _apply_all(tree: Any, edits: list[Callable[[Any], None]], empty: bool) -> None:
    for edit in edits:
        edit(tree)
    if empty:
        for listed in list(_LISTS.values()):
            if tree.get(listed) is None:
                del tree[listed]
