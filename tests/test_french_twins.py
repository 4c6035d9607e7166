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


# Month names of both languages in both documents: the folder's own text (a finding's
# explanation, a note) is the same Dutch in the French document, and its dates are facts too.
_MONTH_NUMBERS = {
    name.lower(): number
    for locale in LOCALES.values()
    for names in (formatting.month_names(locale), formatting.short_month_names(locale))
    for number, name in enumerate(names, start=1)
}
_MONTHS = "|".join(re.escape(name) for name in sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DATE = re.compile(rf"(?:(\d{{1,2}})(?:er)?[ \u00a0])?({_MONTHS})[ \u00a0](\d{{4}})", re.I)


def _dates(text: str, taal: str) -> tuple[Counter[tuple[int, int, int]], str]:
    """The dates written in words (19 mei 2009, 1er sept. 2010, maart 2010), and the text without."""
    found: Counter[tuple[int, int, int]] = Counter()

    def take(match: re.Match[str]) -> str:
        day = int(match.group(1)) if match.group(1) else 0
        found[(int(match.group(3)), _MONTH_NUMBERS[match.group(2).lower()], day)] += 1
        return " "

    return found, _DATE.sub(take, text)


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
    # an id that is also a word livb writes in Dutch itself (eigen, burgemeester, inwoners), in
    # a template or a marked text of the code, proves nothing: the French rightly drops it
    return {i for i in found if len(i) > 2 and i.lower() not in _LIVB_WORDS}


def _livb_words() -> set[str]:
    """The words of livb's own Dutch: its templates and the Dutch texts of its catalogues."""
    from livb.core import i18n

    texts = [path.read_text(encoding="utf-8") for path in TEMPLATES_NL.glob("*.j2")]
    texts += list(i18n.catalogue("fr"))
    return {word.lower() for text in texts for word in re.findall(r"[\w-]+", text)}


_LIVB_WORDS = _livb_words()


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
