"""Hostile scenarios for `livb render`: data that looks like structure, the output folder, interrupted runs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from livb.word.docx import docx_text

from corpus import Case
from helpers import copy_example

MEETING = "vergaderingen/2009-05-19-kerngroep.yaml"
APPROVAL = "    verslag: Het verslag wordt zonder opmerkingen goedgekeurd."
VERSLAG = (
    "render",
    "verslag",
    "{map}",
    "--vergadering",
    "2009-05-19-kerngroep",
    "--datum",
    "2026-11-21",
)
VERSLAG_DOCX = "output/verslag-2009-05-19-kerngroep.docx"
PLAN = ("render", "plan", "{map}", "--datum", "2026-11-21")
DAY = dt.date(2026, 11, 21)
NEW_FOLDER_HINT = "/gemeente/output'; of kies een map buiten de gemeentemap, bv. --uit '"


def edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    """A setup that replaces one text in one file of the folder."""

    def setup(root: Path) -> None:
        path = root / file
        text = path.read_text("utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new), "utf-8")

    return setup


def approval(value: str) -> Callable[[Path], None]:
    """The minutes of the first agenda item become ``value`` (a YAML double-quoted string)."""
    return edit(MEETING, APPROVAL, f"    verslag: {value}")


def shows(*lines: str, docx: str = VERSLAG_DOCX) -> Callable[[Path], None]:
    """A check: the document has these 'style | text' lines (data shown literally)."""

    def check(root: Path) -> None:
        text = docx_text((root / docx).read_bytes())
        for line in lines:
            assert line in text, (line, text)

    return check


def structure_of_the_minutes(root: Path) -> list[str]:
    return [line.split(" | ")[0] for line in docx_text((root / VERSLAG_DOCX).read_bytes())]


def literal(*lines: str) -> Callable[[Path], None]:
    """A check: the minutes show these lines, and have the structure of the clean minutes."""

    def check(root: Path) -> None:
        shows(*lines)(root)
        clean = root.parent / "schoon"
        copy_example(clean)
        _render(clean, ["verslag"], "2009-05-19-kerngroep")
        assert structure_of_the_minutes(root) == structure_of_the_minutes(clean)

    return check


def _render(root: Path, documents: list[str], item: str | None = None) -> Path:
    from livb.documents.render import RenderRequest, render_documents

    render_documents(RenderRequest(root, documents, item, today=DAY))
    return root / "output"


def rendered_plan(root: Path) -> None:
    _render(root, ["plan"])


def _hand_edited(root: Path) -> None:
    out = _render(root, ["plan"])
    (out / "plan.docx").write_bytes(b"mijn eigen versie")


def _kept_by_hand(root: Path) -> None:
    assert (root / "output" / "plan.docx").read_bytes() == b"mijn eigen versie"


def _rename_person(root: Path, old: str, new: str) -> None:
    edit("actoren.yaml", f"naam: {old}", f"naam: {new}")(root)


def _killed_after_the_rename(root: Path) -> None:
    """livb wrote plan.docx (B) but was killed before the manifest recorded it; then C."""
    from livb.documents.manifest import Manifest

    out = _render(root, ["plan"])
    _rename_person(root, "Dirk Pieters", "Dirk Peeters")
    elsewhere = root.parent / "elders"
    copy_example(elsewhere, root)
    new = (_render(elsewhere, ["plan"]) / "plan.docx").read_bytes()
    Manifest.read(out).begin([("plan.docx", new)])
    (out / "plan.docx").write_bytes(new)
    _rename_person(root, "Dirk Peeters", "Dirk Pauwels")


def _plan_shows_new_name(root: Path) -> None:
    text = "\n".join(docx_text((root / "output" / "plan.docx").read_bytes()))
    assert "Dirk Pauwels" in text and "Dirk Peeters" not in text
    manifest = json.loads((root / "output" / ".livb-manifest.json").read_text("utf-8"))
    assert isinstance(manifest["plan.docx"], str)


def _corrupt_manifest(root: Path) -> None:
    out = _render(root, ["plan"])
    (out / ".livb-manifest.json").write_text("{niet: json", "utf-8")


def _leftovers(root: Path) -> None:
    out = root / "output"
    out.mkdir()
    for name in (".plan.docx.k3j_x9a1.tmp", "..livb-manifest.json.8s7d6f5g.tmp", ".plan.pdf.a.tmp"):
        (out / name).write_bytes(b"half")
    (out / ".livb-render.lock").write_bytes(b"")
    (out / ".mijn.docx.tmp").write_bytes(b"van iemand anders")


def _leftovers_gone(root: Path) -> None:
    names = sorted(path.name for path in (root / "output").iterdir())
    assert names == [
        ".livb-manifest.json",
        ".livb-render.lock",
        ".mijn.docx.tmp",
        "plan.docx",
    ], names


def _folder(name: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        (root / name).mkdir(parents=True)

    return setup


CASES: list[Case] = [
    Case(
        "huisstijl-die-geen-word-bestand-is",
        setup=lambda root: (root / "huisstijl.docx").write_text("geen docx\n", "utf-8"),
        command=("render", "swot", "{map}"),
        code=1,
        expect=(
            "huisstijl: 'huisstijl.docx' is geen geldig Word-document: het bestand is leeg of geen "
            ".docx-pakket\n",
            "    hulp: vervang het door een document dat in Word als .docx bewaard werd\n",
        ),
    ),
    # -- data never becomes structure -------------------------------------------------------
    Case(
        "data-container-lines",
        approval('"::: kader\\nGeen kader\\n:::\\n::: paginaeinde\\n::: titelpagina x"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal("Normal | ::: kader Geen kader ::: ::: paginaeinde ::: titelpagina x"),
    ),
    Case(
        "data-indented-like-code",
        approval('"    print(1)\\n\\n\\tprint(2)"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        absent=("code_block", "wordt niet ondersteund"),
        check=shows("Normal | print(1)", "Normal | print(2)"),
    ),
    Case(
        "data-quotes-and-lists",
        approval('"> citaat\\n1. een\\n1) twee\\n- drie\\n+ vier\\n* vijf\\r2. zes"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal("Normal | > citaat 1. een 1) twee - drie + vier * vijf 2. zes"),
    ),
    Case(
        "data-setext-and-rules",
        approval('"Geen titel\\n===\\nOok geen\\n---\\n***\\n___"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal("Normal | Geen titel === Ook geen --- *** ___"),
    ),
    Case(
        "data-html-links-images",
        approval('"<b>vet</b> <!-- weg --> [link](https://x.be) ![beeld](x.png) <https://y.be>"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal(
            "Normal | <b>vet</b> <!-- weg --> [link](https://x.be) ![beeld](x.png) <https://y.be>"
        ),
    ),
    Case(
        "data-table-and-attributes",
        approval('"{breedtes=\\"10,90\\"}\\n| a | b |\\n|---|---|\\n| c | d |"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal('Normal | {breedtes="10,90"} | a | b | |---|---| | c | d |'),
    ),
    Case(
        "data-backslashes-and-emphasis",
        approval('"a\\\\*b\\\\ **vet** _schuin_ `code` &amp; # geen titel \\\\"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=literal("Normal | a\\*b\\ **vet** _schuin_ `code` &amp; # geen titel \\"),
    ),
    Case(
        "data-looks-like-missing-data",
        approval('"⟦de naam|actoren.yaml|naam⟧"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        absent=("in te vullen",),
        check=literal("Normal | ⟦de naam|actoren.yaml|naam⟧"),
    ),
    Case(
        "data-paragraphs-stay-paragraphs",
        approval('"Eerste alinea,\\nnog de eerste.\\n\\nTweede alinea."'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=shows("Normal | Eerste alinea, nog de eerste.", "Normal | Tweede alinea."),
    ),
    Case(
        "data-line-breaks-in-a-table-row",
        edit(MEETING, "plaats: Stadhuis Halle, schepenzaal", 'plaats: "Stadhuis\\n| x | y |\\n"'),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=shows("table | Plaats | Stadhuis | x | y |"),
    ),
    Case(
        "data-line-breaks-in-a-title",
        edit(
            MEETING,
            "  - punt: Goedkeuring van het verslag van 21 april",
            '  - punt: "Goedkeuring\\n# van\\n\\nhet verslag"',
        ),
        VERSLAG,
        0,
        ("verslag-2009-05-19-kerngroep.docx",),
        check=shows("Heading 3 | 1. Goedkeuring # van het verslag"),
    ),
    Case(
        "data-very-long-policy-title",
        edit("livb.yaml", "titel: levenskwaliteit", "titel: " + "levenskwaliteit " * 30),
        PLAN,
        0,
        ("plan.docx",),
    ),
    # -- the output folder --------------------------------------------------------------------
    Case(
        "output-folder-is-a-file",
        command=("render", "plan", "{map}", "--uit", "{map}/livb.yaml"),
        expect=(
            "livb.yaml' is een bestand, geen map",
            "hulp: kies met --uit een map (livb maakt ze als ze nog niet bestaat)",
        ),
    ),
    Case(
        "output-folder-under-a-file",
        command=("render", "plan", "{map}", "--uit", "{map}/livb.yaml/documenten"),
        expect=("livb.yaml/documenten' niet maken: een deel van het pad is een bestand, geen map",),
    ),
    Case(
        "output-folder-is-the-gemeente-folder",
        command=("render", "plan", "{map}", "--uit", "{map}"),
        expect=(
            "fout: de documenten kunnen niet in de gemeentemap zelf komen ('",
            "/gemeente'): daar leest livb de YAML-bestanden, en een Word-bestand of het "
            "manifest van livb hoort daar niet tussen\n",
            "hulp: laat --uit weg, dan komen ze in '",
            NEW_FOLDER_HINT,
            "/gemeente-documenten'\n",
        ),
    ),
    Case(
        "output-folder-in-templates",
        command=("render", "plan", "{map}", "--uit", "{map}/templates/uit"),
        expect=(
            "fout: de documenten kunnen niet in 'templates/' komen: daar staan gegevens of "
            "sjablonen die livb leest",
            NEW_FOLDER_HINT,
        ),
    ),
    Case(
        "output-folder-in-gesprekken",
        command=("render", "plan", "{map}", "--uit", "{map}/gesprekken"),
        expect=("fout: de documenten kunnen niet in 'gesprekken/' komen",),
    ),
    Case(
        "output-manifest-is-a-folder",
        _folder("output/.livb-manifest.json"),
        PLAN,
        1,
        (
            "output/.livb-manifest.json' niet schrijven: er staat een map (of iets anders dan "
            "een bestand) met die naam",
            "hulp: verwijder of hernoem het, of kies met --uit een andere map",
        ),
    ),
    Case(
        "output-document-is-a-folder",
        _folder("output/plan.docx"),
        PLAN,
        1,
        ("output/plan.docx' niet schrijven: er staat een map",),
    ),
    # -- interrupted and repeated renders ---------------------------------------------------
    Case(
        "output-leftovers-of-a-killed-render",
        _leftovers,
        PLAN,
        0,
        ("plan.docx",),
        check=_leftovers_gone,
    ),
    Case(
        "output-killed-between-document-and-manifest",
        _killed_after_the_rename,
        PLAN,
        0,
        ("plan.docx",),
        absent=("--force",),
        check=_plan_shows_new_name,
    ),
    Case(
        "output-corrupt-manifest-same-document",
        _corrupt_manifest,
        PLAN,
        0,
        ("plan.docx",),
    ),
    Case(
        "output-hand-edit-is-kept",
        _hand_edited,
        PLAN,
        1,
        (
            "fout: plan.docx: met de hand gewijzigd sinds livb het maakte; niet overschreven",
            "hulp: bewaar je aanpassingen onder een andere naam, of overschrijf ze met --overschrijf",
        ),
        check=_kept_by_hand,
    ),
]
