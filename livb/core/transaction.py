"""Every write livb makes: atomic, compare-and-swap, exclusive create, under the folder's lock.

Whatever writes into a gemeente folder or an output folder goes through here, so that a write
is either the old or the new content (never half), never overwrites a change someone made since
it was read, never takes a name someone else took, and never runs beside another writer:

- :func:`write_atomic` replaces a file in one rename, optionally only if it still holds what was
  read (compare-and-swap);
- :func:`create_exclusive` reserves a new file's name, so two writers never share one;
- :func:`folder_lock` holds the gemeente folder for one read-modify-write (``new``, ``besluit``,
  ``import``), :func:`output_lock` an output folder for one ``render``.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from livb.core.errors import LivbError
from livb.core.formatting import number
from livb.core.i18n import N_, tr
from livb.core.safepaths import refuse_links

LOCK = ".livb/new.lock"
"""The gemeente folder's lock file (the name predates the other writers that take it)."""
HOLDER = ".livb/new.lock.houder"
"""Who holds :data:`LOCK`: one line for a colleague whose command waits."""
LOCK_TIMEOUT = 15.0
"""Seconds a writer waits for the folder's lock before it says who holds it."""
RENDER_LOCK = ".livb-render.lock"
"""The lock file in an output folder: one render writes there at a time."""
RENDER_LOCK_SECONDS = 300.0
"""Seconds a render waits for another render of the same output folder."""

_REASONS = {
    errno.ENOSPC: N_("de schijf is vol"),
    errno.EDQUOT: N_("de schijfruimte (het quotum) is op"),
    errno.EACCES: N_("geen toelating om daar te schrijven"),
    errno.EPERM: N_("geen toelating om daar te schrijven"),
    errno.EROFS: N_("de schijf is alleen-lezen"),
    errno.EISDIR: N_("er staat een map met die naam"),
    errno.ENOTDIR: N_("een deel van het pad is een bestand, geen map"),
    errno.EEXIST: N_("er staat al een bestand met die naam"),
    errno.EFBIG: N_("het bestand is te groot voor de schijf"),
    errno.ENAMETOOLONG: N_("de naam is te lang"),
    errno.EBUSY: N_("het bestand is in gebruik"),
}


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in a few words of the current language where they are known."""
    if error.errno in _REASONS:
        return tr(_REASONS[error.errno])
    return error.strerror or str(error)


def shown(value: str) -> str:
    """A value as a message can show it: control and invisible characters written as escapes."""
    return "".join(c if not invisible(c) else ascii(c)[1:-1] for c in value)


_BIDI_AND_INVISIBLE = set("\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff") | set(
    "\u2066\u2067\u2068\u2069"
)


def invisible(character: str) -> bool:
    """Whether a character would hide or reorder text in a message or a file name."""
    category = unicodedata.category(character)
    return category in ("Cc", "Cs", "Zl", "Zp") or character in _BIDI_AND_INVISIBLE


def create_new(path: Path, data: bytes, *, inside: Path) -> bool:
    """Create ``path`` holding ``data``, only if no one has that name yet; False when it exists.

    The content is written to a temporary file first and then linked under the name, which
    fails when the name is taken: nobody ever sees the file empty or half written (a reader
    that loads the folder meanwhile sees it whole or not at all). On a file system without hard
    links the name is reserved empty and filled, as :func:`create_exclusive` does.

    Raises:
        LinkedPathError: the path goes through a symbolic link.
        OSError: the file could not be written; nothing is left behind.
    """
    refuse_links(inside, path)
    temporary = _create_temporary(path)
    try:
        _fill(temporary, data)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (FAT, some network shares)
            if not create_exclusive(path):
                return False
            write_atomic(path, data, inside=inside, expected=b"")
        return True
    finally:
        temporary.unlink(missing_ok=True)


def create_exclusive(path: Path) -> bool:
    """Create ``path`` empty, only if no one has it yet; False when it exists.

    The name is then this writer's: another that tries the same name gets False and takes the
    next. A new file gets the mode any program would give it (umask, the folder's default ACLs).
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        return False
    return True


def write_atomic(
    path: Path, content: str | bytes, *, inside: Path, expected: bytes | None = None
) -> None:
    """Write a file so that it is either the old or the new content, never half of it.

    Text is written as UTF-8, exactly as given (no newline translation). A new file gets the
    mode any program would give it (0644 under umask 022, with the folder's default ACLs);
    an existing file keeps its mode.

    Args:
        path: the file to write.
        content: the new content.
        inside: the folder known to be safe (the gemeente folder, a checked output folder):
            neither ``path`` nor a folder between it and ``path`` may be a symbolic link.
        expected: compare-and-swap: the bytes the file held when it was read (``b""`` for a
            file that did not exist). Right before the rename the file is read again; if it
            changed, nothing is written.

    Raises:
        LinkedPathError: the path goes through a symbolic link (see :mod:`livb.core.safepaths`).
        FileChangedError: the file no longer holds ``expected``.
        OSError: the file could not be written; the old one is untouched.
    """
    refuse_links(inside, path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = _create_temporary(path)
    try:
        _fill(temporary, data)
        if path.exists():
            temporary.chmod(path.stat().st_mode & 0o777)
        if expected is not None and current_bytes(path) != expected:
            raise FileChangedError(path)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class FileChangedError(Exception):
    """A file changed on disk between reading it and replacing it (see :func:`write_atomic`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed since it was read")
        self.path = path


def _fill(temporary: Path, data: bytes) -> None:
    """Write the bytes to the temporary file and to the disk, before it takes a name."""
    with temporary.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _create_temporary(path: Path) -> Path:
    """A new, empty hidden file next to ``path``, created like any file (umask, default ACLs).

    ``tempfile.mkstemp`` would make it 0600: a document on a shared drive that only its
    writer can read.
    """
    import secrets

    while True:
        temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return temporary


def current_bytes(path: Path) -> bytes:
    """The bytes a file holds now; a file that does not exist holds ``b""``."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


@contextmanager
def folder_lock(root: Path, command: str) -> Iterator[None]:
    """Hold the folder's lock: one read-modify-write of its files at a time.

    ``command`` is what the user typed (``livb new actor``), shown to a colleague who waits.

    A folder without livb.yaml gets no lock file (loading it will say it is no gemeente
    folder). The lock waits at most :data:`LOCK_TIMEOUT` seconds, then says who holds it.
    """
    if not (root / "livb.yaml").is_file():
        yield
        return
    from filelock import FileLock, Timeout

    lock_path = root / LOCK
    refuse_links(root, lock_path)
    refuse_links(root, root / HOLDER)
    try:
        lock_path.parent.mkdir(exist_ok=True)
        _ignore_in_git(lock_path.parent)
        lock = FileLock(lock_path, timeout=LOCK_TIMEOUT)
        lock.acquire()
    except Timeout:
        waited = number(LOCK_TIMEOUT)
        raise LivbError(
            tr("de map wordt al aangepast door {houder}", houder=_holder(root)),
            tr(
                "{commando} wachtte {seconden} seconden; probeer het zo opnieuw. "
                "Blijft dit duren, kijk dan of dat commando vastzit ({slot})",
                commando=" ".join(command.split()[:2]),
                seconden=waited,
                slot=LOCK,
            ),
        ) from None
    except OSError as error:
        raise LivbError(
            tr(
                "kan het slot '{slot}' niet aanmaken: {reden}",
                slot=LOCK,
                reden=error.strerror or error,
            ),
            tr("controleer of je in de map mag schrijven; er is niets gewijzigd"),
        ) from None
    holder = root / HOLDER
    try:
        with suppress(OSError):  # the note only helps a waiting colleague; the lock holds
            holder.write_text(_holder_line(command), encoding="utf-8")
        yield
    finally:
        with suppress(OSError):
            holder.unlink(missing_ok=True)
        lock.release()


_GITIGNORE = (
    "# Het slot dat livb neemt terwijl het de map aanpast: hoort niet in git.\n"
    "new.lock*\n"
    ".gitignore\n"
)


def _ignore_in_git(folder: Path) -> None:
    """Keep the lock files out of ``git status``, in folders that ``livb init`` did not make too.

    A ``.gitignore`` that names itself is ignored with them; one the user wrote is left alone.
    """
    ignore = folder / ".gitignore"
    refuse_links(folder.parent, ignore)
    with suppress(OSError):
        if create_exclusive(ignore):
            ignore.write_text(_GITIGNORE, encoding="utf-8")


def _holder_line(command: str) -> str:
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = tr("iemand")
    now = dt.datetime.now().strftime("%H:%M:%S")
    return tr(
        "{gebruiker} op {computer} (proces {proces}, sinds {tijd}, '{commando}')",
        gebruiker=user,
        computer=socket.gethostname(),
        proces=os.getpid(),
        tijd=now,
        commando=command,
    )


def _holder(root: Path) -> str:
    try:
        line = (root / HOLDER).read_text("utf-8", errors="replace").strip()
    except OSError:
        line = ""
    return shown(line[:200]) if line else tr("een ander livb-commando")


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock: one render writes at a time (another waits, up to a limit).

    Raises:
        LivbError: the lock cannot be made, or another render holds it too long.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(folder / RENDER_LOCK, timeout=RENDER_LOCK_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise LivbError(
            tr(
                "een andere 'livb render' schrijft al {seconden} seconden in '{map}'",
                seconden=f"{RENDER_LOCK_SECONDS:.0f}",
                map=folder,
            ),
            tr("wacht tot die klaar is en probeer opnieuw"),
        ) from None
    except OSError as error:
        raise LivbError(
            tr("kan niet schrijven in '{map}': {reden}", map=folder, reden=os_reason(error)),
            tr("kies met --uit een map waarin je mag schrijven"),
        ) from None
    try:
        yield
    finally:
        lock.release()
