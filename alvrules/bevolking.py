"""Population figures of CBS (Bron: CBS), the input of STM02.

The library ships CBS's figures on 1 January of several years as package data
(``data/inwoners-JJJJ-01-01.csv``); ``data/bevolking.csv`` names, per file, the CBS table
and product it comes from, its reference date, the number of municipalities and the total
(checked on reading). A newer year is one more file plus one row there, or a file the
user passes: :func:`lees_bevolking` (the CLI's ``--bevolking``, a dossier's
``[bevolking]``), or one fetched with ``alvrules bevolking ophalen`` (:mod:`alvrules.cbs`).

Accepted CSV forms (comma or semicolon separated, UTF-8 with or without BOM):

* the shipped form: ``code,naam,inwoners``;
* a StatLine open-data export: a ``RegioS`` column with ``GMxxxx`` codes (padded or
  not) and a population column (``BevolkingOp1Januari_*``, ``Inwonertal_*``,
  ``AantalInwoners_*``, ``BevolkingAanHetBeginVanDePeriode_*`` or ``TotaleBevolking_*``);
  rows of other regions (``NL01``, ``PV20``, ``WK…``) are skipped, and so are rows of
  table 03759ned that are not the totals of ``Geslacht``, ``Leeftijd`` and
  ``BurgerlijkeStaat``.

The reference date comes from the caller, else from a ``Perioden`` column (``2023JJ00``
is 1 January 2023), else from the file name (``…-JJJJ-MM-DD.csv``); without one it is an
error. A date from the caller that contradicts the ``Perioden`` column is an error too.
An error names the problem (line, column, what was expected), never the file's content: a
dossier may name a file that is not figures at all.

Where the figures come from (``oorsprong``, in every output and the receipt): only the
shipped files (``pakket``) and ``bevolking ophalen``'s checked download (``cbs``) are
labelled :data:`BRON` ("Bron: CBS"); figures from a file the user gives (``bestand``,
``opdrachtregel``, ``dossier``) or made in code (``aanroep``) are :data:`AANGELEVERD`,
named with their file and sha256 (*decision*, docs/besluiten.md).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping
from datetime import date
from os import PathLike
from pathlib import Path

import attrs
from attrs import frozen

from alvrules.fouten import eis
from alvrules.grenzen import MAX_CIJFERS, MAX_GROOTTE, MAX_INWONERS, lees_bijlage, lees_bytes
from alvrules.herkomst import sha256 as _sha256
from alvrules.model import InvoerFout
from alvrules.teksten import N_, Getal, bericht, bericht_n, vertaal
from alvrules.waarden import getypeerd

__all__ = [
    "AANGELEVERD",
    "BRON",
    "MAX_GROOTTE",
    "STATLINE_KOLOM",
    "STATLINE_TABEL",
    "UIT_BESTAND",
    "Bevolking",
    "beschikbaar",
    "gedeeld",
    "geen_cijfers",
    "lees_bevolking",
    "lees_cbs_csv",
]

#: The attribution CBS asks for; Dutch in both languages (docs/stijl.md).
BRON = "Bron: CBS"
#: The label of figures the user supplied (a file, or figures made in code); a message of
#: the catalogue, written in the output's language by :meth:`Bevolking.beschrijving_in`.
AANGELEVERD = N_("Aangeleverd door de gebruiker")
#: ``oorsprong`` of figures read from a file the user names: compared with the shipped
#: figures of the same reference date (STM02).
UIT_BESTAND = frozenset({"bestand", "opdrachtregel", "dossier"})
#: The StatLine table and column for population on 1 January (``bevolking ophalen``).
STATLINE_TABEL = "03759ned"
STATLINE_KOLOM = "BevolkingOp1Januari_1"

_KOLOM = re.compile(
    r"^(inwoners|BevolkingOp1Januari(_\d+)?|Inwonertal(_\d+)?|AantalInwoners(_\d+)?|"
    r"BevolkingAanHetBeginVanDePeriode(_\d+)?|TotaleBevolking(_\d+)?)$",
    re.IGNORECASE,
)
_CODEKOLOM = ("code", "RegioS", "Codering_3", "Gemeentecode")
#: 03759ned's other dimensions: only the row of the total counts.
_TOTAAL = {"Geslacht": "T001038", "Leeftijd": "10000", "BurgerlijkeStaat": "T001019"}
_GM = re.compile(r"^GM\d{4}$")
_DATUM_IN_NAAM = re.compile(r"(\d{4}-\d{2}-\d{2})")
_PERIODE = re.compile(r"^(\d{4})(JJ00|MM01|KW01)$")
_AANTAL = re.compile(f"[0-9]{{1,{MAX_CIJFERS}}}")


@frozen(field_transformer=getypeerd)
class Bevolking:
    """Inhabitants per CBS code on ``peildatum``, with where the figures come from."""

    peildatum: date
    inwoners: Mapping[str, int]
    bron: str = AANGELEVERD  # BRON only for the shipped figures and a checked download
    tabel: str = ""  # CBS table id, e.g. "85984NED" (empty when unknown)
    product: str = ""  # CBS product, e.g. "Kerncijfers wijken en buurten 2024"
    bestand: str = ""  # file name the figures were read from
    sha256: str = ""  # of that file's bytes
    #: pakket, cbs (a checked download), bestand, opdrachtregel, dossier or aanroep (code)
    oorsprong: str = "aanroep"

    @property
    def van_cbs(self) -> bool:
        """Whether these are CBS's figures as shipped or as checked on download."""
        return self.oorsprong in ("pakket", "cbs") and self.bron == BRON

    @property
    def vingerafdruk(self) -> str:
        """The sha256 of the file read; figures made in code are hashed as ``code,inwoners``
        lines sorted by code, under the header ``code,inwoners``."""
        if self.sha256:
            return self.sha256
        regels = "".join(f"{code},{n}\n" for code, n in sorted(self.inwoners.items()))
        return _sha256(("code,inwoners\n" + regels).encode())

    @property
    def beschrijving(self) -> str:
        """``Bron: CBS, Kerncijfers wijken en buurten 2024 (tabel 85984NED)``; supplied
        figures: ``Aangeleverd door de gebruiker: inwoners-2026-01-01.csv (sha256 …)``."""
        return self.beschrijving_in("nl")

    def beschrijving_in(self, taal: str = "nl") -> str:
        """:attr:`beschrijving` in ``taal`` (``nl`` or ``en``); "Bron: CBS" stays Dutch,
        as CBS asks to cite it."""
        if not self.van_cbs:
            bron = vertaal(taal, AANGELEVERD)
            wat = f": {self.bestand}" if self.bestand else ""
            return f"{bron}{wat} (sha256 {self.vingerafdruk[:12]})"
        wat = self.product or self.bestand
        if self.tabel:
            tabel = vertaal(taal, "tabel {tabel}", tabel=self.tabel)
            wat = f"{wat} ({tabel})" if wat else tabel
        return f"{self.bron}, {wat}" if wat else self.bron

    def to_json(self) -> dict[str, object]:
        """The figures as JSON: peildatum, source and inhabitants per CBS code."""
        return {
            "peildatum": self.peildatum.isoformat(),
            "bron": self.beschrijving,
            "oorsprong": self.oorsprong,
            "tabel": self.tabel or None,
            "product": self.product or None,
            "bestand": self.bestand or None,
            "sha256": self.sha256 or None,
            "gemeenten": len(self.inwoners),
            "inwoners": sum(self.inwoners.values()),
        }


def _uit_perioden(wie: str, perioden: set[str]) -> date | None:
    """The reference date of a single ``Perioden`` value (``2023JJ00``), else ``None``."""
    if len(perioden) == 1:
        m = _PERIODE.match(next(iter(perioden)))
        if m:
            jaar = int(m.group(1))
            if jaar < 1:  # 0000JJ00: no such year (date() would raise)
                raise InvoerFout(
                    bericht(
                        "{wie}: de Perioden-kolom noemt jaar {jaar}, dat bestaat niet",
                        wie=wie,
                        jaar=jaar,
                    ),
                )
            return date(jaar, 1, 1)
    return None


def _peildatum(naam: str, perioden: set[str]) -> date | None:
    uit = _uit_perioden(naam or "CBS-bestand", perioden)
    if uit is not None:
        return uit
    m = _DATUM_IN_NAAM.search(naam)
    try:
        return date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        return None


def lees_cbs_csv(tekst: str, naam: str = "", peildatum: date | None = None) -> Bevolking:
    """Parse a CBS CSV export; :class:`InvoerFout` with a Dutch reason when malformed."""
    wie = naam or "CBS-bestand"
    tekst = tekst.removeprefix("\ufeff")
    if not tekst.strip():
        raise InvoerFout(bericht("{wie}: het bestand is leeg", wie=wie))
    eerste = tekst.splitlines()[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    try:
        return _lees(lezer, eerste, naam, peildatum)
    except csv.Error as e:  # e.g. a field beyond the csv module's size limit
        raise InvoerFout(bericht("{wie}: geen geldige CSV ({e})", wie=wie, e=e)) from None


def _lees(lezer: csv.DictReader[str], eerste: str, naam: str, peildatum: date | None) -> Bevolking:
    wie = naam or "CBS-bestand"
    kolommen = [k.strip().strip('"') for k in (lezer.fieldnames or [])]
    codekolom = next((k for k in _CODEKOLOM if k in kolommen), None)
    inwonerkolom = next((k for k in kolommen if _KOLOM.match(k)), None)
    if codekolom is None or inwonerkolom is None:
        raise InvoerFout(
            bericht_n(
                "{wie}: geen kolom met gemeentecodes (code of RegioS) en inwoners (inwoners of "
                "{kolom}) gevonden in de kop (regel 1, {n} kolom)",
                "{wie}: geen kolom met gemeentecodes (code of RegioS) en inwoners (inwoners of "
                "{kolom}) gevonden in de kop (regel 1, {n} kolommen)",
                len(kolommen),
                wie=wie,
                kolom=STATLINE_KOLOM,
            )
        )
    lezer.fieldnames = kolommen
    totaal = {k: v for k, v in _TOTAAL.items() if k in kolommen}
    inwoners: dict[str, int] = {}
    perioden: set[str] = set()
    for regel, rij in enumerate(lezer, start=2):
        code = (rij.get(codekolom) or "").strip()
        if not _GM.match(code):
            continue
        if any((rij.get(k) or "").strip() != v for k, v in totaal.items()):
            continue
        waarde = (rij.get(inwonerkolom) or "").strip()
        if not _AANTAL.fullmatch(waarde) or not 1 <= int(waarde) <= MAX_INWONERS:
            raise InvoerFout(
                bericht(
                    "{wie}, regel {regel}: inwoners van {code} is geen geheel getal van 1 tot en "
                    "met {grens}",
                    wie=wie,
                    regel=regel,
                    code=code,
                    grens=Getal(MAX_INWONERS),
                )
            )
        if code in inwoners:
            raise InvoerFout(
                bericht(
                    "{wie}, regel {regel}: {code} staat er twee keer in",
                    wie=wie,
                    regel=regel,
                    code=code,
                ),
            )
        inwoners[code] = int(waarde)
        if rij.get("Perioden"):
            perioden.add(str(rij["Perioden"]).strip())
    if not inwoners:
        raise InvoerFout(
            bericht("{wie}: geen enkele gemeente (GMxxxx) gevonden", wie=wie),
        )
    uit_bestand = _uit_perioden(wie, perioden)
    if peildatum is not None and uit_bestand is not None and peildatum != uit_bestand:
        raise InvoerFout(
            bericht(
                "{wie}: peildatum {waarde} past niet bij de Perioden-kolom ({waarde2})",
                wie=wie,
                waarde=peildatum.isoformat(),
                waarde2=uit_bestand.isoformat(),
            ),
        )
    datum = peildatum or _peildatum(naam, perioden)
    if datum is None:
        raise InvoerFout(
            bericht(
                "{wie}: peildatum onbekend; noem het bestand "
                "inwoners-JJJJ-MM-DD.csv, geef een Perioden-kolom mee of geef "
                "--peildatum",
                wie=wie,
            ),
        )
    return Bevolking(peildatum=datum, inwoners=inwoners, bestand=naam, oorsprong="bestand")


def lees_bevolking(
    pad: str | Path, peildatum: date | None = None, *, map_: str | Path | None = None
) -> Bevolking:
    """Read the CBS figures in the CSV file ``pad`` (formats: see the module doc), once.

    ``peildatum`` is the reference date when the file does not say it itself. With
    ``map_`` (a dossier's ``[bevolking]``), ``pad`` is a name inside that folder and only a
    regular file there is read (:func:`alvrules.grenzen.lees_bijlage`). The figures are
    labelled as supplied (:data:`AANGELEVERD`), with the file's name and sha256.
    :class:`InvoerFout` (one line, naming the problem, never the content) when the file is
    unreadable, not a regular file, too large (larger than :data:`MAX_GROOTTE`) or
    malformed.
    """
    eis(pad, (str, PathLike), "pad")
    p = Path(pad)
    if map_ is not None:
        naam = str(pad)
        inhoud = lees_bijlage(map_, naam)
    else:
        naam = p.name
        inhoud = lees_bytes(p)
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvoerFout(
            bericht("{naam}: geen UTF-8 (byte {start})", naam=naam, start=e.start)
        ) from None
    b = lees_cbs_csv(tekst, naam, peildatum)
    return attrs.evolve(b, sha256=_sha256(inhoud))


# -- the shipped figures --------------------------------------------------------------------


#: the package's tables (as importlib.resources.files gives them; that import costs start-up)
_DATA = Path(__file__).parent / "data"


@functools.cache
def _verzameling() -> dict[date, dict[str, str]]:
    """``data/bevolking.csv``: peildatum -> its row (bestand, tabel, product, counts)."""
    tekst = (_DATA / "bevolking.csv").read_text("utf-8")
    return {date.fromisoformat(r["peildatum"]): r for r in csv.DictReader(io.StringIO(tekst))}


def beschikbaar() -> tuple[date, ...]:
    """The reference dates of the shipped figures, oldest first."""
    return tuple(sorted(_verzameling()))


@functools.cache
def gedeeld(peildatum: date) -> Bevolking | None:
    """The figures shipped for ``peildatum`` (Bron: CBS), or ``None``."""
    rij = _verzameling().get(peildatum)
    if rij is None:
        return None
    inhoud = (_DATA / rij["bestand"]).read_bytes()
    b = lees_cbs_csv(inhoud.decode("utf-8"), rij["bestand"], peildatum)
    if len(b.inwoners) != int(rij["gemeenten"]) or sum(b.inwoners.values()) != int(
        rij["inwoners"]
    ):  # pragma: no cover - a damaged installation
        raise RuntimeError(
            f"{rij['bestand']}: count or total differs from the index of shipped figures"
        )
    return attrs.evolve(
        b,
        bron=BRON,
        tabel=rij["tabel"],
        product=rij["product"],
        sha256=_sha256(inhoud),
        oorsprong="pakket",
    )


def geen_cijfers(peil: date, beschikbaar: tuple[date, ...] = ()) -> InvoerFout:
    """STM02's error when figures for ``peil`` are missing: what to fetch or export."""
    lijst = ", ".join(d.isoformat() for d in beschikbaar)
    return InvoerFout(
        bericht(
            "geen CBS-cijfers voor peildatum {peildatum} (STM02, Statuten art. 10 lid 3); "
            "haal ze op met 'alvrules bevolking ophalen {jaar} --uitvoer "
            "inwoners-{peildatum}.csv' of exporteer CBS StatLine-tabel "
            "{tabel} (kolommen RegioS en {kolom}, Perioden {jaar}JJ00, "
            "totaal van Geslacht, Leeftijd en BurgerlijkeStaat) en geef het bestand mee met "
            "--bevolking of in het dossier onder [bevolking] (in het pakket: {lijst})",
            peildatum=peil.isoformat(),
            jaar=peil.year,
            tabel=STATLINE_TABEL.upper(),
            kolom=STATLINE_KOLOM,
            lijst=lijst or bericht("geen"),
        ),
        regel="STM02",
    )
