"""Options and the environment: encodings, wrong option values, folders that are not folders."""

from __future__ import annotations

from corpus import Case

CASES: list[Case] = []
