"""livb's own templates compiled once, kept between runs in the user's cache folder.

Compiling a template is a fixed cost of every render: the plan's template alone takes about
0.1 s, as much as writing the Word file of a large city's plan (bench/RESULTS.md). Jinja can
keep the compiled code of a template (its bytecode cache); livb uses it for its own templates
only, the ones every render compiles again unchanged. A gemeente's own templates are compiled
each time, as before: they change while someone works on them and may come from a checkout of
an old version (``render --versie``), so caching them would only pile up files.

What makes a cached template safe to reuse:

- the file holds a checksum of the template's source: an edited template compiles anew;
- its name holds a fingerprint of everything else the code depends on: the versions of livb,
  Jinja and Python and the source of :mod:`livb.documents.environment` (the sandbox's code
  generator, the environment's settings);
- bytecode is code, so the cache must be impossible to seed from anywhere but livb itself.
  The folder is the user's own (``$XDG_CACHE_HOME/livb`` or ``~/.cache/livb``): livb makes it
  private (0700) and uses it only when every component of its path, from ``/`` down, is a real
  folder (no symbolic link) owned by the user or by root that no one else can write to (a
  sticky folder such as ``/tmp`` only above one of the user's own); a stored file is used only
  when it is a regular file of the user with one name that no one else can write to;
- the cache is an optimisation, never a condition: a folder that cannot be made, read or
  written, or a damaged file, means compiling as without a cache. Nothing is ever reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

import livb

_SUFFIX = ".jinja"


class OwnTemplateCache(BytecodeCache):
    """Jinja's bytecode cache for the templates under ``own`` (livb's), in ``directory``."""

    def __init__(self, directory: Path, own: Path, fingerprint: str) -> None:
        self.directory = directory
        self.own = _comparable(str(own)) + os.sep
        self.fingerprint = fingerprint

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """A bucket for the template; one with an empty key (never stored) if it is not livb's."""
        checksum = self.get_source_checksum(source)
        if filename is None or not _comparable(filename).startswith(self.own):
            return Bucket(environment, "", checksum)
        return super().get_bucket(environment, name, filename, source)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The template's name and file with the fingerprint of the code that compiles it."""
        text = f"{self.fingerprint}|{name}|{filename}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        """The compiled code of the bucket's template, if a current one is stored."""
        if not bucket.key:
            return
        path = self.directory / f"{bucket.key}{_SUFFIX}"
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            handle = os.open(path, flags)
        except OSError:  # not there, or a link: compile
            return
        try:
            with os.fdopen(handle, "rb") as stored:
                if _own_file(os.fstat(stored.fileno())):
                    bucket.load_bytecode(stored)
        except Exception:  # a damaged or unreadable file: compile as without a cache
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store the compiled code; whole or not at all (a temporary file, then a rename)."""
        if not bucket.key:
            return
        target = self.directory / f"{bucket.key}{_SUFFIX}"
        try:
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stored:
                bucket.write_bytecode(stored)
            Path(temporary).replace(target)
        except Exception:  # a full disk, a folder that went away: the next render compiles
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _comparable(path: str) -> str:
    return os.path.normcase(Path(path).absolute())


def own_template_cache(own: Path) -> OwnTemplateCache | None:
    """The cache for livb's templates in ``own``; None where no private folder can be had."""
    directory = _private_folder()
    fingerprint = _fingerprint()
    if directory is None or fingerprint is None:
        return None
    return OwnTemplateCache(directory, own, fingerprint)


def _cache_home() -> Path | None:
    configured = Path(os.environ.get("XDG_CACHE_HOME", ""))
    if configured.is_absolute():
        return configured
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no home folder to be found
        return None
    return home / ".cache" if home.is_absolute() else None


def _private_folder() -> Path | None:
    """``<cache home>/livb/sjablonen``, made private; None unless it is safely the user's own."""
    home = _cache_home()
    if home is None:
        return None
    directory = home / "livb" / "sjablonen"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = directory.lstat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(status.st_mode):  # a link or a file where the folder should be
        return None
    return directory if _trusted(directory) else None


_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _trusted(directory: Path) -> bool:
    """Whether only the user (or root) can change what ``directory`` holds, on its whole path.

    Every component from ``/`` down is a real folder, not a link, owned by the user or by root
    and writable by no one else. A sticky folder others may write to (``/tmp``) is allowed
    only when the next component is the user's own: no one else can rename or replace it.
    """
    if not hasattr(os, "getuid"):  # no owners to compare (Windows): the last folder alone
        return not Path(directory).is_symlink()
    user = os.getuid()
    path = Path(directory).absolute()
    owners: list[int] = []
    sticky_above = False
    for component in [*reversed(path.parents), path]:
        try:
            status = component.lstat()
        except OSError:
            return False
        if not stat.S_ISDIR(status.st_mode) or status.st_uid not in (user, 0):
            return False
        if sticky_above and status.st_uid != user:
            return False
        open_to_others = bool(status.st_mode & _OTHERS_WRITE)
        if open_to_others and not status.st_mode & stat.S_ISVTX:
            return False
        sticky_above = open_to_others
        owners.append(status.st_uid)
    return not sticky_above and owners[-1] == user


def _own_file(status: os.stat_result) -> bool:
    """Whether a stored file is one only livb, run by this user, can have written."""
    if not stat.S_ISREG(status.st_mode) or status.st_nlink != 1:
        return False
    if status.st_mode & _OTHERS_WRITE:
        return False
    return not hasattr(os, "getuid") or status.st_uid == os.getuid()


def _fingerprint() -> str | None:
    """What the compiled code depends on besides the template: versions and the generator."""
    try:
        generator = Path(__file__).with_name("environment.py").read_bytes()
    except OSError:
        return None
    versions = f"{livb.__version__}|{jinja2.__version__}|{sys.version_info[:2]}|"
    return hashlib.sha256(versions.encode() + generator).hexdigest()
