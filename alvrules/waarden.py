"""Checking and converting values at the boundary: the constructors and the loader agree.

Every public attrs type of alvrules is built with :func:`gecontroleerd` as its
``field_transformer``: each field gets a converter derived from its annotation, so that
``Motie(indieners=["Utrecht"])`` stores a tuple and ``Motie(indieners="Utrecht")`` is a
:class:`TypeError` instead of seven municipalities of one letter. The loader
(:mod:`alvrules.laden`) checks the scalars of a file with the same functions, so what a
file may hold and what a constructor accepts cannot drift apart.

Per annotation:

- ``str``, ``bool``, ``int``: exactly that type (no ``1`` for ``"1"``, no ``True`` for
  ``1``); a ``str`` subclass (a ``StrEnum`` member) is stored as plain ``str``.
- ``date``, ``time``, ``datetime``: the type itself or its ISO 8601 text; a ``date`` is not
  a ``datetime``; a ``time`` has no timezone; a ``datetime`` must have one (never
  assumed) and is kept as the same moment in Europe/Amsterdam; dates and timestamps lie
  in :func:`jaren` (a year outside is a typo).
- an enum: a member or its value (``"overnemen"`` for ``Preadvies.OVERNEMEN``).
- ``tuple[X, ...]``: a list or tuple (any sequence) of X, stored as a tuple; a bare string
  is a :class:`TypeError` (a string is not a list of its characters).
- ``frozenset[X]``: any collection of X except a string.
- ``X | None``: ``None`` or X; an attrs type: an instance of it.

Wrong types raise :class:`Soortfout` (a :class:`TypeError`), wrong values
:class:`Waardefout` (a :class:`ValueError`); both carry a Dutch reason and the path below
the value (``("indieners", 2)``).
"""

from __future__ import annotations

import functools
import inspect
import re
import sys
import types
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, date, datetime, time, tzinfo
from enum import Enum
from fractions import Fraction
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs

from alvrules.fouten import AlvrulesFout, GebruiksFout
from alvrules.teksten import N_, Bericht, bericht

__all__ = [
    "Ongeldig",
    "Soortfout",
    "Waardefout",
    "annotatie",
    "datum",
    "gecontroleerd",
    "getypeerd",
    "jaren",
    "keuze",
    "omzetter",
    "soort",
    "tijd",
    "tijdstip",
    "veldtype",
]

Pad = tuple[str | int, ...]
Omzetter = Callable[[Any], Any]
_D = TypeVar("_D", bound=date)


class Ongeldig(GebruiksFout):
    """A value that does not fit its annotation: a Dutch ``reden`` at ``pad`` below it.

    A :class:`~alvrules.fouten.GebruiksFout` (a constructor called against its contract),
    so both a :class:`ValueError` and a :class:`TypeError`.
    """

    def __init__(self, reden: str | Bericht, pad: Pad = ()) -> None:
        super().__init__(reden)
        self.reden = str(reden)
        self.pad = pad

    @property
    def oorzaak(self) -> str | Bericht:
        """The reason as a message of the catalogue where it is one (else the Dutch text)."""
        return self.bericht or self.reden


class Foutmelding(Bericht):
    """The message of an exception of alvrules as a message of the catalogue (a finding's
    message, or a field of another message), written in whichever language is asked for:
    for an exception made before its module used the catalogue, its own two languages."""

    __slots__ = ("fout",)

    def __init__(self, fout: AlvrulesFout) -> None:
        super().__init__("", {})
        self.fout = fout

    def in_(self, taal: str) -> str:
        """The exception's message in ``taal``."""
        return self.fout.tekst(taal)


class Soortfout(Ongeldig):
    """A value of the wrong type (a string where a list belongs)."""


class Waardefout(Ongeldig):
    """A value of the right type that is not allowed (an unknown choice, a bad date)."""


def soort(waarde: Any) -> str | Bericht:
    """What ``waarde`` is, in words, for a message (``"tekst 'Utrecht'"``)."""
    if isinstance(waarde, bool):
        return "true/false"
    if isinstance(waarde, str):
        kort = waarde if len(waarde) <= 40 else waarde[:39] + "…"
        return bericht("tekst {kort!r}", kort=kort)
    for t, naam in (
        (int, N_("een getal")),
        (float, N_("een getal")),
        (list, N_("een lijst")),
        (tuple, N_("een tuple")),
        (dict, N_("een tabel")),
        (datetime, N_("een tijdstip")),
        (date, N_("een datum")),
        (time, N_("een tijd")),
        (type(None), "null"),
    ):
        if isinstance(waarde, t):
            return bericht(naam) if naam != "null" else naam
    return type(waarde).__name__


def tekst(waarde: Any) -> str:
    """A string (a ``str`` subclass becomes plain ``str``)."""
    if not isinstance(waarde, str):
        raise Soortfout(bericht("verwacht tekst, niet {soort}", soort=soort(waarde)))
    return waarde if type(waarde) is str else str.__str__(waarde)


def waarheid(waarde: Any) -> bool:
    """``True`` or ``False``, nothing else."""
    if type(waarde) is not bool:
        raise Soortfout(bericht("verwacht true of false, niet {soort}", soort=soort(waarde)))
    return waarde


def geheel(waarde: Any) -> int:
    """An integer (not a bool, not a float)."""
    if not isinstance(waarde, int) or isinstance(waarde, bool):
        raise Soortfout(bericht("verwacht een geheel getal, niet {soort}", soort=soort(waarde)))
    return int(waarde)


def jaren() -> range:
    """The years a date or timestamp may lie in: the meeting years of the calendar
    (:data:`alvrules.kalender.VERGADERJAREN`); a year outside is a typo."""
    from alvrules.kalender import VERGADERJAREN  # noqa: PLC0415 - kalender imports model

    return VERGADERJAREN


def _jaar(waarde: _D) -> _D:
    j = jaren()
    if waarde.year not in j:
        raise Waardefout(
            bericht(
                "jaar {year} buiten {start}-{waarde}",
                year=waarde.year,
                start=j.start,
                waarde=j.stop - 1,
            )
        )
    return waarde


def datum(waarde: Any) -> date:
    """A date (not a timestamp), or its text ``JJJJ-MM-DD``, in :func:`jaren`."""
    return _jaar(_datum(waarde))


def _datum(waarde: Any) -> date:
    if isinstance(waarde, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        try:
            waarde = date.fromisoformat(waarde)
        except ValueError:
            raise Waardefout(bericht("ongeldige datum {waarde!r}", waarde=waarde)) from None
    if type(waarde) is date:
        return waarde
    raise Soortfout(bericht("verwacht een datum JJJJ-MM-DD, niet {soort}", soort=soort(waarde)))


def tijd(waarde: Any) -> time:
    """A time of day without timezone, or its text ``UU:MM[:SS]``."""
    if isinstance(waarde, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?", waarde):
        try:
            return time.fromisoformat(waarde)
        except ValueError:
            raise Waardefout(bericht("ongeldige tijd {waarde!r}", waarde=waarde)) from None
    if type(waarde) is time and waarde.tzinfo is None:
        return waarde
    raise Soortfout(
        bericht("verwacht een tijd UU:MM:SS zonder tijdzone, niet {soort}", soort=soort(waarde))
    )


_TIJDSTIP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


def tijdstip(waarde: Any) -> datetime:
    """A timestamp with its timezone, or its ISO 8601 text with offset, in :func:`jaren`;
    kept as the same moment in Europe/Amsterdam (the time of the procedure)."""
    return _in_amsterdam(_jaar(_tijdstip(waarde)))


def _in_amsterdam(moment: datetime) -> datetime:
    # via UTC: a wall time that does not exist (the spring-forward gap) becomes the real
    # moment, and one that occurs twice gets its fold, so writing and reading agree
    return moment.astimezone(UTC).astimezone(_amsterdam())


def _tijdstip_zonder_jaar(waarde: Any) -> datetime:
    """:func:`tijdstip` without the year check (:func:`getypeerd` types)."""
    return _in_amsterdam(_tijdstip(waarde))


def _amsterdam() -> tzinfo:
    global _AMSTERDAM  # noqa: PLW0603 - loaded once, on first use
    if _AMSTERDAM is None:
        from zoneinfo import ZoneInfo  # noqa: PLC0415 - keeps import light

        _AMSTERDAM = ZoneInfo("Europe/Amsterdam")
    return _AMSTERDAM


_AMSTERDAM: tzinfo | None = None


def _tijdstip(waarde: Any) -> datetime:
    if isinstance(waarde, str) and _TIJDSTIP.fullmatch(waarde):
        try:
            waarde = datetime.fromisoformat(waarde)
        except ValueError:
            raise Waardefout(bericht("ongeldig tijdstip {waarde!r}", waarde=waarde)) from None
    if not isinstance(waarde, datetime):
        raise Soortfout(
            bericht("verwacht een tijdstip met tijdzone, niet {soort}", soort=soort(waarde))
        )
    if waarde.utcoffset() is None:
        raise Waardefout(
            bericht("tijdstip zonder tijdzone: {isoformat}", isoformat=waarde.isoformat())
        )
    return waarde


_E = TypeVar("_E", bound=Enum)


def keuze(waarde: Any, enum: type[_E]) -> _E:
    """A member of ``enum``, given as member or as its value."""
    if isinstance(waarde, enum):
        return waarde
    keuzes = [str(k.value) for k in enum]
    if isinstance(waarde, str) and waarde in keuzes:
        return enum(waarde)
    fout = Waardefout if isinstance(waarde, str) else Soortfout
    raise fout(
        bericht(
            "ongeldige waarde {waarde!r}; kies uit {keuzes}",
            waarde=waarde,
            keuzes=" | ".join(keuzes),
        )
    )


def rij(waarde: Any, element: Omzetter) -> tuple[Any, ...]:
    """A tuple of converted elements from a list or tuple; never from a string."""
    if isinstance(waarde, str | bytes) or not isinstance(waarde, Sequence):
        raise Soortfout(bericht("verwacht een lijst, niet {soort}", soort=soort(waarde)))
    uit: list[Any] = []
    for i, w in enumerate(waarde):
        try:
            uit.append(element(w))
        except Ongeldig as e:
            raise type(e)(e.oorzaak, (i, *e.pad)) from None
    return tuple(uit)


# -- converters from annotations ------------------------------------------------------------


def omzetter(t: Any, *, jaartoets: bool = True) -> Omzetter:
    """The converter of annotation ``t`` (see the module docstring); TypeError if none.

    ``jaartoets=False`` leaves out the range of years (for the procedure's and the
    registry's own dates, which may lie before the first meeting year).
    """
    if t is Any or t is object:
        return lambda w: w
    if t in _SCALAIR:
        return _SCALAIR[t] if jaartoets else _ZONDER_JAREN.get(t, _SCALAIR[t])
    origin, args = get_origin(t), get_args(t)

    def sub(a: Any) -> Omzetter:
        return omzetter(a, jaartoets=jaartoets)

    if origin in (Union, types.UnionType):
        return _unie([sub(a) for a in args if a is not type(None)], type(None) in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        element = sub(args[0])
        return lambda w: rij(w, element)
    if origin is tuple:
        return _vast([sub(a) for a in args])
    if origin is frozenset:
        return _verzameling(sub(args[0]))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        return _instantie(Mapping, bericht("een tabel"))
    if isinstance(t, type) and issubclass(t, Enum):
        return lambda w: keuze(w, t)
    if isinstance(t, type):
        return _instantie(t, t.__name__)
    raise TypeError(f"no converter for the annotation {t!r}")  # a programming error in alvrules


def _breuk(waarde: Any) -> Fraction:
    if isinstance(waarde, Fraction):
        return waarde
    return Fraction(geheel(waarde))


_SCALAIR: dict[Any, Omzetter] = {
    str: tekst,
    bool: waarheid,
    int: geheel,
    date: datum,
    time: tijd,
    datetime: tijdstip,
    Fraction: _breuk,
}
_ZONDER_JAREN: dict[Any, Omzetter] = {date: _datum, datetime: _tijdstip_zonder_jaar}


def _unie(opties: list[Omzetter], geen: bool) -> Omzetter:
    def omzetten(waarde: Any) -> Any:
        if waarde is None and geen:
            return None
        fouten: list[Ongeldig] = []
        for o in opties:
            try:
                return o(waarde)
            except Ongeldig as e:
                fouten.append(e)
        # the option of the right type says best what is wrong with the value
        raise next((e for e in fouten if not isinstance(e, Soortfout)), fouten[0])

    return omzetten


def _vast(elementen: list[Omzetter]) -> Omzetter:
    def omzetten(waarde: Any) -> tuple[Any, ...]:
        if isinstance(waarde, str | bytes) or not isinstance(waarde, Sequence):
            raise Soortfout(
                bericht(
                    "verwacht een lijst van {aantal}, niet {soort}",
                    aantal=len(elementen),
                    soort=soort(waarde),
                )
            )
        if len(waarde) != len(elementen):
            raise Waardefout(
                bericht(
                    "verwacht {aantal} elementen, niet {aantal2}",
                    aantal=len(elementen),
                    aantal2=len(waarde),
                )
            )
        return tuple(o(w) for o, w in zip(elementen, waarde, strict=True))

    return omzetten


def _verzameling(element: Omzetter) -> Omzetter:
    def omzetten(waarde: Any) -> frozenset[Any]:
        if isinstance(waarde, str | bytes | Mapping) or not isinstance(waarde, Collection):
            raise Soortfout(bericht("verwacht een verzameling, niet {soort}", soort=soort(waarde)))
        return frozenset(element(w) for w in waarde)

    return omzetten


def _instantie(t: type, naam: str | Bericht) -> Omzetter:
    def omzetten(waarde: Any) -> Any:
        if not isinstance(waarde, t):
            raise Soortfout(
                bericht("verwacht {naam}, niet {soort}", naam=naam, soort=soort(waarde))
            )
        return waarde

    return omzetten


@functools.cache
def annotatie(module: str, tekst_: str) -> Any:
    """The type that annotation ``tekst_`` (text: ``from __future__ import annotations``)
    of module ``module`` names, evaluated once: the fields' converters and the loader
    (:mod:`alvrules.laden`) share it. :func:`typing.get_type_hints` compiled each
    annotation again for every class it was asked about (start-up time)."""
    return eval(tekst_, vars(sys.modules[module]))


def veldtype(cls: type, veld: attrs.Attribute) -> Any:  # type: ignore[type-arg]
    """The type of attrs field ``veld`` of ``cls``, its annotation evaluated in the module
    of the class that declares it (:func:`annotatie`)."""
    if not isinstance(veld.type, str):
        return veld.type
    for klasse in cls.__mro__:
        if veld.name in vars(klasse).get("__annotations__", {}):
            return annotatie(klasse.__module__, veld.type)
    return annotatie(cls.__module__, veld.type)


# -- the field transformer ---------------------------------------------------------------------


class _Veld:
    """The converter of one field, resolved from its annotation on first use (so that an
    annotation may name a type defined further down its module)."""

    __slots__ = ("_annotatie", "_jaartoets", "_klasse", "_module", "_naam", "_omzetter")

    #: the signature of :meth:`__call__`, which attrs reads for every field's converter;
    #: given once, instead of :func:`inspect.signature` working it out for each of the
    #: few hundred fields at import (start-up time)
    __signature__ = inspect.Signature(
        [inspect.Parameter("waarde", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Any")],
        return_annotation="Any",
    )

    def __init__(
        self, klasse: str, module: str, naam: str, annotatie: Any, jaartoets: bool
    ) -> None:
        self._klasse, self._module, self._naam = klasse, module, naam
        self._annotatie = annotatie
        self._jaartoets = jaartoets
        self._omzetter: Omzetter | None = None

    def __call__(self, waarde: Any) -> Any:
        omzetten = self._omzetter or self._los_op()
        try:
            return omzetten(waarde)
        except Ongeldig as e:
            plek = "".join(f"[{s}]" for s in e.pad)
            veld = f"{self._klasse}.{self._naam}{plek}"
            melding = bericht("{veld}: {reden}", veld=veld, reden=e.oorzaak)
            if isinstance(waarde, str) and isinstance(e, Soortfout) and not e.pad:
                melding = bericht(
                    "{veld}: {reden} (schrijf {naam}=[{waarde!r}] voor één waarde)",
                    veld=veld,
                    reden=e.oorzaak,
                    naam=self._naam,
                    waarde=waarde,
                )
            raise type(e)(melding, (self._naam, *e.pad)) from None

    def _los_op(self) -> Omzetter:
        t = self._annotatie
        if isinstance(t, str):
            t = annotatie(self._module, t)
        self._omzetter = omzetter(t, jaartoets=self._jaartoets)
        return self._omzetter


def gecontroleerd(cls: type, velden: list[attrs.Attribute]) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    """attrs ``field_transformer`` of the dossier types: a converter from each annotation.

    A field with its own converter keeps it (it converts a format of its own, such as
    the ``stemmen`` table of a :class:`~alvrules.stemmingen.Stemming`).
    """
    return _transformeer(cls, velden, jaartoets=True)


def getypeerd(cls: type, velden: list[attrs.Attribute]) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    """Like :func:`gecontroleerd`, without the range of years (for types that are not
    input, whose dates may lie outside the meeting years)."""
    return _transformeer(cls, velden, jaartoets=False)


def _transformeer(
    cls: type,
    velden: list[attrs.Attribute],  # type: ignore[type-arg]
    *,
    jaartoets: bool,
) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    return [
        v.evolve(converter=_Veld(cls.__name__, cls.__module__, v.name, v.type, jaartoets))
        if v.converter is None and v.type is not None
        else v
        for v in velden
    ]
