"""Helpers for the browser tests of "Controleer uw motie": a loopback server, Debian's Chromium.

The built site is served by a static file server on 127.0.0.1 that records every request;
Chromium (``/usr/bin/chromium``, driven through ``/usr/bin/chromedriver`` with WebDriver)
starts headless with a fresh profile and without any background networking, and logs
every request it makes, so a test can assert that nothing leaves the loopback address.
Nothing is downloaded: no browser, no driver (Selenium Manager is switched off).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAGINA = "controleer/"
#: Chromium without anything that talks to the internet by itself (the probe's flags).
VLAGGEN = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,1600",
)


#: axe-core, the accessibility engine, from the npm registry (served by the test itself).
AXE = "4.14.1"


def axe_core() -> Path | str:
    """``axe.min.js`` of axe-core :data:`AXE`, installed with npm into the docs cache
    (``.cache/docs/axe/`` or ``$ALVRULES_DOCS_CACHE/axe/``) when it is not there yet; or
    why it cannot be had (no npm)."""
    basis = Path(
        os.environ.get("ALVRULES_DOCS_CACHE")
        or Path(__file__).resolve().parent.parent / ".cache" / "docs"
    )
    map_ = basis / "axe"
    js = map_ / "node_modules" / "axe-core" / "axe.min.js"
    pakket = js.parent / "package.json"
    if js.is_file() and json.loads(pakket.read_text("utf-8")).get("version") == AXE:
        return js
    npm = shutil.which("npm")
    if npm is None:
        return "npm is missing (apt-get install npm), dus axe-core ook"
    import subprocess

    map_.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(map_),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            f"axe-core@{AXE}",
        ],
        check=True,
        capture_output=True,
    )
    return js


def ontbreekt() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for pad in (CHROMIUM, CHROMEDRIVER):
        if not (os.access(pad, os.X_OK) or shutil.which(Path(pad).name)):
            return f"{pad} is missing (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is missing (pip install -e '.[test]')"
    return None


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class's attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".toml": "application/toml",
    }

    def __init__(self, *args: Any, verzoeken: list[str], **kwargs: Any) -> None:
        self.verzoeken = verzoeken
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        self.verzoeken.append(f"{self.command} {self.path}")


@contextlib.contextmanager
def server(map_: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve ``map_`` on 127.0.0.1 (a free port): the base URL and the requests served."""
    verzoeken: list[str] = []
    handler = functools.partial(_Handler, directory=str(map_), verzoeken=verzoeken)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", verzoeken
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium(profiel: Path | None = None, downloads: Path | None = None) -> Iterator[Any]:
    """Headless Debian Chromium through WebDriver, with a fresh (or the given) profile;
    downloads go to ``downloads`` without asking."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    with contextlib.ExitStack() as stapel:
        if profiel is None:
            profiel = Path(stapel.enter_context(tempfile.TemporaryDirectory()))
        opties = webdriver.ChromeOptions()
        opties.binary_location = CHROMIUM
        for vlag in (*VLAGGEN, f"--user-data-dir={profiel}"):
            opties.add_argument(vlag)
        opties.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        if downloads is not None:
            opties.add_experimental_option(
                "prefs",
                {
                    "download.default_directory": str(downloads),
                    "download.prompt_for_download": False,
                },
            )
        driver = webdriver.Chrome(options=opties, service=Service(CHROMEDRIVER))
        stapel.callback(driver.quit)
        driver.set_script_timeout(120)
        yield driver


def opgevraagd(driver: Any) -> list[str]:
    """Every URL the browser asked for since the last call (from its performance log)."""
    urls = []
    for regel in driver.get_log("performance"):
        bericht = json.loads(regel["message"])["message"]
        if bericht["method"] == "Network.requestWillBeSent":
            urls.append(bericht["params"]["request"]["url"])
    return urls


#: Schemes that reach a network; data:, blob: and the browser's own chrome:// do not.
NETWERK = frozenset({"http", "https", "ws", "wss", "ftp"})


def buiten_loopback(urls: list[str], basis: str) -> list[str]:
    """The URLs that reach a network other than the server at ``basis``."""
    host = urlsplit(basis).netloc
    return [u for u in urls if urlsplit(u).scheme in NETWERK and urlsplit(u).netloc != host]


def wacht_tot_klaar(driver: Any) -> None:
    """Until the page has loaded Pyodide and alvrules (or failed to)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 120).until(
        lambda d: d.execute_script(
            "return !!(window.alvTijden && window.alvTijden.klaar) || "
            "document.getElementById('alv-status').textContent.includes('niet')"
        )
    )


def wacht_op_uitslag(driver: Any, aantal: int) -> None:
    """Until the page has shown its ``aantal``-th result."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 120).until(
        lambda d: d.execute_script("return (window.alvTijden.uitslagen || 0)") >= aantal
    )


#: Run before the page's own scripts: ``Date`` starts at the given moment and runs on.
_KLOK = """(() => {
  const Echt = Date, begin = Echt.now(), vast = Echt.parse(%s);
  const nu = () => vast + (Echt.now() - begin);
  class Klok extends Echt {
    constructor(...a) { if (a.length) super(...a); else super(nu()); }
    static now() { return nu(); }
  }
  globalThis.Date = Klok;
})();"""


def zet_klok(driver: Any, tijdstip: str) -> None:
    """Set the browser's clock to ``tijdstip`` (ISO 8601 with offset) for every page opened
    from now on, and its time zone to Europe/Amsterdam, as a griffier's browser has them.

    Through the DevTools protocol: ``Page.addScriptToEvaluateOnNewDocument`` runs a script
    before any of the page's own that makes ``Date`` start at ``tijdstip`` and run on (the
    clock of an earlier call is removed), and ``Emulation.setTimezoneOverride``. The page
    is opened at its plain address; it has no parameter of its own for "now".
    """
    vorige = getattr(driver, "_alv_klok", None)
    if vorige is not None:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": vorige})
    uit = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": _KLOK % json.dumps(tijdstip)}
    )
    driver._alv_klok = uit["identifier"]
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Europe/Amsterdam"})


def blokkeer(driver: Any, patronen: list[str]) -> None:
    """Let every request whose URL matches one of ``patronen`` fail (``*`` wildcards), as a
    network that drops them would; an empty list lets everything through again."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": patronen})


def zet(driver: Any, veld_id: str, waarde: str) -> None:
    """Set a date/time field (their typing is locale-dependent) and fire ``change``."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('change', {bubbles: true}));",
        veld_id,
        waarde,
    )


# -- Firefox, through its own WebDriver BiDi endpoint (Debian has no geckodriver) ----------

FIREFOX = "/usr/bin/firefox-esr"
#: Firefox with a fresh profile and nothing of its own on the network; the remote agent
#: adds its recommended automation preferences (no updates, telemetry, safe browsing).
FIREFOX_VOORKEUREN = {
    "app.update.auto": False,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
}


class Bidi:
    """A minimal WebDriver BiDi client: navigate, evaluate, and every URL requested."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.volgnummer = 0
        self.urls: list[str] = []
        self.context = self.stuur("browsingContext.getTree", {})["contexts"][0]["context"]
        self.stuur("session.subscribe", {"events": ["network.beforeRequestSent"]})

    def stuur(self, methode: str, params: dict[str, Any]) -> Any:
        self.volgnummer += 1
        self.ws.send(json.dumps({"id": self.volgnummer, "method": methode, "params": params}))
        while True:
            bericht = json.loads(self.ws.recv())
            if bericht.get("method") == "network.beforeRequestSent":
                self.urls.append(bericht["params"]["request"]["url"])
            elif bericht.get("id") == self.volgnummer:
                if bericht.get("type") == "error":
                    raise RuntimeError(f"{methode}: {bericht.get('message')}")
                return bericht["result"]

    def zet_klok(self, tijdstip: str) -> None:
        """The browser's clock at ``tijdstip`` for every page opened from now on (the same
        script as :func:`zet_klok`, as a BiDi preload script)."""
        self.stuur(
            "script.addPreloadScript",
            {"functionDeclaration": "() => " + _KLOK % json.dumps(tijdstip)},
        )

    def open(self, url: str) -> None:
        self.stuur(
            "browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"}
        )

    def js(self, expressie: str) -> Any:
        """The value of ``expressie`` (awaited if a promise), as JSON."""
        uit = self.stuur(
            "script.evaluate",
            {
                "expression": f"(async () => JSON.stringify(await ({expressie})))()",
                "target": {"context": self.context},
                "awaitPromise": True,
            },
        )
        if uit["type"] == "exception":
            raise RuntimeError(uit["exceptionDetails"]["text"])
        return json.loads(uit["result"]["value"])


def firefox_ontbreekt() -> str | None:
    """Why the Firefox test cannot run here, or None."""
    if not os.access(FIREFOX, os.X_OK):
        return f"{FIREFOX} is missing (apt-get install firefox-esr)"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "websocket-client is missing (pip install -e '.[test]')"
    return None


@contextlib.contextmanager
def firefox() -> Iterator[Bidi]:
    """Headless Debian Firefox ESR with a fresh profile, driven over WebDriver BiDi."""
    import re
    import subprocess
    import time

    import websocket

    with tempfile.TemporaryDirectory() as profiel:
        regels = [
            f"user_pref({json.dumps(k)}, {json.dumps(v)});" for k, v in FIREFOX_VOORKEUREN.items()
        ]
        (Path(profiel) / "user.js").write_text("\n".join(regels) + "\n", "utf-8")
        proces = subprocess.Popen(
            [
                FIREFOX,
                "--headless",
                "--no-remote",
                "--profile",
                profiel,
                "--remote-debugging-port",
                "0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            einde = time.monotonic() + 60
            adres = None
            assert proces.stderr is not None
            while adres is None and time.monotonic() < einde:
                regel = proces.stderr.readline()
                if not regel and proces.poll() is not None:
                    break
                m = re.search(r"WebDriver BiDi listening on (ws://\S+)", regel)
                adres = m.group(1) if m else None
            if adres is None:
                raise RuntimeError("Firefox gaf geen WebDriver BiDi-adres")
            # keep reading what Firefox writes, or it blocks on a full pipe
            threading.Thread(target=proces.stderr.read, daemon=True).start()
            ws = websocket.create_connection(
                adres.rstrip("/") + "/session", timeout=120, suppress_origin=True
            )
            try:
                ws.send(
                    json.dumps({"id": 0, "method": "session.new", "params": {"capabilities": {}}})
                )
                json.loads(ws.recv())
                yield Bidi(ws)
            finally:
                ws.close()
        finally:
            proces.terminate()
            proces.wait(timeout=30)
