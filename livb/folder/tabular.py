"""Reading series of figures from CSV files, with 1-based positions for every problem.

The columns are separated by ``;`` with a decimal comma (as Excel saves a CSV file in
Belgium) or by ``,`` with a decimal point. A figure is written without a separator for
thousands, or with spaces (``1 234``); a point in a ``;`` file or a comma in a ``,`` file is
refused, not guessed: ``1.234`` may mean 1234 or 1,234.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from livb.core.formatting import integer
from livb.core.i18n import N_, tr
from livb.model._base import GROOTSTE_GETAL, JAAR_MAX, JAAR_MIN

GENERAL_HINT = N_("de eerste regel noemt de kolommen (jaar;waarde), daarna één jaar per regel")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:[.,]\d{3})+")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class CsvProblem:
    """A problem in a CSV file: 1-based line and column, message and what to do."""

    line: int
    column: int
    message: str
    hint: str = field(default_factory=lambda: tr(GENERAL_HINT))


class _CellError(ValueError):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _number(cell: str, delimiter: str) -> float:
    """A figure as written in a cell; a separator that may be read two ways is refused."""
    text = cell.strip()
    decimal, other = (",", ".") if delimiter == ";" else (".", ",")
    example = f"12{decimal}5"
    if not text:
        raise _CellError(
            tr("de waarde ontbreekt"), tr("vul een getal in, bv. {voorbeeld}", voorbeeld=example)
        )
    if _GROUPED.fullmatch(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text)
    if other in text:
        _ambiguous(text, delimiter, decimal, other)
    normalised = text.replace(decimal, ".")
    if not _NUMBER.fullmatch(normalised):
        raise _CellError(
            tr("'{tekst}' is geen getal", tekst=_shown(text)),
            tr(
                "schrijf enkel cijfers, bv. {voorbeeld}; de eenheid hoort in cijfers.yaml",
                voorbeeld=example,
            ),
        )
    value = float(normalised)
    if abs(value) > GROOTSTE_GETAL:
        raise _CellError(
            tr("'{tekst}' is te groot voor een cijfer van de diagnostiek", tekst=_shown(text)),
            tr("hoogstens {grens}", grens=integer(GROOTSTE_GETAL, group=" ")),
        )
    return value


def _ambiguous(text: str, delimiter: str, decimal: str, other: str) -> None:
    """Refuse a figure with the other file's decimal sign: it may be read two ways.

    Raises:
        _CellError: always.
    """
    mark = tr("een punt") if other == "." else tr("een komma")
    if _THOUSANDS.fullmatch(text):
        raise _CellError(
            tr(
                "'{tekst}': is {teken} hier een scheidingsteken voor duizendtallen of een "
                "decimaal teken? In een bestand met '{scheiding}' is het decimale teken "
                "'{decimaal}'",
                tekst=text,
                teken=mark,
                scheiding=delimiter,
                decimaal=decimal,
            ),
            tr(
                "schrijf duizendtallen zonder scheidingsteken (1234) of met een spatie "
                "(1 234), en decimalen met '{decimaal}'",
                decimaal=decimal,
            ),
        )
    raise _CellError(
        tr(
            "'{tekst}' heeft {teken}; in een bestand met '{scheiding}' is het decimale teken "
            "'{decimaal}' ({naam})",
            tekst=text,
            teken=mark,
            scheiding=delimiter,
            decimaal=decimal,
            naam=tr("decimale komma") if decimal == "," else tr("decimale punt"),
        ),
        tr("schrijf {getal}", getal=text.replace(other, decimal)),
    )


def _year(cell: str) -> int:
    text = cell.strip()
    if not _YEAR.fullmatch(text) or not JAAR_MIN <= int(text) <= JAAR_MAX:
        raise _CellError(
            tr(
                "'{tekst}' is geen jaartal tussen {van} en {tot}",
                tekst=_shown(text),
                van=JAAR_MIN,
                tot=JAAR_MAX,
            ),
            tr("schrijf het jaar met vier cijfers, bv. 2024"),
        )
    return int(text)


def _shown(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cells(line: str, delimiter: str) -> list[tuple[int, str]]:
    """The cells of one CSV line with the 1-based column where each starts."""
    cells: list[tuple[int, str]] = []
    position = 0
    while True:
        start = position
        while start < len(line) and line[start] == " ":
            start += 1
        if line.startswith('"', start):
            parts: list[str] = []
            index = start + 1
            while index < len(line):
                if line[index] == '"':
                    if line.startswith('"', index + 1):
                        parts.append('"')
                        index += 2
                        continue
                    index += 1
                    break
                parts.append(line[index])
                index += 1
            end = line.find(delimiter, index)
            text = "".join(parts) + line[index : end if end >= 0 else len(line)]
        else:
            end = line.find(delimiter, position)
            text = line[position : end if end >= 0 else len(line)]
        cells.append((start + 1, text))
        if end < 0:
            return cells
        position = end + 1


def read_series(text: str, column: str | None) -> tuple[dict[int, float], list[CsvProblem]]:
    """Read one column of yearly figures from CSV text.

    The first row names the columns; one is ``jaar``. Columns are separated by ``;`` (as Excel
    writes them in Belgium, with a decimal comma) or by ``,`` (with a decimal point).

    Args:
        text: the CSV file's text.
        column: the column with the values; ``None`` takes the first column after ``jaar``.

    Returns:
        The values by year and the problems found (an empty dict when the header is wrong).
    """
    lines = _LINE_BREAK.split(text)
    if not lines[0].strip():
        return {}, [
            CsvProblem(1, 1, tr("het CSV-bestand is leeg; de eerste regel noemt de kolommen"))
        ]
    delimiter = ";" if ";" in lines[0] else ","
    if delimiter not in lines[0] and "\t" in lines[0]:
        return {}, [
            CsvProblem(
                1,
                1,
                tr("de kolommen zijn gescheiden door tabs; livb leest ';' of ','"),
                tr("bewaar het bestand in Excel als 'CSV (gescheiden door lijstscheidingsteken)'"),
            )
        ]
    header = [cell.strip().lower() for _, cell in _cells(lines[0], delimiter)]
    if "jaar" not in header:
        return {}, [CsvProblem(1, 1, tr("de eerste regel mist een kolom 'jaar'"))]
    year_index = header.index("jaar")
    value_index = _value_index(header, year_index, column)
    if isinstance(value_index, CsvProblem):
        return {}, [value_index]

    values: dict[int, float] = {}
    problems: list[CsvProblem] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip(" \t" + delimiter):
            continue
        problem = _row(line, number, delimiter, len(header), year_index, value_index, values)
        if problem is not None:
            problems.append(problem)
    return values, problems


def _value_index(header: list[str], year_index: int, column: str | None) -> int | CsvProblem:
    """Which column holds the values: ``column``, else the first one after ``jaar``."""
    if column is None:
        others = [i for i in range(len(header)) if i != year_index]
        if not others:
            return CsvProblem(1, 1, tr("naast 'jaar' staat geen kolom met waarden"))
        return others[0]
    if column.lower() in header:
        return header.index(column.lower())
    names = ", ".join(name for name in header if name != "jaar")
    return CsvProblem(
        1,
        1,
        tr("geen kolom '{kolom}'; de kolommen zijn: {kolommen}", kolom=column, kolommen=names),
    )


def _row(
    line: str,
    number: int,
    delimiter: str,
    width: int,
    year_index: int,
    value_index: int,
    values: dict[int, float],
) -> CsvProblem | None:
    """Read one row into ``values``; the problem that stops it, if any."""
    cells = _cells(line, delimiter)
    extra = [(col, cell) for col, cell in cells[width:] if cell.strip()]
    if extra:
        split = delimiter == "," and any(cell.strip()[:1].isdigit() for _, cell in extra)
        if split:
            return CsvProblem(
                number,
                extra[0][0] - 1,
                tr(
                    "deze regel heeft {aantal} kolommen, de eerste regel {breedte}; staat hier "
                    "een decimale komma in een bestand met ','?",
                    aantal=len(cells),
                    breedte=width,
                ),
                tr(
                    "in een bestand met ',' is het decimale teken een punt (6.1); gebruik ';' om "
                    "de kolommen te scheiden als je een decimale komma schrijft (6,1)"
                ),
            )
        return CsvProblem(
            number,
            extra[0][0] - 1,
            tr(
                "deze regel heeft {aantal} kolommen, de eerste regel {breedte}",
                aantal=len(cells),
                breedte=width,
            ),
        )
    end = len(line) + 1
    year_column, year_cell = cells[year_index] if year_index < len(cells) else (end, "")
    value_column, value_cell = cells[value_index] if value_index < len(cells) else (end, "")
    try:
        year = _year(year_cell)
    except _CellError as error:
        return CsvProblem(number, year_column, error.message, error.hint)
    try:
        value = _number(value_cell, delimiter)
    except _CellError as error:
        return CsvProblem(number, value_column, error.message, error.hint)
    if year in values:
        return CsvProblem(
            number, year_column, tr("het jaar {jaar} staat er twee keer in", jaar=year)
        )
    values[year] = value
    return None
