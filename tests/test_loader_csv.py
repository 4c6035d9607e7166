"""CSV series: figures are read exactly as written or refused with line and column."""

from __future__ import annotations

import pytest

from livb.folder.tabular import read_series


def problems(text: str, column: str | None = None) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in read_series(text, column)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jaar;x\n2007;6,9\n", {2007: 6.9}),
        ("jaar;x\n2007;-6,9\n", {2007: -6.9}),
        ("jaar;x\n2007;1 234,5\n", {2007: 1234.5}),
        ("jaar;x\n2007;1\u00a0234\n", {2007: 1234.0}),
        ("jaar,x\n2007,6.9\n", {2007: 6.9}),
        ("jaar,x\n2007, 12 \n", {2007: 12.0}),
        ('"jaar";"x"\r\n"2007";"6,5"\r\n', {2007: 6.5}),
        ("jaar;x;\n2007;3;\n\n2008;4;;\n", {2007: 3.0, 2008: 4.0}),
        ("x;JAAR\n5;2007\n", {2007: 5.0}),
    ],
)
def test_figures_are_read_as_written(text, expected):
    assert read_series(text, None) == (expected, [])


def test_the_named_column_is_read():
    assert read_series("jaar;a;b\n2007;1;2\n", "b") == ({2007: 2.0}, [])


def test_a_quoted_cell_with_the_delimiter_keeps_the_columns_of_the_cells_after_it():
    text = 'jaar,naam,x\n2007,"Halle, centrum",1,5\n'
    assert problems(text, "x") == [
        (
            2,
            24,
            "deze regel heeft 4 kolommen, de eerste regel 3; staat hier een decimale komma in een bestand met ','?",
        )
    ]


def test_groups_of_three_only():
    assert problems("jaar;x\n2007;12 34\n") == [(2, 6, "'12 34' is geen getal")]


def test_a_year_must_be_four_digits():
    assert [message for *_, message in problems("jaar;x\n07;1\n2007,5;1\n")] == [
        "'07' is geen jaartal tussen 1900 en 2100",
        "'2007,5' is geen jaartal tussen 1900 en 2100",
    ]


def test_a_line_without_the_value_column_points_at_its_end():
    assert problems("jaar;x\n2007\n") == [(2, 5, "de waarde ontbreekt")]
