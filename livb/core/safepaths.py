"""The one guard on the paths livb writes in a gemeente folder and the templates it reads there.

A gemeente folder is shared through git, so a cloned folder may hold links someone else made.
A committed link ``output -> ../../elders`` would make ``livb render`` write outside the folder;
a template that is a hard link to a confidential interview would print it in a document. So:

- livb writes nothing through a symbolic link: neither the path itself nor any folder between
  the gemeente folder and it may be one (:func:`refuse_links`);
- a data file may be a link that stays inside the folder; one that leads out of it is
  refused (:func:`outside_reason`, used when the loader reads);
- a gemeente's own template is a regular file with one name, reached without links
  (:func:`check_template`): no symbolic link, no hard link (``st_nlink > 1``), no FIFO or
  device, which are refused from ``lstat`` before anything is opened, so reading never blocks.

The gemeente folder itself may be a link (a share mounted elsewhere): the user chose it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from livb.core.errors import LivbError
from livb.core.i18n import N_, tr

_TEMPLATE_HINT = N_(
    "een sjabloon moet een gewoon bestand in templates/ zijn, zonder koppelingen: kopieer de "
    "tekst erin"
)


class LinkedPathError(LivbError):
    """A path livb would write or a template it would read goes through a link."""


def refuse_links(base: Path, path: Path, other: str | None = None) -> None:
    """Refuse ``path`` when it, or a folder between ``base`` and it, is a symbolic link.

    ``other`` is what else the user can do, for the hint ("kies met --uit een andere map").

    ``base`` is the folder already known to be safe (the gemeente folder, or an output folder
    checked before). A path outside ``base`` has only its last component checked: the folders
    above it are the user's own choice (``--uit``).

    Raises:
        LinkedPathError: naming the path, the link and where it points.
    """
    found = first_link(base, path)
    if found is not None:
        component, target = found
        shown, folder = _shown(base, path), _shown(base, component)
        message = (
            tr(
                "kan '{pad}' niet schrijven: het is een koppeling (symlink) naar '{doel}'",
                pad=shown,
                doel=target,
            )
            if component == path.absolute()
            else tr(
                "kan '{pad}' niet schrijven: '{map}' is een koppeling (symlink) naar '{doel}'",
                pad=shown,
                map=folder,
                doel=target,
            )
        )
        raise LinkedPathError(message, _write_hint(other))


def _write_hint(other: str | None) -> str:
    if other:
        return tr(
            "verwijder de koppeling en zet er een gewone map of een gewoon bestand in de plaats, "
            "of {anders}; livb schrijft nooit via een koppeling, zodat een gekopieerde of "
            "gekloonde map niet buiten zichzelf kan schrijven",
            anders=other,
        )
    return tr(
        "verwijder de koppeling en zet er een gewone map of een gewoon bestand in de plaats; "
        "livb schrijft nooit via een koppeling, zodat een gekopieerde of gekloonde map niet "
        "buiten zichzelf kan schrijven"
    )


def check_template(root: Path, path: Path, hint: str | None = None) -> os.stat_result:
    """Refuse a gemeente's template unless it is a regular file with one name, without links.

    Every component from the gemeente folder ``root`` down to the file is looked at with
    ``lstat``; nothing is opened. Returns the file's status, to compare with the opened file's.
    The house style (huisstijl.docx) is checked the same way, with its own ``hint``.

    Raises:
        LinkedPathError: a symbolic link, a hard link, or not a regular file.
        OSError: the file cannot be looked at.
    """
    hint = hint or tr(_TEMPLATE_HINT)
    found = first_link(root, path)
    if found is not None:
        component, target = found
        message = (
            tr("{pad}: een symbolische koppeling naar '{doel}'", pad=path, doel=target)
            if component == path.absolute()
            else tr(
                "{pad}: '{map}' is een symbolische koppeling naar '{doel}'",
                pad=path,
                map=_shown(root, component),
                doel=target,
            )
        )
        raise LinkedPathError(message, hint)
    status = path.lstat()
    if not stat.S_ISREG(status.st_mode):
        raise LinkedPathError(
            tr("{pad}: {soort}, geen gewoon bestand", pad=path, soort=_kind(status.st_mode)), hint
        )
    if status.st_nlink > 1:
        twin = _same_file(root, path, status)
        other = f"'{twin}'" if twin else tr("een bestand buiten de gemeentemap")
        raise LinkedPathError(
            tr(
                "{pad}: een harde koppeling naar {ander} (het bestand heeft {aantal} namen); een "
                "sjabloon mag geen bestand met gegevens zijn",
                pad=path,
                ander=other,
                aantal=status.st_nlink,
            ),
            hint,
        )
    return status


def outside_reason(root: Path, relative: str) -> str | None:
    """Why ``root/relative`` leads outside the folder ``root``, or None when it stays inside.

    A symbolic link that stays inside the folder is fine; one that points outside it, or
    through a folder that does, is not. The reason is a marked sentence naming the file as
    ``{naam}``: ``tr(reason, naam=relative)``.
    """
    path = root / relative
    real = Path(os.path.realpath(path))
    if real.is_relative_to(Path(os.path.realpath(root))):
        return None
    if path.is_symlink():
        return N_("{naam} is een koppeling (symlink) naar een bestand buiten de gemeentemap")
    return N_("{naam} ligt via een koppeling (symlink) buiten de gemeentemap")


def first_link(base: Path, path: Path) -> tuple[Path, str] | None:
    """The first symbolic link from below ``base`` down to ``path``, and where it points."""
    for component in _components(base, path):
        target = _link_target(component)
        if target is not None:
            return component, target
    return None


def _components(base: Path, path: Path) -> list[Path]:
    """The paths from the first component below ``base`` down to ``path`` itself."""
    base, path = base.absolute(), path.absolute()
    if not path.is_relative_to(base) or path == base:
        return [path]
    components, current = [], base
    for part in path.relative_to(base).parts:
        current = current / part
        components.append(current)
    return components


def _link_target(path: Path) -> str | None:
    """Where ``path`` points when it is a symbolic link; None when it is not (or not there)."""
    try:
        if not stat.S_ISLNK(path.lstat().st_mode):
            return None
        return str(path.readlink())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return f"? ({error.strerror or error})"


def _shown(base: Path, path: Path) -> str:
    """``path`` relative to ``base`` when it lies inside it, else as given."""
    absolute = path.absolute()
    if absolute.is_relative_to(base.absolute()) and absolute != base.absolute():
        return absolute.relative_to(base.absolute()).as_posix()
    return str(path)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("een map")
    if stat.S_ISFIFO(mode):
        return tr("een pijp (FIFO)")
    if stat.S_ISSOCK(mode):
        return tr("een socket")
    return tr("een apparaat")


def _same_file(root: Path, path: Path, status: os.stat_result) -> str | None:
    """Another name of the file inside ``root`` (the data a hard link would expose), if any."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != ".git"]
        for name in files:
            candidate = Path(folder, name)
            if candidate.absolute() == path.absolute():
                continue
            try:
                other = candidate.lstat()
            except OSError:
                continue
            if (other.st_ino, other.st_dev) == (status.st_ino, status.st_dev):
                return candidate.relative_to(root).as_posix()
    return None


__all__ = [
    "LinkedPathError",
    "check_template",
    "first_link",
    "outside_reason",
    "refuse_links",
]
