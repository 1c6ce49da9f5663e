"""One motion or amendment checked on its own gets the findings it gets inside a dossier."""

from __future__ import annotations

from datetime import date

from attrs import evolve
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alvrules import Motie, Vergadering, controleer_amendement, controleer_motie
from alvrules.controle import binnen, controleer
from alvrules.dossier import Dossier
from alvrules.ondertekening import stuk_pad
from alvrules.strategies import (
    DEFECTEN,
    dossiers,
    geldige_dossiers,
    motie_met_defect,
)


def _eigen_ids(d: Dossier) -> bool:
    ids = [s.id.strip() for s in (*d.moties, *d.amendementen)]
    return all(ids) and len(set(ids)) == len(ids)


def _vergelijk(d: Dossier, *, amendementen: bool = True) -> None:
    alles = controleer(d)
    for m in d.moties:
        plek = stuk_pad("moties", 0, m.id)
        los = controleer_motie(m, vergadering=d.vergadering, agendapunten=d.agendapunten)
        assert los.bevindingen == tuple(b for b in alles if binnen(b.pad, plek))
    if not amendementen:
        return
    for a in d.amendementen:
        plek = stuk_pad("amendementen", 0, a.id)
        los = controleer_amendement(a, vergadering=d.vergadering, agendapunten=d.agendapunten)
        assert los.bevindingen == tuple(b for b in alles if binnen(b.pad, plek))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(geldige_dossiers(), st.data())
def test_single_items_of_valid_dossiers_with_one_defect(d: Dossier, data: st.DataObject) -> None:
    if d.moties:
        soort = data.draw(st.sampled_from(sorted(DEFECTEN)))
        defect = data.draw(motie_met_defect(soort, d.vergadering, d.agendapunten))
        defect = evolve(defect, id=d.moties[0].id)
        d = Dossier(
            vergadering=d.vergadering,
            agendapunten=d.agendapunten,
            moties=(defect, *d.moties[1:]),
            amendementen=d.amendementen,
        )
    _vergelijk(d)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(dossiers())
def test_single_items_of_any_dossier(d: Dossier) -> None:
    assume(_eigen_ids(d))
    d = evolve(d, bevolking=None)  # its file would not exist: input that cannot be read
    # AMD04 compares amendments of one proposal with each other: only one amendment here
    _vergelijk(d, amendementen=len(d.amendementen) <= 1)


def test_a_motion_alone_needs_no_dossier() -> None:
    r = controleer_motie(Motie(id="M01"), vergadering=Vergadering(datum=date(2023, 12, 1)))
    assert not r.geldig
    assert all(b.pad.startswith("moties[M01]") for b in r)
