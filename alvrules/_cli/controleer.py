"""``alvrules controleer DOSSIER``: every check of the procedure over one meeting dossier.

Text output groups the findings per motion, amendment or other part of the dossier, in
the dossier's order; JSON is :meth:`alvrules.regels.Rapport.to_json` (INTERFACES.md).
Exit code 0 without errors (warnings allowed), 1 with errors; an unreadable or malformed
file raises :class:`~alvrules.model.InvoerFout`, which the CLI turns into exit code 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from alvrules import herkomst
from alvrules._cli._bevolking import bevolking
from alvrules._cli._uitvoer import cijfers, herkomst_van, json_uit, lees_invoer
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.regels import Bevinding, Rapport

__all__ = ["run", "tekst"]

#: section of the dossier -> (Dutch, English) heading of a group
_KOPPEN: dict[str, tuple[str, str]] = {
    "vergadering": ("Vergadering", "Meeting"),
    "agendapunten": ("Agendapunt", "Agenda item"),
    "moties": ("Motie", "Motion"),
    "amendementen": ("Amendement", "Amendment"),
    "vertegenwoordigers": ("Vertegenwoordiger", "Representative"),
    "stemmingen": ("Stemming", "Vote"),
}


def run(args: argparse.Namespace) -> int:
    invoer = lees_invoer(args.dossier)
    dossier = invoer.dossier
    gegeven = bevolking(args, dossier)
    rapport = controleer(dossier, bevolking=gegeven)
    h = herkomst_van(
        args, datum=dossier.vergadering.datum, invoer=invoer, bevolking=cijfers(dossier, gegeven)
    )
    if args.format == "json":
        json_uit("controleer", {**rapport.to_json(args.lang), "herkomst": h})
    elif args.format in ("sarif", "github", "gitlab"):
        from alvrules._cli import _pijplijn  # noqa: PLC0415 - only for pipeline formats

        _pijplijn.schrijf(args.format, rapport, invoer, h, args.lang)
    else:
        print(tekst(dossier, rapport, args.lang))
        print(herkomst.samenvatting(h, args.lang))
    if not rapport.geldig:
        return 1
    return 1 if getattr(args, "strikt", False) and rapport.waarschuwingen else 0


def _groep(pad: str) -> str:
    """``moties[M01].ondertekening[0]`` -> ``moties[M01]``; ``vergadering.datum`` -> section."""
    kop, haakje, rest = pad.partition("[")
    if haakje and "]" in rest and "." not in kop:
        return f"{kop}[{rest.split(']', 1)[0]}]"
    return pad.split(".", 1)[0].split("[", 1)[0]


def _volgorde(dossier: Dossier) -> dict[str, int]:
    """The position of each group in the dossier: sections in order, items in file order."""
    volgorde: dict[str, int] = {}
    for sectie, items in (
        ("vergadering", ()),
        ("agendapunten", tuple(a.id for a in dossier.agendapunten)),
        ("moties", tuple(m.id for m in dossier.moties)),
        ("amendementen", tuple(a.id for a in dossier.amendementen)),
        ("vertegenwoordigers", tuple(v.gemeente for v in dossier.vertegenwoordigers)),
        ("stemmingen", tuple(s.id for s in dossier.stemmingen)),
    ):
        volgorde.setdefault(sectie, len(volgorde))
        for item in items:
            volgorde.setdefault(f"{sectie}[{item}]", len(volgorde))
    return volgorde


def _titels(dossier: Dossier) -> dict[str, dict[str, str]]:
    """Section -> id -> title, built once per report (not per group: that was quadratic)."""
    return {
        "agendapunten": {a.id: a.titel for a in dossier.agendapunten},
        "moties": {m.id: m.titel for m in dossier.moties},
        "amendementen": {a.id: a.titel for a in dossier.amendementen},
    }


def _kop(groep: str, titels: dict[str, dict[str, str]], en: bool) -> str:
    """``Motie M01: titel``; a group outside the known sections is shown by its path."""
    sectie, _, rest = groep.partition("[")
    namen = _KOPPEN.get(sectie)
    if namen is None:
        return groep or "Dossier"
    naam, ident = namen[1] if en else namen[0], rest.removesuffix("]")
    titel = titels.get(sectie, {}).get(ident, "")
    return " ".join(filter(None, (naam, ident))) + (f": {titel}" if titel else "")


def tekst(dossier: Dossier, rapport: Rapport, taal: str = "nl") -> str:
    """The report as text, grouped per part of the dossier, with a summary line."""
    en = taal == "en"
    v = dossier.vergadering
    regels = [f"{v.naam} ({v.datum.isoformat()})"]
    volgorde = _volgorde(dossier)
    titels = _titels(dossier)
    groepen: dict[str, list[Bevinding]] = {}
    for b in rapport:
        groepen.setdefault(_groep(b.pad), []).append(b)
    for groep in sorted(groepen, key=lambda g: (volgorde.get(g, len(volgorde)), g)):
        regels += ["", _kop(groep, titels, en), *_bevindingen(groepen[groep], taal)]
    n = rapport.aantallen
    regels.append("")
    if en:
        regels.append(f"{n['fout']} errors, {n['waarschuwing']} warnings, {n['info']} info")
        regels.append("valid" if rapport.geldig else "invalid")
    else:
        regels.append(f"{n['fout']} fouten, {n['waarschuwing']} waarschuwingen, {n['info']} info")
        regels.append("geldig" if rapport.geldig else "ongeldig")
    return "\n".join(regels)


def _bevindingen(bevindingen: Iterable[Bevinding], taal: str) -> list[str]:
    en = taal == "en"
    uit: list[str] = []
    for b in bevindingen:
        ernst = b.ernst.en if en else b.ernst.value
        uit.append(f"  {b.regel}  {ernst}: {b.tekst(taal)}")
        pad, bron = ("path", "source") if en else ("pad", "bron")
        uit.append(f"         {pad}: {b.pad}  ·  {bron}: {b.bron}")
    return uit
