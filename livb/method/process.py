"""The method's steps and their state, derived from what the folder holds (no hand-kept flags).

Each step is judged on its own evidence first (a meeting held, a decision taken, a file
filled in). Then the whole is read as a story: a step the process went past without closing
it (the plan was approved, but no SWOT was ever recorded) is shown as skipped or incomplete,
with the reason, instead of holding the municipality back in an early phase.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from livb.core.dates import months_later
from livb.core.i18n import N_, tr, word
from livb.core.words import count
from livb.method.queries import (
    Koers,
    action_states,
    coordinator,
    decisions,
    final_evaluations,
    fod_begeleiding,
    held,
    implementation_start,
    interim_evaluations,
    interviewed,
    kerngroep_to_interview,
    koers,
    measurements,
    meetings_for,
    minuted,
    monitoring_years,
    named_priorities,
    orgaan_naam,
    orgaan_soort,
    plan_approved,
    plan_ended,
    protocol_period,
    reports,
    switched_off,
)
from livb.model import Project
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.plan import Status
from livb.model.stappen import STAP_TITELS, Stap
from livb.model.vergadering import Vergadering
from livb.model.walk import indicators

FASEN = {
    "1": N_("Voorbereiden"),
    "2": N_("Inventariseren"),
    "3": N_("Ontwerpen"),
    "4": N_("Realiseren"),
    "5": N_("Gebruiken en evalueren"),
}
"""The phases' Dutch names (shown with ``tr``)."""


class Stand(StrEnum):
    """Where a step stands."""

    KLAAR = N_("klaar")
    ANDERS = N_("anders ingevuld")
    """Done, in another form than the method's (hearings instead of kerngroep meetings)."""
    NVT = N_("niet van toepassing")
    """Does not apply here (the protocol of a municipality the FOD does not guide)."""
    BEZIG = N_("bezig")
    TE_DOEN = N_("te doen")
    NIET_AFGESLOTEN = N_("niet afgesloten")
    """Its time is over but nothing closes it (a plan period without evaluation)."""
    FACULTATIEF = N_("facultatief")
    """An optional step nobody started; it does not hold the process back."""
    OVERGESLAGEN = N_("overgeslagen")
    """No evidence, and the process went past it."""
    ONVOLLEDIG = N_("onvolledig")
    """Begun but not finished, and the process went past it."""

    @property
    def afgerond(self) -> bool:
        """Whether the step is settled: done (in any form) or not applicable."""
        return self in (Stand.KLAAR, Stand.ANDERS, Stand.NVT)

    @property
    def open(self) -> bool:
        """Whether the step still asks for action and holds the process at its phase."""
        return self in (Stand.BEZIG, Stand.TE_DOEN, Stand.NIET_AFGESLOTEN)


@dataclass(frozen=True)
class StepState:
    """The derived state of one step: the stand, its date and the files that show it.

    Attributes:
        stap: the step.
        stand: where the step stands (see :class:`Stand`).
        datum: when it was done (or last moved); may be a vague date (a month, a year).
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
        """The title of the step, in the current language."""
        return tr(STAP_TITELS[self.stap])


@dataclass
class ProcessState:
    """Every step's state, in the order of the method, and what they add up to.

    Everything that states a count, a phase or a next step (``livb status``, every document)
    reads it here, so that no two places count differently.

    Attributes:
        steps: every step's state, in the order of the method.
        plan_over: the approved plan's period is over (or its end was evaluated): phase 5 has
            begun, whatever phase 4 left open.
    """

    steps: list[StepState] = field(default_factory=list)
    plan_over: bool = False

    def step(self, stap: Stap) -> StepState:
        """The state of one step."""
        return next(state for state in self.steps if state.stap is stap)

    def done(self, stap: Stap) -> bool:
        """Whether a step is settled (done, done otherwise, or not applicable)."""
        return self.step(stap).stand.afgerond

    @property
    def settled(self) -> list[StepState]:
        """The steps that are settled: done, done otherwise, or not applicable."""
        return [s for s in self.steps if s.stand.afgerond]

    def counted(self, stand: Stand) -> int:
        """How many steps stand so."""
        return sum(1 for s in self.steps if s.stand is stand)

    @property
    def last_settled(self) -> StepState | None:
        """The settled step with the latest date (a step without a date is never the last)."""
        dated = [s for s in self.settled if s.datum is not None]
        return max(reversed(dated), key=lambda s: s.datum or dt.date.min) if dated else None

    @property
    def next_step(self) -> StepState | None:
        """The first step that still asks for action, from the current phase on; or None.

        Once the plan period is over, phase 5 comes first: a plan never closed is evaluated,
        not carried out for ever. A step of an earlier phase left open comes after it.
        """
        waiting = [s for s in self.steps if s.stand.open and s.volgende]
        floor = "5" if self.plan_over else "1"
        return next((s for s in waiting if s.fase >= floor), waiting[0] if waiting else None)

    @property
    def current_phase(self) -> str:
        """The phase of the next step ('5' once the plan is over or nothing asks for action)."""
        following = self.next_step
        if self.plan_over or following is None:
            return "5"
        return following.fase

    def upcoming(self, phases: tuple[str, ...] | None = None) -> list[StepState]:
        """The steps with an action still to take: the next step first, then from its phase on.

        An optional step nobody started comes in the list, never first; a step an earlier
        phase left open comes after the current phase's.
        """
        following = self.next_step
        floor = "5" if self.plan_over else "1"
        rest = sorted(
            (
                s
                for s in self.steps
                if s is not following
                and s.volgende
                and (s.stand.open or s.stand is Stand.FACULTATIEF)
            ),
            key=lambda s: s.fase < floor,
        )
        found = ([following] if following else []) + rest
        return [s for s in found if phases is None or s.fase in phases]


def derive_state(project: Project, today: dt.date) -> ProcessState:
    """The state of every step of the method, from the evidence in the folder.

    Args:
        project: the validated folder.
        today: the day to judge against (meetings after it have not taken place).
    """
    steps = [derive(project, today) for derive in _DERIVERS.values()]
    over = plan_approved(project, today) is not None and (
        plan_ended(project, today) or bool(final_evaluations(project, today))
    )
    return ProcessState(_read_as_a_story(steps), plan_over=over)


# -- the story: steps the process went past --------------------------------------------------------

LAST_OF_PHASE = {"1": Stap.S1_6, "2": Stap.S2_7, "3": Stap.S3_6}
"""The step that closes a phase; the steps of phases 4 and 5 run side by side, none closes."""


def _read_as_a_story(steps: list[StepState]) -> list[StepState]:
    """Mark the steps left open while a later phase (or their phase's last step) was done."""
    story = []
    for index, step in enumerate(steps):
        later = _passed_by(step, steps[index + 1 :])
        if later is not None and step.stand in (Stand.BEZIG, Stand.TE_DOEN):
            assert later.datum is not None
            step = replace(
                step,
                stand=Stand.ONVOLLEDIG if step.stand is Stand.BEZIG else Stand.OVERGESLAGEN,
                uitleg=tr(
                    "{uitleg}; het proces ging verder: {stap} {stand} op {datum}",
                    uitleg=step.uitleg,
                    stap=later.stap.value,
                    stand=word(later.stand.value),
                    datum=later.datum,
                ),
                volgende="",
            )
        story.append(step)
    return story


def _passed_by(step: StepState, later: Iterable[StepState]) -> StepState | None:
    return next(
        (
            other
            for other in later
            if other.stand in (Stand.KLAAR, Stand.ANDERS)
            and other.datum is not None
            and (other.fase > step.fase or other.stap is LAST_OF_PHASE.get(step.fase))
        ),
        None,
    )


# -- helpers ---------------------------------------------------------------------------------------


def _files(items: Iterable[tuple[str, object]], folder: str) -> tuple[str, ...]:
    return tuple(f"{folder}/{id_}.yaml" for id_, _ in items)


def _decision_text(besluit: Besluit) -> str:
    return f"{word(besluit.door.label)} {besluit.datum}"  # the body in the folder's language


def _filled_in_otherwise(project: Project, meetings: list[tuple[str, Vergadering]]) -> str:
    """'ingevuld door Themahoorzittingen (5 bijeenkomsten, 94 deelnemers)'."""
    return tr("ingevuld door {wie}", wie=_bodies(project, meetings))


def _bodies(project: Project, meetings: list[tuple[str, Vergadering]]) -> str:
    """'Themahoorzittingen (5 bijeenkomsten, 94 deelnemers)': who filled in a step instead."""
    by_body: dict[str, list[Vergadering]] = defaultdict(list)
    for _, vergadering in meetings:
        by_body[vergadering.orgaan].append(vergadering)
    parts = []
    for orgaan, sessions in by_body.items():
        details = [
            tr("{aantal} bijeenkomsten", aantal=len(sessions))
            if len(sessions) > 1
            else str(sessions[0].datum)
        ]
        counted = [v.deelnemers for v in sessions if v.deelnemers]
        if counted:
            details.append(tr("{aantal} deelnemers", aantal=sum(counted)))
        parts.append(f"{orgaan_naam(project, orgaan)} ({', '.join(details)})")
    return tr(" en ").join(parts)


def _meeting_step(
    project: Project,
    stap: Stap,
    today: dt.date,
    todo: str,
    command: str,
    expected: tuple[str, ...] = ("kerngroep",),
    also: Iterable[str] = (),
) -> StepState:
    """A step whose evidence is a held meeting tagged with the step.

    A meeting of an ``expected`` kind of body makes the step done; a meeting of another body
    (hearings, a forum) makes it done otherwise. ``also`` names further meetings that serve
    the step (the one prioriteiten.yaml names); ``todo`` and ``command`` say what to do when
    there is no meeting at all.
    """
    extra = [(i, project.vergaderingen[i]) for i in also if i in project.vergaderingen]
    meetings = sorted(
        {**dict(meetings_for(project, stap)), **dict(extra)}.items(),
        key=lambda item: (item[1].datum, item[0]),
    )
    done = [(i, v) for i, v in meetings if minuted(v, today)]
    if done:
        return _held(project, stap, done, expected)
    unreported = [(i, v) for i, v in meetings if held(v, today)]
    if unreported:
        id_, first = unreported[0]
        return StepState(
            stap,
            Stand.BEZIG,
            first.datum,
            _files(meetings, "vergaderingen"),
            tr("vergadering van {datum}, maar het verslag is nog niet ingevuld", datum=first.datum),
            tr("vul het verslag per agendapunt in, in vergaderingen/{id}.yaml", id=id_),
        )
    if meetings:
        first = meetings[0][1]
        return StepState(
            stap,
            Stand.BEZIG,
            first.datum,
            _files(meetings, "vergaderingen"),
            tr("gepland op {datum}", datum=first.datum),
            tr("houd de geplande vergadering"),
        )
    return StepState(stap, Stand.TE_DOEN, uitleg=todo, volgende=command)


def _held(
    project: Project,
    stap: Stap,
    done: list[tuple[str, Vergadering]],
    expected: tuple[str, ...],
) -> StepState:
    """A step with minuted meetings: done by the expected body, or done otherwise."""
    textbook = [v for _, v in done if orgaan_soort(project, v.orgaan) in expected]
    if textbook:
        return StepState(
            stap,
            Stand.KLAAR,
            textbook[-1].datum,
            _files(done, "vergaderingen"),
            tr("vergadering van {datum}", datum=textbook[-1].datum),
        )
    return StepState(
        stap,
        Stand.ANDERS,
        done[-1][1].datum,
        _files(done, "vergaderingen"),
        _filled_in_otherwise(project, done),
    )


def _decision_step(
    project: Project,
    stap: Stap,
    onderwerp: Onderwerp,
    door: tuple[Instantie, ...],
    today: dt.date,
    missing: str,
    todo: str,
) -> StepState:
    found = decisions(project, onderwerp, door, today=today)
    if found:
        return StepState(
            stap, Stand.KLAAR, found[-1].datum, ("besluiten.yaml",), _decision_text(found[-1])
        )
    return StepState(stap, Stand.TE_DOEN, uitleg=missing, volgende=todo)


Deriver = Callable[[Project, dt.date], StepState]


# -- phase 1 ---------------------------------------------------------------------------------------


def _coordinator_gap(project: Project) -> str:
    """What is missing about the coordinator's person ('' when someone is named)."""
    if project.instellingen.coordinator is None:
        return tr("er is nog geen coördinator aangeduid ('coordinator' in livb.yaml)")
    found = coordinator(project)
    if found is not None and not found.naam:
        return tr("de functie van coördinator is vacant ('{id}' heeft nog geen naam)", id=found.id)
    return ""


def _s1_1(project: Project, today: dt.date) -> StepState:
    appointed = decisions(project, Onderwerp.AANSTELLING_COORDINATOR, today=today)
    gap = _coordinator_gap(project)
    if appointed:
        text = tr(
            "de coördinator is officieel aangesteld ({besluit})",
            besluit=_decision_text(appointed[-1]),
        )
        return StepState(
            Stap.S1_1,
            Stand.KLAAR,
            appointed[-1].datum,
            ("besluiten.yaml",),
            tr("{tekst}; nu: {ontbreekt}", tekst=text, ontbreekt=gap) if gap else text,
        )
    nota = decisions(
        project,
        Onderwerp.INTENTIENOTA,
        uitkomst=(Uitkomst.GOEDGEKEURD, Uitkomst.KENNISGENOMEN),
        today=today,
    )
    setback = decisions(
        project,
        Onderwerp.AANSTELLING_COORDINATOR,
        uitkomst=(Uitkomst.UITGESTELD, Uitkomst.AFGEWEZEN),
        today=today,
    )
    facts = _s1_1_facts(nota, setback, gap)
    if setback:
        todo = tr(
            "leg de aanstelling van de coördinator opnieuw voor aan het college en noteer de "
            "beslissing in besluiten.yaml (onderwerp: aanstelling_coordinator)"
        )
    elif gap:
        todo = tr(
            "duid de coördinator aan: 'coordinator' in livb.yaml, met de naam in actoren.yaml"
        )
    else:
        facts.append(tr("de aanstelling van de coördinator staat niet in besluiten.yaml"))
        todo = tr(
            "voeg de beslissing van het college toe in besluiten.yaml "
            "(onderwerp: aanstelling_coordinator)"
        )
    started = nota or setback or project.instellingen.coordinator
    return StepState(
        Stap.S1_1,
        Stand.BEZIG if started else Stand.TE_DOEN,
        (setback or nota)[-1].datum if (setback or nota) else None,
        ("besluiten.yaml",) if (setback or nota) else ("livb.yaml",),
        "; ".join(facts),
        todo,
    )


def _s1_1_facts(nota: list[Besluit], setback: list[Besluit], gap: str) -> list[str]:
    """What step 1.1 has so far: the intention note, a setback, what is missing."""
    facts = []
    if nota:
        facts.append(
            tr(
                "intentienota {uitkomst} ({besluit})",
                uitkomst=word(nota[-1].uitkomst.value),
                besluit=_decision_text(nota[-1]),
            )
        )
    if setback:
        facts.append(_setback_text(setback[-1]))
    if gap:
        facts.append(gap)
    return facts


def _setback_text(last: Besluit) -> str:
    """'de aanstelling van de coördinator werd uitgesteld (college 2009-01-12): reden'."""
    text = tr(
        "de aanstelling van de coördinator werd {uitkomst} ({besluit})",
        uitkomst=word(last.uitkomst.value),
        besluit=_decision_text(last),
    )
    return f"{text}: {last.toelichting}" if last.toelichting else text


def _s1_2(project: Project, today: dt.date) -> StepState:
    talks = sorted(
        ((i, g) for i, g in project.gesprekken.items() if g.stap == "1.2"),
        key=lambda item: (item[1].datum, item[0]),
    )
    done = [(i, g) for i, g in talks if g.datum <= today]
    if done:
        return StepState(
            Stap.S1_2,
            Stand.KLAAR,
            done[-1][1].datum,
            _files(done, "gesprekken"),
            count(len(done), tr("gesprek"), tr("gesprekken")),
        )
    if talks:
        first_id, first = talks[0]
        return StepState(
            Stap.S1_2,
            Stand.BEZIG,
            first.datum,
            _files(talks, "gesprekken"),
            tr("gesprek gepland op {datum} met {wie}", datum=first.datum, wie=", ".join(first.met)),
            tr("voer het gesprek en vul gesprekken/{id}.yaml aan", id=first_id),
        )
    return StepState(
        Stap.S1_2,
        Stand.TE_DOEN,
        uitleg=tr("nog geen oriëntatiegesprek met de burgemeester"),
        volgende=tr("livb new gesprek --stap 1.2 --met <id van de burgemeester>"),
    )


def _s1_4(project: Project, today: dt.date) -> StepState:
    if not fod_begeleiding(project):
        return _intentieverklaring_only(project, today)
    periode = protocol_period(project, today)
    if periode:
        return StepState(
            Stap.S1_4,
            Stand.KLAAR,
            periode.start,
            ("besluiten.yaml",),
            tr(
                "protocolakkoord ondertekend door alle partijen op {start}; de begeleiding loopt "
                "tot {einde}",
                start=periode.start,
                einde=periode.einde,
            ),
        )
    approved = decisions(project, Onderwerp.PROTOCOLAKKOORD, today=today)
    if approved:
        return StepState(
            Stap.S1_4,
            Stand.BEZIG,
            approved[-1].datum,
            ("besluiten.yaml",),
            tr("het protocolakkoord wacht op de handtekeningen van alle partijen"),
            tr("livb render protocol, en noteer de handtekeningen in besluiten.yaml"),
        )
    return StepState(
        Stap.S1_4,
        Stand.TE_DOEN,
        uitleg=tr("geen protocolakkoord"),
        volgende=tr("livb render protocol; leg het voor aan het college"),
    )


def _intentieverklaring_only(project: Project, today: dt.date) -> StepState:
    """Step 1.4 without the FOD: no protocol; the intentieverklaring is optional."""
    without = tr("geen begeleiding door de FOD ('begeleiding' in livb.yaml is leeg): geen protocol")
    signed = decisions(
        project,
        Onderwerp.INTENTIEVERKLARING,
        (Instantie.BURGEMEESTER,),
        (Uitkomst.ONDERTEKEND,),
        today=today,
    )
    if signed:
        return StepState(
            Stap.S1_4,
            Stand.KLAAR,
            signed[-1].datum,
            ("besluiten.yaml",),
            tr("intentieverklaring ondertekend; {zonder}", zonder=without),
        )
    begun = decisions(project, Onderwerp.INTENTIEVERKLARING, today=today)
    if begun:
        return StepState(
            Stap.S1_4,
            Stand.BEZIG,
            begun[-1].datum,
            ("besluiten.yaml",),
            tr(
                "de intentieverklaring is nog niet door de burgemeester ondertekend; {zonder}",
                zonder=without,
            ),
            tr("livb render intentieverklaring, en noteer de handtekening in besluiten.yaml"),
        )
    return StepState(
        Stap.S1_4,
        Stand.NVT,
        bewijs=("livb.yaml",),
        uitleg=tr("{zonder}; een intentieverklaring is facultatief", zonder=without),
    )


def _s1_5(project: Project, today: dt.date) -> StepState:
    members = project.organen.kerngroep.leden
    actors = {a.id: a for a in project.actoren.actoren}
    unnamed = [m for m in members if m in actors and not actors[m].naam]
    if len(members) >= 3 and not unnamed:
        return StepState(
            Stap.S1_5,
            Stand.KLAAR,
            None,
            ("organen.yaml",),
            count(len(members), tr("lid"), tr("leden")),
        )
    if members:
        return StepState(
            Stap.S1_5,
            Stand.BEZIG,
            None,
            ("organen.yaml", "actoren.yaml"),
            tr("{leden} nog zonder naam", leden=count(len(unnamed), tr("lid"), tr("leden")))
            if unnamed
            else tr("minder dan drie leden"),
            tr("vul de namen van de kerngroepleden in, in actoren.yaml"),
        )
    return StepState(
        Stap.S1_5,
        Stand.TE_DOEN,
        uitleg=tr("de kerngroep is leeg"),
        volgende=tr("stel de kerngroep samen in organen.yaml"),
    )


# -- phase 2 ---------------------------------------------------------------------------------------


def _s2_2(project: Project, today: dt.date) -> StepState:
    needed = kerngroep_to_interview(project)
    done = interviewed(project, "2.2", today)
    talks = sorted(
        ((i, g) for i, g in project.gesprekken.items() if g.stap == "2.2"),
        key=lambda item: (item[1].datum, item[0]),
    )
    missing = [m for m in needed if m not in done]
    last = max(done.values(), default=None)
    command = f"livb new gesprek --met {missing[0]}" if missing else ""
    if needed and not missing:
        return StepState(
            Stap.S2_2,
            Stand.KLAAR,
            last,
            _files(talks, "gesprekken"),
            count(len(talks), tr("gesprek"), tr("gesprekken")),
        )
    if talks:
        return StepState(
            Stap.S2_2,
            Stand.BEZIG,
            last or talks[0][1].datum,
            _files(talks, "gesprekken"),
            tr("nog geen gesprek met: {wie}", wie=", ".join(missing))
            if missing
            else tr("geen kerngroepleden"),
            command or tr("stel eerst de kerngroep samen"),
        )
    otherwise = _meeting_step(project, Stap.S2_2, today, "", "", expected=())
    if otherwise.stand is Stand.ANDERS:
        return otherwise
    return StepState(
        Stap.S2_2,
        Stand.FACULTATIEF,
        uitleg=tr("facultatief: nog geen oriëntatiegesprekken met de kerngroepleden"),
        volgende=command,
    )


def _s2_4(project: Project, today: dt.date) -> StepState:
    state = _meeting_step(
        project,
        Stap.S2_4,
        today,
        tr("de diagnostiek is nog niet voorgesteld"),
        "livb new vergadering --orgaan kerngroep --stap 2.4",
    )
    if state.stand is Stand.TE_DOEN and project.bevindingen.bevindingen:
        return StepState(
            Stap.S2_4,
            Stand.BEZIG,
            None,
            ("diagnostiek/bevindingen.yaml",),
            tr("1 bevinding, nog niet voorgesteld")
            if len(project.bevindingen.bevindingen) == 1
            else tr(
                "{bevindingen}, nog niet voorgesteld",
                bevindingen=count(
                    len(project.bevindingen.bevindingen), tr("bevinding"), tr("bevindingen")
                ),
            ),
            state.volgende,
        )
    return state


def _s2_5(project: Project, today: dt.date) -> StepState:
    swot = project.swot
    quadrants = [swot.sterktes, swot.zwaktes, swot.kansen, swot.bedreigingen]
    meeting = _meeting_step(project, Stap.S2_5, today, "", "")
    if all(quadrants) and meeting.stand.afgerond:
        return replace(meeting, bewijs=("swot.yaml", *meeting.bewijs), uitleg=tr("SWOT opgemaakt"))
    if any(quadrants) or meeting.stand is not Stand.TE_DOEN:
        return StepState(
            Stap.S2_5,
            Stand.BEZIG,
            meeting.datum,
            ("swot.yaml", *meeting.bewijs),
            tr("de SWOT is begonnen"),
            tr("vul de vier delen van swot.yaml aan en noteer de vergadering"),
        )
    return StepState(
        Stap.S2_5,
        Stand.TE_DOEN,
        uitleg=tr("geen SWOT"),
        volgende="livb new vergadering --orgaan kerngroep --stap 2.5",
    )


def _s2_6(project: Project, today: dt.date) -> StepState:
    priorities = project.prioriteiten.prioriteiten
    groups = {g.prioriteit for g in project.organen.projectgroepen}
    without = [p.id for p in priorities if p.id not in groups]
    waived = [p for p in without if _without_group_on_purpose(project, p)]
    missing = [p for p in without if p not in waived]
    chosen_at = [project.prioriteiten.vergadering] if project.prioriteiten.vergadering else []
    meeting = _meeting_step(project, Stap.S2_6, today, "", "", also=chosen_at)
    if not priorities:
        return StepState(
            Stap.S2_6, Stand.TE_DOEN, uitleg=tr("geen prioriteiten"), volgende="livb new prioriteit"
        )
    counted = _priorities_text(len(priorities), len(waived))
    if not missing and meeting.stand.afgerond:
        text = counted if waived else tr("{prioriteiten} met projectgroep", prioriteiten=counted)
        if meeting.stand is Stand.ANDERS:
            text = tr("{tekst}, gekozen: {hoe}", tekst=text, hoe=meeting.uitleg)
        return replace(
            meeting,
            stand=Stand.ANDERS if waived else meeting.stand,
            bewijs=("prioriteiten.yaml", "organen.yaml", *meeting.bewijs),
            uitleg=text,
        )
    gaps = [tr("nog geen projectgroep voor: {ids}", ids=", ".join(missing))] if missing else []
    if not meeting.stand.afgerond:
        gaps.append(tr("de vergadering die de prioriteiten koos ontbreekt (stap 2.6)"))
    return StepState(
        Stap.S2_6,
        Stand.BEZIG,
        meeting.datum,
        ("prioriteiten.yaml", *meeting.bewijs),
        counted + "; " + "; ".join(gaps),
        tr("voeg de projectgroepen toe in organen.yaml")
        if missing
        else tr(
            "noteer de vergadering met 'stappen: [\"2.6\"]', of zet 'vergadering' in "
            "prioriteiten.yaml"
        ),
    )


def _priorities_text(total: int, waived: int) -> str:
    """'3 prioriteiten', with how many have no projectgroep on purpose."""
    counted = count(total, tr("prioriteit"), tr("prioriteiten"))
    if not waived:
        return counted
    if waived == total:
        return tr(
            "{prioriteiten}, bewust zonder projectgroep (LIVB208 staat uit in livb.yaml)",
            prioriteiten=counted,
        )
    return tr(
        "{prioriteiten}: {met} met projectgroep, {zonder} bewust zonder projectgroep (LIVB208 "
        "staat uit in livb.yaml)",
        prioriteiten=counted,
        met=total - waived,
        zonder=waived,
    )


def _without_group_on_purpose(project: Project, prioriteit: str) -> bool:
    """Whether livb.yaml switches LIVB208 off for a priority: no projectgroep, by choice."""
    return switched_off(project, "LIVB208", prioriteit, "prioriteiten.yaml", "prioriteiten")


# -- phase 3 ---------------------------------------------------------------------------------------


def _s3_1(project: Project, today: dt.date) -> StepState:
    groups = [g.id for g in project.organen.projectgroepen]
    meetings = meetings_for(project, Stap.S3_1)
    started = {v.orgaan for _, v in meetings if minuted(v, today)}
    missing = [g for g in groups if g not in started]
    if not groups:
        otherwise = _meeting_step(project, Stap.S3_1, today, "", "", expected=())
        if otherwise.stand is Stand.ANDERS:
            return otherwise
        priorities = [p.id for p in project.prioriteiten.prioriteiten]
        if priorities and all(_without_group_on_purpose(project, p) for p in priorities):
            return StepState(
                Stap.S3_1,
                Stand.NVT,
                bewijs=("livb.yaml",),
                uitleg=tr("geen projectgroepen, bewust (LIVB208 staat uit in livb.yaml)"),
            )
    if groups and not missing:
        return StepState(
            Stap.S3_1,
            Stand.KLAAR,
            meetings[-1][1].datum,
            _files(meetings, "vergaderingen"),
            tr("1 projectgroep gestart")
            if len(groups) == 1
            else tr(
                "{projectgroepen} gestart",
                projectgroepen=count(len(groups), tr("projectgroep"), tr("projectgroepen")),
            ),
        )
    return StepState(
        Stap.S3_1,
        Stand.BEZIG if started else Stand.TE_DOEN,
        None,
        _files(meetings, "vergaderingen"),
        tr("nog niet gestart: {ids}", ids=", ".join(missing))
        if missing
        else tr("geen projectgroepen"),
        f"livb new vergadering --orgaan {missing[0]} --stap 3.1"
        if missing
        else tr("richt eerst de projectgroepen op (stap 2.6)"),
    )


def _s3_4(project: Project, today: dt.date) -> StepState:
    priorities = [p.id for p in project.prioriteiten.prioriteiten]
    covered = {
        f.prioriteit for f in project.doelstellingen.values() if f.strategische_doelstellingen
    }
    missing = [p for p in priorities if p not in covered]
    files = tuple(sorted(project.doelstellingen))
    if not priorities or missing:
        return _goals_missing(missing, bool(covered), files)
    groups = [g.id for g in project.organen.projectgroepen]
    meeting = _meeting_step(project, Stap.S3_4, today, "", "", expected=("projectgroep",))
    held_by = {
        v.orgaan
        for _, v in meetings_for(project, Stap.S3_4)
        if minuted(v, today) and v.orgaan in groups
    }
    silent = [g for g in groups if g not in held_by]
    if meeting.stand.afgerond and not silent:
        text = tr("doelstellingen voor elke prioriteit")
        if meeting.stand is Stand.ANDERS:
            text += f", {_goals_filled_in_by(project, today, priorities)}"
        return replace(meeting, bewijs=(*files, *meeting.bewijs), uitleg=text)
    return StepState(
        Stap.S3_4,
        Stand.BEZIG,
        meeting.datum,
        (*files, *meeting.bewijs),
        tr(
            "doelstellingen voor elke prioriteit, maar geen vergadering van {wie} die ze "
            "vastlegde (stap 3.4)",
            wie=", ".join(silent),
        )
        if silent
        else tr(
            "doelstellingen voor elke prioriteit, maar geen vergadering van de projectgroepen die "
            "ze vastlegde (stap 3.4)"
        ),
        f"livb new vergadering --orgaan {silent[0]} --stap 3.4"
        if silent
        else tr("noteer de vergaderingen van de projectgroepen met 'stappen: [\"3.4\"]'"),
    )


def _goals_missing(missing: list[str], some: bool, files: tuple[str, ...]) -> StepState:
    """Step 3.4 while a priority has no goals yet (or there are no priorities)."""
    return StepState(
        Stap.S3_4,
        Stand.BEZIG if some else Stand.TE_DOEN,
        None,
        files,
        tr("nog geen doelstellingen voor: {ids}", ids=", ".join(missing))
        if missing
        else tr("geen prioriteiten"),
        f"livb new doelstelling --prioriteit {missing[0]}" if missing else "livb new prioriteit",
    )


def _goals_filled_in_by(project: Project, today: dt.date, priorities: list[str]) -> str:
    """Who filled in the goals instead of projectgroepen, and for which priorities.

    A hearing per theme fills in its own priority, not every one: the text names those that
    had no meeting of their own.
    """
    meetings = [(i, v) for i, v in meetings_for(project, Stap.S3_4) if minuted(v, today)]
    named = {p for i, v in meetings for p in named_priorities(project, i, v)}
    bodies = _bodies(project, meetings)
    if not named:
        return tr("met {wie}", wie=bodies)
    rest = [p for p in priorities if p not in named]
    if not rest:
        return tr("ingevuld door {wie}", wie=bodies)
    return tr(
        "ingevuld door {wie} voor {aantal} van de {totaal} prioriteiten; geen bijeenkomst over: "
        "{ids}",
        wie=bodies,
        aantal=len(priorities) - len(rest),
        totaal=len(priorities),
        ids=", ".join(rest),
    )


def _s3_6(project: Project, today: dt.date) -> StepState:
    college = decisions(project, Onderwerp.PLAN, (Instantie.COLLEGE,), today=today)
    commissie = decisions(project, Onderwerp.PLAN, (Instantie.RAADSCOMMISSIE,), today=today)
    raad = decisions(project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,), today=today)
    route = [_decision_text(found[-1]) for found in (college, commissie, raad) if found]
    if college and raad:
        return StepState(
            Stap.S3_6, Stand.KLAAR, raad[-1].datum, ("besluiten.yaml",), ", ".join(route)
        )
    if college or commissie:
        return StepState(
            Stap.S3_6,
            Stand.BEZIG,
            (commissie or college)[-1].datum,
            ("besluiten.yaml",),
            tr(
                "{besluiten}; nog niet goedgekeurd door de gemeenteraad", besluiten=", ".join(route)
            ),
            tr("leg het plan voor aan de gemeenteraad (livb render plan --definitief)"),
        )
    return StepState(
        Stap.S3_6,
        Stand.TE_DOEN,
        uitleg=tr("het plan is nog niet goedgekeurd"),
        volgende=tr("livb render plan --definitief; leg het voor aan het college"),
    )


# -- phases 4 and 5 --------------------------------------------------------------------------------
#
# The steps of phases 4 and 5 run side by side, not one after the other: while the actions
# are carried out (4.1) the kerngroep evaluates (4.2), the results are told (4.3) and reported
# (4.4). Phase 5 begins when the plan period is over. No step is done merely because time
# passed: each needs its evidence (a monitoring file, a decision, a meeting).

EVALUATE = N_(
    "livb render evaluatie; leg de evaluatie voor aan college en gemeenteraad en noteer het "
    "in besluiten.yaml (onderwerp: evaluatie)"
)


@dataclass(frozen=True)
class FollowUp:
    """The follow-up of the plan on a day: the actions and indicators counted.

    Attributes:
        jaren: the years followed up in monitoring/.
        acties: how many actions are afgerond, geschrapt, over tijd (of which vertraagd) and
            op schema (the rest).
        indicatoren: how many indicators are on track, off track, not to judge, not measured.
    """

    jaren: tuple[int, ...]
    acties: dict[str, int]
    indicatoren: dict[str, int]

    @property
    def action_count(self) -> int:
        """How many actions the plan has (``vertraagd`` counts among ``over tijd``)."""
        return sum(self.acties[k] for k in ("afgerond", "geschrapt", "over tijd", "op schema"))

    @property
    def indicator_count(self) -> int:
        """How many indicators the plan has."""
        return sum(self.indicatoren.values())

    @property
    def actions_text(self) -> str:
        """'13 acties: 3 afgerond, 1 geschrapt, 2 over tijd (1 vertraagd), 7 op schema'."""
        a = self.acties
        total = self.action_count
        if not total:
            return tr("geen acties")
        parts = [_part(k, a[k]) for k in ("afgerond", "geschrapt") if a[k]]
        if a["over tijd"] and a["vertraagd"]:
            delayed = (
                tr("waarvan 1 vertraagd")
                if a["vertraagd"] == 1
                else tr("waarvan {aantal} vertraagd", aantal=a["vertraagd"])
            )
            parts.append(f"{_part('over tijd', a['over tijd'])} ({delayed})")
        elif a["over tijd"]:
            parts.append(_part("over tijd", a["over tijd"]))
        if a["op schema"]:
            parts.append(_part("op schema", a["op schema"]))
        return _counted(count(total, tr("actie"), tr("acties")), parts)

    @property
    def indicators_text(self) -> str:
        """'7 indicatoren: 1 bereikt, 3 op koers, 2 niet op koers, 1 nog niet gemeten'."""
        i = self.indicatoren
        total = self.indicator_count
        if not total:
            return tr("geen indicatoren")
        parts = [_part(k, i[k]) for k in i if i[k]]
        return _counted(count(total, tr("indicator"), tr("indicatoren")), parts)


_COUNTED = {
    "afgerond": (N_("1 afgerond"), N_("{aantal} afgerond")),
    "geschrapt": (N_("1 geschrapt"), N_("{aantal} geschrapt")),
    "over tijd": (N_("1 over tijd"), N_("{aantal} over tijd")),
    "op schema": (N_("1 op schema"), N_("{aantal} op schema")),
    "bereikt": (N_("1 bereikt"), N_("{aantal} bereikt")),
    "op koers": (N_("1 op koers"), N_("{aantal} op koers")),
    "niet op koers": (N_("1 niet op koers"), N_("{aantal} niet op koers")),
    "niet te beoordelen": (N_("1 niet te beoordelen"), N_("{aantal} niet te beoordelen")),
    "nog niet gemeten": (N_("1 nog niet gemeten"), N_("{aantal} nog niet gemeten")),
}
"""How the follow-up counts its actions and indicators ('3 afgerond', '2 op koers'): one and
many apart, as French agrees the word with its number ('1 terminée', '3 terminées')."""


def _part(state: str, number: int) -> str:
    one, many = _COUNTED[state]
    return tr(one) if number == 1 else tr(many, aantal=number)


"""How the follow-up counts its actions and indicators: '3 afgerond', '2 op koers'."""


def _counted(total: str, parts: list[str]) -> str:
    """'13 acties: 3 afgerond, 1 geschrapt'; the total alone when nothing is counted."""
    return tr("{totaal}: {delen}", totaal=total, delen=", ".join(parts)) if parts else total


def follow_up(project: Project, today: dt.date) -> FollowUp:
    """Count the actions and indicators of the plan as they stand on ``today``."""
    states = action_states(project, today)
    acties = dict.fromkeys(("afgerond", "geschrapt", "over tijd", "vertraagd", "op schema"), 0)
    for state in states.values():
        if state.status.klaar:
            acties[state.status.value] += 1
        elif state.late(today):
            acties["over tijd"] += 1
            acties["vertraagd"] += state.status is Status.VERTRAAGD
        else:
            acties["op schema"] += 1
    measured = measurements(project, today)
    indicatoren = dict.fromkeys(
        ("bereikt", "op koers", "niet op koers", "niet te beoordelen", "nog niet gemeten"), 0
    )
    for _, _, indicator in indicators(project):
        values = measured.get(indicator.id)
        if not values:
            indicatoren["nog niet gemeten"] += 1
            continue
        judged = koers(indicator, values[-1].waarde, values[-1].datum.year)
        if judged is Koers.ONBEKEND:
            indicatoren["niet te beoordelen"] += 1
        else:
            indicatoren[judged.value if judged.goed else "niet op koers"] += 1
    return FollowUp(tuple(monitoring_years(project, today)), acties, indicatoren)


AFTER_APPROVAL = N_("begint na de goedkeuring van het plan door de gemeenteraad")


def _not_yet(stap: Stap, uitleg: str) -> StepState:
    """A step whose time has not come: nothing to do yet, so it is not the next step."""
    return StepState(stap, Stand.TE_DOEN, uitleg=uitleg)


def _monitoring_file(project: Project, today: dt.date) -> str:
    """What to do to follow up the plan: start the first year without a file, or update one."""
    start = implementation_start(project, today)
    periode = project.instellingen.beleid.periode
    last = min(periode.tot.year, today.year) if periode else today.year
    first = start.year if start else last
    missing = [y for y in range(first, last + 1) if y not in project.monitoring]
    if missing:
        return f"livb new monitoring --jaar {missing[0]}"
    return tr("werk monitoring/{jaar}.yaml bij", jaar=last)


def _s4_1(project: Project, today: dt.date) -> StepState:
    start = implementation_start(project, today)
    years = monitoring_years(project, today)
    if start is None and not years:
        return _not_yet(Stap.S4_1, tr(AFTER_APPROVAL))
    states = action_states(project, today)
    files = tuple(f"monitoring/{y}.yaml" for y in years) or tuple(sorted(project.doelstellingen))
    if not states:
        return StepState(
            Stap.S4_1,
            Stand.BEZIG,
            start,
            files,
            tr("het plan heeft nog geen acties"),
            tr("voeg de acties toe in doelstellingen/ (livb new doelstelling)"),
        )
    summary = follow_up(project, today).actions_text
    source = (
        tr("stand uit monitoring/{jaar}.yaml", jaar=years[-1])
        if years
        else tr("nog geen opvolging")
    )
    text = f"{summary}; {source}"
    if start is None:
        text += "; " + tr("het plan is nog niet goedgekeurd door de gemeenteraad")
    if all(state.status.klaar for state in states.values()):
        last = max(state.jaar or 0 for state in states.values())
        day = min(dt.date(last, 12, 31), today) if last else start
        return StepState(Stap.S4_1, Stand.KLAAR, day, files, text)
    periode = project.instellingen.beleid.periode
    if plan_ended(project, today) and not final_evaluations(project, today):
        assert periode is not None
        return StepState(
            Stap.S4_1,
            Stand.NIET_AFGESLOTEN,
            periode.tot,
            files,
            tr(
                "de planperiode liep af op {einde}, maar niet alle acties zijn afgerond en er is "
                "geen eindevaluatie; {tekst}",
                einde=periode.tot,
                tekst=text,
            ),
            tr(
                "vul de opvolging aan ({opvolging}) en evalueer het plan: {evaluatie}",
                opvolging=_monitoring_file(project, today),
                evaluatie=tr(EVALUATE),
            ),
        )
    return StepState(
        Stap.S4_1,
        Stand.BEZIG,
        start,
        files,
        text,
        tr(
            "volg de acties en indicatoren op: {opvolging}",
            opvolging=_monitoring_file(project, today),
        ),
    )


def _due(project: Project, today: dt.date, stap: Stap, what: str) -> StepState | None:
    """None once a step is due (a year of implementation), else why it waits."""
    start = implementation_start(project, today)
    if start is None:
        return _not_yet(stap, tr(AFTER_APPROVAL))
    due = months_later(start, 12)
    if today < due:
        return _not_yet(stap, tr(what, vanaf=due))
    return None


def _s4_2(project: Project, today: dt.date) -> StepState:
    decided = interim_evaluations(project, today)
    meeting = _meeting_step(
        project, Stap.S4_2, today, "", "", expected=("kerngroep", "projectgroep")
    )
    if decided:
        last = decided[-1]
        files = (
            ("besluiten.yaml", *meeting.bewijs) if meeting.stand.afgerond else ("besluiten.yaml",)
        )
        return StepState(
            Stap.S4_2,
            Stand.KLAAR,
            last.datum,
            files,
            tr("tussentijdse evaluatie: {besluit}", besluit=_decision_text(last))
            + (
                f" ({count(len(decided), tr('evaluatie'), tr('evaluaties'))})"
                if len(decided) > 1
                else ""
            ),
        )
    if meeting.stand is not Stand.TE_DOEN:
        return meeting
    waiting = _due(
        project,
        today,
        Stap.S4_2,
        N_("de tussentijdse evaluatie volgt na ongeveer een jaar uitvoering, vanaf {vanaf}"),
    )
    if waiting is not None:
        return waiting
    return StepState(
        Stap.S4_2,
        Stand.TE_DOEN,
        uitleg=tr("nog geen tussentijdse evaluatie"),
        volgende=tr(
            "livb render evaluatie; bespreek ze in de kerngroep "
            "(livb new vergadering --orgaan kerngroep --stap 4.2) en leg ze voor aan het college"
        ),
    )


def _told(
    project: Project, today: dt.date, after: dt.date, stap: Stap
) -> list[tuple[dt.date, str]]:
    """What was told to the public after a day: monitoring's communicatie and meetings of a step."""
    found = [
        (c.datum, f"monitoring/{year}.yaml")
        for year in monitoring_years(project, today)
        for c in project.monitoring[year].communicatie
        if after <= c.datum <= today
    ]
    found += [
        (v.datum, f"vergaderingen/{i}.yaml")
        for i, v in meetings_for(project, stap)
        if minuted(v, today) and v.datum >= after
    ]
    return sorted(found)


def _s4_3(project: Project, today: dt.date) -> StepState:
    approved = plan_approved(project, today)
    if approved is None:
        return _not_yet(Stap.S4_3, tr(AFTER_APPROVAL))
    told = _told(project, today, approved.datum, Stap.S4_3)
    has_plan = bool(project.plan.communicatie)
    files = tuple(dict.fromkeys(["plan.yaml"] * has_plan + [f for _, f in told]))
    if has_plan and told:
        return StepState(
            Stap.S4_3,
            Stand.KLAAR,
            told[-1][0],
            files,
            tr(
                "communicatieplan in plan.yaml; {keer} naar buiten gebracht, het laatst op {datum}",
                keer=count(len(told), tr("keer"), tr("keer")),
                datum=told[-1][0],
            ),
        )
    record = tr("noteer wat je naar buiten bracht onder 'communicatie' in monitoring/JJJJ.yaml")
    if told:
        return StepState(
            Stap.S4_3,
            Stand.BEZIG,
            told[-1][0],
            files,
            tr(
                "{keer} naar buiten gebracht, maar plan.yaml heeft geen communicatieplan",
                keer=count(len(told), tr("keer"), tr("keer")),
            ),
            tr(
                "beschrijf in plan.yaml onder 'communicatie' hoe de resultaten gecommuniceerd "
                "worden"
            ),
        )
    if has_plan:
        return StepState(
            Stap.S4_3,
            Stand.BEZIG,
            None,
            files,
            tr("communicatieplan in plan.yaml, maar nog niets naar buiten gebracht"),
            record,
        )
    return StepState(
        Stap.S4_3,
        Stand.TE_DOEN,
        uitleg=tr("geen communicatieplan en nog niets naar buiten gebracht"),
        volgende=tr(
            "beschrijf in plan.yaml onder 'communicatie' hoe de resultaten gecommuniceerd "
            "worden; {vastleggen}",
            vastleggen=record,
        ),
    )


def _s4_4(project: Project, today: dt.date) -> StepState:
    found = reports(project, today)
    if found:
        return StepState(
            Stap.S4_4,
            Stand.KLAAR,
            found[-1].datum,
            ("besluiten.yaml",),
            tr(
                "{rapporten} aan college of gemeenteraad, het laatste: {besluit}",
                rapporten=count(len(found), tr("rapport"), tr("rapporten")),
                besluit=_decision_text(found[-1]),
            ),
        )
    waiting = _due(
        project,
        today,
        Stap.S4_4,
        N_("het eerste jaarrapport volgt na ongeveer een jaar uitvoering, vanaf {vanaf}"),
    )
    if waiting is not None:
        return waiting
    return StepState(
        Stap.S4_4,
        Stand.TE_DOEN,
        uitleg=tr("nog geen rapport aan college of gemeenteraad over de uitvoering"),
        volgende=tr(
            "livb render jaarrapport; leg het voor aan college en gemeenteraad "
            "(besluiten.yaml, onderwerp: jaarrapport)"
        ),
    )


def _phase_5_waits(project: Project, today: dt.date, stap: Stap) -> StepState | None:
    """Phase 5 begins once the approved plan's period is over (or its end was evaluated)."""
    if plan_approved(project, today) is None:
        return _not_yet(stap, tr("begint na de goedkeuring en de uitvoering van het plan"))
    if plan_ended(project, today) or final_evaluations(project, today):
        return None
    periode = project.instellingen.beleid.periode
    return _not_yet(
        stap,
        tr("begint na de planperiode (tot {einde})", einde=periode.tot)
        if periode
        else tr("begint na de planperiode ('beleid: periode' in livb.yaml)"),
    )


def _plan_end(project: Project) -> dt.date:
    periode = project.instellingen.beleid.periode
    return periode.tot + dt.timedelta(days=1) if periode else dt.date.min


def _s5_1(project: Project, today: dt.date) -> StepState:
    waiting = _phase_5_waits(project, today, Stap.S5_1)
    if waiting is not None:
        return waiting
    after = _plan_end(project)
    kerngroep = sorted(
        (
            (i, v)
            for i, v in project.vergaderingen.items()
            if v.orgaan == "kerngroep" and minuted(v, today) and v.datum >= after
        ),
        key=lambda meeting: (meeting[1].datum, meeting[0]),
    )
    years = [y for y in monitoring_years(project, today) if y >= after.year]
    facts = []
    if kerngroep:
        facts.append(
            tr(
                "de kerngroep kwam {keer} samen na de planperiode",
                keer=count(len(kerngroep), tr("keer"), tr("keer")),
            )
        )
    if years:
        facts.append(tr("opvolging in monitoring/{jaar}.yaml", jaar=years[-1]))
    files = (*_files(kerngroep, "vergaderingen"), *(f"monitoring/{y}.yaml" for y in years))
    last = max([v.datum for _, v in kerngroep] + [dt.date(y, 1, 1) for y in years], default=None)
    if kerngroep and years:
        return StepState(Stap.S5_1, Stand.KLAAR, last, files, "; ".join(facts))
    todo = (
        tr(
            "laat de kerngroep als vast overleg samenkomen (livb new vergadering --orgaan "
            "kerngroep --stap 5.1)"
        )
        if not kerngroep
        else tr(
            "volg de indicatoren verder op: {opvolging}", opvolging=_monitoring_file(project, today)
        )
    )
    return StepState(
        Stap.S5_1,
        Stand.BEZIG if facts else Stand.TE_DOEN,
        last,
        files,
        "; ".join(facts) if facts else tr("na de planperiode nog geen opvolging door de kerngroep"),
        todo,
    )


def _s5_2(project: Project, today: dt.date) -> StepState:
    waiting = _phase_5_waits(project, today, Stap.S5_2)
    if waiting is not None:
        return waiting
    told = _told(project, today, _plan_end(project), Stap.S5_2)
    if told:
        return StepState(
            Stap.S5_2,
            Stand.KLAAR,
            told[-1][0],
            tuple(dict.fromkeys(f for _, f in told)),
            tr(
                "de resultaten werden {keer} bekendgemaakt, het laatst op {datum}",
                keer=count(len(told), tr("keer"), tr("keer")),
                datum=told[-1][0],
            ),
        )
    return StepState(
        Stap.S5_2,
        Stand.TE_DOEN,
        uitleg=tr("de resultaten van het plan zijn nog niet bekendgemaakt"),
        volgende=tr(
            "maak de resultaten bekend volgens het communicatieplan en noteer het onder "
            "'communicatie' in monitoring/JJJJ.yaml"
        ),
    )


def _s5_3(project: Project, today: dt.date) -> StepState:
    waiting = _phase_5_waits(project, today, Stap.S5_3)
    if waiting is not None:
        return waiting
    found = final_evaluations(project, today)
    if found:
        return StepState(
            Stap.S5_3,
            Stand.KLAAR,
            found[-1].datum,
            ("besluiten.yaml",),
            tr("eindevaluatie: {besluit}", besluit=_decision_text(found[-1])),
        )
    return StepState(
        Stap.S5_3,
        Stand.TE_DOEN,
        uitleg=tr("nog geen eindevaluatie van het plan"),
        volgende=tr(EVALUATE),
    )


def _s5_4(project: Project, today: dt.date) -> StepState:
    waiting = _phase_5_waits(project, today, Stap.S5_4)
    if waiting is not None:
        return waiting
    return _meeting_step(
        project,
        Stap.S5_4,
        today,
        tr("het proces, de producten en de begeleiding zijn nog niet geëvalueerd"),
        "livb new vergadering --orgaan kerngroep --stap 5.4",
        expected=("kerngroep",),
    )


def _s2_7(project: Project, today: dt.date) -> StepState:
    """The progress report: approved by the college, or left out on purpose (LIVB311 off)."""
    state = _decision_step(
        project,
        Stap.S2_7,
        Onderwerp.VOORTGANGSRAPPORT,
        (Instantie.COLLEGE,),
        today,
        tr("geen voortgangsrapport goedgekeurd door het college"),
        tr("laat het college het voortgangsrapport goedkeuren (besluiten.yaml)"),
    )
    if state.stand is Stand.TE_DOEN and switched_off(project, "LIVB311"):
        return StepState(
            Stap.S2_7,
            Stand.NVT,
            bewijs=("livb.yaml",),
            uitleg=tr("geen voortgangsrapport, bewust (LIVB311 staat uit in livb.yaml)"),
        )
    return state


_NEW_MEETING = "livb new vergadering --orgaan kerngroep --stap {}"

_DERIVERS: dict[Stap, Deriver] = {
    Stap.S1_1: _s1_1,
    Stap.S1_2: _s1_2,
    Stap.S1_3: lambda p, t: _decision_step(
        p,
        Stap.S1_3,
        Onderwerp.RAPPORT,
        (Instantie.COLLEGE,),
        t,
        tr("geen beslissing van het college tot opstart"),
        tr("laat het college beslissen tot opstart (besluiten.yaml, onderwerp: rapport)"),
    ),
    Stap.S1_4: _s1_4,
    Stap.S1_5: _s1_5,
    Stap.S1_6: lambda p, t: _meeting_step(
        p, Stap.S1_6, t, tr("nog geen opstartvergadering"), _NEW_MEETING.format("1.6")
    ),
    Stap.S2_1: lambda p, t: _meeting_step(
        p,
        Stap.S2_1,
        t,
        tr("de aanpak van de diagnostiek is nog niet voorgesteld"),
        _NEW_MEETING.format("2.1"),
    ),
    Stap.S2_2: _s2_2,
    Stap.S2_3: lambda p, t: _meeting_step(
        p,
        Stap.S2_3,
        t,
        tr("de beleidsplannen zijn nog niet voorgesteld"),
        _NEW_MEETING.format("2.3"),
    ),
    Stap.S2_4: _s2_4,
    Stap.S2_5: _s2_5,
    Stap.S2_6: _s2_6,
    Stap.S2_7: _s2_7,
    Stap.S3_1: _s3_1,
    Stap.S3_2: lambda p, t: _meeting_step(
        p,
        Stap.S3_2,
        t,
        tr("het eerste ontwerp is nog niet voorgesteld"),
        _NEW_MEETING.format("3.2"),
    ),
    Stap.S3_3: lambda p, t: _meeting_step(
        p, Stap.S3_3, t, tr("nog geen brainstorm"), _NEW_MEETING.format("3.3")
    ),
    Stap.S3_4: _s3_4,
    Stap.S3_5: lambda p, t: _meeting_step(
        p, Stap.S3_5, t, tr("het plan is nog niet voorgesteld"), _NEW_MEETING.format("3.5")
    ),
    Stap.S3_6: _s3_6,
    Stap.S4_1: _s4_1,
    Stap.S4_2: _s4_2,
    Stap.S4_3: _s4_3,
    Stap.S4_4: _s4_4,
    Stap.S5_1: _s5_1,
    Stap.S5_2: _s5_2,
    Stap.S5_3: _s5_3,
    Stap.S5_4: _s5_4,
}
