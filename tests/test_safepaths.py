"""The one path guard (livb/core/safepaths.py): links on the way to what livb writes or reads."""

from __future__ import annotations

import os

import pytest

from livb.core.safepaths import LinkedPathError, check_template, first_link, refuse_links

from helpers import copy_example


def test_a_linked_gemeente_folder_itself_is_the_users_choice(tmp_path, livb):
    real = copy_example(tmp_path / "echt")
    (tmp_path / "gedeeld").symlink_to(real, target_is_directory=True)
    assert livb("render", "intentieverklaring", tmp_path / "gedeeld").code == 0
    assert (real / "output" / "intentieverklaring.docx").is_file()


def test_every_component_below_the_base_is_looked_at(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "elders").mkdir()
    (tmp_path / "a" / "b" / "c").symlink_to(tmp_path / "elders", target_is_directory=True)
    path = tmp_path / "a" / "b" / "c" / "d" / "e.docx"
    assert first_link(tmp_path, path) == (tmp_path / "a" / "b" / "c", str(tmp_path / "elders"))
    with pytest.raises(LinkedPathError) as refused:
        refuse_links(tmp_path, path)
    assert refused.value.message == (
        f"kan 'a/b/c/d/e.docx' niet schrijven: 'a/b/c' is een koppeling (symlink) naar "
        f"'{tmp_path / 'elders'}'"
    )


def test_a_path_that_does_not_exist_yet_is_fine(tmp_path):
    refuse_links(tmp_path, tmp_path / "nieuw" / "map" / "plan.docx")


def test_outside_the_base_only_the_last_component_counts(tmp_path):
    (tmp_path / "gemeente").mkdir()
    (tmp_path / "uit").mkdir()
    (tmp_path / "koppeling").symlink_to(tmp_path / "uit", target_is_directory=True)
    refuse_links(tmp_path / "gemeente", tmp_path / "koppeling" / "plan.docx")
    with pytest.raises(LinkedPathError):
        refuse_links(tmp_path / "gemeente", tmp_path / "koppeling")


def test_a_template_with_one_name_is_read(tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "plan.md.j2"
    template.write_text("# Plan\n", encoding="utf-8")
    assert check_template(tmp_path, template).st_nlink == 1
    os.link(template, tmp_path / "templates" / "kopie.md.j2")
    with pytest.raises(LinkedPathError) as refused:
        check_template(tmp_path, template)
    assert "een harde koppeling naar 'templates/kopie.md.j2' (het bestand heeft 2 namen)" in (
        refused.value.message
    )


def test_a_fifo_template_is_refused_without_opening_it(tmp_path):
    (tmp_path / "templates").mkdir()
    fifo = tmp_path / "templates" / "pijp.md.j2"
    os.mkfifo(fifo)
    with pytest.raises(LinkedPathError) as refused:
        check_template(tmp_path, fifo)  # opening it would block: this returns at once
    assert refused.value.message == f"{fifo}: een pijp (FIFO), geen gewoon bestand"
