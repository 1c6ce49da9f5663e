"""Counting fuzz examples per test and outcome (printed by ``tests/fuzz/conftest.py``)."""

from __future__ import annotations

from collections import Counter, defaultdict

TELLER: defaultdict[str, Counter[str]] = defaultdict(Counter)


#: The key counting examples (each test calls :func:`voorbeeld` once per example).
VOORBEELD = "voorbeelden"


def voorbeeld(test: str) -> str:
    """Count one example of ``test``; returns ``test`` for the outcome counts."""
    TELLER[test][VOORBEELD] += 1
    return test


def tel(test: str, uitkomst: str) -> None:
    TELLER[test][uitkomst] += 1
