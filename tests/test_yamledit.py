"""livb.folder.yamledit: a value changed in the user's YAML, every other byte kept."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livb.folder.yamledit import EditError, replace_scalars, update_roundtrip
from livb.folder.yamlio import parse_fast

TEXT = """\
# Acties van de projectgroep
titel: Oud   # commentaar blijft
visie: |
  Regel een
  regel twee
acties:
  - id: a1
    titel: 'Met quote'
    besteed: 100
  - id: a2
    titel: "dubbel"
    opmerking:
# slot
"""


def changed_lines(old: str, new: str) -> list[str]:
    """The removed and added lines, sorted: what a reviewer of the diff would see."""
    return sorted(
        line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"
    )


def test_only_the_changed_lines_differ_and_quotes_stay():
    new = replace_scalars(
        TEXT,
        {("acties", 0, "titel"): "Jan's actie", ("acties", 0, "besteed"): 250,
         ("acties", 1, "opmerking"): "nieuw"},
    )  # fmt: skip
    assert changed_lines(TEXT, new) == sorted([
        "-     titel: 'Met quote'", "-     besteed: 100", "+     titel: 'Jan''s actie'",
        "+     besteed: 250", "-     opmerking:", "+     opmerking: nieuw",
    ])  # fmt: skip
    assert parse_fast(new)["acties"][0]["titel"] == "Jan's actie"


def test_a_text_on_several_lines_becomes_a_block_and_the_comment_moves_up():
    new = replace_scalars(TEXT, {("titel",): "Eerste regel\ntweede regel"})
    assert "titel: |-   # commentaar blijft\n  Eerste regel\n  tweede regel\nvisie: |\n" in new
    assert parse_fast(new)["titel"] == "Eerste regel\ntweede regel"
    block = replace_scalars(TEXT, {("visie",): "Eén\ntwee\n"})
    assert changed_lines(TEXT, block) == sorted(
        ["-   Regel een", "-   regel twee", "+   Eén", "+   twee"]
    )


def test_line_ends_of_a_windows_file_are_kept():
    crlf = TEXT.replace("\n", "\r\n")
    new = replace_scalars(crlf, {("visie",): "a\nb\n", ("titel",): "Nieuw"})
    assert "\n" not in new.replace("\r\n", "")
    assert parse_fast(new)["visie"] == "a\nb\n"


@pytest.mark.parametrize(
    ("place", "message"),
    [
        (("acties",), "'acties' is een lijst of groep"),
        (("acties", 5, "titel"), "'acties/5/titel' bestaat niet"),
        (("onbekend",), "'onbekend' bestaat niet"),
    ],
)
def test_a_place_that_holds_no_value_is_refused(place, message):
    with pytest.raises(EditError, match=message):
        replace_scalars(TEXT, {place: "x"})


def test_a_text_that_cannot_go_in_a_flow_mapping_is_refused_not_mangled():
    with pytest.raises(EditError):
        replace_scalars("a: {b: c}\n", {("a", "b"): "twee\nregels"})


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_any_one_line_text_comes_back_as_written(value):
    try:
        new = replace_scalars(TEXT, {("acties", 1, "titel"): value})
    except EditError:
        return  # refused, never written wrong
    assert parse_fast(new)["acties"][1]["titel"] == value
    assert new.startswith(TEXT.split("  - id: a2")[0])


def test_a_block_text_given_one_line_keeps_the_key_after_it_on_its_own_line():
    after = replace_scalars(TEXT, {("visie",): "Een regel"})
    assert parse_fast(after)["acties"][0]["id"] == "a1"
    assert "\nacties:\n" in after


def test_a_folded_text_stays_folded_wrapped_at_its_width():
    text = "visie: >-\n  Een lange tekst die over twee\n  regels loopt.\nslot: 1\n"
    value = "Een lange tekst die nu over meer dan twee regels loopt, want er kwam iets bij."
    after = replace_scalars(text, {("visie",): value})
    assert after.startswith("visie: >-\n  ") and after.endswith("\nslot: 1\n")
    assert parse_fast(after)["visie"] == value
    assert max(len(line) for line in after.splitlines()) < len(value)


def test_a_new_key_and_item_keep_comments_quotes_and_indentation():
    def edit(data):
        data["acties"][0]["toestand"] = "lopend"
        data["acties"].append({"id": "a3"})

    new = update_roundtrip(TEXT, edit)
    assert "# Acties van de projectgroep\ntitel: Oud   # commentaar blijft\n" in new
    assert "    titel: 'Met quote'\n    besteed: 100\n    toestand: lopend\n" in new
    assert "visie: |\n  Regel een\n" in new
    assert parse_fast(new)["acties"][2] == {"id": "a3"}
