"""Every Dutch document template has its French twin, and both tell the same facts.

The same folder (a copy of examples/halle, and tests/projects/vilvoorde for the documents Halle
has no reason for) is rendered once with ``taal: nl`` and once with ``taal: fr``. For each
document the ids of the folder, the numbers and the dates that appear must be the same in both:
a French sentence that drops an action, a count or a date fails here. Numbers written in a
template itself (an article of law, a step number) are the language's own and are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from livb.core import formatting
from livb.core.resources import templates_dir
from livb.word.docx import docx_text

from helpers import EXAMPLE, copy_example

TEMPLATES_NL = templates_dir() / "nl"
TEMPLATES_FR = templates_dir() / "fr"
TEMPLATES = sorted(p.name for p in TEMPLATES_NL.glob("*.j2"))
DOCUMENTS = sorted(
    p.name.removesuffix(".md.j2")
    for p in TEMPLATES_NL.glob("*.md.j2")
    if not p.name.startswith("_")
)
PROJECTS = Path(__file__).resolve().parent / "projects"
DAY = dt.date(2026, 11, 21)
# Documents examples/halle has no reason for: rendered from tests/projects/vilvoorde.
ELSEWHERE = ("brainstorm", "preventieplan")
LOCALES = {"nl": "nl_BE", "fr": "fr_BE"}


def _with_language(root: Path, taal: str) -> Path:
    text = (root / "livb.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^taal:.*\n", "", text)
    (root / "livb.yaml").write_text(text.rstrip("\n") + f"\ntaal: {taal}\n", encoding="utf-8")
    return root


def _render(root: Path, documents: list[str]) -> dict[str, str]:
    """Document file name (without .docx) → its text, for every document made."""
    from livb.documents.render import RenderRequest, render_documents

    render_documents(RenderRequest(root, documents, today=DAY, toch=True))
    return {
        path.stem: "\n".join(docx_text(path.read_bytes()))
        for path in sorted((root / "output").glob("*.docx"))
    }


def _includes(template: str) -> set[str]:
    """The partials a template includes (``{% include "_geld.md.j2" %}``), itself included."""
    text = (TEMPLATES_NL / template).read_text(encoding="utf-8")
    return {template, *re.findall(r'{%-? *(?:include|import|from) *"([^"]+)"', text)}


def _written(document: str) -> bool:
    """True when the document's French template and every partial it includes are written."""
    return all((TEMPLATES_FR / name).is_file() for name in _includes(f"{document}.md.j2"))


READY = [d for d in DOCUMENTS if _written(d)]
"""The documents whose French twins are written (issue 23 lands them document by document)."""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """taal → document file name → text, the same folders and documents in both languages."""
    here = [d for d in READY if d not in ELSEWHERE]
    there = [d for d in READY if d in ELSEWHERE]
    texts: dict[str, dict[str, str]] = {}
    for taal in ("nl", "fr"):
        base = tmp_path_factory.mktemp(f"twins-{taal}")
        texts[taal] = {}
        if here:
            halle = _with_language(copy_example(base / "halle"), taal)
            texts[taal].update(_render(halle, here))
        if there:
            vilvoorde = base / "vilvoorde"
            copy_example(vilvoorde, PROJECTS / "vilvoorde")
            _with_language(vilvoorde, taal)
            texts[taal].update(_render(vilvoorde, there))
    return texts


def _template_numbers(document: str) -> set[str]:
    """Numbers the templates of a document write themselves, in either language."""
    numbers: set[str] = set()
    for folder in (TEMPLATES_NL, TEMPLATES_FR):
        for path in folder.glob("*.j2"):
            if path.name.startswith(("_", document)):
                numbers |= set(re.findall(r"\d+", path.read_text(encoding="utf-8")))
    return numbers


_MONTHS = {
    taal: "|".join(
        re.escape(name)
        for name in sorted(
            {*formatting.month_names(locale), *formatting.short_month_names(locale)},
            key=len,
            reverse=True,
        )
    )
    for taal, locale in LOCALES.items()
}


def _dates(text: str, taal: str) -> tuple[Counter[tuple[int, int, int]], str]:
    """The dates written in words (19 mei 2009, 1 sep. 2010, maart 2010), and the text without."""
    locale = LOCALES[taal]
    months = [m.lower() for m in formatting.month_names(locale)]
    shorts = [m.lower() for m in formatting.short_month_names(locale)]
    found: Counter[tuple[int, int, int]] = Counter()
    pattern = re.compile(
        rf"(?:(\d{{1,2}})(?:er)?[ \u00a0])?({_MONTHS[taal]})[ \u00a0](\d{{4}})", re.I
    )

    def month_of(name: str) -> int:
        name = name.lower()
        return (months.index(name) if name in months else shorts.index(name)) + 1

    def take(match: re.Match[str]) -> str:
        day = int(match.group(1)) if match.group(1) else 0
        found[(int(match.group(3)), month_of(match.group(2)), day)] += 1
        return " "

    return found, pattern.sub(take, text)


def _numbers(text: str, taal: str) -> Counter[str]:
    """The numbers of a text as values (13.500 and 13 500 are both 13500)."""
    # both groupings in both languages: the folder's own text is the same in both documents
    group = "[.\u202f\u00a0]"
    pattern = re.compile(rf"\d{{1,3}}(?:{group}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?")
    values: Counter[str] = Counter()
    for match in pattern.findall(text):
        values[re.sub(group, "", match).replace(",", ".")] += 1
    return values


def _facts(text: str, taal: str, ids: set[str], own: set[str]) -> dict[str, object]:
    dates, rest = _dates(text, taal)
    numbers = {n for n in _numbers(rest, taal) if n not in own}
    words = set(re.findall(r"[\w-]+", text))
    return {"datums": set(dates), "getallen": numbers, "ids": ids & words}


def _folder_ids(root: Path) -> set[str]:
    found: set[str] = set()
    for path in root.rglob("*.yaml"):
        found |= set(re.findall(r"(?m)^\s*-?\s*id:\s*['\"]?([\w-]+)", path.read_text("utf-8")))
    # an id that is also a word of the Dutch templates (eigen, burgemeester, overlast) proves
    # nothing: the French sentence rightly does not write it
    return {i for i in found if len(i) > 2 and i.lower() not in _TEMPLATE_WORDS}


_TEMPLATE_WORDS = {
    word.lower()
    for path in TEMPLATES_NL.glob("*.j2")
    for word in re.findall(r"[\w-]+", path.read_text(encoding="utf-8"))
}


def _file_prefix(document: str) -> str:
    """How the files of a document begin (protocol: protocolakkoord, zvp: aansluiting-zvp)."""
    from livb.documents import DOCUMENTS

    [filename] = [d.filename for d in DOCUMENTS.values() if d.template == f"{document}.md.j2"]
    return filename.split("{")[0].removesuffix(".docx")


def test_every_dutch_template_has_its_french_twin() -> None:
    missing = [t for t in TEMPLATES if not (TEMPLATES_FR / t).is_file()]
    if missing:  # issue 23 lands the French documents one by one; each is checked once written
        pytest.skip(f"issue 23: templates/fr lacks {len(missing)}: {', '.join(missing)}")


def test_the_french_house_style_exists() -> None:
    assert (TEMPLATES_FR / "huisstijl.docx").is_file()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_both_languages_tell_the_same_facts(
    document: str, rendered: dict[str, dict[str, str]]
) -> None:
    if document not in READY:
        pytest.skip(f"issue 23: {document} has no French template yet")
    ids = _folder_ids(EXAMPLE) | _folder_ids(PROJECTS / "vilvoorde")
    own = _template_numbers(document)
    names = [n for n in rendered["nl"] if n.startswith(_file_prefix(document))]
    assert names, f"no {document} was rendered"
    assert sorted(rendered["fr"]) == sorted(rendered["nl"]), "the same documents in both languages"
    for name in names:
        dutch = _facts(rendered["nl"][name], "nl", ids, own)
        french = _facts(rendered["fr"][name], "fr", ids, own)
        assert french == dutch, name
        assert rendered["fr"][name] != rendered["nl"][name], f"{name} is not French"
