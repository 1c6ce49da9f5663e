"""The receipt (``herkomst``) of an output: what produced it, so a reader can verify it.

Every JSON output of the CLI carries one ``herkomst`` object; text and HTML outputs end
with a one-line summary of it (:func:`samenvatting`). The fields (docs: "Herkomst"):

``alvrules``
    the package version (:data:`alvrules.__version__`);
``catalogus``
    the rule catalogue: its human ``versie`` (:data:`alvrules.catalogus.VERSIE`), the
    number of ``regels`` and the ``sha256`` of the whole registry as canonical JSON;
``procedure``
    the :class:`~alvrules.procedure.Procedure` in force: ``geldig_van`` and ``bron``;
``bevolking``
    the CBS figures used (STM02): ``peildatum``, ``bron``, ``tabel``, ``product``,
    ``bestand``, the ``sha256`` of the figures' file and ``oorsprong`` (where they came
    from: ``pakket``, ``cbs`` for ``bevolking ophalen``'s checked download, ``opdrachtregel``,
    ``dossier``, ``bestand`` or ``aanroep``; only ``pakket`` and ``cbs`` have ``bron``
    "Bron: CBS"); ``null`` when the output needs no figures or none are known for the
    meeting's reference date;
``feestdagen``
    the shipped Atw holiday table: first and last year and the ``sha256`` of the table;
``tabellen``
    the ``sha256`` of every shipped data table that can decide a result, by file name
    (:func:`tabellen`): members, the register's changes and mergers, aliases, roles,
    holidays, equated days and the index of the shipped figures;
``opties``
    the options of the command that change what it writes or decides (``format``,
    ``lang``, ``strikt``, ``sluitingstijd``, ``peildatum``, ``bevolking``): the same input
    with other options is another result, and the receipt says which;
``invoer``
    for file input, its ``naam`` (the file name, ``-`` for standard input) and the
    ``sha256`` of its bytes;
``tijdstip``
    only when asked for (``--tijdstip``): when the output was made. Without it the same
    input gives byte-identical output.

Everything here is computed from data, never from the clock or the machine.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alvrules.fouten import GebruiksFout
from alvrules.teksten import bericht, vertaal

if TYPE_CHECKING:
    from alvrules.bevolking import Bevolking

__all__ = [
    "bevolking",
    "catalogus",
    "feestdagen",
    "herkomst",
    "invoer",
    "procedure",
    "samenvatting",
    "sha256",
    "tabellen",
    "versie",
]


def _sha256_zonder_openssl() -> Callable[[bytes], Any]:
    """CPython's own sha256 (``_sha256``, ``_sha2`` from 3.12): ``hashlib`` imports OpenSSL's
    ``_hashlib`` first, ±2 ms of every start-up; the digests are the same (test). Another
    Python, or one built without it: ``hashlib``."""
    for naam in ("_sha256", "_sha2"):
        try:
            module = importlib.import_module(naam)
        except ImportError:
            continue
        maak: Callable[[bytes], Any] = module.sha256
        return maak
    import hashlib  # noqa: PLC0415 - only where CPython's own module is missing

    return hashlib.sha256


_SHA256 = _sha256_zonder_openssl()


def sha256(inhoud: bytes) -> str:
    """The sha256 of ``inhoud`` in hexadecimal (as ``sha256sum`` prints it)."""
    uit: str = _SHA256(inhoud).hexdigest()
    return uit


def _canoniek(data: object) -> bytes:
    """JSON with sorted keys, no spaces, UTF-8: the same data gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def versie() -> str:
    """The version of the installed package (its one source: ``alvrules.__version__``)."""
    from alvrules import __version__  # noqa: PLC0415 - avoid a cycle at import time

    return __version__


@functools.cache
def catalogus() -> dict[str, Any]:
    """The catalogue's human version, its number of rules, the hash of the registry (every
    rule as ``regels --format json`` shows it, without ``naam_en``) and the sha256 of each
    translation's ``.po`` file (``vertalingen``), which holds the English of every text,
    ``naam_en`` too. Hashing the file instead of each rule's English keeps a Dutch run from
    reading the translation (issue 26: start-up)."""
    from alvrules.catalogus import VERSIE  # noqa: PLC0415 - the registry only when needed
    from alvrules.regels import regels  # noqa: PLC0415
    from alvrules.teksten import TALEN, catalogusbestand  # noqa: PLC0415

    alle = [r.to_json(naam_en=False) for r in regels()]
    vertalingen = {}
    for taal in TALEN[1:]:
        with open(catalogusbestand(taal), "rb") as f:
            vertalingen[taal] = sha256(f.read())
    return {
        "versie": VERSIE,
        "regels": len(alle),
        "sha256": sha256(_canoniek(alle)),
        "vertalingen": vertalingen,
    }


def procedure(datum: date) -> dict[str, str]:
    """The procedure in force on ``datum``: from when it holds and its source."""
    from alvrules.procedure import procedure_op  # noqa: PLC0415

    p = procedure_op(datum)
    return {"geldig_van": p.geldig_van.isoformat(), "bron": p.bron}


def bevolking(b: Bevolking | None) -> dict[str, Any] | None:
    """The CBS figures ``b`` (STM02) as the receipt names them; ``None`` stays ``None``.

    ``sha256`` is that of the file the figures were read from; figures without a file
    (made in code) are hashed as ``code,inwoners`` lines sorted by code, under the header
    ``code,inwoners``.
    """
    if b is None:
        return None
    return {
        "peildatum": b.peildatum.isoformat(),
        "bron": b.bron,
        "tabel": b.tabel or None,
        "product": b.product or None,
        "bestand": b.bestand or None,
        "sha256": b.vingerafdruk,
        # where the figures came from: pakket, cbs (download), opdrachtregel, dossier, …
        "oorsprong": b.oorsprong,
    }


#: the package's tables (as importlib.resources.files gives them; that import costs start-up)
_DATA = Path(__file__).parent / "data"


@functools.cache
def feestdagen() -> dict[str, Any]:
    """The shipped holiday table: its years and the sha256 of ``data/feestdagen.csv``."""
    from alvrules.kalender import TABELJAREN  # noqa: PLC0415

    tabel = (_DATA / "feestdagen.csv").read_bytes()
    return {"van": TABELJAREN.start, "tot_en_met": TABELJAREN.stop - 1, "sha256": sha256(tabel)}


@functools.cache
def tabellen() -> dict[str, str]:
    """The sha256 of every shipped data table (``alvrules/data/*.csv``) by file name, except
    the figures of one reference date (``inwoners-*.csv``: the file used is named under
    ``bevolking``). A table added to the package is in the receipt without a change here."""
    map_ = _DATA
    namen = sorted(
        p.name
        for p in map_.iterdir()
        if p.name.endswith(".csv") and not p.name.startswith("inwoners-")
    )
    return {naam: sha256((map_ / naam).read_bytes()) for naam in namen}


def invoer(naam: str, inhoud: bytes) -> dict[str, str]:
    """An input file: its name (without directories) and the sha256 of its bytes."""
    return {"naam": naam, "sha256": sha256(inhoud)}


def herkomst(
    *,
    datum: date | None = None,
    bevolking: Mapping[str, Any] | None = None,
    invoer: Mapping[str, str] | None = None,
    tijdstip: datetime | None = None,
    opties: Mapping[str, str | bool | int] | None = None,
) -> dict[str, Any]:
    """The receipt of one output.

    ``datum`` is the meeting date that chose the procedure (``None``: today's procedure is
    not named, e.g. for the catalogue); ``opties`` are the command's options that change
    its output (the CLI gives them; ``{}`` for the library); ``tijdstip`` is added only
    when given.
    """
    uit: dict[str, Any] = {
        "alvrules": versie(),
        "catalogus": catalogus(),
        "procedure": procedure(datum) if datum else None,
        "bevolking": dict(bevolking) if bevolking else None,
        "feestdagen": feestdagen(),
        "invoer": dict(invoer) if invoer else None,
        "tabellen": tabellen(),
        "opties": dict(opties or {}),
    }
    if tijdstip is not None:
        if tijdstip.tzinfo is None:
            raise GebruiksFout(
                bericht("tijdstip zonder tijdzone: {isoformat}", isoformat=tijdstip.isoformat())
            )
        uit["tijdstip"] = tijdstip.isoformat()
    return uit


def samenvatting(h: Mapping[str, Any], taal: str = "nl") -> str:
    """One line for the end of a text or HTML output, e.g.

    ``herkomst: alvrules 0.2.0, catalogus 2023.1 (sha256 1a2b3c4d5e6f), …``.
    """
    from alvrules.bevolking import BRON  # noqa: PLC0415 - start-up time

    c = h["catalogus"]
    delen = [
        f"alvrules {h['alvrules']}",
        vertaal(
            taal,
            "catalogus {versie} (sha256 {sha256})",
            versie=c["versie"],
            sha256=c["sha256"][:12],
        ),
    ]
    procedure = h.get("procedure")
    if procedure and procedure["geldig_van"] != date.min.isoformat():  # a real start only
        delen.append(vertaal(taal, "procedure vanaf {datum}", datum=procedure["geldig_van"]))
    if h.get("bevolking"):
        b = h["bevolking"]
        if b.get("bron") == BRON and b.get("oorsprong", "pakket") in ("pakket", "cbs"):
            wat = "CBS"
        else:  # never "CBS" for figures the user supplied
            wat = vertaal(taal, "bevolking aangeleverd")
        delen.append(f"{wat} {b['peildatum']} (sha256 {b['sha256'][:12]})")
    if h.get("invoer"):
        from alvrules.tekens import terminal  # noqa: PLC0415

        i = h["invoer"]
        naam = terminal(i["naam"]).replace("\n", "\\n")  # a file name is input too
        delen.append(
            vertaal(taal, "invoer {naam} (sha256 {sha256})", naam=naam, sha256=i["sha256"][:12])
        )
    if h.get("tijdstip"):
        delen.append(h["tijdstip"])
    return vertaal(taal, "herkomst: {delen}", delen=", ".join(delen))
