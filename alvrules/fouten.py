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

__all__ = ["AlvrulesFout", "GebruiksFout", "InvoerFout"]


class AlvrulesFout(Exception):
    """Base of every exception alvrules raises on purpose."""


class InvoerFout(AlvrulesFout, ValueError):
    """Input that cannot be read at all (the CLI's exit code 2), with a Dutch reason.

    ``en`` is the reason in English where one is given (``--lang en``), ``regel`` the id
    of the rule the problem is about (e.g. ``STM02`` for missing population figures).
    """

    def __init__(self, melding: str, *, en: str | None = None, regel: str | None = None):
        super().__init__(melding)
        self.en = en
        self.regel = regel

    def tekst(self, taal: str = "nl") -> str:
        """The reason in ``taal`` (``nl`` or ``en``; Dutch when no English one is given)."""
        return self.en if taal == "en" and self.en else str(self)


class GebruiksFout(AlvrulesFout, ValueError, TypeError):
    """A library function called against its documented contract (a programming error of
    the caller), with a Dutch reason. Also a :class:`TypeError`, for a wrong type."""
