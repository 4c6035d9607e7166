"""The views shared by the documents: plain data for the templates, Missing where data is absent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from livb.core import i18n
from livb.core.formatting import join, long_date, money, number, short_date
from livb.core.i18n import N_, tr
from livb.documents._base import DRAFT_TEXT, key_of
from livb.folder.gemeenten import by_nis
from livb.history.diff import Change
from livb.history.versions import Revision
from livb.method.figures import PER_LABELS, Line, ShownFigures, comparison, shown_figures
from livb.method.money import action_budget
from livb.method.queries import (
    decisions,
    fod_begeleiding,
    is_open_session,
    mayor,
    orgaan_naam,
    orgaan_soort,
    plan_approved,
)
from livb.method.themas import themes
from livb.model import Project
from livb.model._tijd import Precisie, precisie
from livb.model.actoren import Actor, Schakel
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.diagnostiek import Gegevenssoort, Onveiligheid, Per
from livb.model.instellingen import Bestuursvorm
from livb.model.plan import Plansoort
from livb.model.stappen import STAP_TITELS
from livb.model.vergadering import Vergadering
from livb.model.walk import model_places
from livb.word.ir import FieldText, Missing

GEBIEDSSOORTEN = {
    "": "",
    "zone": N_("politiezone"),
    "arrondissement": N_("arrondissement"),
    "provincie": N_("provincie"),
    "gewest": N_("gewest"),
    "gelijkaardige_gemeenten": N_("gelijkaardige gemeenten"),
}
"""The kinds of comparison area as a document names them."""

BESTUURSVORMEN = {Bestuursvorm.GEMEENTE: N_("gemeente"), Bestuursvorm.STAD: N_("stad")}
"""How a sentence names the municipality's form: 'de stad Halle', 'la ville de Namur'."""

ONVEILIGHEID = {
    Onveiligheid.OBJECTIEF: N_("objectief"),
    Onveiligheid.SUBJECTIEF: N_("subjectief"),
    Onveiligheid.BEIDE: N_("beide"),
}
"""How a finding's kind of insecurity is printed (``woord`` in a template finds these)."""

SOORT_TITELS = {
    Gegevenssoort.FEIT: N_("Feitgerelateerde gegevens"),
    Gegevenssoort.WAARNEMING: N_("Waarnemingsgerelateerde gegevens"),
    Gegevenssoort.CONTEXT: N_("Contextgerelateerde gegevens"),
}


def or_missing(value: Any, label: str, file: str, key: str) -> Any:
    """The value, or a gap to fill in (with where it belongs) when it is empty."""
    if value is None or value == "" or value == []:
        return Missing(label, file, key)
    return value


def field_place(path: str, loc: tuple[Any, ...]) -> str:
    """A field's place as documents carry it: ``doelstellingen/jeugd.yaml#/titel``."""
    return f"{path}#/" + "/".join(str(part) for part in loc)


def has_mayor(project: Project) -> bool:
    """Whether the folder names a mayor (the party of the declaration and the protocol)."""
    return mayor(project) is not None


@dataclass(frozen=True)
class Comparison:
    """What changed since an earlier version of the folder in git (``--wijzigingen-sinds``).

    Attributes:
        sinds: the earlier version.
        tot: the version the document shows; None for the folder as it is now.
        changes: the changes, in the order of the plan.
    """

    sinds: Revision
    tot: Revision | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class DocumentOptions:
    """What a render request adds to the folder's data, for the documents that take it.

    Attributes:
        wijzigingen: the changes since an earlier version (the plan's annex).
    """

    wijzigingen: Comparison | None = None


class Views:
    """Builds the plain data the templates get, from a validated project; one per render."""

    def __init__(
        self, project: Project, today: dt.date, options: DocumentOptions | None = None
    ) -> None:
        self.project = project
        self.today = today
        self.options = options or DocumentOptions()
        # where each object of the folder stands in its file: for gaps in their texts, and
        # for the marks that let an edited document come back (livb import)
        self._places = model_places(project, confidential=False)
        self.actors = {a.id: a for a in project.actoren.actoren}
        self._views = {
            a.id: self._actor_view(a, position)
            for position, a in enumerate(project.actoren.actoren)
        }

    def field(self, item: Any, name: str, index: int | None = None) -> Any:
        """A text of the folder, marked with its place (``plan.yaml#/visie``) for the document.

        ``index`` picks one text of a list of texts. Only a non-empty text is marked, and only
        one of a file that may be shown (never a confidential interview's): anything else
        comes back as it is.
        """
        value = getattr(item, name)
        loc: tuple[Any, ...] = (name,)
        if index is not None:
            value, loc = value[index], (name, index)
        where = self._places.get(id(item))
        if where is None or not isinstance(value, str) or not value.strip():
            return value
        if DRAFT_TEXT.search(value):
            return self.skeleton_gap(item, name) if index is None else value
        path, own = where
        return FieldText(value, field_place(path, (*own, *loc)))

    def skeleton_gap(self, item: Any, field: str) -> Any:
        """A goal's, indicator's or action's text; a gap while it is a skeleton's placeholder.

        ``livb new doelstelling`` writes '(in te vullen: de actie)' where the coordinator still
        has to write; a draft shows it as a gap (highlighted, with its file and key) and a final
        version refuses it like any other.
        """
        text = getattr(item, field)
        if not isinstance(text, str) or not DRAFT_TEXT.search(text):
            return text
        path, loc = self._places.get(id(item), ("", ()))
        label = text.strip().strip("()").partition(":")[2].strip() or tr("de tekst")
        return Missing(label, path, key_of((*loc, field)))

    # -- shared pieces ---------------------------------------------------------------------------

    def actor(self, id_: str | None, role: str | None = None) -> dict[str, Any] | Missing:
        """An actor as the documents show it (or Missing when unknown or unnamed)."""
        if id_ is None or id_ not in self._views:
            return Missing(role or tr("de persoon"), "actoren.yaml", id_ or "id")
        return self._views[id_]

    def _actor_view(self, actor: Actor, position: int) -> dict[str, Any]:
        functie = actor.functie or (actor.rol.value.replace("_", " ") if actor.rol else "")
        who = _who(functie) if functie else actor.id
        naam = or_missing(
            self.field(actor, "naam"),
            tr("de naam van {wie}", wie=who),
            "actoren.yaml",
            f"actoren[{position}].naam",
        )
        return {
            "id": actor.id,
            "naam": naam,
            "functie": self.field(actor, "functie") if actor.functie else functie,
            "organisatie": self.field(actor, "organisatie") or "",
            "aanspreking": self.field(actor, "aanspreking") or "",
            "sector": actor.sector.value if actor.sector else "",
            "schakels": [s.value for s in actor.schakels],
            "email": actor.email or "",
        }

    def people(self, ids: list[str]) -> list[dict[str, Any] | Missing]:
        """Several actors."""
        return [self.actor(i) for i in ids]

    def common(self) -> dict[str, Any]:
        """What every document shows: the gemeente, its policy, its people."""
        config = self.project.instellingen
        gemeente = config.gemeente
        burgemeester = mayor(self.project)
        begeleiding = config.begeleiding
        periode = config.beleid.periode
        return {
            "gemeente": gemeente_view(gemeente),
            "methode": self.method(),
            "protocol": self.has_protocol(),
            "begeleiding": fod_begeleiding(self.project),
            "plan_goedgekeurd": plan_approved(self.project, self.today) is not None,
            "pilootcomite": self.people(self.project.organen.pilootcomite.leden),
            "beleid": {
                "titel": config.beleid.titel,
                "plannaam": config.beleid.plannaam,
                "van": periode.van
                if periode
                else Missing(tr("het begin van de planperiode"), "livb.yaml", "beleid.periode.van"),
                "tot": periode.tot
                if periode
                else Missing(tr("het einde van de planperiode"), "livb.yaml", "beleid.periode.tot"),
            },
            "burgemeester": self._views[burgemeester.id]
            if burgemeester
            else Missing(
                tr("de burgemeester (een actor met rol: burgemeester)"), "actoren.yaml", "actoren"
            ),
            "coordinator": self.actor(config.coordinator, tr("de coördinator")),
            "fod": self.actor(
                begeleiding.fod_vertegenwoordiger, tr("de vertegenwoordiger van de FOD")
            )
            if begeleiding.fod_vertegenwoordiger
            else Missing(
                tr("de vertegenwoordiger van de FOD"),
                "livb.yaml",
                "begeleiding.fod_vertegenwoordiger",
            ),
            "adviseurs": self.people(begeleiding.lokaal_adviseurs),
            "provincie_partij": self.actor(begeleiding.provincie_vertegenwoordiger)
            if begeleiding.provincie_vertegenwoordiger
            else None,
            "kerngroep": self.people(self.project.organen.kerngroep.leden),
            "vandaag": self.today,
        }

    def rule_off(self, code: str, *subjects: str) -> bool:
        """Whether the gemeente switched a rule of the method off (livb.yaml, regels).

        Without subjects: off for the whole folder (an entry without ``voor``). With subjects
        (an id, a file): also off when an entry names one of them under ``voor``.
        """
        return any(
            r.code == code and (not r.voor or bool(set(r.voor).intersection(subjects)))
            for r in self.project.instellingen.regels.uitgeschakeld
        )

    def method(self) -> dict[str, bool]:
        """Which of the method's demands the gemeente follows: a text claims only those.

        A rule switched off in livb.yaml is a deliberate local choice; the documents then do
        not promise or claim what the rule asks.
        """
        return {
            "hoogstens_vijf": not self.rule_off("LIVB201"),
            "keten_in_kerngroep": not self.rule_off("LIVB203"),
            "swot": not self.rule_off("LIVB210"),
            "drie_soorten": not self.rule_off("LIVB213"),
            "meetbaar": not self.rule_off("LIVB218"),
        }

    def has_protocol(self) -> bool:
        """Whether the folder records a protocolakkoord with the FOD (signed or approved)."""
        return bool(decisions(self.project, Onderwerp.PROTOCOLAKKOORD, today=self.today))

    def decision(self, onderwerp: Onderwerp, door: Instantie, uitkomst: Uitkomst) -> Besluit | None:
        """The latest decision of a body on a subject with this outcome, up to today."""
        found = decisions(self.project, onderwerp, (door,), (uitkomst,), today=self.today)
        return found[-1] if found else None

    def decision_date(
        self, onderwerp: Onderwerp, door: Instantie, uitkomst: Uitkomst, label: str
    ) -> Any:
        """The date of that decision, or a gap naming where it belongs."""
        found = self.decision(onderwerp, door, uitkomst)
        if found is None:
            return Missing(label, "besluiten.yaml", f"{door.value} / {onderwerp.value}")
        return found.datum

    # -- documents -------------------------------------------------------------------------------

    def meeting(self, id_: str, v: Vergadering, file: str) -> dict[str, Any]:
        """A meeting as the minutes (and the agenda) show it."""
        orgaan = orgaan_naam(self.project, v.orgaan)
        approved = [
            (i, self.project.vergaderingen[i].datum)
            for i in v.keurt_verslag_goed
            if i in self.project.vergaderingen
        ]
        closing = self.closing_expected(id_, v)
        return {
            "id": id_,
            "orgaan": orgaan,
            "soort": orgaan_soort(self.project, v.orgaan) or "",
            "afronding": closing,
            "titel": self.meeting_title(v, orgaan),
            "stappen": [{"stap": s.value, "titel": tr(STAP_TITELS[s])} for s in v.stappen],
            "datum": v.datum,
            "op_datum": on_date(v.datum),
            "uur": (v.uur or "").replace(".", ":").replace("u", ":"),
            "plaats": or_missing(v.plaats, tr("de plaats"), file, "plaats"),
            "voorzitter": self.actor(v.voorzitter) if v.voorzitter else None,
            "verslaggevers": self.people(v.verslaggevers),
            "aanwezig": self.people(v.aanwezig),
            "verontschuldigd": self.people(v.verontschuldigd),
            "gasten": v.gasten,
            "deelnemers": v.deelnemers,
            "goedgekeurd": [{"id": i, "datum": d} for i, d in approved],
            "agenda": self._agenda(v, file, approved),
        } | self._closing(v, file, closing)

    def meeting_title(self, v: Vergadering, orgaan: str) -> Any:
        """A meeting's title (marked), or the one it gets from its body when it has none."""
        return self.field(v, "titel") or tr("Vergadering van {orgaan}", orgaan=orgaan)

    def _agenda(
        self, v: Vergadering, file: str, approved: list[tuple[str, dt.date]]
    ) -> list[dict[str, Any]]:
        """The items of the agenda with their minutes and decisions (a gap where minutes lack)."""
        return [
            {
                "punt": a.punt,
                "toelichting": self.field(a, "toelichting") or "",
                "verslag": self.field(a, "verslag")
                or _standing_item(a.punt, v, approved)
                or Missing(
                    tr("het verslag bij '{punt}'", punt=a.punt), file, f"agenda[{n}].verslag"
                ),
                "besluiten": [self.field(a, "besluiten", b) for b in range(len(a.besluiten))],
            }
            for n, a in enumerate(v.agenda)
        ]

    def _closing(self, v: Vergadering, file: str, closing: bool) -> dict[str, Any]:
        """The next step, the homework and the next meeting: gaps only where a closing is due."""
        volgende_stap = self.field(v, "volgende_stap")
        return {
            "volgende_stap": or_missing(
                volgende_stap, tr("de volgende stap"), file, "volgende_stap"
            )
            if closing
            else volgende_stap or "",
            "huiswerk": [
                {"wie": self.people(h.wie), "wat": self.field(h, "wat"), "tegen": h.tegen}
                for h in v.huiswerk
            ],
            "volgende": {
                "datum": v.volgende_vergadering.datum,
                "uur": v.volgende_vergadering.uur or "",
                "plaats": v.volgende_vergadering.plaats or "",
            }
            if v.volgende_vergadering
            else (
                Missing(tr("de datum van de volgende vergadering"), file, "volgende_vergadering")
                if closing
                else None
            ),
        }

    def closing_expected(self, id_: str, v: Vergadering) -> bool:
        """Whether the minutes close with the next step, homework and the next date.

        The method asks it of every meeting of the kerngroep, a projectgroep or a comité; an
        open session (a hearing, a forum) has no members to give homework to, and the gemeente
        may switch the rule off for a meeting whose closing is not known (LIVB302).
        """
        if is_open_session(self.project, v):
            return False
        return not self.rule_off("LIVB302", id_, f"vergaderingen/{id_}.yaml")

    def findings(self) -> list[dict[str, Any]]:
        """The findings of the diagnostiek, each with its series and other sources."""
        project = self.project
        file = "diagnostiek/bevindingen.yaml"
        sources = {b.id: b for b in project.bronnen.bronnen}
        series = {r.id: r for r in project.cijfers.reeksen}
        findings = []
        for position, b in enumerate(project.bevindingen.bevindingen):
            findings.append(
                {
                    "id": b.id,
                    "titel": self.field(b, "titel"),
                    "onveiligheid": b.onveiligheid.value,
                    "thema": themes(project).get(b.thema, b.thema) if b.thema else "",
                    "tekst": or_missing(
                        self.field(b, "tekst"),
                        tr("de tekst van '{titel}'", titel=b.titel),
                        file,
                        f"bevindingen[{position}].tekst",
                    ),
                    "reeksen": [self.series(series[r]) for r in b.reeksen if r in series],
                    "bronnen": [
                        sources[s].naam
                        for s in b.bronnen
                        if s in sources
                        and s not in {series[r].bron for r in b.reeksen if r in series}
                    ],
                }
            )
        return findings

    def series(self, reeks: Any) -> dict[str, Any]:
        """A series of figures by year."""
        values = self.project.series.get(reeks.id, {})
        years = sorted(values)
        return {
            "id": reeks.id,
            "naam": reeks.naam,
            "eenheid": reeks.eenheid or "",
            "gebied": reeks.gebied or "",
            "jaren": years,
            "waarden": [values[y] for y in years],
            "onvolledig": reeks.onvolledig_jaar,
            "toelichting": reeks.toelichting or "",
            "bron": self._source_name(reeks.bron),
            "tabel": reeks.tabel or "",
            "gedownload": reeks.gedownload,
            "afsluitdatum": reeks.afsluitdatum,
            "samengeteld": list(reeks.samengeteld),
        } | self._shown(reeks, years)

    def _shown(self, reeks: Any, years: list[int]) -> dict[str, Any]:
        """The rate (or the figures as given), the comparison areas and the denominator's source.

        ``getoond`` lines up with ``jaren``: None where a rate lacks its population.
        """
        own_area = reeks.gebied or self.project.instellingen.gemeente.naam
        shown = shown_figures(self.project, reeks, own_area)
        noemer = shown.noemer
        found = comparison(shown, reeks.onvolledig_jaar)
        return {
            "per": tr(PER_LABELS[shown.per]) if PER_LABELS[shown.per] else "",
            "berekend": shown.berekend,
            "achter": _after_number(shown.per, reeks.eenheid or ""),
            "getoond": [shown.eigen.waarden.get(y) for y in years],
            "eigen_gebied": own_area,
            "noemer": (
                {"naam": noemer.eenheid or noemer.naam, "bron": self._source_name(noemer.bron)}
                if noemer is not None
                else None
            ),
            "vergelijking": [
                {
                    "gebied": line.gebied,
                    "soort": tr(GEBIEDSSOORTEN[line.soort]) if line.soort else "",
                    "waarden": [line.waarden.get(y) for y in years],
                }
                for line in shown.vergelijking
            ],
            "vergeleken": _compared(shown, found),
        }

    def goal(self, sd: Any) -> dict[str, Any]:
        """A strategic goal with its operational goals, indicators and actions."""
        return {
            "id": sd.id,
            "titel": self.field(sd, "titel"),
            "omschrijving": self.field(sd, "omschrijving") or "",
            "operationele": [self._operational_view(od) for od in sd.operationele_doelstellingen],
        }

    def _operational_view(self, od: Any) -> dict[str, Any]:
        indicators = [self._indicator_view(i) for i in od.indicatoren]
        actions = [self._action_view(a) for a in od.acties]
        return {
            "id": od.id,
            "titel": self.field(od, "titel"),
            "omschrijving": self.field(od, "omschrijving") or "",
            "indicatoren": indicators,
            "acties": actions,
            "indicator_rijen": [
                [
                    _with_unit(i),
                    _measure(i["basis"], i["basisjaar"]),
                    _measure(i["doel"], i["doeljaar"]),
                    short_date(i["deadline"]) if i["deadline"] else "",
                    i["bron_tekst"],
                ]
                for i in indicators
            ],
            "actie_rijen": [
                [a["titel"], a["wie"], a["periode"], a["schakel"], a["budget_tekst"]]
                for a in actions
            ],
            "actie_details": [
                a
                for a in actions
                if a["omschrijving"] or a["financiering"] or a["status"] != "gepland"
            ],
        }

    def _indicator_view(self, indicator: Any) -> dict[str, Any]:
        base, target = indicator.basiswaarde, indicator.streefwaarde
        reeks = next((r for r in self.project.cijfers.reeksen if r.id == indicator.reeks), None)
        source = self._source_name(indicator.bron or (reeks.bron if reeks else None))
        source_text = ", ".join(
            part
            for part in (source, tr("reeks \u2018{naam}\u2019", naam=reeks.naam) if reeks else "")
            if part
        )
        return {
            "id": indicator.id,
            "naam": self.field(indicator, "naam"),
            "eenheid": indicator.eenheid or "",
            "basis": base.waarde if base else None,
            "basisjaar": base.jaar if base else None,
            "doel": target.waarde if target else None,
            "doeljaar": target.jaar if target else None,
            "deadline": indicator.deadline,
            "bron": source,
            "reeks": reeks.naam if reeks else "",
            "bron_tekst": source_text,
        }

    def _source_name(self, bron: str | None) -> str:
        return next((b.naam for b in self.project.bronnen.bronnen if b.id == bron), "")

    def _action_view(self, actie: Any) -> dict[str, Any]:
        trekker = self.actor(actie.trekker) if actie.trekker else None
        partners = self.people(actie.partners)
        names = [_name(p) for p in partners]
        owner = _name(trekker) if trekker is not None else ""
        wie = owner
        if names:
            partners_text = join(names)
            wie = (
                tr("{trekker}, met {partners}", trekker=owner, partners=partners_text)
                if owner
                else tr("met {partners}", partners=partners_text)
            )
        return {
            "id": actie.id,
            "titel": self.field(actie, "titel"),
            "omschrijving": self.field(actie, "omschrijving") or "",
            "trekker": trekker,
            "partners": partners,
            "wie": wie,
            "start": actie.start,
            "einde": actie.einde,
            "periode": _period(actie.start, actie.einde),
            "start_sort": actie.start or dt.date.max,
            "budget": action_budget(actie),
            "budget_getal": action_budget(actie) or 0,
            "budget_tekst": money(action_budget(actie) or 0, nonbreaking=True)
            if action_budget(actie) is not None
            else "",
            "financiering": actie.financiering or "",
            "schakel": i18n.word(actie.schakel.value) if actie.schakel else "",
            "status": actie.status.value,
        }


def _standing_item(punt: str, v: Vergadering, approved: list[tuple[str, dt.date]]) -> str:
    """The minutes of an agenda item whose content the meeting's file holds elsewhere.

    ``livb new vergadering`` puts the approval of the previous minutes, the next step and the
    homework, and the date of the next meeting on every agenda; the file notes them in their
    own keys. The minutes then say what those keys hold instead of asking for a text.
    """
    item = punt.strip().lower()
    if item.startswith("goedkeuring van het verslag") and approved:
        dates = join([long_date(day) for _, day in approved])
        return tr("Het verslag van {datums} werd goedgekeurd.", datums=dates)
    if item == "volgende stap en huiswerk" and (v.volgende_stap or v.huiswerk):
        return tr("De volgende stap en het huiswerk staan onderaan dit verslag.")
    if item == "datum van de volgende vergadering" and v.volgende_vergadering:
        nxt = v.volgende_vergadering
        if nxt.uur:
            return tr(
                "De volgende vergadering is op {datum} om {uur} uur.",
                datum=long_date(nxt.datum),
                uur=nxt.uur,
            )
        return tr("De volgende vergadering is op {datum}.", datum=long_date(nxt.datum))
    return ""


def on_date(day: dt.date) -> str:
    """When, as a sentence says it: 'op 8 december 2026', but 'in november 2007', 'in 2002'."""
    if precisie(day) is Precisie.DAG:
        return tr("op {datum}", datum=long_date(day))
    return tr("in {datum}", datum=long_date(day))


def table_date(day: dt.date | None) -> Any:
    """A date for a narrow table cell: as known, so a month or a year stays a month or a year.

    An exact day passes on (the template's ``korte_datum`` writes it); a date known only to the
    month or the year becomes its short text: 'okt. 2007', '2002'.
    """
    if day is None or precisie(day) is Precisie.DAG:
        return day
    return short_date(day)


def _compared(shown: ShownFigures, found: tuple[int, list[Line]] | None) -> dict[str, Any] | None:
    """The year the text compares, the municipality's figure and each other area's."""
    if found is None:
        return None
    year, lines = found
    own = shown.eigen.waarden[year]
    return {
        "jaar": year,
        "eigen": own,
        "gebieden": [
            {
                "gebied": line.gebied,
                "waarde": line.waarden[year],
                "richting": _direction(own, line.waarden[year]),
            }
            for line in lines
        ],
    }


def _direction(own: float | None, other: float | None) -> str:
    """How the municipality's figure stands to another area's, as the document rounds both."""
    mine, theirs = number(own or 0), number(other or 0)
    if mine == theirs:
        return tr("even hoog als")
    return tr("hoger dan") if (own or 0) > (other or 0) else tr("lager dan")


def _after_number(per: Per, eenheid: str) -> str:
    """What follows a figure in a sentence: ' per 1.000 inwoners', '%' or ' feiten'."""
    if per is Per.PERCENTAGE or eenheid.strip() in ("%", "procent"):
        return "\u00a0%" if i18n.language() == "fr" else "%"  # French: 12,5 %
    if per is Per.ABSOLUUT:
        return f" {eenheid.strip()}" if eenheid.strip() else ""
    return " " + tr(PER_LABELS[per])


def _who(functie: str) -> str:
    """A function as a gap names its holder: 'de burgemeester' (French: the function alone)."""
    if i18n.language() == "fr":
        return i18n.word(functie)
    return f"{_article(functie)} {functie}"


def _article(noun: str) -> str:
    """The definite article of a function: het diensthoofd, het raadslid, de schepen."""
    first = noun.split(" ", 1)[0].lower()
    return "het" if first.endswith(("hoofd", "lid")) else "de"


def gemeente_view(gemeente: Any) -> dict[str, Any]:
    """The municipality as documents name it: Stad Halle, de stad Halle, la commune d'Esneux."""
    stad = gemeente.bestuursvorm is Bestuursvorm.STAD
    return {
        "naam": gemeente.naam,
        "bestuursvorm": tr(BESTUURSVORMEN[gemeente.bestuursvorm]),
        "voluit": _named(
            tr("Stad {naam}", naam=gemeente.naam)
            if stad
            else tr("Gemeente {naam}", naam=gemeente.naam),
            gemeente.naam,
        ),
        "de_gemeente": _named(
            tr("de stad {naam}", naam=gemeente.naam)
            if stad
            else tr("de gemeente {naam}", naam=gemeente.naam),
            gemeente.naam,
        ),
        "college": _college(gemeente.nis_code),
        "diensten": tr("stadsdiensten") if stad else tr("gemeentediensten"),
        "bestuur": tr("stadsbestuur") if stad else tr("gemeentebestuur"),
        "nis": gemeente.nis_code or "",
        "provincie": gemeente.provincie or "",
        "politiezone": gemeente.politiezone.naam if gemeente.politiezone else "",
        "zonenummer": gemeente.politiezone.nummer or "" if gemeente.politiezone else "",
        "adres": gemeente.adres or "",
    }


def _college(nis: str | None) -> str:
    """The college as the municipality's law names it: in Brussels, of bourgmestre and échevins."""
    found = by_nis(nis) if nis else None
    if i18n.language() == "fr" and found is not None and found.gewest == BRUSSEL:
        return "collège des bourgmestre et échevins"  # the Nouvelle loi communale's own name
    return tr("college van burgemeester en schepenen")


BRUSSEL = "Brussels Hoofdstedelijk Gewest"


def _named(text: str, naam: str) -> str:
    """A text naming the municipality, French eliding before a vowel: la commune d'Esneux."""
    if i18n.language() == "fr" and naam[:1] in _VOWELS:
        return text.replace(f"de {naam}", f"d'{naam}")
    return text


_VOWELS = frozenset("AEIOUYÂÉÈÊÎÔÛaeiouy")


def _name(actor: Any) -> Any:
    """An actor's name (or the gap where it belongs) for plain text."""
    return actor["naam"] if isinstance(actor, dict) else actor


def _period(start: dt.date | None, end: dt.date | None) -> str:
    """From when to when, in the short form of a table cell."""
    if start and end:
        return f"{short_date(start)} \u2013 {short_date(end)}"
    if start:
        return tr("vanaf {datum}", datum=short_date(start))
    return tr("tot {datum}", datum=short_date(end)) if end else ""


def _with_unit(indicator: dict[str, Any]) -> str:
    unit = indicator["eenheid"]
    return f"{indicator['naam']} ({unit})" if unit else str(indicator["naam"])


def _measure(value: float | None, year: int | None) -> str:
    if value is None:
        return ""
    text = number(value)
    return f"{text} ({year})" if year else text


SCHAKEL_VOLGORDE = [s.value for s in Schakel]
"""The links of the safety chain in their order, from proactie to nazorg."""

PLANSOORTEN = {
    Plansoort.ZVP: N_("zonaal veiligheidsplan"),
    Plansoort.SVPP: N_("strategisch veiligheids- en preventieplan"),
    Plansoort.MEERJARENPLAN: N_("meerjarenplan"),
    Plansoort.LOKAAL_SOCIAAL_BELEIDSPLAN: N_("lokaal sociaal beleidsplan"),
    Plansoort.PARKETBELEIDSPLAN: N_("beleidsplan van het parket"),
    Plansoort.NOODPLAN: N_("nood- en interventieplan"),
    Plansoort.KIV: N_("Kadernota Integrale Veiligheid"),
    Plansoort.NVP: N_("Nationaal Veiligheidsplan"),
    Plansoort.ANDERE: N_("ander plan"),
}
"""How the documents name each kind of plan the integral plan aligns with."""
