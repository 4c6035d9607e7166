"""Hostile scenarios for `livb new`: concurrent edits, invalid options, Notepad files."""

from __future__ import annotations

from corpus import Case

CASES: list[Case] = []
