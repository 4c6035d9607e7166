"""The theme taxonomy: the clusters of the Kadernota Integrale Veiligheid, or the gemeente's own."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from livb.model import Project


@cache
def kiv_themes() -> dict[str, str]:
    """The ten clusters and five transversal themes of the KIV 2022-2024, by id."""
    text = resources.files("livb").joinpath("data", "themas_kiv.csv").read_text(encoding="utf-8")
    return {row["id"]: row["titel"] for row in csv.DictReader(text.splitlines())}


def themes(project: Project) -> dict[str, str]:
    """The themes a priority may name: the gemeente's own list from livb.yaml, or the KIV's."""
    own = project.instellingen.themas
    if own is not None:
        return {thema.id: thema.titel for thema in own}
    return kiv_themes()
