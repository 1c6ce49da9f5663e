"""The members: Dutch municipalities with CBS code, official name, aliases and mergers.

Used by SIG07 (every named municipality is a member on the meeting date) and STM02 (a
municipality grown by a merger after the reference date counts its predecessors). The
registry is the library's own data (``data/gemeenten.csv``, ``data/aliassen.csv``),
covering every municipality from 1 January 2022 on, with the dates of the mergers.

Lookup forgives case, diacritics, hyphens, apostrophes, dots, parentheses and spaces,
accepts a CBS code (``GM0344``), and suggests the nearest names for an unknown one. A name
with an invisible or formatting character (:func:`alvrules.tekens.onzichtbaar`) is never
a match.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources

from attrs import field, frozen, validators

from alvrules.tekens import onzichtbaar

__all__ = ["Gemeente", "Gemeenteregister", "normaliseer", "register"]

_CODE = re.compile(r"^\s*gm\s*(\d{4})\s*$", re.IGNORECASE)


def normaliseer(naam: str) -> str:
    """The lookup key of a name: casefolded, without diacritics and punctuation."""
    ontleed = unicodedata.normalize("NFKD", naam)
    zonder = "".join(c for c in ontleed if not unicodedata.combining(c))
    return "".join(c for c in zonder.casefold() if c.isalnum())


def _periode(g: Gemeente, _attribute: object, tot: date | None) -> None:
    if g.van is not None and tot is not None and tot < g.van:
        raise ValueError(f"{g.code}: tot {tot} ligt voor van {g.van}")


@frozen
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

    def bestaat_op(self, datum: date) -> bool:
        return (self.van is None or self.van <= datum) and (self.tot is None or datum <= self.tot)


class Gemeenteregister:
    """All municipalities of the registry, with lookup by code, name or alias."""

    def __init__(self, gemeenten: Iterable[Gemeente]) -> None:
        self._op_code: dict[str, Gemeente] = {}
        self._op_sleutel: dict[str, list[Gemeente]] = {}
        for g in gemeenten:
            self._op_code[g.code] = g
            for naam in (g.naam, *g.aliassen):
                lijst = self._op_sleutel.setdefault(normaliseer(naam), [])
                if g not in lijst:
                    lijst.append(g)

    def __iter__(self) -> Iterator[Gemeente]:
        return iter(self._op_code.values())

    def __len__(self) -> int:
        return len(self._op_code)

    def code(self, code: str) -> Gemeente | None:
        return self._op_code.get(code)

    def zoek(self, naam: str, op: date | None = None) -> Gemeente | None:
        """The municipality named ``naam`` (name, alias or CBS code).

        With ``op`` only one that exists on that date; without it, the newest of those
        that ever carried the name.
        """
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
        """The municipalities that exist on ``op``, by code."""
        return tuple(g for g in self._op_code.values() if g.bestaat_op(op))

    def opvolger(self, gemeente: Gemeente, op: date) -> Gemeente | None:
        """The municipality that holds ``gemeente``'s territory on ``op`` (via mergers)."""
        g = gemeente
        while not g.bestaat_op(op):
            if g.opgegaan_in is None or g.tot is None or op <= g.tot:
                return None  # before it existed, or gone without a successor
            g = self._op_code[g.opgegaan_in]
        return g

    def voorgangers(self, gemeente: Gemeente, na: date) -> tuple[Gemeente, ...]:
        """Municipalities merged (transitively) into ``gemeente`` after ``na``."""
        uit: list[Gemeente] = []
        for g in self._op_code.values():
            if g.opgegaan_in == gemeente.code and g.tot is not None and g.tot >= na:
                uit.append(g)
                uit.extend(self.voorgangers(g, na))
        return tuple(uit)

    def suggesties(self, naam: str, op: date | None = None, n: int = 3) -> list[str]:
        """Up to ``n`` official names close to ``naam`` (of members on ``op``, if given)."""
        sleutels = {
            s: lijst
            for s, lijst in self._op_sleutel.items()
            if op is None or any(g.bestaat_op(op) for g in lijst)
        }
        gevonden = difflib.get_close_matches(normaliseer(naam), sleutels, n=n * 2, cutoff=0.6)
        namen: list[str] = []
        for s in gevonden:
            for g in sleutels[s]:
                if g.naam not in namen and (op is None or g.bestaat_op(op)):
                    namen.append(g.naam)
        return namen[:n]


def _datum(tekst: str) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


@functools.cache
def register() -> Gemeenteregister:
    """The registry shipped with the library (read once)."""
    data = resources.files("alvrules") / "data"
    aliassen: dict[str, list[str]] = {}
    with io.StringIO(data.joinpath("aliassen.csv").read_text(encoding="utf-8")) as f:
        for rij in csv.DictReader(f):
            aliassen.setdefault(rij["code"], []).append(rij["alias"])
    with io.StringIO(data.joinpath("gemeenten.csv").read_text(encoding="utf-8")) as f:
        return Gemeenteregister(
            Gemeente(
                code=rij["code"],
                naam=rij["naam"],
                aliassen=tuple(aliassen.get(rij["code"], ())),
                van=_datum(rij["van"]),
                tot=_datum(rij["tot"]),
                opgegaan_in=rij["opgegaan_in"] or None,
            )
            for rij in csv.DictReader(f)
        )
