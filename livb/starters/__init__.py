"""What livb writes into a folder for the user to fill in: a new folder and its new files.

:mod:`~livb.starters.scaffold` makes a new gemeente folder (``livb init``). Every kind that
``livb new`` makes is one module here (its options model, its skeleton and a ``STARTER``
line) registered in :data:`STARTERS`, which gives ``livb new`` its kinds, options and help.
A skeleton is derived from the model of what it writes (:mod:`~livb.starters.skeleton`), so
a field added to a model is in the next file ``livb new`` writes. :mod:`~livb.starters._base`
holds what they share: every file is checked before it is written, and written through
:mod:`livb.core.transaction`, never over the user's.
"""

from __future__ import annotations

from typing import Any

from livb.starters import actor, doelstelling, gas, gesprek, monitoring, prioriteit, vergadering
from livb.starters._base import NewResult, Options, Starter

STARTERS: dict[str, Starter[Any]] = {
    starter.name: starter
    for starter in (
        vergadering.STARTER,
        gesprek.STARTER,
        actor.STARTER,
        prioriteit.STARTER,
        doelstelling.STARTER,
        monitoring.STARTER,
        gas.STARTER,
    )
}

__all__ = ["STARTERS", "NewResult", "Options", "Starter"]
