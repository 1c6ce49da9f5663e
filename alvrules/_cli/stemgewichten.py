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
from alvrules.teksten import Datum, Getal, bericht, vertaal


def _vergaderdatum(tekst: str) -> date:
    """``JJJJ`` (members on 1 January of that year) or a meeting date ``JJJJ-MM-DD``."""
    if re.fullmatch(r"\d{4}", tekst.strip()):
        jaar = int(tekst)
        if not 1900 <= jaar <= 2200:
            raise InvoerFout(bericht("onbekend jaar {jaar}", jaar=jaar))
        return date(jaar, 1, 1)
    d = datum(tekst, "jaar")
    if not 1900 <= d.year <= 2200:
        raise InvoerFout(bericht("onbekend jaar {jaar}", jaar=d.year))
    return d


def run(args: argparse.Namespace) -> int:
    vergaderdatum = _vergaderdatum(args.jaar)
    sg = stemgewichten(vergaderdatum, bevolking=bevolking(args))
    h = herkomst_van(args, datum=vergaderdatum, bevolking=sg.bevolking)
    if args.format == "json":
        json_uit("stemgewichten", {**sg.to_json(), "herkomst": h})
        return 0
    taal = args.lang
    bron = sg.bevolking.beschrijving_in(taal) if sg.bevolking else sg.bron
    print(
        vertaal(
            taal,
            "Stemmen per lid, ALV {jaar} (peildatum {peildatum}, {bron})",
            jaar=args.jaar,
            peildatum=Datum(sg.peildatum),
            bron=bron,
        )
    )
    kop = (vertaal(taal, "gemeente"), vertaal(taal, "inwoners"), vertaal(taal, "stemmen"))
    b = max(9, len(kop[1]))
    print(f"{'code':<7} {kop[0]:<36} {kop[1]:>{b}} {kop[2]:>7}")
    for g in sg.gewichten:
        noot = " *" if g.voorgangers else ""
        inwoners = Getal(g.inwoners).in_(taal)
        print(f"{g.gemeente.code:<7} {g.gemeente.naam:<36} {inwoners:>{b}} {g.stemmen:>7}{noot}")
    totaal = (vertaal(taal, "leden"), vertaal(taal, "totaal"))
    stemmen = Getal(sg.totaal).in_(taal)
    print(f"{totaal[0]:<7} {len(sg.gewichten):<36} {totaal[1]:>{b}} {stemmen:>7}")
    if any(g.voorgangers for g in sg.gewichten):
        print(vertaal(taal, "* inclusief voorgangers die na de peildatum zijn opgegaan (STM02)"))
    for v in sg.verdeeld:
        print(
            vertaal(
                taal,
                "{naam} ({code}, {aantal} inwoners op {peildatum}) is verdeeld over {over}: "
                "telt bij geen lid mee (STM02)",
                naam=v.gemeente.naam,
                code=v.gemeente.code,
                aantal="?" if v.inwoners is None else Getal(v.inwoners),
                peildatum=Datum(sg.peildatum),
                over=", ".join(g.naam for g in v.over),
            )
        )
    print(herkomst.samenvatting(h, args.lang))
    return 0
