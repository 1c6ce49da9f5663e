"""CAL01 and CAL02: the Atw holidays, working days and counting back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

import alvrules
from alvrules.kalender import (
    ATW,
    TABELJAREN,
    BuitenKalender,
    Kalender,
    clear_caches,
    feestdagen,
    feestdagen_holidays,
    tabel_tekst,
    werkdagen_voor,
)
from alvrules.model import InvoerFout

DAG = timedelta(days=1)
dagen = st.dates(min_value=date(2000, 3, 1), max_value=date(2040, 12, 31))
aantallen = st.integers(min_value=1, max_value=60)


def atw(jaar: int) -> set[date]:
    """Atw art. 3 (Goede Vrijdag by lid 2), computed independently of ``holidays``."""
    pasen = easter(jaar)
    if jaar >= 2014:
        koning = date(jaar, 4, 27)
        if koning.weekday() == 6:
            koning = date(jaar, 4, 26)
    else:
        koning = date(jaar, 4, 30)
        if koning.weekday() == 6:
            koning = date(jaar, 4, 29)
    return {
        date(jaar, 1, 1),  # Nieuwjaarsdag
        pasen - 2 * DAG,  # Goede Vrijdag
        pasen + DAG,  # tweede Paasdag
        koning,  # Koningsdag / Koninginnedag
        date(jaar, 5, 5),  # 5 mei, every year
        pasen + 39 * DAG,  # Hemelvaartsdag
        pasen + 50 * DAG,  # tweede Pinksterdag
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }


@pytest.mark.regel("CAL01")
@pytest.mark.parametrize("jaar", TABELJAREN)
def test_feestdagen_zijn_de_atw_lijst(jaar: int) -> None:
    # `holidays` also names Easter Sunday and Whit Sunday; both are Sundays, so they
    # change nothing. Every other date must be exactly the Atw list.
    pasen = easter(jaar)
    zondagen = {pasen, pasen + 49 * DAG}
    assert all(d.weekday() == 6 for d in zondagen)
    assert set(feestdagen(jaar)) == atw(jaar) | zondagen


def test_tabel_is_de_uitvoer_van_holidays() -> None:
    # data/feestdagen.csv is `holidays` written down (for start-up time); it must stay so.
    tabel = (Path(alvrules.__file__).parent / "data" / "feestdagen.csv").read_text("utf-8")
    assert tabel == tabel_tekst(), "regenerate: python -m alvrules.kalender > …/feestdagen.csv"
    assert all(feestdagen(jaar) == feestdagen_holidays(jaar) for jaar in TABELJAREN)


@pytest.mark.parametrize("jaar", [1900, 1998, 2101, 2200])
def test_buiten_de_tabel_weigert_de_kalender(jaar: int) -> None:
    """Never silently holiday-free: a year the calendar does not know is refused."""
    assert jaar not in TABELJAREN
    with pytest.raises(BuitenKalender, match=str(jaar)):
        feestdagen(jaar)
    with pytest.raises(InvoerFout):
        ATW.werkdagen_voor(date(jaar, 6, 1), 3)


def test_tellen_vanaf_de_eerste_ondersteunde_vergadering() -> None:
    """Counting back from early January 2000 reaches 1999, which the table covers."""
    assert werkdagen_voor(date(2000, 1, 3), 9) == date(1999, 12, 21)  # Kerst 1999 in het weekend


def test_naam_van_een_vrije_dag() -> None:
    assert ATW.vrij(date(2023, 5, 29)) == "tweede pinksterdag"
    assert ATW.vrij(date(2023, 11, 25)) == "zaterdag"
    assert ATW.vrij(date(2023, 11, 20)) is None
    assert Kalender([date(2023, 11, 20)]).vrij(date(2023, 11, 20)) == "extra vrije dag"


def test_extra_vrije_dagen() -> None:
    kantoor_dicht = Kalender(extra=[date(2023, 11, 20)])
    assert alvrules.is_werkdag(date(2023, 11, 20))
    assert not kantoor_dicht.is_werkdag(date(2023, 11, 20))
    assert kantoor_dicht.werkdagen_voor(date(2023, 12, 1), 9) == date(2023, 11, 17)
    assert "maandag 20 november 2023" in kantoor_dicht.omschrijving()
    assert "Monday 20 November 2023" in kantoor_dicht.omschrijving("en")


@pytest.mark.regel("CAL02")
def test_cal02_voorbeeld() -> None:
    assert alvrules.werkdagen_voor(date(2023, 12, 1), 9) == date(2023, 11, 20)
    assert werkdagen_voor(date(2023, 6, 14), 9) == date(2023, 6, 1)
    # Pinksteren 2023: the count skips tweede pinksterdag (29 May).
    assert werkdagen_voor(date(2023, 6, 7), 9) == date(2023, 5, 24)


@pytest.mark.parametrize("n", [0, -1, -9])
def test_n_moet_positief_zijn(n: int) -> None:
    with pytest.raises(ValueError, match="minstens 1"):
        werkdagen_voor(date(2023, 12, 1), n)
    with pytest.raises(ValueError, match="minstens 1"):
        ATW.werkdagen_na(date(2023, 12, 1), n)


@given(dagen, aantallen)
def test_termijn_is_een_werkdag(alv: date, n: int) -> None:
    assert alvrules.is_werkdag(werkdagen_voor(alv, n))


@pytest.mark.regel("CAL02")
@given(dagen, aantallen)
def test_precies_n_werkdagen_in_termijn_tot_vergadering(alv: date, n: int) -> None:
    termijn = werkdagen_voor(alv, n)
    tussen = [termijn + i * DAG for i in range((alv - termijn).days)]
    assert sum(ATW.is_werkdag(d) for d in tussen) == n


@given(dagen, aantallen)
def test_nooit_de_vergaderdag(alv: date, n: int) -> None:
    assert werkdagen_voor(alv, n) < alv


@given(dagen, dagen, aantallen)
def test_monotoon_in_de_vergaderdatum(a: date, b: date, n: int) -> None:
    vroeg, laat = sorted((a, b))
    assert werkdagen_voor(vroeg, n) <= werkdagen_voor(laat, n)


@given(dagen, st.integers(min_value=2, max_value=60))
def test_werkdagen_na_keert_terug(alv: date, n: int) -> None:
    # n - 1 working days forward from the deadline is the last working day before the ALV.
    assert ATW.werkdagen_na(werkdagen_voor(alv, n), n - 1) == werkdagen_voor(alv, 1)


@given(dagen, aantallen)
def test_koude_en_warme_cache_gelijk(alv: date, n: int) -> None:
    warm = werkdagen_voor(alv, n), ATW.werkdagen_na(alv, n), dict(feestdagen(alv.year))
    feestdagen.cache_clear()
    clear_caches()
    koud = werkdagen_voor(alv, n), ATW.werkdagen_na(alv, n), dict(feestdagen(alv.year))
    assert koud == warm
    assert werkdagen_voor(alv, n) == warm[0]


def stap_voor_stap(kal: Kalender, datum: date, n: int, stap: timedelta) -> date:
    """The definition of CAL02 (and its forward mirror), one day at a time."""
    while n:
        datum += stap
        n -= kal.is_werkdag(datum)
    return datum


#: Far enough from the table's edges for counting 700 working days either way.
midden = st.dates(min_value=date(2003, 1, 1), max_value=date(2040, 12, 31))


@given(midden, st.integers(min_value=1, max_value=700), st.frozensets(midden, max_size=20))
def test_index_gelijk_aan_de_definitie(alv: date, n: int, extra: frozenset[date]) -> None:
    # n up to 700 crosses several year boundaries in both directions.
    kal = Kalender(extra)
    assert kal.werkdagen_voor(alv, n) == stap_voor_stap(kal, alv, n, -DAG)
    assert kal.werkdagen_na(alv, n) == stap_voor_stap(kal, alv, n, DAG)


def test_omschrijving_van_de_kalender() -> None:
    # The wording of the calendar in force, as the deadline explanations quote it.
    kantoor_dicht = Kalender([date(2023, 11, 20), date(2023, 11, 17)])
    assert ATW.omschrijving() == "Atw art. 3 (feestdagen)"
    assert ATW.omschrijving("en") == "Atw art. 3 (public holidays)"
    assert kantoor_dicht.omschrijving("nl") == (
        "Atw art. 3 (feestdagen) plus extra vrije dagen: vrijdag 17 november 2023 en maandag "
        "20 november 2023"
    )
    assert kantoor_dicht.omschrijving("en") == (
        "Atw art. 3 (public holidays) plus extra non-working days: Friday 17 November 2023 "
        "and Monday 20 November 2023"
    )


def test_overgeslagen_zonder_de_einddag() -> None:
    # [van, tot): the end day itself (a Sunday here) is not listed.
    assert list(ATW.overgeslagen(date(2023, 11, 24), date(2023, 11, 26))) == [
        (date(2023, 11, 25), "zaterdag")
    ]
    assert list(ATW.overgeslagen(date(2023, 11, 26), date(2023, 11, 26))) == []


def test_werkdagen_na_tot_de_laatste_werkdag_van_het_jaar() -> None:
    # Exactly the working days left in the year: the answer stays in this year.
    assert ATW.werkdagen_na(date(2023, 12, 27), 2) == date(2023, 12, 29)
    assert ATW.werkdagen_na(date(2023, 12, 27), 3) == date(2024, 1, 2)


# --- Atw art. 3 lid 3: days equated with holidays by royal decree ----------------------


@pytest.fixture
def gelijkgesteld(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A table of equated days in place of the shipped one."""
    from alvrules import kalender, procedure

    tabel = tmp_path / "atw-gelijkgesteld.csv"
    monkeypatch.setattr(procedure, "_GELIJKGESTELD", str(tabel))
    kalender.clear_caches()
    yield tabel
    kalender.clear_caches()


def test_shipped_table_of_equated_days_loads_and_is_followed() -> None:
    from alvrules.procedure import gelijkgestelde_dagen, procedure_op

    assert all(d.besluit and d.bron for d in gelijkgestelde_dagen())
    assert procedure_op(date(2023, 12, 1)).atw_gelijkgestelde_dagen is True


@pytest.mark.regel("CAL01")
def test_equated_day_counts_unless_the_procedure_ignores_the_decrees(
    gelijkgesteld: Path,
) -> None:
    """Atw art. 3 lid 3 is data: a row in the table; a procedure may switch it off."""
    import attrs

    from alvrules.procedure import procedure_op

    # a (test) decree equating Friday 24 November 2023 with a holiday
    gelijkgesteld.write_text(
        "datum,jaren,besluit,vindplaats,bron\n"
        "2023-11-24,2023,Testbesluit gelijkstelling,Stcrt. 2023-0,test\n",
        encoding="utf-8",
    )
    standaard = procedure_op(date(2023, 12, 1))
    negeert = attrs.evolve(standaard, atw_gelijkgestelde_dagen=False)
    assert Kalender.van(negeert).werkdagen_voor(date(2023, 12, 1), 9) == date(2023, 11, 20)
    assert date(2023, 11, 24) in standaard.vrije_dagen
    assert date(2023, 11, 24) not in negeert.vrije_dagen
    assert Kalender.van(standaard).werkdagen_voor(date(2023, 12, 1), 9) == date(2023, 11, 17)
    assert Kalender().vrij(date(2023, 11, 24)) == "bij KB met een feestdag gelijkgesteld"


def test_an_equated_day_without_its_decree_is_refused(gelijkgesteld: Path) -> None:
    from alvrules.procedure import gelijkgestelde_dagen

    for besluit, bron in (("", ""), ("KB 2026", " "), (" ", "https://example.org")):
        gelijkgesteld.write_text(
            f"datum,jaren,besluit,vindplaats,bron\n2026-05-15,2026-2028,{besluit},,{bron}\n",
            encoding="utf-8",
        )
        gelijkgestelde_dagen.cache_clear()
        with pytest.raises(ValueError, match="2026-05-15 zonder besluit of bron"):
            gelijkgestelde_dagen()
    gelijkgesteld.write_text(
        "datum,jaren,besluit,vindplaats,bron\n2029-05-11,2026-2028,KB,,bron\n", encoding="utf-8"
    )
    gelijkgestelde_dagen.cache_clear()
    with pytest.raises(ValueError, match="2029-05-11 valt buiten 2026-2028"):
        gelijkgestelde_dagen()


def test_the_procedure_in_force_is_the_latest_that_has_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new procedure is a new dated entry; before its date the old one holds."""
    import attrs

    from alvrules import procedure

    (oud,) = procedure.PROCEDURES
    nieuw = attrs.evolve(oud, geldig_van=date(2025, 1, 1), werkdagen_indiening=8)
    nieuwer = attrs.evolve(oud, geldig_van=date(2026, 1, 1), werkdagen_indiening=7)
    monkeypatch.setattr(procedure, "PROCEDURES", (nieuw, oud, nieuwer))
    assert procedure.procedure_op(date(2024, 12, 31)) is oud
    assert procedure.procedure_op(date(2025, 1, 1)) is nieuw
    assert procedure.procedure_op(date(2026, 6, 1)) is nieuwer
    monkeypatch.setattr(procedure, "PROCEDURES", (nieuw,))
    with pytest.raises(LookupError, match="geen procedure bekend voor 2024-12-31"):
        procedure.procedure_op(date(2024, 12, 31))
