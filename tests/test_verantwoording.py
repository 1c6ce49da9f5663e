"""AFD02-AFD04 and PRE01: the accounting list, its findings, and the CLI command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from alvrules import laden
from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.levenscyclus import Categorie, EerdereMotie, Status
from alvrules.model import Vergadering
from alvrules.moties import Motie, Preadvies
from alvrules.regels import Ernst
from alvrules.verantwoording import (
    VOORSTEL,
    Afdoening,
    Verantwoording,
    stel_op,
    uit_dossier,
    vaststellen,
)
from tests.conftest import EXAMPLES

ALV = date(2023, 12, 1)
JUNI = date(2023, 6, 14)
AANHOUDEN_2023 = {
    "2023-06-M01": None,
    "2023-06-M02": "tot na de kabinetsformatie",
    "2023-06-M03": "tot na de kabinetsformatie",
    "2023-06-M06": None,
    "2023-06-M07": None,
}

#: The Najaars ALV 2023 example holds the accounting of annex 09 (21 motions).
FIXTURE_2023 = EXAMPLES / "najaars-alv-2023.toml"


def lees(pad: Path = FIXTURE_2023) -> Dossier:
    return laden.laad_dossier(pad)


def _m(id_: str, **kw: object) -> EerdereMotie:
    kw.setdefault("vergadering", JUNI)
    return EerdereMotie(id=id_, titel=f"motie {id_}", **kw)  # type: ignore[arg-type]


def _v(id_: str, **kw: object) -> Verantwoording:
    return Verantwoording(motie=id_, verantwoording="uitgevoerd", **kw)  # type: ignore[arg-type]


# --- the 2023 accounting (spec §5) -------------------------------------------------------


def test_2023_aantallen() -> None:
    lijst = uit_dossier(lees())
    assert lijst.vergadering == ALV
    assert len(lijst.posten) == 21
    assert (lijst.afdoen, lijst.aanhouden) == (16, 5)
    assert sum(p.tot == "tot na de kabinetsformatie" for p in lijst.posten) == 2
    assert lijst.voorstel == VOORSTEL == "verantwoording-moties"
    assert lijst.bevindingen.bevindingen == ()


def test_2023_voorstel_per_motie() -> None:
    lijst = uit_dossier(lees())
    for p in lijst.posten:
        if p.motie.id in AANHOUDEN_2023:
            assert p.voorstel is Afdoening.AANHOUDEN, p.motie.id
            assert p.tot == AANHOUDEN_2023[p.motie.id]
            assert p.reden
        else:
            assert p.voorstel is Afdoening.AFDOEN, p.motie.id
            assert p.tot is None


def test_2023_aangehouden_motie_eerst_en_titels_niet_uniek() -> None:
    lijst = uit_dossier(lees())
    assert lijst.posten[0].motie.id == "2023-06-M01"
    assert lijst.posten[0].motie.aangehouden_sinds == JUNI
    assert [p.motie.id for p in lijst.posten] == [f"2023-06-M{i:02}" for i in range(1, 22)]
    titels = [p.motie.titel for p in lijst.posten]
    assert titels.count("Hervormingsagenda Jeugd") == 2  # MOT06


@pytest.mark.regel("AFD03", "AFD04")
def test_2023_vaststellen_laat_vijf_open() -> None:
    d = lees()
    na = vaststellen(d.eerdere_moties, uit_dossier(d))
    assert sum(m.status is Status.AFGEDAAN for m in na) == 16
    open_ = [m for m in na if m.open]
    assert {m.id for m in open_} == set(AANHOUDEN_2023)
    assert all(m.aangehouden_sinds in {JUNI, ALV} for m in open_)
    # AFD03: at the next ALV the five come back, and only they
    volgende = stel_op(date(2024, 6, 5), na)
    assert {p.motie.id for p in volgende.posten} == set(AANHOUDEN_2023)
    assert volgende.bevindingen.regels() == {"AFD03"}
    assert len(volgende.bevindingen.fouten) == 5


# --- findings ----------------------------------------------------------------------------


def test_afdoen_is_standaard() -> None:
    lijst = stel_op(ALV, [_m("M1")], [Verantwoording(motie="M1", verantwoording="gedaan")])
    assert lijst.posten[0].voorstel is Afdoening.AFDOEN
    assert lijst.bevindingen.geldig


@pytest.mark.regel("AFD02")
def test_aanhouden_zonder_reden_is_waarschuwing() -> None:
    lijst = stel_op(ALV, [_m("M1")], [_v("M1", voorstel=Afdoening.AANHOUDEN, tot="tot 2025")])
    [b] = lijst.bevindingen
    assert (b.regel, b.ernst, b.pad) == ("AFD02", Ernst.WAARSCHUWING, "verantwoording[M1].reden")
    assert lijst.bevindingen.geldig


@pytest.mark.parametrize(
    ("moties", "posten", "regel", "ernst"),
    [
        ([_m("M1")], [], "AFD02", Ernst.FOUT),  # open motion without account
        ([_m("M1", aangehouden_sinds=JUNI)], [], "AFD03", Ernst.FOUT),  # held, must return
        ([_m("M1")], [_v("M1"), _v("M2")], "AFD02", Ernst.FOUT),  # unknown motion
        ([_m("M1")], [_v("M1"), _v("M1")], "AFD02", Ernst.FOUT),  # counted twice
        ([_m("M1"), _m("M1")], [_v("M1")], "AFD02", Ernst.FOUT),  # listed twice
        ([_m("M1", status=Status.AFGEDAAN)], [_v("M1")], "AFD05", Ernst.FOUT),  # never returns
        ([_m("M1", status=Status.VERWORPEN)], [_v("M1")], "AFD05", Ernst.FOUT),
        ([_m("M1", vergadering=ALV)], [], "AFD02", Ernst.FOUT),  # not an earlier meeting
        ([_m("M1")], [_v("M1", tot="tot 2025")], "AFD02", Ernst.WAARSCHUWING),
        ([_m("M1")], [Verantwoording(motie="M1")], "AFD02", Ernst.WAARSCHUWING),  # empty
        (
            [_m("M1", categorie=Categorie.VERANTWOORDEN_AANHOUDEN)],
            [_v("M1")],
            "AFD01",
            Ernst.INFO,
        ),
    ],
)
def test_bevindingen(
    moties: list[EerdereMotie], posten: list[Verantwoording], regel: str, ernst: Ernst
) -> None:
    lijst = stel_op(ALV, moties, posten)
    assert [(b.regel, b.ernst) for b in lijst.bevindingen] == [(regel, ernst)]
    assert len({p.motie.id for p in lijst.posten}) == len(lijst.posten)  # never twice


def test_niet_open_moties_staan_niet_in_de_lijst() -> None:
    moties = [
        _m("A", status=Status.AFGEDAAN),
        _m("B", status=Status.VERWORPEN),
        _m("C", status=Status.AANGEHOUDEN),  # held at the meeting: not voted, not accounted
        _m("D", categorie=Categorie.DIRECT_AFGEDAAN),
        _m("E"),
    ]
    lijst = stel_op(ALV, moties, [_v("E")])
    assert [p.motie.id for p in lijst.posten] == ["E"]
    assert lijst.bevindingen.geldig


@pytest.mark.regel("AFD03", "PRE01")
def test_controleer_neemt_verantwoording_en_pre01_mee() -> None:
    d = Dossier(
        vergadering=Vergadering(datum=ALV),
        moties=(Motie(id="N1", interpretatie="zo gelezen steunt het bestuur de motie"),),
        eerdere_moties=(_m("M1", aangehouden_sinds=JUNI),),
    )
    r = controleer(d)
    assert {"PRE01", "AFD03"} <= r.regels()
    assert not r.geldig
    met_preadvies = Motie(id="N1", preadvies=Preadvies.OVERNEMEN, interpretatie="zo gelezen")
    ok = Dossier(vergadering=Vergadering(datum=ALV), moties=(met_preadvies,))
    assert "PRE01" not in controleer(ok).regels()


# --- the CLI -----------------------------------------------------------------------------


@pytest.fixture
def laad(monkeypatch: pytest.MonkeyPatch) -> None:
    echt = laden.laad_bestand

    def laad_bestand(pad: str | Path) -> tuple[Dossier, bytes]:
        if str(pad) == "fout.toml":
            dossier = Dossier(
                vergadering=Vergadering(datum=ALV),
                eerdere_moties=(_m("M1", aangehouden_sinds=JUNI),),
            )
            return dossier, b""
        return echt(pad)

    monkeypatch.setattr(laden, "laad_bestand", laad_bestand)


@pytest.mark.usefixtures("laad")
def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verantwoording", str(FIXTURE_2023), "--format", "json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert (uit["vergadering"], uit["voorstel"]) == ("2023-12-01", "verantwoording-moties")
    assert (uit["afdoen"], uit["aanhouden"], len(uit["moties"])) == (16, 5, 21)
    m2 = next(m for m in uit["moties"] if m["id"] == "2023-06-M02")
    assert {"id", "onderwerp", "titel", "indieners", "oproep", "verantwoording"} <= set(m2)
    assert (m2["voorstel"], m2["tot"]) == ("aanhouden", "tot na de kabinetsformatie")
    assert m2["indieners"] == ["Leidschendam-Voorburg"]


@pytest.mark.usefixtures("laad")
def test_cli_tekst(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verantwoording", str(FIXTURE_2023)]) == 0
    uit = capsys.readouterr().out
    assert "21 moties: 16 afdoen, 5 aanhouden" in uit
    assert "voorstel: aanhouden tot na de kabinetsformatie" in uit
    assert "Almere en Tilburg" in uit
    assert main(["accounting", str(FIXTURE_2023), "--lang", "en"]) == 0
    assert "proposal: keep open tot na de kabinetsformatie" in capsys.readouterr().out


@pytest.mark.usefixtures("laad")
def test_cli_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verantwoording", str(FIXTURE_2023), "--format", "markdown"]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("# Verantwoording uitvoering moties")
    assert uit.count("\n| 2023-06-M") == 21
    assert "## Aangehouden motie" in uit
    assert "## Hervormingsagenda Jeugd" in uit
    assert "- **Motie en indieners:** Beesel e.a. “Rechtvaardige" in uit
    assert uit.count("- **Voorstel:** aanhouden") == 5


@pytest.mark.regel("AFD03")
@pytest.mark.usefixtures("laad")
@pytest.mark.parametrize("formaat", ["text", "json", "markdown"])
def test_cli_fout_geeft_1(formaat: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verantwoording", "fout.toml", "--format", formaat]) == 1
    assert "AFD03" in capsys.readouterr().out
