"""The French catalogue is complete: every marked Dutch text has its French, with the same fields.

The texts are found in the code itself (every ``tr("…")`` and ``N_("…")`` call in livb/, and the
docstring of every rule, its explanation), so a new Dutch message without French fails here,
not on a French-speaking user's screen.
"""

from __future__ import annotations

import ast
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import livb
from livb.core import formatting, i18n, words

PACKAGE = Path(livb.__file__).resolve().parent
MARKERS = {"tr", "N_"}


def _marked() -> tuple[dict[str, list[str]], list[str]]:
    """Every marked text → where it is; and every mark whose text is no literal string."""
    found: dict[str, list[str]] = {}
    wrong: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if path.parent.name == "rules" and not path.name.startswith("_"):
            # a rule's docstring is its explanation, shown with tr() by livb check --explain
            doc = ast.get_docstring(tree, clean=True)
            if doc:
                found.setdefault(doc, []).append(f"{path.relative_to(PACKAGE.parent)}:1")
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in MARKERS or path.name == "i18n.py":
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, []).append(where)
            elif node.func.id == "N_" or not _shows_a_marked_constant(first):
                wrong.append(where)
    return found, wrong


def _shows_a_marked_constant(node: ast.expr | None) -> bool:
    """``tr(METHODE)``, ``tr(spec.header)``: a name for a text marked with N_ elsewhere.

    Never a text made on the spot (an f-string, a sum, a ``.format``): that one has no entry.
    """
    if isinstance(node, ast.Call):
        return not (isinstance(node.func, ast.Attribute) and node.func.attr == "format")
    return isinstance(node, (ast.Name, ast.Attribute, ast.Subscript))


def _fields(text: str) -> Counter[str]:
    return Counter(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def _entries() -> dict[str, tuple[str, str]]:
    """Dutch text → (French text, the catalogue holding it), over every French .po file."""
    entries: dict[str, tuple[str, str]] = {}
    for path in sorted((i18n.CATALOGUES / "fr").glob("*.po")):
        with path.open("rb") as stream:
            for entry in read_po(stream, locale="fr"):
                if entry.id:
                    assert isinstance(entry.id, str), f"{path.name}: plural entries are not used"
                    entries.setdefault(entry.id, (str(entry.string or ""), path.name))
    return entries


MARKED, WRONG = _marked()
ENTRIES = _entries()


def test_only_literal_texts_are_marked() -> None:
    assert not WRONG, (
        "N_() takes a literal Dutch string; tr() a literal or a constant marked with N_, never "
        f"an f-string, a sum or .format(): {WRONG}"
    )


def test_every_marked_text_has_french() -> None:
    missing = sorted(
        f"{where[0]}: {text!r}"
        for text, where in MARKED.items()
        if not ENTRIES.get(text, ("", ""))[0].strip()
    )
    assert not missing, f"{len(missing)} Dutch texts without French:\n" + "\n".join(missing[:40])


def test_french_keeps_the_fields_of_the_dutch() -> None:
    wrong = [
        f"{catalogue}: {dutch!r} → {french!r}"
        for dutch, (french, catalogue) in ENTRIES.items()
        if french and _fields(dutch) != _fields(french)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_catalogue_entry_is_left_unused() -> None:
    unused = sorted(
        f"{catalogue}: {dutch!r}"
        for dutch, (_, catalogue) in ENTRIES.items()
        if dutch not in MARKED
    )
    assert not unused, "entries no code marks (remove or fix them):\n" + "\n".join(unused[:40])


def test_one_text_one_translation_across_the_catalogues() -> None:
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted((i18n.CATALOGUES / "fr").glob("*.po")):
        with path.open("rb") as stream:
            for entry in read_po(stream, locale="fr"):
                if not entry.id or not entry.string:
                    continue
                earlier = seen.setdefault(str(entry.id), (str(entry.string), path.name))
                if earlier[0] != entry.string:
                    clashes.append(f"{entry.id!r}: {earlier} / {path.name}")
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LC_ALL": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "fr_BE.UTF-8"}, "nl"),
        ({"LANG": "de_BE.UTF-8"}, "nl"),
        ({}, "nl"),
        ({"LIVB_TAAL": "fr", "LANG": "nl_BE.UTF-8"}, "fr"),
        ({"LIVB_TAAL": "de", "LANG": "fr_BE.UTF-8"}, "fr"),
    ],
)
def test_outside_a_folder_the_environment_chooses(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for name in ("LIVB_TAAL", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with i18n.speaking(None):
        assert i18n.language() == expected


def test_a_translated_text_is_filled_in_after_translation() -> None:
    dutch, french = next(
        ((d, f) for d, (f, _) in ENTRIES.items() if f and _fields(d)), (None, None)
    )
    if dutch is None:
        pytest.skip("no catalogue entry with a field yet")
    values = {name: f"<{name}>" for name in _fields(dutch)}
    with i18n.speaking("fr"):
        assert i18n.tr(dutch, **values) == french.format(**values)
    with i18n.speaking("nl"):
        assert i18n.tr(dutch, **values) == dutch.format(**values)


def test_french_counts_zero_and_one_as_singular() -> None:
    with i18n.speaking("fr"):
        assert [words.count(n, "erreur", "erreurs") for n in (0, 1, 2)] == [
            "0 erreur",
            "1 erreur",
            "2 erreurs",
        ]
    with i18n.speaking("nl"):
        assert [words.count(n, "fout", "fouten") for n in (0, 1, 2)] == [
            "0 fouten",
            "1 fout",
            "2 fouten",
        ]


def test_numbers_money_and_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2009, 5, 19)
    with i18n.speaking("nl"):
        assert (formatting.money(13500), formatting.long_date(day)) == ("€ 13.500", "19 mei 2009")
        assert formatting.long_date(dt.date(2010, 9, 1)) == "1 september 2010"
        assert formatting.join(["a", "b", "c"]) == "a, b en c"
    with i18n.speaking("fr"):
        amount = formatting.money(13500)
        assert amount.endswith("\u00a0€") and amount.replace("\u202f", "").startswith("13500")
        assert formatting.long_date(day) == "19 mai 2009"
        first = dt.date(2010, 9, 1)
        assert (formatting.long_date(first), formatting.short_date(first)) == (
            "1er septembre 2010",
            "1er\u00a0sept.\u00a02010",  # a table cell: never broken
        )
        assert formatting.join(["a", "b", "c"]) == "a, b et c"
        assert formatting.number(16.8) == "16,8"
