"""The command line: each command parses its options, calls one function and reports."""

from __future__ import annotations

import calendar
import contextlib
import copy
import datetime as dt
import os
import re
import sys
import types
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from livb.cli.dutch import (
    ABORT,
    USAGE_ERRORS,
    DutchCommand,
    DutchGroup,
    ask_yes,
    describe_usage_error,
    or_list,
)
from livb.core import i18n
from livb.core.errors import LivbError, UsageError
from livb.core.formatting import month_name
from livb.core.i18n import N_, tr
from livb.core.words import count

if TYPE_CHECKING:
    from livb.exchange import ImportReport

app = typer.Typer(
    name="livb",
    cls=DutchGroup,
    add_completion=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("livb")
    except PackageNotFoundError:  # run from a source tree that was never installed
        from livb import __version__

        return __version__


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"livb {_version()}")
        raise typer.Exit()


@app.callback(
    help=N_("Lokaal integraal veiligheidsbeleid: de gemeentemap controleren en beheren."),
)
def _livb(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help=N_("Toon de versie van livb en stop."),
            is_eager=True,
            callback=_show_version,
        ),
    ] = False,
) -> None:
    """The group's callback: the language of the environment until a folder names its own."""
    i18n.set_language(None)  # the environment's language, until a folder names its own


def _gemeentemap(folder: Path, *, given: bool) -> None:
    """Refuse a folder that is not a gemeente folder, in Dutch, saying what to do instead.

    Args:
        folder: the folder a command works on.
        given: the user named it (otherwise it is the current folder, by default).

    Raises:
        UsageError: the folder does not exist, is a file, or has no livb.yaml and none of a
            gemeente folder's other files either.
    """
    if not folder.exists():
        raise UsageError(
            tr("de map '{map}' bestaat niet", map=folder),
            tr(
                "kijk de naam na; een nieuwe gemeentemap maak je met "
                "'livb init {map} --gemeente NAAM'",
                map=folder,
            ),
        )
    if not folder.is_dir():
        hint = tr("geef de map op waarin livb.yaml staat")
        if (folder.parent / "livb.yaml").is_file():
            hint = tr("geef de map op waarin livb.yaml staat: '{map}'", map=folder.parent)
        raise UsageError(tr("'{map}' is een bestand, geen map", map=folder), hint)
    if os.path.lexists(folder / "livb.yaml"):
        return  # a livb.yaml that is a folder or a broken link: the loader says what is wrong
    from livb.folder.project import holds_gemeente_files

    if holds_gemeente_files(folder):
        return  # a gemeente folder that lost its livb.yaml: a finding (exit 1), not a usage error
    if (folder / "zone.yaml").is_file():
        raise UsageError(
            tr(
                "'{map}' is de gedeelde map van een politiezone (zone.yaml), geen gemeentemap",
                map=folder,
            ),
            tr(
                "in de zonemap werken 'livb check {map}' en 'livb status {map}'; de andere "
                "commando's werken in de map van een gemeente",
                map=folder,
            ),
        )
    if given:
        message = tr("'{map}' is geen gemeentemap: er staat geen livb.yaml in", map=folder)
    else:
        message = tr("hier staat geen livb.yaml: de huidige map is geen gemeentemap")
    above = next((p for p in folder.resolve().parents if (p / "livb.yaml").is_file()), None)
    if above is not None:
        shown = above if folder.is_absolute() else os.path.relpath(above)
        hint = tr("de gemeentemap is '{map}': geef die op als MAP", map=shown)
    else:
        hint = tr(
            "geef de gemeentemap op als MAP, of maak er een met 'livb init MAP --gemeente NAAM'"
        )
    raise UsageError(message, hint)


def _zone_folder(folder: Path) -> bool:
    from livb.method.zone import is_zone_folder

    return is_zone_folder(folder)


def find_gemeentemap(start: Path = Path()) -> Path:
    """The gemeente folder of a command run in ``start`` without a MAP: like git's root.

    ``start`` itself when it holds a livb.yaml, else the nearest folder above it that does
    (as a path relative to ``start`` when that is relative: ``..``); without one, ``start``,
    which :func:`_gemeentemap` then refuses with what to do.
    """
    if os.path.lexists(start / "livb.yaml"):
        return start
    for above in start.resolve().parents:
        if (above / "livb.yaml").is_file():
            return above if start.is_absolute() else Path(os.path.relpath(above, start.resolve()))
    return start


class GemeenteCommand(DutchCommand):
    """A command that works on a gemeente folder: every MAP is checked before it runs.

    MAP (an argument) or --map (an option) always names an existing gemeente folder. Left
    out, MAP is the gemeente folder the current folder is in (:func:`find_gemeentemap`); an
    option without a default (``schema --map``) left out means none.
    """

    def invoke(self, ctx: Any) -> Any:
        """Check the folders, then run the command."""
        named = [
            param
            for param in self.get_params(ctx)
            if (
                param.metavar == "MAP"
                if param.param_type_name == "argument"
                else "--map" in param.opts
            )
        ]
        option_given = any(
            param.param_type_name != "argument" and ctx.params.get(param.name) for param in named
        )
        for param in named:
            is_argument = param.param_type_name == "argument"
            value = ctx.params.get(param.name)
            source = ctx.get_parameter_source(param.name)
            given = source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")
            if not given and not option_given and (is_argument or value is not None):
                # Left out: the gemeente folder the current folder is in, as git finds its root.
                found = find_gemeentemap()
                value = [found] if param.nargs == -1 else found
                ctx.params[param.name] = value
            if not value:
                folders = []
            else:
                folders = list(value) if isinstance(value, list | tuple) else [value]
            for folder in folders:
                if ctx.info_name in ("check", "status") and _zone_folder(Path(folder)):
                    continue  # a police zone's shared folder: livb check / status ZONE
                _gemeentemap(Path(folder), given=given)
            if folders:
                _speak_like(Path(folders[0]))
        return super().invoke(ctx)


def _speak_like(folder: Path) -> None:
    """Write the command's own messages in the language of its folder (livb.yaml's taal)."""
    from livb.folder.project import folder_language

    name = "livb.yaml" if os.path.lexists(folder / "livb.yaml") else "zone.yaml"
    if (folder / name).is_file():
        i18n.set_language(folder_language(folder, name))


class Formaat(StrEnum):
    """Output formats of ``livb check``."""

    TEKST = "tekst"
    JSON = "json"


Mappen = Annotated[
    list[Path] | None,
    typer.Argument(metavar="MAP", help=N_("Een of meer gemeentemappen; standaard de huidige map.")),
]
FormaatOptie = Annotated[
    Formaat,
    typer.Option(
        "--formaat",
        "--format",
        case_sensitive=False,
        help=N_("tekst voor mensen, json voor scripts en CI."),
    ),
]


def _parse_day(text: str | None) -> dt.date | None:
    """The day of --datum; a wrong one is refused with what was probably meant."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    message = tr("'{tekst}' is geen geldige datum", tekst=text)
    hint = tr("schrijf --datum JJJJ-MM-DD, bv. 2026-03-14")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    belgian = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text.strip())
    if iso and 1 <= int(iso[2]) <= 12:
        year, month = int(iso[1]), int(iso[2])
        days = calendar.monthrange(year, month)[1]
        message = tr(
            "'{tekst}' is geen geldige datum: {maand} {jaar} heeft {dagen} dagen",
            tekst=text,
            maand=month_name(month),
            jaar=year,
            dagen=days,
        )
    elif belgian:
        with contextlib.suppress(ValueError):
            meant = dt.date(int(belgian[3]), int(belgian[2]), int(belgian[1]))
            hint = tr("schrijf jaar-maand-dag: --datum {dag}", dag=meant.isoformat())
    raise UsageError(message, hint)


def _day_option(text: str | None) -> str | None:
    _parse_day(text)  # refused while the options are read, before any folder is looked at
    return text


def _completes(module: str, name: str) -> Callable[[str], list[str]]:
    """Tab completion of an option from a StrEnum of the model, imported only when asked."""

    def complete(incomplete: str) -> list[str]:
        import importlib

        values = [member.value for member in getattr(importlib.import_module(module), name)]
        return [value for value in values if value.startswith(incomplete)]

    return complete


def _complete_document(incomplete: str) -> list[str]:
    """Tab completion of ``livb render DOCUMENT``: the documents of the registry, and alle."""
    from livb.documents import DOCUMENTS

    return [name for name in [*DOCUMENTS, "alle"] if name.startswith(incomplete)]


def _complete_code(incomplete: str) -> list[str]:
    """Tab completion of a rule code (--uitleg, --alleen, --negeer)."""
    from livb.method.explain import all_codes

    return [info.code for info in all_codes() if info.code.startswith(incomplete.upper())]


Vandaag = Annotated[
    str | None,
    typer.Option(
        "--datum",
        metavar="JJJJ-MM-DD",
        help=N_("Doe alsof het vandaag deze dag is (JJJJ-MM-DD)."),
        callback=_day_option,
    ),
]


def _typed(param: typer.CallbackParam) -> str:
    """The name of an option as the user typed it (--select or --alleen), for a message."""
    typed = {argument.partition("=")[0] for argument in sys.argv[1:]}
    return next((name for name in param.opts if name in typed), param.opts[0])


def _codes(param: typer.CallbackParam, values: list[str] | None) -> list[str]:
    """The codes of --select or --ignore; an unknown one is refused with the nearest real code."""
    from livb.cli.report import unknown_code
    from livb.method.explain import all_codes

    known = {info.code for info in all_codes()}
    codes: list[str] = []
    for value in values or []:
        for part in (part.strip() for part in value.split(",")):
            if part and part.upper() not in known:
                raise unknown_code(part, tr(" in {optie}", optie=_typed(param)))
            codes.extend([part.upper()] if part else [])
    return codes


def _show_rules(value: bool) -> None:
    if value:
        from livb.cli.report import write_code_list

        write_code_list()
        raise typer.Exit()


def _show_explanation(code: str | None) -> None:
    if code is not None:
        from livb.cli.report import write_explanation

        write_explanation(code)
        raise typer.Exit()


StriktOptie = Annotated[
    bool,
    typer.Option("--strikt", "--strict", help=N_("Ook waarschuwingen doen de controle falen.")),
]
AlleenOptie = Annotated[
    list[str] | None,
    typer.Option(
        "--alleen",
        "--select",
        metavar="CODES",
        help=N_("Enkel deze regels, bv. LIVB101,LIVB103."),
        autocompletion=_complete_code,
        callback=_codes,
    ),
]
NegeerOptie = Annotated[
    list[str] | None,
    typer.Option(
        "--negeer",
        "--ignore",
        metavar="CODES",
        help=N_("Deze regels overslaan, bv. LIVB202."),
        autocompletion=_complete_code,
        callback=_codes,
    ),
]
UitlegOptie = Annotated[
    str | None,
    typer.Option(
        "--uitleg",
        "--explain",
        metavar="CODE",
        help=N_("Leg een code uit, bv. LIVB203, en stop."),
        is_eager=True,
        autocompletion=_complete_code,
        callback=_show_explanation,
    ),
]
RegelsOptie = Annotated[
    bool,
    typer.Option(
        "--regels", help=N_("Toon alle regels en stop."), is_eager=True, callback=_show_rules
    ),
]


@app.command(
    cls=GemeenteCommand,
    help=N_(
        "Controleer de gemeentemap: bestanden, sleutels, verwijzingen en de stappen van de "
        "methode.\n"
        "\n"
        "Met de map van een politiezone (zone.yaml): het ZVP en de gemeentemappen die zone.yaml "
        "noemt.\n"
        "Geeft 0 als alles in orde is, 1 bij fouten (of waarschuwingen met --strikt)."
    ),
)
def check(
    mappen: Mappen = None,
    strikt: StriktOptie = False,
    formaat: FormaatOptie = Formaat.TEKST,
    select: AlleenOptie = None,
    ignore: NegeerOptie = None,
    explain: UitlegOptie = None,
    regels: RegelsOptie = False,
    datum: Vandaag = None,
) -> None:
    """``livb check``: the findings of every folder, and the exit code."""
    from livb.cli.report import write_json, write_text
    from livb.method.check import run_checks
    from livb.method.zone_check import check_zone

    today = _parse_day(datum)
    results = [
        check_zone(folder)
        if _zone_folder(folder)
        else run_checks(folder, set(select or []), set(ignore or []), today)
        for folder in mappen or [Path()]
    ]
    (write_json if formaat is Formaat.JSON else write_text)(results)
    raise typer.Exit(max(result.exit_code(strict=strikt) for result in results))


@app.command(
    cls=GemeenteCommand,
    help=N_(
        "Toon waar de gemeente staat: elke stap van de methode met bewijs en de volgende stap.\n"
        "\n"
        "Met meer dan één map: één regel per gemeente (voor de lokaal adviseur). Met de map van "
        "een\n"
        "politiezone (zone.yaml): welke gemeente antwoordt op welke prioriteit van het ZVP."
    ),
)
def status(
    mappen: Mappen = None,
    formaat: FormaatOptie = Formaat.TEKST,
    datum: Vandaag = None,
) -> None:
    """``livb status``: where the gemeente (or the zone) stands in the method."""
    from livb.cli.report import write_status, write_status_json
    from livb.method.status import build_status
    from livb.method.zone import build_zone_status, is_zone_folder

    today = _parse_day(datum)
    if mappen and len(mappen) == 1 and is_zone_folder(mappen[0]):
        from livb.cli.report import write_zone_status

        zone = build_zone_status(mappen[0])
        write_zone_status(zone)
        raise typer.Exit(1 if zone.missing else 0)
    statuses = [build_status(folder, today) for folder in mappen or [Path()]]
    (write_status_json if formaat is Formaat.JSON else write_status)(statuses)
    raise typer.Exit(1 if any(s.state is None for s in statuses) else 0)


class RenderCommand(GemeenteCommand):
    """``livb render``: its help lists the documents of the registry."""

    def invoke(self, ctx: Any) -> Any:
        """``render --lijst MAP``: the one argument given is the folder, not a document."""
        if ctx.params.get("lijst") and ctx.params.get("document") is not None:
            source = ctx.get_parameter_source("map_")  # typer's own click: compared by name
            if source is not None and source.name != "DEFAULT":
                raise UsageError(
                    tr("--lijst toont alle documenten: geef geen DOCUMENT op"),
                    "livb render --lijst [MAP]",
                )
            ctx.params["map_"] = Path(ctx.params.pop("document"))
            ctx.params["document"] = None
            ctx.set_parameter_source("map_", type(source).COMMANDLINE)
        return super().invoke(ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help page, ending with a table of every document livb can make and its step."""
        super().format_help(ctx, formatter)
        if getattr(self, "rich_markup_mode", None) is None:
            return  # click's layout: the table is its epilog (format_epilog)
        from rich.table import Table
        from typer.rich_utils import _get_rich_console

        table = Table(title=tr("Documenten"), title_justify="left", box=None, padding=(0, 2, 0, 1))
        for heading in (N_("document"), N_("wat"), N_("stap")):
            table.add_column(tr(heading), style="bold" if heading == "document" else None)
        for name, title, step in _document_rows():
            table.add_row(name, title, tr("elke") if step == "alle" else step)
        _get_rich_console().print(table)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """The documents as a table of two columns, in click's plain layout."""
        with formatter.section(tr("Documenten")):
            formatter.write_dl(
                [(name, _with_step(title, step)) for name, title, step in _document_rows()]
            )


def _with_step(title: str, step: str) -> str:
    if not step:
        return title
    if step == "alle":
        return tr("{titel} (elke stap)", titel=title)
    return tr("{titel} (stap {stap})", titel=title, stap=step)


def _document_rows() -> list[tuple[str, str, str]]:
    from livb.documents import DOCUMENTS

    rows = [(d.name, tr(d.title), d.stap) for d in DOCUMENTS.values()]
    return [*rows, ("alle", tr("alles wat de map nu toelaat (zie --lijst)"), "")]


DocumentArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="DOCUMENT",
        autocompletion=_complete_document,
        help=N_("Welk document (zie onderaan), of alle."),
        show_default=False,
    ),
]
RenderMap = Annotated[
    Path, typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map."))
]
VergaderingOptie = Annotated[
    str | None,
    typer.Option("--vergadering", help=N_("verslag, agenda: de id van de vergadering.")),
]
GesprekOptie = Annotated[
    str | None, typer.Option("--gesprek", help=N_("gesprek: de id van het gesprek."))
]
PartnerOptie = Annotated[
    str | None,
    typer.Option("--partner", help=N_("gegevensaanvraag: de partner die gegevens levert.")),
]
BesluitOptie = Annotated[
    str | None,
    typer.Option("--besluit", help=N_("besluit: welk besluit, bv. college-plan.")),
]
AlleOptie = Annotated[
    bool, typer.Option("--alle", help=N_("Een document per item: voor elk item."))
]
UitOptie = Annotated[
    Path | None, typer.Option("--uit", help=N_("De map voor de documenten (standaard MAP/output)."))
]
DefinitiefOptie = Annotated[
    bool,
    typer.Option(
        "--definitief", help=N_("Weiger als er iets ontbreekt of livb check fouten vindt.")
    ),
]
OverschrijfOptie = Annotated[
    bool,
    typer.Option(
        "--overschrijf",
        "--force",
        help=N_("Overschrijf ook documenten die met de hand gewijzigd werden."),
    ),
]
PdfOptie = Annotated[bool, typer.Option("--pdf", help=N_("Maak ook een PDF (vraagt LibreOffice)."))]
VersieOptie = Annotated[
    str | None,
    typer.Option(
        "--versie",
        metavar="VERSIE",
        help=N_(
            "Maak het document zoals het was in een versie in git (een tag, commit of "
            "tak), in een eigen map: MAP/output/versie-TAG/ of versie-COMMIT/."
        ),
    ),
]
WijzigingenSindsOptie = Annotated[
    str | None,
    typer.Option(
        "--wijzigingen-sinds",
        metavar="VERSIE",
        help=N_("plan: met een bijlage van wat er veranderde sinds die versie in git."),
    ),
]
TochOptie = Annotated[
    bool,
    typer.Option(
        "--toch",
        help=N_(
            "Maak het document ook als de map er nog geen reden voor heeft (een ontwerp "
            "vooraf); render --lijst zegt waarom niet."
        ),
    ),
]
LijstOptie = Annotated[
    bool,
    typer.Option(
        "--lijst",
        help=N_(
            "Toon de documenten, elk met zijn stap en of deze map het nu kan maken "
            "(en waarom niet); maak er geen."
        ),
    ),
]


@app.command(
    cls=RenderCommand,
    help=N_(
        "Maak de documenten van het proces als Word-bestanden (en PDF).\n"
        "\n"
        "Ontbrekende gegevens verschijnen gemarkeerd als [in te vullen: ...] met een opmerking "
        "in Word\n"
        "die zegt waar ze horen; met --definitief weigert livb zolang er iets ontbreekt.\n"
        "Met --versie komt het document uit een versie in git, bv. de goedgekeurde:\n"
        "livb render plan --versie plan-goedgekeurd-gemeenteraad-2010-03-23."
    ),
)
def render(
    document: DocumentArgument = None,
    map_: RenderMap = Path(),
    vergadering: VergaderingOptie = None,
    gesprek: GesprekOptie = None,
    partner: PartnerOptie = None,
    besluit: BesluitOptie = None,
    alle: AlleOptie = False,
    uit: UitOptie = None,
    definitief: DefinitiefOptie = False,
    force: OverschrijfOptie = False,
    pdf: PdfOptie = False,
    versie: VersieOptie = None,
    wijzigingen_sinds: WijzigingenSindsOptie = None,
    datum: Vandaag = None,
    lijst: LijstOptie = False,
    toch: TochOptie = False,
) -> None:
    """``livb render``: the documents of the process as Word files."""
    from livb.cli.report import render_progress, write_render_summary
    from livb.documents.render import RenderRequest, render_documents

    if lijst:
        from livb.cli.report import write_document_list
        from livb.documents.render import availability

        write_document_list(availability(map_, _parse_day(datum)))
        return
    document, per = _chosen_document(document)
    items = {"vergadering": vergadering, "gesprek": gesprek, "partner": partner, "besluit": besluit}
    given = {name: value for name, value in items.items() if value is not None}
    _check_item_options(document, per, given, alle)
    if pdf:
        _require_libreoffice()
    request = RenderRequest(
        map_,
        [document],
        given.get(per) if per else None,
        uit,
        definitief,
        force,
        pdf,
        _parse_day(datum),  # None: the day of --versie's commit, or today
        versie,
        wijzigingen_sinds,
        toch,
    )
    with render_progress() as progress:
        results = render_documents(request, progress)
    write_render_summary(results)


def _chosen_document(document: str | None) -> tuple[str, str | None]:
    """The document asked for, checked, and what it is made per (vergadering, ...) or None."""
    from livb.documents import DOCUMENTS

    if document is None:
        raise UsageError(
            tr("zeg welk document"),
            tr("livb render DOCUMENT [MAP]; livb render --lijst toont de documenten"),
        )
    if document != "alle" and document not in DOCUMENTS:
        from livb.folder.schema_errors import suggest

        guess = suggest(document, [*DOCUMENTS, "alle"])
        message = tr("onbekend document '{document}'", document=document)
        if guess:
            message = tr("{tekst}; bedoelde je {gok}?", tekst=message, gok=guess)
        raise UsageError(message, tr("kies uit: {keuzes} of alle", keuzes=", ".join(DOCUMENTS)))
    return document, DOCUMENTS[document].per if document in DOCUMENTS else None


def _check_item_options(document: str, per: str | None, given: dict[str, str], alle: bool) -> None:
    """--vergadering, --gesprek, ... only for the document made per that item, and then one."""
    if any(name != per for name in given):
        wrong = next(name for name in given if name != per)
        raise UsageError(
            tr("--{optie} past niet bij '{document}'", optie=wrong, document=document),
            tr("gebruik --{optie}", optie=per)
            if per
            else tr(
                "'{document}' is één document, zonder --{optie}", document=document, optie=wrong
            ),
        )
    if per is not None and per not in given and not alle:
        raise UsageError(
            tr("zeg van welke {soort}", soort=tr(per)),
            tr("livb render {document} MAP --{optie} ID, of --alle", document=document, optie=per),
        )


def _require_libreoffice() -> None:
    from livb.word.pdf import INSTALL_HINT, find_soffice

    if find_soffice() is None:
        raise UsageError(tr("LibreOffice is niet geïnstalleerd"), tr(INSTALL_HINT))


class NewCommand(GemeenteCommand):
    """``livb new``: its kinds and their options come from :data:`livb.starters.STARTERS`.

    The registry (and pydantic with it) is imported only when ``new`` itself is read, parsed,
    completed or shown, never for another command. An option shared by kinds (``--stap``) is
    one option; the values of the starters' options reach the command in ``ctx.meta``.
    """

    _registered = False

    def get_params(self, ctx: Any) -> list[Any]:
        """The command's own parameters, and the options of every starter after them."""
        if not self._registered:
            self._registered = True
            from livb.starters import STARTERS

            kinds = StrEnum("Soort", {name.upper(): name for name in STARTERS})  # type: ignore[misc]
            help_ = f"{_or_list(list(STARTERS))}."
            [soort] = _typer_params(
                [("soort", Annotated[kinds, typer.Argument(metavar="SOORT", help=help_)], ...)]
            )
            at = next(i for i, param in enumerate(self.params) if param.name == "soort")
            self.params[at] = soort
            self.params += _starter_options()
        return super().get_params(ctx)

    def invoke(self, ctx: Any) -> Any:
        """Hand the starters' options to the command apart from its own parameters."""
        self.get_params(ctx)
        ctx.meta["livb new"] = {
            name: ctx.params.pop(name) for name in list(ctx.params) if name.startswith("optie_")
        }
        return super().invoke(ctx)


def _or_list(words: list[str]) -> str:
    return or_list(words)


def _starter_options() -> list[Any]:
    """One typer option per ``--option`` of the starters, its help naming the kinds it serves."""
    options: dict[str, dict[str, Any]] = {}
    for starter, name, info in _starter_fields():
        option = options.setdefault(_option_of(name, info), {"info": info, "helps": {}})
        option["helps"].setdefault(info.description or "", []).append(starter.name)
    declared = []
    for flag, option in options.items():
        info = option["info"]
        helps = option["helps"].items()
        help_ = " ".join(f"{', '.join(kinds)}: {tr(text)}" for text, kinds in helps)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        keuzes = str(extra["keuzes"]).split(":") if "keuzes" in extra else None
        kind: Any = {list[str]: list[str], int: int}.get(_bare(info.annotation), str)
        typed = typer.Option(
            flag, help=help_, autocompletion=_completes(*keuzes) if keuzes else None
        )
        declared.append((_param(flag), Annotated[kind | None, typed], None))
    return _typer_params(declared)


def _typer_params(declared: list[tuple[str, Any, Any]]) -> list[Any]:
    """The click parameters typer makes of ``(name, Annotated[...], default)`` triples."""
    import inspect

    def command() -> None:
        """Only its parameters are used."""

    parameters = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in declared
    ]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {name: kind for name, kind, _ in declared}
    scratch = typer.Typer()
    scratch.command()(command)
    names = {name for name, _, _ in declared}
    return [param for param in typer.main.get_command(scratch).params if param.name in names]


def _starter_fields() -> list[tuple[Any, str, Any]]:
    """Every ``(starter, field name, field)`` of the starters' options, in registry order."""
    from livb.starters import STARTERS

    return [
        (starter, name, info)
        for starter in STARTERS.values()
        for name, info in starter.options.model_fields.items()
    ]


def _option_of(name: str, info: Any) -> str:
    from livb.starters._base import option_name

    return option_name(name, info)


def _param(flag: str) -> str:
    """The name under which the value of ``--flag`` reaches the command."""
    return "optie_" + flag.lstrip("-").replace("-", "_")


def _starter_input(starter: Any, given: dict[str, Any]) -> Any:
    """The options model of one starter from the command line; another kind's option refused."""
    fields = {
        _option_of(name, info): (name, info) for name, info in starter.options.model_fields.items()
    }
    flags = dict.fromkeys(_option_of(name, info) for _, name, info in _starter_fields())
    stray = [flag for flag in flags if given.get(_param(flag)) and flag not in fields]
    if stray:
        raise UsageError(
            tr("{optie} hoort niet bij livb new {soort}", optie=stray[0], soort=starter.name),
            tr(
                "opties van livb new {soort}: {opties}",
                soort=starter.name,
                opties=", ".join(fields) or tr("geen"),
            ),
        )
    values = {}
    for flag, (name, info) in fields.items():
        value = given.get(_param(flag))
        if value is not None:
            values[name] = _parse_day(value) if _bare(info.annotation) is dt.date else value
    return starter.options(**values)


def _bare(annotation: Any) -> Any:
    """``int`` for ``int | None``: the type an option's value has."""
    import typing

    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) and len(arguments) == 1:
        return arguments[0]
    return annotation


@app.command(
    cls=NewCommand,
    help=N_(
        "Begin het volgende stuk van het proces vanuit een goed sjabloon.\n"
        "\n"
        "Een vergadering, gesprek of de opvolging van een jaar (monitoring) wordt een nieuw "
        "bestand;\n"
        "een actor, prioriteit of doelstelling wordt toegevoegd aan het bestaande bestand, zonder\n"
        "iets anders te wijzigen. livb controleert\n"
        "alles vóór het schrijft, en twee mensen die tegelijk iets toevoegen verliezen niets."
    ),
)
def new(
    ctx: typer.Context,
    soort: Annotated[str, typer.Argument(metavar="SOORT")],
    map_: Annotated[
        Path | None,
        typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map.")),
    ] = None,
    map_optie: Annotated[
        Path | None,
        typer.Option("--map", "-m", help=N_("De gemeentemap (zoals MAP, voor oudere scripts).")),
    ] = None,
) -> None:
    """``livb new``: the next piece of the process from a starter."""
    from livb.starters import STARTERS

    if map_ is not None and map_optie is not None and map_ != map_optie:
        raise UsageError(
            tr("twee mappen: '{map}' en --map '{optie}'", map=map_, optie=map_optie),
            tr("geef de map één keer"),
        )
    root = map_ or map_optie or Path()
    starter = STARTERS[str(soort)]
    result = starter.start(root, _starter_input(starter, ctx.meta["livb new"]), dt.date.today())
    for note in result.notes:
        typer.echo(tr("let op: {opmerking}", opmerking=note))
    if result.created:
        typer.echo(tr("Nieuw bestand: {pad} ({wat})", pad=result.path, wat=result.summary))
    else:
        typer.echo(tr("Aangevuld: {pad} ({wat})", pad=result.path, wat=result.summary))
    typer.echo(tr("Controleer daarna met 'livb check {map}'.", map=root))


NieuweMap = Annotated[
    Path, typer.Argument(metavar="MAP", help=N_("De nieuwe map die livb aanmaakt."))
]
GemeenteOptie = Annotated[
    str | None,
    typer.Option("--gemeente", "-g", metavar="NAAM", help=N_("Naam van de gemeente, bv. Halle.")),
]
NisOptie = Annotated[
    str | None,
    typer.Option(
        "--nis", metavar="CODE", help=N_("NIS-code (vijf cijfers), als de naam niet volstaat.")
    ),
]
BeleidOptie = Annotated[
    str | None,
    typer.Option(
        "--beleid", metavar="NAAM", help=N_("Eigen naam van het beleid, bv. levenskwaliteit.")
    ),
]
CoordinatorOptie = Annotated[
    str | None,
    typer.Option("--coordinator", metavar="NAAM", help=N_("Naam van de coördinator.")),
]
InitGitOptie = Annotated[
    bool,
    typer.Option(
        "--git/--no-git",
        show_default=False,
        help=N_("Zet de map onder git met een eerste commit (standaard), of niet."),
    ),
]
GeenVragenOptie = Annotated[
    bool, typer.Option("--geen-vragen", "--no-input", help=N_("Stel geen vragen (voor scripts)."))
]
HuisstijlOptie = Annotated[
    bool,
    typer.Option("--huisstijl", help=N_("Kopieer de huisstijl (huisstijl.docx) om aan te passen.")),
]

InitTaalOptie = Annotated[
    str | None,
    typer.Option(
        metavar="nl|fr",
        help=N_("De taal van de map; nodig voor Brussel en de Duitstalige gemeenten."),
    ),
]


@app.command(
    cls=DutchCommand,
    help=N_(
        "Maak een nieuwe gemeentemap met alle bestanden, voorzien van uitleg in het Nederlands.\n"
        "\n"
        "Met --zone NAAM maakt livb de gedeelde map van een politiezone: zone.yaml met haar\n"
        "gemeenten en het zonaal veiligheidsplan, waarnaar de gemeentemappen verwijzen."
    ),
)
def init(
    map_: NieuweMap,
    gemeente: GemeenteOptie = None,
    nis: NisOptie = None,
    beleid: BeleidOptie = None,
    coordinator: CoordinatorOptie = None,
    git: InitGitOptie = True,
    no_input: GeenVragenOptie = False,
    huisstijl: HuisstijlOptie = False,
    zone: Annotated[
        str | None,
        typer.Option(
            metavar="NAAM", help=N_("Maak de gedeelde map van een politiezone (met het ZVP).")
        ),
    ] = None,
    gemeenten: Annotated[
        str | None,
        typer.Option(metavar="NAMEN", help=N_("--zone: de gemeenten van de zone, met komma's.")),
    ] = None,
    taal: InitTaalOptie = None,
) -> None:
    """``livb init``: a new gemeente folder, or a police zone's shared folder."""
    from livb.starters.scaffold import InitRequest, create_folder, create_zone_folder

    if zone is not None:
        names = [n.strip() for n in (gemeenten or gemeente or "").split(",") if n.strip()]
        _echo_zone_made(create_zone_folder(map_, zone, names, git))
        return
    ask = not no_input and sys.stdin.isatty()
    if gemeente is None:
        if not ask:
            raise UsageError(tr("geef de gemeente op met --gemeente NAAM"))
        gemeente = typer.prompt(tr("Naam van de gemeente"))
    if ask and nis is None:
        gemeente, nis, beleid, coordinator = _ask_init(gemeente, beleid, coordinator)
    request = InitRequest(map_, gemeente, nis, beleid, coordinator or None, git, huisstijl, taal)
    result = create_folder(request)
    _speak_like(result.target)  # the new folder's own language (its livb.yaml's taal)
    _echo_folder_made(result)


def _echo_zone_made(made: Any) -> None:
    """What ``livb init --zone`` made, and the next step."""
    _speak_like(made.target)
    typer.echo(
        tr("Map van {zone} aangemaakt in {map}: zone.yaml.", zone=made.naam, map=made.target)
    )
    typer.echo(
        tr(
            "Volgende stap: vul het ZVP in zone.yaml in en zet in livb.yaml van elke "
            "gemeente 'politiezone: {{naam: {zone}, map: PAD}}'.",
            zone=made.naam,
        )
    )


def _echo_folder_made(result: Any) -> None:
    """What ``livb init`` made: warnings, notes, the files, and the next step."""
    for warning in result.warnings:
        typer.echo(tr("waarschuwing: {tekst}", tekst=warning), err=True)
    for note in result.notes:
        typer.echo(tr("opmerking: {tekst}", tekst=note), err=True)
    code = tr(" (NIS {nis})", nis=result.nis) if result.nis else ""
    typer.echo(
        tr(
            "Gemeentemap voor {gemeente}{code} aangemaakt in {map}:",
            gemeente=result.naam,
            code=code,
            map=result.target,
        )
    )
    files = count(len(result.written), tr("bestand"), tr("bestanden"))
    if result.committed:
        files = tr("{aantal}, eerste git-commit", aantal=files)
    typer.echo(f"  {files}")
    typer.echo(
        tr(
            "Volgende stap: vul actoren.yaml in en controleer met 'livb check {map}'.",
            map=result.target,
        )
    )


def _ask_init(
    gemeente: str, beleid: str | None, coordinator: str | None
) -> tuple[str, str | None, str | None, str | None]:
    """On a terminal: the municipality meant, the policy's name and the coordinator's."""
    from livb.starters.scaffold import resolve_gemeente

    nis = None
    found = resolve_gemeente(gemeente, None)
    if found.gemeente is None and found.suggestions:
        first = found.suggestions[0]
        typer.echo(found.message)
        if ask_yes(tr("Bedoel je {gemeente} (NIS {nis})?", gemeente=first.naam_nl, nis=first.nis)):
            gemeente, nis = first.naam_nl, first.nis
    if beleid is None:
        beleid = typer.prompt(tr("Eigen naam van het beleid"), default=tr("integrale veiligheid"))
    if coordinator is None:
        coordinator = typer.prompt(
            tr("Naam van de coördinator (leeg als nog onbekend)"), default=""
        )
    return gemeente, nis, beleid, coordinator


@app.command(
    cls=GemeenteCommand,
    help=N_(
        "Toon het JSON Schema van een soort bestand, of schrijf ze allemaal in een gemeentemap."
    ),
)
def schema(
    soort: Annotated[
        str | None,
        typer.Argument(metavar="SOORT", help=N_("Het soort bestand, bv. actoren of vergadering.")),
    ] = None,
    map_: Annotated[
        Path | None,
        typer.Option(
            "--map",
            metavar="MAP",
            help=N_("Schrijf alle schema's in MAP/.livb/schema (voor de editor)."),
        ),
    ] = None,
) -> None:
    """``livb schema``: the JSON Schema of a kind of file, or all of them for the editor."""
    from livb.folder.schema import kind_named, schema_text, summary, write_schemas
    from livb.model import FILE_KINDS

    if map_ is not None:
        written = write_schemas(map_)
        schemas = count(len(written), tr("schema"), tr("schema's"))
        typer.echo(
            tr("{aantal} geschreven in {map}", aantal=schemas, map=map_ / ".livb" / "schema")
        )
        return
    if soort is None:
        for kind in FILE_KINDS:
            typer.echo(f"{kind.name:<15} {kind.pattern:<28} {summary(kind)}")
        return
    found = kind_named(soort)
    if found is None:
        names = ", ".join(kind.name for kind in FILE_KINDS)
        raise UsageError(
            tr("onbekende soort '{soort}'", soort=soort), tr("kies uit: {keuzes}", keuzes=names)
        )
    typer.echo(schema_text(found), nl=False)


@app.command(
    cls=DutchCommand,
    help=N_(
        "Toon wat er in het plan veranderde tussen twee versies in git, of sinds een versie.\n"
        "\n"
        "Bv. livb diff plan-goedgekeurd-gemeenteraad-2010-03-23: wat veranderde sinds de "
        "goedkeuring.\n"
        "Een tweede argument dat een map is, is de gemeentemap (anders de nieuwe versie)."
    ),
)
def diff(
    versie: Annotated[
        str, typer.Argument(metavar="VERSIE", help=N_("De oude versie: een tag, commit of tak."))
    ],
    versie2: Annotated[
        str | None,
        typer.Argument(metavar="VERSIE2", help=N_("De nieuwe versie; standaard de werkmap.")),
    ] = None,
    map_: Annotated[
        Path | None,
        typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map.")),
    ] = None,
    formaat: FormaatOptie = Formaat.TEKST,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help=N_("Geef 1 als er wijzigingen zijn."))
    ] = False,
) -> None:
    """``livb diff``: what changed in the plan between two versions in git."""
    from livb.cli.report import write_diff, write_diff_json
    from livb.history.versions import diff_versions

    if map_ is None and versie2 is not None and Path(versie2).is_dir():
        map_, versie2 = Path(versie2), None
    root = map_ or find_gemeentemap()
    _speak_like(root)
    result = diff_versions(root, versie, versie2)
    (write_diff_json if formaat is Formaat.JSON else write_diff)(result)
    raise typer.Exit(1 if result.changes is None or (exit_code and result.changes) else 0)


DoorOptie = Annotated[
    str,
    typer.Option(
        "--door",
        help=N_("Wie besliste of tekende: college, gemeenteraad, ..."),
        autocompletion=_completes("livb.model.besluiten", "Instantie"),
    ),
]
OnderwerpOptie = Annotated[
    str,
    typer.Option(
        "--onderwerp",
        help=N_("Waarover: plan, protocolakkoord, diagnostiek, ..."),
        autocompletion=_completes("livb.model.besluiten", "Onderwerp"),
    ),
]
BesluitDatum = Annotated[
    str | None, typer.Option("--datum", help=N_("De datum (JJJJ-MM-DD); standaard vandaag."))
]
UitkomstOptie = Annotated[
    str,
    typer.Option(
        "--uitkomst",
        help=N_("goedgekeurd, ondertekend, kennisgenomen, ..."),
        autocompletion=_completes("livb.model.besluiten", "Uitkomst"),
    ),
]
ReferentieOptie = Annotated[
    str | None, typer.Option("--referentie", help=N_("Het nummer, bv. 'GR 2010/071'."))
]
ToelichtingOptie = Annotated[str | None, typer.Option("--toelichting", help=N_("Een toelichting."))]
BesluitIdOptie = Annotated[str | None, typer.Option("--id", help=N_("De id; standaard afgeleid."))]
MapOptie = Annotated[
    Path | None,
    typer.Option("--map", "-m", help=N_("De gemeentemap (zoals MAP, voor oudere scripts).")),
]
GitOptie = Annotated[
    bool, typer.Option("--git/--no-git", help=N_("Leg het besluit vast in git, met een tag."))
]


@app.command(
    cls=GemeenteCommand,
    help=N_(
        "Noteer een goedkeuring of handtekening in besluiten.yaml, met een git-commit en een tag.\n"
        "\n"
        "De commit bevat enkel besluiten.yaml; andere wijzigingen blijven zoals ze waren."
    ),
)
def besluit(
    door: DoorOptie,
    onderwerp: OnderwerpOptie,
    map_: Annotated[
        Path | None,
        typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map.")),
    ] = None,
    datum: BesluitDatum = None,
    uitkomst: UitkomstOptie = "goedgekeurd",
    referentie: ReferentieOptie = None,
    toelichting: ToelichtingOptie = None,
    id_: BesluitIdOptie = None,
    map_optie: MapOptie = None,
    git: GitOptie = True,
) -> None:
    """``livb besluit``: a decision recorded in besluiten.yaml, committed and tagged."""
    from livb.history.besluit import BesluitRequest, record_besluit

    if map_ is not None and map_optie is not None and map_ != map_optie:
        raise UsageError(
            tr("twee mappen: '{map}' en --map '{optie}'", map=map_, optie=map_optie),
            tr("geef de map één keer"),
        )
    day = _parse_day(datum) or dt.date.today()
    root = map_ or map_optie or Path()
    request = BesluitRequest(
        root, door, onderwerp, day, uitkomst, referentie, toelichting, id_, git
    )
    result = record_besluit(request)
    typer.echo(
        tr(
            "Besluit '{id}' toegevoegd aan {pad}: {wat}.",
            id=result.besluit.id,
            pad=result.path,
            wat=result.description,
        )
    )
    if result.commit:
        tag = result.tag or tr("(geen)")
        typer.echo(
            tr("Vastgelegd in git: commit {commit}, tag {tag}.", commit=result.commit, tag=tag)
        )
    for note in result.notes:
        typer.echo(tr("waarschuwing: {tekst}", tekst=note), err=True)
    raise typer.Exit(1 if result.failed else 0)


class ExportSoort(StrEnum):
    """What ``livb export`` writes."""

    OPVOLGING = "opvolging"
    ACTIES = "acties"
    BEGROTING = "begroting"


@app.command(
    cls=GemeenteCommand,
    help=N_(
        "Schrijf Excel-werkboeken in output/: de opvolging voor de trekkers, of de actietabel.\n"
        "\n"
        "'opvolging' maakt per trekker een blad (of met --trekker een werkboek) met de acties,\n"
        "indicatoren en het huiswerk om in te vullen; 'livb import' leest het ingevulde werkboek\n"
        "terug. 'acties' is de hele actietabel van het plan, om te lezen, sorteren en filteren.\n"
        "'begroting' is het geld van het plan per actie, jaar en bron, gepland en besteed, voor\n"
        "de financiële dienst (een werkboek en een CSV-bestand)."
    ),
)
def export(
    soort: Annotated[
        ExportSoort,
        typer.Argument(
            metavar="SOORT",
            help=N_("opvolging (per trekker, in te vullen), acties of begroting (.xlsx en .csv)."),
        ),
    ],
    map_: Annotated[
        Path | None,
        typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map.")),
    ] = None,
    jaar: Annotated[
        int | None,
        typer.Option(
            "--jaar",
            help=N_("opvolging: het jaar dat de trekkers invullen (standaard vorig jaar)."),
        ),
    ] = None,
    trekker: Annotated[
        list[str] | None,
        typer.Option(
            "--trekker", help=N_("opvolging: één werkboek voor deze trekker (id); mag meermaals.")
        ),
    ] = None,
    overschrijf: Annotated[
        bool,
        typer.Option("--overschrijf", help=N_("Vervang een werkboek dat al in output/ staat.")),
    ] = False,
) -> None:
    """``livb export``: Excel workbooks in output/."""
    from livb.exchange.begroting import export_begroting
    from livb.exchange.export import export_acties, export_opvolging

    root = map_ or find_gemeentemap()
    today = dt.date.today()
    if soort is not ExportSoort.OPVOLGING and (jaar is not None or trekker):
        raise UsageError(
            tr("--jaar en --trekker horen bij livb export opvolging"),
            tr("laat ze weg bij {soort}", soort=soort.value),
        )
    if soort is ExportSoort.ACTIES:
        paths = [export_acties(root, today, overwrite=overschrijf)]
    elif soort is ExportSoort.BEGROTING:
        paths = export_begroting(root, today, overwrite=overschrijf)
    else:
        paths = export_opvolging(
            root, jaar or today.year - 1, trekker or [], today, overwrite=overschrijf
        )
    for path in paths:
        typer.echo(tr("Geschreven: {pad}", pad=path))


BestandArg = Annotated[
    Path,
    typer.Argument(
        metavar="BESTAND",
        help=N_(
            "Een werkboek (.xlsx) van 'livb export', een document (.docx) van 'livb "
            "render', of met --reeks een tabel met cijfers (.csv, .xlsx)."
        ),
    ),
]
ReeksOptie = Annotated[
    str | None,
    typer.Option(
        "--reeks",
        metavar="ID",
        help=N_("Een tabel (.csv, .xlsx) met cijfers: de reeks in diagnostiek/cijfers.yaml."),
    ),
]
KolomOptie = Annotated[
    str | None,
    typer.Option(help=N_("De kolom (of bij een jaar per kolom: de rij) met de cijfers.")),
]
GebiedOptie = Annotated[
    list[str] | None,
    typer.Option(help=N_("De naam of NIS-code van de gemeente in de tabel (standaard de eigen).")),
]
VergelijkingOptie = Annotated[
    list[str] | None,
    typer.Option(help=N_("Een gebied om mee te vergelijken: 'PZ Zennevallei=zone'.")),
]
BronOptie = Annotated[
    str | None, typer.Option(help=N_("De bron uit diagnostiek/bronnen.yaml (nieuwe reeks)."))
]
NaamOptie = Annotated[str | None, typer.Option(help=N_("De naam van een nieuwe reeks."))]
GedownloadOptie = Annotated[
    str | None, typer.Option(metavar="DATUM", help=N_("Wanneer de tabel gedownload werd."))
]
AfgeslotenOptie = Annotated[
    str | None,
    typer.Option(metavar="DATUM", help=N_("Tot wanneer de bron de cijfers van de tabel telde.")),
]
VervangOptie = Annotated[
    bool, typer.Option("--vervang", help=N_("Vervang bestaande cijfers van de reeks."))
]
PerOptie = Annotated[
    str | None,
    typer.Option(help=N_("absoluut, per_1000_inwoners, per_1000_huishoudens of percentage.")),
]
BevolkingOptie = Annotated[
    str | None,
    typer.Option(help=N_("inwoners of huishoudens: de reeks is de bevolking (de noemer).")),
]


@app.command(
    "import",
    cls=GemeenteCommand,
    help=N_(
        "Neem ingevulde werkboeken, in Word nagelezen documenten en tabellen met cijfers over.\n"
        "\n"
        "Enkel de gewijzigde waarden worden geschreven; commentaar en volgorde blijven. Met "
        "--droog\n"
        "toont livb wat het zou wijzigen. Een gepubliceerde tabel (.csv of .xlsx) met --reeks ID\n"
        "komt in diagnostiek/cijfers.yaml."
    ),
)
def import_(
    bestand: BestandArg,
    map_: Annotated[
        Path | None,
        typer.Argument(metavar="MAP", help=N_("De gemeentemap; standaard de huidige map.")),
    ] = None,
    droog: Annotated[
        bool, typer.Option("--droog", help=N_("Toon de wijzigingen, schrijf niets."))
    ] = False,
    reeks: ReeksOptie = None,
    kolom: KolomOptie = None,
    gebied: GebiedOptie = None,
    vergelijking: VergelijkingOptie = None,
    bron: BronOptie = None,
    naam: NaamOptie = None,
    gedownload: GedownloadOptie = None,
    afgesloten: AfgeslotenOptie = None,
    vervang: VervangOptie = False,
    per: PerOptie = None,
    bevolking: BevolkingOptie = None,
) -> None:
    """``livb import``: filled-in workbooks, reviewed documents and tables of figures."""
    from livb.exchange import import_file
    from livb.starters import STARTERS

    root = map_ or find_gemeentemap()
    today = dt.date.today()
    table = {
        "--kolom": kolom, "--gebied": gebied, "--vergelijking": vergelijking, "--bron": bron,
        "--naam": naam, "--gedownload": gedownload, "--afgesloten": afgesloten,
        "--vervang": vervang or None, "--per": per, "--bevolking": bevolking,
    }  # fmt: skip
    if reeks is not None:
        _print_import(_import_table(bestand, root, reeks, droog, today, table), bestand)
        return
    _refuse_table_options(bestand, table)
    monitoring = STARTERS["monitoring"]
    report = import_file(
        bestand,
        root,
        dry_run=droog,
        starter=lambda jaar: monitoring.start(root, monitoring.options(jaar=jaar), today),
    )
    if report.rendered is not None:
        from livb.documents.manifest import Manifest

        Manifest.read(report.rendered.parent).accept(report.rendered.name)
    _print_import(report, bestand)


def _import_table(
    bestand: Path, root: Path, reeks: str, droog: bool, today: dt.date, options: dict[str, Any]
) -> ImportReport:
    """``livb import TABEL --reeks ID``: the options as the table import asks them."""
    from livb.exchange.table import TableRequest, import_table

    request = TableRequest(
        bestand,
        root,
        reeks,
        kolom=options["--kolom"],
        gebied=options["--gebied"] or [],
        vergelijking=options["--vergelijking"] or [],
        bron=options["--bron"],
        naam=options["--naam"],
        gedownload=_date_option("--gedownload", options["--gedownload"]),
        afsluitdatum=_date_option("--afgesloten", options["--afgesloten"]),
        dry_run=droog,
        replace=bool(options["--vervang"]),
        today=today,
        per=options["--per"],
        bevolking=options["--bevolking"],
    )
    return import_table(request)


def _refuse_table_options(bestand: Path, options: dict[str, Any]) -> None:
    """An option of the table import without --reeks is a mistake, not something to ignore."""
    given = [option for option, value in options.items() if value]
    if given:
        raise UsageError(
            tr("{optie} hoort bij het overnemen van een tabel met cijfers", optie=given[0]),
            tr(
                "zeg met --reeks ID in welke reeks van diagnostiek/cijfers.yaml: livb import "
                "{bestand} --reeks ID {optie} ...",
                bestand=bestand.name,
                optie=given[0],
            ),
        )


def _date_option(option: str, text: str | None) -> dt.date | None:
    """A date option other than --datum, refused as --datum is."""
    try:
        return _parse_day(text)
    except UsageError as error:
        raise UsageError(error.message, (error.hint or "").replace("--datum", option)) from None


def _print_import(report: ImportReport, bestand: Path) -> None:
    for line in report.changes:
        typer.echo(line)
    for note in report.notes:
        typer.echo(note)
    if not report.changes and not report.written:
        typer.echo(tr("Geen wijzigingen in {bestand}.", bestand=bestand.name))
    elif report.dry_run:
        typer.echo(tr("Niets geschreven (--droog)."))
    elif report.written:
        typer.echo(tr("Geschreven: {pad}", pad=", ".join(report.written)) + ".")
    else:
        typer.echo(tr("Geen wijzigingen in {bestand}.", bestand=bestand.name))


def _fail(category: str, message: str, hint: str | None, code: int) -> SystemExit:
    typer.echo(f"{tr(category)}: {message}", err=True)
    if hint:
        typer.echo(f"    {tr('hulp')}: {hint}", err=True)
    return SystemExit(code)


def _tolerant_console() -> None:
    # A console that cannot show a character (cp1252 and "≤", an emoji in a name) gets a "?",
    # not a UnicodeEncodeError; a closed stdout (`livb check >&-`) swallows the output.
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - until exit
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _without_pydantic_plugins() -> None:
    """Spare every command pydantic's search for plugins, which livb does not use.

    The first time pydantic builds a validator it imports ``importlib.metadata`` and scans the
    metadata of every installed package for plugins: ~20 ms of a ~150 ms ``livb check``. The
    search is the whole of ``pydantic.plugin._loader``; a stand-in that finds no plugins takes
    its place, unless pydantic loaded it already (then it stays as it is).
    """
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        stand_in = types.ModuleType(name, "livb: no pydantic plugins (see livb.cli.app).")
        stand_in.get_plugins = tuple  # type: ignore[attr-defined]
        sys.modules[name] = stand_in


def _command_name(command: Any) -> str:
    return str(command.name or getattr(command.callback, "__name__", ""))


def _app_for(arguments: list[str]) -> typer.Typer:
    """The app with only the command that runs, when the arguments start with its name.

    typer reads the signature and options of every command it builds; building one instead of
    all of them saves ~25 ms of every start. Anything else (help, --version, a misspelt
    command) gets the whole app.
    """
    chosen = [c for c in app.registered_commands if arguments and _command_name(c) == arguments[0]]
    if not chosen:
        return app
    only = copy.copy(app)
    only.registered_commands = chosen
    return only


def main() -> None:
    """Run the CLI; user errors become a Dutch message and an exit code, never a traceback."""
    _tolerant_console()
    _without_pydantic_plugins()
    # Help on a terminal in typer's rich panels; elsewhere plain, without importing rich.
    app.rich_markup_mode = "markdown" if sys.stdout.isatty() else None
    arguments = sys.argv[1:] or ["--help"]
    if arguments[0] == "help":  # `livb help check` as `livb check --help`
        arguments = [*arguments[1:2], "--help"]
    try:
        result = _app_for(arguments)(args=arguments, prog_name="livb", standalone_mode=False)
    except LivbError as error:
        raise _fail(error.category, error.message, error.hint, error.exit_code) from None
    except USAGE_ERRORS as error:
        commands = sorted(_command_name(c) for c in app.registered_commands)
        message, hint = describe_usage_error(error, commands)
        raise _fail(UsageError.category, message, hint, 2) from None
    except ABORT:
        raise _fail(N_("gestopt"), tr("afgebroken"), None, 1) from None
    except KeyboardInterrupt:
        raise _fail(N_("gestopt"), tr("onderbroken"), None, 130) from None
    raise SystemExit(result if isinstance(result, int) else 0)
