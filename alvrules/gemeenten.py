"""The members: Dutch municipalities with CBS code, official name, aliases and mergers.

Used by SIG07 (every named municipality is a member on the meeting date) and STM02 (a
municipality grown by a merger after the reference date counts its predecessors). The
registry is the library's own data, a dated register of every municipality from
:data:`BEGIN` (1 January 2017) on; membership on a day is the set of municipalities that
existed that day. A date before :data:`BEGIN` is refused (:class:`BuitenRegister`), never
answered with a later list.

- ``data/gemeenten.csv`` (``code,naam``): the municipalities on :data:`BEGIN` (CBS's
  division of 1 January 2017, 388 municipalities);
- ``data/fusies.csv`` (``datum,code,naam,voorgangers``): the one dated table of changes,
  one row per municipality formed or enlarged, in force from ``datum``; ``voorgangers``
  are the CBS codes (space separated) whose territory goes to ``code``. A new code is a
  new municipality; a predecessor that keeps its code (Amsterdam taking in Weesp) is
  listed among the predecessors and continues. Every other predecessor ends the day
  before and is ``opgegaan_in`` ``code``, unless it is a predecessor in several rows of
  the same date: then it was divided (``verdeeld_over`` those codes; Littenseradiel 2018,
  Winsum 2019, Haaren 2021). Adding a merger is one row here; the docs page
  "Stemgewichten voor een nieuw jaar" says how;
- ``data/aliassen.csv`` (``code,alias``): other names in use (Den Haag, Frisian names).

Lookup forgives case, diacritics, hyphens, apostrophes, dots, parentheses and spaces,
accepts a CBS code (``GM0344``, also as the plain number ``0344``) and the government's TOOI
identifier (``https://identifier.overheid.nl/tooi/id/gemeente/gm0344``), and suggests the
nearest names for an unknown one. A name with an invisible or formatting character
(:func:`alvrules.tekens.onzichtbaar`) is never a match.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen, validators

from alvrules.fouten import GebruiksFout, InvoerFout
from alvrules.tekens import onzichtbaar
from alvrules.teksten import Datum, bericht
from alvrules.waarden import getypeerd

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "BEGIN",
    "TOOI_GEMEENTE",
    "BuitenRegister",
    "Fusie",
    "Gemeente",
    "Gemeenteregister",
    "lees_register",
    "met_fusies",
    "normaliseer",
    "register",
    "tooi",
]

#: The TOOI namespace of municipalities (Thesaurus en Ontologie Overheidsinformatie, KOOP):
#: a municipality's URI is this prefix plus its CBS code in lower case.
TOOI_GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"

#: A CBS code (``GM0363``), the plain number (``0363``) or the TOOI URI (``…/gm0363``).
_CODE = re.compile(
    r"^\s*(?:https?://identifier\.overheid\.nl/tooi/id/gemeente/gm|gm)?\s*(\d{4})\s*$",
    re.IGNORECASE,
)


#: The register's first date: ``data/gemeenten.csv`` holds the municipalities of that day.
BEGIN = date(2017, 1, 1)


class BuitenRegister(InvoerFout):
    """A date before the register's first date: membership on it is not known."""


def _buiten(op: date, begin: date) -> BuitenRegister:
    return BuitenRegister(
        bericht(
            "{op} ligt voor het begin van het gemeenteregister ({begin}): alvrules kent de "
            "leden vanaf {begin}; ondersteund zijn vergaderingen vanaf {begin}, stemgewichten "
            "vanaf {jaar}.",
            op=Datum(op, weekdag=False),
            begin=Datum(begin, weekdag=False),
            jaar=begin.year + 1,
        ),
        regel="SIG07",
    )


def tooi(code: str) -> str:
    """The TOOI URI of the municipality with CBS code ``code`` (``GM0363`` -> ``…/gm0363``)."""
    return TOOI_GEMEENTE + code.lower()


def normaliseer(naam: str) -> str:
    """The lookup key of a name: casefolded, without diacritics and punctuation."""
    if naam.isascii():  # the same key, without NFKD (±900 names at every start-up)
        return "".join(filter(str.isalnum, naam.lower()))
    ontleed = unicodedata.normalize("NFKD", naam)
    zonder = "".join(c for c in ontleed if not unicodedata.combining(c))
    return "".join(c for c in zonder.casefold() if c.isalnum())


def _periode(g: Gemeente, _attribute: object, tot: date | None) -> None:
    if g.van is not None and tot is not None and tot < g.van:
        raise GebruiksFout(
            bericht(
                "{code}: 'tot' ({tot}) ligt voor 'van' ({van}).",
                code=g.code,
                tot=Datum(tot, weekdag=False),
                van=Datum(g.van, weekdag=False),
            )
        )


@frozen(field_transformer=getypeerd)
class Gemeente:
    """A municipality: CBS code, official name, aliases and the period it exists."""

    code: str = field(validator=validators.matches_re(r"GM\d{4}"))
    naam: str = field(validator=validators.min_len(1))
    aliassen: tuple[str, ...] = ()
    van: date | None = None  # first day; None: before the registry's start
    tot: date | None = field(default=None, validator=_periode)  # last day; None: exists
    opgegaan_in: str | None = field(
        default=None, validator=validators.optional(validators.matches_re(r"GM\d{4}"))
    )
    #: a divided municipality: the codes its territory went to (``opgegaan_in`` is None)
    verdeeld_over: tuple[str, ...] = ()

    @property
    def tooi(self) -> str:
        """The government's identifier: ``https://identifier.overheid.nl/tooi/id/gemeente/gmNNNN``."""
        return tooi(self.code)

    def bestaat_op(self, datum: date) -> bool:
        """Whether the municipality exists on ``datum`` (between ``van`` and ``tot``)."""
        return (self.van is None or self.van <= datum) and (self.tot is None or datum <= self.tot)


class Gemeenteregister:
    """All municipalities of the registry, with lookup by code, name or alias."""

    def __init__(self, gemeenten: Iterable[Gemeente], begin: date | None = None) -> None:
        #: the first date the register answers for (None: any date)
        self.begin = begin
        self._op_code: dict[str, Gemeente] = {}
        self._op_sleutel: dict[str, list[Gemeente]] = {}
        #: per code, the municipalities merged whole into it (for :meth:`voorgangers`)
        self._opgegaan: dict[str, list[Gemeente]] = {}
        for g in gemeenten:
            self._op_code[g.code] = g
            if g.opgegaan_in:
                self._opgegaan.setdefault(g.opgegaan_in, []).append(g)
            for naam in (g.naam, *g.aliassen):
                lijst = self._op_sleutel.setdefault(normaliseer(naam), [])
                if g not in lijst:
                    lijst.append(g)

    def __iter__(self) -> Iterator[Gemeente]:
        return iter(self._op_code.values())

    def __len__(self) -> int:
        return len(self._op_code)

    def code(self, code: str) -> Gemeente | None:
        """The municipality with CBS code ``code`` (``GM0363``), or None."""
        return self._op_code.get(code)

    def dekt(self, op: date) -> bool:
        """Whether the register knows the members on ``op`` (not before :attr:`begin`)."""
        return self.begin is None or op >= self.begin

    def _gedekt(self, op: date | None) -> None:
        if op is not None and self.begin is not None and op < self.begin:
            raise _buiten(op, self.begin)

    def zoek(self, naam: str, op: date | None = None) -> Gemeente | None:
        """The municipality named ``naam`` (name, alias, CBS code or TOOI URI).

        With ``op`` only one that exists on that date; without it, the newest of those
        that ever carried the name. :class:`BuitenRegister` for ``op`` before :attr:`begin`.
        """
        self._gedekt(op)
        if onzichtbaar(naam):
            return None  # never stripped into a match: "Utr\u200becht" is no member
        m = _CODE.match(naam)
        kandidaten = (
            [g for g in [self._op_code.get(f"GM{m.group(1)}")] if g is not None]
            if m
            else self._op_sleutel.get(normaliseer(naam), [])
        )
        if op is not None:
            kandidaten = [g for g in kandidaten if g.bestaat_op(op)]
        if not kandidaten:
            return None
        return max(kandidaten, key=lambda g: g.van or date.min)

    def leden(self, op: date) -> tuple[Gemeente, ...]:
        """The municipalities that exist on ``op``, by code (:class:`BuitenRegister` for a
        date before :attr:`begin`)."""
        self._gedekt(op)
        return tuple(g for g in self._op_code.values() if g.bestaat_op(op))

    def opvolger(self, gemeente: Gemeente, op: date) -> Gemeente | None:
        """The municipality that holds ``gemeente``'s territory on ``op`` (via mergers)."""
        g = gemeente
        while not g.bestaat_op(op):
            if g.opgegaan_in is None or g.tot is None or op <= g.tot:
                return None  # before it existed, or gone without a successor
            g = self._op_code[g.opgegaan_in]
        return g

    def opvolgers(self, gemeente: Gemeente, op: date) -> tuple[Gemeente, ...]:
        """The municipalities that hold ``gemeente``'s territory on ``op``: one after a
        merger, several after a division (each part followed through later mergers)."""
        if gemeente.bestaat_op(op) or gemeente.tot is None or op <= gemeente.tot:
            return (gemeente,) if gemeente.bestaat_op(op) else ()
        volgende = (
            [gemeente.opgegaan_in] if gemeente.opgegaan_in is not None else gemeente.verdeeld_over
        )
        uit: list[Gemeente] = []
        for code in volgende:
            for g in self.opvolgers(self._op_code[code], op):
                if g not in uit:
                    uit.append(g)
        return tuple(uit)

    def verdeeld(self, na: date, op: date) -> tuple[Gemeente, ...]:
        """The divided municipalities that existed on ``na`` and ended before ``op``."""
        return tuple(
            g
            for g in self._op_code.values()
            if g.verdeeld_over and g.bestaat_op(na) and g.tot is not None and g.tot < op
        )

    def voorgangers(
        self, gemeente: Gemeente, na: date, op: date | None = None
    ) -> tuple[Gemeente, ...]:
        """Municipalities merged whole (transitively) into ``gemeente`` after ``na`` (and,
        with ``op``, on or before ``op``); a divided municipality is no one's predecessor
        (:meth:`verdeeld`)."""
        uit: list[Gemeente] = []
        for g in self._opgegaan.get(gemeente.code, ()):  # was a scan of all, per member
            if (
                g.opgegaan_in == gemeente.code
                and g.tot is not None
                and g.tot >= na
                and (op is None or g.tot < op)
            ):
                uit.append(g)
                uit.extend(self.voorgangers(g, na, op))
        return tuple(uit)

    def suggesties(self, naam: str, op: date | None = None, n: int = 3) -> list[str]:
        """Up to ``n`` official names close to ``naam`` (of members on ``op``, if given)."""
        self._gedekt(op)
        sleutels = {
            s: lijst
            for s, lijst in self._op_sleutel.items()
            if op is None or any(g.bestaat_op(op) for g in lijst)
        }
        import difflib  # noqa: PLC0415 - only for suggestions (start-up time)

        # every close key, best first: one member's aliases may take several places
        gevonden = difflib.get_close_matches(normaliseer(naam), sleutels, n=len(sleutels))
        namen: list[str] = []
        for s in gevonden:
            for g in sleutels[s]:
                if g.naam not in namen and (op is None or g.bestaat_op(op)):
                    namen.append(g.naam)
            if len(namen) >= n:
                break
        return namen[:n]


@frozen(field_transformer=getypeerd)
class Fusie:
    """A merger (herindeling): from ``datum`` on, ``voorgangers`` form ``code`` (``naam``)."""

    datum: date
    code: str = field(validator=validators.matches_re(r"GM\d{4}"))
    naam: str = field(validator=validators.min_len(1))
    voorgangers: tuple[str, ...] = field(validator=validators.min_len(1))


def met_fusies(gemeenten: Iterable[Gemeente], fusies: Iterable[Fusie]) -> tuple[Gemeente, ...]:
    """``gemeenten`` (the start of the registry) with the ``fusies`` applied in date order.

    A predecessor named in several mergers of the same date was divided over them
    (``verdeeld_over``); in one, it is ``opgegaan_in`` that municipality. ``ValueError``
    for a change that cannot be: an unknown or already ended predecessor, a predecessor
    that continues in one row and goes to another in the same date, or a code that exists
    already without being one of its predecessors.
    """
    op_code = {g.code: g for g in gemeenten}
    per_datum: dict[date, list[Fusie]] = {}
    for f in fusies:
        per_datum.setdefault(f.datum, []).append(f)
    for datum in sorted(per_datum):
        dag_ervoor = datum - timedelta(days=1)
        naar: dict[str, list[str]] = {}  # predecessor -> the codes it goes to
        blijft = {f.code for f in per_datum[datum] if f.code in f.voorgangers}
        for f in per_datum[datum]:
            for code in f.voorgangers:
                g = op_code.get(code)
                if g is None or not g.bestaat_op(dag_ervoor):
                    raise GebruiksFout(
                        bericht(
                            "Fusie {code} op {datum}: voorganger {voorganger} bestaat niet.",
                            code=f.code,
                            datum=Datum(f.datum, weekdag=False),
                            voorganger=code,
                        )
                    )
                if code != f.code:
                    if code in blijft:
                        raise GebruiksFout(
                            bericht(
                                "Fusie {code} op {datum}: voorganger {voorganger} blijft "
                                "bestaan in een andere fusie van die dag.",
                                code=f.code,
                                datum=Datum(f.datum, weekdag=False),
                                voorganger=code,
                            )
                        )
                    if f.code not in naar.setdefault(code, []):
                        naar[code].append(f.code)
        for code, doelen in naar.items():
            g = op_code[code]
            if len(doelen) == 1:
                op_code[code] = attrs.evolve(g, tot=dag_ervoor, opgegaan_in=doelen[0])
            else:
                op_code[code] = attrs.evolve(g, tot=dag_ervoor, verdeeld_over=tuple(doelen))
        for f in per_datum[datum]:
            if f.code not in f.voorgangers:
                if f.code in op_code:
                    raise GebruiksFout(
                        bericht(
                            "Fusie {code} op {datum}: de code bestaat al.",
                            code=f.code,
                            datum=Datum(f.datum, weekdag=False),
                        )
                    )
                op_code[f.code] = Gemeente(f.code, f.naam, van=f.datum)
    return tuple(op_code.values())


def _rijen(data: Traversable, naam: str) -> list[dict[str, str]]:
    with io.StringIO(data.joinpath(naam).read_text(encoding="utf-8")) as f:
        return list(csv.DictReader(f))


def _data() -> Traversable:
    # the package's folder, as importlib.resources.files would give it (that import costs
    # start-up time; alvrules is always installed as files, also in the browser)
    return Path(__file__).parent / "data"


def _ongetoetst(**velden: object) -> Gemeente:
    """A :class:`Gemeente` without its constructor's conversions and checks, for the rows
    of the shipped ``gemeenten.csv`` only: the checked constructor costs ±15 µs a
    municipality, ±5 ms of every start-up for the 388 of them. tests/test_opstart.py
    checks that the register built so equals the one built with every check."""
    g = object.__new__(Gemeente)
    for naam, standaard in _STANDAARD:
        object.__setattr__(g, naam, velden.get(naam, standaard))
    return g


#: every field of :class:`Gemeente` with its default (``NOTHING`` for a required one)
_STANDAARD = tuple((a.name, a.default) for a in attrs.fields(Gemeente))


def lees_register(
    data: Traversable, begin: date | None = BEGIN, *, toetsen: bool = True
) -> Gemeenteregister:
    """The registry from the three CSV files in the folder ``data`` (see the module doc);
    ``begin`` is the date of ``gemeenten.csv``, the first the register answers for.

    ``toetsen=False`` builds the rows of ``gemeenten.csv`` without the checks of the
    constructor: only for the shipped tables (:func:`register`), which the tests check.
    """
    aliassen: dict[str, list[str]] = {}
    for rij in _rijen(data, "aliassen.csv"):
        aliassen.setdefault(rij["code"], []).append(rij["alias"])
    maak = Gemeente if toetsen else _ongetoetst
    start = [maak(code=rij["code"], naam=rij["naam"]) for rij in _rijen(data, "gemeenten.csv")]
    fusies = [
        Fusie(
            datum=date.fromisoformat(rij["datum"]),
            code=rij["code"],
            naam=rij["naam"],
            voorgangers=tuple(rij["voorgangers"].split()),
        )
        for rij in _rijen(data, "fusies.csv")
    ]
    return _met_aliassen(met_fusies(start, fusies), aliassen, begin)


def _met_aliassen(
    gemeenten: Iterable[Gemeente], aliassen: Mapping[str, list[str]], begin: date | None
) -> Gemeenteregister:
    # only the few with aliases are rebuilt (a new Gemeente checks every field: start-up)
    return Gemeenteregister(
        (
            attrs.evolve(g, aliassen=tuple(aliassen[g.code])) if g.code in aliassen else g
            for g in gemeenten
        ),
        begin,
    )


@functools.cache
def register() -> Gemeenteregister:
    """The registry shipped with the library (read once)."""
    return lees_register(_data(), toetsen=False)
