"""The report API: findings per severity as tuples, counts, validity and JSON."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alvrules.regels import Bevinding, Ernst, Rapport


def _bevinding(ernst: Ernst, i: int) -> Bevinding:
    return Bevinding(regel="MOT01", ernst=ernst, melding=f"m{i}", pad=f"moties[{i}]", bron="b")


ERNSTEN = st.lists(st.sampled_from(list(Ernst)), max_size=20)


def test_fouten_waarschuwingen_info_zijn_tuples_in_volgorde() -> None:
    bs = [
        _bevinding(e, i)
        for i, e in enumerate([Ernst.INFO, Ernst.FOUT, Ernst.WAARSCHUWING, Ernst.FOUT])
    ]
    r = Rapport.van(bs)
    assert r.fouten == (bs[1], bs[3])
    assert r.waarschuwingen == (bs[2],)
    assert r.info == (bs[0],)
    assert r.aantallen == {"fout": 2, "waarschuwing": 1, "info": 1}
    assert r.aantallen[Ernst.FOUT] == 2
    assert not r.geldig


@given(ERNSTEN)
def test_aantallen_en_json_tellen_dezelfde_bevindingen(ernsten: list[Ernst]) -> None:
    r = Rapport.van(_bevinding(e, i) for i, e in enumerate(ernsten))
    assert r.aantallen == {
        "fout": len(r.fouten),
        "waarschuwing": len(r.waarschuwingen),
        "info": len(r.info),
    }
    assert sum(r.aantallen.values()) == len(r)
    assert set(r.fouten) | set(r.waarschuwingen) | set(r.info) == set(r.bevindingen)
    data = r.to_json()
    assert (data["fouten"], data["waarschuwingen"], data["info"]) == (
        len(r.fouten),
        len(r.waarschuwingen),
        len(r.info),
    )
    assert data["geldig"] is r.geldig is (Ernst.FOUT not in ernsten)
