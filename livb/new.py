"""``livb new``: start the next piece of the process from a skeleton, touching nothing else."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from livb.dates import dutch_date
from livb.errors import LivbError
from livb.model import Project
from livb.model._base import ID_PATTERN
from livb.model.organen import VASTE_ORGANEN
from livb.model.stappen import STAP_TITELS, Stap
from livb.project import load_project
from livb.skeleton import render
from livb.yamlio import append_to_list, dump_list_item, read_text, write_atomic

AGENDA: dict[str, list[str]] = {
    "1.6": [
        "Kennismaking: elk lid stelt zich voor",
        "Het lokaal integraal veiligheidsbeleid: begrippen en aanpak",
        "De rol en de inbreng van elk lid",
        "Timing van het traject",
    ],
    "2.1": [
        "Aanpak van de veiligheidsdiagnostiek",
        "Welke gegevens levert elke partner?",
        "Samenstelling van het redactiecomité",
        "Objectieve en subjectieve onveiligheid",
    ],
    "2.3": ["Voorstelling van de bestaande beleidsplannen (zonaal veiligheidsplan, ...)"],
    "2.4": [
        "Voorstelling van de veiligheidsdiagnostiek door het redactiecomité",
        "Opmerkingen en aanvullingen",
    ],
    "2.5": [
        "SWOT-analyse: sterktes, zwaktes, kansen en bedreigingen",
        "Confrontatiematrix en conclusies",
    ],
    "2.6": [
        "Keuze van de prioriteiten (hoogstens vijf)",
        "Samenstelling van de projectgroepen en keuze van de projectleiders",
    ],
    "3.1": [
        "Integrale veiligheid en de keuze van deze prioriteit",
        "Lopende acties, knelpunten en behoeften van de partners",
        "Wat van de projectgroep verwacht wordt",
    ],
    "3.2": ["Eerste ontwerp van het plan: visie, doelen en strategische doelstellingen"],
    "3.3": ["Brainstorm over de stellingen en vragen (vooraf rondgestuurd)"],
    "3.5": ["Voorstelling van het plan aan de kerngroep en de projectgroepen"],
}


@dataclass
class NewResult:
    """What ``livb new`` wrote."""

    path: Path
    created: bool
    summary: str


def _load(root: Path) -> Project:
    loaded = load_project(root)
    if loaded.project is None:
        raise LivbError(
            f"de map '{root}' heeft fouten; livb new vult ze niet aan",
            f"los eerst de fouten op die 'livb check {root}' toont",
        )
    return loaded.project


def _check_id(value: str, what: str) -> None:
    if not re.match(ID_PATTERN, value):
        raise LivbError(
            f"'{value}' is geen geldige id voor {what}",
            "gebruik enkel letters, cijfers, '-', '_' en '.', zonder spaties",
        )


def _free_path(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.yaml"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.yaml"
        number += 1
    return path


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise LivbError(f"'{path}' bestaat al en wordt niet overschreven")
    _write(path, text)


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as error:
        raise LivbError(
            f"kan '{path}' niet schrijven: {error.strerror or error}",
            "controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd",
        ) from None


def _members(project: Project, orgaan: str) -> tuple[list[str], str | None]:
    organen = project.organen
    if orgaan == "kerngroep":
        return list(organen.kerngroep.leden), organen.kerngroep.voorzitter
    if orgaan in ("redactiecomite", "pilootcomite"):
        return list(getattr(organen, orgaan).leden), None
    for groep in organen.projectgroepen:
        if groep.id == orgaan:
            return list(groep.leden), groep.projectleider
    known = [*VASTE_ORGANEN, *(g.id for g in organen.projectgroepen)]
    raise LivbError(f"onbekend orgaan '{orgaan}'", f"kies uit: {', '.join(known)}")


def new_vergadering(
    root: Path, orgaan: str, datum: dt.date | None, stappen: list[str], today: dt.date
) -> NewResult:
    """Create the file of the next meeting of a body, agenda and attendees filled in."""
    project = _load(root)
    members, chair = _members(project, orgaan)
    previous = sorted(
        ((i, v) for i, v in project.vergaderingen.items() if v.orgaan == orgaan),
        key=lambda item: item[1].datum,
    )
    last = previous[-1] if previous else None
    planned = last[1].volgende_vergadering if last else None
    day = datum or (planned.datum if planned and planned.datum >= today else today)
    steps = [Stap(stap).value for stap in stappen]
    agenda = []
    if last:
        agenda.append(f"Goedkeuring van het verslag van {dutch_date(last[1].datum)}")
        agenda.append("Overzicht van de stappen die al gezet zijn")
    for stap in steps:
        agenda.extend(AGENDA.get(stap, [STAP_TITELS[Stap(stap)]]))
    if not steps:
        agenda.append("Stand van zaken")
    agenda += ["Volgende stap en huiswerk", "Datum van de volgende vergadering"]
    titel = (
        STAP_TITELS[Stap(steps[0])] if steps else f"Vergadering van {_body_name(project, orgaan)}"
    )
    context: dict[str, Any] = {
        "kop": f"Vergadering van {_body_name(project, orgaan)} op {dutch_date(day)} "
        "(gemaakt met livb new).",
        "orgaan": orgaan,
        "titel": titel,
        "stappen": steps,
        "datum": day.isoformat(),
        "uur": (planned.uur if planned and planned.uur else None)
        or (last[1].uur if last and last[1].uur else "14:00"),
        "plaats": (planned.plaats if planned else None) or (last[1].plaats if last else None),
        "voorzitter": chair or (last[1].voorzitter if last else None),
        "verslaggever": project.organen.kerngroep.secretaris or project.instellingen.coordinator,
        "aanwezig": members,
        "vorige": last[0] if last else None,
        "agenda": agenda,
    }
    path = _free_path(root / "vergaderingen", f"{day.isoformat()}-{orgaan}")
    _write_new(path, render("new/vergadering.yaml.j2", context))
    return NewResult(path, True, f"vergadering van {dutch_date(day)} met {len(members)} leden")


def _body_name(project: Project, orgaan: str) -> str:
    if orgaan == "kerngroep":
        return "de kerngroep"
    if orgaan == "redactiecomite":
        return "het redactiecomité"
    if orgaan == "pilootcomite":
        return "het pilootcomité"
    groep = next((g for g in project.organen.projectgroepen if g.id == orgaan), None)
    return groep.naam if groep else orgaan


def new_gesprek(
    root: Path, met: list[str], stap: str, datum: dt.date | None, today: dt.date
) -> NewResult:
    """Create the file of an orientation interview with the Tool D questions."""
    project = _load(root)
    known = {a.id: a for a in project.actoren.actoren}
    for actor in met:
        if actor not in known:
            raise LivbError(f"onbekende actor '{actor}'", "voeg de actor eerst toe: livb new actor")
    if stap not in ("1.2", "2.2"):
        raise LivbError(f"een oriëntatiegesprek hoort bij stap 1.2 of 2.2, niet bij {stap}")
    day = datum or today
    coordinator = project.instellingen.coordinator
    names = ", ".join(known[a].naam or a for a in met)
    context = {
        "kop": f"Oriëntatiegesprek met {names} (gemaakt met livb new).",
        "stap": stap,
        "datum": day.isoformat(),
        "met": met,
        "door": [coordinator] if coordinator else [],
    }
    path = _free_path(root / "gesprekken", f"{day.isoformat()}-{met[0]}")
    _write_new(path, render("new/gesprek.yaml.j2", context))
    return NewResult(path, True, f"gesprek met {names}")


def _append(root: Path, relative: str, key: str, item: dict[str, Any]) -> Path:
    path = root / relative
    text = read_text(path) if path.exists() else ""
    try:
        updated = append_to_list(text, key, item)
    except ValueError as error:
        raise LivbError(f"{relative}: {error}", "voeg het element met de hand toe") from None
    _write(path, updated)
    return path


def new_actor(root: Path, fields: dict[str, Any]) -> NewResult:
    """Append an actor to actoren.yaml, leaving every other line as it was."""
    project = _load(root)
    _check_id(fields["id"], "een actor")
    if any(a.id == fields["id"] for a in project.actoren.actoren):
        raise LivbError(f"de actor '{fields['id']}' bestaat al", "kies een andere id")
    item = {k: v for k, v in fields.items() if v not in (None, "", [])}
    path = _append(root, "actoren.yaml", "actoren", item)
    return NewResult(path, False, f"actor '{fields['id']}' toegevoegd")


def new_prioriteit(root: Path, id_: str, titel: str) -> NewResult:
    """Append a priority to prioriteiten.yaml, leaving every other line as it was."""
    project = _load(root)
    _check_id(id_, "een prioriteit")
    if any(p.id == id_ for p in project.prioriteiten.prioriteiten):
        raise LivbError(f"de prioriteit '{id_}' bestaat al", "kies een andere id")
    item: dict[str, Any] = {
        "id": id_,
        "titel": titel,
        "omschrijving": None,
        "bevindingen": [],
        "swot": [],
        "toelichting": None,
        "aansluiting": [],
    }
    path = _append(root, "prioriteiten.yaml", "prioriteiten", item)
    return NewResult(path, False, f"prioriteit '{id_}' toegevoegd; vul de onderbouwing aan")


def _goal_skeleton(prefix: str, number: int, project: Project, today: dt.date) -> dict[str, Any]:
    coordinator = project.instellingen.coordinator
    periode = project.instellingen.beleid.periode
    start, end = (
        (periode.van, periode.tot) if periode else (today, today.replace(year=today.year + 3))
    )
    base = f"{prefix}-{number}"
    return {
        "id": f"sd-{base}",
        "titel": "(in te vullen: de strategische doelstelling)",
        "operationele_doelstellingen": [
            {
                "id": f"od-{base}",
                "titel": "(in te vullen: de operationele doelstelling)",
                "indicatoren": [
                    {
                        "id": f"i-{base}",
                        "naam": "(in te vullen: wat gemeten wordt)",
                        "basiswaarde": {"waarde": 0, "jaar": start.year - 1},
                        "streefwaarde": {"waarde": 0, "jaar": end.year},
                        "deadline": end,
                    }
                ],
                "acties": [
                    {
                        "id": f"a-{base}",
                        "titel": "(in te vullen: de actie)",
                        "trekker": coordinator,
                        "partners": [],
                        "start": start,
                        "einde": end,
                    }
                ],
            }
        ],
    }


def new_doelstelling(root: Path, prioriteit: str, today: dt.date) -> NewResult:
    """Create the goals file of a priority, or add a strategic goal to it."""
    project = _load(root)
    if not any(p.id == prioriteit for p in project.prioriteiten.prioriteiten):
        raise LivbError(
            f"onbekende prioriteit '{prioriteit}'", "voeg ze eerst toe: livb new prioriteit"
        )
    existing = [f for f in project.doelstellingen.values() if f.prioriteit == prioriteit]
    number = 1 + sum(len(f.strategische_doelstellingen) for f in existing)
    used = {
        getattr(x, "id", None)
        for f in project.doelstellingen.values()
        for x in f.strategische_doelstellingen
    }
    while f"sd-{prioriteit}-{number}" in used:
        number += 1
    goal = _goal_skeleton(prioriteit, number, project, today)
    path = root / "doelstellingen" / f"{prioriteit}.yaml"
    if path.exists():
        _append(root, f"doelstellingen/{prioriteit}.yaml", "strategische_doelstellingen", goal)
        return NewResult(path, False, f"strategische doelstelling {goal['id']} toegevoegd")
    text = render(
        "new/doelstellingen.yaml.j2",
        {"prioriteit": prioriteit, "doelstelling": dump_list_item(goal, 2).rstrip("\n")},
    )
    _write_new(path, text)
    return NewResult(path, True, f"doelstellingen voor '{prioriteit}'")
