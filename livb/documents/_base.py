"""What a document is: its name, title, step, template, view and when it may be made."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from livb.documents.views import Views
    from livb.model import Project

Context = dict[str, Any]


def _one(project: Project) -> Sequence[str | None]:
    return [None]


def _no_gaps(project: Project, context: Context) -> list[str]:
    return []


def dated(value: Any) -> dt.date | None:
    """A view's value as a date, or None when it is a gap or absent."""
    return value if isinstance(value, dt.date) else None


def _dated(context: Context) -> dt.date | None:
    return dated(context.get("datum"))


@dataclass(frozen=True)
class Document:
    """One document of the method, as livb renders it.

    Attributes:
        name: the name on the command line (``livb render plan``).
        title: the Dutch title (help, README, document properties by default).
        stap: the step(s) of the method the document belongs to, e.g. ``3.6`` or ``1.4``.
        template: the template under ``templates/nl/`` (or the gemeente's ``templates/``).
        filename: the output file; ``{item}`` stands for the item of a per-item document.
        build: the view the template gets, from the shared views and the item (or None).
        available: whether ``render alle`` makes it: the folder holds what it needs.
        per: for a document per item (``vergadering``): the option that names the item.
        items: the items a per-item document is made for (``--alle``, ``render alle``).
        heading: the title in the document properties, from the view (default: ``title``).
        date: the date the document carries, from the view (default: its ``datum``).
        final_gaps: what a final version (``--definitief``) still lacks beyond the gaps
            marked in the text: one Dutch reason per line, with file and key.
    """

    name: str
    title: str
    stap: str
    template: str
    filename: str
    build: Callable[[Views, str | None], Context]
    available: Callable[[Project], bool]
    per: str | None = None
    items: Callable[[Project], Sequence[str | None]] = _one
    heading: Callable[[Context], str] | None = None
    date: Callable[[Context], dt.date | None] = _dated
    final_gaps: Callable[[Project, Context], list[str]] = _no_gaps

    def output_name(self, item: str | None) -> str:
        """The file name of the document (of one item)."""
        return self.filename.format(item=item or "")

    def document_title(self, context: Context) -> str:
        """The title in the document's properties."""
        return self.heading(context) if self.heading else self.title
