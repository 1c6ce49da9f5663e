"""The language of the command line: Dutch by default, English with ``--lang en`` or
``LANG=en*``; argparse's own words (``usage:``, ``the following arguments are required``)
in that language too.

argparse looks its messages up through ``argparse._`` (gettext); :func:`argparse_in`
points that at the table below while the command line is built and parsed, and puts the
original back afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Sequence

__all__ = ["argparse_in", "taal_van"]

#: argparse's messages (Python 3.11-3.13) in Dutch; anything not listed stays as it is.
NEDERLANDS: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan zijn: %(matches)s"
    ),
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "genegeerd argument %r",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "subcommands": "opdrachten",
}


def taal_van(argv: Sequence[str], omgeving: dict[str, str] | None = None) -> str:
    """``en`` or ``nl``: ``--lang`` anywhere on the command line, else ``LANG=en*``."""
    for i, a in enumerate(argv):
        optie, gelijk, waarde = a.partition("=")
        if optie == "--lang":
            gekozen = waarde if gelijk else (argv[i + 1] if i + 1 < len(argv) else "")
            if gekozen in ("nl", "en"):
                return gekozen
    lang = (os.environ if omgeving is None else omgeving).get("LANG", "")
    return "en" if lang.lower().startswith("en") else "nl"


@contextlib.contextmanager
def argparse_in(taal: str) -> Iterator[None]:
    """argparse speaks ``taal`` inside the ``with`` block."""
    oud_, oud_n = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    if taal == "nl":
        argparse._ = lambda s: NEDERLANDS.get(s, s)  # type: ignore[attr-defined]
        argparse.ngettext = lambda s, p, n: NEDERLANDS.get(s if n == 1 else p, s if n == 1 else p)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = oud_, oud_n  # type: ignore[attr-defined]
