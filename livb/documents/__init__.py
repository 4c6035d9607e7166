"""The documents of the method, one module each, and their registry.

A document is one module here (its view and a ``DOCUMENT`` line), one template under
``templates/nl/`` and one reviewed snapshot under ``tests/golden/``; registering it below makes
it known to ``livb render``, ``render alle``, ``--definitief`` and the README's table.
"""

from __future__ import annotations

from livb.documents import (
    agenda,
    begroting,
    besluit,
    brainstorm,
    diagnostiek,
    evaluatie,
    gegevensaanvraag,
    gesprek,
    intentieverklaring,
    jaarrapport,
    plan,
    preventieplan,
    profiel,
    protocol,
    rapport_opstart,
    swot,
    verslag,
    voortgangsrapport,
    zvp,
)
from livb.documents._base import Context, Document

DOCUMENTS: dict[str, Document] = {
    document.name: document
    for document in (
        profiel.DOCUMENT,
        rapport_opstart.DOCUMENT,
        intentieverklaring.DOCUMENT,
        protocol.DOCUMENT,
        besluit.DOCUMENT,
        agenda.DOCUMENT,
        verslag.DOCUMENT,
        gegevensaanvraag.DOCUMENT,
        gesprek.DOCUMENT,
        diagnostiek.DOCUMENT,
        swot.DOCUMENT,
        voortgangsrapport.DOCUMENT,
        brainstorm.DOCUMENT,
        plan.DOCUMENT,
        zvp.DOCUMENT,
        begroting.DOCUMENT,
        jaarrapport.DOCUMENT,
        preventieplan.DOCUMENT,
        evaluatie.DOCUMENT,
    )
}

__all__ = ["DOCUMENTS", "Context", "Document"]
