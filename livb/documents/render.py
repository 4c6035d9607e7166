"""The render pipeline: folder → view model → template → Markdown → Word (→ PDF)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from livb import __version__
from livb.core import i18n
from livb.core.diagnostics import Severity
from livb.core.errors import LivbError, UsageError
from livb.core.formatting import integer, long_date
from livb.core.i18n import N_, tr
from livb.core.nogc import frozen_heap, paused_gc
from livb.core.resources import templates_dir
from livb.core.safepaths import LinkedPathError, check_template, first_link, refuse_links
from livb.core.transaction import RENDER_LOCK, os_reason, output_lock, write_atomic
from livb.core.words import count
from livb.documents import DOCUMENTS, Document
from livb.documents._base import DRAFT_TEXT, NoReason, Reason, draft_texts, gap
from livb.documents.environment import (
    DOCUMENT_SECONDS,
    MAX_OUTPUT,
    LimitedEnvironment,
    TemplateProblem,
    build_environment,
    split_marks,
)
from livb.documents.manifest import (
    MANIFEST,
    Manifest,
    digest,
    remove_leftovers,
)
from livb.documents.views import Comparison, DocumentOptions, Views
from livb.folder.project import LoadResult, load_project
from livb.folder.schema_errors import suggest
from livb.history.diff import compare
from livb.history.versions import Revision, load_revision, needed_for_loading, open_revision
from livb.model import FILE_KINDS, Project
from livb.word.docx import DocumentMeta, HouseStyle, StyleError, write_docx
from livb.word.ir import DocumentIR, PageBreak, Paragraph, Span, written_length
from livb.word.markdown import MarkdownError, Tokens, build, tokenize


class TemplateError(LivbError):
    """A template that cannot be rendered: its file and line, and what is wrong."""

    category = "sjabloon"


class NotFinal(LivbError):
    """``--definitief`` and the folder still lacks something: every reason, one per line."""

    category = "definitief"

    def __init__(self, reasons: list[str]) -> None:
        lines = "\n".join(f"  {reason}" for reason in reasons)
        super().__init__(
            tr(
                "nog geen definitieve versie ({aantal} reden(en)):\n{regels}",
                aantal=len(reasons),
                regels=lines,
            ),
            tr("vul aan wat ontbreekt en probeer opnieuw, of maak een ontwerp zonder --definitief"),
        )
        self.reasons = reasons


def final_gaps(project: Project, job: Job, ir: DocumentIR) -> list[str]:
    """What keeps one document from being final, one reason each with its file and key.

    Every gap the document marks, what the document itself needs (its ``final_gaps``), and
    every skeleton text ('(in te vullen: …)') it shows.
    """
    reasons = [gap(m.file, m.key, tr("in te vullen: {wat}", wat=m.label)) for m in ir.missing]
    reasons += job.document.final_gaps(project, job.context)
    shown = " ".join(ir.text.split())
    explained = set()
    for file, key, text in draft_texts(project):
        if " ".join(text.split()) in shown:
            draft = tr("'{tekst}' is nog de voorlopige tekst van livb new", tekst=text)
            reasons.append(gap(file, key, draft))
            explained.add(" ".join(text.split()))
    for match in DRAFT_TEXT.finditer(shown):  # a skeleton text livb cannot trace to its file
        text = shown[match.start() :].split(")", 1)[0] + ")"
        if not any(text in known for known in explained):
            reasons.append(tr("de tekst '{tekst}' staat nog in het document", tekst=text))
    return list(dict.fromkeys(reasons))


@dataclass
class RenderRequest:
    """What to render, where, and how strictly.

    Attributes:
        today: the day the documents are made on; None: the day of ``versie``'s commit (or
            today for the folder as it is now).
        versie: render the folder as it was at this revision in git (a tag, commit, branch),
            with that revision's data, templates and house style, into ``versie-<tag or
            commit>/`` of the output folder.
        wijzigingen_sinds: the plan gets an annex of what changed since this revision.
    """

    root: Path
    documents: list[str]
    item: str | None = None
    out: Path | None = None
    definitief: bool = False
    force: bool = False
    pdf: bool = False
    today: dt.date | None = field(default_factory=dt.date.today)
    versie: str | None = None
    wijzigingen_sinds: str | None = None
    toch: bool = False
    """Make a named document even when the folder has no reason for it yet (a draft ahead)."""


@dataclass
class Rendered:
    """One document written, or found as it would be written (``unchanged``)."""

    path: Path
    missing: int
    pdf: Path | None = None
    unchanged: bool = False
    """The file already held these bytes: livb left it as it was."""
    pdf_unchanged: bool = False
    """The PDF was made from this very file before: LibreOffice did not run for it."""


@dataclass(frozen=True)
class Step:
    """How far a render is, for a progress display: a stage, and the file it is at."""

    stage: Literal["document", "pdf"]
    name: str
    """The file being made, or just made (``finished``); empty when a stage starts."""
    done: int
    total: int
    finished: bool = False


Progress = Callable[[Step], None]


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


def plan_jobs(
    request: RenderRequest, project: Project, options: DocumentOptions | None = None
) -> list[Job]:
    """The documents to render: the ones asked for (``alle``: every one the folder allows)."""
    views = Views(project, request.today or dt.date.today(), options)
    if request.documents == ["alle"]:
        chosen = [d for d in DOCUMENTS.values() if d.available(project, views.today)]
    else:
        chosen = [_document(name) for name in request.documents]
        if not request.toch:
            for document in chosen:
                _refuse_without_reason(document, project, views.today)
    jobs: list[Job] = []
    for document in chosen:
        for item in _items(document, request, project):
            jobs.append(Job(document, item, document.build(views, item)))
    return jobs


def _document(name: str) -> Document:
    if name not in DOCUMENTS:
        raise LivbError(
            tr("onbekend document '{naam}'", naam=name),
            tr("kies uit: {lijst}", lijst=", ".join(DOCUMENTS)),
        )
    return DOCUMENTS[name]


def _refuse_without_reason(document: Document, project: Project, today: dt.date) -> None:
    """``render X`` of a document the folder has no reason for: say why, as ``--lijst`` does.

    A document whose moment has not come yet is still made, as a draft with its gaps marked.
    """
    why_not = document.why_not(project, today)
    if isinstance(why_not, NoReason):
        raise LivbError(
            tr(
                "livb maakt nu geen {document}: {reden}",
                document=tr(document.title).lower(),
                reden=why_not,
            ),
            tr("wil je het toch (als ontwerp), voeg dan --toch toe aan het commando"),
        )


def _items(document: Document, request: RenderRequest, project: Project) -> list[str | None]:
    items = list(document.items(project))
    if document.per is None or request.item is None:
        return items
    if document.choices is not None:
        items = list(document.choices(project))
    if request.item not in items:
        names = [str(i) for i in items]
        shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        guess = suggest(request.item, names)
        unknown = tr(_UNKNOWN_ITEM[document.per], naam=request.item)
        raise LivbError(
            tr("{fout}; bedoelde je {gok}?", fout=unknown, gok=guess) if guess else unknown,
            tr("kies uit: {lijst}", lijst=shown) if items else tr(_NO_ITEMS[document.per]),
        )
    return [request.item]


# Per kind of item, as one sentence each: the article and the gender differ.
_UNKNOWN_ITEM = {
    "vergadering": N_("onbekende vergadering '{naam}'"),
    "partner": N_("onbekende partner '{naam}'"),
    "gesprek": N_("onbekend gesprek '{naam}'"),
    "besluit": N_("onbekend besluit '{naam}'"),
}
_NO_ITEMS = {
    "vergadering": N_("de map heeft nog geen vergadering"),
    "partner": N_("de map heeft nog geen partner"),
    "gesprek": N_("de map heeft nog geen gesprek"),
    "besluit": N_("de map heeft nog geen besluit"),
}
_NOTHING_TO_MAKE = {
    "vergadering": N_("de map heeft nog geen vergadering om het voor te maken"),
    "partner": N_("de map heeft nog geen partner om het voor te maken"),
    "gesprek": N_("de map heeft nog geen gesprek om het voor te maken"),
    "besluit": N_("de map heeft nog geen besluit om het voor te maken"),
}


@dataclass(frozen=True)
class Availability:
    """Whether ``render alle`` makes a document for this folder now, how many, or why not."""

    document: Document
    why_not: str | None
    items: int
    """How many ``render alle`` makes: 1, or one per item (a meeting, a partner …)."""


def availability(root: Path, today: dt.date | None = None) -> list[Availability]:
    """Every document of the registry, with what ``render alle`` would make of it that day.

    Raises:
        LivbError: the folder has errors (as ``render`` itself).
    """
    loaded = load_project(root)
    if loaded.project is None:
        raise LivbError(
            tr(
                "de map '{map}' heeft fouten; zo kan livb niet zeggen welke documenten ze toelaat",
                map=root,
            ),
            tr("los eerst de fouten op die 'livb check {map}' toont", map=root),
        )
    project = loaded.project
    today = today or dt.date.today()
    found = []
    for document in DOCUMENTS.values():
        why_not = document.why_not(project, today)
        items = len(document.items(project)) if why_not is None else 0
        if why_not is None and not items:
            why_not = tr(_NOTHING_TO_MAKE[document.per or "vergadering"])
        found.append(Availability(document, why_not, items))
    return found


ANNEX_DOCUMENTS = ["plan"]
"""The documents that take ``--wijzigingen-sinds``: their view shows the changes."""


def render_documents(request: RenderRequest, progress: Progress | None = None) -> list[Rendered]:
    """Render the requested documents of a gemeente folder, as it is or as it was in git.

    Raises:
        LivbError: the folder has errors, a template fails, a final version is incomplete, or a
            file in the output folder was changed by hand (without ``force``); with a revision:
            git is missing, the folder is not in a repository, the revision does not exist, or
            the folder did not exist or had errors at that revision.
    """
    if request.wijzigingen_sinds is not None and request.documents != ANNEX_DOCUMENTS:
        raise UsageError(
            tr("--wijzigingen-sinds past alleen bij het plan"),
            tr("livb render plan MAP --wijzigingen-sinds VERSIE"),
        )
    with _open_source(request) as source:
        try:
            return _render(request, source, progress)
        except LivbError as error:
            if source.revision is not None and str(source.root) in error.message:
                _name_revision(error, source.revision, source.root, request.root)
            raise


@dataclass(frozen=True)
class _Source:
    """Where the folder's files are read: the folder itself, or a revision's temporary copy."""

    root: Path
    revision: Revision | None = None


@contextmanager
def _open_source(request: RenderRequest) -> Iterator[_Source]:
    if request.versie is None:
        yield _Source(request.root)
        return
    with open_revision(request.root, request.versie, _needed_for_rendering) as snapshot:
        yield _Source(snapshot.path, snapshot.revision)


def _name_revision(error: LivbError, revision: Revision, copy: Path, root: Path) -> None:
    """A message about a revision's file (its own template): the folder's path, not the copy's."""
    message = error.message.replace(str(copy), str(root))
    error.message = tr("in de versie {versie}: {fout}", versie=revision.label, fout=message)
    error.args = (error.message,)


def _needed_for_rendering(path: str) -> bool:
    """What a render reads of a revision: the data, the own templates and the house style."""
    return needed_for_loading(path) or path.startswith("templates/") or path == "huisstijl.docx"


def _render(request: RenderRequest, source: _Source, progress: Progress | None) -> list[Rendered]:
    loaded = load_project(source.root, zone_base=request.root)
    if loaded.project is None:
        if source.revision is not None:
            raise _revision_errors(
                request.root, source.revision, loaded, tr("er geen documenten van maken")
            )
        raise LivbError(
            tr("de map '{map}' heeft fouten; zo kan livb geen documenten maken", map=request.root),
            tr("los eerst de fouten op die 'livb check {map}' toont", map=request.root),
        )
    with frozen_heap():  # the loaded folder: see livb/core/nogc.py
        return _render_loaded(request, source, loaded, progress)


def _render_loaded(
    request: RenderRequest,
    source: _Source,
    loaded: LoadResult,
    progress: Progress | None,
) -> list[Rendered]:
    """The documents of a folder that loaded without errors (:func:`_render` checked)."""
    project = loaded.project
    assert project is not None
    request = replace(request, today=_day(request, source.revision))
    options = DocumentOptions(_comparison(request, project, source.revision))
    reasons: list[str] = []
    located: dict[str, list[str]] = {}  # a reason, and the documents it keeps from being final
    if request.definitief:
        from livb.method.check import check_loaded  # the rules: only for a final document

        errors = check_loaded(loaded, today=request.today).count(Severity.FOUT)
        if errors:
            found = count(errors, tr("fout"), tr("fouten"))
            reasons.append(tr("livb check: de map heeft {fouten}", fouten=found))
    out = _output_folder(request, source.revision)
    reference = HouseStyle(_reference(source.root))  # read once, for every document
    folders = _template_folders(source.root)
    environment = build_environment(folders)
    # The collector is paused per step, not for the whole render: each step makes many
    # objects and no cycles.
    with paused_gc():  # every document's view
        jobs = plan_jobs(request, project, options)
    _refuse_untranslated(jobs, folders)
    built: list[tuple[Job, bytes, int]] = []  # a document, its bytes, its gaps (not its IR)
    for position, job in enumerate(jobs):
        if progress:
            progress(Step("document", job.filename, position, len(jobs)))
        meta = _meta(project, job, request, source.revision)
        ir = _build_ir(environment, job, keep_data=request.definitief)
        with paused_gc():  # the WordprocessingML
            _check_annex(options, job, ir)
            if source.revision is not None:
                _mark_version(ir, source.revision)
            if request.definitief:
                for reason in final_gaps(project, job, ir):
                    located.setdefault(_located(loaded, reason), []).append(job.filename)
                if reasons or located:
                    continue  # refused anyway: no need to write this one
            built.append((job, write_docx(ir, reference, meta), len(ir.missing)))
        if progress:
            progress(Step("document", job.filename, position + 1, len(jobs), finished=True))
    reasons += [
        tr("{reden} (in {bestanden})", reden=reason, bestanden=", ".join(files))
        for reason, files in located.items()
    ]
    if reasons:
        raise NotFinal(reasons)
    return _write_all(out, built, request, progress)


def _refuse_untranslated(jobs: list[Job], folders: list[Path]) -> None:
    """A French folder asking for a document livb cannot write in French yet: say so.

    Issue 23 brings the French templates one by one; until a document has its own, livb
    refuses it rather than fall back on the Dutch one (the gemeente's own template in
    ``templates/`` is used as it is).
    """
    if i18n.language() == "nl":
        return
    missing = [
        job.document.name
        for job in jobs
        if not any((folder / job.template).is_file() for folder in folders)
    ]
    if missing:
        raise LivbError(
            tr(
                "livb maakt {documenten} nog niet in het Frans: templates/{taal}/ heeft er nog "
                "geen sjabloon voor",
                documenten=", ".join(dict.fromkeys(missing)),
                taal=i18n.language(),
            ),
            tr(
                "maak de andere documenten apart (livb render DOCUMENT MAP), zet een eigen "
                "sjabloon in templates/ van de gemeentemap, of kies taal: nl in livb.yaml"
            ),
        )


_ABSENT = object()


def _value_at(node: object, loc: tuple[str | int, ...]) -> object:
    """The value ``loc`` names in a file's model (None for a field not filled in), or _ABSENT."""
    for part in loc:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return _ABSENT
            node = node[part]
        elif isinstance(node, BaseModel) and part in type(node).model_fields:
            node = getattr(node, part)
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return _ABSENT
    return node


def _located(loaded: LoadResult, reason: str) -> str:
    """A reason of --definitief as check gives a finding: 'actoren.yaml:12:11: in te vullen: …'."""
    if not isinstance(reason, Reason) or not reason.is_path:
        return reason
    model = loaded.project.files.get(reason.file) if loaded.project else None
    value = _value_at(model, reason.loc)
    if value is _ABSENT:
        return reason  # not a key of the file: its name says where
    # An empty value ('plaats:') is shown at its key, where the user writes it.
    where = loaded.locate(reason.file, reason.loc, at_key=value is None)
    if not where.line:
        return f"{reason.file}: {reason.reason}"
    return f"{reason.file}:{where.line}:{where.column}: {reason.reason}"


def _day(request: RenderRequest, revision: Revision | None) -> dt.date:
    """The day the documents are made on: as asked, else the version's day, else today."""
    if request.today is not None:
        return request.today
    if revision is not None and revision.datum is not None:
        return revision.datum
    return dt.date.today()


def _comparison(
    request: RenderRequest, project: Project, revision: Revision | None
) -> Comparison | None:
    """What changed since ``wijzigingen_sinds`` up to the version rendered, as ``livb diff``."""
    if request.wijzigingen_sinds is None:
        return None
    before = load_revision(request.root, request.wijzigingen_sinds)
    assert before.revision is not None  # a revision's version always has one
    if before.result.project is None:
        raise _revision_errors(
            request.root,
            before.revision,
            before.result,
            tr("niet zeggen wat er sindsdien veranderde"),
        )
    return Comparison(before.revision, revision, tuple(compare(before.result.project, project)))


_SHOWN_ERRORS = 20


def _revision_errors(root: Path, revision: Revision, loaded: LoadResult, what: str) -> LivbError:
    """The folder had errors at a revision: every error (up to a limit), with its place."""
    errors = [d for d in loaded.diagnostics if d.severity is Severity.FOUT]
    lines = [
        f"  {d.location}: {d.severity.label} {d.code} {d.message}" for d in errors[:_SHOWN_ERRORS]
    ]
    if len(errors) > _SHOWN_ERRORS:
        more = count(len(errors) - _SHOWN_ERRORS, tr("fout"), tr("fouten"))
        lines.append("  " + tr("… en nog {fouten}", fouten=more))
    return LivbError(
        tr(
            "de map '{map}' had fouten in de versie {versie}; zo kan livb {wat}:\n{regels}",
            map=root,
            versie=revision.label,
            wat=what,
            regels="\n".join(lines),
        ),
        tr("kies een andere versie (zie 'git log --oneline' en 'git tag')"),
    )


def _check_annex(options: DocumentOptions, job: Job, ir: DocumentIR) -> None:
    """A gemeente's own plan template that does not show the asked annex: say so."""
    comparison = options.wijzigingen
    if comparison is None or job.document.name not in ANNEX_DOCUMENTS:
        return
    if comparison.sinds.commit[:7] not in ir.text:
        raise TemplateError(
            tr(
                "het sjabloon {sjabloon} toont de bijlage met de wijzigingen niet",
                sjabloon=job.template,
            ),
            tr(
                "neem het einde van templates/{taal}/plan.md.j2 van livb over in het eigen "
                "sjabloon ({{% if wijzigingen %}} … {{% endif %}}), of laat "
                "--wijzigingen-sinds weg",
                taal=i18n.language(),
            ),
        )


def version_text(revision: Revision) -> str:
    """How a document made from a revision says so: 'Versie van 23 maart 2010 (tag …)'."""
    if revision.datum:
        day = long_date(revision.datum)
        return tr("Versie van {datum} ({naam})", datum=day, naam=revision.naam)
    return tr("Versie ({naam})", naam=revision.naam)


def _mark_version(ir: DocumentIR, revision: Revision) -> None:
    """Say which version the document shows: on its title page, else in a box at the top."""
    blocks = ir.blocks
    title = next(
        (n for n, b in enumerate(blocks) if isinstance(b, Paragraph) and b.style == "Title"), None
    )
    text = [Span(version_text(revision), bold=True)]
    if title is None:
        blocks.insert(0, Paragraph(text, "livb Kader"))
        return
    end = next(
        (n for n in range(title, len(blocks)) if isinstance(blocks[n], PageBreak)), len(blocks)
    )
    blocks.insert(end, Paragraph(text, "livb Titelgegevens"))


def _template_folders(root: Path) -> list[Path]:
    own = root / "templates"
    builtin = templates_dir() / i18n.language()
    linked = first_link(root, own)
    if linked is not None:
        raise TemplateError(
            tr(
                "de map '{map}' is een koppeling (symlink) naar '{doel}': zo zouden "
                "sjablonen de gegevens van de gemeentemap kunnen lezen",
                map=own,
                doel=linked[1],
            ),
            tr("maak van templates/ een gewone map met enkel sjablonen"),
        )
    return [own, builtin] if own.is_dir() else [builtin]


_OWN_FOLDERS = frozenset(
    {kind.pattern.split("/")[0] for kind in FILE_KINDS if "/" in kind.pattern}
    | {"templates", ".livb", ".git"}
)


def _output_folder(request: RenderRequest, revision: Revision | None = None) -> Path:
    """Where the documents go: not the gemeente folder itself, nor a folder livb reads.

    A revision's documents go to a subfolder of their own, ``versie-<tag or short commit>``:
    they never replace the current ones, and their own manifest guards them.
    """
    named = request.out or request.root / "output"
    out = named / version_folder(revision) if revision is not None else named
    if out.absolute().is_relative_to(request.root.absolute()):
        refuse_links(request.root, out, tr(_OTHER_FOLDER))
    elif revision is not None:
        refuse_links(named, out, tr(_OTHER_FOLDER))
    if out.exists() and not out.is_dir():
        raise LivbError(
            tr("'{pad}' is een bestand, geen map", pad=out),
            tr("kies met --uit een map (livb maakt ze als ze nog niet bestaat)"),
        )
    real, root = out.resolve(), request.root.resolve()
    if real == root:
        raise LivbError(
            tr(
                "de documenten kunnen niet in de gemeentemap zelf komen ('{map}'): daar leest "
                "livb de YAML-bestanden, en een Word-bestand of het manifest van livb hoort daar "
                "niet tussen",
                map=root,
            ),
            _elsewhere_hint(root),
        )
    if real.is_relative_to(root) and real.relative_to(root).parts[0] in _OWN_FOLDERS:
        first = real.relative_to(root).parts[0]
        raise LivbError(
            tr(
                "de documenten kunnen niet in '{map}/' komen: daar staan gegevens of sjablonen "
                "die livb leest",
                map=first,
            ),
            _elsewhere_hint(root),
        )
    return out


def _elsewhere_hint(root: Path) -> str:
    """What to do instead: the default output folder, or one next to the gemeente folder."""
    beside = root.with_name(f"{root.name}-documenten")
    return tr(
        "laat --uit weg, dan komen ze in '{standaard}'; of kies een map buiten de "
        "gemeentemap, bv. --uit '{ernaast}'",
        standaard=root / "output",
        ernaast=beside,
    )


_OTHER_FOLDER = N_("kies met --uit een andere map")


def version_folder(revision: Revision) -> str:
    """The subfolder of a revision's documents: versie-<tag>, else versie-<short commit>."""
    name = _UNSAFE_NAME.sub("-", revision.tag).strip("-.")[:80] if revision.tag else ""
    return f"versie-{name or revision.commit[:7]}"


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _reference(root: Path) -> Path:
    """The gemeente's huisstijl.docx (a regular file with one name, no link), else livb's."""
    own = root / "huisstijl.docx"
    if not os.path.lexists(own):
        return templates_dir() / i18n.language() / "huisstijl.docx"
    try:
        check_template(root, own, tr(_STYLE_HINT))
    except LinkedPathError as error:
        raise StyleError(error.message, error.hint) from None
    except OSError as error:
        raise StyleError(
            tr("{pad}: kan niet gelezen worden ({reden})", pad=own, reden=os_reason(error)),
            tr(_STYLE_HINT),
        ) from None
    return own


_STYLE_HINT = N_(
    "huisstijl.docx moet een gewoon Word-bestand in de gemeentemap zijn, zonder koppelingen: "
    "kopieer het erin (of verwijder het: dan gebruikt livb zijn eigen huisstijl)"
)


def _meta(
    project: Project, job: Job, request: RenderRequest, revision: Revision | None = None
) -> DocumentMeta:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    else:
        day = job.document.date(job.context) or request.today or dt.date.today()
        stamp = dt.datetime.combine(day, dt.time(12, 0))
    gemeente = project.instellingen.gemeente
    author = f"{gemeente.bestuursvorm.value.capitalize()} {gemeente.naam}"
    title = job.document.document_title(job.context)
    keywords = tr("LIVB; integrale veiligheid; {beleid}", beleid=project.instellingen.beleid.titel)
    if revision is not None:  # the header shows the title: every printed page names the version
        if revision.datum:
            title = tr("{titel}, versie van {datum}", titel=title, datum=long_date(revision.datum))
        else:
            title = tr("{titel}, versie {commit}", titel=title, commit=revision.commit[:7])
        keywords += tr("; versie: {naam}", naam=revision.naam)
    source = (
        ("document", job.document.name),
        ("bestand", job.filename),
        ("gemeente", gemeente.naam),
        ("beleid", project.instellingen.beleid.titel),
        ("livb", __version__),
        ("versie", revision.commit if revision is not None else ""),
    )
    return DocumentMeta(
        source=source,
        title=_property(title),
        subject=_property(
            tr(
                "Lokaal integraal veiligheidsbeleid: {beleid}",
                beleid=project.instellingen.beleid.titel,
            )
        ),
        author=_property(author),
        keywords=_property(keywords),
        date=stamp,
    )


_PROPERTY_LENGTH = 255  # what Word (and python-docx) allow in a core property


def _property(text: str) -> str:
    """A document property from data: on one line, cut to the length Word allows."""
    line = " ".join(text.split())
    return line if len(line) <= _PROPERTY_LENGTH else line[: _PROPERTY_LENGTH - 1] + "…"


def _build_ir(environment: LimitedEnvironment, job: Job, keep_data: bool = True) -> DocumentIR:
    """The document's blocks: its text, its charts drawn, the text parsed.

    Without ``keep_data`` the job's data goes once its text is made: a large plan's views
    (30 MB at x10) then make way for its blocks.
    """
    with paused_gc():  # the template's text
        clean, origins = split_marks(_render_text(environment, job))
    if not keep_data:
        job.context = {}
    environment.draw_charts()
    with paused_gc():  # the Markdown tokens
        tokens = tokenize(clean)
        del clean  # a large plan's text is 20 MB: its tokens hold their own copy
        return _parse(environment, job, tokens, origins)


def _parse(
    environment: LimitedEnvironment, job: Job, tokens: Tokens, origins: list[str]
) -> DocumentIR:
    try:
        return build(tokens, environment.chart_pictures())
    except MarkdownError as error:
        where = origins[error.line - 1] if 0 < error.line <= len(origins) else job.template
        raise TemplateError(
            f"{where}: {error.message}",
            tr("pas het sjabloon aan: zie de README voor wat een document kan bevatten"),
        ) from None


def _render_text(environment: LimitedEnvironment, job: Job) -> str:
    """The template's Markdown, within the limits of the sandbox (see environment.py)."""
    environment.start_document(DOCUMENT_SECONDS)
    try:
        return _generate(environment, job)
    except TemplateProblem as problem:
        where = problem.where or _template_line(problem)
        raise TemplateError(
            f"{where}: {problem.message}" if where else problem.message, problem.hint
        ) from None
    except LivbError:
        raise
    except Exception as error:  # anything else a template's code can raise: its own mistake
        raise _template_error(error, job) from None


def _generate(environment: LimitedEnvironment, job: Job) -> str:
    """Run the template chunk by chunk, stopping at the size and time limits."""
    template = environment.get_template(job.template)
    pieces: list[str] = []  # the chunks joined now and then: a large text, not a million strs
    chunks: list[str] = []
    size = 0
    for chunk in template.generate(job.context):
        chunks.append(chunk)
        size += written_length(chunk)  # livb's field marks do not count (ir.written_length)
        if len(chunks) == _CHUNKS_PER_PIECE:
            pieces.append("".join(chunks))
            chunks.clear()
        if size > MAX_OUTPUT:
            limit = integer(MAX_OUTPUT)
            raise TemplateProblem(
                tr("het document wordt te groot (meer dan {limiet} tekens Markdown)", limiet=limit),
                tr("kijk na of een lus niet eindeloos herhaalt of te veel maakt"),
                template.filename or job.template,
            )
        try:
            environment.livb_budget.check_time()
        except TemplateProblem as problem:
            problem.where = template.filename or job.template
            raise
    pieces.append("".join(chunks))
    return "".join(pieces)


_CHUNKS_PER_PIECE = 4096


def _template_error(error: Exception, job: Job) -> TemplateError:
    """What went wrong in a template, in Dutch, at its file and line where known."""
    from jinja2.exceptions import (
        SecurityError,
        TemplateNotFound,
        TemplateSyntaxError,
        UndefinedError,
    )

    where = _template_line(error) or job.template
    if isinstance(error, TemplateNotFound):
        line = _template_line(error)
        message = tr("het sjabloon '{naam}' bestaat niet", naam=error.name)
        return TemplateError(
            f"{line}: {message}" if line else message,
            tr(
                "een sjabloon staat in templates/ van de gemeentemap of bij livb "
                "(templates/{taal}/)",
                taal=i18n.language(),
            ),
        )
    if isinstance(error, TemplateSyntaxError):
        return TemplateError(
            f"{error.filename or error.name}:{error.lineno}: "
            + tr("het sjabloon is ongeldig ({reden})", reden=error.message),
            tr("verbeter de Jinja-code op die regel"),
        )
    if isinstance(error, UndefinedError):
        return TemplateError(
            f"{where}: {_undefined_message(str(error))}",
            tr("gebruik enkel gegevens die het document kent (zie de ingebouwde sjablonen)"),
        )
    if isinstance(error, SecurityError):
        return TemplateError(f"{where}: " + tr("het sjabloon probeert iets wat niet toegelaten is"))
    if isinstance(error, RecursionError):
        return TemplateError(
            f"{where}: " + tr("een macro, lus of sjabloon roept zichzelf eindeloos aan"),
            tr("zorg dat een macro die zichzelf aanroept ergens stopt"),
        )
    if isinstance(error, MemoryError):
        return TemplateError(
            f"{job.template}: " + tr("het sjabloon vraagt meer geheugen dan er is"),
            tr("kijk na of een lus of macro niet eindeloos herhaalt of te veel maakt"),
        )
    return TemplateError(
        f"{where}: " + tr("het sjabloon faalt: {reden}", reden=_python_problem(error)),
        tr("verbeter de Jinja-code op die regel"),
    )


_PYTHON_PROBLEMS = {
    ZeroDivisionError: N_("een deling door nul"),
    OverflowError: N_("een getal is te groot"),
    TypeError: N_("een bewerking met een gegeven van de verkeerde soort"),
    ValueError: N_("een ongeldige waarde"),
    KeyError: N_("een sleutel die niet bestaat"),
    IndexError: N_("een plaats in een lijst die niet bestaat"),
}


def _python_problem(error: Exception) -> str:
    for kind, text in _PYTHON_PROBLEMS.items():
        if isinstance(error, kind):
            return f"{tr(text)} ({error})"
    return f"{type(error).__name__} ({error})"


def _template_line(error: BaseException | None) -> str | None:
    """The template file and line where the error happened, from its traceback."""
    if error is None:
        return None
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return None


def _undefined_message(text: str) -> str:
    match = re.search(r"'([^']+)' is undefined", text)
    if match:
        return tr("'{naam}' bestaat niet in de gegevens van dit document", naam=match.group(1))
    match = re.search(r"has no attribute '([^']+)'", text)
    if match:
        return tr("het gegeven '{naam}' bestaat niet", naam=match.group(1))
    return tr("een gegeven ontbreekt ({tekst})", tekst=text)


def _write_all(
    out: Path,
    built: list[tuple[Job, bytes, int]],
    request: RenderRequest,
    progress: Progress | None = None,
) -> list[Rendered]:
    """Write the documents that changed, one at a time, each recorded in the manifest after it.

    A file that already holds what livb makes now is left as it was (its date too), and so is
    its PDF when that was made from it.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LivbError(
            tr("kan de map '{map}' niet maken: {reden}", map=out, reden=os_reason(error)),
            tr(_OTHER_FOLDER),
        ) from None
    names = [job.filename for job, _, _ in built]
    pdfs = [Path(name).with_suffix(".pdf").name for name in names]
    inside = request.root if out.absolute().is_relative_to(request.root.absolute()) else out
    _check_targets(inside, out, [*names, *pdfs])
    with output_lock(out):
        manifest = Manifest.read(out)
        remove_leftovers(out, [*names, *pdfs])
        _remove_old_pictures(out)
        current = {name: _contents(out / name) for name in names}
        same = {name for name, data in _files(built) if current[name] == data}
        changed = [
            name
            for name in names
            if name not in same and manifest.changed_by_hand(name, current[name])
        ]
        if changed and not request.force:
            raise LivbError(
                tr(
                    "{bestanden}: met de hand gewijzigd sinds livb het maakte; niet overschreven",
                    bestanden=", ".join(changed),
                ),
                tr(
                    "bewaar je aanpassingen onder een andere naam, of overschrijf ze met "
                    "--overschrijf"
                ),
            )
        try:
            manifest.begin((name, data) for name, data in _files(built) if name not in same)
        except OSError as error:
            raise _unwritable_manifest(manifest, error) from None
        rendered = [
            _keep_one(out, manifest, job, data, missing)
            if job.filename in same
            else _write_one(out, manifest, job, data, missing)
            for job, data, missing in built
        ]
        if request.pdf:  # after the Word files and the manifest: a failed PDF loses nothing
            _write_pdfs(rendered, progress)
        return rendered


_OLD_PICTURES = ".livb-charts"
"""Where livb 0.x kept its chart pictures between runs; the charts are native Word charts now."""


def _remove_old_pictures(out: Path) -> None:
    """Remove the chart pictures an earlier livb kept in the output folder (its own files only).

    Only ``<sha256>.png`` files livb named itself go; the folder goes once it is empty.
    """
    folder = out / _OLD_PICTURES
    if folder.is_symlink() or not folder.is_dir():
        return
    for path in folder.iterdir():
        if re.fullmatch(r"[0-9a-f]{64}\.png", path.name) and path.is_file():
            path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def _files(built: list[tuple[Job, bytes, int]]) -> Iterator[tuple[str, bytes]]:
    return ((job.filename, data) for job, data, _ in built)


def _contents(path: Path) -> bytes | None:
    """What the file at ``path`` holds now (None: no file; _check_targets refused a folder)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LivbError(
            tr(
                "kan '{pad}' niet lezen om te zien of het met de hand gewijzigd werd: {reden}",
                pad=path,
                reden=os_reason(error),
            ),
            tr("geef livb leesrecht op het bestand, of kies met --uit een andere map"),
        ) from None


def _write_pdfs(rendered: list[Rendered], progress: Progress | None) -> None:
    """The PDF of every document: LibreOffice converts those without an up-to-date one."""
    from livb.word.pdf import convert_to_pdf

    stale: list[Rendered] = []
    for result in rendered:
        pdf = result.path.with_suffix(".pdf")
        if result.unchanged and _newer(pdf, result.path):
            result.pdf, result.pdf_unchanged = pdf, True
        else:
            stale.append(result)
    if not stale:
        return
    if progress:
        progress(Step("pdf", "", 0, len(stale)))

    def converted(position: int) -> None:
        if progress:
            name = stale[position].path.with_suffix(".pdf").name
            progress(Step("pdf", name, position + 1, len(stale), finished=True))

    pdfs = convert_to_pdf([r.path for r in stale], converted)
    for result, pdf in zip(stale, pdfs, strict=True):
        result.pdf = pdf


def _newer(pdf: Path, document: Path) -> bool:
    """Whether ``pdf`` was written after ``document``: LibreOffice made it from this file."""
    try:
        return pdf.is_file() and pdf.stat().st_mtime_ns >= document.stat().st_mtime_ns
    except OSError:
        return False


def _check_targets(inside: Path, out: Path, names: list[str]) -> None:
    """Refuse to write when a file livb writes here is a link, a folder or anything but a file."""
    for name in [RENDER_LOCK, MANIFEST, *names]:
        path = out / name
        refuse_links(inside, path, tr(_OTHER_FOLDER))
        if not path.exists() or path.is_file():
            continue
        raise LivbError(
            tr(
                "kan '{pad}' niet schrijven: er staat een map (of iets anders dan een bestand) "
                "met die naam",
                pad=path,
            ),
            tr("verwijder of hernoem het, of kies met --uit een andere map"),
        )


def _write_one(out: Path, manifest: Manifest, job: Job, data: bytes, missing: int) -> Rendered:
    path = out / job.filename
    try:
        write_atomic(path, data, inside=out)
        manifest.finish(job.filename, data)
    except OSError as error:
        raise LivbError(
            tr("kan '{pad}' niet schrijven: {reden}", pad=path, reden=os_reason(error)),
            tr(
                "maak plaats vrij of kies met --uit een andere map; is het document nog open in "
                "Word? Sluit het en probeer opnieuw"
            ),
        ) from None
    return Rendered(path, missing)


def _keep_one(out: Path, manifest: Manifest, job: Job, data: bytes, missing: int) -> Rendered:
    """A document whose file already holds ``data``: only the manifest may need to say so."""
    path = out / job.filename
    if manifest.accepted.get(job.filename) != [digest(data)]:
        try:
            manifest.finish(job.filename, data)
        except OSError as error:
            raise _unwritable_manifest(manifest, error) from None
    return Rendered(path, missing, unchanged=True)


def _unwritable_manifest(manifest: Manifest, error: OSError) -> LivbError:
    return LivbError(
        tr("kan '{pad}' niet schrijven: {reden}", pad=manifest.path, reden=os_reason(error)),
        tr("maak plaats vrij of kies met --uit een andere map"),
    )


__all__ = [
    "Availability",
    "Progress",
    "RenderRequest",
    "Rendered",
    "Step",
    "availability",
    "render_documents",
]
