"""Before a command writes a file: would ``livb check`` accept the folder afterwards?

A command that changes a YAML file on the user's behalf (``livb new``, ``livb import``) must
leave the folder as a careful hand edit would: loadable, and without an error of ``livb check``
that was not there before. :func:`refuse_new_errors` runs the schema and every rule on the folder
with the new text in place of the file, in memory, and names the first new error with its
position in that new text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from pydantic import ValidationError

from livb.core.diagnostics import Severity
from livb.core.errors import LivbError
from livb.core.i18n import tr
from livb.folder.project import LoadResult, with_file
from livb.folder.schema_errors import translate
from livb.folder.yamlio import SourceFile, YamlSyntaxError, parse_fast
from livb.method.check import check_loaded
from livb.model import FILE_KINDS


def refuse_new_errors(
    loaded: LoadResult, relative: str, text: str, today: dt.date, command: str, hint: str
) -> None:
    """Refuse a new content of ``relative`` that would not load or gives a new check error.

    Args:
        loaded: the folder as it is now, loaded without errors.
        relative: the file to be written, relative to the folder (POSIX form).
        text: its new content.
        today: the day the rules run for.
        command: what the user ran (``livb import``), for the message.
        hint: what to do instead (nothing was written).

    Raises:
        LivbError: the first problem, where it is in the new text.
    """
    project = loaded.project
    assert project is not None, "only a folder that loaded is changed"
    kind = next(k for k in FILE_KINDS if PurePosixPath(relative).match(k.pattern))
    try:
        data = parse_fast(text) or {}
        model = kind.model.model_validate(data)
    except (ValidationError, YamlSyntaxError) as error:
        detail = (
            translate(error.errors()[0], kind.model).message
            if isinstance(error, ValidationError)
            else error.message
        )
        message = tr(
            "{opdracht} zou '{bestand}' ongeldig maken: {fout}",
            opdracht=command,
            bestand=relative,
            fout=detail,
        )
        raise LivbError(message, hint) from None
    after = with_file(project, relative, model)
    sources = {**loaded.sources, relative: SourceFile(relative, text, data)}

    def errors(state: LoadResult) -> list[tuple[str, str, str, str]]:
        result = check_loaded(state, today=today)
        return [
            (d.code, d.message, d.hint or "", str(d.location))
            for d in result.diagnostics
            if d.severity is Severity.FOUT
        ]

    before = {error[:3] for error in errors(loaded)}
    new = [e for e in errors(LoadResult(loaded.root, after, [], sources)) if e[:3] not in before]
    if new:
        code, message, rule_hint, where = new[0]
        refusal = tr(
            "{opdracht} schrijft niets: daarna zou 'livb check' weigeren met {code} ({plaats}): "
            "{melding}",
            opdracht=command,
            code=code,
            plaats=where,
            melding=message,
        )
        raise LivbError(refusal, rule_hint or hint)
