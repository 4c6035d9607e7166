"""Typer and click speak English; this module makes their help and usage errors Dutch (or French).

The help texts are marked Dutch constants (``N_``), translated when the help is shown, so that
``livb --help`` follows the language of the run (``LIVB_TAAL``, the locale), not of the import.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from livb.core.formatting import join
from livb.core.i18n import N_, tr

try:  # typer >= 0.29 vendors click
    from typer._click import Context, HelpFormatter
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer uses click itself
    import click.exceptions as click_exceptions  # type: ignore[no-redef]
    from click import Context, HelpFormatter  # type: ignore[assignment]

HELP_TEXT = N_("Toon deze hulp en stop.")


def _dutch_help_panels() -> None:
    # Imported only when help is shown: rich costs ~0.1 s that `livb check` should not pay.
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = tr("Argumenten")
    rich_utils.OPTIONS_PANEL_TITLE = tr("Opties")
    rich_utils.COMMANDS_PANEL_TITLE = tr("Commando's")
    rich_utils.DEFAULT_STRING = tr("[standaard: {waarde}]", waarde="{}")
    rich_utils.REQUIRED_LONG_STRING = tr("[verplicht]")


def _dutch_usage(usage: str) -> str:
    usage = (
        usage.replace("Usage:", tr("Gebruik:"))
        .replace("[OPTIONS]", tr("[OPTIES]"))
        .replace("COMMAND [ARGS]...", tr("COMMANDO [ARGUMENTEN …]"))
    )
    usage = re.sub(r"\{([A-Z_]+)\}", r"\1", usage)  # typer writes a required MAP as {MAP}
    return re.sub(r"\[([A-Z_]+)\]\.\.\.", r"[\1 …]", usage)


def _value_word(param: Any, ctx: Any) -> str | None:
    """What the help shows after an option: a Dutch word, never typer's <list[Path]> or <str>.

    An argument shows only its name (MAP), a flag nothing; an option its metavar, its choices,
    MAP for a folder, or else its own name (--naam NAAM).
    """
    if param.param_type_name == "argument" or getattr(param, "is_flag", False):
        return None
    if param.metavar:
        return str(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in descriptor.choices)
    if descriptor is not None and descriptor.is_path:
        return "MAP"
    return str(param.opts[0]).lstrip("-").upper()


# typer's own options for shell completion, whose help is English.
_COMPLETION_HELP = {
    "install_completion": N_(
        "Laat je shell (bash, zsh, fish of PowerShell) livb aanvullen met Tab: "
        "commando's, opties, documenten en waarden."
    ),
    "show_completion": N_("Toon het aanvulscript voor je shell, om het zelf te installeren."),
}


def _in_language(thing: Any) -> None:
    """``thing.help`` (a command's or a parameter's) in the current language.

    The Dutch text is kept aside the first time, so that a second run in another language
    (a test, a shell completion) starts from the Dutch again.
    """
    dutch = thing.__dict__.setdefault("_livb_dutch_help", thing.help)
    if dutch:
        thing.help = tr(dutch)


def _dutch_params(command: Any, ctx: Any) -> None:
    _in_language(command)
    for sub in getattr(command, "commands", {}).values():
        _in_language(sub)
    for param in command.get_params(ctx):
        if param.name in _COMPLETION_HELP:
            param.help = _COMPLETION_HELP[param.name]
        _in_language(param)
        param.display_type_rich = functools.partial(_value_word, param)
        if isinstance(param.default, Path) and param.default == Path():
            param.show_default = False  # the help says "standaard de huidige map"


_HEADINGS = {"Arguments": N_("Argumenten"), "Options": N_("Opties"), "Commands": N_("Commando's")}


def _dutch_extra(text: str) -> str:
    """The ``[default: x; required]`` at the end of an option's help, in Dutch."""
    help_text, bracket, extra = text.rpartition("[")
    if not bracket or not extra.endswith("]"):
        return text
    parts = [
        tr("standaard: {waarde}", waarde=part.removeprefix("default: "))
        if part.startswith("default: ")
        else tr("verplicht")
        if part == "required"
        else part
        for part in extra[:-1].split("; ")
    ]
    return f"{help_text}[{'; '.join(parts)}]"


class DutchFormatter(HelpFormatter):
    """click's plain help layout (help that is not shown on a terminal), in Dutch."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line: ``Gebruik: livb check [OPTIES] [MAP …]``."""
        super().write_usage(prog, _dutch_usage(args), tr("Gebruik: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """A section title: Argumenten, Opties, Commando's."""
        super().write_heading(tr(_HEADINGS[heading]) if heading in _HEADINGS else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        """The options and their help, with [standaard: ...] and [verplicht]."""
        super().write_dl([(term, _dutch_extra(text)) for term, text in rows], *args, **kwargs)


class DutchContext(Context):
    """A command's context, whose help is laid out by :class:`DutchFormatter`."""

    formatter_class = DutchFormatter


class _DutchHelp:
    """Dutch help option, usage line and panel titles, for a command and for the group.

    On a terminal the help is typer's rich panels; otherwise (a pipe, a file, a test) it is
    click's plain layout, which spares the import of rich (~0.1 s). ``livb.cli.app.main`` chooses.
    """

    context_class: type[Context] = DutchContext

    def get_help_option(self, ctx: Any) -> Any:
        """The --help option, with a Dutch description."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr(HELP_TEXT)
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The command's line in the list of commands: its first paragraph, whole.

        click would cut it at ``limit`` characters; the rich panels show all of it.
        """
        if self.short_help or not self.help:  # type: ignore[attr-defined]
            return str(super().get_short_help_str(limit))  # type: ignore[misc]
        dutch = self.__dict__.get("_livb_dutch_help") or self.help  # type: ignore[attr-defined]
        text = tr(dutch)
        return str(inspect.cleandoc(text).split("\n\n")[0].replace("\n", " ").strip())

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help page, with Dutch panel titles."""
        if getattr(self, "rich_markup_mode", None) is not None:
            _dutch_help_panels()
        _dutch_params(self, ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]


class DutchCommand(_DutchHelp, TyperCommand):
    """A typer command whose help option and usage line are Dutch."""


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """``livb --install-completion``: typer's installation for the shell it runs in, in Dutch."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import _get_shell_name, install

    from livb.core.errors import UsageError

    shell = _get_shell_name()
    if shell not in SHELLS:
        unknown = shell or tr("onbekend")
        raise UsageError(
            tr("livb kan je shell ({shell}) niet laten aanvullen met Tab", shell=unknown),
            tr("dat kan in {shells}", shells=join(list(SHELLS))),
        )
    shell, path = install(shell=shell)
    typer.echo(
        tr("Aanvullen met Tab is geïnstalleerd voor {shell}, in {pad}.", shell=shell, pad=path)
    )
    typer.echo(tr("Het werkt in elke nieuwe terminal."))
    raise typer.Exit(0)


class DutchGroup(_DutchHelp, TyperGroup):
    """The typer group of all commands, with Dutch help and Dutch completion messages."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Typer's parameters, with --install-completion speaking Dutch."""
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":
                param.callback = _install_completion
        return params


USAGE_ERRORS: tuple[type[BaseException], ...] = (click_exceptions.ClickException,)
ABORT: tuple[type[BaseException], ...] = (getattr(click_exceptions, "Abort", typer.Abort),)


def _name(error: Any) -> str:
    param = getattr(error, "param", None)
    if param is None:
        return str(getattr(error, "param_hint", None) or tr("de waarde"))
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return (param.metavar or param.name or "argument").upper()
    return str(opts[0])


def ask_yes(question: str, *, default: bool = True) -> bool:
    """Ask a yes/no question in Dutch: j/ja/n/nee (in French o/oui/n/non; y/yes always work)."""
    while True:
        suffix = tr("J/n") if default else tr("j/N")
        answer = typer.prompt(f"{question} [{suffix}]", default="", show_default=False)
        answer = answer.strip().lower()
        if not answer:
            return default
        if answer in ("j", "ja", "o", "oui", "y", "yes"):
            return True
        if answer in ("n", "nee", "non", "no"):
            return False
        typer.echo(tr("Antwoord met j (ja) of n (nee)."))


def describe_usage_error(error: BaseException, commands: list[str]) -> tuple[str, str | None]:
    """A Dutch (or French) message and hint for a usage error of click/typer."""
    message = str(getattr(error, "message", "") or error)
    if isinstance(error, click_exceptions.NoSuchOption):
        text = tr("onbekende optie '{optie}'", optie=error.option_name)
        if error.possibilities:
            close = difflib.get_close_matches(error.option_name, error.possibilities, 2, 0)
            text = tr("{tekst}; bedoelde je {gok}?", tekst=text, gok=or_list(close))
        return text, tr("zie --help voor de opties van dit commando")
    if isinstance(error, click_exceptions.MissingParameter):
        return tr("{naam} ontbreekt", naam=_name(error)), tr(USE_HELP)
    if isinstance(error, click_exceptions.BadParameter):
        return _bad_value(error, message)
    command = re.match(r"No such command '(.+?)'", message)
    if command:
        close = difflib.get_close_matches(command.group(1), commands, n=1)
        text = tr("onbekend commando '{commando}'", commando=command.group(1))
        if close:
            text = tr("{tekst}; bedoelde je {gok}?", tekst=text, gok=close[0])
        return text, tr("de commando's zijn: {commandos}", commandos=", ".join(commands))
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", message)
    if extra:
        return tr("te veel argumenten: {extra}", extra=extra.group(1)), tr(USE_HELP)
    option = re.match(r"Option '(.+?)' does not take a value", message)
    if option:
        return (
            tr("de optie '{optie}' neemt geen waarde", optie=option.group(1)),
            tr("schrijf enkel de optie, zonder '='"),
        )
    option = re.match(r"Option '(.+?)' requires an argument", message)
    if option:
        return tr("de optie '{optie}' vraagt een waarde", optie=option.group(1)), None
    return tr("verkeerd gebruik: {boodschap}", boodschap=message), tr("zie livb --help")


def or_list(words: list[str]) -> str:
    """Texts as a choice in prose: a, b of c (a, b ou c)."""
    if len(words) <= 1:
        return "".join(words)
    return tr("{lijst} of {laatste}", lijst=", ".join(words[:-1]), laatste=words[-1])


USE_HELP = N_("zie --help voor hoe dit commando gebruikt wordt")


def _bad_value(error: Any, message: str) -> tuple[str, str | None]:
    """A value that is none of the choices, with the nearest one."""
    choice = re.search(r"'(.*)' is not one of (.+)", message, re.DOTALL)
    if choice is None:
        return tr("ongeldige waarde voor {naam}", naam=_name(error)), None
    value, choices = choice[1], re.findall(r"'([^']+)'", choice[2])
    text = tr("ongeldige waarde '{waarde}' voor {naam}", waarde=value, naam=_name(error))
    close = difflib.get_close_matches(value.lower(), choices, n=1)
    if close:
        text = tr("{tekst}; bedoelde je {gok}?", tekst=text, gok=close[0])
    return text, tr("kies uit: {keuzes}", keuzes=", ".join(choices))
