"""Draft decisions of the college and the gemeenteraad: one per decision the method asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from livb.core import formatting
from livb.core.formatting import join, long_date
from livb.core.words import count
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, dated
from livb.documents.views import Views, on_date
from livb.method import money
from livb.method.queries import decisions, mayor, meetings_for, plan_approved, protocol_period
from livb.model import Project
from livb.model._tijd import eerste_dag
from livb.model.actoren import Rol
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.instellingen import Bestuursvorm
from livb.model.stappen import Stap
from livb.word.ir import Missing

FLEMISH_PROVINCES = {
    "Antwerpen",
    "Limburg",
    "Oost-Vlaanderen",
    "Vlaams-Brabant",
    "West-Vlaanderen",
}
LOCAL_GOVERNMENT_DECREE = dt.date(2019, 1, 1)  # the decreet over het lokaal bestuur applies
MUNICIPAL_DECREE = dt.date(2007, 1, 1)  # the gemeentedecreet of 15 July 2005 applies
DECIDED = (Uitkomst.GOEDGEKEURD, Uitkomst.KENNISGENOMEN)
"""The outcomes that make the text a decision taken; a postponed or refused one is redrafted."""


@dataclass(frozen=True)
class Soort:
    """A decision the method asks of the college or the gemeenteraad.

    Attributes:
        id: the item on the command line (``--besluit college-plan``) and in the file name.
        door: the body that decides.
        onderwerp: the subject, as in besluiten.yaml.
        stap: the step of the method.
        text: the subject line, the considerations and the articles, from the views.
    """

    id: str
    door: Instantie
    onderwerp: Onderwerp
    stap: str
    text: Callable[[Views, Context], tuple[str, list[Any], list[Any]]]


def build(views: Views, item: str | None) -> Context:
    """The decision's body, session, legal basis, considerations and articles."""
    assert item is not None  # a document per decision
    soort = SOORTEN[item]
    common = views.common()
    recorded = _recorded(views.project, soort, views.today)
    taken = recorded is not None and recorded.uitkomst in DECIDED
    session = recorded.datum if taken and recorded else views.today
    context = common | _session(views, soort, recorded if taken else None, recorded, session)
    onderwerp, overwegingen, artikels = soort.text(views, context)
    if recorded is not None and not taken:
        who = "het college" if soort.door is Instantie.COLLEGE else "de gemeenteraad"
        when = on_date(recorded.datum)
        overwegingen = [
            *overwegingen,
            f"{who} de beslissing {when} uitstelde"
            if recorded.uitkomst is Uitkomst.UITGESTELD
            else f"{who} een eerder voorstel {when} afwees",
        ]
    subject = "Het college" if soort.door is Instantie.COLLEGE else "De gemeenteraad"
    return context | {
        "onderwerp": onderwerp,
        "gelet_op": _legal_basis(views, context, session, soort),
        "overwegingen": overwegingen,
        "artikels": [_with_subject(subject, parts) for parts in artikels],
        "datum": session,
    }


def _session(
    views: Views,
    soort: Soort,
    taken: Besluit | None,
    recorded: Besluit | None,
    session: dt.date,
) -> Context:
    """Who decides, when, with which reference and signatories: taken, or still to take."""
    director = _secretary_title(views, session)
    college = soort.door is Instantie.COLLEGE
    return {
        "soort": soort.id,
        "stap": _step(views.project, soort, session),
        "uitkomst": taken.uitkomst.value if taken else None,
        "orgaan": "college van burgemeester en schepenen" if college else "gemeenteraad",
        "het_orgaan": "het college van burgemeester en schepenen" if college else "de gemeenteraad",
        "zitting": taken.datum
        if taken
        else Missing(
            "de datum van de zitting", "besluiten.yaml", f"{soort.door} / {soort.onderwerp}"
        ),
        "referentie": views.field(taken, "referentie") or "" if taken else "",
        "genomen": taken is not None,
        "vorige_zitting": None
        if taken or recorded is None
        else {"datum": recorded.datum, "uitkomst": recorded.uitkomst.value},
        "directeur": _signatory(
            views,
            lambda a: a.rol is Rol.ALGEMEEN_DIRECTEUR,
            f"de {director} (een actor met rol: algemeen_directeur)",
        ),
        "directeur_titel": director,
        "raadsvoorzitter": _council_chair(views),
        "sessiedatum": session,
    }


def _signatory(views: Views, match: Callable[[Any], bool], label: str) -> Any:
    """The name of who signs the extract, or a gap saying how to name them."""
    for position, actor in enumerate(views.project.actoren.actoren):
        if match(actor):
            name = views.field(actor, "naam")
            return name or Missing(label, "actoren.yaml", f"actoren[{position}].naam")
    return Missing(label, "actoren.yaml", "actoren")


def _secretary_title(views: Views, session: dt.date) -> str:
    """Who countersigns: the algemeen directeur since 2019, the secretary before."""
    if session >= LOCAL_GOVERNMENT_DECREE:
        return "algemeen directeur"
    stad = views.project.instellingen.gemeente.bestuursvorm is Bestuursvorm.STAD
    return "stadssecretaris" if stad else "gemeentesecretaris"


def _council_chair(views: Views) -> Any:
    """Who chairs the council: an actor with that function, else the mayor (the default chair)."""

    def is_chair(actor: Any) -> bool:
        return (actor.functie or "").lower() == "voorzitter van de gemeenteraad"

    if any(is_chair(actor) for actor in views.project.actoren.actoren):
        return _signatory(views, is_chair, "de voorzitter van de gemeenteraad")
    if mayor(views.project) is not None:
        return _signatory(views, lambda a: a.rol is Rol.BURGEMEESTER, "de burgemeester")
    return Missing(
        "de voorzitter van de gemeenteraad (een actor met functie: voorzitter van de "
        "gemeenteraad, of de burgemeester)",
        "actoren.yaml",
        "actoren",
    )


def _with_subject(subject: str, parts: list[Any]) -> list[Any]:
    """An article as a sentence: 'keurt ... goed' becomes 'Het college keurt ... goed'."""
    first = parts[0]
    if isinstance(first, str) and first[:1].islower():
        return [f"{subject} {first}", *parts[1:]]
    return parts


def _recorded(project: Project, soort: Soort, today: dt.date | None) -> Besluit | None:
    found = decisions(
        project,
        soort.onderwerp,
        (soort.door,),
        (Uitkomst.GOEDGEKEURD, Uitkomst.KENNISGENOMEN, Uitkomst.UITGESTELD, Uitkomst.AFGEWEZEN),
        today,
    )
    return found[-1] if found else None


def _legal_basis(views: Views, context: Context, day: dt.date, soort: Soort) -> list[str]:
    province = views.project.instellingen.gemeente.provincie or ""
    basis = [
        "de Nieuwe Gemeentewet, inzonderheid artikel 135, § 2, dat de gemeente opdraagt te "
        "zorgen voor de veiligheid en de rust op haar grondgebied"
    ]
    if province in FLEMISH_PROVINCES and day >= LOCAL_GOVERNMENT_DECREE:
        basis.append("het decreet over het lokaal bestuur van 22 december 2017")
    elif province in FLEMISH_PROVINCES and day >= MUNICIPAL_DECREE:
        basis.append("het gemeentedecreet van 15 juli 2005")
    period = protocol_period(views.project, views.today)
    signed = period.start if period else None
    if signed and soort.onderwerp is not Onderwerp.PROTOCOLAKKOORD and signed <= day:
        basis.append(
            "het protocolakkoord met de FOD Binnenlandse Zaken, ondertekend op " + long_date(signed)
        )
    if soort.door is Instantie.GEMEENTERAAD:
        college = pv.latest(views, soort.onderwerp, Instantie.COLLEGE, views.today)
        basis.append(
            f"de beslissing van het college van burgemeester en schepenen van "
            f"{long_date(college.datum)}"
            if college
            else "de beslissing van het college van burgemeester en schepenen"
        )
        committee = [
            b
            for b in decisions(views.project, soort.onderwerp, (Instantie.RAADSCOMMISSIE,))
            if b.datum <= day
        ]
        if committee:
            when = long_date(committee[-1].datum)
            basis.append(f"de bespreking in de raadscommissie van {when}")
    return basis


def _held_meeting(views: Views, stap: Stap) -> dict[str, Any] | None:
    """The last meeting held for a step: its body (as a sentence names it) and its date."""
    held = [(i, v) for i, v in meetings_for(views.project, stap) if v.datum <= views.today]
    return pv.meeting_of(views, held[-1][0]) if held else None


def _kerngroep_met(views: Views, day: dt.date) -> bool:
    """Whether the kerngroep had met by a day: it is composed, no need to ask for it."""
    return any(
        v.orgaan == "kerngroep" and v.datum < day for v in views.project.vergaderingen.values()
    )


def _coordinator(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    title = views.project.instellingen.beleid.titel
    coordinator = c["coordinator"]
    name = coordinator["naam"] if isinstance(coordinator, dict) else coordinator
    function = (coordinator.get("functie") if isinstance(coordinator, dict) else "") or (
        "coördinator integrale veiligheid"
    )
    who_asks = (
        "de methode van de FOD Binnenlandse Zaken vraagt"
        if c["begeleiding"]
        else "een integraal veiligheidsbeleid vraagt"
    )
    secretary = views.project.organen.kerngroep.secretaris
    tasks = (
        "trekt het traject, is secretaris van de kerngroep"
        if secretary in (None, views.project.instellingen.coordinator)
        else "trekt het traject"
    )
    return (
        f"Aanstelling van de {function}",
        [
            f"{c['gemeente']['de_gemeente']} een lokaal integraal veiligheidsbeleid wil uitbouwen "
            f"onder de naam '{title}'",
            f"{who_asks} dat een coördinator met naam wordt aangewezen, met een duidelijke titel "
            "en opdracht",
            f"de coördinator best dicht bij de burgemeester en de {c['directeur_titel']} staat, "
            "om diensten en partners te kunnen samenbrengen",
        ],
        [
            ["stelt ", name, f" aan als {function}."],
            [f"De coördinator {tasks} en legt bij elke fase een rapport voor aan het college."],
            ["De coördinator werkt onder het gezag van de burgemeester."],
        ],
    )


def _start(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    title = views.project.instellingen.beleid.titel
    talks = pv.talks(views, views.today, ("1.2",))
    considerations: list[Any] = [
        f"{c['gemeente']['de_gemeente']} een lokaal integraal veiligheidsbeleid wil uitbouwen "
        f"onder de naam '{title}'",
    ]
    if talks:
        dates = join([long_date(t["datum"]) for t in talks])
        coordinator = views.project.instellingen.coordinator
        by_coordinator = any(coordinator in views.project.gesprekken[t["id"]].door for t in talks)
        talk = "een oriëntatiegesprek" if len(talks) == 1 else "oriëntatiegesprekken"
        considerations.append(
            f"de coördinator {talk} voerde met het bestuur (op {dates}) en daarover een rapport "
            "opmaakte"
            if by_coordinator
            else f"er {talk} met het bestuur {'plaatsvond' if len(talks) == 1 else 'plaatsvonden'} "
            f"(op {dates}), waarover een rapport werd opgemaakt"
        )
    if c["begeleiding"]:
        considerations.append(
            "de FOD Binnenlandse Zaken via een protocolakkoord een jaar lang procesbegeleiding en "
            "methodologische steun aanbiedt"
        )
    articles: list[Any] = [
        ["neemt kennis van het rapport van de oriëntatiegesprekken."],
        [
            f"beslist het traject '{title}' te starten volgens de methode van de FOD "
            "Binnenlandse Zaken, op basis van het protocolakkoord."
            if c["begeleiding"]
            else f"beslist het traject '{title}' te starten."
        ],
    ]
    if not _kerngroep_met(views, c["sessiedatum"]):
        articles.append(["vraagt de burgemeester de kerngroep samen te stellen."])
    return (f"Opstart van het traject '{title}'", considerations, articles)


def _protocol(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    start = pv.latest(views, Onderwerp.RAPPORT, Instantie.COLLEGE, views.today)
    considerations: list[Any] = []
    if start:
        considerations.append(f"het college {on_date(start.datum)} besliste het traject te starten")
    considerations += [
        "het protocolakkoord de verbintenissen van de FOD Binnenlandse Zaken en van "
        f"{c['gemeente']['de_gemeente']} vastlegt voor een jaar vanaf de ondertekening",
        "de gegevens die de partners daarvoor leveren vertrouwelijk blijven en enkel voor het "
        "traject gebruikt worden",
    ]
    return (
        "Protocolakkoord met de FOD Binnenlandse Zaken",
        considerations,
        [
            ["keurt het protocolakkoord met de FOD Binnenlandse Zaken goed."],
            ["machtigt de burgemeester, ", c["burgemeester"], ", om het te ondertekenen."],
            ["bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid."],
        ],
    )


def _intent(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    council = c["orgaan"] == "gemeenteraad"
    considerations = [
        "de intentieverklaring uitdrukt wat de "
        f"{c['gemeente']['bestuursvorm']} met het beleid wil bereiken en hoe ze zich inzet",
        "de verklaring het draagvlak voor het traject zichtbaar maakt",
    ]
    articles = [["keurt de intentieverklaring goed."]]
    articles.append(
        ["vraagt de burgemeester de verklaring te ondertekenen."]
        if council
        else ["legt de intentieverklaring voor aan de gemeenteraad."]
    )
    return (
        f"Intentieverklaring '{views.project.instellingen.beleid.titel}'",
        considerations,
        articles,
    )


def _progress(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    project = views.project
    considerations: list[Any] = []
    presented = _held_meeting(views, Stap.S2_4)
    if presented:
        considerations.append(
            f"de veiligheidsdiagnostiek {presented['op_datum']} aan "
            f"{presented['orgaan']} werd voorgesteld"
        )
    swot = _held_meeting(views, Stap.S2_5)
    if swot:
        considerations.append(f"{swot['orgaan']} {swot['op_datum']} een SWOT-analyse maakte")
    priorities = [views.field(p, "titel") for p in project.prioriteiten.prioriteiten]
    groups = {g.prioriteit for g in project.organen.projectgroepen}
    if priorities:
        chosen = pv.chosen_in(views, views.today)
        each = (
            ", elk met een projectgroep"
            if all(p.id in groups for p in project.prioriteiten.prioriteiten)
            else ""
        )
        number = count(len(priorities), "prioriteit", "prioriteiten")
        considerations.append(
            f"{chosen['orgaan']} {number} koos {chosen['op_datum']}{each}"
            if chosen
            else f"er {'een prioriteit' if len(priorities) == 1 else number} "
            f"{'voorligt' if len(priorities) == 1 else 'voorliggen'}{each}"
        )
    considerations.append(
        "de methode vraagt dat het college de diagnostiek, de prioriteiten en de projectgroepen "
        "goedkeurt, om het draagvlak voor het vervolg te verzekeren"
    )
    articles: list[Any] = [["keurt het voortgangsrapport en de veiligheidsdiagnostiek goed."]]
    if priorities:
        listed = [part for p in priorities for part in ("; ", p)][1:]
        articles.append(["keurt de prioriteiten goed: ", *listed, "."])
        if groups:
            articles.append(["keurt de samenstelling van de projectgroepen goed."])
    else:
        articles.append(
            [
                "keurt de prioriteiten goed: ",
                Missing("de prioriteiten", "prioriteiten.yaml", "prioriteiten"),
                ".",
            ]
        )
    return (
        "Voortgangsrapport: diagnostiek, prioriteiten en projectgroepen",
        considerations,
        articles,
    )


def _plan(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    beleid = c["beleid"]
    council = c["orgaan"] == "gemeenteraad"
    considerations: list[Any] = []
    presented = _held_meeting(views, Stap.S3_5)
    if presented:
        considerations.append(
            f"het plan {presented['op_datum']} aan {presented['orgaan']} werd voorgesteld"
        )
    progress = pv.latest(views, Onderwerp.VOORTGANGSRAPPORT, Instantie.COLLEGE, c["sessiedatum"])
    if progress:
        considerations.append(
            "het plan steunt op de veiligheidsdiagnostiek en de prioriteiten die het college "
            f"{on_date(progress.datum)} goedkeurde"
        )
    elif views.project.bevindingen.bevindingen:
        considerations.append("het plan steunt op de veiligheidsdiagnostiek")
    considerations.append(
        "het plan de prioriteiten vertaalt in strategische en operationele doelstellingen, "
        "indicatoren en acties"
    )
    articles: list[Any] = [["keurt het ", beleid["plannaam"], " goed, voor de periode van ",
                            beleid["van"], " tot ", beleid["tot"], "."]]  # fmt: skip
    if council:
        articles.append(["belast het college met de uitvoering en de opvolging van het plan."])
        articles.append(["vraagt het college elk jaar over de uitvoering te rapporteren."])
    else:
        articles.append(["legt het plan ter goedkeuring voor aan de gemeenteraad."])
        if c["begeleiding"]:
            articles.append(["bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid."])
    return (f"Goedkeuring van het {beleid['plannaam']}", considerations, articles)


def _evaluation(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    plan = pv.latest(views, Onderwerp.PLAN, Instantie.GEMEENTERAAD, views.today)
    considerations: list[Any] = []
    if plan:
        considerations.append(f"de gemeenteraad het plan {on_date(plan.datum)} goedkeurde")
    considerations.append(
        "het protocolakkoord vraagt het programma na één jaar te evalueren en die evaluatie aan "
        "het college voor te leggen"
        if c["protocol"]
        else "een evaluatie toont wat het plan bereikte en waar het bijgestuurd moet worden"
    )
    approves = c["uitkomst"] == Uitkomst.GOEDGEKEURD.value
    articles: list[Any] = [
        [
            "keurt de evaluatie van het plan goed."
            if approves
            else "neemt kennis van de evaluatie van het plan."
        ],
        ["vraagt de kerngroep het plan bij te sturen waar de evaluatie dat aangeeft."],
    ]
    if c["begeleiding"]:
        articles.append(["bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid."])
    return (f"Evaluatie van het {c['beleid']['plannaam']}", considerations, articles)


def _budget(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    """The plan's money per year and source, or a change of it, as the begroting shows it."""
    project = views.project
    council = c["orgaan"] == "gemeenteraad"
    lines = money.budget_lines(project)
    considerations: list[Any] = []
    plan = pv.latest(views, Onderwerp.PLAN, Instantie.GEMEENTERAAD, views.today)
    if plan:
        considerations.append(f"de gemeenteraad het plan {on_date(plan.datum)} goedkeurde")
    earlier = pv.latest(views, Onderwerp.BEGROTING, Instantie.GEMEENTERAAD, views.today)
    if earlier:
        considerations.append(
            f"de gemeenteraad de begroting van het plan {on_date(earlier.datum)} goedkeurde en "
            "ze nu wijzigt"
        )
    considerations.append(
        "de begroting van het plan het geld van elke actie per jaar en per financieringsbron "
        "op een rij zet"
    )
    if lines:
        per_year = money.by_year(lines)
        years = sorted(year for year in per_year if year is not None)
        shown = [f"{formatting.money(per_year[year])} in {year}" for year in years]
        whole = per_year.get(None)
        if whole:
            shown.append(f"{formatting.money(whole)} voor de hele looptijd")
        total = formatting.money(money.total(lines))
        articles: list[Any] = [
            [f"keurt de begroting van het plan goed: samen {total}, namelijk {join(shown)}."]
        ]
    else:
        articles = [
            [
                "keurt de begroting van het plan goed: ",
                Missing("de middelen van de acties", "doelstellingen/", "acties[].middelen"),
                ".",
            ]
        ]
    if not council:
        articles.append(["legt de begroting ter goedkeuring voor aan de gemeenteraad."])
    articles.append(["vraagt de financiële dienst de middelen op te nemen in het meerjarenplan."])
    return (f"Begroting van het {c['beleid']['plannaam']}", considerations, articles)


SOORTEN = {
    s.id: s
    for s in (
        Soort(
            "college-coordinator",
            Instantie.COLLEGE,
            Onderwerp.AANSTELLING_COORDINATOR,
            "1.1",
            _coordinator,
        ),
        Soort("college-opstart", Instantie.COLLEGE, Onderwerp.RAPPORT, "1.3", _start),
        Soort("college-protocol", Instantie.COLLEGE, Onderwerp.PROTOCOLAKKOORD, "1.4", _protocol),
        Soort(
            "college-intentieverklaring",
            Instantie.COLLEGE,
            Onderwerp.INTENTIEVERKLARING,
            "1.4",
            _intent,
        ),
        Soort(
            "gemeenteraad-intentieverklaring",
            Instantie.GEMEENTERAAD,
            Onderwerp.INTENTIEVERKLARING,
            "1.4",
            _intent,
        ),
        Soort(
            "college-voortgangsrapport",
            Instantie.COLLEGE,
            Onderwerp.VOORTGANGSRAPPORT,
            "2.7",
            _progress,
        ),
        Soort("college-plan", Instantie.COLLEGE, Onderwerp.PLAN, "3.6", _plan),
        Soort("gemeenteraad-plan", Instantie.GEMEENTERAAD, Onderwerp.PLAN, "3.6", _plan),
        Soort("college-evaluatie", Instantie.COLLEGE, Onderwerp.EVALUATIE, "4.2, 5.3", _evaluation),
        Soort("college-begroting", Instantie.COLLEGE, Onderwerp.BEGROTING, "3.6, 4.1", _budget),
        Soort(
            "gemeenteraad-begroting",
            Instantie.GEMEENTERAAD,
            Onderwerp.BEGROTING,
            "3.6, 4.1",
            _budget,
        ),
    )
}


def _step(project: Project, soort: Soort, session: Any) -> str:
    """The step of the decision: its kind's, or the one of the moment it is taken.

    An evaluation is 4.2 in the plan period and 5.3 after it; a budget is 3.6 with the plan
    and 4.1 once the plan is carried out.
    """
    if soort.onderwerp is Onderwerp.BEGROTING:
        approved = plan_approved(project)
        return "4.1" if approved is not None and approved.datum < eerste_dag(session) else "3.6"
    if soort.onderwerp is not Onderwerp.EVALUATIE:
        return soort.stap
    periode = project.instellingen.beleid.periode
    after = periode is not None and eerste_dag(session) > periode.tot
    return "5.3" if after else "4.2"


def _items(project: Project) -> list[str]:
    """The decisions in besluiten.yaml: a draft of one still to come is asked for by name."""
    return [id_ for id_, soort in SOORTEN.items() if _recorded(project, soort, None)]


def _choices(project: Project) -> list[str]:
    return list(SOORTEN)


def _title(context: Context) -> str:
    kind = "Besluit" if context["genomen"] else "Ontwerp van besluit"
    return f"{kind}: {context['onderwerp']}"


def _date(context: Context) -> dt.date | None:
    return dated(context["zitting"])


DOCUMENT = Document(
    name="besluit",
    title="Ontwerp van besluit van college of gemeenteraad",
    stap="1.1–5",
    template="besluit.md.j2",
    filename="besluit-{item}.docx",
    build=build,
    why_not=lambda project, today: None,
    per="besluit",
    items=_items,
    choices=_choices,
    heading=_title,
    date=_date,
)
