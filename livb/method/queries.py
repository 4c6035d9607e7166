"""The domain questions that rules, status and documents share, each answered in one place.

Who is the mayor, what is a body called, which decisions were taken, when does the protocol
with the FOD run, which link of the chain does a word stand for: every part of livb that
needs an answer asks here, so that a rule, ``livb status`` and a document never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from livb.core import i18n
from livb.core.dates import months_later
from livb.core.formatting import join
from livb.core.i18n import N_, tr
from livb.method.money import spent as spent  # what each action cost, counted in money.py
from livb.model import Project
from livb.model._tijd import chronologisch, eerste_dag
from livb.model.actoren import Actor, EigenSchakel, Rol, Schakel
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.monitoring import Actiestand, Indicatormeting
from livb.model.organen import OPEN_OVERLEG, Overleg
from livb.model.plan import Actie, AnderPlan, Indicator, Plansoort, Status
from livb.model.stappen import Stap
from livb.model.vergadering import Vergadering
from livb.model.walk import actions

ORGAAN_NAMEN = {
    "kerngroep": N_("de kerngroep"),
    "redactiecomite": N_("het redactiecomité"),
    "pilootcomite": N_("het pilootcomité"),
}
"""How the documents name the method's fixed bodies."""

# -- people ---------------------------------------------------------------------------------------


def actors(project: Project) -> dict[str, Actor]:
    """Every actor by id."""
    return {actor.id: actor for actor in project.actoren.actoren}


def with_role(project: Project, rol: Rol) -> list[Actor]:
    """The actors with a role, in the order of actoren.yaml."""
    return [actor for actor in project.actoren.actoren if actor.rol is rol]


def mayor(project: Project) -> Actor | None:
    """The mayor: the first actor with ``rol: burgemeester``."""
    return next(iter(with_role(project, Rol.BURGEMEESTER)), None)


def coordinator(project: Project) -> Actor | None:
    """The coordinator named in livb.yaml, when actoren.yaml knows the id."""
    return actors(project).get(project.instellingen.coordinator or "")


def kerngroep(project: Project) -> list[Actor]:
    """The kerngroep members that are known actors."""
    known = actors(project)
    return [known[m] for m in project.organen.kerngroep.leden if m in known]


# -- bodies ---------------------------------------------------------------------------------------


def overleg(project: Project, orgaan: str) -> Overleg | None:
    """The entry of ``overleg`` in organen.yaml with this id, if any."""
    return next((o for o in project.organen.overleg if o.id == orgaan), None)


def orgaan_soort(project: Project, orgaan: str) -> str | None:
    """What kind of body an id names.

    Returns:
        'kerngroep', 'redactiecomite' or 'pilootcomite'; 'projectgroep'; the ``soort`` of an
        overleg ('hoorzitting', 'forum', 'werkgroep', 'andere'); None for an unknown id.
    """
    if orgaan in ORGAAN_NAMEN:
        return orgaan
    if any(g.id == orgaan for g in project.organen.projectgroepen):
        return "projectgroep"
    found = overleg(project, orgaan)
    return found.soort.value if found else None


def orgaan_naam(project: Project, orgaan: str) -> str:
    """How a body is named in a sentence: 'de kerngroep', a projectgroep's or overleg's name."""
    if orgaan in ORGAAN_NAMEN:
        return tr(ORGAAN_NAMEN[orgaan])
    group = next((g for g in project.organen.projectgroepen if g.id == orgaan), None)
    if group is not None:
        return group.naam
    found = overleg(project, orgaan)
    return found.naam if found else orgaan


def is_open_session(project: Project, vergadering: Vergadering) -> bool:
    """Whether a meeting is an open session (a hearing, a forum): counted, not minuted."""
    found = overleg(project, vergadering.orgaan)
    return found is not None and found.soort in OPEN_OVERLEG


def switched_off(project: Project, code: str, *subjects: str) -> bool:
    """Whether livb.yaml switches a rule off on purpose, everywhere or for one of ``subjects``.

    ``subjects`` are what a finding would be about: ids and files, as ``voor`` names them.
    """
    return any(
        entry.code == code and (not entry.voor or bool(set(subjects) & set(entry.voor)))
        for entry in project.instellingen.regels.uitgeschakeld
    )


def named_priorities(project: Project, id_: str, vergadering: Vergadering) -> list[str]:
    """The priorities a meeting was about: its projectgroep's, or the ones its id or title names.

    A hearing per theme is named after it ('2007-11-hoorzitting-drugs'); nothing else in the
    folder ties an open session to a priority.
    """
    group = next((g for g in project.organen.projectgroepen if g.id == vergadering.orgaan), None)
    if group is not None:
        return [group.prioriteit]
    title = (vergadering.titel or "").casefold()
    return [
        p.id
        for p in project.prioriteiten.prioriteiten
        if re.search(rf"(^|-){re.escape(p.id)}(-|$)", id_) or p.titel.casefold() in title
    ]


# -- meetings and interviews ----------------------------------------------------------------------


DRAFT_TEXT = re.compile(r"\((in te vullen|à compléter)\b", re.IGNORECASE)
"""How the skeletons of ``livb new`` mark a text still to write: '(in te vullen: …)', in a
French folder '(à compléter : …)'."""


def held(vergadering: Vergadering, today: dt.date) -> bool:
    """Whether a meeting has taken place: its date (a vague date's first day) is not after today."""
    return vergadering.datum <= today


def written(text: str | None) -> bool:
    """Whether a text of the folder is written: not empty, not a skeleton's '(in te vullen: …)'."""
    return bool(text and text.strip()) and not DRAFT_TEXT.search(text or "")


def minuted(vergadering: Vergadering, today: dt.date) -> bool:
    """Whether a meeting counts as held for the process: it took place and its minutes say so.

    A meeting with an agenda needs a written ``verslag`` or a decision under one of its items;
    the skeleton of ``livb new`` with its empty items is a meeting still to report. A meeting
    recorded without an agenda (an old hearing known only by its date) counts by its date.
    """
    if not held(vergadering, today):
        return False
    return not vergadering.agenda or any(
        written(punt.verslag) or any(written(b) for b in punt.besluiten)
        for punt in vergadering.agenda
    )


def meetings_for(project: Project, stap: Stap) -> list[tuple[str, Vergadering]]:
    """The meetings that serve a step, oldest first."""
    found = [(i, v) for i, v in project.vergaderingen.items() if stap in v.stappen]
    return chronologisch(sorted(found), lambda item: item[1].datum, tie=lambda item: item[0])


def interviewed(project: Project, stap: str, today: dt.date) -> dict[str, dt.date]:
    """Every actor who had an orientation interview of this step, with its first date."""
    found: dict[str, dt.date] = {}
    talks = sorted(project.gesprekken.values(), key=lambda g: g.datum)
    for gesprek in talks:
        if gesprek.stap == stap and gesprek.datum <= today:
            for actor in gesprek.met:
                found.setdefault(actor, gesprek.datum)
    return found


def kerngroep_to_interview(project: Project) -> list[str]:
    """The kerngroep members who need a 2.2 interview: all but the coordinator and the mayor.

    The mayor's talk belongs to step 1.2; the coordinator holds the interviews.
    """
    skip = {project.instellingen.coordinator} | {a.id for a in with_role(project, Rol.BURGEMEESTER)}
    return [m for m in project.organen.kerngroep.leden if m not in skip]


# -- decisions ------------------------------------------------------------------------------------

DONE = (Uitkomst.GOEDGEKEURD, Uitkomst.ONDERTEKEND)
"""The outcomes that settle a matter."""


def decisions(
    project: Project,
    onderwerp: Onderwerp,
    door: Iterable[Instantie] | None = None,
    uitkomst: Iterable[Uitkomst] = DONE,
    today: dt.date | None = None,
) -> list[Besluit]:
    """The decisions on a subject, by the given bodies and outcomes, oldest first.

    Only this plan's: a decision on a predecessor plan (``vorig_plan``) is no step of this one.

    Args:
        project: the folder.
        onderwerp: what was decided on.
        door: only these bodies (all when None).
        uitkomst: only these outcomes (default: approved or signed).
        today: leave out decisions after this day (none left out when None).
    """
    bodies = set(door) if door is not None else None
    outcomes = set(uitkomst)
    found = [
        b
        for b in project.besluiten.besluiten
        if b.onderwerp is onderwerp
        and b.vorig_plan is None
        and (bodies is None or b.door in bodies)
        and b.uitkomst in outcomes
        and (today is None or b.datum <= today)
    ]
    return chronologisch(found, lambda b: b.datum)


def plan_approved(project: Project, today: dt.date | None = None) -> Besluit | None:
    """The council's latest approval of the plan, if any."""
    found = decisions(project, Onderwerp.PLAN, (Instantie.GEMEENTERAAD,), today=today)
    return found[-1] if found else None


def phase_three_started(project: Project) -> bool:
    """Whether the design phase has begun: goals are being written."""
    return any(f.strategische_doelstellingen for f in project.doelstellingen.values())


# -- the protocol with the FOD --------------------------------------------------------------------


def fod_begeleiding(project: Project) -> bool:
    """Whether the FOD guides this municipality: livb.yaml names its people, or a protocol exists.

    Outside the pilot projects most municipalities work without a protocolakkoord; step 1.4 and
    the rules on the protocol then do not apply.
    """
    begeleiding = project.instellingen.begeleiding
    named = (
        begeleiding.fod_vertegenwoordiger
        or begeleiding.lokaal_adviseurs
        or begeleiding.provincie_vertegenwoordiger
    )
    protocol = any(b.onderwerp is Onderwerp.PROTOCOLAKKOORD for b in project.besluiten.besluiten)
    return bool(named) or protocol


@dataclass(frozen=True)
class ProtocolPeriode:
    """The year of the protocolakkoord: six months of support, then six months of follow-up.

    Attributes:
        start: the day the protocol carries every required signature.
        halfweg: six months later: the support ends, the follow-up begins.
        einde: twelve months after the start: the municipality goes on alone.
        ondertekeningen: the signatures that completed the protocol, in date order.
    """

    start: dt.date
    halfweg: dt.date
    einde: dt.date
    ondertekeningen: tuple[Besluit, ...]


def protocol_parties(project: Project) -> tuple[Instantie, ...]:
    """Who signs the protocol: the mayor and the FOD, and the province when it is a party."""
    if project.instellingen.begeleiding.provincie_vertegenwoordiger:
        return (Instantie.BURGEMEESTER, Instantie.FOD, Instantie.PROVINCIE)
    return (Instantie.BURGEMEESTER, Instantie.FOD)


def protocol_period(project: Project, today: dt.date) -> ProtocolPeriode | None:
    """The running year of the protocolakkoord, or None while it lacks a signature.

    The protocol starts on the day it carries the signatures of every party (the mayor for the
    gemeente, the FOD, and the province when it is a party). A protocol that is signed again
    (an amended protocol, or one renewed after a pause) starts again: the signatures are read
    in date order as rounds, a round being complete once every party has signed since the
    previous round was complete, and the latest complete round counts. A party that signs
    again alone does not move the start until the others have signed the new version too.
    Signatures after ``today`` do not count yet. A vague signature date counts from its first
    day.
    """
    parties = set(protocol_parties(project))
    signatures = decisions(
        project, Onderwerp.PROTOCOLAKKOORD, parties, (Uitkomst.ONDERTEKEND,), today=today
    )
    complete: tuple[Besluit, ...] = ()
    pending: dict[Instantie, Besluit] = {}
    for signature in signatures:
        pending[signature.door] = signature
        if set(pending) == parties:
            complete = tuple(sorted(pending.values(), key=lambda b: b.datum))
            pending = {}
    if not complete:
        return None
    start = complete[-1].datum
    first_day = eerste_dag(start)
    return ProtocolPeriode(start, months_later(first_day, 6), months_later(first_day, 12), complete)


# -- the safety chain -----------------------------------------------------------------------------


def link(project: Project, term: Schakel | EigenSchakel) -> Schakel | None:
    """The link of the method a word stands for: itself, or its mapping in ``keten``."""
    if isinstance(term, Schakel):
        return term
    return project.instellingen.keten.get(str(term))


GUIDE_CHAIN = (Schakel.PREVENTIE, Schakel.REPRESSIE, Schakel.NAZORG)
"""The links the guide's protocol and declaration name: prevention, repression, aftercare."""


def chain_words(project: Project) -> list[str]:
    """The safety chain as the folder names it, in the method's order of the links.

    The guide's three links, plus any other link the folder's own words (``keten`` in
    livb.yaml) stand for; each link in the folder's own word(s) when it has them.
    """
    own = project.instellingen.keten
    words: list[str] = []
    for schakel in Schakel:
        mine = [word for word, mapped in own.items() if mapped is schakel]
        if mine:
            words.extend(mine)
        elif schakel in GUIDE_CHAIN:
            words.append(i18n.word(schakel.value))  # the method's word, in the folder's language
    return words


def link_words(project: Project, schakel: Schakel | str) -> str:
    """A link of the method as the folder names it: its own word(s), else the method's word.

    Mechelen's nazorg is 'constructief en herstellend'; a folder without ``keten``: 'nazorg'.
    """
    name = schakel.value if isinstance(schakel, Schakel) else schakel
    mine = [word for word, mapped in project.instellingen.keten.items() if mapped.value == name]
    return join(mine) if mine else i18n.word(name)


def links(project: Project, terms: Iterable[Schakel | EigenSchakel]) -> set[Schakel]:
    """The links of the method several words stand for (unknown words left out)."""
    found = (link(project, term) for term in terms)
    return {schakel for schakel in found if schakel is not None}


def chain_balance(project: Project) -> Counter[str]:
    """How many actions each link of the safety chain has, in the method's words.

    A municipality's own words count for the link ``keten`` maps them to; an action without a
    link counts as 'onbekend', a word that is not mapped under its own name.
    """
    counts: Counter[str] = Counter()
    for _, _, actie in actions(project):
        if actie.schakel is None:
            counts[N_("onbekend")] += 1  # shown with word(), like the links
            continue
        schakel = link(project, actie.schakel)
        counts[schakel.value if schakel else actie.schakel.value] += 1
    return counts


# -- the follow-up of the plan (monitoring/JJJJ.yaml) ---------------------------------------------

EVALUATED = (Uitkomst.GOEDGEKEURD, Uitkomst.KENNISGENOMEN)
"""The outcomes with which a body takes up an evaluation or a report."""
BESTUUR = (Instantie.COLLEGE, Instantie.GEMEENTERAAD)
"""The bodies the method reports to: the college and the council."""


def monitoring_years(project: Project, today: dt.date | None = None) -> list[int]:
    """The years followed up in monitoring/, oldest first (none after ``today``'s year)."""
    return sorted(y for y in project.monitoring if today is None or y <= today.year)


@dataclass(frozen=True)
class ActionState:
    """Where an action stands: its latest monitoring entry, or else the plan's status.

    Attributes:
        actie: the action as the plan describes it.
        status: its state.
        jaar: the year of the monitoring file that gives the state; None for the plan's status.
        reden: why it is delayed or dropped (monitoring only).
        opmerking: what happened (monitoring only).
        plaats: the file and the path of the entry (monitoring only), for a rule's finding.
    """

    actie: Actie
    status: Status
    jaar: int | None = None
    reden: str | None = None
    opmerking: str | None = None
    plaats: tuple[str, tuple[Any, ...]] | None = None

    def late(self, day: dt.date) -> bool:
        """Whether the action runs behind on ``day``: delayed, or past its end and not settled."""
        if self.status is Status.VERTRAAGD:
            return True
        return not self.status.klaar and self.actie.einde is not None and self.actie.einde < day


def action_states(project: Project, today: dt.date | None = None) -> dict[str, ActionState]:
    """Every action's state by id, in the plan's order: the latest monitoring entry wins.

    Within one monitoring file the last entry of an action counts; a later year goes before
    an earlier one; an action no monitoring file (up to ``today``'s year) mentions keeps the
    status of doelstellingen/*.yaml.
    """
    latest: dict[str, tuple[int, int, Actiestand]] = {}
    for year in monitoring_years(project, today):
        for index, stand in enumerate(project.monitoring[year].acties):
            latest[stand.actie] = (year, index, stand)
    found: dict[str, ActionState] = {}
    for _, _, actie in actions(project):
        if actie.id not in latest:
            found[actie.id] = ActionState(actie, actie.status)
            continue
        year, index, stand = latest[actie.id]
        found[actie.id] = ActionState(
            actie,
            stand.status,
            year,
            stand.reden,
            stand.opmerking,
            (f"monitoring/{year}.yaml", ("acties", index)),
        )
    return found


def measurements(
    project: Project, today: dt.date | None = None
) -> dict[str, list[Indicatormeting]]:
    """The measurements of each indicator by id, oldest first (none dated after ``today``)."""
    found: dict[str, list[Indicatormeting]] = {}
    for year in monitoring_years(project, today):
        for meting in project.monitoring[year].metingen:
            if today is None or meting.datum <= today:
                found.setdefault(meting.indicator, []).append(meting)
    for values in found.values():
        values.sort(key=lambda m: m.datum)
    return found


class Koers(StrEnum):
    """How an indicator's latest value stands against its baseline and target."""

    BEREIKT = N_("bereikt")
    OP_KOERS = N_("op koers")
    TRAAG = N_("trager dan gepland")
    STIL = N_("geen vooruitgang")
    VERKEERD = N_("de verkeerde kant op")
    ONBEKEND = N_("niet te beoordelen")
    """No baseline or target, or a target equal to the baseline that is not met."""

    @property
    def goed(self) -> bool:
        """Whether the indicator is on track (reached, or moving fast enough)."""
        return self in (Koers.BEREIKT, Koers.OP_KOERS)


def koers(indicator: Indicator, waarde: float, jaar: int) -> Koers:
    """Where a value of ``jaar`` stands on the way from the baseline to the target.

    The direction follows the plan: a target lower than the baseline means that going down is
    good. A value at or past the target is reached; one that moved towards it at least as far
    as the time passed since the baseline year asks (a straight line to the target year) is on
    track; one that moved less is slower than planned.
    """
    base, target = indicator.basiswaarde, indicator.streefwaarde
    if base is None or target is None:
        return Koers.ONBEKEND
    if target.waarde == base.waarde:
        return Koers.BEREIKT if waarde == target.waarde else Koers.ONBEKEND
    direction = 1.0 if target.waarde > base.waarde else -1.0
    if (waarde - target.waarde) * direction >= 0:
        return Koers.BEREIKT
    moved = (waarde - base.waarde) * direction
    if moved < 0:
        return Koers.VERKEERD
    if moved == 0:
        return Koers.STIL
    expected = 0.0
    if base.jaar is not None and target.jaar is not None and target.jaar > base.jaar:
        expected = min(max((jaar - base.jaar) / (target.jaar - base.jaar), 0.0), 1.0)
    share = moved / abs(target.waarde - base.waarde)
    return Koers.OP_KOERS if share >= expected else Koers.TRAAG


def implementation_start(project: Project, today: dt.date) -> dt.date | None:
    """When the plan is carried out: the council's approval, or the plan period's start if later."""
    approved = plan_approved(project, today)
    if approved is None:
        return None
    start = eerste_dag(approved.datum)
    periode = project.instellingen.beleid.periode
    return max(start, periode.van) if periode else start


def plan_ended(project: Project, today: dt.date) -> bool:
    """Whether the plan period is over on ``today``."""
    periode = project.instellingen.beleid.periode
    return periode is not None and periode.tot < today


def evaluations(project: Project, today: dt.date | None = None) -> list[Besluit]:
    """Every evaluation the college or the council took up, oldest first."""
    return decisions(project, Onderwerp.EVALUATIE, BESTUUR, EVALUATED, today=today)


def interim_evaluations(project: Project, today: dt.date) -> list[Besluit]:
    """The evaluations while the plan is carried out (step 4.2): from its start to its end."""
    start = implementation_start(project, today)
    if start is None:
        return []
    periode = project.instellingen.beleid.periode
    return [
        b
        for b in evaluations(project, today)
        if b.datum >= start and (periode is None or eerste_dag(b.datum) <= periode.tot)
    ]


def final_evaluations(project: Project, today: dt.date) -> list[Besluit]:
    """The evaluations after the plan period (step 5.3): the end of the plan is evaluated."""
    periode = project.instellingen.beleid.periode
    if periode is None or plan_approved(project, today) is None:
        return []
    return [b for b in evaluations(project, today) if eerste_dag(b.datum) > periode.tot]


def one_year_evaluation(project: Project, today: dt.date) -> Besluit | None:
    """The evaluation the protocolakkoord asks after its year: the first since it was signed."""
    periode = protocol_period(project, today)
    if periode is None:
        return None
    return next((b for b in evaluations(project, today) if b.datum >= periode.start), None)


def reports(project: Project, today: dt.date) -> list[Besluit]:
    """The reports on the plan to the college or the council since its approval (step 4.4)."""
    approved = plan_approved(project, today)
    if approved is None:
        return []
    found = [
        *decisions(project, Onderwerp.JAARRAPPORT, BESTUUR, EVALUATED, today=today),
        *evaluations(project, today),
    ]
    return chronologisch((b for b in found if b.datum >= approved.datum), lambda b: b.datum)


def homework_due(project: Project, jaar: int) -> list[tuple[str, int, Vergadering, Any]]:
    """The homework a year's follow-up asks about, in meeting order: (meeting, number, …).

    A task is due in the year of its 'tegen' (else of its meeting); one an earlier year's
    follow-up recorded as not done stays due until it is done.
    """
    done: dict[tuple[str, int], bool] = {}
    for year in sorted(y for y in project.monitoring if y < jaar):
        for opvolging in project.monitoring[year].huiswerk:
            done[(opvolging.vergadering, opvolging.taak)] = opvolging.gedaan
    found = []
    meetings = sorted(project.vergaderingen.items(), key=lambda item: (item[1].datum, item[0]))
    for id_, vergadering in meetings:
        for number, taak in enumerate(vergadering.huiswerk, start=1):
            due = (taak.tegen or vergadering.datum).year
            state = done.get((id_, number))
            if not (state is True or (state is None and due != jaar) or due > jaar):
                found.append((id_, number, vergadering, taak))
    return found


ZONE_PLAN = "zvp"
"""The id the zone's ZVP answers to in ``aansluiting`` (``plan: zvp``)."""


def aligned_plans(project: Project) -> list[AnderPlan]:
    """The plans the integral plan aligns with: plan.yaml's, and the zone's ZVP.

    A municipality whose livb.yaml names the police zone's shared folder reads the ZVP there
    (as the plan ``zvp``, first, as the method names it first) instead of keeping a copy under
    ``afstemming``; a plan of its own with that id wins, and the zone's is left out. So the
    plans after the zone's (when there is one) are plan.yaml's, in its order.
    """
    plans = list(project.plan.afstemming)
    zone = project.zone
    if zone is not None and all(p.id != ZONE_PLAN for p in plans):
        zvp = zone.zvp
        plans.insert(
            0,
            AnderPlan(
                id=ZONE_PLAN,
                soort=Plansoort.ZVP,
                titel=zvp.titel,
                periode=zvp.periode,
                prioriteiten=list(zvp.prioriteiten),
            ),
        )
    return plans
