"""Output helpers shared by the CLI's commands."""

from __future__ import annotations

import json
import sys
from datetime import date, time

from alvrules.model import InvoerFout

__all__ = ["datum", "json_uit", "tijd"]


def json_uit(data: object) -> None:
    """Write ``data`` as JSON (UTF-8, not ASCII-escaped) to stdout."""
    # one write (json.dump writes each token separately: half a million calls for 5 MB)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def datum(tekst: str, wat: str = "datum") -> date:
    """Parse ``JJJJ-MM-DD``; :class:`InvoerFout` with a Dutch reason otherwise."""
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(f"ongeldige {wat} {tekst!r}: verwacht JJJJ-MM-DD") from None


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
