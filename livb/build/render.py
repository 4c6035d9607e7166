"""The render pipeline: folder → view model → template → Markdown → Word (→ PDF)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livb.build.context import ContextBuilder
from livb.build.docx import DocumentMeta, write_docx
from livb.build.environment import build_environment, split_marks
from livb.build.ir import DocumentIR, Missing
from livb.build.markdown import MarkdownError, parse
from livb.check import check_loaded
from livb.diagnostics import Severity
from livb.errors import LivbError
from livb.model import Project
from livb.project import load_project
from livb.resources import templates_dir
from livb.yamlio import write_atomic

MANIFEST = ".livb-manifest.json"
DOCUMENTS = ("intentieverklaring", "protocol", "verslag", "diagnostiek", "plan")
TITLES = {
    "intentieverklaring": "Intentieverklaring",
    "protocol": "Protocolakkoord",
    "verslag": "Verslag",
    "diagnostiek": "Lokale veiligheidsdiagnostiek",
    "plan": "Integraal veiligheidsplan",
}


class TemplateError(LivbError):
    """A template that cannot be rendered: its file and line, and what is wrong."""

    category = "sjabloon"


@dataclass
class RenderRequest:
    """What to render, where, and how strictly."""

    root: Path
    documents: list[str]
    meeting: str | None = None
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
    """One document to make: which template, which data, which file."""

    template: str
    context: dict[str, Any]
    filename: str
    title: str
    date: dt.date


def plan_jobs(request: RenderRequest, project: Project) -> list[Job]:
    """The documents to render: the ones asked for (``alle``: every one the folder allows)."""
    builder = ContextBuilder(project, request.today)
    jobs: list[Job] = []
    names = list(request.documents)
    if names == ["alle"]:
        names = [name for name in DOCUMENTS if _allowed(name, project)]
    for name in names:
        if name == "verslag":
            meetings = [request.meeting] if request.meeting else sorted(project.vergaderingen)
            for meeting in meetings:
                if meeting not in project.vergaderingen:
                    raise LivbError(
                        f"onbekende vergadering '{meeting}'",
                        "geef de bestandsnaam zonder .yaml, bv. 2026-03-20-kerngroep",
                    )
                context = builder.verslag(meeting)
                jobs.append(_job(builder, "verslag", context, f"verslag-{meeting}.docx"))
            continue
        context = getattr(builder, name)()
        filename = "protocolakkoord.docx" if name == "protocol" else f"{name}.docx"
        jobs.append(_job(builder, name, context, filename))
    return jobs


def _job(builder: ContextBuilder, name: str, context: dict[str, Any], filename: str) -> Job:
    date = builder.document_date(name, context)
    title = TITLES[name]
    if name == "plan":
        title = str(context["beleid"]["plannaam"]).capitalize()
    elif name == "verslag":
        title = f"Verslag: {context['vergadering']['titel']}"
    return Job(f"{name}.md.j2", context, filename, title, date)


def _allowed(name: str, project: Project) -> bool:
    if name in ("intentieverklaring", "protocol"):
        return any(a.rol and a.rol.value == "burgemeester" for a in project.actoren.actoren)
    if name == "verslag":
        return bool(project.vergaderingen)
    if name == "diagnostiek":
        return bool(project.bevindingen.bevindingen or project.bronnen.bronnen)
    return bool(project.prioriteiten.prioriteiten)


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
    if request.definitief:
        errors = check_loaded(loaded, today=request.today).count(Severity.FOUT)
        if errors:
            raise LivbError(
                f"'livb check' vindt {errors} fout(en); een definitieve versie vraagt er geen",
                f"los ze op ('livb check {request.root}') of maak een ontwerp zonder --definitief",
            )
    out = request.out or request.root / "output"
    reference = _reference(request.root)
    environment = build_environment(_template_folders(request.root))
    jobs = plan_jobs(request, project)
    built: list[tuple[Job, bytes, DocumentIR]] = []
    for job in jobs:
        if progress:
            progress(job.filename)
        ir = _build_ir(environment, job)
        if request.definitief and ir.missing:
            items = "; ".join(sorted({f"{m.label} ({m.file})" for m in ir.missing}))
            raise LivbError(
                f"{job.filename} is nog niet volledig: {items}",
                "vul de gegevens aan, of maak een ontwerp zonder --definitief",
            )
        meta = _meta(project, job, request)
        built.append((job, write_docx(ir, reference, meta), ir))
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
        stamp = dt.datetime.combine(job.date, dt.time(12, 0))
    gemeente = project.instellingen.gemeente
    author = f"{gemeente.bestuursvorm.value.capitalize()} {gemeente.naam}"
    return DocumentMeta(
        title=job.title,
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
    manifest_path = out / MANIFEST
    manifest = _read_manifest(manifest_path)
    changed = [
        job.filename
        for job, _, _ in built
        if _changed_by_hand(out / job.filename, manifest.get(job.filename))
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
        manifest[job.filename] = hashlib.sha256(data).hexdigest()
        pdf = None
        if request.pdf:
            from livb.build.pdf import convert_to_pdf

            pdf = path.with_suffix(".pdf")
            convert_to_pdf(path, pdf)
        rendered.append(Rendered(path, len(ir.missing), pdf))
    write_atomic(manifest_path, json.dumps(dict(sorted(manifest.items())), indent=2) + "\n")
    return rendered


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _changed_by_hand(path: Path, recorded: str | None) -> bool:
    if not path.exists():
        return False
    if recorded is None:
        return True  # a file livb did not write: never overwrite it silently
    return hashlib.sha256(path.read_bytes()).hexdigest() != recorded


__all__ = ["DOCUMENTS", "Missing", "RenderRequest", "Rendered", "render_documents"]
