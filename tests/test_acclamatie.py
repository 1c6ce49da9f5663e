"""STM07 acclamation and objection, TRM08 the final list of supporters, STM09 the order
of order motions, and the text of a postponed result."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import cli
from alvrules._cli.uitslag import zin
from alvrules.moties import Motie
from alvrules.stemmingen import Stemming, StemmingSoort, Wijze
from alvrules.uitslagen import uitslagen
from tests.alv2023 import amendement, motie, tijd
from tests.test_uitslagen import _dossier, _regels

AMS = ZoneInfo("Europe/Amsterdam")

# --- STM07 ------------------------------------------------------------------------------


@pytest.mark.regel("STM07")
def test_acclamation_without_objection_stands() -> None:
    s = Stemming(id="S1", voorstellen=("7",), wijze=Wijze.ACCLAMATIE)
    d = _dossier(s)
    assert _regels(d) == []
    [r] = uitslagen(d).resultaten
    assert r.uitkomst == "aangenomen"
    assert zin(r) == "aangenomen bij acclamatie"


@pytest.mark.regel("STM07")
def test_acclamation_with_an_objection_needs_a_weighted_vote() -> None:
    """Minutes 14 June 2023, item 8: whoever objects to acclamation says so; then a vote."""
    s = Stemming(id="S1", voorstellen=("7",), wijze=Wijze.ACCLAMATIE, bezwaar=("Wageningen",))
    d = _dossier(s)
    assert _regels(d) == [("STM07", "stemmingen[S1].bezwaar")]
    [b] = [b for b in uitslagen(d).bevindingen if b.regel == "STM07"]
    assert "Wageningen" in b.melding
    assert "gewogen stemming" in b.melding
    [r] = uitslagen(d).resultaten
    assert r.uitkomst == "geen besluit"
    assert zin(r) == "geen besluit: bezwaar tegen acclamatie"
    assert zin(r, "en") == "no decision: objection to acclamation"


@pytest.mark.regel("STM07")
def test_acclamation_with_recorded_ballots_is_a_contradiction() -> None:
    s = Stemming(id="S1", voorstellen=("7",), wijze=Wijze.ACCLAMATIE, stemmen={"Utrecht": "voor"})
    d = _dossier(s)
    assert _regels(d) == [("STM07", "stemmingen[S1].stemmen")]
    [r] = uitslagen(d).resultaten
    assert (r.uitkomst, r.voor) == ("geen besluit", 0)


@pytest.mark.regel("STM07")
def test_an_objection_on_a_weighted_vote_is_what_the_objection_asks_for() -> None:
    s = Stemming(id="S1", voorstellen=("7",), stemmen={"Utrecht": "voor"}, bezwaar=("Beesel",))
    d = _dossier(s)
    assert _regels(d) == []
    assert uitslagen(d).resultaten[0].uitkomst == "aangenomen"


# --- TRM08 ------------------------------------------------------------------------------


@pytest.mark.regel("TRM08")
@pytest.mark.parametrize(
    ("ontvangen", "laat"),
    [
        (tijd(29, 16), False),
        (tijd(30, 10), False),  # at the deadline itself: on time
        (tijd(30, 10, 0, 1), True),
        (tijd(30, 14), True),
    ],
)
def test_trm08_final_list_of_supporters(ontvangen: object, laat: bool) -> None:
    """ALV 1 December 2023: the list by Thursday 30 November, 10:00."""
    bev = [b for b in motie(ondersteuners_ontvangen=ontvangen) if b.regel == "TRM08"]
    assert len(bev) == int(laat)
    if laat:
        [b] = bev
        assert b.pad == "moties[M01].ondersteuners_ontvangen"
        assert b.ernst.value == "waarschuwing"
        assert "termijn donderdag 30 november 2023, 10.00 uur;" in b.melding
        assert b.tekst("en").endswith(
            "deadline Thursday 30 November 2023, 10:00 am; the list is not published."
        )


@pytest.mark.regel("TRM08")
def test_trm08_for_an_amendment_and_not_without_a_moment() -> None:
    [b] = [b for b in amendement(ondersteuners_ontvangen=tijd(30, 11)) if b.regel == "TRM08"]
    assert b.pad == "amendementen[A01].ondersteuners_ontvangen"
    assert [b for b in motie() if b.regel == "TRM08"] == []


def test_naive_ondersteuners_ontvangen_is_refused() -> None:
    with pytest.raises(ValueError, match="tijdzone"):
        Motie(id="M", ondersteuners_ontvangen=datetime(2023, 11, 30, 9))


@pytest.mark.regel("STM07", "TRM08")
def test_dossier_keys_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "d.toml"
    pad.write_text(
        """
[vergadering]
datum = 2023-12-01

[[moties]]
id = "M01"
ondersteuners_ontvangen = 2023-11-30T11:00:00+01:00

[[stemmingen]]
id = "S1"
voorstellen = ["M01"]
wijze = "acclamatie"
bezwaar = ["Wageningen"]
""",
        encoding="utf-8",
    )
    assert cli.main(["controleer", str(pad), "--format", "json"]) == 1
    regels = {b["regel"] for b in json.loads(capsys.readouterr().out)["bevindingen"]}
    assert {"TRM08", "STM07"} <= regels


# --- STM09: order motions first ---------------------------------------------------------


def _motie(id_: str) -> Motie:
    return Motie(id=id_, agendapunt="7b")


@pytest.mark.regel("STM09")
def test_order_motion_after_another_motion_of_its_item() -> None:
    """Minutes item 7b: the two order motions were voted before the other motions."""
    gewoon = Stemming(id="S1", voorstellen=("M3",), stemmen={"Utrecht": "voor"})
    orde = Stemming(
        id="S2",
        soort=StemmingSoort.ORDE,
        betreft="7b",
        voorstellen=("M1",),
        stemmen={"Utrecht": "tegen"},
    )
    kw = {"moties": (_motie("M1"), _motie("M3"))}
    assert _regels(_dossier(gewoon, orde, **kw)) == [("STM09", "stemmingen[S2]")]
    assert _regels(_dossier(orde, gewoon, **kw)) == []


@pytest.mark.regel("STM09")
def test_postponed_result_says_so_in_text_and_json() -> None:
    orde = Stemming(
        id="S1",
        soort=StemmingSoort.ORDE,
        betreft="7b",
        voorstellen=("M1",),
        stemmen={"Utrecht": "voor"},
    )
    voorstel = Stemming(id="S2", voorstellen=("7b",), stemmen={"Utrecht": "voor"})
    d = _dossier(orde, voorstel, moties=(_motie("M1"),))
    r = uitslagen(d).resultaten[1]
    assert r.to_json()["uitkomst"] == "geen besluit"
    assert r.to_json()["toelichting"] == "uitgesteld (ordemotie M1)"
    assert zin(r) == "geen besluit: uitgesteld (ordemotie M1)"
    assert zin(r, "en") == "no decision: postponed (order motion M1)"


@pytest.mark.regel("STM09")
def test_a_bundled_vote_postponed_twice_names_every_order_motion() -> None:
    stemmen = {"Utrecht": "voor"}
    ordes = (
        Stemming(
            id="S1", soort=StemmingSoort.ORDE, betreft="7a", voorstellen=("M1",), stemmen=stemmen
        ),
        Stemming(
            id="S2", soort=StemmingSoort.ORDE, betreft="7b", voorstellen=("M2",), stemmen=stemmen
        ),
    )
    bundel = Stemming(id="S3", voorstellen=("7a", "7b"), stemmen=stemmen)
    d = _dossier(*ordes, bundel, moties=(_motie("M1"), _motie("M2")))
    r = uitslagen(d).resultaten[2]
    assert r.to_json()["uitkomst"] == "geen besluit"
    assert zin(r) == "geen besluit: uitgesteld (ordemoties M1, M2)"
    assert zin(r, "en") == "no decision: postponed (order motions M1, M2)"
    assert _regels(d) == [("STM09", "stemmingen[S3]")]


# --- properties -------------------------------------------------------------------------

MOMENTEN = st.datetimes(
    min_value=datetime(2023, 11, 25), max_value=datetime(2023, 12, 2), timezones=st.just(AMS)
)


@pytest.mark.regel("TRM08")
@given(MOMENTEN)
def test_trm08_fires_exactly_when_later_than_the_deadline(ontvangen: datetime) -> None:
    termijn = datetime(2023, 11, 30, 10, tzinfo=AMS)
    bev = [b.regel for b in motie(ondersteuners_ontvangen=ontvangen)]
    assert bev.count("TRM08") == int(ontvangen > termijn)
    assert [r for r in bev if r != "TRM08"] == []  # one defect, exactly that finding


@pytest.mark.regel("STM07")
@given(st.lists(st.sampled_from(["Wageningen", "Utrecht", "Ede", "Beesel"]), max_size=3))
def test_acclamation_stands_iff_nobody_objects(bezwaar: list[str]) -> None:
    s = Stemming(id="S1", voorstellen=("7",), wijze=Wijze.ACCLAMATIE, bezwaar=tuple(bezwaar))
    d = _dossier(s)
    assert _regels(d) == ([("STM07", "stemmingen[S1].bezwaar")] if bezwaar else [])
    assert uitslagen(d).resultaten[0].uitkomst == ("geen besluit" if bezwaar else "aangenomen")
