"""``livb new monitoring``: monitoring/JAAR.yaml, the indicators to fill in, each action's state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core import formatting
from livb.core.errors import LivbError, UsageError
from livb.core.i18n import N_, language, tr
from livb.core.words import count
from livb.model import Project
from livb.model.monitoring import Monitoring
from livb.starters._base import Change, NewResult, Options, Starter, new_file, one_line, run
from livb.starters.skeleton import Noted, Raw, document


class MonitoringOptions(Options):
    """The options of ``livb new monitoring``."""

    jaar: int | None = Field(None, description=N_("het jaar dat je opvolgt (standaard dit jaar)."))


def start(root: Path, options: MonitoringOptions, today: dt.date) -> NewResult:
    """Create monitoring/JAAR.yaml: every indicator (to fill in) and every action's state.

    The indicators come as commented lines with their baseline and target, the actions with
    their current state (the latest monitoring, else the plan's status), and the huiswerk due
    that year or left undone before. An existing file is never touched.
    """
    from livb.model._base import JAAR_MAX, JAAR_MIN

    jaar = options.jaar or today.year
    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise UsageError(
            tr("{jaar} is geen jaar voor de opvolging", jaar=jaar),
            tr("geef een jaartal met vier cijfers, bv. 2011"),
        )
    relative = f"monitoring/{jaar}.yaml"

    def prepare(project: Project) -> Change:
        if jaar in project.monitoring or (root / relative).exists():
            raise LivbError(
                tr("{bestand} bestaat al; livb new overschrijft het niet", bestand=relative),
                tr("vul {bestand} zelf aan, of kies een ander jaar met --jaar", bestand=relative),
            )
        metingen = _indicators(project, jaar)
        acties = _actions(project, jaar)
        kop = tr(
            "Opvolging van het {plan} in {jaar} (gemaakt met livb new).",
            plan=project.instellingen.beleid.plannaam,
            jaar=jaar,
        )
        text = skeleton(jaar, kop, metingen, acties, _huiswerk_due(project, jaar))
        summary = tr(
            "opvolging van {jaar}: {indicatoren} en {acties}",
            jaar=jaar,
            indicatoren=count(len(metingen), tr("indicator"), tr("indicatoren")),
            acties=count(len(acties), tr("actie"), tr("acties")),
        )
        return new_file(
            root, project, "monitoring", str(jaar), text, today, summary, renumber=False
        )

    return run(root, "livb new monitoring", prepare)


def skeleton(
    jaar: int,
    kop: str,
    metingen: list[dict[str, Any]],
    acties: list[dict[str, Any]],
    huiswerk: list[dict[str, Any]],
    model: type[Monitoring] = Monitoring,
) -> str:
    """The text of a new year's follow-up: the actions filled in, the rest as lines to take."""
    take = tr("Haal het '#' weg voor de regels die je invult, en de '[]' erboven.")
    return document(
        model,
        {"acties": acties},
        kind="monitoring",
        header=[
            kop,
            "",
            tr(
                "De opvolging van het plan in {jaar} (fase 4, realiseren; later fase 5). Wat hier "
                "staat, gaat voor de status in doelstellingen/: de recentste stand van een actie "
                "telt.",
                jaar=jaar,
            ),
        ],
        notes={
            "metingen": [tr("Per indicator de waarde in {jaar}.", jaar=jaar) + " " + take]
            if metingen
            else [],
            "huiswerk": [take + " " + tr("Zet 'gedaan' op true of false.")] if huiswerk else [],
            "communicatie": [take],
        },
        examples={
            "metingen": metingen,
            "huiswerk": huiswerk,
            "communicatie": [{"datum": Raw(f"{jaar}-MM-DD"), "wat": Raw("...")}],
        },
    )


def _indicators(project: Project, jaar: int) -> list[dict[str, Any]]:
    """A measurement to fill in per indicator, with its baseline, target and last value."""
    from livb.method.queries import measurements
    from livb.model.walk import indicators

    sources = {b.id: b.naam for b in project.bronnen.bronnen}
    measured = measurements(project)
    found = []
    for _, _, indicator in indicators(project):
        unit = f" {indicator.eenheid}" if indicator.eenheid else ""
        parts = [indicator.naam]
        for label, meting in (
            (N_("basis"), indicator.basiswaarde),
            (N_("doel"), indicator.streefwaarde),
        ):
            if meting is not None:
                year = f" ({meting.jaar})" if meting.jaar else ""
                parts.append(f"{tr(label)} {_value(meting.waarde)}{unit}{year}")
        earlier = [m for m in measured.get(indicator.id, []) if m.datum.year < jaar]
        if earlier:
            last = earlier[-1]
            parts.append(f"{tr('laatst')} {_value(last.waarde)}{unit} ({_day(last.datum)})")
        found.append(
            {
                "indicator": Noted(indicator.id, one_line("; ".join(parts))),
                "datum": jaar,
                "bron": one_line(sources.get(indicator.bron or "", "")) or "...",
            }
        )
    return found


def _value(value: float) -> str:
    """A number in a comment: as a Dutch folder always had it, else in the folder's language."""
    return f"{value:g}" if language() == "nl" else formatting.number(value)


def _day(day: dt.date | None) -> str:
    """A date in a comment: ISO for a Dutch folder (as before), written out for a French one."""
    if day is None:
        return "?"
    return str(day) if language() == "nl" else formatting.short_date(day)


def _actions(project: Project, jaar: int) -> list[dict[str, Any]]:
    """Every action with its state at the end of the year before."""
    from livb.method.money import action_budget
    from livb.method.queries import action_states

    before = dt.date(jaar - 1, 12, 31)
    found = []
    for state in action_states(project, before).values():
        actie = state.actie
        details = [one_line(actie.titel)]
        if actie.start or actie.einde:
            details.append(f"{_day(actie.start)} – {_day(actie.einde)}")
        budget = action_budget(actie)
        if budget is not None:
            details.append(tr("budget {bedrag} euro", bedrag=_value(budget)))
        found.append(
            {
                "actie": Noted(actie.id, "; ".join(details)),
                "status": state.status.value,
                "reden": one_line(state.reden) if state.reden else None,
            }
        )
    return found


def _huiswerk_due(project: Project, jaar: int) -> list[dict[str, Any]]:
    """The tasks due in a year (by 'tegen', else the meeting's date), and those left undone."""
    from livb.method.queries import homework_due

    found = []
    for id_, number, _vergadering, taak in homework_due(project, jaar):
        wie = ", ".join(taak.wie)
        tegen = " " + tr("(tegen {datum})", datum=taak.tegen) if taak.tegen else ""
        found.append(
            {
                "vergadering": Noted(id_, one_line(f"{wie}: {taak.wat}{tegen}")),
                "taak": number,
                "gedaan": True,
            }
        )
    return found


STARTER = Starter("monitoring", MonitoringOptions, start, Monitoring)
