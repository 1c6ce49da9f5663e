"""alvrules.browser, the engine of "Controleer uw motie", without a browser.

The page shows what these functions return; the end-to-end tests in a real browser are in
test_controleer_pagina.py.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import browser
from alvrules.browser import (
    controleer_formulier,
    controleer_tekst,
    leesbare_datum,
    naar_toml,
    voor_mensen,
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
        == "geplakte tekst: geen geldige JSON: sleutel 'vergadering' staat er twee keer"
    )


def test_unreadable_text_gives_one_line_and_no_report() -> None:
    uit = controleer_tekst("[vergadering\n", "toml")
    assert set(uit) == {"invoerfout", "problemen"}
    assert uit["invoerfout"].startswith("geplakte tekst: geen geldige TOML")
    assert [p["regelnummer"] for p in uit["problemen"]] == [1]
    naief = controleer_tekst(
        '[vergadering]\ndatum = 2023-12-01\n[motie]\nid = "M1"\ningediend = 2023-11-15T12:00:00\n'
    )
    assert naief["invoerfout"].startswith("invoer: moties[M1].ingediend: tijdstip zonder tijdzone")
    # a lone [motie] is read as moties[M1]: its problem is placed where [motie] has it
    assert [(p["pad"], p["regelnummer"]) for p in naief["problemen"]] == [
        ("moties[M1].ingediend", 5)
    ]
    groot = controleer_tekst("# " + "x" * 6 * 1024 * 1024)
    assert groot == {"invoerfout": "geplakte tekst: tekst groter dan 5 MiB", "problemen": []}


def test_unreadable_text_lists_every_problem_on_its_line_in_order() -> None:
    """Every problem, on its line in the pasted text and in its order (the loader finds a
    table's wrong values before its unknown keys)."""
    tekst = '[vergadering]\nnaam = "x"\ndatumm = 2023-11-01\n[[moties]]\nidd = 1\ntitel = 5\n'
    uit = controleer_tekst(tekst)
    assert [(p["regelnummer"], p["pad"]) for p in uit["problemen"]] == [
        (1, "vergadering.datum"),
        (3, "vergadering.datumm"),
        (4, "moties[0].id"),
        (5, "moties[0].idd"),
        (6, "moties[0].titel"),
    ]
    assert "bedoelt u 'id'?" in uit["problemen"][3]["melding"]


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


# -- the boundary with JavaScript, pasted text, late items, messages for people ------------


class _JsNull:
    """Stands in for Pyodide's ``pyodide.ffi.jsnull`` (JavaScript's ``null``)."""


@pytest.fixture
def jsnull(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A module ``pyodide.ffi`` with a ``jsnull``, as inside Pyodide."""
    import sys
    import types

    ffi = types.ModuleType("pyodide.ffi")
    ffi.jsnull = _JsNull()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyodide", types.ModuleType("pyodide"))
    monkeypatch.setitem(sys.modules, "pyodide.ffi", ffi)
    browser._jsnull.cache_clear()
    yield ffi.jsnull  # type: ignore[attr-defined]
    browser._jsnull.cache_clear()


def test_an_absent_value_from_javascript_is_none_at_the_boundary(jsnull: object) -> None:
    """``nu: null`` from the page reached ``datetime.fromisoformat`` as ``jsnull``: every
    check ended in a traceback. Now jsnull is None wherever it comes in, nested too."""
    tekst = (EXAMPLES / "fouten.toml").read_text("utf-8")
    assert controleer_tekst(tekst, jsnull, jsnull, jsnull)["invoerfout"] is None
    uit = controleer_formulier(_formulier(reden=jsnull), nu=jsnull)
    assert uit["rapport"]["bevindingen"] == []
    assert naar_toml({**_formulier(), "agendapunten": jsnull})["invoerfout"] is None
    assert browser._uit_js({"a": [jsnull, {"b": jsnull}], "c": "x", "d": None}) == {
        "a": [None, {}],
        "c": "x",
    }


def test_outside_pyodide_nothing_is_taken_for_jsnull() -> None:
    browser._jsnull.cache_clear()
    assert browser._uit_js(_JsNull()) is not None
    assert browser._uit_js(0) == 0
    assert browser._uit_js("") == ""


def test_pasted_text_is_toml_or_json_by_its_content_as_the_cli_decides() -> None:
    """The tutorial's TOML starts with ``[vergadering]``: TOML, not "geen geldige JSON"."""
    toml = '[vergadering]\ndatum = 2023-12-01\n[motie]\nid = "M1"\ntitel = "T"\n'
    assert controleer_tekst(toml)["invoerfout"] is None
    json_ = json.dumps(_formulier(ingediend="2023-11-15T12:00:00+01:00"))
    assert controleer_tekst("\ufeff \n" + json_)["rapport"]["geldig"] is True
    # a file goes by its name, as `alvrules controleer FILE` does
    assert controleer_tekst(toml, naam="motie.JSON")["invoerfout"].startswith(
        "motie.JSON: geen geldige JSON"
    )
    assert controleer_tekst(json_, naam="dossier.toml")["invoerfout"].startswith(
        "dossier.toml: geen geldige TOML"
    )


@pytest.mark.regel("TRM02")
def test_a_late_motion_is_reported_late_whatever_its_severity() -> None:
    op_tijd = controleer_formulier(_formulier(ingediend="2023-11-20T12:00"), NU)
    assert op_tijd["te_laat"] == []
    laat = controleer_formulier(_formulier(ingediend="2023-11-22T09:15"), NU)
    assert laat["rapport"]["geldig"] is True  # a warning in the catalogue ...
    assert laat["te_laat"] == [  # ... but late all the same
        {
            "soort": "motie",
            "id": "M01",
            "regel": "TRM02",
            "termijn": "maandag 20 november 2023, 12.00 uur",
            "ingediend": "woensdag 22 november 2023, 09.15 uur",
            "na_vergadering": False,
            "actueel": False,
        }
    ]
    actueel = controleer_formulier(
        _formulier(ingediend="2023-11-22T09:15", actueel=True, reden="nieuw besluit"), NU
    )
    assert actueel["te_laat"][0]["actueel"] is True
    na = controleer_formulier(_formulier(ingediend="2023-12-02T10:00"), NU)
    assert na["te_laat"][0]["na_vergadering"] is True
    # with a known start, at or after it is after the meeting
    aanvang = {"datum": "2023-12-01", "aanvang": "13:00:00"}
    tijdens = controleer_formulier(
        {"vergadering": aanvang, "moties": [_motie(ingediend="2023-12-01T13:00")]}, NU
    )
    assert tijdens["te_laat"][0]["na_vergadering"] is True
    ochtend = controleer_formulier(
        {"vergadering": aanvang, "moties": [_motie(ingediend="2023-12-01T09:00")]}, NU
    )
    assert ochtend["te_laat"][0]["na_vergadering"] is False


@pytest.mark.regel("TRM01")
def test_a_late_amendment_is_reported_late() -> None:
    tekst = (EXAMPLES / "fouten.toml").read_text("utf-8")
    te_laat = {t["id"]: t for t in controleer_tekst(tekst)["te_laat"]}
    assert te_laat["A01"]["regel"] == "TRM01"
    assert te_laat["A01"]["ingediend"] == "maandag 20 november 2023, 13.05 uur"
    assert set(te_laat) == {"M01", "M02", "A01"}


def test_messages_for_people_write_dates_as_people_do() -> None:
    assert leesbare_datum(datetime(2023, 11, 20, 13, tzinfo=AMSTERDAM)) == (
        "maandag 20 november 2023, 13.00 uur"
    )
    assert leesbare_datum(datetime(2023, 11, 20, 8, 5, tzinfo=AMSTERDAM).astimezone(UTC)) == (
        "maandag 20 november 2023, 08.05 uur"
    )
    assert leesbare_datum(date(2023, 12, 1)) == "vrijdag 1 december 2023"
    assert voor_mensen(
        "Motie na de termijn ingediend: ontvangen 2023-11-22T09:15:00+01:00, "
        "termijn 2023-11-20T13:00:00+01:00; ALV 2023-12-01, code 2023-13-45, 20231120, "
        "agendapunt notulen-2023-06-14 of 2023-06-14-a."
    ) == (
        "Motie na de termijn ingediend: ontvangen woensdag 22 november 2023, 09.15 uur, "
        "termijn maandag 20 november 2023, 13.00 uur; ALV vrijdag 1 december 2023, "
        "code 2023-13-45, 20231120, agendapunt notulen-2023-06-14 of 2023-06-14-a."
    )
    uit = controleer_tekst((EXAMPLES / "fouten.toml").read_text("utf-8"), nu=NU)
    assert len(uit["leesbaar"]) == len(uit["rapport"]["bevindingen"])
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}T", m) for m in uit["leesbaar"])
    assert uit["vergadering"]["leesbaar"] == "vrijdag 1 december 2023"
    trm01 = next(t for t in uit["termijnen"] if t["regel"] == "TRM01")
    assert trm01["leesbaar"] == "maandag 20 november 2023, 13.00 uur"


def test_the_assumed_closing_time_is_said() -> None:
    assert controleer_formulier(_formulier(), NU)["vergadering"]["sluitingstijd_aangenomen"]
    met = {"vergadering": {"datum": "2023-12-01", "sluitingstijd": "13:00:00"}, "moties": []}
    assert not controleer_formulier(met, NU)["vergadering"]["sluitingstijd_aangenomen"]


def test_the_template_is_that_of_alvrules_nieuw(jsnull: object) -> None:
    from alvrules.sjabloon import sjabloon

    assert browser.sjabloon_tekst("2026-06-17", jsnull) == {
        "invoerfout": None,
        "toml": sjabloon("2026-06-17"),
    }
    assert browser.sjabloon_tekst("2026-06-17", "13:00")["toml"] == sjabloon("2026-06-17", "13:00")
    assert (
        browser.sjabloon_tekst(jsnull)["invoerfout"] == "Vul eerst de datum van de vergadering in."
    )
    assert browser.sjabloon_tekst("2026-13-01")["invoerfout"].startswith("ongeldige vergaderdatum")


@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.just(UTC)
    )
)
def test_a_timestamp_in_a_message_is_the_same_moment_in_dutch_time(tijd: datetime) -> None:
    """Property: the ISO timestamp in a message becomes the same moment, in Dutch time."""
    lokaal = tijd.astimezone(AMSTERDAM)
    tekst = voor_mensen(f"ontvangen {tijd.isoformat()}.")
    assert tekst == f"ontvangen {leesbare_datum(lokaal)}."
    assert f" {lokaal.day} " in tekst
    seconden = f".{lokaal.second:02d}" if lokaal.second else ""
    assert tekst.endswith(f"{lokaal.year}, {lokaal.hour:02d}.{lokaal.minute:02d}{seconden} uur.")
