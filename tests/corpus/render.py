"""Hostile scenarios for `livb render`: data that looks like structure, the output folder, interrupted runs."""

from __future__ import annotations

from corpus import Case

CASES: list[Case] = []
