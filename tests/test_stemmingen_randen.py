"""Edges of :mod:`alvrules.stemmingen` the other tests do not reach (kill surviving mutants):
``stemmen`` given in Python (a table, ballots or pairs; anything else is a ``TypeError``
naming what it got) and STM12 for a vote without a visible id, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import Vergadering
from alvrules.stemmingen import Stemming
from alvrules.waarden import Soortfout


@pytest.mark.parametrize(
    ("stemmen", "reden"),
    [
        (5, "verwacht een tabel of lijst, niet een getal"),
        (["ab"], "verwacht (gemeente, keuze), niet tekst 'ab'"),
        ([("a", "b", "c")], "verwacht (gemeente, keuze), niet een tuple"),
        ([None], "verwacht (gemeente, keuze), niet null"),
    ],
    ids=["getal", "tekst-van-twee", "drietal", "niets"],
)
def test_stemmen_van_een_verkeerd_soort_noemt_wat_het_kreeg(stemmen: object, reden: str) -> None:
    """A string of two characters is not a pair (gemeente, keuze)."""
    with pytest.raises(Soortfout) as e:
        Stemming(id="S1", voorstellen=("v",), stemmen=stemmen)
    assert str(e.value) == f"Stemming.stemmen: {reden}"


@pytest.mark.regel("STM12")
def test_stemming_zonder_zichtbare_id_in_beide_talen() -> None:
    s = Stemming(id="\u200b", voorstellen=("v",))
    d = Dossier(vergadering=Vergadering(datum=date(2023, 12, 1)), stemmingen=(s,))
    [b] = [b for b in controleer(d) if b.pad == "stemmingen[0].id"]
    assert b.regel == "STM12"
    assert b.tekst("nl") == "Stemming zonder zichtbare id ('\\u200b')."
    assert b.tekst("en") == "Vote without a visible id ('\\u200b')."
