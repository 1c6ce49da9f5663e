"""``alvrules controleer PAD…``: every check of the procedure over one or more dossiers.

Text output groups the findings per motion, amendment or other part of the dossier, in
the dossier's order; JSON is :meth:`alvrules.regels.Rapport.to_json` (INTERFACES.md).
Exit code 0 without errors (warnings allowed; with ``--strikt`` warnings count too), 1 with
errors; an unreadable or malformed file (:class:`~alvrules.model.InvoerFout`, with every
problem the loader found) is exit code 2. Several paths and folders are checked in one
process, each file on its own; the exit code is the worst (docs: "In een publicatiestraat").

Which files: a file named on the command line is checked; in a folder, every ``*.toml`` and
``*.json`` below it (hidden folders and files skipped) that is a dossier. A file is a
dossier when it has a top-level ``vergadering`` table; one that cannot be parsed counts as
a dossier when its bytes contain ``vergadering`` (a broken dossier must not slip through).
``--alleen-dossiers`` (the pre-commit hook) applies the folder rule to named files too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from alvrules import herkomst, paden
from alvrules._cli._bevolking import bevolking
from alvrules._cli._uitvoer import (
    CONTROLE,
    Invoer,
    cijfers,
    herkomst_van,
    json_uit,
    moment,
    telling,
)
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.fouten import InvoerFout, Leesprobleem
from alvrules.regels import Bevinding, Rapport, bron_in
from alvrules.tekens import op_een_regel, regelbegin
from alvrules.teksten import N_, vertaal

__all__ = ["Uitkomst", "bestanden", "geldig", "run", "tekst"]

#: section of the dossier -> heading of a group (a message of the catalogue)
_KOPPEN: dict[str, str] = {
    "vergadering": N_("Vergadering"),
    "agendapunten": N_("Agendapunt"),
    "moties": N_("Motie"),
    "amendementen": N_("Amendement"),
    "vertegenwoordigers": N_("Vertegenwoordiger"),
    "stemmingen": N_("Stemming"),
}


def geldig(rapport: Rapport, strikt: bool = False) -> bool:
    """The verdict: no errors, and with ``strikt`` (``--strikt``) no warnings either; the
    same verdict in every format and in the exit code."""
    return rapport.geldig and not (strikt and rapport.waarschuwingen)


class Uitkomst:
    """What ``controleer`` found for one file: a report, or the problems that made the file
    unreadable (``fout``)."""

    def __init__(
        self,
        naam: str,
        invoer: Invoer | None = None,
        rapport: Rapport | None = None,
        herkomst: dict[str, Any] | None = None,
        *,
        fout: InvoerFout | None = None,
        inhoud: bytes | None = None,
    ) -> None:
        self.naam = naam  # the path as given ("-" for standard input)
        self.invoer = invoer
        self.rapport = rapport
        self.herkomst = herkomst
        self.fout = fout
        self.inhoud = inhoud if invoer is None else invoer.inhoud  # the bytes as read

    @property
    def uri(self) -> str | None:
        """The path as given with ``/``; ``None`` for standard input."""
        return None if self.naam == "-" else Path(self.naam).as_posix()

    def code(self, strikt: bool) -> int:
        """The exit code of this file: 2 unreadable, 1 not valid, 0 valid."""
        if self.rapport is None:
            return 2
        return 0 if geldig(self.rapport, strikt) else 1

    @property
    def problemen(self) -> tuple[Leesprobleem, ...]:
        """Every problem of an unreadable file (one without place when the loader gave none)."""
        if self.fout is None:
            return ()
        if self.fout.problemen:
            return self.fout.problemen
        probleem = Leesprobleem("", self.fout.bericht or str(self.fout))
        return (probleem,)


def bestanden(paden: Iterable[str], alleen_dossiers: bool) -> Iterator[tuple[str, bool]]:
    """Each file to check, with whether a non-dossier is skipped: a folder gives every
    ``*.toml``/``*.json`` below it (sorted; hidden folders and files left out), skipped
    when not a dossier; a named file is checked unless ``alleen_dossiers``."""
    for pad in paden:
        if pad != "-" and os.path.isdir(pad):
            for map_, mappen, namen in os.walk(pad):
                mappen[:] = sorted(m for m in mappen if not m.startswith("."))
                for naam in sorted(namen):
                    if not naam.startswith(".") and naam.lower().endswith((".toml", ".json")):
                        yield os.path.join(map_, naam), True
        else:
            yield pad, alleen_dossiers


def _bytes(argument: str) -> bytes:
    """The bytes of ``argument`` (``-``: standard input), read once, at most the limit."""
    from alvrules import grenzen  # noqa: PLC0415

    if _stdin(argument):  # also /dev/stdin: a pipe is read once, not refused as a FIFO
        return grenzen.lees_stdin(argument)
    return grenzen.lees_bytes(argument, argument)


def _stdin(argument: str) -> bool:
    """Whether ``argument`` is standard input: ``-``, or a path that is it (``/dev/stdin``)."""
    from alvrules import grenzen  # noqa: PLC0415

    return argument == "-" or grenzen.is_stdin(argument)


def _lees(argument: str, inhoud: bytes, alleen_dossier: bool) -> Invoer | None:
    """The dossier in ``inhoud``, read from ``argument`` (``-``: standard input); ``None``
    when ``alleen_dossier`` and the file is not a dossier. Errors name the path as given."""
    from alvrules import laden  # noqa: PLC0415 - the loader only for commands that read a dossier

    stdin = _stdin(argument)
    json_ = laden.is_json(inhoud, None if stdin else argument)
    try:
        data = laden.ontleed(inhoud, argument, json_=json_)
    except InvoerFout:
        if alleen_dossier and b"vergadering" not in inhoud:
            return None
        raise
    if alleen_dossier and not laden.is_dossier(data):
        return None
    dossier = laden.lees_dossier(data, argument)
    if stdin:  # the files it names are in the working directory
        return Invoer(dossier, argument, inhoud, None)
    pad = Path(argument)
    return Invoer(laden.in_map(dossier, pad.parent), pad.name, inhoud, pad.as_posix())


def _controleer_een(args: argparse.Namespace, naam: str, alleen: bool) -> Uitkomst | None:
    inhoud: bytes | None = None
    try:
        inhoud = _bytes(naam)
        invoer = _lees(naam, inhoud, alleen)
        if invoer is None:
            return None
        dossier = invoer.dossier
        gegeven = bevolking(args, dossier)
        rapport = controleer(dossier, bevolking=gegeven)
        h = herkomst_van(
            args,
            datum=dossier.vergadering.datum,
            invoer=invoer,
            bevolking=cijfers(dossier, gegeven),
        )
    except InvoerFout as e:
        from alvrules.laden import geplaatst  # noqa: PLC0415 - only for an unreadable file

        # its problems on their lines, in the order of the file, for every format
        return Uitkomst(naam, fout=geplaatst(e, inhoud, naam), inhoud=inhoud)
    return Uitkomst(naam, invoer, rapport, h)


def run(args: argparse.Namespace) -> int:
    paden: list[str] = list(args.dossier)
    strikt = bool(getattr(args, "strikt", False))
    uitkomsten: list[Uitkomst] = []
    overgeslagen: list[str] = []
    for naam, alleen in bestanden(paden, getattr(args, "alleen_dossiers", False)):
        uitkomst = _controleer_een(args, naam, alleen)
        if uitkomst is None:
            overgeslagen.append(naam)
        else:
            uitkomsten.append(uitkomst)
    if getattr(args, "verbose", False):
        _verslag(uitkomsten, overgeslagen, args.lang)
    # one file named (not a folder) keeps the single-file shape of every format
    enkel = len(paden) == 1 and len(uitkomsten) == 1 and uitkomsten[0].naam == paden[0]
    if enkel and uitkomsten[0].fout is not None and args.format in ("text", "json"):
        _onleesbaar_enkel(uitkomsten[0], args)
    elif args.format == "json":
        _json(uitkomsten, overgeslagen, args.lang, strikt, enkel)
    elif args.format in ("sarif", "github", "gitlab"):
        from alvrules._cli import _pijplijn  # noqa: PLC0415 - only for pipeline formats

        _pijplijn.schrijf(args.format, uitkomsten, args.lang, strikt=strikt)
    else:
        _tekst(uitkomsten, overgeslagen, args.lang, strikt, enkel)
    return max((u.code(strikt) for u in uitkomsten), default=0)


def _verslag(uitkomsten: list[Uitkomst], overgeslagen: list[str], taal: str) -> None:
    """``--verbose``: each skipped file and the counts, on stderr."""
    for naam in overgeslagen:
        reden = vertaal(
            taal, "overgeslagen: {naam}: geen dossier (geen [vergadering]-tabel)", naam=naam
        )
        print(f"alvrules: {reden}", file=sys.stderr)
    n, m = len(uitkomsten), len(overgeslagen)
    print(
        "alvrules: " + vertaal(taal, "{n} gecontroleerd, {m} overgeslagen", n=n, m=m),
        file=sys.stderr,
    )


def _probleemregels(u: Uitkomst, taal: str) -> list[str]:
    """One line per load problem: ``a/d.toml:12: moties[M03].ingediend: reden``."""
    from alvrules.model import een_regel  # noqa: PLC0415

    uit = []
    for p in u.problemen:
        plek = u.naam + (f":{p.lijn}" if p.lijn else "")
        uit.append(een_regel(f"{plek}: {p.pad + ': ' if p.pad else ''}{p.tekst(taal)}"))
    return uit


def _onleesbaar_json(u: Uitkomst, taal: str) -> dict[str, Any]:
    """``fout.json``: the first problem as ``fout`` (as before), and every problem."""
    from alvrules.model import een_regel  # noqa: PLC0415

    assert u.fout is not None
    return {
        "fout": een_regel(u.fout.tekst(taal)),
        "regel": u.fout.regel,
        "problemen": [
            {"pad": p.pad, "regelnummer": p.lijn, "melding": een_regel(p.tekst(taal))}
            for p in u.problemen
        ],
    }


def _onleesbaar_enkel(u: Uitkomst, args: argparse.Namespace) -> None:
    """One unreadable file: the one line on stderr as ever (and the JSON object), then
    each problem on a line of its own when there are several."""
    from alvrules.model import een_regel  # noqa: PLC0415

    assert u.fout is not None
    if args.format == "json":
        data = _onleesbaar_json(u, args.lang)
        for controle in CONTROLE:  # the test suite validates it against schemas/fout.json
            controle("fout", data)
        print(json.dumps(data, ensure_ascii=False))  # one line, as every exit-2 JSON
    print(f"alvrules: {een_regel(u.fout.tekst(args.lang))}", file=sys.stderr)
    if len(u.problemen) > 1:
        for regel in _probleemregels(u, args.lang):
            print(f"alvrules:   {regel}", file=sys.stderr)


def _json(
    uitkomsten: list[Uitkomst], overgeslagen: list[str], taal: str, strikt: bool, enkel: bool
) -> None:
    """One file: the report as ever (``controleer.json``); several files or a folder:
    ``controleer-bestanden.json``."""
    if enkel:
        u = uitkomsten[0]
        assert u.rapport is not None
        json_uit(
            "controleer",
            {
                **u.rapport.to_json(taal),
                "geldig": geldig(u.rapport, strikt),
                "herkomst": u.herkomst,
            },
        )
        return
    per: list[dict[str, Any]] = []
    totaal = {"fout": 0, "waarschuwing": 0, "info": 0}
    for u in uitkomsten:
        if u.rapport is None:
            per.append({"bestand": u.naam, "fout": _onleesbaar_json(u, taal)})
            continue
        for k, v in u.rapport.aantallen.items():
            totaal[k] += v
        rapport = {
            **u.rapport.to_json(taal),
            "geldig": geldig(u.rapport, strikt),
            "herkomst": u.herkomst,
        }
        per.append({"bestand": u.naam, "rapport": rapport})
    json_uit(
        "controleer-bestanden",
        {
            "geldig": all(u.code(strikt) == 0 for u in uitkomsten),
            "fouten": totaal["fout"],
            "waarschuwingen": totaal["waarschuwing"],
            "info": totaal["info"],
            "onleesbaar": sum(u.rapport is None for u in uitkomsten),
            "overgeslagen": overgeslagen,
            "bestanden": per,
        },
    )


def _tekst(
    uitkomsten: list[Uitkomst], overgeslagen: list[str], taal: str, strikt: bool, enkel: bool
) -> None:
    """One file: the report as ever; several: each under its path, then the totals and
    the verdict as the last line. Unreadable files also on stderr, one line per problem."""
    from alvrules.model import een_regel  # noqa: PLC0415

    for i, u in enumerate(uitkomsten):
        if not enkel:
            print(("\n" if i else "") + op_een_regel(f"== {u.naam}"))
        if u.rapport is None:
            assert u.fout is not None
            print(f"alvrules: {een_regel(u.fout.tekst(taal))}", file=sys.stderr)
            for regel in _probleemregels(u, taal):
                print(f"  {regel}")
                if len(u.problemen) > 1:
                    print(f"alvrules:   {regel}", file=sys.stderr)
            print(vertaal(taal, "onleesbaar"))
            continue
        assert u.invoer is not None
        assert u.herkomst is not None
        print(tekst(u.invoer.dossier, u.rapport, taal, strikt=strikt))
        print(op_een_regel(herkomst.samenvatting(u.herkomst, taal)))
    if enkel:
        return
    n = len(uitkomsten)
    goed = sum(u.code(strikt) == 0 for u in uitkomsten)
    kapot = sum(u.rapport is None for u in uitkomsten)
    slecht = n - goed - kapot
    print()
    regel = vertaal(
        taal,
        "{n} bestanden: {goed} geldig, {slecht} ongeldig, {kapot} onleesbaar",
        n=n,
        goed=goed,
        slecht=slecht,
        kapot=kapot,
    )
    if overgeslagen:
        regel += vertaal(taal, ", {m} overgeslagen", m=len(overgeslagen))
    print(regel + (" (--strikt)" if strikt else ""))
    print(vertaal(taal, "geldig") if goed == n else vertaal(taal, "ongeldig"))


def _groep(pad: str) -> str:
    """``moties[M01].ondertekening[0]`` -> ``moties[M01]``; ``vergadering.datum`` -> section.

    The path is read by :func:`alvrules.paden.ontleed`, so an id holding ``]`` or ``.``
    stays in its own group; a path that is not one (never made by the checks) is its own."""
    stappen = paden.ontleed(pad)
    if not stappen or not isinstance(stappen[0], str):
        return pad
    if len(stappen) > 1 and isinstance(stappen[1], paden.Id | int):
        return paden.pad(*stappen[:2])
    return paden.pad(stappen[0])


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
        for i, item in enumerate(items):
            stap: paden.Stap = paden.Id(item) if item.strip() else i
            volgorde.setdefault(paden.pad(sectie, stap), len(volgorde))
    return volgorde


def _titels(dossier: Dossier) -> dict[str, dict[str, str]]:
    """Section -> id -> title, built once per report (not per group: that was quadratic)."""
    return {
        "agendapunten": {a.id: a.titel for a in dossier.agendapunten},
        "moties": {m.id: m.titel for m in dossier.moties},
        "amendementen": {a.id: a.titel for a in dossier.amendementen},
    }


def _kop(groep: str, titels: dict[str, dict[str, str]], taal: str) -> str:
    """``Motie M01: titel``; a group outside the known sections is shown by its path."""
    stappen = paden.ontleed(groep) or ()
    namen = _KOPPEN.get(stappen[0]) if stappen and isinstance(stappen[0], str) else None
    if namen is None:
        return groep or "Dossier"
    naam = vertaal(taal, namen)
    stap = stappen[1] if len(stappen) > 1 else ""
    ident, titel = str(stap), ""
    if isinstance(stap, paden.Id):  # shown as in the path: quoted when it is not plain
        ident = paden.element(stap.waarde)[1:-1]
        titel = titels.get(str(stappen[0]), {}).get(stap.waarde, "")
    return " ".join(filter(None, (naam, ident))) + (f": {titel}" if titel else "")


def tekst(dossier: Dossier, rapport: Rapport, taal: str = "nl", *, strikt: bool = False) -> str:
    """The report as text, grouped per part of the dossier, with a summary line; the last
    line is the verdict (with ``strikt``, warnings make it ``ongeldig``). One record per
    line: a line feed in a title or an id is shown as ``\\n`` (:func:`op_een_regel`)."""
    v = dossier.vergadering
    regels = [f"{regelbegin(v.naam)} ({moment(v.datum, taal)})"]
    volgorde = _volgorde(dossier)
    titels = _titels(dossier)
    groepen: dict[str, list[Bevinding]] = {}
    for b in rapport:
        groepen.setdefault(_groep(b.pad), []).append(b)
    for groep in sorted(groepen, key=lambda g: (volgorde.get(g, len(volgorde)), g)):
        regels += ["", _kop(groep, titels, taal), *_bevindingen(groepen[groep], taal)]
    n = rapport.aantallen
    regels.append("")
    regels.append(telling(n, taal))
    regels.append(vertaal(taal, "geldig") if geldig(rapport, strikt) else vertaal(taal, "ongeldig"))
    return "\n".join(map(op_een_regel, regels))


def _bevindingen(bevindingen: Iterable[Bevinding], taal: str) -> list[str]:
    uit: list[str] = []
    for b in bevindingen:
        ernst = b.ernst.in_(taal)
        uit.append(f"  {b.regel}  {ernst}: {b.tekst(taal)}")
        uit.append(
            "         "
            + vertaal(taal, "pad: {pad}  ·  bron: {bron}", pad=b.pad, bron=bron_in(b.bron, taal))
        )
    return uit
