"""``alvrules regels [ID]``: the rule catalogue, or one rule with source and explanation."""

from __future__ import annotations

import argparse
import textwrap

from alvrules import herkomst
from alvrules._cli._uitvoer import herkomst_van, json_uit
from alvrules.model import InvoerFout
from alvrules.regels import Regel, bron_in, regels
from alvrules.teksten import bericht, vertaal


def _tekst(r: Regel, taal: str) -> str:
    kop = f"{r.id}  {r.naam_in(taal)}  [{r.ernst.in_(taal)}]"
    delen = [
        kop,
        "  " + vertaal(taal, "bron: {bron}", bron=bron_in(r.bron, taal)),
        textwrap.indent(textwrap.fill(r.uitleg_in(taal), 88), "  "),
    ]
    besluit = r.besluit_in(taal)
    if besluit:
        tekst = vertaal(taal, "Besluit: {besluit}", besluit=besluit)
        delen.append(textwrap.indent(textwrap.fill(tekst, 88), "  "))
    return "\n".join(delen)


def run(args: argparse.Namespace) -> int:
    alle = regels()
    if args.id:
        gekozen = [r for r in alle if r.id == args.id.strip().upper()]
        if not gekozen:
            raise InvoerFout(bericht("onbekende regel {id!r}; zie 'alvrules regels'", id=args.id))
    else:
        gekozen = list(alle)
    h = herkomst_van(args)
    if args.format == "json":
        if args.id:
            json_uit("regel", {**gekozen[0].to_json(args.lang), "herkomst": h})
        else:
            regels_ = [r.to_json(args.lang) for r in gekozen]
            json_uit("regels", {"regels": regels_, "herkomst": h})
        return 0
    if args.id:
        print(_tekst(gekozen[0], args.lang))
    else:
        for r in gekozen:
            naam, ernst = r.naam_in(args.lang), r.ernst.in_(args.lang)
            print(f"{r.id}  {ernst:<12} {naam:<28} {bron_in(r.bron, args.lang)}")
    print(herkomst.samenvatting(h, args.lang))
    return 0
