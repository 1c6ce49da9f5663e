"""Hostile input (issue 17): outputs neutralise input; no silent garbage.

CSV cells a spreadsheet would execute are neutralised (OWASP), the Markdown of
``verantwoording`` escapes everything from the dossier, text output escapes terminal
control characters, iCalendar text is escaped by ``icalendar``; an invisible signer's
name, invisible characters in a municipality's name, an empty stemming id and an
implausible population are findings or exit 2, never silently accepted.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.gemeenten import register
from alvrules.ical import als_ical
from alvrules.laden import lees_dossier
from alvrules.model import Vergadering
from alvrules.tekens import csv_cel, markdown, onzichtbaar, op_een_regel, terminal, zichtbaar
from alvrules.termijnen import termijnen
from tests.conftest import EXAMPLES

VOORBEELD = tomllib.loads((EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8"))
ESC = "\x1b]0;gehackt\x07\x1b[2J\r"


def _dossier(tmp_path: Path, wijzig: Any) -> Path:
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    wijzig(data)
    pad = tmp_path / "dossier.json"
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return pad


def cli(argv: list[str]) -> tuple[int, str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = main(argv)
    return code, uit.getvalue(), fout.getvalue()


# -- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("begin", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_formula_is_neutralised_and_recoverable(begin: str) -> None:
    waarde = f'{begin}HYPERLINK("http://x")'
    cel = csv_cel(waarde)
    # the raw value: remove the one apostrophe (a tab or CR shown as its escape: one line)
    assert cel == "'" + op_een_regel(waarde)
    assert cel[1:] == waarde if begin not in "\t\r" else cel[1:3] == repr(begin)[1:3]
    assert csv_cel("'al een apostrof")[1:] == "'al een apostrof"
    assert csv_cel("Utrecht") == "Utrecht"
    assert csv_cel(75) == "75"


def test_uitslag_csv_has_no_formula_cells(tmp_path: Path) -> None:
    formule = "=cmd|' /C calc'!A0"

    def wijzig(d: dict[str, Any]) -> None:
        s = d["stemmingen"][0]
        s["id"] = formule
        s["soort"] = "keuze"
        s["opties"] = ["@SUM(1+1)", "+B2"]
        s["stemmen"] = dict.fromkeys(s["stemmen"], "@SUM(1+1)")

    code, uit, _ = cli(["uitslag", str(_dossier(tmp_path, wijzig)), "--format", "csv"])
    assert code in {0, 1}
    rijen = list(csv.reader(io.StringIO(uit)))
    cellen = [c for rij in rijen[1:] for c in rij]
    assert cellen
    assert not [c for c in cellen if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert ["'" + formule, "'@SUM(1+1)"] <= [rijen[1][0], rijen[1][4]] or any(
        r[0] == "'" + formule and r[4] == "'@SUM(1+1)" for r in rijen[1:]
    )


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_escapes_everything_from_input() -> None:
    vijandig = "<img src=x onerror=alert(1)> [klik](http://evil) **vet** `code` | cel\n# kop"
    uit = markdown(vijandig)
    assert "\n" not in uit
    assert not re.search(r"(?<!\\)[<>\[\]*`|]", uit)
    assert "https\\://" in markdown("https://evil.example")
    assert "www\\." in markdown("www.evil.example")
    assert markdown("eerste regel\r\ntweede\nderde") == "eerste regel tweede derde"


def test_verantwoording_markdown_passes_no_markup_from_the_dossier(tmp_path: Path) -> None:
    def wijzig(d: dict[str, Any]) -> None:
        m = d["eerdere_moties"][0]
        m["titel"] = "<script>alert(1)</script>"
        m["onderwerp"] = "[link](https://evil.example)"
        m["groep"] = "x\n## Vervalste kop"
        m["oproep"] = "regel\n- **Voorstel:** afdoen"
        d["verantwoording"][0]["verantwoording"] = "![img](http://evil/x.png) | cel | &amp;"

    code, uit, _ = cli(["verantwoording", str(_dossier(tmp_path, wijzig)), "--format", "markdown"])
    assert code in {0, 1}
    assert "<script>" not in uit
    assert not re.search(r"(?<!\\)\]\(", uit)  # no link: every ] from input is escaped
    assert "\n## Vervalste kop" not in uit
    assert "\n- **Voorstel:** afdoen" not in uit.split("2023-06-M01", 2)[-1].split("###")[0]
    assert "\\&amp;" in uit


# -- terminal ------------------------------------------------------------------------------


def test_terminal_escapes_control_characters() -> None:
    assert terminal(ESC) == "\\x1b]0;gehackt\\x07\\x1b[2J\\r"
    assert terminal("a\u202eb") == "a\\u202eb"
    assert terminal("regel 1\n\tregel 2") == "regel 1\n\tregel 2"


@pytest.mark.parametrize(
    "opdracht", [["controleer"], ["uitslag"], ["verantwoording"], ["controleer", "--lang", "en"]]
)
def test_text_output_passes_no_control_characters(tmp_path: Path, opdracht: list[str]) -> None:
    def wijzig(d: dict[str, Any]) -> None:
        d["vergadering"]["naam"] = f"ALV{ESC}"
        d["moties"][0]["titel"] = f"Titel{ESC}"
        d["moties"][0]["indieners"] = [f"Beesel{ESC}"]
        d["stemmingen"][0]["titel"] = f"Stemming{ESC}"
        d["eerdere_moties"][0]["titel"] = f"Eerder{ESC}"

    pad = _dossier(tmp_path, wijzig)
    _, uit, fout = cli([opdracht[0], str(pad), *opdracht[1:]])
    for tekst in (uit, fout):
        assert "\x1b" not in tekst
        assert "\r" not in tekst
        assert "\x07" not in tekst


# -- iCalendar -----------------------------------------------------------------------------


def test_ical_text_is_escaped_by_the_library() -> None:
    import icalendar

    naam = "ALV\r\nBEGIN:VEVENT\r\nSUMMARY:vals;x,y\\"
    v = Vergadering(datum=date(2023, 12, 1))
    ics = als_ical(v.datum, termijnen(v), datetime(2023, 1, 1, tzinfo=UTC), naam=naam)
    assert b"\r\nBEGIN:VEVENT\r\nSUMMARY:vals" not in ics
    cal = icalendar.Calendar.from_ical(ics)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(termijnen(v))
    assert str(events[0]["summary"]).startswith("ALV\nBEGIN:VEVENT\nSUMMARY:vals;x,y\\")
    ics = als_ical(v.datum, termijnen(v), datetime(2023, 1, 1, tzinfo=UTC), naam=f"A{ESC}")
    assert b"\x1b" not in ics


# -- no silent garbage ---------------------------------------------------------------------


def test_visible_and_invisible() -> None:
    assert not zichtbaar("")
    assert not zichtbaar(" \t\u200b\u2060\u3164")
    assert zichtbaar("Jan")
    assert onzichtbaar("Utr\u200becht") == "U+200B"
    assert onzichtbaar("\u202eUtrecht") == "U+202E"
    assert onzichtbaar("Súdwest-Fryslân") is None


@pytest.mark.parametrize("naam", ["", "   ", "\u200b", "\u2060\u200d", "\u3164"])
def test_an_invisible_signer_is_no_mayors_signature(naam: str) -> None:
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    motie = data["moties"][0]
    motie["ondertekening"] = [{"naam": naam, "rol": "burgemeester", "gemeente": "Beesel"}]
    motie["indieners"], motie["mede_indieners"], motie["ondersteuners"] = ["Beesel"], [], []
    rapport = controleer(lees_dossier(data))
    pad = f"moties[{motie['id']}]"
    gevonden = {(b.regel, b.pad) for b in rapport.bevindingen if b.pad.startswith(pad)}
    assert ("SIG02", f"{pad}.ondertekening[0].naam") in gevonden
    assert ("SIG08", f"{pad}.ondertekening") in gevonden  # so no valid signature at all


@pytest.mark.parametrize("rol", ["", "\u200b", "burge\u200bmeester", "burgemeester\u2060"])
def test_an_invisible_role_is_no_role(rol: str) -> None:
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    motie = data["moties"][0]
    motie["ondertekening"] = [{"naam": "Jan", "rol": rol, "gemeente": "Beesel"}]
    motie["indieners"], motie["mede_indieners"], motie["ondersteuners"] = ["Beesel"], [], []
    rapport = controleer(lees_dossier(data))
    assert any(
        b.regel == "SIG02" and b.pad == f"moties[{motie['id']}].ondertekening[0].rol"
        for b in rapport.bevindingen
    )


@pytest.mark.parametrize("teken", ["\u200b", "\u00ad", "\u202e", "\ufeff", "\u2060", "\x00"])
def test_invisible_characters_in_a_municipality_name_are_no_match(teken: str) -> None:
    assert register().zoek("Utrecht") is not None
    assert register().zoek(f"Utr{teken}echt") is None
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    motie = data["moties"][0]
    motie["indieners"] = [f"Bee{teken}sel"]
    rapport = controleer(lees_dossier(data))
    sig07 = [b for b in rapport.bevindingen if b.pad == f"moties[{motie['id']}].indieners[0]"]
    assert [b.regel for b in sig07] == ["SIG07"]
    assert "Beesel" in sig07[0].melding  # the suggestion; the character itself escaped
    assert teken not in sig07[0].melding


def test_an_empty_stemming_id_is_a_finding() -> None:
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    for ident in ("", " ", "\u200b"):
        data["stemmingen"][0]["id"] = ident
        rapport = controleer(lees_dossier(data))
        assert ("STM12", "stemmingen[0].id") in {(b.regel, b.pad) for b in rapport.bevindingen}


def test_a_representative_needs_a_visible_name() -> None:
    data = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    data["vertegenwoordigers"][0]["naam"] = "\u200b"
    rapport = controleer(lees_dossier(data))
    assert any(b.regel == "STM03" and "zichtbare naam" in b.melding for b in rapport.bevindingen)


def test_json_output_in_pieces_is_the_whole_document(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON output of many megabytes is written in pieces of about a megabyte (a 5 MiB
    hostile dossier gives 150 MB of JSON; the whole text at once took 1.2 GB), and the pieces
    together are exactly ``json.dumps(…, indent=2)`` with a newline."""
    from alvrules._cli import _uitvoer

    monkeypatch.setattr(_uitvoer, "CONTROLE", [])  # no schema for this made-up output
    data = {
        "bevindingen": [{"melding": f"stem {i} é <b>", "pad": f"x[{i}]"} for i in range(40_000)]
    }
    _uitvoer.json_uit("test", data)
    uit = capsys.readouterr().out
    assert len(uit) > 2 * _uitvoer._STUK
    assert uit == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
