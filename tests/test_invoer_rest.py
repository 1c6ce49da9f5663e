"""Issue 25, the rest of the list: surrogates at load, ``Perioden`` out of range, the
library's arguments, CLI dates and times, ``bevolking ophalen``'s deadline and redirects,
and ``schrijf_dossier`` writing in one step.

CLI tests run the installed CLI in a subprocess; ``bevolking ophalen`` is tested against
responses served on loopback, as in ``test_cbs_ophalen.py``.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from fractions import Fraction
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import alvrules
from alvrules import cbs as cbs_module
from alvrules.cli import main
from alvrules.fouten import GebruiksFout, InvoerFout
from alvrules.telling import LiveTelling, tel, tel_keuze, vaststaand
from tests.conftest import DATA as TESTDATA
from tests.conftest import EXAMPLES
from tests.test_invoer_kanalen import CONTROLEER, UITSLAG, _run, _tekst, onleesbare_cijfers

VOORBEELD = EXAMPLES / "najaars-alv-2023.toml"
GEWICHTEN = {"GM0344": 3, "GM0014": 2}


# --- surrogates are refused at load, with their place, in every format ---------------------


def _met_surrogaat(tmp_path: Path) -> Path:
    pad = tmp_path / "alv.json"
    tekst = (
        '{"vergadering": {"datum": "2023-12-01"}, '
        '"moties": [{"id": "M1", "titel": "goed"}, {"id": "M2", "titel": "x\\ud800y"}]}'
    )
    pad.write_text(tekst, encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    ("opdracht", "formaat"),
    [("controleer", f) for f in CONTROLEER]
    + [("uitslag", f) for f in UITSLAG]
    + [("verantwoording", f) for f in ("text", "json", "markdown")],
)
def test_a_lone_surrogate_is_refused_with_its_place(
    tmp_path: Path, opdracht: str, formaat: str
) -> None:
    r = _run(opdracht, str(_met_surrogaat(tmp_path)), "--format", formaat)
    assert r.returncode == 2
    uit = _tekst(r)
    assert "moties[M2].titel" in uit
    assert "losse surrogaat" in uit
    assert "Traceback" not in uit
    if formaat in ("json", "sarif", "gitlab"):
        json.loads(r.stdout)  # one complete JSON document


def test_a_surrogate_in_a_key_is_refused_too() -> None:
    with pytest.raises(InvoerFout, match=r"vergadering: een sleutel bevat een losse surrogaat"):
        alvrules.laden.laad_bytes(b'{"vergadering": {"\\udfff": 1}}', "d.json", json_=True)
    # the first place in the file is named
    with pytest.raises(InvoerFout, match=r"^d\.json: vergadering\.naam: "):
        alvrules.laden.laad_bytes(
            b'{"vergadering": {"naam": "\\ud800", "datum": "\\udc00"}}', "d.json", json_=True
        )


@given(
    voor=st.text(alphabet="abc ", max_size=5),
    surrogaat=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    na=st.text(alphabet="abc ", max_size=5),
)
def test_any_lone_surrogate_in_a_title_is_refused(voor: str, surrogaat: str, na: str) -> None:
    """One surrogate between other characters is always lone (a high one followed by a low
    one would be a valid pair: JSON decodes that to one character beyond U+FFFF)."""
    data = {"vergadering": {"datum": "2023-12-01", "naam": f"{voor}{surrogaat}{na}"}}
    tekst = json.dumps(data).encode()  # ensure_ascii: the surrogate as a \\u escape
    with pytest.raises(InvoerFout, match=r"vergadering\.naam"):
        alvrules.laden.laad_bytes(tekst, "d.json", json_=True)
    geldig = json.dumps({"vergadering": {"datum": "2023-12-01", "naam": "\U00010000"}})
    assert alvrules.laden.laad_bytes(geldig.encode(), "d.json", json_=True)


# --- Perioden out of range --------------------------------------------------------------


def _perioden_0000(pad: Path) -> Path:
    pad.write_text(
        "RegioS;Perioden;BevolkingOp1Januari_1\nGM0344;0000JJ00;361966\n", encoding="utf-8"
    )
    return pad


def test_perioden_of_year_zero_is_exit_2_never_a_traceback(tmp_path: Path) -> None:
    bestand = _perioden_0000(tmp_path / "export.csv")
    for formaat in ("text", "json"):
        r = _run("stemgewichten", "2023", "--bevolking", str(bestand), "--format", formaat)
        assert r.returncode == 2
        assert "de Perioden-kolom noemt jaar 0, dat bestaat niet" in _tekst(r)
        assert "Traceback" not in _tekst(r)
    # named by a dossier: a file that cannot be read, exit 2 with the one reason at
    # bevolking.bestand in every format (decision, issue 25; docs/dossier.md)
    dossier = tmp_path / "alv.toml"
    tekst = VOORBEELD.read_text(encoding="utf-8")
    dossier.write_text(f'{tekst}\n[bevolking]\nbestand = "export.csv"\n', encoding="utf-8")
    for opdracht, formaten in (("controleer", CONTROLEER), ("uitslag", UITSLAG)):
        for formaat in formaten:
            r = _run(opdracht, str(dossier), "--format", formaat)
            assert "Traceback" not in _tekst(r)
            onleesbare_cijfers(
                r, formaat, "export.csv: de Perioden-kolom noemt jaar 0, dat bestaat niet"
            )
    # the other ways a CSV cannot be read as figures: the same exit 2 and one line
    anders: dict[str, bytes | None] = {
        "ontbreekt.csv": None,
        "map.csv": None,
        "leeg.csv": b"",
        "kolommen.csv": b"a,b\n1,2\n",
        "getal.csv": b"code,naam,inwoners\nGM0344,Utrecht,veel\n",
        "peildatum.csv": b"code,naam,inwoners\nGM0344,Utrecht,361966\n",
        "perioden.csv": b"RegioS;Perioden;BevolkingOp1Januari_1\nGM0344;2023XX00;361966\n",
        "groot.csv": b"code,naam,inwoners\n" + b"#" * (5 << 20),
        "surrogaat.csv": "code,naam,inwoners\nGM0344,\udc80,1\n".encode("utf-8", "surrogatepass"),
    }
    (tmp_path / "map.csv").mkdir()
    for naam, inhoud in anders.items():
        if inhoud is not None:
            (tmp_path / naam).write_bytes(inhoud)
        dossier.write_text(f'{tekst}\n[bevolking]\nbestand = "{naam}"\n', encoding="utf-8")
        for opdracht, formaat in (
            ("controleer", "text"),
            ("controleer", "sarif"),
            ("uitslag", "json"),
        ):
            r = _run(opdracht, str(dossier), "--format", formaat)
            assert "Traceback" not in _tekst(r), naam
            onleesbare_cijfers(r, formaat, naam)


# --- the library validates its arguments ------------------------------------------------------


def _dossier() -> alvrules.Dossier:
    return alvrules.Dossier(vergadering=alvrules.Vergadering(datum="2023-12-01"))


AANROEPEN: dict[str, Callable[[], object]] = {
    "controleer(None)": lambda: alvrules.controleer(None),  # type: ignore[arg-type]
    "controleer(bevolking=5)": lambda: alvrules.controleer(_dossier(), bevolking=5),  # type: ignore[arg-type]
    "controleer_motie(None)": lambda: alvrules.controleer_motie(
        None,  # type: ignore[arg-type]
        vergadering=alvrules.Vergadering(datum="2023-12-01"),
    ),
    "controleer_amendement(vergadering=None)": lambda: alvrules.controleer_amendement(
        alvrules.Amendement(id="A1"),
        vergadering=None,  # type: ignore[arg-type]
    ),
    "stemgewichten(None)": lambda: alvrules.stemgewichten(None),  # type: ignore[arg-type]
    "stemgewichten('2023-06-01')": lambda: alvrules.stemgewichten("2023-06-01"),  # type: ignore[arg-type]
    "stemgewichten(bevolking=5)": lambda: alvrules.stemgewichten(
        date(2023, 6, 1),
        bevolking=5,  # type: ignore[arg-type]
    ),
    "procedure_op(None)": lambda: alvrules.procedure_op(None),  # type: ignore[arg-type]
    "is_werkdag(None)": lambda: alvrules.is_werkdag(None),  # type: ignore[arg-type]
    "werkdagen_voor(d, '3')": lambda: alvrules.werkdagen_voor(date(2023, 12, 1), "3"),  # type: ignore[arg-type]
    "lees_bevolking(None)": lambda: alvrules.lees_bevolking(None),  # type: ignore[arg-type]
    "laad_dossier(None)": lambda: alvrules.laad_dossier(None),  # type: ignore[arg-type]
    "schrijf_dossier(None)": lambda: alvrules.schrijf_dossier(None, "x.toml"),  # type: ignore[arg-type]
    "LiveTelling(None)": lambda: LiveTelling(None),  # type: ignore[arg-type]
    "LiveTelling(3/2)": lambda: LiveTelling(GEWICHTEN, meerderheid=Fraction(3, 2)),
    "LiveTelling(0)": lambda: LiveTelling(GEWICHTEN, meerderheid=Fraction(0)),
    "LiveTelling(0.5)": lambda: LiveTelling(GEWICHTEN, meerderheid=0.5),  # type: ignore[arg-type]
    "LiveTelling(leden=-5)": lambda: LiveTelling(GEWICHTEN, leden=-5),
    "LiveTelling(leden=0)": lambda: LiveTelling(GEWICHTEN, leden=0),
    "LiveTelling(leden=True)": lambda: LiveTelling(GEWICHTEN, leden=True),
    "tel(3/2)": lambda: tel(GEWICHTEN, [], meerderheid=Fraction(3, 2)),
    "tel(leden=-1)": lambda: tel(GEWICHTEN, [], leden=-1),
    "tel_keuze(-1/2)": lambda: tel_keuze(GEWICHTEN, [], ["a"], meerderheid=Fraction(-1, 2)),
    "vaststaand(2)": lambda: vaststaand(0, 0, 5, meerderheid=Fraction(2)),
}


@pytest.mark.regel("STM05")
@pytest.mark.parametrize("aanroep", AANROEPEN)
def test_a_public_entry_point_refuses_a_wrong_argument_with_gebruiksfout(aanroep: str) -> None:
    with pytest.raises(GebruiksFout):
        AANROEPEN[aanroep]()


@pytest.mark.regel("STM05")
def test_the_issues_live_tally_no_longer_says_adopted_before_any_ballot() -> None:
    with pytest.raises(GebruiksFout, match="meerderheid moet tussen 0 en 1"):
        LiveTelling(GEWICHTEN, meerderheid=Fraction(3, 2), leden=-5)
    with pytest.raises(GebruiksFout, match="leden"):
        LiveTelling(GEWICHTEN, meerderheid=Fraction(1, 2), leden=-5)


@pytest.mark.regel("STM05")
@given(teller=st.integers(-5, 12), noemer=st.integers(1, 6))
def test_a_majority_is_accepted_exactly_in_zero_to_one(teller: int, noemer: int) -> None:
    m = Fraction(teller, noemer)
    if 0 < m <= 1:
        live = LiveTelling(GEWICHTEN, meerderheid=m)
        assert live.uitslag.voor == 0
        assert tel(GEWICHTEN, [], meerderheid=m).voor == 0
    else:
        with pytest.raises(GebruiksFout):
            LiveTelling(GEWICHTEN, meerderheid=m)


# --- CLI: dates in JJJJ-MM-DD only, no empty closing time ----------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["termijnen", "2023-12-01", "--sluitingstijd", ""],
        ["termijnen", "2023-12-01", "--sluitingstijd", "1300"],
        ["termijnen", "2023-W48-5"],
        ["termijnen", "20231201"],
        ["stemgewichten", "2023-W48-5"],
        ["stemgewichten", "2023", "--bevolking", "x.csv", "--peildatum", "2022W015"],
    ],
)
def test_a_date_or_time_in_another_form_is_exit_2(argv: list[str]) -> None:
    for formaat in ("text", "json"):
        r = _run(*argv, "--format", formaat)
        assert r.returncode == 2, _tekst(r)
        assert "verwacht JJJJ-MM-DD" in _tekst(r) or "verwacht UU:MM" in _tekst(r)
        if formaat == "json":
            assert json.loads(r.stdout)["fout"]


@pytest.mark.parametrize("tijd", ["", "1300"])
def test_nieuw_refuses_an_empty_closing_time(tijd: str) -> None:
    """``nieuw --sluitingstijd ""`` wrote the template with the procedure's time (exit 0)."""
    r = _run("nieuw", "2026-06-17", "--sluitingstijd", tijd)
    assert r.returncode == 2, _tekst(r)
    assert "verwacht UU:MM" in _tekst(r)
    assert not r.stdout


def test_a_closing_time_in_its_form_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termijnen", "2023-12-01", "--sluitingstijd", "13:00", "--format", "json"]) == 0
    assert "13:00" in capsys.readouterr().out


# --- bevolking ophalen: one deadline, redirects only to http(s), huge numbers ------------------


ANTWOORD = (TESTDATA / "cbs" / "03759ned-2025.json").read_bytes()


class _Cbs:
    """What the loopback server does per path: (status, headers, body, seconds per byte)."""

    def __init__(self) -> None:
        self.basis = ""
        self.paden: dict[str, tuple[int, dict[str, str], bytes, float]] = {}


@pytest.fixture
def cbs() -> Iterator[_Cbs]:
    toestand = _Cbs()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            pad = self.path.split("?")[0]
            status, koppen, inhoud, drup = toestand.paden.get(
                pad, (200, {"Content-Type": "application/json"}, ANTWOORD, 0.0)
            )
            try:
                self.send_response(status)
                for k, v in koppen.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                if drup:
                    for i in range(len(inhoud)):
                        self.wfile.write(inhoud[i : i + 1])
                        self.wfile.flush()
                        time.sleep(drup)
                else:
                    self.wfile.write(inhoud)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    toestand.basis = f"http://127.0.0.1:{server.server_address[1]}/odata"
    yield toestand
    server.shutdown()
    server.server_close()


TABEL = "/odata/03759ned/TypedDataSet"


@pytest.mark.regel("STM02")
def test_a_slow_drip_stops_at_the_total_deadline(cbs: _Cbs) -> None:
    """Each byte comes well within the per-read time-out; the download as a whole does
    not: it stops at ``--timeout`` seconds, not after the whole (hours long) drip."""
    cbs.paden[TABEL] = (200, {"Content-Type": "application/json"}, ANTWOORD, 0.05)
    begin = time.monotonic()
    with pytest.raises(InvoerFout) as e:
        cbs_module.haal_op(2025, cbs.basis, timeout=0.6)
    duur = time.monotonic() - begin
    assert e.value.tekst() == "CBS: geen antwoord binnen 0.6 s; niets geschreven"
    assert duur < 2.0


@pytest.mark.regel("STM02")
def test_a_redirect_to_another_scheme_is_refused(cbs: _Cbs) -> None:
    cbs.paden[TABEL] = (302, {"Location": "ftp://127.0.0.1/inwoners.json"}, b"", 0.0)
    with pytest.raises(InvoerFout) as e:
        cbs_module.haal_op(2025, cbs.basis, timeout=5)
    assert e.value.tekst("en") == (
        "CBS: redirected to an address that does not start with http:// or https://; "
        "nothing written"
    )


@pytest.mark.regel("STM02")
def test_a_redirect_to_http_is_followed(cbs: _Cbs) -> None:
    cbs.paden[TABEL] = (302, {"Location": "/elders"}, b"", 0.0)
    assert len(cbs_module.haal_op(2025, cbs.basis, timeout=5).inwoners) == 342


@pytest.mark.regel("STM02")
def test_a_count_of_5000_digits_is_exit_2(
    cbs: _Cbs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(ANTWOORD)
    tekst = json.dumps(data).replace(str(data["value"][0]["BevolkingOp1Januari_1"]), "9" * 5000, 1)
    cbs.paden[TABEL] = (200, {"Content-Type": "application/json"}, tekst.encode(), 0.0)
    uit = tmp_path / "c.csv"
    argv = ["bevolking", "ophalen", "2025", "--url", cbs.basis, "--uitvoer", str(uit)]
    assert main([*argv, "--format", "json"]) == 2
    fout = json.loads(capsys.readouterr().out)["fout"]
    assert fout == "CBS: antwoord bevat een getal met te veel cijfers; niets geschreven"
    assert not uit.exists()


# --- schrijf_dossier writes in one step ------------------------------------------------------


def test_schrijf_dossier_never_empties_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = tmp_path / "alv.toml"
    pad.write_text("# het oude dossier\n", encoding="utf-8")

    def vol(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", vol)
    with pytest.raises(OSError, match="No space left"):
        alvrules.schrijf_dossier(_dossier(), pad)
    assert pad.read_text(encoding="utf-8") == "# het oude dossier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["alv.toml"]  # no temporary file left


def test_schrijf_dossier_keeps_permissions_and_follows_a_link(tmp_path: Path) -> None:
    echt = tmp_path / "echt.toml"
    echt.write_text("", encoding="utf-8")
    echt.chmod(0o640)
    link = tmp_path / "alv.toml"
    link.symlink_to(echt)
    alvrules.schrijf_dossier(_dossier(), link)
    assert link.is_symlink()
    assert stat.S_IMODE(echt.stat().st_mode) == 0o640
    assert alvrules.laad_dossier(link) == _dossier()
    nieuw = alvrules.schrijf_dossier(_dossier(), tmp_path / "nieuw.json")
    assert alvrules.laad_dossier(nieuw) == _dossier()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alv.toml", "echt.toml", "nieuw.json"]
