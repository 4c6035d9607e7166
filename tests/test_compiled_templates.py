"""livb's own templates are compiled once and kept (livb/documents/compiled.py); nothing else."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from livb.core.resources import templates_dir
from livb.documents import compiled
from livb.documents.compiled import OwnTemplateCache, own_template_cache
from livb.documents.environment import LimitedEnvironment, build_environment
from livb.documents.render import RenderRequest, render_documents

TODAY = dt.date(2026, 11, 21)
FINGERPRINT = "test"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _stored(home: Path) -> list[Path]:
    return sorted((home / "livb" / "sjablonen").glob("*.jinja"))


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates the environment compiles from source from now on."""
    names: list[str] = []
    original = LimitedEnvironment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        names.append(str(name))
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(LimitedEnvironment, "compile", counting)
    return names


def _render(folder: Path, out: Path) -> bytes:
    render_documents(RenderRequest(folder, ["plan"], out=out, force=True, today=TODAY))
    (document,) = out.glob("*plan*.docx")
    return document.read_bytes()


def test_a_second_render_uses_the_compiled_template_and_writes_the_same_bytes(
    halle: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    compiled_names = _compiles(monkeypatch)
    first = _render(halle, tmp_path / "een")
    assert "plan.md.j2" in compiled_names
    assert _stored(cache_home), "the first render keeps the compiled template"

    compiled_names.clear()
    second = _render(halle, tmp_path / "twee")  # a new environment, as in a new process
    assert compiled_names == []
    assert second == first


def test_a_gemeente_template_is_compiled_each_time_and_never_stored(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "brief.md.j2").write_text("Beste {{ naam }}\n", encoding="utf-8")
    compiled_names = _compiles(monkeypatch)
    for _ in range(2):
        environment = build_environment([own, templates_dir() / "nl"])
        assert environment.get_template("brief.md.j2").render(naam="Ann").endswith("Beste Ann\n")
    assert compiled_names == ["brief.md.j2", "brief.md.j2"]
    assert _stored(cache_home) == []


def _cache(tmp_path: Path, fingerprint: str = FINGERPRINT) -> tuple[OwnTemplateCache, Path]:
    """A cache that counts the templates of ``tmp_path/own`` as livb's own."""
    own, directory = tmp_path / "own", tmp_path / "bewaard"
    own.mkdir(exist_ok=True)
    directory.mkdir(exist_ok=True)
    return OwnTemplateCache(directory, own, fingerprint), own


def _environment(cache: OwnTemplateCache, own: Path) -> LimitedEnvironment:
    environment = build_environment([own])
    environment.bytecode_cache = cache
    return environment


def test_an_edited_template_compiles_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, own = _cache(tmp_path)
    template = own / "t.md.j2"
    template.write_text("oud {{ 1 + 1 }}\n", encoding="utf-8")
    assert _environment(cache, own).get_template("t.md.j2").render().endswith("oud 2\n")
    template.write_text("nieuw {{ 2 + 2 }}\n", encoding="utf-8")
    compiled_names = _compiles(monkeypatch)
    assert _environment(cache, own).get_template("t.md.j2").render().endswith("nieuw 4\n")
    assert compiled_names == ["t.md.j2"]


def test_another_livb_or_generator_does_not_reuse_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, own = _cache(tmp_path)
    (own / "t.md.j2").write_text("{{ 3 }}\n", encoding="utf-8")
    _environment(cache, own).get_template("t.md.j2")
    other, _ = _cache(tmp_path, fingerprint="een andere versie")
    compiled_names = _compiles(monkeypatch)
    _environment(other, own).get_template("t.md.j2")
    assert compiled_names == ["t.md.j2"]
    assert len(list(cache.directory.glob("*.jinja"))) == 2


@pytest.mark.parametrize(
    "damage", [b"", b"j2 rommel", bytes(range(7, 256, 3))[:64]], ids=["leeg", "rommel", "binair"]
)
def test_a_damaged_file_is_compiled_again_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    cache, own = _cache(tmp_path)
    (own / "t.md.j2").write_text("{{ 6 * 7 }}\n", encoding="utf-8")
    _environment(cache, own).get_template("t.md.j2")
    (stored,) = cache.directory.glob("*.jinja")
    stored.write_bytes(damage)
    compiled_names = _compiles(monkeypatch)
    assert _environment(cache, own).get_template("t.md.j2").render().endswith("42\n")
    assert compiled_names == ["t.md.j2"]
    assert stored.read_bytes() != damage


def test_the_folder_is_made_private(cache_home: Path) -> None:
    cache = own_template_cache(templates_dir())
    assert cache is not None
    assert stat.S_IMODE(cache.directory.stat().st_mode) == 0o700
    assert cache.directory == cache_home / "livb" / "sjablonen"


def test_a_folder_others_can_write_to_is_not_used(cache_home: Path) -> None:
    folder = cache_home / "livb" / "sjablonen"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert own_template_cache(templates_dir()) is None


def test_a_link_in_place_of_the_folder_is_not_used(cache_home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir(mode=0o700)
    (cache_home / "livb").mkdir(parents=True)
    (cache_home / "livb" / "sjablonen").symlink_to(elsewhere)
    assert own_template_cache(templates_dir()) is None


def test_a_render_without_a_usable_cache_folder_still_works(
    halle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert own_template_cache(templates_dir()) is None
    assert _render(halle, tmp_path / "uit").startswith(b"PK")


def test_a_cache_folder_that_refuses_writing_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, own = _cache(tmp_path)
    (own / "t.md.j2").write_text("{{ 5 }}\n", encoding="utf-8")
    monkeypatch.setattr(compiled.tempfile, "mkstemp", _refuse)
    assert _environment(cache, own).get_template("t.md.j2").render().endswith("5\n")
    assert list(cache.directory.iterdir()) == []


def _refuse(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(13, "geen toegang")


def _seed(folder: Path) -> None:
    """A private folder holding a file where compiled code would be, planted by someone else."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    (folder / "seeded.jinja").write_bytes(b"j2\x00not really code")


def test_a_linked_parent_of_the_folder_is_not_used(cache_home: Path, tmp_path: Path) -> None:
    """The issue's case: XDG_CACHE_HOME/livb a link to a private folder of the same user."""
    elsewhere = tmp_path / "elders"
    _seed(elsewhere / "sjablonen")
    elsewhere.chmod(0o700)
    cache_home.mkdir()
    (cache_home / "livb").symlink_to(elsewhere, target_is_directory=True)
    assert own_template_cache(templates_dir()) is None


def test_a_linked_cache_home_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "echt"
    _seed(real / "livb" / "sjablonen")
    (tmp_path / "koppeling").symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "koppeling"))
    assert own_template_cache(templates_dir()) is None


def test_a_parent_others_can_write_to_is_not_used(cache_home: Path) -> None:
    (cache_home / "livb" / "sjablonen").mkdir(parents=True, mode=0o700)
    cache_home.chmod(0o775)
    assert own_template_cache(templates_dir()) is None


def test_a_sticky_parent_above_the_users_own_folder_is_used(tmp_path: Path) -> None:
    sticky = tmp_path / "gedeeld"
    sticky.mkdir()
    sticky.chmod(0o1777)
    (sticky / "mijn" / "sjablonen").mkdir(parents=True, mode=0o700)
    assert compiled._trusted(sticky / "mijn" / "sjablonen")
    assert not compiled._trusted(sticky)


@pytest.mark.parametrize("kind", ["symlink", "hardlink", "writable"])
def test_a_stored_file_not_written_by_livb_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    cache, own = _cache(tmp_path)
    (own / "t.md.j2").write_text("{{ 6 * 7 }}\n", encoding="utf-8")
    _environment(cache, own).get_template("t.md.j2")
    (stored,) = cache.directory.glob("*.jinja")
    planted = tmp_path / "geplant.jinja"
    planted.write_bytes(stored.read_bytes())
    stored.unlink()
    if kind == "symlink":
        stored.symlink_to(planted)
    elif kind == "hardlink":
        stored.hardlink_to(planted)
    else:
        stored.write_bytes(planted.read_bytes())
        stored.chmod(0o666)
    compiled_names = _compiles(monkeypatch)
    assert _environment(cache, own).get_template("t.md.j2").render().endswith("42\n")
    assert compiled_names == ["t.md.j2"]
