"""The limits that bound the cost of hostile input, and the guards that enforce them.

The tool is the gate before publication and reads files mailed in by 342 members, so
every accepted file must be processed in time and memory roughly linear in its size
(see "Vijandige invoer" in the docs' quality page). Each limit below is far above what a
real ALV dossier needs; crossing one is :class:`~alvrules.fouten.InvoerFout` (exit 2)
with one line naming the limit.

*Decision*: the dossier stays TOML read by the standard library's :mod:`tomllib` (pure
Python, so it also runs in the browser), and :func:`toml_vooraf` refuses the one shape
whose parse cost is quadratic in its size: a dotted key (or table header) with very many
segments (``a.a.a.….a = 1``: 80 kB took 41 s and 9 GB). Every other shape measured in
``benchmarks/vijandig.py`` parses in linear time.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath

from alvrules.fouten import InvoerFout
from alvrules.teksten import N_, Bericht, Getal, bericht

__all__ = [
    "MAX_BEVINDINGEN_PER_REGEL",
    "MAX_CIJFERS",
    "MAX_GROOTTE",
    "MAX_INWONERS",
    "MAX_OPSOMMING",
    "MAX_SLEUTELDELEN",
    "MAX_SUGGESTIES",
    "MAX_ZOEKWERK",
    "UITVOER_FACTOR",
    "UITVOER_VAST",
    "bijlage_fout",
    "bijlage_reden",
    "is_stdin",
    "lees_bijlage",
    "lees_bytes",
    "lees_stdin",
    "opsomming",
    "toets_grootte",
    "toml_vooraf",
]

#: Largest input file read (dossier, CBS figures), in bytes; a real ALV dossier is well
#: under 100 kB, the CBS file of all municipalities about 15 kB.
MAX_GROOTTE = 5 * 1024 * 1024

#: Segments of one dotted TOML key or table header (``moties.ondertekening.naam`` is 3); the
#: parse cost of a key grows with the square of its segments.
MAX_SLEUTELDELEN = 8

#: Digits of a number written in a dossier or side file (a majority's numerator and
#: denominator, a population count); far below Python's own 4300-digit limit.
MAX_CIJFERS = 9

#: Largest plausible population of one municipality (Amsterdam: about 0.9 million).
MAX_INWONERS = 10_000_000

#: Unknown municipality names per check that get "bedoelt u: …" suggestions.
MAX_SUGGESTIES = 200

#: Characters searched for amendment anchors in one dossier (changes × proposal length);
#: a real ALV searches well under a million. Beyond it AMD04 is one error, not a hang.
MAX_ZOEKWERK = 50_000_000

#: Findings of one rule listed per checked dossier; beyond it one more finding of that rule
#: counts the rest. *Decision* (issue 25): the largest real dossier has a few hundred items,
#: so a real report never reaches it; a file of ten-byte bare motions would otherwise write
#: about one finding per input byte (hundreds of times its size).
MAX_BEVINDINGEN_PER_REGEL = 1000

#: At most this many items are listed in one finding (e.g. the valid agenda ids); the
#: rest is counted ("en 40 meer", :func:`opsomming`).
MAX_OPSOMMING = 10


#: Flags of every open of an input: never block on a FIFO or terminal (``/dev/tty``), never
#: make a terminal the controlling one; absent flags (Windows) are 0.
_OPEN = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)

#: The documented linear bound on what one command writes (stdout and stderr together) for
#: an input of n bytes: ``UITVOER_FACTOR * n + UITVOER_VAST`` (the constant: the receipt,
#: SARIF's rule catalogue, the page's CSS). Checked by ``benchmarks/vijandig.py`` for every
#: command and format on every hostile shape up to :data:`MAX_GROOTTE`, and by the fuzz
#: property ``tests/test_fuzz_uitvoer.py``.
UITVOER_FACTOR = 64
UITVOER_VAST = 1 << 20


def opsomming(
    items: Sequence[str], *, totaal: int | None = None, maximum: int = MAX_OPSOMMING
) -> tuple[str, str]:
    """``items`` as a listing in a message, Dutch and English: at most ``maximum`` of them,
    the rest counted (``"P1, P2, P3 en 40 meer"`` / ``"… and 40 more"``). Every listing
    of input in a message goes through here, so no message grows with the input.
    ``totaal``: the number of items when the caller passes only the first ones (so that
    building the message does not cost time in the length of the whole list)."""
    tekst = reeks(items, totaal=totaal, maximum=maximum)
    if isinstance(tekst, str):
        return tekst, tekst
    return tekst.in_("nl"), tekst.in_("en")


def reeks(
    items: Sequence[str], *, totaal: int | None = None, maximum: int = MAX_OPSOMMING
) -> str | Bericht:
    """:func:`opsomming` as a field of a message (:mod:`alvrules.teksten`): the items, or
    the first ``maximum`` of them and how many more, in the message's language."""
    getoond = ", ".join(items[:maximum])
    rest = (len(items) if totaal is None else totaal) - maximum
    if rest <= 0:
        return getoond
    return bericht("{getoond} en {rest} meer", getoond=getoond, rest=Getal(rest))


def lees_bytes(pad: str | Path, wat: str = "") -> bytes:
    """The bytes of the file at ``pad``, read once, at most :data:`MAX_GROOTTE`; every
    failure to read (missing, a directory, no permission, a NUL byte in the path, too
    large) is one :class:`InvoerFout` naming the file.

    Only a regular file is read: a device (``/dev/tty``, ``/dev/zero``), a FIFO or a socket
    is refused without reading from it (opened without blocking, so nothing hangs). A
    path that *is* standard input (``/dev/stdin``) is for :func:`is_stdin` and
    :func:`lees_stdin`.
    """
    naam = wat or Path(pad).name
    if "\0" in str(pad):
        raise InvoerFout(
            bericht("{naam!r}: ongeldige bestandsnaam (bevat een NUL-teken)", naam=naam),
        )
    try:
        fd = os.open(pad, _OPEN)
    except OSError as e:
        raise InvoerFout(
            bericht("{naam}: kan niet lezen: {waarde}", naam=naam, waarde=e.strerror or e),
        ) from None
    except ValueError as e:  # e.g. a path the OS cannot represent
        raise InvoerFout(bericht("{naam}: ongeldige bestandsnaam ({e})", naam=naam, e=e)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            pijp = stat.S_ISFIFO(st.st_mode)
            raise InvoerFout(
                bericht(
                    "{naam}: geen gewoon bestand ({soort}); geef een pijp als standaardinvoer (-)",
                    naam=naam,
                    soort=_soort(st.st_mode),
                )
                if pijp
                else bericht(
                    "{naam}: geen gewoon bestand ({soort})", naam=naam, soort=_soort(st.st_mode)
                )
            )
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed by f
            inhoud = f.read(MAX_GROOTTE + 1)
    except OSError as e:
        raise InvoerFout(
            bericht("{naam}: kan niet lezen: {waarde}", naam=naam, waarde=e.strerror or e),
        ) from None
    finally:
        if fd >= 0:
            os.close(fd)
    toets_grootte(inhoud, naam)
    return inhoud


def lees_stdin(naam: str = "-") -> bytes:
    """Standard input, read once, at most :data:`MAX_GROOTTE` (:class:`InvoerFout` beyond)."""
    inhoud = sys.stdin.buffer.read(MAX_GROOTTE + 1)
    toets_grootte(inhoud, naam)
    return inhoud


def is_stdin(pad: str | Path) -> bool:
    """Whether ``pad`` is this process's standard input (``/dev/stdin``, ``/dev/fd/0``):
    the same device and inode; a ``stat``, which never blocks."""
    try:
        nul, st = os.fstat(0), os.stat(pad)
    except (OSError, ValueError):
        return False
    return (nul.st_dev, nul.st_ino) == (st.st_dev, st.st_ino)


def _soort(modus: int) -> Bericht:
    for toets, soort in (
        (stat.S_ISDIR, N_("een map")),
        (stat.S_ISFIFO, N_("een FIFO of pijp")),
        (stat.S_ISCHR, N_("een apparaat")),
        (stat.S_ISBLK, N_("een apparaat")),
        (stat.S_ISSOCK, N_("een socket")),
    ):
        if toets(modus):
            return bericht(soort)
    return bericht("onbekende soort")


def bijlage_reden(naam: str) -> Bericht | None:
    """Why ``naam`` cannot be a file named by a dossier (a message), or ``None``.

    A dossier names only files in its own folder or below it: a relative path without
    ``..``, without a drive or backslash (which Windows reads as a separator) and without
    NUL. ``/etc/shadow``, ``../../etc/passwd`` and ``/dev/tty`` are refused by name, before
    anything is opened.
    """
    if not naam.strip():
        return bericht("de bestandsnaam is leeg")
    if "\0" in naam:
        return bericht("de bestandsnaam bevat een NUL-teken")
    posix, windows = PurePosixPath(naam), PureWindowsPath(naam)
    if posix.is_absolute() or windows.drive or windows.root or "\\" in naam:
        return bericht("alleen een bestand in de map van het dossier: geen absoluut pad")
    if ".." in posix.parts:
        return bericht("alleen een bestand in de map van het dossier: geen '..'")
    return None


def bijlage_fout(naam: str) -> tuple[str, str] | None:
    """:func:`bijlage_reden` as (Dutch, English) text, or ``None``. Deprecated since 0.3.0
    (a :class:`DeprecationWarning`): use :func:`bijlage_reden`, a message of the
    catalogue."""
    import warnings  # noqa: PLC0415 - only for the deprecated path

    warnings.warn(
        f"{bijlage_fout.__name__} is deprecated: use {bijlage_reden.__name__} (a message of "
        "the catalogue)",
        DeprecationWarning,
        stacklevel=2,
    )
    reden = bijlage_reden(naam)
    return None if reden is None else (reden.in_("nl"), reden.in_("en"))


def lees_bijlage(map_: str | Path, naam: str) -> bytes:
    """The bytes of the file ``naam`` that a dossier in folder ``map_`` names (read once,
    at most :data:`MAX_GROOTTE`): only a regular file inside ``map_``, also after
    following symbolic links (:func:`bijlage_reden`, :func:`lees_bytes`). Every refusal is
    an :class:`InvoerFout` that names the problem, never the file's content."""
    reden = bijlage_reden(naam)
    if reden is not None:
        raise InvoerFout(bericht("{naam}: {reden}", naam=naam, reden=reden))
    basis = os.path.realpath(map_ or ".")
    echt = os.path.realpath(os.path.join(basis, naam))
    if os.path.commonpath([basis, echt]) != basis:
        raise InvoerFout(
            bericht(
                "{naam}: verwijst (via een symbolische koppeling) buiten de map van het dossier",
                naam=naam,
            ),
        )
    return lees_bytes(echt, naam)


def toets_grootte(inhoud: bytes, naam: str) -> None:
    """:class:`InvoerFout` naming ``naam`` when ``inhoud`` exceeds :data:`MAX_GROOTTE`."""
    if len(inhoud) > MAX_GROOTTE:
        mib = MAX_GROOTTE // (1024 * 1024)
        raise InvoerFout(bericht("{naam}: bestand groter dan {mib} MiB", naam=naam, mib=mib))


# Strings and comments (skipped), and everything else. Each alternative is possessive
# (no backtracking), so the scan is linear; an unterminated string runs to the end of its
# line (or of the file), where tomllib itself stops with an error.
_TOML_STUK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*+(?:"{3,5}|\Z)'
    r"|'''(?:[^']|'(?!''))*+(?:'{3,5}|\Z)"
    r'|"(?:[^"\\\n]|\\[^\n])*+"?'
    r"|'[^'\n]*+'?"
    r"|#[^\n]*+"
    r"|[^\"'#]++",
    re.DOTALL,
)
_SCHEIDING = re.compile(r"[=,\n\[\]{}]")


def toml_vooraf(tekst: str, naam: str) -> None:
    """Refuse TOML whose parse cost would be quadratic: a dotted key or table header of
    more than :data:`MAX_SLEUTELDELEN` segments (counted outside strings and comments,
    between ``=``, ``,``, brackets and line ends)."""
    punten = 0  # dots since the last separator
    for m in _TOML_STUK.finditer(tekst):
        stuk = m.group()
        if stuk[0] in "\"'#":
            continue
        if "." not in stuk:  # most of a dossier: the count restarts at a separator, if any
            if _SCHEIDING.search(stuk):
                punten = 0
            continue
        delen = _SCHEIDING.split(stuk)
        delen[0] = "." * punten + delen[0]
        if max(map(str.count, delen, ["."] * len(delen))) >= MAX_SLEUTELDELEN:  # segments - 1
            regel = tekst.count("\n", 0, m.start()) + 1
            raise InvoerFout(
                bericht(
                    "{naam}: regel {regel} of later: een sleutel met meer dan "
                    "{MAX_SLEUTELDELEN} delen (a.b.c…); dat is geen dossier",
                    naam=naam,
                    regel=regel,
                    MAX_SLEUTELDELEN=MAX_SLEUTELDELEN,
                ),
            )
        punten = delen[-1].count(".")
