"""A rule's page shows its code and its tests (issue 24): on the built site, the section of
every rule holds the source of each function that emits it and the list of its marked
tests with their one-line purpose."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from alvrules.dekking import broncode, bronplekken, doelen, getest
from alvrules.regels import regels
from tests.conftest import ROOT


def _secties(site: Path) -> dict[str, str]:
    """Rule id -> the text of its section on the site (tags removed, entities decoded)."""
    uit: dict[str, str] = {}
    for pagina in (site / "procedure").rglob("index.html"):
        tekst = pagina.read_text("utf-8")
        for m in re.finditer(r'<h3 id="([A-Z]{3}\d{2})"', tekst):
            eind = tekst.find("<h3", m.end())
            stuk = tekst[m.start() : eind if eind > 0 else len(tekst)]
            uit[m.group(1)] = html.unescape(re.sub(r"<[^>]+>", "", stuk))
    return uit


def test_every_rule_section_shows_its_code_and_its_tests(site: Path) -> None:
    secties = _secties(site)
    code, tests, doel = bronplekken(), getest(ROOT / "tests"), doelen(ROOT / "tests")
    for r in regels():
        sectie = secties[r.id]
        for functie in code.get(r.id, ()):
            b = broncode(functie)
            assert f"De code: {functie} ({b.bestand}, regel {b.regel})" in sectie, r.id
            eerste = b.tekst.splitlines()[0]
            assert eerste in sectie, f"{r.id}: {eerste}"
        gemarkeerd = tests.get(r.id, [])
        assert f"De tests van {r.id} ({len(gemarkeerd)})" in sectie
        for t in gemarkeerd:
            pad, naam = t.split("::", 1)
            assert f"{naam} ({pad})" in sectie, t
            assert doel[t].replace("`", "") in sectie, t


def test_agd02_section_reads_from_rule_to_code_to_test(site: Path) -> None:
    sectie = _secties(site)["AGD02"]
    assert "def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:" in sectie
    assert '"AGD02",' in sectie
    assert (
        "test_agd02_exactly_when_every_section_is_empty (tests/test_sjabloon.py): AGD02 is "
        "reported once, at agendapunten, iff no section holds anything" in sectie
    )


def test_broncode_finds_functions_and_methods_and_refuses_the_rest() -> None:
    b = broncode("alvrules.agenda.controleer")
    assert b.bestand == "alvrules/agenda.py"
    assert b.tekst.startswith("def controleer(")
    assert b.tekst.count("\n") + 1 >= 10
    methode = broncode("alvrules.regels.Rapport.van")
    assert methode.tekst.startswith("@classmethod\ndef van(")  # decorators, dedented
    for naam in ("alvrules.agenda.bestaat_niet", "alvrules.nergens.f", "alvrules"):
        with pytest.raises(LookupError):
            broncode(naam)


def test_doelen_gives_the_first_paragraph_of_a_docstring_on_one_line() -> None:
    doel = doelen(ROOT / "tests")
    assert doel[
        "tests/test_sjabloon.py::test_every_meeting_date_gives_a_template_with_only_"
        "the_still_empty_finding"
    ].startswith("Any date controleer can judge")
    assert doel["tests/test_sjabloon.py::test_cli_english_template"] == ""
