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
from alvrules.teksten import N_, TALEN, Datum, Tijd, bericht, vertaal
from alvrules.termijnen import AMSTERDAM, Termijn, termijnen
from alvrules.waarden import Ongeldig
from alvrules.waarden import datum as _datum
from alvrules.waarden import tijd as _tijd

__all__ = ["sjabloon"]

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
    if taal not in TALEN:
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


def _kop(
    dag: date, tijd: time | None, standaard: time, t: dict[str, Termijn], taal: str
) -> list[str]:
    """The header: what the file is, how to read it, and the meeting's deadlines."""
    iso = dag.isoformat()
    regels = vertaal(
        taal,
        "Dossier van de ALV van {dag}.\n"
        "Gemaakt met `alvrules nieuw {iso}` (alvrules {versie}). Vul het aan en\n"
        "controleer het met `alvrules controleer BESTAND`. Zolang er alleen de vergadering in\n"
        "staat, meldt de controle AGD02: het dossier is nog leeg.\n"
        "\n"
        "Zo leest u dit bestand: een regel die met `# ` begint (hekje en spatie) is uitleg.\n"
        "Een regel die met `#` direct gevolgd door tekst begint, is een voorbeeld: haal dat\n"
        "ene `#` weg om het te gebruiken, en vervang de voorbeeldwaarden door de echte.\n"
        "Datums als 2026-06-17, tijden als 13:00:00, tijdstippen altijd met tijdzone\n"
        "(2026-06-01T11:30:00+02:00). Elke sleutel met haar betekenis en een voorbeeld:\n"
        "{url}dossier/\n"
        "\n"
        "Termijnen van deze ALV (TRM01-TRM09; ook: `alvrules termijnen {iso}`):",
        dag=Datum(dag),
        iso=iso,
        versie=__version__,
        url=DOCS_URL,
    ).split("\n")
    for regel, termijn in t.items():
        naam = termijn.naam_in(taal)
        bindend = f" ({vertaal(taal, 'bindend')})" if termijn.bindend else ""
        regels.append(f"  {regel}  {naam:<22} {termijn.moment_in(taal)}{bindend}")
    if tijd is None:
        regels += vertaal(
            taal,
            "De sluitingstijd {tijd} is aangenomen (de standaard van de\n"
            "procedure). Noemt de ledenbrief een andere, zet die bij `sluitingstijd` hieronder\n"
            "(of maak het sjabloon opnieuw met `alvrules nieuw {iso} --sluitingstijd UU:MM`).",
            tijd=Tijd(standaard),
            iso=iso,
        ).split("\n")
    return [f"# {r}".rstrip() for r in regels]


class _Rij(NamedTuple):
    """One key of an example: its value, its explanation (a message of the catalogue) and
    whether the line is active (only the meeting's own keys are)."""

    sleutel: str
    waarde: Any
    uitleg: str = ""
    actief: bool = False


class _Blok(NamedTuple):
    """One example: a heading, lines of explanation (messages of the catalogue), the table
    header and the keys."""

    kop: str | None
    uitleg: Sequence[str]
    tabel: str | None
    rijen: Sequence[_Rij]


def _blok(b: _Blok, taal: str) -> Iterator[str]:
    if b.kop is not None:
        yield ""
        yield f"# --- {vertaal(taal, b.kop)} ---"
    for regel_uitleg in b.uitleg:
        yield f"# {vertaal(taal, regel_uitleg)}"
    actief = any(r.actief for r in b.rijen)
    if b.tabel is not None:
        yield b.tabel if actief else f"#{b.tabel}"
    for r in b.rijen:
        regel = f"{'' if r.actief else '#'}{r.sleutel} = {_inline(r.waarde)}"
        yield f"{regel}  # {vertaal(taal, r.uitleg)}" if r.uitleg else regel


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
    raise TypeError(f"no TOML for {waarde!r}")  # a programming error


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
    naam = f"ALV {Datum(dag, weekdag=False).in_('nl')}"  # a value: Dutch, as the dossier
    stem = _tijdstip(datetime.combine(dag, time(11), AMSTERDAM))  # a ballot at the meeting
    return [
        _Blok(
            N_("Notulencommissie (NOT01)"),
            [N_("Minstens drie personen. Een lijst, dus hier vóór de eerste [tabel].")],
            None,
            [_Rij("notulencommissie", ["G. Mulder", "H. Visser", "I. Bos"])],
        ),
        _Blok(
            N_("De vergadering"),
            [],
            "[vergadering]",
            [
                _Rij("naam", naam, N_("naam van de vergadering"), True),
                _Rij(
                    "datum",
                    _Letterlijk(dag.isoformat()),
                    N_("vergaderdatum: alle termijnen rekenen hiervan terug"),
                    True,
                ),
                _Rij(
                    "sluitingstijd",
                    _Letterlijk(sluitingstijd.isoformat()),
                    N_("sluitingstijd van de indientermijn (TRM01, TRM02)"),
                    True,
                ),
                _Rij(
                    "soort",
                    "fysiek",
                    N_("fysiek of digitaal; bij fysiek stemmen alleen aanwezigen (STM03)"),
                    True,
                ),
                _Rij(
                    "aanvang",
                    _Letterlijk("10:00:00"),
                    N_("aanvangstijd (optioneel)"),
                ),
                _Rij(
                    "buitengewoon",
                    True,
                    N_("een buitengewone ALV (optioneel; standaard false)"),
                ),
                _Rij(
                    "opent",
                    _tijdstip(datetime.combine(dag - timedelta(days=11), time(9), AMSTERDAM)),
                    N_('ledenraadpleging (soort = "ledenraadpleging"): het stemmen opent (STM14)'),
                ),
                _Rij(
                    "sluit",
                    _tijdstip(datetime.combine(dag, time(17), AMSTERDAM)),
                    N_("ledenraadpleging: het stemmen sluit, tot en met; datum is die dag (STM14)"),
                ),
                _Rij(
                    "indientermijn",
                    _voor(t["TRM01"]),
                    N_(
                        "ledenraadpleging: eigen termijn voor moties en amendementen; de "
                        "ALV-termijnen gelden daar niet (STM14)"
                    ),
                ),
            ],
        ),
        _Blok(
            N_("Eigen CBS-cijfers voor de stemgewichten (optioneel, STM02)"),
            [N_("Zonder deze tabel gelden de cijfers in het pakket voor deze ALV.")],
            "[bevolking]",
            [
                _Rij(
                    "bestand",
                    f"inwoners-{dag.year - 1}-01-01.csv",
                    N_("CSV met de bevolking per gemeente, ten opzichte van dit bestand"),
                ),
                _Rij(
                    "peildatum",
                    _datum_(date(max(dag.year - 1, _EERSTE.year), 1, 1)),
                    N_("peildatum van de cijfers, alleen als het bestand die niet noemt"),
                ),
            ],
        ),
        _Blok(
            N_("Agenda: één [[agendapunten]] per punt (AGD01)"),
            [],
            "[[agendapunten]]",
            [
                _Rij(
                    "id",
                    "7",
                    N_("vaste id, los van het volgnummer; moties en stemmingen verwijzen ernaar"),
                ),
                _Rij("nummer", "7", N_("nummer op de agenda (optioneel)")),
                _Rij("titel", "Kaders VNG-inzet", N_("titel van het punt")),
                _Rij(
                    "soort",
                    "besluitvorming",
                    N_(
                        "besluitvorming, kennisname of bespreking; een gemengd punt: een lijst, "
                        '["kennisname", "besluitvorming"]'
                    ),
                ),
                _Rij(
                    "amendeerbaar",
                    True,
                    N_("false als het voorstel niet geamendeerd kan worden (AMD01)"),
                ),
                _Rij(
                    "verzonden",
                    _datum_(t["TRM04"].datum),
                    N_("datum waarop het voorstel naar de leden ging (TRM04; optioneel)"),
                ),
                _Rij(
                    "tekst",
                    "De ledenvergadering stelt de kaders vast voor de inzet van de VNG.",
                    N_("tekst van het voorstel, waarin amendementen wijzigen (AMD04; optioneel)"),
                ),
            ],
        ),
        _Blok(
            N_("Moties: één [[moties]] per motie (MOT01-MOT06, SIG01-SIG08, TRM02)"),
            [],
            "[[moties]]",
            [
                _Rij("id", "M01", N_("eigen id van de motie (MOT06)")),
                _Rij("titel", "Ruimte voor regionale samenwerking", N_("titel (MOT01)")),
                _Rij(
                    "agendapunt",
                    "7",
                    N_('id van een agendapunt, of "rondvraag" (MOT04)'),
                ),
                _Rij(
                    "indieners",
                    ["Beesel"],
                    N_("gemeenten die indienen; hun burgemeester tekent (SIG01)"),
                ),
                _Rij(
                    "mede_indieners",
                    ["Venlo"],
                    N_("mede-indieners; iemand namens het college tekent (SIG04)"),
                ),
                _Rij(
                    "ondersteuners",
                    ["Roermond"],
                    N_("ondersteunende gemeenten; geen handtekening nodig (SIG05)"),
                ),
                _Rij(
                    "ingediend",
                    _voor(t["TRM02"]),
                    N_("ontvangst van de ondertekende tekst, met tijdzone (TRM02)"),
                ),
                _Rij(
                    "ondersteuners_ontvangen",
                    _voor(t["TRM08"]),
                    N_("ontvangst van de definitieve lijst ondersteuners (TRM08; optioneel)"),
                ),
                _Rij(
                    "actueel",
                    False,
                    N_("true: te laat, maar actueel; geef dan de reden (TRM02)"),
                ),
                _Rij(
                    "reden",
                    "Het kabinet besluit volgende week.",
                    N_("reden van een actuele motie (optioneel)"),
                ),
                _Rij(
                    "aanleiding",
                    "Gemeenten werken steeds vaker samen in de regio.",
                    N_("aanleiding (MOT01)"),
                ),
                _Rij(
                    "overwegingen",
                    [
                        "overwegende dat samenwerking gemeenten sterker maakt;",
                        "constaterende dat regels samenwerking soms hinderen;",
                    ],
                    N_("overwegingen en constateringen, minstens één (MOT01)"),
                ),
                _Rij(
                    "oproep",
                    ["zich in te spannen voor ruimte voor regionale samenwerking."],
                    N_(
                        "oproep aan het bestuur, minstens één punt: een inspanning, geen bedrag of "
                        "datum (MOT01, MOT05)"
                    ),
                ),
                _Rij(
                    "slotzin",
                    "En gaat over tot de orde van de dag.",
                    N_("slotzin (MOT02)"),
                ),
                _Rij(
                    "ondertekening",
                    [
                        {"naam": "A. de Vries", "rol": "burgemeester", "gemeente": "Beesel"},
                        {"naam": "B. Jansen", "rol": "wethouder", "gemeente": "Venlo"},
                    ],
                    N_("wie tekent: naam, rol en gemeente (SIG01-SIG08)"),
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
                    N_(
                        "een ambtelijke en een bestuurlijke contactpersoon; email en telefoon "
                        "optioneel (MOT03)"
                    ),
                ),
                _Rij(
                    "preadvies",
                    "overnemen",
                    N_(
                        "preadvies van het bestuur: overnemen, aanhouden of ontraden (PRE01; "
                        "optioneel)"
                    ),
                ),
                _Rij(
                    "interpretatie",
                    "Het bestuur leest de oproep als een inspanning.",
                    N_("hoe het bestuur de motie leest, bij het preadvies (PRE01; optioneel)"),
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
                    N_(
                        "in delen gestemd: per deel zijn nummer, de punten van de oproep, "
                        "een titel, een eigen preadvies en of het zonder stemming is "
                        "aangehouden (STM13; optioneel)"
                    ),
                ),
                _Rij(
                    "aangehouden",
                    "indieners",
                    N_(
                        "aangehouden zonder stemming: door de indieners, of volgens het preadvies "
                        "(STM13, AFD05; optioneel)"
                    ),
                ),
            ],
        ),
        _Blok(
            N_("Amendementen: één [[amendementen]] per amendement (AMD01-AMD05, TRM01)"),
            [
                N_(
                    "De sleutels die ook een motie heeft, betekenen hetzelfde; `ingediend` "
                    "telt tegen de statutaire termijn TRM01."
                )
            ],
            "[[amendementen]]",
            [
                _Rij("id", "A01"),
                _Rij("titel", "Ook de provincies"),
                _Rij(
                    "agendapunt",
                    "7",
                    N_("het agendapunt ter besluitvorming dat het wijzigt (AMD01)"),
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
                    N_(
                        "wat eruit gaat en wat ervoor in de plaats komt, of waarna iets wordt "
                        "ingevoegd (AMD03, AMD04)"
                    ),
                ),
                _Rij(
                    "toelichting",
                    "Provincies voeren de kaders mee uit.",
                    N_("toelichting van de indieners (optioneel)"),
                ),
                _Rij("preadvies", "ontraden"),
                _Rij("interpretatie", "Het bestuur leest het amendement als een aanvulling."),
            ],
        ),
        _Blok(
            N_("Vertegenwoordigers: wie de stemmen van een lid uitbrengt (STM03)"),
            [],
            "[[vertegenwoordigers]]",
            [
                _Rij("gemeente", "Beesel", N_("het lid")),
                _Rij("naam", "A. de Vries", N_("de vertegenwoordiger")),
                _Rij(
                    "rol",
                    "burgemeester",
                    N_("burgemeester, wethouder, gemeentesecretaris, griffier of raadslid"),
                ),
                _Rij(
                    "aanwezig",
                    True,
                    N_("aanwezig in de zaal (telt bij een fysieke ALV)"),
                ),
                _Rij(
                    "rol_bij",
                    "Beesel",
                    N_("gemeente van de rol, als dat niet het lid is (optioneel; STM03)"),
                ),
            ],
        ),
        _Blok(
            N_("Stemmingen: één [[stemmingen]] per stemming (STM04-STM12)"),
            [N_("Een stemming over een voorstel (soort voorstel), gewogen:")],
            "[[stemmingen]]",
            [
                _Rij("id", "S01", N_("id van de stemming (STM12)")),
                _Rij("titel", "Motie Beesel c.s.", N_("titel (optioneel)")),
                _Rij(
                    "soort",
                    "voorstel",
                    N_("voorstel, orde (ordemotie), keuze (tussen opties) of verkiezing"),
                ),
                _Rij(
                    "voorstellen",
                    ["M01"],
                    N_("ids van de voorstellen; meer dan één: gebundeld (STM08)"),
                ),
                _Rij(
                    "wijze",
                    "gewogen",
                    N_("gewogen of acclamatie (STM07)"),
                ),
                _Rij(
                    "stemmen",
                    {"Beesel": "voor", "Venlo": "tegen", "Roermond": "onthouding"},
                    N_("per gemeente voor, tegen of onthouding (STM04)"),
                ),
                _Rij(
                    "bezwaar",
                    ["Venlo"],
                    N_("leden die bezwaar maakten tegen acclamatie: dan gewogen (STM07)"),
                ),
                _Rij(
                    "meerderheid",
                    "2/3",
                    N_("een andere meerderheid dan de gewone, als breuk (STM05; optioneel)"),
                ),
                _Rij(
                    "grondslag",
                    "uitgebracht",
                    N_("waarvan de meerderheid: uitgebracht (voor + tegen) of leden (alle leden)"),
                ),
            ],
        ),
        _Blok(
            None,
            [
                N_(
                    "Een ordemotie (soort orde, STM09): aangenomen, dan wordt het voorstel niet "
                    "op deze ALV beslist."
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S02"),
                _Rij("soort", "orde"),
                _Rij("voorstellen", ["M01"], N_("de ordemotie zelf")),
                _Rij(
                    "betreft",
                    "7",
                    N_("het voorstel waarover de ordemotie of het amendement gaat (STM09)"),
                ),
                _Rij("wijze", "acclamatie"),
            ],
        ),
        _Blok(
            None,
            [
                N_(
                    "Een stemming over het preadvies bij (een deel van) een motie (soort "
                    "preadvies): aangenomen, dan krijgt de motie wat het preadvies adviseert."
                )
            ],
            "[[stemmingen]]",
            [
                _Rij("id", "S05"),
                _Rij("soort", "preadvies"),
                _Rij("voorstellen", ["M01"], N_("precies één motie")),
                _Rij(
                    "deel",
                    1,
                    N_("het deel van de motie (moties.delen; optioneel)"),
                ),
                _Rij(
                    "uitkomst_preadvies",
                    "aanhouden",
                    N_(
                        "wat het preadvies adviseert: aanhouden, overnemen of ontraden (standaard "
                        "dat bij het deel of de motie)"
                    ),
                ),
                _Rij(
                    "herstemming",
                    "de eerste telling was onvolledig",
                    N_(
                        "alleen bij een herstemming over een voorstel waarover al besloten was: de "
                        "reden (STM13; optioneel)"
                    ),
                ),
                _Rij("stemmen", {"Beesel": "voor"}),
            ],
        ),
        _Blok(
            None,
            [N_("Een keuze tussen opties (soort keuze, STM10):")],
            "[[stemmingen]]",
            [
                _Rij("id", "S03"),
                _Rij("soort", "keuze"),
                _Rij("opties", ["optie 1", "optie 2"], N_("de opties (STM10)")),
                _Rij("stemmen", {"Beesel": "optie 1", "Venlo": "optie 2"}),
            ],
        ),
        _Blok(
            None,
            [N_("Een verkiezing (soort verkiezing, STM11); stemmen mag ook als lijst:")],
            "[[stemmingen]]",
            [
                _Rij("id", "S04"),
                _Rij("soort", "verkiezing"),
                _Rij("vacature", "V01", N_("id van de vacature")),
                _Rij(
                    "kandidaten",
                    ["E. Smit", "F. de Boer"],
                    N_("de kandidaten (standaard: die van de vacature)"),
                ),
                _Rij(
                    "stemmen",
                    [
                        {"gemeente": "Beesel", "keuze": "E. Smit", "tijdstip": stem},
                        {"gemeente": "Venlo", "keuze": "F. de Boer"},
                    ],
                    N_("tijdstip (optioneel): wanneer het briefje is uitgebracht"),
                ),
                _Rij(
                    "volgorde",
                    True,
                    N_("true: de lijst stemmen staat in de volgorde van uitbrengen (STM06)"),
                ),
            ],
        ),
        _Blok(
            N_("Vacatures en kandidaten (STM11, KND01, KND02, TRM05-TRM07)"),
            [
                N_(
                    "Een tegenkandidaat (KND02) noemt voorgedragen_door (zijn gemeente), minstens "
                    "tien ondersteuners en ingediend (TRM06)."
                )
            ],
            "[[vacatures]]",
            [
                _Rij("id", "V01", N_("id van de vacature")),
                _Rij("functie", "vicevoorzitter", N_("de functie")),
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
                    N_("naam, rol, gemeente van elke kandidaat"),
                ),
            ],
        ),
        _Blok(
            N_("Moties van eerdere ALV's en de verantwoording (AFD01-AFD05)"),
            [],
            "[[eerdere_moties]]",
            [
                _Rij("id", motie_vorige, N_("id van de motie")),
                _Rij("titel", "Gezonde gemeentefinanciën"),
                _Rij(
                    "vergadering",
                    _datum_(vorige),
                    N_("de ALV die erover besloot"),
                ),
                _Rij("onderwerp", "Financiën", N_("onderwerp")),
                _Rij(
                    "groep",
                    "Andere moties",
                    N_("kop waaronder de verantwoording haar noemt"),
                ),
                _Rij("indieners", ["Beesel"]),
                _Rij("en_anderen", True, N_('"c.s.": meer indieners')),
                _Rij("oproep", "Zich inspannen voor een structurele aanvulling."),
                _Rij(
                    "status",
                    "aangenomen",
                    N_(
                        "ingediend, definitief, aangenomen, verworpen, ingetrokken, aangehouden "
                        "of afgedaan (AFD05)"
                    ),
                ),
                _Rij(
                    "categorie",
                    "verantwoorden-aanhouden",
                    N_("direct-afgedaan, verantwoorden-afdoen of verantwoorden-aanhouden (AFD01)"),
                ),
                _Rij(
                    "aangehouden_sinds",
                    _datum_(vorige),
                    N_("de ALV die haar voor het eerst aanhield (AFD03; optioneel)"),
                ),
                _Rij(
                    "delen",
                    [
                        {"nummer": 1, "punten": [1], "status": "aangenomen"},
                        {"nummer": 2, "punten": [2], "status": "aangehouden"},
                    ],
                    N_("in delen gestemd: per deel waar het staat (AFD05; optioneel)"),
                ),
            ],
        ),
        _Blok(
            None,
            [],
            "[[verantwoording]]",
            [
                _Rij("motie", motie_vorige, N_("id van de eerdere motie")),
                _Rij(
                    "verantwoording",
                    "Het bestuur heeft de oproep ingebracht in het overleg met het rijk.",
                    N_("wat het bestuur deed (AFD02)"),
                ),
                _Rij("voorstel", "aanhouden", N_("afdoen of aanhouden (AFD02)")),
                _Rij("tot", "tot na de kabinetsformatie", N_("tot wanneer (optioneel)")),
                _Rij(
                    "reden",
                    "Het overleg loopt nog.",
                    N_("reden om aan te houden (zonder reden: waarschuwing)"),
                ),
            ],
        ),
        _Blok(
            N_("Bekrachtiging van een ledenraadpleging (STM14)"),
            [N_("Een stemming met deze id in `voorstellen` beslist erover.")],
            "[[bekrachtigingen]]",
            [
                _Rij("id", "bekrachtiging", N_("id van de bekrachtiging")),
                _Rij(
                    "raadpleging",
                    f"Ledenraadpleging {vorige.year}",
                    N_("naam van de ledenraadpleging"),
                ),
                _Rij(
                    "besluiten",
                    ["R1"],
                    N_("ids van de stemmingen van de raadpleging"),
                ),
                _Rij(
                    "bestand",
                    f"ledenraadpleging-{vorige.year}.toml",
                    N_("dossier van de raadpleging, in de map van dit bestand (optioneel)"),
                ),
            ],
        ),
    ]
