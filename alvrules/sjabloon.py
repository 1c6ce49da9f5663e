"""A commented dossier template for one meeting: ``alvrules nieuw DATUM`` (issue 24).

:func:`sjabloon` writes the TOML text a griffier starts a meeting dossier from: the
deadlines TRM01-TRM09 of that meeting as comments (computed by :mod:`alvrules.termijnen`,
so they are the ones ``alvrules termijnen`` and ``controleer`` use), the table
``[vergadering]`` filled in, and below it one commented example of every kind of item
(agenda item, motion, amendment, representative, each kind of vote, vacancy, earlier
motion, accounting, minutes committee, population figures) with every key the loader
accepts explained in a comment.

The contract (``docs/cli.md``, "alvrules nieuw"):

- the text loads as a dossier, and ``controleer`` reports only AGD02 (the dossier is still
  empty) on it, for every meeting date that ``controleer`` can judge: from the start of the
  register of members (:data:`alvrules.gemeenten.BEGIN`) to the calendar's last year (a
  Hypothesis property); an earlier date is refused;
- an explanation line starts with ``# `` (hash and space); an example line starts with
  ``#`` directly followed by the TOML, so deleting that one ``#`` activates it; every
  example is one line;
- with every example line activated the text still loads, and it then names every key of
  ``alvrules/data/dossier.schema.json`` (a test), so the template cannot fall behind the
  loader;
- ``taal="en"`` writes the comments in English; keys and values stay as the file format
  has them (Dutch).

The example dates are derived from the meeting's deadlines (a motion received before
TRM02, papers sent on TRM04), so an activated example is on time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from alvrules import __version__
from alvrules.bronnen import DOCS_URL
from alvrules.fouten import InvoerFout
from alvrules.gemeenten import register
from alvrules.kalender import VERGADERJAREN
from alvrules.model import Vergadering
from alvrules.procedure import procedure_op
from alvrules.teksten import bericht
from alvrules.termijnen import _WOORDEN, AMSTERDAM, Termijn, termijnen
from alvrules.waarden import Ongeldig
from alvrules.waarden import datum as _datum
from alvrules.waarden import tijd as _tijd

__all__ = ["sjabloon"]

_DAGEN = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
#: the month names of the explanations of deadlines, in both languages
_MAANDEN = {taal: tuple(w["maanden"]) for taal, w in _WOORDEN.items()}

#: The earliest date an example may carry (the loader refuses years outside the calendar).
_EERSTE = date(VERGADERJAREN.start, 1, 1)


def sjabloon(datum: date | str, sluitingstijd: time | str | None = None, taal: str = "nl") -> str:
    """The commented TOML template of a dossier for the ALV on ``datum``.

    ``sluitingstijd`` is the cut-off time of TRM01/TRM02 (``None``: the procedure's
    default, which the template says is assumed); ``datum`` and ``sluitingstijd`` may be
    given as text (``2026-06-17``, ``13:00``). ``taal`` (``nl`` or ``en``) is the language
    of the comments. A date outside the calendar or before the register of members
    (:data:`alvrules.gemeenten.BEGIN`, where ``controleer`` stops too) or an invalid time is
    an :class:`~alvrules.fouten.InvoerFout` (as on the command line).

    >>> tekst = sjabloon("2026-06-17", "13:00")
    >>> "datum = 2026-06-17" in tekst and "sluitingstijd = 13:00:00" in tekst
    True
    >>> from alvrules import controleer, lees_dossier
    >>> import tomllib
    >>> sorted(controleer(lees_dossier(tomllib.loads(tekst))).regels())
    ['AGD02']
    """
    if taal not in _DAGEN:
        raise InvoerFout(bericht("onbekende taal {taal!r}: nl of en", taal=taal))
    dag = _als_datum(datum)
    register().leden(dag)  # a meeting before the register of members: InvoerFout, as controleer
    tijd = _als_tijd(sluitingstijd)
    vergadering = Vergadering(datum=dag, sluitingstijd=tijd)
    lijst = {t.regel: t for t in termijnen(vergadering)}
    standaard = procedure_op(dag).sluitingstijd
    kop = _kop(dag, tijd, standaard, lijst, taal)
    blokken = _blokken(dag, sluitingstijd=tijd or standaard, t=lijst)
    return "\n".join([*kop, *(r for b in blokken for r in _blok(b, taal))]) + "\n"


def _als_datum(waarde: date | str) -> date:
    try:
        dag = _datum(waarde.strip() if isinstance(waarde, str) else waarde)
    except Ongeldig:
        van, tot = VERGADERJAREN.start, VERGADERJAREN.stop - 1
        raise InvoerFout(
            bericht(
                "ongeldige vergaderdatum {waarde!r}: verwacht JJJJ-MM-DD, {van}-{tot}",
                waarde=waarde,
                van=van,
                tot=tot,
            ),
        ) from None
    return dag


def _als_tijd(waarde: time | str | None) -> time | None:
    if waarde is None:
        return None
    tekst = waarde.strip() if isinstance(waarde, str) else waarde
    try:
        t = _tijd(tekst + ":00" if isinstance(tekst, str) and len(tekst) == 5 else tekst)
    except Ongeldig:
        raise InvoerFout(
            bericht("ongeldige sluitingstijd {waarde!r}: verwacht UU:MM", waarde=waarde),
        ) from None
    return t


def _dag(d: date, taal: str) -> str:
    """``woensdag 17 juni 2026`` / ``Wednesday 17 June 2026``."""
    return f"{_DAGEN[taal][d.weekday()]} {d.day} {_MAANDEN[taal][d.month - 1]} {d.year}"


def _moment(t: Termijn, taal: str) -> str:
    tekst = _dag(t.datum, taal)
    if isinstance(t.moment, datetime):
        tekst += f", {t.moment:%H.%M} uur" if taal == "nl" else f", {t.moment:%H:%M}"
    return tekst


def _kop(
    dag: date, tijd: time | None, standaard: time, t: dict[str, Termijn], taal: str
) -> list[str]:
    """The header: what the file is, how to read it, and the meeting's deadlines."""
    iso, en = dag.isoformat(), taal == "en"
    if en:
        regels = [
            f"Dossier of the ALV of {_dag(dag, 'en')}.",
            f"Made with `alvrules nieuw {iso}` (alvrules {__version__}). Fill it in and check it",
            "with `alvrules controleer FILE`. While it holds only the meeting, the check reports",
            "AGD02: the dossier is still empty.",
            "",
            "How to read this file: a line that starts with `# ` (hash and space) explains.",
            "A line that starts with `#` directly followed by text is an example: delete that",
            "one `#` to use it, and replace the example values with the real ones.",
            "Dates as 2026-06-17, times as 13:00:00, timestamps always with their offset",
            "(2026-06-01T11:30:00+02:00). Every key, with its meaning and an example:",
            f"{DOCS_URL}dossier/",
            "",
            f"Deadlines of this ALV (TRM01-TRM09; also: `alvrules termijnen {iso}`):",
        ]
    else:
        regels = [
            f"Dossier van de ALV van {_dag(dag, 'nl')}.",
            f"Gemaakt met `alvrules nieuw {iso}` (alvrules {__version__}). Vul het aan en",
            "controleer het met `alvrules controleer BESTAND`. Zolang er alleen de vergadering in",
            "staat, meldt de controle AGD02: het dossier is nog leeg.",
            "",
            "Zo leest u dit bestand: een regel die met `# ` begint (hekje en spatie) is uitleg.",
            "Een regel die met `#` direct gevolgd door tekst begint, is een voorbeeld: haal dat",
            "ene `#` weg om het te gebruiken, en vervang de voorbeeldwaarden door de echte.",
            "Datums als 2026-06-17, tijden als 13:00:00, tijdstippen altijd met tijdzone",
            "(2026-06-01T11:30:00+02:00). Elke sleutel met haar betekenis en een voorbeeld:",
            f"{DOCS_URL}dossier/",
            "",
            f"Termijnen van deze ALV (TRM01-TRM09; ook: `alvrules termijnen {iso}`):",
        ]
    for regel, termijn in t.items():
        naam = termijn.naam_en if en else termijn.naam
        bindend = (" (binding)" if en else " (bindend)") if termijn.bindend else ""
        regels.append(f"  {regel}  {naam:<22} {_moment(termijn, taal)}{bindend}")
    if tijd is None and en:
        regels += [
            f"The cut-off time {standaard:%H:%M} is assumed (the procedure's default). If the",
            "members' letter names another, set it at `sluitingstijd` below (or make the",
            f"template again with `alvrules nieuw {iso} --sluitingstijd HH:MM`).",
        ]
    elif tijd is None:
        regels += [
            f"De sluitingstijd {standaard:%H.%M} uur is aangenomen (de standaard van de",
            "procedure). Noemt de ledenbrief een andere, zet die bij `sluitingstijd` hieronder",
            f"(of maak het sjabloon opnieuw met `alvrules nieuw {iso} --sluitingstijd UU:MM`).",
        ]
    return [f"# {r}".rstrip() for r in regels]


class _Rij(NamedTuple):
    """One key of an example: its value, its explanation (Dutch, English) and whether the
    line is active (only the meeting's own keys are)."""

    sleutel: str
    waarde: Any
    nl: str = ""
    en: str = ""
    actief: bool = False


class _Blok(NamedTuple):
    """One example: a heading, lines of explanation, the table header and the keys."""

    kop: tuple[str, str] | None
    uitleg: Sequence[tuple[str, str]]
    tabel: str | None
    rijen: Sequence[_Rij]


def _blok(b: _Blok, taal: str) -> Iterator[str]:
    en = taal == "en"
    if b.kop is not None:
        yield ""
        yield f"# --- {b.kop[en]} ---"
    for regel_uitleg in b.uitleg:
        yield f"# {regel_uitleg[en]}"
    actief = any(r.actief for r in b.rijen)
    if b.tabel is not None:
        yield b.tabel if actief else f"#{b.tabel}"
    for r in b.rijen:
        regel = f"{'' if r.actief else '#'}{r.sleutel} = {_inline(r.waarde)}"
        uitleg = r.en if en else r.nl
        yield f"{regel}  # {uitleg}" if uitleg else regel


def _inline(waarde: Any) -> str:
    """A value as one line of TOML (inline tables and arrays)."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, _Letterlijk):
        return waarde.tekst
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, str):
        return json.dumps(waarde, ensure_ascii=False)  # a TOML basic string
    if isinstance(waarde, dict):
        return "{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in waarde.items()) + " }"
    if isinstance(waarde, list):
        return "[" + ", ".join(_inline(v) for v in waarde) + "]"
    raise TypeError(f"geen TOML voor {waarde!r}")  # a programming error


class _Letterlijk(NamedTuple):
    """TOML written as is: a date, time or timestamp."""

    tekst: str


def _tijdstip(moment: datetime) -> _Letterlijk:
    """A timestamp with its offset, never before :data:`_EERSTE` (the loader's years)."""
    vroegst = datetime.combine(_EERSTE, time(12), AMSTERDAM)
    moment = max(moment.astimezone(UTC), vroegst.astimezone(UTC)).astimezone(AMSTERDAM)
    return _Letterlijk(moment.replace(microsecond=0).isoformat())


def _datum_(d: date) -> _Letterlijk:
    return _Letterlijk(max(d, _EERSTE).isoformat())


def _voor(termijn: Termijn) -> _Letterlijk:
    """A moment an hour before the deadline ``termijn``: an example that is on time."""
    moment = termijn.moment
    if not isinstance(moment, datetime):  # pragma: no cover - TRM01, TRM02, TRM08 have a time
        moment = datetime.combine(moment, time(12), AMSTERDAM)
    return _tijdstip(moment - timedelta(hours=1))


def _blokken(dag: date, *, sluitingstijd: time, t: dict[str, Termijn]) -> list[_Blok]:
    """Every example, in the order of docs/dossier.md; the dates follow the deadlines."""
    vorige = max(dag - timedelta(days=182), _EERSTE)  # an earlier ALV: half a year before
    motie_vorige = f"{vorige.year}-M01"
    naam = f"ALV {dag.day} {_MAANDEN['nl'][dag.month - 1]} {dag.year}"
    stem = _tijdstip(datetime.combine(dag, time(11), AMSTERDAM))  # a ballot at the meeting
    return [
        _Blok(
            ("Notulencommissie (NOT01)", "Minutes committee (NOT01)"),
            [
                (
                    "Minstens drie personen. Een lijst, dus hier vóór de eerste [tabel].",
                    "At least three people. A list, so here before the first [table].",
                )
            ],
            None,
            [_Rij("notulencommissie", ["G. Mulder", "H. Visser", "I. Bos"])],
        ),
        _Blok(
            ("De vergadering", "The meeting"),
            [],
            "[vergadering]",
            [
                _Rij("naam", naam, "naam van de vergadering", "name of the meeting", True),
                _Rij(
                    "datum",
                    _Letterlijk(dag.isoformat()),
                    "vergaderdatum: alle termijnen rekenen hiervan terug",
                    "meeting date: every deadline counts back from it",
                    True,
                ),
                _Rij(
                    "sluitingstijd",
                    _Letterlijk(sluitingstijd.isoformat()),
                    "sluitingstijd van de indientermijn (TRM01, TRM02)",
                    "cut-off time of the submission deadline (TRM01, TRM02)",
                    True,
                ),
                _Rij(
                    "soort",
                    "fysiek",
                    "fysiek of digitaal; bij fysiek stemmen alleen aanwezigen (STM03)",
                    "fysiek (in person) or digitaal (online); in person only those present "
                    "vote (STM03)",
                    True,
                ),
                _Rij(
                    "aanvang",
                    _Letterlijk("10:00:00"),
                    "aanvangstijd (optioneel)",
                    "starting time (optional)",
                ),
                _Rij(
                    "buitengewoon",
                    True,
                    "een buitengewone ALV (optioneel; standaard false)",
                    "an extraordinary ALV (optional; default false)",
                ),
                _Rij(
                    "opent",
                    _tijdstip(datetime.combine(dag - timedelta(days=11), time(9), AMSTERDAM)),
                    'ledenraadpleging (soort = "ledenraadpleging"): het stemmen opent (STM14)',
                    'written consultation (soort = "ledenraadpleging"): voting opens (STM14)',
                ),
                _Rij(
                    "sluit",
                    _tijdstip(datetime.combine(dag, time(17), AMSTERDAM)),
                    "ledenraadpleging: het stemmen sluit, tot en met; datum is die dag (STM14)",
                    "written consultation: voting closes, inclusive; datum is that day (STM14)",
                ),
                _Rij(
                    "indientermijn",
                    _voor(t["TRM01"]),
                    "ledenraadpleging: eigen termijn voor moties en amendementen; de "
                    "ALV-termijnen gelden daar niet (STM14)",
                    "written consultation: its own deadline for motions and amendments; the "
                    "ALV deadlines do not apply (STM14)",
                ),
            ],
        ),
        _Blok(
            (
                "Eigen CBS-cijfers voor de stemgewichten (optioneel, STM02)",
                "Own CBS figures for the vote weights (optional, STM02)",
            ),
            [
                (
                    "Zonder deze tabel gelden de cijfers in het pakket voor deze ALV.",
                    "Without this table the figures shipped for this ALV apply.",
                )
            ],
            "[bevolking]",
            [
                _Rij(
                    "bestand",
                    f"inwoners-{dag.year - 1}-01-01.csv",
                    "CSV met de bevolking per gemeente, ten opzichte van dit bestand",
                    "CSV with the population per municipality, relative to this file",
                ),
                _Rij(
                    "peildatum",
                    _datum_(date(max(dag.year - 1, _EERSTE.year), 1, 1)),
                    "peildatum van de cijfers, alleen als het bestand die niet noemt",
                    "reference date of the figures, only when the file does not state it",
                ),
            ],
        ),
        _Blok(
            ("Agenda: één [[agendapunten]] per punt (AGD01)", "Agenda: one per item (AGD01)"),
            [],
            "[[agendapunten]]",
            [
                _Rij(
                    "id",
                    "7",
                    "vaste id, los van het volgnummer; moties en stemmingen verwijzen ernaar",
                    "fixed id, apart from the number; motions and votes refer to it",
                ),
                _Rij("nummer", "7", "nummer op de agenda (optioneel)", "number (optional)"),
                _Rij("titel", "Kaders VNG-inzet", "titel van het punt", "title of the item"),
                _Rij(
                    "soort",
                    "besluitvorming",
                    "besluitvorming, kennisname of bespreking; een gemengd punt: een lijst, "
                    '["kennisname", "besluitvorming"]',
                    "besluitvorming (decision), kennisname (information) or bespreking "
                    "(discussion); a mixed item: a list",
                ),
                _Rij(
                    "amendeerbaar",
                    True,
                    "false als het voorstel niet geamendeerd kan worden (AMD01)",
                    "false when the proposal cannot be amended (AMD01)",
                ),
                _Rij(
                    "verzonden",
                    _datum_(t["TRM04"].datum),
                    "datum waarop het voorstel naar de leden ging (TRM04; optioneel)",
                    "date the proposal was sent to the members (TRM04; optional)",
                ),
                _Rij(
                    "tekst",
                    "De ledenvergadering stelt de kaders vast voor de inzet van de VNG.",
                    "tekst van het voorstel, waarin amendementen wijzigen (AMD04; optioneel)",
                    "text of the proposal, which amendments change (AMD04; optional)",
                ),
            ],
        ),
        _Blok(
            (
                "Moties: één [[moties]] per motie (MOT01-MOT06, SIG01-SIG08, TRM02)",
                "Motions: one [[moties]] per motion (MOT01-MOT06, SIG01-SIG08, TRM02)",
            ),
            [],
            "[[moties]]",
            [
                _Rij("id", "M01", "eigen id van de motie (MOT06)", "the motion's own id (MOT06)"),
                _Rij("titel", "Ruimte voor regionale samenwerking", "titel (MOT01)", "title"),
                _Rij(
                    "agendapunt",
                    "7",
                    'id van een agendapunt, of "rondvraag" (MOT04)',
                    'id of an agenda item, or "rondvraag" (MOT04)',
                ),
                _Rij(
                    "indieners",
                    ["Beesel"],
                    "gemeenten die indienen; hun burgemeester tekent (SIG01)",
                    "submitting municipalities; their mayor signs (SIG01)",
                ),
                _Rij(
                    "mede_indieners",
                    ["Venlo"],
                    "mede-indieners; iemand namens het college tekent (SIG04)",
                    "co-submitters; someone for the college signs (SIG04)",
                ),
                _Rij(
                    "ondersteuners",
                    ["Roermond"],
                    "ondersteunende gemeenten; geen handtekening nodig (SIG05)",
                    "supporting municipalities; no signature needed (SIG05)",
                ),
                _Rij(
                    "ingediend",
                    _voor(t["TRM02"]),
                    "ontvangst van de ondertekende tekst, met tijdzone (TRM02)",
                    "receipt of the signed text, with offset (TRM02)",
                ),
                _Rij(
                    "ondersteuners_ontvangen",
                    _voor(t["TRM08"]),
                    "ontvangst van de definitieve lijst ondersteuners (TRM08; optioneel)",
                    "receipt of the final list of supporters (TRM08; optional)",
                ),
                _Rij(
                    "actueel",
                    False,
                    "true: te laat, maar actueel; geef dan de reden (TRM02)",
                    "true: late, but urgent; then give the reason (TRM02)",
                ),
                _Rij(
                    "reden",
                    "Het kabinet besluit volgende week.",
                    "reden van een actuele motie (optioneel)",
                    "reason for an urgent motion (optional)",
                ),
                _Rij(
                    "aanleiding",
                    "Gemeenten werken steeds vaker samen in de regio.",
                    "aanleiding (MOT01)",
                    "occasion (MOT01)",
                ),
                _Rij(
                    "overwegingen",
                    [
                        "overwegende dat samenwerking gemeenten sterker maakt;",
                        "constaterende dat regels samenwerking soms hinderen;",
                    ],
                    "overwegingen en constateringen, minstens één (MOT01)",
                    "considerations and findings, at least one (MOT01)",
                ),
                _Rij(
                    "oproep",
                    ["zich in te spannen voor ruimte voor regionale samenwerking."],
                    "oproep aan het bestuur, minstens één punt: een inspanning, geen bedrag of "
                    "datum (MOT01, MOT05)",
                    "call on the board, at least one point: an effort, no amount or date "
                    "(MOT01, MOT05)",
                ),
                _Rij(
                    "slotzin",
                    "En gaat over tot de orde van de dag.",
                    "slotzin (MOT02)",
                    "closing sentence (MOT02)",
                ),
                _Rij(
                    "ondertekening",
                    [
                        {"naam": "A. de Vries", "rol": "burgemeester", "gemeente": "Beesel"},
                        {"naam": "B. Jansen", "rol": "wethouder", "gemeente": "Venlo"},
                    ],
                    "wie tekent: naam, rol en gemeente (SIG01-SIG08)",
                    "who signs: name, role and municipality (SIG01-SIG08)",
                ),
                _Rij(
                    "contactpersonen",
                    [
                        {
                            "naam": "C. Peters",
                            "rol": "griffier",
                            "gemeente": "Beesel",
                            "soort": "ambtelijk",
                            "email": "griffie@beesel.nl",
                            "telefoon": "077 000 00 00",
                        },
                        {
                            "naam": "A. de Vries",
                            "rol": "burgemeester",
                            "gemeente": "Beesel",
                            "soort": "bestuurlijk",
                        },
                    ],
                    "een ambtelijke en een bestuurlijke contactpersoon; email en telefoon "
                    "optioneel (MOT03)",
                    "an official and a political contact; email and telefoon optional (MOT03)",
                ),
                _Rij(
                    "preadvies",
                    "overnemen",
                    "preadvies van het bestuur: overnemen, aanhouden of ontraden (PRE01; "
                    "optioneel)",
                    "the board's advice: overnemen, aanhouden or ontraden (PRE01; optional)",
                ),
                _Rij(
                    "interpretatie",
                    "Het bestuur leest de oproep als een inspanning.",
                    "hoe het bestuur de motie leest, bij het preadvies (PRE01; optioneel)",
                    "how the board reads the motion, with its advice (PRE01; optional)",
                ),
                _Rij(
                    "delen",
                    [
                        {
                            "nummer": 1,
                            "punten": [1],
                            "titel": "Regionale samenwerking",
                            "preadvies": "aanhouden",
                            "aangehouden": "preadvies",
                        }
                    ],
                    "in delen gestemd: per deel zijn nummer, de punten van de oproep, een titel, "
                    "een eigen preadvies en of het zonder stemming is aangehouden (STM13; "
                    "optioneel)",
                    "voted in parts: per part its number, the points of the call, a title, its "
                    "own preadvies and whether it was held without a vote (STM13; optional)",
                ),
                _Rij(
                    "aangehouden",
                    "indieners",
                    "aangehouden zonder stemming: door de indieners, of volgens het preadvies "
                    "(STM13, AFD05; optioneel)",
                    "held without a vote: by the submitters (indieners), or as the preadvies "
                    "advised (STM13, AFD05; optional)",
                ),
            ],
        ),
        _Blok(
            (
                "Amendementen: één [[amendementen]] per amendement (AMD01-AMD05, TRM01)",
                "Amendments: one [[amendementen]] per amendment (AMD01-AMD05, TRM01)",
            ),
            [
                (
                    "De sleutels die ook een motie heeft, betekenen hetzelfde; `ingediend` "
                    "telt tegen de statutaire termijn TRM01.",
                    "The keys a motion has too mean the same; `ingediend` counts against the "
                    "statutory deadline TRM01.",
                )
            ],
            "[[amendementen]]",
            [
                _Rij("id", "A01"),
                _Rij("titel", "Ook de provincies"),
                _Rij(
                    "agendapunt",
                    "7",
                    "het agendapunt ter besluitvorming dat het wijzigt (AMD01)",
                    "the agenda item for decision that it changes (AMD01)",
                ),
                _Rij("indieners", ["Utrecht"]),
                _Rij("mede_indieners", []),
                _Rij("ondersteuners", []),
                _Rij("ingediend", _voor(t["TRM01"])),
                _Rij("ondersteuners_ontvangen", _voor(t["TRM08"])),
                _Rij(
                    "ondertekening",
                    [{"naam": "D. Bakker", "rol": "burgemeester", "gemeente": "Utrecht"}],
                ),
                _Rij(
                    "wijzigingen",
                    [
                        {
                            "schrappen": "de inzet van de VNG",
                            "invoegen": "de inzet van de VNG en de provincies",
                        },
                        {"na": "stelt de kaders vast", "invoegen": " na overleg met de regio"},
                    ],
                    "wat eruit gaat en wat ervoor in de plaats komt, of waarna iets wordt "
                    "ingevoegd (AMD03, AMD04)",
                    "what is deleted and what replaces it, or after which text something is "
                    "inserted (AMD03, AMD04)",
                ),
                _Rij(
                    "toelichting",
                    "Provincies voeren de kaders mee uit.",
                    "toelichting van de indieners (optioneel)",
                    "the submitters' explanation (optional)",
                ),
                _Rij("preadvies", "ontraden"),
                _Rij("interpretatie", "Het bestuur leest het amendement als een aanvulling."),
            ],
        ),
        _Blok(
            (
                "Vertegenwoordigers: wie de stemmen van een lid uitbrengt (STM03)",
                "Representatives: who casts a member's votes (STM03)",
            ),
            [],
            "[[vertegenwoordigers]]",
            [
                _Rij("gemeente", "Beesel", "het lid", "the member"),
                _Rij("naam", "A. de Vries", "de vertegenwoordiger", "the representative"),
                _Rij(
                    "rol",
                    "burgemeester",
                    "burgemeester, wethouder, gemeentesecretaris, griffier of raadslid",
                    "burgemeester, wethouder, gemeentesecretaris, griffier or raadslid",
                ),
                _Rij(
                    "aanwezig",
                    True,
                    "aanwezig in de zaal (telt bij een fysieke ALV)",
                    "present in the room (counts at an in-person ALV)",
                ),
                _Rij(
                    "rol_bij",
                    "Beesel",
                    "gemeente van de rol, als dat niet het lid is (optioneel; STM03)",
                    "municipality of the role, when not the member (optional; STM03)",
                ),
            ],
        ),
        _Blok(
            (
                "Stemmingen: één [[stemmingen]] per stemming (STM04-STM12)",
                "Votes: one [[stemmingen]] per vote (STM04-STM12)",
            ),
            [
                (
                    "Een stemming over een voorstel (soort voorstel), gewogen:",
                    "A vote on a proposal (soort voorstel), weighted:",
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S01", "id van de stemming (STM12)", "id of the vote (STM12)"),
                _Rij("titel", "Motie Beesel c.s.", "titel (optioneel)", "title (optional)"),
                _Rij(
                    "soort",
                    "voorstel",
                    "voorstel, orde (ordemotie), keuze (tussen opties) of verkiezing",
                    "voorstel (proposal), orde (order motion), keuze (choice) or verkiezing",
                ),
                _Rij(
                    "voorstellen",
                    ["M01"],
                    "ids van de voorstellen; meer dan één: gebundeld (STM08)",
                    "ids of the proposals; more than one: bundled (STM08)",
                ),
                _Rij(
                    "wijze",
                    "gewogen",
                    "gewogen of acclamatie (STM07)",
                    "gewogen (weighted) or acclamatie (acclamation) (STM07)",
                ),
                _Rij(
                    "stemmen",
                    {"Beesel": "voor", "Venlo": "tegen", "Roermond": "onthouding"},
                    "per gemeente voor, tegen of onthouding (STM04)",
                    "per municipality voor, tegen or onthouding (STM04)",
                ),
                _Rij(
                    "bezwaar",
                    ["Venlo"],
                    "leden die bezwaar maakten tegen acclamatie: dan gewogen (STM07)",
                    "members that objected to acclamation: then weighted (STM07)",
                ),
                _Rij(
                    "meerderheid",
                    "2/3",
                    "een andere meerderheid dan de gewone, als breuk (STM05; optioneel)",
                    "a majority other than the ordinary one, as a fraction (STM05; optional)",
                ),
                _Rij(
                    "grondslag",
                    "uitgebracht",
                    "waarvan de meerderheid: uitgebracht (voor + tegen) of leden (alle leden)",
                    "what the majority is of: uitgebracht (cast) or leden (all members)",
                ),
            ],
        ),
        _Blok(
            None,
            [
                (
                    "Een ordemotie (soort orde, STM09): aangenomen, dan wordt het voorstel niet "
                    "op deze ALV beslist.",
                    "An order motion (soort orde, STM09): if adopted, the proposal is not "
                    "decided at this ALV.",
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S02"),
                _Rij("soort", "orde"),
                _Rij("voorstellen", ["M01"], "de ordemotie zelf", "the order motion itself"),
                _Rij(
                    "betreft",
                    "7",
                    "het voorstel waarover de ordemotie of het amendement gaat (STM09)",
                    "the proposal the order motion or amendment is about (STM09)",
                ),
                _Rij("wijze", "acclamatie"),
            ],
        ),
        _Blok(
            None,
            [
                (
                    "Een stemming over het preadvies bij (een deel van) een motie (soort "
                    "preadvies): aangenomen, dan krijgt de motie wat het preadvies adviseert.",
                    "A vote on the preadvies for (a part of) a motion (soort preadvies): if "
                    "adopted, the motion gets what the preadvies advises.",
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S05"),
                _Rij("soort", "preadvies"),
                _Rij("voorstellen", ["M01"], "precies één motie", "exactly one motion"),
                _Rij(
                    "deel",
                    1,
                    "het deel van de motie (moties.delen; optioneel)",
                    "the part of the motion (moties.delen; optional)",
                ),
                _Rij(
                    "uitkomst_preadvies",
                    "aanhouden",
                    "wat het preadvies adviseert: aanhouden, overnemen of ontraden (standaard "
                    "dat bij het deel of de motie)",
                    "what the preadvies advises: aanhouden, overnemen or ontraden (default: "
                    "that of the part or the motion)",
                ),
                _Rij(
                    "herstemming",
                    "de eerste telling was onvolledig",
                    "alleen bij een herstemming over een voorstel waarover al besloten was: de "
                    "reden (STM13; optioneel)",
                    "only for a revote on a proposal decided before: the reason (STM13; optional)",
                ),
                _Rij("stemmen", {"Beesel": "voor"}),
            ],
        ),
        _Blok(
            None,
            [("Een keuze tussen opties (soort keuze, STM10):", "A choice (soort keuze, STM10):")],
            "[[stemmingen]]",
            [
                _Rij("id", "S03"),
                _Rij("soort", "keuze"),
                _Rij("opties", ["optie 1", "optie 2"], "de opties (STM10)", "the options"),
                _Rij("stemmen", {"Beesel": "optie 1", "Venlo": "optie 2"}),
            ],
        ),
        _Blok(
            None,
            [
                (
                    "Een verkiezing (soort verkiezing, STM11); stemmen mag ook als lijst:",
                    "An election (soort verkiezing, STM11); stemmen may also be a list:",
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S04"),
                _Rij("soort", "verkiezing"),
                _Rij("vacature", "V01", "id van de vacature", "id of the vacancy"),
                _Rij(
                    "kandidaten",
                    ["E. Smit", "F. de Boer"],
                    "de kandidaten (standaard: die van de vacature)",
                    "the candidates (default: those of the vacancy)",
                ),
                _Rij(
                    "stemmen",
                    [
                        {"gemeente": "Beesel", "keuze": "E. Smit", "tijdstip": stem},
                        {"gemeente": "Venlo", "keuze": "F. de Boer"},
                    ],
                    "tijdstip (optioneel): wanneer het briefje is uitgebracht",
                    "tijdstip (optional): when the ballot was cast",
                ),
                _Rij(
                    "volgorde",
                    True,
                    "true: de lijst stemmen staat in de volgorde van uitbrengen (STM06)",
                    "true: the list stemmen is in the order the ballots were cast (STM06)",
                ),
            ],
        ),
        _Blok(
            (
                "Vacatures en kandidaten (STM11, KND01, KND02, TRM05-TRM07)",
                "Vacancies and candidates (STM11, KND01, KND02, TRM05-TRM07)",
            ),
            [
                (
                    "Een tegenkandidaat (KND02) noemt voorgedragen_door (zijn gemeente), minstens "
                    "tien ondersteuners en ingediend (TRM06).",
                    "A counter-candidate (KND02) names voorgedragen_door (their municipality), "
                    "at least ten ondersteuners and ingediend (TRM06).",
                )
            ],
            "[[vacatures]]",
            [
                _Rij("id", "V01", "id van de vacature", "id of the vacancy"),
                _Rij("functie", "vicevoorzitter", "de functie", "the position"),
                _Rij(
                    "kandidaten",
                    [
                        {"naam": "E. Smit", "rol": "burgemeester", "gemeente": "Utrecht"},
                        {
                            "naam": "F. de Boer",
                            "rol": "wethouder",
                            "gemeente": "Venlo",
                            "voorgedragen_door": "Venlo",
                            "ondersteuners": [
                                "Beesel",
                                "Roermond",
                                "Venray",
                                "Horst aan de Maas",
                                "Peel en Maas",
                                "Leudal",
                                "Weert",
                                "Nederweert",
                                "Maasgouw",
                                "Echt-Susteren",
                            ],
                            "ingediend": _datum_(t["TRM06"].datum),
                        },
                    ],
                    "naam, rol, gemeente van elke kandidaat",
                    "name, role, municipality of each candidate",
                ),
            ],
        ),
        _Blok(
            (
                "Moties van eerdere ALV's en de verantwoording (AFD01-AFD05)",
                "Motions of earlier ALVs and the accounting (AFD01-AFD05)",
            ),
            [],
            "[[eerdere_moties]]",
            [
                _Rij("id", motie_vorige, "id van de motie", "id of the motion"),
                _Rij("titel", "Gezonde gemeentefinanciën"),
                _Rij(
                    "vergadering",
                    _datum_(vorige),
                    "de ALV die erover besloot",
                    "the ALV that decided on it",
                ),
                _Rij("onderwerp", "Financiën", "onderwerp", "subject"),
                _Rij(
                    "groep",
                    "Andere moties",
                    "kop waaronder de verantwoording haar noemt",
                    "heading the accounting lists it under",
                ),
                _Rij("indieners", ["Beesel"]),
                _Rij("en_anderen", True, '"c.s.": meer indieners', '"c.s.": more submitters'),
                _Rij("oproep", "Zich inspannen voor een structurele aanvulling."),
                _Rij(
                    "status",
                    "aangenomen",
                    "ingediend, definitief, aangenomen, verworpen, ingetrokken, aangehouden "
                    "of afgedaan (AFD05)",
                    "ingediend, definitief, aangenomen, verworpen, ingetrokken, aangehouden "
                    "or afgedaan (AFD05)",
                ),
                _Rij(
                    "categorie",
                    "verantwoorden-aanhouden",
                    "direct-afgedaan, verantwoorden-afdoen of verantwoorden-aanhouden (AFD01)",
                    "direct-afgedaan, verantwoorden-afdoen or verantwoorden-aanhouden (AFD01)",
                ),
                _Rij(
                    "aangehouden_sinds",
                    _datum_(vorige),
                    "de ALV die haar voor het eerst aanhield (AFD03; optioneel)",
                    "the ALV that first kept it open (AFD03; optional)",
                ),
                _Rij(
                    "delen",
                    [
                        {"nummer": 1, "punten": [1], "status": "aangenomen"},
                        {"nummer": 2, "punten": [2], "status": "aangehouden"},
                    ],
                    "in delen gestemd: per deel waar het staat (AFD05; optioneel)",
                    "voted in parts: where each part stands (AFD05; optional)",
                ),
            ],
        ),
        _Blok(
            None,
            [],
            "[[verantwoording]]",
            [
                _Rij("motie", motie_vorige, "id van de eerdere motie", "id of the earlier motion"),
                _Rij(
                    "verantwoording",
                    "Het bestuur heeft de oproep ingebracht in het overleg met het rijk.",
                    "wat het bestuur deed (AFD02)",
                    "what the board did (AFD02)",
                ),
                _Rij("voorstel", "aanhouden", "afdoen of aanhouden (AFD02)", "afdoen or aanhouden"),
                _Rij("tot", "tot na de kabinetsformatie", "tot wanneer (optioneel)", "until"),
                _Rij(
                    "reden",
                    "Het overleg loopt nog.",
                    "reden om aan te houden (zonder reden: waarschuwing)",
                    "reason to keep it open (none: a warning)",
                ),
            ],
        ),
        _Blok(
            (
                "Bekrachtiging van een ledenraadpleging (STM14)",
                "Ratifying a written consultation (STM14)",
            ),
            [
                (
                    "Een stemming met deze id in `voorstellen` beslist erover.",
                    "A vote with this id in `voorstellen` decides on it.",
                )
            ],
            "[[bekrachtigingen]]",
            [
                _Rij("id", "bekrachtiging", "id van de bekrachtiging", "id of the ratification"),
                _Rij(
                    "raadpleging",
                    f"Ledenraadpleging {vorige.year}",
                    "naam van de ledenraadpleging",
                    "name of the written consultation",
                ),
                _Rij(
                    "besluiten",
                    ["R1"],
                    "ids van de stemmingen van de raadpleging",
                    "ids of the consultation's votes",
                ),
                _Rij(
                    "bestand",
                    f"ledenraadpleging-{vorige.year}.toml",
                    "dossier van de raadpleging, in de map van dit bestand (optioneel)",
                    "the consultation's dossier, in this file's folder (optional)",
                ),
            ],
        ),
    ]
