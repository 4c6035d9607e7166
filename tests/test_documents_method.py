"""The documents of the method beyond the plan: their truth, confidentiality, charts and items."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from livb.documents import DOCUMENTS
from livb.documents.charts import (
    BarChart,
    TimelineChart,
    chain_chart,
    series_chart,
    timeline_chart,
    value_label,
)
from livb.documents.render import RenderRequest, plan_jobs, render_documents
from livb.documents.views import Views
from livb.folder.project import load_project
from livb.word.docx import docx_text
from livb.word.ir import Image
from livb.word.markdown import MarkdownError, parse

from helpers import EXAMPLE, MINIMAL, write_tree

DAY = dt.date(2026, 11, 21)
NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
NEW = (
    "profiel",
    "rapport-opstart",
    "besluit",
    "agenda",
    "gegevensaanvraag",
    "gesprek",
    "swot",
    "voortgangsrapport",
    "brainstorm",
)


def render_all(root: Path, today: dt.date = DAY, *decisions: str) -> dict[str, str]:
    """Every document `render alle` makes, plus drafts of decisions still to come."""
    render_documents(RenderRequest(root, ["alle"], today=today, force=True))
    for decision in decisions:
        render_documents(RenderRequest(root, ["besluit"], decision, today=today, force=True))
    return {p.name: "\n".join(docx_text(p.read_bytes())) for p in (root / "output").glob("*.docx")}


def render_these(root: Path, today: dt.date, *documents: str) -> dict[str, str]:
    """Documents `render alle` makes that day, rendered alone ("gesprek:ID": one item's).

    Rendered alone a document is what it is in `render alle` (each is built from the folder
    and the day only); that `render alle` makes it is checked against the plan of its jobs,
    without rendering the other forty.
    """
    project = load_project(root).project
    assert project is not None
    made = {j.filename for j in plan_jobs(RenderRequest(root, ["alle"], today=today), project)}
    texts = {}
    for document in documents:
        name, _, item = document.partition(":")
        request = RenderRequest(root, [name], item or None, today=today, force=True)
        for result in render_documents(request):
            assert result.path.name in made, result.path.name
            texts[result.path.name] = "\n".join(docx_text(result.path.read_bytes()))
    assert len(texts) == len(documents)
    return texts


def views_of(root: Path, today: dt.date = DAY) -> Views:
    project = load_project(root).project
    assert project is not None
    return Views(project, today)


# -- confidentiality ----------------------------------------------------------------------------


def _said(gesprek) -> list[str]:
    answers = [
        q.antwoord
        for part in (gesprek.werking_dienst, gesprek.livb_perspectief, gesprek.organisatie)
        for q in part
        if q.antwoord
    ]
    return [*answers, *([gesprek.samenvatting] if gesprek.samenvatting else []),
            *gesprek.aandachtspunten]  # fmt: skip


def test_no_document_quotes_a_confidential_talk_but_its_own(halle):
    texts = render_all(halle)
    project = load_project(halle).project
    confidential = {i: g for i, g in project.gesprekken.items() if g.vertrouwelijk}
    assert len(confidential) == 7  # every Halle talk: confidential is the default
    for id_, gesprek in confidential.items():
        said = [" ".join(s.split()) for s in _said(gesprek)]
        assert said, id_
        own = f"gesprek-{id_}.docx"
        assert any(s in " ".join(texts[own].split()) for s in said), own
        for name, text in texts.items():
            if name != own:
                flat = " ".join(text.split())
                assert not any(s in flat for s in said), (name, id_)


def test_a_shareable_talk_may_be_summarised_in_the_start_report(halle):
    path = halle / "gesprekken" / "2009-01-20-burgemeester.yaml"
    path.write_text(
        path.read_text("utf-8").replace("vertrouwelijk: true", "vertrouwelijk: false"), "utf-8"
    )
    texts = render_these(
        halle,
        DAY,
        "rapport-opstart",
        "gesprek:2009-01-20-burgemeester",
        "gesprek:2009-01-27-schepen-korpschef",
    )
    report = " ".join(texts["rapport-opstart.docx"].split())
    assert "vraagt om een naam die partners uit de sociale sector aanspreekt" in report
    assert "Een deel van de gesprekken is vertrouwelijk" in report
    assert "Vertrouwelijk." not in texts["gesprek-2009-01-20-burgemeester.docx"]
    assert texts["gesprek-2009-01-27-schepen-korpschef.docx"].startswith(
        "livb Kader | Vertrouwelijk."
    )


def test_a_talk_before_its_date_is_a_guide_with_room_to_write(halle):
    render_documents(
        RenderRequest(halle, ["gesprek"], "2009-05-26-preventiedienst", today=dt.date(2009, 5, 1))
    )
    text = docx_text((halle / "output/gesprek-2009-05-26-preventiedienst.docx").read_bytes())
    assert "Heading 1 | Leidraad voor het oriëntatiegesprek" in text
    assert "Normal | Waar staat de dienst in de organisatie?" in text
    assert "Onder de algemeen directeur" not in "\n".join(text)  # the answer comes later
    assert sum(line.startswith("Normal | ……") for line in text) >= 6


# -- a sparse folder: every sentence true, every gap marked -------------------------------------


@pytest.fixture
def sparse(tmp_path: Path) -> Path:
    from livb.starters.scaffold import InitRequest, create_folder

    root = tmp_path / "gemeente"
    create_folder(InitRequest(root, "Halle", git=False))
    write_tree(
        root,
        {
            "vergaderingen/2026-12-01-kerngroep.yaml": """\
                orgaan: kerngroep
                stappen: ["3.3"]
                datum: 2026-12-01
                agenda:
                  - punt: Brainstorm
                """,
            "gesprekken/2026-10-01-burgemeester.yaml": """\
                stap: "1.2"
                datum: 2026-10-01
                met: [burgemeester]
                livb_perspectief:
                  - vraag: Wat verwacht u?
                    antwoord: Een geheim antwoord.
                """,
            "swot.yaml": """\
                sterktes:
                  - {id: s1, tekst: Een sterke preventiedienst}
                """,
        },
    )
    bronnen = root / "diagnostiek/bronnen.yaml"
    bronnen.write_text(
        bronnen.read_text("utf-8").replace(
            "    leverancier: Lokale en federale politie\n",
            "    leverancier: Lokale en federale politie\n    actor: korpschef\n",
        ),
        "utf-8",
    )
    return root


def test_every_new_document_renders_from_a_fresh_folder(sparse):
    texts = render_all(sparse, DAY, "college-plan")
    made = {name.split("-")[0].removesuffix(".docx") for name in texts}
    for name in ("profiel", "rapport", "besluit", "agenda", "gegevensaanvraag", "gesprek",
                 "swot", "voortgangsrapport", "brainstorm"):  # fmt: skip
        assert name in made, name
    for name, text in texts.items():
        assert "\u27e6" not in text and "{{" not in text and "None" not in text, name
    assert (
        "De burgemeester, [in te vullen: de naam van de burgemeester]"
        in texts["profiel-coordinator.docx"]
    )
    swot = texts["swot.docx"]
    assert "[in te vullen: de zwakke punten]" in swot and "Nog geen antwoord." in swot
    assert "De kerngroep moet de conclusies nog trekken." in swot
    report = texts["voortgangsrapport.docx"]
    assert "De veiligheidsdiagnostiek is nog niet opgemaakt." in report
    assert "De kerngroep heeft nog geen prioriteiten gekozen." in report
    assert "<grafiek>" not in report  # no figures, no charts
    start = texts["rapport-opstart.docx"]
    assert "Het college moet de coördinator nog officieel aanstellen." in start
    assert "Een geheim antwoord" not in start
    agenda = texts["agenda-2026-12-01-kerngroep.docx"]
    assert "[in te vullen: de plaats]" in agenda and "Heading 2 | Stellingen" in agenda
    decision = texts["besluit-college-plan.docx"]
    assert "[in te vullen: de datum van de zitting]" in decision
    assert "[in te vullen: het begin van de planperiode]" in decision
    letter = texts["gegevensaanvraag-korpschef.docx"]
    assert "[in te vullen: de periode van 'Politiële criminaliteitsstatistieken']" in letter


def test_definitief_refuses_a_decision_without_its_session(sparse, livb):
    result = livb("render", "besluit", sparse, "--besluit", "college-plan", "--definitief")
    assert result.code == 1
    assert "  besluiten.yaml: college / plan: " in result.err
    assert "(in besluit-college-plan.docx)" in result.err
    assert "de datum van de zitting" in result.err


def test_final_gaps_name_what_a_final_version_still_lacks(sparse):
    views = views_of(sparse)
    swot = DOCUMENTS["swot"]
    gaps = swot.final_gaps(views.project, swot.build(views, None))
    assert "swot.yaml: de confrontatiematrix heeft geen antwoord onder 'sterktes_kansen'" in gaps
    halle = views_of(EXAMPLE)
    assert swot.final_gaps(halle.project, swot.build(halle, None)) == []


# -- per item ------------------------------------------------------------------------------------


def test_each_per_item_document_takes_its_own_option(halle, livb):
    cases = [
        ("gesprek", "--gesprek", "2009-05-28-politie", "gesprek-2009-05-28-politie.docx"),
        ("gegevensaanvraag", "--partner", "koen-deprez", "gegevensaanvraag-koen-deprez.docx"),
        ("besluit", "--besluit", "college-plan", "besluit-college-plan.docx"),
        ("agenda", "--vergadering", "2009-09-15-kerngroep", "agenda-2009-09-15-kerngroep.docx"),
    ]
    for document, option, item, filename in cases:
        result = livb("render", document, halle, option, item, "--datum", "2026-11-21")
        assert result.code == 0, result.err
        assert (halle / "output" / filename).is_file()
    wrong = livb("render", "gesprek", halle, "--vergadering", "2009-09-15-kerngroep")
    assert wrong.code == 2 and "--vergadering past niet bij 'gesprek'" in wrong.err
    unknown = livb("render", "besluit", halle, "--besluit", "college-iets")
    assert unknown.code == 1 and "onbekend besluit 'college-iets'" in unknown.err
    assert "college-plan" in unknown.err
    missing = livb("render", "gegevensaanvraag", halle)
    assert missing.code == 2 and "--partner" in missing.err


def test_partners_are_the_actors_or_suppliers_of_the_sources_but_not_the_coordinator():
    from livb.documents.gegevensaanvraag import partners

    project = load_project(EXAMPLE).project
    found = partners(project)
    assert sorted(found) == [
        "ann-mertens",
        "federale-politie-en-fod-binnenlandse-zaken",
        "koen-deprez",
        "sanctionerend-ambtenaar-van-de-stad",
        "sofie-claes",
        "statbel-uit-het-rijksregister",
        "steunpunt-wse-statistiek-vlaanderen",
    ]
    assert [b.id for b in found["koen-deprez"]] == ["politiestatistiek", "verkeersongevallen"]


def test_each_supplier_of_a_source_gets_a_letter_of_its_own(tmp_path):
    from livb.documents.gegevensaanvraag import partners

    sources = """\
        bronnen:
          - id: overlast
            naam: Sociale overlast
            soort: feit
            leverancier: [OCMW, Straathoekwerk, gemeentediensten]
          - id: inkomen
            naam: Inkomen en leefloon
            soort: context
            leverancier: OCMW
        """
    root = write_tree(tmp_path / "g", {**MINIMAL, "diagnostiek/bronnen.yaml": sources})
    project = load_project(root).project
    assert project is not None
    found = partners(project)
    assert {k: [b.id for b in v] for k, v in found.items()} == {
        "ocmw": ["overlast", "inkomen"],
        "straathoekwerk": ["overlast"],
        "gemeentediensten": ["overlast"],
    }
    made = render_documents(RenderRequest(root, ["gegevensaanvraag"], today=DAY))
    # the gemeente's own services need no letter; each other supplier one, named as written
    assert sorted(r.path.name for r in made) == [
        "gegevensaanvraag-ocmw.docx",
        "gegevensaanvraag-straathoekwerk.docx",
    ]
    letter = "\n".join(
        docx_text((root / "output" / "gegevensaanvraag-straathoekwerk.docx").read_bytes())
    )
    assert "Straathoekwerk" in letter and "OCMW" not in letter and "Inkomen" not in letter


# -- the decisions ---------------------------------------------------------------------------------


def _without_evaluations(root: Path) -> None:
    """Halle as it was before its college took note of an evaluation: one decision to come."""
    path = root / "besluiten.yaml"
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    kept = [block for block in blocks if "onderwerp: evaluatie" not in block]
    assert len(kept) == len(blocks) - 2
    path.write_text("\n\n".join(kept), encoding="utf-8")


def test_a_decision_has_the_belgian_form_and_the_law_of_its_time(halle):
    _without_evaluations(halle)
    plan = render_these(halle, DAY, "besluit:gemeenteraad-plan")["besluit-gemeenteraad-plan.docx"]
    render_documents(RenderRequest(halle, ["besluit"], "college-evaluatie", today=DAY, force=True))
    evaluation = "\n".join(
        docx_text((halle / "output/besluit-college-evaluatie.docx").read_bytes())
    )
    assert "Gelet op het gemeentedecreet van 15 juli 2005;" in plan  # decided in 2010
    assert (
        "Gelet op de beslissing van het college van burgemeester en schepenen van 22 februari 2010;"
        in plan
    )
    assert "Artikel 1. De gemeenteraad keurt het integraal plan levenskwaliteit goed" in plan
    assert "table | Zitting | 23 maart 2010" in plan and "GR 2010/071" in plan
    # not decided yet (render alle leaves it out): judged today
    assert "Gelet op het decreet over het lokaal bestuur van 22 december 2017;" in evaluation
    assert "[in te vullen: de datum van de zitting]" in evaluation
    assert "table | algemeen directeur | burgemeester" in evaluation  # the title since 2019
    assert "table | stadssecretaris | voorzitter van de gemeenteraad" in plan  # before 2019
    assert "…………………………………Dirk Pieters" in plan  # the mayor chairs the council


def test_render_alle_makes_the_decisions_taken_and_a_draft_on_request(halle, livb):
    _without_evaluations(halle)
    names = set(render_all(halle))
    assert "besluit-gemeenteraad-plan.docx" in names
    assert "besluit-college-evaluatie.docx" not in names  # not taken: asked for by name
    result = livb(
        "render", "besluit", halle, "--besluit", "college-evaluatie", "--datum", "2026-11-21"
    )
    assert result.code == 0, result.err
    assert (halle / "output" / "besluit-college-evaluatie.docx").is_file()
    result = livb("render", "besluit", halle, "--besluit", "college-evaluatei")
    assert result.code == 1
    assert "onbekend besluit 'college-evaluatei'; bedoelde je college-evaluatie?" in result.err


def test_reports_show_the_state_of_their_day(halle):
    early = render_these(halle, dt.date(2009, 10, 1), "voortgangsrapport")["voortgangsrapport.docx"]
    assert "Stand op 1 oktober 2009" in early
    assert "table | 2.5 | SWOT-analyse | Inventariseren | bezig | 13\u00a0okt.\u00a02009" in early
    assert "List Bullet | 2.5 SWOT-analyse (gepland op 13 oktober 2009)" in early
    start = render_these(halle, DAY, "rapport-opstart")["rapport-opstart.docx"]
    assert "livb Titelgegevens | 16 februari 2009" in start  # the day the college decided
    assert "table | 1.4 | Intentieverklaring en protocolakkoord | te doen | " in start


# -- the brainstorm ------------------------------------------------------------------------------


def test_the_brainstorm_speaks_the_gemeentes_language(halle):
    path = halle / "livb.yaml"
    path.write_text(
        path.read_text("utf-8")
        .replace("titel: levenskwaliteit", "titel: leefbaarheid")
        .replace("plannaam: integraal plan levenskwaliteit", "plannaam: leefbaarheidsplan"),
        "utf-8",
    )
    # on 1 December 2009 the brainstorm (15 December) is still to come: render alle makes it
    texts = render_these(
        halle,
        dt.date(2009, 12, 1),
        "brainstorm",
        "agenda:2009-12-15-kerngroep-ontwerp",
        "agenda:2009-09-15-kerngroep",
    )
    handout = texts["brainstorm.docx"]
    assert (
        "Het leefbaarheidsplan moet antwoorden op de prioriteiten van het zonaal veiligheidsplan PZ Zennevallei 2009-2012."
        in handout
    )
    assert (
        "de prioriteiten van het zonaal veiligheidsplan PZ Zennevallei 2009-2012 zijn Woninginbraken, Verkeersveiligheid en Overlast"
        in handout
    )
    assert "levenskwaliteit" not in handout.replace("coördinator levenskwaliteit", "")
    assert handout.count("List Number | ") == 6 + 18
    agenda = texts["agenda-2009-12-15-kerngroep-ontwerp.docx"]  # the 3.3 meeting
    assert "Heading 1 | Brainstorm: stellingen en vragen" in agenda
    assert "Het leefbaarheidsplan moet antwoorden" in agenda
    assert "Stellingen" not in texts["agenda-2009-09-15-kerngroep.docx"]


# -- charts: the data behind them ----------------------------------------------------------------


def test_a_series_chart_holds_the_series_figures_and_says_what_they_are():
    views = views_of(EXAMPLE)
    reeksen = {r.id: r for r in views.project.cijfers.reeksen}
    chart = series_chart(views.series(reeksen["onveiligheidsgevoel"]))
    assert chart is not None
    assert chart.jaren == (2004, 2006, 2008) and chart.waarden == (13.1, 14.2, 16.8)
    assert value_label(chart.eenheid) == "percentage"
    assert "Veiligheidsmonitor" in chart.bijschrift
    inbraken = series_chart(views.series(reeksen["woninginbraken"]))
    counts, people = views.project.series["woninginbraken"], views.project.series["inwoners"]
    rates = tuple(counts[y] / people[y] * 1000 for y in sorted(counts))  # per 1000 inhabitants
    assert inbraken is not None and inbraken.waarden == rates
    assert inbraken.vergelijking[0][0] == "PZ Zennevallei"
    assert value_label("feiten") == "aantal feiten" and value_label("") == "aantal"
    assert (
        series_chart(
            {"jaren": [], "waarden": []}
            | dict.fromkeys(("naam", "eenheid", "onvolledig", "bron"), "")
        )
        is None
    )


def test_the_chain_chart_shows_every_link_in_order_even_an_empty_one():
    chart = chain_chart({"repressie": 2, "preventie": 5, "onbekend": 1})
    assert isinstance(chart, BarChart)
    assert chart.categorieen == (
        "proactie",
        "preparatie",
        "preventie",
        "repressie",
        "nazorg",
        "onbekend",
    )
    assert chart.aantallen == (0, 0, 5, 2, 0, 1)
    assert chain_chart({}) is None


def test_a_timeline_holds_the_dated_actions_of_a_goal_in_order():
    views = views_of(EXAMPLE)
    goal = views.goal(
        views.project.doelstellingen["doelstellingen/inbraken.yaml"].strategische_doelstellingen[0]
    )
    chart = timeline_chart(goal)
    assert isinstance(chart, TimelineChart)
    actions = [a for od in goal["operationele"] for a in od["acties"]]
    assert len(chart.balken) + chart.zonder_periode == len(actions)
    assert [b.start for b in chart.balken] == sorted(b.start for b in chart.balken)
    assert (
        chart.balken[0].label == "Gerichte controles op inbraakgevoelige uren langs de invalswegen"
    )


def test_a_goal_with_more_actions_than_a_page_holds_gets_a_bar_per_operational_goal():
    def action(n: int, year: int, status: str) -> dict:
        start = dt.date(year, 1 + n % 12, 1)
        return {"id": f"a{n}", "titel": f"Actie {n}", "start": start,
                "einde": start + dt.timedelta(days=200), "status": status}  # fmt: skip

    goal = {
        "titel": "Een grote doelstelling",
        "operationele": [
            {"titel": "Eerste", "acties": [action(n, 2011, "gepland") for n in range(15)]},
            {"titel": "Tweede", "acties": [action(n, 2010, "lopend") for n in range(12)]
             + [action(99, 2010, "afgerond"), {**action(98, 2010, "gepland"), "einde": None}]},
            {"titel": "Derde", "acties": [action(1, 2013, "afgerond")]},
        ],
    }  # fmt: skip
    chart = timeline_chart(goal)
    assert isinstance(chart, TimelineChart) and chart.per_doelstelling
    assert [(b.label, b.detail, b.status) for b in chart.balken] == [
        ("Tweede", "13 acties", "gemengd"),
        ("Eerste", "15 acties", "gepland"),
        ("Derde", "1 actie", "afgerond"),
    ]
    assert chart.balken[0].start == dt.date(2010, 1, 1)
    assert chart.balken[0].einde == max(a["einde"] for a in goal["operationele"][1]["acties"][:13])
    assert chart.zonder_periode == 1
    assert chart.bijschrift.startswith("Tijdlijn van de operationele doelstellingen: Een grote")
    # three rows: the chart is as small as a chart of three actions, and half a page at most
    drawn = chart.drawing()
    assert drawn.categories == ("Tweede (13 acties)", "Eerste (15 acties)", "Derde (1 actie)")
    assert drawn.height == timeline_chart(
        {"titel": "x", "operationele": [{"titel": "y", "acties": [action(n, 2011, "gepland")
                                                                 for n in range(3)]}]}
    ).drawing().height  # fmt: skip

    few = {"titel": "Klein", "operationele": [goal["operationele"][2]]}
    small = timeline_chart(few)
    assert small is not None and not small.per_doelstelling
    assert [b.label for b in small.balken] == ["Actie 1"]


def test_the_plan_and_the_diagnostiek_views_carry_their_charts():
    views = views_of(EXAMPLE)
    plan = DOCUMENTS["plan"].build(views, None)
    assert plan["keten_grafiek"].aantallen[2] == dict(plan["keten"])["preventie"]
    assert set(plan["tijdlijnen"]) == {
        sd["id"] for p in plan["prioriteiten"] for sd in p["doelstellingen"]
    }
    diagnostiek = DOCUMENTS["diagnostiek"].build(views, None)
    assert diagnostiek["cijferreeksen"]["werkloosheidsgraad"]["label"] == "percentage"
    assert diagnostiek["cijferreeksen"]["overlast"]["grafiek"].jaren == (2006, 2007, 2008)


def _chart_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return [
            package.read(n).decode()
            for n in sorted(package.namelist(), key=lambda n: (len(n), n))
            if n.startswith("word/charts/")
        ]


def test_a_chart_is_the_same_xml_every_time_and_holds_its_data():
    from livb.word.chart import chart_xml

    chart = chain_chart({"preventie": 3, "nazorg": 1})
    assert chart is not None
    first, second = chart_xml(chart.drawing(), "nl-BE"), chart_xml(chart.drawing(), "nl-BE")
    assert first == second
    root = etree.fromstring(first)
    values = [float(v) for v in root.xpath("//c:val//c:v/text()", namespaces=NS)]
    labels = root.xpath("//c:cat//c:v/text()", namespaces=NS)
    assert dict(zip(labels, values, strict=True)) == {
        "proactie": 0, "preparatie": 0, "preventie": 3, "repressie": 0, "nazorg": 1,
    }  # fmt: skip
    assert root.xpath("//c:barChart/c:barDir/@val", namespaces=NS) == ["col"]
    assert root.xpath("//a:pattFill", namespaces=NS), "bars told apart without colour"
    assert root.xpath("//c:lang/@val", namespaces=NS) == ["nl-BE"]


def test_a_trend_chart_draws_the_comparison_and_the_target_without_colour():
    from livb.word.chart import chart_xml

    views = views_of(EXAMPLE)
    reeksen = {r.id: r for r in views.project.cijfers.reeksen}
    trend = series_chart(views.series(reeksen["woninginbraken"]))
    assert trend is not None
    trend = dataclasses.replace(trend, doel=(2012, 4.0), onvolledig=2008)
    root = etree.fromstring(chart_xml(trend.drawing(), "nl-BE"))
    names = root.xpath("//c:ser/c:tx//c:v/text()", namespaces=NS)
    assert names == ["Halle", "PZ Zennevallei", "doel 4 (2012)"]
    assert root.xpath("//c:cat[1]//c:v/text()", namespaces=NS)[:5] == [
        "2005", "2006", "2007", "2008", "2012",
    ]  # fmt: skip
    dashes = root.xpath("//c:ser/c:spPr/a:ln/a:prstDash/@val", namespaces=NS)
    assert len(set(dashes)) == 3  # each line its own dash: black and white safe
    markers = root.xpath("//c:ser/c:marker/c:symbol/@val", namespaces=NS)
    assert len(set(markers)) == 3
    assert root.xpath("//c:ser[1]/c:dPt/c:idx/@val", namespaces=NS) == ["3"]  # 2008: open
    assert set(root.xpath("//a:srgbClr/@val", namespaces=NS)) <= {"000000", "FFFFFF", "D9D9D9"}
    assert root.xpath("//c:legend", namespaces=NS)


def test_data_in_a_chart_stays_literal_text():
    from livb.word.chart import chart_xml

    chart = chain_chart({"preventie": 3})
    assert chart is not None
    hostile = dataclasses.replace(chart, titel="Acties <w:p/> & $\\frac{1}{0}$\tper\x01schakel")
    root = etree.fromstring(chart_xml(hostile.drawing(), "nl-BE"))
    [title] = root.xpath("/c:chartSpace/c:chart/c:title//a:t/text()", namespaces=NS)
    assert title == "Acties <w:p/> & $\\frac{1}{0}$ per schakel"


# -- the chart in the Word half ------------------------------------------------------------------


def test_a_chart_becomes_a_native_chart_at_text_width_with_its_caption(halle):
    render_documents(RenderRequest(halle, ["voortgangsrapport"], today=DAY))
    path = halle / "output" / "voortgangsrapport.docx"
    lines = docx_text(path.read_bytes())
    index = lines.index("Normal | <grafiek>")
    assert lines[index + 1].startswith("Caption | Woninginbraken (pogingen inbegrepen), 2005–2008")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        document = package.read("word/document.xml").decode()
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert not [n for n in names if n.startswith("word/media/")]  # no pictures: Word draws
    charts = [n for n in names if n.startswith("word/charts/")]
    assert len(charts) == 9  # eight series and the chain
    for name in charts:
        assert f'PartName="/{name}" ContentType="{CHART_TYPE}"' in types
        assert f'Target="{name.removeprefix("word/")}"' in rels
    assert (
        document.count('graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"')
        == 9
    )
    widths = {int(w) for w in re.findall(r'<wp:extent cx="(\d+)"', document)}
    assert widths == {(11906 - 2 * 1417) * 635}
    series = _chart_parts(path)[0]
    assert "Woninginbraken (pogingen inbegrepen)" in series
    views = views_of(halle)
    reeks = next(r for r in views.project.cijfers.reeksen if r.id == "woninginbraken")
    shown = series_chart(views.series(reeks))
    assert shown is not None
    root = etree.fromstring(series.encode())
    first = [float(v) for v in root.xpath("//c:ser[1]/c:val//c:v/text()", namespaces=NS)]
    assert first == list(shown.waarden)


def test_the_grafiek_block_is_checked():
    with pytest.raises(MarkdownError, match="geen geldige afbeelding"):
        parse('```grafiek\n{"png": "nope!"}\n```\n')
    with pytest.raises(MarkdownError, match="vraagt een PNG"):
        parse('```grafiek\n{"png": "R0lGODlh"}\n```\n')
    import base64
    import json

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    payload = json.dumps({"bijschrift": "Een titel", "png": base64.b64encode(png).decode()})
    ir = parse(f"```grafiek\n{payload}\n```\n")
    [block] = ir.blocks
    assert isinstance(block, Image) and block.data == png
    assert "".join(s.text for s in block.caption) == "Een titel"


def test_a_chart_is_named_by_number_and_made_only_when_parsed():
    from livb.word.ir import Chart

    data = chain_chart({"preventie": 1}).drawing()
    made: list[int] = []

    def make() -> object:
        made.append(1)
        return data

    ir = parse('```grafiek\n{"bijschrift": "Keten", "grafiek": 0}\n```\n', [make])
    [block] = ir.blocks
    assert isinstance(block, Chart) and block.data == data and made == [1]
    assert "".join(s.text for s in block.caption) == "Keten"
    for wrong in ("1", "-1", '"0"', "true"):  # only a chart the document asked for
        with pytest.raises(MarkdownError, match="geen geldige afbeelding"):
            parse(f'```grafiek\n{{"grafiek": {wrong}}}\n```\n', [make])


def test_charts_count_toward_neither_the_size_nor_the_time_of_the_template(halle, monkeypatch):
    """A big city's plan has hundreds of charts: the limits are for what the template writes."""
    import livb.documents.environment as environment
    from livb.documents.environment import build_environment
    from livb.documents.render import _render_text, _template_folders, plan_jobs
    from livb.word.chart import chart_xml

    request = RenderRequest(halle, ["voortgangsrapport"], today=DAY)
    project = load_project(halle).project
    assert project is not None
    [job] = plan_jobs(request, project)
    built = build_environment(_template_folders(halle))
    text = _render_text(built, job)
    assert '"grafiek": 8' in text and "c:chartSpace" not in text  # nine charts, by number only
    parts = sum(len(chart_xml(chart.drawing(), "nl-BE")) for chart in built.livb_charts)
    assert parts > len(text)  # the charts' parts alone would pass a limit set here
    monkeypatch.setattr(environment, "MAX_OUTPUT", len(text) + 1000)
    monkeypatch.setattr("livb.documents.render.MAX_OUTPUT", len(text) + 1000)
    render_documents(RenderRequest(halle, ["voortgangsrapport"], today=DAY))
    assert len(_chart_parts(halle / "output" / "voortgangsrapport.docx")) == 9


def test_pictures_an_earlier_livb_kept_are_removed_and_nothing_else(halle):
    old = halle / "output" / ".livb-charts"
    old.mkdir(parents=True)
    kept = old / ("a" * 64 + ".png")
    kept.write_bytes(b"\x89PNG")
    mine = old / "notities.txt"
    mine.write_text("van mij", encoding="utf-8")
    render_documents(RenderRequest(halle, ["swot"], today=DAY))
    assert not kept.exists() and mine.read_text(encoding="utf-8") == "van mij"


def test_every_new_document_is_registered_with_its_step():
    steps = {name: DOCUMENTS[name].stap for name in NEW}
    assert steps == {
        "profiel": "1.1",
        "rapport-opstart": "1.3",
        "besluit": "1.1–5",
        "agenda": "alle",
        "gegevensaanvraag": "2.1",
        "gesprek": "1.2, 2.2",
        "swot": "2.5",
        "voortgangsrapport": "2.7",
        "brainstorm": "3.3",
    }


def test_a_long_supplier_name_gives_a_short_file_name():
    from livb.documents.gegevensaanvraag import SLUG_LENGTH, _slug

    long = "Federale Politie, Directie van de operationele politionele informatie " * 5
    slug = _slug(long)
    assert len(slug) <= SLUG_LENGTH
    assert slug.startswith("federale-politie-directie-van-de-")
    assert _slug(long + "West") != slug  # two long names stay two partners
    assert _slug("Sécurité & Société") == "securite-societe"
    assert _slug("¿¡") == "partner"
