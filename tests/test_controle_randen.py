"""Edges of :mod:`alvrules.controle` that the example dossiers do not reach (kill surviving
mutants): a check that cannot judge its content, a meeting outside the calendar, items
without an id checked alone, :func:`~alvrules.controle.binnen` and the suggestion budget."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.amendementen import Amendement
from alvrules.bevolking import Bevolking, gedeeld
from alvrules.controle import Context, binnen, controleer, controleer_amendement, controleer_motie
from alvrules.dossier import Dossier
from alvrules.fouten import GebruiksFout
from alvrules.gewichten import stemgewicht
from alvrules.grenzen import MAX_SUGGESTIES
from alvrules.kalender import VERGADERJAREN
from alvrules.laden import lees_dossier
from alvrules.model import Vergadering
from alvrules.moties import Motie
from alvrules.regels import Ernst
from tests.alv2023 import buiten_constructor

ALV = Vergadering(datum=date(2023, 12, 1))
UTRECHT = "GM0344"  # no merger around the reference date: its weight is its own figure


def _negatieve_bevolking() -> Bevolking:
    """The shipped figures for the ALV of 2023, with Utrecht's count negative: the
    constructor takes it (the CSV reader refuses it), the weight function does not."""
    cijfers = gedeeld(date(2022, 1, 1))
    assert cijfers is not None
    inwoners = dict(cijfers.inwoners)
    inwoners[UTRECHT] = -5
    return Bevolking(peildatum=cijfers.peildatum, inwoners=inwoners)


@pytest.mark.regel("CAL01")
def test_een_controle_die_niet_kan_oordelen_geeft_een_fout() -> None:
    dossier = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "moties": [{"id": "M1"}],
            "stemmingen": [{"id": "S1", "voorstellen": ["M1"], "stemmen": {"Utrecht": "voor"}}],
        }
    )
    with pytest.raises(GebruiksFout) as fout:
        stemgewicht(-5)
    rapport = controleer(dossier, bevolking=_negatieve_bevolking())
    cal01 = [(b.regel, b.pad, b.ernst, b.tekst("nl")) for b in rapport if b.regel == "CAL01"]
    # one error for the check of the votes, carrying the library's own reason
    assert cal01 == [("CAL01", "", Ernst.FOUT, str(fout.value))]
    assert not rapport.geldig
    # the other checks still run; the votes' check ended without other findings
    assert "MOT01" in rapport.regels()
    assert not any(b.regel.startswith("STM") for b in rapport)


@pytest.mark.regel("CAL01")
def test_vergadering_buiten_de_kalender_noemt_datum_en_jaren() -> None:
    eerste, laatste = VERGADERJAREN[0], VERGADERJAREN[-1]
    vergadering = buiten_constructor(ALV, datum=date(laatste + 1, 12, 1))
    [b] = controleer(Dossier(vergadering=vergadering))
    assert (b.regel, b.pad, b.ernst) == ("CAL01", "vergadering.datum", Ernst.FOUT)
    nl, en = b.tekst("nl"), b.tekst("en")
    assert nl != en  # both languages given
    assert f"1 december {laatste + 1}" in nl  # a date as people write it (docs/stijl.md)
    assert f"1 December {laatste + 1}" in en
    for tekst in (nl, en):
        assert f"({eerste}-{laatste})" in tekst  # the years the calendar does cover


@pytest.mark.regel("MOT06")
def test_los_stuk_zonder_id_heeft_de_bevindingen_van_zijn_plaats() -> None:
    motie = Motie(id="")
    amendement = Amendement(id=" ")
    m = controleer_motie(motie, vergadering=ALV)
    a = controleer_amendement(amendement, vergadering=ALV)
    in_dossier = controleer(Dossier(vergadering=ALV, moties=(motie,), amendementen=(amendement,)))
    assert ("MOT06", "moties[0].id", Ernst.FOUT) in [(b.regel, b.pad, b.ernst) for b in m]
    assert m.bevindingen == tuple(b for b in in_dossier if b.pad.startswith("moties[0]"))
    assert ("MOT06", "amendementen[0].id") in [(b.regel, b.pad) for b in a]
    assert a.bevindingen == tuple(b for b in in_dossier if b.pad.startswith("amendementen[0]"))


@pytest.mark.parametrize(
    ("pad", "verwacht"),
    [
        ("moties[M1]", True),
        ("moties[M1].oproep[0]", True),
        ("moties[M1][0]", True),
        ("moties[M10].titel", False),
        ("moties[M1]X", False),
        ("moties[M1]]", False),
        ("moties[M", False),
    ],
)
def test_binnen(pad: str, verwacht: bool) -> None:
    assert binnen(pad, "moties[M1]") is verwacht


def _context() -> Context:
    return Context.voor(Dossier(vergadering=ALV))


def _vul(ctx: Context, aantal: int) -> None:
    """Spend ``aantal`` of the check's suggestion budget on names that match nothing."""
    for i in range(aantal):
        assert ctx.suggesties(f"qq{i}") == []


def test_suggesties_voor_een_bijna_goede_naam() -> None:
    assert "Utrecht" in _context().suggesties("Utrech")


def test_suggesties_voor_hoogstens_max_namen() -> None:
    ctx = _context()
    _vul(ctx, MAX_SUGGESTIES - 1)
    assert "Utrecht" in ctx.suggesties("Utrech")  # the last name within the budget
    assert ctx.suggesties("Utrech") == ctx.suggesties("Utrech")  # a name already given
    assert ctx.suggesties("Utrehct") == []  # over budget


def test_suggesties_naam_van_100_tekens_telt_mee() -> None:
    ctx = _context()
    _vul(ctx, MAX_SUGGESTIES - 1)
    assert ctx.suggesties("q" * 100) == []
    assert ctx.suggesties("Utrech") == []  # the name of 100 characters took the last place


def test_suggesties_naam_van_101_tekens_telt_niet_mee() -> None:
    ctx = _context()
    _vul(ctx, MAX_SUGGESTIES - 1)
    assert ctx.suggesties("q" * 101) == []  # too long to look up
    assert "Utrecht" in ctx.suggesties("Utrech")  # so the last place is still free
