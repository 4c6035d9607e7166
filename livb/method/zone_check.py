"""``livb check ZONE``: the police zone's shared folder, zone.yaml, and the folders it names.

zone.yaml is read like a gemeente folder's files (YAML and schema problems at their line);
once it is valid, the zone's own rules run: an action under a priority the ZVP does not have,
an id given twice, a NIS code Statbel does not know, a municipality's folder that cannot be
read, holds another municipality or does not point back to this zone, a ZVP without period or
priorities, and a ZVP no decision of the zonale veiligheidsraad approves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from livb.core.diagnostics import Diagnostic, Severity
from livb.core.i18n import N_, tr
from livb.method.check import CheckResult
from livb.model.zone import ZoneBestand

ZONE_FILE = "zone.yaml"


@dataclass(frozen=True)
class ZoneCode:
    """A code of the zone's check, with its name, severity and explanation (Dutch, marked)."""

    name: str
    severity: Severity
    text: str


ZONE_CODES = {
    "LIVB231": ZoneCode(
        "zvp-actie-zonder-prioriteit",
        Severity.FOUT,
        N_(
            "Een actie van het zonaal veiligheidsplan valt onder een prioriteit die het ZVP niet "
            "heeft.\n\nOplossing:\n    Verbeter 'prioriteit:' van de actie in zone.yaml: de id "
            "van een prioriteit onder\n    zvp: prioriteiten."
        ),
    ),
    "LIVB232": ZoneCode(
        "zone-dubbele-id",
        Severity.FOUT,
        N_(
            "Twee prioriteiten (of twee acties) van het ZVP hebben dezelfde id: een gemeente "
            "die erop\nantwoordt, weet dan niet welke ze bedoelt.\n\nOplossing:\n    Geef elke "
            "prioriteit en elke actie in zone.yaml een eigen id."
        ),
    ),
    "LIVB233": ZoneCode(
        "zone-onbekende-gemeente",
        Severity.FOUT,
        N_(
            "Een gemeente van de zone heeft een NIS-code die Statbel niet kent (of niet meer, "
            "na de\nfusies van 2025), of staat twee keer in zone.yaml.\n\nOplossing:\n    "
            "Verbeter de NIS-code (vijf cijfers, zoals bij Statbel) of schrap de dubbele gemeente."
        ),
    ),
    "LIVB234": ZoneCode(
        "zone-gemeentemap-onleesbaar",
        Severity.FOUT,
        N_(
            "zone.yaml geeft voor een gemeente een map waarin livb geen livb.yaml kan lezen.\n\n"
            "Oplossing:\n    Verbeter het pad (vanaf de zonemap, bv. '../halle'), of laat "
            "'map:' weg zolang de\n    gemeente geen map heeft."
        ),
    ),
    "LIVB235": ZoneCode(
        "zone-gemeentemap-andere-gemeente",
        Severity.FOUT,
        N_(
            "De map die zone.yaml voor een gemeente geeft, is die van een andere gemeente "
            "(een andere\nNIS-code in haar livb.yaml).\n\nOplossing:\n    Verbeter het pad of de "
            "NIS-code in zone.yaml of in livb.yaml van de gemeente."
        ),
    ),
    "LIVB236": ZoneCode(
        "zone-niet-terugverwezen",
        Severity.WAARSCHUWING,
        N_(
            "De map van een gemeente van de zone verwijst in livb.yaml niet naar deze zonemap: "
            "haar plan\nwordt dan niet aan dit ZVP getoetst (LIVB221).\n\nOplossing:\n    Zet in "
            "livb.yaml van de gemeente onder gemeente: politiezone: de sleutel\n    map: met het "
            "pad naar deze zonemap, bv. '../pz-zennevallei'."
        ),
    ),
    "LIVB237": ZoneCode(
        "zvp-onvolledig",
        Severity.WAARSCHUWING,
        N_(
            "Het zonaal veiligheidsplan heeft nog geen periode of nog geen prioriteiten: de "
            "gemeenten\nkunnen hun plan er dan niet op afstemmen.\n\nOplossing:\n    Vul in "
            "zone.yaml onder zvp: de periode (van, tot) en de prioriteiten in."
        ),
    ),
    "LIVB238": ZoneCode(
        "zvp-niet-goedgekeurd",
        Severity.INFO,
        N_(
            "zone.yaml noemt nog geen beslissing van de zonale veiligheidsraad over het ZVP.\n\n"
            "Oplossing:\n    Voeg onder besluiten: de datum en de tekst van de goedkeuring toe "
            "zodra de\n    zonale veiligheidsraad het plan goedkeurde."
        ),
    ),
}


def check_zone(root: Path) -> CheckResult:
    """Every problem of the zone's folder, sorted by place (exit code as ``livb check``)."""
    from livb.folder.project import load_zone_file

    loaded, zone = load_zone_file(root)
    diagnostics = list(loaded.diagnostics)
    if zone is not None:
        for code, loc, message, hint in _findings(root, zone):
            where = loaded.locate(ZONE_FILE, loc, at_key=len(loc) == 1)  # zvp: at its key
            severity = ZONE_CODES[code].severity
            diagnostics.append(Diagnostic(where, code, severity, message, hint))
    return CheckResult(root, sorted(diagnostics))


Finding = tuple[str, tuple[Any, ...], str, str | None]


def _findings(root: Path, zone: ZoneBestand) -> Iterator[Finding]:
    yield from _plan_findings(zone)
    yield from _municipality_findings(zone)
    for number, gemeente in enumerate(zone.gemeenten):
        if gemeente.map:
            yield from _folder_findings(root, number, gemeente.map, gemeente.nis_code)


def _plan_findings(zone: ZoneBestand) -> Iterator[Finding]:
    zvp = zone.zvp
    priorities = [p.id for p in zvp.prioriteiten]
    for key, ids in (("prioriteiten", priorities), ("acties", [a.id for a in zvp.acties])):
        for number, id_ in enumerate(ids):
            if id_ in ids[:number]:
                yield (
                    "LIVB232",
                    ("zvp", key, number, "id"),
                    tr("de id '{id}' staat twee keer in zvp: {lijst}", id=id_, lijst=key),
                    tr("geef elke prioriteit en actie een eigen id"),
                )
    for number, actie in enumerate(zvp.acties):
        if actie.prioriteit not in priorities:
            yield (
                "LIVB231",
                ("zvp", "acties", number, "prioriteit"),
                tr(
                    "de actie '{actie}' valt onder de prioriteit '{prioriteit}', die het ZVP "
                    "niet heeft",
                    actie=actie.id,
                    prioriteit=actie.prioriteit,
                ),
                tr("kies een van: {ids}", ids=", ".join(dict.fromkeys(priorities)) or "-"),
            )
    if zvp.periode is None:
        yield (
            "LIVB237",
            ("zvp",),
            tr("het ZVP van {zone} heeft nog geen periode", zone=zone.naam),
            tr("vul onder zvp: in zone.yaml de periode in (van, tot)"),
        )
    if not zvp.prioriteiten:
        yield (
            "LIVB237",
            ("zvp",),
            tr("het ZVP van {zone} heeft nog geen prioriteiten", zone=zone.naam),
            tr("vul onder zvp: in zone.yaml de prioriteiten in (id, titel)"),
        )
    if not zone.besluiten:
        yield (
            "LIVB238",
            ("zvp",),
            tr("nog geen beslissing van de zonale veiligheidsraad over het ZVP"),
            tr("voeg de goedkeuring toe onder besluiten: (datum, tekst)"),
        )


def _municipality_findings(zone: ZoneBestand) -> Iterator[Finding]:
    from livb.folder.gemeenten import by_nis

    seen: list[str] = []
    for number, gemeente in enumerate(zone.gemeenten):
        loc = ("gemeenten", number, "nis_code")
        if gemeente.nis_code in seen:
            yield (
                "LIVB233",
                loc,
                tr(
                    "de NIS-code {nis} ({naam}) staat twee keer bij de gemeenten",
                    nis=gemeente.nis_code,
                    naam=gemeente.naam,
                ),
                tr("schrap de dubbele gemeente"),
            )
        elif by_nis(gemeente.nis_code) is None:
            yield (
                "LIVB233",
                loc,
                tr(
                    "Statbel kent de NIS-code {nis} ({naam}) niet (of niet meer, na de fusies "
                    "van 2025)",
                    nis=gemeente.nis_code,
                    naam=gemeente.naam,
                ),
                tr("verbeter de NIS-code: vijf cijfers, zoals bij Statbel"),
            )
        seen.append(gemeente.nis_code)


def _folder_findings(root: Path, number: int, folder: str, nis: str) -> Iterator[Finding]:
    """The municipality's own folder: readable, the same municipality, pointing back here."""
    loc = ("gemeenten", number, "map")
    gemeente = _gemeente_of(root / folder)
    if gemeente is None:
        yield (
            "LIVB234",
            loc,
            tr("in de map '{map}' staat geen leesbaar livb.yaml", map=folder),
            tr("verbeter het pad (vanaf deze zonemap), of laat map: weg"),
        )
        return
    own = str(gemeente.get("nis_code") or "")
    if own and own != nis:
        yield (
            "LIVB235",
            loc,
            tr(
                "de map '{map}' is die van NIS {eigen}, niet van {nis}",
                map=folder,
                eigen=own,
                nis=nis,
            ),
            tr("verbeter het pad of de NIS-code"),
        )
        return
    zone_map = _zone_map(gemeente)
    if zone_map is None or not _same_folder((root / folder) / zone_map, root):
        yield (
            "LIVB236",
            loc,
            tr("livb.yaml in '{map}' verwijst niet naar deze zonemap", map=folder),
            tr(
                "zet daar onder gemeente: politiezone: de sleutel map: '{pad}'",
                pad=_relative(root, root / folder),
            ),
        )


def _gemeente_of(folder: Path) -> dict[str, Any] | None:
    """The ``gemeente:`` mapping of a folder's livb.yaml, or None when it cannot be read."""
    from livb.folder.yamlio import YamlSyntaxError, parse_fast, read_text

    try:
        data = parse_fast(read_text(folder / "livb.yaml"))
    except (OSError, YamlSyntaxError):
        return None
    gemeente = data.get("gemeente") if isinstance(data, dict) else None
    return gemeente if isinstance(gemeente, dict) else None


def _zone_map(gemeente: dict[str, Any]) -> Path | None:
    zone = gemeente.get("politiezone")
    value = zone.get("map") if isinstance(zone, dict) else None
    return Path(value).expanduser() if isinstance(value, str) and value else None


def _same_folder(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def _relative(target: Path, start: Path) -> str:
    """The path to ``target`` as written from ``start`` (absolute on another drive)."""
    try:
        return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
    except ValueError:
        return target.resolve().as_posix()
