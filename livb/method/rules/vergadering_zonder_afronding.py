"""Vergadering zonder volgende stap, huiswerk of volgende datum.

Wat het controleert:
    Een gehouden vergadering noteert de volgende stap, het huiswerk voor de leden en de
    datum van de volgende vergadering. Open bijeenkomsten (een hoorzitting of een forum)
    hebben geen vaste leden en dus geen huiswerk: die slaat de regel over.

Waarom:
    De methode raadt aan elke vergadering af te ronden met de volgende stap en huiswerk, en
    de volgende datum vast te leggen met de agenda's van de leden; zo wordt het proces een
    doorlopend geheel.

Oplossing:
    Vul ``volgende_stap``, ``huiswerk`` en ``volgende_vergadering`` in.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import held, is_open_session
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB302"
NAME = "vergadering-zonder-afronding"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_(
    "Methode, goede reflexen: volgende stap, huiswerk en datum van de volgende vergadering"
)


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield what a held meeting misses of its closing."""
    for id_, vergadering in sorted(context.project.vergaderingen.items()):
        if not held(vergadering, context.today) or is_open_session(context.project, vergadering):
            continue
        missing = [
            name
            for name, value in (
                ("volgende_stap", vergadering.volgende_stap),
                ("huiswerk", vergadering.huiswerk),
                ("volgende_vergadering", vergadering.volgende_vergadering),
            )
            if not value
        ]
        if missing:
            yield Finding(
                f"vergaderingen/{id_}.yaml",
                (),
                tr(
                    "de vergadering van {datum} noteert geen {missing}",
                    datum=vergadering.datum,
                    missing=", ".join(missing),
                ),
                tr("rond elke vergadering af met de volgende stap, huiswerk en de volgende datum"),
            )
