"""Onbekend thema.

Wat het controleert:
    De ``themas`` van een prioriteit komen uit de lijst van thema's: standaard de clusters
    van de Kadernota Integrale Veiligheid, of de eigen lijst onder ``themas`` in livb.yaml.

Waarom:
    Met vaste thema's kan de kerngroep nagaan of geen relevant domein over het hoofd gezien
    is, en kan de lokaal adviseur gemeenten vergelijken.

Oplossing:
    Kies een thema uit de lijst (zie de hulp bij de melding), of voeg het toe aan de eigen
    lijst in livb.yaml.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.method.themas import themes

CODE = "LIVB408"
NAME = "thema-onbekend"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, afbakening: gebruik vaste thema's als toets; Kadernota Integrale Veiligheid")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every theme that is not in the taxonomy."""
    known = themes(context.project)
    for position, prioriteit in enumerate(context.project.prioriteiten.prioriteiten):
        for t_index, thema in enumerate(prioriteit.themas):
            if thema in known:
                continue
            close = difflib.get_close_matches(thema, list(known), n=1)
            message = (
                tr(
                    "onbekend thema '{thema}'; bedoelde je '{bedoeld}'?",
                    thema=thema,
                    bedoeld=close[0],
                )
                if close
                else tr("onbekend thema '{thema}'", thema=thema)
            )
            yield Finding(
                "prioriteiten.yaml",
                ("prioriteiten", position, "themas", t_index),
                message,
                tr("thema's: {themas}", themas=", ".join(known)),
            )
