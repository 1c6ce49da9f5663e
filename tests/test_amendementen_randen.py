"""Edges of applying amendments: overlapping counts and the reasons of a refusal.

Written to kill surviving mutants (mutmut) in amendementen.py.
"""

from __future__ import annotations

import pytest

from alvrules.amendementen import Wijziging, pas_toe, tel


@pytest.mark.parametrize(
    ("tekst", "deel", "n"), [("aaa", "aa", 2), ("ababab", "ab", 3), ("abc", "x", 0)]
)
def test_tel_overlappend(tekst: str, deel: str, n: int) -> None:
    assert tel(tekst, deel) == n


@pytest.mark.parametrize(
    ("wijzigingen", "reden"),
    [
        ([Wijziging()], "wijziging geweigerd: niets geschrapt en niets ingevoegd"),
        (
            [Wijziging(invoegen="x")],
            r"wijziging geweigerd: invoeging zonder plaats \(na ontbreekt\)",
        ),
        (
            [Wijziging(schrappen="b")],
            "schrappen 'b' komt 2 keer voor in de tekst, niet precies één keer",
        ),
        (
            [Wijziging(na="z", invoegen="x")],
            "na 'z' komt 0 keer voor in de tekst, niet precies één keer",
        ),
        (
            [Wijziging(schrappen="a b"), Wijziging(schrappen="b c")],
            "wijzigingen overlappen elkaar",
        ),
    ],
)
def test_pas_toe_weigert_met_reden(wijzigingen: list[Wijziging], reden: str) -> None:
    with pytest.raises(ValueError, match=f"^{reden}$"):
        pas_toe("a b c b", wijzigingen)


def test_pas_toe_invoegen_na_anker() -> None:
    assert pas_toe("a b c", [Wijziging(na="b", invoegen=" x")]) == "a b x c"
    assert pas_toe("a b c", [Wijziging(schrappen="b", invoegen="y")]) == "a y c"
