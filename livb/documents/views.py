"""The views shared by the documents: plain data for the templates, Missing where data is absent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from livb.model import Project
from livb.model.actoren import Actor, Rol
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.diagnostiek import Gegevenssoort
from livb.model.stappen import STAP_TITELS
from livb.model.vergadering import Vergadering
from livb.queries import decisions
from livb.word.ir import Missing

SOORT_TITELS = {
    Gegevenssoort.FEIT: "Feitgerelateerde gegevens",
    Gegevenssoort.WAARNEMING: "Waarnemingsgerelateerde gegevens",
    Gegevenssoort.CONTEXT: "Contextgerelateerde gegevens",
}
ORGAAN_NAMEN = {
    "kerngroep": "de kerngroep",
    "redactiecomite": "het redactiecomité",
    "pilootcomite": "het pilootcomité",
}


def or_missing(value: Any, label: str, file: str, key: str) -> Any:
    """The value, or a gap to fill in (with where it belongs) when it is empty."""
    if value is None or value == "" or value == []:
        return Missing(label, file, key)
    return value


def has_mayor(project: Project) -> bool:
    """Whether the folder names a mayor (the party of the declaration and the protocol)."""
    return any(a.rol is Rol.BURGEMEESTER for a in project.actoren.actoren)


class Views:
    """Builds the plain data the templates get, from a validated project; one per render."""

    def __init__(self, project: Project, today: dt.date) -> None:
        self.project = project
        self.today = today
        self.actors = {a.id: a for a in project.actoren.actoren}
        self._views = {
            a.id: self._actor_view(a, position)
            for position, a in enumerate(project.actoren.actoren)
        }

    # -- shared pieces ---------------------------------------------------------------------------

    def actor(self, id_: str | None, role: str = "de persoon") -> dict[str, Any] | Missing:
        """An actor as the documents show it (or Missing when unknown or unnamed)."""
        if id_ is None or id_ not in self._views:
            return Missing(role, "actoren.yaml", id_ or "id")
        return self._views[id_]

    def _actor_view(self, actor: Actor, position: int) -> dict[str, Any]:
        naam = or_missing(
            actor.naam, f"de naam van {actor.id}", "actoren.yaml", f"actoren[{position}].naam"
        )
        functie = actor.functie or (actor.rol.value.replace("_", " ") if actor.rol else "")
        return {
            "id": actor.id,
            "naam": naam,
            "functie": functie,
            "organisatie": actor.organisatie or "",
            "aanspreking": actor.aanspreking or "",
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
        vorm = gemeente.bestuursvorm.value
        mayor = next((a for a in self.project.actoren.actoren if a.rol is Rol.BURGEMEESTER), None)
        begeleiding = config.begeleiding
        periode = config.beleid.periode
        return {
            "gemeente": {
                "naam": gemeente.naam,
                "bestuursvorm": vorm,
                "voluit": f"{vorm.capitalize()} {gemeente.naam}",
                "de_gemeente": f"de {vorm} {gemeente.naam}",
                "nis": gemeente.nis_code or "",
                "provincie": gemeente.provincie or "",
                "politiezone": gemeente.politiezone.naam if gemeente.politiezone else "",
                "adres": gemeente.adres or "",
            },
            "beleid": {
                "titel": config.beleid.titel,
                "plannaam": config.beleid.plannaam,
                "van": periode.van
                if periode
                else Missing("het begin van de planperiode", "livb.yaml", "beleid.periode.van"),
                "tot": periode.tot
                if periode
                else Missing("het einde van de planperiode", "livb.yaml", "beleid.periode.tot"),
            },
            "burgemeester": self._views[mayor.id]
            if mayor
            else Missing(
                "de burgemeester (een actor met rol: burgemeester)", "actoren.yaml", "actoren"
            ),
            "coordinator": self.actor(config.coordinator, "de coördinator"),
            "fod": self.actor(begeleiding.fod_vertegenwoordiger, "de vertegenwoordiger van de FOD")
            if begeleiding.fod_vertegenwoordiger
            else Missing(
                "de vertegenwoordiger van de FOD", "livb.yaml", "begeleiding.fod_vertegenwoordiger"
            ),
            "adviseurs": self.people(begeleiding.lokaal_adviseurs),
            "provincie_partij": self.actor(begeleiding.provincie_vertegenwoordiger)
            if begeleiding.provincie_vertegenwoordiger
            else None,
            "kerngroep": self.people(self.project.organen.kerngroep.leden),
            "vandaag": self.today,
        }

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
        orgaan = ORGAAN_NAMEN.get(v.orgaan) or next(
            (g.naam for g in self.project.organen.projectgroepen if g.id == v.orgaan), v.orgaan
        )
        approved = [
            (i, self.project.vergaderingen[i].datum)
            for i in v.keurt_verslag_goed
            if i in self.project.vergaderingen
        ]
        return {
            "id": id_,
            "orgaan": orgaan,
            "titel": v.titel or f"Vergadering van {orgaan}",
            "stappen": [{"stap": s.value, "titel": STAP_TITELS[s]} for s in v.stappen],
            "datum": v.datum,
            "uur": (v.uur or "").replace(".", ":").replace("u", ":"),
            "plaats": or_missing(v.plaats, "de plaats", file, "plaats"),
            "voorzitter": self.actor(v.voorzitter) if v.voorzitter else None,
            "verslaggever": self.actor(v.verslaggever) if v.verslaggever else None,
            "aanwezig": self.people(v.aanwezig),
            "verontschuldigd": self.people(v.verontschuldigd),
            "gasten": v.gasten,
            "goedgekeurd": [{"id": i, "datum": d} for i, d in approved],
            "agenda": [
                {
                    "punt": a.punt,
                    "toelichting": a.toelichting or "",
                    "verslag": a.verslag
                    if a.verslag
                    else Missing(f"het verslag bij '{a.punt}'", file, f"agenda[{n}].verslag"),
                    "besluiten": a.besluiten,
                }
                for n, a in enumerate(v.agenda)
            ],
            "volgende_stap": or_missing(v.volgende_stap, "de volgende stap", file, "volgende_stap"),
            "huiswerk": [
                {"wie": self.people(h.wie), "wat": h.wat, "tegen": h.tegen} for h in v.huiswerk
            ],
            "volgende": {
                "datum": v.volgende_vergadering.datum,
                "uur": v.volgende_vergadering.uur or "",
                "plaats": v.volgende_vergadering.plaats or "",
            }
            if v.volgende_vergadering
            else Missing("de datum van de volgende vergadering", file, "volgende_vergadering"),
        }

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
                    "titel": b.titel,
                    "onveiligheid": b.onveiligheid.value,
                    "tekst": or_missing(
                        b.tekst, f"de tekst van '{b.titel}'", file, f"bevindingen[{position}].tekst"
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
            "jaren": years,
            "waarden": [values[y] for y in years],
            "onvolledig": reeks.onvolledig_jaar,
            "toelichting": reeks.toelichting or "",
            "bron": next((b.naam for b in self.project.bronnen.bronnen if b.id == reeks.bron), ""),
        }

    def goal(self, sd: Any) -> dict[str, Any]:
        """A strategic goal with its operational goals, indicators and actions."""
        return {
            "id": sd.id,
            "titel": sd.titel,
            "omschrijving": sd.omschrijving or "",
            "operationele": [self._operational_view(od) for od in sd.operationele_doelstellingen],
        }

    def _operational_view(self, od: Any) -> dict[str, Any]:
        indicators = [self._indicator_view(i) for i in od.indicatoren]
        actions = [self._action_view(a) for a in od.acties]
        return {
            "id": od.id,
            "titel": od.titel,
            "omschrijving": od.omschrijving or "",
            "indicatoren": indicators,
            "acties": actions,
            "indicator_rijen": [
                [
                    _with_unit(i),
                    _measure(i["basis"], i["basisjaar"]),
                    _measure(i["doel"], i["doeljaar"]),
                    i["deadline"],
                    i["bron"],
                ]
                for i in indicators
            ],
            "actie_rijen": [
                [a["titel"], a["trekker"], a["start"], a["einde"], a["schakel"]] for a in actions
            ],
        }

    def _indicator_view(self, indicator: Any) -> dict[str, Any]:
        base, target = indicator.basiswaarde, indicator.streefwaarde
        source = next((b.naam for b in self.project.bronnen.bronnen if b.id == indicator.bron), "")
        return {
            "naam": indicator.naam,
            "eenheid": indicator.eenheid or "",
            "basis": base.waarde if base else None,
            "basisjaar": base.jaar if base else None,
            "doel": target.waarde if target else None,
            "doeljaar": target.jaar if target else None,
            "deadline": indicator.deadline,
            "bron": source,
        }

    def _action_view(self, actie: Any) -> dict[str, Any]:
        trekker = self.actor(actie.trekker) if actie.trekker else None
        return {
            "id": actie.id,
            "titel": actie.titel,
            "trekker": trekker,
            "partners": self.people(actie.partners),
            "start": actie.start,
            "einde": actie.einde,
            "start_sort": actie.start or dt.date.max,
            "budget": actie.budget,
            "budget_getal": actie.budget or 0,
            "schakel": actie.schakel.value if actie.schakel else "",
            "status": actie.status.value,
        }


def _with_unit(indicator: dict[str, Any]) -> str:
    unit = indicator["eenheid"]
    return f"{indicator['naam']} ({unit})" if unit else str(indicator["naam"])


def _measure(value: float | None, year: int | None) -> str:
    if value is None:
        return ""
    text = f"{int(value)}" if float(value).is_integer() else f"{value}".replace(".", ",")
    return f"{text} ({year})" if year else text


def _itemsor_missing(items: list[str], label: str, key: str) -> list[Any]:
    return list(items) if items else [Missing(label, "plan.yaml", key)]
