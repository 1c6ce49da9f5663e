"""``LiveTelling.vast``: "de uitslag staat vast" (STM05 applied during the count).

The reference is brute force: every way the members left (entitled, not yet voted) can
still vote — voor, tegen, onthouding or not at all — as the set of reachable (extra voor,
extra tegen) sums. ``vast`` must be the one outcome all of them give, and None whenever two
of them differ; checked after every ballot, that proves both directions and that
``vast_sinds`` is the earliest moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alvrules.stemmingen import Keuze
from alvrules.strategies import codes, keuzes
from alvrules.telling import (
    HELFT,
    LiveTelling,
    Reden,
    Uitkomst,
    Uitslag,
    Weigering,
    vaststaand,
)

KEUZES = {k.value for k in Keuze}

MEERDERHEDEN = st.sampled_from(
    # a majority lies in (0, 1]: 0 is refused with GebruiksFout (issue 25)
    [HELFT, Fraction(2, 3), Fraction(3, 5), Fraction(1, 3), Fraction(1, 1000), Fraction(1)]
)


def _mogelijk(
    voor: int, tegen: int, over: Iterable[int], meerderheid: Fraction, leden: int | None
) -> set[Uitkomst]:
    """Every outcome some completion by members with weights ``over`` gives (brute force)."""
    paren = {(0, 0)}
    for w in over:
        paren |= {(a + w, b) for a, b in paren} | {(a, b + w) for a, b in paren}
    return {
        Uitslag(voor=voor + a, tegen=tegen + b, meerderheid=meerderheid, leden=leden).uitkomst
        for a, b in paren
    }


@st.composite
def live(
    draw: st.DrawFn,
) -> tuple[dict[str, int], frozenset[str], Fraction, int | None, list[tuple[str, str]]]:
    g = draw(st.dictionaries(codes, st.integers(min_value=0, max_value=75), min_size=1, max_size=8))
    leden = sorted(g)
    gerechtigd = frozenset(draw(st.sets(st.sampled_from(leden))) if draw(st.booleans()) else g)
    meerderheid = draw(MEERDERHEDEN)
    # a basis of all members' votes is above 0 (GebruiksFout otherwise, issue 25)
    basis = (sum(g.values()) or None) if draw(st.booleans()) else None
    wie = st.one_of(st.sampled_from(leden), codes.filter(lambda c: c not in g))
    keuze = st.one_of(keuzes, st.just("misschien"))
    briefjes = draw(st.lists(st.tuples(wie, keuze), max_size=2 * len(leden) + 2))
    return g, gerechtigd, meerderheid, basis, briefjes


Live = tuple[dict[str, int], frozenset[str], Fraction, int | None, list[tuple[str, str]]]


@pytest.mark.regel("STM05")
@given(live())
def test_vast_iff_no_completion_changes_the_outcome(t: Live) -> None:
    _vast_iff_no_completion_changes_the_outcome(t)


#: the edges of the decision during the count, checked the same way under every Hypothesis
#: profile: (weights, majority, basis of all members' votes or None, choices in turn,
#: the decided outcome after them)
RANDEN: list[tuple[dict[str, int], Fraction, int | None, list[str], Uitkomst | None]] = [
    # an abstention is in no basis: 10 tegen against at most 5 voor is decided
    (
        {"GM0001": 10, "GM0002": 10, "GM0003": 5},
        HELFT,
        None,
        ["onthouding", "tegen"],
        Uitkomst.VERWORPEN,
    ),
    # one cast vote of weight 1 decides: the other member of weight 1 can only tie
    ({"GM0001": 1, "GM0002": 1}, HELFT, None, ["tegen"], Uitkomst.VERWORPEN),
    # basis all members (15): 10 voor is more than half of it, whatever the other 5 do
    ({"GM0001": 10, "GM0002": 5}, HELFT, 15, ["voor"], Uitkomst.AANGENOMEN),
    # basis 20: exactly half is no majority; 10 voor + 10 left can still pass
    ({"GM0001": 10, "GM0002": 10}, HELFT, 20, ["voor"], None),
    # ... and 10 tegen leaves at most exactly half
    ({"GM0001": 10, "GM0002": 10}, HELFT, 20, ["tegen"], Uitkomst.VERWORPEN),
    # 3/5 of the cast: 1 tegen, and 2 voor of the 3 would still be more than 3/5
    ({"GM0001": 1, "GM0002": 2}, Fraction(3, 5), None, ["tegen"], None),
    # (a basis of 0 members is refused with GebruiksFout since issue 25)
]


@pytest.mark.regel("STM05")
@pytest.mark.parametrize(("g", "meerderheid", "basis", "keuzes", "vast"), RANDEN)
def test_vast_at_the_edges(
    g: dict[str, int],
    meerderheid: Fraction,
    basis: int | None,
    keuzes: list[str],
    vast: Uitkomst | None,
) -> None:
    _vast_iff_no_completion_changes_the_outcome(
        (g, frozenset(g), meerderheid, basis, list(zip(g, keuzes, strict=False)))
    )
    lt = LiveTelling(g, meerderheid=meerderheid, leden=basis)
    for code, keuze in zip(g, keuzes, strict=False):
        lt.stem(code, keuze)
    assert lt.vast == vast
    # vaststaand on the same sums agrees with the live tally
    u = lt.uitslag
    assert vaststaand(u.voor, u.tegen, lt.rest, meerderheid=meerderheid, leden=basis) == vast


def _vast_iff_no_completion_changes_the_outcome(t: Live) -> None:
    g, gerechtigd, meerderheid, basis, briefjes = t
    lt = LiveTelling(g, meerderheid=meerderheid, leden=basis, stemgerechtigd=gerechtigd)
    eerste: int | None = None
    for i in range(len(briefjes) + 1):
        if i:
            lt.stem(*briefjes[i - 1])
        u = lt.uitslag
        over = [g[c] for c in gerechtigd if c not in _gestemd(briefjes[:i])]
        assert lt.rest == sum(over)
        mogelijk = _mogelijk(u.voor, u.tegen, over, meerderheid, basis)
        assert u.uitkomst in mogelijk  # stopping now is one of the completions
        # both ways: decided <=> every completion gives the same outcome, and it is that one
        assert lt.vast == (next(iter(mogelijk)) if len(mogelijk) == 1 else None)
        if eerste is None and lt.vast is not None:
            eerste = i
        assert lt.vast_sinds == eerste  # the earliest moment, and it never goes back


def _gestemd(briefjes: list[tuple[str, str]]) -> set[str]:
    """The members with a ballot of a valid choice (whether or not it counted)."""
    return {c for c, k in briefjes if k in KEUZES}


@given(live(), st.data())
def test_once_decided_no_remaining_ballots_change_it(
    t: Live,
    data: st.DataObject,
) -> None:
    """From the moment ``vast`` is set, any random completion ends in that outcome."""
    g, gerechtigd, meerderheid, basis, briefjes = t
    lt = LiveTelling(g, meerderheid=meerderheid, leden=basis, stemgerechtigd=gerechtigd)
    for b in briefjes:
        lt.stem(*b)
    if lt.vast is None:
        return
    besloten = lt.vast
    over = sorted(gerechtigd - _gestemd(briefjes))
    for c in data.draw(st.permutations(over)):
        lt.stem(c, data.draw(st.sampled_from(["voor", "tegen", "onthouding"])))
        assert lt.vast is besloten
    assert lt.uitslag.uitkomst is besloten


@given(
    st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000), MEERDERHEDEN, st.booleans()
)
@example(5, 0, 0, HELFT, True)  # 5 of a basis of 12: verworpen, though 5 of 5 cast
@example(3, 0, 4, HELFT, False)  # 4 left could still vote tegen or voor
@example(3, 1, 4, HELFT, False)
@example(0, 1, 0, HELFT, False)  # one tegen and nothing left: verworpen
@example(0, 0, 5, HELFT, False)  # nothing cast, weight left: open
def test_vaststaand_matches_the_extremes(
    voor: int, tegen: int, rest: int, meerderheid: Fraction, leden: bool
) -> None:
    """One member holding all the rest: voor, tegen, or neither are all completions."""
    basis = voor + tegen + rest + 7 if leden else None
    mogelijk = _mogelijk(voor, tegen, [rest], meerderheid, basis)
    uit = vaststaand(voor, tegen, rest, meerderheid=meerderheid, leden=basis)
    assert uit == (next(iter(mogelijk)) if len(mogelijk) == 1 else None)


@pytest.mark.regel("STM05")
def test_examples() -> None:
    w = {"GM0001": 40, "GM0002": 30, "GM0003": 20, "GM0004": 10}
    lt = LiveTelling(w)
    assert (lt.vast, lt.vast_sinds) == (None, None)
    lt.stem("GM0001", "voor")  # 40 voor, 60 left: 60 tegen would win
    assert lt.vast is None
    lt.stem("GM0002", "voor")  # 70 voor > 30 left
    assert (lt.vast, lt.vast_sinds) == (Uitkomst.AANGENOMEN, 2)
    lt.stem("GM0003", "tegen")
    lt.stem("GM0004", "tegen")
    assert (lt.vast, lt.vast_sinds, lt.uitslag.uitkomst) == (Uitkomst.AANGENOMEN, 2, "aangenomen")
    # a tie is rejected (exactly half is no majority): decided once voor cannot pass 50
    lt = LiveTelling({"GM0001": 50, "GM0002": 50})
    lt.stem("GM0001", "tegen")
    assert (lt.vast, lt.vast_sinds) == (Uitkomst.VERWORPEN, 1)
    # nothing cast yet: an abstention by everyone left would give no decision
    lt = LiveTelling({"GM0001": 50, "GM0002": 50})
    lt.stem("GM0001", "onthouding")
    assert lt.vast is None
    lt.stem("GM0002", "onthouding")
    assert (lt.vast, lt.vast_sinds) == (Uitkomst.GEEN_BESLUIT, 2)
    # only the entitled members count as "left"; another member's ballot is rejected
    lt = LiveTelling({"GM0001": 50, "GM0002": 50}, stemgerechtigd={"GM0001"})
    assert lt.rest == 50
    assert lt.stem("GM0002", "voor") == Weigering("GM0002", "voor", Reden.GEEN_VERTEGENWOORDIGER)
    lt.stem("GM0001", "voor")
    assert (lt.vast, lt.vast_sinds) == (Uitkomst.AANGENOMEN, 2)
    # nobody entitled: no decision before the first ballot
    assert LiveTelling(w, stemgerechtigd=()).vast_sinds == 0
