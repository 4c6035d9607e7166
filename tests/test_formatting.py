"""Numbers, money, dates and lists in Dutch: livb.core.formatting against babel's own reading."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.numbers import parse_decimal, parse_pattern
from hypothesis import given
from hypothesis import strategies as st

from livb.core import formatting
from livb.model._tijd import VageDatum

LIVB = Path(formatting.__file__).resolve().parent.parent

amounts = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(amounts)
def test_a_number_reads_back_as_itself_to_two_decimals(value):
    text = formatting.number(value)
    assert parse_decimal(text, locale="nl_BE", strict=True) == round(Decimal(value), 2)


@given(amounts)
def test_a_number_is_what_babel_writes_for_the_exact_float(value):
    """The fast path and babel agree: Python rounds the float itself, as babel does a Decimal."""
    expected = parse_pattern("#,##0.##").apply(Decimal(value), "nl_BE")
    if expected.lstrip("-") == "0":  # babel keeps a sign on a rounded-away fraction: -0
        expected = "0"
    assert formatting.number(value) == expected


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_are_grouped_by_points_and_whole_numbers_have_no_comma(value):
    text = formatting.number(value)
    assert "," not in text
    groups = text.split(".")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert "".join(groups) == str(value)


@given(amounts)
def test_money_is_the_euro_sign_before_the_number_negative_after_it(value):
    text = formatting.money(value)
    assert text == "€ " + formatting.number(value)
    assert parse_decimal(text.removeprefix("€ "), locale="nl_BE") == round(Decimal(value), 2)
    assert formatting.money(value, nonbreaking=True) == text.replace(" ", "\u00a0")


@pytest.mark.parametrize(
    ("value", "text", "whole"),
    [
        (6000, "€ 6.000", "€ 6.000"),
        (6000.5, "€ 6.000,5", "€ 6.000"),
        (-1234.56, "€ -1.234,56", "€ -1.235"),
        (0, "€ 0", "€ 0"),
        (-0.001, "€ 0", "€ 0"),
        (2.5, "€ 2,5", "€ 2"),  # to the even euro, as round() did
    ],
)
def test_money_as_the_documents_write_it(value, text, whole):
    assert formatting.money(value) == text
    assert formatting.money(value, whole=True) == whole


def test_numbers_with_a_fixed_number_of_decimals_without_grouping_and_as_percentages():
    assert formatting.number(6, digits=1, fixed=True) == "6,0"
    assert formatting.number(6.94, digits=1) == "6,9"
    assert formatting.number(2010.0, grouping=False) == "2010"
    assert formatting.number(12500.25, grouping=False) == "12500,25"
    assert formatting.integer(2_000_000.4) == "2.000.000"
    assert formatting.integer(1e12, group=" ") == "1 000 000 000 000"
    assert formatting.percent(0.25) == "25%"
    assert formatting.percent(0.069, digits=1) == "6,9%"
    assert formatting.number(float("inf")) == "∞"


def test_dates_as_known_long_short_and_by_month():
    day = dt.date(2010, 3, 23)
    assert formatting.long_date(day) == "23 maart 2010"
    assert formatting.month_year(day) == "maart 2010"
    assert formatting.short_date(day) == "23\u00a0mrt.\u00a02010"
    assert formatting.short_date(dt.date(2011, 5, 1)) == "1\u00a0mei\u00a02011"
    assert formatting.long_date(VageDatum(2007, 11)) == "november 2007"
    assert formatting.long_date(VageDatum(2007)) == "2007"
    assert formatting.short_date(VageDatum(2007, 10)) == "okt.\u00a02007"
    assert formatting.short_date(VageDatum(2002)) == "2002"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_a_long_date_is_babels_long_date_and_a_short_one_its_parts(day):
    assert formatting.long_date(day) == format_date(day, "long", locale="nl_BE")
    number, month, year = formatting.short_date(day).split("\u00a0")
    assert (int(number), int(year)) == (day.day, day.year)
    assert month == formatting.short_month_names()[day.month - 1]


def test_a_table_cell_writes_a_date_known_to_the_month_as_month_and_year():
    from livb.documents.views import table_date

    assert table_date(VageDatum(2007, 10)) == "okt.\u00a02007"  # was '2007': the month was lost
    assert table_date(VageDatum(2002)) == "2002"
    assert table_date(dt.date(2007, 10, 3)) == dt.date(2007, 10, 3)  # korte_datum writes it


def test_month_names_come_from_cldr_with_a_full_stop_where_shortened():
    assert formatting.month_names()[2] == "maart"
    assert formatting.short_month_names() == (
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    )  # fmt: skip


def test_lists_in_prose():
    assert formatting.join([]) == ""
    assert formatting.join(["a"]) == "a"
    assert formatting.join(["a", "b"]) == "a en b"
    assert formatting.join(["a", "b", "c"]) == "a, b en c"


def test_a_second_language_is_cldr_data_not_a_second_formatter():
    day = dt.date(2010, 3, 23)
    assert formatting.long_date(day, locale="fr_BE") == "23 mars 2010"
    assert formatting.join(["a", "b", "c"], locale="fr_BE") == "a, b et c"
    assert formatting.money(6000.5, locale="fr_BE") == "6\u202f000,50\u00a0€"
    assert formatting.money(13500, locale="fr_BE") == "13\u202f500\u00a0€"  # no ,00 when whole
    assert formatting.short_month_name(2, locale="fr_BE") == "févr."


def _trend_formats(values: tuple[float, ...], taal: str = "nl") -> tuple[str, set[str], str]:
    """The value axis' number format, the data labels' formats and the chart's language."""
    from lxml import etree

    from livb.core import i18n
    from livb.documents.charts import TrendChart
    from livb.word.chart import chart_xml

    chart = TrendChart("Diefstallen", "", tuple(range(2010, 2010 + len(values))), values)
    with i18n.speaking(taal):
        root = etree.fromstring(chart_xml(chart.drawing(), i18n.locale().replace("_", "-")))
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    [axis] = root.xpath("//c:valAx/c:numFmt/@formatCode", namespaces=ns)
    labels = set(root.xpath("//c:dLbls/c:numFmt/@formatCode", namespaces=ns))
    [lang] = root.xpath("//c:lang/@val", namespaces=ns)
    return axis, labels, lang


def test_a_chart_writes_its_numbers_as_the_tables_do():
    # Word writes the figures of a native chart in the reader's language with the chart's
    # number format: thousands grouped, decimals only where the figures have them.
    assert _trend_formats((12500.0, 9800.0)) == ("#,##0", {"#,##0"}, "nl-BE")
    assert _trend_formats((6.9, 12500.0)) == ("#,##0.0#", {"#,##0.0#"}, "nl-BE")
    assert _trend_formats((0.2, 0.35), "fr")[2] == "fr-BE"


_OWN_FORMATTING = [
    (re.compile(r'replace\("[,.]", "[,. x]"\)'), "a number's separators swapped by hand"),
    (re.compile(r'"(januari|maart)"|"mrt\."'), "a table of month names"),
    (re.compile(r'\\u20ac|€ \{|"€ "\s*\+'), "a euro sign put before a number by hand"),
]


def test_no_formatter_outside_the_formatting_module():
    found = []
    for path in sorted(LIVB.rglob("*.py")):
        if path.name == "formatting.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern, what in _OWN_FORMATTING:
            found += [f"{path.relative_to(LIVB)}: {what}" for _ in pattern.finditer(text)]
    assert found == []
