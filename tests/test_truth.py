"""What a reader sees is true: gaps survive every context, a final version has none."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from livb.word.docx import docx_text

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
        f"table | Voor de gemeente Lommel | Voor {gap}",
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
    assert "Jan 000000000000" in text and "[in te vullen: a]" not in text
    assert_no_marker_left(path)


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
    assert made == [
        "diagnostiek.docx",
        "intentieverklaring.docx",
        "plan.docx",
        "protocolakkoord.docx",
        "verslag-2026-12-01-kerngroep.docx",
    ]
    for name in made:
        path = root / "output" / name
        assert_no_marker_left(path)
        runs, _ = gap_runs_and_comments(path)
        assert runs > 0, name  # a fresh folder lacks names and dates everywhere
    signature = docx_text((root / "output" / "intentieverklaring.docx").read_bytes())
    assert "table | …………………………………[in te vullen: de naam van de burgemeester]" in signature
