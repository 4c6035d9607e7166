"""Pause the cyclic garbage collector while livb builds many small objects and no cycles.

Loading a folder and rendering a document make hundreds of thousands of short-lived objects
(YAML nodes, models, Markdown tokens, spans). Each allocation burst triggers the cyclic
collector, which walks every tracked object in the older generations: with a large folder
that is super-linear and finds nothing to free, as these objects hold no cycles. Reference
counting still frees them; the collector runs again when the block ends. Measured in
bench/RESULTS.md (about 30 % of loading, 20-40 % of rendering a large plan).
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
