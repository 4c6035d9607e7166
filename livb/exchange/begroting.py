"""``livb export begroting``: the plan's money for the financial service, as .xlsx and .csv.

One row per action, year, source and category, with what the plan gives and what monitoring/
says was spent: a long table the financial service pivots in its own tools. The workbook adds
the table per year and source as the begroting document shows it, and the sources with their
grants. Amounts are real numbers in euro format; the totals are the sums of the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from livb.core.errors import LivbError
from livb.core.formatting import number
from livb.core.i18n import tr
from livb.exchange.export import (
    DATE_FORMAT,
    EURO_FORMAT,
    _bytes,
    _project,
    _protect,
    _table,
    _write,
)
from livb.method import money
from livb.model import Project
from livb.model.walk import actions

Columns = Sequence[tuple[str, int, str | None]]

LINE_COLUMNS: Columns = (
    ("Prioriteit", 24, None),
    ("Actie-id", 20, None),
    ("Actie", 36, None),
    ("Beleidsdoelstelling", 16, None),
    ("Actieplan", 12, None),
    ("Actie meerjarenplan", 16, None),
    ("Beleidsveld", 14, None),
    ("Jaar", 10, None),
    ("Bron-id", 14, None),
    ("Bron", 30, None),
    ("Categorie", 12, None),
    ("Gepland", 14, EURO_FORMAT),
    ("Besteed", 14, EURO_FORMAT),
)
"""The long table: header, width, number format. The year is empty for a whole-period budget."""

SOURCE_COLUMNS: Columns = (
    ("Bron-id", 14, None),
    ("Bron", 34, None),
    ("Soort", 22, None),
    ("Van", 12, DATE_FORMAT),
    ("Tot", 12, DATE_FORMAT),
    ("Jaar", 10, None),
    ("Toegekend", 14, EURO_FORMAT),
    ("Gepland", 14, EURO_FORMAT),
)


def export_begroting(root: Path, today: dt.date, *, overwrite: bool = False) -> list[Path]:
    """Write output/begroting.xlsx and output/begroting.csv.

    Raises:
        LivbError: the folder has errors or no money at all, or a file cannot be written.
    """
    project = _project(root)
    rows = line_rows(project, today)
    if not rows:
        raise LivbError(
            tr("de map noemt geen geld: geen bedragen bij de acties en geen uitgaven"),
            tr(
                "geef de acties 'middelen' per jaar en per bron (en de bronnen onder "
                "'financiering' in plan.yaml)"
            ),
        )
    built = [
        ("begroting.xlsx", _workbook(project, rows)),
        ("begroting.csv", _csv(rows)),
    ]
    return _write(root, built, overwrite)


def line_rows(project: Project, today: dt.date) -> list[tuple[Any, ...]]:
    """One row per action, year, source and category: planned and spent, in the plan's order."""
    titles = {p.id: p.titel for p in project.prioriteiten.prioriteiten}
    cells: dict[tuple[str, int | None, str, str], list[float]] = {}
    for line in money.budget_lines(project):
        key = (line.actie, line.jaar, line.bron, line.categorie.value if line.categorie else "")
        cells.setdefault(key, [0.0, 0.0])[0] += line.bedrag
    for line in money.spending_lines(project, today):
        key = (line.actie, line.jaar, line.bron, line.categorie.value if line.categorie else "")
        cells.setdefault(key, [0.0, 0.0])[1] += line.bedrag
    rows: list[tuple[Any, ...]] = []
    for path, _, actie in actions(project):
        prioriteit = project.doelstellingen[path].prioriteit
        bbc = actie.bbc
        codes = (
            (bbc.beleidsdoelstelling, bbc.actieplan, bbc.actie, bbc.beleidsveld)
            if bbc
            else (None, None, None, None)
        )
        own = sorted(
            (k for k in cells if k[0] == actie.id),
            key=lambda k: (k[1] is None, k[1] or 0, k[2], k[3]),
        )
        for key in own:
            planned, spent = cells[key]
            rows.append(
                (
                    titles.get(prioriteit, prioriteit),
                    actie.id,
                    actie.titel,
                    *codes,
                    key[1],
                    key[2],
                    money.source_name(project, key[2]),
                    key[3] or None,
                    planned,
                    spent,
                )
            )
    return rows


def _workbook(project: Project, rows: list[tuple[Any, ...]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Bedragen"
    _table(sheet, LINE_COLUMNS, rows)
    total = len(rows) + 2
    sheet.cell(total, 1, "Samen").font = Font(bold=True)
    for column in (12, 13):
        cell = sheet.cell(total, column, sum(row[column - 1] for row in rows))
        cell.number_format = EURO_FORMAT
        cell.font = Font(bold=True)
    _protect(sheet)
    _summary(book.create_sheet("Per jaar en bron"), project)
    sources = book.create_sheet("Bronnen")
    _table(sources, SOURCE_COLUMNS, _source_rows(project))
    _protect(sources)
    book.properties.creator = "livb"
    book.properties.title = tr(
        "Begroting van het {plan}", plan=project.instellingen.beleid.plannaam
    )
    return _bytes(book)


def _summary(sheet: Any, project: Project) -> None:
    """The planned amounts per source (rows) and year (columns), with the totals of both."""
    lines = money.budget_lines(project)
    totals = money.by_year_and_source(lines)
    years = sorted({y for y, _ in totals if y is not None})
    if any(y is None for y, _ in totals):
        years_or_all: list[int | None] = [*years, None]
    else:
        years_or_all = list(years)
    columns = [("Bron", 34, None)] + [
        (money.LOOPTIJD if y is None else str(y), 14, EURO_FORMAT) for y in years_or_all
    ]
    columns.append(("Samen", 16, EURO_FORMAT))
    sources = list(dict.fromkeys(b for _, b in sorted(totals, key=lambda k: k[1])))
    declared = [b for b in money.sources(project) if b in sources]
    order = declared + [b for b in sources if b not in declared]
    body: list[tuple[Any, ...]] = []
    for bron in order:
        cells = [totals.get((y, bron)) for y in years_or_all]
        body.append((money.source_name(project, bron), *cells, sum(c or 0.0 for c in cells)))
    body.append(
        (
            "Samen",
            *[sum(v for (y, _), v in totals.items() if y == year) for year in years_or_all],
            money.total(lines),
        )
    )
    _table(sheet, columns, body)
    _protect(sheet)


def _source_rows(project: Project) -> list[tuple[Any, ...]]:
    planned = money.by_year_and_source(money.budget_lines(project))
    rows: list[tuple[Any, ...]] = []
    for bron in money.sources(project).values():
        van = bron.periode.van if bron.periode else None
        tot = bron.periode.tot if bron.periode else None
        years = sorted(set(bron.toegekend) | {y for y, b in planned if b == bron.id and y})
        shown: list[int | None] = [*years] or [None]
        for year in shown:
            rows.append(
                (
                    bron.id,
                    bron.naam,
                    money.SOORTEN[bron.soort],
                    van,
                    tot,
                    year,
                    bron.toegekend.get(year) if year is not None else None,
                    planned.get((year, bron.id)),
                )
            )
    return rows


def _csv(rows: list[tuple[Any, ...]]) -> bytes:
    """The long table as CSV for Excel in a Belgian locale: ';', decimal comma, UTF-8 with BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for header, _, _ in LINE_COLUMNS])
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value, digits=2, fixed=True, grouping=False)  # 1234,50
    return str(value)
