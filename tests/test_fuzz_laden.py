"""Fuzzing the loader and the checker: a Dossier with a Rapport, or InvoerFout; nothing else.

Arbitrary documents, mutations of the example dossier (a key deleted, a value replaced by
one of another type), arbitrary text as TOML or JSON, and arbitrary bytes on the CLI.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier, lees_dossier
from alvrules.model import InvoerFout
from alvrules.regels import Rapport
from tests.conftest import EXAMPLES

VOORBEELD = tomllib.loads((EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8"))
SLEUTELS = st.sampled_from(
    [
        "vergadering",
        "datum",
        "moties",
        "id",
        "soort",
        "stemmen",
        "ingediend",
        "agendapunten",
        "ondertekening",
        "rol",
        "wijze",
        "preadvies",
        "x",
    ]
)
SCALAIREN = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2023-12-01", "13:00:00", "2023-11-20T13:00:00+01:00", "voor", "fysiek"])
    | st.dates()
    | st.times()
    | st.datetimes()
    | st.datetimes(timezones=st.just(UTC))
)
WAARDEN = st.recursive(
    SCALAIREN,
    lambda kind: (
        st.lists(kind, max_size=4)
        | st.dictionaries(SLEUTELS | st.text(max_size=6), kind, max_size=4)
    ),
    max_leaves=20,
)


def uitkomst(lees: Callable[[], Dossier]) -> str:
    """The fuzz oracle: a dossier whose check gives a Rapport, or a one-line InvoerFout."""
    try:
        dossier = lees()
    except InvoerFout as e:
        melding = str(e)
    else:
        assert isinstance(controleer(dossier), Rapport)
        return "geladen"
    assert melding
    assert "\n" not in melding, melding
    return "InvoerFout"


def laad_en_controleer(data: Any) -> None:
    uitkomst(lambda: lees_dossier(data))


@given(st.dictionaries(SLEUTELS, WAARDEN, max_size=6))
def test_willekeurig_document(data: dict[str, Any]) -> None:
    laad_en_controleer(data)


@given(st.fixed_dictionaries({"vergadering": st.dictionaries(SLEUTELS, WAARDEN, max_size=4)}))
def test_willekeurige_vergadering(data: dict[str, Any]) -> None:
    laad_en_controleer(data)


def plekken(waarde: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``waarde``."""
    uit = [pad] if pad else []
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            uit += plekken(v, (*pad, k))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            uit += plekken(v, (*pad, i))
    return uit


PLEKKEN = plekken(VOORBEELD)


def kopie(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {k: kopie(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [kopie(v) for v in waarde]
    return waarde


@given(st.lists(st.tuples(st.sampled_from(PLEKKEN), st.none() | WAARDEN), min_size=1, max_size=3))
def test_gemuteerd_voorbeeld(mutaties: list[tuple[tuple[Any, ...], Any]]) -> None:
    """Delete a key (None) or replace a value; paths that no longer exist are skipped."""
    data = kopie(VOORBEELD)
    for pad, nieuw in mutaties:
        ouder = data
        try:
            for stap in pad[:-1]:
                ouder = ouder[stap]
            if nieuw is None and isinstance(ouder, dict):
                ouder.pop(pad[-1], None)
            else:
                ouder[pad[-1]] = nieuw
        except (KeyError, IndexError, TypeError):
            continue
    laad_en_controleer(data)


def _bestand(inhoud: bytes, achtervoegsel: str) -> Path:
    f = tempfile.NamedTemporaryFile(suffix=achtervoegsel, delete=False)  # noqa: SIM115
    with f:
        f.write(inhoud)
    return Path(f.name)


@given(st.text(max_size=200), st.sampled_from([".toml", ".json", ".txt"]))
def test_willekeurige_tekst(tekst: str, achtervoegsel: str) -> None:
    pad = _bestand(("[vergadering]\ndatum = 2023-12-01\n" + tekst).encode(), achtervoegsel)
    try:
        laad_dossier(pad)
    except InvoerFout:
        pass
    finally:
        pad.unlink()


@given(
    st.binary(max_size=200) | st.sampled_from([b"", b"{}", b"[]", b"\x00", b"\xef\xbb\xbf{}"]),
    st.sampled_from([".toml", ".json"]),
)
def test_cli_op_willekeurige_bytes(inhoud: bytes, achtervoegsel: str) -> None:
    pad = _bestand(inhoud, achtervoegsel)
    try:
        for formaat in ("text", "json"):
            assert main(["controleer", str(pad), "--format", formaat]) in {0, 1, 2}
    finally:
        pad.unlink()
