"""Loading a gemeente folder: files → YAML → models, every problem with file, line and column."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from livb.diagnostics import Diagnostic, Location, Severity
from livb.errors import UsageError
from livb.model import FILE_KINDS, FileKind, Project
from livb.model.diagnostiek import CijfersBestand
from livb.schema_errors import MISSING_KEY, SchemaProblem, suggest, translate
from livb.tabular import read_series
from livb.yamlio import SourceFile, YamlSyntaxError, parse_fast, read_text

YAML_SYNTAX = "LIVB001"
NOT_A_MAPPING = "LIVB002"
NOT_A_FOLDER = "LIVB003"
UNKNOWN_FILE = "LIVB004"
CSV_PROBLEM = "LIVB013"
CSV_MISSING = "LIVB014"

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


def load_project(root: Path) -> LoadResult:
    """Read and validate every file of a gemeente folder.

    Args:
        root: the gemeente folder.

    Returns:
        The project and every problem found, all at once.

    Raises:
        UsageError: ``root`` is not a folder.
    """
    if not root.is_dir():
        raise UsageError(
            f"'{root}' is geen map", "geef de map van de gemeente op, bv. livb check ."
        )
    result = LoadResult(root, None)
    if not (root / "livb.yaml").is_file():
        result.diagnostics.append(
            Diagnostic(
                Location("livb.yaml"),
                NOT_A_FOLDER,
                Severity.FOUT,
                f"'{root}' is geen gemeentemap: livb.yaml ontbreekt",
                "maak een nieuwe map met 'livb init MAP --gemeente NAAM' of geef de juiste map op",
            )
        )
        return result

    models: dict[str, BaseModel] = {}
    # Loading builds many small objects and no cycles; the cyclic GC only slows it (~30 %).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for kind in FILE_KINDS:
            for path in _files_of(root, kind):
                model = _load_file(result, root, path, kind)
                if model is not None:
                    models[path] = model
    finally:
        if gc_was_enabled:
            gc.enable()
    result.diagnostics.extend(_unknown_files(root))
    if any(d.severity is Severity.FOUT for d in result.diagnostics):
        return result
    project = _assemble(models)
    _load_series(result, root, project)
    if not any(d.severity is Severity.FOUT for d in result.diagnostics):
        result.project = project
    return result


def _files_of(root: Path, kind: FileKind) -> list[str]:
    if not kind.many:
        return [kind.pattern] if (root / kind.pattern).is_file() else []
    folder = root / kind.folder
    if not folder.is_dir():
        return []
    return [
        f"{kind.folder}/{path.name}"
        for path in sorted(folder.glob("*.yaml"))
        if path.is_file() and not path.name.startswith(("_", "."))
    ]


def _load_file(result: LoadResult, root: Path, path: str, kind: FileKind) -> BaseModel | None:
    try:
        text = read_text(root / path)
        data = parse_fast(text)
    except YamlSyntaxError as error:
        result.diagnostics.append(
            Diagnostic(
                Location(path, error.line, error.column),
                YAML_SYNTAX,
                Severity.FOUT,
                f"YAML-fout: {error.message}",
                error.hint,
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
                "het bestand moet uit sleutels met waarden bestaan ('sleutel: waarde')",
                f"zie de uitleg bovenaan het bestand of 'livb schema {kind.name}'",
            )
        )
        return None
    try:
        return kind.model.model_validate(data)
    except ValidationError as error:
        for problem in _problems(error, kind.model):
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


def _problems(error: ValidationError, model: type[BaseModel]) -> list[SchemaProblem]:
    """The Dutch problems, without 'missing key' where a misspelt key already explains it."""
    problems = [translate(detail, model) for detail in error.errors()]
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
    known = _known_names()
    found: list[Diagnostic] = []
    for folder, names in known.items():
        base = root / folder if folder else root
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            if path.name in names or path.name.startswith((".", "_")):
                continue
            relative = f"{folder}/{path.name}" if folder else path.name
            if path.is_file() and path.suffix in (".yaml", ".yml"):
                guess = suggest(path.name, names) or suggest(path.stem + ".yaml", names)
                hint = (
                    f"bedoelde je '{guess}'? Hernoem het bestand."
                    if guess
                    else ("livb leest dit bestand niet; hernoem of verplaats het")
                )
                found.append(
                    Diagnostic(
                        Location(relative),
                        UNKNOWN_FILE,
                        Severity.WAARSCHUWING,
                        f"onbekend bestand '{relative}' wordt niet gelezen",
                        hint,
                    )
                )
    for kind in FILE_KINDS:
        if kind.many and (root / kind.folder).is_dir():
            for path in sorted((root / kind.folder).glob("*.yml")):
                found.append(
                    Diagnostic(
                        Location(f"{kind.folder}/{path.name}"),
                        UNKNOWN_FILE,
                        Severity.WAARSCHUWING,
                        "bestanden met de extensie .yml worden niet gelezen",
                        f"hernoem het naar {path.stem}.yaml",
                    )
                )
    return found


def _stem(path: str) -> str:
    return path.rpartition("/")[2].removesuffix(".yaml")


def _assemble(models: dict[str, BaseModel]) -> Project:
    singles = {kind.pattern: kind.name for kind in FILE_KINDS if not kind.many}
    fields: dict[str, Any] = {"gesprekken": {}, "vergaderingen": {}, "doelstellingen": {}}
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
    return Project(files=models, **fields)


def _load_series(result: LoadResult, root: Path, project: Project) -> None:
    cijfers: CijfersBestand = project.cijfers
    for index, reeks in enumerate(cijfers.reeksen):
        if reeks.waarden is not None:
            project.series[reeks.id] = dict(reeks.waarden)
            continue
        assert reeks.bestand is not None  # guaranteed by the model
        relative = f"diagnostiek/{reeks.bestand}"
        path = root / relative
        if not path.is_file():
            result.diagnostics.append(
                Diagnostic(
                    result.locate("diagnostiek/cijfers.yaml", ("reeksen", index, "bestand")),
                    CSV_MISSING,
                    Severity.FOUT,
                    f"het bestand '{relative}' bestaat niet",
                    "zet het CSV-bestand in de map diagnostiek/ of verbeter de naam",
                )
            )
            continue
        try:
            text = read_text(path)
        except YamlSyntaxError as error:
            result.diagnostics.append(
                Diagnostic(
                    Location(relative, error.line, error.column),
                    CSV_PROBLEM,
                    Severity.FOUT,
                    error.message,
                    error.hint,
                )
            )
            continue
        values, problems = read_series(text, reeks.kolom)
        for problem in problems:
            result.diagnostics.append(
                Diagnostic(
                    Location(relative, problem.line, problem.column),
                    CSV_PROBLEM,
                    Severity.FOUT,
                    problem.message,
                    "de eerste regel noemt de kolommen (jaar;waarde), daarna één jaar per regel",
                )
            )
        project.series[reeks.id] = values
