"""Output helpers shared by the CLI's commands: JSON with its receipt, input, dates."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from alvrules import herkomst
from alvrules.model import InvoerFout
from alvrules.teksten import N_, bericht

if TYPE_CHECKING:
    from alvrules.bevolking import Bevolking
    from alvrules.dossier import Dossier

__all__ = [
    "CONTROLE",
    "STROOM",
    "Invoer",
    "cijfers",
    "datum",
    "herkomst_van",
    "json_uit",
    "lees_invoer",
    "moment",
    "opties",
    "tijd",
]

#: Called with (output kind, data) before any JSON is written; the test suite sets it to
#: validate every JSON output against its schema (``alvrules/data/schemas``).
CONTROLE: list[Callable[[str, Any], None]] = []


#: Stands in ``data`` for the list that :func:`json_uit` writes from its ``stroom``.
STROOM = "\0alvrules-stroom\0"


def json_uit(
    soort: str,
    data: dict[str, Any] | list[Any] | str,
    *,
    stroom: Iterator[str] | None = None,
    controle: bool = True,
) -> None:
    """Write the JSON output of kind ``soort`` (UTF-8, not ASCII-escaped) to stdout.

    stdout gets one complete JSON document or nothing: the text is encoded into a spool
    (memory up to :data:`_SPOOL` bytes, a temporary file beyond) and copied to stdout only
    when it is whole, so an error half-way (a character UTF-8 cannot encode) leaves
    stdout empty for the one error object (issue 25: 20 MB of cut-off JSON came first).

    ``stroom``: the JSON text of the items of one list, written in place of the value
    :data:`STROOM` in ``data`` (or as the whole document: ``data`` is :data:`STROOM`) as
    they come (a list too large to hold: SARIF's results, GitLab's issues); its caller
    then validates (``controle``) what it writes itself."""
    import tempfile  # noqa: PLC0415 - only for JSON output (start-up time of the others)

    for toets in CONTROLE if controle else ():
        toets(soort, data)
    # Encoded in pieces of about a megabyte: json.dump writes each token separately (half a
    # million calls for 5 MB), json.dumps holds the whole text and its encoding at once.
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as spool:
        stukken: list[str] = []
        grootte = 0
        for stuk in _json_stukken(data, stroom):
            stukken.append(stuk)
            grootte += len(stuk)
            if grootte >= _STUK:
                spool.write("".join(stukken).encode("utf-8"))
                stukken, grootte = [], 0
        spool.write("".join(stukken).encode("utf-8"))
        spool.seek(0)
        lezer = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        while stuk := lezer.read(_STUK):
            sys.stdout.write(stuk)
        lezer.detach()


def _json_stukken(
    data: dict[str, Any] | list[Any] | str, stroom: Iterator[str] | None
) -> Iterator[str]:
    """The JSON text of ``data`` (indented), with ``stroom`` in place of :data:`STROOM`."""
    plek = json.dumps(STROOM)
    for stuk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        if stroom is not None and stuk == plek:
            yield "["
            yield from stroom
            yield "]"
        else:
            yield stuk
    yield "\n"


#: Size (characters) of one write of :func:`json_uit`.
_STUK = 1 << 20
#: Bytes of JSON kept in memory before the spool of :func:`json_uit` moves to a file.
_SPOOL = 16 << 20


@frozen
class Invoer:
    """A dossier read from a file or from standard input (``-``), with its receipt."""

    dossier: Dossier
    naam: str  # the file name, "-" for standard input
    inhoud: bytes | None  # the bytes read (the dossier and the receipt's hash come from them)
    uri: str | None  # the path as given (with "/"), None for standard input

    @property
    def herkomst(self) -> dict[str, str] | None:
        return None if self.inhoud is None else herkomst.invoer(self.naam, self.inhoud)

    @property
    def tekst(self) -> str | None:
        """The input as text (``None`` when it is not UTF-8 or could not be read)."""
        try:
            return None if self.inhoud is None else self.inhoud.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None


def lees_invoer(argument: str) -> Invoer:
    """Read the dossier named on the command line once; ``-`` (or a path that is standard
    input, such as ``/dev/stdin``) reads standard input. The dossier and the receipt's
    hash come from the same bytes. A device, FIFO or directory is refused (exit 2)."""
    from alvrules import grenzen, laden  # noqa: PLC0415 - the loader only for commands that read a dossier

    if argument == "-" or grenzen.is_stdin(argument):
        gelezen = grenzen.lees_stdin(argument)
        # JSON or TOML by the content; the files it names are in the working directory
        return Invoer(laden.laad_bytes(gelezen, argument), argument, gelezen, None)
    pad = Path(argument)
    dossier, inhoud = laden.laad_bestand(pad)
    return Invoer(dossier, pad.name, inhoud, pad.as_posix())


def cijfers(dossier: Dossier, gegeven: Bevolking | None) -> Bevolking | None:
    """The figures a dossier command uses (the option's, the dossier's, else the shipped
    ones for the meeting's reference date); ``None`` when there are none."""
    from alvrules.bevolking import gedeeld  # noqa: PLC0415
    from alvrules.controle import Context  # noqa: PLC0415
    from alvrules.gewichten import peildatum  # noqa: PLC0415

    ctx = Context.voor(dossier, bevolking=gegeven)
    return ctx.bevolking or gedeeld(peildatum(ctx.datum, ctx.procedure))


def herkomst_van(
    args: argparse.Namespace,
    *,
    datum: date | None = None,
    invoer: Invoer | None = None,
    bevolking: Bevolking | None = None,
) -> dict[str, Any]:
    """The receipt of this run (see :mod:`alvrules.herkomst`); ``--tijdstip`` adds the time."""
    tijdstip = None
    if getattr(args, "tijdstip", False):
        from zoneinfo import ZoneInfo  # noqa: PLC0415

        tijdstip = datetime.now(ZoneInfo("Europe/Amsterdam")).replace(microsecond=0)
    return herkomst.herkomst(
        datum=datum,
        bevolking=herkomst.bevolking(bevolking),
        invoer=invoer.herkomst if invoer else None,
        tijdstip=tijdstip,
        opties=opties(args),
    )


#: The options that change what a command writes or decides, as the receipt names them.
OPTIES = ("format", "lang", "strikt", "sluitingstijd", "peildatum", "bevolking")


def opties(args: argparse.Namespace) -> dict[str, str | bool | int]:
    """The :data:`OPTIES` of this command as given (or defaulted); a file by its name only."""
    uit: dict[str, str | bool | int] = {}
    for naam in OPTIES:
        waarde = getattr(args, naam, None)
        if waarde is None:
            continue
        if naam == "bevolking":
            waarde = Path(str(waarde)).name
        uit[naam] = waarde if isinstance(waarde, str | bool | int) else str(waarde)
    return uit


def telling(aantallen: Mapping[str, int], taal: str) -> str:
    """The tally of a report, singular or plural as the number asks:
    ``1 fout, 2 waarschuwingen, 0 info`` / ``1 error, 2 warnings, 0 info``."""
    from alvrules.teksten import Getal, vertaal, vertaal_n  # noqa: PLC0415

    return vertaal(
        taal,
        "{fouten}, {waarschuwingen}, {info} info",
        fouten=vertaal_n(taal, "{n} fout", "{n} fouten", aantallen["fout"]),
        waarschuwingen=vertaal_n(
            taal, "{n} waarschuwing", "{n} waarschuwingen", aantallen["waarschuwing"]
        ),
        info=Getal(aantallen["info"]),
    )


def moment(waarde: date | datetime | None, taal: str) -> str:
    """A date or a moment as people write it (docs/stijl.md): ``vrijdag 1 december 2023``,
    ``maandag 8 juni 2020, 09.00 uur`` in Dutch time; ``?`` for ``None``."""
    from alvrules.teksten import Moment  # noqa: PLC0415

    return "?" if waarde is None else Moment(waarde).in_(taal)


#: What :func:`datum` and :func:`tijd` read, as their error message names it.
_WAT = {
    "datum": N_("datum"),
    "peildatum": N_("peildatum"),
    "jaar": N_("jaar of vergaderdatum"),
    "tijd": N_("tijd"),
    "sluitingstijd": N_("sluitingstijd"),
}


def datum(tekst: str, wat: str = "datum") -> date:
    """Parse ``JJJJ-MM-DD`` (only that form: not ``2023-W48-5`` or ``20231201``, which
    :meth:`date.fromisoformat` also takes); :class:`InvoerFout` otherwise (``wat``, a key
    of :data:`_WAT`, names the value in the message)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
            raise ValueError(tekst)
        return date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(
            bericht(
                "ongeldige {wat} {tekst!r}: verwacht JJJJ-MM-DD",
                wat=bericht(_WAT[wat]),
                tekst=tekst,
            )
        ) from None


def tijd(tekst: str, wat: str = "tijd") -> time:
    """Parse ``UU:MM`` (or ``UU:MM:SS``); :class:`InvoerFout` otherwise (also for an empty
    text: never silently the default)."""
    try:
        if not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?([+-].*|Z)?", tekst):
            raise ValueError(tekst)
        t = time.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(
            bericht(
                "ongeldige {wat} {tekst!r}: verwacht UU:MM", wat=bericht(_WAT[wat]), tekst=tekst
            )
        ) from None
    if t.tzinfo is not None:
        raise InvoerFout(
            bericht(
                "ongeldige {wat} {tekst!r}: geef de tijd zonder tijdzone (Europe/Amsterdam)",
                wat=bericht(_WAT[wat]),
                tekst=tekst,
            )
        )
    return t
