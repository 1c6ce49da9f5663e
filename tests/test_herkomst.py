"""The receipt ``herkomst``: in every JSON output, deterministic, verifiable."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from alvrules import herkomst
from alvrules.catalogus import VERSIE
from alvrules.cli import main
from alvrules.regels import regels
from tests.conftest import DATA, EXAMPLES

NAJAARS = EXAMPLES / "najaars-alv-2023.toml"
VERSIES = DATA / "catalogusversies.json"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    main(list(argv))
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_controleer_json_heeft_de_volledige_herkomst(capsys: pytest.CaptureFixture[str]) -> None:
    h = _json(capsys, "controleer", str(NAJAARS), "--format", "json")["herkomst"]
    assert isinstance(h, dict)
    import alvrules

    assert h["alvrules"] == alvrules.__version__
    assert h["catalogus"]["versie"] == VERSIE
    assert len(h["catalogus"]["sha256"]) == 64
    assert h["procedure"]["geldig_van"] == "0001-01-01"
    assert h["procedure"]["bron"].startswith("Statuten art. 10")
    assert h["bevolking"]["peildatum"] == "2022-01-01"
    assert h["feestdagen"]["van"] == 1999
    assert h["invoer"] == {
        "naam": "najaars-alv-2023.toml",
        "sha256": hashlib.sha256(NAJAARS.read_bytes()).hexdigest(),
    }
    assert "tijdstip" not in h


def test_twee_keer_byte_gelijk(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    uit = []
    for _ in range(2):
        main(["controleer", str(NAJAARS), "--format", "json"])
        uit.append(capfdbinary.readouterr().out)
    assert uit[0] == uit[1]
    assert b'"herkomst"' in uit[0]


def test_tijdstip_alleen_op_verzoek(capsys: pytest.CaptureFixture[str]) -> None:
    h = _json(capsys, "termijnen", "2023-12-01", "--format", "json", "--tijdstip")["herkomst"]
    assert isinstance(h, dict)
    assert h["tijdstip"].endswith(("+01:00", "+02:00"))


@pytest.mark.parametrize(
    ("argv", "bevolking", "invoer"),
    [
        (["termijnen", "2023-12-01"], False, False),
        (["stemgewichten", "2023"], True, False),
        (["uitslag", str(NAJAARS)], True, True),
        (["verantwoording", str(NAJAARS)], False, True),
        (["regels"], False, False),
        (["regels", "SIG01"], False, False),
    ],
)
def test_elke_json_uitvoer_heeft_herkomst(
    argv: list[str], bevolking: bool, invoer: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    h = _json(capsys, *argv, "--format", "json")["herkomst"]
    assert isinstance(h, dict)
    assert h["catalogus"] == herkomst.catalogus()
    assert (h["bevolking"] is not None) == bevolking
    assert (h["invoer"] is not None) == invoer


@pytest.mark.parametrize(
    "argv",
    [
        ["termijnen", "2023-12-01"],
        ["stemgewichten", "2023"],
        ["uitslag", str(NAJAARS)],
        ["verantwoording", str(NAJAARS)],
        ["verantwoording", str(NAJAARS), "--format", "markdown"],
        ["regels"],
        ["controleer", str(NAJAARS), "--lang", "en"],
    ],
)
def test_tekst_eindigt_met_samenvatting(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(argv)
    laatste = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert f"alvrules {herkomst.versie()}, " in laatste
    assert f" {VERSIE} (sha256 {herkomst.catalogus()['sha256'][:12]})" in laatste


def test_html_eindigt_met_samenvatting(capsys: pytest.CaptureFixture[str]) -> None:
    main(["uitslag", str(NAJAARS), "--format", "html"])
    html = capsys.readouterr().out
    voet = html[html.index("<footer>") :]
    assert "herkomst: alvrules" in voet
    assert "invoer najaars-alv-2023.toml (sha256 " in voet


def test_catalogushash_is_na_te_rekenen() -> None:
    alle = [r.to_json(naam_en=False) for r in regels()]
    tekst = json.dumps(alle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert herkomst.catalogus()["sha256"] == hashlib.sha256(tekst.encode()).hexdigest()
    assert herkomst.catalogus()["regels"] == len(alle)
    po = Path(herkomst.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "alvrules.po"
    assert herkomst.catalogus()["vertalingen"] == {
        "en": hashlib.sha256(po.read_bytes()).hexdigest()
    }


def test_feestdagen_hash_is_die_van_de_tabel() -> None:
    tabel = Path(herkomst.__file__).parent / "data" / "feestdagen.csv"
    assert herkomst.feestdagen()["sha256"] == hashlib.sha256(tabel.read_bytes()).hexdigest()


def test_bevolking_zonder_bestand_hasht_de_cijfers() -> None:
    import datetime as dt

    from alvrules.bevolking import Bevolking

    assert herkomst.bevolking(None) is None
    b = Bevolking(peildatum=dt.date(2022, 1, 1), inwoners={"GM0344": 5, "GM0014": 7})
    verwacht = hashlib.sha256(b"code,inwoners\nGM0014,7\nGM0344,5\n").hexdigest()
    assert herkomst.bevolking(b) == {
        "peildatum": "2022-01-01",
        "bron": "Aangeleverd door de gebruiker",
        "tabel": None,
        "product": None,
        "bestand": None,
        "sha256": verwacht,
        "oorsprong": "aanroep",
    }


def test_bevolking_uit_eigen_bestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--bevolking: the receipt names that file and its sha256 (what a reader checks)."""
    bron = Path(herkomst.__file__).parent / "data" / "inwoners-2022-01-01.csv"
    eigen = tmp_path / "cbs-export.csv"
    eigen.write_bytes(bron.read_bytes() + b"\n")
    argv = ["--bevolking", str(eigen), "--peildatum", "2022-01-01", "--format", "json"]
    for opdracht in (["stemgewichten", "2023"], ["controleer", str(NAJAARS)]):
        h = _json(capsys, *opdracht, *argv)["herkomst"]
        assert isinstance(h, dict)
        assert h["bevolking"]["bestand"] == "cbs-export.csv"
        assert h["bevolking"]["sha256"] == hashlib.sha256(eigen.read_bytes()).hexdigest()
        assert h["bevolking"]["oorsprong"] == "opdrachtregel"


def test_catalogusversie_volgt_de_regels() -> None:
    """Ids and severities per catalogue version: a change without a new VERSIE fails."""
    nu = {r.id: r.ernst.value for r in regels()}
    versies = json.loads(VERSIES.read_text("utf-8"))
    assert VERSIE in versies, (
        f"nieuwe catalogusversie {VERSIE}: voeg haar regels toe aan {VERSIES.name}"
    )
    assert versies[VERSIE] == nu, (
        "regels erbij, eraf of met een andere ernst: verhoog alvrules.catalogus.VERSIE, "
        f"zet de nieuwe versie in {VERSIES.name} en in CHANGELOG.md"
    )
