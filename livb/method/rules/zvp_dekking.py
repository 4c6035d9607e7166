"""Prioriteit van het zonaal veiligheidsplan zonder antwoord.

Wat het controleert:
    Elke prioriteit van het zonaal veiligheidsplan (onder ``afstemming`` in plan.yaml, soort
    ``zvp``, of in zone.yaml van de gedeelde map van de politiezone) krijgt een antwoord:
    minstens één prioriteit van het plan verwijst ernaar met ``aansluiting``. Een verwijzing
    naar een prioriteit die niet in dat plan staat, wordt ook gemeld.

Waarom:
    Stelling 4 van de brainstorm (Tool F): het integraal veiligheidsplan moet een antwoord
    bieden op de prioriteiten van het zonaal veiligheidsplan. Zo vermijdt de gemeente dat
    twee plannen naast elkaar bestaan.

Oplossing:
    Vul ``aansluiting`` in bij de prioriteit die antwoordt, of leg in het plan uit waarom een
    zonale prioriteit hier niet speelt (en zet de regel dan uit in livb.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import aligned_plans
from livb.method.rules._base import Finding, RuleContext
from livb.model.plan import Plansoort

CODE = "LIVB221"
NAME = "zvp-dekking"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("Methode, Tool F, stelling 4: het plan antwoordt op de prioriteiten van het ZVP")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield ZVP priorities no priority answers, and answers to unknown ZVP priorities."""
    project = context.project
    priorities = project.prioriteiten.prioriteiten
    answered = {(a.plan, a.prioriteit) for p in priorities for a in p.aansluiting}
    plans = aligned_plans(project)
    zone = len(plans) - len(project.plan.afstemming)  # 1: the zone's ZVP comes first
    for p_index, plan in enumerate(plans):
        items = {item.id for item in plan.prioriteiten}
        for position, prioriteit in enumerate(priorities):
            for a_index, aansluiting in enumerate(prioriteit.aansluiting):
                if aansluiting.plan == plan.id and items and aansluiting.prioriteit not in items:
                    yield Finding(
                        "prioriteiten.yaml",
                        ("prioriteiten", position, "aansluiting", a_index, "prioriteit"),
                        tr(
                            "'{prioriteit}' is geen prioriteit van {titel}",
                            prioriteit=aansluiting.prioriteit,
                            titel=plan.titel,
                        ),
                        tr("kies uit: {sorted}", sorted=", ".join(sorted(items))),
                    )
        if plan.soort is not Plansoort.ZVP or not priorities:
            continue
        for i_index, item in enumerate(plan.prioriteiten):
            if (plan.id, item.id) not in answered:
                in_zone = p_index < zone  # the zone's ZVP: livb.yaml names its folder
                yield Finding(
                    "livb.yaml" if in_zone else "plan.yaml",
                    ("gemeente", "politiezone", "map")
                    if in_zone
                    else ("afstemming", p_index - zone, "prioriteiten", i_index, "id"),
                    tr(
                        "geen enkele prioriteit antwoordt op '{titel}' van {titel2}",
                        titel=item.titel,
                        titel2=plan.titel,
                    ),
                    tr(
                        "vul 'aansluiting: [{{plan: {plan}, prioriteit: {item}}}]' in bij de "
                        "prioriteit die erop antwoordt",
                        plan=plan.id,
                        item=item.id,
                    ),
                )
