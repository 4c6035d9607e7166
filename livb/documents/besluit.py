"""Draft decisions of the college and the gemeenteraad: one per decision the method asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from livb.core import formatting
from livb.core.formatting import join, long_date
from livb.core.i18n import language, tr
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
        who = tr("het college") if soort.door is Instantie.COLLEGE else tr("de gemeenteraad")
        when = on_date(recorded.datum)
        overwegingen = [
            *overwegingen,
            tr("{wie} de beslissing {wanneer} uitstelde", wie=who, wanneer=when)
            if recorded.uitkomst is Uitkomst.UITGESTELD
            else tr("{wie} een eerder voorstel {wanneer} afwees", wie=who, wanneer=when),
        ]
    subject = tr("Het college") if soort.door is Instantie.COLLEGE else tr("De gemeenteraad")
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
        "orgaan_naam": _college_name(views) if college else tr("gemeenteraad"),
        "van_het_college": _college_name(views),
        "gewest": pv.region(views.project),
        "zitting": taken.datum
        if taken
        else Missing(
            tr("de datum van de zitting"), "besluiten.yaml", f"{soort.door} / {soort.onderwerp}"
        ),
        "referentie": views.field(taken, "referentie") or "" if taken else "",
        "genomen": taken is not None,
        "vorige_zitting": None
        if taken or recorded is None
        else {"datum": recorded.datum, "uitkomst": recorded.uitkomst.value},
        "directeur": _signatory(
            views,
            lambda a: a.rol is Rol.ALGEMEEN_DIRECTEUR,
            tr("de {titel} (een actor met rol: algemeen_directeur)", titel=director),
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
    """Who countersigns: the algemeen directeur since 2019 in Flanders, the secretary before.

    In Wallonia the directeur général (the CDLD's title); in Brussels the secrétaire communal.
    """
    region = pv.region(views.project)
    if region == pv.WALLONIE:
        return tr("algemeen directeur")
    if region == pv.BRUSSEL:
        return tr("gemeentesecretaris")
    if session >= LOCAL_GOVERNMENT_DECREE:
        return tr("algemeen directeur")
    stad = views.project.instellingen.gemeente.bestuursvorm is Bestuursvorm.STAD
    return tr("stadssecretaris") if stad else tr("gemeentesecretaris")


def _college_name(views: Views) -> str:
    """The college as its region's law names it: in French, Brussels has its own name."""
    if language() == "fr" and pv.region(views.project) == pv.BRUSSEL:
        return tr("college van burgemeester en schepenen van een Brusselse gemeente")
    return tr("college van burgemeester en schepenen")


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
    basis = [
        tr(
            "de Nieuwe Gemeentewet, inzonderheid artikel 135, § 2, dat de gemeente opdraagt te "
            "zorgen voor de veiligheid en de rust op haar grondgebied"
        ),
        *_regional_law(pv.region(views.project), day),
    ]
    period = protocol_period(views.project, views.today)
    signed = period.start if period else None
    if signed and soort.onderwerp is not Onderwerp.PROTOCOLAKKOORD and signed <= day:
        basis.append(
            tr(
                "het protocolakkoord met de FOD Binnenlandse Zaken, ondertekend op {datum}",
                datum=long_date(signed),
            )
        )
    if soort.door is Instantie.GEMEENTERAAD:
        college = pv.latest(views, soort.onderwerp, Instantie.COLLEGE, views.today)
        basis.append(
            tr("de beslissing van het {college} van {datum}", college=context["van_het_college"],
               datum=long_date(college.datum))
            if college
            else tr("de beslissing van het {college}", college=context["van_het_college"])
        )  # fmt: skip
        committee = [
            b
            for b in decisions(views.project, soort.onderwerp, (Instantie.RAADSCOMMISSIE,))
            if b.datum <= day
        ]
        if committee:
            when = long_date(committee[-1].datum)
            basis.append(tr("de bespreking in de raadscommissie van {datum}", datum=when))
    return basis


def _regional_law(region: str, day: dt.date) -> list[str]:
    """The law that organises the gemeente's bodies, by its region and the session's day."""
    if region == pv.WALLONIE:
        return [
            tr(
                "het Wetboek van de plaatselijke democratie en de decentralisatie, dat de "
                "bevoegdheden van de gemeenteraad en van het college regelt"
            )
        ]
    if region == pv.BRUSSEL:
        return [
            tr(
                "de Nieuwe Gemeentewet zoals die in het Brussels Hoofdstedelijk Gewest van "
                "toepassing is, die de bevoegdheden van de gemeenteraad en van het college regelt"
            )
        ]
    if region != pv.VLAANDEREN:
        return []
    if day >= LOCAL_GOVERNMENT_DECREE:
        return [tr("het decreet over het lokaal bestuur van 22 december 2017")]
    if day >= MUNICIPAL_DECREE:
        return [tr("het gemeentedecreet van 15 juli 2005")]
    return []


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
        tr("coördinator integrale veiligheid")
    )
    who_asks = (
        tr("de methode van de FOD Binnenlandse Zaken vraagt")
        if c["begeleiding"]
        else tr("een integraal veiligheidsbeleid vraagt")
    )
    secretary = views.project.organen.kerngroep.secretaris
    tasks = (
        tr("De coördinator trekt het traject, is secretaris van de kerngroep en legt bij elke "
           "fase een rapport voor aan het college.")
        if secretary in (None, views.project.instellingen.coordinator)
        else tr("De coördinator trekt het traject en legt bij elke fase een rapport voor aan het "
                "college.")
    )  # fmt: skip
    return (
        tr("Aanstelling van de {functie}", functie=function),
        [
            _wants_policy(c, title),
            tr(
                "{wie_vraagt} dat een coördinator met naam wordt aangewezen, met een duidelijke "
                "titel en opdracht",
                wie_vraagt=who_asks,
            ),
            tr(
                "de coördinator best dicht bij de burgemeester en de {directeur} staat, om "
                "diensten en partners te kunnen samenbrengen",
                directeur=c["directeur_titel"],
            ),
        ],
        [
            [tr("stelt "), name, tr(" aan als {functie}.", functie=function)],
            [tasks],
            [tr("De coördinator werkt onder het gezag van de burgemeester.")],
        ],
    )


def _wants_policy(c: Context, title: str) -> str:
    return tr(
        "{de_gemeente} een lokaal integraal veiligheidsbeleid wil uitbouwen onder de naam "
        "'{titel}'",
        de_gemeente=c["gemeente"]["de_gemeente"],
        titel=title,
    )


def _talks_held(views: Views, talks: list[dict[str, Any]]) -> str:
    dates = join([long_date(t["datum"]) for t in talks])
    coordinator = views.project.instellingen.coordinator
    by_coordinator = any(coordinator in views.project.gesprekken[t["id"]].door for t in talks)
    one = len(talks) == 1
    if by_coordinator:
        return (
            tr("de coördinator een oriëntatiegesprek voerde met het bestuur (op {datums}) en "
               "daarover een rapport opmaakte", datums=dates)
            if one
            else tr("de coördinator oriëntatiegesprekken voerde met het bestuur (op {datums}) en "
                    "daarover een rapport opmaakte", datums=dates)
        )  # fmt: skip
    return (
        tr("er een oriëntatiegesprek met het bestuur plaatsvond (op {datums}), waarover een "
           "rapport werd opgemaakt", datums=dates)
        if one
        else tr("er oriëntatiegesprekken met het bestuur plaatsvonden (op {datums}), waarover "
                "een rapport werd opgemaakt", datums=dates)
    )  # fmt: skip


def _start(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    title = views.project.instellingen.beleid.titel
    talks = pv.talks(views, views.today, ("1.2",))
    considerations: list[Any] = [_wants_policy(c, title)]
    if talks:
        considerations.append(_talks_held(views, talks))
    if c["begeleiding"]:
        considerations.append(
            tr(
                "de FOD Binnenlandse Zaken via een protocolakkoord een jaar lang "
                "procesbegeleiding en methodologische steun aanbiedt"
            )
        )
    articles: list[Any] = [
        [tr("neemt kennis van het rapport van de oriëntatiegesprekken.")],
        [
            tr(
                "beslist het traject '{titel}' te starten volgens de methode van de FOD "
                "Binnenlandse Zaken, op basis van het protocolakkoord.",
                titel=title,
            )
            if c["begeleiding"]
            else tr("beslist het traject '{titel}' te starten.", titel=title)
        ],
    ]
    if not _kerngroep_met(views, c["sessiedatum"]):
        articles.append([tr("vraagt de burgemeester de kerngroep samen te stellen.")])
    return (tr("Opstart van het traject '{titel}'", titel=title), considerations, articles)


def _protocol(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    start = pv.latest(views, Onderwerp.RAPPORT, Instantie.COLLEGE, views.today)
    considerations: list[Any] = []
    if start:
        considerations.append(
            tr(
                "het college {wanneer} besliste het traject te starten",
                wanneer=on_date(start.datum),
            )
        )
    considerations += [
        tr(
            "het protocolakkoord de verbintenissen van de FOD Binnenlandse Zaken en van "
            "{de_gemeente} vastlegt voor een jaar vanaf de ondertekening",
            de_gemeente=c["gemeente"]["de_gemeente"],
        ),
        tr(
            "de gegevens die de partners daarvoor leveren vertrouwelijk blijven en enkel voor "
            "het traject gebruikt worden"
        ),
    ]
    return (
        tr("Protocolakkoord met de FOD Binnenlandse Zaken"),
        considerations,
        [
            [tr("keurt het protocolakkoord met de FOD Binnenlandse Zaken goed.")],
            [tr("machtigt de burgemeester, "), c["burgemeester"], tr(", om het te ondertekenen.")],
            [tr("bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid.")],
        ],
    )


def _intent(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    council = c["orgaan"] == "gemeenteraad"
    considerations = [
        tr(
            "de intentieverklaring uitdrukt wat de {bestuursvorm} met het beleid wil bereiken "
            "en hoe ze zich inzet",
            bestuursvorm=c["gemeente"]["bestuursvorm"],
        ),
        tr("de verklaring het draagvlak voor het traject zichtbaar maakt"),
    ]
    articles = [[tr("keurt de intentieverklaring goed.")]]
    articles.append(
        [tr("vraagt de burgemeester de verklaring te ondertekenen.")]
        if council
        else [tr("legt de intentieverklaring voor aan de gemeenteraad.")]
    )
    return (
        tr("Intentieverklaring '{titel}'", titel=views.project.instellingen.beleid.titel),
        considerations,
        articles,
    )


def _progress(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    project = views.project
    considerations: list[Any] = []
    presented = _held_meeting(views, Stap.S2_4)
    if presented:
        considerations.append(
            tr(
                "de veiligheidsdiagnostiek {wanneer} aan {orgaan} werd voorgesteld",
                wanneer=presented["op_datum"],
                orgaan=presented["orgaan"],
            )
        )
    swot = _held_meeting(views, Stap.S2_5)
    if swot:
        considerations.append(
            tr(
                "{orgaan} {wanneer} een SWOT-analyse maakte",
                orgaan=swot["orgaan"],
                wanneer=swot["op_datum"],
            )
        )
    priorities = [views.field(p, "titel") for p in project.prioriteiten.prioriteiten]
    groups = {g.prioriteit for g in project.organen.projectgroepen}
    if priorities:
        considerations.append(_priorities_chosen(views, priorities, groups))
    considerations.append(
        tr(
            "de methode vraagt dat het college de diagnostiek, de prioriteiten en de "
            "projectgroepen goedkeurt, om het draagvlak voor het vervolg te verzekeren"
        )
    )
    articles: list[Any] = [[tr("keurt het voortgangsrapport en de veiligheidsdiagnostiek goed.")]]
    if priorities:
        listed = [part for p in priorities for part in ("; ", p)][1:]
        articles.append([tr("keurt de prioriteiten goed: "), *listed, "."])
        if groups:
            articles.append([tr("keurt de samenstelling van de projectgroepen goed.")])
    else:
        articles.append(
            [
                tr("keurt de prioriteiten goed: "),
                Missing(tr("de prioriteiten"), "prioriteiten.yaml", "prioriteiten"),
                ".",
            ]
        )
    return (
        tr("Voortgangsrapport: diagnostiek, prioriteiten en projectgroepen"),
        considerations,
        articles,
    )


def _priorities_chosen(views: Views, priorities: list[Any], groups: set[str]) -> str:
    """Who chose the priorities and when, or that they lie before the college."""
    project = views.project
    chosen = pv.chosen_in(views, views.today)
    each = all(p.id in groups for p in project.prioriteiten.prioriteiten)
    if chosen:
        number = count(len(priorities), tr("prioriteit"), tr("prioriteiten"))
        return (
            tr("{orgaan} {aantal} koos {wanneer}, elk met een projectgroep",
               orgaan=chosen["orgaan"], aantal=number, wanneer=chosen["op_datum"])
            if each
            else tr("{orgaan} {aantal} koos {wanneer}", orgaan=chosen["orgaan"], aantal=number,
                    wanneer=chosen["op_datum"])
        )  # fmt: skip
    if len(priorities) == 1:
        return (
            tr("er een prioriteit voorligt, elk met een projectgroep")
            if each
            else tr("er een prioriteit voorligt")
        )
    number = count(len(priorities), tr("prioriteit"), tr("prioriteiten"))
    return (
        tr("er {aantal} voorliggen, elk met een projectgroep", aantal=number)
        if each
        else tr("er {aantal} voorliggen", aantal=number)
    )


def _plan(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    beleid = c["beleid"]
    council = c["orgaan"] == "gemeenteraad"
    considerations: list[Any] = []
    presented = _held_meeting(views, Stap.S3_5)
    if presented:
        considerations.append(
            tr(
                "het plan {wanneer} aan {orgaan} werd voorgesteld",
                wanneer=presented["op_datum"],
                orgaan=presented["orgaan"],
            )
        )
    progress = pv.latest(views, Onderwerp.VOORTGANGSRAPPORT, Instantie.COLLEGE, c["sessiedatum"])
    if progress:
        considerations.append(
            tr(
                "het plan steunt op de veiligheidsdiagnostiek en de prioriteiten die het college "
                "{wanneer} goedkeurde",
                wanneer=on_date(progress.datum),
            )
        )
    elif views.project.bevindingen.bevindingen:
        considerations.append(tr("het plan steunt op de veiligheidsdiagnostiek"))
    considerations.append(
        tr(
            "het plan de prioriteiten vertaalt in strategische en operationele doelstellingen, "
            "indicatoren en acties"
        )
    )
    articles: list[Any] = [[tr("keurt het "), beleid["plannaam"], tr(" goed, voor de periode van "),
                            beleid["van"], tr(" tot "), beleid["tot"], "."]]  # fmt: skip
    if council:
        articles.append([tr("belast het college met de uitvoering en de opvolging van het plan.")])
        articles.append([tr("vraagt het college elk jaar over de uitvoering te rapporteren.")])
    else:
        articles.append([tr("legt het plan ter goedkeuring voor aan de gemeenteraad.")])
        if c["begeleiding"]:
            articles.append(
                [tr("bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid.")]
            )
    return (
        tr("Goedkeuring van het {plannaam}", plannaam=beleid["plannaam"]),
        considerations,
        articles,
    )


def _evaluation(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    plan = pv.latest(views, Onderwerp.PLAN, Instantie.GEMEENTERAAD, views.today)
    considerations: list[Any] = []
    if plan:
        considerations.append(
            tr("de gemeenteraad het plan {wanneer} goedkeurde", wanneer=on_date(plan.datum))
        )
    considerations.append(
        tr(
            "het protocolakkoord vraagt het programma na één jaar te evalueren en die evaluatie "
            "aan het college voor te leggen"
        )
        if c["protocol"]
        else tr("een evaluatie toont wat het plan bereikte en waar het bijgestuurd moet worden")
    )
    approves = c["uitkomst"] == Uitkomst.GOEDGEKEURD.value
    articles: list[Any] = [
        [
            tr("keurt de evaluatie van het plan goed.")
            if approves
            else tr("neemt kennis van de evaluatie van het plan.")
        ],
        [tr("vraagt de kerngroep het plan bij te sturen waar de evaluatie dat aangeeft.")],
    ]
    if c["begeleiding"]:
        articles.append([tr("bezorgt dit besluit aan de Directie Lokale Integrale Veiligheid.")])
    return (
        tr("Evaluatie van het {plannaam}", plannaam=c["beleid"]["plannaam"]),
        considerations,
        articles,
    )


def _budget(views: Views, c: Context) -> tuple[str, list[Any], list[Any]]:
    """The plan's money per year and source, or a change of it, as the begroting shows it."""
    project = views.project
    council = c["orgaan"] == "gemeenteraad"
    lines = money.budget_lines(project)
    considerations: list[Any] = []
    plan = pv.latest(views, Onderwerp.PLAN, Instantie.GEMEENTERAAD, views.today)
    if plan:
        considerations.append(
            tr("de gemeenteraad het plan {wanneer} goedkeurde", wanneer=on_date(plan.datum))
        )
    earlier = pv.latest(views, Onderwerp.BEGROTING, Instantie.GEMEENTERAAD, views.today)
    if earlier:
        considerations.append(
            tr(
                "de gemeenteraad de begroting van het plan {wanneer} goedkeurde en ze nu wijzigt",
                wanneer=on_date(earlier.datum),
            )
        )
    considerations.append(
        tr(
            "de begroting van het plan het geld van elke actie per jaar en per "
            "financieringsbron op een rij zet"
        )
    )
    articles = [_budget_article(lines)]
    if not council:
        articles.append([tr("legt de begroting ter goedkeuring voor aan de gemeenteraad.")])
    articles.append(
        [tr("vraagt de financiële dienst de middelen op te nemen in het meerjarenplan.")]
    )
    return (
        tr("Begroting van het {plannaam}", plannaam=c["beleid"]["plannaam"]),
        considerations,
        articles,
    )


def _budget_article(lines: Any) -> list[Any]:
    """The article approving the budget: the total and the amount of each year."""
    if not lines:
        return [
            tr("keurt de begroting van het plan goed: "),
            Missing(tr("de middelen van de acties"), "doelstellingen/", "acties[].middelen"),
            ".",
        ]
    per_year = money.by_year(lines)
    years = sorted(year for year in per_year if year is not None)
    shown = [
        tr("{bedrag} in {jaar}", bedrag=formatting.money(per_year[year]), jaar=year)
        for year in years
    ]
    whole = per_year.get(None)
    if whole:
        shown.append(tr("{bedrag} voor de hele looptijd", bedrag=formatting.money(whole)))
    total = formatting.money(money.total(lines))
    return [
        tr(
            "keurt de begroting van het plan goed: samen {totaal}, namelijk {bedragen}.",
            totaal=total,
            bedragen=join(shown),
        )
    ]


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
    if context["genomen"]:
        return tr("Besluit: {onderwerp}", onderwerp=context["onderwerp"])
    return tr("Ontwerp van besluit: {onderwerp}", onderwerp=context["onderwerp"])


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
