"""``livb export``: the yearly follow-up workbooks for the trekkers, and the plan's action table.

``opvolging`` writes what each project leader fills in (see :mod:`livb.exchange.workbook`),
with dropdowns for the states, real dates, euro and number formats that Excel and Calc show in
the reader's locale, the id columns locked, and a hidden stamp sheet with the folder, the year,
the export date and every exported value with their hash, by which ``livb import`` knows the
workbook again. ``acties`` writes the whole action table, read-only, sorted and filterable.
Both go to the folder's ``output/``, in one atomic write each.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from livb.core.dates import dutch_date
from livb.core.errors import LivbError, UsageError
from livb.core.i18n import N_, tr, word
from livb.core.safepaths import refuse_links
from livb.core.transaction import os_reason, output_lock, write_atomic
from livb.exchange import load_folder
from livb.exchange.workbook import (
    ACTIES,
    GUIDE_SHEET,
    HUISWERK,
    INDICATOREN,
    NO,
    NO_TREKKER,
    SECTION_COLUMNS,
    SOURCE_ID_LABEL,
    STAMP_FORMAT,
    STAMP_MAKER,
    STAMP_SHEET,
    STATES,
    YES,
    Column,
    Row,
    Sheet,
    content_hash,
    follow_up_rows,
    spending_field,
    spending_source,
    stamp_rows,
)
from livb.method.money import action_budget
from livb.method.queries import action_states, coordinator, spent
from livb.model import Project
from livb.model.walk import operational_goals, strategic_goals

DATE_FORMAT = "dd/mm/yyyy"
EURO_FORMAT = "€ #,##0.00"
NUMBER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
RETURN_DAYS = 21
"""How long the trekkers get to send their workbook back, from the export date."""

_FILL = "FFF2CC"
_HEAD = "D9E1F2"
_NONE = "EDEDED"
"""A cell that is not filled in for this row: spending of an action from a source it lacks."""


def export_opvolging(
    root: Path, jaar: int, wanted: list[str], today: dt.date, *, overwrite: bool = False
) -> list[Path]:
    """Write output/opvolging-JAAR.xlsx, or one opvolging-JAAR-ID.xlsx per trekker asked for.

    Raises:
        UsageError: an unknown trekker, a year outside what livb follows up.
        LivbError: the folder has errors, or the file cannot be written.
    """
    from livb.model._base import JAAR_MAX, JAAR_MIN

    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise UsageError(
            tr("{jaar} is geen jaar voor de opvolging", jaar=jaar),
            tr("geef een jaartal met vier cijfers, bv. 2026"),
        )
    project = _project(root)
    periode = project.instellingen.beleid.periode
    if periode is not None and not periode.van.year <= jaar <= periode.tot.year:
        raise UsageError(
            tr(
                "het plan loopt van {van} tot {tot}; {jaar} valt erbuiten",
                van=periode.van.year,
                tot=periode.tot.year,
                jaar=jaar,
            ),
            tr(
                "kies met --jaar een jaar van het plan, bv. --jaar {jaar}",
                jaar=min(periode.tot.year, jaar),
            ),
        )
    sheets = follow_up_rows(project, jaar)
    if not sheets:
        raise LivbError(
            tr("het plan heeft nog geen acties; er is niets op te volgen"),
            tr("zet eerst de acties in doelstellingen/*.yaml (livb new doelstelling)"),
        )
    by_trekker = {s.trekker: s for s in sheets}
    unknown = [t for t in wanted if t not in by_trekker]
    if unknown:
        known = ", ".join(t for t in by_trekker if t != NO_TREKKER)
        raise UsageError(
            tr("'{trekker}' trekt geen actie van het plan", trekker=unknown[0]),
            tr("geef de id van een trekker (uit actoren.yaml): {lijst}", lijst=known),
        )
    if wanted:
        files = [
            (f"opvolging-{jaar}-{t}.xlsx", [by_trekker[t]], [t]) for t in dict.fromkeys(wanted)
        ]
    else:
        files = [(f"opvolging-{jaar}.xlsx", sheets, list(by_trekker))]
    built = [
        (name, _opvolging_bytes(project, jaar, chosen, names, today))
        for name, chosen, names in files
    ]
    return _write(root, built, overwrite)


ACTION_COLUMNS = (
    (N_("Prioriteit"), 24, None),
    (N_("Strategische doelstelling"), 34, None),
    (N_("Operationele doelstelling"), 34, None),
    (N_("Id"), 22, None),
    (N_("Actie"), 40, None),
    (N_("Trekker"), 20, None),
    (N_("Partners"), 28, None),
    (N_("Start"), 12, DATE_FORMAT),
    (N_("Einde"), 12, DATE_FORMAT),
    (N_("Budget"), 14, EURO_FORMAT),
    (N_("Financiering"), 20, None),
    (N_("Schakel"), 12, None),
    (N_("Toestand"), 12, None),
    (N_("Besteed"), 14, EURO_FORMAT),
)
"""The columns of the action table: header, width, number format."""


def export_acties(root: Path, today: dt.date, *, overwrite: bool = False) -> Path:
    """Write output/acties.xlsx: every action of the plan, sorted and filterable, read-only.

    Raises:
        LivbError: the folder has errors or no actions, or the file cannot be written.
    """
    from openpyxl import Workbook

    project = _project(root)
    rows = _action_rows(project, today)
    if not rows:
        raise LivbError(
            tr("het plan heeft nog geen acties"),
            tr("zet eerst de acties in doelstellingen/*.yaml (livb new doelstelling)"),
        )
    book = Workbook()
    sheet = book.active
    sheet.title = tr(ACTIES)
    _table(sheet, ACTION_COLUMNS, rows)
    _protect(sheet)
    book.properties.creator = "livb"
    book.properties.title = tr("Acties van het {plan}", plan=project.instellingen.beleid.plannaam)
    return _write(root, [("acties.xlsx", _bytes(book))], overwrite)[0]


def _action_rows(project: Project, today: dt.date) -> list[tuple[Any, ...]]:
    """One row per action, by priority (in the plan's order), then start, then id."""
    states = action_states(project, today)
    costs = spent(project, today)
    titles = {p.id: p.titel for p in project.prioriteiten.prioriteiten}
    order = {p.id: n for n, p in enumerate(project.prioriteiten.prioriteiten)}
    strategic = {
        od.id: sd for _, _, sd in strategic_goals(project) for od in sd.operationele_doelstellingen
    }
    names = {a.id: a.naam or a.id for a in project.actoren.actoren}
    rows: list[tuple[Any, ...]] = []
    for path, _, od in operational_goals(project):
        prioriteit = project.doelstellingen[path].prioriteit
        for actie in od.acties:
            key = (order.get(prioriteit, len(order)), prioriteit, actie.start or dt.date.max)
            rows.append(
                (
                    key,
                    titles.get(prioriteit, prioriteit),
                    strategic[od.id].titel,
                    od.titel,
                    actie.id,
                    actie.titel,
                    names.get(actie.trekker or "", actie.trekker),
                    ", ".join(names.get(p, p) for p in actie.partners) or None,
                    actie.start,
                    actie.einde,
                    action_budget(actie),
                    actie.financiering,
                    word(actie.schakel) if actie.schakel else None,
                    tr(states[actie.id].status.value),
                    sum(costs.get(actie.id, {}).values()) or None,
                )
            )
    rows.sort(key=lambda r: (r[0], r[4]))
    return [row[1:] for row in rows]


def _table(sheet: Any, columns: Sequence[tuple[str, int, str | None]], rows: list[Any]) -> None:
    """A header row and the rows under it, formatted, frozen and filterable."""
    from openpyxl.styles import Font, PatternFill

    for column, (header, width, _) in enumerate(columns, start=1):
        cell = sheet.cell(1, column, tr(header))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEAD)
        sheet.column_dimensions[cell.column_letter].width = width
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(number, column, value)
            style = columns[column - 1][2]
            if style and value is not None:
                cell.number_format = style
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(columns)).column_letter}{len(rows) + 1}"


def _project(root: Path) -> Project:
    project = load_folder(root, "livb export").project
    assert project is not None
    return project


# --- the follow-up workbook -----------------------------------------------------------------


def _opvolging_bytes(
    project: Project, jaar: int, sheets: list[Sheet], names: list[str], today: dt.date
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    guide = book.active
    guide.title = tr(GUIDE_SHEET)
    _guide(guide, project, jaar, today)
    for sheet in sheets:
        _trekker_sheet(book.create_sheet(sheet.title), sheet, jaar)
    stamp = book.create_sheet(STAMP_SHEET)
    header = {
        "gemaakt door": STAMP_MAKER,
        "formaat": str(STAMP_FORMAT),
        "gemeente": project.instellingen.gemeente.naam,
        "nis": project.instellingen.gemeente.nis_code or "",
        "jaar": str(jaar),
        "export": today.isoformat(),
        "trekkers": ",".join(names),
    }
    values = stamp_rows(sheets)
    for key, value in header.items():
        stamp.append([key, value])
    stamp.append(["hash", content_hash(header, values)])
    stamp.append(["waarden"])
    for row in values:
        stamp.append(row)
    stamp.sheet_state = "hidden"
    _protect(stamp)
    book.properties.creator = "livb"
    book.properties.title = tr("Opvolging {jaar}", jaar=jaar)
    return _bytes(book)


def _guide(sheet: Any, project: Project, jaar: int, today: dt.date) -> None:
    from openpyxl.styles import Alignment, Font

    instellingen = project.instellingen
    who = coordinator(project)
    contact = tr("de coördinator integrale veiligheid")
    if who is not None:
        contact = (who.naam or who.id) + (f" ({who.email})" if who.email else "")
    lines = [
        tr(
            "Opvolging {jaar} van het {plan} van {gemeente}",
            jaar=jaar,
            plan=instellingen.beleid.plannaam,
            gemeente=instellingen.gemeente.naam,
        ),
        "",
        tr(
            "Elk blad hoort bij één trekker: de acties die die persoon trekt, de indicatoren van "
            "die doelstellingen en het huiswerk uit de vergaderingen."
        ),
        tr("Vul enkel de gele kolommen in; de andere komen uit het plan en zijn beveiligd."),
        "",
        tr(
            "Acties: kies de toestand eind {jaar} uit de lijst (gepland, lopend, afgerond, "
            "vertraagd of geschrapt). Bij vertraagd of geschrapt schrijf je de reden erbij. "
            "Onder 'Besteed dit jaar' komt wat de actie in {jaar} kostte, in euro. Een actie "
            "die haar geld per bron krijgt, heeft in plaats daarvan een kolom per bron ('Besteed "
            "uit ...'): vul per bron in wat de actie er in dat jaar uit besteedde.",
            jaar=jaar,
        ),
        tr(
            "Indicatoren: de waarde voor {jaar}, de datum van de meting (in {jaar}) en de bron "
            "van het cijfer.",
            jaar=jaar,
        ),
        tr("Huiswerk: ja of nee, en eventueel een opmerking."),
        "",
        tr(
            "Voeg geen rijen toe, verwijder er geen en verander geen id's: livb leest het "
            "werkboek terug in. Een actie die niet doorgaat krijgt de toestand 'geschrapt' met de "
            "reden."
        ),
        tr("Sla het bestand op als Excel-werkmap (.xlsx), ook als je LibreOffice gebruikt."),
        "",
        tr(
            "Stuur het ingevulde werkboek terug naar {contact} vóór {datum}.",
            contact=contact,
            datum=dutch_date(today + dt.timedelta(days=RETURN_DAYS)),
        ),
        tr("Gemaakt met livb op {datum}.", datum=dutch_date(today)),
    ]
    for number, line in enumerate(lines, start=1):
        cell = sheet.cell(number, 1, line or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Calc does not grow a wrapped row on opening: give it the lines it needs
        needed = max(1, -(-len(line) // GUIDE_WIDTH))
        sheet.row_dimensions[number].height = 15 * needed if number > 1 else 22
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = GUIDE_WIDTH + 4
    _protect(sheet)


def _trekker_sheet(sheet: Any, content: Sheet, jaar: int) -> None:
    """One trekker's sheet: a section per kind of row, the cells to fill yellow and checked."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    title = tr("Opvolging {jaar}: {trekker}", jaar=jaar, trekker=content.title)
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    guide = tr("Vul de gele kolommen in; zie het blad '{uitleg}'.", uitleg=tr(GUIDE_SHEET))
    sheet.cell(2, 1, guide)
    validations = _validations(jaar)
    for validation in validations.values():
        sheet.add_data_validation(validation)
    number = 4
    widths: dict[int, int] = {}
    for section, columns in SECTION_COLUMNS.items():
        rows = [r for r in content.rows if r.section == section]
        if section == ACTIES:
            columns = columns + _spending_columns(content)
        if rows:
            number = _section(sheet, number, section, columns, rows, validations, widths) + 1
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B4"
    _protect(sheet)


def _spending_columns(content: Sheet) -> tuple[Column, ...]:
    """A spending column per source the sheet's actions are funded by, after the others."""
    return tuple(
        Column(
            tr("Besteed uit {bron}", bron=naam),
            spending_field(bron),
            fill=True,
            kind="euro",
            width=18,
        )
        for bron, naam in content.sources
    )


def _validations(jaar: int) -> dict[str, Any]:
    """The dropdowns and checks of the cells to fill, by the kind of column."""
    from openpyxl.worksheet.datavalidation import DataValidation

    def checked(title: str, error: str, **rule: Any) -> Any:
        return DataValidation(showErrorMessage=True, errorTitle=title, error=error, **rule)

    return {
        "state": checked(
            tr("Toestand"),
            tr("Kies gepland, lopend, afgerond, vertraagd of geschrapt."),
            type="list",
            formula1='"' + ",".join(tr(state) for state in STATES) + '"',
            allow_blank=False,
        ),
        "yesno": checked(
            tr("Gedaan"),
            tr("Kies ja of nee."),
            type="list",
            formula1=f'"{tr(YES)},{tr(NO)}"',
            allow_blank=True,
        ),
        "euro": checked(
            tr("Bedrag"),
            tr("Een bedrag in euro, 0 of meer."),
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
        ),
        "date": checked(
            tr("Datum"),
            tr("Een datum in {jaar}.", jaar=jaar),
            type="date",
            operator="between",
            formula1=f"DATE({jaar},1,1)",
            formula2=f"DATE({jaar},12,31)",
            allow_blank=True,
        ),
    }


def _section(
    sheet: Any,
    number: int,
    section: str,
    columns: Sequence[Column],
    rows: list[Row],
    validations: dict[str, Any],
    widths: dict[int, int],
) -> int:
    """A section's title, header and rows from row ``number``; the next free row."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    sheet.cell(number, 1, tr(section)).font = Font(bold=True, size=12)
    number += 1
    for column, spec in enumerate(columns, start=1):
        cell = sheet.cell(number, column, tr(spec.header))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_FILL if spec.fill else _HEAD)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths[column] = max(widths.get(column, 0), spec.width)
    number += 1
    fixed = len(SECTION_COLUMNS[section])
    if len(columns) > fixed:  # the sources of the spending columns, for the import: hidden
        sheet.cell(number, 1, tr(SOURCE_ID_LABEL))
        for column, spec in enumerate(columns[fixed:], start=fixed + 1):
            sheet.cell(number, column, spending_source(spec.name))
        sheet.row_dimensions[number].hidden = True
        number += 1
    for row in rows:
        for column, spec in enumerate(columns, start=1):
            cell = sheet.cell(number, column)
            if spec.fill and spec.name not in row.values:
                cell.fill = PatternFill("solid", fgColor=_NONE)
                continue
            _put(cell, spec, row)
            if not spec.fill:
                continue
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=_FILL)
            # a measurement date known only as text (a year) keeps its text, unchecked
            text_date = section == INDICATOREN and spec.kind == "date" and cell.data_type == "s"
            if spec.kind in validations and not text_date:
                validations[spec.kind].add(cell.coordinate)
        number += 1
    return number


def _put(cell: Any, spec: Column, row: Row) -> None:
    """Write one value with the format of its kind (a vague date as its text)."""
    from livb.model._tijd import Precisie, VageDatum

    value = row.values[spec.name] if spec.fill else row.shown.get(spec.name)
    if spec.kind == "yesno" and value is not None:
        value = tr(YES) if value else tr(NO)
    elif spec.name in ("status", "plan") and row.section == ACTIES and value:
        value = tr(value)  # a state, in the workbook's language (read back in either)
    if isinstance(value, VageDatum) and value.precisie is not Precisie.DAG:
        cell.value = value.isoformat()
        cell.data_type = "s"
        return
    cell.value = value
    if spec.kind == "date":
        cell.number_format = DATE_FORMAT
    elif spec.kind == "euro":
        cell.number_format = EURO_FORMAT
    elif spec.kind == "number" and isinstance(value, (int, float)):
        cell.number_format = NUMBER_FORMAT if float(value).is_integer() else DECIMAL_FORMAT
    if row.section == HUISWERK and spec.name == "id":
        cell.data_type = "s"


GUIDE_WIDTH = 95
"""Characters per line of the guide sheet's one column."""


def _protect(sheet: Any) -> None:
    """Lock the sheet without a password: the unlocked cells stay editable, columns resizable.

    Printed, a sheet fits the width of a landscape page, as many pages high as it needs.
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.autoFilter = False
    protection.sort = False


def _bytes(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(root: Path, built: list[tuple[str, bytes]], overwrite: bool) -> list[Path]:
    """Write the workbooks into output/, refusing links and a workbook already there."""
    out = root / "output"
    refuse_links(root, out, "verwijder de koppeling 'output'")
    if out.exists() and not out.is_dir():
        raise LivbError(
            tr("'{pad}' is een bestand, geen map", pad=out),
            tr("hernoem of verwijder het: livb schrijft zijn werkboeken in de map output/"),
        )
    try:
        out.mkdir(exist_ok=True)
    except OSError as error:
        raise LivbError(
            tr("kan de map '{map}' niet maken: {reden}", map=out, reden=os_reason(error)),
            tr("controleer of je in de gemeentemap mag schrijven"),
        ) from None
    paths = [out / name for name, _ in built]
    for path in paths:
        refuse_links(root, path)
        if path.exists() and not path.is_file():
            raise LivbError(
                tr("kan '{pad}' niet schrijven: er staat een map met die naam", pad=path),
                tr("verwijder of hernoem die map"),
            )
        if path.exists() and not overwrite:
            raise LivbError(
                tr(
                    "'{pad}' bestaat al; livb overschrijft een werkboek niet zomaar (misschien "
                    "werd het al ingevuld)",
                    pad=path,
                ),
                tr(
                    "importeer het eerst als het ingevuld is, of maak het opnieuw met --overschrijf"
                ),
            )
    with output_lock(out):
        for path, (_, data) in zip(paths, built, strict=True):
            try:
                write_atomic(path, data, inside=root)
            except OSError as error:
                raise LivbError(
                    tr("kan '{pad}' niet schrijven: {reden}", pad=path, reden=os_reason(error)),
                    tr("is het werkboek nog open in Excel? Sluit het en probeer opnieuw"),
                ) from None
    return paths
