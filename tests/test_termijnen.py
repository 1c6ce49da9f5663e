"""TRM01-TRM09: the real cases of the spec, properties, and the ``termijnen`` command."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.cli import main
from alvrules.ical import als_ical
from alvrules.kalender import ATW, clear_caches
from alvrules.model import Vergadering
from alvrules.procedure import Procedure, procedure_op
from alvrules.regels import regel
from alvrules.termijnen import AMSTERDAM, Termijn, indientermijn, ondersteunerstermijn, termijnen

NAJAAR = Vergadering(datum=date(2023, 12, 1), sluitingstijd=time(13, 0))
VOORJAAR = Vergadering(datum=date(2023, 6, 14))
ALLE = [f"TRM0{i}" for i in range(1, 10)]


def per_regel(v: Vergadering, p: Procedure | None = None) -> dict[str, Termijn]:
    return {t.regel: t for t in termijnen(v, p)}


# --- the real cases (PROCEDURE.md §5) ---------------------------------------------------


@pytest.mark.regel("TRM01", "TRM02", "TRM03", "TRM04", "TRM05", "TRM06", "TRM07", "TRM08", "TRM09")
def test_najaars_alv_2023() -> None:
    t = per_regel(NAJAAR)
    assert list(t) == ALLE
    assert {k: v.tijdstip for k, v in t.items()} == {
        "TRM01": "2023-11-20T13:00:00+01:00",
        "TRM02": "2023-11-20T13:00:00+01:00",
        "TRM03": "2023-11-21",
        "TRM04": "2023-11-03",
        "TRM05": "2023-10-27",
        "TRM06": "2023-11-10",
        "TRM07": "2023-11-17",
        "TRM08": "2023-11-30T10:00:00+01:00",
        "TRM09": "2023-11-29T12:00:00+01:00",
    }
    assert t["TRM01"].moment == datetime(2023, 11, 20, 13, 0, tzinfo=AMSTERDAM)
    assert t["TRM01"].moment == indientermijn(NAJAAR)
    assert "overgeslagen: zaterdag 25 en zondag 26 november" in t["TRM01"].uitleg
    assert "om 13.00 uur (sluitingstijd van de vergadering)" in t["TRM01"].uitleg
    assert "kalender: Atw art. 3" in t["TRM01"].uitleg


@pytest.mark.regel("TRM08")
def test_trm08_on_its_own_takes_the_procedure_in_force() -> None:
    moment = ondersteunerstermijn(NAJAAR)
    assert moment == datetime(2023, 11, 30, 10, 0, tzinfo=AMSTERDAM)
    assert moment == per_regel(NAJAAR)["TRM08"].moment


@pytest.mark.regel("TRM01", "TRM04")
def test_voorjaars_alv_2023() -> None:
    t = per_regel(VOORJAAR)
    assert t["TRM04"].moment == date(2023, 5, 17)
    assert t["TRM01"].moment == datetime(2023, 6, 1, 12, 0, tzinfo=AMSTERDAM)
    assert t["TRM01"].datum.weekday() == 3  # Thursday
    assert t["TRM01"].tijdstip == "2023-06-01T12:00:00+02:00"  # summer time
    assert "standaard sluitingstijd" in t["TRM01"].uitleg


@pytest.mark.regel("TRM01")
def test_uitleg_noemt_tweede_pinksterdag() -> None:
    # Counting 9 working days back from Wednesday 7 June 2023 crosses Pinksteren.
    t = per_regel(Vergadering(datum=date(2023, 6, 7)))
    assert t["TRM01"].datum == date(2023, 5, 24)
    assert "maandag 29 mei (tweede pinksterdag)" in t["TRM01"].uitleg
    assert "Monday 29 May (Whit Monday)" in t["TRM01"].uitleg_in("en")


@pytest.mark.regel("TRM04")
def test_kalenderdagen_schuiven_niet() -> None:
    # 28 days before Friday 26 April 2024 is Friday 29 March 2024, Goede Vrijdag.
    t = per_regel(Vergadering(datum=date(2024, 4, 26)))
    assert t["TRM04"].moment == date(2024, 3, 29)
    assert "goede vrijdag" in t["TRM04"].uitleg


@pytest.mark.regel("TRM01", "TRM06")
def test_bindend_en_bron_uit_het_register() -> None:
    t = per_regel(NAJAAR)
    assert {k for k, v in t.items() if v.bindend} == {"TRM01", "TRM06"}
    for k, v in t.items():
        assert v.bron == regel(k).bron
        assert v.naam == regel(k).naam
        assert v.naam_en == regel(k).naam_en


@pytest.mark.regel("TRM01")
def test_extra_vrije_dag_van_de_procedure() -> None:
    p = Procedure(
        geldig_van=date(2023, 1, 1), bron="test", extra_vrije_dagen=frozenset({date(2023, 11, 20)})
    )
    t = per_regel(NAJAAR, p)
    assert t["TRM01"].datum == date(2023, 11, 17)
    assert "maandag 20 november (extra vrije dag)" in t["TRM01"].uitleg
    assert "extra vrije dagen: maandag 20 november 2023" in t["TRM01"].uitleg
    assert "extra non-working days: Monday 20 November 2023" in t["TRM01"].uitleg_in("en")


@pytest.mark.regel("TRM01", "TRM04")
def test_gehaald_is_inclusief_en_weigert_naief() -> None:
    t = per_regel(NAJAAR)
    assert t["TRM01"].gehaald(datetime(2023, 11, 20, 13, 0, tzinfo=AMSTERDAM))
    assert not t["TRM01"].gehaald(datetime(2023, 11, 20, 12, 0, 1, tzinfo=UTC))
    assert t["TRM04"].gehaald(datetime(2023, 11, 3, 22, 59, tzinfo=UTC))  # 23:59 local
    assert not t["TRM04"].gehaald(datetime(2023, 11, 3, 23, 0, tzinfo=UTC))
    with pytest.raises(ValueError, match="zonder tijdzone"):
        t["TRM01"].gehaald(datetime(2023, 11, 20, 12, 0))


@pytest.mark.regel("TRM01")
def test_termijn_weigert_naief_moment() -> None:
    with pytest.raises(ValueError, match="zonder tijdzone"):
        Termijn(
            regel="TRM01",
            naam="amendementen",
            moment=datetime(2023, 11, 20, 13, 0),
            bindend=True,
            bron="x",
            toelichting="",
        )


# --- properties ---------------------------------------------------------------------------

vergaderdagen = st.dates(min_value=date(2000, 3, 1), max_value=date(2040, 12, 31))
sluitingstijden = st.sampled_from([None, time(12, 0), time(13, 0), time(17, 30)])


@given(vergaderdagen, sluitingstijden)
def test_eigenschappen_van_de_termijnen(alv: date, sluiting: time | None) -> None:
    t = per_regel(Vergadering(datum=alv, sluitingstijd=sluiting))
    p = procedure_op(alv)
    for k in ("TRM01", "TRM02", "TRM03", "TRM08", "TRM09"):
        assert ATW.is_werkdag(t[k].datum)
    for v in t.values():
        assert v.datum < alv
        if isinstance(v.moment, datetime):
            assert v.moment.tzinfo is AMSTERDAM
            assert v.moment.utcoffset() is not None
    werkdagen = sum(
        ATW.is_werkdag(t["TRM01"].datum + timedelta(days=i))
        for i in range((alv - t["TRM01"].datum).days)
    )
    assert werkdagen == p.werkdagen_indiening
    indienen = t["TRM01"].moment
    assert isinstance(indienen, datetime)
    assert indienen.time() == (sluiting or p.sluitingstijd)
    assert t["TRM01"].datum < t["TRM03"].datum < alv
    assert t["TRM05"].datum < t["TRM06"].datum < t["TRM07"].datum < alv


@given(vergaderdagen, vergaderdagen)
def test_monotoon(a: date, b: date) -> None:
    vroeg, laat = sorted((a, b))
    eerder, later = termijnen(Vergadering(datum=vroeg)), termijnen(Vergadering(datum=laat))
    for x, y in zip(eerder, later, strict=True):
        assert x.datum <= y.datum


@given(vergaderdagen)
def test_koude_en_warme_cache(alv: date) -> None:
    warm = termijnen(Vergadering(datum=alv))
    clear_caches()  # feestdagen.cache_clear() and the working-day index
    assert termijnen(Vergadering(datum=alv)) == warm


# --- the command line ---------------------------------------------------------------------


@pytest.mark.regel("TRM01")
def test_cli_tekst(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termijnen", "2023-12-01", "--sluitingstijd", "13:00"]) == 0
    uit = capsys.readouterr().out
    assert "TRM01  amendementen" in uit
    assert "maandag 20 november 2023, 13.00 uur" in uit
    assert "donderdag 30 november 2023, 10.00 uur" in uit
    assert "overgeslagen: zaterdag 25 en zondag 26 november" in uit


def test_cli_tekst_engels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadlines", "2023-12-01", "--lang", "en"]) == 0
    uit = capsys.readouterr().out
    assert "amendments" in uit
    assert "Monday 20 November 2023, 12:00 pm" in uit


@pytest.mark.regel("TRM01")
def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termijnen", "2023-12-01", "--sluitingstijd", "13:00", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["vergadering"] == "2023-12-01"
    eerste = data["termijnen"][0]
    assert {k: eerste[k] for k in ("regel", "naam", "tijdstip", "bindend", "bron")} == {
        "regel": "TRM01",
        "naam": "amendementen",
        "tijdstip": "2023-11-20T13:00:00+01:00",
        "bindend": True,
        "bron": regel("TRM01").bron,
    }
    assert [t["regel"] for t in data["termijnen"]] == ALLE
    assert data["termijnen"][2]["tijdstip"] == "2023-11-21"


@pytest.mark.regel("TRM01", "TRM03")
def test_cli_ics(capsys: pytest.CaptureFixture[str]) -> None:
    icalendar = pytest.importorskip("icalendar")
    assert main(["termijnen", "2023-12-01", "--sluitingstijd", "13:00", "--format", "ics"]) == 0
    tekst = capsys.readouterr().out
    assert "\r\n" in tekst
    cal = icalendar.Calendar.from_ical(tekst)
    assert str(cal["PRODID"]) == "-//VNG//alvrules//NL"
    assert str(cal["VERSION"]) == "2.0"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"alvrules-2023-12-01-{r}@vng.nl" for r in ALLE]
    eerste = events[0]
    start = eerste.decoded("DTSTART")
    assert start == datetime(2023, 11, 20, 13, 0, tzinfo=AMSTERDAM)
    assert eerste["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert "DTEND" not in eerste
    assert "amendementen" in str(eerste["SUMMARY"])
    beschrijving = str(eerste["DESCRIPTION"])
    assert regel("TRM01").bron in beschrijving
    assert "zaterdag 25 en zondag 26 november" in beschrijving
    dag = events[2]  # TRM03: all day
    assert dag.decoded("DTSTART") == date(2023, 11, 21)
    assert dag.decoded("DTEND") == date(2023, 11, 22)
    assert all("DTSTAMP" in e for e in events)


def test_ics_is_stabiel_op_dtstamp_na() -> None:
    lijst = termijnen(NAJAAR)
    a = als_ical(NAJAAR.datum, lijst, datetime(2023, 11, 1, tzinfo=UTC))
    b = als_ical(NAJAAR.datum, lijst, datetime(2024, 1, 1, tzinfo=UTC))
    zonder = [[r for r in x.split(b"\r\n") if not r.startswith(b"DTSTAMP")] for x in (a, b)]
    assert zonder[0] == zonder[1]
    with pytest.raises(ValueError, match="zonder tijdzone"):
        als_ical(NAJAAR.datum, lijst, datetime(2023, 11, 1))


@pytest.mark.parametrize(
    ("argv", "reden"),
    [
        (["2023-02-30"], "ongeldige datum '2023-02-30'"),
        (["13:00"], "tijd zonder datum"),
        (["2023-12-01T13:00"], "geef alleen de datum"),
        (["2023-12-01T13:00:00+01:00"], "geef alleen de datum"),
        (["2023-12-01", "--sluitingstijd", "25:00"], "ongeldige sluitingstijd '25:00'"),
        (["2023-12-01", "--sluitingstijd", "13:00+01:00"], "zonder tijdzone"),
        (["0001-01-01"], "buiten het ondersteunde bereik"),
    ],
)
def test_cli_foute_invoer(capsys: pytest.CaptureFixture[str], argv: list[str], reden: str) -> None:
    assert main(["termijnen", *argv]) == 2
    fout = capsys.readouterr().err
    assert reden in fout
    assert fout.count("\n") == 1
    assert "Traceback" not in fout


def test_cli_zonder_datum(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["termijnen"])
    assert e.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("datum", ["2023-06-14", "2045-06-14"])
def test_ics_structuur(capsys: pytest.CaptureFixture[str], datum: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    assert main(["termijnen", datum, "--format", "ics"]) == 0
    cal = icalendar.Calendar.from_ical(capsys.readouterr().out)
    assert not cal.get_missing_tzids()  # every TZID has its VTIMEZONE
    events = cal.walk("VEVENT")
    assert len(events) == 9
    for e in events:
        for verplicht in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
            assert verplicht in e
        start = e.decoded("DTSTART")
        if isinstance(start, datetime):
            assert start.utcoffset() == timedelta(hours=2)  # CEST in June
    (tz,) = cal.walk("VTIMEZONE")
    assert tz.walk("DAYLIGHT")
    assert tz.walk("STANDARD")


def test_icalendar_alleen_voor_ics() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from alvrules.cli import main; "
        "main(['termijnen', '2023-12-01', '--format', 'json']); "
        "assert 'icalendar' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
