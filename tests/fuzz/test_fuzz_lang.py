"""Long fuzzing of the loader, the checker and the CLI with adversarial input.

Run by hand: ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/fuzz -p no:cacheprovider``
(skipped otherwise). The contract under test (INTERFACES.md): the loader gives a
:class:`Dossier` or raises :class:`InvoerFout` with a one-line reason; :func:`controleer`
never raises on a loaded dossier; every CLI command exits 0, 1 or 2, and with 2 writes a
single line to stderr and never a traceback. Files above :data:`MAX_GROOTTE` are refused
with exit 2.

Input: arbitrary documents with huge strings, deep nesting and wrong types; the example
dossier with its text mutated (bytes inserted, deleted or replaced; timezone offsets
removed; lines duplicated, so TOML keys repeat); JSON with a key given twice; arbitrary
bytes (non-UTF-8); files of up to 10 MB; arbitrary command lines.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import tomllib
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alvrules.cli import main
from alvrules.kalender import VERGADERJAREN
from alvrules.laden import MAX_GROOTTE, laad_dossier, lees_dossier
from tests.conftest import EXAMPLES
from tests.fuzz.teller import tel, voorbeeld
from tests.test_fuzz_laden import plekken, uitkomst

VOORBEELD_TOML = (EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8")
VOORBEELD = tomllib.loads(VOORBEELD_TOML)


def _json(waarde: Any) -> str:
    return json.dumps(waarde, ensure_ascii=False, default=lambda w: w.isoformat())


VOORBEELD_JSON = _json(VOORBEELD)
DOSSIEROPDRACHTEN: list[list[str]] = [
    ["controleer"],
    ["controleer", "--format", "json"],
    ["uitslag", "--format", "json"],
    ["uitslag", "--format", "csv"],
    ["verantwoording", "--format", "markdown", "--lang", "en"],
]


@contextlib.contextmanager
def _bestand(inhoud: bytes, achtervoegsel: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp, f"dossier{achtervoegsel}")
        pad.write_bytes(inhoud)
        yield pad


def cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; exit code, stdout, stderr. Any exception is a crash."""
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = main(list(argv))
        except SystemExit as e:  # argparse: usage errors
            code = int(e.code or 0)
    assert code in {0, 1, 2}, (argv, code)
    if code == 2:  # the one line of the reason, then a line per further problem or file
        assert fout.getvalue().endswith("\n"), fout.getvalue()
        regels = fout.getvalue()[:-1].split("\n")
        assert all(r.isprintable() and r.startswith("alvrules") for r in regels), regels
    assert "Traceback" not in fout.getvalue()
    return code, uit.getvalue(), fout.getvalue()


def laad(test: str, pad: Path) -> None:
    """Load and check ``pad``: a Rapport, or InvoerFout with one line; counted per outcome."""
    tel(test, uitkomst(lambda: laad_dossier(pad)))


def cli_over(test: str, pad: Path, opdrachten: Sequence[list[str]]) -> None:
    for opdracht in opdrachten:
        code, _, _ = cli([opdracht[0], str(pad), *opdracht[1:]])
        tel(test, f"exit {code}")


# -- documents ------------------------------------------------------------------------------

GROTE_TEKST = st.builds(
    lambda teken, n: teken * n,
    st.sampled_from(["a", "é", "\x00", "💩", "\u202e", " ", "\n", "\\"]),
    st.integers(0, 50_000),
)
SCALAIREN = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**200), max_value=2**200)
    | st.floats()
    | st.text()
    | GROTE_TEKST
    | st.sampled_from(
        [
            "2023-12-01",
            "2023-11-20T13:00:00",  # no offset
            "2023-11-20T13:00:00+01:00",
            "2023-11-20 13:00",
            "13:00",
            "24:00:00",
            "0000-01-01",
            "9999-12-31T23:59:59+14:00",
            "voor",
            "burgemeester",
            "GM0344",
        ]
    )
    | st.dates()
    | st.datetimes()
)
SLEUTELS = st.sampled_from(
    sorted(
        {
            *VOORBEELD,
            *(k for v in VOORBEELD.values() if isinstance(v, list) for x in v for k in x),
            "datum",
            "naam",
            "x",
        }
    )
)
WAARDEN = st.recursive(
    SCALAIREN,
    lambda kind: st.lists(kind, max_size=5) | st.dictionaries(SLEUTELS | st.text(), kind),
    max_leaves=30,
)


def _diep(waarde: Any, diepte: int, soort: str) -> Any:
    for _ in range(diepte):
        waarde = [waarde] if soort == "lijst" else {"x": waarde}
    return waarde


DIEP = st.builds(_diep, SCALAIREN, st.integers(1, 3_000), st.sampled_from(["lijst", "tabel"]))


def _vervang(pad: tuple[Any, ...], nieuw: Any) -> dict[str, Any]:
    data = json.loads(VOORBEELD_JSON)
    ouder = data
    with contextlib.suppress(KeyError, IndexError, TypeError):
        for stap in pad[:-1]:
            ouder = ouder[stap]
        ouder[pad[-1]] = nieuw
    return data  # type: ignore[no-any-return]


PLEKKEN = plekken(json.loads(VOORBEELD_JSON))


@given(
    st.dictionaries(SLEUTELS, WAARDEN | DIEP, max_size=8)
    | st.builds(_vervang, st.sampled_from(PLEKKEN), WAARDEN | DIEP)
)
def test_documenten(data: dict[str, Any]) -> None:
    """Parsed documents straight into the loader and the checker."""
    voorbeeld("documenten")
    tel("documenten", uitkomst(lambda: lees_dossier(data)))


@given(st.builds(_vervang, st.sampled_from(PLEKKEN), WAARDEN | DIEP))
def test_documenten_als_json_bestand(data: dict[str, Any]) -> None:
    voorbeeld("documenten_als_json_bestand")
    try:
        tekst = _json(data)
    except (RecursionError, ValueError):  # deeper than json.dumps goes, or NaN keys
        tel("documenten_als_json_bestand", "niet te schrijven")
        return
    with _bestand(tekst.encode("utf-8", "surrogatepass"), ".json") as pad:
        laad("documenten_als_json_bestand", pad)
        cli_over("documenten_als_json_bestand", pad, DOSSIEROPDRACHTEN[:1])


# -- text and bytes -------------------------------------------------------------------------


@st.composite
def gemuteerde_tekst(draw: st.DrawFn, basis: str) -> bytes:
    """The example's text with a few edits: bytes in, out or changed, offsets or lines."""
    data = bytearray(basis.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        soort = draw(st.sampled_from(["invoegen", "schrappen", "vervangen", "offset", "regel"]))
        i = draw(st.integers(0, len(data)))
        if soort == "invoegen":
            data[i:i] = draw(st.binary(min_size=1, max_size=20) | GROTE_TEKST.map(str.encode))
        elif soort == "schrappen":
            del data[i : i + draw(st.integers(1, 200))]
        elif soort == "vervangen":
            data[i : i + 1] = draw(st.binary(min_size=1, max_size=1))
        elif soort == "offset":  # timestamps without offset
            data = bytearray(
                re.sub(rb"[+-]\d\d:\d\d|Z\b", b"", bytes(data), count=draw(st.integers(1, 5)))
            )
        else:  # a line twice: a duplicate key in TOML, a duplicate member in JSON
            regels = bytes(data).split(b"\n")
            j = draw(st.integers(0, len(regels) - 1))
            regels.insert(j, regels[j])
            data = bytearray(b"\n".join(regels))
    return bytes(data)


OPDRACHT = st.sampled_from(DOSSIEROPDRACHTEN[1:])


@given(gemuteerde_tekst(VOORBEELD_TOML), OPDRACHT)
def test_toml_tekst(inhoud: bytes, opdracht: list[str]) -> None:
    voorbeeld("toml_tekst")
    with _bestand(inhoud, ".toml") as pad:
        laad("toml_tekst", pad)
        cli_over("toml_tekst", pad, [DOSSIEROPDRACHTEN[0], opdracht])


JSON_INGESPRONGEN = json.dumps(json.loads(VOORBEELD_JSON), ensure_ascii=False, indent=1)


@given(gemuteerde_tekst(JSON_INGESPRONGEN), OPDRACHT)
def test_json_tekst(inhoud: bytes, opdracht: list[str]) -> None:
    voorbeeld("json_tekst")
    with _bestand(inhoud, ".json") as pad:
        laad("json_tekst", pad)
        cli_over("json_tekst", pad, [DOSSIEROPDRACHTEN[0], opdracht])


@given(st.sampled_from(PLEKKEN), WAARDEN)
def test_json_dubbele_sleutel(pad: tuple[Any, ...], waarde: Any) -> None:
    """A key given twice anywhere in a JSON object is refused, never silently resolved."""
    voorbeeld("json_dubbele_sleutel")
    data = json.loads(VOORBEELD_JSON)
    ouder = data
    for stap in pad[:-1]:
        ouder = ouder[stap]
    if not isinstance(ouder, dict):
        tel("json_dubbele_sleutel", "geen object")
        return
    sleutel = pad[-1]
    ouder[sleutel] = "__DUBBEL__"
    tekst = _json(data).replace(
        _json(sleutel) + ": " + _json("__DUBBEL__"),
        f"{_json(sleutel)}: {_json(waarde)}, {_json(sleutel)}: {_json(waarde)}",
        1,
    )
    with _bestand(tekst.encode("utf-8", "surrogatepass"), ".json") as p:
        code, _, fout = cli(["controleer", str(p)])
        assert code == 2, fout
        tel("json_dubbele_sleutel", f"exit {code}")


@given(
    st.binary(max_size=5000)
    | st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80"]).map(
        lambda b: b + VOORBEELD_TOML.encode()
    ),
    st.sampled_from([".toml", ".json", ".txt", ""]),
    OPDRACHT,
)
def test_bytes(inhoud: bytes, achtervoegsel: str, opdracht: list[str]) -> None:
    voorbeeld("bytes")
    with _bestand(inhoud, achtervoegsel) as pad:
        laad("bytes", pad)
        cli_over("bytes", pad, [DOSSIEROPDRACHTEN[0], opdracht])


# -- size -----------------------------------------------------------------------------------


def _groot(grootte: int) -> bytes:
    """A valid dossier padded with a comment to exactly ``grootte`` bytes."""
    kop = VOORBEELD_TOML.encode() + b"\n# "
    return kop + b"x" * (grootte - len(kop))


@pytest.mark.parametrize(
    ("grootte", "verwacht"),
    [(MAX_GROOTTE, 0), (MAX_GROOTTE + 1, 2), (10_000_000, 2), (10 * 2**20, 2)],
)
def test_grootte(grootte: int, verwacht: int) -> None:
    """Files up to MAX_GROOTTE load; above it the CLI refuses them with exit 2."""
    voorbeeld("grootte")
    for achtervoegsel in (".toml", ".json"):
        inhoud = _groot(grootte) if achtervoegsel == ".toml" else _json_groot(grootte)
        assert len(inhoud) == grootte
        with _bestand(inhoud, achtervoegsel) as pad:
            code, _, fout = cli(["controleer", str(pad)])
            assert code == verwacht, fout
            if verwacht == 2:
                assert "MiB" in fout
            tel("grootte", f"exit {code}")


def _json_groot(grootte: int) -> bytes:
    data = json.loads(VOORBEELD_JSON)
    data["vergadering"]["naam"] = ""
    leeg = len(_json(data).encode())
    data["vergadering"]["naam"] = "x" * (grootte - leeg)
    return _json(data).encode()


@settings(max_examples=25)  # each example writes a file of up to 10 MB
@given(st.integers(MAX_GROOTTE + 1, 10_000_000), st.sampled_from([b"x", b"\xff", b"[", b"{"]))
def test_grote_bestanden(grootte: int, vulling: bytes) -> None:
    voorbeeld("grote_bestanden")
    with _bestand(vulling * grootte, ".json") as pad:
        code, _, _ = cli(["controleer", str(pad)])
        assert code == 2
        tel("grote_bestanden", f"exit {code}")


# -- command lines --------------------------------------------------------------------------

ARGUMENTEN = st.tuples(
    st.sampled_from(["termijnen", "controleer", "stemgewichten", "uitslag", "regels", "rules"]),
    st.lists(
        st.text(max_size=30)
        | st.sampled_from(
            [
                "termijnen",
                "controleer",
                "stemgewichten",
                "uitslag",
                "verantwoording",
                "regels",
                "deadlines",
                "--format",
                "json",
                "ics",
                "--lang",
                "en",
                "--sluitingstijd",
                "13:00",
                "25:00",
                "2023-12-01",
                "1899-12-31",
                "2201-01-01",
                "2023-02-29",
                "2023",
                "-1",
                "SIG01",
                "--bevolking",
                "--peildatum",
                "/dev/null",
                "/",
                str(EXAMPLES / "najaars-alv-2023.toml"),
            ]
        ),
        max_size=6,
    ),
).map(lambda t: [t[0], *t[1]])


@given(ARGUMENTEN)
def test_opdrachtregels(argv: list[str]) -> None:
    voorbeeld("opdrachtregels")
    if "ics" in argv:  # ics writes bytes to sys.stdout.buffer; covered by the CLI tests
        argv = [a for a in argv if a != "ics"]
    code, _, _ = cli(argv)
    tel("opdrachtregels", f"exit {code}")


@given(st.dates(date(1800, 1, 1), date(2300, 12, 31)), st.times())
def test_termijnen_alle_datums(datum: date, tijd: Any) -> None:
    voorbeeld("termijnen_alle_datums")
    code, uit, fout = cli(
        [
            "termijnen",
            datum.isoformat(),
            "--sluitingstijd",
            tijd.strftime("%H:%M"),
            "--format",
            "json",
        ]
    )
    assert code == (0 if datum.year in VERGADERJAREN else 2), fout
    if code == 0:
        for t in json.loads(uit)["termijnen"]:
            moment = t["tijdstip"]
            assert len(moment) == 10 or datetime.fromisoformat(moment).utcoffset() is not None
    tel("termijnen_alle_datums", f"exit {code}")
