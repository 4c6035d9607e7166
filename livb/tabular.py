"""Reading series of figures from CSV files, with 1-based positions for every problem."""

from __future__ import annotations

import csv
from dataclasses import dataclass


@dataclass(frozen=True)
class CsvProblem:
    """A problem in a CSV file: 1-based line and column, Dutch message."""

    line: int
    column: int
    message: str


def _number(text: str, decimal_comma: bool) -> float:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if decimal_comma:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    return float(cleaned)


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
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return {}, [CsvProblem(1, 1, "het CSV-bestand is leeg; de eerste regel noemt de kolommen")]
    delimiter = ";" if ";" in lines[0] else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [cell.strip().lower() for cell in rows[0]]
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
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        raw_line = lines[number - 1]
        for index, label in ((year_index, "jaar"), (value_index, "waarde")):
            cell = row[index] if index < len(row) else ""
            column_number = _column_of(raw_line, delimiter, index)
            try:
                parsed = _number(cell, delimiter == ";")
                if label == "jaar" and (parsed != int(parsed) or not 1900 <= parsed <= 2100):
                    raise ValueError
            except ValueError:
                what = "een jaartal" if label == "jaar" else "een getal"
                problems.append(
                    CsvProblem(number, column_number, f"'{cell.strip()}' is geen {what}")
                )
                break
        else:
            year = int(_number(row[year_index], False))
            if year in values:
                problems.append(CsvProblem(number, 1, f"het jaar {year} staat er twee keer in"))
            values[year] = _number(row[value_index], delimiter == ";")
    return values, problems


def _column_of(line: str, delimiter: str, index: int) -> int:
    position = 0
    for _ in range(index):
        found = line.find(delimiter, position)
        if found < 0:
            return len(line) + 1
        position = found + 1
    return position + 1
