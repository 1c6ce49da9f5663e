"""Time to first result of "Controleer uw motie", the bytes it downloads, and the screenshot.

Run with ``python benchmarks/controleer_pagina.py SITE`` after ``mkdocs build --site-dir
SITE`` (needs Debian's ``chromium`` and ``chromium-driver`` and the ``test`` extra). Not a
test: it serves SITE on loopback and opens the page at its plain address in headless
Chromium, with the browser's clock set as in the tests, clicks "Controleer" at once (the
click waits for the runtime) and reads the moment the result appears, in milliseconds
since the navigation started, and the bytes transferred (the Resource Timing API's
``transferSize`` of the page and everything it fetched, once every wheel is unpacked):

- *cold* (``--keer`` times): a fresh browser profile each time, so nothing is cached;
- *warm* (``--keer`` times): the same profile again, everything from the browser's cache.

Each prints the median, min and max. With ``--schermafbeelding PNG`` it fills in a motion
with a defect (Oss signs without its burgemeester) and saves the page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import browser  # the test helpers, from the checkout

#: The browser's clock (the page at its plain address counts from it), as in the tests.
KLOK = "2023-11-10T12:00:00+01:00"

_BYTES = """return performance.getEntriesByType('navigation')
  .concat(performance.getEntriesByType('resource'))
  .reduce((s, e) => s + (e.transferSize || 0), 0)"""


def _cpu(driver: Any) -> float:
    """CPU seconds the page's renderer process has used (DevTools ``ProcessTime``)."""
    metingen = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return float(next(m["value"] for m in metingen if m["name"] == "ProcessTime"))


Meting = tuple[float, float, int, float]


def eerste_uitslag(driver: Any, basis: str) -> Meting:
    """Milliseconds from navigation to: runtime ready, first result shown; bytes fetched;
    CPU milliseconds of the renderer process up to the first result (its threads added up:
    the work a less busy machine would still have to do, whatever the load here)."""
    from selenium.webdriver.support.ui import WebDriverWait  # noqa: PLC0415

    browser.zet_klok(driver, KLOK)
    driver.execute_cdp_cmd("Performance.enable", {})
    cpu = _cpu(driver)
    driver.get(f"{basis}{browser.PAGINA}")
    driver.find_element("id", "f-controleer").click()
    browser.wacht_op_uitslag(driver, 1)
    cpu = _cpu(driver) - cpu
    tijden = driver.execute_script("return window.alvTijden")
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return !!window.alvTijden.alles"))
    return (
        float(tijden["klaar"]),
        float(tijden["eersteUitslag"]),
        int(driver.execute_script(_BYTES)),
        cpu * 1000,
    )


def schermafbeelding(driver: Any, basis: str, png: Path) -> None:
    from selenium.webdriver.support.ui import Select  # noqa: PLC0415

    browser.zet_klok(driver, KLOK)
    driver.get(f"{basis}{browser.PAGINA}")
    browser.wacht_tot_klaar(driver)
    veld = lambda i: driver.find_element("id", i)  # noqa: E731
    Select(veld("f-bekend")).select_by_value("2023-12-01")
    veld("f-titel").send_keys("Schulden bij jongeren")
    veld("f-indieners-0").send_keys("Oss")
    veld("f-ondertekening-0-naam").send_keys("Femke Verhagen")
    Select(veld("f-ondertekening-0-rol")).select_by_value("wethouder")
    veld("f-ondertekening-0-gemeente").send_keys("Oss")
    browser.zet(driver, "f-ingediend", "2023-11-15T12:00")
    veld("f-aanleiding").send_keys("Het aantal jongeren met schulden neemt in de regio toe.")
    veld("f-overwegingen-0").send_keys("constaterende dat vroegsignalering niet overal werkt;")
    veld("f-oproep-0").send_keys("zich in te spannen voor betere gegevensdeling.")
    veld("f-controleer").click()
    browser.wacht_op_uitslag(driver, 1)
    driver.set_window_size(960, 1240)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(1)  # the header settles
    driver.save_screenshot(str(png))


def _verslag(naam: str, metingen: list[Meting]) -> None:
    for wat, i in (("runtime klaar", 0), ("eerste uitslag", 1), ("CPU tot eerste uitslag", 3)):
        waarden = [m[i] for m in metingen]
        print(
            f"{naam} ({len(metingen)}x), {wat}: mediaan {statistics.median(waarden):.0f} ms,"
            f" min {min(waarden):.0f}, max {max(waarden):.0f}"
        )
    print(f"{naam}: bytes opgehaald (mediaan) {statistics.median(m[2] for m in metingen):.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--keer", type=int, default=5)
    parser.add_argument("--schermafbeelding", type=Path)
    args = parser.parse_args()
    with browser.server(args.site) as (basis, _):
        koud = []
        for _ in range(args.keer):
            with tempfile.TemporaryDirectory() as profiel, browser.chromium(Path(profiel)) as d:
                koud.append(eerste_uitslag(d, basis))
        _verslag("koud (lege cache)", koud)
        with tempfile.TemporaryDirectory() as profiel, browser.chromium(Path(profiel)) as d:
            eerste_uitslag(d, basis)  # fills the cache
            warm = [eerste_uitslag(d, basis) for _ in range(args.keer)]
            _verslag("warm (uit de cache)", warm)
            if args.schermafbeelding:
                schermafbeelding(d, basis, args.schermafbeelding)
                print(f"schermafbeelding: {args.schermafbeelding}")


if __name__ == "__main__":
    main()
