"""Loading a gemeente folder: files → YAML → models, every problem with file, line and column."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from livb.core import i18n
from livb.core.diagnostics import Diagnostic, Location, Severity
from livb.core.errors import LivbError, UsageError
from livb.core.i18n import tr
from livb.core.nogc import paused_gc
from livb.core.safepaths import outside_reason
from livb.folder.schema_errors import MISSING_KEY, SchemaProblem, suggest, translate
from livb.folder.tabular import CsvProblem, read_series
from livb.folder.yamlio import (
    MAX_PROBLEMS,
    SourceFile,
    UnreadableFileError,
    YamlSyntaxError,
    describe_os_error,
    forbidden_characters,
    parse_fast,
    read_source,
)
from livb.model import FILE_KINDS, FileKind, Project
from livb.model._base import JAAR_MAX, JAAR_MIN
from livb.model.diagnostiek import CijfersBestand
from livb.model.zone import ZoneBestand

YAML_SYNTAX = "LIVB001"
NOT_A_MAPPING = "LIVB002"
NOT_A_FOLDER = "LIVB003"
UNKNOWN_FILE = "LIVB004"
UNREADABLE = "LIVB007"
CSV_PROBLEM = "LIVB013"
ZONE_MISSING = "LIVB229"
ZONE_OTHER = "LIVB230"
CSV_MISSING = "LIVB014"
PERIOD_NAME = "LIVB015"

IGNORED_FOLDERS = {"output", "templates", ".livb", ".git", ".vscode"}


@dataclass
class LoadResult:
    """What loading a folder gives: the project (if every file is valid) and the problems.

    Attributes:
        root: the folder.
        project: the whole project, or None when a file could not be read or validated.
        diagnostics: the problems found while loading.
        sources: every YAML file read, by its path relative to the folder.
    """

    root: Path
    project: Project | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, SourceFile] = field(default_factory=dict)

    def locate(self, path: str, loc: tuple[Any, ...], *, at_key: bool = False) -> Location:
        """The location of ``loc`` in the file ``path`` (line 0 when the file is not YAML)."""
        source = self.sources.get(path)
        if source is None:
            return Location(path)
        line, column = source.position(loc, at_key=at_key)
        return Location(path, line, column)


def holds_gemeente_files(root: Path) -> bool:
    """Whether ``root`` holds a gemeente folder's files besides livb.yaml (it lost only that)."""
    for kind in FILE_KINDS:
        if kind.name == "livb":
            continue
        if kind.many:
            if any((root / kind.folder).glob("*.yaml")):
                return True
        elif (root / kind.pattern).is_file():
            return True
    return False


def load_clean(root: Path, refusal: str) -> LoadResult:
    """The folder loaded for a command that writes or exports it: one with errors is refused.

    ``refusal`` says why, after "de map … heeft fouten; " (e.g. 'livb new vult ze niet aan').

    Raises:
        LivbError: not a gemeente folder (its own message), or a folder with errors (the
            first one named, with where it is).
    """
    loaded = load_project(root)
    if loaded.project is None:
        errors = sorted(d for d in loaded.diagnostics if d.severity is Severity.FOUT)
        if errors and errors[0].code == NOT_A_FOLDER:
            raise LivbError(errors[0].message, errors[0].hint)
        hint = (
            tr(
                "los eerst de fouten op die 'livb check {map}' toont, te beginnen met "
                "{plaats}: {boodschap}",
                map=root,
                plaats=errors[0].location,
                boodschap=errors[0].message,
            )
            if errors
            else tr("los eerst de fouten op die 'livb check {map}' toont", map=root)
        )
        raise LivbError(
            tr("de map '{map}' heeft fouten; {weigering}", map=root, weigering=refusal), hint
        )
    return loaded


_TAAL = re.compile(rb"^taal:[ \t]*['\"]?([a-z]{2})['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def folder_language(root: Path, name: str = "livb.yaml") -> str | None:
    """The ``taal`` livb.yaml (or a zone's zone.yaml) names, read before the folder is.

    None when the file cannot be read or names no language livb writes; the model's
    validation then says what is wrong with it.
    """
    try:
        with (root / name).open("rb") as stream:
            head = stream.read(1 << 16)
    except OSError:
        return None
    found = _TAAL.search(head)
    language = found.group(1).decode() if found else "nl"
    return language if language in i18n.LANGUAGES else None


def load_project(root: Path, *, zone_base: Path | None = None) -> LoadResult:
    """Read and validate every file of a gemeente folder.

    Args:
        root: the gemeente folder.
        zone_base: where a relative path to the police zone's folder (``politiezone.map``)
            starts; ``root`` by default. A revision's files copied to a temporary folder read
            the zone folder beside the real folder, as it is now.

    Returns:
        The project and every problem found, all at once.

    Raises:
        UsageError: ``root`` is not a folder.
    """
    i18n.set_language(folder_language(root))
    if not root.is_dir():
        raise UsageError(
            tr("'{map}' is geen map", map=root),
            tr("geef de map van de gemeente op, bv. livb check ."),
        )
    result = LoadResult(root, None)
    if not os.path.lexists(root / "livb.yaml"):
        result.diagnostics.append(_not_a_folder(root))
        return result

    models: dict[str, BaseModel] = {}
    with paused_gc():  # many small objects and no cycles: see livb/core/nogc.py
        unreadable = _unreadable_folders(result, root)
        for kind in FILE_KINDS:
            for path in _files_of(root, kind, unreadable):
                model = _load_file(result, root, path, kind)
                if model is not None:
                    models[path] = model
    result.diagnostics.extend(_unknown_files(root))
    result.diagnostics.extend(_period_names(models))
    if any(d.severity is Severity.FOUT for d in result.diagnostics):
        return result
    project = _assemble(models)
    _load_series(result, root, project)
    _load_zone(result, root if zone_base is None else zone_base, project)
    if not any(d.severity is Severity.FOUT for d in result.diagnostics):
        result.project = project
    return result


def _not_a_folder(root: Path) -> Diagnostic:
    """The folder has no livb.yaml: make one, or put back the one it lost."""
    hint = tr("maak een nieuwe map met 'livb init MAP --gemeente NAAM' of geef de juiste map op")
    if holds_gemeente_files(root):
        hint = tr(
            "de andere bestanden van een gemeentemap staan er wel: zet livb.yaml terug "
            "(bv. 'git restore livb.yaml'), of maak er een met 'livb init' in een lege map "
            "en kopieer het hierheen"
        )
    return Diagnostic(
        Location("livb.yaml"),
        NOT_A_FOLDER,
        Severity.FOUT,
        tr("'{map}' is geen gemeentemap: livb.yaml ontbreekt", map=root),
        hint,
    )


def _unreadable_folders(result: LoadResult, root: Path) -> set[str]:
    """Report each folder of the layout that cannot be read, once; its files are skipped."""
    folders = {kind.folder or kind.pattern.rpartition("/")[0] for kind in FILE_KINDS} - {""}
    unreadable: set[str] = set()
    for folder in sorted(folders):
        path = root / folder
        if not os.path.lexists(path):
            continue
        problem = None
        if outside_reason(root, folder):
            problem = tr(
                "{map} is een koppeling (symlink) naar een map buiten de gemeentemap", map=folder
            )
        elif not path.is_dir():
            problem = tr("{map} is een bestand, geen map", map=folder)
        else:
            try:
                os.scandir(path).close()
            except OSError as error:
                problem = tr(
                    "de map {map}/ kan niet gelezen worden ({reden})",
                    map=folder,
                    reden=describe_os_error(error),
                )
        if problem:
            unreadable.add(folder)
            result.diagnostics.append(
                Diagnostic(
                    Location(folder),
                    UNREADABLE,
                    Severity.FOUT,
                    problem,
                    tr("livb verwacht hier een gewone map '{map}' met YAML-bestanden", map=folder),
                )
            )
    return unreadable


def _files_of(root: Path, kind: FileKind, unreadable: set[str]) -> list[str]:
    """The files of a kind: whatever has its name (a folder or a link too, to be reported)."""
    if not kind.many:
        folder = kind.pattern.rpartition("/")[0]
        present = folder not in unreadable and os.path.lexists(root / kind.pattern)
        return [kind.pattern] if present else []
    if kind.folder in unreadable or not (root / kind.folder).is_dir():
        return []
    try:
        names = sorted(entry.name for entry in (root / kind.folder).iterdir())
    except OSError:  # it was readable a moment ago; nothing to add to what is reported
        return []
    return [
        f"{kind.folder}/{name}"
        for name in names
        if name.endswith(".yaml") and not name.startswith(("_", "."))
    ]


def _load_file(result: LoadResult, root: Path, path: str, kind: FileKind) -> BaseModel | None:
    try:
        text = read_source(root, path)
        data = parse_fast(text)
    except UnreadableFileError as error:
        result.diagnostics.append(
            Diagnostic(Location(path), UNREADABLE, Severity.FOUT, error.message, error.hint)
        )
        return None
    except YamlSyntaxError as error:
        for syntax in (error, *error.more):
            result.diagnostics.append(
                Diagnostic(
                    Location(path, syntax.line, syntax.column),
                    YAML_SYNTAX,
                    Severity.FOUT,
                    tr("YAML-fout: {boodschap}", boodschap=syntax.message),
                    syntax.hint,
                )
            )
        return None
    source = SourceFile(path, text, data)
    result.sources[path] = source
    if data is None:
        data = {}
    if not isinstance(data, dict):
        result.diagnostics.append(
            Diagnostic(
                Location(path, 1, 1),
                NOT_A_MAPPING,
                Severity.FOUT,
                tr("het bestand moet uit sleutels met waarden bestaan ('sleutel: waarde')"),
                tr("zie de uitleg bovenaan het bestand of 'livb schema {soort}'", soort=kind.name),
            )
        )
        return None
    try:
        return kind.model.model_validate(data)
    except ValidationError as error:
        for problem in _problems(error, kind.model, _confidential(kind, data)):
            line, column = source.position(problem.loc, at_key=problem.at_key)
            result.diagnostics.append(
                Diagnostic(
                    Location(path, line, column),
                    problem.code,
                    Severity.FOUT,
                    problem.message,
                    problem.hint,
                )
            )
        return None


def _confidential(kind: FileKind, data: dict[Any, Any]) -> bool:
    """Whether the file's values stay out of messages: an interview, unless marked otherwise."""
    return kind.folder == "gesprekken" and data.get("vertrouwelijk") is not False


def _problems(
    error: ValidationError, model: type[BaseModel], confidential: bool = False
) -> list[SchemaProblem]:
    """The problems, without 'missing key' where a misspelt key already explains it."""
    problems = [translate(detail, model, confidential=confidential) for detail in error.errors()]
    misspelt = {
        (problem.loc[:-1], problem.suggestion) for problem in problems if problem.suggestion
    }
    return [
        problem
        for problem in problems
        if not (problem.code == MISSING_KEY and (problem.loc, problem.key) in misspelt)
    ]


def _known_names() -> dict[str, list[str]]:
    known: dict[str, list[str]] = {"": []}
    for kind in FILE_KINDS:
        if kind.many:
            known[""].append(kind.folder)
        else:
            folder, _, name = kind.pattern.rpartition("/")
            known.setdefault(folder, []).append(name)
            if folder:
                known[""].append(folder)
    return known


def _unknown_files(root: Path) -> list[Diagnostic]:
    """Warnings for the files and folders livb does not read, that look like ones it does."""
    found: list[Diagnostic] = []
    for folder, names in _known_names().items():
        found += _unknown_in(root, folder, names)
    for kind in FILE_KINDS:
        many = root / kind.folder
        if kind.many and many.is_dir() and not outside_reason(root, kind.folder):
            found += [
                _yml_file(f"{kind.folder}/{path.name}") for path in sorted(many.glob("*.yml"))
            ]
    return found


def _unknown_in(root: Path, folder: str, names: list[str]) -> list[Diagnostic]:
    """The unknown YAML files (and, at the top, folders) of one folder livb reads."""
    base = root / folder if folder else root
    if not base.is_dir() or outside_reason(root, folder or "."):
        return []
    try:
        entries = sorted(os.scandir(base), key=lambda entry: entry.name)
    except OSError:
        return []  # reported when the folder's own files are read
    found: list[Diagnostic] = []
    for entry in entries:
        if entry.name in names or entry.name.startswith((".", "_")):
            continue
        relative = f"{folder}/{entry.name}" if folder else entry.name
        if entry.name.endswith((".yaml", ".yml")) and not entry.is_dir():
            found.append(_unknown_file(relative, entry.name, names))
        elif not folder and entry.name not in IGNORED_FOLDERS and entry.is_dir():
            found.extend(_unknown_folder(Path(entry.path), entry.name, names))
    return found


def _yml_file(relative: str) -> Diagnostic:
    return Diagnostic(
        Location(relative),
        UNKNOWN_FILE,
        Severity.WAARSCHUWING,
        tr("bestanden met de extensie .yml worden niet gelezen"),
        tr("hernoem het naar {naam}.yaml", naam=relative.rpartition("/")[2].rpartition(".")[0]),
    )


def _unknown_file(relative: str, name: str, names: list[str]) -> Diagnostic:
    stem = name.rpartition(".")[0]
    guess = suggest(name, names) or suggest(stem + ".yaml", names)
    hint = (
        tr("bedoelde je '{gok}'? Hernoem het bestand.", gok=guess)
        if guess
        else tr("livb leest dit bestand niet; hernoem of verplaats het")
    )
    return Diagnostic(
        Location(relative),
        UNKNOWN_FILE,
        Severity.WAARSCHUWING,
        tr("onbekend bestand '{pad}' wordt niet gelezen", pad=relative),
        hint,
    )


def _unknown_folder(path: Path, name: str, names: list[str]) -> list[Diagnostic]:
    """A folder livb does not read: worth a warning when it looks like one it does."""
    guess = suggest(name, [known for known in names if "." not in known])
    if guess is None:
        try:
            if not any(child.suffix in (".yaml", ".yml") for child in path.iterdir()):
                return []
        except OSError:
            return []
    hint = (
        tr("bedoelde je '{gok}'? Hernoem de map.", gok=guess)
        if guess
        else tr("livb leest de YAML-bestanden in deze map niet; verplaats ze naar de juiste map")
    )
    return [
        Diagnostic(
            Location(f"{name}/"),
            UNKNOWN_FILE,
            Severity.WAARSCHUWING,
            tr("onbekende map '{naam}/' wordt niet gelezen", naam=name),
            hint,
        )
    ]


def _stem(path: str) -> str:
    return path.rpartition("/")[2].removesuffix(".yaml")


def monitoring_year(path: str) -> int | None:
    """The year a monitoring file is about (``monitoring/2011.yaml``), or None for another name."""
    stem = _stem(path)
    if not (len(stem) == 4 and stem.isascii() and stem.isdigit()):
        return None
    year = int(stem)
    return year if JAAR_MIN <= year <= JAAR_MAX else None


def _period_names(models: dict[str, BaseModel]) -> list[Diagnostic]:
    """A monitoring file is named after its year: any other name is refused."""
    return [
        Diagnostic(
            Location(path, 1, 1),
            PERIOD_NAME,
            Severity.FOUT,
            tr(
                "'{pad}' heeft geen jaar als naam; livb weet niet over welk jaar het gaat", pad=path
            ),
            tr("noem het bestand naar het jaar dat het opvolgt, bv. monitoring/2011.yaml"),
        )
        for path in models
        if path.startswith("monitoring/") and monitoring_year(path) is None
    ]


def with_file(project: Project, relative: str, model: BaseModel) -> Project:
    """The project with a new content for one file, as ``livb check`` would load it.

    What was read beside the files stays: the series' CSV values and the police zone's
    folder (a copy of the project would otherwise lose the zone's ZVP, and every ``plan: zvp``
    would become an unknown plan).
    """
    after = _assemble({**project.files, relative: model})
    after.series = project.series
    after.zone = project.zone
    return after


def _assemble(models: dict[str, BaseModel]) -> Project:
    singles = {kind.pattern: kind.name for kind in FILE_KINDS if not kind.many}
    fields: dict[str, Any] = {
        "gesprekken": {},
        "vergaderingen": {},
        "doelstellingen": {},
        "monitoring": {},
    }
    names = {"livb": "instellingen"}
    for path, model in models.items():
        if path in singles:
            fields[names.get(singles[path], singles[path])] = model
        elif path.startswith("gesprekken/"):
            fields["gesprekken"][_stem(path)] = model
        elif path.startswith("vergaderingen/"):
            fields["vergaderingen"][_stem(path)] = model
        elif path.startswith("doelstellingen/"):
            fields["doelstellingen"][path] = model
        elif path.startswith("monitoring/") and (year := monitoring_year(path)) is not None:
            fields["monitoring"][year] = model
    return Project(files=models, **fields)


def _load_series(result: LoadResult, root: Path, project: Project) -> None:
    cijfers: CijfersBestand = project.cijfers
    for index, reeks in enumerate(cijfers.reeksen):
        if reeks.waarden is not None:
            project.series[reeks.id] = dict(reeks.waarden)
            continue
        assert reeks.bestand is not None  # guaranteed by the model
        relative = f"diagnostiek/{reeks.bestand}"
        text = _read_csv(result, root, relative, reeks.bestand, ("reeksen", index, "bestand"))
        if text is None:
            continue
        values, problems = read_series(text, reeks.kolom)
        if len(problems) > MAX_PROBLEMS:
            rest = problems[MAX_PROBLEMS]
            problems = [
                *problems[:MAX_PROBLEMS],
                CsvProblem(
                    rest.line,
                    rest.column,
                    tr(
                        "en nog {aantal} fouten in dit bestand", aantal=len(problems) - MAX_PROBLEMS
                    ),
                    rest.hint,
                ),
            ]
        for problem in problems:
            result.diagnostics.append(_csv_problem(relative, problem))
        project.series[reeks.id] = values


_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]+://|[\w.-]+@[\w.-]+:)")
"""An address git clones from (https://…, ssh://…, git@host:…), not a folder on this disk."""


def _load_zone(result: LoadResult, root: Path, project: Project) -> None:
    """The police zone's shared folder, when livb.yaml names it: it must exist and hold us."""
    gemeente = project.instellingen.gemeente
    if gemeente.politiezone is None or not gemeente.politiezone.map:
        return
    folder = gemeente.politiezone.map

    def fail(code: str, message: str, hint: str) -> None:
        where = result.locate("livb.yaml", ("gemeente", "politiezone", "map"))
        result.diagnostics.append(Diagnostic(where, code, Severity.FOUT, message, hint))

    zone = _read_zone(root, folder)
    if isinstance(zone, tuple):
        fail(ZONE_MISSING, *zone)
        return
    codes = {g.nis_code for g in zone.gemeenten}
    if gemeente.nis_code is not None and gemeente.nis_code not in codes:
        names = ", ".join(f"{g.naam} ({g.nis_code})" for g in zone.gemeenten) or tr("geen")
        fail(
            ZONE_OTHER,
            tr(
                "{zone} telt {gemeente} (NIS {nis}) niet bij haar gemeenten: {namen}",
                zone=zone.naam,
                gemeente=gemeente.naam,
                nis=gemeente.nis_code,
                namen=names,
            ),
            tr(
                "controleer de NIS-code in livb.yaml en het pad naar de zonemap, of voeg de "
                "gemeente toe in zone.yaml van de zone"
            ),
        )
        return
    project.zone = zone


def _read_zone(root: Path, folder: str) -> ZoneBestand | tuple[str, str]:
    """The zone.yaml of the police zone's folder, or what is wrong with it and what to do."""
    if _URL.match(folder):
        return (
            tr(
                "livb haalt de map van de politiezone niet op van het internet ('{map}')",
                map=folder,
            ),
            tr(
                "haal de zonemap binnen met 'git clone ADRES' (bv. naast de gemeentemap) en geef "
                "hier het pad ernaartoe, bv. '../pz-zennevallei' of '~/git/pz-zennevallei'"
            ),
        )
    path = (root / Path(folder).expanduser() / "zone.yaml").resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        return (
            tr("de map van de politiezone '{map}' heeft geen leesbaar zone.yaml", map=folder),
            tr(
                "verbeter het pad (vanaf deze map, bv. '../pz-zennevallei'), of maak de map met "
                "livb init --zone NAAM MAP"
            ),
        )
    try:
        return ZoneBestand.model_validate(parse_fast(text) or {})
    except (ValidationError, YamlSyntaxError) as error:
        detail = (
            error.message
            if isinstance(error, YamlSyntaxError)
            else translate(error.errors()[0], ZoneBestand).message
        )
        return (
            tr(
                "zone.yaml van de politiezone ('{map}') is ongeldig: {fout}",
                map=folder,
                fout=detail,
            ),
            tr(
                "verbeter zone.yaml in de zonemap '{map}'; 'livb check' van die map "
                "controleert het opnieuw",
                map=folder,
            ),
        )


def _csv_problem(relative: str, problem: CsvProblem | YamlSyntaxError) -> Diagnostic:
    """A problem in a series' CSV file, at its line and column."""
    return Diagnostic(
        Location(relative, problem.line, problem.column),
        CSV_PROBLEM,
        Severity.FOUT,
        problem.message,
        problem.hint,
    )


def _read_csv(
    result: LoadResult, root: Path, relative: str, bestand: str, loc: tuple[Any, ...]
) -> str | None:
    """The text of a series' CSV file, or None after reporting why it cannot be read.

    ``loc`` is where cijfers.yaml names the file; it is located only for a problem (finding a
    position parses the file a second time).
    """
    refused = _csv_path_problem(bestand)
    if refused is None and not os.path.lexists(root / relative):
        refused = (
            tr("het bestand '{pad}' bestaat niet", pad=relative),
            tr("zet het CSV-bestand in de map diagnostiek/ of verbeter de naam"),
        )
    if refused is not None:
        where = result.locate("diagnostiek/cijfers.yaml", loc)
        result.diagnostics.append(Diagnostic(where, CSV_MISSING, Severity.FOUT, *refused))
        return None
    try:
        text = read_source(root, relative)
    except UnreadableFileError as error:
        where = result.locate("diagnostiek/cijfers.yaml", loc)
        result.diagnostics.append(
            Diagnostic(where, UNREADABLE, Severity.FOUT, error.message, error.hint)
        )
        return None
    except YamlSyntaxError as error:
        problems = [error]
    else:
        problems = forbidden_characters(text)
    for problem in problems[:1]:
        result.diagnostics.append(_csv_problem(relative, problem))
    return None if problems else text


def _csv_path_problem(bestand: str) -> tuple[str, str] | None:
    """Why the ``bestand`` of a series may not be read: it must stay in diagnostiek/."""
    hint = tr(
        "zet het CSV-bestand in de map diagnostiek/ en schrijf enkel de naam, bv. overlast.csv"
    )
    if "\\" in bestand:
        return (
            tr("'{bestand}' bevat een '\\'", bestand=bestand),
            tr("schrijf mappen met '/', bv. cijfers/overlast.csv"),
        )
    if PurePosixPath(bestand).is_absolute() or PureWindowsPath(bestand).drive:
        return (
            tr(
                "'{bestand}' is een absoluut pad; livb leest alleen bestanden in de map",
                bestand=bestand,
            ),
            hint,
        )
    if ".." in PurePosixPath(bestand).parts:
        return (
            tr("'{bestand}' verwijst met '..' naar buiten de map diagnostiek/", bestand=bestand),
            hint,
        )
    return None


def load_zone_file(root: Path) -> tuple[LoadResult, ZoneBestand | None]:
    """A police zone's zone.yaml, with its problems at file, line and column (livb check ZONE).

    The same reading as a gemeente folder's files: YAML mistakes (LIVB001), a file that is not
    'sleutel: waarde' (LIVB002) and every schema problem (LIVB010-012) at its place.
    """
    i18n.set_language(folder_language(root, "zone.yaml"))
    kind = FileKind("zone", "zone.yaml", ZoneBestand, "de gedeelde map van een politiezone")
    result = LoadResult(root, None)
    zone = _load_file(result, root, "zone.yaml", kind)
    return result, zone if isinstance(zone, ZoneBestand) else None
