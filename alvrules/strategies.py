"""Hypothesis strategies for motions, amendments, dossiers and ballots (SIG, MOT, AMD, STM).

Public, so that other tools can property-test against the same model. Needs Hypothesis,
which is in the ``test`` extra (``pip install 'alvrules[test]'``); the library itself
never imports this module.

- :func:`vergaderingen`, :func:`agendas`, :func:`geldige_moties`,
  :func:`geldige_amendementen`, :func:`geldige_dossiers`: valid values, with real member
  names from the registry on the meeting date. A valid motion has no finding at all.
- :data:`DEFECTEN`: defect kind -> :class:`Defect` (the rule it breaks and a function that
  injects exactly that defect into a valid motion); :func:`motie_met_defect` draws one.
- :func:`dossiers`: any dossier the constructors accept, every section and key filled in
  at random (texts of any characters, any dates in the meeting years), for properties
  of reading and writing; most have findings.
- :func:`gewichten`, :func:`tellingen`: members' weights and ballots in delivery order,
  including the ones STM04 rejects (a second ballot, a non-member).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from types import UnionType
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

import attrs
from attrs import NOTHING, evolve, frozen
from hypothesis import strategies as st

from alvrules.amendementen import Amendement, Wijziging
from alvrules.dossier import Dossier
from alvrules.gemeenten import Gemeente, register
from alvrules.model import Agendapunt, AgendaSoort, Contactpersoon, Persoon, Rol, Vergadering
from alvrules.moties import RONDVRAAG, SLOTZIN, Motie, Preadvies
from alvrules.stemmingen import Keuze
from alvrules.termijnen import AMSTERDAM, indientermijn

__all__ = [
    "DEFECTEN",
    "Defect",
    "agendas",
    "codes",
    "dossiers",
    "geldige_amendementen",
    "geldige_dossiers",
    "geldige_moties",
    "gewichten",
    "keuzes",
    "motie_met_defect",
    "tellingen",
    "vergaderingen",
    "voorstelteksten",
]

_WOORDEN = (
    "gemeenten", "rijk", "jeugdzorg", "middelen", "uitvoering", "bestuur", "samenwerking",
    "wonen", "energie", "armoede", "toezicht", "gesprek", "inzet", "regio", "inwoners",
    "voorzieningen", "structureel", "zorgvuldig", "overleg", "ruimte",
)  # fmt: skip
_PERSONEN = ("A. de Vries", "B. Jansen", "C. Bakker", "D. Visser", "E. Smit", "F. Meijer")
_ZIN = re.compile(r"\[\d+\][^.\[]*\.")


def _zin(prefix: str = "") -> st.SearchStrategy[str]:
    woorden = st.lists(st.sampled_from(_WOORDEN), min_size=3, max_size=12)
    return woorden.map(lambda ws: prefix + " ".join(ws) + ".")


def vergaderingen() -> st.SearchStrategy[Vergadering]:
    """An ALV from 2023 on, with or without its own cut-off time."""
    return st.builds(
        Vergadering,
        datum=st.dates(date(2023, 1, 1), date(2027, 12, 31)),
        naam=st.just("ALV"),
        sluitingstijd=st.sampled_from([None, time(12), time(13)]),
    )


def voorstelteksten(min_zinnen: int = 2, max_zinnen: int = 8) -> st.SearchStrategy[str]:
    """A proposal text of numbered sentences "[k] ...." (each occurs once)."""
    return st.integers(min_zinnen, max_zinnen).flatmap(
        lambda n: st.tuples(*(_zin(f"[{k}] ") for k in range(1, n + 1))).map(" ".join)
    )


@st.composite
def agendas(draw: st.DrawFn) -> tuple[Agendapunt, ...]:
    """An agenda; item "1" is an amendable proposal ter besluitvorming with a text."""
    eerste = Agendapunt(id="1", titel="Voorstel", tekst=draw(voorstelteksten()))
    soorten = st.sets(st.sampled_from(AgendaSoort), min_size=1).map(frozenset)
    rest = draw(st.lists(st.tuples(soorten, st.booleans()), max_size=4))
    return (
        eerste,
        *(
            Agendapunt(id=str(k), titel=f"Punt {k}", soorten=s, amendeerbaar=a)
            for k, (s, a) in enumerate(rest, start=2)
        ),
    )


def _ingediend(vergadering: Vergadering) -> st.SearchStrategy[datetime]:
    """A moment at or up to 30 days before the deadline TRM01/TRM02."""
    termijn = indientermijn(vergadering).astimezone(UTC)
    return st.integers(0, 30 * 24 * 3600).map(
        lambda s: (termijn - timedelta(seconds=s)).astimezone(AMSTERDAM)
    )


def _geschreven(g: Gemeente) -> st.SearchStrategy[str]:
    """How a member is written: official name, an alias or its CBS code."""
    return st.sampled_from((g.naam, *g.aliassen, g.code))


@st.composite
def _ondertekenaars(
    draw: st.DrawFn, indieners: Sequence[Gemeente], mede: Sequence[Gemeente]
) -> tuple[Persoon, ...]:
    """Burgemeester (or waarnemend/loco) per indiener, a college role per mede-indiener,
    and optional co-signatures allowed by SIG02."""
    burgemeesters = (Rol.BURGEMEESTER, Rol.WAARNEMEND_BURGEMEESTER, Rol.LOCOBURGEMEESTER)
    college = (*burgemeesters, Rol.WETHOUDER, Rol.GEMEENTESECRETARIS)
    extra = st.lists(st.sampled_from((Rol.WETHOUDER, Rol.GEMEENTESECRETARIS, Rol.RAADSLID)))
    uit: list[Persoon] = []
    for groep, verplicht in ((indieners, burgemeesters), (mede, college)):
        for g in groep:
            for rol in (draw(st.sampled_from(verplicht)), *draw(extra.map(tuple))):
                uit.append(
                    Persoon(draw(st.sampled_from(_PERSONEN)), rol.value, draw(_geschreven(g)))
                )
    return tuple(draw(st.permutations(uit)))


@st.composite
def geldige_moties(
    draw: st.DrawFn,
    vergadering: Vergadering,
    agendapunten: Sequence[Agendapunt] = (),
    motie_id: str = "M01",
) -> Motie:
    """A motion without any finding (no error, warning or info) at ``vergadering``."""
    leden = register().leden(vergadering.datum)
    namen = draw(st.lists(st.sampled_from(leden), min_size=1, max_size=6, unique=True))
    n_ind = draw(st.integers(1, min(2, len(namen))))
    n_mede = draw(st.integers(0, len(namen) - n_ind))
    ind, mede, steun = namen[:n_ind], namen[n_ind : n_ind + n_mede], namen[n_ind + n_mede :]
    bestuurder = st.sampled_from(("burgemeester", "wethouder", "raadslid", "griffier"))
    return Motie(
        id=motie_id,
        titel=draw(_zin()),
        agendapunt=draw(st.sampled_from([None, RONDVRAAG, *(a.id for a in agendapunten)])),
        indieners=tuple(draw(_geschreven(g)) for g in ind),
        mede_indieners=tuple(draw(_geschreven(g)) for g in mede),
        ondersteuners=tuple(draw(_geschreven(g)) for g in steun),
        ingediend=draw(_ingediend(vergadering)),
        aanleiding=draw(_zin()),
        overwegingen=tuple(draw(st.lists(_zin("overwegende dat "), min_size=1, max_size=3))),
        oproep=tuple(draw(st.lists(_zin(), min_size=1, max_size=3))),
        slotzin=draw(st.sampled_from([SLOTZIN, "En gaat over tot de orde\n  van de dag. "])),
        ondertekening=draw(_ondertekenaars(ind, mede)),
        contactpersonen=(
            Contactpersoon(
                draw(st.sampled_from(_PERSONEN)), "beleidsadviseur", ind[0].naam, "ambtelijk"
            ),
            Contactpersoon(
                draw(st.sampled_from(_PERSONEN)), draw(bestuurder), ind[0].naam, "bestuurlijk"
            ),
        ),
        preadvies=draw(st.none() | st.sampled_from(Preadvies)),
    )


@st.composite
def geldige_amendementen(
    draw: st.DrawFn,
    vergadering: Vergadering,
    agendapunt: Agendapunt,
    amendement_id: str = "A01",
    zinnen: Callable[[int], bool] = lambda k: True,
) -> Amendement:
    """A valid amendment to ``agendapunt`` (its text made by :func:`voorstelteksten`),
    changing some of the sentences ``k`` for which ``zinnen(k)`` holds."""
    tekst = agendapunt.tekst or ""
    kandidaten = [z for k, z in enumerate(_ZIN.findall(tekst), start=1) if zinnen(k)]
    gekozen = draw(st.lists(st.sampled_from(kandidaten), min_size=1, unique=True))
    soort = st.sampled_from(("schrappen", "vervangen", "invoegen"))
    wijzigingen = []
    for i, z in enumerate(gekozen):
        nieuw = f"<{amendement_id}-{i}> {draw(_zin())}"
        wijzigingen.append(
            {
                "schrappen": Wijziging(schrappen=z),
                "vervangen": Wijziging(schrappen=z, invoegen=nieuw),
                "invoegen": Wijziging(na=z, invoegen=" " + nieuw),
            }[draw(soort)]
        )
    motie = draw(geldige_moties(vergadering))
    return Amendement(
        id=amendement_id,
        agendapunt=agendapunt.id,
        titel=motie.titel,
        indieners=motie.indieners,
        mede_indieners=motie.mede_indieners,
        ondersteuners=motie.ondersteuners,
        ingediend=motie.ingediend,
        ondertekening=motie.ondertekening,
        wijzigingen=tuple(wijzigingen),
    )


def _pariteit(j: int) -> Callable[[int], bool]:
    return lambda k: k % 2 == j


@st.composite
def geldige_dossiers(draw: st.DrawFn) -> Dossier:
    """A dossier with no error and no warning: motions, and up to two amendments to item
    "1" that change different sentences."""
    v = draw(vergaderingen())
    agenda = draw(agendas())
    n_moties, n_amendementen = draw(st.integers(0, 3)), draw(st.integers(0, 2))
    return Dossier(
        vergadering=v,
        agendapunten=agenda,
        moties=tuple(draw(geldige_moties(v, agenda, f"M{k:02}")) for k in range(1, n_moties + 1)),
        amendementen=tuple(
            draw(geldige_amendementen(v, agenda[0], f"A{j + 1:02}", _pariteit(j)))
            for j in range(n_amendementen)
        ),
    )


# --- defects -----------------------------------------------------------------------------


@frozen
class Defect:
    """One kind of defect: the rule it breaks and how to inject it into a valid motion."""

    regel: str
    injecteer: Callable[[Motie, Vergadering], Motie]


def _lid(naam: str, v: Vergadering) -> Gemeente:
    g = register().zoek(naam, op=v.datum)
    assert g is not None, naam  # a valid motion names members only
    return g


def _ongenoemd(m: Motie, v: Vergadering) -> Gemeente:
    """A member the motion does not name."""
    genoemd = {_lid(n, v).code for n in (*m.indieners, *m.mede_indieners, *m.ondersteuners)}
    return next(g for g in register().leden(v.datum) if g.code not in genoemd)


def _zonder_burgemeester(m: Motie, v: Vergadering) -> Motie:
    """SIG01: the first indiener's burgemeester signature becomes a wethouder's."""
    code = _lid(m.indieners[0], v).code

    def wissel(p: Persoon) -> Persoon:
        rol = p.rol_enum
        if rol is not None and rol.is_burgemeester and _lid(p.gemeente, v).code == code:
            return evolve(p, rol=Rol.WETHOUDER.value)
        return p

    return evolve(m, ondertekening=tuple(wissel(p) for p in m.ondertekening))


def _met_handtekening(
    rol: Rol, gemeente: Callable[[Motie, Vergadering], str]
) -> Callable[[Motie, Vergadering], Motie]:
    def injecteer(m: Motie, v: Vergadering) -> Motie:
        p = Persoon("G. Mulder", rol.value, gemeente(m, v))
        return evolve(m, ondertekening=(*m.ondertekening, p))

    return injecteer


def _mede_zonder_college(m: Motie, v: Vergadering) -> Motie:
    """SIG04: a mede-indiener signed for by a raadslid only."""
    if not m.mede_indieners:
        nieuw = _ongenoemd(m, v).naam
        m = evolve(m, mede_indieners=(nieuw,))
    code = _lid(m.mede_indieners[0], v).code
    rest = tuple(p for p in m.ondertekening if _lid(p.gemeente, v).code != code)
    raadslid = Persoon("H. de Boer", Rol.RAADSLID.value, m.mede_indieners[0])
    return evolve(m, ondertekening=(*rest, raadslid))


def _te_laat(actueel: bool) -> Callable[[Motie, Vergadering], Motie]:
    def injecteer(m: Motie, v: Vergadering) -> Motie:
        laat = indientermijn(v) + timedelta(seconds=1)
        reden = "Het kabinet besloot na de termijn." if actueel else None
        return evolve(m, ingediend=laat, actueel=actueel, reden=reden)

    return injecteer


def _met(veld: str, waarde: object) -> Callable[[Motie, Vergadering], Motie]:
    """Set one field (evolve is typed per field; this goes through the attrs API)."""
    return lambda m, v: evolve(m, **{veld: waarde})  # type: ignore[arg-type]


#: Defect kind -> the rule whose (single) finding it must cause.
DEFECTEN: Mapping[str, Defect] = {
    "te_laat": Defect("TRM02", _te_laat(actueel=False)),
    "te_laat_actueel": Defect("TRM02", _te_laat(actueel=True)),
    "geen_burgemeester": Defect("SIG01", _zonder_burgemeester),
    "griffier_tekent": Defect(
        "SIG02", _met_handtekening(Rol.GRIFFIER, lambda m, v: m.indieners[0])
    ),
    "vreemde_handtekening": Defect(
        "SIG03", _met_handtekening(Rol.BURGEMEESTER, lambda m, v: _ongenoemd(m, v).naam)
    ),
    "mede_indiener_zonder_college": Defect("SIG04", _mede_zonder_college),
    "gemeente_dubbel": Defect(
        "SIG06",
        lambda m, v: evolve(m, ondersteuners=(*m.ondersteuners, _lid(m.indieners[0], v).code)),
    ),
    "onbekende_gemeente": Defect(
        "SIG07", lambda m, v: evolve(m, ondersteuners=(*m.ondersteuners, "Nergenshuizen"))
    ),
    "ongetekend": Defect("SIG08", _met("ondertekening", ())),
    "geen_indieners": Defect("MOT01", _met("indieners", ())),
    "geen_titel": Defect("MOT01", _met("titel", "")),
    "geen_datum": Defect("MOT01", _met("ingediend", None)),
    "geen_aanleiding": Defect("MOT01", _met("aanleiding", "  ")),
    "geen_overwegingen": Defect("MOT01", _met("overwegingen", ())),
    "geen_oproep": Defect("MOT01", _met("oproep", ())),
    "geen_slotzin": Defect("MOT01", _met("slotzin", "")),
    "andere_slotzin": Defect("MOT02", _met("slotzin", "En gaat over tot de agenda.")),
    "geen_contactpersonen": Defect("MOT03", _met("contactpersonen", ())),
    "onbekend_agendapunt": Defect("MOT04", _met("agendapunt", "99-bestaat-niet")),
    "bedrag_in_oproep": Defect(
        "MOT05", lambda m, v: evolve(m, oproep=(m.oproep[0] + " Met € 2 miljoen.", *m.oproep[1:]))
    ),
}


def motie_met_defect(
    soort: str, vergadering: Vergadering, agendapunten: Sequence[Agendapunt] = ()
) -> st.SearchStrategy[Motie]:
    """A valid motion with exactly the defect ``soort`` (a key of :data:`DEFECTEN`)."""
    defect = DEFECTEN[soort]
    return geldige_moties(vergadering, agendapunten).map(lambda m: defect.injecteer(m, vergadering))


# --- weighted votes (STM04-STM06): weights and ballots ----------------------------------
# ``tellingen()`` gives a weights mapping with ballots in delivery order, including second
# ballots of the same member and ballots of non-members (both rejected by STM04).

keuzes = st.sampled_from([k.value for k in Keuze])

#: CBS-style member codes.
codes = st.integers(min_value=1, max_value=9999).map(lambda n: f"GM{n:04d}")


def gewichten(min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[dict[str, int]]:
    """Members' weights: 1 to 75 votes each (STM01)."""
    return st.dictionaries(
        codes, st.integers(min_value=1, max_value=75), min_size=min_size, max_size=max_size
    )


@st.composite
def tellingen(
    draw: st.DrawFn, *, vreemden: bool = True
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Weights and ballots ``(code, keuze)``; some duplicates, maybe some non-members."""
    g = draw(gewichten())
    leden = sorted(g)
    wie = st.sampled_from(leden)
    if vreemden:
        wie = st.one_of(wie, codes.filter(lambda c: c not in g))
    briefjes = draw(st.lists(st.tuples(wie, keuzes), max_size=2 * len(leden) + 2))
    return g, briefjes


# --- any dossier: every key of every section, for reading and writing -------------------


def _tekst() -> st.SearchStrategy[str]:
    return st.text(max_size=12) | st.sampled_from(["", "Utrecht", "a\nb", 'x"""y', "é\t€"])


def _scalair(t: object) -> st.SearchStrategy[Any] | None:
    moment = st.datetimes(
        datetime(2000, 1, 2), datetime(2100, 12, 30), timezones=st.sampled_from([UTC, AMSTERDAM])
    )
    tabel: dict[object, st.SearchStrategy[Any]] = {
        str: _tekst(),
        bool: st.booleans(),
        int: st.integers(0, 10**6),
        date: st.dates(date(2000, 1, 1), date(2100, 12, 31)),
        time: st.times(),
        datetime: moment,
        frozenset[AgendaSoort]: st.sets(st.sampled_from(AgendaSoort), min_size=1).map(frozenset),
    }
    return tabel.get(t)


def _van_type(t: Any) -> st.SearchStrategy[Any]:
    if (gevonden := _scalair(t)) is not None:
        return gevonden
    origin, args = get_origin(t), get_args(t)
    if origin in (Union, UnionType):
        return st.one_of([_van_type(a) for a in args])
    if t is type(None):
        return st.none()
    if origin is tuple:
        return st.lists(_van_type(args[0]), max_size=3).map(tuple)
    if isinstance(t, type) and issubclass(t, Enum):
        return st.sampled_from(t)
    if isinstance(t, type) and attrs.has(t):
        return _van_klasse(t)
    raise TypeError(f"no strategy for {t!r}")  # a programming error


def _van_klasse(cls: type) -> st.SearchStrategy[Any]:
    hints = get_type_hints(cls)
    verplicht = {
        a.name: _van_type(hints[a.name]) for a in attrs.fields(cls) if a.default is NOTHING
    }
    vrij = {a.name: _van_type(hints[a.name]) for a in attrs.fields(cls) if a.default is not NOTHING}
    return (
        st.fixed_dictionaries(verplicht, optional=vrij)
        .map(_bouw(cls))
        .filter(lambda x: x is not None)
    )


def _bouw(cls: type) -> Callable[[dict[str, Any]], Any]:
    def bouw(velden: dict[str, Any]) -> Any:
        try:
            return cls(**velden)
        except (TypeError, ValueError):  # a value the constructor refuses (an empty name)
            return None

    return bouw


def dossiers() -> st.SearchStrategy[Dossier]:
    """Any dossier the constructors accept: every section and key drawn at random."""
    return cast("st.SearchStrategy[Dossier]", _van_klasse(Dossier))
