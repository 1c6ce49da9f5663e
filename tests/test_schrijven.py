"""Writing dossiers: laad(schrijf(d)) == d, for TOML and JSON, and TOML for people."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

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


@pytest.mark.parametrize(
    ("wandtijd", "fold"),
    [((2000, 3, 26, 2, 0), 0), ((2000, 10, 29, 2, 30), 0), ((2000, 10, 29, 2, 30), 1)],
    ids=["niet-bestaand", "dubbel-eerste", "dubbel-tweede"],
)
def test_timestamps_around_the_clock_change_survive_writing(
    wandtijd: tuple[int, ...], fold: int
) -> None:
    ams = ZoneInfo("Europe/Amsterdam")
    moment = dt.datetime(*wandtijd, fold=fold, tzinfo=ams)
    d = Dossier(
        vergadering=alvrules.Vergadering(datum=dt.date(2000, 12, 1)),
        moties=[alvrules.Motie(id="M01", ingediend=moment)],  # type: ignore[list-item]
    )
    assert d.moties[0].ingediend is not None
    assert d.moties[0].ingediend.astimezone(dt.UTC) == moment.astimezone(dt.UTC)
    assert lees_dossier(tomllib.loads(naar_toml(d))) == d


@pytest.mark.parametrize("tekst", ["a\r\nb", "\r\n", "regel\rnog een", "a\nb"])
def test_carriage_returns_survive_writing_toml(tekst: str) -> None:
    """tomli-w's multi-line strings turn CR LF into LF; such texts stay basic strings."""
    d = lees_dossier(
        {"vergadering": {"datum": "2023-12-01", "naam": tekst}},
    )
    terug = lees_dossier(tomllib.loads(naar_toml(d)))
    assert terug.vergadering.naam == tekst
    assert terug == d
