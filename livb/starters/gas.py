"""``livb new gas``: the usual series of the GAS figures (administrative sanctions) to fill in.

The sanctionerend ambtenaar counts what was reported (vaststellingen, by kind of nuisance),
what followed (fines, community service) and the mediations offered; these series come with
their names and units, empty, under a source ``gas`` that is added to bronnen.yaml when the
folder has none yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from livb.core.errors import LivbError
from livb.core.i18n import tr
from livb.core.words import count
from livb.model import Project
from livb.model.diagnostiek import Bron, Reeks
from livb.starters._base import Change, NewResult, Options, Starter, edit, load, run, validate
from livb.starters.skeleton import complete

SOURCE = {
    "id": "gas",
    "naam": "Gemeentelijke administratieve sancties (GAS)",
    "soort": "feit",
    "leverancier": "Sanctionerend ambtenaar",
    "omschrijving": (
        "Vaststellingen van overlast per soort, opgelegde sancties (geldboetes, "
        "gemeenschapsdienst) en lokale bemiddelingen, per jaar."
    ),
}
"""The GAS figures as a source of Tool C: facts, kept by the sanctionerend ambtenaar."""

SERIES = (
    ("gas-vaststellingen-overlast", "GAS-vaststellingen: openbare overlast", "vaststellingen"),
    ("gas-vaststellingen-sluikstorten", "GAS-vaststellingen: sluikstorten", "vaststellingen"),
    ("gas-vaststellingen-parkeren", "GAS-vaststellingen: stilstaan en parkeren", "vaststellingen"),
    ("gas-geldboetes", "Opgelegde administratieve geldboetes", "geldboetes"),
    ("gas-gemeenschapsdienst", "Opgelegde gemeenschapsdiensten", "gemeenschapsdiensten"),
    ("gas-bemiddelingen", "Lokale bemiddelingen", "bemiddelingen"),
)
"""The series the figures of the sanctionerend ambtenaar usually give: id, name, unit."""


class GasOptions(Options):
    """``livb new gas`` has no options: the series are the usual ones."""


def start(root: Path, options: GasOptions, today: dt.date) -> NewResult:
    """Append the GAS series missing from cijfers.yaml (and the source, when missing)."""
    notes: list[str] = []

    def add_source(project: Project) -> Change:
        validate(Bron, dict(SOURCE))
        return edit(root, project, "diagnostiek/bronnen.yaml", "bronnen", dict(SOURCE), today,
                    tr("bron 'gas' toegevoegd"))  # fmt: skip

    def add_series(project: Project) -> Change:
        known = {r.id for r in project.cijfers.reeksen}
        items = [_series(id_, naam, eenheid) for id_, naam, eenheid in SERIES if id_ not in known]
        if not items:
            raise LivbError(
                tr("diagnostiek/cijfers.yaml heeft de GAS-reeksen al"),
                tr("vul hun 'waarden' aan, of importeer ze met livb import TABEL --reeks ID"),
            )
        for item in items:
            validate(Reeks, item)
        reeksen = count(len(items), tr("GAS-reeks"), tr("GAS-reeksen"))
        summary = tr("{reeksen} om in te vullen", reeksen=reeksen)
        return edit(root, project, "diagnostiek/cijfers.yaml", "reeksen", items, today, summary)

    project = load(root)
    if all(b.id != "gas" for b in project.bronnen.bronnen):
        (root / "diagnostiek").mkdir(exist_ok=True)  # a folder made by hand may lack it
        run(root, "livb new gas", add_source)
        notes.append(tr("bron 'gas' toegevoegd aan diagnostiek/bronnen.yaml"))
    return run(root, "livb new gas", add_series, notes)


def _series(id_: str, naam: str, eenheid: str) -> dict[str, Any]:
    """A series to fill in: every field of a series named, its figures still empty."""
    given = {"id": id_, "naam": naam, "bron": "gas", "eenheid": eenheid, "waarden": {}}
    return complete(Reeks, given)


STARTER = Starter("gas", GasOptions, start, Reeks)
