"""Atw art. 3 lid 3 (issue 27): the days equated with a holiday by royal decree count as
non-working days wherever working days are counted, each with its decree; a year that no
known decree covers says so. Expected dates are counted here by hand or from the CSVs."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time, timedelta

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.cli import main
from alvrules.ical import als_ical
from alvrules.kalender import ATW, GELIJKGESTELD, Kalender, feestdagen, werkdagen_voor
from alvrules.model import Vergadering
from alvrules.procedure import besluit_bekend, gelijkgestelde_dagen, procedure_op
from alvrules.termijnen import AMSTERDAM, indientermijn, termijnen
from tests.conftest import SHARED
from tests.test_nieuw_jaar import DATA

pytestmark = pytest.mark.regel("CAL01")

ATW_GEDEELD = SHARED / "data" / "atw" / "gelijkgestelde-dagen.csv"


def _tabel() -> list[dict[str, str]]:
    with (DATA / "atw-gelijkgesteld.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


GELIJK = [date.fromisoformat(r["datum"]) for r in _tabel()]


# --- the table ----------------------------------------------------------------------------


def test_every_equated_day_is_a_weekday_of_its_decrees_years_with_decree_and_source() -> None:
    for r in _tabel():
        d = date.fromisoformat(r["datum"])
        van, tot = (int(j) for j in r["jaren"].split("-"))
        assert van <= d.year <= tot, r
        assert d.weekday() < 5, r
        assert d not in feestdagen(d.year), r  # lid 3 adds days to lid 1, never repeats one
        assert r["besluit"].strip(), r
        assert r["bron"].startswith("https://"), r
        assert r["besluit"].count(str(d.day)) >= 1, r  # the decree's title names the day
    assert {d.year for d in GELIJK} == {2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028}


@pytest.mark.skipif(not ATW_GEDEELD.is_file(), reason="needs ../shared/data/atw")
def test_the_table_holds_every_day_of_a_known_decree_of_the_shared_source() -> None:
    """The shared list, less its one unconfirmed day (27 May 2022: no decree found, one
    secondary page that also names an impossible date), is the shipped table."""
    with ATW_GEDEELD.open(encoding="utf-8", newline="") as f:
        gedeeld = list(csv.DictReader(f))
    bekend = {
        date.fromisoformat(r["datum"]) for r in gedeeld if "niet gevonden" not in r["besluit"]
    }
    onbevestigd = {date.fromisoformat(r["datum"]) for r in gedeeld} - bekend
    assert onbevestigd == {date(2022, 5, 27)}
    assert set(GELIJK) == bekend
    assert ATW.is_werkdag(date(2022, 5, 27))


def test_years_covered_by_a_known_decree() -> None:
    gedekt = [j for j in range(2015, 2032) if besluit_bekend(j)]
    assert gedekt == [2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028]
    assert ATW.onbekende_jaren(date(2021, 12, 20), date(2023, 1, 10)) == (2021, 2022)
    assert Kalender(gelijkgesteld=False).onbekende_jaren(date(2030, 1, 1), date(2030, 2, 1)) == ()


def test_the_procedure_follows_lid_3_by_default() -> None:
    assert procedure_op(date(2024, 5, 24)).atw_gelijkgestelde_dagen is True
    assert Kalender.van(procedure_op(date(2024, 5, 24))) == Kalender()


# --- properties ---------------------------------------------------------------------------


@given(st.sampled_from(GELIJK), st.booleans())
def test_an_equated_day_is_never_a_working_day(dag: date, extra: bool) -> None:
    kal = Kalender([dag + timedelta(days=3)] if extra else [])
    assert not kal.is_werkdag(dag)
    assert kal.vrij(dag) == GELIJKGESTELD
    assert Kalender(gelijkgesteld=False).is_werkdag(dag)


@given(st.dates(date(2017, 1, 10), date(2029, 12, 31)), st.integers(1, 15))
def test_counting_back_never_lands_on_an_equated_day_and_moves_only_over_one(
    alv: date, n: int
) -> None:
    met = ATW.werkdagen_voor(alv, n)
    zonder = Kalender(gelijkgesteld=False).werkdagen_voor(alv, n)
    assert met not in GELIJK
    assert ATW.is_werkdag(met)
    assert met <= zonder
    tussen = [d for d in GELIJK if zonder <= d < alv]
    assert (met == zonder) == (not tussen)
    # each equated day in the window costs exactly one working day; the window is the one
    # counted with them (it can reach a second equated day: 2019-01-01, n=3 skips both
    # 2018-12-31 and 2018-12-24)
    overgeslagen = [d for d in GELIJK if met <= d < alv]
    assert Kalender(gelijkgesteld=False).werkdagen_voor(alv, n + len(overgeslagen)) == met
    assert list(ATW.gelijkgestelde(met, alv)) == [
        g for g in gelijkgestelde_dagen() if met <= g.datum < alv
    ]


# --- the real cases -----------------------------------------------------------------------


@pytest.mark.regel("TRM01")
def test_the_published_deadlines_of_2023_stay_exact() -> None:
    """Lbr. 23/040: Monday 20 November 2023, 13:00; 14 June 2023: Thursday 1 June, 12:00."""
    najaar = Vergadering(datum=date(2023, 12, 1), sluitingstijd=time(13, 0))
    assert indientermijn(najaar) == datetime(2023, 11, 20, 13, 0, tzinfo=AMSTERDAM)
    juni = Vergadering(datum=date(2023, 6, 14))
    assert indientermijn(juni) == datetime(2023, 6, 1, 12, 0, tzinfo=AMSTERDAM)
    for t in (*termijnen(najaar), *termijnen(juni)):
        assert t.gelijkgesteld == ()
        assert t.besluit_onbekend == ()


@pytest.mark.regel("TRM01")
def test_termijnen_of_24_may_2024_skip_friday_10_may(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termijnen", "2024-05-24", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    trm01 = data["termijnen"][0]
    assert (trm01["regel"], trm01["tijdstip"]) == ("TRM01", "2024-05-08T12:00:00+02:00")
    assert "vrijdag 10 mei 2024, bij KB met een feestdag gelijkgesteld" in trm01["uitleg"]
    assert "Besluit gelijkstelling van 28 april 2023" in trm01["uitleg"]
    (dag,) = trm01["gelijkgestelde_dagen"]
    assert dag["datum"] == "2024-05-10"
    assert dag["vindplaats"] is None  # the Staatscourant number was not found
    assert "atw_besluit_onbekend" not in trm01
    trm03 = data["termijnen"][2]
    assert trm03["tijdstip"] == "2024-05-13"  # the first working day after Wednesday 8 May
    assert main(["termijnen", "2024-05-24", "--lang", "en"]) == 0
    uit = capsys.readouterr().out
    (regel,) = [r for r in uit.splitlines() if r.startswith("TRM01  amendments")]
    assert "Wednesday 8 May 2024, 12:00 pm" in regel
    assert "Friday 10 May 2024, equated with a public holiday by royal decree" in uit


@pytest.mark.regel("TRM01")
def test_termijnen_of_12_june_2030_say_no_decree_is_known(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["termijnen", "2030-06-12", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for t in data["termijnen"]:
        if t["regel"] in ("TRM01", "TRM02", "TRM03", "TRM08", "TRM09"):
            assert t["atw_besluit_onbekend"] == [2030], t
            assert "geen koninklijk besluit bekend dat dagen van 2030" in t["uitleg"], t
        else:  # calendar days: nothing counted
            assert "atw_besluit_onbekend" not in t, t
    assert main(["termijnen", "2030-06-12", "--lang", "en"]) == 0
    assert "no royal decree known that equates days of 2030" in capsys.readouterr().out


def test_a_window_over_two_unknown_years_names_both() -> None:
    (trm01, *_rest) = termijnen(Vergadering(datum=date(2021, 1, 6)))
    assert trm01.datum == date(2020, 12, 22)
    assert trm01.besluit_onbekend == (2020, 2021)
    assert "dagen van 2020 en 2021" in trm01.uitleg
    assert "days of 2020 and 2021" in trm01.uitleg_in("en")


@pytest.mark.regel("TRM01")
@pytest.mark.parametrize(
    ("alv", "zonder", "met", "dag"),
    [
        # Friday 11 May 2018 (KB 2016): before Wednesday 23 May 2018 (Whit Monday 21 May)
        (date(2018, 5, 23), date(2018, 5, 8), date(2018, 5, 7), date(2018, 5, 11)),
        # Friday 31 May 2019: before Thursday 13 June 2019 (Whit Monday 10 June too)
        (date(2019, 6, 13), date(2019, 5, 29), date(2019, 5, 28), date(2019, 5, 31)),
        # Friday 19 May 2023: before Friday 2 June 2023
        (date(2023, 6, 2), date(2023, 5, 19), date(2023, 5, 17), date(2023, 5, 19)),
        # Wednesday 15 May 2024 (the docs' example): Friday 10 May and Ascension Day
        (date(2024, 5, 15), date(2024, 5, 1), date(2024, 4, 30), date(2024, 5, 10)),
        # Friday 15 May 2026: before Wednesday 27 May 2026 (Whit Monday 25 May)
        (date(2026, 5, 27), date(2026, 5, 12), date(2026, 5, 11), date(2026, 5, 15)),
    ],
)
def test_meetings_whose_window_holds_an_equated_day(
    alv: date, zonder: date, met: date, dag: date
) -> None:
    assert Kalender(gelijkgesteld=False).werkdagen_voor(alv, 9) == zonder
    assert werkdagen_voor(alv, 9) == met
    (trm01, *_rest) = termijnen(Vergadering(datum=alv))
    assert trm01.datum == met
    assert [g.datum for g in trm01.gelijkgesteld] == [dag]


def test_ical_names_the_equated_day() -> None:
    lijst = termijnen(Vergadering(datum=date(2024, 5, 24)))
    cal = icalendar.Calendar.from_ical(
        als_ical(date(2024, 5, 24), lijst, datetime(2024, 1, 1, tzinfo=AMSTERDAM))
    )
    (trm01,) = [e for e in cal.walk("VEVENT") if "TRM01" in str(e["SUMMARY"])]
    assert trm01.decoded("DTSTART") == datetime(2024, 5, 8, 12, 0, tzinfo=AMSTERDAM)
    assert "vrijdag 10 mei 2024, bij KB met een feestdag gelijkgesteld" in str(trm01["DESCRIPTION"])
