"""The view model: plain data for the templates, with Missing where optional data is absent."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from livb.build.ir import Missing
from livb.dates import months_later
from livb.model import Project
from livb.model.actoren import Actor, Rol
from livb.model.besluiten import Besluit, Instantie, Onderwerp, Uitkomst
from livb.model.diagnostiek import Gegevenssoort
from livb.model.stappen import STAP_TITELS
from livb.model.vergadering import Vergadering
from livb.process import FASEN, chain_balance, decisions, derive_state

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


def _or_missing(value: Any, label: str, file: str, key: str) -> Any:
    if value is None or value == "" or value == []:
        return Missing(label, file, key)
    return value


class ContextBuilder:
    """Builds the plain data every template gets, from a validated project."""

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
        naam = _or_missing(
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

    def _decision(
        self, onderwerp: Onderwerp, door: Instantie, uitkomst: Uitkomst
    ) -> Besluit | None:
        found = decisions(self.project, onderwerp, (door,), (uitkomst,), today=self.today)
        return found[-1] if found else None

    def _decision_date(
        self, onderwerp: Onderwerp, door: Instantie, uitkomst: Uitkomst, label: str
    ) -> Any:
        found = self._decision(onderwerp, door, uitkomst)
        if found is None:
            return Missing(label, "besluiten.yaml", f"{door.value} / {onderwerp.value}")
        return found.datum

    # -- documents -------------------------------------------------------------------------------

    def intentieverklaring(self) -> dict[str, Any]:
        """The declaration of intent (step 1.4)."""
        onderwerp = Onderwerp.INTENTIEVERKLARING
        return self.common() | {
            "college": self._decision_date(
                onderwerp,
                Instantie.COLLEGE,
                Uitkomst.GOEDGEKEURD,
                "de datum van goedkeuring door het college",
            ),
            "gemeenteraad": self._decision_date(
                onderwerp,
                Instantie.GEMEENTERAAD,
                Uitkomst.GOEDGEKEURD,
                "de datum van goedkeuring door de gemeenteraad",
            ),
            "ondertekend": self._decision_date(
                onderwerp,
                Instantie.BURGEMEESTER,
                Uitkomst.ONDERTEKEND,
                "de datum van ondertekening",
            ),
        }

    def protocol(self) -> dict[str, Any]:
        """The protocolakkoord with the federal directorate (Tool B)."""
        signed_city = self._decision(
            Onderwerp.PROTOCOLAKKOORD, Instantie.BURGEMEESTER, Uitkomst.ONDERTEKEND
        )
        signed_fod = self._decision(Onderwerp.PROTOCOLAKKOORD, Instantie.FOD, Uitkomst.ONDERTEKEND)
        start = (
            max(b.datum for b in (signed_city, signed_fod) if b)
            if signed_city and signed_fod
            else None
        )
        start_value: Any = start or Missing(
            "de datum van ondertekening", "besluiten.yaml", "burgemeester en fod / protocolakkoord"
        )
        end_value: Any = (
            months_later(start, 12)
            if start
            else Missing(
                "de einddatum (één jaar na ondertekening)", "besluiten.yaml", "protocolakkoord"
            )
        )
        return self.common() | {
            "start": start_value,
            "einde": end_value,
            "halfweg": months_later(start, 6)
            if start
            else Missing("het einde van de begeleiding", "besluiten.yaml", "protocolakkoord"),
            "college": self._decision_date(
                Onderwerp.PROTOCOLAKKOORD,
                Instantie.COLLEGE,
                Uitkomst.GOEDGEKEURD,
                "de goedkeuring door het college",
            ),
        }

    def verslag(self, id_: str) -> dict[str, Any]:
        """The minutes of one meeting."""
        vergadering = self.project.vergaderingen[id_]
        file = f"vergaderingen/{id_}.yaml"
        held = vergadering.datum <= self.today
        return self.common() | {
            "vergadering": self._meeting_view(id_, vergadering, file),
            "gehouden": held,
        }

    def _meeting_view(self, id_: str, v: Vergadering, file: str) -> dict[str, Any]:
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
            "plaats": _or_missing(v.plaats, "de plaats", file, "plaats"),
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
            "volgende_stap": _or_missing(
                v.volgende_stap, "de volgende stap", file, "volgende_stap"
            ),
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

    def diagnostiek(self) -> dict[str, Any]:
        """The local safety diagnosis."""
        project = self.project
        file = "diagnostiek/bevindingen.yaml"
        sources = {b.id: b for b in project.bronnen.bronnen}
        series = {r.id: r for r in project.cijfers.reeksen}
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for bron in project.bronnen.bronnen:
            by_kind[SOORT_TITELS[bron.soort]].append(
                {
                    "id": bron.id,
                    "naam": bron.naam,
                    "leverancier": bron.leverancier or "",
                    "periode": bron.periode or "",
                    "afsluitdatum": bron.afsluitdatum,
                }
            )
        findings = []
        for position, b in enumerate(project.bevindingen.bevindingen):
            findings.append(
                {
                    "id": b.id,
                    "titel": b.titel,
                    "onveiligheid": b.onveiligheid.value,
                    "tekst": _or_missing(
                        b.tekst, f"de tekst van '{b.titel}'", file, f"bevindingen[{position}].tekst"
                    ),
                    "reeksen": [self._series_view(series[r]) for r in b.reeksen if r in series],
                    "bronnen": [
                        sources[s].naam
                        for s in b.bronnen
                        if s in sources
                        and s not in {series[r].bron for r in b.reeksen if r in series}
                    ],
                }
            )
        objective = [f for f in findings if f["onveiligheid"] == "objectief"]
        subjective = [f for f in findings if f["onveiligheid"] == "subjectief"]
        both = [f for f in findings if f["onveiligheid"] == "beide"]
        bev = project.bevindingen
        return self.common() | {
            "inleiding": _or_missing(bev.inleiding, "de inleiding", file, "inleiding"),
            "gebiedsbeschrijving": _or_missing(
                bev.gebiedsbeschrijving, "de gebiedsbeschrijving", file, "gebiedsbeschrijving"
            ),
            "methodologie": _or_missing(bev.methodologie, "de methodologie", file, "methodologie"),
            "bronnen": dict(by_kind),
            "objectief": objective,
            "subjectief": subjective,
            "beide": both,
            "bevindingen": findings,
            "conclusies": bev.conclusies,
            "redactiecomite": self.people(project.organen.redactiecomite.leden),
            "datum": self._presented_date(),
        }

    def _presented_date(self) -> Any:
        from livb.model.stappen import Stap
        from livb.process import meetings_for

        meetings = [v for _, v in meetings_for(self.project, Stap.S2_4) if v.datum <= self.today]
        return meetings[-1].datum if meetings else self.today

    def _series_view(self, reeks: Any) -> dict[str, Any]:
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

    def plan(self) -> dict[str, Any]:
        """The integral plan."""
        project = self.project
        state = derive_state(project, self.today)
        groups = {g.prioriteit: g for g in project.organen.projectgroepen}
        goals_by_priority: dict[str, list[Any]] = defaultdict(list)
        for path, bestand in sorted(project.doelstellingen.items()):
            goals_by_priority[bestand.prioriteit].extend(
                self._goal_view(path, s, sd)
                for s, sd in enumerate(bestand.strategische_doelstellingen)
            )
        other_plans = {p.id: p for p in project.plan.afstemming}
        priorities = []
        for position, p in enumerate(project.prioriteiten.prioriteiten):
            group = groups.get(p.id)
            priorities.append(
                {
                    "id": p.id,
                    "titel": p.titel,
                    "omschrijving": _or_missing(
                        p.omschrijving,
                        f"de omschrijving van '{p.titel}'",
                        "prioriteiten.yaml",
                        f"prioriteiten[{position}].omschrijving",
                    ),
                    "toelichting": p.toelichting or "",
                    "bevindingen": [
                        b.titel for b in project.bevindingen.bevindingen if b.id in p.bevindingen
                    ],
                    "swot": [
                        s.tekst
                        for q in ("sterktes", "zwaktes", "kansen", "bedreigingen")
                        for s in getattr(project.swot, q)
                        if s.id in p.swot
                    ],
                    "aansluiting": [
                        {
                            "plan": other_plans[a.plan].titel if a.plan in other_plans else a.plan,
                            "prioriteit": next(
                                (
                                    i.titel
                                    for i in other_plans[a.plan].prioriteiten
                                    if i.id == a.prioriteit
                                ),
                                a.prioriteit or "",
                            )
                            if a.plan in other_plans
                            else a.prioriteit or "",
                        }
                        for a in p.aansluiting
                    ],
                    "lokaal": p.lokaal,
                    "projectgroep": {
                        "naam": group.naam,
                        "projectleider": self.actor(group.projectleider)
                        if group.projectleider
                        else Missing("de projectleider", "organen.yaml", group.id),
                        "leden": self.people(group.leden),
                        "bestaand": group.bestaande_structuur or "",
                    }
                    if group
                    else None,
                    "doelstellingen": goals_by_priority.get(p.id, []),
                }
            )
        actions = [
            a
            for p in priorities
            for sd in p["doelstellingen"]
            for od in sd["operationele"]
            for a in od["acties"]
        ]
        budget_per_priority = [
            {
                "titel": p["titel"],
                "bedrag": sum(
                    a["budget_getal"]
                    for sd in p["doelstellingen"]
                    for od in sd["operationele"]
                    for a in od["acties"]
                ),
            }
            for p in priorities
        ]
        plan = project.plan
        college = self._decision(Onderwerp.PLAN, Instantie.COLLEGE, Uitkomst.GOEDGEKEURD)
        raad = self._decision(Onderwerp.PLAN, Instantie.GEMEENTERAAD, Uitkomst.GOEDGEKEURD)
        return self.common() | {
            "visie": _or_missing(plan.visie, "de visie", "plan.yaml", "visie"),
            "uitgangspunten": plan.uitgangspunten,
            "doelen_extern": _items_or_missing(
                plan.doelen_extern, "de externe doelen", "doelen_extern"
            ),
            "doelen_intern": _items_or_missing(
                plan.doelen_intern, "de interne doelen", "doelen_intern"
            ),
            "organisatie": _or_missing(
                plan.organisatie, "de organisatie van het programma", "plan.yaml", "organisatie"
            ),
            "evaluatie": _or_missing(plan.evaluatie, "de evaluatie", "plan.yaml", "evaluatie"),
            "communicatie": plan.communicatie or "",
            "budgettekst": plan.budget or "",
            "afkortingen": sorted(plan.afkortingen.items()),
            "afstemming": [
                {
                    "titel": a.titel,
                    "soort": a.soort.value,
                    "van": a.periode.van if a.periode else None,
                    "tot": a.periode.tot if a.periode else None,
                    "prioriteiten": [i.titel for i in a.prioriteiten],
                }
                for a in plan.afstemming
            ],
            "prioriteiten": priorities,
            "planning_rijen": [
                [a["titel"], a["trekker"], a["start"], a["einde"]]
                for a in sorted(actions, key=lambda a: (a["start_sort"], a["id"]))
            ],
            "acties": sorted(actions, key=lambda a: (a["start_sort"], a["id"])),
            "budget": budget_per_priority,
            "budget_totaal": sum(b["bedrag"] for b in budget_per_priority),
            "keten": sorted(chain_balance(project).items()),
            "stappen": [
                {
                    "stap": s.stap.value,
                    "titel": s.titel,
                    "fase": FASEN[s.fase],
                    "stand": s.stand.value,
                    "datum": s.datum,
                }
                for s in state.steps
                if s.fase in ("1", "2", "3")  # how the plan was made; 4 and 5 come after it
            ],
            "bevindingen": self.diagnostiek()["bevindingen"],
            "swot": {
                q: [s.tekst for s in getattr(project.swot, q)]
                for q in ("sterktes", "zwaktes", "kansen", "bedreigingen")
            }
            | {"conclusies": project.swot.conclusies},
            "projectgroepen": [
                p["projectgroep"] | {"prioriteit": p["titel"]}
                for p in priorities
                if p["projectgroep"]
            ],
            "college": college.datum if college else None,
            "gemeenteraad": raad.datum if raad else None,
            "datum": raad.datum if raad else (college.datum if college else self.today),
        }

    def _goal_view(self, path: str, s: int, sd: Any) -> dict[str, Any]:
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

    def document_date(self, name: str, context: dict[str, Any]) -> dt.date:
        """The date a document carries (and its file properties): from the data."""
        value = context.get("datum") or context.get("start") or context.get("ondertekend")
        if name == "verslag":
            value = context["vergadering"]["datum"]
        return value if isinstance(value, dt.date) else self.today


def _with_unit(indicator: dict[str, Any]) -> str:
    unit = indicator["eenheid"]
    return f"{indicator['naam']} ({unit})" if unit else str(indicator["naam"])


def _measure(value: float | None, year: int | None) -> str:
    if value is None:
        return ""
    text = f"{int(value)}" if float(value).is_integer() else f"{value}".replace(".", ",")
    return f"{text} ({year})" if year else text


def _items_or_missing(items: list[str], label: str, key: str) -> list[Any]:
    return list(items) if items else [Missing(label, "plan.yaml", key)]
