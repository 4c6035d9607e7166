"""The one error root: problems the user can fix, as opposed to bugs."""

from __future__ import annotations

from livb.core.i18n import N_


class LivbError(Exception):
    """A problem caused by the user's input or environment, reported without a traceback.

    Attributes:
        category: a short Dutch word shown before the message (``fout``, ``map``, ...),
            marked with ``N_`` and translated where it is shown.
        exit_code: the process exit code the CLI uses for it.
    """

    category = N_("fout")
    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(LivbError):
    """The command was called wrongly: a missing folder, a bad option value."""

    category = N_("gebruik")
    exit_code = 2


class InitError(LivbError):
    """``livb init`` cannot create the folder as asked."""

    category = N_("init")
