"""The theme taxonomy: the clusters of the Kadernota Integrale Veiligheid, or the gemeente's own."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from livb.core import i18n
from livb.model import Project


def kiv_themes() -> dict[str, str]:
    """The ten clusters and five transversal themes of the KIV 2022-2024, by id.

    Named in the current language: the federal framework note has them in Dutch and French.
    """
    return _kiv_themes(i18n.language())


@cache
def _kiv_themes(taal: str) -> dict[str, str]:
    text = resources.files("livb").joinpath("data", "themas_kiv.csv").read_text(encoding="utf-8")
    column = "titel_fr" if taal == "fr" else "titel"
    return {row["id"]: row[column] for row in csv.DictReader(text.splitlines())}


def themes(project: Project) -> dict[str, str]:
    """The themes a priority may name: the gemeente's own list from livb.yaml, or the KIV's."""
    own = project.instellingen.themas
    if own is not None:
        return {thema.id: thema.titel for thema in own}
    return kiv_themes()
