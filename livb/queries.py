"""The domain questions that rules, status and documents share, each answered in one place.

Who is the mayor, what is a body called, which decisions were taken, when does the protocol
with the FOD run, which link of the chain does a word stand for: every part of livb that
needs an answer asks here, so that a rule, ``livb status`` and a document never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from livb.dates import months_later
from livb.model import Project
from livb.model._tijd import eerste_dag
from livb.model.actoren import Actor, EigenSchakel, Rol, Schakel
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.organen import OPEN_OVERLEG, Overleg
from livb.model.stappen import Stap
from livb.model.vergadering import Vergadering
from livb.model.walk import actions

ORGAAN_NAMEN = {
    "kerngroep": "de kerngroep",
    "redactiecomite": "het redactiecomité",
    "pilootcomite": "het pilootcomité",
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
        return ORGAAN_NAMEN[orgaan]
    group = next((g for g in project.organen.projectgroepen if g.id == orgaan), None)
    if group is not None:
        return group.naam
    found = overleg(project, orgaan)
    return found.naam if found else orgaan


def is_open_session(project: Project, vergadering: Vergadering) -> bool:
    """Whether a meeting is an open session (a hearing, a forum): counted, not minuted."""
    found = overleg(project, vergadering.orgaan)
    return found is not None and found.soort in OPEN_OVERLEG


# -- meetings and interviews ----------------------------------------------------------------------


def held(vergadering: Vergadering, today: dt.date) -> bool:
    """Whether a meeting has taken place: its date (a vague date's first day) is not after today."""
    return vergadering.datum <= today


def meetings_for(project: Project, stap: Stap) -> list[tuple[str, Vergadering]]:
    """The meetings that serve a step, oldest first."""
    found = [(i, v) for i, v in project.vergaderingen.items() if stap in v.stappen]
    return sorted(found, key=lambda item: (item[1].datum, item[0]))


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
        and (bodies is None or b.door in bodies)
        and b.uitkomst in outcomes
        and (today is None or b.datum <= today)
    ]
    return sorted(found, key=lambda b: b.datum)


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
            counts["onbekend"] += 1
            continue
        schakel = link(project, actie.schakel)
        counts[schakel.value if schakel else actie.schakel.value] += 1
    return counts
