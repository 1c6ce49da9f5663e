"""Properties over the strategies: valid is clean, one defect gives one finding (SIG, MOT,
TRM02, AMD)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.strategies import (
    DEFECTEN,
    agendas,
    geldige_dossiers,
    geldige_moties,
    motie_met_defect,
    vergaderingen,
)


@st.composite
def _motie_in_dossier(draw: st.DrawFn, soort: str | None = None) -> Dossier:
    v = draw(vergaderingen())
    agenda = draw(agendas())
    motie = draw(geldige_moties(v, agenda) if soort is None else motie_met_defect(soort, v, agenda))
    return Dossier(vergadering=v, agendapunten=agenda, moties=(motie,))


@given(_motie_in_dossier())
def test_valid_motion_has_no_finding_at_all(dossier: Dossier) -> None:
    assert list(controleer(dossier)) == []


@given(geldige_dossiers())
def test_valid_dossier_has_no_finding_at_all(dossier: Dossier) -> None:
    assert list(controleer(dossier)) == []


@pytest.mark.parametrize("soort", sorted(DEFECTEN))
@settings(max_examples=30)
@given(data=st.data())
def test_one_defect_gives_exactly_that_rules_finding(soort: str, data: st.DataObject) -> None:
    dossier = data.draw(_motie_in_dossier(soort))
    bevindingen = list(controleer(dossier))
    assert [b.regel for b in bevindingen] == [DEFECTEN[soort].regel], bevindingen
