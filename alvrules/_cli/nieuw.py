"""``alvrules nieuw DATUM``: a commented dossier template for an ALV (:mod:`alvrules.sjabloon`).

Writes to standard output, or with ``--uitvoer BESTAND`` to a new file: an existing file is
never overwritten (it may be the dossier someone already filled in), that is exit 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from alvrules._cli._uitvoer import tijd
from alvrules._cli.termijnen import _vergaderdatum
from alvrules.model import InvoerFout
from alvrules.sjabloon import sjabloon
from alvrules.teksten import bericht, vertaal


def run(args: argparse.Namespace) -> int:
    dag = _vergaderdatum(args.datum)
    # an empty --sluitingstijd is no time (exit 2), not the procedure's (issue 25)
    sluiting = tijd(args.sluitingstijd, "sluitingstijd") if args.sluitingstijd is not None else None
    tekst = sjabloon(dag, sluiting, taal=args.lang)
    if not args.uitvoer:
        print(tekst, end="")
        return 0
    pad = Path(args.uitvoer)
    try:
        with pad.open("x", encoding="utf-8", newline="") as f:
            f.write(tekst)
    except FileExistsError:
        raise InvoerFout(
            bericht(
                "{pad} bestaat al; kies een andere naam (een bestaand bestand wordt "
                "nooit overschreven)",
                pad=pad,
            ),
        ) from None
    print(
        vertaal(
            args.lang,
            "sjabloon geschreven naar {pad}; controleer het met: alvrules controleer {pad}",
            pad=pad,
        )
    )
    return 0
