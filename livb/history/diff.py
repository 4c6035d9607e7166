"""What changed between two versions of a project, item by item, in the order of the plan.

:func:`compare` takes two loaded projects (no files, no git) and gives a list of
:class:`Change` values: an item (priority, goal, indicator, action, body, actor, decision,
meeting, series of figures, other file) added, removed, changed or given a new id, with its
old and new field values. An interview is named by its file only: interviews are
confidential. The order follows the plan: the plan's text, then each priority with its
strategic goals, their operational goals and those goals' indicators and actions, then the
bodies, actors, decisions, meetings, figures and other files. A removed item keeps its old
place, after the item it followed.

Matching is by id. An item whose id disappeared and whose content reappears unchanged under a
new id is a :attr:`Aard.NIEUWE_ID`; an item that kept its id and changed its title is a
change with a ``titel`` (or ``naam``) field. An item that moved to another parent (an action
to another operational goal) has a ``verplaatst`` field with the old and new parent's id.

The second half of the module words a change in Dutch (:func:`item_label`,
:func:`change_text`, :func:`value_text`), for ``livb diff`` and for a document that lists
the changes since an approved version.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from pydantic import BaseModel

from livb.core.formatting import long_date, money, number
from livb.core.i18n import N_, tr, word
from livb.model import Project
from livb.model.besluiten import Besluit
from livb.model.walk import amount_fields

MOVED = "verplaatst"
"""The name of the field that records a move to another parent."""


def decision_sentence(besluit: Besluit) -> str:
    """A decision in words: 'plan goedgekeurd door gemeenteraad op 23 maart 2010'."""
    return tr(
        "{onderwerp} {uitkomst} door {door} op {datum}",
        onderwerp=word(besluit.onderwerp.label),
        uitkomst=word(besluit.uitkomst.value),
        door=word(besluit.door.label),
        datum=long_date(besluit.datum),
    )


class Soort(StrEnum):
    """The kinds of item a comparison knows, in the order of the report."""

    PLAN = "plan"
    PRIORITEIT = "prioriteit"
    STRATEGISCHE_DOELSTELLING = "strategische doelstelling"
    OPERATIONELE_DOELSTELLING = "operationele doelstelling"
    INDICATOR = "indicator"
    ACTIE = "actie"
    ORGAAN = "orgaan"
    PROJECTGROEP = "projectgroep"
    ACTOR = "actor"
    BESLUIT = "besluit"
    VERGADERING = "vergadering"
    CIJFERREEKS = "cijferreeks"
    BESTAND = "bestand"


class Aard(StrEnum):
    """What happened to an item."""

    TOEGEVOEGD = "toegevoegd"
    VERWIJDERD = "verwijderd"
    GEWIJZIGD = "gewijzigd"
    NIEUWE_ID = "nieuwe id"
    """Same content, new id (the old id is in :attr:`Change.oude_id`)."""


@dataclass(frozen=True)
class Veld:
    """One field of an item: its old and new value (None when absent or empty).

    Values are plain: text, numbers, booleans, dates, lists and mappings of those.
    """

    naam: str
    oud: Any
    nieuw: Any


@dataclass(frozen=True, order=True)
class Plaats:
    """An item that holds a changed item: a priority, a strategic or operational goal."""

    soort: Soort
    id: str
    titel: str | None


@dataclass(frozen=True, order=True)
class Change:
    """One item that was added, removed, changed or given a new id.

    Attributes:
        volgorde: the place in the plan's order; sorting changes sorts them by the plan.
        soort: the kind of item.
        id: the item's id (the new one after a new id; a file's path for a file).
        aard: what happened.
        titel: the item's title (the new one; the old one for a removed item).
        oude_id: the old id, with :attr:`Aard.NIEUWE_ID`.
        binnen: the items that hold it, outermost first (priority, goals).
        velden: the fields that differ; for an added item its filled fields (old None), for a
            removed one its fields (new None).
    """

    volgorde: int
    soort: Soort
    id: str
    aard: Aard
    titel: str | None = field(default=None, compare=False)
    oude_id: str | None = field(default=None, compare=False)
    binnen: tuple[Plaats, ...] = field(default=(), compare=False)
    velden: tuple[Veld, ...] = field(default=(), compare=False)

    @property
    def nieuwe_titel(self) -> Veld | None:
        """The title field when the item kept its id and changed its title."""
        return next((v for v in self.velden if v.naam in ("titel", "naam")), None)


def compare(old: Project, new: Project) -> list[Change]:
    """Every change from ``old`` to ``new``, in the order of the plan."""
    before, after = _tree(old), _tree(new)
    matches = _match(before, after)
    return list(_Walk(matches).changes(after, before))


@dataclass
class _Node:
    soort: Soort
    id: str
    titel: str | None
    velden: dict[str, Any]
    children: list[_Node] = field(default_factory=list)
    key: tuple[Soort, str] = (Soort.PLAN, "")
    parent: tuple[Soort, str] | None = None
    virtual: bool = False
    """A priority that goals name but prioriteiten.yaml does not define."""
    content: Any = None
    """What is compared when the fields are not shown (a whole file)."""

    @property
    def signature(self) -> str:
        value = self.content if self.content is not None else self.velden
        return json.dumps(_strip(value), sort_keys=True, default=str)

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not _empty(v)}
    return value


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


def _plain(value: Any) -> Any:
    """A value of ``model_dump()`` with its enums as their text."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    return value.value if isinstance(value, Enum) else value


def _fields(model: BaseModel, *without: str) -> dict[str, Any]:
    dumped: dict[str, Any] = _plain(model.model_dump(exclude={"id", *without}))
    return dumped


_COVERED = ("plan.yaml", "prioriteiten.yaml", "organen.yaml", "actoren.yaml", "besluiten.yaml")
_COVERED_FOLDERS = ("doelstellingen/", "vergaderingen/")
_CONFIDENTIAL = ("gesprekken/",)
"""Interviews are confidential: a comparison names the file, never its content."""


def _tree(project: Project) -> _Node:
    root = _Node(Soort.PLAN, "", None, {})
    root.children.append(_Node(Soort.PLAN, "plan", None, _fields(project.plan)))
    root.children.extend(_priorities(project))
    organen = project.organen
    for name in ("kerngroep", "redactiecomite", "pilootcomite"):
        root.children.append(_Node(Soort.ORGAAN, name, None, _fields(getattr(organen, name))))
    for groep in organen.projectgroepen:
        root.children.append(_Node(Soort.PROJECTGROEP, groep.id, groep.naam, _fields(groep)))
    for actor in project.actoren.actoren:
        title = actor.naam or actor.functie
        root.children.append(_Node(Soort.ACTOR, actor.id, title, _fields(actor)))
    for besluit in project.besluiten.besluiten:
        title = decision_sentence(besluit)
        root.children.append(_Node(Soort.BESLUIT, besluit.id, title, _fields(besluit)))
    for stem, vergadering in sorted(project.vergaderingen.items()):
        title = f"{vergadering.titel or vergadering.orgaan}, {long_date(vergadering.datum)}"
        root.children.append(_Node(Soort.VERGADERING, stem, title, _fields(vergadering)))
    for reeks in project.cijfers.reeksen:
        velden = _fields(reeks, "waarden")
        velden["waarden"] = dict(sorted(project.series.get(reeks.id, {}).items()))
        root.children.append(_Node(Soort.CIJFERREEKS, reeks.id, reeks.naam, velden))
    for path, model in sorted(project.files.items()):
        if path in _COVERED or path.startswith(_COVERED_FOLDERS) or path.endswith("cijfers.yaml"):
            continue
        if path.startswith(_CONFIDENTIAL):  # compared, never shown
            content = _plain(model.model_dump())
            root.children.append(_Node(Soort.BESTAND, path, None, {}, content=content))
        else:
            root.children.append(_Node(Soort.BESTAND, path, None, _fields(model)))
    rest = _fields(project.prioriteiten, "prioriteiten")  # the meeting that chose them
    root.children.append(_Node(Soort.BESTAND, "prioriteiten.yaml", None, rest))
    _index(root)
    return root


def _priorities(project: Project) -> list[_Node]:
    nodes = [
        _Node(Soort.PRIORITEIT, p.id, p.titel, _fields(p))
        for p in project.prioriteiten.prioriteiten
    ]
    owners: dict[str, _Node] = {}
    for node in nodes:
        owners.setdefault(node.id, node)  # a duplicate id: its goals go to the first
    for _, bestand in sorted(project.doelstellingen.items()):
        owner = owners.get(bestand.prioriteit)
        if owner is None:
            owner = _Node(Soort.PRIORITEIT, bestand.prioriteit, None, {}, virtual=True)
            owners[owner.id] = owner
            nodes.append(owner)
        for sd in bestand.strategische_doelstellingen:
            goal = _Node(Soort.STRATEGISCHE_DOELSTELLING, sd.id, sd.titel, _fields(sd, *_CHILDREN))
            owner.children.append(goal)
            for od in sd.operationele_doelstellingen:
                operational = _Node(
                    Soort.OPERATIONELE_DOELSTELLING, od.id, od.titel, _fields(od, *_CHILDREN)
                )
                goal.children.append(operational)
                operational.children.extend(
                    _Node(Soort.INDICATOR, i.id, i.naam, _fields(i)) for i in od.indicatoren
                )
                operational.children.extend(
                    _Node(Soort.ACTIE, a.id, a.titel, _fields(a)) for a in od.acties
                )
    return nodes


_CHILDREN = ("operationele_doelstellingen", "indicatoren", "acties")


def _index(root: _Node) -> None:
    """Give every node a key unique in its project, and its parent's key."""
    seen: dict[tuple[Soort, str], int] = {}

    def visit(node: _Node, parent: tuple[Soort, str] | None) -> None:
        for child in node.children:
            base = (child.soort, child.id)
            seen[base] = seen.get(base, 0) + 1
            child.key = base if seen[base] == 1 else (child.soort, f"{child.id}#{seen[base]}")
            child.parent = parent
            visit(child, child.key)

    visit(root, None)


@dataclass
class _Matches:
    old_to_new: dict[tuple[Soort, str], _Node]
    new_to_old: dict[tuple[Soort, str], _Node]


def _match(before: _Node, after: _Node) -> _Matches:
    old = {n.key: n for n in before.walk() if n is not before}
    new = {n.key: n for n in after.walk() if n is not after}
    old_to_new = {key: new[key] for key in old if key in new}
    # Same content under a new id: pair the leftovers of each kind, first come first served.
    waiting: dict[tuple[Soort, str], list[_Node]] = {}
    for key, node in old.items():
        if key not in new and not node.virtual and _strip(node.content or node.velden):
            waiting.setdefault((node.soort, node.signature), []).append(node)
    for key, node in new.items():
        if key in old or node.virtual:
            continue
        candidates = waiting.get((node.soort, node.signature))
        if candidates:
            old_to_new[candidates.pop(0).key] = node
    new_to_old = {target.key: old[key] for key, target in old_to_new.items()}
    return _Matches(old_to_new, new_to_old)


class _Walk:
    """Walks both trees at once: the new order, with each removed item after its predecessor."""

    def __init__(self, matches: _Matches) -> None:
        self.matches = matches
        self.count = 0

    def changes(self, new: _Node, old: _Node) -> Iterator[Change]:
        yield from self._children(new, old, ())

    def _children(
        self, new: _Node | None, old: _Node | None, inside: tuple[Plaats, ...]
    ) -> Iterator[Change]:
        for new_child, old_child in self._merged(new, old):
            yield from self._pair(new_child, old_child, inside)

    def _merged(
        self, new: _Node | None, old: _Node | None
    ) -> list[tuple[_Node | None, _Node | None]]:
        pairs: list[tuple[_Node | None, _Node | None]] = [
            (child, self.matches.new_to_old.get(child.key))
            for child in (new.children if new else [])
        ]
        siblings = old.children if old else []
        for index, child in enumerate(siblings):
            if child.key in self.matches.old_to_new:
                continue
            at = 0
            for previous in reversed(siblings[:index]):
                found = next((i for i, (_, o) in enumerate(pairs) if o is previous), None)
                if found is not None:
                    at = found + 1
                    break
            pairs.insert(at, (None, child))
        return pairs

    def _pair(
        self, new: _Node | None, old: _Node | None, inside: tuple[Plaats, ...]
    ) -> Iterator[Change]:
        shown = new or old
        assert shown is not None
        change = self._change(new, old, inside)
        if change is not None:
            yield change
        title = shown.titel if shown.titel or old is None else old.titel
        here = (*inside, Plaats(shown.soort, shown.id, title))
        yield from self._children(new, old, here)

    def _change(
        self, new: _Node | None, old: _Node | None, inside: tuple[Plaats, ...]
    ) -> Change | None:
        if new is not None and new.virtual:
            new = None
        if old is not None and old.virtual:
            old = None
        if old is None:
            return None if new is None else self._emit(new, Aard.TOEGEVOEGD, inside, _filled(new))
        if new is None:
            return self._emit(old, Aard.VERWIJDERD, inside, _filled(old, removed=True))
        velden = list(_differences(old, new))
        moved_from = self.matches.old_to_new.get(old.parent) if old.parent else None
        old_parent = moved_from.key if moved_from else old.parent
        if old_parent != new.parent:
            velden.append(
                Veld(MOVED, old_parent[1] if old_parent else None, new.parent and new.parent[1])
            )
        if old.key != new.key and old.id != new.id:
            return self._emit(new, Aard.NIEUWE_ID, inside, velden, old.id)
        if velden or old.content != new.content:
            return self._emit(new, Aard.GEWIJZIGD, inside, velden)
        return None

    def _emit(
        self,
        node: _Node,
        aard: Aard,
        inside: tuple[Plaats, ...],
        velden: Iterable[Veld],
        oude_id: str | None = None,
    ) -> Change:
        self.count += 1
        return Change(
            self.count, node.soort, node.id, aard, node.titel, oude_id, inside, tuple(velden)
        )


def _differences(old: _Node, new: _Node) -> Iterator[Veld]:
    names = list(new.velden) + [name for name in old.velden if name not in new.velden]
    for name in names:
        before, after = old.velden.get(name), new.velden.get(name)
        if _empty(before) and _empty(after):
            continue
        if before != after:
            yield Veld(name, None if _empty(before) else before, None if _empty(after) else after)


def _filled(node: _Node, *, removed: bool = False) -> list[Veld]:
    return [
        Veld(name, value, None) if removed else Veld(name, None, value)
        for name, value in node.velden.items()
        if not _empty(value)
    ]


# --- the changes in Dutch words (for the terminal and for documents) ---

_GOALS = N_("Prioriteiten en doelstellingen")
_BODIES = N_("Kerngroep, comités en projectgroepen")


class _Headings(dict[str, str]):
    """Dutch headings kept as marked texts, given in the current language when looked up."""

    def __getitem__(self, kind: str) -> str:
        """The heading of ``kind`` in the current language."""
        return tr(super().__getitem__(kind))


SECTIES: dict[str, str] = _Headings(  # the heading of each kind of item, in the run's language
    {
        "plan": N_("Het plan"),
        "prioriteit": _GOALS,
        "strategische doelstelling": _GOALS,
        "operationele doelstelling": _GOALS,
        "indicator": _GOALS,
        "actie": _GOALS,
        "orgaan": _BODIES,
        "projectgroep": _BODIES,
        "actor": N_("Actoren"),
        "besluit": N_("Besluiten"),
        "vergadering": N_("Vergaderingen"),
        "cijferreeks": N_("Cijfers van de diagnostiek"),
        "bestand": N_("Andere bestanden"),
    }
)
_EMPTY = N_("(leeg)")
_ORDER = N_("volgorde gewijzigd")
_SUMMARY_KEYS = ("punt", "wat", "titel", "naam", "tekst", "vraag", "id", "plan")
_AMOUNTS = amount_fields()
"""The fields the models type as amounts in euro: their values are shown as € 5.000."""


def _short_text(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_text(name: str, value: object) -> str:
    """A field's value in Dutch: € 5.000, 23 maart 2010, 150 (2012), 'tekst', (leeg)."""
    if value is None:
        return tr(_EMPTY)
    if isinstance(value, bool):
        return tr("ja") if value else tr("nee")
    if isinstance(value, int | float):
        if name.endswith("jaar"):  # jaar, laatste_jaar, onvolledig_jaar: 2012, not 2.012
            return str(value)
        return money(value) if name in _AMOUNTS else number(value)
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, dict):
        if value.keys() <= {"waarde", "jaar"} and "waarde" in value:
            year = f" ({value['jaar']})" if value.get("jaar") is not None else ""
            return f"{value_text('', value['waarde'])}{year}"
        if name in _AMOUNTS:  # toegekend: {2026: 60000}, amounts by year
            return "; ".join(f"{k}: {value_text(name, v)}" for k, v in value.items())
        return "; ".join(f"{k}: {value_text(str(k), v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_summary(item) for item in value) or tr(_EMPTY)
    return f"'{_short_text(str(value))}'"


def _summary(item: object) -> str:
    if isinstance(item, dict) and "bedrag" in item:
        return f"{_money_key(item)} {value_text('bedrag', item['bedrag'])}"
    if isinstance(item, dict):
        key = next((k for k in _SUMMARY_KEYS if item.get(k)), None)
        return f"'{_short_text(str(item[key]), 40)}'" if key else tr("(een element)")
    return value_text("", item) if not isinstance(item, str) else item


def _money_key(item: dict[str, object]) -> str:
    """An amount's year, source and category: '2026 svpp personeel'."""
    return " ".join(str(item[k]) for k in ("jaar", "bron", "categorie") if item.get(k) is not None)


def _euro(value: float) -> str:
    return value_text("bedrag", value)


def _amounts_change(old: list[dict[str, object]], new: list[dict[str, object]]) -> str:
    """Amounts per year and source (middelen, uitgaven): what changed, by year and source."""
    before: dict[str, float] = {}
    after: dict[str, float] = {}
    for items, sums in ((old, before), (new, after)):
        for item in items:
            key = _money_key(item)
            sums[key] = sums.get(key, 0.0) + float(item["bedrag"])  # type: ignore[arg-type]
    parts = [f"+ {k} {_euro(v)}" for k, v in after.items() if k not in before]
    parts += [f"− {k} {_euro(v)}" for k, v in before.items() if k not in after]
    parts += [
        f"{k} {_euro(before[k])} → {_euro(v)}"
        for k, v in after.items()
        if k in before and before[k] != v
    ]
    return ", ".join(parts) or tr(_ORDER)


def _all_have(items: list[object], key: str) -> bool:
    """Whether every item is a mapping with ``key`` filled in (and there is one at least)."""
    return bool(items) and all(isinstance(i, dict) and i.get(key) is not None for i in items)


def _list_change(old: list[object], new: list[object]) -> str:
    if all(isinstance(item, dict) and item.get("id") for item in (*old, *new)):
        return _items_change(old, new)  # type: ignore[arg-type]
    if _all_have([*old, *new], "actie"):  # monitoring entries, by their action
        return _items_change(old, new, "actie")  # type: ignore[arg-type]
    if _all_have([*old, *new], "bedrag"):
        return _amounts_change(old, new)  # type: ignore[arg-type]
    before = [_summary(item) for item in old]
    after = [_summary(item) for item in new]
    parts = [f"+ {item}" for item in after if item not in before]
    parts += [f"− {item}" for item in before if item not in after]
    if parts:
        return ", ".join(parts)
    changed = [after[i] for i, item in enumerate(new) if item not in old]
    if not changed:
        return tr(_ORDER)
    return tr("gewijzigd: {wat}", wat=", ".join(dict.fromkeys(changed)))


def _items_change(
    old: list[dict[str, object]], new: list[dict[str, object]], key_name: str = "id"
) -> str:
    """A list of items with an id (SWOT points, findings): by id, the text that changed.

    A change of money (an amount, amounts per year or source) is said field by field.
    """
    before = {str(item[key_name]): item for item in old}
    after = {str(item[key_name]): item for item in new}
    parts = [f"+ {key} {_summary(item)}" for key, item in after.items() if key not in before]
    parts += [f"− {key}" for key in before if key not in after]
    for key, item in after.items():
        previous = before.get(key)
        if previous is None or previous == item:
            continue
        text = next((k for k in _SUMMARY_KEYS[:-2] if item.get(k) != previous.get(k)), None)
        old_text, new_text = (previous.get(text), item.get(text)) if text else (None, None)
        money_change = _money_fields_change(previous, item)
        if money_change:
            parts.append(f"{key} {money_change}")
        elif isinstance(old_text, str) and isinstance(new_text, str):
            parts.append(f"{key} {_text_change(old_text, new_text)}")
        else:
            parts.append(tr("{id} gewijzigd", id=key))
    return ", ".join(parts) or tr(_ORDER)


def _money_fields_change(old: dict[str, object], new: dict[str, object]) -> str:
    """The money fields that differ between two versions of an item, in Dutch; '' for none."""
    names = [*new, *(k for k in old if k not in new)]
    return "; ".join(
        part
        for name in names
        if old.get(name) != new.get(name)
        for part in _money_field_change(name, old.get(name), new.get(name))
    )


def _money_field_change(name: str, old: object, new: object) -> list[str]:
    """One changed field, if it holds money: an amount, amounts by year, a list of amounts."""
    if name in _AMOUNTS and isinstance(old, dict | None) and isinstance(new, dict | None):
        a, b = old or {}, new or {}
        years = [*b, *(y for y in a if y not in b)]
        return [
            f"{name} {y}: {value_text(name, a.get(y))} → {value_text(name, b.get(y))}"
            for y in years
            if a.get(y) != b.get(y)
        ]
    if name in _AMOUNTS:
        return [f"{name} {value_text(name, old)} → {value_text(name, new)}"]
    items = [*(old if isinstance(old, list) else []), *(new if isinstance(new, list) else [])]
    if _all_have(items, "bedrag"):
        before = old if isinstance(old, list) else []
        after = new if isinstance(new, list) else []
        return [f"{name} {_amounts_change(before, after)}"]
    return []


def _text_change(old: str, new: str) -> str:
    """Two texts; a long one is shown as the words that differ, with a little context."""
    if len(old) <= 60 and len(new) <= 60:
        return f"'{old}' → '{new}'"
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    context = 3
    lead = "…" if start > context else ""
    tail = "…" if end > context else ""
    before = a[max(0, start - context) : start]
    after = a[len(a) - end : len(a) - end + context] if end else []

    def part(words: list[str]) -> str:
        middle = _short_text(" ".join(words), 80) if words else tr(_EMPTY)
        return " ".join(filter(None, [lead, *before, f"[{middle}]", *after, tail]))

    return f"{part(a[start : len(a) - end])} → {part(b[start : len(b) - end])}"


def field_text(veld: Veld, change: Change) -> str:
    """One changed field in Dutch: 'budget € 5.000 → € 7.500', 'leden + jan, − piet'."""
    old, new = veld.oud, veld.nieuw
    if veld.naam == MOVED:
        empty = tr(_EMPTY)
        return tr("verplaatst van {oud} naar {nieuw}", oud=old or empty, nieuw=new or empty)
    if change.nieuwe_titel is veld and isinstance(old, str) and isinstance(new, str):
        return tr(
            "nieuwe {veld} (zelfde id): {wijziging}",
            veld=veld.naam,
            wijziging=_text_change(old, new),
        )
    if isinstance(old, list) and isinstance(new, list):
        return f"{veld.naam} {_list_change(old, new)}"
    if isinstance(old, dict) and isinstance(new, dict) and not old.keys() <= {"waarde", "jaar"}:
        keys = list(new) + [k for k in old if k not in new]
        parts = [
            f"{k}: {value_text(str(k), old.get(k))} → {value_text(str(k), new.get(k))}"
            for k in keys
            if old.get(k) != new.get(k)
        ]
        return f"{veld.naam} " + "; ".join(parts)
    if isinstance(old, str) and isinstance(new, str):
        return f"{veld.naam} {_text_change(old, new)}"
    return f"{veld.naam} {value_text(veld.naam, old)} → {value_text(veld.naam, new)}"


def item_label(soort: str, id_: str, titel: str | None) -> str:
    """How the text names an item: "actie a-12 'Buurtpreventie'", 'kerngroep', 'swot.yaml'."""
    if soort in ("orgaan", "plan", "bestand"):
        return id_ if soort != "plan" else "plan.yaml"
    return f"{word(soort)} {id_}" + (f" '{_short_text(titel)}'" if titel else "")


def change_text(change: Change) -> tuple[str, list[str]]:
    """A change in Dutch: the words after its label, and a line per field below it.

    A change of one field is said on one line ("budget € 5.000 → € 7.500", no lines below);
    an added item lists its filled fields below "toegevoegd".
    """
    fields = [field_text(v, change) for v in change.velden]
    if change.aard is Aard.GEWIJZIGD:
        return (fields[0], []) if len(fields) == 1 else ("", fields)
    if change.aard is Aard.NIEUWE_ID:
        return tr("nieuwe id (was {id}), zelfde inhoud", id=change.oude_id), fields
    if change.aard is Aard.TOEGEVOEGD:
        added = [
            f"{v.naam} {value_text(v.naam, v.nieuw)}"
            for v in change.velden
            if v.naam not in ("titel", "naam")
        ]
        return tr("toegevoegd"), added
    return tr("verwijderd"), []
