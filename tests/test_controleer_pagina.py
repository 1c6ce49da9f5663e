"""End to end: the page "Controleer uw motie" in headless Debian Chromium, served on loopback.

The site is built (``mkdocs build``, with the Pyodide runtime and the wheels) and served
by a static server on 127.0.0.1; the page runs alvrules in the browser. Every test opens
the page at its plain address, as a visitor does; where a test needs a fixed "now", it
sets the browser's clock (:func:`tests.browser.zet_klok`), never a parameter of the page.
The tests fill in a motion with a known defect and see the finding next to its field, fix
it and see "voldoet", send it late and do not see "voldoet", paste the tutorial's TOML and
read both example dossiers and find the same rule ids as ``alvrules controleer``, run
axe-core before and after a check, see an unexpected error as a short message next to the
button on a phone-sized screen, and check that the browser asked nothing of any other host.

Skipped with the reason when Chromium, ChromeDriver or Selenium is missing here; CI
(``.ci/run`` sets ``ALVRULES_BROWSERTESTS=verplicht``) fails instead.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alvrules.controle import controleer
from alvrules.laden import laad_dossier
from tests import browser

ROOT = Path(__file__).resolve().parent.parent
NU = "2023-11-10T12:00:00+01:00"  # the browser's clock, for a fixed countdown

_reden = browser.ontbreekt()
if _reden and os.environ.get("ALVRULES_BROWSERTESTS") == "verplicht":
    raise RuntimeError(f"browser tests required, but: {_reden}")
pytestmark = pytest.mark.skipif(_reden is not None, reason=f"browser tests: {_reden}")


class Pagina:
    """One browser on the served site; every URL it asked for is kept in ``urls``."""

    def __init__(self, driver: Any, basis: str) -> None:
        self.d = driver
        self.basis = basis
        self.urls: list[str] = []
        self.uitslagen = 0

    def open(self, klok: str = NU, *, klaar: bool = True) -> None:
        """The page at its plain address, with the browser's clock at ``klok``."""
        self.verzamel()
        browser.zet_klok(self.d, klok)
        self.d.get(f"{self.basis}{browser.PAGINA}")
        assert "?" not in self.d.current_url
        browser.wacht_tot_klaar(self.d)
        self.uitslagen = 0
        status = self.d.find_element("id", "alv-status").text
        assert status.startswith("Klaar") == klaar, status

    def verzamel(self) -> list[str]:
        self.urls += browser.opgevraagd(self.d)
        return self.urls

    def veld(self, veld_id: str) -> Any:
        return self.d.find_element("id", veld_id)

    def uitslag(self) -> Any:
        self.uitslagen += 1
        browser.wacht_op_uitslag(self.d, self.uitslagen)
        return self.veld("alv-uitslag")

    def regels(self) -> set[str]:
        items = self.d.find_elements("css selector", "#alv-uitslag li.alv-bevinding")
        return {li.get_attribute("data-regel") for li in items}

    def uitslag_kop_na_controle(self) -> str:
        """Press "Controleer" and read the verdict's heading."""
        self.veld("f-controleer").click()
        self.uitslag()
        return str(self.veld("alv-uitslag-kop").text)

    def lees_in(self, pad: Path) -> Any:
        self.veld("f-bestand").send_keys(str(pad))
        self.veld("f-inlezen").click()
        return self.uitslag()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def pagina(site: Path, downloads: Path) -> Iterator[Pagina]:
    with (
        browser.server(site) as (basis, _verzoeken),
        browser.chromium(downloads=downloads) as driver,
    ):
        p = Pagina(driver, basis)
        p.open()
        yield p


def _motie_met_gebrek(p: Pagina) -> None:
    """The motion of examples/fouten.toml M03, typed in: Oss signs without its burgemeester.

    The meeting is the next one on the browser's clock (10 November 2023): already chosen.
    """
    from selenium.webdriver.support.ui import Select

    assert p.veld("f-bekend").get_attribute("value") == "2023-12-01"
    assert p.veld("f-vergadering-sluitingstijd").get_attribute("value") == "13:00"
    p.veld("f-titel").send_keys("Schulden bij jongeren")
    p.veld("f-indieners-0").send_keys("Oss")
    p.veld("f-ondertekening-0-naam").send_keys("Femke Verhagen")
    Select(p.veld("f-ondertekening-0-rol")).select_by_value("wethouder")
    p.veld("f-ondertekening-0-gemeente").send_keys("Oss")
    browser.zet(p.d, "f-ingediend", "2023-11-15T12:00")
    p.veld("f-aanleiding").send_keys("Het aantal jongeren met schulden neemt in de regio toe.")
    p.veld("f-overwegingen-0").send_keys("constaterende dat vroegsignalering niet overal werkt;")
    p.veld("f-oproep-0").send_keys("zich in te spannen voor betere gegevensdeling.")


def test_a_defect_gives_its_finding_and_the_fix_gives_voldoet(pagina: Pagina) -> None:
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    p = pagina
    _motie_met_gebrek(p)
    p.veld("f-titel").send_keys(Keys.ENTER)  # keyboard: Enter in a field submits the form
    uitslag = p.uitslag()
    assert "Deze motie voldoet niet: 1 fout" in uitslag.text
    assert p.regels() == {"SIG01", "MOT03"}
    # the error summary has the focus; the finding links to its rule and to its field
    assert p.d.execute_script("return document.activeElement.id") == "alv-uitslag"
    sig01 = uitslag.find_element("css selector", "li[data-regel=SIG01]")
    assert "De burgemeester van indiener Oss heeft niet getekend." in sig01.text
    assert "Veld: Ondertekening" in sig01.text  # the field as the form names it, no data path
    assert "moties[" not in uitslag.text
    # the finding next to its field
    bij_het_veld = p.veld("f-ondertekening").find_element("css selector", ".alv-veldmelding")
    assert "De burgemeester van indiener Oss heeft niet getekend." in bij_het_veld.text
    link = sig01.find_element("css selector", "a.alv-regel").get_attribute("href")
    assert link.startswith(p.basis)
    assert link.endswith("/procedure/ondertekening/#SIG01")
    assert "alv-fout-veld" in p.veld("f-ondertekening").get_attribute("class")
    assert p.veld("f-ondertekening-0-naam").get_attribute("aria-invalid") == "true"
    sig01.find_element("css selector", "a.alv-naar-veld").send_keys(Keys.ENTER)
    assert p.d.execute_script("return document.activeElement.id") == "f-ondertekening-0-naam"
    # the deadlines of the meeting, counted from the browser's clock (fri 10 November 2023)
    termijnen = {
        r.get_attribute("data-regel"): r.text
        for r in uitslag.find_elements("css selector", "table.alv-termijnen tbody tr")
    }
    assert set(termijnen) == {"TRM01", "TRM02", "TRM08"}
    assert "maandag 20 november 2023, 13.00 uur" in termijnen["TRM01"]
    assert "nog 6 werkdagen" in termijnen["TRM01"]
    assert "nog 14 werkdagen" in termijnen["TRM08"]

    Select(p.veld("f-ondertekening-0-rol")).select_by_value("burgemeester")
    p.veld("f-controleer").click()
    uitslag = p.uitslag()
    assert uitslag.text.startswith("Deze motie voldoet\n")
    assert p.regels() == {"MOT03"}  # a warning: the motion still meets the rules
    assert not p.d.find_elements("css selector", "[aria-invalid=true], .alv-fout .alv-veldmelding")


@pytest.mark.regel("TRM02")
def test_a_motion_sent_late_is_never_voldoet(pagina: Pagina) -> None:
    """The motion that met the rules, sent after the deadline: a warning in the catalogue
    (TRM02), but the verdict says it is late, what that means and what can still be done."""
    p = pagina
    assert p.uitslag_kop_na_controle().startswith("Deze motie voldoet")
    browser.zet(p.d, "f-ingediend", "2023-11-22T09:15")
    kop = p.uitslag_kop_na_controle()
    assert kop == "Deze motie is te laat verstuurd"
    tekst = p.veld("alv-uitslag").text
    assert "voldoet" not in tekst
    assert "woensdag 22 november 2023, 09.15 uur" in tekst
    assert "maandag 20 november 2023, 13.00 uur" in tekst
    assert "Wat dat betekent:" in tekst
    assert "Wat u nog kunt doen:" in tekst
    assert p.regels() >= {"TRM02"}
    browser.zet(p.d, "f-ingediend", "2023-12-02T10:00")
    assert p.uitslag_kop_na_controle() == "Deze motie is na de vergadering verstuurd"
    assert "niet meer behandelen" in p.veld("alv-uitslag").text
    browser.zet(p.d, "f-ingediend", "2023-11-15T12:00")


def test_an_amendment_without_a_place_then_with_one(pagina: Pagina) -> None:
    from selenium.webdriver.common.keys import Keys

    p = pagina
    p.veld("f-soort-amendement").send_keys(Keys.SPACE)  # keyboard: select the radio
    assert p.veld("f-id").get_attribute("value") == "A01"
    assert p.veld("f-wijzigingen").is_displayed()
    assert not p.veld("f-aanleiding").is_displayed()  # the motion's parts are hidden
    p.veld("f-agendapunt").clear()
    p.veld("f-agendapunt").send_keys("klimaatakkoord")
    p.veld("f-wijzigingen-0-invoegen").send_keys("Gemeenten krijgen een rol bij netcapaciteit.")
    p.veld("f-controleer").click()
    uitslag = p.uitslag()
    assert uitslag.text.startswith("Dit amendement voldoet niet: 1 fout")
    assert p.regels() == {"AMD03"}
    assert p.veld("f-wijzigingen-0-schrappen").get_attribute("aria-invalid") == "true"
    p.veld("f-wijzigingen-0-na").send_keys("vier randvoorwaarden")
    p.veld("f-controleer").click()
    assert p.uitslag().text.startswith("Dit amendement voldoet\n")
    assert p.regels() == set()


def test_type_ahead_offers_the_members_on_the_meeting_date(pagina: Pagina) -> None:
    """The list behind every municipality field: official names, with codes and aliases."""
    opties = """return Object.fromEntries(
        [...document.querySelectorAll('#f-gemeenten-lijst option')].map(o => [o.value, o.label]))"""
    browser.zet(pagina.d, "f-vergadering-datum", "2023-12-01")
    leden = pagina.d.execute_script(opties)
    assert len(leden) == 342  # the members on 1 December 2023
    assert leden["Utrecht"].startswith("GM0344")
    assert "Weesp" not in leden  # merged into Amsterdam on 24 March 2022
    assert "Den Haag" in leden["'s-Gravenhage"]  # an alias, found by typing it
    browser.zet(pagina.d, "f-vergadering-datum", "2022-01-01")
    assert "Weesp" in pagina.d.execute_script(opties)
    browser.zet(pagina.d, "f-vergadering-datum", "2023-12-01")


def test_every_field_has_a_label(pagina: Pagina) -> None:
    zonder = pagina.d.execute_script(
        "return [...document.querySelectorAll('#alv-formulier input, #alv-formulier select,"
        " #alv-formulier textarea')].filter(e => e.type !== 'radio' && !e.labels.length)"
        ".map(e => e.id)"
    )
    assert zonder == []


@pytest.mark.parametrize("naam", ["fouten.toml", "najaars-alv-2023.toml"])
def test_reading_an_example_finds_the_rule_ids_of_the_cli(pagina: Pagina, naam: str) -> None:
    pad = ROOT / "examples" / naam
    rapport = controleer(laad_dossier(pad))
    uitslag = pagina.lees_in(pad)
    assert pagina.regels() == {b.regel for b in rapport}
    kop = "Dit dossier voldoet\n" if rapport.geldig else "Dit dossier voldoet niet"
    assert uitslag.text.startswith(kop)
    # the first item is now in the form, ready to be corrected
    assert pagina.veld("f-id").get_attribute("value") in ("M01", "A01")


def _tutorial_toml() -> list[str]:
    """The TOML examples of the tutorial that a griffier would paste: each a meeting."""
    tekst = (ROOT / "docs" / "tutorial.md").read_text("utf-8")
    blokken = re.findall(r"```toml[^\n]*\n(.*?)```", tekst, re.DOTALL)
    return [b for b in blokken if b.startswith("[vergadering]")]


def test_pasted_tutorial_toml_gets_the_rule_ids_of_the_cli(pagina: Pagina) -> None:
    """Pasted text starting with ``[vergadering]`` is TOML (was refused as "geen geldige
    JSON"); the rule ids are those of the installed CLI reading the same text on stdin."""
    voorbeelden = _tutorial_toml()
    assert len(voorbeelden) >= 2
    for tekst in voorbeelden:
        cli = subprocess.run(
            [sys.executable, "-m", "alvrules", "controleer", "-", "--format", "json"],
            input=tekst,
            capture_output=True,
            text=True,
            check=False,
        )
        assert cli.returncode in (0, 1), cli.stderr
        verwacht = {b["regel"] for b in json.loads(cli.stdout)["bevindingen"]}
        pagina.veld("f-plakken").clear()
        pagina.d.execute_script(
            "const e = document.getElementById('f-plakken'); e.value = arguments[0];"
            "e.dispatchEvent(new Event('input', {bubbles: true}))",
            tekst,
        )
        pagina.veld("f-inlezen").click()
        pagina.uitslag()
        kop = pagina.veld("alv-uitslag-kop").text
        assert kop != "Kan niet worden gelezen", pagina.veld("alv-uitslag").text
        assert pagina.regels() == verwacht
    pagina.veld("f-plakken").clear()


def test_an_unreadable_dossier_lists_every_problem_as_the_cli_does(
    pagina: Pagina, tmp_path: Path
) -> None:
    """A dossier with three mistakes, read in as a file: the page names all three, each on
    its line, in the order of the file, as ``alvrules controleer --format json`` does
    (the one line alone said "(en nog 2)" and left the visitor to guess)."""
    tekst = (ROOT / "examples" / "najaars-alv-2023.toml").read_text("utf-8")
    for oud, nieuw in (
        ("ingediend =", "ingedient ="),
        ("titel =", "titl ="),
        ("datum = 2023-12-01", 'datum = "gisteren"'),
    ):
        assert oud in tekst
        tekst = tekst.replace(oud, nieuw, 1)
    bestand = tmp_path / "drie.toml"
    bestand.write_text(tekst, "utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "alvrules", "controleer", str(bestand), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 2, cli.stderr
    verwacht = [
        f"regel {p['regelnummer']}: {p['pad']}: {p['melding']}"
        for p in json.loads(cli.stdout)["problemen"]
    ]
    assert len(verwacht) == 3
    pagina.lees_in(bestand)
    assert pagina.veld("alv-uitslag-kop").text == "Kan niet worden gelezen"
    items = pagina.d.find_elements("css selector", "#alv-uitslag ul.alv-problemen li")
    assert [li.text for li in items] == verwacht
    regels = [int(re.match(r"regel (\d+):", t).group(1)) for t in verwacht]  # type: ignore[union-attr]
    assert regels == sorted(regels)


def test_download_is_a_dossier_alvrules_reads(pagina: Pagina, downloads: Path) -> None:
    """After reading examples/fouten.toml, the form holds its first motion (M01, late)."""
    from selenium.webdriver.support.ui import WebDriverWait

    pagina.lees_in(ROOT / "examples" / "fouten.toml")
    pagina.veld("f-controleer").click()
    pagina.uitslag()
    op_pagina = pagina.regels()
    pagina.veld("f-download").click()
    bestand = downloads / "M01.toml"
    WebDriverWait(pagina.d, 30).until(lambda _: bestand.is_file())
    dossier = laad_dossier(bestand)
    (motie,) = dossier.moties
    assert motie.titel == "Te laat ingediende motie"
    assert motie.ingediend is not None
    assert motie.ingediend.isoformat() == "2023-11-22T09:15:00+01:00"
    assert len(dossier.agendapunten) == 13  # the agenda read with the dossier
    assert {b.regel for b in controleer(dossier)} == op_pagina == {"TRM02"}


def test_the_site_serves_only_the_wheels_the_page_imports(site: Path) -> None:
    """First what a check imports, then what the downloads import (tomli_w); iCalendar and
    its dependencies, which the page never imports, are not on the site."""
    data = json.loads((site / "assets" / "controleer" / "data.json").read_text("utf-8"))
    op_de_site = {w.name for w in (site / "assets" / "controleer" / "wheels").glob("*.whl")}
    assert op_de_site == set(data["wielen"]) | set(data["later"])
    namen = {w.split("-")[0].lower() for w in data["wielen"]}
    assert {"alvrules", "attrs", "tzdata"} <= namen
    assert not namen & {"icalendar", "python_dateutil", "six", "tomli_w", "cattrs"}
    assert [w.split("-")[0] for w in data["later"]] == ["tomli_w"]


def test_the_known_meetings_file() -> None:
    """docs/data/vergaderingen.csv: valid dates and times, each date once, a source each."""
    import csv
    from datetime import date, time

    with (ROOT / "docs" / "data" / "vergaderingen.csv").open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert [r["datum"] for r in rijen] == sorted({r["datum"] for r in rijen})
    for r in rijen:
        date.fromisoformat(r["datum"])
        for veld in ("aanvang", "sluitingstijd"):
            if r[veld]:
                assert re.fullmatch(r"\d{2}:\d{2}", r[veld]), r
                time.fromisoformat(r[veld])
        assert r["naam"].strip(), r
        assert r["bron"].strip(), r
    # the meetings of the seed documents, with the 2023 closing time of Lbr. 23/040
    bekend = {r["datum"]: r for r in rijen}
    assert {"2022-12-02", "2023-06-14", "2023-12-01"} <= set(bekend)
    assert bekend["2023-12-01"]["sluitingstijd"] == "13:00"


def test_the_next_known_meeting_on_the_browsers_clock(pagina: Pagina) -> None:
    """Opened on 20 June 2023, the page offers 1 December 2023 first; a date typed by hand
    works, with a note that the closing time is assumed."""
    p = pagina
    try:
        p.open("2023-06-20T09:00:00+02:00")
        keuze = p.d.execute_script(
            "const s = document.getElementById('f-bekend');"
            "return [s.value, [...s.querySelectorAll('option')].filter(o => o.value)"
            ".map(o => o.value)]"
        )
        assert keuze == ["2023-12-01", ["2023-12-01", "2023-06-14", "2022-12-02", "2017-06-15"]]
        assert "13:00" in p.veld("f-vergadering-sluitingstijd").get_attribute("value")
        # no date: the field named as on the form, no data path
        browser.zet(p.d, "f-vergadering-datum", "")
        assert p.uitslag_kop_na_controle() == "Kan nog niet worden gecontroleerd"
        assert "Datum van de vergadering: vul dit veld in." in p.veld("alv-uitslag").text
        assert p.veld("f-vergadering-datum").get_attribute("aria-invalid") == "true"
        browser.zet(p.d, "f-vergadering-datum", "2024-06-12")
        browser.zet(p.d, "f-vergadering-sluitingstijd", "")
        assert p.veld("f-bekend").get_attribute("value") == ""
        assert "neemt 12.00 uur aan" in p.veld("f-sluitingstijd-hulp").text
        p.veld("f-controleer").click()
        uitslag = p.uitslag()
        assert "woensdag 12 juni 2024" in uitslag.text
        assert "De sluitingstijd van deze vergadering is niet bekend" in uitslag.text
    finally:
        p.open()


def _axe(p: Pagina, js: str) -> list[str]:
    """The critical and serious violations axe-core finds on the page, one line each.

    axe looks once the page is still: a transition half-way (the theme's "back to top"
    button fading in after the page scrolled to the result, at 68% opacity) has colours
    that are neither the start nor the end, and axe reported their contrast."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(p.d, 30).until(
        lambda d: d.execute_script(
            "return document.getAnimations().every(a => a.playState !== 'running')"
        )
    )
    p.d.execute_script(js)
    uit = p.d.execute_async_script(
        "const klaar = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => klaar(r.violations"
        ".filter(v => ['critical', 'serious'].includes(v.impact))"
        ".map(v => v.impact + ' ' + v.id + ': '"
        " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
    )
    return list(uit)


def test_axe_core_finds_no_critical_or_serious_violation(pagina: Pagina) -> None:
    """axe-core (npm, served by the test: injected into the page, no CDN) on the page as
    it opens and after a check with findings."""
    pad = browser.axe_core()
    if isinstance(pad, str):
        pytest.skip(pad)
    js = pad.read_text("utf-8")
    p = pagina
    fouten = _axe(p, js)
    assert not fouten, "\n".join(fouten)
    p.veld("f-ondertekening-0-naam").clear()
    p.veld("f-controleer").click()
    p.uitslag()
    assert p.regels()  # findings, marked at their fields
    fouten = _axe(p, js)
    assert not fouten, "\n".join(fouten)


def _onder_de_kop(p: Pagina, element_id: str) -> None:
    """The element has the focus, and its top is in view below the sticky header."""
    assert p.d.execute_script("return document.activeElement.id") == element_id
    boven, kop_onder, hoogte = p.d.execute_script(
        "const e = document.getElementById(arguments[0]).getBoundingClientRect();"
        "const k = document.querySelector('.md-header').getBoundingClientRect();"
        "return [e.top, k.bottom, window.innerHeight]",
        element_id,
    )
    assert kop_onder <= boven < hoogte


def test_on_a_phone_the_result_and_an_error_show_below_the_header(pagina: Pagina) -> None:
    """390 px wide. The result gets the focus below the sticky header. Then, with the
    runtime's wheels dropped by the network and no known meeting ahead (15 January 2024),
    pressing "Controleer" shows a short Dutch message next to the button, keeps what was
    typed and folds the technical details away; never a traceback."""
    p = pagina
    grootte = p.d.get_window_size()
    try:
        p.d.set_window_size(390, 844)
        p.veld("f-controleer").click()
        p.uitslag()
        _onder_de_kop(p, "alv-uitslag")

        browser.blokkeer(p.d, ["*/wheels/*"])
        p.open("2024-01-15T10:00:00+01:00", klaar=False)
        assert p.veld("f-bekend").get_attribute("value") == ""
        assert "nog niet in de lijst" in p.veld("f-bekend-hulp").text
        browser.zet(p.d, "f-vergadering-datum", "2024-06-12")
        p.veld("f-titel").send_keys("Schulden bij jongeren")
        p.veld("f-controleer").click()
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(p.d, 60).until(
            lambda d: d.find_elements("css selector", ".alv-knoppen + .alv-misgegaan")
        )
        melding = p.d.find_element("css selector", ".alv-knoppen + .alv-misgegaan")
        assert melding.text.startswith("Er ging iets mis bij het controleren.")
        assert "Traceback" not in melding.text  # folded away
        details = melding.find_element("css selector", "details")
        assert details.get_attribute("open") is None
        assert details.find_element("css selector", "pre").get_attribute("textContent")
        assert p.veld("f-titel").get_attribute("value") == "Schulden bij jongeren"
        p.d.execute_script("arguments[0].id = 'alv-misgegaan'", melding)
        _onder_de_kop(p, "alv-misgegaan")
    finally:
        browser.blokkeer(p.d, [])
        p.d.set_window_size(grootte["width"], grootte["height"])
        p.open()


def test_the_template_of_alvrules_nieuw_for_the_meeting(pagina: Pagina, downloads: Path) -> None:
    """The page offers the template of ``alvrules nieuw`` for the meeting in the form: the
    same text, and ``alvrules controleer`` reports only that the dossier is still empty."""
    from selenium.webdriver.support.ui import WebDriverWait

    from alvrules.sjabloon import sjabloon

    p = pagina
    browser.zet(p.d, "f-vergadering-datum", "2023-12-01")
    browser.zet(p.d, "f-vergadering-sluitingstijd", "13:00")
    p.veld("f-sjabloon").click()
    bestand = downloads / "alv-2023-12-01.toml"
    WebDriverWait(p.d, 60).until(lambda _: bestand.is_file() and bestand.stat().st_size)
    assert bestand.read_text("utf-8") == sjabloon("2023-12-01", "13:00")
    assert "vrijdag 1 december 2023" in p.veld("f-sjabloon-melding").text
    cli = subprocess.run(
        [sys.executable, "-m", "alvrules", "controleer", str(bestand), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert {b["regel"] for b in json.loads(cli.stdout)["bevindingen"]} == {"AGD02"}


def test_the_page_asks_nothing_of_any_other_host(pagina: Pagina) -> None:
    pagina.open()  # once more, now from the browser's cache
    pagina.veld("f-controleer").click()
    pagina.uitslag()
    urls = pagina.verzamel()
    assert any(u.endswith("/pyodide/pyodide.asm.wasm") for u in urls)
    assert any("/wheels/alvrules-" in u for u in urls)
    assert browser.buiten_loopback(urls, pagina.basis) == []


# -- the same page in Firefox ESR (Debian's firefox-esr, over WebDriver BiDi) ---------------

_JS_WACHT = """new Promise((klaar, mis) => {
  const t0 = Date.now();
  const kijk = () => {
    const n = (window.alvTijden && window.alvTijden.uitslagen) || 0;
    const kop = () => document.getElementById('alv-uitslag-kop').textContent;
    if (n >= %d) klaar([...document.querySelectorAll('#alv-uitslag li.alv-bevinding')]
        .map(li => li.dataset.regel).concat([kop()]));
    else if (Date.now() - t0 > 120000) mis(new Error('geen uitslag'));
    else setTimeout(kijk, 100);
  };
  kijk();
})"""

_JS_KLAAR = """new Promise((klaar, mis) => {
  const t0 = Date.now();
  const kijk = () => (window.alvTijden && window.alvTijden.klaar) ? klaar(true)
    : Date.now() - t0 > 120000 ? mis(new Error('niet geladen')) : setTimeout(kijk, 100);
  kijk();
})"""


@pytest.mark.skipif(
    browser.firefox_ontbreekt() is not None, reason=f"{browser.firefox_ontbreekt()}"
)
def test_firefox_finds_the_defect_and_the_rule_ids_of_the_cli(site: Path) -> None:
    tekst = (ROOT / "examples" / "fouten.toml").read_text("utf-8")
    verwacht = {b.regel for b in controleer(laad_dossier(ROOT / "examples" / "fouten.toml"))}
    with browser.server(site) as (basis, _), browser.firefox() as ff:
        ff.zet_klok(NU)
        ff.open(f"{basis}{browser.PAGINA}")
        assert ff.js(_JS_KLAAR) is True
        ff.js(
            """(() => {
            const zet = (id, w) => { const e = document.getElementById(id); e.value = w;
              e.dispatchEvent(new Event('change', {bubbles: true})); };
            zet('f-titel', 'Schulden bij jongeren'); zet('f-indieners-0', 'Oss');
            zet('f-ondertekening-0-naam', 'F'); zet('f-ondertekening-0-rol', 'wethouder');
            zet('f-ondertekening-0-gemeente', 'Oss'); zet('f-ingediend', '2023-11-15T12:00');
            zet('f-aanleiding', 'Schulden nemen toe.'); zet('f-overwegingen-0', 'constaterende;');
            zet('f-oproep-0', 'zich in te spannen.');
            document.getElementById('alv-formulier').requestSubmit();
            return true; })()"""
        )
        *regels, kop = ff.js(_JS_WACHT % 1)
        assert kop == "Deze motie voldoet niet: 1 fout"
        assert set(regels) == {"SIG01", "MOT03"}
        ff.js(
            f"""(() => {{ document.getElementById('f-plakken').value = {json.dumps(tekst)};
            document.getElementById('f-inlezen').click(); return true; }})()"""
        )
        *regels, kop = ff.js(_JS_WACHT % 2)
        assert set(regels) == verwacht
        assert kop.startswith("Dit dossier voldoet niet")
        assert any(u.endswith("/pyodide/pyodide.asm.wasm") for u in ff.urls)
        assert browser.buiten_loopback(ff.urls, basis) == []
