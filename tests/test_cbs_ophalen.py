"""``alvrules bevolking ophalen``: end to end against CBS responses served on loopback.

A small http.server on 127.0.0.1 answers as CBS StatLine's open-data API would; each test
sets what it answers. No test touches the internet.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from alvrules.cbs import OMGEVING, verzoek_url
from alvrules.cli import main
from tests.conftest import DATA as TESTDATA
from tests.test_nieuw_jaar import DATA

pytestmark = pytest.mark.regel("STM02")

ANTWOORD = json.loads((TESTDATA / "cbs" / "03759ned-2025.json").read_text(encoding="utf-8"))
STORING = (TESTDATA / "cbs" / "storing.html").read_bytes()


@dataclass
class Cbs:
    """What the loopback server answers, and the requests it received."""

    basis: str = ""
    status: int = 200
    soort: str = "application/json"
    inhoud: bytes = b""
    wacht: float = 0.0
    verzoeken: list[str] = field(default_factory=list)

    def json(self, data: Any) -> None:
        self.inhoud = json.dumps(data).encode("utf-8")


@pytest.fixture
def cbs() -> Iterator[Cbs]:
    toestand = Cbs()
    toestand.json(ANTWOORD)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            toestand.verzoeken.append(self.path)
            time.sleep(toestand.wacht)
            try:
                self.send_response(toestand.status)
                self.send_header("Content-Type", f"{toestand.soort}; charset=utf-8")
                self.send_header("Content-Length", str(len(toestand.inhoud)))
                self.end_headers()
                self.wfile.write(toestand.inhoud)
            except (BrokenPipeError, ConnectionResetError):  # the client timed out
                pass

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    toestand.basis = f"http://127.0.0.1:{server.server_address[1]}/ODataApi/odata"
    yield toestand
    server.shutdown()
    server.server_close()


def _met(wijzig: Any) -> dict[str, Any]:
    """The recorded response with its rows changed by ``wijzig(rows)``."""
    data = json.loads(json.dumps(ANTWOORD))
    wijzig(data["value"])
    return data


def _rij(rijen: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(r for r in rijen if r["RegioS"].strip() == code)


def test_fetch_writes_the_shipped_form(
    cbs: Cbs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uit = tmp_path / "inwoners-2025-01-01.csv"
    assert main(["bevolking", "ophalen", "2025", "--uitvoer", str(uit), "--url", cbs.basis]) == 0
    # the same bytes as the shipped file of that date: code,naam,inwoners, sorted, UTF-8
    assert uit.read_bytes() == (DATA / "inwoners-2025-01-01.csv").read_bytes()
    regel = capsys.readouterr().out
    assert "03759NED" in regel
    assert "342 gemeenten" in regel
    assert "18044027 inwoners" in regel
    (pad,) = cbs.verzoeken
    url = urllib.parse.urlsplit(pad)
    assert url.path == "/ODataApi/odata/03759ned/TypedDataSet"
    query = urllib.parse.parse_qs(url.query)
    assert "Perioden eq '2025JJ00'" in query["$filter"][0]
    assert query["$select"] == ["RegioS,Perioden,BevolkingOp1Januari_1"]
    assert f"{cbs.basis}{pad.removeprefix('/ODataApi/odata')}" == verzoek_url(2025, cbs.basis)


def test_fetched_file_gives_the_same_weights_as_the_shipped(
    cbs: Cbs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(OMGEVING, cbs.basis)  # the base URL from the environment
    assert main(["bevolking", "ophalen", "2025", "--format", "json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["tabel"], info["gemeenten"], info["inwoners"]) == ("03759NED", 342, 18_044_027)
    assert info["uitvoer"] == "inwoners-2025-01-01.csv"
    assert info["url"].startswith(cbs.basis)
    assert main(["stemgewichten", "2026", "--format", "json"]) == 0
    gedeeld = json.loads(capsys.readouterr().out)
    opties = ["--bevolking", "inwoners-2025-01-01.csv"]
    assert main(["stemgewichten", "2026", "--format", "json", *opties]) == 0
    opgehaald = json.loads(capsys.readouterr().out)
    assert opgehaald["gewichten"] == gedeeld["gewichten"]
    assert opgehaald["totaal"] == gedeeld["totaal"]


def _zonder(code: str) -> Any:
    def wijzig(rijen: list[dict[str, Any]]) -> None:
        rijen.remove(_rij(rijen, code))

    return wijzig


def _zet(code: str, waarde: object) -> Any:
    def wijzig(rijen: list[dict[str, Any]]) -> None:
        _rij(rijen, code)["BevolkingOp1Januari_1"] = waarde

    return wijzig


def _dubbel(rijen: list[dict[str, Any]]) -> None:
    rijen.append(dict(_rij(rijen, "GM0014")))


def _vreemde_code(rijen: list[dict[str, Any]]) -> None:
    rijen.append({"RegioS": "NL01      ", "Perioden": "2025JJ00", "BevolkingOp1Januari_1": 1})


def _onbekende_gemeente(rijen: list[dict[str, Any]]) -> None:
    rijen.append({"RegioS": "GM1999    ", "Perioden": "2025JJ00", "BevolkingOp1Januari_1": 5000})


def _opgeheven_met_aantal(rijen: list[dict[str, Any]]) -> None:
    _rij(rijen, "GM0457")["BevolkingOp1Januari_1"] = 21000  # Weesp, gone since 2022


@pytest.mark.parametrize(
    ("wijzig", "reden"),
    [
        (_zonder("GM0088"), "geen aantal op 2025-01-01 voor Schiermonnikoog (GM0088)"),
        (_zet("GM0363", -5), "aantal van Amsterdam (GM0363) is geen geheel getal van 1 tot"),
        (_zet("GM0363", 0), "aantal van Amsterdam (GM0363) is geen geheel getal van 1 tot"),
        (_zet("GM0363", None), "geen aantal op 2025-01-01 voor Amsterdam (GM0363)"),
        (_zet("GM0363", "934526"), "aantal van Amsterdam (GM0363) is geen geheel getal"),
        (_zet("GM0363", 9.5), "is geen geheel getal"),
        (_dubbel, "GM0014 staat er twee keer in"),
        (_vreemde_code, "'NL01' is geen GM + 4 cijfers"),
        (_onbekende_gemeente, "GM1999 bestaat niet op 2025-01-01 volgens het gemeenteregister"),
        (_opgeheven_met_aantal, "GM0457 bestaat niet op 2025-01-01"),
    ],
    ids=[
        "missing",
        "negative",
        "zero",
        "null",
        "string",
        "float",
        "twice",
        "not-gm",
        "unknown-merger",
        "merged-away",
    ],
)
def test_bad_figures_exit_2_and_write_nothing(
    wijzig: Any, reden: str, cbs: Cbs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cbs.json(_met(wijzig))
    uit = tmp_path / "inwoners-2025-01-01.csv"
    assert main(["bevolking", "ophalen", "2025", "--uitvoer", str(uit), "--url", cbs.basis]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("alvrules: CBS: ")
    assert reden in err
    assert err.rstrip().endswith("niets geschreven")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "antwoord",
    [
        (503, "text/html", STORING, "HTTP 503"),
        (200, "text/html", STORING, "antwoord is geen JSON maar text/html"),
        (404, "application/json", b'{"odata.error": {}}', "HTTP 404"),
        (200, "application/json", b'{"value": 3}', "zonder lijst 'value'"),
        (200, "application/json", b"[]", "zonder lijst 'value'"),
    ],
    ids=["html-503", "html-200", "not-found", "value-not-a-list", "not-an-object"],
)
def test_error_pages_exit_2_and_keep_an_existing_file(
    antwoord: tuple[int, str, bytes, str],
    cbs: Cbs,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cbs.status, cbs.soort, cbs.inhoud, reden = antwoord
    uit = tmp_path / "inwoners-2025-01-01.csv"
    uit.write_text("oud\n", encoding="utf-8")
    assert main(["bevolking", "ophalen", "2025", "--uitvoer", str(uit), "--url", cbs.basis]) == 2
    err = capsys.readouterr().err
    assert reden in err
    assert err.count("\n") == 1
    assert uit.read_text(encoding="utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == [uit.name]


def test_timeout_exit_2_nothing_written(
    cbs: Cbs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cbs.wacht = 1.0
    uit = tmp_path / "uit.csv"
    opdracht = ["bevolking", "ophalen", "2025", "--uitvoer", str(uit), "--url", cbs.basis]
    assert main([*opdracht, "--timeout", "0.2"]) == 2
    assert "CBS: geen antwoord binnen 0.2 s; niets geschreven" in capsys.readouterr().err
    assert not uit.exists()


def test_offline_exit_2_in_english_and_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dicht = "http://127.0.0.1:9/ODataApi/odata"  # discard port: nothing listens
    uit = tmp_path / "uit.csv"
    opdracht = ["bevolking", "ophalen", "2025", "--uitvoer", str(uit), "--url", dicht]
    assert main([*opdracht, "--lang", "en", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    fout = json.loads(out)
    assert fout["fout"].startswith("CBS: unreachable")
    assert fout["fout"].endswith("nothing written")
    assert err == f"alvrules: {fout['fout']}\n"
    assert not uit.exists()


@pytest.mark.parametrize(
    ("args", "reden"),
    [
        (["twintig"], "ongeldig jaar 'twintig'"),
        (["2025", "--url", "ftp://spiegel/odata"], "--url moet met http:// of https://"),
        (["2025", "--timeout", "0"], "--timeout moet groter zijn dan 0"),
    ],
)
def test_wrong_use_exit_2(args: list[str], reden: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bevolking", "ophalen", *args]) == 2
    assert reden in capsys.readouterr().err
