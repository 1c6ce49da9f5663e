"""Hypothesis strategies for weighted votes (STM04-STM06): weights and ballots.

Kept apart from :mod:`alvrules.strategies` so the two can be merged without conflict;
``tellingen()`` gives a weights mapping with ballots in delivery order, including second
ballots of the same member and ballots of non-members (both rejected by STM04).
"""

from __future__ import annotations

from hypothesis import strategies as st

from alvrules.stemmingen import Keuze

__all__ = ["codes", "gewichten", "keuzes", "tellingen"]

keuzes = st.sampled_from([k.value for k in Keuze])

#: CBS-style member codes.
codes = st.integers(min_value=1, max_value=9999).map(lambda n: f"GM{n:04d}")


def gewichten(min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[dict[str, int]]:
    """Members' weights: 1 to 75 votes each (STM01)."""
    return st.dictionaries(
        codes, st.integers(min_value=1, max_value=75), min_size=min_size, max_size=max_size
    )


@st.composite
def tellingen(
    draw: st.DrawFn, *, vreemden: bool = True
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Weights and ballots ``(code, keuze)``; some duplicates, maybe some non-members."""
    g = draw(gewichten())
    leden = sorted(g)
    wie = st.sampled_from(leden)
    if vreemden:
        wie = st.one_of(wie, codes.filter(lambda c: c not in g))
    briefjes = draw(st.lists(st.tuples(wie, keuzes), max_size=2 * len(leden) + 2))
    return g, briefjes
