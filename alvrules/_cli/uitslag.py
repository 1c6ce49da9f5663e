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
import sys

from attrs import evolve

from alvrules import herkomst
from alvrules._cli._bevolking import bevolking
from alvrules._cli._uitslag_html import pagina
from alvrules._cli._uitvoer import cijfers, herkomst_van, json_uit, lees_invoer, moment
from alvrules.besluiten import MotieUitslag, besluiten, deel_naam, zin_besluit
from alvrules.bevolking import Bevolking
from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.gemeenten import tooi
from alvrules.grenzen import MAX_OPSOMMING, reeks
from alvrules.model import InvoerFout
from alvrules.raadpleging import deelname_zin
from alvrules.regels import Ernst, bevinding
from alvrules.stemmingen import StemmingSoort, Wijze, stm12_eigen_id
from alvrules.tekens import csv_cel, op_een_regel, regelbegin
from alvrules.teksten import N_, Getal, vertaal
from alvrules.telling import Uitkomst, aandeel
from alvrules.uitslagen import Resultaat, Uitslagen, stm02_pad, uitslagen

__all__ = ["run", "zin"]


def _getal(n: int, taal: str) -> str:
    return Getal(n).in_(taal)


def _pct(waarde: str, taal: str) -> str:
    """A percentage as the minutes write it ("21,49"), with the language's decimal sign."""
    return waarde.replace(",", ".") if taal == "en" else waarde


def aandelen(r: Resultaat, taal: str = "nl") -> str:
    """STM06: both shares, each saying what it is: "21,49% voor, 78,51% tegen"."""
    return vertaal(
        taal,
        "{voor}% voor, {tegen}% tegen",
        voor=_pct(r.percentage_voor or "", taal),
        tegen=_pct(r.percentage_tegen or "", taal),
    )


def _uitkomst(uitkomst: str, taal: str) -> str:
    """``aangenomen`` / ``verworpen`` / ``geen besluit`` in ``taal``; a name (an elected
    candidate, a chosen option) as it is."""
    woorden: dict[str, str] = {
        Uitkomst.AANGENOMEN: N_("aangenomen"),
        Uitkomst.VERWORPEN: N_("verworpen"),
        Uitkomst.GEEN_BESLUIT: N_("geen besluit"),
    }
    return vertaal(taal, woorden[uitkomst]) if uitkomst in woorden else uitkomst


def _zin_preadvies(r: Resultaat, taal: str) -> str:
    """A vote on a preadvies: its own outcome, then what that means for the motion
    ("preadvies aanhouden aangenomen: 55% voor, 45% tegen; motie M1 aangehouden volgens
    het preadvies"), never the motion's outcome as the vote's."""
    advies = f"preadvies {r.preadvies}" if r.preadvies else "preadvies"
    if r.uitkomst == Uitkomst.GEEN_BESLUIT:
        reden = (
            (r.toelichting if isinstance(r.toelichting, str) else r.toelichting.in_(taal))
            if r.toelichting
            else vertaal(taal, "geen stemmen uitgebracht")
        )
        return vertaal(taal, "geen besluit over het {advies}: {reden}", advies=advies, reden=reden)
    woord = _uitkomst(r.uitkomst, taal)
    if r.stemming.wijze is Wijze.ACCLAMATIE:
        uit = vertaal(taal, "{advies} {uitkomst} bij acclamatie", advies=advies, uitkomst=woord)
    else:
        uit = f"{advies} {woord}: {aandelen(r, taal)}"
    for b in r.besluiten:
        wat = b.voorstel if b.deel is None else f"{b.voorstel} ({deel_naam(b.deel, taal)})"
        gevolg = zin_besluit(evolve(b, percentage_voor=None, percentage_tegen=None), taal)
        uit += vertaal(taal, "; motie {motie} {gevolg}", motie=wat, gevolg=gevolg)
    if r.uitkomst == Uitkomst.VERWORPEN:
        uit += vertaal(taal, "; nog geen besluit over de motie")
    return uit


def zin(r: Resultaat, taal: str = "nl") -> str:
    """The outcome as the minutes write it, every figure saying what it is a share of
    (STM06): "verworpen: 21,49% voor, 78,51% tegen"; "Mark Boumans gekozen met 61,09% van
    de uitgebrachte stemmen"; 100% and 0% without decimals. A vote on a preadvies says
    so, and what it means for the motion (:func:`_zin_preadvies`)."""
    s = r.stemming
    if s.soort is StemmingSoort.PREADVIES:
        return _zin_preadvies(r, taal)
    toelichting = r.toelichting if isinstance(r.toelichting, str) else r.toelichting.in_(taal)
    if r.uitkomst == Uitkomst.GEEN_BESLUIT and r.toelichting:
        # postponed by an order motion, an objection to acclamation, no majority, a tie
        return vertaal(taal, "geen besluit: {toelichting}", toelichting=toelichting)
    if s.wijze is Wijze.ACCLAMATIE:
        return vertaal(taal, "aangenomen bij acclamatie")
    if r.percentage is None:
        return vertaal(taal, "geen besluit: geen stemmen uitgebracht")
    if r.uitkomst == Uitkomst.GEEN_BESLUIT:
        return vertaal(taal, "geen besluit: {toelichting}", toelichting=toelichting)
    if s.soort in (StemmingSoort.KEUZE, StemmingSoort.VERKIEZING):
        pct = _pct(aandeel(r.voor, r.uitgebracht), taal)
        return vertaal(
            taal,
            "{naam} gekozen met {pct}% van de uitgebrachte stemmen",
            naam=r.uitkomst,
            pct=pct,
        )
    return vertaal(
        taal,
        "{uitkomst}: {aandelen}",
        uitkomst=_uitkomst(r.uitkomst, taal),
        aandelen=aandelen(r, taal),
    )


def _regel(r: Resultaat, taal: str) -> str:
    s = r.stemming
    wat = r.titel or ", ".join(s.voorstellen) or s.soort.value
    if s.deel is not None:
        wat += f" ({deel_naam(s.deel, taal)})"
    uit = f"{regelbegin(s.id)}  {wat}: {zin(r, taal)}"
    if r.opties:
        stemmen = ", ".join(f"{o}: {_getal(n, taal)}" for o, n in r.opties)
        uit += vertaal(
            taal,
            " ({stemmen}, onthouding {onthouding})",
            stemmen=stemmen,
            onthouding=_getal(r.onthouding, taal),
        )
    elif s.wijze is Wijze.GEWOGEN and r.percentage is not None:
        uit += vertaal(
            taal,
            " (voor {voor}, tegen {tegen}, onthouding {onthouding})",
            voor=_getal(r.voor, taal),
            tegen=_getal(r.tegen, taal),
            onthouding=_getal(r.onthouding, taal),
        )
    if len(s.voorstellen) > 1:
        uit += vertaal(taal, "; geldt voor elk voorstel (STM08)")
    if r.vast_na is not None and r.vast_na < r.briefjes:
        uit += vertaal(
            taal,
            "; stond vast na {n} van {totaal} stembriefjes",
            n=Getal(r.vast_na),
            totaal=Getal(r.briefjes),
        )
    if r.deelname is not None:  # STM14: a written consultation
        uit += f"; {deelname_zin(r.deelname, taal)}"
    return uit


def raadpleging_zin(u: Uitslagen, taal: str = "nl") -> str | None:
    """STM14: "Ledenraadpleging van … tot en met …: 212 van 342 leden brachten een stem
    uit", or None when the dossier is no written consultation."""
    if u.deelname is None:
        return None
    return vertaal(
        taal,
        "Ledenraadpleging van {van} tot en met {tot}: {deelname}",
        van=moment(u.opent, taal),
        tot=moment(u.sluit, taal),
        deelname=deelname_zin(u.deelname, taal),
    )


_KEUZEWOORDEN = ("voor", "tegen", "onthouding")


def motie_regel(m: MotieUitslag, taal: str) -> str:
    """ "motie M1  Titel: 1e deel aangenomen: …; 2e deel aangehouden door de indieners"."""
    titel = f"  {m.motie.titel}" if m.motie.titel else ""
    return vertaal(taal, "motie {id}{titel}: {zin}", id=m.motie.id, titel=titel, zin=m.zin(taal))


def _csv(u: Uitslagen, taal: str = "nl") -> None:
    """The voting record: a row per counted ballot, members in code order, written row by
    row. Members without a counted ballot are not listed (a row per member and vote made
    the output grow with votes times members: 470 times the input, issue 25)."""
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(KOLOMMEN)
    for r in u.resultaten:
        if r.stemming.wijze is Wijze.ACCLAMATIE or not r.stemgedrag:
            continue  # no counted ballot: no voting record (as in HTML; bounds the output)
        uitslag = (
            _uitkomst(r.uitkomst_tekst, taal),
            _pct(r.percentage_voor or "", taal),
            _pct(r.percentage_tegen or "", taal),
            besluit_cel(r, taal),
        )
        for code, keuze in sorted(r.stemgedrag):
            if code not in u.gewichten:
                continue
            k = vertaal(taal, _KEUZEN[keuze]) if keuze in _KEUZEN else keuze
            cellen = (r.stemming.id, code, tooi(code), u.namen[code], u.gewichten[code], k)
            w.writerow([csv_cel(c) for c in (*cellen, *uitslag)])


#: The choices of a ballot, as written in a CSV cell (an option's name stays as it is).
_KEUZEN = {"voor": N_("voor"), "tegen": N_("tegen"), "onthouding": N_("onthouding")}

#: The CSV columns (the names are the file's contract, in Dutch in both languages): the
#: voting record per member, then the vote's outcome and both shares
#: (STM06: each figure says what it is a share of), the same on every row of a vote.
KOLOMMEN = (
    "stemming",
    "code",
    "tooi",
    "gemeente",
    "stemmen",
    "keuze",
    "uitkomst",
    "percentage_voor",
    "percentage_tegen",
    "besluit",
)


#: A decision's outcome in the CSV's last column.
_BESLUIT = {
    "aangenomen": N_("aangenomen"),
    "verworpen": N_("verworpen"),
    "aangehouden": N_("aangehouden"),
}


def besluit_cel(r: Resultaat, taal: str = "nl") -> str:
    """What the vote decided on which proposal, for the CSV's last column: "M1 aangenomen",
    "M1 (2e deel) volgens het preadvies aangehouden" (a vote on a preadvies never reads
    as the motion adopted); at most MAX_OPSOMMING proposals, the rest counted."""
    stukken = []
    for b in r.besluiten[:MAX_OPSOMMING]:
        wat = b.voorstel if b.deel is None else f"{b.voorstel} ({deel_naam(b.deel, taal)})"
        woord = b.uitkomst.value
        woord = vertaal(taal, _BESLUIT[woord]) if woord in _BESLUIT else woord
        if b.door:
            stukken.append(
                vertaal(
                    taal,
                    "{voorstel} volgens het preadvies {uitkomst}",
                    voorstel=wat,
                    uitkomst=woord,
                )
            )
        else:
            stukken.append(f"{wat} {woord}")
    cel = reeks(stukken, totaal=len(r.besluiten))
    return cel if isinstance(cel, str) else cel.in_(taal)


def _uitslagen(dossier: Dossier, cijfers: Bevolking | None) -> Uitslagen:
    """The results, or, as in ``controleer``, one STM02 error when no weights are known
    (the same file gives the same findings and exit code in both commands). The STM12
    findings on the votes' ids (two votes sharing an id, an invisible id) come first, as
    in ``controleer``: such a dossier is not published with exit code 0 either."""
    ctx = Context.voor(dossier, bevolking=cijfers)
    geleverd = ctx.bevolking is not None
    if not dossier.stemmingen and not dossier.vertegenwoordigers and not geleverd:
        b = besluiten(dossier, ())  # held motions and parts without any vote (STM13)
        return Uitslagen((), b.bevindingen, {}, {}, moties=b.moties)
    verwijzingen = tuple(stm12_eigen_id(dossier))
    try:
        u = uitslagen(dossier, ctx)
    except InvoerFout as e:
        stm02 = bevinding("STM02", stm02_pad(ctx), e.bericht or str(e))
        b = besluiten(dossier, ())
        return Uitslagen((), (*verwijzingen, stm02, *b.bevindingen), {}, {}, moties=b.moties)
    return evolve(u, bevindingen=(*verwijzingen, *u.bevindingen))


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
        data = u.to_json(taal)
        data["bevindingen"] = [b.to_json(taal) for b in u.bevindingen]
        data["herkomst"] = h
        json_uit("uitslag", data)
    elif args.format == "popolo":
        from alvrules.popolo import popolo  # noqa: PLC0415 - only for this format

        json_uit("popolo", {**popolo(dossier, u, taal), "herkomst": h})
    elif args.format == "csv":
        _csv(u, taal)
    elif args.format == "html":
        print(pagina(u, dossier.vergadering, taal, h, zin))
    else:
        if kop := raadpleging_zin(u, taal):
            print(op_een_regel(kop))
        for r in u.resultaten:
            print(op_een_regel(_regel(r, taal)))
        for bk in u.bekrachtigingen:  # STM14: ratified consultations and their own tallies
            print(op_een_regel(bk.zin(taal)))
            for r in bk.besluiten:
                print(op_een_regel("  " + _regel(r, taal)))
        for uitstel in u.uitgesteld:  # STM09: also what was postponed without a vote
            print(op_een_regel(uitstel.zin(taal)))
        for m in u.moties:
            if m.apart:
                print(op_een_regel(motie_regel(m, taal)))
    if args.format in ("text", "csv", "html", "popolo"):
        uitvoer = sys.stdout if args.format == "text" else sys.stderr
        for b in u.bevindingen:
            print(
                op_een_regel(f"{b.ernst.in_(taal)}: {b.regel} {b.pad}: {b.tekst(taal)}"),
                file=uitvoer,
            )
    if args.format == "text":
        print(op_een_regel(herkomst.samenvatting(h, taal)))
    return 1 if fouten else 0
