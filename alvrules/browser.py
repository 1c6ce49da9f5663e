"""The engine behind the docs page "Controleer uw motie", which runs it in the browser.

The page (``docs/controleer.md``) loads this package into Pyodide and calls one function
with text in and JSON-ready data out, so that the page shows exactly what ``alvrules
controleer`` reports, and the page's own code does no checking at all:

- :func:`controleer_tekst`: a dossier or a single motion/amendment as TOML or JSON text,
  as uploaded or pasted;
- :func:`controleer_formulier`: the form's content, already shaped as a dossier (JSON);
- :func:`sjabloon_tekst`: the commented dossier template of ``alvrules nieuw`` for the
  meeting in the form, for download.

Both return the report (every finding with rule id, severity, message and path), the
deadlines TRM01, TRM02 and TRM08 of the meeting with the working days left from ``nu``,
each finding's message once more for people (dates as people write them), the items sent
after their deadline (``te_laat``: the page never says "voldoet" of those, whatever the
finding's severity in the catalogue), and, instead of a report, the one-line reason when
the input cannot be read (the CLI's exit code 2).

The boundary with JavaScript is crossed once, in :func:`_van_js` on every function the
page calls: an absent value (``None``, or the ``jsnull`` that Pyodide hands Python for
JavaScript's ``null``) becomes ``None`` there, also inside a mapping or list, so no code
behind it ever sees a JavaScript value. The page passes its "now" (``nu``) from the
browser's clock, so the countdown and the choice of the next meeting follow one clock.

Decisions (docs/besluiten.md):

- Pasted text is read as TOML or JSON by its content, a file by its name, exactly as the
  CLI does (:func:`alvrules.laden.is_json`).
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

import functools
import importlib
import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar, cast

from alvrules import schrijven
from alvrules.controle import controleer, controleer_amendement, controleer_motie
from alvrules.dossier import Dossier
from alvrules.grenzen import MAX_GROOTTE
from alvrules.kalender import Kalender
from alvrules.laden import _ontleed, geplaatst, is_json, lees_dossier
from alvrules.model import InvoerFout, een_regel
from alvrules.moties import RONDVRAAG
from alvrules.procedure import procedure_op
from alvrules.regels import Rapport
from alvrules.teksten import Moment, bericht, vertaal
from alvrules.termijnen import AMSTERDAM, Termijn, termijnen

__all__ = [
    "GEPLAKT",
    "TERMIJNEN",
    "controleer_formulier",
    "controleer_tekst",
    "leesbare_datum",
    "naar_toml",
    "sjabloon_tekst",
    "voor_mensen",
    "werkdagen_tot",
]

#: The deadlines the page shows: submission (statutory and requested) and supporters.
TERMIJNEN = ("TRM01", "TRM02", "TRM08")

_ENKEL = {"motie": "moties", "amendement": "amendementen"}

#: What a read text is called in a message when it has no file name.
GEPLAKT = "geplakte tekst"

_P = ParamSpec("_P")
_R = TypeVar("_R")


@functools.cache
def _jsnull() -> object:
    """Pyodide's ``jsnull`` (JavaScript's ``null``), or a marker nothing is outside Pyodide."""
    try:
        return cast(object, importlib.import_module("pyodide.ffi").jsnull)
    except (ImportError, AttributeError):
        return object()


def _uit_js(waarde: Any) -> Any:
    """A value from JavaScript as Python: absent (``None``, ``jsnull``) is ``None``; in a
    mapping, a key with an absent value is left out (as if the page had not sent it); a
    list keeps its places; anything else as it is."""
    if waarde is None or waarde is _jsnull():
        return None
    if isinstance(waarde, Mapping):
        omgezet = {k: _uit_js(v) for k, v in waarde.items()}
        return {k: v for k, v in omgezet.items() if v is not None}
    if isinstance(waarde, list | tuple):
        return [_uit_js(v) for v in waarde]
    return waarde


def _van_js(functie: Callable[_P, _R]) -> Callable[_P, _R]:
    """The boundary: every argument from the page through :func:`_uit_js`, once."""

    @functools.wraps(functie)
    def omgezet(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        omgezette_args = cast(Any, [_uit_js(a) for a in args])
        omgezette_kwargs = cast(Any, {k: _uit_js(v) for k, v in kwargs.items()})
        return functie(*omgezette_args, **omgezette_kwargs)

    return omgezet


@_van_js
def controleer_tekst(
    tekst: str, formaat: str | None = None, nu: str | None = None, naam: str | None = None
) -> dict[str, Any]:
    """Check a dossier (or one motion/amendment with its meeting) given as TOML or JSON.

    ``formaat`` (``"toml"`` or ``"json"``) says how to read it; without it, a text with a
    file name ``naam`` goes by that name and pasted text by its content, as the CLI decides
    (:func:`~alvrules.laden.is_json`). ``naam`` also names the text in a message.
    """
    try:
        data = _lees(tekst, formaat, naam)
    except InvoerFout as e:
        return _onleesbaar(e, tekst)
    return {**_controleer(data, nu, tekst=tekst), "formulier": _formulier(data)}


def _onleesbaar(fout: InvoerFout, tekst: str | None = None) -> dict[str, Any]:
    """Why the input cannot be read: the one line (``invoerfout``) and every problem the
    loader found (``problemen``, as the CLI's JSON writes them), each on its line in
    ``tekst`` and in the order of the text when there is one (:func:`~alvrules.laden.geplaatst`)."""
    if tekst is not None:
        fout = geplaatst(fout, None, GEPLAKT, zoek=_regel_in(tekst))
    return {
        "invoerfout": str(fout),
        "problemen": [
            {"pad": p.pad, "regelnummer": p.lijn, "melding": een_regel(p.tekst())}
            for p in fout.problemen
        ],
    }


@_van_js
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


@_van_js
def naar_toml(formulier: Mapping[str, Any]) -> dict[str, Any]:
    """The form's content as a TOML dossier (the dossier writer's), for download; or why it
    cannot be read."""
    try:
        dossier = lees_dossier(_formulier_dossier(formulier), "invoer")
    except InvoerFout as e:
        return {"invoerfout": str(e)}
    return {"invoerfout": None, "toml": schrijven.naar_toml(dossier)}


@_van_js
def sjabloon_tekst(
    datum: str | None, sluitingstijd: str | None = None, taal: str = "nl"
) -> dict[str, Any]:
    """The template ``alvrules nieuw DATUM [--sluitingstijd UU:MM]`` writes, for download:
    the same text (:func:`alvrules.sjabloon.sjabloon`); or why it cannot be made."""
    from alvrules.sjabloon import sjabloon  # noqa: PLC0415 - only when asked for

    if not datum:
        return {"invoerfout": vertaal(taal, "Vul eerst de datum van de vergadering in.")}
    try:
        return {"invoerfout": None, "toml": sjabloon(datum, sluitingstijd or None, taal=taal)}
    except InvoerFout as e:
        return {"invoerfout": e.tekst(taal)}


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


def _lees(tekst: str, formaat: str | None, naam: str | None) -> dict[str, Any]:
    """The parsed text, read as the CLI reads a file (duplicate JSON keys refused, …)."""
    inhoud = tekst.encode("utf-8", "surrogatepass")
    json_ = formaat == "json" if formaat is not None else is_json(inhoud, naam)
    naam = naam or GEPLAKT
    if len(inhoud) > MAX_GROOTTE:
        raise InvoerFout(
            bericht(
                "{naam}: tekst groter dan {mib} MiB", naam=naam, mib=MAX_GROOTTE // (1024 * 1024)
            )
        )
    data = _ontleed(inhoud, naam, json_=json_)
    if not isinstance(data, dict):
        raise InvoerFout(bericht("{naam}: het dossier is geen tabel (object)", naam=naam))
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


#: An ISO 8601 date or timestamp in a message: ``2023-11-20T13:00:00+01:00``, ``2023-12-01``;
#: not a date inside an identifier (the agenda item ``notulen-2023-06-14``).
_ISO = re.compile(
    r"(?<![\w-])\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:-])"
)


def leesbare_datum(waarde: date, taal: str = "nl") -> str:
    """A date as people write it, ``vrijdag 1 december 2023``; a timestamp in Dutch time
    with the hour as each language writes it, ``maandag 20 november 2023, 13.00 uur``
    (:class:`~alvrules.teksten.Datum`, :class:`~alvrules.teksten.Moment`)."""
    return Moment(waarde).in_(taal)


def voor_mensen(melding: str) -> str:
    """A finding's message with every ISO date or timestamp as people write it."""

    def lees(m: re.Match[str]) -> str:
        tekst = m.group(0)
        try:
            waarde = datetime.fromisoformat(tekst) if "T" in tekst else date.fromisoformat(tekst)
        except ValueError:
            return tekst
        return leesbare_datum(waarde)

    return _ISO.sub(lees, melding)


def _te_laat(dossier: Dossier, per_regel: Mapping[str, Termijn]) -> list[dict[str, Any]]:
    """Every motion and amendment received after its deadline (TRM02 for a motion, TRM01
    for an amendment), whatever the severity its finding has in the catalogue."""
    vergadering = dossier.vergadering
    begin = (
        datetime.combine(vergadering.datum, vergadering.aanvang, AMSTERDAM)
        if vergadering.aanvang is not None
        else None
    )
    uit = []
    for soort, regel, stukken in (
        ("motie", "TRM02", dossier.moties),
        ("amendement", "TRM01", dossier.amendementen),
    ):
        termijn = per_regel[regel]
        for stuk in stukken:
            if stuk.ingediend is None or termijn.gehaald(stuk.ingediend):
                continue
            ontvangen = stuk.ingediend.astimezone(AMSTERDAM)
            na_vergadering = ontvangen.date() > vergadering.datum or (
                begin is not None and ontvangen >= begin
            )
            uit.append(
                {
                    "soort": soort,
                    "id": stuk.id,
                    "regel": regel,
                    "termijn": leesbare_datum(termijn.moment),
                    "ingediend": leesbare_datum(ontvangen),
                    "na_vergadering": na_vergadering,
                    "actueel": bool(getattr(stuk, "actueel", False)),
                }
            )
    return uit


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


def _regel_in(tekst: str) -> Callable[[str], int | None]:
    """The line of a path in ``tekst``; a lone ``[motie]`` or ``[amendement]``, read as the
    one element of ``moties`` or ``amendementen`` (:func:`_lees`), is looked up as written."""
    from alvrules.vindplaats import regelzoeker  # noqa: PLC0415 - only for unreadable input

    zoek = regelzoeker(tekst.encode("utf-8", "surrogatepass"))

    def regel(pad: str) -> int | None:
        lijn = zoek(pad)
        for enkel, meervoud in _ENKEL.items():
            if lijn is None and pad.startswith(f"{meervoud}[") and "]" in pad:
                lijn = zoek(enkel + pad[pad.index("]") + 1 :])
        return lijn

    return regel


def _controleer(
    data: Mapping[str, Any], nu: str | None, *, enkel: bool = False, tekst: str | None = None
) -> dict[str, Any]:
    """The check of ``data`` for the page; ``tekst``, the text it was read from, places
    the problems of an unreadable dossier on their lines."""
    try:
        dossier = lees_dossier(data, "invoer")
        rapport = _rapport(dossier, enkel)
    except InvoerFout as e:
        return _onleesbaar(e, tekst)
    vergadering = dossier.vergadering
    p = procedure_op(vergadering.datum)
    kalender = Kalender.van(p)
    moment = _nu(nu)
    per_regel = {t.regel: t for t in termijnen(vergadering, p)}
    deadlines = [
        {
            **per_regel[regel].to_json(),
            "leesbaar": leesbare_datum(per_regel[regel].moment),
            "werkdagen": werkdagen_tot(per_regel[regel], moment, kalender),
            "verstreken": not per_regel[regel].gehaald(moment),
        }
        for regel in TERMIJNEN
    ]
    return {
        "invoerfout": None,
        "vergadering": {
            "naam": vergadering.naam,
            "datum": vergadering.datum.isoformat(),
            "leesbaar": leesbare_datum(vergadering.datum),
            "sluitingstijd_aangenomen": vergadering.sluitingstijd is None,
        },
        "rapport": rapport.to_json(),
        "leesbaar": [voor_mensen(b.melding) for b in rapport.bevindingen],
        "termijnen": deadlines,
        "te_laat": _te_laat(dossier, per_regel),
    }
