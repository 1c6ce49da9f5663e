"""The language of the command line: Dutch by default, English with ``--lang en`` or
``LANG=en*``; argparse's own words (``usage:``, ``the following arguments are required``)
in that language too, from the message catalogue.

argparse looks its messages up through ``argparse._`` (gettext); :func:`argparse_in`
points that at :data:`ARGPARSE` (argparse's message -> its Dutch text, a message of the
catalogue whose English is argparse's own) while the command line is built and parsed,
and puts the original back afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Sequence

from alvrules.teksten import N_, vertaal

__all__ = ["ARGPARSE", "argparse_in", "taal_van"]

#: argparse's messages (Python 3.11-3.13) -> the Dutch message of the catalogue (its English
#: is argparse's message again); anything not listed stays as argparse writes it.
ARGPARSE: dict[str, str] = {
    "usage: ": N_("gebruik: "),
    "positional arguments": N_("argumenten"),
    "options": N_("opties"),
    "optional arguments": N_("optionele argumenten"),
    "show this help message and exit": N_("toon deze hulp en stop"),
    "the following arguments are required: %s": N_("deze argumenten ontbreken: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unrecognized arguments: %s": N_("onbekende argumenten: %s"),
    "expected one argument": N_("verwacht één waarde"),
    "expected at most one argument": N_("verwacht hoogstens één waarde"),
    "expected at least one argument": N_("verwacht ten minste één waarde"),
    "expected %s argument": N_("verwacht %s waarde"),
    "expected %s arguments": N_("verwacht %s waarden"),
    "invalid %(type)s value: %(value)r": N_("ongeldige waarde voor %(type)s: %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "dubbelzinnige optie: %(option)s kan zijn: %(matches)s"
    ),
    "not allowed with argument %s": N_("niet toegestaan samen met %s"),
    "ignored explicit argument %r": N_("genegeerd argument %r"),
    "one of the arguments %s is required": N_("een van deze argumenten is nodig: %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": N_(
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: fout: %(message)s\n"),
    "unexpected option string: %s": N_("onverwachte optie: %s"),
    "can't open '%(filename)s': %(error)s": N_("kan '%(filename)s' niet openen: %(error)s"),
    "subcommands": N_("deelopdrachten"),
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

    def tekst(s: str) -> str:
        return vertaal(taal, ARGPARSE[s]) if s in ARGPARSE else s

    def meervoud(s: str, p: str, n: int) -> str:
        return tekst(s if n == 1 else p)

    argparse._, argparse.ngettext = tekst, meervoud  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = oud_, oud_n  # type: ignore[attr-defined]
