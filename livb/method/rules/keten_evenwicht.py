"""Evenwicht over de veiligheidsketen.

Wat het controleert:
    De acties van het plan samen dekken preventie, repressie en nazorg (``schakel`` bij elke
    actie). Een eigen woord (``schakel: reactie``) telt voor de schakel die ``keten`` in
    livb.yaml ervoor opgeeft. Ontbreekt een schakel, dan volgt een waarschuwing; daarnaast
    meldt deze regel hoe de acties over de keten verdeeld zijn.

Waarom:
    Integrale veiligheid besteedt aandacht aan elke schakel van de keten. Mechelen vroeg een
    evenwicht tussen proactieve, preventieve en reactieve aanpak; een plan met alleen
    controles, of alleen preventie, is niet integraal.

Oplossing:
    Voeg acties toe voor de ontbrekende schakel, of vul ``schakel`` in bij de bestaande acties.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr, word
from livb.method.queries import chain_balance
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import Schakel

CODE = "LIVB220"
NAME = "keten-evenwicht"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Protocolakkoord, context: de hele veiligheidsketen; Mechelen: evenwichtig beleid")
NEEDED = (Schakel.PREVENTIE, Schakel.REPRESSIE, Schakel.NAZORG)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a warning per missing link and one info finding with the balance."""
    counts = chain_balance(context.project)
    if not counts:
        return
    first = min(context.project.doelstellingen)
    for schakel in NEEDED:
        if not counts.get(schakel.value):
            yield Finding(
                first,
                (),
                tr("geen enkele actie voor de schakel {schakel}", schakel=word(schakel.value)),
                tr("voeg acties toe met 'schakel: {schakel}'", schakel=schakel.value),
            )
    spread = ", ".join(f"{word(name)} {count}" for name, count in sorted(counts.items()))
    yield Finding(
        first,
        (),
        tr("acties per schakel van de keten: {spread}", spread=spread),
        severity=Severity.INFO,
    )
