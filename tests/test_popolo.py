"""``alvrules uitslag --format popolo``: Popolo VoteEvents that validate against the Popolo
JSON Schemas (draft-03, read from ``../shared/data/schemas/popolo``) and give back the tally."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from alvrules import cli, laden
from alvrules.dossier import Dossier
from alvrules.popolo import AFWEZIG, NIET_GESTEMD, OPTIE
from alvrules.telling import tel
from tests.conftest import shared_nodig
from tests.schemas import popolo_validator
from tests.test_uitslagen_2023 import lees_notulen, maak_dossier

nodig = shared_nodig("data", "schemas", "popolo")
TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/"


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return maak_dossier(lees_notulen())


def _uit(dossier: Dossier, fmt: str, mp: pytest.MonkeyPatch, capsys: Any) -> dict[str, Any]:
    mp.setattr(laden, "laad_bestand", lambda pad: (dossier, b""))
    assert cli.main(["uitslag", "alv.toml", "--format", fmt]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


@pytest.fixture
def popolo(dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> dict[str, Any]:
    return _uit(dossier, "popolo", monkeypatch, capsys)


@nodig
def test_validates_against_the_popolo_schemas(popolo: dict[str, Any]) -> None:
    vote_event = popolo_validator("vote_event")
    assert len(popolo["vote_events"]) == 35
    for e in popolo["vote_events"]:
        assert list(vote_event.iter_errors(e)) == []
    assert list(popolo_validator("organization").iter_errors(popolo["organization"])) == []
    # the validator is live: a weight as text or a count without a value is refused
    kapot = json.loads(json.dumps(popolo["vote_events"][3]))
    kapot["votes"][0]["weight"] = "75"
    del kapot["counts"][0]["value"]
    assert len(list(vote_event.iter_errors(kapot))) == 2


def test_every_vote_event_adds_up_to_the_tally(
    popolo: dict[str, Any], dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    uitslag = {s["id"]: s for s in _uit(dossier, "json", monkeypatch, capsys)["stemmingen"]}
    gewogen = 0
    for e in popolo["vote_events"]:
        s = uitslag[e["id"]]
        if "votes" not in e:
            assert s["wijze"] == "acclamatie"
            continue
        gewogen += 1
        som: Counter[str] = Counter()
        leden: Counter[str] = Counter()
        for v in e["votes"]:
            som[v["option"]] += v["weight"]
            leden[v["option"]] += 1
        # the votes are the counted ballots; members without one are only counted
        gestemd = [c for c in e["counts"] if c["option"] not in (NIET_GESTEMD, AFWEZIG)]
        assert {c["option"]: c["value"] for c in gestemd} == {
            c["option"]: som[c["option"]] for c in gestemd
        }
        assert {c["option"]: c["leden"] for c in gestemd} == {
            c["option"]: leden[c["option"]] for c in gestemd
        }
        assert not som.keys() & {NIET_GESTEMD, AFWEZIG}
        assert len(e["votes"]) == len({v["voter_id"] for v in e["votes"]}) <= 342
        assert sum(c["leden"] for c in e["counts"]) == 342
        assert sum(c["value"] for c in e["counts"]) == 12972  # all members' votes, 2023
        assert som["abstain"] == s["onthouding"]
        if "opties" in s:
            assert {o["optie"]: som[o["optie"]] for o in s["opties"]} == {
                o["optie"]: o["stemmen"] for o in s["opties"]
            }
        else:
            assert (som["yes"], som["no"]) == (s["voor"], s["tegen"])
        assert s["drempel"] is not None
        assert str(s["drempel"]) in e["motion"]["requirement"]
    assert gewogen == 16  # the weighted votes of 14 June 2023


def test_round_trip_to_the_same_tally(popolo: dict[str, Any]) -> None:
    """Weights and ballots read back from the votes alone tally to the same result."""
    terug = {v: k for k, v in OPTIE.items()}
    for e in popolo["vote_events"]:
        if "votes" not in e or e["motion"]["classification"] in ("keuze", "verkiezing"):
            continue
        gewichten = {v["voter"]["identifiers"][1]["identifier"]: v["weight"] for v in e["votes"]}
        briefjes = [
            (v["voter"]["identifiers"][1]["identifier"], terug[v["option"]])
            for v in e["votes"]
            if v["option"] in terug
        ]
        u = tel(gewichten, briefjes)
        counts = {c["option"]: c["value"] for c in e["counts"]}
        assert (u.voor, u.tegen, u.onthouding) == (counts["yes"], counts["no"], counts["abstain"])
        assert {"aangenomen": "pass", "verworpen": "fail"}[u.uitkomst] == e["result"]
        assert e["motion"]["result"] == e["result"]
        assert e["uitkomst"] == u.uitkomst


def test_voters_are_municipalities_with_their_tooi_id(popolo: dict[str, Any]) -> None:
    e = next(e for e in popolo["vote_events"] if e["id"] == "2023-06-S04")
    amsterdam = next(v for v in e["votes"] if v["voter"]["name"] == "Amsterdam")
    assert amsterdam["voter_id"] == amsterdam["voter"]["id"] == TOOI + "gm0363"
    assert {i["scheme"]: i["identifier"] for i in amsterdam["voter"]["identifiers"]} == {
        "TOOI": TOOI + "gm0363",
        "CBS": "GM0363",
    }
    assert (amsterdam["option"], amsterdam["weight"]) == ("yes", 75)
    # not on the attendance list: no representative, counted as absent, no Vote (issue 25)
    assert not [v for v in e["votes"] if v["option"] == "absent"]
    assert {c["option"]: c["leden"] for c in e["counts"]}["absent"] == 342 - 328
    assert e["motion"]["requirement"].startswith("meer dan de helft van de uitgebrachte")
    assert e["motion"]["text"] == "Contributievoorstel 2024"
    bundel = next(e for e in popolo["vote_events"] if e["id"] == "2023-06-S05")
    assert len(bundel["motion"]["voorstellen"]) == 2  # STM08: one vote on two proposals


AMENDEMENT = """
[vergadering]
naam = "Najaars ALV 2023"
datum = 2023-12-01
soort = "fysiek"

[[agendapunten]]
id = "7"
titel = "Kaders VNG-inzet kabinetsformatie (resolutie)"
soort = "besluitvorming"

[[amendementen]]
id = "A01"
agendapunt = "7"
titel = "Structureel"

[[vertegenwoordigers]]
gemeente = "https://identifier.overheid.nl/tooi/id/gemeente/gm0344"
naam = "A. Jansen"
rol = "wethouder"

[[vertegenwoordigers]]
gemeente = "0889"
naam = "B. Peters"
rol = "burgemeester"

[[stemmingen]]
id = "S01"
voorstellen = ["A01"]
stemmen = { "https://identifier.overheid.nl/tooi/id/gemeente/gm0344" = "voor", Beesel = "tegen" }

[[stemmingen]]
id = "S02"
voorstellen = ["7"]
meerderheid = "2/3"
stemmen = { Utrecht = "voor", "GM0889" = "onthouding" }
"""


@nodig
def test_an_amendment_refers_to_what_it_amends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    pad = tmp_path / "alv.toml"
    pad.write_text(AMENDEMENT, encoding="utf-8")
    assert cli.main(["uitslag", str(pad), "--format", "popolo"]) == 0
    a, p = json.loads(capsys.readouterr().out)["vote_events"]
    assert (a["motion"]["classification"], a["motion"]["amends_id"]) == ("amendement", "7")
    assert a["motion"]["text"] == "Structureel"
    assert "amends_id" not in p["motion"]
    assert p["motion"]["requirement"].startswith("meer dan 2/3 van de uitgebrachte stemmen")
    counts = {c["option"]: (c["value"], c["leden"]) for c in a["counts"]}
    assert counts["yes"] == (75, 1)  # Utrecht, named by its TOOI URI
    assert counts["no"] == (13, 1)  # Beesel, named by its plain CBS number elsewhere
    for e in (a, p):
        assert list(popolo_validator().iter_errors(e)) == []
