"""Versions of the gemeente folder in git: a revision's files, read without checking out.

The folder may be anywhere inside a repository. A revision's files are read with ``git
ls-tree`` and ``git cat-file --batch`` and written to a temporary folder, which
:func:`livb.folder.project.load_project` then loads like any other folder: the working tree and the
index are never touched. Symbolic links are followed only to a file of the same folder at the
same revision; submodules are never entered.

Later commands build on this: ``livb render DOC --versie REV`` renders from
:func:`open_revision` (the temporary folder holds the revision's templates and huisstijl too),
``livb render plan --wijzigingen-sinds REV`` lists :func:`diff_versions`' changes.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from livb.core.errors import LivbError, UsageError
from livb.core.i18n import N_, tr
from livb.folder.project import LoadResult, load_project
from livb.history.diff import Change, compare

GIT_MISSING_HINT = N_("installeer git (https://git-scm.com/downloads) en probeer opnieuw")
REVISIONS_HINT = N_("zie de versies met 'git log --oneline' en de tags met 'git tag'")

_SYMLINK = "120000"
_SUBMODULE = "160000"
_SKIPPED_FOLDERS = ("output",)
"""Rendered documents: never needed to load or render a revision."""


@dataclass(frozen=True)
class Repository:
    """The git repository that holds a gemeente folder.

    Attributes:
        git: the git executable.
        folder: the gemeente folder, as the user named it.
        top: the repository's top level.
        prefix: the folder relative to the top level, in POSIX form ('' at the top).
        environment: the environment git runs with, nothing from a configuration executed.
    """

    git: str
    folder: Path
    top: Path
    prefix: str
    environment: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    """What git runs with: see :func:`hardened_environment`."""

    def run(
        self, *args: str, stdin: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        """Run git in the gemeente folder.

        Raises:
            LivbError: git failed and ``check`` is set.
        """
        done = _run_git(self.git, self.folder, args, stdin, self.environment)
        if check and done.returncode != 0:
            raise LivbError(
                tr(
                    "git gaf een fout ({commando}): {fout}",
                    commando=" ".join(args[:2]),
                    fout=_message(done.stderr),
                ),
                tr("los het probleem in de git-repository op en probeer opnieuw"),
            )
        return done


@dataclass(frozen=True, order=True)
class Revision:
    """A revision as the user named it, and the commit it stands for.

    Attributes:
        spec: what the user wrote: a tag, a branch, a commit hash, ``HEAD~2``, ...
        commit: the full hash of the commit.
        datum: the day the commit was made (set by :func:`open_revision`).
        tag: the tag the user named, when ``spec`` names one (set by :func:`open_revision`).
    """

    spec: str
    commit: str
    datum: dt.date | None = field(default=None, compare=False)
    tag: str | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """How messages name the revision: ``v1 (1a2b3c4)``, or just the short hash."""
        short = self.commit[:7]
        return short if self.commit.startswith(self.spec) else f"{self.spec} ({short})"

    @property
    def naam(self) -> str:
        """How a document names it: ``tag v1, commit 1a2b3c4``, or ``commit 1a2b3c4``.

        A branch or ``HEAD~2`` is not named: it points elsewhere tomorrow; the commit does not.
        """
        commit = f"commit {self.commit[:7]}"
        return f"tag {self.tag}, {commit}" if self.tag else commit


@dataclass
class Snapshot:
    """The files of the folder at a revision, written to a temporary folder.

    Attributes:
        revision: the revision.
        path: the temporary folder with the revision's files (gone after the ``with``).
        skipped: Dutch notes on links and submodules that were not followed.
    """

    revision: Revision
    path: Path
    skipped: list[str] = field(default_factory=list)


@dataclass
class Version:
    """One side of a comparison: the folder at a revision, or the working tree.

    Attributes:
        label: how messages name it: ``v1 (1a2b3c4)`` or ``de werkmap``.
        revision: the revision, or None for the working tree.
        result: the loaded folder; its ``root`` is the folder as the user named it.
        skipped: Dutch notes on links and submodules that were not followed.
    """

    label: str
    revision: Revision | None
    result: LoadResult
    skipped: list[str] = field(default_factory=list)


@dataclass
class VersionDiff:
    """The changes between two versions of a folder.

    Attributes:
        old: the older side.
        new: the newer side.
        changes: the changes, in the order of the plan; None when a side did not load.
    """

    old: Version
    new: Version
    changes: list[Change] | None


def _git_executable() -> str:
    git = shutil.which("git")
    if git is None:
        raise LivbError(tr("git is niet geïnstalleerd"), tr(GIT_MISSING_HINT))
    return git


_NOTHING_RUNS = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", "/dev/null"),
    ("diff.external", ""),
    ("protocol.allow", "never"),
    ("commit.gpgSign", "false"),
    ("tag.gpgSign", "false"),
    ("tag.forceSignAnnotated", "false"),
)
"""Configuration that makes git run a program: switched off for every git command livb runs.

A gemeente folder comes from someone else (a clone, a copied share with its .git): its
.git/config may name a file-system monitor, hooks, a signing program. The system's
configuration is not read at all (GIT_CONFIG_NOSYSTEM); the user's own and the folder's are,
with these settings on top, as ``git -c`` would put them.
"""

_DRIVERS = r"^(filter|diff|merge)\..*\.(clean|smudge|process|textconv|command|driver)$"
"""The programs a .gitattributes line can make git run (filter=, diff=, merge=)."""


def hardened_environment(git: str, cwd: Path) -> dict[str, str]:
    """The environment for git in ``cwd``: nothing from a configuration is executed.

    Besides :data:`_NOTHING_RUNS`, every filter, diff or merge driver any configuration
    defines gets an empty command (a filter ``required`` no longer), so that a
    ``.gitattributes`` in the folder cannot run one either.
    """
    environment = _with_config(_base_environment(), _NOTHING_RUNS)
    try:
        found = subprocess.run(
            [git, "config", "-z", "--name-only", "--get-regexp", _DRIVERS],
            cwd=cwd,
            capture_output=True,
            env=environment,
            check=False,
        )
    except OSError:
        return environment
    drivers = [key for key in found.stdout.decode("utf-8", "surrogateescape").split("\0") if key]
    emptied = [(key, "") for key in drivers]
    required = sorted({key.rpartition(".")[0] + ".required" for key in drivers})
    return _with_config(environment, [*emptied, *((key, "false") for key in required)])


def _base_environment() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_ATTR_NOSYSTEM": "1",
    }


def _with_config(
    environment: dict[str, str], settings: Sequence[tuple[str, str]]
) -> dict[str, str]:
    """``environment`` with ``settings`` added after any GIT_CONFIG_* already there."""
    try:
        count = int(environment.get("GIT_CONFIG_COUNT", "0"))
    except ValueError:
        count = 0
    added = dict(environment)
    for position, (key, value) in enumerate(settings, start=count):
        added[f"GIT_CONFIG_KEY_{position}"] = key
        added[f"GIT_CONFIG_VALUE_{position}"] = value
    added["GIT_CONFIG_COUNT"] = str(count + len(settings))
    return added


def _run_git(
    git: str,
    cwd: Path,
    args: Sequence[str],
    stdin: bytes | None = None,
    environment: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    if environment is None:
        environment = _with_config(_base_environment(), _NOTHING_RUNS)
    try:
        return subprocess.run(
            [git, *args], cwd=cwd, input=stdin, capture_output=True, env=environment, check=False
        )
    except OSError as error:
        reason = error.strerror or error
        raise LivbError(
            tr("git kan niet gestart worden: {reden}", reden=reason), tr(GIT_MISSING_HINT)
        ) from None


def _message(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1].removeprefix("fatal: ").removeprefix("error: ") if lines else tr("onbekend")


def find_repository(folder: Path) -> Repository:
    """The git repository that holds a gemeente folder.

    Raises:
        UsageError: ``folder`` is not a folder.
        LivbError: git is not installed, or the folder is not in a git repository.
    """
    if not folder.is_dir():
        raise UsageError(
            tr("'{map}' is geen map", map=folder),
            tr("geef de map van de gemeente op, bv. livb diff v1 ."),
        )
    git = _git_executable()
    done = _run_git(git, folder, ["rev-parse", "--show-toplevel", "--show-prefix"])
    lines = done.stdout.decode("utf-8", errors="surrogateescape").split("\n")
    if done.returncode != 0 or len(lines) < 2:
        detail = _message(done.stderr)
        if "not a git repository" in detail:
            raise LivbError(
                tr("de map '{map}' staat niet in een git-repository", map=folder),
                tr("zet de map onder git met 'git init' en 'git commit' (livb init doet dat al)"),
            )
        raise LivbError(
            tr("de map '{map}' kan niet in git gelezen worden: {fout}", map=folder, fout=detail),
            tr("livb werkt in de werkmap van een git-repository, niet in de map .git zelf"),
        )
    environment = hardened_environment(git, folder)
    return Repository(git, folder, Path(lines[0]), lines[1].rstrip("/"), environment)


def resolve(repository: Repository, spec: str) -> Revision:
    """The commit a revision (tag, branch, hash, ``HEAD~1``) stands for.

    Raises:
        LivbError: the revision does not exist.
    """
    if not spec or spec.startswith("-") or any(c in spec for c in "\0\n"):
        raise LivbError(tr("'{versie}' is geen geldige versie", versie=spec), tr(REVISIONS_HINT))
    done = repository.run(
        "rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}", check=False
    )
    if done.returncode != 0:
        raise LivbError(
            tr("de versie '{versie}' bestaat niet in deze git-repository", versie=spec),
            tr(REVISIONS_HINT),
        )
    return Revision(spec, done.stdout.decode("ascii").strip())


def describe(repository: Repository, revision: Revision) -> Revision:
    """The revision with the day of its commit and, when the user named a tag, that tag."""
    shown = repository.run(
        "show",
        "-s",
        "--no-ext-diff",
        "--no-textconv",
        "--format=%cI",
        revision.commit,
        check=False,
    )
    stamp = shown.stdout.decode("ascii", "replace").strip()[:10]
    try:
        datum: dt.date | None = dt.date.fromisoformat(stamp)
    except ValueError:
        datum = None
    # resolve() refused a spec that starts with '-': it cannot be read as an option here
    named = repository.run("rev-parse", "--symbolic-full-name", revision.spec, check=False)
    full = named.stdout.decode("utf-8", "replace").strip()
    tag = full.removeprefix("refs/tags/") if full.startswith("refs/tags/") else None
    return replace(revision, datum=datum, tag=tag)


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    oid: str
    path: str


def _tree_entries(repository: Repository, revision: Revision) -> list[_Entry]:
    where = f"{revision.commit}:{repository.prefix}" if repository.prefix else revision.commit
    tree = repository.run("rev-parse", "--verify", "--quiet", where, check=False)
    listing = (
        repository.run(
            "ls-tree", "-r", "-z", "--full-tree", tree.stdout.decode().strip(), check=False
        )
        if tree.returncode == 0
        else tree
    )
    if listing.returncode != 0:  # no such path, or a file where the folder is now
        folder = repository.prefix or tr("de map")
        raise LivbError(
            tr(
                "de map '{map}' bestond nog niet in de versie {versie}",
                map=folder,
                versie=revision.label,
            ),
            tr("kies een latere versie; {hulp}", hulp=tr(REVISIONS_HINT)),
        )
    entries = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split(" ")
        entries.append(_Entry(mode, kind, oid, raw_path.decode("utf-8", "surrogateescape")))
    return entries


def _safe_parts(path: str) -> list[str] | None:
    """The parts of a path from a tree, or None when it could leave the folder."""
    parts = path.split("/")
    if any(p in ("", ".", "..") or p.casefold() == ".git" or "\\" in p for p in parts):
        return None
    return parts


def _read_blobs(repository: Repository, oids: Sequence[str]) -> dict[str, bytes]:
    if not oids:
        return {}
    unique = sorted(set(oids))
    done = repository.run("cat-file", "--batch", stdin="".join(f"{o}\n" for o in unique).encode())
    data = done.stdout
    blobs: dict[str, bytes] = {}
    position = 0
    while position < len(data):
        end = data.index(b"\n", position)
        header = data[position:end].decode("ascii").split(" ")
        position = end + 1
        if len(header) != 3:  # '<oid> missing': a broken repository
            continue
        size = int(header[2])
        blobs[header[0]] = data[position : position + size]
        position += size + 1
    return blobs


def needed_for_loading(path: str) -> bool:
    """Whether ``load_project`` reads a file: YAML anywhere, and the figures in diagnostiek/."""
    return path.endswith((".yaml", ".yml")) or path.startswith("diagnostiek/")


def export_revision(
    repository: Repository,
    revision: Revision,
    target: Path,
    select: Callable[[str], bool] | None = None,
) -> list[str]:
    """Write the folder's files at a revision into ``target`` (an empty folder).

    Args:
        repository: the repository of the folder.
        revision: the revision.
        target: an empty folder.
        select: which files to write, by their path in the folder (default: all but output/).

    Returns:
        Dutch notes on the links and submodules that were not followed.
    """
    entries = _tree_entries(repository, revision)
    files = {
        e.path: e
        for e in entries
        if e.kind == "blob" and e.path.split("/", 1)[0] not in _SKIPPED_FOLDERS
    }
    links = [e for e in files.values() if e.mode == _SYMLINK]
    chosen = [e for e in files.values() if select is None or select(e.path)]
    # A chosen link needs the link's text and the text of every link it passes through.
    contents = _read_blobs(repository, [e.oid for e in (*chosen, *links)])
    contents.update(_read_blobs(repository, [e.oid for e in _link_targets(links, files, contents)]))
    skipped = [
        tr("{pad}: een submodule; livb leest ze niet", pad=e.path)
        for e in entries
        if e.mode == _SUBMODULE
    ]
    targets = _link_sources(chosen, files, contents, skipped)
    for entry in chosen:
        parts = _safe_parts(entry.path)
        if parts is None:
            skipped.append(tr("{pad}: een ongeldige naam; niet gelezen", pad=entry.path))
            continue
        source = targets.get(entry.path) if entry.mode == _SYMLINK else entry.path
        if source is not None:
            _write_entry(
                entry.path, target.joinpath(*parts), contents.get(files[source].oid, b""), skipped
            )
    return sorted(skipped)


def _link_sources(
    chosen: list[_Entry], files: dict[str, _Entry], contents: dict[str, bytes], skipped: list[str]
) -> dict[str, str]:
    """For each chosen link, the file in the folder it points to; others are noted, not followed."""
    targets: dict[str, str] = {}
    for link in (e for e in chosen if e.mode == _SYMLINK):
        final = _follow(link.path, files, contents)
        if final is None:
            skipped.append(
                tr(
                    "{pad}: een link die niet naar een bestand in de map wijst; niet gevolgd",
                    pad=link.path,
                )
            )
        else:
            targets[link.path] = final
    return targets


def _write_entry(path: str, destination: Path, data: bytes, skipped: list[str]) -> None:
    """Write one file of the revision; a failure is noted under the file's path."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    except OSError as error:  # a name that clashes with another one on this system
        reason = error.strerror or error
        skipped.append(tr("{pad}: niet gelezen ({reden})", pad=path, reden=reason))


def _follow(path: str, files: dict[str, _Entry], contents: dict[str, bytes]) -> str | None:
    """The regular file a link points to, when the chain stays inside the folder."""
    seen = set()
    current = path
    while current not in seen:
        seen.add(current)
        entry = files.get(current)
        if entry is None:
            return None
        if entry.mode != _SYMLINK:
            return current
        target = contents.get(entry.oid, b"").decode("utf-8", "surrogateescape")
        if not target or target.startswith("/"):
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(current), target))
        if joined == ".." or joined.startswith("../") or _safe_parts(joined) is None:
            return None
        current = joined
    return None  # a loop of links


@contextmanager
def open_revision(
    folder: Path, spec: str, select: Callable[[str], bool] | None = None
) -> Iterator[Snapshot]:
    """The folder's files at a revision, in a temporary folder that lives for the ``with``.

    ``select`` chooses the files by their path in the folder (default: all but output/).

    Raises:
        LivbError: git is missing, the folder is not in a repository, the revision does not
            exist, or the folder did not exist at that revision.
    """
    repository = find_repository(folder)
    revision = describe(repository, resolve(repository, spec))
    with tempfile.TemporaryDirectory(prefix="livb-versie-") as temporary:
        path = Path(temporary) / (folder.resolve().name or "map")
        path.mkdir()
        skipped = export_revision(repository, revision, path, select)
        yield Snapshot(revision, path, skipped)


def load_revision(folder: Path, spec: str) -> Version:
    """Load the folder as it was at a revision, exactly as ``load_project`` loads a folder.

    The result's ``root`` is ``folder`` (the revision's files are gone after loading; use
    :func:`open_revision` to keep them while rendering).
    The police zone's folder that livb.yaml names is read beside ``folder``, as it is now (it
    is no part of the municipality's folder, so of its revision).

    Raises:
        LivbError: see :func:`open_revision`.
    """
    with open_revision(folder, spec, needed_for_loading) as snapshot:
        result = load_project(snapshot.path, zone_base=folder)
    result.root = folder
    return Version(snapshot.revision.label, snapshot.revision, result, snapshot.skipped)


def load_working_tree(folder: Path) -> Version:
    """Load the folder as it is now."""
    return Version(tr("de werkmap"), None, load_project(folder))


def diff_versions(folder: Path, old: str, new: str | None = None) -> VersionDiff:
    """Compare the folder at revision ``old`` with revision ``new`` (or the working tree).

    Raises:
        LivbError: see :func:`open_revision`.
    """
    before = load_revision(folder, old)
    after = load_working_tree(folder) if new is None else load_revision(folder, new)
    if before.result.project is None or after.result.project is None:
        return VersionDiff(before, after, None)
    return VersionDiff(before, after, compare(before.result.project, after.result.project))


def _link_targets(
    links: list[_Entry], files: dict[str, _Entry], contents: dict[str, bytes]
) -> list[_Entry]:
    """The regular files the links point to (inside the folder)."""
    found = (_follow(link.path, files, contents) for link in links)
    return [files[path] for path in found if path is not None]
