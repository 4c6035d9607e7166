"""Actie over tijd in de opvolging.

Wat het controleert:
    De recentste stand van een actie in monitoring/JJJJ.yaml is ``gepland`` of ``lopend``,
    terwijl de actie volgens het plan (``einde`` in doelstellingen/) in dat jaar al klaar
    moest zijn. Het jaar van het bestand telt, niet vandaag: een actie die in 2011 liep en
    pas eind 2012 moest eindigen, is in monitoring/2011.yaml op schema.

Waarom:
    De opvolging van elke actie (fase 4, realiseren) moet zeggen waar ze echt staat. Een
    actie die haar einddatum voorbij is, is afgerond, vertraagd (met de reden) of geschrapt
    (met de reden); "lopend" verbergt een vertraging voor de kerngroep en het college.

Voorbeeld:
    In monitoring/2011.yaml staat ``{actie: a-vrijwilligers, status: lopend}``, maar de
    actie moest eindigen op 2011-06-30.

Oplossing:
    Zet de status op ``afgerond``, of op ``vertraagd`` of ``geschrapt`` met een ``reden``;
    of verschuif het ``einde`` van de actie in doelstellingen/ als het plan werd bijgestuurd.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr, word
from livb.method.queries import action_states
from livb.method.rules._base import Finding, RuleContext
from livb.model.plan import Status

CODE = "LIVB222"
NAME = "actie-over-tijd"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, fase 4 (realiseren): de opvolging van elke actie")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield every action whose latest monitoring state leaves it running past its end."""
    for state in action_states(context.project, context.today).values():
        einde = state.actie.einde
        if state.plaats is None or state.jaar is None or einde is None:
            continue
        if state.status not in (Status.GEPLAND, Status.LOPEND):
            continue
        day = min(dt.date(state.jaar, 12, 31), context.today)
        if einde < day:
            path, loc = state.plaats
            yield Finding(
                path,
                (*loc, "status"),
                tr(
                    "de actie '{actie}' staat in {jaar} op {status}, maar moest klaar zijn op "
                    "{einde}",
                    actie=state.actie.id,
                    jaar=state.jaar,
                    status=word(state.status.value),
                    einde=einde,
                ),
                tr("zet ze op afgerond, of op vertraagd of geschrapt met een 'reden'"),
            )
