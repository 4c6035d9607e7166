"""``livb init``: a new gemeente folder, every file commented in Dutch, under git."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from livb.core.errors import InitError, UsageError
from livb.core.resources import templates_dir
from livb.folder import gemeenten
from livb.folder.schema import vscode_settings, write_schemas
from livb.history.versions import hardened_environment
from livb.starters.skeleton import render


@dataclass
class InitRequest:
    """What the user asked for.

    Attributes:
        target: the folder to create.
        gemeente: the municipality's name as typed.
        nis: a NIS code that overrides the lookup by name.
        beleid: the policy's own name (e.g. 'levenskwaliteit').
        coordinator: the coordinator's name, when known.
        git: put the folder under git with a first commit.
        huisstijl: copy livb's house-style reference document into the folder to restyle.
    """

    target: Path
    gemeente: str
    nis: str | None = None
    beleid: str | None = None
    coordinator: str | None = None
    git: bool = True
    huisstijl: bool = False


@dataclass
class InitResult:
    """What ``init`` did."""

    target: Path
    naam: str
    nis: str | None
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    committed: bool = False


def resolve_gemeente(name: str, nis: str | None) -> gemeenten.Lookup:
    """Look the municipality up by name, and by NIS code when one is given.

    Raises:
        UsageError: the name is empty, the NIS code does not exist, or it belongs to another
            municipality than the name.
    """
    name = name.strip()
    if not name:
        raise UsageError("de naam van de gemeente is leeg", "geef de naam op, bv. --gemeente Halle")
    named = gemeenten.lookup(name)
    if nis is None or not nis.strip():
        return named
    found = gemeenten.by_nis(nis.strip())
    if found is None:
        raise UsageError(
            f"de NIS-code {nis} bestaat niet",
            "een NIS-code heeft vijf cijfers (Statbel); laat --nis weg om de code op naam op te "
            "zoeken",
        )
    meant = named.meant
    if meant is not None and meant != found:
        raise UsageError(
            f"NIS {found.nis} is {found.eigen_naam}, niet {name}",
            f"{meant.eigen_naam} heeft NIS {meant.nis}; laat --nis weg of verbeter de naam of "
            "de code",
        )
    message = None if meant else f"'{name}' staat niet in de lijst van Statbel"
    return gemeenten.Lookup(found, message)


def create_folder(request: InitRequest) -> InitResult:
    """Create a new gemeente folder.

    Args:
        request: the folder, the municipality and the options.

    Returns:
        What was written, with warnings (an unknown municipality, no git).

    Raises:
        UsageError: the municipality's name or NIS code is wrong (see resolve_gemeente).
        InitError: the folder exists and is not empty, or cannot be created.
    """
    target = request.target
    found = resolve_gemeente(request.gemeente, request.nis)
    _refuse_non_empty(target)
    result = InitResult(target, request.gemeente.strip(), None)
    if found.gemeente is not None:
        result.naam, result.nis = found.gemeente.eigen_naam, found.gemeente.nis
        if found.message:
            result.warnings.append(f"{found.message}; livb neemt de naam van NIS {result.nis}")
        result.notes.extend(_language_note(found.gemeente))
    else:
        result.warnings.append(_unknown_warning(found))

    beleid = request.beleid or "integrale veiligheid"
    context: dict[str, object] = {
        "gemeente": found.gemeente,
        "stad": found.gemeente is not None and gemeenten.is_city(found.gemeente.nis),
        "naam": result.naam,
        "beleid": beleid,
        "plannaam": plan_name(beleid),
        "coordinator": request.coordinator,
    }
    try:
        target.mkdir(parents=True, exist_ok=True)
        result.written.extend(_render_templates(target, context))
        result.written.extend(write_schemas(target))
        result.written.extend(_write_editor_settings(target))
        if request.huisstijl:
            reference = target / "huisstijl.docx"
            shutil.copyfile(templates_dir() / "nl" / "huisstijl.docx", reference)
            result.written.append(reference)
    except OSError as error:
        raise InitError(f"kan niet schrijven in '{target}': {error.strerror}") from None
    if request.git:
        result.committed = _git_commit(target, result)
    return result


def create_zone_folder(target: Path, naam: str, names: list[str], git: bool) -> InitResult:
    """Create a police zone's shared folder: zone.yaml with its municipalities and the ZVP.

    Raises:
        UsageError: the zone's name is empty, or a municipality is not known (with its NIS).
        InitError: the folder exists and is not empty, or cannot be created.
    """
    naam = naam.strip()
    if not naam:
        raise UsageError("de naam van de politiezone is leeg", "bv. --zone 'PZ Zennevallei'")
    members = []
    for name in names:
        found = resolve_gemeente(name, None)
        if found.gemeente is None:
            raise UsageError(
                found.message or f"onbekende gemeente '{name}'",
                "geef de gemeenten met hun naam zoals Statbel ze schrijft",
            )
        members.append(found.gemeente)
    _refuse_non_empty(target)
    result = InitResult(target, naam, None)
    year = dt.date.today().year
    context: dict[str, object] = {
        "naam": naam,
        "mapnaam": target.name,
        "gemeenten": [{"naam": g.eigen_naam, "nis": g.nis} for g in members],
        # a zone of French-speaking communes gets livb's messages in French
        "taal": "fr" if members and all(g.taalgebied == "fr" for g in members) else "nl",
        "van": f"{year}-01-01",
        "tot": f"{year + 5}-12-31",
    }
    try:
        target.mkdir(parents=True, exist_ok=True)
        path = target / "zone.yaml"
        path.write_text(render("zone/zone.yaml.j2", context), encoding="utf-8")
        result.written.append(path)
    except OSError as error:
        raise InitError(f"kan niet schrijven in '{target}': {error.strerror}") from None
    if git:
        result.committed = _git_commit(target, result)
    return result


def plan_name(beleid: str) -> str:
    """The plan's name from the policy's: 'integraal plan levenskwaliteit'.

    The method's own words make one compound: 'integrale veiligheid' gives 'integraal
    veiligheidsplan', never 'integraal plan integrale veiligheid'.
    """
    words = beleid.strip()
    if words.lower().startswith("integrale ") and " " not in words[len("integrale ") :]:
        return f"integraal {words[len('integrale ') :].lower()}splan"
    return f"integraal plan {words}"


def _refuse_non_empty(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise InitError(f"'{target}' bestaat al en is geen map", "kies een nieuwe mapnaam")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(
            f"de map '{target}' is niet leeg; livb init schrijft enkel in een nieuwe of lege map",
            "kies een nieuwe mapnaam, zodat niets van wat er al staat overschreven wordt",
        )


def _language_note(gemeente: gemeenten.Gemeente) -> list[str]:
    area = {"fr": "het Franse", "de": "het Duitse"}.get(gemeente.taalgebied)
    if area is None:
        return []
    return [
        f"{gemeente.eigen_naam} ligt in {area} taalgebied; livb maakt de documenten en "
        "boodschappen voorlopig alleen in het Nederlands (taal: nl in livb.yaml)"
    ]


def _unknown_warning(found: gemeenten.Lookup) -> str:
    message = found.message or "onbekende gemeente"
    if found.suggestions:
        names = ", ".join(f"{g.naam_nl} (NIS {g.nis})" for g in found.suggestions)
        return f"{message}; bedoelde je {names}? Vul de NIS-code later in livb.yaml in."
    return f"{message}. Vul de NIS-code later in livb.yaml in."


def _render_templates(target: Path, context: dict[str, object]) -> list[Path]:
    source = templates_dir() / "init"
    written = []
    for template in sorted(source.rglob("*.j2")):
        relative = template.relative_to(source).as_posix()
        text = render(f"init/{relative}", context)
        path = target / relative.removesuffix(".j2").replace("dot-", ".")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _write_editor_settings(target: Path) -> list[Path]:
    folder = target / ".vscode"
    folder.mkdir(exist_ok=True)
    settings = folder / "settings.json"
    settings.write_text(json.dumps(vscode_settings(), indent=2) + "\n", encoding="utf-8")
    extensions = folder / "extensions.json"
    extensions.write_text(
        json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n", encoding="utf-8"
    )
    return [settings, extensions]


def _git_commit(target: Path, result: InitResult) -> bool:
    git = shutil.which("git")
    if git is None:
        result.warnings.append("git is niet geïnstalleerd: de map staat niet onder versiebeheer")
        return False
    environment = hardened_environment(git, target)
    identity = subprocess.run(
        [git, "config", "user.email"],
        cwd=target,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if not identity.stdout.strip():
        environment.update(
            GIT_AUTHOR_NAME="livb init",
            GIT_AUTHOR_EMAIL="livb@localhost",
            GIT_COMMITTER_NAME="livb init",
            GIT_COMMITTER_EMAIL="livb@localhost",
        )
    steps = (
        [git, "init", "-q"],
        [git, "add", "-A"],
        [git, "commit", "-q", "-m", f"Nieuwe gemeentemap voor {result.naam} (livb init)"],
    )
    for step in steps:
        done = subprocess.run(
            step, cwd=target, capture_output=True, text=True, env=environment, check=False
        )
        if done.returncode != 0:
            result.warnings.append(
                f"git gaf een fout ({' '.join(step[1:3])}): {done.stderr.strip()}; "
                "de bestanden zijn wel geschreven"
            )
            return False
    return True
