"""Characters from input: whether a name is visible, and each output's neutralisation.

Input comes from e-mail and may hold what a reader cannot see or what an output would
execute. Two rules follow (see "Vijandige invoer" in the docs):

- *No silent garbage*: a name, a role or an id must contain a visible character, and an
  invisible or formatting character (Unicode category Cf such as U+200B ZERO WIDTH SPACE
  or U+202E RIGHT-TO-LEFT OVERRIDE, a control character, an unassigned code point) inside
  a municipality's name is never stripped into a match: such a name is unknown (SIG07),
  and the finding shows the character escaped.
- *Outputs neutralise input*: :func:`terminal` for text on a terminal, :func:`csv_cel` for
  spreadsheets (OWASP "CSV injection"), :func:`markdown` for Markdown. HTML uses
  :func:`html.escape`, iCalendar text is escaped by the ``icalendar`` library, JSON by
  :mod:`json`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["csv_cel", "markdown", "onzichtbaar", "terminal", "zichtbaar"]

#: Categories of characters nobody sees: format, control, surrogate, private use,
#: unassigned, line and paragraph separators.
_ONZICHTBARE_CATEGORIEEN = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
#: Letters and symbols that render as blank (Hangul fillers, braille blank).
_BLANCO = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _onzichtbaar_teken(c: str) -> bool:
    return unicodedata.category(c) in _ONZICHTBARE_CATEGORIEEN or c in _BLANCO


def onzichtbaar(tekst: str) -> str | None:
    """The first invisible or formatting character in ``tekst`` as ``U+200B``, or None.
    Ordinary spaces are visible enough (they separate words); tab and newline are not."""
    for c in tekst:
        if _onzichtbaar_teken(c):
            return f"U+{ord(c):04X}"
    return None


def zichtbaar(tekst: str) -> bool:
    """True when ``tekst`` contains at least one character a reader can see (not only
    spaces and invisible characters)."""
    return any(not c.isspace() and not _onzichtbaar_teken(c) for c in tekst)


# -- outputs ---------------------------------------------------------------------------------

_STUURTEKENS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal(tekst: str) -> str:
    """``tekst`` safe for a terminal: every control character (ESC, CR, …) and every
    bidirectional override is written as its escape (``\\x1b``, ``\\u202e``); newline and
    tab stay, as they are layout."""
    return _STUURTEKENS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), tekst)


_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def csv_cel(waarde: object) -> str:
    """A CSV cell that no spreadsheet executes: a text starting with ``= + - @``, tab or
    carriage return gets a leading apostrophe (OWASP, "CSV Injection"). The raw value is
    the cell without that one apostrophe (a text that itself starts with an apostrophe
    gets one more, so removing exactly one always gives the value back). Integers are
    written as they are."""
    if isinstance(waarde, int):
        return str(waarde)
    tekst = str(waarde)
    if tekst.startswith(_FORMULE) or tekst.startswith("'"):
        return "'" + tekst
    return tekst


_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&@])")
_AUTOLINK = re.compile(r"(?i)\b(www)\.|\b([a-z][a-z0-9+.-]*):(?=//)")


def markdown(tekst: str) -> str:
    """``tekst`` as literal inline Markdown (CommonMark and GFM): every character with an
    inline meaning is backslash-escaped (emphasis, code, links and images, raw HTML and
    entities, table cells, strikethrough, e-mail autolinks), the ``:`` of ``https://`` and
    the ``.`` of ``www.`` too (GFM autolinks), and line breaks become spaces, so no
    heading, list or forged line can start. Callers only place it after other text on a
    line (a cell, an item, a heading's text)."""
    tekst = _MARKDOWN.sub(r"\\\1", terminal(" ".join(tekst.splitlines())))
    return _AUTOLINK.sub(lambda m: f"{m[1]}\\." if m[1] else f"{m[2]}\\:", tekst)
