"""Charts kept across runs in the output folder, so that an unchanged chart is not drawn again.

A chart is a frozen value (``livb.documents.charts``); its picture depends only on that value,
on the code that draws it and on matplotlib. The cache keeps each picture under the sha256 of
all three, in ``<output>/.livb-charts/<sha256>.png``: a chart whose data changed gets another
name and is drawn anew, and a render that finds every chart there never imports matplotlib.

Reading needs no lock (every file is written whole, under its final name or not at all); new
pictures are written in the render's output lock (:meth:`ChartCache.save`). The cache is only
a shortcut: a file that cannot be read or written, or is not a whole PNG, is drawn again; a
cache folder that is a symbolic link is neither read nor written.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from livb import __version__
from livb.core.safepaths import LinkedPathError, first_link
from livb.core.transaction import create_new

FOLDER = ".livb-charts"
KEEP = 1000
"""The most pictures the cache keeps; beyond it the ones used longest ago go (the ×10 city's
plan has 201 charts)."""

_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"


@cache
def _drawing() -> str:
    """What draws a chart besides its value: livb's version, its drawing code and matplotlib's."""
    from importlib import metadata

    from livb.documents import charts

    try:
        code = hashlib.sha256(Path(charts.__file__).read_bytes()).hexdigest()
    except OSError:  # not a file on disk (a zipped install): livb's version tells it apart
        code = "?"
    try:
        matplotlib = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        matplotlib = "?"
    return f"livb {__version__}\ncharts.py {code}\nmatplotlib {matplotlib}\n"


def chart_key(chart: Any) -> str:
    """The name a chart's picture has in the cache: the sha256 of its kind, data and drawing."""
    spec = f"{_drawing()}{type(chart).__qualname__}\n{chart!r}"
    return hashlib.sha256(spec.encode("utf-8")).hexdigest()


class ChartCache:
    """The pictures of one output folder's charts: read as needed, new ones saved at the end."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out / FOLDER
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}
        self._linked: bool | None = None

    def usable(self) -> bool:
        """Whether the cache folder is the output folder's own (not a link to elsewhere)."""
        if self._linked is None:
            self._linked = first_link(self.out, self.folder) is not None
        return not self._linked

    def picture(self, chart: Any) -> bytes | None:
        """The chart's picture as a run before drew it, or None."""
        if not self.usable():
            return None
        key = chart_key(chart)
        try:
            data = (self.folder / f"{key}.png").read_bytes()
        except OSError:
            return None
        if not (data.startswith(_PNG_START) and data.endswith(_PNG_END)):
            return None  # cut short or changed by hand: drawn again and written anew
        self.used.add(key)
        return data

    def remember(self, chart: Any, data: bytes) -> None:
        """A picture drawn in this run, to be saved with the documents."""
        self.new[chart_key(chart)] = data

    def save(self) -> None:
        """Write the new pictures and forget the oldest beyond :data:`KEEP`; in the output lock.

        A cache that cannot be written is left as it is: the documents do not depend on it.
        """
        if not (self.new or self.used) or not self.usable():
            return
        with suppress(OSError, LinkedPathError):
            self.folder.mkdir(exist_ok=True)
            for key, data in self.new.items():
                path = self.folder / f"{key}.png"
                if path.exists():  # cut short or changed by hand (see picture): replaced
                    path.unlink()
                create_new(path, data, inside=self.out)
            for key in self.used:  # their age is when a render last used them
                with suppress(OSError):
                    os.utime(self.folder / f"{key}.png")
            self._forget_oldest()

    def _forget_oldest(self) -> None:
        pictures = list(self.folder.glob("*.png"))
        if len(pictures) <= KEEP:
            return
        aged = sorted(pictures, key=lambda path: path.stat().st_mtime)
        for path in aged[: len(pictures) - KEEP]:
            with suppress(OSError):
                path.unlink()
