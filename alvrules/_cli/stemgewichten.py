"""``alvrules stemgewichten JAAR``: each member's votes (STM01, STM02) and the total."""

from __future__ import annotations

import argparse
import re
from datetime import date

from alvrules import herkomst
from alvrules._cli._bevolking import bevolking
from alvrules._cli._uitvoer import datum, herkomst_van, json_uit
from alvrules.gewichten import stemgewichten
from alvrules.model import InvoerFout
from alvrules.teksten import bericht


def _vergaderdatum(tekst: str) -> date:
    """``JJJJ`` (members on 1 January of that year) or a meeting date ``JJJJ-MM-DD``."""
    if re.fullmatch(r"\d{4}", tekst.strip()):
        jaar = int(tekst)
        if not 1900 <= jaar <= 2200:
            raise InvoerFout(bericht("onbekend jaar {jaar}", jaar=jaar))
        return date(jaar, 1, 1)
    d = datum(tekst, "jaar of vergaderdatum")
    if not 1900 <= d.year <= 2200:
        raise InvoerFout(f"onbekend jaar {d.year}")
    return d


def run(args: argparse.Namespace) -> int:
    vergaderdatum = _vergaderdatum(args.jaar)
    sg = stemgewichten(vergaderdatum, bevolking=bevolking(args))
    h = herkomst_van(args, datum=vergaderdatum, bevolking=sg.bevolking)
    if args.format == "json":
        json_uit("stemgewichten", {**sg.to_json(), "herkomst": h})
        return 0
    en = args.lang == "en"
    bron = sg.bevolking.beschrijving_in(args.lang) if sg.bevolking else sg.bron
    print(
        f"{'Votes per member, ALV' if en else 'Stemmen per lid, ALV'} {args.jaar} "
        f"({'reference date' if en else 'peildatum'} {sg.peildatum.isoformat()}, {bron})"
    )
    kop = ("municipality", "inhabitants", "votes") if en else ("gemeente", "inwoners", "stemmen")
    b = max(9, len(kop[1]))
    print(f"{'code':<7} {kop[0]:<36} {kop[1]:>{b}} {kop[2]:>7}")
    for g in sg.gewichten:
        noot = " *" if g.voorgangers else ""
        print(f"{g.gemeente.code:<7} {g.gemeente.naam:<36} {g.inwoners:>{b}} {g.stemmen:>7}{noot}")
    totaal = ("members", "total") if en else ("leden", "totaal")
    print(f"{totaal[0]:<7} {len(sg.gewichten):<36} {totaal[1]:>{b}} {sg.totaal:>7}")
    if any(g.voorgangers for g in sg.gewichten):
        print(
            "* including predecessors merged after the reference date (STM02)"
            if en
            else "* inclusief voorgangers die na de peildatum zijn opgegaan (STM02)"
        )
    for v in sg.verdeeld:
        over = ", ".join(g.naam for g in v.over)
        aantal = "?" if v.inwoners is None else str(v.inwoners)
        print(
            f"{v.gemeente.naam} ({v.gemeente.code}, {aantal} inhabitants on "
            f"{sg.peildatum.isoformat()}) was divided among {over}: counted for no member "
            "(STM02)"
            if en
            else f"{v.gemeente.naam} ({v.gemeente.code}, {aantal} inwoners op "
            f"{sg.peildatum.isoformat()}) is verdeeld over {over}: telt bij geen lid mee "
            "(STM02)"
        )
    print(herkomst.samenvatting(h, args.lang))
    return 0
