"""What the reports and decisions show of the process: steps, meetings, talks and decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.core.formatting import long_date
from livb.core.i18n import N_, tr
from livb.documents._base import upper_first
from livb.documents.views import Views, on_date, table_date
from livb.folder import gemeenten
from livb.method.process import FASEN, ProcessState, Stand, derive_state
from livb.method.queries import ORGAAN_NAMEN, orgaan_naam
from livb.model import Project
from livb.model._tijd import chronologisch
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.stappen import STAP_TITELS, Stap

VLAANDEREN, WALLONIE, BRUSSEL = "vlaanderen", "wallonie", "brussel"
"""The regions whose law organises a municipality (the Dutch and French templates name them)."""
_GEWESTEN = {
    "Vlaams Gewest": VLAANDEREN,
    "Waals Gewest": WALLONIE,
    "Brussels Hoofdstedelijk Gewest": BRUSSEL,
}
_PROVINCES = {
    **dict.fromkeys(
        ("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"),
        VLAANDEREN,
    ),
    **dict.fromkeys(
        ("Henegouwen", "Luik", "Luxemburg", "Namen", "Waals-Brabant", "Hainaut", "Liège",
         "Luxembourg", "Namur", "Brabant wallon"),
        WALLONIE,
    ),
    **dict.fromkeys(("Brussel", "Bruxelles", "Brussel-Hoofdstad", "Bruxelles-Capitale"), BRUSSEL),
}  # fmt: skip


def region(project: Project) -> str:
    """The gemeente's region, by its NIS code, else its province ("" when neither tells)."""
    gemeente = project.instellingen.gemeente
    known = gemeenten.by_nis(gemeente.nis_code) if gemeente.nis_code else None
    if known is not None and known.gewest in _GEWESTEN:
        return _GEWESTEN[known.gewest]
    return _PROVINCES.get(gemeente.provincie or "", "")


INSTANTIES = {
    Instantie.COLLEGE: N_("het college van burgemeester en schepenen"),
    Instantie.GEMEENTERAAD: N_("de gemeenteraad"),
    Instantie.RAADSCOMMISSIE: N_("de raadscommissie"),
    Instantie.BURGEMEESTER: N_("de burgemeester"),
    Instantie.FOD: N_("de FOD Binnenlandse Zaken"),
    Instantie.PROVINCIE: N_("de provincie"),
    Instantie.KERNGROEP: N_("de kerngroep"),
    Instantie.ZONALE_VEILIGHEIDSRAAD: N_("de zonale veiligheidsraad"),
}
ONDERWERPEN = {
    Onderwerp.INTENTIENOTA: N_("de intentienota"),
    Onderwerp.AANSTELLING_COORDINATOR: N_("de aanstelling van de coördinator"),
    Onderwerp.RAPPORT: N_("het rapport en de opstart van het traject"),
    Onderwerp.INTENTIEVERKLARING: N_("de intentieverklaring"),
    Onderwerp.PROTOCOLAKKOORD: N_("het protocolakkoord"),
    Onderwerp.VOORTGANGSRAPPORT: N_("het voortgangsrapport"),
    Onderwerp.DIAGNOSTIEK: N_("de veiligheidsdiagnostiek"),
    Onderwerp.PRIORITEITEN: N_("de prioriteiten"),
    Onderwerp.PLAN: N_("het plan"),
    Onderwerp.EVALUATIE: N_("de evaluatie"),
    Onderwerp.JAARRAPPORT: N_("het jaarrapport"),
    Onderwerp.BEGROTING: N_("de begroting van het plan"),
    Onderwerp.ANDERE: N_("een ander onderwerp"),
}


def orgaan_name(views: Views, orgaan: str) -> str:
    """The body of a meeting as a table names it: 'Kerngroep', 'Projectgroep woninginbraken'."""
    if orgaan in ORGAAN_NAMEN:
        return upper_first(ORGAAN_NAMEN[orgaan].split(" ", 1)[1])
    return orgaan_naam(views.project, orgaan)


def state_as_of(views: Views, day: dt.date) -> ProcessState:
    """The state of every step on a day (``livb status --datum``)."""
    return derive_state(views.project, day)


def event_date(views: Views, stap: Stap) -> dt.date:
    """The day a document of a step carries: the step's date once done, else the render's day.

    The date is the one ``status`` gives the step; a step not yet done gets a draft of today. A
    letter of step 2.1 in a folder of 2009 is dated 2009, not today.
    """
    step = derive_state(views.project, views.today).step(stap)
    if step.stand.afgerond and step.datum is not None:
        return step.datum
    return views.today


def steps(state: ProcessState, phases: tuple[str, ...]) -> list[dict[str, Any]]:
    """The steps of some phases as table rows: step, title, stand, date, explanation."""
    return [
        {
            "stap": s.stap.value,
            "titel": s.titel,
            "fase": tr(FASEN[s.fase]),
            "stand": tr(s.stand.value),
            "datum": table_date(s.datum),
            "uitleg": s.uitleg,
        }
        for s in state.steps
        if s.fase in phases
    ]


def next_steps(
    state: ProcessState, phases: tuple[str, ...], day: dt.date, limit: int = 5
) -> list[dict[str, Any]]:
    """The steps with an action left, the next step of ``livb status`` first (of some phases).

    A step under way with a date after ``day`` is planned then; a date on or before it is what
    already happened (a postponed decision, a first meeting), not a plan.
    """
    return [
        {
            "stap": s.stap.value,
            "titel": s.titel,
            "tekst": tr(
                "{stap} {titel} (gepland op {datum})",
                stap=s.stap.value,
                titel=s.titel,
                datum=long_date(s.datum),
            )
            if s.stand is Stand.BEZIG and s.datum and s.datum > day
            else f"{s.stap.value} {s.titel}",
        }
        for s in state.upcoming(phases)
    ][:limit]


def meetings(views: Views, day: dt.date, phases: tuple[str, ...] | None = None) -> list[Any]:
    """The meetings held up to a day (of some phases), oldest first."""
    found = []
    meetings = sorted(views.project.vergaderingen.items())
    for id_, v in chronologisch(meetings, lambda i: i[1].datum, tie=lambda i: i[0]):
        if v.datum > day:
            continue
        if phases is not None and not any(s.value.split(".")[0] in phases for s in v.stappen):
            continue
        orgaan = orgaan_name(views, v.orgaan)
        found.append(
            {
                "id": id_,
                "datum": v.datum,
                "orgaan": orgaan,
                "titel": views.meeting_title(v, orgaan),
                "stappen": ", ".join(s.value for s in v.stappen),
            }
        )
    return found


def talks(views: Views, day: dt.date, stappen: tuple[str, ...]) -> list[dict[str, Any]]:
    """The orientation talks held up to a day; the summary only of a shareable one."""
    found = []
    talks = sorted(views.project.gesprekken.items())
    for id_, g in chronologisch(talks, lambda i: i[1].datum, tie=lambda i: i[0]):
        if g.stap not in stappen or g.datum > day:
            continue
        found.append(
            {
                "id": id_,
                "stap": g.stap,
                "datum": g.datum,
                "met": views.people(g.met),
                "door": views.people(g.door),
                "vertrouwelijk": g.vertrouwelijk,
                "samenvatting": "" if g.vertrouwelijk else (views.field(g, "samenvatting") or ""),
            }
        )
    return found


def _subject(besluit: Besluit) -> str:
    """'de evaluatie', or 'de evaluatie van het vorige plan (Veiligheidsplan 2006-2007)'."""
    if besluit.vorig_plan is None:
        return tr(ONDERWERPEN[besluit.onderwerp])
    if besluit.onderwerp is Onderwerp.PLAN:
        return tr("het vorige plan ({plan})", plan=besluit.vorig_plan)
    return tr(
        "{onderwerp} van het vorige plan ({plan})",
        onderwerp=tr(ONDERWERPEN[besluit.onderwerp]),
        plan=besluit.vorig_plan,
    )


def decision_view(views: Views, besluit: Besluit) -> dict[str, Any]:
    """A decision as the reports list it (one on a predecessor plan says which).

    Its reference and explanation carry their place in besluiten.yaml.
    """
    return {
        "id": besluit.id,
        "datum": besluit.datum,
        "op_datum": on_date(besluit.datum),
        "door": tr(INSTANTIES[besluit.door]),
        "onderwerp": _subject(besluit),
        "uitkomst": besluit.uitkomst.value,
        "referentie": views.field(besluit, "referentie") or "",
        "toelichting": views.field(besluit, "toelichting") or "",
    }


def decisions_up_to(
    views: Views, day: dt.date, onderwerpen: tuple[Onderwerp, ...] | None = None
) -> list[dict[str, Any]]:
    """The decisions and signatures up to a day (on some subjects), oldest first."""
    found = [
        b
        for b in views.project.besluiten.besluiten
        if b.datum <= day and (onderwerpen is None or b.onderwerp in onderwerpen)
    ]
    return [
        decision_view(views, b) for b in chronologisch(found, lambda b: b.datum, tie=lambda b: b.id)
    ]


def latest(views: Views, onderwerp: Onderwerp, door: Instantie, day: dt.date) -> Besluit | None:
    """The latest approval of a subject by a body, up to a day."""
    found = [
        b
        for b in views.project.besluiten.besluiten
        if b.onderwerp is onderwerp
        and b.vorig_plan is None
        and b.door is door
        and b.uitkomst is Uitkomst.GOEDGEKEURD
        and b.datum <= day
    ]
    return max(found, key=lambda b: b.datum) if found else None


def coordinator_appointment(views: Views, day: dt.date) -> dict[str, Any] | None:
    """The college's latest decision on appointing the coordinator up to a day, any outcome.

    A postponed or refused appointment is news for the reader: the coordinator's seat is empty.
    """
    found = [
        b
        for b in views.project.besluiten.besluiten
        if b.onderwerp is Onderwerp.AANSTELLING_COORDINATOR
        and b.door is Instantie.COLLEGE
        and b.datum <= day
    ]
    return decision_view(views, max(found, key=lambda b: b.datum)) if found else None


def meeting_of(views: Views, id_: str | None) -> dict[str, Any] | None:
    """The meeting a piece was made in (its body and date), if the folder names it."""
    if id_ is None or id_ not in views.project.vergaderingen:
        return None
    vergadering = views.project.vergaderingen[id_]
    return {
        "orgaan": orgaan_naam(views.project, vergadering.orgaan),
        "datum": vergadering.datum,
        "op_datum": on_date(vergadering.datum),
        "gehouden": vergadering.datum <= views.today,
    }


def chosen_in(views: Views, day: dt.date) -> dict[str, Any] | None:
    """The meeting that chose the priorities (prioriteiten.yaml, vergadering), held by a day."""
    found = meeting_of(views, views.project.prioriteiten.vergadering)
    return found if found and found["datum"] <= day else None


def step_title(stap: str) -> str:
    """A step's title by its number (1.6), in the folder's language."""
    found = next((t for s, t in STAP_TITELS.items() if s.value == stap), None)
    return tr(found) if found else stap
