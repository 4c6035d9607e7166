"""Planperiode niet afgestemd op andere cycli.

Wat het controleert:
    De periode van het plan valt binnen de periode van de plannen waarmee het afgestemd is
    (zonaal veiligheidsplan, meerjarenplan, ...), en binnen één bestuursperiode van de
    gemeenteraad (2013-2018, 2019-2024, 2025-2030, ...).

Waarom:
    Elk plan heeft zijn eigen cyclus. Een integraal plan dat doorloopt na het zonaal
    veiligheidsplan of na de bestuursperiode, moet halverwege herzien worden; beter is dat
    te weten en te plannen.

Oplossing:
    Laat de periode aansluiten, of plan een herziening bij de nieuwe cyclus.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.queries import aligned_plans
from livb.method.rules._base import Finding, RuleContext

CODE = "LIVB407"
NAME = "planperiode-cycli"
SEVERITY = Severity.INFO
METHODE = N_("Methode, Tool F: afstemming met ZVP, meerjarenplanning en andere plannen")


def legislature(year: int) -> tuple[int, int]:
    """The six-year term of the municipal council that contains a year (2025-2030, ...)."""
    start = 2019 + 6 * ((year - 2019) // 6)
    return start, start + 5


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield notes where the plan's period runs past another cycle."""
    periode = context.project.instellingen.beleid.periode
    if periode is None:
        return
    plans = aligned_plans(context.project)
    zone = len(plans) - len(context.project.plan.afstemming)  # 1: the zone's ZVP comes first
    for position, plan in enumerate(plans):
        if plan.periode and (periode.van < plan.periode.van or periode.tot > plan.periode.tot):
            in_zone = position < zone  # the zone's ZVP: livb.yaml names its folder
            yield Finding(
                "livb.yaml" if in_zone else "plan.yaml",
                ("gemeente", "politiezone", "map")
                if in_zone
                else ("afstemming", position - zone, "periode"),
                tr(
                    "het plan ({van}-{tot}) valt niet binnen {ander}",
                    van=periode.van.year,
                    tot=periode.tot.year,
                    ander=_named_with_period(
                        plan.titel, plan.periode.van.year, plan.periode.tot.year
                    ),
                ),
                tr("plan een herziening wanneer de nieuwe cyclus van dat plan begint"),
            )
    term = legislature(periode.van.year)
    if periode.tot.year > term[1]:
        yield Finding(
            "livb.yaml",
            ("beleid", "periode"),
            tr(
                "het plan loopt over de bestuursperiode {term}-{term2} heen",
                term=term[0],
                term2=term[1],
            ),
            tr("plan een herziening na de gemeenteraadsverkiezingen"),
        )


def _named_with_period(title: str, start: int, end: int) -> str:
    """The other plan's title with its period, unless the title already says it."""
    years = f"{start}-{end}"
    if years in title or f"{start}–{end}" in title:
        return title
    return f"{title} ({years})"
