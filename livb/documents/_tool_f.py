"""Tool F: the frame, statements and questions of the brainstorm, in the gemeente's own terms."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from livb.core.formatting import join
from livb.documents._process_view import meeting_of
from livb.documents.views import Views
from livb.folder.yamlio import parse_fast
from livb.method.queries import aligned_plans
from livb.model.actoren import Rol
from livb.model.plan import Plansoort


@cache
def defaults() -> dict[str, list[str]]:
    """Livb's own wording of Tool F (livb/data/brainstorm.yaml), with {placeholders}."""
    text = resources.files("livb").joinpath("data", "brainstorm.yaml").read_text(encoding="utf-8")
    data = parse_fast(text)
    return {key: [str(item) for item in data[key]] for key in ("kader", "stellingen", "vragen")}


def terms(views: Views) -> dict[str, str]:
    """The gemeente's own words for the placeholders."""
    project = views.project
    config = project.instellingen
    gemeente = config.gemeente
    zone = gemeente.politiezone.naam if gemeente.politiezone else ""
    zvp = next((p for p in aligned_plans(project) if p.soort is Plansoort.ZVP), None)
    coordinator = next(
        (a for a in project.actoren.actoren if a.id == config.coordinator), None
    ) or next((a for a in project.actoren.actoren if a.rol is Rol.COORDINATOR), None)
    plans = [_the(p.titel) for p in aligned_plans(project)]
    zvp_text = (
        _the(zvp.titel) if zvp else f"het zonaal veiligheidsplan{f' van {zone}' if zone else ''}"
    )
    generic = [zvp_text, "het lokaal sociaal beleid", "het nood- en interventieplan",
               "de meerjarenplanning"]  # fmt: skip
    return {
        "plannen": join(plans or generic),
        "beleid": config.beleid.titel,
        "plan": config.beleid.plannaam,
        "de_gemeente": f"de {gemeente.bestuursvorm.value} {gemeente.naam}",
        "bestuursvorm": gemeente.bestuursvorm.value,
        "zvp": zvp_text,
        "coordinator": (coordinator.functie if coordinator and coordinator.functie else "")
        or "coördinator integrale veiligheid",
    }


def brainstorm(views: Views) -> dict[str, Any]:
    """The frame, statements and questions filled in, and the priorities to keep at hand."""
    words = terms(views)
    texts = {
        key: [_fill(_own_name(text, words["beleid"]), words) for text in items]
        for key, items in defaults().items()
    }
    zvp = next((p for p in aligned_plans(views.project) if p.soort is Plansoort.ZVP), None)
    return texts | {
        "prioriteiten": [views.field(p, "titel") for p in views.project.prioriteiten.prioriteiten],
        "gekozen": meeting_of(views, views.project.prioriteiten.vergadering),
        "zvp": words["zvp"] if zvp else "",
        "zvp_prioriteiten": [views.field(i, "titel") for i in zvp.prioriteiten] if zvp else [],
    }


ALTERNATIVES = ("integrale veiligheid", "integrale leefbaarheid")
"""The two names question 3 weighs; a policy named after one of them needs no third option."""


def _own_name(text: str, name: str) -> str:
    """Question 3 without 'or does our own name fit best?' when the own name is one of the two."""
    if name.strip().lower() in ALTERNATIVES:
        return text.replace(", of past '{beleid}' het best?", "?")
    return text


def _the(title: str) -> str:
    """A plan's title in a sentence: 'het zonaal veiligheidsplan PZ Zennevallei 2009-2012'."""
    if title.lower().startswith(("het ", "de ")):
        return title[:1].lower() + title[1:]
    if title[1:2].islower():
        title = title[:1].lower() + title[1:]
    return f"het {title}"


def _fill(text: str, words: dict[str, str]) -> str:
    for key, value in words.items():
        text = text.replace("{" + key + "}", value)
    return text[:1].upper() + text[1:]
