"""AFD05: the motion status machine; AFD01 categories."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.levenscyclus import (
    OVERGANGEN,
    Categorie,
    EerdereMotie,
    OngeldigeOvergang,
    Status,
    aannemen,
    mag,
    overgang,
)
from alvrules.moties import Preadvies
from alvrules.verantwoording import Afdoening

S = Status


@pytest.mark.regel("AFD05")
@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.INGEDIEND, S.DEFINITIEF),
        (S.INGEDIEND, S.INGETROKKEN),
        (S.DEFINITIEF, S.AANGENOMEN),
        (S.DEFINITIEF, S.VERWORPEN),
        (S.DEFINITIEF, S.INGETROKKEN),
        (S.DEFINITIEF, S.AANGEHOUDEN),
        (S.AANGEHOUDEN, S.DEFINITIEF),
        (S.AANGEHOUDEN, S.INGETROKKEN),
        (S.AANGENOMEN, S.AFGEDAAN),
    ],
)
def test_toegestane_overgangen(van: Status, naar: Status) -> None:
    assert overgang(van, naar) is naar


@pytest.mark.regel("AFD05")
@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.INGEDIEND, S.AANGENOMEN),  # not signed: not definitive, cannot be voted
        (S.VERWORPEN, S.AANGENOMEN),
        (S.AFGEDAAN, S.AANGENOMEN),
        (S.AANGENOMEN, S.AANGEHOUDEN),
        (S.INGETROKKEN, S.DEFINITIEF),
    ],
)
def test_ongeldige_overgang_noemt_van_en_naar(van: Status, naar: Status) -> None:
    with pytest.raises(OngeldigeOvergang, match=f"van '{van}' naar '{naar}'") as e:
        overgang(van, naar, "M07")
    assert "Motie M07" in str(e.value)
    assert "AFD05" in str(e.value)
    assert (e.value.van, e.value.naar) == (van, naar)


@given(st.sampled_from(Status), st.sampled_from(Status))
def test_overgang_is_de_tabel(van: Status, naar: Status) -> None:
    if naar in OVERGANGEN[van]:
        assert mag(van, naar)
        assert overgang(van, naar) is naar
    else:
        assert not mag(van, naar)
        with pytest.raises(OngeldigeOvergang):
            overgang(van, naar)


def test_eindstatussen() -> None:
    for s in (S.VERWORPEN, S.INGETROKKEN, S.AFGEDAAN):
        assert OVERGANGEN[s] == frozenset()
    assert set(OVERGANGEN) == set(Status)


def test_drie_betekenissen_van_aanhouden_zijn_verschillende_waarden() -> None:
    waarden = (Preadvies.AANHOUDEN, Status.AANGEHOUDEN, Afdoening.AANHOUDEN)
    assert len({type(w) for w in waarden}) == 3


@pytest.mark.regel("AFD01")
def test_aannemen_en_categorie() -> None:
    m = EerdereMotie(id="M01", status=S.DEFINITIEF)
    a = aannemen(m, date(2023, 6, 14), Categorie.VERANTWOORDEN_AFDOEN)
    assert a.status is S.AANGENOMEN
    assert a.vergadering == date(2023, 6, 14)
    assert a.open
    direct = aannemen(m, date(2023, 6, 14), Categorie.DIRECT_AFGEDAAN)
    assert direct.status is S.AFGEDAAN
    assert not direct.open
    with pytest.raises(OngeldigeOvergang):
        aannemen(EerdereMotie(id="M02", status=S.INGEDIEND), date(2023, 6, 14))


def test_naar_laat_het_origineel_ongemoeid() -> None:
    m = EerdereMotie(id="M01", status=S.INGEDIEND)
    d = m.naar(S.DEFINITIEF)
    assert (m.status, d.status) == (S.INGEDIEND, S.DEFINITIEF)
