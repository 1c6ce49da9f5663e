"""alvrules.browser, the engine of "Controleer uw motie", without a browser.

The page shows what these functions return; the end-to-end tests in a real browser are in
test_controleer_pagina.py.
"""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from alvrules.browser import (
    controleer_formulier,
    controleer_tekst,
    naar_toml,
    werkdagen_tot,
)
from alvrules.controle import controleer
from alvrules.kalender import Kalender
from alvrules.laden import laad_dossier, lees_dossier
from alvrules.model import Vergadering
from alvrules.termijnen import AMSTERDAM, termijnen

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NU = "2023-11-10T12:00:00+01:00"


def _motie(**anders: Any) -> dict[str, Any]:
    motie: dict[str, Any] = {
        "id": "M01",
        "titel": "Schulden bij jongeren",
        "agendapunt": "rondvraag",
        "indieners": ["Oss"],
        "ingediend": "2023-11-15T12:00",
        "aanleiding": "Het aantal jongeren met schulden neemt toe.",
        "overwegingen": ["constaterende dat vroegsignalering niet overal werkt;"],
        "oproep": ["zich in te spannen voor betere gegevensdeling."],
        "slotzin": "En gaat over tot de orde van de dag.",
        "ondertekening": [{"naam": "Femke Verhagen", "rol": "burgemeester", "gemeente": "Oss"}],
        "contactpersonen": [
            {"naam": "R", "rol": "gemeentesecretaris", "gemeente": "Oss", "soort": "ambtelijk"},
            {"naam": "F", "rol": "burgemeester", "gemeente": "Oss", "soort": "bestuurlijk"},
        ],
    }
    return {**motie, **anders}


def _formulier(**anders: Any) -> dict[str, Any]:
    return {"vergadering": {"datum": "2023-12-01"}, "moties": [_motie(**anders)]}


@pytest.mark.parametrize("naam", ["fouten.toml", "najaars-alv-2023.toml"])
def test_a_text_gets_the_findings_of_the_cli(naam: str) -> None:
    pad = EXAMPLES / naam
    uit = controleer_tekst(pad.read_text("utf-8"), "toml", NU)
    assert uit["invoerfout"] is None
    assert uit["rapport"] == json.loads(json.dumps(controleer(laad_dossier(pad)).to_json()))


def test_json_is_read_as_the_cli_reads_it() -> None:
    tekst = json.dumps(_formulier(ingediend="2023-11-15T12:00:00+01:00"))
    assert controleer_tekst(tekst, "json", NU)["rapport"]["geldig"] is True
    dubbel = controleer_tekst('{"vergadering": {}, "vergadering": {}}', "json")
    assert (
        dubbel["invoerfout"]
        == "invoer.json: geen geldige JSON: sleutel 'vergadering' staat er twee keer"
    )


def test_unreadable_text_gives_one_line_and_no_report() -> None:
    uit = controleer_tekst("[vergadering\n", "toml")
    assert set(uit) == {"invoerfout"}
    assert uit["invoerfout"].startswith("invoer.toml: geen geldige TOML")
    naief = controleer_tekst(
        '[vergadering]\ndatum = 2023-12-01\n[motie]\nid = "M1"\ningediend = 2023-11-15T12:00:00\n'
    )
    assert naief["invoerfout"].startswith("invoer: moties[M1].ingediend: tijdstip zonder tijdzone")
    groot = controleer_tekst("# " + "x" * 6 * 1024 * 1024)
    assert groot == {"invoerfout": "invoer.toml: tekst groter dan 5 MiB"}


def test_a_lone_motion_is_read_with_its_meeting() -> None:
    tekst = '[vergadering]\ndatum = 2023-12-01\n[motie]\nid = "M1"\ntitel = "T"\n'
    uit = controleer_tekst(tekst)
    assert uit["invoerfout"] is None
    assert {b["pad"].split(".")[0] for b in uit["rapport"]["bevindingen"]} == {"moties[M1]"}
    assert uit["formulier"]["soort"] == "motie"
    assert uit["formulier"]["stuk"]["titel"] == "T"


def test_the_form_gets_the_first_item_in_dutch_local_time() -> None:
    uit = controleer_tekst((EXAMPLES / "fouten.toml").read_text("utf-8"))
    formulier = uit["formulier"]
    assert formulier["vergadering"]["datum"] == "2023-12-01"
    assert formulier["stuk"]["id"] == "M01"
    assert formulier["stuk"]["ingediend"] == "2023-11-22T09:15"
    assert "klimaatakkoord" in {p["id"] for p in formulier["agendapunten"]}


def test_the_form_finds_one_defect_and_nothing_once_it_is_fixed() -> None:
    fout = _formulier(ondertekening=[{"naam": "F", "rol": "wethouder", "gemeente": "Oss"}])
    rapport = controleer_formulier(fout, NU)["rapport"]
    assert [(b["regel"], b["pad"]) for b in rapport["bevindingen"]] == [
        ("SIG01", "moties[M01].ondertekening")
    ]
    assert controleer_formulier(_formulier(), NU)["rapport"]["bevindingen"] == []


def test_the_form_time_is_dutch_time_in_winter_and_summer() -> None:
    # TRM02 is 20 November 2023, 12:00 (default cut-off): 12:00 Dutch time is on time,
    # 12:01 is late, whatever the offset of the browser's own clock
    op_tijd = controleer_formulier(_formulier(ingediend="2023-11-20T12:00"), NU)
    te_laat = controleer_formulier(_formulier(ingediend="2023-11-20T12:01"), NU)
    assert "TRM02" not in {b["regel"] for b in op_tijd["rapport"]["bevindingen"]}
    assert "TRM02" in {b["regel"] for b in te_laat["rapport"]["bevindingen"]}
    zomer = controleer_formulier(
        {"vergadering": {"datum": "2023-06-14"}, "moties": [_motie(ingediend="2023-06-01T12:00")]}
    )
    assert zomer["rapport"]["geldig"] is True


def test_without_an_agenda_the_named_item_is_taken_to_exist() -> None:
    uit = controleer_formulier(_formulier(agendapunt="klimaatakkoord"), NU)
    assert "MOT04" not in {b["regel"] for b in uit["rapport"]["bevindingen"]}
    met_agenda = {**_formulier(agendapunt="klimaatakkoord"), "agendapunten": [{"id": "opening"}]}
    uit = controleer_formulier(met_agenda, NU)
    assert "MOT04" in {b["regel"] for b in uit["rapport"]["bevindingen"]}


def test_deadlines_with_working_days_left() -> None:
    uit = controleer_formulier(_formulier(), NU)
    termijnen_ = {t["regel"]: t for t in uit["termijnen"]}
    assert list(termijnen_) == ["TRM01", "TRM02", "TRM08"]
    assert termijnen_["TRM02"]["tijdstip"] == "2023-11-20T12:00:00+01:00"
    # fri 10 Nov -> mon 20 Nov: 13, 14, 15, 16, 17 and 20 November
    assert termijnen_["TRM02"]["werkdagen"] == 6
    assert termijnen_["TRM02"]["verstreken"] is False
    later = controleer_formulier(_formulier(), "2023-11-20T12:01:00+01:00")
    trm02 = next(t for t in later["termijnen"] if t["regel"] == "TRM02")
    assert (trm02["werkdagen"], trm02["verstreken"]) == (0, True)


def test_working_days_count_forward_and_back() -> None:
    trm02 = termijnen(Vergadering(datum=datetime(2023, 12, 1).date()))[1]
    kal = Kalender()
    assert werkdagen_tot(trm02, datetime(2023, 11, 17, 9, tzinfo=AMSTERDAM), kal) == 1
    assert werkdagen_tot(trm02, datetime(2023, 11, 20, 9, tzinfo=AMSTERDAM), kal) == 0
    assert werkdagen_tot(trm02, datetime(2023, 11, 27, 9, tzinfo=AMSTERDAM), kal) == -5
    # Christmas and new year are no working days
    eind = termijnen(Vergadering(datum=datetime(2024, 1, 17).date()))[1]
    assert eind.datum.isoformat() == "2024-01-04"
    assert werkdagen_tot(eind, datetime(2023, 12, 22, 9, tzinfo=AMSTERDAM), kal) == 6


def test_download_is_toml_the_loader_reads_back() -> None:
    formulier = _formulier(titel='Aan "de" orde\nnieuwe regel \x7f')
    uit = naar_toml(formulier)
    assert uit["invoerfout"] is None
    data = tomllib.loads(uit["toml"])
    assert data["moties"][0]["titel"] == 'Aan "de" orde\nnieuwe regel \x7f'
    dossier = lees_dossier(data)
    assert dossier.moties[0].ingediend == datetime(2023, 11, 15, 12, tzinfo=AMSTERDAM)
    assert not controleer(dossier).bevindingen


def test_download_of_an_unreadable_form_says_why() -> None:
    uit = naar_toml({"vergadering": {"datum": "2023-13-01"}})
    assert uit["invoerfout"] == "invoer: vergadering.datum: ongeldige datum '2023-13-01'"


def test_the_form_reports_its_own_item_not_the_agenda() -> None:
    """The form's check is controleer_motie's: a defect of the read agenda is not the form's."""
    formulier = {
        "vergadering": {"datum": "2023-12-01"},
        "agendapunten": [{"id": "x"}, {"id": "x"}],  # AGD01: the same id twice
        "moties": [_motie(agendapunt="x")],
    }
    assert controleer_formulier(formulier, NU)["rapport"]["bevindingen"] == []
    tekst = json.dumps({**formulier, "moties": [_motie(ingediend="2023-11-15T12:00:00+01:00")]})
    assert {b["regel"] for b in controleer_tekst(tekst, "json")["rapport"]["bevindingen"]} == {
        "AGD01"
    }
