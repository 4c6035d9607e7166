"""``livb import TABEL --reeks ID``: a published table of figures into diagnostiek/cijfers.yaml.

The tables a coordinator downloads (the federal police's crime figures, the Gemeente-
Stadsmonitor, a provincial data portal) come in two layouts: a row per area and year with a
column per category, or a row per area (and category) with a column per year. Both are read
into cells (area, year, category, value) with the place each came from, so that every
mistake names the file, the row and the column. One category becomes one series: livb never
adds categories up (a crime falls under a main category and its sub-categories at once).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livb.core.errors import LivbError, UsageError
from livb.core.formatting import join, number, parse_number, short_date
from livb.core.i18n import tr
from livb.core.transaction import FileChangedError, folder_lock, os_reason, write_atomic
from livb.exchange import ImportReport, load_folder
from livb.folder.yamledit import EditError, update_roundtrip
from livb.model import Project
from livb.model.diagnostiek import Gebiedssoort, Per, Reeks

FILE = "diagnostiek/cijfers.yaml"

_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0)?\s*$")
_AREA_HEADERS = (
    *("gebied", "gemeente", "naam", "nis", "nis-code", "nis_code", "refnis", "regio"),
    *("commune", "entité", "nom", "ins", "code ins", "code_ins", "code-ins"),
)
"""An area's column headers, Dutch and French (the same tables come from Wallonia)."""
_YEAR_HEADERS = ("jaar", "year", "periode", "année", "annee")
_EMPTY = ("", "-", "–", ".", "n.b.", "nb", "x")


@dataclass(frozen=True)
class Place:
    """Where a cell is: a CSV row and column, or a sheet's cell."""

    row: int
    column: int
    header: str
    sheet: str | None = None

    def __str__(self) -> str:
        letter = _column_letter(self.column)
        if self.sheet is not None:
            return tr("blad '{blad}', cel {cel}", blad=self.sheet, cel=f"{letter}{self.row}")
        return tr("rij {rij}, kolom {kolom} ('{kop}')", rij=self.row, kolom=letter, kop=self.header)


@dataclass(frozen=True)
class Cell:
    """One figure of the table."""

    area: tuple[str, ...]
    """The row's names of its area: its name, its NIS code (as the table gives them)."""
    year: int
    category: str
    value: float
    place: Place


@dataclass
class TableRequest:
    """What ``livb import TABEL --reeks ID`` asks."""

    path: Path
    root: Path
    reeks: str
    kolom: str | None = None
    gebied: list[str] = field(default_factory=list)
    vergelijking: list[str] = field(default_factory=list)
    """``NAAM=soort``: an area of the table to add as a comparison line."""
    bron: str | None = None
    naam: str | None = None
    gedownload: dt.date | None = None
    afsluitdatum: dt.date | None = None
    dry_run: bool = False
    replace: bool = False
    today: dt.date | None = None
    per: str | None = None
    """absoluut, per_1000_inwoners, per_1000_huishoudens or percentage."""
    bevolking: str | None = None
    """inwoners or huishoudens: the series is the population every rate divides by."""


def import_table(request: TableRequest) -> ImportReport:
    """Take one category of a published table into a series of diagnostiek/cijfers.yaml.

    Raises:
        LivbError: the table cannot be read or does not hold what was asked (file, row and
            column said), or it would overwrite figures without ``--vervang``; nothing written.
    """
    _population_key(request.bevolking)
    loaded = load_folder(request.root, "livb import")
    project = loaded.project
    assert project is not None
    cells = read_table(request.path)
    chosen = _category(request, cells)
    cells = [c for c in cells if c.category == chosen]
    _one_area_only(request, cells)
    own_names = _own_areas(request, project)
    formers = _formers(request, project, cells)
    groups = own_names + [area for area, _ in formers]
    if formers:  # a table of the years before the merger has no rows for the new municipality
        groups = [area for area in groups if _present(area, cells)]
    own = _values_of(request.path.name, cells, groups)
    comparisons = [
        (name, soort, _values_of(request.path.name, cells, [(name,)]))
        for name, soort in _comparisons(request)
    ]
    report = ImportReport(request.path, dry_run=request.dry_run)
    existing = next((r for r in project.cijfers.reeksen if r.id == request.reeks), None)
    entry = _entry(request, project, existing, chosen, own, comparisons)
    if formers:
        naam = project.instellingen.gemeente.naam
        entry["samengeteld"] = _summed(request.path.name, cells, own_names[0], formers, naam)
        report.notes.append(
            tr(
                "De cijfers van {namen} zijn per jaar opgeteld tot die van {naam} (fusie).",
                namen=join(entry["samengeteld"]),
                naam=naam,
            )
        )
    report.changes = _describe(request, entry, own, existing, project)
    if len(own_names) > 1:
        report.notes.append(
            tr(
                "De cijfers van {namen} zijn per jaar opgeteld.",
                namen=join([a[0] for a in own_names]),
            )
        )
    _validate(entry)
    if request.bevolking is not None:
        report.changes.append(f"{FILE}: bevolking: {request.bevolking}: {request.reeks}")
    if not request.dry_run:
        _write(request, entry)
        report.written.append(FILE)
    return report


def _one_area_only(request: TableRequest, cells: list[Cell]) -> None:
    """A table without an area column holds one area's figures: no comparison, one --gebied."""
    if not any(c.area for c in cells) and (request.vergelijking or len(request.gebied) > 1):
        raise UsageError(
            tr(
                "'{naam}' noemt geen gebieden: het zijn de cijfers van één gebied",
                naam=request.path.name,
            ),
            tr(
                "laat --vergelijking en een tweede --gebied weg, of neem een tabel met een kolom "
                "voor het gebied"
            ),
        )


def _write(request: TableRequest, entry: dict[str, Any]) -> None:
    """The series into cijfers.yaml: comments kept, one atomic write under the folder's lock."""
    with folder_lock(request.root, "livb import"):
        path = request.root / FILE
        raw = path.read_bytes() if path.is_file() else b""
        edit = _put(entry, _population_key(request.bevolking))
        try:
            text = update_roundtrip(raw.decode("utf-8-sig") or "reeksen: []\n", edit)
            write_atomic(path, text, inside=request.root, expected=raw)
        except FileChangedError:
            raise LivbError(
                tr("'{pad}' werd gewijzigd terwijl livb import het aanpaste", pad=FILE),
                tr(
                    "sla het bestand op (of sluit het) en importeer opnieuw; er is niets geschreven"
                ),
            ) from None
        except (OSError, EditError) as error:
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            raise LivbError(
                tr("kan '{pad}' niet schrijven: {reden}", pad=FILE, reden=reason),
                tr("controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd"),
            ) from None


# --- reading ------------------------------------------------------------------------------------


def read_table(path: Path) -> list[Cell]:
    """Every figure of a CSV or XLSX table, in either layout.

    Raises:
        LivbError: no year column or year headers, text where a figure belongs, decimal
            comma and point mixed (file, row and column named).
    """
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    if not rows:
        raise LivbError(tr("'{naam}' is leeg", naam=path.name), tr("download de tabel opnieuw"))
    header_row, header = rows[0]
    names = [str(h if h is not None else "").strip() for h, _ in header]
    years = {i: int(m.group(1)) for i, n in enumerate(names) if (m := _YEAR.match(n))}
    lowered = [n.casefold() for n in names]
    year_index = next((i for i, n in enumerate(lowered) if n in _YEAR_HEADERS), None)
    if years and year_index is None:
        return list(_wide(path.name, names, years, rows[1:]))
    if year_index is None:
        raise LivbError(
            tr(
                "{naam}, rij {rij}: geen kolom met jaren (een kolom 'jaar', of een "
                "jaartal boven elke kolom met cijfers)",
                naam=path.name,
                rij=header_row,
            ),
            tr("zet in de eerste rij een kolom 'jaar', of de jaartallen boven de kolommen"),
        )
    return list(_long(path.name, names, year_index, rows[1:]))


_Row = tuple[int, list[tuple[Any, Place]]]


def _csv_rows(path: Path) -> list[_Row]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1252")
    except OSError as error:
        unreadable = tr("kan '{pad}' niet lezen: {reden}", pad=path.name, reden=os_reason(error))
        raise LivbError(unreadable, None) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[_Row] = []
    header: list[str] = []
    for line, cells in enumerate(csv.reader(text.splitlines(), dialect), start=1):
        if not any(c.strip() for c in cells):
            continue
        if not header:
            header = [c.strip() for c in cells]
        rows.append(
            (
                line,
                [
                    (c, Place(line, i + 1, header[i] if i < len(header) else ""))
                    for i, c in enumerate(cells)
                ],
            )
        )
    return rows


def _xlsx_rows(path: Path) -> list[_Row]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise LivbError(
            tr("'{pad}' is geen leesbaar Excel-werkboek (beschadigd of onvolledig)", pad=path.name),
            tr("open het in Excel of LibreOffice en sla het opnieuw op als .xlsx"),
        ) from None
    try:
        sheet = book.worksheets[0]
        rows: list[_Row] = []
        header: list[str] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if not header:
                header = [str(v if v is not None else "").strip() for v in values]
            rows.append(
                (
                    number,
                    [
                        (v, Place(number, i + 1, header[i] if i < len(header) else "", sheet.title))
                        for i, v in enumerate(values)
                    ],
                )
            )
        return rows
    finally:
        book.close()


def _long(name: str, names: list[str], year_index: int, rows: Sequence[_Row]) -> Iterator[Cell]:
    """A row per area and year, a column per category."""
    area_columns = _area_columns(names, exclude={year_index})
    numbers = _Numbers(name)
    for _, cells in rows:
        year_cell, year_place = cells[year_index] if year_index < len(cells) else (None, None)
        year = _year(name, year_cell, year_place)
        if year is None:
            continue
        area = _labels(cells, area_columns)
        for index, (value, place) in enumerate(cells):
            if index == year_index or index in area_columns or not names[index]:
                continue
            figure = numbers.read(value, place)
            if figure is not None:
                yield Cell(area, year, names[index], figure, place)


def _wide(
    name: str, names: list[str], years: dict[int, int], rows: Sequence[_Row]
) -> Iterator[Cell]:
    """A row per area (and category), a column per year."""
    labels = [i for i in range(len(names)) if i not in years]
    area_columns = _area_columns(names, exclude=set(years))
    numbers = _Numbers(name)
    for _, cells in rows:
        area = _labels(cells, area_columns)
        others = [i for i in labels if i not in area_columns]
        category = " – ".join(_labels(cells, others))
        for index, year in years.items():
            if index >= len(cells):
                continue
            value, place = cells[index]
            figure = numbers.read(value, place)
            if figure is not None:
                yield Cell(area, year, category, figure, place)


def _area_columns(names: list[str], exclude: set[int]) -> list[int]:
    """The columns that name the area (by their header), else the first that is not a year.

    A table of a year and one other column names no area: it is one area's series (none).
    """
    candidates = [i for i in range(len(names)) if i not in exclude]
    found = [i for i in candidates if names[i].casefold() in _AREA_HEADERS]
    if not found and len(candidates) == 1 and len(exclude) == 1:
        return []
    return found or candidates[:1]


def _labels(cells: list[tuple[Any, Place]], columns: list[int]) -> tuple[str, ...]:
    """The row's texts in these columns (a NIS code written as a number too: 23027)."""
    texts = (_label(cells[i][0]) for i in columns if i < len(cells))
    return tuple(t for t in texts if t)


def _label(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _year(name: str, value: Any, place: Place | None) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    match = _YEAR.match(str(value))
    if match is None:
        raise LivbError(
            f"{name}, {place}: " + tr("'{waarde}' is geen jaartal", waarde=value),
            tr("zet in de kolom met jaren enkel jaartallen met vier cijfers (2024)"),
        )
    return int(match.group(1))


class _Numbers:
    """Reads the figures of one table, holding it to one decimal mark (comma or point)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mark: tuple[str, Place] | None = None

    def read(self, value: Any, place: Place) -> float | None:
        if isinstance(value, bool):
            raise self._text(value, place)
        if isinstance(value, int | float):
            return float(value)
        text = (
            str(value if value is not None else "").strip().replace("\u00a0", "").replace(" ", "")
        )
        if text.casefold() in _EMPTY:
            return None
        mark = _decimal_mark(text)
        if mark is not None:
            if self.mark is not None and self.mark[0] != mark:
                first = tr("komma") if self.mark[0] == "," else tr("punt")
                raise LivbError(
                    tr(
                        "{bestand}, {plaats}: '{tekst}' heeft een decimale {teken}, maar "
                        "{eerder} een decimale {eerste}",
                        bestand=self.name,
                        plaats=place,
                        tekst=text,
                        teken=tr("komma") if mark == "," else tr("punt"),
                        eerder=self.mark[1],
                        eerste=first,
                    ),
                    tr("schrijf alle getallen van de tabel met dezelfde decimale scheiding"),
                )
            self.mark = self.mark or (mark, place)
        locale = "en_US" if (self.mark and self.mark[0] == ".") else "nl_BE"
        try:
            return float(parse_number(text, locale=locale))
        except ValueError:
            raise self._text(str(value).strip(), place) from None

    def _text(self, value: Any, place: Place) -> LivbError:
        return LivbError(
            f"{self.name}, {place}: " + tr("'{waarde}' is geen getal", waarde=value),
            tr("zet er het cijfer, of laat de cel leeg als het cijfer ontbreekt"),
        )


def _decimal_mark(text: str) -> str | None:
    """',' or '.' when the text shows which one marks its decimals; None when it does not.

    ``12,5`` and ``1.234,5`` have a decimal comma, ``12.5`` and ``1,234.5`` a decimal point;
    ``1.234`` could be either (a thousand two hundred, or one and a bit) and tells nothing.
    """
    if "," in text and "." in text:
        return "," if text.rfind(",") > text.rfind(".") else "."
    for mark in ",.":
        if mark in text:
            decimals = text.rpartition(mark)[2]
            if text.count(mark) == 1 and len(decimals) != 3:
                return mark
    return None


def _column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- choosing -----------------------------------------------------------------------------------


def _category(request: TableRequest, cells: list[Cell]) -> str:
    """The one category (value column or row label) to take; never a sum of several."""
    name = request.path.name
    categories = list(dict.fromkeys(c.category for c in cells))
    if not categories:
        raise LivbError(
            tr("'{naam}' bevat geen cijfers", naam=name), tr("download de tabel opnieuw")
        )
    if request.kolom is None:
        if len(categories) == 1:
            return categories[0]
        raise UsageError(
            tr(
                "'{bestand}' heeft meer dan één soort cijfers: {soorten}",
                bestand=name,
                soorten=_listed(categories),
            ),
            tr(
                "kies er één met --kolom; livb telt categorieën nooit op (een feit telt mee in "
                "een hoofdcategorie en in haar subcategorie)"
            ),
        )
    wanted = request.kolom.casefold()
    found = [c for c in categories if c.casefold() == wanted]
    if not found:
        found = [c for c in categories if wanted in c.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(
            tr(
                "--kolom '{kolom}' past op meer dan één soort cijfers in '{bestand}': {soorten}",
                kolom=request.kolom,
                bestand=name,
                soorten=join(_quoted(found[:8])),
            ),
            tr("geef de volledige naam van één kolom; livb telt categorieën nooit op"),
        )
    raise LivbError(
        tr(
            "'{bestand}' heeft geen kolom '{kolom}'; wel: {kolommen}",
            bestand=name,
            kolom=request.kolom,
            kolommen=join(_quoted(categories[:8])),
        ),
        tr("geef met --kolom de naam zoals ze in de eerste rij (of de eerste kolommen) staat"),
    )


def _quoted(names: Sequence[str]) -> list[str]:
    return [f"'{n}'" for n in names]


def _listed(names: Sequence[str]) -> str:
    """At most eight names, quoted, and 'en meer' when there are more."""
    shown = join(_quoted(names[:8]))
    return shown + " " + tr("en meer") if len(names) > 8 else shown


Area = tuple[str, ...]
"""The names one area may have in a table: its name, its NIS code."""


def _own_areas(request: TableRequest, project: Project) -> list[Area]:
    """The municipality's own rows: as --gebied names them, else by its name or NIS code."""
    if request.gebied:
        return [(g,) for g in request.gebied]
    from livb.folder.gemeenten import former_municipalities

    gemeente = project.instellingen.gemeente
    if not gemeente.nis_code:
        return [(gemeente.naam,)]
    kept = [  # a name kept in the merger: its rows may carry its former code (Hasselt: 71022)
        f.nis
        for f in former_municipalities(gemeente.nis_code)
        if f.nis and f.naam.casefold() == gemeente.naam.casefold()
    ]
    return [(gemeente.naam, gemeente.nis_code, *kept)]


def _formers(request: TableRequest, project: Project, cells: list[Cell]) -> list[tuple[Area, str]]:
    """The former municipalities (2025 mergers) the table has rows for, with their name.

    Only when --gebied does not say which rows to take: a table of the years before the merger
    gives the former municipalities separately, and their figures add up to the new one's.
    """
    from livb.folder.gemeenten import former_municipalities

    nis = project.instellingen.gemeente.nis_code
    if request.gebied or not nis:
        return []
    labels = {label.casefold() for cell in cells for label in cell.area}
    found = []
    own = project.instellingen.gemeente.naam.casefold()
    for former in former_municipalities(nis):
        if former.naam.casefold() == own:
            continue  # the name it kept: one of its own rows (_own_areas)
        area = (former.naam, *([former.nis] if former.nis else []))
        if labels & {a.casefold() for a in area}:
            found.append((area, former.naam))
    return found


def _summed(
    name: str, cells: list[Cell], own: Area, formers: list[tuple[Area, str]], naam: str
) -> list[str]:
    """The areas added up: the former municipalities, and the municipality itself.

    The municipality counts when it has rows for the same years as they do: a name kept in the
    merger (Antwerpen took in Borsbeek), not a new one that has rows only since.
    """
    years = {y for area, _ in formers for y in _area_values(name, cells, area)}
    kept = _present(own, cells) and bool(years & set(_area_values(name, cells, own)))
    return ([naam] if kept else []) + [former for _, former in formers]


def _present(area: Area, cells: list[Cell]) -> bool:
    wanted = {a.casefold() for a in area}
    return any(wanted & {label.casefold() for label in cell.area} for cell in cells)


def _values_of(name: str, cells: list[Cell], areas: list[Area]) -> dict[int, float]:
    """The figures per year of the rows of these areas, those of several areas added up."""
    values: dict[int, float] = {}
    for area in areas:
        for year, value in _area_values(name, cells, area).items():
            values[year] = values.get(year, 0.0) + value
    return dict(sorted(values.items()))


def _area_values(name: str, cells: list[Cell], area: Area) -> dict[int, float]:
    wanted = {a.casefold() for a in area}
    mine = [c for c in cells if wanted & {label.casefold() for label in c.area}]
    if not any(c.area for c in cells):
        mine = cells  # a table of one area's series, without a column naming it
    if not mine:
        known = list(dict.fromkeys(c.area[0] for c in cells if c.area))
        raise LivbError(
            tr(
                "'{bestand}' heeft geen rijen voor {gebied}; wel voor {gebieden}",
                bestand=name,
                gebied=(" " + tr("of") + " ").join(_quoted(area)),
                gebieden=_listed(known),
            ),
            tr("geef met --gebied de naam of NIS-code zoals die in de tabel staat"),
        )
    seen: dict[int, Place] = {}
    values: dict[int, float] = {}
    for cell in mine:
        if cell.year in seen:
            raise LivbError(
                tr(
                    "{bestand}, {plaats}: {gebied} heeft een tweede cijfer voor {jaar} "
                    "(het eerste staat op {eerste})",
                    bestand=name,
                    plaats=cell.place,
                    gebied=area[0],
                    jaar=cell.year,
                    eerste=seen[cell.year],
                ),
                tr("laat per gebied en jaar één rij over, of kies de juiste met --kolom"),
            )
        seen[cell.year] = cell.place
        values[cell.year] = cell.value
    return values


def _comparisons(request: TableRequest) -> list[tuple[str, Gebiedssoort]]:
    found = []
    kinds = ", ".join(k.value for k in Gebiedssoort)
    for text in request.vergelijking:
        area, _, kind = text.rpartition("=")
        try:
            found.append((area.strip(), Gebiedssoort(kind.strip())))
        except ValueError:
            raise UsageError(
                tr(
                    "--vergelijking '{tekst}': geef GEBIED=SOORT, met SOORT een van {soorten}",
                    tekst=text,
                    soorten=kinds,
                ),
                tr("bv. --vergelijking 'PZ Zennevallei=zone'"),
            ) from None
        if not area.strip():
            raise UsageError(
                tr("--vergelijking '{tekst}': het gebied ontbreekt", tekst=text),
                tr("bv. 'Vlaams Gewest=gewest'"),
            )
    return found


# --- writing ------------------------------------------------------------------------------------


def _entry(
    request: TableRequest,
    project: Project,
    existing: Reeks | None,
    category: str,
    own: dict[int, float],
    comparisons: list[tuple[str, Gebiedssoort, dict[int, float]]],
) -> dict[str, Any]:
    """The series as it will stand in cijfers.yaml (a new one, or the existing one completed)."""
    bron = _source(request, project, existing)
    merged = _merged(request, existing, own)
    entry: dict[str, Any] = {
        "id": request.reeks,
        "naam": request.naam or (existing.naam if existing else category) or request.reeks,
        "bron": bron,
        "waarden": {y: _plain(v) for y, v in sorted(merged.items())},
        "tabel": request.path.name,
        "gedownload": request.gedownload or request.today or dt.date.today(),
    }
    if existing is None or existing.gebied is None:
        entry["gebied"] = project.instellingen.gemeente.naam
    if request.per is not None:
        entry["per"] = _per(request.per)
    cutoff = request.afsluitdatum or (existing.afsluitdatum if existing else None)
    if cutoff is not None:
        entry["afsluitdatum"] = cutoff
        if max(merged) >= cutoff.year:  # closed during the last year: it is incomplete
            entry["onvolledig_jaar"] = max(merged)
    if comparisons:
        entry["vergelijking"] = [
            {
                "gebied": area,
                "soort": kind.value,
                "waarden": {y: _plain(v) for y, v in values.items()},
            }
            for area, kind, values in comparisons
        ]
    return entry


def _source(request: TableRequest, project: Project, existing: Reeks | None) -> str:
    """The series' source: --bron, or the existing series' own; it must be in bronnen.yaml."""
    bron = request.bron or (existing.bron if existing else None)
    if bron is None:
        raise UsageError(
            tr(
                "de reeks '{reeks}' is nieuw: zeg met --bron uit welke bron ze komt",
                reeks=request.reeks,
            ),
            tr(
                "geef de id van een bron uit diagnostiek/bronnen.yaml, bv. --bron politiestatistiek"
            ),
        )
    if bron not in {b.id for b in project.bronnen.bronnen}:
        raise UsageError(
            tr("--bron '{bron}' staat niet in diagnostiek/bronnen.yaml", bron=bron),
            tr(
                "voeg de bron toe in diagnostiek/bronnen.yaml, of geef de id van een bestaande bron"
            ),
        )
    return bron


def _merged(
    request: TableRequest, existing: Reeks | None, own: dict[int, float]
) -> dict[int, float]:
    """The existing figures with the table's: a year that differs only with --vervang."""
    if existing is not None and existing.bestand is not None:
        raise LivbError(
            tr(
                "de reeks '{reeks}' haalt haar cijfers uit {bestand}",
                reeks=request.reeks,
                bestand=existing.bestand,
            ),
            tr("importeer in een nieuwe reeks (--reeks NIEUWE-ID), of werk het CSV-bestand bij"),
        )
    before = dict(existing.waarden or {}) if existing else {}
    changed = {y: (before[y], v) for y, v in own.items() if y in before and before[y] != v}
    if changed and not request.replace:
        year, (old, new) = next(iter(changed.items()))
        more = (
            " " + tr("(en {aantal} jaar meer)", aantal=len(changed) - 1) if len(changed) > 1 else ""
        )
        raise LivbError(
            tr(
                "de reeks '{reeks}' heeft al {oud} voor {jaar}; {bestand} geeft {nieuw}",
                reeks=request.reeks,
                oud=number(old),
                jaar=year,
                bestand=request.path.name,
                nieuw=number(new),
            )
            + more,
            tr(
                "voeg --vervang toe om de bestaande cijfers te vervangen, of kijk na welke juist "
                "zijn"
            ),
        )
    return {**before, **own}


def _plain(value: float) -> float | int:
    """A whole figure as a whole number in the YAML (201, not 201.0)."""
    return int(value) if value.is_integer() else value


def _per(text: str) -> str:
    try:
        return Per(text.strip()).value
    except ValueError:
        raise UsageError(
            tr("--per '{waarde}' bestaat niet", waarde=text),
            tr("kies een van {lijst}", lijst=", ".join(p.value for p in Per)),
        ) from None


def _describe(
    request: TableRequest,
    entry: dict[str, Any],
    own: dict[int, float],
    existing: Reeks | None,
    project: Project,
) -> list[str]:
    what = "bijgewerkt" if existing else "nieuw"
    years = sorted(own)
    lines = [
        f"{FILE}: reeks '{entry['id']}' ({what}): {entry['naam']}, {entry.get('gebied', '')}, "
        f"{years[0]}–{years[-1]}".replace(", ,", ",")
    ]
    lines += [f"  {year}: {number(value)}" for year, value in sorted(own.items())]
    for comparison in entry.get("vergelijking", []):
        lines.append(f"  vergelijking {comparison['gebied']} ({comparison['soort']}): "
                     f"{len(comparison['waarden'])} jaar")  # fmt: skip
    if "onvolledig_jaar" in entry:
        lines.append(
            f"  {entry['onvolledig_jaar']} is onvolledig (afgesloten op "
            f"{short_date(entry['afsluitdatum'])})"
        )
    return lines


def _validate(entry: dict[str, Any]) -> None:
    """The series as livb check will read it; a table that makes a wrong one writes nothing."""
    from pydantic import ValidationError

    try:
        Reeks.model_validate(entry)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LivbError(
            tr(
                "de reeks '{reeks}' zou ongeldig worden ({plaats}: {fout})",
                reeks=entry["id"],
                plaats=where,
                fout=first["msg"],
            ),
            tr("kijk de tabel en de opties na; er is niets geschreven"),
        ) from None


def _population_key(kind: str | None) -> str | None:
    if kind is None or kind in ("inwoners", "huishoudens"):
        return kind
    raise UsageError(
        tr("--bevolking '{waarde}' bestaat niet", waarde=kind), tr("kies inwoners of huishoudens")
    )


def _put(entry: dict[str, Any], population: str | None = None) -> Any:
    """The edit of the file's tree: the series replaced in place, or appended."""

    def edit(tree: Any) -> None:
        if population is not None:
            if not isinstance(tree.get("bevolking"), dict):
                tree["bevolking"] = {}
            tree["bevolking"][population] = entry["id"]
        series = tree.setdefault("reeksen", [])
        if series is None:
            tree["reeksen"] = series = []
        for item in series:
            if item.get("id") == entry["id"]:
                for key, value in entry.items():
                    item[key] = value
                return
        series.append(dict(entry))

    return edit
