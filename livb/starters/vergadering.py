"""``livb new vergadering``: the next meeting of a body, its agenda and attendees filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from livb.core.formatting import long_date
from livb.core.i18n import N_, tr
from livb.core.words import count
from livb.model import Project
from livb.model.organen import VASTE_ORGANEN
from livb.model.stappen import STAP_TITELS, Stap
from livb.model.vergadering import Vergadering
from livb.starters._base import (
    Change,
    NewResult,
    Options,
    Starter,
    choice,
    new_file,
    parse_stappen,
    run,
)
from livb.starters.skeleton import Raw, document

AGENDA: dict[str, list[str]] = {
    "1.6": [
        N_("Kennismaking: elk lid stelt zich voor"),
        N_("Het lokaal integraal veiligheidsbeleid: begrippen en aanpak"),
        N_("De rol en de inbreng van elk lid"),
        N_("Timing van het traject"),
    ],
    "2.1": [
        N_("Aanpak van de veiligheidsdiagnostiek"),
        N_("Welke gegevens levert elke partner?"),
        N_("Samenstelling van het redactiecomité"),
        N_("Objectieve en subjectieve onveiligheid"),
    ],
    "2.3": [N_("Voorstelling van de bestaande beleidsplannen (zonaal veiligheidsplan, ...)")],
    "2.4": [
        N_("Voorstelling van de veiligheidsdiagnostiek door het redactiecomité"),
        N_("Opmerkingen en aanvullingen"),
    ],
    "2.5": [
        N_("SWOT-analyse: sterktes, zwaktes, kansen en bedreigingen"),
        N_("Confrontatiematrix en conclusies"),
    ],
    "2.6": [
        N_("Keuze van de prioriteiten (hoogstens vijf)"),
        N_("Samenstelling van de projectgroepen en keuze van de projectleiders"),
    ],
    "3.1": [
        N_("Integrale veiligheid en de keuze van deze prioriteit"),
        N_("Lopende acties, knelpunten en behoeften van de partners"),
        N_("Wat van de projectgroep verwacht wordt"),
    ],
    "3.2": [N_("Eerste ontwerp van het plan: visie, doelen en strategische doelstellingen")],
    "3.3": [N_("Brainstorm over de stellingen en vragen (vooraf rondgestuurd)")],
    "3.5": [N_("Voorstelling van het plan aan de kerngroep en de projectgroepen")],
}


HABITS = N_(
    "Goede gewoonten uit de methode: begin met de goedkeuring van het vorige verslag en een "
    "overzicht van de gezette stappen; eindig met de volgende stap, het huiswerk voor de leden "
    "en de datum van de volgende vergadering."
)


class VergaderingOptions(Options):
    """The options of ``livb new vergadering``."""

    orgaan: str | None = Field(
        None, description=N_("kerngroep (standaard), ... of een projectgroep.")
    )
    stap: list[str] = Field([], description=N_("de stap(pen) van de methode, bv. 2.5 of 2.5,2.6."))
    datum: dt.date | None = Field(None, description=N_("de datum (JJJJ-MM-DD)."))


def start(root: Path, options: VergaderingOptions, today: dt.date) -> NewResult:
    """Create the file of the next meeting of a body, agenda and attendees filled in."""
    from livb.method.queries import orgaan_naam

    steps, notes = parse_stappen(options.stap)
    orgaan = options.orgaan or "kerngroep"

    def prepare(project: Project) -> Change:
        body = choice(orgaan, _organen(project), N_("onbekend orgaan '{waarde}'"))
        members, chair = _members(project, body)
        previous = sorted(
            ((i, v) for i, v in project.vergaderingen.items() if v.orgaan == body),
            key=lambda item: item[1].datum,
        )
        last = previous[-1] if previous else None
        planned = last[1].volgende_vergadering if last else None
        day = options.datum or (planned.datum if planned and planned.datum >= today else today)
        name = orgaan_naam(project, body)
        values: dict[str, Any] = {
            "orgaan": body,
            "titel": tr(STAP_TITELS[Stap(steps[0])])
            if steps
            else _contracted(tr("Vergadering van {orgaan}", orgaan=name)),
            "stappen": steps,
            "datum": day,
            "uur": (planned.uur if planned and planned.uur else None)
            or (last[1].uur if last and last[1].uur else "14:00"),
            "plaats": (planned.plaats if planned else None) or (last[1].plaats if last else None),
            "voorzitter": chair or (last[1].voorzitter if last else None),
            "verslaggevers": project.organen.kerngroep.secretaris
            or project.instellingen.coordinator,
            "aanwezig": members,
            "keurt_verslag_goed": [last[0]] if last else [],
            "agenda": [{"punt": punt} for punt in _agenda(steps, last[1].datum if last else None)],
        }
        kop = _contracted(
            tr(
                "Vergadering van {orgaan} op {datum} (gemaakt met livb new).",
                orgaan=name,
                datum=long_date(day),
            )
        )
        text = skeleton(values, kop)
        summary = tr(
            "vergadering van {datum} met {leden}",
            datum=long_date(day),
            leden=count(len(members), tr("lid"), tr("leden")),
        )
        return new_file(
            root, project, "vergaderingen", f"{day.isoformat()}-{body}", text, today, summary
        )

    return run(root, "livb new vergadering", prepare, notes)


def skeleton(values: dict[str, Any], kop: str, model: type[Vergadering] = Vergadering) -> str:
    """The text of a new meeting's file: every field of the model, ``values`` filled in."""
    return document(
        model,
        values,
        kind="vergadering",
        header=[kop, "", tr(HABITS)],
        examples={
            "huiswerk": [{"wie": Raw("[...]"), "wat": Raw("..."), "tegen": Raw("JJJJ-MM-DD")}],
            "volgende_vergadering": {
                "datum": Raw("JJJJ-MM-DD"),
                "uur": Raw('"14:00"'),
                "plaats": Raw("..."),
            },
        },
    )


def _agenda(steps: list[str], previous: dt.date | None) -> list[str]:
    agenda = []
    if previous is not None:
        agenda.append(tr("Goedkeuring van het verslag van {datum}", datum=long_date(previous)))
        agenda.append(tr("Overzicht van de stappen die al gezet zijn"))
    for stap in steps:
        agenda.extend(tr(punt) for punt in AGENDA.get(stap, [STAP_TITELS[Stap(stap)]]))
    if not steps:
        agenda.append(tr("Stand van zaken"))
    return [*agenda, tr("Volgende stap en huiswerk"), tr("Datum van de volgende vergadering")]


def _contracted(text: str) -> str:
    """French 'de le groupe' as French writes it: 'du groupe' (Dutch text is left as it is)."""
    return text.replace("de le ", "du ").replace("de les ", "des ")


def _organen(project: Project) -> list[str]:
    organen = project.organen
    return [
        *VASTE_ORGANEN,
        *(g.id for g in organen.projectgroepen),
        *(o.id for o in organen.overleg),
    ]


def _members(project: Project, orgaan: str) -> tuple[list[str], str | None]:
    organen = project.organen
    if orgaan == "kerngroep":
        return list(organen.kerngroep.leden), organen.kerngroep.voorzitter
    if orgaan in ("redactiecomite", "pilootcomite"):
        return list(getattr(organen, orgaan).leden), None
    groep = next((g for g in organen.projectgroepen if g.id == orgaan), None)
    if groep is not None:
        return list(groep.leden), groep.projectleider
    from livb.method.queries import overleg

    found = overleg(project, orgaan)
    return (list(found.leden), None) if found else ([], None)


STARTER = Starter("vergadering", VergaderingOptions, start, Vergadering)
