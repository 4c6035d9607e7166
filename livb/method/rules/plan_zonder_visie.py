"""Plan zonder visie.

Wat het controleert:
    Zodra het plan doelstellingen heeft, beschrijft plan.yaml ook de visie van het bestuur.

Waarom:
    Een veiligheidsplan dat alleen maatregelen en streefcijfers opsomt, zegt niet welk
    maatschappelijk effect het bestuur nastreeft. De methode (stap 3.2) en het CCV vragen
    een visie als vertrekpunt.

Oplossing:
    Schrijf de visie onder ``visie`` in plan.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import phase_three_started
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB401"
NAME = "plan-zonder-visie"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, stap 3.2: de visie van het lokaal bestuur; CCV, afbakening en structuur")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when goals exist but the vision is empty."""
    if phase_three_started(context.project) and not context.project.plan.visie:
        yield Finding(
            "plan.yaml",
            (),
            tr("het plan heeft doelstellingen maar geen visie"),
            tr("schrijf de visie van het bestuur onder 'visie'"),
        )
