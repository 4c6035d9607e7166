"""A letter asking a partner for the data of the diagnostiek (Tool C, step 2.1): one per partner.

A partner is the actor named under ``actor:`` of a source in diagnostiek/bronnen.yaml, or, for
a source without one, its ``leverancier``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from typing import Any

from livb.core.i18n import N_, tr
from livb.documents import _process_view as pv
from livb.documents._base import Context, Document, NoReason, dated
from livb.documents.views import Views
from livb.method.queries import meetings_for, plan_approved
from livb.model import Project
from livb.model.actoren import Actor
from livb.model.diagnostiek import Bron, Gegevenssoort
from livb.model.stappen import Stap
from livb.word.ir import Missing

KINDS = {Gegevenssoort.FEIT: N_("feiten"), Gegevenssoort.WAARNEMING: N_("beleving"),
         Gegevenssoort.CONTEXT: N_("context")}  # fmt: skip
CONTENT = {
    Gegevenssoort.FEIT: N_("wat de feiten zeggen"),
    Gegevenssoort.WAARNEMING: N_("hoe inwoners de veiligheid beleven"),
    Gegevenssoort.CONTEXT: N_("in welke context dat gebeurt"),
}
"""What the diagnostiek shows of each kind of data it holds: the letter names only those."""


def partners(project: Project) -> dict[str, list[Bron]]:
    """The sources each partner delivers, by the partner's item id (actor id or a slug)."""
    found: dict[str, list[Bron]] = defaultdict(list)
    for bron in project.bronnen.bronnen:
        if bron.actor and bron.actor == project.instellingen.coordinator:
            continue  # what the coordinator gathers needs no letter
        keys = [bron.actor] if bron.actor else [_slug(name) for name in bron.leveranciers]
        for key in dict.fromkeys(keys):
            found[key].append(bron)
    return dict(found)


def _supplier(item: str, bron: Bron) -> str:
    """The name of the supplier a letter goes to, as the source names it."""
    return next((name for name in bron.leveranciers if _slug(name) == item), item)


def _supplier_named(views: Views, item: str, bron: Bron) -> Any:
    """The supplier's name, marked with its place in the source (one of a list, or the one)."""
    name = _supplier(item, bron)
    if isinstance(bron.leverancier, list):
        index = bron.leverancier.index(name) if name in bron.leverancier else None
        return name if index is None else views.field(bron, "leverancier", index)
    return views.field(bron, "leverancier") if bron.leverancier == name else name


def _why_not(project: Project, today: dt.date) -> str | None:
    if not _letters(project):
        return tr("diagnostiek/bronnen.yaml noemt nog geen partner die gegevens levert (stap 2.1)")
    if project.bevindingen.bevindingen or plan_approved(project) is None:
        return None
    return NoReason(tr("het plan is al goedgekeurd zonder bevindingen in de diagnostiek"))


def _letters(project: Project) -> list[str]:
    """The partners a letter goes to: not the gemeente itself (its own services need none)."""
    gemeente = project.instellingen.gemeente
    own = {
        _slug(name)
        for name in (
            "gemeente",
            "stad",
            gemeente.naam,
            f"gemeente {gemeente.naam}",
            f"stad {gemeente.naam}",
            "gemeentediensten",
            "stadsdiensten",
            "commune",
            "ville",
            f"commune de {gemeente.naam}",
            f"ville de {gemeente.naam}",
            "services communaux",
        )
    }
    return sorted(key for key in partners(project) if key not in own)


SLUG_LENGTH = 60
"""The longest item id made from a supplier's name: it becomes part of a file name."""


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        # Two long names that start alike must stay two letters: end with a short hash.
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        slug = slug[: SLUG_LENGTH - 9].rsplit("-", 1)[0] + "-" + digest
    return slug or "partner"


def build(views: Views, item: str | None) -> Context:
    """The addressee, the data asked (sources and their series) and the promise of care."""
    assert item is not None  # a document per partner
    project = views.project
    sources = partners(project)[item]
    positions = {id(b): n for n, b in enumerate(project.bronnen.bronnen)}
    series: dict[str, list[Any]] = defaultdict(list)
    for reeks in project.cijfers.reeksen:
        series[reeks.bron].append(reeks)
    day = pv.event_date(views, Stap.S2_1)  # the letter as of its own day
    presented = [v.datum for _, v in meetings_for(project, Stap.S2_4) if v.datum >= day]
    first = sources[0]
    actor = views.actors.get(first.actor) if first.actor else None
    return views.common() | {
        "aanhef": _salutation(actor),
        "aan": views.actor(first.actor)
        if first.actor
        else {"naam": _supplier_named(views, item, first)},
        "organisatie": "" if first.actor else _supplier_named(views, item, first),
        "bronnen": [
            {
                "naam": views.field(b, "naam"),
                "soort": tr(KINDS[b.soort]),
                "periode": views.field(b, "periode")
                or Missing(
                    tr("de periode van '{naam}'", naam=b.naam),
                    "diagnostiek/bronnen.yaml",
                    f"bronnen[{positions[id(b)]}].periode",
                ),
                "omschrijving": views.field(b, "omschrijving") or "",
                "reeksen": [
                    f"{views.field(r, 'naam')}" + (f" ({r.eenheid})" if r.eenheid else "")
                    for r in series[b.id]
                ],
            }
            for b in sources
        ],
        "redactiecomite": views.people(project.organen.redactiecomite.leden),
        "bespreking": min(presented) if presented else None,
        "inhoud": [
            tr(text)
            for kind, text in CONTENT.items()
            if any(b.soort is kind for b in project.bronnen.bronnen)
        ],
        "datum": day,
    }


def _salutation(actor: Actor | None) -> str:
    address = (actor.aanspreking or "").lower() if actor else ""
    if address in ("de heer", "heer", "mijnheer", "monsieur", "m."):
        return tr("Geachte heer")
    if address in ("mevrouw", "mevr.", "madame", "mme"):
        return tr("Geachte mevrouw")
    return tr("Geachte")


def _title(context: Context) -> str:
    aan = context["aan"]
    name = aan["naam"] if isinstance(aan, dict) and isinstance(aan["naam"], str) else tr("partner")
    return tr("Vraag om gegevens: {naam}", naam=name)


def _date(context: Context) -> dt.date | None:
    return dated(context["datum"])


DOCUMENT = Document(
    name="gegevensaanvraag",
    title="Vraag om gegevens aan een partner",
    stap="2.1",
    template="gegevensaanvraag.md.j2",
    filename="gegevensaanvraag-{item}.docx",
    build=build,
    why_not=_why_not,
    per="partner",
    items=_letters,
    choices=lambda project: sorted(partners(project)),
    heading=_title,
    date=_date,
)
