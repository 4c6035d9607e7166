"""The command line: each command parses its options, calls one function and reports."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from livb.cli_dutch import (
    ABORT,
    USAGE_ERRORS,
    DutchCommand,
    DutchGroup,
    ask_yes,
    describe_usage_error,
)
from livb.errors import LivbError, UsageError

app = typer.Typer(
    name="livb",
    cls=DutchGroup,
    help="Lokaal integraal veiligheidsbeleid: de gemeentemap controleren en beheren.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Formaat(StrEnum):
    """Output formats of ``livb check``."""

    TEKST = "tekst"
    JSON = "json"


Mappen = Annotated[
    list[Path] | None,
    typer.Argument(metavar="MAP", help="De gemeentemap(pen); standaard de huidige map."),
]
FormaatOptie = Annotated[Formaat, typer.Option("--formaat", "--format", help="tekst of json.")]
Vandaag = Annotated[
    str | None, typer.Option("--datum", help="Doe alsof het vandaag deze dag is (JJJJ-MM-DD).")
]


def _codes(values: list[str] | None) -> set[str]:
    codes: set[str] = set()
    for value in values or []:
        codes.update(part.strip().upper() for part in value.split(",") if part.strip())
    return codes


def _parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' is geen datum", "schrijf --datum JJJJ-MM-DD") from None


@app.command(cls=DutchCommand)
def check(
    mappen: Mappen = None,
    strikt: Annotated[
        bool,
        typer.Option("--strikt", "--strict", help="Ook waarschuwingen doen de controle falen."),
    ] = False,
    formaat: FormaatOptie = Formaat.TEKST,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Enkel deze regels, bv. LIVB101,LIVB103.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Deze regels overslaan.")
    ] = None,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Leg een code uit, bv. LIVB203.")
    ] = None,
    regels: Annotated[bool, typer.Option("--regels", help="Toon alle regels.")] = False,
    datum: Vandaag = None,
) -> None:
    """Controleer de gemeentemap: bestanden, sleutels, verwijzingen en de stappen van de methode.

    Geeft 0 als alles in orde is, 1 bij fouten (of waarschuwingen met --strikt).
    """
    from livb.report import write_code_list, write_explanation, write_json, write_text

    if regels:
        write_code_list()
        return
    if explain is not None:
        write_explanation(explain)
        return
    from livb.check import run_checks

    today = _parse_day(datum)
    results = [
        run_checks(folder, _codes(select), _codes(ignore), today) for folder in mappen or [Path()]
    ]
    (write_json if formaat is Formaat.JSON else write_text)(results)
    raise typer.Exit(max(result.exit_code(strict=strikt) for result in results))


@app.command(cls=DutchCommand)
def status(
    mappen: Mappen = None,
    formaat: FormaatOptie = Formaat.TEKST,
    datum: Vandaag = None,
) -> None:
    """Toon waar de gemeente staat: elke stap van de methode met bewijs en de volgende stap.

    Met meer dan één map: één regel per gemeente (voor de lokaal adviseur).
    """
    from livb.report import write_status, write_status_json
    from livb.status import build_status

    today = _parse_day(datum)
    statuses = [build_status(folder, today) for folder in mappen or [Path()]]
    (write_status_json if formaat is Formaat.JSON else write_status)(statuses)
    raise typer.Exit(1 if any(s.state is None for s in statuses) else 0)


class RenderCommand(DutchCommand):
    """``livb render``: its help lists the documents of the registry."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help page, ending with every document livb can make and its step."""
        from livb.documents import DOCUMENTS

        rows = [f"{d.name}: {d.title.lower()} (stap {d.stap})" for d in DOCUMENTS.values()]
        self.epilog = "Documenten: " + "; ".join(rows) + "; alle: alles wat de map toelaat."
        super().format_help(ctx, formatter)


@app.command(cls=RenderCommand)
def render(
    document: Annotated[
        str,
        typer.Argument(
            metavar="DOCUMENT",
            help="Welk document (zie onderaan), of alle.",
            show_default=False,
        ),
    ],
    map_: Annotated[
        Path, typer.Argument(metavar="MAP", help="De gemeentemap; standaard de huidige map.")
    ] = Path(),
    vergadering: Annotated[
        str | None,
        typer.Option("--vergadering", help="verslag, agenda: de id van de vergadering."),
    ] = None,
    gesprek: Annotated[
        str | None, typer.Option("--gesprek", help="gesprek: de id van het gesprek.")
    ] = None,
    partner: Annotated[
        str | None,
        typer.Option("--partner", help="gegevensaanvraag: de partner die gegevens levert."),
    ] = None,
    besluit: Annotated[
        str | None,
        typer.Option("--besluit", help="besluit: welk besluit, bv. college-plan."),
    ] = None,
    alle: Annotated[
        bool, typer.Option("--alle", help="Een document per item: voor elk item.")
    ] = False,
    uit: Annotated[
        Path | None, typer.Option("--uit", help="De map voor de documenten (standaard MAP/output).")
    ] = None,
    definitief: Annotated[
        bool,
        typer.Option(
            "--definitief", help="Weiger als er iets ontbreekt of livb check fouten vindt."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overschrijf ook documenten die met de hand gewijzigd werden."
        ),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Maak ook een PDF (vraagt LibreOffice).")
    ] = False,
    datum: Vandaag = None,
) -> None:
    """Maak de documenten van het proces als Word-bestanden (en PDF).

    Ontbrekende gegevens verschijnen gemarkeerd als [in te vullen: ...] met een opmerking in Word
    die zegt waar ze horen; met --definitief weigert livb zolang er iets ontbreekt.
    """
    from livb.documents import DOCUMENTS
    from livb.documents.render import RenderRequest, render_documents
    from livb.report import render_progress, write_render_summary

    if document != "alle" and document not in DOCUMENTS:
        raise UsageError(
            f"onbekend document '{document}'", f"kies uit: {', '.join(DOCUMENTS)} of alle"
        )
    per = DOCUMENTS[document].per if document in DOCUMENTS else None
    given = {
        name: value
        for name, value in (
            ("vergadering", vergadering),
            ("gesprek", gesprek),
            ("partner", partner),
            ("besluit", besluit),
        )
        if value is not None
    }
    if any(name != per for name in given):
        wrong = next(name for name in given if name != per)
        raise UsageError(
            f"--{wrong} past niet bij '{document}'",
            f"gebruik --{per}" if per else f"'{document}' is één document, zonder --{wrong}",
        )
    if per is not None and per not in given and not alle:
        raise UsageError(
            f"zeg van welke {per}", f"livb render {document} MAP --{per} ID, of --alle"
        )
    if pdf:
        from livb.word.pdf import INSTALL_HINT, find_soffice

        if find_soffice() is None:
            raise UsageError("LibreOffice is niet geïnstalleerd", INSTALL_HINT)
    request = RenderRequest(
        map_,
        [document],
        given.get(per) if per else None,
        uit,
        definitief,
        force,
        pdf,
        _parse_day(datum) or dt.date.today(),
    )
    with render_progress() as progress:
        results = render_documents(request, progress)
    write_render_summary(results)


class Soort(StrEnum):
    """What ``livb new`` can start."""

    VERGADERING = "vergadering"
    GESPREK = "gesprek"
    ACTOR = "actor"
    PRIORITEIT = "prioriteit"
    DOELSTELLING = "doelstelling"


@app.command(cls=DutchCommand)
def new(
    soort: Annotated[
        Soort,
        typer.Argument(
            metavar="SOORT", help="vergadering, gesprek, actor, prioriteit of doelstelling."
        ),
    ],
    map_: Annotated[
        Path, typer.Option("--map", "-m", help="De gemeentemap; standaard de huidige map.")
    ] = Path(),
    orgaan: Annotated[
        str, typer.Option("--orgaan", help="vergadering: kerngroep, ... of een projectgroep.")
    ] = "kerngroep",
    stap: Annotated[
        list[str] | None, typer.Option("--stap", help="De stap(pen) van de methode, bv. 2.5.")
    ] = None,
    met: Annotated[
        list[str] | None, typer.Option("--met", help="gesprek: met wie (actor-id).")
    ] = None,
    datum: Annotated[str | None, typer.Option("--datum", help="De datum (JJJJ-MM-DD).")] = None,
    id_: Annotated[
        str | None, typer.Option("--id", help="actor, prioriteit: de nieuwe id.")
    ] = None,
    naam: Annotated[str | None, typer.Option("--naam", help="actor: de naam.")] = None,
    rol: Annotated[str | None, typer.Option("--rol", help="actor: de rol, bv. schepen.")] = None,
    functie: Annotated[str | None, typer.Option("--functie", help="actor: de functie.")] = None,
    organisatie: Annotated[
        str | None, typer.Option("--organisatie", help="actor: de organisatie.")
    ] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", help="actor: de sector, bv. welzijn.")
    ] = None,
    titel: Annotated[str | None, typer.Option("--titel", help="prioriteit: de titel.")] = None,
    prioriteit: Annotated[
        str | None, typer.Option("--prioriteit", help="doelstelling: voor welke prioriteit.")
    ] = None,
) -> None:
    """Begin het volgende stuk van het proces vanuit een goed sjabloon.

    Een vergadering of gesprek wordt een nieuw bestand; een actor, prioriteit of doelstelling
    wordt toegevoegd aan het bestaande bestand, zonder iets anders te wijzigen.
    """
    from livb import new as starters

    today = dt.date.today()
    day = _parse_day(datum)
    if soort is Soort.VERGADERING:
        result = starters.new_vergadering(map_, orgaan, day, stap or [], today)
    elif soort is Soort.GESPREK:
        if not met:
            raise UsageError("zeg met wie het gesprek is: --met ID")
        result = starters.new_gesprek(map_, met, (stap or ["2.2"])[0], day, today)
    elif soort is Soort.ACTOR:
        if not id_:
            raise UsageError("geef de id van de nieuwe actor: --id ID")
        fields = {
            "id": id_,
            "naam": naam,
            "rol": rol,
            "functie": functie,
            "organisatie": organisatie,
            "sector": sector,
        }
        result = starters.new_actor(map_, fields)
    elif soort is Soort.PRIORITEIT:
        if not id_ or not titel:
            raise UsageError("geef een id en een titel: --id ID --titel TITEL")
        result = starters.new_prioriteit(map_, id_, titel)
    else:
        if not prioriteit:
            raise UsageError("zeg voor welke prioriteit: --prioriteit ID")
        result = starters.new_doelstelling(map_, prioriteit, today)
    verb = "Nieuw bestand" if result.created else "Aangevuld"
    typer.echo(f"{verb}: {result.path} ({result.summary})")
    typer.echo(f"Controleer daarna met 'livb check {map_}'.")


@app.command(cls=DutchCommand)
def init(
    map_: Annotated[Path, typer.Argument(metavar="MAP", help="De nieuwe map die livb aanmaakt.")],
    gemeente: Annotated[
        str | None, typer.Option("--gemeente", "-g", help="Naam van de gemeente, bv. Halle.")
    ] = None,
    nis: Annotated[
        str | None, typer.Option("--nis", help="NIS-code, als de naam niet volstaat.")
    ] = None,
    beleid: Annotated[
        str | None,
        typer.Option("--beleid", help="Eigen naam van het beleid, bv. levenskwaliteit."),
    ] = None,
    coordinator: Annotated[
        str | None, typer.Option("--coordinator", help="Naam van de coördinator.")
    ] = None,
    git: Annotated[
        bool, typer.Option("--git/--no-git", help="Zet de map onder git met een eerste commit.")
    ] = True,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Stel geen vragen (voor scripts).")
    ] = False,
    huisstijl: Annotated[
        bool,
        typer.Option("--huisstijl", help="Kopieer de huisstijl (huisstijl.docx) om aan te passen."),
    ] = False,
) -> None:
    """Maak een nieuwe gemeentemap met alle bestanden, voorzien van uitleg in het Nederlands."""
    from livb.scaffold import InitRequest, create_folder, resolve_gemeente

    ask = not no_input and sys.stdin.isatty()
    if gemeente is None:
        if not ask:
            raise UsageError("geef de gemeente op met --gemeente NAAM")
        gemeente = typer.prompt("Naam van de gemeente")
    if ask and nis is None:
        found = resolve_gemeente(gemeente, None)
        if found.gemeente is None and found.suggestions:
            first = found.suggestions[0]
            typer.echo(found.message)
            if ask_yes(f"Bedoel je {first.naam_nl} (NIS {first.nis})?"):
                gemeente, nis = first.naam_nl, first.nis
        if beleid is None:
            beleid = typer.prompt("Eigen naam van het beleid", default="integrale veiligheid")
        if coordinator is None:
            coordinator = typer.prompt(
                "Naam van de coördinator (leeg als nog onbekend)", default=""
            )
    request = InitRequest(map_, gemeente, nis, beleid, coordinator or None, git, huisstijl)
    result = create_folder(request)
    for warning in result.warnings:
        typer.echo(f"waarschuwing: {warning}", err=True)
    code = f" (NIS {result.nis})" if result.nis else ""
    typer.echo(f"Gemeentemap voor {result.naam}{code} aangemaakt in {result.target}:")
    typer.echo(
        f"  {len(result.written)} bestanden" + (", eerste git-commit" if result.committed else "")
    )
    typer.echo(
        f"Volgende stap: vul actoren.yaml in en controleer met 'livb check {result.target}'."
    )


@app.command(cls=DutchCommand)
def schema(
    soort: Annotated[
        str | None,
        typer.Argument(metavar="SOORT", help="Het soort bestand, bv. actoren of vergadering."),
    ] = None,
    map_: Annotated[
        Path | None,
        typer.Option("--map", help="Schrijf alle schema's in MAP/.livb/schema (voor de editor)."),
    ] = None,
) -> None:
    """Toon het JSON Schema van een soort bestand, of schrijf ze allemaal in een gemeentemap."""
    from livb.model import FILE_KINDS
    from livb.schema import kind_named, schema_text, write_schemas

    if map_ is not None:
        if not map_.is_dir():
            raise UsageError(f"'{map_}' is geen map")
        written = write_schemas(map_)
        typer.echo(f"{len(written)} schema's geschreven in {map_ / '.livb' / 'schema'}")
        return
    if soort is None:
        for kind in FILE_KINDS:
            typer.echo(f"{kind.name:<15} {kind.pattern:<28} {kind.summary}")
        return
    found = kind_named(soort)
    if found is None:
        names = ", ".join(kind.name for kind in FILE_KINDS)
        raise UsageError(f"onbekende soort '{soort}'", f"kies uit: {names}")
    typer.echo(schema_text(found), nl=False)


def _fail(category: str, message: str, hint: str | None, code: int) -> SystemExit:
    typer.echo(f"{category}: {message}", err=True)
    if hint:
        typer.echo(f"    hulp: {hint}", err=True)
    return SystemExit(code)


def main() -> None:
    """Run the CLI; user errors become a Dutch message and an exit code, never a traceback."""
    try:
        result = app(standalone_mode=False)
    except LivbError as error:
        raise _fail(error.category, error.message, error.hint, error.exit_code) from None
    except USAGE_ERRORS as error:
        commands = sorted(
            c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands
        )
        message, hint = describe_usage_error(error, commands)
        raise _fail("gebruik", message, hint, 2) from None
    except ABORT:
        raise _fail("gestopt", "afgebroken", None, 1) from None
    except KeyboardInterrupt:
        raise _fail("gestopt", "onderbroken", None, 130) from None
    raise SystemExit(result if isinstance(result, int) else 0)
