"""Which municipality of a police zone answers which priority of the zone's ZVP."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from livb.core.errors import LivbError
from livb.core.i18n import tr
from livb.model.zone import ZoneBestand

ZONE_FILE = "zone.yaml"


@dataclass
class ZoneStatus:
    """The zone's ZVP priorities, each with the municipalities (and their priorities) answering.

    Attributes:
        answers: per ZVP priority id: (municipality, the ids of its answering priorities).
        missing: the municipalities whose folder could not be read, with why.
        unlinked: the municipalities zone.yaml gives no folder for.
    """

    zone: ZoneBestand
    answers: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    missing: list[tuple[str, str]] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)


def is_zone_folder(root: Path) -> bool:
    """Whether the folder is a police zone's shared folder (zone.yaml, no livb.yaml)."""
    return (root / ZONE_FILE).is_file() and not (root / "livb.yaml").exists()


def load_zone(root: Path) -> ZoneBestand:
    """The zone's zone.yaml, validated.

    Raises:
        LivbError: it cannot be read or is not valid (said in Dutch).
    """
    from pydantic import ValidationError

    from livb.core import i18n
    from livb.folder.project import folder_language
    from livb.folder.schema_errors import translate
    from livb.folder.yamlio import YamlSyntaxError, parse_fast

    i18n.set_language(folder_language(root, ZONE_FILE))
    try:
        return ZoneBestand.model_validate(
            parse_fast((root / ZONE_FILE).read_text(encoding="utf-8-sig")) or {}
        )
    except OSError:
        raise LivbError(
            tr("kan {bestand} niet lezen", bestand=root / ZONE_FILE), tr("controleer het pad")
        ) from None
    except YamlSyntaxError as error:
        raise LivbError(f"{ZONE_FILE}:{error.line}: {error.message}", error.hint) from None
    except ValidationError as error:
        problem = translate(error.errors()[0], ZoneBestand)
        raise LivbError(f"{ZONE_FILE}: {problem.message}", problem.hint) from None


def build_zone_status(root: Path) -> ZoneStatus:
    """Load the zone and each municipality's folder it names, and match their answers."""
    from livb.folder.project import load_project

    zone = load_zone(root)
    status = ZoneStatus(zone, {p.id: [] for p in zone.zvp.prioriteiten})
    for gemeente in zone.gemeenten:
        if not gemeente.map:
            status.unlinked.append(gemeente.naam)
            continue
        try:
            loaded = load_project(root / gemeente.map)
        except LivbError as error:  # no folder there, or not a gemeente folder
            status.missing.append((gemeente.naam, error.message))
            continue
        if loaded.project is None:
            status.missing.append(
                (gemeente.naam, tr("de map heeft fouten: livb check {map}", map=gemeente.map))
            )
            continue
        for zvp_id in status.answers:
            ids = [
                p.id
                for p in loaded.project.prioriteiten.prioriteiten
                if any(a.plan == "zvp" and a.prioriteit == zvp_id for a in p.aansluiting)
            ]
            if ids:
                status.answers[zvp_id].append((gemeente.naam, ids))
    return status
