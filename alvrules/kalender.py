"""Working days: CAL01 (what a working day is) and CAL02 (counting back).

CAL01: Monday to Friday, except the algemeen erkende feestdagen of the Algemene
termijnenwet (Atw art. 3 lid 1 and 2), the days a royal decree equates with them (lid 3,
``data/atw-gelijkgesteld.csv`` with each decree: the Friday after Ascension Day and other
bridge days), plus any extra non-working days of the procedure in force. The lid 1-2 list
is exactly the Netherlands calendar of the ``holidays`` package with the categories
PUBLIC and OPTIONAL (Goede Vrijdag and 5 mei sit in OPTIONAL); a test pins that for
2000-2040. For a year that no known decree covers, :meth:`Kalender.onbekende_jaren` says
so: "no equated day known" is not "no equated day".

CAL02: "N werkdagen voorafgaand aan de ALV" counts back N working days from the meeting
date, the meeting date itself not counted; no forward extension (Atw art. 1 lid 2).

The holiday table of a year is built once and cached; a lookup is a dict access. CAL02
counts by index in a cached, sorted list of the year's working days (a bisect instead of
a day-by-day loop), which keeps it faster than ``numpy.busday_offset`` per call (see
``benchmarks/bench_werkdagen.py``).
"""

from __future__ import annotations

import bisect
import functools
import os
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from attrs import field, frozen

from alvrules.fouten import GebruiksFout, eis
from alvrules.model import InvoerFout
from alvrules.procedure import GelijkgesteldeDag, Procedure, besluit_bekend, gelijkgestelde_dagen
from alvrules.teksten import N_, WEEKDAGEN, Datum, Opsomming, bericht, vertaal
from alvrules.waarden import getypeerd

__all__ = [
    "GELIJKGESTELD",
    "TABELJAREN",
    "VERGADERJAREN",
    "BuitenKalender",
    "Kalender",
    "clear_caches",
    "feestdagen",
    "feestdagen_holidays",
    "is_werkdag",
    "tabel_tekst",
    "werkdagen_voor",
]

_DAG = timedelta(days=1)
_WEEKDAGEN = WEEKDAGEN
#: Why an equated day (Atw art. 3 lid 3) is no working day, as :meth:`Kalender.vrij` says it.
GELIJKGESTELD = N_("bij KB met een feestdag gelijkgesteld")
#: The names of the holidays in ``data/feestdagen.csv`` and the other reasons of
#: :meth:`Kalender.vrij`, for the message catalogue (a test keeps the table's names here).
NAMEN = (
    N_("nieuwjaarsdag"),
    N_("goede vrijdag"),
    N_("eerste paasdag"),
    N_("tweede paasdag"),
    N_("koninginnedag"),
    N_("koningsdag"),
    N_("bevrijdingsdag"),
    N_("hemelvaartsdag"),
    N_("eerste pinksterdag"),
    N_("tweede pinksterdag"),
    N_("eerste kerstdag"),
    N_("tweede kerstdag"),
    N_("extra vrije dag"),
    GELIJKGESTELD,
)


def reden_in(reden: str, taal: str) -> str:
    """A reason of :meth:`Kalender.vrij` (``"bevrijdingsdag; hemelvaartsdag"``) in ``taal``."""
    return "; ".join(vertaal(taal, r) for r in reden.split("; "))


#: Years whose holidays the calendar knows, from the shipped table ``data/feestdagen.csv``
#: (``holidays``' output, pinned by a test to the Atw list of CAL01 for every one of them).
#: ``holidays`` has no Dutch holidays after 2100, and before 1982 its list differs from
#: today's Atw list; a year outside this range is refused, never silently holiday-free.
TABELJAREN = range(1999, 2101)
#: Meeting dates the library supports: counting back from a meeting may reach the year
#: before, which the table still covers.
VERGADERJAREN = range(TABELJAREN.start + 1, TABELJAREN.stop)
_TABEL = os.path.join(os.path.dirname(__file__), "data", "feestdagen.csv")


class BuitenKalender(InvoerFout):
    """A year outside :data:`TABELJAREN`: input the calendar cannot answer for."""


@functools.cache
def feestdagen(jaar: int) -> dict[date, str]:
    """The Atw holidays of ``jaar`` that fall on any day, with their Dutch names.

    For :data:`TABELJAREN` they come from the shipped table, which is ``holidays``' output
    written down (a test pins the two equal; regenerate with ``python -m alvrules.kalender
    > alvrules/data/feestdagen.csv``): loading the Netherlands calendar of ``holidays``
    imports all of its ~250 countries, which would triple the CLI's start-up time.
    """
    if jaar not in TABELJAREN:
        raise BuitenKalender(
            bericht(
                "Geen feestdagenkalender voor {jaar}: alvrules kent de Atw-feestdagen van "
                "{van} tot en met {tot}.",
                jaar=jaar,
                van=TABELJAREN.start,
                tot=TABELJAREN.stop - 1,
            )
        )
    return _tabel().get(jaar, {})


def feestdagen_holidays(jaar: int) -> dict[date, str]:
    """The Atw holidays of ``jaar`` computed by ``holidays`` (the table's source)."""
    import holidays  # noqa: PLC0415 - imported on first use to keep start-up fast

    nl = holidays.country_holidays(
        "NL", years=jaar, categories=("public", "optional"), language="nl"
    )
    return {d: naam.lower() for d, naam in sorted(nl.items())}


@functools.cache
def _tabel() -> dict[int, dict[date, str]]:
    """``data/feestdagen.csv`` (``datum,naam``) per year."""
    per_jaar: dict[int, dict[date, str]] = {}
    with open(_TABEL, encoding="utf-8") as f:
        next(f)  # header
        for regel in f:
            datum, naam = regel.rstrip("\n").split(",", 1)
            d = date.fromisoformat(datum)
            per_jaar.setdefault(d.year, {})[d] = naam
    return per_jaar


def tabel_tekst() -> str:
    """The text of ``data/feestdagen.csv``, computed with ``holidays`` for :data:`TABELJAREN`."""
    regels = ["datum,naam"]
    for jaar in TABELJAREN:
        regels += [f"{d.isoformat()},{naam}" for d, naam in feestdagen_holidays(jaar).items()]
    return "\n".join(regels) + "\n"


@functools.cache
def _gelijkgesteld(jaar: int) -> dict[date, GelijkgesteldeDag]:
    """The days of ``jaar`` equated with a holiday (Atw art. 3 lid 3), with their decree."""
    return {d.datum: d for d in gelijkgestelde_dagen() if d.datum.year == jaar}


@functools.cache
def _werkdagen(jaar: int, extra: frozenset[date], gelijk: bool = True) -> tuple[int, ...]:
    """The working days of ``jaar`` as sorted ordinals: CAL02 counts by index, not by loop."""
    vrij = feestdagen(jaar)
    gelijkgesteld = _gelijkgesteld(jaar) if gelijk else {}
    dag, einde = date(jaar, 1, 1), date(jaar, 12, 31)
    dagen = []
    while dag <= einde:
        if dag.weekday() < 5 and dag not in vrij and dag not in gelijkgesteld and dag not in extra:
            dagen.append(dag.toordinal())
        dag += _DAG
    return tuple(dagen)


def clear_caches() -> None:
    """Forget the cached holiday tables and working-day indexes (for tests and benchmarks)."""
    feestdagen.cache_clear()
    _tabel.cache_clear()
    _werkdagen.cache_clear()
    _gelijkgesteld.cache_clear()
    gelijkgestelde_dagen.cache_clear()


def _datums(dagen: Iterable[date]) -> frozenset[date]:
    return frozenset(dagen)


@frozen(field_transformer=getypeerd)
class Kalender:
    """A working-day calendar: the Atw holidays, the days equated with them by royal
    decree (``gelijkgesteld``, Atw art. 3 lid 3; on by default) plus ``extra``
    non-working days."""

    extra: frozenset[date] = field(factory=frozenset, converter=_datums)
    gelijkgesteld: bool = True

    @classmethod
    def van(cls, procedure: Procedure) -> Kalender:
        """The calendar of ``procedure``: its extra days and whether it follows lid 3."""
        return cls(procedure.extra_vrije_dagen, procedure.atw_gelijkgestelde_dagen)

    def vrij(self, datum: date) -> str | None:
        """Why ``datum`` is not a working day (``"zaterdag"``, ``"tweede pinksterdag"``,
        :data:`GELIJKGESTELD`)."""
        wd = datum.weekday()
        if wd >= 5:
            return _WEEKDAGEN[wd]
        naam = feestdagen(datum.year).get(datum)
        if naam is not None:
            return naam
        if self.gelijkgesteld and datum in _gelijkgesteld(datum.year):
            return GELIJKGESTELD
        if datum in self.extra:
            return NAMEN[-2]
        return None

    def omschrijving(self, taal: str = "nl") -> str:
        """The calendar in force, for explanations: ``Atw art. 3 (feestdagen)`` plus extras."""
        from alvrules.regels import regel  # noqa: PLC0415 - the registry loads on first use

        bron = regel("CAL01").bron
        if not self.extra:
            return vertaal(taal, "{bron} (feestdagen)", bron=bron)
        return vertaal(
            taal,
            "{bron} (feestdagen) plus extra vrije dagen: {dagen}",
            bron=bron,
            dagen=Opsomming(Datum(d) for d in sorted(self.extra)),
        )

    def is_werkdag(self, datum: date) -> bool:
        """CAL01."""
        eis(datum, date, "datum")
        return (
            datum.weekday() < 5
            and datum not in feestdagen(datum.year)
            and not (self.gelijkgesteld and datum in _gelijkgesteld(datum.year))
            and datum not in self.extra
        )

    def gelijkgestelde(self, van: date, tot: date) -> tuple[GelijkgesteldeDag, ...]:
        """The equated days (Atw art. 3 lid 3) in ``[van, tot)`` this calendar skips."""
        if not self.gelijkgesteld:
            return ()
        return tuple(
            g
            for jaar in range(van.year, tot.year + 1)
            for d, g in sorted(_gelijkgesteld(jaar).items())
            if van <= d < tot
        )

    def onbekende_jaren(self, van: date, tot: date) -> tuple[int, ...]:
        """The years of ``[van, tot]`` that no known decree (Atw art. 3 lid 3) covers: a
        count over them may miss an equated day. Empty when this calendar ignores lid 3."""
        if not self.gelijkgesteld:
            return ()
        return tuple(j for j in range(van.year, tot.year + 1) if not besluit_bekend(j))

    def werkdagen_voor(self, datum: date, n: int) -> date:
        """CAL02: the ``n``-th working day before ``datum`` (``datum`` itself not counted)."""
        eis(datum, date, "datum")
        eis(n, int, "n")
        if n < 1:
            raise GebruiksFout(bericht("Het aantal werkdagen moet minstens 1 zijn, niet {n}.", n=n))
        jaar = datum.year
        dagen = _werkdagen(jaar, self.extra, self.gelijkgesteld)
        voor = bisect.bisect_left(dagen, datum.toordinal())  # working days of jaar before datum
        while voor < n:  # not enough in this year: continue in the previous one
            n -= voor
            jaar -= 1
            dagen = _werkdagen(jaar, self.extra, self.gelijkgesteld)
            voor = len(dagen)
        return date.fromordinal(dagen[voor - n])

    def werkdagen_na(self, datum: date, n: int) -> date:
        """The ``n``-th working day after ``datum`` (``datum`` itself not counted)."""
        if n < 1:
            raise GebruiksFout(bericht("Het aantal werkdagen moet minstens 1 zijn, niet {n}.", n=n))
        jaar = datum.year
        dagen = _werkdagen(jaar, self.extra, self.gelijkgesteld)
        na = bisect.bisect_right(dagen, datum.toordinal())  # index of the first one after
        while len(dagen) - na < n:  # not enough in this year: continue in the next one
            n -= len(dagen) - na
            jaar += 1
            dagen = _werkdagen(jaar, self.extra, self.gelijkgesteld)
            na = 0
        return date.fromordinal(dagen[na + n - 1])

    def overgeslagen(self, van: date, tot: date) -> Iterator[tuple[date, str]]:
        """The non-working days in ``[van, tot)`` with the reason, for explanations."""
        dag = van
        while dag < tot:
            reden = self.vrij(dag)
            if reden is not None:
                yield dag, reden
            dag += _DAG


#: The default calendar: the whole of Atw art. 3 (holidays and equated days).
ATW = Kalender()


def is_werkdag(datum: date) -> bool:
    """CAL01 with the default (Atw art. 3) calendar."""
    return ATW.is_werkdag(datum)


def werkdagen_voor(datum: date, n: int) -> date:
    """CAL02 with the default (Atw) calendar: the n-th working day before ``datum``."""
    return ATW.werkdagen_voor(datum, n)


if __name__ == "__main__":  # pragma: no cover - regenerates data/feestdagen.csv
    import sys

    sys.stdout.write(tabel_tekst())
