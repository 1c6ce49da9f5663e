"""Edges of :mod:`alvrules.kalender` (kill surviving mutants): the names of the holidays
that ``holidays`` gives are the Dutch ones the shipped table and the deadlines show."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.kalender import feestdagen_holidays


@pytest.mark.regel("CAL01")
@pytest.mark.parametrize("lang", [None, "en_US.UTF-8", "C.UTF-8"])
def test_holidays_gives_the_dutch_names(lang: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the environment's language (``holidays`` follows it unless told)."""
    if lang is not None:
        monkeypatch.setenv("LANG", lang)
    namen = feestdagen_holidays(2024)
    assert namen[date(2024, 1, 1)] == "nieuwjaarsdag"
    assert namen[date(2024, 4, 27)] == "koningsdag"
    assert namen[date(2024, 12, 25)] == "eerste kerstdag"
