"""MOT06: a motion or amendment id of only invisible or control characters is empty (issue
25, "Onzichtbaar is de Unicode-eigenschap"), as STM12 does for votes; the path quotes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.tekens import zichtbaar
from tests.alv2023 import AMENDEMENT, MOTIE, dossier

_SCRIPT = Path(sys.executable).parent / "alvrules"
ALVRULES = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "alvrules"]
VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "najaars-alv-2023.toml"


def _mot06(d: Dossier) -> list[tuple[str, str, str, str]]:
    return [
        (b.pad, b.ernst.value, b.tekst("nl"), b.tekst("en"))
        for b in controleer(d)
        if b.regel == "MOT06"
    ]


@pytest.mark.regel("MOT06")
@pytest.mark.parametrize("stuk_id", ["\u200b", "\u034f", "\x01", " \u2060 "])
def test_id_van_alleen_onzichtbare_tekens_is_leeg(stuk_id: str) -> None:
    d = dossier(moties=(evolve(MOTIE, id=stuk_id),), amendementen=(evolve(AMENDEMENT, id=stuk_id),))
    gevonden = _mot06(d)
    assert [(pad, ernst) for pad, ernst, _nl, _en in gevonden] == [
        ("moties[0].id", "fout"),
        ("amendementen[0].id", "fout"),
    ]
    _pad, _ernst, nl, en = gevonden[0]
    assert nl == f"Stuk zonder zichtbare id ({stuk_id!r})."
    assert en == f"Item without a visible id ({stuk_id!r})."


@pytest.mark.regel("MOT06")
def test_lege_id_en_zichtbare_id_blijven_zoals_ze_waren() -> None:
    assert _mot06(dossier(moties=(evolve(MOTIE, id=" "),))) == [
        ("moties[0].id", "fout", "Dit stuk heeft geen id.", "This item has no id.")
    ]
    assert _mot06(dossier(moties=(evolve(MOTIE, id="M\u200b01"),))) == []


_ONZICHTBAAR = st.characters(codec="utf-8").filter(lambda c: not zichtbaar(c) and not c.isspace())


@pytest.mark.regel("MOT06")
@given(
    kern=st.text(_ONZICHTBAAR, min_size=1, max_size=8),
    rand=st.sampled_from(["", " ", "\t"]),
    amendement=st.booleans(),
)
def test_elke_onzichtbare_id_geeft_precies_die_bevinding(
    kern: str, rand: str, amendement: bool
) -> None:
    stuk_id = rand + kern + rand
    assert not zichtbaar(stuk_id)
    d = (
        dossier(amendementen=(evolve(AMENDEMENT, id=stuk_id),))
        if amendement
        else dossier(moties=(evolve(MOTIE, id=stuk_id),))
    )
    pad = "amendementen[0].id" if amendement else "moties[0].id"
    assert _mot06(d) == [
        (
            pad,
            "fout",
            f"Stuk zonder zichtbare id ({stuk_id!r}).",
            f"Item without a visible id ({stuk_id!r}).",
        )
    ]


@pytest.mark.regel("MOT06")
def test_controleer_weigert_een_onzichtbare_motie_id(tmp_path: Path) -> None:
    tekst = VOORBEELD.read_text(encoding="utf-8")
    assert tekst.count('id = "M01"\n') == 1
    bestand = tmp_path / "d.toml"
    bestand.write_text(tekst.replace('id = "M01"\n', 'id = "\\u200b"\n'), encoding="utf-8")
    uit = subprocess.run(
        [*ALVRULES, "controleer", str(bestand), "--format", "json"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1, uit.stderr
    bevindingen = json.loads(uit.stdout)["bevindingen"]
    assert ("MOT06", "fout", "moties[0].id") in [
        (b["regel"], b["ernst"], b["pad"]) for b in bevindingen
    ]
