"""Reading back a Word document that 'livb render' wrote and a reviewer edited.

Each text of the folder the document shows is marked with its place (see livb.word.docx): the
edited text of every field is compared with the folder, and what changed is written back into
the YAML, only the changed scalars, in one atomic write per file under the folder's lock.
What cannot come back is said: text typed outside any field, a deleted field, a field changed
in the folder since the render (a conflict), a text the folder's rules refuse.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from livb import __version__
from livb.core.diagnostics import Diagnostic, Severity
from livb.core.errors import LivbError
from livb.core.i18n import N_, tr
from livb.core.transaction import FileChangedError, folder_lock, write_atomic
from livb.core.words import count
from livb.exchange import ImportReport
from livb.folder.project import LoadResult, load_project
from livb.folder.yamledit import EditError, replace_scalars
from livb.folder.yamlio import SourceFile, YamlSyntaxError, decode_text
from livb.method.check import check_loaded
from livb.word.ir import FIELD_MAP_FORMAT, FieldRef, field_check, field_text
from livb.word.reader import ReadDocument, UnreadableDocumentError, read_document

_SHOWN = 60
"""How many characters of a text a message quotes."""
_LEFT_OUT = ("output", ".git", ".livb")


@dataclass
class _Change:
    """A field whose text the reviewer changed: its file, path in it, old and new text."""

    file: str
    loc: tuple[str | int, ...]
    place: str
    old: str
    new: str
    paragraph: int


def import_document(path: Path, root: Path, *, dry_run: bool) -> ImportReport:
    """Compare the fields of an edited document with the folder and write what changed.

    Raises:
        LivbError: the document is not one livb rendered from this folder as it is now, a
            field conflicts with the folder, or a new text breaks the folder's rules; nothing
            is written then.
    """
    data = path.read_bytes()
    read = _read(path, data)
    loaded = load_project(root)
    _refuse_foreign(path, read, root, loaded)
    report = ImportReport(source=path, dry_run=dry_run)
    changes, problems = _compare(path, read, loaded, report)
    report.notes.extend(_formatting(read))
    report.notes.extend(_outside_fields(read))
    report.notes.extend(_revisions(read))
    report.notes.extend(_comments(read))
    if problems:
        raise LivbError(
            tr(
                "'{naam}' kan niet overgenomen worden:\n{problemen}",
                naam=path.name,
                problemen="\n".join(f"  {p}" for p in problems),
            ),
            tr("pas het document of de map aan en importeer opnieuw; livb schreef niets"),
        )
    report.changes = [_diff_line(change) for change in changes]
    texts = _new_texts(root, loaded, changes)
    _validate(path, root, texts, changes)
    if dry_run or not texts:
        return report
    _write(root, loaded, texts)
    report.written = sorted(texts)
    report.rendered = _accepted(path, root)
    return report


# -- what the document is -----------------------------------------------------------------------


def _read(path: Path, data: bytes) -> ReadDocument:
    try:
        return read_document(data)
    except UnreadableDocumentError as error:
        raise LivbError(
            tr("'{naam}' is geen leesbaar Word-document: {reden}", naam=path.name, reden=error),
            tr("open het in Word of LibreOffice en sla het opnieuw op als .docx"),
        ) from None


def _refuse_foreign(path: Path, read: ReadDocument, root: Path, loaded: LoadResult) -> None:
    """A document livb did not render from this folder, as it is now, is refused."""
    origin = _marked_origin(path, read)
    if origin.get("versie"):
        raise LivbError(
            tr(
                "'{naam}' werd gemaakt van een vroegere versie van de map "
                "(livb render --versie, commit {commit}): die gegevens zijn niet meer de huidige",
                naam=path.name,
                commit=origin["versie"][:7],
            ),
            tr(
                "neem de wijzigingen met de hand over, of maak het document van de huidige map "
                "('livb render' zonder --versie)"
            ),
        )
    if loaded.project is None:
        raise LivbError(
            tr("de map '{map}' heeft fouten; zo kan livb niets overnemen", map=root),
            tr("los eerst de fouten op die 'livb check {map}' toont", map=root),
        )
    instellingen = loaded.project.instellingen
    mine = {"gemeente": instellingen.gemeente.naam, "beleid": instellingen.beleid.titel}
    if any(origin.get(key) != value for key, value in mine.items()):
        raise LivbError(
            tr(
                "'{naam}' werd gemaakt uit een andere map (gemeente {gemeente}, beleid "
                "'{beleid}'), niet uit '{map}' (gemeente {eigen_gemeente}, beleid "
                "'{eigen_beleid}')",
                naam=path.name,
                gemeente=origin.get("gemeente", "?"),
                beleid=origin.get("beleid", "?"),
                map=root,
                eigen_gemeente=mine["gemeente"],
                eigen_beleid=mine["beleid"],
            ),
            tr("geef de map op waaruit het document gemaakt werd: livb import BESTAND MAP"),
        )


_RENDER_AGAIN = N_(
    "maak het document opnieuw met deze livb ({versie}: 'livb render'), breng de "
    "wijzigingen daarin aan (Word kan beide documenten naast elkaar zetten: Controleren > "
    "Vergelijken) en importeer dat document"
)


def _marked_origin(path: Path, read: ReadDocument) -> dict[str, str]:
    """The origin of a document whose fields this livb can read; a clear refusal otherwise.

    A document without a map but in livb's styles was rendered by a livb before the field
    marks; a map of another format by an older or a newer livb.
    """
    origin = read.origin
    if origin is None and read.livb_styles:
        raise LivbError(
            tr(
                "'{naam}' werd gemaakt door een oudere livb, die nog niet bijhield uit welk "
                "veld van de map elke tekst komt: livb kan er geen wijzigingen uit overnemen",
                naam=path.name,
            ),
            tr(_RENDER_AGAIN, versie=__version__),
        )
    if origin is None:
        raise LivbError(
            tr(
                "'{naam}' werd niet door livb gemaakt: livb weet niet uit welke gegevens de "
                "tekst komt",
                naam=path.name,
            ),
            tr("maak het document met 'livb render', laat dat nalezen en importeer het"),
        )
    made, by = origin.get("formaat", ""), f"livb {origin.get('livb', '?')}"
    if made.isdigit() and int(made) > int(FIELD_MAP_FORMAT):
        raise LivbError(
            tr(
                "'{naam}' werd gemaakt door {door}, een nieuwere livb dan deze ({versie}), "
                "die de velden anders markeert",
                naam=path.name,
                door=by,
                versie=__version__,
            ),
            tr("importeer het met die nieuwere livb, of werk deze livb bij"),
        )
    if made != FIELD_MAP_FORMAT:
        raise LivbError(
            tr(
                "'{naam}' werd gemaakt door een oudere livb ({door}), die de velden anders "
                "markeerde: livb kan er geen wijzigingen uit overnemen",
                naam=path.name,
                door=by,
            ),
            tr(_RENDER_AGAIN, versie=__version__),
        )
    return origin


# -- comparing the fields -------------------------------------------------------------------------


def _compare(
    path: Path, read: ReadDocument, loaded: LoadResult, report: ImportReport
) -> tuple[list[_Change], list[str]]:
    """The changed fields, and the problems that keep the import from writing anything."""
    by_place: dict[str, list[tuple[str, FieldRef]]] = {}
    for name, ref in read.fields.items():
        by_place.setdefault(ref.place, []).append((name, ref))
    changes: list[_Change] = []
    problems: list[str] = []
    for place, occurrences in by_place.items():
        file, loc = _split_place(place)
        present = [(name, ref) for name, ref in occurrences if name in read.texts]
        if not present:
            report.notes.append(
                tr(
                    "{plaats}: het veld staat niet meer in het document (verwijderd?); livb laat "
                    "de waarde in de map staan: verwijder ze daar als dat de bedoeling was",
                    plaats=place,
                )
            )
            continue
        edited = {
            field_text(read.texts[name]): name
            for name, ref in present
            if field_check(read.texts[name]) != read.shown.get(name, ref.check)
        }
        if not edited:
            continue
        if len(edited) > 1:
            problems.append(_ambiguous(place, list(edited)))
            continue
        ((new, name),) = edited.items()
        current = _current_value(loaded, file, loc)
        paragraph = read.paragraphs.get(name, 0)
        if current is _ABSENT or not isinstance(current, str | None):
            problems.append(_gone(place, paragraph, new))
            continue
        now = field_text(current or "")
        if now == new:
            continue  # the folder says so already
        if field_check(now) != present[0][1].check:
            problems.append(_conflict(place, paragraph, now, new))
            continue
        changes.append(_Change(file, loc, place, now, _as_written(new, current or ""), paragraph))
    return changes, problems


def _ambiguous(place: str, texts: list[str]) -> str:
    return tr(
        "{plaats}: het document geeft het veld op {aantal} plaatsen een andere tekst ({teksten})",
        plaats=place,
        aantal=len(texts),
        teksten="; ".join(f"'{_short(text)}'" for text in texts),
    )


def _gone(place: str, paragraph: int, new: str) -> str:
    return tr(
        "{plaats} (paragraaf {paragraaf}): dat veld bestaat niet meer in de map; "
        "het document zegt '{tekst}'",
        plaats=place,
        paragraaf=paragraph,
        tekst=_short(new),
    )


def _conflict(place: str, paragraph: int, now: str, new: str) -> str:
    return tr(
        "conflict in {plaats} (paragraaf {paragraaf}): de map veranderde sinds het "
        "document gemaakt werd; de map zegt nu '{nu}', het document zegt '{tekst}'",
        plaats=place,
        paragraaf=paragraph,
        nu=_short(now),
        tekst=_short(new),
    )


_ABSENT = object()


def _as_written(new: str, old: str) -> str:
    """The new text in the old one's shape, for a diff of only what changed.

    Its paragraphs that did not change stay as they were written, the others are wrapped at
    the old width when the old text was wrapped; a final line end stays.
    """
    kept = {field_text(part): part.strip("\n") for part in _PARAGRAPHS.split(old)}
    lines = [line for line in old.splitlines() if line.strip()]
    wrapped = len(lines) > len(kept)
    width = max((len(line) for line in lines), default=0)
    parts = []
    for paragraph in new.split("\n\n"):
        if paragraph in kept:
            parts.append(kept[paragraph])
        elif wrapped and width >= _MIN_WIDTH:
            parts.append(textwrap.fill(paragraph, width, break_long_words=False))
        else:
            parts.append(paragraph)
    text = "\n\n".join(parts)
    return text + "\n" if old.endswith("\n") and "\n" in text else text


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_MIN_WIDTH = 40


def _split_place(place: str) -> tuple[str, tuple[str | int, ...]]:
    file, _, pointer = place.partition("#/")
    loc = tuple(int(part) if part.isdigit() else part for part in pointer.split("/") if part)
    return file, loc


def _current_value(loaded: LoadResult, file: str, loc: tuple[str | int, ...]) -> Any:
    source = loaded.sources.get(file)
    if source is None:
        return _ABSENT
    node: Any = source.data
    for part in loc:
        if not isinstance(node, dict | list) or (isinstance(part, int) and part < 0):
            return _ABSENT
        try:
            node = node[part]  # type: ignore[index]  # a key of a dict or index of a list
        except (KeyError, IndexError, TypeError):
            return _ABSENT
    return node


def _diff_line(change: _Change) -> str:
    """Old → new, around what changed: a long text is shown from a little before the change."""
    old, new = _one_line(change.old), _one_line(field_text(change.new))
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    start = old.rfind(" ", 0, max(same - _CONTEXT, 0)) + 1 if same > _CONTEXT else 0
    if start:
        old, new = "…" + old[start:], "…" + new[start:]
    return f"{change.place}: '{_short(old)}' → '{_short(new)}'"


def _one_line(text: str) -> str:
    return " ¶ ".join(text.split("\n\n"))


_CONTEXT = 20
"""How many characters before a change its diff line shows."""


def _short(text: str) -> str:
    line = _one_line(text)
    return line if len(line) <= _SHOWN else line[: _SHOWN - 1] + "…"


# -- what cannot come back ----------------------------------------------------------------------


def _outside_fields(read: ReadDocument) -> list[str]:
    """The paragraphs whose text outside the fields is new or changed since the render."""
    now = [paragraph.check for paragraph in read.outside]
    matcher = difflib.SequenceMatcher(None, read.outside_expected, now, autojunk=False)
    notes = []
    for kind, _, _, start, end in matcher.get_opcodes():
        if kind not in ("insert", "replace"):
            continue
        for position in range(start, end):
            paragraph = read.outside[position]
            before = read.outside[position - 1].text if position else ""
            where = tr("na '{tekst}'", tekst=_short(before)) if before else tr("aan het begin")
            what = tr("is nieuw") if kind == "insert" else tr("werd gewijzigd")
            notes.append(
                tr(
                    "paragraaf {paragraaf} ({waar}) {wat} en hoort bij geen veld: '{tekst}'; "
                    "neem ze over in {bestand} of in het sjabloon",
                    paragraaf=paragraph.paragraph,
                    waar=where,
                    wat=what,
                    tekst=_short(paragraph.text),
                    bestand=_nearest_file(read, paragraph.paragraph),
                )
            )
    return notes


def _nearest_file(read: ReadDocument, paragraph: int) -> str:
    """The file of the last field before a paragraph: where its text most likely belongs."""
    before = [
        (number, name)
        for name, number in read.paragraphs.items()
        if number <= paragraph and name in read.fields
    ]
    if not before:
        return tr("de YAML-bestanden")
    return _split_place(read.fields[max(before)[1]].place)[0]


def _formatting(read: ReadDocument) -> list[str]:
    """Formatting a reviewer added to a field: the folder holds plain text, so it is lost."""
    return [
        tr(
            "{plaats}: de opmaak ({soorten}) gaat verloren, want het veld is gewone tekst; livb "
            "neemt alleen de tekst over",
            plaats=read.fields[name].place,
            soorten=", ".join(kinds),
        )
        for name, kinds in read.formatting.items()
        if name in read.fields
    ]


def _revisions(read: ReadDocument) -> list[str]:
    """How many tracked changes were taken over, and by whom."""
    taken = [revision for revision in read.revisions if revision.field is not None]
    if not read.revisions:
        return []
    authors = Counter(revision.author or tr("onbekend") for revision in read.revisions)
    by = ", ".join(f"{author} ({number})" for author, number in sorted(authors.items()))
    outside = len(read.revisions) - len(taken)
    rest = (
        ", " + tr("{aantal} in tekst buiten de velden (niet overgenomen)", aantal=outside)
        if outside
        else ""
    )
    changes = count(len(read.revisions), tr("bijgehouden wijziging"), tr("bijgehouden wijzigingen"))
    return [
        tr(
            "{wijzigingen} van {door}, gelezen alsof ze aanvaard zijn: {aantal} in de velden",
            wijzigingen=changes,
            door=by,
            aantal=len(taken),
        )
        + rest
    ]


def _comments(read: ReadDocument) -> list[str]:
    """The reviewers' comments, each with its field, as things still to do."""
    if not read.comments:
        return []
    lines = [
        tr(
            "{opmerkingen} om af te handelen:",
            opmerkingen=count(len(read.comments), tr("opmerking"), tr("opmerkingen")),
        )
    ]
    for comment in read.comments:
        places = [read.fields[name].place for name in comment.fields if name in read.fields]
        anchor = (
            ", ".join(places)
            if places
            else tr("paragraaf {paragraaf}, geen veld", paragraaf=comment.paragraph)
        )
        lines.append(
            "  - "
            + tr(
                "{wie} bij {waar}: {tekst}",
                wie=comment.author or tr("onbekend"),
                waar=anchor,
                tekst=comment.text,
            )
        )
    return lines


# -- writing -----------------------------------------------------------------------------------


def _new_texts(root: Path, loaded: LoadResult, changes: list[_Change]) -> dict[str, str]:
    """The new text of each changed file (only the changed scalars replaced)."""
    per_file: dict[str, dict[tuple[str | int, ...], str]] = {}
    for change in changes:
        per_file.setdefault(change.file, {})[change.loc] = change.new
    texts = {}
    for file, edits in per_file.items():
        source = loaded.sources[file]
        try:
            texts[file] = replace_scalars(source.text, edits)
        except EditError as error:
            raise LivbError(
                f"{file}: livb kan de wijziging niet veilig schrijven: {error}",
                "neem ze met de hand over in het bestand",
            ) from None
    return texts


def _validate(path: Path, root: Path, texts: dict[str, str], changes: list[_Change]) -> None:
    """The folder with the new texts must be as valid as before: else nothing is written."""
    if not texts:
        return
    with tempfile.TemporaryDirectory(prefix="livb-import-") as scratch:
        copy = Path(scratch) / "map"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*_LEFT_OUT), symlinks=True)
        before = _errors(load_project(copy))
        for file, text in texts.items():
            (copy / file).write_bytes(text.encode("utf-8"))
        after_loaded = load_project(copy)
        new = [d for d in _errors(after_loaded) if d not in before]
    if not new:
        return
    lines = [_located_error(d, after_loaded.sources, texts, changes) for d in new]
    raise LivbError(
        f"'{path.name}' kan niet overgenomen worden: de nieuwe tekst breekt de regels van de "
        "map:\n" + "\n".join(lines),
        "pas de tekst in het document aan en importeer opnieuw; livb schreef niets",
    )


def _errors(loaded: LoadResult) -> list[Diagnostic]:
    return [d for d in check_loaded(loaded).diagnostics if d.severity is Severity.FOUT]


def _located_error(
    diagnostic: Diagnostic,
    sources: dict[str, SourceFile],
    texts: dict[str, str],
    changes: list[_Change],
) -> str:
    """An error of ``check``, with the paragraph of the document whose field caused it."""
    where = diagnostic.location
    mine = [change for change in changes if change.file == where.path]
    source = sources.get(where.path)
    if mine and source is not None and where.line:
        lines = {change.place: source.position(change.loc)[0] for change in mine}
        above = [change for change in mine if lines[change.place] <= where.line]
        mine = [max(above, key=lambda c: lines[c.place])] if above else mine[:1]
    paragraph = f" (paragraaf {mine[0].paragraph} van het document)" if mine else ""
    return f"  {where.path}:{where.line}: {diagnostic.message}{paragraph}"


def _write(root: Path, loaded: LoadResult, texts: dict[str, str]) -> None:
    """One atomic write per file, under the folder's lock, each only if nobody changed it."""
    with folder_lock(root, "livb import"):
        for file, text in sorted(texts.items()):
            try:
                data = (root / file).read_bytes()
                if decode_text(data) != loaded.sources[file].text:
                    raise FileChangedError(root / file)
                bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
                write_atomic(root / file, bom + text, inside=root, expected=data)
            except (FileChangedError, YamlSyntaxError, OSError):
                raise LivbError(
                    f"{file} veranderde terwijl livb het document las",
                    "importeer het document opnieuw",
                ) from None


def _accepted(path: Path, root: Path) -> Path | None:
    """The imported document, when it is one of the folder's rendered documents in output/."""
    output = (root / "output").resolve()
    return path.resolve() if path.resolve().parent == output else None
