"""``alvrules nieuw`` and :func:`alvrules.sjabloon.sjabloon`: the dossier template (issue 24),
and AGD02, the finding that says a dossier is still empty."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import Dossier, Vergadering, controleer, lees_dossier
from alvrules.agenda import leeg
from alvrules.bevolking import gedeeld
from alvrules.bronnen import DOCS_URL
from alvrules.cli import main
from alvrules.fouten import InvoerFout
from alvrules.gemeenten import BEGIN
from alvrules.kalender import VERGADERJAREN
from alvrules.model import Agendapunt
from alvrules.schema import schema
from alvrules.sjabloon import sjabloon
from alvrules.teksten import Tijd
from alvrules.termijnen import termijnen

#: The console script of the installed package, as the user runs it.
ALVRULES = Path(sys.executable).parent / "alvrules"


def _actief(tekst: str) -> str:
    """The template with every example line activated (the one ``#`` deleted)."""
    return re.sub(r"(?m)^#(?=\S)", "", tekst)


def _bevindingen(tekst: str) -> list[tuple[str, str]]:
    return [(b.regel, b.pad) for b in controleer(lees_dossier(tomllib.loads(tekst)))]


@pytest.mark.regel("AGD02")
def test_nieuw_2026_06_17_passes_controleer_with_only_the_still_empty_finding(
    tmp_path: Path,
) -> None:
    """Must show: the installed CLI's template for 17 June 2026, checked by the installed CLI,
    has only AGD02 (still empty), exit 0."""
    nieuw = subprocess.run(
        [str(ALVRULES), "nieuw", "2026-06-17"], capture_output=True, text=True, check=True
    )
    assert nieuw.stderr == ""
    bestand = tmp_path / "alv-2026-06-17.toml"
    bestand.write_text(nieuw.stdout, encoding="utf-8")
    controle = subprocess.run(
        [str(ALVRULES), "controleer", str(bestand), "--format", "json"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert controle.returncode == 0, controle.stderr
    uit = json.loads(controle.stdout)
    assert [(b["regel"], b["ernst"], b["pad"]) for b in uit["bevindingen"]] == [
        ("AGD02", "info", "agendapunten")
    ]
    assert uit["geldig"] is True
    tekst = subprocess.run(
        [str(ALVRULES), "controleer", str(bestand), "--strikt"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert tekst.returncode == 0  # info, not a warning: --strikt accepts it too
    assert "nog leeg" in tekst.stdout


@pytest.mark.regel("AGD02")
@given(
    dag=st.dates(BEGIN, date(VERGADERJAREN.stop - 1, 12, 31)),
    sluiting=st.none() | st.times().map(lambda t: t.replace(microsecond=0)),
    taal=st.sampled_from(["nl", "en"]),
)
def test_every_meeting_date_gives_a_template_with_only_the_still_empty_finding(
    dag: date, sluiting: time | None, taal: str
) -> None:
    """Any date controleer can judge (the register of members to the calendar's end), any
    cut-off time: the template loads, states the meeting's own deadlines, and its only
    finding is AGD02."""
    tekst = sjabloon(dag, sluiting, taal)
    assert _bevindingen(tekst) == [("AGD02", "agendapunten")]
    dossier = lees_dossier(tomllib.loads(tekst))
    assert dossier.vergadering.datum == dag
    trm01 = termijnen(dossier.vergadering)[0]
    assert trm01.regel == "TRM01"
    assert Tijd(trm01.moment).in_(taal) in tekst
    assert f" {trm01.datum.day} " in tekst
    # every example line, activated, still loads
    lees_dossier(tomllib.loads(_actief(tekst)))


def test_activated_examples_are_a_correct_dossier_except_the_absent_csv() -> None:
    """With every example activated the dossier loads; the CSV file the example names does
    not exist here, which is input that cannot be read (issue 25); without it, the STM14
    warning that a written consultation's own ``indientermijn`` does not apply to the ALV
    the template is for is there."""
    tekst = _actief(sjabloon("2026-06-17", "13:00"))
    with pytest.raises(InvoerFout) as fout:
        _bevindingen(tekst)
    assert [p.pad for p in fout.value.problemen] == ["bevolking.bestand"]
    assert fout.value.regel == "STM02"
    zonder = attrs.evolve(lees_dossier(tomllib.loads(tekst)), bevolking=None)
    gevonden = [(b.regel, b.pad) for b in controleer(zonder)]
    assert ("STM14", "vergadering.indientermijn") in gevonden


def _refs(s: dict[str, Any]) -> Iterator[str]:
    if "$ref" in s:
        yield s["$ref"].rsplit("/", 1)[-1]
    for k in ("anyOf", "oneOf"):
        for x in s.get(k, []):
            yield from _refs(x)
    if "items" in s:
        yield from _refs(s["items"])


def _sleutels(naam: str, waarde: Any, defs: dict[str, Any], gezien: dict[str, set[str]]) -> None:
    """The keys of schema definition ``naam`` that ``waarde`` uses, recursively."""
    if isinstance(waarde, list):
        for w in waarde:
            _sleutels(naam, w, defs, gezien)
        return
    if not isinstance(waarde, dict) or "properties" not in defs[naam]:
        return
    for k, v in waarde.items():
        gezien.setdefault(naam, set()).add(k)
        for ref in _refs(defs[naam]["properties"][k]):
            _sleutels(ref, v, defs, gezien)


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_examples_use_every_key_of_the_schema(taal: str) -> None:
    """Every key the loader accepts (the shipped schema) has an example in the template: a
    key added to the dossier fails here until the template shows it."""
    defs = schema()["$defs"]
    gezien: dict[str, set[str]] = {}
    _sleutels("Dossier", tomllib.loads(_actief(sjabloon("2026-06-17", taal=taal))), defs, gezien)
    ontbreekt = {
        naam: sorted(set(d["properties"]) - gezien.get(naam, set()))
        for naam, d in defs.items()
        if "properties" in d and set(d["properties"]) - gezien.get(naam, set())
    }
    assert ontbreekt == {}


def test_every_line_is_an_explanation_an_example_or_the_meeting() -> None:
    """An explanation starts with ``# ``, an example with ``#`` and the TOML: nothing else
    (the rule that makes activating an example one deletion)."""
    for regel in sjabloon("2026-06-17").splitlines():
        assert regel == "" or regel.startswith("#") or re.match(r"^(\[|\w+ = )", regel), regel


def test_the_header_names_the_deadlines_and_an_assumed_cut_off_time() -> None:
    tekst = sjabloon(date(2023, 12, 1))
    trm01 = "#   TRM01  amendementen           maandag 20 november 2023, 12.00 uur (bindend)"
    assert trm01 in tekst
    assert "De sluitingstijd 12.00 uur is aangenomen" in tekst
    eigen = sjabloon(date(2023, 12, 1), time(13))
    assert "maandag 20 november 2023, 13.00 uur (bindend)" in eigen
    assert "aangenomen" not in eigen.split("[vergadering]")[0]
    assert "sluitingstijd = 13:00:00" in eigen
    # the header links to the page that explains every key (docs/dossier.md on the site)
    assert f"# {DOCS_URL}dossier/\n" in tekst
    assert (Path(__file__).parents[1] / "docs" / "dossier.md").is_file()
    en = sjabloon("2023-12-01", "13:00", taal="en")
    assert "#   TRM01  amendments             Monday 20 November 2023, 1:00 pm (binding)" in en


@pytest.mark.parametrize(
    ("datum", "tijd"),
    [
        ("2099-02-30", None),
        ("1999-12-31", None),
        ("2016-12-31", None),  # before the register of members: controleer would refuse it
        ("gisteren", None),
        ("2026-06-17", "25:00"),
    ],
)
def test_invalid_input_is_an_invoerfout_in_both_languages(datum: str, tijd: str | None) -> None:
    with pytest.raises(InvoerFout) as e:
        sjabloon(datum, tijd)
    assert e.value.tekst("en") != e.value.tekst("nl")


def test_cli_writes_a_new_file_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "alv.toml"
    assert main(["nieuw", "2026-06-17", "--sluitingstijd", "13:00", "-o", str(pad)]) == 0
    assert "controleer het met: alvrules controleer" in capsys.readouterr().out
    inhoud = pad.read_bytes()
    assert inhoud.decode("utf-8") == sjabloon("2026-06-17", "13:00")
    assert main(["new", "2026-06-17", "--uitvoer", str(pad), "--lang", "en"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert pad.read_bytes() == inhoud


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["nieuw", "2026-02-30"], "ongeldige datum"),
        (["nieuw", "1999-06-17"], "buiten het ondersteunde bereik"),
        (["new", "2016-06-17", "--lang", "en"], "before the start of the municipal register"),
        (["new", "2026-06-17", "--sluitingstijd", "25:00", "--lang", "en"], "invalid cut-off time"),
        (["new", "2026-06-17T13:00", "--lang", "en"], "give the date only"),
    ],
)
def test_cli_refuses_wrong_input_with_exit_2(
    argv: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    fout = capsys.readouterr().err
    assert melding in fout
    assert fout.endswith("\n")
    assert fout.count("\n") == 1


def test_cli_english_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "2026-06-17", "--lang", "en"]) == 0
    assert capsys.readouterr().out == sjabloon("2026-06-17", taal="en")


# -- AGD02 on its own ------------------------------------------------------------------------

_ALV = Vergadering(datum="2026-06-17")


@pytest.mark.regel("AGD02")
def test_agd02_only_for_a_dossier_with_nothing_but_the_meeting() -> None:
    assert [b.regel for b in controleer(Dossier(vergadering=_ALV))] == ["AGD02"]
    punt = Dossier(vergadering=_ALV, agendapunten=[Agendapunt(id="1")])
    assert "AGD02" not in controleer(punt).regels()
    # a notulencommissie given (even too small: NOT01) is content
    assert controleer(Dossier(vergadering=_ALV, notulencommissie=[])).regels() == {"NOT01"}


#: One small item per section of a dossier (besides the meeting and [bevolking]).
_INHOUD: dict[str, Any] = {
    "agendapunten": [{"id": "1"}],
    "moties": [{"id": "M01"}],
    "amendementen": [{"id": "A01"}],
    "vertegenwoordigers": [{"gemeente": "Ede", "naam": "A", "rol": "burgemeester"}],
    "stemmingen": [{"id": "S01"}],
    "eerdere_moties": [{"id": "E01"}],
    "verantwoording": [{"motie": "E01"}],
    "vacatures": [{"id": "V01"}],
    "notulencommissie": ["A", "B", "C"],
    "bekrachtigingen": [{"id": "B01"}],
}


def test_every_section_of_the_dossier_is_known_to_the_agd02_test() -> None:
    """A section added to Dossier must be added to _INHOUD (and so to the property below)."""
    namen = {a.name for a in attrs.fields(Dossier)} - {"vergadering", "bevolking"}
    assert namen == set(_INHOUD)


@pytest.mark.regel("AGD02")
@given(st.sets(st.sampled_from(sorted(_INHOUD))), st.booleans())
def test_agd02_exactly_when_every_section_is_empty(secties: set[str], cijfers: bool) -> None:
    """AGD02 is reported once, at ``agendapunten``, iff no section holds anything; the
    population figures do not count as content."""
    data: dict[str, Any] = {"vergadering": {"datum": "2026-06-17"}}
    data.update({s: _INHOUD[s] for s in secties})
    if cijfers:
        data["bevolking"] = {"bestand": "bestaat-niet.csv", "peildatum": "2025-01-01"}
    dossier = lees_dossier(data)
    if cijfers:  # the file cannot be read (issue 25); the shipped figures in its place
        with pytest.raises(InvoerFout):
            controleer(dossier)
    gegeven = gedeeld(date(2025, 1, 1)) if cijfers else None
    agd02 = [b.pad for b in controleer(dossier, bevolking=gegeven) if b.regel == "AGD02"]
    assert leeg(dossier) is (not secties)
    assert agd02 == ([] if secties else ["agendapunten"])
