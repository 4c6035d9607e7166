"""A gemeente's own templates: symlinks, includes, limits."""

from __future__ import annotations

from corpus import Case

CASES: list[Case] = []
