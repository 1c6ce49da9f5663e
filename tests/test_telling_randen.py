"""Edges of the tally and the vote types: each rejection exactly, bounds of the helpers.

Written to kill surviving mutants (mutmut) in telling.py and stemmingen.py: every field
of a rejection, the majority bounds of ``breuk``, the percentage's refusals.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from alvrules.model import InvoerFout
from alvrules.stemmingen import Stembriefje, Stemming, breuk
from alvrules.telling import (
    KeuzeUitslag,
    LiveTelling,
    Reden,
    Uitkomst,
    Weigering,
    percentage,
    tel,
    tel_keuze,
)

GEWICHTEN = {"GM0344": 30, "GM0363": 75, "GM0889": 1, "GM0001": 0}
BRIEFJES = [
    ("GM0344", "voor"),
    ("GM9999", "voor"),  # no member
    ("GM0363", "misschien"),  # no such choice: does not take the member's turn
    ("GM0363", "tegen"),
    ("GM0344", "tegen"),  # second ballot of the same member
    ("GM0889", "onthouding"),
]
WEIGERINGEN = (
    Weigering("GM9999", "voor", Reden.GEEN_LID),
    Weigering("GM0363", "misschien", Reden.ONGELDIGE_KEUZE),
    Weigering("GM0344", "tegen", Reden.DUBBEL),
)


def test_tel_weigert_precies() -> None:
    u = tel(GEWICHTEN, BRIEFJES)
    assert (u.voor, u.tegen, u.onthouding) == (30, 75, 1)
    assert u.geweigerd == WEIGERINGEN


def test_live_weigert_precies_en_telt_als_tel() -> None:
    live = LiveTelling(GEWICHTEN, leden=106)
    antwoorden = [live.stem(c, k) for c, k in BRIEFJES]
    assert antwoorden == [None, WEIGERINGEN[0], WEIGERINGEN[1], None, WEIGERINGEN[2], None]
    assert live.uitslag == tel(GEWICHTEN, BRIEFJES, leden=106)
    assert live.uitslag.leden == 106


def test_live_meerderheid_van_alle_leden() -> None:
    # 30 of 105 cast is a majority of the votes cast but not of all 106 members' votes.
    live = LiveTelling(GEWICHTEN, meerderheid=Fraction(1, 2), leden=106)
    live.stem("GM0344", "voor")
    live.stem("GM0889", "tegen")
    assert live.uitslag.uitkomst is Uitkomst.VERWORPEN
    assert LiveTelling(GEWICHTEN).uitslag.uitkomst is Uitkomst.GEEN_BESLUIT


def test_tel_keuze_weigert_precies() -> None:
    briefjes = [
        ("GM0344", "A"),
        ("GM9999", "A"),
        ("GM0363", "C"),
        ("GM0363", "B"),
        ("GM0344", "B"),
        ("GM0889", "onthouding"),
        ("GM0001", "onthouding"),
    ]
    u = tel_keuze(GEWICHTEN, briefjes, ["A", "B"])
    assert u.stemmen == (("A", 30), ("B", 75))
    assert u.onthouding == 1
    assert u.meerderheid == Fraction(1, 2)
    assert u.geweigerd == (
        Weigering("GM9999", "A", Reden.GEEN_LID),
        Weigering("GM0363", "C", Reden.ONGELDIGE_KEUZE),
        Weigering("GM0344", "B", Reden.DUBBEL),
    )
    assert tel_keuze(GEWICHTEN, [], ["A"], meerderheid=Fraction(2, 3)).onthouding == 0
    assert tel_keuze(GEWICHTEN, [], ["A"], meerderheid=Fraction(2, 3)).meerderheid == Fraction(2, 3)


def test_keuze_percentage_bij_een_stem() -> None:
    u = KeuzeUitslag(stemmen=(("A", 1), ("B", 0)))
    assert u.percentage("A") == "100,00"
    assert KeuzeUitslag(stemmen=(("A", 0),)).percentage("A") is None


@pytest.mark.parametrize(("deel", "geheel"), [(0, 0), (1, 0), (-1, 5), (1, -1)])
def test_percentage_weigert(deel: int, geheel: int) -> None:
    with pytest.raises(ValueError, match=f"percentage van {deel} op {geheel}"):
        percentage(deel, geheel)


@pytest.mark.parametrize("gewicht", [-1, True, 1.0, "3"])
def test_ongeldig_gewicht(gewicht: object) -> None:
    with pytest.raises(InvoerFout, match="stemgewicht van GM0344 is geen geheel getal"):
        tel({"GM0344": gewicht}, [])  # type: ignore[dict-item]


def test_gewicht_nul_mag() -> None:
    assert tel({"GM0344": 0}, [("GM0344", "voor")]).uitkomst is Uitkomst.GEEN_BESLUIT


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("1/2", Fraction(1, 2)), (" 2 / 3 ", Fraction(2, 3)), ("0/3", None), ("3/3", None)],
)
def test_breuk_grenzen(tekst: str, verwacht: Fraction | None) -> None:
    assert breuk(tekst) == verwacht


def test_briefjes_in_elke_vorm() -> None:
    verwacht = (Stembriefje("Utrecht", "voor"), Stembriefje("Beesel", "tegen"))
    for stemmen in (
        {"Utrecht": "voor", "Beesel": "tegen"},
        [{"gemeente": "Utrecht", "keuze": "voor"}, {"gemeente": "Beesel", "keuze": "tegen"}],
        [("Utrecht", "voor"), Stembriefje("Beesel", "tegen")],
    ):
        assert Stemming(id="S1", stemmen=stemmen).stemmen == verwacht  # type: ignore[arg-type]
    assert Stemming(id="S1", stemmen=[{}]).stemmen == (Stembriefje("", ""),)  # type: ignore[list-item]
    for fout in ("voor", 3):
        with pytest.raises(TypeError, match="stemmen: verwacht een tabel of lijst"):
            Stemming(id="S1", stemmen=fout)  # type: ignore[arg-type]


@pytest.mark.parametrize("fout", [-1, True])
def test_ongeldig_gewicht_na_een_nul(fout: object) -> None:
    # A zero weight is allowed, also next to a wrong one: the error names the wrong one.
    with pytest.raises(InvoerFout, match="stemgewicht van GM0344 is geen geheel getal"):
        tel({"GM0001": 0, "GM0344": fout}, [])  # type: ignore[dict-item]
