"""End to end: the page "Controleer uw motie" in headless Debian Chromium, served on loopback.

The site is built (``mkdocs build``, with the Pyodide runtime and the wheels) and served
by a static server on 127.0.0.1; the page runs alvrules in the browser. The tests fill in
a motion with a known defect and see the finding, fix it and see "voldoet", read both
example dossiers and find the same rule ids as ``alvrules controleer``, and check that
the browser asked nothing of any other host.

Skipped with the reason when Chromium, ChromeDriver or Selenium is missing here; CI
(``.ci/run`` sets ``ALVRULES_BROWSERTESTS=verplicht``) fails instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alvrules.controle import controleer
from alvrules.laden import laad_dossier
from tests import browser

ROOT = Path(__file__).resolve().parent.parent
NU = "2023-11-10T12:00:00%2B01:00"  # the page's "now" (?nu=), for a fixed countdown

_reden = browser.ontbreekt()
if _reden and os.environ.get("ALVRULES_BROWSERTESTS") == "verplicht":
    raise RuntimeError(f"browsertests verplicht, maar: {_reden}")
pytestmark = pytest.mark.skipif(_reden is not None, reason=f"browsertests: {_reden}")


class Pagina:
    """One browser on the served site; every URL it asked for is kept in ``urls``."""

    def __init__(self, driver: Any, basis: str) -> None:
        self.d = driver
        self.basis = basis
        self.urls: list[str] = []
        self.uitslagen = 0

    def open(self) -> None:
        self.verzamel()
        self.d.get(f"{self.basis}{browser.PAGINA}?nu={NU}")
        browser.wacht_tot_klaar(self.d)
        self.uitslagen = 0
        status = self.d.find_element("id", "alv-status").text
        assert status.startswith("Klaar"), status

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
    """The motion of examples/fouten.toml M03, typed in: Oss signs without its burgemeester."""
    from selenium.webdriver.support.ui import Select

    Select(p.veld("f-bekend")).select_by_value("2023-12-01")
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
    link = sig01.find_element("css selector", "a.alv-regel").get_attribute("href")
    assert link.startswith(p.basis)
    assert link.endswith("/procedure/ondertekening/#SIG01")
    assert "alv-fout-veld" in p.veld("f-ondertekening").get_attribute("class")
    assert p.veld("f-ondertekening-0-naam").get_attribute("aria-invalid") == "true"
    sig01.find_element("css selector", "a.alv-naar-veld").send_keys(Keys.ENTER)
    assert p.d.execute_script("return document.activeElement.id") == "f-ondertekening-0-naam"
    # the deadlines of the meeting, counted from ?nu= (fri 10 November 2023)
    termijnen = {
        r.get_attribute("data-regel"): r.text
        for r in uitslag.find_elements("css selector", "table.alv-termijnen tbody tr")
    }
    assert set(termijnen) == {"TRM01", "TRM02", "TRM08"}
    assert "20 november 2023" in termijnen["TRM01"]
    assert "nog 6 werkdagen" in termijnen["TRM01"]
    assert "nog 14 werkdagen" in termijnen["TRM08"]

    Select(p.veld("f-ondertekening-0-rol")).select_by_value("burgemeester")
    p.veld("f-controleer").click()
    uitslag = p.uitslag()
    assert uitslag.text.startswith("Deze motie voldoet\n")
    assert p.regels() == {"MOT03"}  # a warning: the motion still meets the rules
    assert not p.d.find_elements("css selector", "[aria-invalid=true], .alv-veldmelding")


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
        ff.open(f"{basis}{browser.PAGINA}?nu={NU}")
        assert ff.js(_JS_KLAAR) is True
        ff.js(
            """(() => {
            const zet = (id, w) => { const e = document.getElementById(id); e.value = w;
              e.dispatchEvent(new Event('change', {bubbles: true})); };
            zet('f-bekend', '2023-12-01');
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
