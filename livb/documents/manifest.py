"""The output folder's manifest: what livb wrote, so that hand edits are never overwritten."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from livb.yamlio import write_atomic

MANIFEST = ".livb-manifest.json"


def read_manifest(out: Path) -> dict[str, str]:
    """The recorded hash of every file livb wrote in ``out`` (empty when there is none)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def write_manifest(out: Path, manifest: dict[str, str]) -> None:
    """Record the hashes, sorted, in one atomic write."""
    write_atomic(out / MANIFEST, json.dumps(dict(sorted(manifest.items())), indent=2) + "\n")


def digest(data: bytes) -> str:
    """The hash the manifest records for a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def changed_by_hand(path: Path, recorded: str | None) -> bool:
    """Whether the file at ``path`` is not what livb recorded (or livb never wrote it)."""
    if not path.exists():
        return False
    if recorded is None:
        return True  # a file livb did not write: never overwrite it silently
    return digest(path.read_bytes()) != recorded
