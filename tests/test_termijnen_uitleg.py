"""The explanations of TRM01-TRM09 word for word (pinned after review; kills mutants).

ALV on Tuesday 9 January 2024 with cut-off 13:00: counting back crosses Christmas, New
Year and three weekends, TRM03 counts forward over Christmas, and TRM07 falls on tweede
kerstdag (a calendar-day deadline does not move).
"""

from __future__ import annotations

from datetime import date, time

import pytest

from alvrules.model import Vergadering
from alvrules.termijnen import Termijn, termijnen

KERST_NL = (
    "zaterdag 23, zondag 24, maandag 25 (eerste kerstdag) en dinsdag 26 december (tweede kerstdag)"
)
KERST_EN = "Saturday 23, Sunday 24, Monday 25 (Christmas Day) and Tuesday 26 December (Boxing Day)"
KAL_NL = "kalender: Atw art. 3 (feestdagen)"
KAL_EN = "calendar: Atw art. 3 (public holidays)"
INDIENEN = (
    "2023-12-22T13:00:00+01:00",
    "9 werkdagen terug vanaf dinsdag 9 januari 2024, de vergaderdag niet meegeteld; overgeslagen: "
    f"{KERST_NL}; zaterdag 30 en zondag 31 december; maandag 1 januari (nieuwjaarsdag); "
    "zaterdag 6 en zondag 7 januari; "
    f"om 13.00 uur (sluitingstijd van de vergadering); {KAL_NL}",
    "9 working days back from Tuesday 9 January 2024, the meeting day not counted; skipped: "
    f"{KERST_EN}; Saturday 30 and Sunday 31 December; Monday 1 January (New Year's Day); "
    "Saturday 6 and Sunday 7 "
    f"January; at 1:00 pm (the meeting's cut-off time); {KAL_EN}",
)
VERWACHT: dict[str, tuple[str, str, str]] = {
    "TRM01": INDIENEN,
    "TRM02": INDIENEN,
    "TRM03": (
        "2023-12-27",
        f"1 werkdag na vrijdag 22 december 2023 (TRM01); overgeslagen: {KERST_NL}; {KAL_NL}",
        f"1 working day after Friday 22 December 2023 (TRM01); skipped: {KERST_EN}; {KAL_EN}",
    ),
    "TRM04": (
        "2023-12-12",
        "28 kalenderdagen voor dinsdag 9 januari 2024",
        "28 calendar days before Tuesday 9 January 2024",
    ),
    "TRM05": (
        "2023-12-05",
        "35 kalenderdagen voor dinsdag 9 januari 2024",
        "35 calendar days before Tuesday 9 January 2024",
    ),
    "TRM06": (
        "2023-12-19",
        "21 kalenderdagen voor dinsdag 9 januari 2024",
        "21 calendar days before Tuesday 9 January 2024",
    ),
    "TRM07": (
        "2023-12-26",
        "14 kalenderdagen voor dinsdag 9 januari 2024; valt op een niet-werkdag (tweede kerstdag); "
        "kalenderdagen schuiven niet",
        "14 calendar days before Tuesday 9 January 2024; falls on a non-working day (Boxing "
        "Day); calendar days do not move",
    ),
    "TRM08": (
        "2024-01-08T10:00:00+01:00",
        f"1 werkdag terug vanaf dinsdag 9 januari 2024, de vergaderdag niet meegeteld; geen dagen "
        f"overgeslagen; om 10.00 uur; {KAL_NL}",
        f"1 working day back from Tuesday 9 January 2024, the meeting day not counted; no days "
        f"skipped; at 10:00 am; {KAL_EN}",
    ),
    "TRM09": (
        "2024-01-05T12:00:00+01:00",
        "2 werkdagen terug vanaf dinsdag 9 januari 2024, de vergaderdag niet meegeteld; "
        "overgeslagen: "
        f"zaterdag 6 en zondag 7 januari; om 12.00 uur; {KAL_NL}",
        f"2 working days back from Tuesday 9 January 2024, the meeting day not counted; skipped: "
        f"Saturday 6 and Sunday 7 January; at 12:00 pm; {KAL_EN}",
    ),
}


@pytest.fixture  # per test: mutmut links a function to the tests that call it
def lijst() -> dict[str, Termijn]:
    alv = Vergadering(datum=date(2024, 1, 9), sluitingstijd=time(13, 0))
    return {t.regel: t for t in termijnen(alv)}


@pytest.mark.parametrize("regel", sorted(VERWACHT))
def test_uitleg_woordelijk(lijst: dict[str, Termijn], regel: str) -> None:
    tijdstip, nl, en = VERWACHT[regel]
    t = lijst[regel]
    assert (t.tijdstip, t.uitleg, t.uitleg_in("en")) == (tijdstip, nl, en)


@pytest.mark.regel("TRM07")
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_to_json_per_taal(lijst: dict[str, Termijn], taal: str) -> None:
    t = lijst["TRM07"]
    assert t.to_json(taal) == {
        "regel": "TRM07",
        "naam": t.naam_in(taal),
        "tijdstip": "2023-12-26",
        "bindend": False,
        "bron": t.bron,
        "uitleg": VERWACHT["TRM07"][2 if taal == "en" else 1],
    }
    assert t.naam != t.naam_en
    assert t.to_json() == t.to_json("nl")


def test_dutch_deadlines_never_load_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """The explanation is written when asked for: Dutch output reads no English."""
    from alvrules import teksten

    def nooit(taal: str) -> None:
        raise AssertionError(taal)

    monkeypatch.setattr(teksten, "_vertaling", nooit)
    alv = Vergadering(datum=date(2024, 1, 9), sluitingstijd=time(13, 0))
    t = {t.regel: t for t in termijnen(alv)}["TRM01"]
    assert t.to_json("nl")["uitleg"].startswith("9 werkdagen terug vanaf dinsdag 9 januari 2024")
    assert t.naam_in("nl") == t.naam
