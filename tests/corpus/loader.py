"""Hostile folders for the loader: files, YAML, CSV and values."""

from __future__ import annotations

from corpus import Case

CASES: list[Case] = []
