"""Indicator niet SMART.

Wat het controleert:
    Elke indicator heeft een basiswaarde (met jaar), een streefwaarde en een deadline, en
    die passen bij elkaar: het jaar van de streefwaarde ligt na dat van de basiswaarde en
    niet na de deadline.

Waarom:
    Een doel is pas toetsbaar als vaststaat waar je vertrekt, waar je naartoe wil en tegen
    wanneer (SMART: specifiek, meetbaar, acceptabel, realistisch, tijdgebonden). Eerdere
    veiligheidsplannen misten vaak net die streefwaarden.

Oplossing:
    Vul ``basiswaarde: {waarde, jaar}``, ``streefwaarde: {waarde, jaar}`` en ``deadline`` in.
"""

from __future__ import annotations

from collections.abc import Iterator

from livb.core.diagnostics import Severity
from livb.core.i18n import N_, tr
from livb.method.rules._base import Finding, RuleContext
from livb.model.walk import indicators

CODE = "LIVB218"
NAME = "indicator-niet-smart"
SEVERITY = Severity.WAARSCHUWING
METHODE = N_("CCV, doelen: SMART; methode, stap 3.2: doelstellingen en prestatie-indicatoren")


def check(context: RuleContext) -> Iterator[Finding]:
    """Yield indicators without baseline, target or deadline, or with years that clash."""
    for path, loc, indicator in indicators(context.project):
        missing = [
            name
            for name, value in (
                ("basiswaarde", indicator.basiswaarde),
                ("streefwaarde", indicator.streefwaarde),
                ("deadline", indicator.deadline),
            )
            if value is None
        ]
        if indicator.basiswaarde is not None and indicator.basiswaarde.jaar is None:
            missing.append(tr("het jaar van de basiswaarde"))
        if missing:
            yield Finding(
                path,
                (*loc, "id"),
                tr(
                    "indicator '{indicator}' mist {missing}",
                    indicator=indicator.id,
                    missing=", ".join(missing),
                ),
                tr("een toetsbare indicator heeft een vertrekpunt, een doel en een termijn"),
            )
            continue
        base, target, deadline = indicator.basiswaarde, indicator.streefwaarde, indicator.deadline
        assert base is not None and target is not None and deadline is not None
        if target.jaar is not None and base.jaar is not None and target.jaar <= base.jaar:
            yield Finding(
                path,
                (*loc, "streefwaarde"),
                tr(
                    "het jaar van de streefwaarde ({jaar}) ligt niet na dat van de basiswaarde "
                    "({jaar2})",
                    jaar=target.jaar,
                    jaar2=base.jaar,
                ),
                tr("verbeter een van beide jaren"),
            )
        if target.jaar is not None and target.jaar > deadline.year:
            yield Finding(
                path,
                (*loc, "deadline"),
                tr(
                    "de streefwaarde geldt voor {jaar}, maar de deadline is {deadline}",
                    jaar=target.jaar,
                    deadline=deadline,
                ),
                tr("laat de deadline en het jaar van de streefwaarde overeenstemmen"),
            )
