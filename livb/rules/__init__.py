"""The registry of rules: every rule module, by its stable code."""

from __future__ import annotations

from livb.rules import (
    aanwezig_en_verontschuldigd,
    actor_zonder_naam,
    duplicate_id,
    max_vijf_prioriteiten,
    nis_code,
    nis_naam,
    nis_ontbreekt,
    projectleider_in_kerngroep,
    unknown_reference,
)
from livb.rules._base import Finding, RuleContext, RuleModule, as_rule

RULES: dict[str, RuleModule] = {
    rule.CODE: rule
    for rule in map(
        as_rule,
        (
            unknown_reference,
            duplicate_id,
            projectleider_in_kerngroep,
            nis_code,
            nis_naam,
            nis_ontbreekt,
            aanwezig_en_verontschuldigd,
            max_vijf_prioriteiten,
            actor_zonder_naam,
        ),
    )
}

__all__ = ["RULES", "Finding", "RuleContext", "RuleModule"]
