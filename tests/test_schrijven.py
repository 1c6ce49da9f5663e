"""Writing dossiers: laad(schrijf(d)) == d, for TOML and JSON, and TOML for people."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import alvrules
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier, lees_dossier
from alvrules.schrijven import naar_json, naar_toml
from alvrules.strategies import dossiers, geldige_dossiers
from tests.conftest import EXAMPLES

VOORBEELD = EXAMPLES / "najaars-alv-2023.toml"


@pytest.mark.parametrize("achtervoegsel", [".toml", ".json"])
def test_the_2023_example_survives_writing(tmp_path: Path, achtervoegsel: str) -> None:
    d = laad_dossier(VOORBEELD)
    pad = alvrules.schrijf_dossier(d, tmp_path / f"alv{achtervoegsel}")
    assert laad_dossier(pad) == d


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(dossiers())
def test_round_trip_of_any_dossier(d: Dossier) -> None:
    assert lees_dossier(tomllib.loads(naar_toml(d))) == d
    import json

    assert lees_dossier(json.loads(naar_json(d))) == d
    assert lees_dossier(d.naar_dict()) == d


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(geldige_dossiers())
def test_round_trip_of_valid_dossiers_through_files(d: Dossier) -> None:
    assert lees_dossier(tomllib.loads(naar_toml(d))) == d


def test_written_toml_is_for_people() -> None:
    tekst = naar_toml(laad_dossier(VOORBEELD))
    koppen = [r for r in tekst.splitlines() if r.startswith("[")]
    eerste = list(dict.fromkeys(k.strip("[]").split(".")[0] for k in koppen))
    assert eerste[:6] == [
        "vergadering",
        "agendapunten",
        "moties",
        "amendementen",
        "vertegenwoordigers",
        "stemmingen",
    ]
    regels = tekst.splitlines()
    for sectie in eerste:
        i = next(j for j, r in enumerate(regels) if r.strip("[]") == sectie)
        assert regels[i - 1].startswith("# "), sectie  # a comment above each section
    assert 'soort = "besluitvorming"' in tekst
    assert "null" not in tekst
