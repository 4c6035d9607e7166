"""The output folder's manifest: what livb wrote, so that hand edits are never overwritten.

The manifest records, per file, the hash of what livb wrote. Before livb replaces documents it
records their new hashes as *pending* beside the old ones (in one write), and right after each
replacement only the new one: whenever livb is stopped (killed, a full disk), every file in the
folder is either one the manifest knows or a hand edit. One render at a time writes in a folder
(a lock file), and the temporary files of an interrupted render are removed by the next one.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from livb.core.transaction import write_atomic

MANIFEST = ".livb-manifest.json"


def digest(data: bytes) -> str:
    """The hash the manifest records for a file's bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    """The hashes livb accepts as its own for each file of an output folder."""

    folder: Path
    accepted: dict[str, list[str]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        """The manifest file."""
        return self.folder / MANIFEST

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The manifest of ``folder`` (empty when there is none or it is unreadable)."""
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder)
        if not isinstance(data, dict):
            return cls(folder)
        accepted = {
            str(name): [str(h) for h in value] if isinstance(value, list) else [str(value)]
            for name, value in data.items()
        }
        return cls(folder, accepted)

    def changed_by_hand(self, name: str, current: bytes | None) -> bool:
        """Whether ``current``, what the file ``name`` holds (None: no file), is a hand edit.

        The caller compares it with what livb writes now first: equal, it has nothing to lose.
        """
        return current is not None and digest(current) not in self.accepted.get(name, [])

    def begin(self, files: Iterable[tuple[str, bytes]]) -> None:
        """Record that these files are about to be replaced by these bytes (one write)."""
        grown = False
        for name, new in files:
            accepted = self.accepted.get(name, [])
            if digest(new) not in accepted:
                self.accepted[name] = [*accepted, digest(new)]
                grown = True
        if grown:
            self.save()

    def finish(self, name: str, new: bytes) -> None:
        """Record that ``name`` now is ``new``."""
        self.accepted[name] = [digest(new)]
        self.save()

    def accept(self, name: str) -> None:
        """Accept what the file ``name`` holds now as livb's (a document whose edits came back).

        Only a file the manifest knows: a file livb never wrote stays the user's.
        """
        if name in self.accepted:
            with suppress(OSError):
                self.finish(name, (self.folder / name).read_bytes())

    def save(self) -> None:
        """Write the manifest in one atomic step (sorted; one hash as a string, more as a list)."""
        data = {
            name: hashes[0] if len(hashes) == 1 else hashes
            for name, hashes in sorted(self.accepted.items())
        }
        write_atomic(self.path, json.dumps(data, indent=2) + "\n", inside=self.folder)


def remove_leftovers(folder: Path, names: Iterable[str]) -> None:
    """Remove the temporary files an interrupted livb left for these names (and the manifest)."""
    for name in {*names, MANIFEST}:
        for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
