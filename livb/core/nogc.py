"""Pause the cyclic garbage collector while livb builds many small objects and no cycles.

Loading a folder and rendering a document make hundreds of thousands of short-lived objects
(YAML nodes, models, Markdown tokens, spans). Each allocation burst triggers the cyclic
collector, which walks every tracked object in the older generations: with a large folder
that is super-linear and finds nothing to free, as these objects hold no cycles. Reference
counting still frees them; the collector runs again when the block ends. Measured in
bench/RESULTS.md (about 30 % of loading, 20-40 % of rendering a large plan).

A loaded folder then lives until the command ends. Its objects were all made in one burst, so
the collector's next full pass comes soon after, wherever the render happens to be, and walks
all of them (60 ms for the large city's plan). :func:`frozen_heap` leaves what exists at its
start out of the collector's passes inside the block (``gc.freeze``), and hands it back after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector off inside the block, back as it was after (also on an error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects that exist now are left out of the collector's passes inside the block.

    They stay alive as before and reference counting still frees them; a cycle among them is
    found again after the block. When something else froze objects already (a server that
    forks, say), the block leaves the frozen set as it is.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
