"""Fuzzing for cost (issue 17): Hypothesis' ``target()`` steers towards expensive dossiers.

Each example is a dossier of a hostile shape (repetitive proposal texts with anchors that
almost match, many overlapping changes, many unknown names, bad references), written as
JSON and run through the loader, :func:`controleer` and the CLI. ``target()`` reports the
seconds per kilobyte and the output per input byte, so the search climbs towards the
inputs that cost most; the assertions bound what the limits promise: the output grows at
most linearly with the input (findings cap what they enumerate), and every run ends with
exit 0, 1 or 2. Part of the long profile: ``HYPOTHESIS_PROFILE=thorough pytest tests/fuzz``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import given, settings, target
from hypothesis import strategies as st

from alvrules.controle import controleer
from alvrules.laden import laad_dossier
from tests.fuzz.teller import tel, voorbeeld
from tests.fuzz.test_fuzz_lang import _bestand, cli

TEKENS = st.sampled_from("aab. ")


@st.composite
def dure_dossiers(draw: st.DrawFn) -> dict[str, Any]:
    tekst = draw(st.text(TEKENS, max_size=200)) * draw(st.integers(1, 200))
    ankers = st.text(TEKENS, min_size=1, max_size=40)
    wijziging = st.fixed_dictionaries({"schrappen": ankers}) | st.fixed_dictionaries(
        {"na": ankers, "invoegen": st.just("x")}
    )
    namen = st.sampled_from(["Utrecht", "Utr\u200becht", "Nergenshuizen", "", "Beesel"])
    amendementen = [
        {
            "id": f"A{i}",
            "agendapunt": draw(st.sampled_from(["7", "7", "bestaat-niet"])),
            "indieners": draw(st.lists(namen, max_size=5)),
            "wijzigingen": draw(st.lists(wijziging, max_size=20)),
        }
        for i in range(draw(st.integers(0, 60)))
    ]
    stemmingen = [
        {"id": draw(st.sampled_from([f"S{i}", "S0", ""])), "voorstellen": [f"X{i}", "A0"]}
        for i in range(draw(st.integers(0, 30)))
    ]
    return {
        "vergadering": {"datum": "2023-12-01"},
        "agendapunten": [{"id": "7", "soort": "besluitvorming", "tekst": tekst}],
        "amendementen": amendementen,
        "stemmingen": stemmingen,
    }


@settings(max_examples=60)
@given(dure_dossiers())
def test_cost_stays_linear(data: dict[str, Any]) -> None:
    voorbeeld("kosten")
    inhoud = json.dumps(data, ensure_ascii=False).encode()
    with _bestand(inhoud, ".json") as pad:
        begin = time.perf_counter()
        rapport = controleer(laad_dossier(pad))
        duur = time.perf_counter() - begin
        code, uit, _ = cli(["controleer", str(pad), "--format", "json"])
    kb = len(inhoud) / 1024
    target(duur / kb, label="seconden per kB")
    target(len(uit) / len(inhoud), label="uitvoer per invoerbyte")
    tel("kosten", f"exit {code}")
    # each finding echoes at most a bounded piece of input plus fixed text, and there are
    # at most a bounded number per item of the input
    assert len(rapport.bevindingen) <= 20 * (
        1
        + sum(len(a["wijzigingen"]) + 5 for a in data["amendementen"])
        + 5 * len(data["stemmingen"])
    )
    assert len(uit) <= 2000 + 400 * len(inhoud)
