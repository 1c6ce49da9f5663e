"""``alvrules stemgewichten JAAR``: each member's votes (STM01, STM02) and the total."""

from __future__ import annotations

import argparse
import re
from datetime import date

from alvrules import herkomst
from alvrules._cli._uitvoer import datum, herkomst_van, json_uit
from alvrules.bevolking import lees_bestand
from alvrules.gewichten import stemgewichten
from alvrules.model import InvoerFout


def _vergaderdatum(tekst: str) -> date:
    """``JJJJ`` (members on 1 January of that year) or a meeting date ``JJJJ-MM-DD``."""
    if re.fullmatch(r"\d{4}", tekst.strip()):
        jaar = int(tekst)
        if not 1900 <= jaar <= 2200:
            raise InvoerFout(f"onbekend jaar {jaar}")
        return date(jaar, 1, 1)
    d = datum(tekst, "jaar of vergaderdatum")
    if not 1900 <= d.year <= 2200:
        raise InvoerFout(f"onbekend jaar {d.year}")
    return d


def run(args: argparse.Namespace) -> int:
    vergaderdatum = _vergaderdatum(args.jaar)
    peil = datum(args.peildatum, "peildatum") if args.peildatum else None
    extra = [lees_bestand(args.bevolking, peil)] if args.bevolking else []
    sg = stemgewichten(vergaderdatum, extra)
    h = herkomst_van(args, datum=vergaderdatum, bevolking=True, extra=extra)
    if args.format == "json":
        json_uit("stemgewichten", {**sg.to_json(), "herkomst": h})
        return 0
    en = args.lang == "en"
    print(
        f"{'Votes per member, ALV' if en else 'Stemmen per lid, ALV'} {args.jaar} "
        f"({'reference date' if en else 'peildatum'} {sg.peildatum.isoformat()}, {sg.bron})"
    )
    print(f"{'code':<7} {'gemeente':<36} {'inwoners':>9} {'stemmen':>7}")
    for g in sg.gewichten:
        noot = " *" if g.voorgangers else ""
        print(f"{g.gemeente.code:<7} {g.gemeente.naam:<36} {g.inwoners:>9} {g.stemmen:>7}{noot}")
    print(f"{'leden':<7} {len(sg.gewichten):<36} {'totaal':>9} {sg.totaal:>7}")
    if any(g.voorgangers for g in sg.gewichten):
        print("* inclusief voorgangers die na de peildatum zijn opgegaan (STM02)")
    print(herkomst.samenvatting(h, args.lang))
    return 0
