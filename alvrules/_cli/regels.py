"""``alvrules regels [ID]``: the rule catalogue, or one rule with source and explanation."""

from __future__ import annotations

import argparse
import textwrap

from alvrules import herkomst
from alvrules._cli._uitvoer import herkomst_van, json_uit
from alvrules.model import InvoerFout
from alvrules.regels import Regel, bron_in, regels
from alvrules.teksten import bericht


def _tekst(r: Regel, en: bool) -> str:
    kop = f"{r.id}  {r.naam_en if en else r.naam}  [{r.ernst.en if en else r.ernst.value}]"
    uitleg = r.uitleg_in("en" if en else "nl")
    delen = [
        kop,
        f"  {'source' if en else 'bron'}: {bron_in(r.bron, 'en' if en else 'nl')}",
        textwrap.indent(textwrap.fill(uitleg, 88), "  "),
    ]
    besluit = r.besluit_in("en" if en else "nl")
    if besluit:
        woord = "Decision" if en else "Besluit"
        delen.append(textwrap.indent(textwrap.fill(f"{woord}: {besluit}", 88), "  "))
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
        print(_tekst(gekozen[0], args.lang == "en"))
    else:
        for r in gekozen:
            naam = r.naam_en if args.lang == "en" else r.naam
            ernst = r.ernst.en if args.lang == "en" else r.ernst.value
            print(f"{r.id}  {ernst:<12} {naam:<28} {bron_in(r.bron, args.lang)}")
    print(herkomst.samenvatting(h, args.lang))
    return 0
