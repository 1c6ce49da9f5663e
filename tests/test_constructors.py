"""Validated constructors: what the loader accepts, the constructors accept, and vice versa."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import alvrules
from alvrules.amendementen import Amendement, Wijziging
from alvrules.dossier import Bevolkingsbestand, Dossier
from alvrules.laden import HERNOEMD, lees_dossier
from alvrules.levenscyclus import EerdereMotie
from alvrules.model import Agendapunt, AgendaSoort, Contactpersoon, InvoerFout, Persoon, Vergadering
from alvrules.moties import Motie, Preadvies
from alvrules.stemmingen import Stemming, Vertegenwoordiger
from alvrules.verantwoording import Verantwoording
from alvrules.verkiezingen import Kandidaat, Vacature

AMS = ZoneInfo("Europe/Amsterdam")


def test_motie_with_a_bare_string_for_indieners_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"Motie\.indieners: verwacht een lijst, niet tekst"):
        Motie(id="M01", indieners="Utrecht")  # type: ignore[arg-type]


def test_a_list_becomes_a_tuple() -> None:
    m = Motie(id="M01", indieners=["Utrecht", "Beesel"], oproep=["a"])  # type: ignore[arg-type]
    assert m.indieners == ("Utrecht", "Beesel")
    assert m.oproep == ("a",)
    assert Dossier(vergadering=Vergadering(datum=dt.date(2023, 12, 1)), moties=[m]).moties == (m,)  # type: ignore[arg-type]


def test_enums_accept_their_values_and_dates_their_iso_text() -> None:
    m = Motie(id="M01", preadvies="ontraden", ingediend="2023-11-20T12:55:00+01:00")  # type: ignore[arg-type]
    assert m.preadvies is Preadvies.ONTRADEN
    assert m.ingediend == dt.datetime(2023, 11, 20, 12, 55, tzinfo=AMS)
    v = Vergadering(datum="2023-12-01", sluitingstijd="13:00")  # type: ignore[arg-type]
    assert (v.datum, v.sluitingstijd) == (dt.date(2023, 12, 1), dt.time(13, 0))
    assert Agendapunt(id="1", soorten="kennisname").soorten == {AgendaSoort.KENNISNAME}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bouw", "soort", "tekst"),
    [
        (lambda: Motie(id="M1", preadvies="misschien"), ValueError, "kies uit overnemen"),
        (lambda: Motie(id=1), TypeError, r"Motie\.id: verwacht tekst, niet een getal"),
        (lambda: Motie(id="M1", actueel=1), TypeError, "verwacht true of false"),
        (lambda: Motie(id="M1", ingediend=dt.datetime(2023, 11, 20)), ValueError, "tijdzone"),
        (lambda: Motie(id="M1", ondertekening=[{"naam": "x"}]), TypeError, "verwacht Persoon"),
        (lambda: Motie(id="M1", oproep=["a", 2]), TypeError, r"Motie\.oproep\[1\]"),
        (lambda: Vergadering(datum=dt.datetime(2023, 12, 1, tzinfo=AMS)), TypeError, "datum"),
        (lambda: Vergadering(datum=dt.date(1990, 1, 1)), ValueError, "jaar 1990"),
        (lambda: Vergadering(datum="2023-02-30"), ValueError, "ongeldige datum"),
        (lambda: Agendapunt(id="1", soorten=[]), ValueError, "ten minste één soort"),
        (lambda: Stemming(id="S1", stemmen="Utrecht"), TypeError, "tabel of lijst"),
        (lambda: Stemming(id="S1", stemmen={"Utrecht": 1}), TypeError, "Stembriefje.keuze"),
    ],
)
def test_wrong_values_are_refused_with_the_field_named(
    bouw: Callable[[], object], soort: type[Exception], tekst: str
) -> None:
    with pytest.raises(soort, match=tekst):
        bouw()


# -- the property: the loader and the constructors accept the same values --------------------

#: Where each input type sits in a minimal dossier, with the keys it needs.
PLAATS: dict[type, tuple[tuple[str | int, ...], dict[str, Any]]] = {
    Vergadering: (("vergadering",), {"datum": "2023-12-01"}),
    Bevolkingsbestand: (("bevolking",), {"bestand": "cbs.csv"}),
    Agendapunt: (("agendapunten", 0), {"id": "1"}),
    Motie: (("moties", 0), {"id": "M1"}),
    Amendement: (("amendementen", 0), {"id": "A1"}),
    Wijziging: (("amendementen", 0, "wijzigingen", 0), {}),
    Persoon: (("moties", 0, "ondertekening", 0), {"naam": "n", "rol": "r", "gemeente": "g"}),
    Contactpersoon: (("moties", 0, "contactpersonen", 0), {"naam": "n"}),
    Vertegenwoordiger: (("vertegenwoordigers", 0), {"gemeente": "g", "naam": "n", "rol": "r"}),
    Stemming: (("stemmingen", 0), {"id": "S1"}),
    EerdereMotie: (("eerdere_moties", 0), {"id": "M1"}),
    Verantwoording: (("verantwoording", 0), {"motie": "M1"}),
    Vacature: (("vacatures", 0), {"id": "V1"}),
    Kandidaat: (("vacatures", 0, "kandidaten", 0), {"naam": "n"}),
}
#: Fields whose values are tables of their own type (covered by that type's entry).
GENEST = {"ondertekening", "contactpersonen", "wijzigingen", "kandidaten", "stemmen"}

VELDEN = [(cls, a.name) for cls in PLAATS for a in attrs.fields(cls) if a.name not in GENEST]

SCALAIR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.floats(allow_nan=False),
    st.sampled_from(
        [
            "",
            "Utrecht",
            "overnemen",
            "kennisname",
            "besluitvorming",
            "gewogen",
            "acclamatie",
            "aangenomen",
            "afdoen",
            "fysiek",
            "2023-12-01",
            "2023-02-30",
            "1999-12-31",
            "13:00",
            "13:00:00",
            "25:00",
            "2023-11-20T12:55:00+01:00",
            "2023-11-20T12:55:00",
            "2023-11-20 12:55Z",
        ]
    ),
    st.text(max_size=5),
    st.dates(dt.date(1995, 1, 1), dt.date(2105, 1, 1)),
    st.times(),
    st.datetimes(
        dt.datetime(1998, 1, 1), dt.datetime(2102, 1, 1), timezones=st.sampled_from([None, AMS])
    ),
)
RUW = st.one_of(
    SCALAIR,
    st.lists(SCALAIR, max_size=3),
    st.dictionaries(st.text(max_size=3), SCALAIR, max_size=2),
)


#: The keys each parent needs around a nested type.
OUDER = {"moties": {"id": "M1"}, "amendementen": {"id": "A1"}, "vacatures": {"id": "V1"}}


def _plaats(data: dict[str, Any], pad: tuple[str | int, ...], inhoud: dict[str, Any]) -> None:
    if len(pad) == 1:
        data[str(pad[0])] = inhoud
    elif len(pad) == 2:
        data[str(pad[0])] = [inhoud]
    else:
        data[str(pad[0])] = [{**OUDER[str(pad[0])], str(pad[2]): [inhoud]}]


def _haal(dossier: Dossier, pad: tuple[str | int, ...]) -> Any:
    doel: Any = dossier
    for stap in pad:
        doel = doel[stap] if isinstance(stap, int) else getattr(doel, stap)
    return doel


@given(st.sampled_from(VELDEN), RUW)
def test_loader_and_constructor_accept_the_same_values(veld: tuple[type, str], waarde: Any) -> None:
    cls, naam = veld
    pad, nodig = PLAATS[cls]
    sleutel = HERNOEMD.get((cls, naam), naam)
    inhoud = {**nodig, sleutel: waarde}
    data: dict[str, Any] = {"vergadering": {"datum": "2023-12-01"}}
    _plaats(data, pad, inhoud)
    try:
        geladen = _haal(lees_dossier(data), pad)
    except InvoerFout:
        geladen = None
    try:
        gebouwd = cls(**{**nodig, naam: waarde})
    except (TypeError, ValueError):
        gebouwd = None
    assert geladen == gebouwd


@given(RUW)
def test_loader_and_constructor_agree_on_the_dossier_itself(waarde: Any) -> None:
    v = Vergadering(datum=dt.date(2023, 12, 1))
    try:
        geladen = lees_dossier({"vergadering": {"datum": "2023-12-01"}, "notulencommissie": waarde})
    except InvoerFout:
        geladen = None
    try:
        gebouwd = Dossier(vergadering=v, notulencommissie=waarde)
    except (TypeError, ValueError):
        gebouwd = None
    assert geladen == gebouwd


def test_every_public_attrs_type_converts_its_fields() -> None:
    """Each public attrs type of the top level checks its fields (no bare attrs class)."""
    for naam in alvrules.__all__:
        obj = getattr(alvrules, naam)
        if isinstance(obj, type) and attrs.has(obj):
            zonder = [a.name for a in attrs.fields(obj) if a.converter is None]
            assert zonder == [], f"{naam}: velden zonder controle: {zonder}"
