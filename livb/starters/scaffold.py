"""``livb init``: a new gemeente folder, every file commented in Dutch, under git."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from livb.core import i18n
from livb.core.errors import InitError, UsageError
from livb.core.i18n import tr
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
        taal: the folder's language (nl, fr); required for Brussels and the German-speaking
            communes, else the municipality's language area chooses.
    """

    target: Path
    gemeente: str
    nis: str | None = None
    beleid: str | None = None
    coordinator: str | None = None
    git: bool = True
    huisstijl: bool = False
    taal: str | None = None


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
    taal: str = "nl"


def resolve_gemeente(name: str, nis: str | None) -> gemeenten.Lookup:
    """Look the municipality up by name, and by NIS code when one is given.

    Raises:
        UsageError: the name is empty, the NIS code does not exist, or it belongs to another
            municipality than the name.
    """
    name = name.strip()
    if not name:
        raise UsageError(
            tr("de naam van de gemeente is leeg"), tr("geef de naam op, bv. --gemeente Halle")
        )
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
    """Create a new gemeente folder, written in its language (see folder_language).

    Args:
        request: the folder, the municipality and the options.

    Returns:
        What was written, with warnings (an unknown municipality, no git).

    Raises:
        UsageError: the municipality's name or NIS code is wrong (see resolve_gemeente), or
            its language must be chosen with --taal.
        InitError: the folder exists and is not empty, or cannot be created.
    """
    found = resolve_gemeente(request.gemeente, request.nis)
    taal = folder_language(found.gemeente, request.taal)
    with i18n.speaking(taal):
        return _create_folder(request, found, taal)


def _create_folder(request: InitRequest, found: gemeenten.Lookup, taal: str) -> InitResult:
    target = request.target
    _refuse_non_empty(target)
    result = InitResult(target, request.gemeente.strip(), None, taal=taal)
    gemeente = found.gemeente
    if gemeente is not None:
        result.naam, result.nis = _own_name(gemeente, taal), gemeente.nis
        if found.message:
            result.warnings.append(
                tr(
                    "{melding}; livb neemt de naam van NIS {nis}",
                    melding=found.message,
                    nis=result.nis,
                )
            )
        result.notes.extend(_language_note(gemeente))
    else:
        result.warnings.append(_unknown_warning(found))

    beleid = request.beleid or tr("integrale veiligheid")
    context: dict[str, object] = {
        "gemeente": gemeente,
        "stad": gemeente is not None and gemeenten.is_city(gemeente.nis),
        "naam": result.naam,
        "provincie": _own_province(gemeente, taal) if gemeente else None,
        "taal": taal,
        "beleid": beleid,
        "plannaam": plan_name(beleid),
        "coordinator": request.coordinator,
    }
    try:
        target.mkdir(parents=True, exist_ok=True)
        result.written.extend(_render_templates(target, context, taal))
        result.written.extend(write_schemas(target))
        result.written.extend(_write_editor_settings(target))
        if request.huisstijl:
            reference = target / "huisstijl.docx"
            shutil.copyfile(templates_dir() / taal / "huisstijl.docx", reference)
            result.written.append(reference)
    except OSError as error:
        raise InitError(
            tr("kan niet schrijven in '{map}': {fout}", map=target, fout=error.strerror)
        ) from None
    if request.git:
        result.committed = _git_commit(target, result)
    return result


def folder_language(gemeente: gemeenten.Gemeente | None, taal: str | None) -> str:
    """The new folder's language: --taal, else the municipality's language area.

    Brussels (bilingual) and the German-speaking communes must choose with --taal; an unknown
    municipality gets the language livb speaks now.

    Raises:
        UsageError: --taal is neither nl nor fr, or it is missing where it must be chosen.
            There is no folder yet, so the message is in both languages.
    """
    if taal is not None and taal not in i18n.LANGUAGES:
        raise UsageError(
            f"--taal {taal}: kies nl of fr / choisissez nl ou fr", "bv. / p. ex. --taal fr"
        )
    area = gemeente.taalgebied if gemeente is not None else None
    if taal is not None:
        return taal
    if gemeente is None:
        return i18n.language()
    if area == "nl/fr":
        raise UsageError(
            f"{gemeente.naam_nl} is tweetalig: kies de taal van de map met --taal nl of --taal fr"
            f" / {gemeente.naam_fr} est bilingue : choisissez la langue du dossier avec"
            " --taal nl ou --taal fr"
        )
    if area == "de":
        raise UsageError(
            f"{gemeente.naam_nl} ligt in het Duitse taalgebied; livb schrijft nog geen Duits: "
            "kies --taal fr of --taal nl (Duitse documenten zijn een latere stap)"
            f" / {gemeente.naam_fr} se situe en région de langue allemande ; livb n'écrit pas "
            "encore l'allemand : choisissez --taal fr ou --taal nl (les documents en allemand "
            "suivront plus tard)"
        )
    return "fr" if area == "fr" else "nl"


def _own_name(gemeente: gemeenten.Gemeente, taal: str) -> str:
    """The commune's name in the folder's language where it is bilingual, else its own name."""
    if gemeente.taalgebied in ("nl/fr", "de"):
        return gemeente.naam_fr if taal == "fr" else gemeente.naam_nl
    return gemeente.eigen_naam


def _own_province(gemeente: gemeenten.Gemeente, taal: str) -> str | None:
    """The province in the folder's language (none for Brussels)."""
    if not gemeente.provincie:
        return None
    if gemeente.taalgebied == "de":
        return (
            gemeenten.PROVINCES_FR.get(gemeente.provincie) if taal == "fr" else gemeente.provincie
        )
    return gemeente.eigen_provincie


def create_zone_folder(target: Path, naam: str, names: list[str], git: bool) -> InitResult:
    """Create a police zone's shared folder: zone.yaml with its municipalities and the ZVP.

    Raises:
        UsageError: the zone's name is empty, or a municipality is not known (with its NIS).
        InitError: the folder exists and is not empty, or cannot be created.
    """
    naam = naam.strip()
    if not naam:
        raise UsageError(
            tr("de naam van de politiezone is leeg"), tr("bv. --zone 'PZ Zennevallei'")
        )
    members = []
    for name in names:
        found = resolve_gemeente(name, None)
        if found.gemeente is None:
            raise UsageError(
                found.message or tr("onbekende gemeente '{naam}'", naam=name),
                tr("geef de gemeenten met hun naam zoals Statbel ze schrijft"),
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
        raise InitError(
            tr("kan niet schrijven in '{map}': {reden}", map=target, reden=error.strerror)
        ) from None
    if git:
        result.committed = _git_commit(target, result)
    return result


def plan_name(beleid: str) -> str:
    """The plan's name from the policy's: 'integraal plan levenskwaliteit'.

    The method's own words make one compound: 'integrale veiligheid' gives 'integraal
    veiligheidsplan', never 'integraal plan integrale veiligheid'. In French: 'plan de
    sécurité intégrale'.
    """
    words = beleid.strip()
    if i18n.language() == "fr":
        return f"plan de {words}"  # plan de sécurité intégrale, plan de qualité de vie
    if words.lower().startswith("integrale ") and " " not in words[len("integrale ") :]:
        return f"integraal {words[len('integrale ') :].lower()}splan"
    return f"integraal plan {words}"


def _refuse_non_empty(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise InitError(
            tr("'{map}' bestaat al en is geen map", map=target), tr("kies een nieuwe mapnaam")
        )
    if target.is_dir() and any(target.iterdir()):
        raise InitError(
            tr(
                "de map '{map}' is niet leeg; livb init schrijft enkel in een nieuwe of lege map",
                map=target,
            ),
            tr("kies een nieuwe mapnaam, zodat niets van wat er al staat overschreven wordt"),
        )


def _language_note(gemeente: gemeenten.Gemeente) -> list[str]:
    if gemeente.taalgebied != "de":
        return []
    return [
        tr(
            "{gemeente} ligt in het Duitse taalgebied; livb schrijft de documenten en "
            "boodschappen in het Nederlands of het Frans (taal in livb.yaml): Duitse documenten "
            "zijn een latere stap",
            gemeente=gemeente.naam_nl if i18n.language() == "nl" else gemeente.naam_fr,
        )
    ]


def _unknown_warning(found: gemeenten.Lookup) -> str:
    message = found.message or tr("onbekende gemeente")
    if found.suggestions:
        french = i18n.language() == "fr"
        names = ", ".join(
            f"{g.naam_fr if french else g.naam_nl} (NIS {g.nis})" for g in found.suggestions
        )
        return tr(
            "{melding}; bedoelde je {namen}? Vul de NIS-code later in livb.yaml in.",
            melding=message,
            namen=names,
        )
    return tr("{melding}. Vul de NIS-code later in livb.yaml in.", melding=message)


def _render_templates(target: Path, context: dict[str, object], taal: str) -> list[Path]:
    """Every starter file; a French folder gets init/fr/'s version of each one that has one."""
    source = templates_dir() / "init"
    written = []
    for template in sorted(source.rglob("*.j2")):
        relative = template.relative_to(source).as_posix()
        if relative.split("/", 1)[0] in i18n.LANGUAGES:
            continue  # a translation, rendered in place of the Dutch file
        own = f"{taal}/{relative}"
        name = own if taal != "nl" and (source / own).is_file() else relative
        text = render(f"init/{name}", context)
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
        result.warnings.append(
            tr("git is niet geïnstalleerd: de map staat niet onder versiebeheer")
        )
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
        [
            git,
            "commit",
            "-q",
            "-m",
            tr("Nieuwe gemeentemap voor {naam} (livb init)", naam=result.naam),
        ],
    )
    for step in steps:
        done = subprocess.run(
            step, cwd=target, capture_output=True, text=True, env=environment, check=False
        )
        if done.returncode != 0:
            result.warnings.append(
                tr(
                    "git gaf een fout ({stap}): {fout}; de bestanden zijn wel geschreven",
                    stap=" ".join(step[1:3]),
                    fout=done.stderr.strip(),
                )
            )
            return False
    return True
