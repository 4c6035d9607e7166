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
- the folder is the user's own (``$XDG_CACHE_HOME/livb`` or ``~/.cache/livb``): livb makes it
  private (0700) and uses it only if it is a real folder owned by the user that no one else can
  write to, because whoever writes there chooses the code a render runs;
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
        try:
            with (self.directory / f"{bucket.key}{_SUFFIX}").open("rb") as stored:
                bucket.load_bytecode(stored)
        except FileNotFoundError:
            return
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
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return None
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return directory


def _fingerprint() -> str | None:
    """What the compiled code depends on besides the template: versions and the generator."""
    try:
        generator = Path(__file__).with_name("environment.py").read_bytes()
    except OSError:
        return None
    versions = f"{livb.__version__}|{jinja2.__version__}|{sys.version_info[:2]}|"
    return hashlib.sha256(versions.encode() + generator).hexdigest()
