"""What a reader sees is true: gaps survive every context, a final version has none."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from livb.documents.render import RenderRequest, plan_jobs
from livb.folder.project import load_project
from livb.word.docx import docx_text

from helpers import copy_example

DAY = "2026-11-21"


def xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode("utf-8") if part in package.namelist() else ""


def gap_runs_and_comments(path: Path) -> tuple[int, int]:
    """The runs in the 'livb In te vullen' style, and the comments of the document."""
    styles = xml(path, "word/styles.xml")
    style_id = re.search(r'w:styleId="([^"]+)"><w:name w:val="livb In te vullen"/>', styles)
    assert style_id, "the house style has no 'livb In te vullen'"
    document = xml(path, "word/document.xml")
    runs = document.count(f'<w:rStyle w:val="{style_id.group(1)}"/>')
    comments = xml(path, "word/comments.xml").count("<w:comment ")
    return runs, comments


def assert_no_marker_left(path: Path) -> None:
    document = xml(path, "word/document.xml")
    for leftover in ("\u27e6", "\u27e7", "|livb.yaml|", "|actoren.yaml|", "|besluiten.yaml|"):
        assert leftover not in document, (path.name, leftover)
    runs, comments = gap_runs_and_comments(path)
    assert runs == comments, (path.name, runs, comments)


@pytest.fixture
def fresh(tmp_path: Path, livb) -> Path:
    """A fresh ``livb init`` folder: every name still to fill in."""
    root = tmp_path / "gemeente"
    result = livb("init", root, "--gemeente", "Lommel")
    assert result.code == 0, result.err
    return root


EVERY_CONTEXT = """\
::: titelpagina
# Titel {{ burgemeester.naam }}

Onder {{ burgemeester.naam }}
:::

# Kop met {{ burgemeester.naam }}

## **Vet {{ burgemeester.naam }}** en *schuin {{ burgemeester.naam }}*

- lijst {{ burgemeester.naam }}
  - dieper {{ persoon(burgemeester) }}

1. genummerd {{ personen([burgemeester, coordinator]) }}

{breedtes="30,70"}
| Kop {{ burgemeester.naam }} | Tweede |
|---|---|
| {{ burgemeester.naam }} | {{ burgemeester.naam | cel }} en **{{ burgemeester.naam }}** |

{{ tabel(["Wie", "Wat"], [[burgemeester.naam, "x"], [coordinator, "y"]]) }}

Geplakt: {{ "de heer " ~ burgemeester.naam ~ " | * _ # " }}, {{ [burgemeester.naam, "b"] | join(", ") }}, {{ burgemeester.naam | upper }} en {{ burgemeester.naam | capitalize }}.

[een link]({{ burgemeester.naam }}) en `{{ burgemeester.naam }}`

::: kader
In een kader: {{ burgemeester.naam }}
:::

::: handtekeningen
| Voor {{ gemeente.de_gemeente }} | Voor {{ burgemeester.naam }} |
|---|---|
| {{ burgemeester.naam }} | {{ coordinator.naam }} |
| burgemeester | {{ burgemeester.naam }} |
:::
"""


def test_a_gap_survives_every_markdown_context(fresh, livb):
    (fresh / "templates").mkdir()
    (fresh / "templates" / "intentieverklaring.md.j2").write_text(EVERY_CONTEXT, "utf-8")
    result = livb("render", "intentieverklaring", fresh, "--datum", DAY)
    assert result.code == 0, result.err
    path = fresh / "output" / "intentieverklaring.docx"
    assert_no_marker_left(path)
    text = "\n".join(docx_text(path.read_bytes()))
    gap = "[in te vullen: de naam van de burgemeester]"
    for line in (
        f"Title | Titel {gap}",
        f"Subtitle | Onder {gap}",
        f"Heading 1 | Kop met {gap}",
        f"Heading 2 | Vet {gap} en schuin {gap}",
        f"List Bullet | lijst {gap}",
        f"List Bullet 2 | dieper {gap} (burgemeester)",
        f"table | Kop {gap} | Tweede",
        f"table | {gap} | {gap} en {gap}",
        f"table | Wie | Wat\ntable | {gap} | x\ntable | [in te vullen: de naam van de coördinator integrale veiligheid] | y",
        f"Normal | Geplakt: de heer {gap} | * _ # , {gap}, b, {gap} en {gap}.",
        f"Normal | {gap}een link en {gap}",
        f"livb Kader | In een kader: {gap}",
        f"table | Voor de stad Lommel | Voor {gap}",  # Lommel has the title of city
        f"table | …………………………………{gap} | …………………………………[in te vullen: de naam van de",
    ):
        assert line in text, line
    runs, _ = gap_runs_and_comments(path)
    assert runs == text.count("[in te vullen:") - text.count("toc ")  # no TOC in this template
    comments = xml(path, "word/comments.xml")
    assert comments.count("actoren.yaml") == runs and "actoren[0].naam" in comments


def test_data_cannot_forge_a_gap(fresh, livb):
    actoren = fresh / "actoren.yaml"
    forged = "\u27e6" + "00" * 6 + "5b2261222c2262222c2263225d" + "\u27e7"  # ["a","b","c"]
    actoren.write_text(
        actoren.read_text("utf-8").replace("naam:   # in te vullen", f"naam: 'Jan {forged}'", 1),
        "utf-8",
    )
    result = livb("render", "intentieverklaring", fresh, "--datum", DAY)
    assert result.code == 0, result.err
    path = fresh / "output" / "intentieverklaring.docx"
    text = "\n".join(docx_text(path.read_bytes()))
    # the brackets are data here: shown as written, never read as a gap
    assert f"Jan {forged}" in text and "[in te vullen: a]" not in text
    runs, comments = gap_runs_and_comments(path)
    assert runs == comments


def almost_empty(root: Path, livb) -> Path:
    """A fresh folder plus the least each document needs to be made: a meeting, a priority."""
    for args in (
        ("new", "vergadering", "--map", root, "--stap", "1.6", "--datum", "2026-12-01"),
        ("new", "prioriteit", "--map", root, "--id", "overlast", "--titel", "Overlast"),
        ("new", "doelstelling", "--map", root, "--prioriteit", "overlast"),
    ):
        result = livb(*args)
        assert result.code == 0, (args, result.err)
    return root


def test_every_document_of_an_almost_empty_folder_shows_its_gaps(fresh, livb):
    root = almost_empty(fresh, livb)
    result = livb("render", "alle", root, "--datum", DAY)
    assert result.code == 0, result.err
    made = sorted(p.name for p in (root / "output").glob("*.docx"))
    project = load_project(root).project
    assert project is not None
    request = RenderRequest(root, ["alle"], today=dt.date.fromisoformat(DAY))
    assert made == sorted(job.filename for job in plan_jobs(request, project))
    # no FOD named in livb.yaml: no protocolakkoord (test_documents drafts one by name)
    assert "protocolakkoord.docx" not in made
    assert {
        "diagnostiek.docx",
        "intentieverklaring.docx",
        "plan.docx",
        "verslag-2026-12-01-kerngroep.docx",
        "agenda-2026-12-01-kerngroep.docx",
        "profiel-coordinator.docx",
    } <= set(made)
    for name in made:
        path = root / "output" / name
        assert_no_marker_left(path)
        runs, _ = gap_runs_and_comments(path)
        # a fresh folder lacks names and dates in every document that names people or dates
        if not name.startswith(("voortgangsrapport", "brainstorm")):
            assert runs > 0, name
    signature = docx_text((root / "output" / "intentieverklaring.docx").read_bytes())
    assert "table | …………………………………[in te vullen: de naam van de burgemeester]" in signature


# -- documents say only what the folder holds -------------------------------------------------

ONTWERP = Path(__file__).parent / "projects" / "ontwerp"


@pytest.fixture
def ontwerp(tmp_path: Path) -> Path:
    """A copy of the sparse draft folder: a gemeente early in the process, off the method."""
    root = tmp_path / "ontwerp"
    copy_example(root, ONTWERP)
    return root


def rendered_text(root: Path, livb, *args: str) -> dict[str, str]:
    result = livb("render", "alle", root, "--datum", DAY, *args)
    assert result.code == 0, result.err
    return {
        path.name: "\n".join(docx_text(path.read_bytes()))
        for path in sorted((root / "output").glob("*.docx"))
    }


ITEM_OPTION = {
    "agenda": "--vergadering",
    "verslag": "--vergadering",
    "besluit": "--besluit",
    "gesprek": "--gesprek",
}


def rendered_these(root: Path, livb, *documents: str) -> dict[str, str]:
    """What rendered_text gives for the documents named ("agenda:ID": one meeting's).

    Each is made alone with `livb render`, as it is in `render alle` (a document is built from
    the folder and the day only), without rendering the other forty; that `render alle` makes
    it that day is checked against the plan of its jobs.
    """
    project = load_project(root).project
    assert project is not None
    request = RenderRequest(root, ["alle"], today=dt.date.fromisoformat(DAY))
    made = {job.filename for job in plan_jobs(request, project)}
    texts = {}
    for document in documents:
        name, _, item = document.partition(":")
        chosen = [ITEM_OPTION[name], item] if item else []
        result = livb("render", name, root, "--datum", DAY, *chosen)
        assert result.code == 0, result.err
        filename = f"{name}-{item}.docx" if item else f"{name}.docx"
        assert filename in made, filename
        texts[filename] = "\n".join(docx_text((root / "output" / filename).read_bytes()))
    return texts


def test_no_sentence_claims_what_a_sparse_folder_lacks(ontwerp, livb):
    texts = rendered_text(ontwerp, livb)
    everything = "\n".join(texts.values())
    # a gemeente, not a stad
    assert "stadsdiensten" not in everything and "gemeentediensten" in texts["plan.docx"]
    # rules the gemeente switched off: no five-priority limit, no three kinds of data, no SWOT
    assert "hoogstens vijf" not in everything
    assert "met cijfers, waarnemingen en context" not in texts["intentieverklaring.docx"]
    assert "drie soorten" not in texts["diagnostiek.docx"]
    assert "context (de socio-economische" not in texts["diagnostiek.docx"]
    assert "Sterktes, zwaktes" not in texts["plan.docx"] and "sterkte-zwakte" not in everything
    # no protocol with the FOD: no claim that the method of the FOD was followed
    assert "methode van de FOD" not in texts["plan.docx"]
    # the actions cover no link of the chain yet
    assert "hele veiligheidsketen" not in texts["plan.docx"]
    # the council has not approved the declaration yet
    assert "Ze wordt gedragen door" not in texts["intentieverklaring.docx"]
    assert "ze wordt nog voorgelegd aan de gemeenteraad" in texts["intentieverklaring.docx"]
    # a link to another plan without a priority
    assert "bij  in het" not in everything and "Ze sluit aan bij:" in texts["plan.docx"]
    assert "List Bullet | Zonaal veiligheidsplan PZ Hageland 2026-2031\n" in texts["plan.docx"]
    # a meeting still to come has no minutes, no homework, no approved minutes
    future = texts["verslag-2026-12-08-kerngroep.docx"]
    assert "Deze vergadering moet nog plaatsvinden: dit is haar agenda." in future
    assert "werd goedgekeurd" not in future and "Huiswerk" not in future


def test_titles_keep_the_capitals_the_coordinator_wrote(ontwerp, livb):
    texts = rendered_text(ontwerp, livb)
    plan = texts["plan.docx"]
    assert plan.startswith("Title | Integraal Veiligheidsplan Kortenaken (IVK²)\n")
    assert "Uitwerking: Werkgroep Inbraakpreventie, onder leiding van" in plan
    path = ontwerp / "output" / "plan.docx"
    assert "<dc:title>Integraal Veiligheidsplan Kortenaken (IVK²)</dc:title>" in xml(
        path, "docProps/core.xml"
    )
    header = xml(path, "word/header1.xml")
    assert " TITLE " in header and ">Integraal Veiligheidsplan Kortenaken (IVK²)<" in header
    assert "Orgaan | De kerngroep" in texts["verslag-2026-10-06-kerngroep.docx"]


def test_findings_and_swot_points_are_listed_not_pasted_into_a_sentence(halle, livb):
    texts = rendered_these(halle, livb, "plan")
    plan = texts["plan.docx"]
    assert "de vaststellingen Woninginbraken" not in plan
    assert (
        "Normal | De keuze steunt op deze bevindingen van de diagnostiek:\n"
        "List Bullet | Woninginbraken stijgen al vier jaar\n" in plan
    )
    assert "Normal | En op deze punten uit de sterkte-zwakteanalyse:\n" in plan
    assert "table | Sterktes (intern) | Zwaktes (intern)\ntable | Sterke betrokkenheid" in plan


def test_a_stad_and_a_gemeente_name_their_own_services(halle, livb):
    assert (
        "stadsdiensten samen met hun partners" in rendered_these(halle, livb, "plan")["plan.docx"]
    )
    settings = halle / "livb.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace("bestuursvorm: stad", "bestuursvorm: gemeente"),
        "utf-8",
    )
    texts = rendered_these(halle, livb, "plan", "intentieverklaring")
    assert "gemeentediensten samen met hun partners" in texts["plan.docx"]
    assert "gemeentediensten, politie, justitie" in texts["intentieverklaring.docx"]
    assert "stadsdiensten, politie" not in texts["intentieverklaring.docx"]


# -- --definitief refuses every gap -----------------------------------------------------------


def refusal(root: Path, livb, *documents: str) -> list[str]:
    result = livb("render", *(documents or ("alle",)), root, "--definitief", "--datum", DAY)
    assert result.code == 1, result.out
    progress, _, refused = result.err.partition("definitief: nog geen definitieve versie (")
    # what came before are the lines of the documents made before the first reason was found
    assert all(
        re.fullmatch(r"documenten maken \(\d+\):|  \d+/\d+ \S+\.docx", line)
        for line in progress.splitlines()
    ), progress
    lines = ("definitief: nog geen definitieve versie (" + refused).splitlines()
    assert lines[-1].startswith("    hulp: ")
    reasons = [line.strip() for line in lines[1:-1]]
    assert lines[0] == f"definitief: nog geen definitieve versie ({len(reasons)} reden(en)):"
    assert not (root / "output").exists() or not list((root / "output").glob("*.docx"))
    return reasons


def test_definitief_lists_every_reason_of_every_document_at_once(ontwerp, livb):
    """Each reason once, at its file:line:column as check gives them, with the documents it holds up."""
    reasons = refusal(ontwerp, livb)
    for expected in (
        "besluiten.yaml: gemeenteraad / intentieverklaring: in te vullen: de datum van "
        "goedkeuring door de gemeenteraad (in intentieverklaring.docx)",
        "vergaderingen/2026-10-06-kerngroep.yaml:35:5: in te vullen: het verslag bij 'Het lokaal "
        "integraal veiligheidsbeleid: begrippen en aanpak' (in verslag-2026-10-06-kerngroep.docx)",
        "vergaderingen/2026-12-08-kerngroep.yaml:11:8: de vergadering van 8 december 2026 moet "
        "nog plaatsvinden (in verslag-2026-12-08-kerngroep.docx)",
        "diagnostiek/bevindingen.yaml:28:13: de conclusies ontbreken (in diagnostiek.docx)",
        "doelstellingen/woninginbraken.yaml:11:12: in te vullen: de strategische doelstelling "
        "(in plan.docx)",
        "doelstellingen/woninginbraken.yaml:27:20: in te vullen: de actie (in plan.docx)",
        "doelstellingen/verkeer.yaml: strategische_doelstellingen: de prioriteit 'Veilig naar "
        "school' heeft nog geen doelstellingen (in plan.docx)",
        "plan.yaml:38:1: het plan zegt niets over het budget: geen tekst en geen actie met een "
        "bedrag (in plan.docx)",
        "plan.yaml:15:16: in te vullen: de externe doelen (in plan.docx)",
    ):
        assert expected in reasons, expected
    assert len(reasons) == len(set(reasons))  # each reason once
    # a name every kerngroep document prints is one reason, naming each document it holds up
    [schepen] = [r for r in reasons if "de naam van de schepen van mobiliteit" in r]
    held_up = schepen.rsplit(" (in ", 1)[1].rstrip(")").split(", ")
    assert {"plan.docx", "verslag-2026-10-06-kerngroep.docx"} <= set(held_up)
    assert len(held_up) == len(set(held_up)) > 2
    # the SWOT is switched off (LIVB210): no reason about it
    assert not [r for r in reasons if "swot.yaml" in r]


def test_definitief_refuses_an_empty_swot_and_a_plan_without_goals(halle, livb):
    (halle / "swot.yaml").write_text("sterktes: []\n", "utf-8")
    for goals in (halle / "doelstellingen").glob("*.yaml"):
        goals.unlink()
    reasons = refusal(halle, livb, "plan")
    assert "swot.yaml:1:11: de SWOT is leeg (in plan.docx)" in reasons
    assert (
        "doelstellingen/inbraken.yaml: strategische_doelstellingen: "
        "de prioriteit 'Woninginbraken' heeft nog geen doelstellingen (in plan.docx)" in reasons
    )
    assert len([r for r in reasons if "heeft nog geen doelstellingen" in r]) == 3


def test_definitief_refuses_skeleton_texts_wherever_they_stand(halle, livb):
    plan = halle / "plan.yaml"
    plan.write_text(
        plan.read_text("utf-8").replace(
            "  - Acties systematisch evalueren.", "  - '(in te vullen: een intern doel)'"
        ),
        "utf-8",
    )
    reasons = refusal(halle, livb, "plan")
    assert reasons == [
        "plan.yaml:22:5: '(in te vullen: een intern doel)' is nog de voorlopige tekst van "
        "livb new (in plan.docx)"
    ]


def test_definitief_refuses_a_plan_without_priorities(fresh, livb):
    reasons = refusal(fresh, livb, "plan")
    [reason] = [r for r in reasons if "het plan heeft geen prioriteiten" in r]
    position, text = reason.split(": ", 1)
    assert text == "het plan heeft geen prioriteiten (in plan.docx)"
    name, line, column = position.split(":")
    written = (fresh / name).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert written[int(column) - 1 :] == "[]"  # at the empty list after 'prioriteiten:'
    assert not [r for r in reasons if "de kerngroep heeft geen leden" in r]


def test_definitief_makes_a_complete_folder(halle, livb):
    result = livb("render", "alle", halle, "--definitief", "--datum", DAY)
    assert result.code == 0, result.err
    assert len(list((halle / "output").glob("*.docx"))) >= 5


# -- every field of the model reaches a document, or is known not to -------------------------

# Text fields no document shows, and why. A new field must be shown or added here (with the
# model's docstring saying so): the test below finds every text field of the model.
NOT_SHOWN = {
    "Instellingen.taal": "the language of the documents, not a text in them",
    "UitgeschakeldeRegel.reden": "internal: why a rule is off; the documents follow the choice",
    "Actor.telefoon": "contact data for the coordinator, not for a council document",
    "Besluit.toelichting": "internal note on a decision",
    "Reeks.bestand": "where the figures are stored (a CSV file), not a text",
    "Reeks.kolom": "where the figures are stored (a CSV column), not a text",
    "Politiezone.map": "where the zone's shared folder is (a path), not a text",
    "VraagAntwoord.vraag": "orientation interviews are confidential",
    "VraagAntwoord.antwoord": "orientation interviews are confidential",
    "Gesprek.samenvatting": "orientation interviews are confidential",
    "Gesprek.aandachtspunten": "orientation interviews are confidential",
}
# Texts the test leaves as they are: the folder's identity (the NIS check), where figures and
# the zone's folder are stored, theme ids (shown through their titles, Thema.titel), and the
# name of a predecessor plan (filled in, it would make every decision one on that plan:
# test_truth_status shows it).
KEEP = {
    "Gemeente.naam",
    "Reeks.bestand",
    "Reeks.kolom",
    "Politiezone.map",
    "Prioriteit.themas",
    "Bevinding.thema",
    "Besluit.vorig_plan",
}
HALLE_THEMES = (
    "overlast",
    "eigendomscriminaliteit",
    "verkeersveiligheid",
)  # the folder's identity: changing it changes the NIS check, not a text


def _is_text(field) -> bool:
    """Free text: str (or a list/dict of it), not an id, code, hour or other pattern."""
    import typing

    def plain_str(annotation) -> bool:
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Annotated:
            return False  # ids, references, codes: constrained strings
        if args and type(None) in args:
            return all(plain_str(a) for a in args if a is not type(None))
        return annotation is str

    if any(getattr(m, "pattern", None) for m in field.metadata):
        return False
    annotation = field.annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list:
        return plain_str(args[0])
    if origin is dict:
        return plain_str(args[0]) and plain_str(args[1])
    return plain_str(annotation)


def _nested(field):
    """The model inside a field (its own, in a list, or optional), or None."""
    import typing

    from pydantic import BaseModel

    candidates = [field.annotation, *typing.get_args(field.annotation)]
    for candidate in candidates:
        for inner in [candidate, *typing.get_args(candidate)]:
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _fill(model, data, sentinels: dict[str, str], seen: set[str]) -> None:
    """Give every text field of the data (present or not) a sentinel naming its field."""
    for name, field in model.model_fields.items():
        where = f"{model.__name__}.{name}"
        if _is_text(field):
            seen.add(where)
            if where in KEEP:
                continue
            token = f"Zq{len(sentinels):03d}q"
            sentinels[token] = where
            origin = getattr(field.annotation, "__origin__", None)
            if origin is list:
                data[name] = [token]
            elif origin is dict:
                data[name] = {token: token}
            else:
                data[name] = token
        elif (inner := _nested(field)) is not None and name in data and data[name]:
            items = data[name] if isinstance(data[name], list) else [data[name]]
            for item in items:
                if isinstance(item, dict):
                    _fill(inner, item, sentinels, seen)


def every_text_field() -> set[str]:
    from livb.model import FILE_KINDS

    fields: set[str] = set()

    def walk(model) -> None:
        for name, field in model.model_fields.items():
            if _is_text(field):
                fields.add(f"{model.__name__}.{name}")
            elif (inner := _nested(field)) is not None:
                walk(inner)

    for kind in FILE_KINDS:
        walk(kind.model)
    return fields


def test_every_text_field_reaches_a_document_or_is_known_not_to(halle, livb):
    from ruamel.yaml import YAML

    from livb.model import FILE_KINDS

    yaml = YAML(typ="safe", pure=True)
    yaml.width = 4096
    yaml.default_flow_style = False
    sentinels: dict[str, str] = {}
    seen: set[str] = set()
    for kind in FILE_KINDS:
        for path in sorted(halle.glob(kind.pattern)):
            data = yaml.load(path.read_text("utf-8")) or {}
            if kind.name == "livb":  # Halle switches no rule off and uses the KIV's themes
                data["regels"] = {"uitgeschakeld": [{"code": "LIVB212", "reden": "x"}]}
                data["themas"] = [{"id": t, "titel": t} for t in HALLE_THEMES]
            if kind.name == "organen":  # Halle held no hearing or forum
                data["overleg"] = [{"id": "forum", "naam": "x", "soort": "forum"}]
            if kind.name == "plan":  # Halle has no funding source (nor an SVPP)
                data["financiering"] = [{"id": "eigen", "naam": "x", "soort": "eigen"}]
                data["financiering"][0]["toegekend"] = {2011: 60000}
                # its ZVP's priorities are in the zone's folder: give the LSBP one
                data["afstemming"][0]["prioriteiten"] = [{"id": "x", "titel": "x"}]
            if kind.name == "prioriteiten":  # nor staff, BBC codes (the old budget form)
                data["prioriteiten"][0]["personeel"] = [{"functie": "x", "vte": 1}]
            if kind.name == "doelstellingen" and path.name == "inbraken.yaml":
                actie = data["strategische_doelstellingen"][0]["operationele_doelstellingen"][0]
                actie["acties"][0]["bbc"] = {"actie": "x"}
            _fill(kind.model, data, sentinels, seen)
            with path.open("w", encoding="utf-8") as out:
                yaml.dump(data, out)
    assert every_text_field() <= seen, "Halle lacks an object with these fields: extend it"
    check = livb("check", halle, "--datum", DAY)
    assert "fout" not in check.out.replace("fouten", ""), check.out
    # an interview's own report (gesprek-*.docx) is the one document that shows it
    texts = "\n".join(
        text for name, text in rendered_text(halle, livb).items() if not name.startswith("gesprek-")
    )
    shown = {field for token, field in sentinels.items() if token in texts}
    missing = every_text_field() - shown - set(NOT_SHOWN) - KEEP
    assert not missing, f"these fields reach no document: {sorted(missing)}"
    wrongly = (shown & set(NOT_SHOWN)) - KEEP
    assert not wrongly, f"listed as not shown, but shown: {sorted(wrongly)}"
    confidential = {f for f in shown if f.startswith(("Gesprek.", "VraagAntwoord."))}
    assert not confidential, "an orientation interview reached a document"


def test_several_reporters_are_named_in_the_minutes(halle, livb):
    meeting = halle / "vergaderingen" / "2009-04-21-kerngroep-opstart.yaml"
    text = meeting.read_text("utf-8")
    assert "verslaggever: " in text
    line = next(line for line in text.splitlines() if line.startswith("verslaggever: "))
    meeting.write_text(text.replace(line, "verslaggever: [els-janssens, sofie-claes]"), "utf-8")
    result = livb("render", "verslag", halle, "--vergadering", "2009-04-21-kerngroep-opstart")
    assert result.code == 0, result.err
    lines = docx_text((halle / "output" / "verslag-2009-04-21-kerngroep-opstart.docx").read_bytes())
    row = next(line for line in lines if line.startswith("table | Verslaggevers |"))
    assert "Els Janssens" in row and "Sofie Claes" in row


# -- every sentence true for the folder it came from (the review of all documents) -------------

PROJECTS = Path(__file__).parent / "projects"


def project_copy(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    copy_example(root, PROJECTS / name)
    return root


def flat(text: str) -> str:
    """A document's text with the no-break spaces of narrow cells as plain spaces."""
    return text.replace("\u00a0", " ")


def test_without_fod_support_no_sentence_promises_the_fod_or_a_protocol(ontwerp, livb):
    texts = rendered_text(ontwerp, livb)
    start = texts["rapport-opstart.docx"]
    assert (
        "methode van de FOD" not in start
        and "Het traject steunt op een protocolakkoord" not in start
    )
    assert "het protocolakkoord, eventueel aangepast" not in start
    assert "De gemeente werkt het traject zelf uit, zonder begeleiding door de FOD" in start
    assert "bij de evaluatie na één jaar" not in start  # the year is the protocol's
    # the kerngroep met in October: the college is not asked to compose it
    assert "de kerngroep samen te stellen" not in start
    for name, text in texts.items():
        if name.startswith("gegevensaanvraag-"):
            assert "vastgelegd in het protocolakkoord" not in text, name
            assert "vast in het protocolakkoord" not in text, name


def test_a_letter_names_only_the_kinds_of_data_the_diagnostiek_holds(ontwerp, livb):
    texts = rendered_text(ontwerp, livb)
    letter = texts["gegevensaanvraag-lokale-en-federale-politie.docx"]
    # Kortenaken has facts and perceptions, no context (LIVB213 is off)
    assert "wat de feiten zeggen en hoe inwoners de veiligheid beleven." in letter
    assert "in welke context" not in letter and "Als eerste stap" not in letter
    # the gemeente's own services get no letter from the gemeente
    assert "gegevensaanvraag-gemeente.docx" not in texts


def test_nobody_is_said_to_have_chosen_the_priorities_unless_the_folder_says_who(ontwerp, livb):
    texts = rendered_text(ontwerp, livb)
    report = texts["voortgangsrapport.docx"]
    assert "De kerngroep koos" not in report and "Het traject telt 2 prioriteiten:" in report
    assert "elk met een projectgroep" not in report  # 'Veilig naar school' has none
    assert "table | Veilig naar school | nog geen | " in report
    assert "<grafiek>\nCaption | Acties per schakel" not in report  # no action has a link
    brainstorm = texts["brainstorm.docx"]
    assert "De kerngroep koos eerder" not in brainstorm
    assert "De prioriteiten tot nu toe zijn: Woninginbraken in de deelgemeenten" in brainstorm
    # the frame names the plans the folder aligns with, not a fixed list
    assert "zoals het zonaal veiligheidsplan PZ Hageland 2026-2031, en zo" in brainstorm


def test_the_minutes_fill_the_standing_items_from_the_meeting_itself(ontwerp, livb):
    minutes = rendered_text(ontwerp, livb)["verslag-2026-10-06-kerngroep.docx"]
    assert "Normal | De volgende vergadering is op 8 december 2026 om 14:00 uur." in minutes
    assert "Normal | De volgende stap en het huiswerk staan onderaan dit verslag." in minutes
    assert "het verslag bij 'Datum van de volgende vergadering'" not in minutes
    # a point nobody minuted stays a gap
    assert "[in te vullen: het verslag bij 'De rol en de inbreng van elk lid']" in minutes


def test_a_timeline_chart_draws_a_gap_as_text_never_as_its_token():
    from livb.documents import DOCUMENTS
    from livb.documents.views import Views

    project = load_project(ONTWERP).project
    assert project is not None
    context = DOCUMENTS["plan"].build(Views(project, dt.date.fromisoformat(DAY)), None)
    [chart] = [c for c in context["tijdlijnen"].values() if c is not None]
    assert chart.titel == "[in te vullen: de strategische doelstelling]"
    assert [bar for bar in chart.balken if "\u27e6" in bar.label] == []
    assert chart.balken[0].label == "[in te vullen: de actie]"


@pytest.fixture
def klein(tmp_path: Path) -> Path:
    """Zuienkerke: phase 1, no FOD, the coordinator's appointment postponed."""
    return project_copy(tmp_path, "klein")


def test_a_postponed_decision_is_redrafted_not_recorded_as_taken(klein, livb):
    texts = rendered_text(klein, livb)
    decision = texts["besluit-college-coordinator.docx"]
    assert "table | Zitting | 2 februari 2026" not in decision
    assert "table | Zitting | [in te vullen: de datum van de zitting]" in decision
    assert "stelde de beslissing op 2 februari 2026 uit" in decision
    assert "Overwegende dat het college de beslissing op 2 februari 2026 uitstelde;" in decision
    assert "methode van de FOD" not in decision  # no FOD support here
    assert "Aanstelling van de coördinator veilig en leefbaar" not in decision
    start = texts["rapport-opstart.docx"]
    assert (
        "De functie van coördinator is nog vacant: het college stelde de aanstelling op "
        "2 februari 2026 uit." in start
    )
    assert "gepland op 2 februari 2026" not in start  # a date in the past is no plan
    assert "De gemeente werkt het traject zelf uit" in start


def test_counts_agree_with_the_number(klein, livb):
    texts = rendered_text(klein, livb)
    start = texts["rapport-opstart.docx"]
    assert "Er vond 1 oriëntatiegesprek plaats" in start and "1 gesprekken" not in start
    assert "Het gesprek is vertrouwelijk" in start
    # the talk was held by the schepen: no claim that the coordinator held it
    assert "De coördinator verkende" not in start
    result = livb("render", "besluit", klein, "--besluit", "college-opstart", "--datum", DAY)
    assert result.code == 0, result.err
    path = klein / "output" / "besluit-college-opstart.docx"
    decision = "\n".join(docx_text(path.read_bytes()))
    assert "er een oriëntatiegesprek met het bestuur plaatsvond (op 10 maart 2026)" in decision


def test_the_coordinators_capitals_survive_a_sentence_start(klein, livb):
    texts = rendered_text(klein, livb)
    for name in ("gesprek-2026-03-10-burgemeester.docx", "profiel-coordinator.docx",
                 "rapport-opstart.docx"):  # fmt: skip
        assert "Veilig en leefbaar Zuienkerke" in texts[name], name
        assert "zuienkerke" not in texts[name], name


def test_a_guide_for_the_mayor_asks_the_mayor_not_a_service(klein, livb):
    guide = rendered_text(klein, livb)["gesprek-2026-03-10-burgemeester.docx"]
    assert "Heading 2 | 1. De verwachtingen van het bestuur" in guide
    assert "Normal | Waarom wil het bestuur een integraal veiligheidsbeleid uitbouwen?" in guide
    assert "hoe de dienst werkt" not in guide and "Waar staat de dienst" not in guide


@pytest.fixture
def mechelen(tmp_path: Path) -> Path:
    """Mechelen: plan approved in 2008 out of hearings and a forum, no FOD, vague dates."""
    return project_copy(tmp_path, "mechelen")


def test_an_approved_plan_gets_no_proposals_to_start_again(mechelen, livb):
    texts = rendered_text(mechelen, livb)
    for name in ("rapport-opstart.docx", "intentieverklaring.docx", "protocolakkoord.docx",
                 "diagnostiek.docx"):  # fmt: skip
        assert name not in texts, name
    assert not [n for n in texts if n.startswith("gegevensaanvraag-")]
    plan = texts["plan.docx"]
    assert "nog niet opgemaakt" not in plan and "nog niet gemaakt" not in plan
    assert (
        "Het budget is nog niet bepaald" not in plan and "Het plan legt geen budget vast." in plan
    )
    assert "Naast de kerngroep droegen ook deze vormen van overleg bij:" in plan  # no projectgroep
    # the chain in Mechelen's own words, in the distribution of the actions and on the chart
    assert "voor preventief" in plan and "voor constructief en herstellend" in plan
    assert "voor nazorg" not in plan and "voor repressie" not in plan
    # Mechelen went on without a progress report (LIVB311 off): render alle makes none, one
    # asked for by name is refused with the reason, and one asked for anyway tells what the
    # city did
    assert "voortgangsrapport.docx" not in texts
    refused = livb("render", "voortgangsrapport", mechelen, "--datum", DAY)
    assert refused.code == 1 and not (mechelen / "output" / "voortgangsrapport.docx").exists()
    assert "fout: livb maakt nu geen voortgangsrapport: de gemeente werkt zonder" in refused.err
    assert "LIVB311 staat uit" in refused.err and "--toch" in refused.err
    asked = livb("render", "voortgangsrapport", mechelen, "--datum", DAY, "--toch")
    assert asked.code == 0, asked.err
    report = "\n".join(docx_text((mechelen / "output" / "voortgangsrapport.docx").read_bytes()))
    assert "elk met een projectgroep" not in report and "goed te keuren" not in report
    assert "Er vonden geen oriëntatiegesprekken plaats." in report


def test_a_date_known_to_the_month_or_year_is_written_as_known(mechelen, livb):
    texts = rendered_text(mechelen, livb)
    assert (
        "table | 1.6 | Opstartvergadering van de kerngroep | klaar | 2002\n" in texts["plan.docx"]
    )
    assert "1 jan. 2002" not in flat(texts["plan.docx"])
    assert "table | Datum | november 2007" in texts["verslag-2007-11-hoorzitting-drugs.docx"]
    assert (
        "Het verslag van oktober 2007 werd goedgekeurd."
        in texts["verslag-2007-12-19-kerngroep-eindredactie.docx"]
    )
    invitation = texts["agenda-2007-11-hoorzitting-drugs.docx"]
    assert "op de hoorzitting over integrale veiligheid in november 2007." in invitation
    assert "op november 2007" not in invitation and "heeft nog geen leden" not in invitation


def test_a_hearing_or_a_meeting_switched_off_asks_no_closing(mechelen, livb):
    texts = rendered_text(mechelen, livb)
    hearing = texts["verslag-2007-11-hoorzitting-ruimte.docx"]
    assert "table | Deelnemers | 12" in hearing
    for heading in ("Volgende stap", "Huiswerk", "Volgende vergadering"):
        assert f"Heading 2 | {heading}\n" not in hearing, heading
    founding = texts["verslag-2002-kerngroep-oprichting.docx"]  # LIVB302 off for this meeting
    assert "de datum van de volgende vergadering" not in founding
    assert "Geen huiswerk afgesproken." not in founding  # not known, so not claimed
    closing = texts["verslag-2007-12-19-kerngroep-eindredactie.docx"]
    assert "Heading 2 | Volgende vergadering\nNormal | 15 april 2008." in closing


def test_decisions_of_an_approved_plan_claim_only_what_happened(mechelen, livb):
    texts = rendered_text(mechelen, livb)
    college = texts["besluit-college-plan.docx"]
    assert (
        "livb Kader | Besluit van het college van burgemeester en schepenen van 1 februari 2008"
        in college
    )
    assert "Directie Lokale Integrale Veiligheid" not in college  # no protocol with the FOD
    assert "en de projectgroepen" not in college  # Mechelen had none
    assert "die het college eerder goedkeurde" not in college  # no progress report approved
    council = texts["besluit-gemeenteraad-plan.docx"]
    assert "Gelet op de bespreking in de raadscommissie van maart 2008;" in council
    coordinator = texts["besluit-college-coordinator.docx"]  # 15 March 2004
    assert "gemeentedecreet" not in coordinator  # in force from 2007
    assert "methode van de FOD" not in coordinator
    assert "dicht bij de burgemeester en de stadssecretaris staat" in coordinator


def test_a_rule_switched_off_for_one_item_stays_on_elsewhere(mechelen):
    from livb.documents.views import Views

    project = load_project(mechelen).project
    assert project is not None
    views = Views(project, dt.date.fromisoformat(DAY))
    assert not views.rule_off("LIVB302")
    assert views.rule_off("LIVB302", "2002-kerngroep-oprichting")
    assert not views.rule_off("LIVB302", "2007-12-19-kerngroep-eindredactie")
    assert views.rule_off("LIVB201")  # switched off for the whole folder


def test_halle_is_not_asked_to_approve_again_what_it_approved(halle, livb):
    texts = rendered_these(
        halle,
        livb,
        "voortgangsrapport",
        "besluit:gemeenteraad-plan",
        "agenda:2009-12-15-kerngroep-ontwerp",
    )
    report = texts["voortgangsrapport.docx"]
    assert "de veiligheidsdiagnostiek goed te keuren" not in report
    assert "Op 13 oktober 2009 koos de kerngroep 3 prioriteiten, elk met een projectgroep" in report
    plan = texts["besluit-gemeenteraad-plan.docx"]
    assert "aan de kerngroep werd voorgesteld" in plan and "en de projectgroepen werd" not in plan
    assert "die het college op 9 november 2009 goedkeurde" in plan
    agenda = texts["agenda-2009-12-15-kerngroep-ontwerp.docx"]
    assert agenda.index("Met vriendelijke groeten") < agenda.index("Heading 1 | Brainstorm")


def test_preparing_the_priorities_promises_no_limit_the_gemeente_switched_off(ontwerp, livb):
    result = livb("new", "vergadering", "--map", ontwerp, "--stap", "2.6", "--datum", "2027-02-02")
    assert result.code == 0, result.err
    texts = rendered_these(ontwerp, livb, "agenda:2027-02-02-kerngroep")
    agenda = texts["agenda-2027-02-02-kerngroep.docx"]
    assert "Denk na over een beperkt aantal ruime prioriteiten" in agenda
    assert "Denk na over hoogstens vijf" not in agenda


def test_a_fresh_plan_says_what_is_still_to_come_and_names_its_title_once(tmp_path, livb):
    from livb.starters.scaffold import InitRequest, create_folder

    create_folder(InitRequest(tmp_path / "z", "Zottegem", git=False))
    result = livb("render", "plan", tmp_path / "z", "--datum", "2026-12-06")
    assert result.code == 0, result.err
    lines = docx_text((tmp_path / "z" / "output" / "plan.docx").read_bytes())
    text = "\n".join(lines)
    assert lines[0] == "Title | Integraal veiligheidsplan"
    assert "livb Titelgegevens | Lokaal integraal veiligheidsbeleid\n" in text
    assert "De gekozen prioriteiten" not in text  # none was chosen
    assert "De prioriteiten zijn nog niet gekozen" in text
    assert "kerngroep van 11 leden" not in text and "waarvan de leden nog aangeduid worden" in text
    section = text.split("Heading 1 | Prioriteiten\n", 1)[1].split("Heading 1 |", 1)[0]
    assert section.strip() == "Normal | Er zijn nog geen prioriteiten gekozen (stap 2.6)."
