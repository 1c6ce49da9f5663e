"""Output helpers shared by the CLI's commands."""

from __future__ import annotations

import json
import sys
from datetime import date, time

from alvrules.model import InvoerFout

__all__ = ["datum", "json_uit", "tijd"]


def json_uit(data: object) -> None:
    """Write ``data`` as JSON (UTF-8, not ASCII-escaped) to stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


#: The Dutch words ``wat`` of :func:`datum` and :func:`tijd`, in English (``--lang en``).
_EN = {
    "datum": "date",
    "peildatum": "reference date",
    "jaar of vergaderdatum": "year or meeting date",
    "tijd": "time",
    "sluitingstijd": "closing time",
}


def datum(tekst: str, wat: str = "datum") -> date:
    """Parse ``JJJJ-MM-DD``; :class:`InvoerFout` with a Dutch reason otherwise."""
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(
            f"ongeldige {wat} {tekst!r}: verwacht JJJJ-MM-DD",
            en=f"invalid {_EN.get(wat, wat)} {tekst!r}: expected YYYY-MM-DD",
        ) from None


def tijd(tekst: str, wat: str = "tijd") -> time:
    """Parse ``UU:MM``; :class:`InvoerFout` with a Dutch reason otherwise."""
    try:
        t = time.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(f"ongeldige {wat} {tekst!r}: verwacht UU:MM") from None
    if t.tzinfo is not None:
        raise InvoerFout(
            f"ongeldige {wat} {tekst!r}: geef de tijd zonder tijdzone (Europe/Amsterdam)"
        )
    return t
