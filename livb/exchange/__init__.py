"""What comes back from the people around the coordinator: spreadsheets and Word documents.

``livb export`` writes workbooks for project leaders and the services
(:mod:`~livb.exchange.spreadsheet`); ``livb import`` reads back a filled workbook or a Word
document livb rendered and edited by a reviewer (:mod:`~livb.exchange.document`), and turns what
changed into edits of the folder's YAML: only the changed values, comments and order kept, one
atomic write per file under the folder's lock (:mod:`livb.core.transaction`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from livb.core import i18n
from livb.core.errors import UsageError
from livb.core.i18n import N_, tr

if TYPE_CHECKING:
    from livb.folder.project import LoadResult


@dataclass
class ImportReport:
    """What an import found and did, in Dutch lines for the terminal.

    Attributes:
        source: the file that was read.
        changes: one line per changed value (``plan.yaml#/visie: 'oud' → 'nieuw'``).
        notes: what the user should know or still do by hand (comments, revisions taken over).
        written: the folder's files that were written (empty with ``--droog``).
        dry_run: whether nothing was to be written.
        rendered: a rendered document of the output folder that was imported: its edits are
            in the folder now, so the manifest accepts it as livb's (the next render may
            replace it).
    """

    source: Path
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    dry_run: bool = False
    rendered: Path | None = None


_OTHER_FORMATS = {
    ".xls": N_("een oud Excel-bestand (.xls)"),
    ".ods": N_("een LibreOffice-rekenblad (.ods)"),
    ".doc": N_("een oud Word-bestand (.doc)"),
    ".odt": N_("een LibreOffice-tekstdocument (.odt)"),
    ".csv": N_("een CSV-bestand"),
    ".pdf": N_("een PDF"),
}


def load_folder(root: Path, command: str) -> LoadResult:
    """The folder loaded; one with errors is refused (an export or import of it would mislead).

    Raises:
        LivbError: not a gemeente folder, or one with errors.
    """
    from livb.folder.project import load_clean

    return load_clean(root, tr("{commando} werkt enkel op een map zonder fouten", commando=command))


def import_file(
    path: Path,
    root: Path,
    *,
    dry_run: bool,
    starter: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import a workbook livb exported or a document livb rendered, by its kind.

    ``starter(jaar)`` creates monitoring/JJJJ.yaml with ``livb new monitoring`` when a workbook
    fills in a year that has no file yet (the CLI passes it: the starters are not the exchange's).

    Raises:
        UsageError: the file is of a kind livb does not read back.
        LivbError: the file cannot be imported (said in the folder's language, nothing written).
    """
    from livb.folder.project import folder_language

    i18n.set_language(folder_language(root))  # the file is read before the folder is loaded
    if not path.is_file():
        raise UsageError(
            tr("'{pad}' bestaat niet of is geen bestand", pad=path),
            tr("geef het pad van het werkboek of document dat je terugkreeg"),
        )
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from livb.exchange.spreadsheet import import_workbook

        return import_workbook(path, root, dry_run=dry_run, starter=starter)
    if suffix == ".docx":
        from livb.exchange.document import import_document

        return import_document(path, root, dry_run=dry_run)
    if suffix in _OTHER_FORMATS:
        what = tr(_OTHER_FORMATS[suffix])
    elif suffix:
        what = tr("een bestand van het type '{soort}'", soort=suffix)
    else:
        what = tr("een bestand zonder extensie")
    raise UsageError(
        tr(
            "'{naam}' is {wat}; livb leest enkel een werkboek (.xlsx) of document (.docx) "
            "terug dat het zelf maakte",
            naam=path.name,
            wat=what,
        ),
        tr(
            "open het in Excel, Word of LibreOffice en sla het op als .xlsx of .docx "
            "(Bestand > Opslaan als), en importeer dat bestand"
        ),
    )
