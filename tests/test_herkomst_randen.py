"""Edges of the receipt ``herkomst``: its canonical JSON and the summary line a user sees.

Written to kill surviving mutants (mutmut) in herkomst.py. ``catalogus()`` is cached, so
the canonical form is asserted on ``_canoniek`` itself as well as through the recipe that
docs/herkomst.md gives a reader.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from alvrules import herkomst
from alvrules.regels import regels


def test_canoniek_sorteert_zonder_spaties_en_in_utf8() -> None:
    """Sorted keys, no spaces, non-ASCII as UTF-8 (not ``\\u`` escapes): docs, "Herkomst"."""
    data = {"b": [1, "§ é"], "a": {"d": None, "c": True}}
    assert herkomst._canoniek(data) == '{"a":{"c":true,"d":null},"b":[1,"§ é"]}'.encode()


def test_canoniek_is_het_recept_uit_de_documentatie() -> None:
    """The catalogue hash equals what a reader recomputes with the documented recipe."""
    alle = [r.to_json(naam_en=False) for r in regels()]
    tekst = json.dumps(alle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert herkomst._canoniek(alle) == tekst.encode()
    verwacht = hashlib.sha256(tekst.encode()).hexdigest()
    # uncached, so the hash is recomputed through ``_canoniek`` here
    assert herkomst.catalogus.__wrapped__()["sha256"] == verwacht
    assert herkomst.catalogus()["sha256"] == verwacht


def test_tijdstip_zonder_tijdzone_geweigerd() -> None:
    with pytest.raises(ValueError, match=r"^tijdstip zonder tijdzone: "):
        herkomst.herkomst(tijdstip=dt.datetime(2023, 12, 1, 12, 0))


CAT = hashlib.sha256(b"catalogus").hexdigest()
CBS = hashlib.sha256(b"cbs").hexdigest()
INV = hashlib.sha256(b"invoer").hexdigest()

KAAL = {
    "alvrules": "0.1.0",
    "catalogus": {"versie": "2023.1", "regels": 52, "sha256": CAT},
    "procedure": None,
    "bevolking": None,
    "feestdagen": {"van": 1999, "tot_en_met": 2100, "sha256": CAT},
    "invoer": None,
}
VOL = {
    **KAAL,
    "procedure": {"geldig_van": "2024-01-01", "bron": "Statuten art. 10"},
    "bevolking": {"peildatum": "2022-01-01", "bron": "Bron: CBS", "sha256": CBS},
    "invoer": {"naam": "najaars-alv-2023.toml", "sha256": INV},
    "tijdstip": "2023-12-01T12:00:00+01:00",
}
NAAM_MET_REGELEINDE = {**KAAL, "invoer": {"naam": "a\nb.toml", "sha256": INV}}


@pytest.mark.parametrize(
    ("h", "taal", "regel"),
    [
        (KAAL, "nl", f"herkomst: alvrules 0.1.0, catalogus 2023.1 (sha256 {CAT[:12]})"),
        (KAAL, "en", f"provenance: alvrules 0.1.0, catalogue 2023.1 (sha256 {CAT[:12]})"),
        (
            VOL,
            "nl",
            f"herkomst: alvrules 0.1.0, catalogus 2023.1 (sha256 {CAT[:12]}), "
            f"procedure vanaf 2024-01-01, CBS 2022-01-01 (sha256 {CBS[:12]}), "
            f"invoer najaars-alv-2023.toml (sha256 {INV[:12]}), 2023-12-01T12:00:00+01:00",
        ),
        (
            VOL,
            "en",
            f"provenance: alvrules 0.1.0, catalogue 2023.1 (sha256 {CAT[:12]}), "
            f"procedure from 2024-01-01, CBS 2022-01-01 (sha256 {CBS[:12]}), "
            f"input najaars-alv-2023.toml (sha256 {INV[:12]}), 2023-12-01T12:00:00+01:00",
        ),
        (
            NAAM_MET_REGELEINDE,
            "nl",
            f"herkomst: alvrules 0.1.0, catalogus 2023.1 (sha256 {CAT[:12]}), "
            f"invoer a\\nb.toml (sha256 {INV[:12]})",
        ),
    ],
    ids=["kaal-nl", "kaal-en", "vol-nl", "vol-en", "naam-met-regeleinde"],
)
def test_samenvatting(h: dict[str, object], taal: str, regel: str) -> None:
    """The one line at the end of a text or HTML output, for each shape of the receipt."""
    assert herkomst.samenvatting(h, taal) == regel


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_samenvatting_zonder_begindatum_noemt_geen_datum(taal: str) -> None:
    """Issue 26: people read "procedure vanaf 0001-01-01"; a procedure without a known
    start (the first entry, from ``date.min``) is not dated in the human line."""
    h = {**VOL, "procedure": {"geldig_van": "0001-01-01", "bron": "Statuten art. 10"}}
    regel = herkomst.samenvatting(h, taal)
    assert "0001" not in regel
    assert "procedure" not in regel
    assert herkomst.samenvatting(VOL, taal).count("2024-01-01") == 1


def test_samenvatting_standaard_nederlands() -> None:
    assert herkomst.samenvatting(VOL) == herkomst.samenvatting(VOL, "nl")
