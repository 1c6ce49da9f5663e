"""Population figures of CBS (Bron: CBS), the input of STM02.

The library ships the figures on 1 January 2022 (CBS table 85067NED) as package data.
Newer figures are read from a CBS StatLine CSV export given by the user
(``alvrules stemgewichten JAAR --bevolking FILE``), so next year needs no new release.

Accepted CSV forms (comma or semicolon separated, UTF-8 with or without BOM):

* the shipped form: ``code,naam,inwoners``;
* a StatLine open-data export: a ``RegioS`` column with ``GMxxxx`` codes (padded or
  not) and a population column (``Inwonertal_*``, ``AantalInwoners_*``,
  ``BevolkingAanHetBeginVanDePeriode_*`` or ``TotaleBevolking_*``); rows of other
  regions (``NL01``, ``PV20``, ``WK…``) are skipped.

The reference date comes from the file name (``…-YYYY-MM-DD.csv``), from a ``Perioden``
column (``2023JJ00`` is 1 January 2023) or from the caller; without one it is an error.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping
from datetime import date
from importlib import resources
from pathlib import Path

from attrs import frozen

from alvrules.grenzen import MAX_CIJFERS, MAX_INWONERS, lees_bytes
from alvrules.model import InvoerFout

__all__ = ["BRON", "Bevolking", "gedeeld", "lees_cbs_csv"]

BRON = "Bron: CBS"
_GEDEELD = "inwoners-2022-01-01.csv"
_KOLOM = re.compile(
    r"^(inwoners|Inwonertal(_\d+)?|AantalInwoners(_\d+)?|"
    r"BevolkingAanHetBeginVanDePeriode(_\d+)?|TotaleBevolking(_\d+)?)$",
    re.IGNORECASE,
)
_CODEKOLOM = ("code", "RegioS", "Codering_3", "Gemeentecode")
_GM = re.compile(r"^GM\d{4}$")
_DATUM_IN_NAAM = re.compile(r"(\d{4}-\d{2}-\d{2})")
_PERIODE = re.compile(r"^(\d{4})(JJ00|MM01|KW01)$")
_AANTAL = re.compile(f"[0-9]{{1,{MAX_CIJFERS}}}")


@frozen
class Bevolking:
    """Inhabitants per CBS code on ``peildatum``."""

    peildatum: date
    inwoners: Mapping[str, int]
    bron: str = BRON


def _peildatum(naam: str, perioden: set[str]) -> date | None:
    if len(perioden) == 1:
        m = _PERIODE.match(next(iter(perioden)))
        if m:
            return date(int(m.group(1)), 1, 1)
    m = _DATUM_IN_NAAM.search(naam)
    return date.fromisoformat(m.group(1)) if m else None


def lees_cbs_csv(tekst: str, naam: str = "", peildatum: date | None = None) -> Bevolking:
    """Parse a CBS CSV export; :class:`InvoerFout` with a Dutch reason when malformed."""
    tekst = tekst.removeprefix("\ufeff")
    if not tekst.strip():
        raise InvoerFout(f"{naam or 'CBS-bestand'}: het bestand is leeg")
    eerste = tekst.splitlines()[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    try:
        return _lees(lezer, eerste, naam, peildatum)
    except csv.Error as e:  # e.g. a field beyond the csv module's size limit
        raise InvoerFout(f"{naam or 'CBS-bestand'}: geen geldige CSV ({e})") from None


def _lees(lezer: csv.DictReader[str], eerste: str, naam: str, peildatum: date | None) -> Bevolking:
    kolommen = [k.strip().strip('"') for k in (lezer.fieldnames or [])]
    codekolom = next((k for k in _CODEKOLOM if k in kolommen), None)
    inwonerkolom = next((k for k in kolommen if _KOLOM.match(k)), None)
    if codekolom is None or inwonerkolom is None:
        raise InvoerFout(
            f"{naam or 'CBS-bestand'}: geen kolom met gemeentecodes (code of RegioS) en "
            f"inwoners (inwoners of Inwonertal_*) gevonden in de kop {eerste[:80]!r}"
        )
    lezer.fieldnames = kolommen
    inwoners: dict[str, int] = {}
    perioden: set[str] = set()
    for regel, rij in enumerate(lezer, start=2):
        code = (rij.get(codekolom) or "").strip()
        if not _GM.match(code):
            continue
        waarde = (rij.get(inwonerkolom) or "").strip()
        if not _AANTAL.fullmatch(waarde) or not 1 <= int(waarde) <= MAX_INWONERS:
            raise InvoerFout(
                f"{naam or 'CBS-bestand'}, regel {regel}: inwoners van {code} is geen "
                f"geheel getal van 1 tot en met {MAX_INWONERS:,}: {waarde[:20]!r}".replace(",", ".")
            )
        if code in inwoners:
            raise InvoerFout(
                f"{naam or 'CBS-bestand'}, regel {regel}: {code} staat er twee keer in"
            )
        inwoners[code] = int(waarde)
        if rij.get("Perioden"):
            perioden.add(str(rij["Perioden"]).strip())
    if not inwoners:
        raise InvoerFout(f"{naam or 'CBS-bestand'}: geen enkele gemeente (GMxxxx) gevonden")
    datum = peildatum or _peildatum(naam, perioden)
    if datum is None:
        raise InvoerFout(
            f"{naam or 'CBS-bestand'}: peildatum onbekend; noem het bestand "
            "inwoners-JJJJ-MM-DD.csv of geef een Perioden-kolom mee"
        )
    return Bevolking(peildatum=datum, inwoners=inwoners)


def lees_bestand(pad: str | Path, peildatum: date | None = None) -> Bevolking:
    """Read a CBS CSV file; unreadable → :class:`InvoerFout`."""
    p = Path(pad)
    try:
        tekst = lees_bytes(p).decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvoerFout(f"{p.name}: geen UTF-8 (byte {e.start})") from None
    return lees_cbs_csv(tekst, p.name, peildatum)


@functools.cache
def gedeeld() -> tuple[Bevolking, ...]:
    """The figures shipped with the library (Bron: CBS)."""
    bestand = resources.files("alvrules") / "data" / _GEDEELD
    return (lees_cbs_csv(bestand.read_text(encoding="utf-8"), _GEDEELD),)
