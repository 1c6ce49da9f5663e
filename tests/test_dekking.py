"""Rule -> code -> test: every rule has code that emits its findings and a marked test.

The check is :func:`alvrules.dekking.gaten`; the docs build runs the same check and shows,
per rule, the emitting functions and the number of marked tests.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from alvrules.catalogus import REGELS
from alvrules.dekking import bronplekken, gaten, getest
from alvrules.regels import Ernst, regels

TESTS = Path(__file__).resolve().parent
CODE = bronplekken()
GETEST = getest(TESTS)


def test_every_rule_has_emitting_code_and_a_marked_test() -> None:
    assert gaten(regels(), CODE, GETEST) == []


def test_the_check_fails_for_a_rule_whose_tests_are_removed() -> None:
    """Drop SIG05's marked tests (and SIG02's code): the check names exactly those."""
    zonder_tests = {k: v for k, v in GETEST.items() if k != "SIG05"}
    assert gaten(regels(), CODE, zonder_tests) == [
        "SIG05: geen test gemarkeerd met @pytest.mark.regel('SIG05')"
    ]
    zonder_code = {k: v for k, v in CODE.items() if k != "SIG02"}
    assert gaten(regels(), zonder_code, GETEST) == [
        "SIG02: geen code die een bevinding van deze regel maakt"
    ]


def test_only_documented_rules_may_lack_code() -> None:
    """Without code: an info rule that says why, or a rule that names who reports it."""
    sig05 = REGELS["SIG05"]
    assert sig05.geen_bevinding
    assert "SIG03" in sig05.geen_bevinding
    streng = attrs.evolve(sig05, ernst=Ernst.FOUT, geen_bevinding="Ondersteuners tekenen niet.")
    assert gaten([streng], CODE, GETEST) == [
        "SIG05: ernst fout zonder eigen bevinding, en geen_bevinding noemt geen regel die het meldt"
    ]
    trm01 = REGELS["TRM01"]  # an error rule whose defect AMD02 reports
    assert trm01.ernst is Ernst.FOUT
    assert gaten([trm01], CODE, GETEST) == []
    ongedocumenteerd = attrs.evolve(sig05, geen_bevinding=None)
    assert gaten([ongedocumenteerd], CODE, GETEST) == [
        "SIG05: geen code die een bevinding van deze regel maakt"
    ]
    assert gaten([attrs.evolve(REGELS["SIG02"], geen_bevinding="x")], CODE, GETEST) == [
        "SIG02: heeft code met bevindingen, maar zegt geen_bevinding"
    ]


@pytest.mark.parametrize(
    ("regel_id", "functie"),
    [
        ("SIG02", "alvrules.ondertekening._sig02_rol"),
        ("TRM08", "alvrules.indiening.trm08_ondersteuners"),
        ("STM07", "alvrules.uitslagen._acclamatie"),
        ("STM03", "alvrules.uitslagen._vertegenwoordigd"),  # through a nested helper
        ("STM10", "alvrules.uitslagen._resultaat"),  # a computed id: "STM10" if … else …
        ("STM11", "alvrules.uitslagen._resultaat"),
    ],
)
def test_emitting_functions_are_found_from_the_code(regel_id: str, functie: str) -> None:
    assert functie in CODE[regel_id]


def test_marked_tests_are_found_with_their_ids() -> None:
    assert "tests/test_rollen.py::test_representative_secretaris_may_vote" in GETEST["STM03"]
    assert set(GETEST) <= set(REGELS), "a marker names an unknown rule id"
