"""What a document is: its name, title, step, template, view and when it may be made."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from livb.core.i18n import tr
from livb.method.queries import DRAFT_TEXT as DRAFT_TEXT
from livb.word.ir import without_field_marks

if TYPE_CHECKING:
    from livb.documents.views import Views
    from livb.model import Project

Context = dict[str, Any]


class NoReason(str):
    """A ``why_not`` that holds for good: the folder has no reason for the document at all.

    Its moment has passed (the plan was approved without it) or the gemeente goes without it (a
    rule switched off with a reason). ``render alle`` leaves such a document out like any other;
    ``render DOCUMENT`` refuses it too (``--toch`` makes it anyway), where a plain reason (its
    moment has not come yet, something is missing) still gives a draft with the gaps marked.
    """


def _one(project: Project) -> Sequence[str | None]:
    return [None]


def _no_gaps(project: Project, context: Context) -> list[str]:
    return []


def upper_first(text: str) -> str:
    """The text with a capital first letter and the rest as written (MIVP² stays MIVP²)."""
    return text[:1].upper() + text[1:]


def key_of(loc: Sequence[Any]) -> str:
    """A place in a file as the messages write it: ``acties[0].titel``."""
    key = ""
    for part in loc:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key


class Reason(str):
    """One reason a final version is refused, as text ('file: key: reason'), knowing its place.

    ``livb render --definitief`` turns the file and the key into a line and column, as
    ``livb check`` gives them.
    """

    file: str
    key: str
    reason: str

    def __new__(cls, file: str, key: str, reason: str) -> Reason:
        made = super().__new__(cls, f"{file}: {key}: {reason}")
        made.file, made.key, made.reason = file, key, reason
        return made

    @property
    def is_path(self) -> bool:
        """The key is a path into the file ('actoren[2].naam'), not a description of one."""
        return re.fullmatch(r"[A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*", self.key) is not None

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The key as a path into the file: 'actoren[2].naam' is ('actoren', 2, 'naam')."""
        parts: list[str | int] = []
        for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", self.key):
            parts.append(int(index) if index else name)
        return tuple(parts)


def gap(file: str, key: str, reason: str) -> str:
    """One reason a final version is refused: where it belongs and what is wrong.

    A :class:`Reason`, typed as the text it is: the documents' reasons are lists of str.
    """
    return Reason(file, key, reason)


def draft_texts(project: Project) -> list[tuple[str, str, str]]:
    """Every text of the folder that is still a skeleton's '(in te vullen: …)': file, key, text."""
    return [
        (file, key, text)
        for file, model in sorted(project.files.items())
        for loc, text in _texts(model, ())
        if DRAFT_TEXT.search(text)
        for key in [key_of(loc)]
    ]


def _texts(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text in a model, with its place (keys and list positions)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for position, item in enumerate(value):
            yield from _texts(item, (*loc, position))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, str(key)))


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
        why_not: why ``render alle`` leaves it out on the day of the render (None: the folder
            holds what it needs), in Dutch for ``livb render --lijst``: what is missing and
            where, that its moment has not come yet, or (a :class:`NoReason`) that it has passed
            or the gemeente goes without it.
        per: for a document per item (``vergadering``): the option that names the item.
        items: the items a per-item document is made for (``--alle``, ``render alle``).
        choices: the items that may be asked for by name, when more than ``items`` (a draft
            decision the council has yet to take).
        heading: the title in the document properties, from the view (default: ``title``).
        date: the date the document carries, from the view (default: its ``datum``).
        final_gaps: what a final version (``--definitief``) still lacks beyond the gaps
            marked in the text: one Dutch reason each, as :func:`gap` writes it (file, key,
            reason). The render adds the marked gaps and the skeletons' '(in te vullen: …)'
            texts itself.
    """

    name: str
    title: str
    stap: str
    template: str
    filename: str
    build: Callable[[Views, str | None], Context]
    why_not: Callable[[Project, dt.date], str | None]
    per: str | None = None
    items: Callable[[Project], Sequence[str | None]] = _one
    choices: Callable[[Project], Sequence[str | None]] | None = None
    heading: Callable[[Context], str] | None = None
    date: Callable[[Context], dt.date | None] = _dated
    final_gaps: Callable[[Project, Context], list[str]] = _no_gaps

    def available(self, project: Project, today: dt.date) -> bool:
        """Whether ``render alle`` makes it on that day: the folder holds what it needs."""
        return self.why_not(project, today) is None

    def output_name(self, item: str | None) -> str:
        """The file name of the document (of one item)."""
        return self.filename.format(item=item or "")

    def document_title(self, context: Context) -> str:
        """The title in the document's properties (plain: the marks of its fields dropped)."""
        return without_field_marks(self.heading(context)) if self.heading else tr(self.title)
