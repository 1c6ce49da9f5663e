"""The engine behind the docs page "Controleer uw motie", which runs it in the browser.

The page (``docs/controleer.md``) loads this package into Pyodide and calls one function
with text in and JSON-ready data out, so that the page shows exactly what ``alvrules
controleer`` reports, and the page's own code does no checking at all:

- :func:`controleer_tekst`: a dossier or a single motion/amendment as TOML or JSON text,
  as uploaded or pasted;
- :func:`controleer_formulier`: the form's content, already shaped as a dossier (JSON).

Both return the report (every finding with rule id, severity, message and path), the
deadlines TRM01, TRM02 and TRM08 of the meeting with the working days left from ``nu``,
and, instead of a report, the one-line reason when the input cannot be read (the CLI's
exit code 2).

Decisions (docs/besluiten.md):

- A text with ``[[moties]]``/``[[amendementen]]`` but no ``[vergadering]`` is refused
  like in the CLI; a lone motion table (``[motie]`` or ``[amendement]``) next to a
  ``[vergadering]`` is read as a dossier with that one item.
- In the form, the time of sending is entered without timezone and means Dutch time
  (Europe/Amsterdam); a file keeps the CLI's rule that a timestamp without timezone is
  unreadable.
- The form names one agenda item. Without an agenda (no dossier uploaded), that item is
  taken to exist, as an item ter besluitvorming that may be amended; with an uploaded
  dossier, the dossier's agenda is used, so MOT04, AMD01 and AMD04 apply in full.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from alvrules import schrijven
from alvrules.controle import controleer, controleer_amendement, controleer_motie
from alvrules.dossier import Dossier
from alvrules.grenzen import MAX_GROOTTE
from alvrules.kalender import Kalender
from alvrules.laden import _ontleed, lees_dossier
from alvrules.model import InvoerFout
from alvrules.moties import RONDVRAAG
from alvrules.procedure import procedure_op
from alvrules.regels import Rapport
from alvrules.termijnen import AMSTERDAM, Termijn, termijnen

__all__ = [
    "TERMIJNEN",
    "controleer_formulier",
    "controleer_tekst",
    "naar_toml",
    "werkdagen_tot",
]

#: The deadlines the page shows: submission (statutory and requested) and supporters.
TERMIJNEN = ("TRM01", "TRM02", "TRM08")

_ENKEL = {"motie": "moties", "amendement": "amendementen"}


def controleer_tekst(tekst: str, formaat: str = "toml", nu: str | None = None) -> dict[str, Any]:
    """Check a dossier (or one motion/amendment with its meeting) given as TOML or JSON."""
    try:
        data = _lees(tekst, formaat)
    except InvoerFout as e:
        return {"invoerfout": str(e)}
    return {**_controleer(data, nu), "formulier": _formulier(data)}


def controleer_formulier(formulier: Mapping[str, Any], nu: str | None = None) -> dict[str, Any]:
    """Check the form's content: a dossier as a mapping, times of sending in Dutch time.

    The form holds one motion or amendment: its findings are those of
    :func:`~alvrules.controle.controleer_motie` (or ``controleer_amendement``) with the
    meeting and agenda, so an uploaded agenda's own defects are not the form's.
    """
    return _controleer(_formulier_dossier(formulier), nu, enkel=True)


def _formulier_dossier(formulier: Mapping[str, Any]) -> dict[str, Any]:
    """The form's dossier: times of sending in Dutch time, the named agenda item assumed."""
    data: dict[str, Any] = json.loads(json.dumps(formulier))  # a private copy
    stukken = [s for soort in _ENKEL.values() for s in data.get(soort) or () if isinstance(s, dict)]
    for stuk in stukken:
        if isinstance(stuk.get("ingediend"), str):
            stuk["ingediend"] = _nederlandse_tijd(stuk["ingediend"])
    if "agendapunten" not in data:
        punten = {s["agendapunt"] for s in stukken if isinstance(s.get("agendapunt"), str)}
        data["agendapunten"] = [{"id": p} for p in sorted(punten - {RONDVRAAG}) if p.strip()]
    return data


def naar_toml(formulier: Mapping[str, Any]) -> dict[str, Any]:
    """The form's content as a TOML dossier (the dossier writer's), for download; or why it
    cannot be read."""
    try:
        dossier = lees_dossier(_formulier_dossier(formulier), "invoer")
    except InvoerFout as e:
        return {"invoerfout": str(e)}
    return {"invoerfout": None, "toml": schrijven.naar_toml(dossier)}


def werkdagen_tot(termijn: Termijn, nu: datetime, kalender: Kalender) -> int:
    """Working days from the day of ``nu`` (not counted) to the deadline's day (counted).

    Negative when the deadline has passed: minus the working days since then.
    """
    vandaag = nu.astimezone(AMSTERDAM).date()
    van, tot = sorted((vandaag, termijn.datum))
    dagen = sum(
        kalender.is_werkdag(date.fromordinal(n))
        for n in range(van.toordinal() + 1, tot.toordinal() + 1)
    )
    return dagen if termijn.datum >= vandaag else -dagen


def _lees(tekst: str, formaat: str) -> dict[str, Any]:
    """The parsed text, read as the CLI reads a file (duplicate JSON keys refused, …)."""
    naam = "invoer.json" if formaat == "json" else "invoer.toml"
    inhoud = tekst.encode("utf-8", "surrogatepass")
    if len(inhoud) > MAX_GROOTTE:
        raise InvoerFout(f"{naam}: tekst groter dan {MAX_GROOTTE // (1024 * 1024)} MiB")
    data = _ontleed(inhoud, naam, json_=formaat == "json")
    if not isinstance(data, dict):
        raise InvoerFout(f"{naam}: het dossier is geen tabel (object)")
    for enkel, meervoud in _ENKEL.items():
        if enkel in data and meervoud not in data:
            data[meervoud] = [data.pop(enkel)]
    return data


def _formulier(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the form shows of a read text: the meeting, its agenda and the first item.

    Times of sending become Dutch local time without offset, as the form enters them.
    """
    for enkel, meervoud in _ENKEL.items():
        stukken = data.get(meervoud)
        if isinstance(stukken, list) and stukken and isinstance(stukken[0], dict):
            stuk = json.loads(json.dumps(stukken[0], default=str))
            tijd = stukken[0].get("ingediend")
            if isinstance(tijd, datetime) and tijd.tzinfo is not None:
                lokaal = tijd.astimezone(AMSTERDAM).replace(tzinfo=None)
                stuk["ingediend"] = lokaal.isoformat(timespec="minutes")
            return {
                "soort": enkel,
                "vergadering": json.loads(json.dumps(data.get("vergadering"), default=str)),
                "agendapunten": json.loads(json.dumps(data.get("agendapunten", []), default=str)),
                "stuk": stuk,
            }
    return None


def _nederlandse_tijd(waarde: str) -> str:
    """``2023-11-20T12:00`` (no offset) as Dutch time; anything else is left to the loader."""
    try:
        tijd = datetime.fromisoformat(waarde)
    except ValueError:
        return waarde
    if tijd.tzinfo is None:
        tijd = tijd.replace(tzinfo=AMSTERDAM)
    return tijd.isoformat()


def _nu(nu: str | None) -> datetime:
    if nu is None:
        return datetime.now(AMSTERDAM)
    tijd = datetime.fromisoformat(nu)
    return tijd if tijd.tzinfo is not None else tijd.replace(tzinfo=AMSTERDAM)


def _rapport(dossier: Dossier, enkel: bool) -> Rapport:
    """The dossier's findings; with ``enkel``, of its one motion or amendment only."""
    vergadering, agenda = dossier.vergadering, dossier.agendapunten
    if enkel and len(dossier.moties) + len(dossier.amendementen) == 1:
        if dossier.moties:
            return controleer_motie(dossier.moties[0], vergadering=vergadering, agendapunten=agenda)
        return controleer_amendement(
            dossier.amendementen[0], vergadering=vergadering, agendapunten=agenda
        )
    return controleer(dossier)


def _controleer(data: Mapping[str, Any], nu: str | None, *, enkel: bool = False) -> dict[str, Any]:
    try:
        dossier = lees_dossier(data, "invoer")
        rapport = _rapport(dossier, enkel)
    except InvoerFout as e:
        return {"invoerfout": str(e)}
    vergadering = dossier.vergadering
    p = procedure_op(vergadering.datum)
    kalender = Kalender(p.extra_vrije_dagen)
    moment = _nu(nu)
    deadlines = [
        {
            **t.to_json(),
            "werkdagen": werkdagen_tot(t, moment, kalender),
            "verstreken": not t.gehaald(moment),
        }
        for t in termijnen(vergadering, p)
        if t.regel in TERMIJNEN
    ]
    return {
        "invoerfout": None,
        "vergadering": {"naam": vergadering.naam, "datum": vergadering.datum.isoformat()},
        "rapport": rapport.to_json(),
        "termijnen": deadlines,
    }
