"""STM04-STM06 tally: unit cases and Hypothesis properties (integers and Fractions only)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.model import InvoerFout
from alvrules.stemmingen import Keuze, Wijze, breuk
from alvrules.strategies import gewichten, tellingen
from alvrules.telling import (
    LiveTelling,
    Reden,
    Uitkomst,
    Uitslag,
    meer_dan,
    percentage,
    tel,
    tel_keuze,
)

W = {"GM0001": 10, "GM0002": 10, "GM0003": 5}


@pytest.mark.regel("STM06")
def test_percentage_half_up_on_integers() -> None:
    assert percentage(1, 8) == "12,50"
    assert percentage(1, 3) == "33,33"
    assert percentage(2, 3) == "66,67"
    assert percentage(1, 200000) == "0,00"
    assert percentage(1, 20000) == "0,01"  # exactly 0.005 rounds up
    assert percentage(7, 7) == "100,00"


@pytest.mark.regel("STM05")
def test_exactly_half_is_verworpen_and_nothing_cast_is_geen_besluit() -> None:
    assert tel(W, [("GM0001", "voor"), ("GM0002", "tegen")]).uitkomst is Uitkomst.VERWORPEN
    u = tel(W, [("GM0003", "onthouding")])
    assert u.uitkomst is Uitkomst.GEEN_BESLUIT
    assert u.percentage is None
    assert u.onthouding == 5


@pytest.mark.regel("STM07")
def test_acclamatie_has_no_percentage() -> None:
    """STM07: adopted by acclamation, recorded as such, without a percentage."""
    u = Uitslag(wijze=Wijze.ACCLAMATIE)
    assert u.uitkomst is Uitkomst.AANGENOMEN
    assert u.percentage is None


def test_other_majority_and_base() -> None:
    twee_derde = Fraction(2, 3)
    ballots = [("GM0001", "voor"), ("GM0002", "voor"), ("GM0003", "tegen")]
    assert tel(W, ballots, meerderheid=twee_derde).uitkomst is Uitkomst.AANGENOMEN  # 20 > 50/3
    # exactly two thirds is not more than two thirds
    w = {"A": 2, "B": 1}
    assert tel(w, [("A", "voor"), ("B", "tegen")], meerderheid=twee_derde).uitkomst is (
        Uitkomst.VERWORPEN
    )
    # half of all members' votes (25): 10 voor is not enough though all cast are voor
    assert tel(W, [("GM0001", "voor")]).uitkomst is Uitkomst.AANGENOMEN
    u = tel(W, [("GM0001", "voor")], leden=sum(W.values()))
    assert u.uitkomst is Uitkomst.VERWORPEN
    assert breuk("2/3") == twee_derde
    assert breuk("0.66") is None
    assert breuk("3/2") is None
    assert breuk("1/0") is None


def test_rejections() -> None:
    u = tel(
        W,
        [("GM0001", "voor"), ("GM0001", "tegen"), ("GM9999", "voor"), ("GM0002", "misschien")],
    )
    assert [w.reden for w in u.geweigerd] == [Reden.DUBBEL, Reden.GEEN_LID, Reden.ONGELDIGE_KEUZE]
    assert (u.voor, u.tegen) == (10, 0)


@pytest.mark.parametrize("fout", [1.5, "3", True, -1, Fraction(3, 1)])
def test_non_integer_weight_is_invoerfout(fout: object) -> None:
    with pytest.raises(InvoerFout):
        tel({"GM0001": fout}, [])  # type: ignore[dict-item]
    with pytest.raises(InvoerFout):
        LiveTelling({"GM0001": fout})  # type: ignore[dict-item]


@pytest.mark.regel("STM10")
def test_keuze_needs_more_than_half() -> None:
    opties = ("optie 1", "optie 2", "optie 3")
    k = tel_keuze(W, [("GM0001", "optie 1"), ("GM0002", "optie 2"), ("GM0003", "optie 3")], opties)
    assert k.winnaar is None  # 10 of 25 each: no winner picked
    k = tel_keuze(W, [("GM0001", "optie 1"), ("GM0002", "optie 1")], opties)
    assert k.winnaar == "optie 1"
    assert k.percentage("optie 1") == "100,00"


# --- properties -----------------------------------------------------------------------


@st.composite
def met_vrij_lid(draw: st.DrawFn) -> tuple[dict[str, int], list[tuple[str, str]], str]:
    """A tally and a member that has not voted in it yet."""
    w, b = draw(tellingen().filter(lambda t: set(t[0]) - {c for c, _ in t[1]}))
    return w, b, draw(st.sampled_from(sorted(set(w) - {c for c, _ in b})))


@given(met_vrij_lid())
def test_adding_voor_is_monotone(t: tuple[dict[str, int], list[tuple[str, str]], str]) -> None:
    w, b, extra = t
    voor = tel(w, b).uitkomst
    na = tel(w, [*b, (extra, "voor")]).uitkomst
    if voor is Uitkomst.AANGENOMEN:
        assert na is Uitkomst.AANGENOMEN
    assert na is not Uitkomst.GEEN_BESLUIT


@given(tellingen(), st.randoms(use_true_random=False))
def test_renaming_and_reordering_changes_nothing(
    t: tuple[dict[str, int], list[tuple[str, str]]], rnd: random.Random
) -> None:
    w, b = t
    namen = [*w, *(c for c, _ in b if c not in w)]
    nieuw = [f"X{i:05d}" for i in range(len(namen))]
    rnd.shuffle(nieuw)
    hernoem = dict(zip(namen, nieuw, strict=True))
    items = list(w.items())
    rnd.shuffle(items)
    w2 = {hernoem[c]: n for c, n in items}
    # shuffle the ballots, keeping each member's own ballots in their order
    plaatsen = list(range(len(b)))
    rnd.shuffle(plaatsen)
    per_lid: dict[str, list[str]] = {}
    for c, k in b:
        per_lid.setdefault(c, []).append(k)
    volgorde = [b[i][0] for i in plaatsen]
    b2 = [(hernoem[c], per_lid[c].pop(0)) for c in volgorde]
    u1, u2 = tel(w, b), tel(w2, b2)
    assert (u1.voor, u1.tegen, u1.onthouding, u1.uitkomst, u1.percentage) == (
        u2.voor,
        u2.tegen,
        u2.onthouding,
        u2.uitkomst,
        u2.percentage,
    )
    assert len(u1.geweigerd) == len(u2.geweigerd)


@given(met_vrij_lid())
def test_onthouding_changes_only_turnout(
    t: tuple[dict[str, int], list[tuple[str, str]], str],
) -> None:
    w, b, extra = t
    u1, u2 = tel(w, b), tel(w, [*b, (extra, "onthouding")])
    assert (u1.voor, u1.tegen, u1.uitkomst, u1.percentage) == (
        u2.voor,
        u2.tegen,
        u2.uitkomst,
        u2.percentage,
    )
    assert u2.onthouding == u1.onthouding + w[extra]


@given(st.lists(st.integers(1, 75), min_size=1, max_size=20), st.lists(st.integers(1, 75)))
def test_exactly_half_is_verworpen(helft: list[int], onthouders: list[int]) -> None:
    w: dict[str, int] = {}
    b: list[tuple[str, str]] = []
    for i, n in enumerate(helft):
        w[f"V{i}"] = w[f"T{i}"] = n
        b += [(f"V{i}", "voor"), (f"T{i}", "tegen")]
    for i, n in enumerate(onthouders):
        w[f"O{i}"] = n
        b.append((f"O{i}", "onthouding"))
    u = tel(w, b)
    assert u.voor == u.tegen
    assert u.uitkomst is Uitkomst.VERWORPEN
    assert u.percentage == "50,00"


@given(tellingen())
def test_live_equals_batch_at_every_step(t: tuple[dict[str, int], list[tuple[str, str]]]) -> None:
    w, b = t
    live = LiveTelling(w)
    assert live.uitslag == tel(w, [])
    for i, (code, keuze) in enumerate(b):
        live.stem(code, keuze)
        assert live.uitslag == tel(w, b[: i + 1])


@given(tellingen())
def test_total_weight_is_conserved(t: tuple[dict[str, int], list[tuple[str, str]]]) -> None:
    w, b = t
    u = tel(w, b)
    gestemd = {c for c, k in b if c in w and k in set(Keuze)}
    niet = sum(n for c, n in w.items() if c not in gestemd)
    assert u.voor + u.tegen + u.onthouding + niet == sum(w.values())


@given(tellingen(vreemden=False), st.fractions(min_value=0, max_value=1))
def test_percentage_round_trips_and_outcome_is_exact(
    t: tuple[dict[str, int], list[tuple[str, str]]], m: Fraction
) -> None:
    w, b = t
    u = tel(w, b)
    if u.uitgebracht == 0:
        assert u.uitkomst is Uitkomst.GEEN_BESLUIT
        return
    exact = Fraction(u.voor * 100, u.uitgebracht)
    assert u.percentage is not None
    assert abs(Fraction(u.percentage.replace(",", ".")) - exact) <= Fraction(5, 1000)
    assert (u.uitkomst is Uitkomst.AANGENOMEN) == (Fraction(u.voor, u.uitgebracht) > Fraction(1, 2))
    assert meer_dan(u.voor, m, u.uitgebracht) == (Fraction(u.voor, u.uitgebracht) > m)


@given(gewichten(), st.lists(st.sampled_from(["a", "b", "c", "onthouding"])))
def test_keuze_winner_only_with_majority(w: dict[str, int], keuzes: list[str]) -> None:
    b = list(zip(sorted(w), keuzes, strict=False))
    k = tel_keuze(w, b, ("a", "b", "c"))
    if k.winnaar is not None:
        assert 2 * dict(k.stemmen)[k.winnaar] > k.uitgebracht
    else:
        assert all(2 * n <= k.uitgebracht for _, n in k.stemmen)
