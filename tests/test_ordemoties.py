"""STM09: an adopted order motion postpones the proposal of its item, the amendments to it
and the item's other motions (minutes of 14 June 2023, item 7b: the chair went on with the
other motions only because the order motions were rejected); each postponed item says by
which order motion, in the library, text, JSON, HTML and Popolo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import cli
from alvrules._cli.uitslag import zin
from alvrules.amendementen import Amendement
from alvrules.moties import Motie
from alvrules.stemmingen import Stemming, StemmingSoort
from alvrules.uitslagen import uitslagen
from tests.test_uitslagen import _dossier, _regels

VOOR = {"Utrecht": "voor", "Den Haag": "voor"}
TEGEN = {"Utrecht": "tegen", "Den Haag": "tegen"}

MOTIES = (
    Motie(id="M1", titel="Hervormingsagenda instemming Najaars ALV", agendapunt="07b"),
    Motie(id="M2", titel="Een uitvoerbare Hervormingsagenda Jeugd", agendapunt="07b"),
    Motie(id="M3", titel="Ontschotting", agendapunt="07b"),
    Motie(id="M9", titel="Elders", agendapunt="08"),
)
AMENDEMENTEN = (Amendement(id="A1", titel="Een wijziging", agendapunt="07b"),)


def _orde(stemmen: dict[str, str]) -> Stemming:
    return Stemming(
        id="S1", soort=StemmingSoort.ORDE, betreft="07b", voorstellen=("M1",), stemmen=stemmen
    )


def _item_7b(orde: dict[str, str]) -> tuple[Stemming, ...]:
    return (
        _orde(orde),
        Stemming(id="S2", voorstellen=("A1",), stemmen=VOOR),
        Stemming(id="S3", voorstellen=("M2",), stemmen=VOOR),
        Stemming(id="S4", voorstellen=("07b",), stemmen=VOOR),
        Stemming(id="S5", voorstellen=("M9",), stemmen=VOOR),
    )


@pytest.mark.regel("STM09")
def test_adopted_order_motion_postpones_proposal_amendments_and_other_motions() -> None:
    d = _dossier(*_item_7b(VOOR), moties=MOTIES, amendementen=AMENDEMENTEN)
    u = uitslagen(d)
    r = {x.stemming.id: x for x in u.resultaten}
    assert r["S1"].uitkomst == "aangenomen"
    for sid in ("S2", "S3", "S4"):
        assert r[sid].uitkomst == "geen besluit"
        assert r[sid].uitgesteld_door == ("M1",)
        assert r[sid].to_json()["uitgesteld_door"] == ["M1"]
        assert zin(r[sid]) == "geen besluit: uitgesteld (ordemotie M1)"
    assert r["S5"].uitkomst == "aangenomen"  # a motion of another item is not postponed
    assert "uitgesteld_door" not in r["S5"].to_json()
    # a vote on a postponed amendment, motion or proposal is a finding (STM09, error)
    assert _regels(d) == [(("STM09", f"stemmingen[{s}]")) for s in ("S2", "S3", "S4")]
    # every postponed item, voted on or not (M3 has no vote), says by which order motion
    assert [(x.voorstel, x.soort, x.door) for x in u.uitgesteld] == [
        ("A1", "amendement", ("M1",)),
        ("M2", "motie", ("M1",)),
        ("M3", "motie", ("M1",)),
    ]
    assert u.uitgesteld[2].zin() == "M3 (motie) Ontschotting: uitgesteld (ordemotie M1)"
    assert u.uitgesteld[2].zin("en") == "M3 (motion) Ontschotting: postponed (order motion M1)"


@pytest.mark.regel("STM09")
def test_rejected_order_motion_postpones_nothing() -> None:
    """As on 14 June 2023: rejected, the meeting goes on with the other motions."""
    d = _dossier(*_item_7b(TEGEN), moties=MOTIES, amendementen=AMENDEMENTEN)
    u = uitslagen(d)
    assert u.uitgesteld == ()
    assert [r.uitkomst for r in u.resultaten] == ["verworpen", *["aangenomen"] * 4]
    assert _regels(d) == []
    assert "uitgesteld" not in u.to_json()


@pytest.mark.regel("STM09")
def test_a_motion_decided_before_the_order_motion_stays_decided() -> None:
    eerder = Stemming(id="S0", voorstellen=("M2",), stemmen=VOOR)
    d = _dossier(eerder, _orde(VOOR), moties=MOTIES)
    u = uitslagen(d)
    assert u.resultaten[0].uitkomst == "aangenomen"
    assert [x.voorstel for x in u.uitgesteld] == ["M3"]  # not M2, not the order motion M1
    assert ("STM09", "stemmingen[S1]") in _regels(d)  # the order was wrong (existing rule)


@pytest.mark.regel("STM09")
def test_postponed_items_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "orde.toml"
    pad.write_text(
        """
[vergadering]
datum = 2023-12-01

[[moties]]
id = "M1"
titel = "Niet bouwen zonder vertrouwen"
agendapunt = "07b"

[[moties]]
id = "M2"
titel = "Hervormingsagenda Jeugd"
agendapunt = "07b"

[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "A. Jansen"
rol = "burgemeester"

[[stemmingen]]
id = "S1"
soort = "orde"
voorstellen = ["M1"]
betreft = "07b"
stemmen = { Utrecht = "voor" }

[[stemmingen]]
id = "S2"
voorstellen = ["M2"]
stemmen = { Utrecht = "voor" }
""",
        encoding="utf-8",
    )
    assert cli.main(["uitslag", str(pad)]) == 1  # the vote on a postponed motion: STM09
    tekst = capsys.readouterr().out
    assert "S2  Hervormingsagenda Jeugd: geen besluit: uitgesteld (ordemotie M1)" in tekst
    assert "M2 (motie) Hervormingsagenda Jeugd: uitgesteld (ordemotie M1)" in tekst
    cli.main(["uitslag", str(pad), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["stemmingen"][1]["uitgesteld_door"] == ["M1"]
    assert data["uitgesteld"] == [
        {
            "voorstel": "M2",
            "soort": "motie",
            "titel": "Hervormingsagenda Jeugd",
            "uitgesteld_door": ["M1"],
        }
    ]
    cli.main(["uitslag", str(pad), "--format", "popolo"])
    pop = json.loads(capsys.readouterr().out)
    assert pop["vote_events"][1]["uitgesteld_door"] == ["M1"]
    assert pop["uitgesteld"][0]["voorstel"] == "M2"
    cli.main(["uitslag", str(pad), "--format", "html", "--lang", "en"])
    html = capsys.readouterr().out
    assert "M2 (motion) Hervormingsagenda Jeugd: postponed (order motion M1)" in html


@pytest.mark.regel("STM09")
@given(
    aangenomen=st.booleans(),
    gestemd=st.lists(st.sampled_from(["A1", "M2", "M3", "07b"]), unique=True),
)
def test_postponed_iff_an_order_motion_was_adopted(aangenomen: bool, gestemd: list[str]) -> None:
    """Property: after an adopted order motion no vote on the item's proposal, amendments
    or other motions decides anything and each names the order motion; after a rejected
    one nothing is postponed."""
    gestemd.sort(key=lambda v: v == "07b")  # amendments before their proposal (STM09)
    na = tuple(
        Stemming(id=f"S{i + 2}", voorstellen=(v,), stemmen=VOOR) for i, v in enumerate(gestemd)
    )
    d = _dossier(
        _orde(VOOR if aangenomen else TEGEN), *na, moties=MOTIES, amendementen=AMENDEMENTEN
    )
    u = uitslagen(d)
    for r in u.resultaten[1:]:
        assert r.uitkomst == ("geen besluit" if aangenomen else "aangenomen")
        assert r.uitgesteld_door == (("M1",) if aangenomen else ())
    verwacht = ["A1", "M2", "M3"] if aangenomen else []
    assert [x.voorstel for x in u.uitgesteld] == verwacht
    assert [b for b in _regels(d) if b[0] == "STM09"] == (
        [("STM09", f"stemmingen[{s.id}]") for s in na] if aangenomen else []
    )
