"""The method's steps and their state, derived from what the folder holds (no hand-kept flags)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from livb.model import Project
from livb.model.actoren import Rol
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.stappen import STAP_TITELS, Stap
from livb.model.vergadering import Vergadering
from livb.model.walk import actions

FASEN = {
    "1": "Voorbereiden",
    "2": "Inventariseren",
    "3": "Ontwerpen",
    "4": "Realiseren",
    "5": "Gebruiken en evalueren",
}


class Stand(StrEnum):
    """Where a step stands."""

    KLAAR = "klaar"
    BEZIG = "bezig"
    TE_DOEN = "te doen"


@dataclass(frozen=True)
class StepState:
    """The derived state of one step: the stand, its date and the files that show it.

    Attributes:
        stap: the step.
        stand: done, in progress or to do.
        datum: when it was done (or last moved).
        bewijs: the files (relative paths) that are the evidence.
        uitleg: a Dutch sentence on what is there or what is missing.
        volgende: the concrete next action for this step, with a command where one exists.
    """

    stap: Stap
    stand: Stand
    datum: dt.date | None = None
    bewijs: tuple[str, ...] = ()
    uitleg: str = ""
    volgende: str = ""

    @property
    def fase(self) -> str:
        """The phase number of the step ('1' ... '5')."""
        return self.stap.value.split(".")[0]

    @property
    def titel(self) -> str:
        """The Dutch title of the step."""
        return STAP_TITELS[self.stap]


@dataclass
class ProcessState:
    """Every step's state, in the order of the method."""

    steps: list[StepState] = field(default_factory=list)

    def step(self, stap: Stap) -> StepState:
        """The state of one step."""
        return next(state for state in self.steps if state.stap is stap)

    def done(self, stap: Stap) -> bool:
        """Whether a step is done."""
        return self.step(stap).stand is Stand.KLAAR

    @property
    def next_step(self) -> StepState | None:
        """The first step that is not done (optional steps skipped), or None."""
        return next((s for s in self.steps if s.stand is not Stand.KLAAR and s.volgende), None)

    @property
    def current_phase(self) -> str:
        """The phase of the next step, or '5' when everything is done."""
        following = self.next_step
        return following.fase if following else "5"


def chain_balance(project: Project) -> Counter[str]:
    """How many actions each link of the safety chain has ('onbekend' when none is given)."""
    return Counter(
        actie.schakel.value if actie.schakel else "onbekend" for _, _, actie in actions(project)
    )


def held(vergadering: Vergadering, today: dt.date) -> bool:
    """Whether a meeting has taken place (its date is today or earlier)."""
    return vergadering.datum <= today


def meetings_for(project: Project, stap: Stap) -> list[tuple[str, Vergadering]]:
    """The meetings that serve a step, oldest first."""
    found = [(i, v) for i, v in project.vergaderingen.items() if stap in v.stappen]
    return sorted(found, key=lambda item: item[1].datum)


def decisions(
    project: Project,
    onderwerp: Onderwerp,
    door: Iterable[Instantie] | None = None,
    uitkomst: Iterable[Uitkomst] = (Uitkomst.GOEDGEKEURD, Uitkomst.ONDERTEKEND),
    today: dt.date | None = None,
) -> list[Besluit]:
    """The decisions on a subject, by the given bodies and outcomes, oldest first."""
    bodies = set(door) if door is not None else None
    outcomes = set(uitkomst)
    found = [
        b
        for b in project.besluiten.besluiten
        if b.onderwerp is onderwerp
        and (bodies is None or b.door in bodies)
        and b.uitkomst in outcomes
        and (today is None or b.datum <= today)
    ]
    return sorted(found, key=lambda b: b.datum)


def protocol_signed(project: Project, today: dt.date) -> dt.date | None:
    """The date the protocolakkoord carries both signatures (gemeente and FOD), if it does."""
    signatures = decisions(
        project, Onderwerp.PROTOCOLAKKOORD, uitkomst=(Uitkomst.ONDERTEKEND,), today=today
    )
    gemeente = [b for b in signatures if b.door is Instantie.BURGEMEESTER]
    fod = [b for b in signatures if b.door is Instantie.FOD]
    if gemeente and fod:
        return max(gemeente[0].datum, fod[0].datum)
    return None


def interviewed(project: Project, stap: str, today: dt.date) -> dict[str, dt.date]:
    """Every actor who had an orientation interview of this step, with its date."""
    found: dict[str, dt.date] = {}
    for gesprek in project.gesprekken.values():
        if gesprek.stap == stap and gesprek.datum <= today:
            for actor in gesprek.met:
                found.setdefault(actor, gesprek.datum)
    return found


def kerngroep_to_interview(project: Project) -> list[str]:
    """The kerngroep members who need a 2.2 interview: all but the coordinator and the mayor.

    The mayor's talk belongs to step 1.2; the coordinator holds the interviews.
    """
    coordinator = project.instellingen.coordinator
    mayors = {a.id for a in project.actoren.actoren if a.rol is Rol.BURGEMEESTER}
    return [m for m in project.organen.kerngroep.leden if m != coordinator and m not in mayors]


def _files(items: Iterable[tuple[str, object]], folder: str) -> tuple[str, ...]:
    return tuple(f"{folder}/{id_}.yaml" for id_, _ in items)


def _meeting_step(
    project: Project, stap: Stap, today: dt.date, todo: str, command: str
) -> StepState:
    meetings = meetings_for(project, stap)
    done = [(i, v) for i, v in meetings if held(v, today)]
    if done:
        last = done[-1]
        return StepState(
            stap,
            Stand.KLAAR,
            last[1].datum,
            _files(done, "vergaderingen"),
            f"vergadering van {last[1].datum.isoformat()}",
        )
    if meetings:
        first = meetings[0]
        return StepState(
            stap,
            Stand.BEZIG,
            first[1].datum,
            _files(meetings, "vergaderingen"),
            f"gepland op {first[1].datum.isoformat()}",
            "houd de geplande vergadering",
        )
    return StepState(stap, Stand.TE_DOEN, uitleg=todo, volgende=command)


def _decision_step(
    project: Project,
    stap: Stap,
    onderwerp: Onderwerp,
    door: tuple[Instantie, ...],
    today: dt.date,
    todo: str,
) -> StepState:
    found = decisions(project, onderwerp, door, today=today)
    if found:
        return StepState(
            stap,
            Stand.KLAAR,
            found[-1].datum,
            ("besluiten.yaml",),
            f"{found[-1].door} {found[-1].datum.isoformat()}",
        )
    return StepState(stap, Stand.TE_DOEN, uitleg=todo, volgende=todo)


Deriver = Callable[[Project, dt.date], StepState]


def _s1_1(project: Project, today: dt.date) -> StepState:
    found = decisions(project, Onderwerp.AANSTELLING_COORDINATOR, today=today)
    nota = decisions(project, Onderwerp.INTENTIENOTA, today=today)
    if found:
        return StepState(
            Stap.S1_1,
            Stand.KLAAR,
            found[-1].datum,
            ("besluiten.yaml",),
            "de coördinator is officieel aangesteld",
        )
    coordinator = project.instellingen.coordinator
    if coordinator:
        return StepState(
            Stap.S1_1,
            Stand.BEZIG,
            nota[-1].datum if nota else None,
            ("livb.yaml",),
            "coördinator aangeduid, maar zijn aanstelling staat niet in besluiten.yaml",
            "voeg de beslissing van het college toe in besluiten.yaml "
            "(onderwerp: aanstelling_coordinator)",
        )
    return StepState(
        Stap.S1_1,
        Stand.TE_DOEN,
        uitleg="nog geen coördinator",
        volgende="duid de coördinator aan: 'coordinator' in livb.yaml",
    )


def _s1_2(project: Project, today: dt.date) -> StepState:
    talks = sorted(
        ((i, g) for i, g in project.gesprekken.items() if g.stap == "1.2"),
        key=lambda item: item[1].datum,
    )
    done = [(i, g) for i, g in talks if g.datum <= today]
    if done:
        return StepState(
            Stap.S1_2,
            Stand.KLAAR,
            done[-1][1].datum,
            _files(done, "gesprekken"),
            f"{len(done)} gesprek(ken)",
        )
    return StepState(
        Stap.S1_2,
        Stand.BEZIG if talks else Stand.TE_DOEN,
        None,
        _files(talks, "gesprekken"),
        "nog geen oriëntatiegesprek met de burgemeester",
        "livb new gesprek --stap 1.2 --met <id van de burgemeester>",
    )


def _s1_4(project: Project, today: dt.date) -> StepState:
    signed = protocol_signed(project, today)
    if signed:
        return StepState(
            Stap.S1_4,
            Stand.KLAAR,
            signed,
            ("besluiten.yaml",),
            "protocolakkoord door gemeente en FOD ondertekend",
        )
    approved = decisions(project, Onderwerp.PROTOCOLAKKOORD, today=today)
    if approved:
        return StepState(
            Stap.S1_4,
            Stand.BEZIG,
            approved[-1].datum,
            ("besluiten.yaml",),
            "het protocolakkoord wacht op de handtekeningen van burgemeester en FOD",
            "livb render protocol, en noteer beide handtekeningen in besluiten.yaml",
        )
    return StepState(
        Stap.S1_4,
        Stand.TE_DOEN,
        uitleg="geen protocolakkoord",
        volgende="livb render protocol; leg het voor aan het college",
    )


def _s1_5(project: Project, today: dt.date) -> StepState:
    members = project.organen.kerngroep.leden
    actors = {a.id: a for a in project.actoren.actoren}
    unnamed = [m for m in members if m in actors and not actors[m].naam]
    if len(members) >= 3 and not unnamed:
        return StepState(Stap.S1_5, Stand.KLAAR, None, ("organen.yaml",), f"{len(members)} leden")
    if members:
        return StepState(
            Stap.S1_5,
            Stand.BEZIG,
            None,
            ("organen.yaml", "actoren.yaml"),
            f"{len(unnamed)} leden nog zonder naam" if unnamed else "minder dan drie leden",
            "vul de namen van de kerngroepleden in, in actoren.yaml",
        )
    return StepState(
        Stap.S1_5,
        Stand.TE_DOEN,
        uitleg="de kerngroep is leeg",
        volgende="stel de kerngroep samen in organen.yaml",
    )


def _s2_2(project: Project, today: dt.date) -> StepState:
    needed = kerngroep_to_interview(project)
    done = interviewed(project, "2.2", today)
    talks = [(i, g) for i, g in project.gesprekken.items() if g.stap == "2.2"]
    missing = [m for m in needed if m not in done]
    last = max(done.values(), default=None)
    if needed and not missing:
        return StepState(
            Stap.S2_2, Stand.KLAAR, last, _files(talks, "gesprekken"), f"{len(talks)} gesprekken"
        )
    return StepState(
        Stap.S2_2,
        Stand.BEZIG if done else Stand.TE_DOEN,
        last,
        _files(talks, "gesprekken"),
        f"nog geen gesprek met: {', '.join(missing)}" if missing else "geen kerngroepleden",
        f"livb new gesprek --met {missing[0]}" if missing else "stel eerst de kerngroep samen",
    )


def _s2_4(project: Project, today: dt.date) -> StepState:
    state = _meeting_step(
        project,
        Stap.S2_4,
        today,
        "de diagnostiek is nog niet voorgesteld",
        "livb new vergadering --orgaan kerngroep --stap 2.4",
    )
    if state.stand is Stand.TE_DOEN and project.bevindingen.bevindingen:
        return StepState(
            Stap.S2_4,
            Stand.BEZIG,
            None,
            ("diagnostiek/bevindingen.yaml",),
            f"{len(project.bevindingen.bevindingen)} bevindingen, nog niet voorgesteld",
            state.volgende,
        )
    return state


def _s2_5(project: Project, today: dt.date) -> StepState:
    swot = project.swot
    quadrants = [swot.sterktes, swot.zwaktes, swot.kansen, swot.bedreigingen]
    meeting = _meeting_step(project, Stap.S2_5, today, "", "")
    if all(quadrants) and meeting.stand is Stand.KLAAR:
        return StepState(
            Stap.S2_5, Stand.KLAAR, meeting.datum, ("swot.yaml", *meeting.bewijs), "SWOT opgemaakt"
        )
    if any(quadrants) or meeting.stand is not Stand.TE_DOEN:
        return StepState(
            Stap.S2_5,
            Stand.BEZIG,
            meeting.datum,
            ("swot.yaml", *meeting.bewijs),
            "de SWOT is begonnen",
            "vul de vier delen van swot.yaml aan en noteer de vergadering",
        )
    return StepState(
        Stap.S2_5,
        Stand.TE_DOEN,
        uitleg="geen SWOT",
        volgende="livb new vergadering --orgaan kerngroep --stap 2.5",
    )


def _s2_6(project: Project, today: dt.date) -> StepState:
    priorities = project.prioriteiten.prioriteiten
    groups = {g.prioriteit for g in project.organen.projectgroepen}
    missing = [p.id for p in priorities if p.id not in groups]
    meeting = _meeting_step(project, Stap.S2_6, today, "", "")
    if meeting.stand is not Stand.KLAAR:
        meeting = StepState(Stap.S2_6, Stand.TE_DOEN)
    if priorities and not missing:
        return StepState(
            Stap.S2_6,
            Stand.KLAAR,
            meeting.datum,
            ("prioriteiten.yaml", "organen.yaml"),
            f"{len(priorities)} prioriteiten met projectgroep",
        )
    if priorities:
        return StepState(
            Stap.S2_6,
            Stand.BEZIG,
            meeting.datum,
            ("prioriteiten.yaml",),
            f"nog geen projectgroep voor: {', '.join(missing)}",
            "voeg de projectgroepen toe in organen.yaml",
        )
    return StepState(
        Stap.S2_6, Stand.TE_DOEN, uitleg="geen prioriteiten", volgende="livb new prioriteit"
    )


def _s3_1(project: Project, today: dt.date) -> StepState:
    groups = [g.id for g in project.organen.projectgroepen]
    started = {v.orgaan for _, v in meetings_for(project, Stap.S3_1) if held(v, today)}
    meetings = meetings_for(project, Stap.S3_1)
    missing = [g for g in groups if g not in started]
    if groups and not missing:
        return StepState(
            Stap.S3_1,
            Stand.KLAAR,
            meetings[-1][1].datum,
            _files(meetings, "vergaderingen"),
            f"{len(groups)} projectgroepen gestart",
        )
    return StepState(
        Stap.S3_1,
        Stand.BEZIG if started else Stand.TE_DOEN,
        None,
        _files(meetings, "vergaderingen"),
        f"nog niet gestart: {', '.join(missing)}" if missing else "geen projectgroepen",
        f"livb new vergadering --orgaan {missing[0]} --stap 3.1"
        if missing
        else "richt eerst de projectgroepen op (stap 2.6)",
    )


def _s3_4(project: Project, today: dt.date) -> StepState:
    priorities = [p.id for p in project.prioriteiten.prioriteiten]
    covered = {
        f.prioriteit for f in project.doelstellingen.values() if f.strategische_doelstellingen
    }
    missing = [p for p in priorities if p not in covered]
    files = tuple(sorted(project.doelstellingen))
    if priorities and not missing:
        return StepState(Stap.S3_4, Stand.KLAAR, None, files, "doelstellingen voor elke prioriteit")
    return StepState(
        Stap.S3_4,
        Stand.BEZIG if covered else Stand.TE_DOEN,
        None,
        files,
        f"nog geen doelstellingen voor: {', '.join(missing)}" if missing else "geen prioriteiten",
        f"livb new doelstelling --prioriteit {missing[0]}" if missing else "livb new prioriteit",
    )


def _s3_6(project: Project, today: dt.date) -> StepState:
    college = decisions(project, Onderwerp.PLAN, (Instantie.COLLEGE,), today=today)
    raad = decisions(project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,), today=today)
    if college and raad:
        return StepState(
            Stap.S3_6,
            Stand.KLAAR,
            raad[-1].datum,
            ("besluiten.yaml",),
            f"gemeenteraad {raad[-1].datum.isoformat()}",
        )
    if college:
        return StepState(
            Stap.S3_6,
            Stand.BEZIG,
            college[-1].datum,
            ("besluiten.yaml",),
            "goedgekeurd door het college, nog niet door de gemeenteraad",
            "leg het plan voor aan de gemeenteraad (livb render plan --definitief)",
        )
    return StepState(
        Stap.S3_6,
        Stand.TE_DOEN,
        uitleg="het plan is nog niet goedgekeurd",
        volgende="livb render plan --definitief; leg het voor aan het college",
    )


def _f4(project: Project, today: dt.date) -> StepState:
    approved = decisions(project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,), today=today)
    periode = project.instellingen.beleid.periode
    files = tuple(sorted(project.doelstellingen))
    if not approved:
        return StepState(
            Stap.F4,
            Stand.TE_DOEN,
            uitleg="begint na de goedkeuring van het plan",
            volgende="laat het plan goedkeuren (stap 3.6)",
        )
    if periode and periode.tot < today:
        return StepState(Stap.F4, Stand.KLAAR, periode.tot, files, "de planperiode is voorbij")
    return StepState(
        Stap.F4,
        Stand.BEZIG,
        approved[-1].datum,
        files,
        "het plan wordt uitgevoerd",
        "volg de acties op (status in doelstellingen/) en rapporteer aan de kerngroep",
    )


def _f5(project: Project, today: dt.date) -> StepState:
    found = decisions(project, Onderwerp.EVALUATIE, today=today)
    if found:
        return StepState(
            Stap.F5,
            Stand.KLAAR if len(found) > 1 else Stand.BEZIG,
            found[-1].datum,
            ("besluiten.yaml",),
            f"{len(found)} evaluatie(s)",
            "" if len(found) > 1 else "plan de volgende evaluatie",
        )
    return StepState(
        Stap.F5,
        Stand.TE_DOEN,
        uitleg="nog geen evaluatie",
        volgende="evalueer het plan en noteer de beslissing in besluiten.yaml "
        "(onderwerp: evaluatie)",
    )


def _derivers() -> dict[Stap, Deriver]:
    new_meeting = "livb new vergadering --orgaan kerngroep --stap {}"
    return {
        Stap.S1_1: _s1_1,
        Stap.S1_2: _s1_2,
        Stap.S1_3: lambda p, t: _decision_step(
            p,
            Stap.S1_3,
            Onderwerp.RAPPORT,
            (Instantie.COLLEGE,),
            t,
            "laat het college beslissen tot opstart (besluiten.yaml, onderwerp: rapport)",
        ),
        Stap.S1_4: _s1_4,
        Stap.S1_5: _s1_5,
        Stap.S1_6: lambda p, t: _meeting_step(
            p, Stap.S1_6, t, "nog geen opstartvergadering", new_meeting.format("1.6")
        ),
        Stap.S2_1: lambda p, t: _meeting_step(
            p,
            Stap.S2_1,
            t,
            "de aanpak van de diagnostiek is nog niet voorgesteld",
            new_meeting.format("2.1"),
        ),
        Stap.S2_2: _s2_2,
        Stap.S2_3: lambda p, t: _meeting_step(
            p,
            Stap.S2_3,
            t,
            "de beleidsplannen zijn nog niet voorgesteld",
            new_meeting.format("2.3"),
        ),
        Stap.S2_4: _s2_4,
        Stap.S2_5: _s2_5,
        Stap.S2_6: _s2_6,
        Stap.S2_7: lambda p, t: _decision_step(
            p,
            Stap.S2_7,
            Onderwerp.VOORTGANGSRAPPORT,
            (Instantie.COLLEGE,),
            t,
            "laat het college het voortgangsrapport goedkeuren (besluiten.yaml)",
        ),
        Stap.S3_1: _s3_1,
        Stap.S3_2: lambda p, t: _meeting_step(
            p,
            Stap.S3_2,
            t,
            "het eerste ontwerp is nog niet voorgesteld",
            new_meeting.format("3.2"),
        ),
        Stap.S3_3: lambda p, t: _meeting_step(
            p, Stap.S3_3, t, "nog geen brainstorm", new_meeting.format("3.3")
        ),
        Stap.S3_4: _s3_4,
        Stap.S3_5: lambda p, t: _meeting_step(
            p, Stap.S3_5, t, "het plan is nog niet voorgesteld", new_meeting.format("3.5")
        ),
        Stap.S3_6: _s3_6,
        Stap.F4: _f4,
        Stap.F5: _f5,
    }


def derive_state(project: Project, today: dt.date) -> ProcessState:
    """The state of every step of the method, from the evidence in the folder.

    Args:
        project: the validated folder.
        today: the day to judge against (meetings after it have not taken place).
    """
    return ProcessState([derive(project, today) for derive in _derivers().values()])
