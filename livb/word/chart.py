"""A chart as a native Word chart part (DrawingML, ``word/charts/chartN.xml``).

Word and LibreOffice draw the chart themselves from its data: no picture is made, nothing is
imported but the standard library, and a reader can restyle the chart in Word. The data
travels in the part's caches (``c:strCache``, ``c:numCache``) with no embedded workbook: the
chart shows and prints as it is. Black and white by design: series differ by dash and marker,
bars by pattern, never by colour alone.

The XML is written as text, in a fixed order, so the same chart gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from livb.word.ir import ChartData, ChartSeries

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_DASHES = ("solid", "dash", "sysDot", "dashDot", "lgDash", "sysDash")
_MARKERS = ("circle", "square", "triangle", "diamond", "x", "star")
_PATTERNS = ("wdUpDiag", "pct20", "wdDnDiag", "smCheck", "dotGrid", "lgGrid", "plaid")
"""The fill of each bar series (a state of an action): told apart without colour."""
_LANG = 'lang="-"'
"""Where the text's language goes (the folder's, e.g. nl-BE): filled in once the XML is made."""
_TYPEFACE = '<a:latin typeface="-"/>'
"""Where the house style's body font goes (Calibri): the chart's text as the text around it."""
_FIRST_DAY = dt.date(1899, 12, 30)  # day 0 of a spreadsheet's date serials
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _text(value: str) -> str:
    """Text as XML character data: escaped, without the characters XML cannot hold."""
    value = _CONTROL.sub(" ", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


def serial(day: dt.date) -> int:
    """A date as a spreadsheet's day number (the value a date axis counts in)."""
    return (day - _FIRST_DAY).days


def chart_xml(chart: ChartData, lang: str, font: str = "Calibri") -> bytes:
    """The chart part: title, plot area with its axes, a legend for more than one series."""
    plot = _PLOTS[chart.kind](chart)
    legend = ""
    shown = [s for s in chart.series if not s.hidden]
    if len(shown) > 1 or chart.legend:
        hidden = "".join(
            f'<c:legendEntry><c:idx val="{n}"/><c:delete val="1"/></c:legendEntry>'
            for n, s in enumerate(chart.series)
            if s.hidden
        )
        legend = (
            f'<c:legend><c:legendPos val="b"/>{hidden}<c:overlay val="0"/>{_font(700)}</c:legend>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        f'<c:date1904 val="0"/><c:lang val="{lang}"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_title(chart.title, 900)}"
        '<c:autoTitleDeleted val="0"/>'
        f"<c:plotArea><c:layout/>{plot}</c:plotArea>{legend}"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_font(800)}</c:chartSpace>"
    )
    xml = xml.replace(_LANG, f'lang="{_attribute(lang)}"')
    font = _attribute(font)
    xml = xml.replace(_TYPEFACE, f'<a:latin typeface="{font}"/><a:cs typeface="{font}"/>')
    return xml.encode("utf-8")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")


def _font(size: int, bold: bool = False) -> str:
    """Text properties: the size in hundredths of a point, black."""
    weight = ' b="1"' if bold else ' b="0"'
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}"{weight}><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f"{_TYPEFACE}</a:defRPr></a:pPr><a:endParaRPr {_LANG}/></a:p></c:txPr>"
    )


def _title(text: str, size: int) -> str:
    if not text:
        return ""
    return (
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}" b="0">{_TYPEFACE}</a:defRPr></a:pPr>'
        f'<a:r><a:rPr {_LANG} sz="{size}" b="0">{_TYPEFACE}</a:rPr>'
        f"<a:t>{_text(text)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:overlay val="0"/></c:title>'
    )


def _line(width: int, dash: str, colour: str = "000000") -> str:
    return (
        f'<a:ln w="{width}" cap="rnd"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:prstDash val="{dash}"/><a:round/></a:ln>'
    )


def _categories(labels: Sequence[str]) -> str:
    points = "".join(f'<c:pt idx="{n}"><c:v>{_text(v)}</c:v></c:pt>' for n, v in enumerate(labels))
    return (
        f"<c:cat><c:strRef><c:f>Blad1!$A$2:$A${len(labels) + 1}</c:f><c:strCache>"
        f'<c:ptCount val="{len(labels)}"/>{points}</c:strCache></c:strRef></c:cat>'
    )


def _values(series: ChartSeries, column: str, count: int, code: str) -> str:
    points = "".join(
        f'<c:pt idx="{n}"><c:v>{_number(v)}</c:v></c:pt>'
        for n, v in enumerate(series.values)
        if v is not None
    )
    return (
        f"<c:val><c:numRef><c:f>Blad1!${column}$2:${column}${count + 1}</c:f><c:numCache>"
        f"<c:formatCode>{code}</c:formatCode>"
        f'<c:ptCount val="{count}"/>{points}</c:numCache></c:numRef></c:val>'
    )


def _name(series: ChartSeries, column: str) -> str:
    return (
        f'<c:tx><c:strRef><c:f>Blad1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{_text(series.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
    )


def _column(n: int) -> str:
    return chr(ord("B") + n) if n < 25 else "A" + chr(ord("A") + n - 25)


def _format(values: Iterable[float | None]) -> str:
    """A number format that shows the figures as they are: decimals only where they have them."""
    shown = [v for v in values if v is not None]
    return "#,##0.0#" if any(v != int(v) for v in shown) else "#,##0"


def _labels(show: bool, position: str, code: str) -> str:
    if not show:
        return '<c:dLbls><c:delete val="1"/></c:dLbls>'
    return (
        f'<c:dLbls><c:numFmt formatCode="{code}" sourceLinked="0"/>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_font(700)}"
        f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
        '<c:showBubbleSize val="0"/></c:dLbls>'
    )


def _line_plot(chart: ChartData) -> str:
    """Lines over the years: the municipality's figures, comparison areas, a target."""
    count = len(chart.categories)
    series = []
    for n, item in enumerate(chart.series):
        code = _format(item.values)
        dash = _DASHES[item.style % len(_DASHES)]
        marker = _MARKERS[item.style % len(_MARKERS)]
        width = 22225 if item.style == 0 else 12700
        open_points = "".join(
            f'<c:dPt><c:idx val="{i}"/><c:marker><c:symbol val="{marker}"/><c:size val="8"/>'
            f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>{_line(12700, "solid")}'
            '</c:spPr></c:marker><c:bubble3D val="0"/></c:dPt>'
            for i in item.open_points
        )
        size, fill = (6, "000000") if item.style == 0 else (5, "FFFFFF")
        symbol = (
            '<c:marker><c:symbol val="none"/></c:marker>'
            if item.no_marker
            else f'<c:marker><c:symbol val="{marker}"/><c:size val="{size}"/>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
            f"{_line(9525, 'solid')}</c:spPr></c:marker>"
        )
        series.append(
            f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/>{_name(item, _column(n))}'
            f"<c:spPr>{_line(width, 'sysDot' if item.no_marker else dash)}</c:spPr>{symbol}"
            f"{open_points}{_labels(item.labels, 't', code)}"
            f"{_categories(chart.categories)}{_values(item, _column(n), count, code)}"
            '<c:smooth val="0"/></c:ser>'
        )
    return (
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'{"".join(series)}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>'
        f"{_category_axis(chart, 'b')}{_value_axis(chart, 'l', 'between')}"
    )


def _bar_series(chart: ChartData, labels: str, code: str | None = None) -> str:
    """The bar series: a fill pattern each (a hidden one unfilled), labels at ``labels``."""
    count = len(chart.categories)
    series = []
    for n, item in enumerate(chart.series):
        shown = code or _format(item.values)
        fill = (
            "<a:noFill/><a:ln><a:noFill/></a:ln>"
            if item.hidden
            else f"{_pattern(item.style)}{_line(9525, 'solid')}"
        )
        series.append(
            f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/>{_name(item, _column(n))}'
            f'<c:spPr>{fill}</c:spPr><c:invertIfNegative val="0"/>'
            f"{_labels(item.labels, labels, shown)}"
            f"{_categories(chart.categories)}{_values(item, _column(n), count, shown)}</c:ser>"
        )
    return "".join(series)


def _bar_plot(chart: ChartData) -> str:
    """Columns per category, each with its count above it."""
    return (
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{_bar_series(chart, "outEnd")}<c:gapWidth val="80"/>'
        '<c:axId val="1"/><c:axId val="2"/></c:barChart>'
        f"{_category_axis(chart, 'b')}{_value_axis(chart, 'l', 'between')}"
    )


def _timeline_plot(chart: ChartData) -> str:
    """Horizontal bars from start to end: an invisible bar up to the start, then one per state."""
    return (
        '<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>'
        f'{_bar_series(chart, "ctr", "General")}<c:gapWidth val="60"/><c:overlap val="100"/>'
        '<c:axId val="1"/><c:axId val="2"/></c:barChart>'
        f"{_category_axis(chart, 'l', reverse=True)}{_value_axis(chart, 'b', 'between', 'max')}"
    )


def _pattern(style: int) -> str:
    preset = _PATTERNS[style % len(_PATTERNS)]
    return (
        f'<a:pattFill prst="{preset}"><a:fgClr><a:srgbClr val="000000"/></a:fgClr>'
        '<a:bgClr><a:srgbClr val="D9D9D9"/></a:bgClr></a:pattFill>'
    )


def _category_axis(chart: ChartData, position: str, reverse: bool = False) -> str:
    orientation = "maxMin" if reverse else "minMax"
    return (
        f'<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="{orientation}"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{position}"/>{_title(chart.category_title, 800)}'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f"<c:spPr>{_line(9525, 'solid')}</c:spPr>{_font(750)}"
        '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )


def _value_axis(chart: ChartData, position: str, between: str, crosses: str = "autoZero") -> str:
    limits = ""
    if chart.maximum is not None:
        limits += f'<c:max val="{_number(chart.maximum)}"/>'
    if chart.minimum is not None:
        limits += f'<c:min val="{_number(chart.minimum)}"/>'
    unit = f'<c:majorUnit val="{_number(chart.major_unit)}"/>' if chart.major_unit else ""
    return (
        '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/>'
        f'{limits}</c:scaling><c:delete val="0"/><c:axPos val="{position}"/>'
        '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/>'
        "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        f"{_title(chart.value_title, 800)}"
        f'<c:numFmt formatCode="{_text(chart.value_format)}" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f"<c:spPr>{_line(9525, 'solid')}</c:spPr>{_font(750)}"
        f'<c:crossAx val="1"/><c:crosses val="{crosses}"/><c:crossBetween val="{between}"/>'
        f"{unit}</c:valAx>"
    )


_PLOTS = {"lijn": _line_plot, "staaf": _bar_plot, "tijdlijn": _timeline_plot}
