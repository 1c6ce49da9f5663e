"""The procedure's parameters as one dated object.

Every number of the ALV procedure that could change with a new version of the statutes or
of the annex "Procedure en regels" lives here, once, with its source: the working days of
the amendment deadline, the default cut-off time, the inhabitants per vote and the bounds
of a member's weight, the calendar days of the meeting timeline, and so on.

A change of the statutes is a new :class:`Procedure` appended to :data:`PROCEDURES` with
the date from which it holds; checks ask :func:`procedure_op` for the one in force on the
meeting date (the OpenFisca way of dating parameters).
"""

from __future__ import annotations

import csv
import functools
import os
from datetime import date, time
from fractions import Fraction

from attrs import field, frozen

from alvrules.fouten import AlvrulesFout, InvoerFout, eis
from alvrules.teksten import bericht
from alvrules.waarden import getypeerd

__all__ = [
    "PROCEDURES",
    "GelijkgesteldeDag",
    "Procedure",
    "besluit_bekend",
    "gelijkgestelde_dagen",
    "procedure_op",
]

_GELIJKGESTELD = os.path.join(os.path.dirname(__file__), "data", "atw-gelijkgesteld.csv")


@frozen(field_transformer=getypeerd)
class GelijkgesteldeDag:
    """A day a royal decree equates with a holiday for the Atw (art. 3 lid 3)."""

    datum: date
    besluit: str  # the decree, e.g. its title and date
    vindplaats: str  # where it is published (Staatscourant number); "" when not found
    van_jaar: int = 0  # the years the decree covers (0: only the day's own year)
    tot_jaar: int = 0
    bron: str = ""  # where the decree (or the day) was read


@functools.cache
def gelijkgestelde_dagen() -> tuple[GelijkgesteldeDag, ...]:
    """The table ``data/atw-gelijkgesteld.csv``: every equated day with its decree.

    Columns ``datum,jaren,besluit,vindplaats,bron``: ``jaren`` the years the decree covers
    (``2023-2025``), ``vindplaats`` its Staatscourant number (empty when it was not
    found), ``bron`` where it was read. A row without its decree or source, or a day
    outside its decree's years, is refused: the table is a source, not a guess. A new
    decree is new rows, not new code.
    """
    with open(_GELIJKGESTELD, encoding="utf-8", newline="") as f:
        return tuple(_gelijkgestelde_dag(rij) for rij in csv.DictReader(f))


def _gelijkgestelde_dag(rij: dict[str, str]) -> GelijkgesteldeDag:
    besluit = (rij.get("besluit") or "").strip()
    bron = (rij.get("bron") or "").strip()
    if not besluit or not bron:
        raise InvoerFout(
            bericht("atw-gelijkgesteld.csv: {datum} zonder besluit of bron", datum=rij["datum"])
        )
    datum = date.fromisoformat(rij["datum"])
    van, _, tot = (rij.get("jaren") or "").partition("-")
    van_jaar = int(van) if van.strip() else datum.year
    tot_jaar = int(tot) if tot.strip() else van_jaar
    if not van_jaar <= datum.year <= tot_jaar:
        raise InvoerFout(
            bericht(
                "atw-gelijkgesteld.csv: {datum} valt buiten {van}-{tot}",
                datum=rij["datum"],
                van=van_jaar,
                tot=tot_jaar,
            )
        )
    vindplaats = (rij.get("vindplaats") or "").strip()
    return GelijkgesteldeDag(datum, besluit, vindplaats, van_jaar, tot_jaar, bron)


def besluit_bekend(jaar: int) -> bool:
    """Whether a known decree (Atw art. 3 lid 3) covers ``jaar``: without one, "no
    equated day known" does not mean "no equated day"."""
    return any(d.van_jaar <= jaar <= d.tot_jaar for d in gelijkgestelde_dagen())


@frozen(kw_only=True, field_transformer=getypeerd)
class Procedure:
    """The parameters of the ALV procedure, valid from ``geldig_van`` (inclusive)."""

    geldig_van: date
    bron: str

    # CAL01: extra non-working days on top of the Atw holidays (office closures).
    # Empty by default.
    extra_vrije_dagen: frozenset[date] = field(factory=frozenset)
    # CAL01: the ALV's working days also skip the days a royal decree equates with
    # holidays (Atw art. 3 lid 3), listed with their decree in data/atw-gelijkgesteld.csv.
    # Decision: yes, the whole of Atw art. 3 (see CAL01).
    atw_gelijkgestelde_dagen: bool = True

    # TRM01/TRM02: amendments (and, on request, motions) 9 working days before the ALV.
    werkdagen_indiening: int = 9
    # TRM01/TRM02: cut-off time when the meeting does not set its own.
    sluitingstijd: time = time(12, 0)
    # TRM03: the board adopts its preadvies on the first working day after TRM01.
    werkdagen_preadvies: int = 1
    # TRM04: regular proposals are sent 28 calendar days before the ALV.
    dagen_vergaderstukken: int = 28
    # TRM05-TRM07: candidates, counter-candidates, overview (calendar days).
    dagen_kandidaten: int = 35
    dagen_tegenkandidaten: int = 21
    dagen_kandidatenoverzicht: int = 14
    # TRM08: final list of ondersteuners on the last working day before the ALV, 10:00.
    werkdagen_ondersteuners: int = 1
    tijd_ondersteuners: time = time(10, 0)
    # TRM09: speakers register 2 working days before, 12:00.
    werkdagen_insprekers: int = 2
    tijd_insprekers: time = time(12, 0)

    # MOT05 (Werkgroep moties): an oproep point longer than this many characters is
    # "detailed technical text" and gets an info finding. Our reading; the source names
    # no number.
    maximum_tekens_oproeppunt: int = 600

    # STM01: one vote per full 1,000 inhabitants, at least 1, at most 75.
    inwoners_per_stem: int = 1000
    minimum_stemmen: int = 1
    maximum_stemmen: int = 75
    # STM02: inhabitants on 1 January of the year `peiljaren_terug` before the meeting.
    peiljaren_terug: int = 1
    # STM05: adopted when voor is MORE than this fraction of the votes cast.
    meerderheid: Fraction = Fraction(1, 2)

    # KND02: a counter-candidate is supported by at least ten other members.
    ondersteuners_tegenkandidaat: int = 10
    # NOT01: the notulencommissie has at least three persons.
    minimum_notulencommissie: int = 3

    @property
    def vrije_dagen(self) -> frozenset[date]:
        """The non-working days on top of the Atw list: the extras, plus the equated days
        of Atw art. 3 lid 3 when this procedure follows them."""
        if not self.atw_gelijkgestelde_dagen:
            return self.extra_vrije_dagen
        return self.extra_vrije_dagen | {d.datum for d in gelijkgestelde_dagen()}


PROCEDURES: tuple[Procedure, ...] = (
    Procedure(
        # The rules as the 2023 documents state them; we know of no earlier version that
        # differs, so this entry holds from the earliest date we can represent.
        geldig_van=date.min,
        bron="Statuten art. 10; Lbr. 23/040, bijlage Procedure §1-§5",
    ),
)


class GeenProcedure(AlvrulesFout, LookupError):
    """No entry of :data:`PROCEDURES` holds on the date asked for (only when the list has
    been changed: the shipped first entry starts at ``date.min``)."""


def procedure_op(datum: date) -> Procedure:
    """The procedure in force on ``datum``: the latest entry with ``geldig_van <= datum``."""
    eis(datum, date, "datum")
    in_force = [p for p in PROCEDURES if p.geldig_van <= datum]
    if not in_force:  # the shipped first entry starts at date.min; a test removes it
        raise GeenProcedure(bericht("geen procedure bekend voor {datum}", datum=datum.isoformat()))
    return max(in_force, key=lambda p: p.geldig_van)
