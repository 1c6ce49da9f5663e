"""Shared domain types: roles, persons, the meeting and its agenda.

Input types keep what was submitted as written (names of municipalities, role words), so
that the checks can report a wrong name or role as a finding with its place, instead of
the loader refusing the whole dossier. Type-level invariants (a date is a date, a
timestamp has a timezone) are enforced at construction.
"""

from __future__ import annotations

import csv
import enum
import functools
import os
from datetime import date, datetime, time

from attrs import field, frozen, validators

from alvrules.fouten import GebruiksFout, InvoerFout
from alvrules.teksten import bericht
from alvrules.waarden import Ongeldig, Waardefout, gecontroleerd, keuze, omzetter

__all__ = [
    "AgendaSoort",
    "Agendapunt",
    "Contactpersoon",
    "InvoerFout",
    "Persoon",
    "Rol",
    "VergaderSoort",
    "Vergadering",
    "aware",
    "een_regel",
]


def een_regel(tekst: str, lengte: int = 1000) -> str:
    """``tekst`` as one printable line of at most ``lengte`` characters, for a reason on
    stderr: a control character (a newline in a file name or a key) is written as its
    escape, and a longer text is cut with ``…``."""
    if not tekst.isprintable():
        tekst = "".join(c if c.isprintable() else repr(c)[1:-1] for c in tekst)
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


class Rol(enum.StrEnum):
    """The roles a person of a member municipality can hold (Gemeentewet)."""

    BURGEMEESTER = "burgemeester"
    WAARNEMEND_BURGEMEESTER = "waarnemend-burgemeester"
    LOCOBURGEMEESTER = "locoburgemeester"
    WETHOUDER = "wethouder"
    GEMEENTESECRETARIS = "gemeentesecretaris"
    GRIFFIER = "griffier"
    RAADSLID = "raadslid"

    @classmethod
    def parse(cls, woord: str) -> Rol | None:
        """The role written as ``woord``, or None.

        The words come from the table ``data/rollen.csv`` (the documents' own words, such
        as "secretaris" for the gemeentesecretaris and "loco-burgemeester"); case, spaces,
        hyphens, underscores and dots are forgiven, any other character is not (an
        invisible character never makes a role valid).
        """
        return _rollen().get(_rolsleutel(woord))

    @classmethod
    def aliassen(cls) -> tuple[tuple[str, Rol], ...]:
        """The table ``data/rollen.csv``: every accepted role word with its role."""
        namen = _rolwoorden()
        return tuple((namen[k], _rollen()[k]) for k in namen)

    @classmethod
    def suggestie(cls, woord: str) -> str | None:
        """The known role word nearest to ``woord`` (for a finding), or None."""
        sleutel = _rolsleutel(woord)
        namen = _rolwoorden()
        import difflib  # noqa: PLC0415 - only for suggestions (start-up time)

        beste = difflib.get_close_matches(sleutel, list(namen), n=1, cutoff=0.75)
        return namen[beste[0]] if beste else None

    @property
    def is_burgemeester(self) -> bool:
        """Burgemeester, waarnemend burgemeester or locoburgemeester (Gemeentewet art. 77)."""
        return self in _BURGEMEESTERS

    @property
    def namens_college(self) -> bool:
        """May sign on behalf of the college (SIG04): burgemeester, wethouder, secretaris."""
        return self.is_burgemeester or self in {Rol.WETHOUDER, Rol.GEMEENTESECRETARIS}


_BURGEMEESTERS = frozenset({Rol.BURGEMEESTER, Rol.WAARNEMEND_BURGEMEESTER, Rol.LOCOBURGEMEESTER})
_ROLLEN = os.path.join(os.path.dirname(__file__), "data", "rollen.csv")
_VERGEVEN = str.maketrans("", "", "-_.")


def _rolsleutel(woord: str) -> str:
    """``woord`` without case, whitespace, hyphens, underscores and dots."""
    return "".join(woord.casefold().translate(_VERGEVEN).split())


@functools.cache
def _rolwoorden() -> dict[str, str]:
    """Normalised alias -> the alias as the table writes it."""
    with open(_ROLLEN, encoding="utf-8", newline="") as f:
        return {_rolsleutel(r["alias"]): r["alias"] for r in csv.DictReader(f)}


@functools.cache
def _rollen() -> dict[str, Rol]:
    """Normalised alias -> role: the table ``data/rollen.csv`` plus every role's own value."""
    with open(_ROLLEN, encoding="utf-8", newline="") as f:
        tabel = {_rolsleutel(r["alias"]): Rol(r["rol"]) for r in csv.DictReader(f)}
    return {**{_rolsleutel(r.value): r for r in Rol}, **tabel}


def aware(_inst: object, attribute: object, value: datetime | None) -> None:
    """attrs validator: a timestamp must carry its timezone (never silently assumed)."""
    if value is not None and value.utcoffset() is None:
        raise GebruiksFout(
            bericht("Tijdstip zonder tijdzone: {tijdstip}.", tijdstip=value.isoformat())
        )


@frozen(field_transformer=gecontroleerd)
class Persoon:
    """A person as written in the input: name, role word and municipality name."""

    naam: str
    rol: str
    gemeente: str

    @property
    def rol_enum(self) -> Rol | None:
        """The role word as a :class:`Rol`, or None for an unknown word (SIG02)."""
        return Rol.parse(self.rol)


@frozen(field_transformer=gecontroleerd)
class Contactpersoon:
    """A contact person of a motion (MOT03): ``soort`` is ambtelijk or bestuurlijk."""

    naam: str
    rol: str = ""
    gemeente: str = ""
    soort: str = ""
    email: str = ""
    telefoon: str = ""


class VergaderSoort(enum.StrEnum):
    """A physical or digital meeting (STM03: who counts as present), or a written members'
    consultation outside a meeting (STM14, :mod:`alvrules.raadpleging`)."""

    FYSIEK = "fysiek"
    DIGITAAL = "digitaal"
    LEDENRAADPLEGING = "ledenraadpleging"


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Vergadering:
    """An ALV: date, start, kind and the cut-off time of TRM01/TRM02 (None: default).

    A written consultation (``soort = "ledenraadpleging"``, STM14) has a voting window
    from ``opent`` to ``sluit`` (timestamps with their timezone, both inclusive), ``datum``
    its closing day, and optionally its own deadline for motions and amendments,
    ``indientermijn`` (its documents' own; the ALV deadlines are not applied to it).
    """

    datum: date = field(validator=validators.instance_of(date))
    naam: str = "ALV"
    aanvang: time | None = None
    soort: VergaderSoort = VergaderSoort.FYSIEK
    sluitingstijd: time | None = None
    buitengewoon: bool = False
    opent: datetime | None = None  # STM14: voting opens (a consultation's window)
    sluit: datetime | None = None  # STM14: voting closes (inclusive)
    indientermijn: datetime | None = None  # STM14: a consultation's own submission deadline

    @property
    def ledenraadpleging(self) -> bool:
        """Whether this is a written members' consultation outside a meeting (STM14)."""
        return self.soort is VergaderSoort.LEDENRAADPLEGING


class AgendaSoort(enum.StrEnum):
    """AGD01: the kind of an agenda item: for decision, for information or for discussion."""

    BESLUITVORMING = "besluitvorming"
    KENNISNAME = "kennisname"
    BESPREKING = "bespreking"


def _soorten(waarde: object) -> frozenset[AgendaSoort]:
    """AGD01: one kind, or a non-empty collection of kinds for a mixed item."""
    try:
        if isinstance(waarde, str):
            return frozenset({keuze(waarde, AgendaSoort)})
        soorten = omzetter(frozenset[AgendaSoort])(waarde)
    except Ongeldig as e:
        raise type(e)(
            bericht("{veld}: {reden}", veld="Agendapunt.soorten", reden=e.oorzaak),
            ("soorten", *e.pad),
        ) from None
    if not soorten:
        raise Waardefout(
            bericht("{veld}: verwacht ten minste één soort", veld="Agendapunt.soorten"),
            ("soorten",),
        )
    return frozenset(soorten)


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Agendapunt:
    """An agenda item (AGD01): stable id apart from its display number, one or more kinds."""

    id: str
    titel: str = ""
    soorten: frozenset[AgendaSoort] = field(
        default=frozenset({AgendaSoort.BESLUITVORMING}), converter=_soorten
    )
    amendeerbaar: bool = True
    nummer: str | None = None
    verzonden: date | None = None
    tekst: str | None = None

    @property
    def ter_besluitvorming(self) -> bool:
        """Whether the item is (also) for decision: only then can it be amended (AMD01)."""
        return AgendaSoort.BESLUITVORMING in self.soorten
