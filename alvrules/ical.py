"""iCalendar export of a meeting's deadlines (TRM01-TRM09), for Outlook and Google Calendar.

One VEVENT per deadline. A deadline with a time of day is an instant (DTSTART with TZID
Europe/Amsterdam and no DTEND, RFC 5545 §3.6.1), with a VTIMEZONE for that zone; a
date-only deadline is an all-day event (DTEND the next day). The UID is derived from the
meeting date and the rule id, so importing a newer file updates the events instead of
duplicating them. ``icalendar`` is imported here only, so only ``--format ics`` needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from alvrules.fouten import GebruiksFout
from alvrules.regels import bron_in
from alvrules.tekens import terminal
from alvrules.teksten import Datum, bericht, vertaal
from alvrules.termijnen import Termijn

__all__ = ["PRODID", "als_ical", "uid"]

PRODID = "-//VNG//alvrules//NL"


def uid(vergaderdatum: date, termijn: Termijn) -> str:
    """Stable per meeting and rule: ``alvrules-2023-12-01-TRM01@vng.nl``."""
    return f"alvrules-{vergaderdatum.isoformat()}-{termijn.regel}@vng.nl"


def _tekst(tekst: str) -> str:
    """Text for a TEXT property: ``icalendar`` escapes ``\\ ; ,`` and newlines itself; a
    carriage return becomes a newline and another control character its escape (RFC 5545
    allows none in TEXT, and ``icalendar`` refuses them with an assertion)."""
    return terminal(tekst.replace("\r\n", "\n").replace("\r", "\n"))


def als_ical(
    vergaderdatum: date,
    termijnen: Iterable[Termijn],
    gemaakt: datetime,
    naam: str = "ALV",
    taal: str = "nl",
) -> bytes:
    """The deadlines as an iCalendar file, its texts in ``taal``; ``gemaakt`` (aware)
    becomes every DTSTAMP."""
    import icalendar  # noqa: PLC0415 - only the ics export needs it

    if gemaakt.utcoffset() is None:
        raise GebruiksFout(
            bericht("tijdstip zonder tijdzone: {isoformat}", isoformat=gemaakt.isoformat())
        )
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    naam = _tekst(naam)
    # an X- property is not TEXT to icalendar unless given as vText (then it is escaped)
    dag = Datum(vergaderdatum, weekdag=False)
    cal.add(
        "x-wr-calname",
        icalendar.vText(vertaal(taal, "Termijnen {naam} {datum}", naam=naam, datum=dag)),
    )
    for t in termijnen:
        ev = icalendar.Event()
        ev.add("uid", uid(vergaderdatum, t))
        ev.add("dtstamp", gemaakt)
        termijn = t.naam_in(taal)
        ev.add(
            "summary",
            vertaal(
                taal,
                "{naam} {datum}: termijn {termijn} ({regel})",
                naam=naam,
                datum=dag,
                termijn=termijn,
                regel=t.regel,
            ),
        )
        bindend = vertaal(taal, "bindend") if t.bindend else vertaal(taal, "niet bindend")
        uitleg = t.uitleg_in(taal)
        ev.add(
            "description",
            _tekst(
                f"{t.regel} {termijn} ({bindend})\n"
                + vertaal(taal, "Bron: {bron}", bron=bron_in(t.bron, taal))
                + f"\n{uitleg}"
            ),
        )
        ev.add("dtstart", t.moment)
        if not isinstance(t.moment, datetime):  # all day: DTEND is the next day
            ev.add("dtend", t.moment + timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        ev.add("categories", ["ALV", vertaal(taal, "termijn")])
        cal.add_component(ev)
    cal.add_missing_timezones(
        first_date=date(vergaderdatum.year - 1, 1, 1),
        last_date=date(vergaderdatum.year + 1, 1, 1),
    )
    return bytes(cal.to_ical())
