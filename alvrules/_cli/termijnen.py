"""``alvrules termijnen DATUM``: the deadlines TRM01-TRM09 of an ALV as text, JSON or ics."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime

from alvrules import herkomst
from alvrules._cli._uitvoer import datum, herkomst_van, json_uit, tijd
from alvrules.kalender import VERGADERJAREN
from alvrules.model import InvoerFout, Vergadering
from alvrules.regels import bron_in
from alvrules.teksten import N_, Datum, bericht, vertaal
from alvrules.termijnen import Termijn, termijnen

#: The table's column heads, its yes and no, and the heading of the explanations.
_KOP = (
    N_("regel"),
    N_("naam"),
    N_("moment"),
    N_("bindend"),
    N_("bron"),
    N_("ja"),
    N_("nee"),
    N_("Uitleg"),
)


def _vergaderdatum(tekst: str) -> date:
    """The meeting date; a time (or a date with a time) is refused with a clear reason."""
    if re.fullmatch(r"\s*\d{1,2}:\d{2}(:\d{2})?\s*", tekst):
        raise InvoerFout(
            bericht(
                "ongeldige datum {tekst!r}: een tijd zonder datum; verwacht JJJJ-MM-DD", tekst=tekst
            ),
        )
    if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}[T ].*", tekst):
        raise InvoerFout(
            bericht(
                "ongeldige datum {tekst!r}: geef alleen de datum (JJJJ-MM-DD); de "
                "sluitingstijd gaat met --sluitingstijd UU:MM",
                tekst=tekst,
            ),
        )
    d = datum(tekst.strip(), "datum")
    if d.year not in VERGADERJAREN:
        raise InvoerFout(
            bericht(
                "datum {waarde} buiten het ondersteunde bereik {start}-{waarde2}",
                waarde=d.isoformat(),
                start=VERGADERJAREN.start,
                waarde2=VERGADERJAREN.stop - 1,
            ),
        )
    return d


def _tekst(vergadering: Vergadering, lijst: tuple[Termijn, ...], taal: str) -> None:
    k = tuple(vertaal(taal, w) for w in _KOP)
    d = vergadering.datum
    print(vertaal(taal, "Termijnen van de ALV van {dag}", dag=Datum(d)))
    rijen = [
        (
            t.regel,
            t.naam_in(taal),
            t.moment_in(taal),
            k[5] if t.bindend else k[6],
            bron_in(t.bron, taal),
        )
        for t in lijst
    ]
    breed = [max(len(r[i]) for r in [k[:5], *rijen]) for i in range(4)]
    for r in [k[:5], *rijen]:
        print("  ".join(c.ljust(b) for c, b in zip(r[:4], breed, strict=True)) + "  " + r[4])
    print(f"\n{k[7]}:")
    for t in lijst:
        print(f"{t.regel}  {t.uitleg_in(taal)}")


def run(args: argparse.Namespace) -> int:
    vergadering = Vergadering(
        datum=_vergaderdatum(args.datum),
        sluitingstijd=tijd(args.sluitingstijd, "sluitingstijd")
        if args.sluitingstijd is not None
        else None,
    )
    lijst = termijnen(vergadering)
    h = herkomst_van(args, datum=vergadering.datum)
    if args.format == "json":
        json_uit(
            "termijnen",
            {
                "vergadering": vergadering.datum.isoformat(),
                "termijnen": [t.to_json(args.lang) for t in lijst],
                "herkomst": h,
            },
        )
    elif args.format == "ics":
        from alvrules.ical import als_ical  # noqa: PLC0415 - icalendar only for ics

        gemaakt = datetime.now(UTC).replace(microsecond=0)
        sys.stdout.flush()
        sys.stdout.buffer.write(als_ical(vergadering.datum, lijst, gemaakt, taal=args.lang))
        sys.stdout.buffer.flush()
    else:
        _tekst(vergadering, lijst, args.lang)
        print(herkomst.samenvatting(h, args.lang))
    return 0
