"""The render pipeline: folder → view model → template → Markdown → Word (→ PDF)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livb.check import check_loaded
from livb.diagnostics import Severity
from livb.documents import DOCUMENTS, Document
from livb.documents._base import DRAFT_TEXT, draft_texts, gap
from livb.documents.environment import build_environment, split_marks
from livb.documents.manifest import changed_by_hand, digest, read_manifest, write_manifest
from livb.documents.views import Views
from livb.errors import LivbError
from livb.model import Project
from livb.project import load_project
from livb.resources import templates_dir
from livb.word.docx import DocumentMeta, write_docx
from livb.word.ir import DocumentIR
from livb.word.markdown import MarkdownError, parse
from livb.yamlio import write_atomic


class TemplateError(LivbError):
    """A template that cannot be rendered: its file and line, and what is wrong."""

    category = "sjabloon"


class NotFinal(LivbError):
    """``--definitief`` and the folder still lacks something: every reason, one per line."""

    category = "definitief"

    def __init__(self, reasons: list[str]) -> None:
        lines = "\n".join(f"  {reason}" for reason in reasons)
        super().__init__(
            f"nog geen definitieve versie ({len(reasons)} reden(en)):\n{lines}",
            "vul aan wat ontbreekt en probeer opnieuw, of maak een ontwerp zonder --definitief",
        )
        self.reasons = reasons


def final_gaps(project: Project, job: Job, ir: DocumentIR) -> list[str]:
    """What keeps one document from being final, one reason each with its file and key.

    Every gap the document marks, what the document itself needs (its ``final_gaps``), and
    every skeleton text ('(in te vullen: …)') it shows.
    """
    reasons = [gap(m.file, m.key, f"in te vullen: {m.label}") for m in ir.missing]
    reasons += job.document.final_gaps(project, job.context)
    shown = " ".join(ir.text.split())
    explained = set()
    for file, key, text in draft_texts(project):
        if " ".join(text.split()) in shown:
            reasons.append(gap(file, key, f"'{text}' is nog de voorlopige tekst van livb new"))
            explained.add(" ".join(text.split()))
    for match in DRAFT_TEXT.finditer(shown):  # a skeleton text livb cannot trace to its file
        text = shown[match.start() :].split(")", 1)[0] + ")"
        if not any(text in known for known in explained):
            reasons.append(f"de tekst '{text}' staat nog in het document")
    return list(dict.fromkeys(reasons))


@dataclass
class RenderRequest:
    """What to render, where, and how strictly."""

    root: Path
    documents: list[str]
    item: str | None = None
    out: Path | None = None
    definitief: bool = False
    force: bool = False
    pdf: bool = False
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class Rendered:
    """One document written."""

    path: Path
    missing: int
    pdf: Path | None = None


@dataclass
class Job:
    """One document to make: which document, for which item, with which data."""

    document: Document
    item: str | None
    context: dict[str, Any]

    @property
    def filename(self) -> str:
        """The output file's name."""
        return self.document.output_name(self.item)

    @property
    def template(self) -> str:
        """The template's name."""
        return self.document.template


def plan_jobs(request: RenderRequest, project: Project) -> list[Job]:
    """The documents to render: the ones asked for (``alle``: every one the folder allows)."""
    views = Views(project, request.today)
    if request.documents == ["alle"]:
        chosen = [d for d in DOCUMENTS.values() if d.available(project)]
    else:
        chosen = [_document(name) for name in request.documents]
    jobs: list[Job] = []
    for document in chosen:
        for item in _items(document, request, project):
            jobs.append(Job(document, item, document.build(views, item)))
    return jobs


def _document(name: str) -> Document:
    if name not in DOCUMENTS:
        raise LivbError(f"onbekend document '{name}'", f"kies uit: {', '.join(DOCUMENTS)}")
    return DOCUMENTS[name]


def _items(document: Document, request: RenderRequest, project: Project) -> list[str | None]:
    items = list(document.items(project))
    if document.per is None or request.item is None:
        return items
    if request.item not in items:
        raise LivbError(
            f"onbekende {document.per} '{request.item}'",
            "geef de bestandsnaam zonder .yaml, bv. 2026-03-20-kerngroep",
        )
    return [request.item]


def render_documents(
    request: RenderRequest, progress: Callable[[str], None] | None = None
) -> list[Rendered]:
    """Render the requested documents of a gemeente folder.

    Raises:
        LivbError: the folder has errors, a template fails, a final version is incomplete, or a
            file in the output folder was changed by hand (without ``force``).
    """
    loaded = load_project(request.root)
    if loaded.project is None:
        raise LivbError(
            f"de map '{request.root}' heeft fouten; zo kan livb geen documenten maken",
            f"los eerst de fouten op die 'livb check {request.root}' toont",
        )
    project = loaded.project
    reasons: list[str] = []
    if request.definitief:
        errors = check_loaded(loaded, today=request.today).count(Severity.FOUT)
        if errors:
            reasons.append(f"livb check: de map heeft {errors} fout(en)")
    out = request.out or request.root / "output"
    reference = _reference(request.root)
    environment = build_environment(_template_folders(request.root))
    jobs = plan_jobs(request, project)
    built: list[tuple[Job, bytes, DocumentIR]] = []
    for job in jobs:
        if progress:
            progress(job.filename)
        ir = _build_ir(environment, job)
        if request.definitief:
            reasons.extend(f"{job.filename}: {r}" for r in final_gaps(project, job, ir))
            if reasons:
                continue  # refused anyway: no need to write this one
        meta = _meta(project, job, request)
        built.append((job, write_docx(ir, reference, meta), ir))
    if reasons:
        raise NotFinal(reasons)
    return _write_all(out, built, request)


def _template_folders(root: Path) -> list[Path]:
    own = root / "templates"
    builtin = templates_dir() / "nl"
    return [own, builtin] if own.is_dir() else [builtin]


def _reference(root: Path) -> Path:
    own = root / "huisstijl.docx"
    return own if own.is_file() else templates_dir() / "nl" / "huisstijl.docx"


def _meta(project: Project, job: Job, request: RenderRequest) -> DocumentMeta:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    else:
        day = job.document.date(job.context) or request.today
        stamp = dt.datetime.combine(day, dt.time(12, 0))
    gemeente = project.instellingen.gemeente
    author = f"{gemeente.bestuursvorm.value.capitalize()} {gemeente.naam}"
    return DocumentMeta(
        title=job.document.document_title(job.context),
        subject=f"Lokaal integraal veiligheidsbeleid: {project.instellingen.beleid.titel}",
        author=author,
        keywords="LIVB; integrale veiligheid; " + project.instellingen.beleid.titel,
        date=stamp,
    )


def _build_ir(environment: Any, job: Job) -> DocumentIR:
    from jinja2.exceptions import (
        SecurityError,
        TemplateNotFound,
        TemplateSyntaxError,
        UndefinedError,
    )

    try:
        template = environment.get_template(job.template)
        text = template.render(job.context)
    except TemplateNotFound as error:
        raise TemplateError(f"het sjabloon '{error.name}' bestaat niet") from None
    except TemplateSyntaxError as error:
        raise TemplateError(
            f"{error.filename or error.name}:{error.lineno}: het sjabloon is ongeldig "
            f"({error.message})",
            "verbeter de Jinja-code op die regel",
        ) from None
    except UndefinedError as error:
        where = _template_line(error, job.template)
        raise TemplateError(
            f"{where}: {_undefined_message(str(error))}",
            "gebruik enkel gegevens die het document kent (zie de ingebouwde sjablonen)",
        ) from None
    except SecurityError:
        where = _template_line(sys.exc_info()[1], job.template)
        raise TemplateError(f"{where}: het sjabloon probeert iets wat niet toegelaten is") from None
    clean, origins = split_marks(text)
    try:
        return parse(clean)
    except MarkdownError as error:
        where = origins[error.line - 1] if 0 < error.line <= len(origins) else job.template
        raise TemplateError(
            f"{where}: {error.message}",
            "pas het sjabloon aan: zie de README voor wat een document kan bevatten",
        ) from None


def _template_line(error: BaseException | None, name: str) -> str:
    if error is None:
        return name
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return name


def _undefined_message(text: str) -> str:
    match = re.search(r"'([^']+)' is undefined", text)
    if match:
        return f"'{match.group(1)}' bestaat niet in de gegevens van dit document"
    match = re.search(r"has no attribute '([^']+)'", text)
    if match:
        return f"het gegeven '{match.group(1)}' bestaat niet"
    return f"een gegeven ontbreekt ({text})"


def _write_all(
    out: Path, built: list[tuple[Job, bytes, DocumentIR]], request: RenderRequest
) -> list[Rendered]:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LivbError(f"kan de map '{out}' niet maken: {error.strerror}") from None
    manifest = read_manifest(out)
    changed = [
        job.filename
        for job, _, _ in built
        if changed_by_hand(out / job.filename, manifest.get(job.filename))
    ]
    if changed and not request.force:
        raise LivbError(
            f"{', '.join(changed)}: met de hand gewijzigd sinds livb het maakte; niet overschreven",
            "bewaar je aanpassingen onder een andere naam, of overschrijf ze met --force",
        )
    rendered = []
    for job, data, ir in built:
        path = out / job.filename
        try:
            write_atomic(path, data)
        except OSError as error:
            raise LivbError(
                f"kan '{path}' niet schrijven: {error.strerror}",
                "is het document nog open in Word? Sluit het en probeer opnieuw",
            ) from None
        manifest[job.filename] = digest(data)
        rendered.append(Rendered(path, len(ir.missing)))
    write_manifest(out, manifest)
    if request.pdf:  # after the Word files and the manifest: a failing LibreOffice loses nothing
        from livb.word.pdf import convert_to_pdf

        for result, pdf in zip(rendered, convert_to_pdf([r.path for r in rendered]), strict=True):
            result.pdf = pdf
    return rendered


__all__ = ["RenderRequest", "Rendered", "render_documents"]
