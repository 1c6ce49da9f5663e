"""``alvrules bevolking ophalen JAAR``: CBS's population per municipality on 1 January.

Fetches (:mod:`alvrules.cbs`), checks, then writes the CSV in the shipped form
(``code,naam,inwoners``, sorted by code, UTF-8) to ``--uitvoer`` (default
``inwoners-JAAR-01-01.csv`` in the current folder) and prints the table, the number of
municipalities and the total. Nothing is written when the fetch or a check fails (exit 2).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import tempfile
from pathlib import Path

import attrs

from alvrules import herkomst
from alvrules._cli._uitvoer import herkomst_van, json_uit
from alvrules.bevolking import BRON as BRON_CBS
from alvrules.bevolking import Bevolking
from alvrules.cbs import haal_op, verzoek_url
from alvrules.gemeenten import register
from alvrules.model import InvoerFout
from alvrules.teksten import bericht, vertaal

#: The file written without ``--uitvoer`` (a name, documented in docs/cli.md).
BESTAND = "inwoners-{peildatum}.csv"


def csv_tekst(b: Bevolking) -> str:
    """The figures as the shipped files hold them: ``code,naam,inwoners``, by code."""
    reg = register()
    uit = io.StringIO()
    w = csv.writer(uit, lineterminator="\n")
    w.writerow(["code", "naam", "inwoners"])
    for code in sorted(b.inwoners):
        g = reg.code(code)
        w.writerow([code, g.naam if g else code, b.inwoners[code]])
    return uit.getvalue()


def _schrijf(pad: Path, tekst: str) -> None:
    """Write ``tekst`` to ``pad`` in one step (a temporary file renamed)."""
    map_ = pad.parent if str(pad.parent) else Path()
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", dir=map_)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(tekst)
        Path(tijdelijk).replace(pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"\d{4}", args.jaar.strip()) or not 1900 <= int(args.jaar) <= 2200:
        raise InvoerFout(
            bericht("ongeldig jaar {jaar!r}: verwacht JJJJ", jaar=args.jaar),
        )
    if not args.timeout > 0:
        raise InvoerFout(bericht("--timeout moet groter zijn dan 0"))
    jaar = int(args.jaar)
    b = haal_op(jaar, args.url, timeout=args.timeout)
    pad = Path(args.uitvoer or BESTAND.format(peildatum=b.peildatum.isoformat()))
    tekst = csv_tekst(b)
    _schrijf(pad, tekst)
    totaal = sum(b.inwoners.values())
    geschreven = attrs.evolve(b, bestand=pad.name, sha256=herkomst.sha256(tekst.encode("utf-8")))
    h = herkomst_van(args, bevolking=geschreven)
    if args.format == "json":
        json_uit(
            "bevolking",
            {
                "tabel": b.tabel,
                "peildatum": b.peildatum.isoformat(),
                "gemeenten": len(b.inwoners),
                "inwoners": totaal,
                "uitvoer": str(pad),
                "url": verzoek_url(jaar, args.url),
                "bron": BRON_CBS,
                "herkomst": h,
            },
        )
    else:
        print(
            vertaal(
                args.lang,
                "CBS-tabel {tabel}, peildatum {peildatum}: {gemeenten} gemeenten, "
                "{inwoners} inwoners; geschreven naar {pad} ({bron})",
                tabel=b.tabel,
                peildatum=b.peildatum.isoformat(),
                gemeenten=len(b.inwoners),
                inwoners=totaal,
                pad=pad,
                bron=BRON_CBS,
            )
        )
    if args.format != "json":
        print(herkomst.samenvatting(h, args.lang))
    return 0
