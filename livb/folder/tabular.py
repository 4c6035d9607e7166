"""Reading series of figures from CSV files, with 1-based positions for every problem.

The columns are separated by ``;`` with a decimal comma (as Excel saves a CSV file in
Belgium) or by ``,`` with a decimal point. A figure is written without a separator for
thousands, or with spaces (``1 234``); a point in a ``;`` file or a comma in a ``,`` file is
refused, not guessed: ``1.234`` may mean 1234 or 1,234.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from livb.core.formatting import integer
from livb.model._base import GROOTSTE_GETAL, JAAR_MAX, JAAR_MIN

GENERAL_HINT = "de eerste regel noemt de kolommen (jaar;waarde), daarna één jaar per regel"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:[.,]\d{3})+")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class CsvProblem:
    """A problem in a CSV file: 1-based line and column, Dutch message and what to do."""

    line: int
    column: int
    message: str
    hint: str = GENERAL_HINT


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
        raise _CellError("de waarde ontbreekt", f"vul een getal in, bv. {example}")
    if _GROUPED.fullmatch(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text)
    if other in text:
        mark = "een punt" if other == "." else "een komma"
        if _THOUSANDS.fullmatch(text):
            raise _CellError(
                f"'{text}': is {mark} hier een scheidingsteken voor duizendtallen of een "
                f"decimaal teken? In een bestand met '{delimiter}' is het decimale teken "
                f"'{decimal}'",
                f"schrijf duizendtallen zonder scheidingsteken (1234) of met een spatie "
                f"(1 234), en decimalen met '{decimal}'",
            )
        raise _CellError(
            f"'{text}' heeft {mark}; in een bestand met '{delimiter}' is het decimale teken "
            f"'{decimal}' (decimale {'komma' if decimal == ',' else 'punt'})",
            f"schrijf {text.replace(other, decimal)}",
        )
    normalised = text.replace(decimal, ".")
    if not _NUMBER.fullmatch(normalised):
        raise _CellError(
            f"'{_shown(text)}' is geen getal",
            f"schrijf enkel cijfers, bv. {example}; de eenheid hoort in cijfers.yaml",
        )
    value = float(normalised)
    if abs(value) > GROOTSTE_GETAL:
        raise _CellError(
            f"'{_shown(text)}' is te groot voor een cijfer van de diagnostiek",
            f"hoogstens {integer(GROOTSTE_GETAL, group=' ')}",
        )
    return value


def _year(cell: str) -> int:
    text = cell.strip()
    if not _YEAR.fullmatch(text) or not JAAR_MIN <= int(text) <= JAAR_MAX:
        raise _CellError(
            f"'{_shown(text)}' is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}",
            "schrijf het jaar met vier cijfers, bv. 2024",
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
        return {}, [CsvProblem(1, 1, "het CSV-bestand is leeg; de eerste regel noemt de kolommen")]
    delimiter = ";" if ";" in lines[0] else ","
    if delimiter not in lines[0] and "\t" in lines[0]:
        return {}, [
            CsvProblem(
                1,
                1,
                "de kolommen zijn gescheiden door tabs; livb leest ';' of ','",
                "bewaar het bestand in Excel als 'CSV (gescheiden door lijstscheidingsteken)'",
            )
        ]
    header = [cell.strip().lower() for _, cell in _cells(lines[0], delimiter)]
    if "jaar" not in header:
        return {}, [CsvProblem(1, 1, "de eerste regel mist een kolom 'jaar'")]
    year_index = header.index("jaar")
    if column is None:
        others = [i for i in range(len(header)) if i != year_index]
        if not others:
            return {}, [CsvProblem(1, 1, "naast 'jaar' staat geen kolom met waarden")]
        value_index = others[0]
    elif column.lower() in header:
        value_index = header.index(column.lower())
    else:
        names = ", ".join(name for name in header if name != "jaar")
        return {}, [CsvProblem(1, 1, f"geen kolom '{column}'; de kolommen zijn: {names}")]

    values: dict[int, float] = {}
    problems: list[CsvProblem] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip(" \t" + delimiter):
            continue
        problem = _row(line, number, delimiter, len(header), year_index, value_index, values)
        if problem is not None:
            problems.append(problem)
    return values, problems


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
        return CsvProblem(
            number,
            extra[0][0] - 1,
            f"deze regel heeft {len(cells)} kolommen, de eerste regel {width}"
            + ("; staat hier een decimale komma in een bestand met ','?" if split else ""),
            "in een bestand met ',' is het decimale teken een punt (6.1); gebruik ';' om "
            "de kolommen te scheiden als je een decimale komma schrijft (6,1)"
            if split
            else GENERAL_HINT,
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
        return CsvProblem(number, year_column, f"het jaar {year} staat er twee keer in")
    values[year] = value
    return None
