"""Edges of :mod:`alvrules.kalender` (kill surviving mutants): the names of the holidays
that ``holidays`` gives are the Dutch ones the shipped table and the deadlines show."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.kalender import feestdagen_holidays


@pytest.mark.regel("CAL01")
def test_holidays_gives_the_dutch_names() -> None:
    namen = feestdagen_holidays(2024)
    assert namen[date(2024, 1, 1)] == "nieuwjaarsdag"
    assert namen[date(2024, 4, 27)] == "koningsdag"
    assert namen[date(2024, 12, 25)] == "eerste kerstdag"
