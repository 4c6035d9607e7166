"""Sentences true to the folder's own words: who was there, which data, which chain (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from livb.word.docx import docx_text

from helpers import REPO, copy_example

DAY = "2026-12-06"
MECHELEN = REPO / "tests" / "projects" / "mechelen"
HEARING = "2007-11-hoorzitting-drugs"
FORUM = "2007-12-06-sinterklaasforum"


@pytest.fixture
def mechelen(tmp_path: Path) -> Path:
    """Mechelen: hearings and a forum, rules switched off, its own chain words."""
    return copy_example(tmp_path / "mechelen", MECHELEN)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text("utf-8")
    changed, count = re.subn(pattern, replacement, text, flags=re.MULTILINE | re.DOTALL)
    assert count == 1, (path.name, pattern)
    path.write_text(changed, "utf-8")


def render(livb, root: Path, document: str, *options: str) -> str:
    result = livb("render", document, root, "--datum", DAY, *options)
    assert result.code == 0, result.err
    name = next(line.split()[0] for line in result.out.splitlines() if ".docx" in line)
    return "\n".join(docx_text((root / "output" / name).read_bytes()))


def section(text: str, heading: str) -> str:
    """The lines under a heading, up to the next heading of any level."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("Heading")), len(lines))
    return "\n".join(lines[start:end])


# -- 1. who was at a meeting ----------------------------------------------------------------------


def test_a_hearing_with_only_a_count_says_the_count_not_nobody(mechelen, livb):
    edit(mechelen / "vergaderingen" / f"{HEARING}.yaml", r"^aanwezig:.*?\ngasten:.*?\n", "")
    text = render(livb, mechelen, "verslag", "--vergadering", HEARING)
    assert "table | Deelnemers | 21" in text
    present = section(text, "Heading 2 | Aanwezig")
    assert "iemand" not in present.lower()
    assert "21 deelnemers" in present


def test_a_forum_with_only_guests_lists_the_guests(mechelen, livb):
    guests = "".join(f"  - gast {n}\n" for n in range(1, 7))
    forum = mechelen / "vergaderingen" / f"{FORUM}.yaml"
    edit(forum, r"^aanwezig:.*?\ngasten:\n(  - .*?\n)+", f"gasten:\n{guests}")
    edit(forum, r"^deelnemers: 110\n", "")
    text = render(livb, mechelen, "verslag", "--vergadering", FORUM)
    present = section(text, "Heading 2 | Aanwezig")
    assert "iemand" not in present.lower()
    for n in range(1, 7):
        assert f"List Bullet | gast {n} (gast)" in present


def test_names_below_a_larger_count_are_some_of_the_participants(mechelen, livb):
    text = render(livb, mechelen, "verslag", "--vergadering", FORUM)
    present = section(text, "Heading 2 | Aanwezig")
    assert present.startswith("Normal | 110 deelnemers, onder wie:")
    assert "List Bullet | voormalig docent stedenbouw (gast)" in present


# -- 2. the diagnostiek: figures, suppliers, kinds ------------------------------------------------

FINDINGS = """\
bevindingen:
  - id: b-drugs
    titel: Drugsoverlast rond het station
    onveiligheid: objectief
    tekst: Meer meldingen van dealen rond het station.
    bronnen: [politie]
{extra}"""

CONTEXT_FINDING = """\
  - id: b-bevolking
    titel: Een jonge en groeiende bevolking
    onveiligheid: objectief
    tekst: De stad groeit, vooral bij de jongeren.
    reeksen: [bevolking]
"""

FIGURES = """\
reeksen:
  - id: bevolking
    naam: Bevolkingscijfers
    bron: bevolking
    eenheid: inwoners
    waarden: {2005: 78000, 2006: 79000, 2007: 80500}
"""


def test_a_diagnostiek_without_figures_does_not_cite_figures(mechelen, livb):
    (mechelen / "diagnostiek" / "bevindingen.yaml").write_text(FINDINGS.format(extra=""), "utf-8")
    text = render(livb, mechelen, "diagnostiek")
    objective = section(text, "Heading 1 | Objectieve onveiligheid")
    assert "cijfers" not in objective
    assert "zoals de bronnen hierboven het beschrijven" in objective


def test_a_context_finding_stands_under_the_context_and_credits_the_supplier(mechelen, livb):
    findings = FINDINGS.format(extra=CONTEXT_FINDING)
    (mechelen / "diagnostiek" / "bevindingen.yaml").write_text(findings, "utf-8")
    (mechelen / "diagnostiek" / "cijfers.yaml").write_text(FIGURES, "utf-8")
    text = render(livb, mechelen, "diagnostiek")
    lines = text.splitlines()
    assert "volgens de cijfers van de bronnen hierboven" in text
    start = lines.index("Heading 1 | Objectieve onveiligheid")
    context = lines.index("Heading 1 | De context")
    finding = lines.index("Heading 2 | Een jonge en groeiende bevolking")
    assert start < lines.index("Heading 2 | Drugsoverlast rond het station") < context < finding
    assert "Normal | Bron: Stad Mechelen." in lines[finding:]
    assert "Bron: Bevolkingscijfers" not in text
    assert "bron: Bevolkingscijfers" not in text


# -- 3. the chain in the folder's own words -------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path, livb) -> Path:
    """A fresh ``livb init`` folder (no plan yet: the protocol and the declaration are drafts)."""
    root = tmp_path / "lommel"
    result = livb("init", root, "--gemeente", "Lommel")
    assert result.code == 0, result.err
    return root


def own_chain(root: Path, words: dict[str, str]) -> None:
    lines = "".join(f"  {word}: {link}\n" for word, link in words.items())
    with (root / "livb.yaml").open("a", encoding="utf-8") as config:
        config.write(f"\nketen:\n{lines}")


MECHELEN_CHAIN = {
    "proactief": "proactie",
    "preventief": "preventie",
    "sanctionerend": "repressie",
    "constructief": "nazorg",
    "herstellend": "nazorg",
}


@pytest.mark.parametrize("document", ["protocol", "intentieverklaring", "profiel"])
def test_the_chain_is_named_in_the_folders_own_words(fresh, livb, document):
    own_chain(fresh, MECHELEN_CHAIN)
    text = render(livb, fresh, document)
    assert "proactief, preventief, sanctionerend, constructief en herstellend" in text
    assert "repressie" not in text
    assert "nazorg" not in text


@pytest.mark.parametrize("document", ["protocol", "intentieverklaring"])
def test_one_own_word_takes_the_place_of_its_link_only(fresh, livb, document):
    own_chain(fresh, {"reactie": "repressie"})
    text = render(livb, fresh, document)
    assert "veiligheidsketen: preventie, reactie en nazorg." in text


@pytest.mark.parametrize("document", ["protocol", "intentieverklaring", "profiel"])
def test_without_own_words_the_chain_is_the_guides(fresh, livb, document):
    text = render(livb, fresh, document)
    assert "veiligheidsketen: preventie, repressie en nazorg" in text


# -- 4. the protocol holds every clause of the guide's standard protocol (Tool B) -----------------

CLAUSES = {
    "the trajectory with this municipality": "start de federale overheid met de stad Lommel "
    "een traject van advies en ondersteuning",
    "the mayor follows the whole process": "ondersteunt het volledige proces en volgt het van "
    "begin tot eind op, werkt actief mee aan de werkzaamheden van de kerngroep",
    "constant attention to the chain": "voortdurend oog voor elke schakel",
    "each partner shares the responsibility": "draagt elk een eigen deel van de "
    "verantwoordelijkheid voor de doelstellingen",
    "the mayor's keys": "op gang te brengen, aan te moedigen, uit te bouwen en te coördineren",
    "safety as a federal core task": "een kernopdracht van de federale overheid",
    "the adviser's role bounded": "blijft beperkt tot deze drie opdrachten en hangt af van "
    "diens beschikbaarheid",
    "the coordinator coordinates": "die het lokaal integraal veiligheidsbeleid in de stad "
    "coördineert",
    "the mayor's two roles": "in een dubbele rol",
    "the kerngroep as a condition": "zonder dat overleg- en denkforum kan het beleid niet",
    "measurable goals": "specifieke en meetbare doelstellingen",
    "all means, access eased": "komt zo nodig tussen bij de bevoegde overheid",
    "for approval at each phase": "bij elke fase ter goedkeuring voor aan het college",
    "a commitment to share practice": "verbinden zich ertoe bij te dragen",
}


def test_the_protocol_keeps_the_clauses_of_the_standard_protocol(fresh, livb):
    text = " ".join(render(livb, fresh, "protocol").split())
    missing = [what for what, words in CLAUSES.items() if words not in text]
    assert not missing, missing
