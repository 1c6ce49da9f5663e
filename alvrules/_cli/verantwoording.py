"""``alvrules verantwoording DOSSIER``: the accounting for earlier motions (AFD02-AFD04).

Text (Dutch or English labels), JSON (Dutch keys) or Markdown laid out as the annex
"Verantwoording moties": an overview table, then one section per motion under its group.
Every text from the dossier is escaped in Markdown (:func:`alvrules.tekens.markdown`): no
heading, link, raw HTML or forged line comes from input.
Exit 1 when the accounting has errors (warnings allowed).
"""

from __future__ import annotations

import argparse
import textwrap
from itertools import groupby

from alvrules import herkomst
from alvrules._cli._uitvoer import herkomst_van, json_uit, lees_invoer
from alvrules.besluiten import deel_naam
from alvrules.levenscyclus import EerdereDeel, EerdereMotie, Status
from alvrules.tekens import markdown as md
from alvrules.tekens import op_een_regel as een
from alvrules.tekens import regelbegin
from alvrules.verantwoording import Afdoening, Post, Verantwoordingslijst, uit_dossier


def indieners(m: EerdereMotie, en: bool = False) -> str:
    """``Almere en Tilburg``, ``Beesel e.a.``: the submitters as the annex names them
    (``Almere and Tilburg``, ``Beesel et al.`` in English)."""
    namen = list(m.indieners) or ["?"]
    en_, ea = (" and ", " et al.") if en else (" en ", " e.a.")
    tekst = namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])}{en_}{namen[-1]}"
    return f"{tekst}{ea}" if m.en_anderen else tekst


def voorstel(p: Post, en: bool = False) -> str:
    """The proposal in words: ``afdoen`` or ``aanhouden tot …``."""
    woord = {"afdoen": "done with", "aanhouden": "keep open"}[p.voorstel] if en else p.voorstel
    return f"{woord} {p.tot}" if p.tot else woord


_STATUS_EN = {
    "aangenomen": "adopted",
    "verworpen": "rejected",
    "aangehouden": "held",
    "afgedaan": "done with",
    "definitief": "not decided",
    "ingetrokken": "withdrawn",
    "ingediend": "submitted",
}


def delen(m: EerdereMotie, en: bool = False, alleen: tuple[EerdereDeel, ...] | None = None) -> str:
    """Where each part stands: "1e deel aangenomen; 2e deel aangehouden" ("part 1 adopted;
    part 2 held"); only the parts ``alleen`` when given."""
    return "; ".join(
        f"{deel_naam(d.nummer, en)} {_STATUS_EN.get(d.status, d.status) if en else d.status}"
        for d in (m.delen if alleen is None else alleen)
    )


def nog_te_behandelen(m: EerdereMotie, en: bool = False) -> str:
    """Why a held motion is listed: held as a whole, or which parts are held."""
    if m.status is Status.AANGEHOUDEN:
        wat = "held" if en else "aangehouden"
    else:
        wat = delen(m, en, m.aangehouden_delen)
    vergadering = f" ({'ALV of' if en else 'ALV van'} {m.vergadering})" if m.vergadering else ""
    return f"{m.id}  {indieners(m, en)}: “{m.titel}”{vergadering}: {wat}"


def _tekst(lijst: Verantwoordingslijst, naam: str, en: bool) -> str:
    kop = "Accounting for motions" if en else "Verantwoording moties"
    regels = [
        een(
            f"{kop}, {naam} ({lijst.vergadering.isoformat()}), "
            f"{'proposal' if en else 'voorstel'} {lijst.voorstel} (AFD04)"
        ),
        f"{len(lijst.posten)} {'motions' if en else 'moties'}: "
        f"{lijst.afdoen} {'done with' if en else 'afdoen'}, "
        f"{lijst.aanhouden} {'kept open' if en else 'aanhouden'}",
    ]
    for p in lijst.posten:
        m = p.motie
        sinds = f"  [{'kept open since' if en else 'aangehouden sinds'} {m.aangehouden_sinds}]"
        regels += [
            "",
            een(f"{m.id}  {m.onderwerp or m.groep}{sinds if m.aangehouden_sinds else ''}"),
        ]
        regels.append(een(f"  {indieners(m, en)}: “{m.titel}”"))
        for label, tekst in (
            ("call" if en else "oproep", m.oproep),
            ("account" if en else "verantwoording", p.verantwoording),
        ):
            if tekst:
                regels.append(
                    textwrap.fill(
                        een(f"{label}: {tekst}"),
                        92,
                        initial_indent="  ",
                        subsequent_indent="    ",
                    )
                )
        if m.delen:
            regels.append(een(f"  {'parts' if en else 'delen'}: {delen(m, en)}"))
        reden = f"; {'reason' if en else 'reden'}: {p.reden}" if p.reden else ""
        regels.append(een(f"  {'proposal' if en else 'voorstel'}: {voorstel(p, en)}{reden}"))
    if lijst.te_behandelen:
        regels += [
            "",
            "Still to be dealt with (held at their meeting, AFD05):"
            if en
            else "Nog te behandelen (aangehouden op hun vergadering, AFD05):",
        ]
        regels += [een(f"  {nog_te_behandelen(m, en)}") for m in lijst.te_behandelen]
    return "\n".join(regels)


def _cel(tekst: str) -> str:
    return md(tekst)


def markdown(lijst: Verantwoordingslijst, naam: str) -> str:
    """The list as the annex presents it: overview table, then a section per motion."""
    uit = [
        "# Verantwoording uitvoering moties",
        "",
        f"{md(regelbegin(naam))}, {lijst.vergadering.isoformat()}. "
        f"Voorstel `{lijst.voorstel}` (AFD04, ter besluitvorming): {len(lijst.posten)} moties, "
        f"{lijst.afdoen} afdoen, {lijst.aanhouden} aanhouden.",
        "",
        "| Motie | Indieners | Titel | Voorstel |",
        "|---|---|---|---|",
    ]
    uit += [
        f"| {_cel(p.motie.id)} | {_cel(indieners(p.motie))} | {_cel(p.motie.titel)} "
        f"| {_cel(voorstel(p))} |"
        for p in lijst.posten
    ]
    for groep, posten in groupby(lijst.posten, key=lambda p: p.motie.groep):
        uit += ["", f"## {md(groep) or 'Moties'}"]
        for p in posten:
            m = p.motie
            uit += ["", f"### {md(m.onderwerp or m.titel)}", ""]
            uit.append(
                f"- **Motie en indiener(s):** {md(indieners(m))} “{md(m.titel)}” ({md(m.id)})"
            )
            if m.aangehouden_sinds:
                uit.append(f"- **Aangehouden sinds:** ALV {m.aangehouden_sinds.isoformat()}")
            uit.append(f"- **Oproep (samengevat):** {md(m.oproep)}")
            if m.delen:
                uit.append(f"- **Delen:** {md(delen(m))}")
            uit.append(f"- **Verantwoording:** {md(p.verantwoording)}")
            uit.append(f"- **Voorstel:** {md(voorstel(p))}")
            if p.voorstel is Afdoening.AANHOUDEN or p.reden:
                uit.append(f"- **Reden:** {md(p.reden) if p.reden else '(geen reden gegeven)'}")
    if lijst.te_behandelen:
        uit += ["", "## Nog te behandelen", ""]
        uit += [f"- {md(nog_te_behandelen(m))}" for m in lijst.te_behandelen]
    if lijst.bevindingen.bevindingen:
        uit += ["", "## Bevindingen", ""]
        uit += [f"- {b.regel} ({b.ernst}) {md(b.pad)}: {md(b.melding)}" for b in lijst.bevindingen]
    return "\n".join(uit)


def run(args: argparse.Namespace) -> int:
    invoer = lees_invoer(args.dossier)
    dossier = invoer.dossier
    lijst = uit_dossier(dossier)
    naam = dossier.vergadering.naam
    h = herkomst_van(args, datum=dossier.vergadering.datum, invoer=invoer)
    if args.format == "json":
        json_uit("verantwoording", {**lijst.to_json(args.lang), "herkomst": h})
    elif args.format == "markdown":
        print(markdown(lijst, naam))
        print(f"\n*{md(herkomst.samenvatting(h, args.lang))}*")
    else:
        en = args.lang == "en"
        print(_tekst(lijst, naam, en))
        if lijst.bevindingen.bevindingen:
            print(f"\n{'Findings' if en else 'Bevindingen'}:")
        for b in lijst.bevindingen:
            ernst = b.ernst.en if en else b.ernst.value
            print(een(f"  {b.regel} {ernst}: {b.pad}: {b.tekst(args.lang)}"))
        print(een(herkomst.samenvatting(h, args.lang)))
    return 0 if lijst.bevindingen.geldig else 1
