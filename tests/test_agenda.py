"""AGD01 (stable agenda ids, kinds) and TRM04 applied to the papers' sending date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.fouten import InvoerFout
from alvrules.laden import lees_dossier
from alvrules.model import Agendapunt, AgendaSoort, Vergadering
from alvrules.waarden import Waardefout

NAJAARS = Vergadering(datum=date(2023, 12, 1), naam="Najaars ALV 2023")
JUNI = Vergadering(datum=date(2023, 6, 14), naam="ALV 14 juni 2023")


def _bevindingen(vergadering: Vergadering, *punten: Agendapunt) -> list[tuple[str, str]]:
    rapport = controleer(Dossier(vergadering=vergadering, agendapunten=punten))
    return [(b.regel, b.pad) for b in rapport]


def test_trm04_papers_of_2023_were_on_time() -> None:
    """Lbr. 23/040 went out on 3 November 2023, exactly 28 days before 1 December."""
    assert _bevindingen(NAJAARS, Agendapunt(id="7", verzonden=date(2023, 11, 3))) == []
    # 14 June 2023: the accountability proposal reached the members on 17 May.
    assert _bevindingen(JUNI, Agendapunt(id="5", verzonden=date(2023, 5, 17))) == []


@pytest.mark.regel("TRM04")
def test_trm04_a_later_sending_is_a_nazending() -> None:
    punt = Agendapunt(id="7", verzonden=date(2023, 11, 24))
    assert _bevindingen(NAJAARS, punt) == [("TRM04", 'agendapunten["7"].verzonden')]
    (b,) = controleer(Dossier(vergadering=NAJAARS, agendapunten=(punt,)))
    assert b.ernst.value == "waarschuwing"
    assert "nazending" in b.melding


@pytest.mark.regel("TRM04")
@given(st.dates(date(2017, 1, 1), date(2040, 12, 31)), st.integers(-60, 60))
def test_trm04_warns_exactly_after_the_28th_day(alv: date, dagen: int) -> None:
    verzonden = alv - timedelta(days=28) + timedelta(days=dagen)
    gevonden = _bevindingen(Vergadering(datum=alv), Agendapunt(id="x", verzonden=verzonden))
    assert (gevonden == [("TRM04", "agendapunten[x].verzonden")]) == (dagen > 0)


def test_agd01_id_is_separate_from_the_display_number() -> None:
    """The 2023 documents number Rondvraag 11 and 15; the id stays the same."""
    a = Agendapunt(id="rondvraag", nummer="11", soorten=frozenset({AgendaSoort.BESPREKING}))
    b = evolve(a, nummer="15")
    assert a.id == b.id
    assert _bevindingen(NAJAARS, a) == []


@pytest.mark.regel("AGD01")
def test_agd01_duplicate_and_empty_ids_are_errors() -> None:
    punten = (Agendapunt(id="7"), Agendapunt(id="7"), Agendapunt(id=" "))
    assert _bevindingen(NAJAARS, *punten) == [
        ("AGD01", "agendapunten[1].id"),
        ("AGD01", "agendapunten[2].id"),
    ]


def test_agd01_an_item_may_mix_kennisname_and_besluitvorming() -> None:
    dossier = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "agendapunten": [{"id": "9", "soort": ["kennisname", "besluitvorming"]}],
        }
    )
    (punt,) = dossier.agendapunten
    assert punt.soorten == {AgendaSoort.KENNISNAME, AgendaSoort.BESLUITVORMING}
    assert punt.ter_besluitvorming
    assert list(controleer(dossier)) == []


@pytest.mark.regel("AGD01")
def test_agd01_an_item_without_kind_cannot_be_made() -> None:
    """At least one kind: the constructor refuses an empty set and the loader an empty list
    (exit 2), so no dossier the checks see has an item without a kind."""
    with pytest.raises(Waardefout, match="ten minste één soort"):
        Agendapunt(id="9", soorten=frozenset())
    leeg = {"vergadering": {"datum": "2023-12-01"}, "agendapunten": [{"id": "9", "soort": []}]}
    with pytest.raises(InvoerFout, match=r'agendapunten\["9"\]\.soort'):
        lees_dossier(leeg)
