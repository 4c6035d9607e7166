"""The documents of the method, one module each, and their registry.

A document is one module here (its view and a ``DOCUMENT`` line), one template under
``templates/nl/`` and one reviewed snapshot under ``tests/golden/``; registering it below makes
it known to ``livb render``, ``render alle``, ``--definitief`` and the README's table.
"""

from __future__ import annotations

from livb.documents import (
    besluit,
    diagnostiek,
    intentieverklaring,
    plan,
    protocol,
    rapport_opstart,
    verslag,
    voortgangsrapport,
)
from livb.documents._base import Context, Document

DOCUMENTS: dict[str, Document] = {
    document.name: document
    for document in (
        rapport_opstart.DOCUMENT,
        intentieverklaring.DOCUMENT,
        protocol.DOCUMENT,
        besluit.DOCUMENT,
        verslag.DOCUMENT,
        diagnostiek.DOCUMENT,
        voortgangsrapport.DOCUMENT,
        plan.DOCUMENT,
    )
}

__all__ = ["DOCUMENTS", "Context", "Document"]
