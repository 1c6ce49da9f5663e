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

import re
from pathlib import Path

from alvrules.fouten import InvoerFout

__all__ = [
    "MAX_CIJFERS",
    "MAX_GROOTTE",
    "MAX_INWONERS",
    "MAX_OPSOMMING",
    "MAX_SLEUTELDELEN",
    "MAX_SUGGESTIES",
    "MAX_ZOEKWERK",
    "lees_bytes",
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

#: At most this many items are listed in one finding (e.g. the valid agenda ids); the
#: rest is counted ("en nog 40").
MAX_OPSOMMING = 10


def lees_bytes(pad: str | Path, wat: str = "") -> bytes:
    """The bytes of the file at ``pad``, at most :data:`MAX_GROOTTE`; every failure to read
    (missing, a directory, no permission, a NUL byte in the path, too large) is one
    :class:`InvoerFout` naming the file."""
    naam = wat or Path(pad).name
    if "\0" in str(pad):
        raise InvoerFout(
            f"{naam!r}: ongeldige bestandsnaam (bevat een NUL-teken)",
            en=f"{naam!r}: invalid file name (contains a NUL character)",
        )
    try:
        with open(pad, "rb") as f:
            inhoud = f.read(MAX_GROOTTE + 1)
    except OSError as e:
        raise InvoerFout(
            f"{naam}: kan niet lezen: {e.strerror or e}",
            en=f"{naam}: cannot read: {e.strerror or e}",
        ) from None
    except ValueError as e:  # e.g. a path the OS cannot represent
        raise InvoerFout(
            f"{naam}: ongeldige bestandsnaam ({e})", en=f"{naam}: invalid file name ({e})"
        ) from None
    toets_grootte(inhoud, naam)
    return inhoud


def toets_grootte(inhoud: bytes, naam: str) -> None:
    """:class:`InvoerFout` naming ``naam`` when ``inhoud`` exceeds :data:`MAX_GROOTTE`."""
    if len(inhoud) > MAX_GROOTTE:
        mib = MAX_GROOTTE // (1024 * 1024)
        raise InvoerFout(
            f"{naam}: bestand groter dan {mib} MiB", en=f"{naam}: file larger than {mib} MiB"
        )


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
        delen = _SCHEIDING.split(stuk)
        delen[0] = "." * punten + delen[0]
        if max(map(str.count, delen, ["."] * len(delen))) >= MAX_SLEUTELDELEN:  # segments - 1
            regel = tekst.count("\n", 0, m.start()) + 1
            raise InvoerFout(
                f"{naam}: regel {regel} of later: een sleutel met meer dan "
                f"{MAX_SLEUTELDELEN} delen (a.b.c…); dat is geen dossier",
                en=f"{naam}: line {regel} or later: a key of more than "
                f"{MAX_SLEUTELDELEN} parts (a.b.c…); that is not a dossier",
            )
        punten = delen[-1].count(".")
