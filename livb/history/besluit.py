"""``livb besluit``: record an approval or signature in besluiten.yaml, commit it and tag it.

The decision is validated against the schema, appended as text (every other byte of the file
stays as it was) and, when the folder is in a git repository, committed on its own: the commit
holds besluiten.yaml and nothing else, whatever else the user has staged or changed. A tag
(``plan-goedgekeurd-gemeenteraad-2010-03-23``) marks the approved version, so that
``livb diff TAG`` later shows what changed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from livb.core.errors import LivbError, UsageError
from livb.core.i18n import tr
from livb.core.transaction import FileChangedError, current_bytes, folder_lock, write_atomic
from livb.folder.schema_errors import translate
from livb.folder.yamledit import append_to_list
from livb.folder.yamlio import YamlSyntaxError, parse_fast, read_text
from livb.history.diff import decision_sentence
from livb.history.versions import Repository, find_repository
from livb.model.besluiten import Besluit, BesluitenBestand

FILE = "besluiten.yaml"
HEADER = "# yaml-language-server: $schema=.livb/schema/besluiten.json\n"


@dataclass
class BesluitRequest:
    """What to record.

    Attributes:
        root: the gemeente folder.
        door: who decided or signed (college, gemeenteraad, ...).
        onderwerp: what was decided on (plan, protocolakkoord, ...).
        datum: the day of the decision.
        uitkomst: goedgekeurd, ondertekend, ...
        referentie: the number of the decision, e.g. 'GR 2010/071'.
        toelichting: a note.
        id: the id; derived from door, datum and onderwerp when None.
        git: commit and tag when the folder is in a git repository.
    """

    root: Path
    door: str
    onderwerp: str
    datum: dt.date
    uitkomst: str = "goedgekeurd"
    referentie: str | None = None
    toelichting: str | None = None
    id: str | None = None
    git: bool = True


@dataclass
class BesluitResult:
    """What ``livb besluit`` did.

    Attributes:
        path: besluiten.yaml.
        besluit: the decision as recorded.
        description: the decision in a Dutch sentence (also the commit message).
        commit: the short hash of the commit, or None when none was made.
        tag: the tag made, or None.
        notes: why no commit was made, or what to keep in mind about it.
        failed: git refused the commit or the tag after the decision was written.
    """

    path: Path
    besluit: Besluit
    description: str
    commit: str | None = None
    tag: str | None = None
    notes: list[str] = field(default_factory=list)
    failed: bool = False


def tag_name(besluit: Besluit) -> str:
    """The tag of a decision: onderwerp-uitkomst-door-datum."""
    parts = (besluit.onderwerp.value, besluit.uitkomst.value, besluit.door.value)
    return "-".join((*parts, besluit.datum.isoformat())).replace("_", "-")


def describe(besluit: Besluit) -> str:
    """A decision in a sentence, with its reference: '… op 23 maart 2010 (GR 2010/071)'."""
    return decision_sentence(besluit) + (f" ({besluit.referentie})" if besluit.referentie else "")


def record_besluit(request: BesluitRequest) -> BesluitResult:
    """Validate the decision, append it to besluiten.yaml, commit and tag it.

    Raises:
        LivbError: the folder is not a gemeente folder, besluiten.yaml has errors, a value is
            invalid, the id or the tag exists already, or besluiten.yaml has changes that are
            not committed yet. Nothing is written then.
    """
    root = request.root
    if not (root / "livb.yaml").is_file():
        raise LivbError(
            tr("'{map}' is geen gemeentemap: livb.yaml ontbreekt", map=root),
            tr("geef de juiste map op met --map, of maak er een met 'livb init'"),
        )
    with folder_lock(root, "livb besluit"):
        return _record(request, root / FILE)


def _record(request: BesluitRequest, path: Path) -> BesluitResult:
    """Append, commit and tag under the folder's lock; the file must still hold what was read."""
    root = request.root
    expected = current_bytes(path)
    text = _read(path)
    existing = {b.id for b in _parse(text).besluiten}
    besluit = _validate(request, existing)
    result = BesluitResult(path, besluit, describe(besluit))
    repository = _repository(request, result)
    tag = tag_name(besluit)
    if repository is not None:
        _preflight(repository, tag, result)
    item: dict[str, Any] = {
        "id": besluit.id,
        "datum": besluit.datum,
        "door": besluit.door.value,
        "onderwerp": besluit.onderwerp.value,
        "uitkomst": besluit.uitkomst.value,
        "referentie": besluit.referentie,
        "toelichting": besluit.toelichting,
    }
    try:
        updated = append_to_list(text or HEADER, "besluiten", {k: v for k, v in item.items() if v})
    except ValueError as error:
        raise LivbError(f"{FILE}: {error}", tr("voeg het besluit met de hand toe")) from None
    try:
        write_atomic(path, updated, inside=root, expected=expected)
    except FileChangedError:
        raise LivbError(
            tr(
                "'{bestand}' werd gewijzigd terwijl livb besluit het aanvulde (in een editor of "
                "door iemand anders); livb besluit heeft niets geschreven",
                bestand=FILE,
            ),
            tr("sla het bestand op (of sluit het) en voer het commando opnieuw uit"),
        ) from None
    except OSError as error:
        raise LivbError(
            tr("kan '{pad}' niet schrijven: {reden}", pad=path, reden=error.strerror or error),
            tr("controleer of het bestand niet geopend of beveiligd is; er is niets gewijzigd"),
        ) from None
    if repository is not None:
        _commit_and_tag(repository, tag, text is None, result)
    return result


def _read(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        return read_text(path)
    except YamlSyntaxError as error:
        raise LivbError(
            f"{FILE}:{error.line}:{error.column}: {error.message}", error.hint
        ) from None


def _parse(text: str | None) -> BesluitenBestand:
    broken = LivbError(
        tr("{bestand} heeft fouten; livb besluit vult het niet aan", bestand=FILE),
        tr("los eerst de fouten op die 'livb check' toont"),
    )
    try:
        data = parse_fast(text or "")
    except YamlSyntaxError:
        raise broken from None
    if data is None:
        return BesluitenBestand()
    if not isinstance(data, dict):
        raise broken
    try:
        return BesluitenBestand.model_validate(data)
    except ValidationError:
        raise broken from None


def _validate(request: BesluitRequest, existing: set[str]) -> Besluit:
    id_ = request.id
    if id_ is None:
        base = f"{request.door}-{request.datum.isoformat()}-{request.onderwerp}".replace("_", "-")
        id_, number = base, 2
        while id_ in existing:
            id_, number = f"{base}-{number}", number + 1
    elif id_ in existing:
        raise LivbError(
            tr("het besluit '{id}' bestaat al in {bestand}", id=id_, bestand=FILE),
            tr("kies een andere --id"),
        )
    data = {
        "id": id_,
        "datum": request.datum,
        "door": request.door,
        "onderwerp": request.onderwerp,
        "uitkomst": request.uitkomst,
        "referentie": request.referentie or None,
        "toelichting": request.toelichting or None,
    }
    try:
        return Besluit.model_validate(data)
    except ValidationError as error:
        details = error.errors()
        if request.id is None:  # a derived id is only wrong because of a wrong --door etc.
            details.sort(key=lambda detail: detail["loc"][:1] == ("id",))
        problem = translate(details[0], Besluit, as_option=True)
        option = "--" + next((str(p) for p in problem.loc if isinstance(p, str)), "")
        message = problem.message if option in problem.message else f"{option}: {problem.message}"
        raise UsageError(message, problem.hint) from None


def _repository(request: BesluitRequest, result: BesluitResult) -> Repository | None:
    if not request.git:
        return None
    try:
        return find_repository(request.root)
    except LivbError as error:
        result.notes.append(
            tr("{fout}: het besluit is genoteerd zonder git-commit", fout=error.message)
        )
        return None


def _preflight(repository: Repository, tag: str, result: BesluitResult) -> None:
    """Refuse before writing anything when the commit or the tag cannot be made cleanly."""
    exists = repository.run("rev-parse", "--verify", "--quiet", f"refs/tags/{tag}", check=False)
    if exists.returncode == 0:
        raise LivbError(
            tr("de tag '{tag}' bestaat al; er is niets gewijzigd", tag=tag),
            tr(
                "is dit besluit al genoteerd? Zie 'git show {tag}'. Anders: verwijder de oude "
                "tag (git tag -d {tag}) of gebruik --no-git",
                tag=tag,
            ),
        )
    if repository.run("var", "GIT_COMMITTER_IDENT", check=False).returncode != 0:
        raise LivbError(
            tr("git weet niet wie de commit maakt; er is niets gewijzigd"),
            tr(
                "stel het eenmalig in: git config --global user.name 'Voornaam Naam' en "
                "git config --global user.email naam@gemeente.be (of gebruik --no-git)"
            ),
        )
    status = repository.run(
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--ignore-submodules=all",
        "--",
        ".",
    )
    own = f"{repository.prefix}/{FILE}" if repository.prefix else FILE
    changed = _changed_paths(status.stdout.decode("utf-8", "surrogateescape"))
    if own in changed:
        raise LivbError(
            tr(
                "{bestand} heeft wijzigingen die nog niet in git vastgelegd zijn; er is niets "
                "gewijzigd",
                bestand=FILE,
            ),
            tr("leg ze eerst vast (git commit {bestand}) of gebruik --no-git", bestand=FILE),
        )
    if changed:
        result.notes.append(
            tr(
                "de map heeft nog {aantal} gewijzigde bestand(en) die niet in de commit zitten; "
                "de tag wijst naar de laatst vastgelegde versie plus dit besluit",
                aantal=len(changed),
            )
        )


def _changed_paths(porcelain: str) -> list[str]:
    """The paths of ``git status --porcelain=v1 -z`` (a rename's old path is skipped)."""
    entries = porcelain.split("\0")
    paths: list[str] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        paths.append(entry[3:])
        if "R" in entry[:2] or "C" in entry[:2]:
            index += 1  # the path it was renamed or copied from
    return paths


def _commit_and_tag(
    repository: Repository, tag: str, new_file: bool, result: BesluitResult
) -> None:
    message = tr("Besluit: {wat}", wat=result.description)
    steps: list[tuple[str, ...]] = []
    if new_file:
        steps.append(("add", "--", FILE))
    steps.append(("commit", "-q", "--only", "-m", message, "--", FILE))
    for step in steps:
        done = repository.run(*step, check=False)
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            result.notes.append(
                tr(
                    "git maakte geen commit ({fout}); het besluit staat wel in {bestand}: leg "
                    "het zelf vast met 'git commit {bestand}'",
                    fout=detail[-1] if detail else tr("onbekende fout"),
                    bestand=FILE,
                )
            )
            result.failed = True
            return
    head = repository.run("rev-parse", "--short", "HEAD")
    result.commit = head.stdout.decode().strip()
    done = repository.run("tag", "-a", tag, "-m", message, check=False)
    if done.returncode != 0:
        reason = done.stderr.decode().strip()
        result.notes.append(tr("git maakte de tag '{tag}' niet: {reden}", tag=tag, reden=reason))
        result.failed = True
        return
    result.tag = tag
