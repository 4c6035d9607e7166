"""Onbekende schakel van de veiligheidsketen.

Wat het controleert:
    Elke ``schakel`` van een actie en elke waarde onder ``schakels`` van een actor is een
    schakel van de methode (proactie, preparatie, preventie, repressie, nazorg) of een eigen
    woord dat ``keten`` in livb.yaml op een schakel afbeeldt.

Waarom:
    Een gemeente mag haar eigen woorden gebruiken (de kadernota van Aalst spreekt van reactie
    en opvolging, Mechelen van proactief, preventief en reactief), maar livb moet weten voor
    welke schakel een woord staat: anders telt de actie niet mee in het evenwicht over de
    keten en in de samenstelling van de kerngroep. Meestal is het gewoon een tikfout.

Voorbeeld:
    ``schakel: opvolging`` zonder ``keten: {opvolging: nazorg}`` in livb.yaml.

Oplossing:
    Verbeter het woord, of voeg het toe onder ``keten`` in livb.yaml met de schakel waarvoor
    het staat.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import link
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import EigenSchakel, Schakel
from livb.model.walk import actions

CODE = "LIVB108"
NAME = "onbekende-schakel"
SEVERITY = Severity.FOUT
METHODE = N_(
    "Methode: de veiligheidsketen (preventie, repressie, nazorg); eigen woorden in livb.yaml"
)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every word for a link that is neither the method's nor mapped in livb.yaml."""
    project = context.project
    known = [schakel.value for schakel in Schakel] + sorted(project.instellingen.keten)
    for path, loc, term in _terms(context):
        if link(project, term) is not None:
            continue
        close = difflib.get_close_matches(str(term), known, n=1, cutoff=0.6)
        message = (
            tr("onbekende schakel '{term}'; bedoelde je '{bedoeld}'?", term=term, bedoeld=close[0])
            if close
            else tr("onbekende schakel '{term}'", term=term)
        )
        yield Finding(
            path,
            loc,
            message,
            tr(
                "kies uit {known}, of zet 'keten: {{{term}: <schakel>}}' in livb.yaml",
                known=", ".join(known),
                term=term,
            ),
        )


def _terms(context: RuleContext) -> Iterator[tuple[str, tuple[Any, ...], Schakel | EigenSchakel]]:
    for position, actor in enumerate(context.project.actoren.actoren):
        for index, term in enumerate(actor.schakels):
            yield "actoren.yaml", ("actoren", position, "schakels", index), term
    for path, loc, actie in actions(context.project):
        if actie.schakel is not None:
            yield path, (*loc, "schakel"), actie.schakel
