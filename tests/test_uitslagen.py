"""Dossier-level votes: STM03 representatives, STM04 ballots, STM09 order, bad input, CLI."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules import cli, laden
from alvrules.amendementen import Amendement
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import InvoerFout, Vergadering, VergaderSoort
from alvrules.stemmingen import Stembriefje, Stemming, StemmingSoort, Vertegenwoordiger
from alvrules.uitslagen import uitslagen

DATUM = date(2023, 12, 1)


def _v(gemeente: str, rol: str = "burgemeester", **kw: object) -> Vertegenwoordiger:
    return Vertegenwoordiger(gemeente=gemeente, naam=f"X {gemeente}", rol=rol, **kw)  # type: ignore[arg-type]


def _dossier(
    *stemmingen: Stemming, vert: tuple[Vertegenwoordiger, ...] = (), **kw: object
) -> Dossier:
    return Dossier(
        vergadering=Vergadering(datum=DATUM, soort=kw.pop("soort", VergaderSoort.FYSIEK)),  # type: ignore[arg-type]
        vertegenwoordigers=vert or (_v("Utrecht"), _v("Den Haag"), _v("Beesel"), _v("Venlo")),
        stemmingen=stemmingen,
        **kw,  # type: ignore[arg-type]
    )


def _regels(d: Dossier) -> list[tuple[str, str]]:
    """Findings of the vote chapter (STM, KND, NOT) but STM12, which has tests of its own."""
    return [
        (b.regel, b.pad)
        for b in controleer(d)
        if b.regel[:3] in {"STM", "KND", "NOT"} and b.regel != "STM12"
    ]


@pytest.mark.regel("STM04")
def test_member_voting_twice_alias_counts_first() -> None:
    s = Stemming(
        id="S1",
        stemmen=[
            Stembriefje("Den Haag", "tegen"),
            Stembriefje("Utrecht", "voor"),
            Stembriefje("'s-Gravenhage", "voor"),
        ],
    )
    d = _dossier(s)
    r = uitslagen(d).resultaten[0]
    assert (r.voor, r.tegen, r.uitkomst) == (75, 75, "verworpen")
    assert _regels(d) == [("STM04", "stemmingen[S1].stemmen.'s-Gravenhage")]


@pytest.mark.regel("STM04", "STM12")
def test_non_member_and_invalid_choice() -> None:
    s = Stemming(id="S1", stemmen={"Utrecht": "voor", "Atlantis": "voor", "Beesel": "ja"})
    d = _dossier(s)
    r = uitslagen(d).resultaten[0]
    assert (r.voor, r.tegen) == (75, 0)
    bev = [b for b in controleer(d) if b.regel != "STM12"]
    assert [b.regel for b in bev] == ["STM04", "STM04"]
    assert "geen lid" in bev[0].melding
    assert "ongeldige keuze" in bev[1].melding


@pytest.mark.regel("STM03", "STM04")
def test_representatives() -> None:
    vert = (
        _v("Utrecht", aanwezig=False),  # absent at a fysieke ALV
        _v("Beesel", rol="statenlid"),  # role that may not represent
        _v("Venlo", rol="wethouder", rol_bij="Roermond"),  # card passed to another member
        _v("Den Haag"),
        _v("'s-Gravenhage", rol="griffier"),  # second representative of the same member
        _v("Atlantis"),
    )
    s = Stemming(
        id="S1",
        stemmen={
            "Utrecht": "voor",
            "Beesel": "voor",
            "Venlo": "voor",
            "Den Haag": "tegen",
            "Roermond": "voor",
        },
    )
    d = _dossier(s, vert=vert)
    regels = [r for r, _ in _regels(d)]
    # Beesel, Venlo, 's-Gravenhage, Atlantis as representatives; Utrecht's absence is no
    # finding, but its ballot is (STM03, voting while absent)
    assert regels.count("STM03") == 5
    assert regels.count("STM04") == 3  # Beesel, Venlo, Roermond not counted
    r = uitslagen(d).resultaten[0]
    assert (r.voor, r.tegen, r.uitkomst) == (0, 75, "verworpen")
    # at a digital meeting presence does not matter
    d = _dossier(s, vert=(_v("Utrecht", aanwezig=False),), soort=VergaderSoort.DIGITAAL)
    assert uitslagen(d).resultaten[0].voor == 75


@pytest.mark.regel("STM09")
def test_order_motion_adopted_postpones_the_proposal() -> None:
    orde = Stemming(
        id="S1",
        soort=StemmingSoort.ORDE,
        betreft="7b",
        voorstellen=("M1",),
        stemmen={"Utrecht": "voor"},
    )
    voorstel = Stemming(id="S2", voorstellen=("7b",), stemmen={"Utrecht": "voor"})
    d = _dossier(orde, voorstel)
    r1, r2 = uitslagen(d).resultaten
    assert (r1.uitkomst, r2.uitkomst) == ("aangenomen", "geen besluit")
    assert _regels(d) == [("STM09", "stemmingen[S2]")]


@pytest.mark.regel("STM09")
def test_order_motion_and_amendment_after_the_proposal() -> None:
    voorstel = Stemming(id="S1", voorstellen=("7",), stemmen={"Utrecht": "voor"})
    amendement = Stemming(id="S2", voorstellen=("A01",), stemmen={"Utrecht": "voor"})
    orde = Stemming(id="S3", soort=StemmingSoort.ORDE, betreft="7", stemmen={"Utrecht": "tegen"})
    d = _dossier(voorstel, amendement, orde, amendementen=(Amendement(id="A01", agendapunt="7"),))
    assert _regels(d) == [("STM09", "stemmingen[S2]"), ("STM09", "stemmingen[S3]")]
    # the right order is fine
    d = _dossier(orde, amendement, voorstel, amendementen=(Amendement(id="A01", agendapunt="7"),))
    assert _regels(d) == []


@pytest.mark.regel("STM05")
def test_bad_majority_is_a_finding() -> None:
    s = Stemming(id="S1", meerderheid="0,66", stemmen={"Utrecht": "voor"})
    assert _regels(_dossier(s)) == [("STM05", "stemmingen[S1].meerderheid")]
    s = Stemming(id="S1", meerderheid="2/3", stemmen={"Utrecht": "voor", "Den Haag": "tegen"})
    assert uitslagen(_dossier(s)).resultaten[0].uitkomst == "verworpen"


def test_non_integer_weight_is_invoerfout_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _dossier(Stemming(id="S1", stemmen={"Utrecht": "voor"}))
    with pytest.raises(InvoerFout):
        uitslagen(d, gewichten={"GM0344": 2.5})  # type: ignore[dict-item]

    def stuk(pad: str) -> tuple[Dossier, bytes]:
        raise InvoerFout("kan dossier niet lezen")

    monkeypatch.setattr(laden, "laad_bestand", stuk)
    assert cli.main(["uitslag", "x.toml"]) == 2
    assert "kan dossier niet lezen" in capsys.readouterr().err


@pytest.mark.regel("STM04")
def test_cli_exit_1_on_rejected_ballots(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _dossier(Stemming(id="S1", stemmen=[("Utrecht", "voor"), ("Utrecht", "tegen")]))
    monkeypatch.setattr(laden, "laad_bestand", lambda pad: (d, b""))
    assert cli.main(["uitslag", "x.toml"]) == 1
    uit = capsys.readouterr().out
    assert "aangenomen: 100% voor, 0% tegen" in uit  # STM06: all and none without decimals
    assert "STM04" in uit
    assert cli.main(["uitslag", "x.toml", "--format", "csv"]) == 1
    assert "STM04" in capsys.readouterr().err


@pytest.mark.regel("STM02", "STM12")
def test_meeting_without_weights_is_a_finding_not_a_crash() -> None:
    d = Dossier(vergadering=Vergadering(datum=date(2031, 6, 1)), stemmingen=(Stemming(id="S1"),))
    assert [b.regel for b in controleer(d) if b.regel != "STM12"] == ["STM02"]
