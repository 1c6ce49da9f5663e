"""The rule registry: complete, sourced, explained, and the same in the CLI."""

from __future__ import annotations

import json
import re

import pytest

from alvrules.catalogus import HOOFDSTUKKEN, REGELS
from alvrules.cli import main
from alvrules.regels import Ernst, bevinding, regels
from alvrules.teksten import bericht
from tests.conftest import SHARED, shared_nodig

SPEC = SHARED / "spec" / "PROCEDURE.md"
ID = re.compile(r"\b(?:CAL|TRM|SIG|MOT|AMD|STM|KND|PRE|AFD|NOT|AGD)\d{2}\b")


def test_every_rule_has_source_explanation_and_chapter() -> None:
    for r in regels():
        assert ID.fullmatch(r.id), r.id
        assert r.bron.strip(), r.id
        assert len(r.uitleg) > 30, r.id
        assert r.naam, r.id
        assert r.naam_en, r.id
        assert r.hoofdstuk in HOOFDSTUKKEN, r.id


#: The rules alvrules added to the spec's (docs/besluiten.md says why).
TOEGEVOEGD = {"STM12", "STM13", "STM14", "AGD02"}


def test_spec_rules_plus_additions_in_catalogue_order() -> None:
    """The 51 rules of the spec, and the ones alvrules added (new ids, never renumbered)."""
    assert len(REGELS) == 51 + len(TOEGEVOEGD)
    assert set(REGELS) >= TOEGEVOEGD
    assert list(REGELS)[:3] == ["CAL01", "CAL02", "TRM01"]


@shared_nodig("spec", "PROCEDURE.md")
def test_every_spec_id_is_registered() -> None:
    assert set(ID.findall(SPEC.read_text(encoding="utf-8"))) == set(REGELS) - TOEGEVOEGD


def test_finding_takes_source_and_severity_from_registry() -> None:
    b = bevinding("TRM02", "moties[M01].ingediend", bericht("te laat"))
    assert (b.ernst, b.bron) == (Ernst.WAARSCHUWING, REGELS["TRM02"].bron)
    assert bevinding("TRM02", "x", "y", ernst=Ernst.INFO).ernst is Ernst.INFO
    assert b.tekst("nl") == "te laat"


def test_cli_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regels", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["regel"] for r in data["regels"]] == list(REGELS)
    assert all(r["bron"] and r["uitleg"] for r in data["regels"])


def test_cli_one_rule_and_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regels", "stm02"]) == 0
    assert "Statuten art. 10 lid 3" in capsys.readouterr().out
    assert main(["regels", "XYZ99"]) == 2


def test_an_english_text_beside_a_finding_is_deprecated() -> None:
    """Issue 29: a finding's English comes from the catalogue; the old second text still
    works for one more minor version, with a warning (docs/versies.md, "Afschaffen")."""
    with pytest.warns(DeprecationWarning, match="melding_en"):
        b = bevinding("MOT01", "moties[M01]", "Eigen tekst.", "Own text.")
    assert (b.tekst("nl"), b.tekst("en")) == ("Eigen tekst.", "Own text.")
