"""Tool F: the frame, statements and questions of the brainstorm, in the gemeente's own terms."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from livb.core import i18n
from livb.core.formatting import join
from livb.core.i18n import tr
from livb.documents._process_view import meeting_of
from livb.documents.views import BESTUURSVORMEN, Views
from livb.folder.yamlio import parse_fast
from livb.method.queries import aligned_plans
from livb.model.actoren import Rol
from livb.model.plan import Plansoort


def defaults() -> dict[str, list[str]]:
    """Livb's own wording of Tool F in the current language, with {placeholders}."""
    return _wording(i18n.language())


@cache
def _wording(taal: str) -> dict[str, list[str]]:
    """livb/data/brainstorm.yaml (Dutch), or its twin brainstorm.<taal>.yaml."""
    name = "brainstorm.yaml" if taal == "nl" else f"brainstorm.{taal}.yaml"
    text = resources.files("livb").joinpath("data", name).read_text(encoding="utf-8")
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
    if zvp:
        zvp_text = _the(zvp.titel)
    elif zone:
        zvp_text = tr("het zonaal veiligheidsplan van {zone}", zone=zone)
    else:
        zvp_text = tr("het zonaal veiligheidsplan")
    generic = [zvp_text, tr("het lokaal sociaal beleid"), tr("het nood- en interventieplan"),
               tr("de meerjarenplanning")]  # fmt: skip
    return {
        "plannen": join(plans or generic),
        "beleid": config.beleid.titel,
        "plan": config.beleid.plannaam,
        "de_gemeente": views.common()["gemeente"]["de_gemeente"],
        "bestuursvorm": tr(BESTUURSVORMEN[gemeente.bestuursvorm]),
        "zvp": zvp_text,
        "coordinator": (coordinator.functie if coordinator and coordinator.functie else "")
        or tr("coördinator integrale veiligheid"),
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


ALTERNATIVES = (
    "integrale veiligheid",
    "integrale leefbaarheid",
    "sécurité intégrale",
    "qualité de vie intégrale",
)
"""The two names question 3 weighs; a policy named after one of them needs no third option."""


def _own_name(text: str, name: str) -> str:
    """Question 3 without 'or does our own name fit best?' when the own name is one of the two."""
    if name.strip().lower() in ALTERNATIVES:
        text = text.replace(", of past '{beleid}' het best?", "?")
        return text.replace(", ou « {beleid} » convient-il le mieux ?", " ?")
    return text


def _the(title: str) -> str:
    """A plan's title in a sentence: 'het zonaal veiligheidsplan PZ Zennevallei 2009-2012'."""
    if i18n.language() == "fr":
        return _le(title)
    if title.lower().startswith(("het ", "de ")):
        return title[:1].lower() + title[1:]
    if title[1:2].islower():
        title = title[:1].lower() + title[1:]
    return f"het {title}"


def _le(title: str) -> str:
    """A plan's title in a French sentence: 'le plan zonal de sécurité 2020-2025'."""
    if title.lower().startswith(("le ", "la ", "les ", "l'", "l\u2019")):
        return title[:1].lower() + title[1:]
    if title[1:2].islower():
        title = title[:1].lower() + title[1:]
    return f"le {title}"


def _fill(text: str, words: dict[str, str]) -> str:
    for key, value in words.items():
        text = text.replace("{" + key + "}", value)
    return text[:1].upper() + text[1:]
