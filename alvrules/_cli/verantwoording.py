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
from alvrules.teksten import N_, Datum, Getal, Opsomming, bericht_n, vertaal, vertaal_n
from alvrules.verantwoording import Afdoening, Post, Verantwoordingslijst, uit_dossier


def indieners(m: EerdereMotie, en: bool = False) -> str:
    """``Almere en Tilburg``, ``Beesel e.a.``: the submitters as the annex names them
    (``Almere and Tilburg``, ``Beesel et al.`` in English)."""
    taal = "en" if en else "nl"
    tekst = Opsomming(list(m.indieners) or ["?"]).in_(taal)
    return vertaal(taal, "{namen} e.a.", namen=tekst) if m.en_anderen else tekst


def voorstel(p: Post, en: bool = False) -> str:
    """The proposal in words: ``afdoen`` or ``aanhouden tot …``."""
    woord = vertaal("en" if en else "nl", _VOORSTEL[p.voorstel])
    return f"{woord} {p.tot}" if p.tot else woord


#: Where a part of an earlier motion stands, as a word of the catalogue.
_STATUS = {
    "aangenomen": N_("aangenomen"),
    "verworpen": N_("verworpen"),
    "aangehouden": N_("aangehouden"),
    "afgedaan": N_("afgedaan"),
    "definitief": N_("definitief"),
    "ingetrokken": N_("ingetrokken"),
    "ingediend": N_("ingediend"),
}


def _status(status: str, taal: str) -> str:
    return vertaal(taal, _STATUS[status]) if status in _STATUS else status


def delen(m: EerdereMotie, en: bool = False, alleen: tuple[EerdereDeel, ...] | None = None) -> str:
    """Where each part stands: "1e deel aangenomen; 2e deel aangehouden" ("part 1 adopted;
    part 2 held"); only the parts ``alleen`` when given."""
    taal = "en" if en else "nl"
    return "; ".join(
        f"{deel_naam(d.nummer, taal)} {_status(d.status, taal)}"
        for d in (m.delen if alleen is None else alleen)
    )


def nog_te_behandelen(m: EerdereMotie, en: bool = False) -> str:
    """Why a held motion is listed: held as a whole, or which parts are held."""
    taal = "en" if en else "nl"
    if m.status is Status.AANGEHOUDEN:
        wat = vertaal(taal, "aangehouden")
    else:
        wat = delen(m, en, m.aangehouden_delen)
    vergadering = (
        vertaal(taal, " (ALV van {vergadering})", vergadering=m.vergadering)
        if m.vergadering
        else ""
    )
    return f"{m.id}  {indieners(m, en)}: “{m.titel}”{vergadering}: {wat}"


#: The proposals of the accounting (AFD02), as words of the catalogue.
_VOORSTEL = {Afdoening.AFDOEN: N_("afdoen"), Afdoening.AANHOUDEN: N_("aanhouden")}


def _tekst(lijst: Verantwoordingslijst, naam: str, en: bool) -> str:
    taal = "en" if en else "nl"
    regels = [
        een(
            vertaal(
                taal,
                "Verantwoording moties, {naam} ({datum}), voorstel {voorstel} (AFD04)",
                naam=naam,
                datum=Datum(lijst.vergadering),
                voorstel=lijst.voorstel,
            )
        ),
        vertaal(
            taal,
            "{moties}: {afdoen} afdoen, {aanhouden} aanhouden",
            moties=bericht_n("{n} motie", "{n} moties", len(lijst.posten)),
            afdoen=Getal(lijst.afdoen),
            aanhouden=Getal(lijst.aanhouden),
        ),
    ]
    for p in lijst.posten:
        m = p.motie
        sinds = (
            "  ["
            + vertaal(taal, "aangehouden sinds {datum}", datum=Datum(m.aangehouden_sinds))
            + "]"
            if m.aangehouden_sinds
            else ""
        )
        regels += ["", een(f"{m.id}  {m.onderwerp or m.groep}{sinds}")]
        regels.append(een(f"  {indieners(m, en)}: “{m.titel}”"))
        for label, tekst in ((N_("oproep"), m.oproep), (N_("verantwoording"), p.verantwoording)):
            if tekst:
                regels.append(
                    textwrap.fill(
                        een(f"{vertaal(taal, label)}: {tekst}"),
                        92,
                        initial_indent="  ",
                        subsequent_indent="    ",
                    )
                )
        if m.delen:
            regels.append(een("  " + vertaal(taal, "delen: {delen}", delen=delen(m, en))))
        reden = vertaal(taal, "; reden: {reden}", reden=p.reden) if p.reden else ""
        regels.append(
            een("  " + vertaal(taal, "voorstel: {voorstel}", voorstel=voorstel(p, en)) + reden)
        )
    if lijst.te_behandelen:
        regels += ["", vertaal(taal, "Nog te behandelen (aangehouden op hun vergadering, AFD05):")]
        regels += [een(f"  {nog_te_behandelen(m, en)}") for m in lijst.te_behandelen]
    return "\n".join(regels)


def _cel(tekst: str) -> str:
    return md(tekst)


def markdown(lijst: Verantwoordingslijst, naam: str, taal: str = "nl") -> str:
    """The list as the annex presents it: overview table, then a section per motion."""
    en = taal == "en"

    def _(msgid: str, /, **waarden: object) -> str:
        return vertaal(taal, msgid, **waarden)

    uit = [
        "# " + _("Verantwoording uitvoering moties"),
        "",
        _(
            "{naam}, {datum}. Voorstel `{voorstel}` (AFD04, ter besluitvorming): {moties}, "
            "{afdoen} afdoen, {aanhouden} aanhouden.",
            naam=md(regelbegin(naam)),
            datum=Datum(lijst.vergadering),
            voorstel=lijst.voorstel,
            moties=bericht_n("{n} motie", "{n} moties", len(lijst.posten)),
            afdoen=Getal(lijst.afdoen),
            aanhouden=Getal(lijst.aanhouden),
        ),
        "",
        _("| Motie | Indieners | Titel | Voorstel |"),
        "|---|---|---|---|",
    ]
    uit += [
        f"| {_cel(p.motie.id)} | {_cel(indieners(p.motie, en))} | {_cel(p.motie.titel)} "
        f"| {_cel(voorstel(p, en))} |"
        for p in lijst.posten
    ]
    for groep, posten in groupby(lijst.posten, key=lambda p: p.motie.groep):
        uit += ["", f"## {md(groep) or _('Moties')}"]
        for p in posten:
            m = p.motie
            uit += ["", f"### {md(m.onderwerp or m.titel)}", ""]
            uit.append(
                vertaal_n(
                    taal,
                    "- **Motie en indiener:** {indieners} “{titel}” ({id})",
                    "- **Motie en indieners:** {indieners} “{titel}” ({id})",
                    len(m.indieners) + m.en_anderen,
                    indieners=md(indieners(m, en)),
                    titel=md(m.titel),
                    id=md(m.id),
                )
            )
            if m.aangehouden_sinds:
                uit.append(
                    _("- **Aangehouden sinds:** ALV {datum}", datum=Datum(m.aangehouden_sinds))
                )
            uit.append(_("- **Oproep (samengevat):** {oproep}", oproep=md(m.oproep)))
            if m.delen:
                uit.append(_("- **Delen:** {delen}", delen=md(delen(m, en))))
            uit.append(_("- **Verantwoording:** {tekst}", tekst=md(p.verantwoording)))
            uit.append(_("- **Voorstel:** {voorstel}", voorstel=md(voorstel(p, en))))
            if p.voorstel is Afdoening.AANHOUDEN or p.reden:
                reden = md(p.reden) if p.reden else _("(geen reden gegeven)")
                uit.append(_("- **Reden:** {reden}", reden=reden))
    if lijst.te_behandelen:
        uit += ["", "## " + _("Nog te behandelen"), ""]
        uit += [f"- {md(nog_te_behandelen(m, en))}" for m in lijst.te_behandelen]
    if lijst.bevindingen.bevindingen:
        uit += ["", "## " + _("Bevindingen"), ""]
        uit += [
            f"- {b.regel} ({b.ernst.in_(taal)}) {md(b.pad)}: {md(b.tekst(taal))}"
            for b in lijst.bevindingen
        ]
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
        print(markdown(lijst, naam, args.lang))
        print(f"\n*{md(herkomst.samenvatting(h, args.lang))}*")
    else:
        en = args.lang == "en"
        print(_tekst(lijst, naam, en))
        if lijst.bevindingen.bevindingen:
            print("\n" + vertaal(args.lang, "Bevindingen") + ":")
        for b in lijst.bevindingen:
            ernst = b.ernst.in_(args.lang)
            print(een(f"  {b.regel}  {ernst}: {b.tekst(args.lang)}"))
            print(een("         " + vertaal(args.lang, "pad: {pad}", pad=b.pad)))
        print(een(herkomst.samenvatting(h, args.lang)))
    return 0 if lijst.bevindingen.geldig else 1
