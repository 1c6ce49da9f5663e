"""``alvrules uitslag DOSSIER``: every stemming's result (STM04-STM11) as the minutes write
it, as JSON (INTERFACES.md), or the per-member voting record (stemgedrag) as CSV or as a
self-contained HTML page (inline CSS, no JavaScript). A CSV cell that starts with
``= + - @``, tab or CR gets a leading apostrophe (:func:`alvrules.tekens.csv_cel`).

Exit 1 when the dossier has errors (e.g. rejected ballots); their findings go to stderr
for csv/html, after the result sheet for text and under ``bevindingen`` in JSON.
"""

from __future__ import annotations

import argparse
import csv
import html
import sys
from typing import Any

from alvrules import herkomst
from alvrules._cli._bevolking import bevolking
from alvrules._cli._uitvoer import cijfers, herkomst_van, json_uit, lees_invoer
from alvrules.bevolking import Bevolking
from alvrules.dossier import Dossier
from alvrules.gemeenten import tooi
from alvrules.gewichten import peildatum
from alvrules.model import InvoerFout, Vergadering
from alvrules.regels import Ernst, bevinding
from alvrules.stemmingen import StemmingSoort, Wijze
from alvrules.tekens import csv_cel, terminal
from alvrules.telling import Uitkomst, percentage
from alvrules.uitslagen import Resultaat, Uitslagen, uitslagen

__all__ = ["run", "zin"]

GEEN_STEM = "niet gestemd"


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


_EN = {
    "uitgesteld (ordemotie ": "postponed (order motion ",
    "bezwaar tegen acclamatie": "objection to acclamation",
    "acclamatie met stemmen": "acclamation with ballots",
}


def _toelichting(tekst: str, en: bool) -> str:
    if en:
        for nl, eng in _EN.items():
            tekst = tekst.replace(nl, eng)
    return tekst


def zin(r: Resultaat, taal: str = "nl") -> str:
    """The outcome in the minutes' wording: "aangenomen met 98,58% van de stemmen"."""
    en = taal == "en"
    s = r.stemming
    if r.uitkomst == Uitkomst.GEEN_BESLUIT and r.toelichting:
        # postponed by an order motion, an objection to acclamation, no majority, a tie
        return f"{'no decision' if en else 'geen besluit'}: {_toelichting(r.toelichting, en)}"
    if s.wijze is Wijze.ACCLAMATIE:
        return "adopted by acclamation" if en else "aangenomen bij acclamatie"
    if r.percentage is None:
        return "no decision: no votes cast" if en else "geen besluit: geen stemmen uitgebracht"
    pct = r.percentage.replace(",", ".") if en else r.percentage
    met = f"with {pct}% of the votes" if en else f"met {pct}% van de stemmen"
    if s.soort in (StemmingSoort.KEUZE, StemmingSoort.VERKIEZING):
        if r.uitkomst == Uitkomst.GEEN_BESLUIT:
            return f"{'no decision' if en else 'geen besluit'}: {r.toelichting}"
        return f"{r.uitkomst} {'elected' if en else 'gekozen'} {met}"
    if r.uitkomst == Uitkomst.GEEN_BESLUIT:
        return f"{'no decision' if en else 'geen besluit'}: {r.toelichting}"
    woord = {"aangenomen": "adopted", "verworpen": "rejected"}[r.uitkomst] if en else r.uitkomst
    return f"{woord} {met}"


def _regel(r: Resultaat, taal: str) -> str:
    s = r.stemming
    wat = s.titel or ", ".join(s.voorstellen) or s.soort.value
    uit = f"{s.id}  {wat}: {zin(r, taal)}"
    en = taal == "en"
    voor, tegen, onthouding = ("for", "against", "abstained") if en else _KEUZEWOORDEN
    if r.opties:
        stemmen = ", ".join(f"{o}: {_getal(n)}" for o, n in r.opties)
        uit += f" ({stemmen}, {onthouding} {_getal(r.onthouding)})"
    elif s.wijze is Wijze.GEWOGEN and r.percentage is not None:
        uit += (
            f" ({voor} {_getal(r.voor)}, {tegen} {_getal(r.tegen)}, "
            f"{onthouding} {_getal(r.onthouding)})"
        )
    if len(s.voorstellen) > 1:
        uit += "; applies to each proposal (STM08)" if en else "; geldt voor elk voorstel (STM08)"
    return uit


_KEUZEWOORDEN = ("voor", "tegen", "onthouding")


def _csv(u: Uitslagen) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["stemming", "code", "tooi", "gemeente", "stemmen", "keuze"])
    for r in u.resultaten:
        if r.stemming.wijze is Wijze.ACCLAMATIE:
            continue
        gedrag = dict(r.stemgedrag)
        for code in sorted(u.gewichten):
            keuze = gedrag.get(code, GEEN_STEM)
            cellen = (r.stemming.id, code, tooi(code), u.namen[code], u.gewichten[code], keuze)
            w.writerow([csv_cel(c) for c in cellen])


_CSS = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font-size:1.6em}h2{font-size:1.1em;margin:1.6em 0 .3em}"
    ".balk{display:flex;height:1.2em;background:#eee;margin:.3em 0}"
    ".voor{background:#2a7}.tegen{background:#c33}.onthouding{background:#999}"
    ".legenda span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em}"
    "table{border-collapse:collapse}td,th{padding:.1em .6em;text-align:left}"
    "td.n{text-align:right}footer{margin-top:2em;font-size:.85em;color:#555}"
)
_KOP = {
    "nl": ("Uitslagen", "Stemgedrag", "gemeente", "stemmen", "keuze"),
    "en": ("Results", "Voting record", "municipality", "votes", "choice"),
}


def _balk(r: Resultaat) -> str:
    totaal = r.voor + r.tegen + r.onthouding
    if totaal == 0:
        return ""
    delen = (("voor", r.voor), ("tegen", r.tegen), ("onthouding", r.onthouding))
    return (
        '<div class="balk">'
        + "".join(
            f'<div class="{k}" style="width:{percentage(n, totaal, ".")}%" title="{k} {n}"></div>'
            for k, n in delen
        )
        + "</div>"
    )


def _html(u: Uitslagen, vergadering: Vergadering, taal: str, h: dict[str, Any]) -> None:
    e = html.escape
    kop, gedrag_kop, gemeente, stemmen, keuze = _KOP[taal]
    titel = f"{kop} {vergadering.naam} ({vergadering.datum.isoformat()})"
    legenda = "".join(f'<span class="{k}"></span>{k}' for k in ("voor", "tegen", "onthouding"))
    delen = [
        f'<!DOCTYPE html><html lang="{taal}"><head><meta charset="utf-8">',
        f"<title>{e(titel)}</title><style>{_CSS}</style></head><body>",
        f'<h1>{e(titel)}</h1><p class="legenda">{legenda}</p>',
    ]
    for r in u.resultaten:
        delen.append(f"<section><h2>{e(_regel(r, taal))}</h2>{_balk(r)}")
        if r.stemgedrag:
            gedrag = dict(r.stemgedrag)
            rijen = "".join(
                f'<tr><td>{e(u.namen[c])}</td><td class="n">{u.gewichten[c]}</td>'
                f"<td>{e(gedrag.get(c, GEEN_STEM))}</td></tr>"
                for c in sorted(u.gewichten, key=lambda c: u.namen[c])
            )
            delen.append(
                f"<details><summary>{gedrag_kop}</summary><table><tr><th>{gemeente}</th>"
                f"<th>{stemmen}</th><th>{keuze}</th></tr>{rijen}</table></details>"
            )
        delen.append("</section>")
    delen.append(
        f"<footer>Stemgewichten volgens Statuten art. 10 (STM01, STM02), peildatum "
        f"{peildatum(vergadering.datum).isoformat()}; Bron: CBS. "
        "Percentages: voor / (voor + tegen), half naar boven afgerond (STM06).<br>"
        f"{e(herkomst.samenvatting(h, taal))}</footer></body></html>"
    )
    print("".join(delen))


def _uitslagen(dossier: Dossier, cijfers: Bevolking | None) -> Uitslagen:
    """The results, or, as in ``controleer``, one STM02 error when no weights are known
    (the same file gives the same findings and exit code in both commands)."""
    if not dossier.stemmingen and not dossier.vertegenwoordigers:
        return Uitslagen((), (), {}, {})
    try:
        return uitslagen(dossier, bevolking=cijfers)
    except InvoerFout as e:
        pad = "vergadering.datum" if cijfers or dossier.bevolking is None else "bevolking.bestand"
        return Uitslagen((), (bevinding("STM02", pad, str(e), e.en),), {}, {})


def run(args: argparse.Namespace) -> int:
    invoer = lees_invoer(args.dossier)
    dossier = invoer.dossier
    gegeven = bevolking(args, dossier)
    u = _uitslagen(dossier, gegeven)
    h = herkomst_van(
        args, datum=dossier.vergadering.datum, invoer=invoer, bevolking=cijfers(dossier, gegeven)
    )
    taal = args.lang
    fouten = [b for b in u.bevindingen if b.ernst is Ernst.FOUT]
    if args.format == "json":
        data = u.to_json()
        data["bevindingen"] = [b.to_json(taal) for b in u.bevindingen]
        data["herkomst"] = h
        json_uit("uitslag", data)
    elif args.format == "csv":
        _csv(u)
    elif args.format == "html":
        _html(u, dossier.vergadering, taal, h)
    else:
        for r in u.resultaten:
            print(_regel(r, taal))
    if args.format in ("text", "csv", "html"):
        uitvoer = sys.stdout if args.format == "text" else sys.stderr
        for b in u.bevindingen:
            print(terminal(f"{b.ernst.value}: {b.regel} {b.pad}: {b.tekst(taal)}"), file=uitvoer)
    if args.format == "text":
        print(terminal(herkomst.samenvatting(h, taal)))
    return 1 if fouten else 0
