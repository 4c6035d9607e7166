"""The document registry: a document is one module, one registry line, one template, one snapshot."""

from __future__ import annotations

import importlib
import pkgutil
import re

import livb.documents
from livb.documents import DOCUMENTS
from livb.resources import templates_dir

from helpers import REPO, halle_snapshots

# The modules of livb/documents that are the pipeline's own, not documents (and every _module).
INFRASTRUCTURE = {"charts", "compiled", "environment", "manifest", "render", "views"}


def document_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.iter_modules(livb.documents.__path__)
        if m.name not in INFRASTRUCTURE and not m.name.startswith("_")
    )


def test_every_document_module_is_registered():
    registered = {document.build.__module__ for document in DOCUMENTS.values()}
    for name in document_modules():
        module = importlib.import_module(f"livb.documents.{name}")
        assert hasattr(module, "DOCUMENT"), f"livb/documents/{name}.py defines no DOCUMENT"
        assert module.DOCUMENT is DOCUMENTS.get(module.DOCUMENT.name), f"{name} is not registered"
        assert module.__name__ in registered


def test_every_registered_document_has_a_module_a_template_and_a_snapshot():
    modules = {f"livb.documents.{name}" for name in document_modules()}
    snapshots = dict(zip(DOCUMENTS, halle_snapshots(), strict=True))
    for name, document in DOCUMENTS.items():
        assert document.build.__module__ in modules, f"{name}: its view lives outside its module"
        assert (templates_dir() / "nl" / document.template).is_file(), f"{name}: no template"
        golden = REPO / "tests" / "golden" / snapshots[name].replace(".docx", ".txt")
        assert golden.is_file(), f"{name}: no reviewed snapshot {golden.name}"


def test_names_and_files_are_unique():
    files = [document.filename for document in DOCUMENTS.values()]
    assert len(set(files)) == len(files)
    assert "alle" not in DOCUMENTS


def test_the_readme_lists_every_document_with_its_step():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| ([^|]+) \|$", readme, re.MULTILINE))
    for name, document in DOCUMENTS.items():
        assert rows.get(name, "").strip() == document.stap, f"README: no row for {name}"


def test_render_help_lists_the_registry(livb):
    result = livb("render", "--help")
    assert result.code == 0
    for name, document in DOCUMENTS.items():
        assert f"{name}: {document.title.lower()} (stap {document.stap})" in " ".join(
            result.out.split()
        )


def test_an_unknown_document_is_refused_with_the_choices(halle, livb):
    result = livb("render", "plannen", halle)
    assert result.code == 2
    assert "onbekend document 'plannen'" in result.err
    assert "plan" in result.err
