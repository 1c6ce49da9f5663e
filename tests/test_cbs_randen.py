"""Edges of fetching CBS population figures: the exact request, paging, limits, failures.

Written to kill surviving mutants (mutmut) in cbs.py: the request URL and headers as the
loopback server receives them, paging through ``odata.nextLink`` (a second page, an empty
link, a link with another scheme, the page limit), the response size limit, HTTP errors,
time-outs before and after connecting, a connection closed without an answer, the bounds
1 and :data:`~alvrules.grenzen.MAX_INWONERS`, rows without a region code, and the lists
of unknown and missing municipalities. Each exit-2 reason of the module is pinned word for
word once here, in both languages (the CLI's form is in tests/test_cbs_ophalen.py).

A small registry of eight municipalities keeps the responses short. No test touches the
internet: a ThreadingHTTPServer on 127.0.0.1 answers per path, and a bare socket stands in
for a server that does not speak HTTP or does not accept in time.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from alvrules import cbs as cbs_module
from alvrules.cbs import haal_op, verzoek_url
from alvrules.gemeenten import Gemeente, Gemeenteregister
from alvrules.grenzen import MAX_INWONERS
from alvrules.model import InvoerFout

pytestmark = pytest.mark.regel("STM02")

PAD = "/ODataApi/odata/03759ned/TypedDataSet"
NAMEN = ("Aalden", "Borne", "Cadier", "Dalen", "Epe", "Frieswijk", "Gouda", "Hees")
#: Eight municipalities on 1 January 2025, one merged away before and one created after.
REGISTER = Gemeenteregister(
    [
        *(Gemeente(code=f"GM000{i}", naam=n) for i, n in enumerate(NAMEN, start=1)),
        Gemeente(code="GM0009", naam="Ilpendam", tot=date(2021, 12, 31), opgegaan_in="GM0001"),
        Gemeente(code="GM0010", naam="Jutrijp", van=date(2026, 1, 1)),
    ]
)
LEDEN = {f"GM000{i}": 1000 * i for i in range(1, 9)}
FILTER = [
    "startswith(Geslacht,'T001038')",
    "startswith(Leeftijd,'10000')",
    "startswith(BurgerlijkeStaat,'T001019')",
    "Perioden eq '2025JJ00'",
    "startswith(RegioS,'GM')",
]


def _rij(code: str, waarde: object) -> dict[str, Any]:
    """A row as CBS gives it: the code padded to 10 characters."""
    return {"RegioS": code.ljust(10), "Perioden": "2025JJ00", "BevolkingOp1Januari_1": waarde}


def _pagina(rijen: Mapping[str, object], volgende: object = None, *, link: bool = False) -> bytes:
    data: dict[str, Any] = {"odata.metadata": "…/$metadata#Cbs.OData.WebAPI.TypedDataSet"}
    data["value"] = [_rij(c, w) for c, w in rijen.items()]
    if link or volgende is not None:
        data["odata.nextLink"] = volgende
    return json.dumps(data).encode("utf-8")


@dataclass
class Antwoord:
    """One answer of the loopback server."""

    inhoud: bytes = b""
    status: int = 200
    soort: str = "application/json; charset=utf-8"
    lengte: int | None = None  # the Content-Length sent; None: that of ``inhoud``
    wacht: float = 0.0  # before the answer
    vasthouden: float = 0.0  # after the answer, with the connection still open
    sluit: bool = False  # close the connection without any answer


@dataclass
class Server:
    """What the loopback server answers per path, and what it received."""

    wortel: str = ""
    antwoorden: dict[str, Antwoord] = field(default_factory=dict)
    verzoeken: list[str] = field(default_factory=list)
    koppen: list[dict[str, str]] = field(default_factory=list)

    @property
    def basis(self) -> str:
        return f"{self.wortel}/ODataApi/odata"

    def zet(self, inhoud: bytes, pad: str = PAD, **opties: Any) -> None:
        self.antwoorden[pad] = Antwoord(inhoud, **opties)


@pytest.fixture
def server() -> Iterator[Server]:
    toestand = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            toestand.verzoeken.append(self.path)
            toestand.koppen.append(dict(self.headers.items()))
            a = toestand.antwoorden.get(urllib.parse.urlsplit(self.path).path)
            if a is None:
                a = Antwoord(b"{}", status=404)
            time.sleep(a.wacht)
            if a.sluit:
                return
            try:
                self.send_response(a.status)
                self.send_header("Content-Type", a.soort)
                lengte = len(a.inhoud) if a.lengte is None else a.lengte
                self.send_header("Content-Length", str(lengte))
                self.end_headers()
                self.wfile.write(a.inhoud)
                self.wfile.flush()
                time.sleep(a.vasthouden)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up
                pass

        def log_message(self, *_args: object) -> None:
            pass

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    http.daemon_threads = True
    draad = threading.Thread(target=http.serve_forever, args=(0.02,), daemon=True)
    draad.start()
    toestand.wortel = f"http://127.0.0.1:{http.server_address[1]}"
    yield toestand
    http.shutdown()
    http.server_close()


@dataclass
class Kaal:
    """A bare TCP listener that accepts and closes at once: no HTTP, no TLS."""

    poort: int = 0
    verbindingen: int = 0


@pytest.fixture
def kaal() -> Iterator[Kaal]:
    toestand = Kaal()
    luister = socket.create_server(("127.0.0.1", 0))
    toestand.poort = luister.getsockname()[1]

    def accepteer() -> None:
        while True:
            try:
                verbinding, _ = luister.accept()
            except OSError:
                return
            toestand.verbindingen += 1
            verbinding.close()

    threading.Thread(target=accepteer, daemon=True).start()
    yield toestand
    luister.close()


def _fout(basis: str, *, timeout: float = 2.0) -> InvoerFout:
    with pytest.raises(InvoerFout) as e:
        haal_op(2025, basis, timeout=timeout, gemeenten=REGISTER)
    return e.value


def _beide(fout: InvoerFout) -> tuple[str, str]:
    return fout.tekst("nl"), fout.tekst("en")


# --- the request ------------------------------------------------------------------------------


def test_the_request_url_is_exact_and_readable() -> None:
    url = verzoek_url(2025, "http://127.0.0.1:1/spiegel/X/")
    # one slash between base and table; $ ' , ( ) left as they are, spaces as %20
    assert url == (
        "http://127.0.0.1:1/spiegel/X/03759ned/TypedDataSet?$filter="
        + "%20and%20".join(f.replace(" ", "%20") for f in FILTER)
        + "&$select=RegioS,Perioden,BevolkingOp1Januari_1&$format=json"
    )


def test_the_server_receives_the_filtered_request_with_its_headers(server: Server) -> None:
    server.zet(_pagina(dict(LEDEN)))
    b = haal_op(2025, server.basis + "/", timeout=2, gemeenten=REGISTER)
    assert b.inwoners == LEDEN
    assert b.peildatum == date(2025, 1, 1)
    assert b.beschrijving == (  # the attribution written with the figures
        "Bron: CBS, Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio "
        "(tabel 03759NED)"
    )
    (pad,) = server.verzoeken
    url = urllib.parse.urlsplit(pad)
    assert url.path == PAD
    assert "+" not in url.query
    assert url.query.startswith("$filter=startswith(Geslacht,'T001038')%20and%20")
    query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
    assert query["$filter"][0].split(" and ") == FILTER
    assert query["$select"] == ["RegioS,Perioden,BevolkingOp1Januari_1"]
    assert query["$format"] == ["json"]
    assert set(query) == {"$filter", "$select", "$format"}
    (koppen,) = server.koppen
    assert koppen["User-Agent"] == "alvrules"
    assert koppen["Accept"].lower() == "application/json"  # media types ignore case


# --- paging -----------------------------------------------------------------------------------


def test_a_second_page_is_fetched_from_the_next_link(server: Server) -> None:
    eerste = dict(list(LEDEN.items())[:5])
    tweede = dict(list(LEDEN.items())[5:])
    server.zet(_pagina(eerste, f"{server.wortel}/vervolg?$skiptoken='GM0005'"))
    server.zet(_pagina(tweede), "/vervolg")
    b = haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER)
    assert b.inwoners == LEDEN
    assert server.verzoeken[1:] == ["/vervolg?$skiptoken='GM0005'"]


@pytest.mark.parametrize("volgende", ["", None], ids=["empty", "null"])
def test_an_empty_next_link_ends_the_paging(server: Server, volgende: object) -> None:
    server.zet(_pagina(dict(LEDEN), volgende, link=True))
    assert haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER).inwoners == LEDEN
    assert len(server.verzoeken) == 1


@pytest.mark.parametrize("volgende", ["ftp://127.0.0.1/vervolg", "file:///etc/passwd", "/rel"])
def test_a_next_link_that_is_not_http_is_refused(server: Server, volgende: str) -> None:
    server.zet(_pagina(dict(LEDEN), volgende))
    assert _beide(_fout(server.basis)) == (
        "CBS: ongeldige vervolgpagina; niets geschreven",
        "CBS: invalid next page; nothing written",
    )
    assert len(server.verzoeken) == 1


def test_an_https_next_link_is_followed(server: Server, kaal: Kaal) -> None:
    server.zet(_pagina({}, f"https://127.0.0.1:{kaal.poort}/vervolg"))
    nl, en = _beide(_fout(server.basis))
    assert nl.startswith("CBS: niet bereikbaar (")  # the TLS handshake fails
    assert en.startswith("CBS: unreachable (")
    assert kaal.verbindingen == 1


def test_an_https_base_is_accepted(kaal: Kaal) -> None:
    assert (
        _fout(f"https://127.0.0.1:{kaal.poort}/odata").tekst().startswith("CBS: niet bereikbaar (")
    )
    assert kaal.verbindingen == 1


def test_paging_stops_after_twenty_pages(server: Server) -> None:
    rond = _pagina({}, f"{server.wortel}/rond")
    server.zet(rond)
    server.zet(rond, "/rond")
    assert _beide(_fout(server.basis)) == (
        "CBS: te veel pagina's; niets geschreven",
        "CBS: too many pages; nothing written",
    )
    assert len(server.verzoeken) == 20


# --- the response -----------------------------------------------------------------------------


def test_a_response_of_exactly_the_limit_is_read(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    inhoud = _pagina(dict(LEDEN))
    monkeypatch.setattr(cbs_module, "MAX_ANTWOORD", len(inhoud))
    server.zet(inhoud)
    assert haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER).inwoners == LEDEN


def test_a_response_over_the_limit_is_refused(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    inhoud = _pagina(dict(LEDEN))
    monkeypatch.setattr(cbs_module, "MAX_ANTWOORD", len(inhoud) - 1)
    server.zet(inhoud)
    assert _beide(_fout(server.basis)) == (
        "CBS: antwoord te groot; niets geschreven",
        "CBS: response too large; nothing written",
    )


def test_a_response_over_the_limit_is_refused_without_waiting_for_the_rest(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one byte over the limit arrives, the announced rest never does
    monkeypatch.setattr(cbs_module, "MAX_ANTWOORD", 100)
    server.zet(b" " * 101, lengte=10_000, vasthouden=0.3)
    assert _fout(server.basis, timeout=0.2).tekst() == "CBS: antwoord te groot; niets geschreven"


def test_an_http_error_in_both_languages(server: Server) -> None:
    server.zet(b"<html>onderhoud</html>", status=503, soort="text/html")
    assert _beide(_fout(server.basis)) == (
        "CBS: HTTP 503 Service Unavailable; niets geschreven",
        "CBS: HTTP 503 Service Unavailable; nothing written",
    )


def test_no_answer_after_connecting_in_both_languages(server: Server) -> None:
    server.zet(_pagina(dict(LEDEN)), wacht=0.3)
    assert _beide(_fout(server.basis, timeout=0.05)) == (
        "CBS: geen antwoord binnen 0.05 s; niets geschreven",
        "CBS: no answer within 0.05 s; nothing written",
    )


@pytest.mark.skipif(sys.platform != "linux", reason="Linux drops a SYN on a full backlog")
def test_no_connection_in_time_in_both_languages() -> None:
    # a listener that never accepts, its backlog already full: connect() times out
    with socket.socket() as luister:
        luister.bind(("127.0.0.1", 0))
        luister.listen(0)
        poort = luister.getsockname()[1]
        vol = [socket.socket() for _ in range(3)]
        try:
            for s in vol:
                s.setblocking(False)
                s.connect_ex(("127.0.0.1", poort))
            time.sleep(0.05)
            fout = _fout(f"http://127.0.0.1:{poort}/odata", timeout=0.1)
        finally:
            for s in vol:
                s.close()
    assert isinstance(fout.__context__, urllib.error.URLError)
    assert _beide(fout) == (
        "CBS: geen antwoord binnen 0.1 s; niets geschreven",
        "CBS: no answer within 0.1 s; nothing written",
    )


def test_the_default_time_out_is_thirty_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    gekregen: list[float] = []

    def open_(_verzoek: urllib.request.Request, timeout: float) -> Any:
        gekregen.append(timeout)
        raise TimeoutError("timed out")

    monkeypatch.setattr(cbs_module, "_open", open_)
    with pytest.raises(InvoerFout, match="geen antwoord binnen 30 s"):
        haal_op(2025, "http://127.0.0.1:1/odata", gemeenten=REGISTER)
    # the time left of the one deadline of the whole download
    assert len(gekregen) == 1
    assert 29 < gekregen[0] <= 30.0


def test_a_refused_connection_says_offline() -> None:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    nl, en = _beide(_fout(f"http://127.0.0.1:{poort}/odata"))
    assert nl.startswith("CBS: niet bereikbaar (")
    assert nl.endswith("); offline?; niets geschreven")
    assert en.startswith("CBS: unreachable (")
    assert en.endswith("); offline?; nothing written")


def test_a_connection_closed_without_an_answer(server: Server) -> None:
    server.zet(b"", sluit=True)
    assert _beide(_fout(server.basis)) == (
        "CBS: niet bereikbaar (Remote end closed connection without response); niets geschreven",
        "CBS: unreachable (Remote end closed connection without response); nothing written",
    )


def test_a_response_that_is_not_json_names_its_type(server: Server) -> None:
    server.zet(b"<html>onderhoud</html>", soort="text/html; charset=utf-8")
    assert _beide(_fout(server.basis)) == (
        "CBS: antwoord is geen JSON maar text/html (storing of verkeerde --url?); niets geschreven",
        "CBS: the response is not JSON but text/html (outage or wrong --url?); nothing written",
    )


def test_json_with_a_byte_order_mark_is_read(server: Server) -> None:
    server.zet(b"\xef\xbb\xbf" + _pagina(dict(LEDEN)))
    assert haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER).inwoners == LEDEN


def test_json_without_a_value_list(server: Server) -> None:
    server.zet(b'{"odata.metadata": "x"}')
    assert _beide(_fout(server.basis)) == (
        "CBS: antwoord zonder lijst 'value' (geen OData-tabel); niets geschreven",
        "CBS: response without a 'value' list (not an OData table); nothing written",
    )


# --- the rows ---------------------------------------------------------------------------------


def test_a_base_url_that_is_not_http_is_cut_at_80_characters() -> None:
    basis = "ftp://" + "a" * 100
    with pytest.raises(InvoerFout) as e:
        haal_op(2025, basis, gemeenten=REGISTER)
    begin = "ftp://" + "a" * 74
    assert _beide(e.value) == (
        f"--url moet met http:// of https:// beginnen: '{begin}'",
        f"--url must start with http:// or https://: '{begin}'",
    )


def _met(server: Server, rijen: list[object]) -> InvoerFout:
    server.zet(json.dumps({"value": rijen}).encode("utf-8"))
    return _fout(server.basis)


def test_a_row_that_is_not_an_object(server: Server) -> None:
    assert _beide(_met(server, [_rij("GM0001", 1000), 5])) == (
        "CBS: rij is geen object; niets geschreven",
        "CBS: row is not an object; nothing written",
    )


@pytest.mark.parametrize(
    ("rij", "getoond"),
    [({"BevolkingOp1Januari_1": 5}, ""), (_rij("GM" + "0" * 30, 5), "GM" + "0" * 18)],
    ids=["no-code", "long-code"],
)
def test_a_region_code_that_is_not_gm(server: Server, rij: object, getoond: str) -> None:
    assert _beide(_met(server, [rij])) == (
        f"CBS: regiocode '{getoond}' is geen GM + 4 cijfers; niets geschreven",
        f"CBS: region code '{getoond}' is not GM + 4 digits; nothing written",
    )


def test_a_null_for_a_code_the_registry_does_not_know_is_skipped(server: Server) -> None:
    server.zet(_pagina({**LEDEN, "GM9999": None, "GM0009": None, "GM0010": None}))
    assert haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER).inwoners == LEDEN


def test_unknown_municipalities_are_listed_up_to_five(server: Server) -> None:
    # GM0010 exists only from 2026 on; GM999x never: each a merger the registry lacks
    vreemd = {"GM0010": 5, **{f"GM999{i}": 5000 for i in range(1, 6)}}
    lijst = "GM0010, GM9991, GM9992, GM9993, GM9994"
    assert _beide(_met(server, [_rij(c, w) for c, w in {**vreemd, **LEDEN}.items()])) == (
        f"CBS: {lijst} bestaat niet op 2025-01-01 volgens het gemeenteregister; voeg eerst "
        "de herindeling toe (data/fusies.csv); niets geschreven",
        f"CBS: {lijst} does not exist on 2025-01-01 in the registry; add the merger first "
        "(data/fusies.csv); nothing written",
    )


def test_a_null_for_a_member_in_english(server: Server) -> None:
    assert _met(server, [_rij("GM0003", None)]).tekst("en") == (
        "CBS: no count on 2025-01-01 for Cadier (GM0003); nothing written"
    )


@pytest.mark.parametrize("waarde", [1, MAX_INWONERS])
def test_the_bounds_of_a_count_are_accepted(server: Server, waarde: int) -> None:
    server.zet(_pagina({**LEDEN, "GM0004": waarde}))
    b = haal_op(2025, server.basis, timeout=2, gemeenten=REGISTER)
    assert b.inwoners["GM0004"] == waarde


def test_a_count_over_the_bound_is_refused_showing_20_characters(server: Server) -> None:
    assert _met(server, [_rij("GM0002", MAX_INWONERS + 1)]).tekst("nl") == (
        "CBS: aantal van Borne (GM0002) is geen geheel getal van 1 tot en met 10.000.000: "
        "'10000001'; niets geschreven"
    )
    assert _beide(_met(server, [_rij("GM0002", "1234567890" * 3)])) == (
        "CBS: aantal van Borne (GM0002) is geen geheel getal van 1 tot en met 10.000.000: "
        "'12345678901234567890'; niets geschreven",
        "CBS: count of Borne (GM0002) is not a whole number from 1 to 10,000,000: "
        "'12345678901234567890'; nothing written",
    )


def test_a_municipality_twice_in_english(server: Server) -> None:
    assert _met(server, [_rij("GM0005", 10), _rij("GM0005", 10)]).tekst("en") == (
        "CBS: GM0005 occurs twice; nothing written"
    )


@pytest.mark.parametrize(
    ("geleverd", "nl", "en"),
    [(1, " en nog 2", " and 2 more"), (2, " en nog 1", " and 1 more"), (3, "", "")],
    ids=["seven-missing", "six-missing", "five-missing"],
)
def test_missing_municipalities_name_five_and_count_the_rest(
    server: Server, geleverd: int, nl: str, en: str
) -> None:
    codes = sorted(LEDEN)
    naam = dict(zip(codes, NAMEN, strict=True))
    namen = ", ".join(f"{naam[c]} ({c})" for c in codes[geleverd : geleverd + 5])
    fout = _met(server, [_rij(c, LEDEN[c]) for c in codes[:geleverd]])
    assert _beide(fout) == (
        f"CBS: geen aantal op 2025-01-01 voor {namen}{nl}; niets geschreven",
        f"CBS: no count on 2025-01-01 for {namen}{en}; nothing written",
    )


@pytest.fixture
def geen_http() -> Iterator[int]:
    """A service on loopback that does not speak HTTP (it greets like an SSH server)."""
    luister = socket.create_server(("127.0.0.1", 0))

    def antwoord() -> None:
        while True:
            try:
                verbinding, _ = luister.accept()
            except OSError:
                return
            with verbinding:
                verbinding.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    threading.Thread(target=antwoord, daemon=True).start()
    yield luister.getsockname()[1]
    luister.close()


def test_a_service_that_does_not_speak_http_is_unreachable(geen_http: int) -> None:
    """Errors of ``http.client`` (here a bad status line) are a reason, not a traceback."""
    nl, en = _beide(_fout(f"http://127.0.0.1:{geen_http}/odata"))
    assert nl.startswith("CBS: niet bereikbaar (")
    assert "SSH-2.0" in nl
    assert en.startswith("CBS: unreachable (")


@pytest.mark.parametrize("basis", ["http://127.0.0.1:xx/odata", "http://[::1"])
def test_an_url_that_cannot_be_read_is_a_reason(basis: str) -> None:
    fout = _fout(basis)
    assert str(fout).startswith(("CBS: niet bereikbaar (", "--url is geen geldige URL: "))
    assert fout.en is not None
    assert fout.en.startswith(("CBS: unreachable (", "--url is not a valid URL: "))


def test_an_invalid_url_gives_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from alvrules.cli import main

    assert main(["bevolking", "ophalen", "2025", "--url", "http://[::1"]) == 2
    fout = capsys.readouterr().err.strip()
    assert fout.count("\n") == 0
    assert fout.startswith("alvrules: --url is geen geldige URL: ")
    assert "http://[::1/" in fout


def test_an_unreadable_url_is_shown_cut_at_80_characters() -> None:
    basis = "http://[::1/" + "x" * 100
    fout = _fout(basis)
    getoond = repr(verzoek_url(2025, basis)[:80])
    assert _beide(fout) == (
        f"--url is geen geldige URL: {getoond}",
        f"--url is not a valid URL: {getoond}",
    )
