"""The complete receipt (issue 26): every shipped data table and the options in ``herkomst``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from alvrules import herkomst
from alvrules.cli import main
from tests.conftest import EXAMPLES

DATA = Path(herkomst.__file__).parent / "data"
NAJAARS = EXAMPLES / "najaars-alv-2023.toml"

#: The tables issue 26 names: members, mergers, aliases, roles, holidays, equated days, and
#: the index of the figures (the figures used are under ``bevolking``).
BESLISSEND = (
    "gemeenten.csv",
    "fusies.csv",
    "aliassen.csv",
    "rollen.csv",
    "feestdagen.csv",
    "atw-gelijkgesteld.csv",
    "bevolking.csv",
)


def test_elke_tabel_met_haar_hash() -> None:
    tabellen = herkomst.tabellen()
    verwacht = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in DATA.glob("*.csv")
        if not p.name.startswith("inwoners-")
    }
    assert tabellen == verwacht
    assert set(BESLISSEND) <= set(tabellen)
    assert list(tabellen) == sorted(tabellen)


def _herkomst(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    main(list(argv))
    h = json.loads(capsys.readouterr().out)["herkomst"]
    assert isinstance(h, dict)
    return h


def test_controleer_noemt_tabellen_en_opties(capsys: pytest.CaptureFixture[str]) -> None:
    h = _herkomst(
        capsys, "controleer", str(NAJAARS), "--format", "json", "--strikt", "--lang", "en"
    )
    assert h["tabellen"] == herkomst.tabellen()
    assert h["opties"] == {"format": "json", "lang": "en", "strikt": True}
    h = _herkomst(capsys, "controleer", str(NAJAARS), "--format", "json")
    assert h["opties"] == {"format": "json", "lang": "nl", "strikt": False}


def test_opties_die_de_uitkomst_veranderen(capsys: pytest.CaptureFixture[str]) -> None:
    h = _herkomst(capsys, "termijnen", "2023-12-01", "--sluitingstijd", "13:00", "--format", "json")
    assert h["opties"] == {"format": "json", "lang": "nl", "sluitingstijd": "13:00"}
    cijfers = DATA / "inwoners-2022-01-01.csv"
    h = _herkomst(capsys, "stemgewichten", "2023", "--bevolking", str(cijfers), "--format", "json")
    opties = h["opties"]
    assert isinstance(opties, dict)
    assert opties["bevolking"] == "inwoners-2022-01-01.csv"  # the name, never the folder


def test_bibliotheek_zonder_opties() -> None:
    h = herkomst.herkomst()
    assert h["opties"] == {}
    assert h["tabellen"] == herkomst.tabellen()
