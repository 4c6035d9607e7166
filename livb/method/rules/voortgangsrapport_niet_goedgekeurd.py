"""Ontwerpfase zonder goedgekeurd voortgangsrapport.

Wat het controleert:
    Voor de projectgroepen aan doelstellingen werken (fase 3), keurde het college het
    voortgangsrapport van stap 2.7 goed: diagnostiek, prioriteiten en projectgroepen.

Waarom:
    De goedkeuring door het college geeft de keuze van de prioriteiten een politiek
    draagvlak; zonder die beslissing werken de projectgroepen op losse schroeven.

Oplossing:
    Leg het voortgangsrapport voor aan het college en noteer de beslissing in besluiten.yaml
    (``door: college``, ``onderwerp: voortgangsrapport``).
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import decisions, held, meetings_for, phase_three_started
from livb.method.rules._base import Finding, RuleContext
from livb.model.besluiten import Instantie, Onderwerp
from livb.model.stappen import Stap

CODE = "LIVB311"
NAME = "voortgangsrapport-niet-goedgekeurd"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 2.7: het college keurt het voortgangsrapport goed")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when phase 3 runs without the college's approval of the progress report."""
    project = context.project
    design_meetings = [
        v
        for stap in (Stap.S3_1, Stap.S3_2, Stap.S3_3, Stap.S3_5)
        for _, v in meetings_for(project, stap)
        if held(v, context.today)
    ]
    if not design_meetings and not phase_three_started(project):
        return
    approved = decisions(
        project, Onderwerp.VOORTGANGSRAPPORT, (Instantie.COLLEGE,), today=context.today
    )
    if not approved:
        yield Finding(
            "besluiten.yaml",
            (),
            tr(
                "de ontwerpfase loopt, maar het college keurde het voortgangsrapport (stap "
                "2.7) niet goed"
            ),
            tr("noteer de beslissing: door: college, onderwerp: voortgangsrapport"),
        )
