"""The exceptions of alvrules: one hierarchy under :class:`AlvrulesFout`.

Problems in the *content* of a dossier are never exceptions: they are findings
(:class:`~alvrules.regels.Bevinding`), and :func:`alvrules.controleer` never raises on
them. Exceptions are for the two other cases:

- :class:`InvoerFout`: input that cannot be read or interpreted at all (a file that is not
  TOML or JSON, not UTF-8, too large or shaped beyond the limits of :mod:`alvrules.grenzen`,
  a date outside the calendar). The CLI turns it into exit code 2 with one line on stderr.
  :class:`~alvrules.kalender.BuitenKalender` is an :class:`InvoerFout`.
- :class:`GebruiksFout`: the library called against its contract (a negative population
  to :func:`~alvrules.gewichten.stemgewicht`, a malformed change to
  :func:`~alvrules.amendementen.pas_toe`, a forbidden status step:
  :class:`~alvrules.levenscyclus.OngeldigeOvergang`).

Both are also a :class:`ValueError`, as they were before this hierarchy existed, so code
that caught ``ValueError`` keeps working. A public entry point raises nothing else on
input (a programming error in alvrules itself excepted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alvrules.teksten import Opsomming, bericht

if TYPE_CHECKING:  # pragma: no cover
    from alvrules.teksten import Bericht

__all__ = ["AlvrulesFout", "GebruiksFout", "InvoerFout", "Leesprobleem", "eis"]


class AlvrulesFout(Exception):
    """Base of every exception alvrules raises on purpose.

    The message is a text of the catalogue (:func:`alvrules.teksten.bericht`) or a plain
    text; ``str()`` is Dutch, :meth:`tekst` writes it in either language."""

    def __init__(self, melding: str | Bericht = "", *args: object) -> None:
        super().__init__(str(melding), *args)
        self.bericht = None if isinstance(melding, str) else melding

    def tekst(self, taal: str = "nl") -> str:
        """The message in ``taal`` (``nl`` or ``en``)."""
        if taal != "nl" and self.bericht is not None:
            return self.bericht.in_(taal)
        return str(self)


class InvoerFout(AlvrulesFout, ValueError):
    """Input that cannot be read at all (the CLI's exit code 2), with its reason: a message
    of the catalogue, written in either language (:meth:`tekst`). ``regel`` is the id of
    the rule the problem is about (e.g. ``STM02`` for missing population figures).

    ``problemen`` are all the problems the loader found in one pass (an unreadable dossier
    with three mistakes names all three; the message names the first and how many more);
    ``bestand`` is the file they are in, as given, when the problems carry its lines.

    ``en``, a plain English text beside a plain Dutch one, is deprecated since 0.3.0 (a
    :class:`DeprecationWarning`; docs/versies.md): give a message of the catalogue.
    """

    def __init__(
        self,
        melding: str | Bericht,
        *,
        regel: str | None = None,
        problemen: tuple[Leesprobleem, ...] = (),
        en: str | None = None,
        bestand: str | None = None,
    ):
        super().__init__(melding)
        self.regel = regel
        self.problemen = problemen
        self.bestand = bestand
        self._en = en
        if en is not None:
            import warnings  # noqa: PLC0415 - only for the deprecated path

            warnings.warn(
                "InvoerFout(en=...) is deprecated: give a message of the catalogue "
                "(alvrules.teksten.bericht); its English comes from the .po",
                DeprecationWarning,
                stacklevel=2,
            )

    @property
    def en(self) -> str | None:
        """The reason in English (``None`` for a plain text, which has no English)."""
        return self.bericht.in_("en") if self.bericht is not None else self._en

    def tekst(self, taal: str = "nl") -> str:
        """The message in ``taal`` (``nl`` or ``en``)."""
        if taal != "nl" and self.bericht is None and self._en is not None:
            return self._en
        return super().tekst(taal)


class Leesprobleem:
    """One problem that makes a dossier unreadable: where (``pad`` into the dossier, e.g.
    ``moties[M03].ingediend``, empty for the whole file; ``lijn`` the line in the file
    when known) and why (``reden``: a message of the catalogue, :meth:`tekst` writes it in
    either language; ``str`` of it is Dutch)."""

    __slots__ = ("bericht", "lijn", "pad", "reden")

    def __init__(
        self,
        pad: str,
        reden: str | Bericht,
        *,
        lijn: int | None = None,
    ) -> None:
        self.pad = pad
        self.reden = str(reden)
        self.lijn = lijn
        self.bericht = None if isinstance(reden, str) else reden

    def tekst(self, taal: str = "nl") -> str:
        """The reason in ``taal`` (``nl`` or ``en``)."""
        if taal != "nl" and self.bericht is not None:
            return self.bericht.in_(taal)
        return self.reden

    def met_lijn(self, lijn: int | None) -> Leesprobleem:
        """The same problem, placed on line ``lijn``."""
        return Leesprobleem(self.pad, self.bericht or self.reden, lijn=lijn)

    def __repr__(self) -> str:
        return f"Leesprobleem({self.pad!r}, {self.reden!r}, lijn={self.lijn!r})"

    def __eq__(self, ander: object) -> bool:
        if not isinstance(ander, Leesprobleem):
            return NotImplemented
        return (self.pad, self.reden, self.lijn) == (ander.pad, ander.reden, ander.lijn)

    __hash__ = None  # type: ignore[assignment]


class GebruiksFout(AlvrulesFout, ValueError, TypeError):
    """A library function called against its documented contract (a programming error of
    the caller), with a Dutch reason. Also a :class:`TypeError`, for a wrong type."""


def eis(waarde: object, soort: type | tuple[type, ...], wat: str) -> None:
    """:class:`GebruiksFout` unless ``waarde`` is a ``soort`` (``True`` is no ``int``): the
    guard of a public entry point, so ``controleer(None)`` says what it wants instead of
    failing deep inside with an ``AttributeError``."""
    soorten = soort if isinstance(soort, tuple) else (soort,)
    if isinstance(waarde, soorten) and not (isinstance(waarde, bool) and bool not in soorten):
        return
    namen = Opsomming((s.__name__ for s in soorten), of=True)
    raise GebruiksFout(
        bericht(
            "{wat} moet een {namen} zijn, niet {soort}",
            wat=wat,
            namen=namen,
            soort=type(waarde).__name__,
        )
    )
