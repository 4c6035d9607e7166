"""Kerngroep dekt niet de hele veiligheidsketen.

Wat het controleert:
    Samen dekken de leden van de kerngroep elke schakel van de veiligheidsketen: preventie,
    repressie en nazorg (volgens ``schakels`` in actoren.yaml; eigen woorden tellen voor de
    schakel die ``keten`` in livb.yaml ervoor opgeeft). De burgemeester en de coördinator
    tellen daarbij niet mee: de burgemeester regisseert de hele keten en de coördinator
    coördineert ze, maar geen van beiden brengt een dienst of organisatie mee die een
    schakel uitvoert. Zolang de kerngroep alleen uit hen bestaat, is ze nog niet
    samengesteld (stap 1.5) en zwijgt de regel.

Waarom:
    De methode vraagt een kerngroep waarin elke schakel van de keten vertegenwoordigd is
    door mensen die zelf in de dossiers staan en hun organisatie kunnen meekrijgen (stap
    1.5). Zonder nazorg of zonder preventie wordt het beleid eenzijdig.

Voorbeeld:
    Een kerngroep van burgemeester, korpschef en preventieambtenaar: niemand dekt de nazorg,
    ook al staat bij de burgemeester ``schakels: [preventie, repressie, nazorg]``.

Oplossing:
    Neem een partner op die de ontbrekende schakel dekt (bv. het OCMW of de sociale dienst
    voor nazorg), of vul ``schakels`` aan bij de leden die ze al dekken.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr, word
from livb.method.queries import kerngroep, links
from livb.method.rules._base import Finding, RuleContext
from livb.model.actoren import Rol, Schakel

CODE = "LIVB203"
NAME = "kerngroep-keten"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 1.5: elke schakel van de veiligheidsketen in de kerngroep")
NEEDED = (Schakel.PREVENTIE, Schakel.REPRESSIE, Schakel.NAZORG)
DIRECTING = (Rol.BURGEMEESTER, Rol.COORDINATOR)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when a link of the chain has nobody in the kerngroep but the directors."""
    project = context.project
    members = kerngroep(project)
    carriers = [
        actor
        for actor in members
        if actor.rol not in DIRECTING and actor.id != project.instellingen.coordinator
    ]
    if not carriers:
        return
    covered = links(project, (term for actor in carriers for term in actor.schakels))
    missing = [schakel.value for schakel in NEEDED if schakel not in covered]
    if missing:
        yield Finding(
            "organen.yaml",
            ("kerngroep", "leden"),
            tr(
                "niemand in de kerngroep dekt {missing} (burgemeester en coördinator niet "
                "meegerekend)",
                missing=tr(" en ").join(word(s) for s in missing),
            ),
            tr("neem een partner op die deze schakel dekt, of vul 'schakels' aan in actoren.yaml"),
        )
