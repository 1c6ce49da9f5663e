"""STM12: a vote has its own id and names proposals that are in the dossier."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier
from alvrules.model import Agendapunt, Vergadering
from alvrules.moties import Motie
from alvrules.stemmingen import Stemming, StemmingSoort
from tests.conftest import EXAMPLES

DOSSIER = Dossier(
    vergadering=Vergadering(datum=date(2023, 12, 1)),
    agendapunten=(
        Agendapunt(id="7"),
        Agendapunt(id="verantwoording"),
    ),
    moties=(Motie(id="M03"), Motie(id="M04")),
)
BEKEND = ["7", "verantwoording", "M03", "M04", "verantwoording-moties"]


def _stm12(*stemmingen: Stemming) -> list[str]:
    d = Dossier(
        vergadering=DOSSIER.vergadering,
        agendapunten=DOSSIER.agendapunten,
        moties=DOSSIER.moties,
        stemmingen=stemmingen,
    )
    return [b.pad for b in controleer(d) if b.regel == "STM12"]


@pytest.mark.regel("STM12")
def test_the_2023_example_votes_name_existing_proposals() -> None:
    rapport = controleer(laad_dossier(EXAMPLES / "najaars-alv-2023.toml"))
    assert "STM12" not in rapport.regels()


def test_a_typo_in_a_proposal_id_is_an_error() -> None:
    assert _stm12(Stemming(id="S01", voorstellen=("M3",))) == ["stemmingen[S01].voorstellen[0]"]


@pytest.mark.regel("AFD04")
def test_the_accounting_is_a_proposal() -> None:
    """AFD04: the members vote on the accounting as one proposal."""
    assert _stm12(Stemming(id="S09", voorstellen=("verantwoording-moties",))) == []


def test_a_proposal_vote_without_proposal_and_a_duplicate_id() -> None:
    # the ids first (stm12_eigen_id, which uitslag runs too), then the proposals
    assert _stm12(Stemming(id="S01"), Stemming(id="S01", voorstellen=("M03",))) == [
        "stemmingen[1].id",
        "stemmingen[S01].voorstellen",
    ]


def test_an_order_motion_concerns_an_existing_item() -> None:
    orde = Stemming(id="S02", soort=StemmingSoort.ORDE, voorstellen=("M04",), betreft="8")
    assert _stm12(orde) == ["stemmingen[S02].betreft"]


@given(st.lists(st.sampled_from(BEKEND), min_size=1), st.lists(st.text(min_size=1), max_size=3))
def test_exactly_the_unknown_ids_are_reported(goed: list[str], verzonnen: list[str]) -> None:
    onbekend = [v for v in verzonnen if v not in BEKEND]
    stemming = Stemming(id="S", voorstellen=(*goed, *onbekend))
    assert len(_stm12(stemming)) == len(onbekend)
