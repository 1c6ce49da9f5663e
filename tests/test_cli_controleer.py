"""``alvrules controleer``: output per motion/amendment, JSON per contract, exit codes 0/1/2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from alvrules import controle
from alvrules.catalogus import REGELS
from alvrules.cli import main
from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.teksten import bericht
from tests.conftest import EXAMPLES

NAJAARS = str(EXAMPLES / "najaars-alv-2023.toml")


def nep_controle(dossier: Dossier, _ctx: Context) -> Iterator[Bevinding]:
    """A stand-in check: one error per motion, one warning on the meeting."""
    for m in dossier.moties:
        yield bevinding(
            "SIG01",
            f"moties[{m.id}].ondertekening",
            bericht("De burgemeester van indiener {naam} heeft niet getekend.", naam=m.id),
        )
    yield bevinding(
        "TRM02",
        "vergadering",
        bericht(
            "Motie na de termijn ingediend: ontvangen {ontvangen}, termijn {termijn}.",
            ontvangen="?",
            termijn="?",
        ),
        ernst=Ernst.WAARSCHUWING,
    )


@pytest.fixture
def met_fouten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(controle, "CONTROLES", ("tests.test_cli_controleer:nep_controle",))


def test_geldig_dossier_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["controleer", NAJAARS]) == 0
    uit = capsys.readouterr().out
    assert uit.splitlines()[0] == "Najaars ALV 2023 (vrijdag 1 december 2023)"
    assert uit.splitlines()[-2] == "geldig"
    assert uit.splitlines()[-1].startswith("herkomst: alvrules ")
    assert "0 fouten" in uit


def test_json_volgens_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", NAJAARS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"geldig", "fouten", "waarschuwingen", "info", "bevindingen", "herkomst"}
    assert data["geldig"] is True


@pytest.mark.regel("SIG01")
@pytest.mark.usefixtures("met_fouten")
def test_fouten_exit_1_gegroepeerd_per_motie(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["controleer", NAJAARS]) == 1
    uit = capsys.readouterr().out
    regels = uit.splitlines()
    kop = "Motie M01: Gezonde gemeentefinanciën als voorwaarde in de kabinetsformatie"
    i = regels.index(kop)
    assert regels[i + 1] == "  SIG01  fout: De burgemeester van indiener M01 heeft niet getekend."
    assert "pad: moties[M01].ondertekening" in regels[i + 2]
    assert "bron: Lbr. 23/040" in regels[i + 2]
    volgende = next(j for j, r in enumerate(regels) if r.startswith("Motie M02: "))
    assert regels.index("Vergadering") < i < volgende
    assert regels[-3:-1] == ["5 fouten, 1 waarschuwing, 0 info", "ongeldig"]
    assert regels[-1].startswith("herkomst: ")


@pytest.mark.regel("SIG01")
@pytest.mark.usefixtures("met_fouten")
def test_fouten_json_en_engels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["controleer", NAJAARS, "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["geldig"], data["fouten"], data["waarschuwingen"], data["info"]) == (
        False,
        5,
        1,
        0,
    )
    assert data["bevindingen"][0] == {
        "regel": "SIG01",
        "ernst": "fout",
        "melding": "The mayor of submitter M01 has not signed.",
        "pad": "moties[M01].ondertekening",
        "bron": "Lbr. 23/040, Procedure §4 and §5; Gemeentewet art. 77 and art. 78",
        "bronnen": [b.to_json() for b in REGELS["SIG01"].bronnen],
        "url": "https://vng-realisatie.github.io/alvrules/procedure/ondertekening/#SIG01",
    }
    assert main(["controleer", NAJAARS, "--lang", "en"]) == 1
    uit = capsys.readouterr().out
    assert "Motion M01: " in uit
    assert "SIG01  error: The mayor of submitter M01 has not signed." in uit
    assert uit.splitlines()[-2] == "invalid"
    assert uit.splitlines()[-1].startswith("provenance: alvrules ")


@pytest.mark.parametrize(
    ("inhoud", "naam", "reden"),
    [
        (b"[vergadering\n", "d.toml", "geen geldige TOML"),
        (
            b'[vergadering]\ndatum = 2023-12-01\n[[moties]]\nid = "M1"\n'
            b"ingediend = 2023-11-20T12:00:00\n",
            "d.toml",
            "moties[M1].ingediend",
        ),
        (b"\xff\xfe", "d.toml", "geen UTF-8"),
        (b"{}", "d.json", "vergadering: verplichte sleutel ontbreekt"),
    ],
)
def test_onleesbaar_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: bytes, naam: str, reden: str
) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    for formaat in ("text", "json"):
        assert main(["controleer", str(pad), "--format", formaat]) == 2
        out, err = capsys.readouterr()
        if formaat == "json":  # one JSON object for a pipeline (docs/cli.md)
            data = json.loads(out)
            assert data["fout"] == err.removeprefix("alvrules: ")[:-1]
            assert data["regel"] is None
            assert len(data["problemen"]) == 1  # every problem, here one
            assert data["problemen"][0]["pad"] in data["fout"]
        else:
            assert out == ""
        assert len(err.splitlines()) == 1
        assert reden in err
        assert "Traceback" not in err


def test_ontbrekend_bestand_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["controleer", str(tmp_path / "nergens.toml")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    # the path as given: a/d.toml and b/d.toml are told apart
    assert err.startswith(f"alvrules: {tmp_path / 'nergens.toml'}: kan niet lezen")
