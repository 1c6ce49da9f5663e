"""Votes: representatives, ballots and the decisions STM03-STM10 (Statuten art. 10).

Every count is an integer and every majority a :class:`fractions.Fraction`; a percentage
is only ever a rendering of exact integers.
"""

from __future__ import annotations

import enum

from attrs import frozen

__all__ = ["Keuze", "Stembriefje", "Stemming", "Vertegenwoordiger", "Wijze"]


class Keuze(enum.StrEnum):
    VOOR = "voor"
    TEGEN = "tegen"
    ONTHOUDING = "onthouding"


class Wijze(enum.StrEnum):
    GEWOGEN = "gewogen"
    ACCLAMATIE = "acclamatie"


@frozen(kw_only=True)
class Vertegenwoordiger:
    """STM03: the person who casts a member's votes."""

    gemeente: str
    naam: str
    rol: str
    aanwezig: bool = True


@frozen
class Stembriefje:
    """One member's ballot as delivered: the municipality as written and its choice."""

    gemeente: str
    keuze: str


@frozen(kw_only=True)
class Stemming:
    """A vote on one or more proposals (several: a bundled vote, STM08)."""

    id: str
    voorstellen: tuple[str, ...] = ()
    wijze: Wijze = Wijze.GEWOGEN
    stemmen: tuple[Stembriefje, ...] = ()
