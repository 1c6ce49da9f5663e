"""Edges of the value checks at the boundary (``alvrules.waarden``).

Written to kill surviving mutants (mutmut) in waarden.py. The field transformers
(``gecontroleerd``, ``getypeerd``) run when a class is defined, so the tests that check
them define a small attrs class of their own; the converters are asserted by calling
``omzetter(annotation)`` directly, for every kind of annotation of the module docstring,
so that what is checked does not depend on a converter cached in the test process.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from fractions import Fraction
from typing import Any

import attrs
import pytest

from alvrules import waarden
from alvrules.waarden import (
    Ongeldig,
    Soortfout,
    Waardefout,
    datum,
    gecontroleerd,
    getypeerd,
    keuze,
    omzetter,
    soort,
    tijd,
    tijdstip,
)

#: a year before the meeting years (:func:`alvrules.waarden.jaren`)
OUD = "1999-12-31"


class Kleur(enum.Enum):
    """A choice known only to this module (not in the namespace of ``waarden``)."""

    ROOD = "rood"
    GROEN = "groen"


class Soort(enum.StrEnum):
    """A ``str`` subclass, as the dossier's string enums are."""

    MOTIE = "motie"


@attrs.frozen
class Binnen:
    """A nested attrs type, named by an annotation of a class below."""

    naam: str = "b"


def maak(cls: Any, **velden: Any) -> Any:
    """``cls(**velden)`` without the type checker's view of the arguments."""
    return cls(**velden)


def fout(functie: Any, waarde: Any, soort_fout: type[Ongeldig] = Soortfout) -> Ongeldig:
    """The error ``functie(waarde)`` raises, which must be exactly ``soort_fout``."""
    with pytest.raises(Ongeldig) as e:
        functie(waarde)
    assert type(e.value) is soort_fout
    return e.value


# -- soort: what a value is, in words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "woorden"),
    [
        (True, "true/false"),
        (1, "een getal"),
        (1.5, "een getal"),
        ([], "een lijst"),
        ((), "een tuple"),
        ({}, "een tabel"),
        (datetime(2023, 1, 1, tzinfo=UTC), "een tijdstip"),
        (date(2023, 1, 1), "een datum"),
        (time(12), "een tijd"),
        (None, "null"),
        (Fraction(1, 2), "Fraction"),
        (Kleur.ROOD, "Kleur"),
    ],
)
def test_soort_names_the_kind_of_a_value(waarde: Any, woorden: str) -> None:
    assert soort(waarde) == woorden


def test_soort_shows_a_string_of_up_to_40_characters_whole() -> None:
    assert soort("a" * 40) == "tekst " + repr("a" * 40)
    assert soort("a" * 41) == "tekst " + repr("a" * 39 + "…")
    assert soort("b" * 100) == "tekst " + repr("b" * 39 + "…")


# -- scalars -------------------------------------------------------------------------------------


def test_tekst_stores_a_str_subclass_as_plain_str() -> None:
    tekst = omzetter(str)
    uit = tekst(Soort.MOTIE)
    assert type(uit) is str
    assert uit == "motie"
    assert type(tekst("x")) is str
    assert fout(tekst, 1).reden == "verwacht tekst, niet een getal"


def test_waarheid_takes_only_a_bool() -> None:
    waarheid = omzetter(bool)
    assert waarheid(True) is True
    assert waarheid(False) is False
    assert fout(waarheid, 1).reden == "verwacht true of false, niet een getal"
    assert fout(waarheid, "true").reden == "verwacht true of false, niet tekst 'true'"


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [
        ("1", "verwacht een geheel getal, niet tekst '1'"),
        (True, "verwacht een geheel getal, niet true/false"),
        (1.0, "verwacht een geheel getal, niet een getal"),
        (None, "verwacht een geheel getal, niet null"),
    ],
)
def test_geheel_takes_only_an_int(waarde: Any, reden: str) -> None:
    assert fout(omzetter(int), waarde).reden == reden


def test_geheel_keeps_an_int() -> None:
    assert omzetter(int)(7) == 7
    assert omzetter(int)(-3) == -3


def test_breuk_takes_a_fraction_or_an_int() -> None:
    breuk = omzetter(Fraction)
    assert breuk(Fraction(1, 3)) == Fraction(1, 3)
    assert breuk(3) == Fraction(3)
    assert type(breuk(3)) is Fraction
    assert fout(breuk, "1/3").reden == "verwacht een geheel getal, niet tekst '1/3'"


def test_datum_names_what_it_got_instead_of_a_date() -> None:
    assert fout(datum, 5).reden == "verwacht een datum JJJJ-MM-DD, niet een getal"
    moment = datetime(2023, 12, 1, tzinfo=UTC)
    assert fout(datum, moment).reden == "verwacht een datum JJJJ-MM-DD, niet een tijdstip"
    assert fout(datum, "2023-02-30", Waardefout).reden == "ongeldige datum '2023-02-30'"


def test_tijd_takes_a_time_without_timezone_or_its_text() -> None:
    assert tijd("13:05") == time(13, 5)
    assert tijd(time(9, 30)) == time(9, 30)
    assert fout(tijd, "25:00", Waardefout).reden == "ongeldige tijd '25:00'"
    assert fout(tijd, 13).reden == "verwacht een tijd UU:MM:SS zonder tijdzone, niet een getal"
    met_zone = time(13, tzinfo=UTC)
    assert "niet een tijd" in fout(tijd, met_zone).reden


def test_tijdstip_names_what_is_wrong() -> None:
    assert fout(tijdstip, "2023-02-30T12:00+01:00", Waardefout).reden == (
        "ongeldig tijdstip '2023-02-30T12:00+01:00'"
    )
    assert fout(tijdstip, date(2023, 12, 1)).reden == (
        "verwacht een tijdstip met tijdzone, niet een datum"
    )
    assert fout(tijdstip, "2023-12-01T12:00", Waardefout).reden == (
        "tijdstip zonder tijdzone: 2023-12-01T12:00:00"
    )


def test_tijdstip_is_kept_in_europe_amsterdam_also_on_first_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The zone is loaded on first use; the first timestamp already gets it."""
    monkeypatch.setattr(waarden, "_AMSTERDAM", None)
    uit = tijdstip("2023-12-01T11:00:00Z")
    assert str(uit.tzinfo) == "Europe/Amsterdam"
    assert uit.utcoffset() == timedelta(hours=1)
    assert uit == datetime(2023, 12, 1, 11, tzinfo=UTC)
    zomer = tijdstip(datetime(2023, 6, 14, 8, tzinfo=timezone(timedelta(hours=-2))))
    assert str(zomer.tzinfo) == "Europe/Amsterdam"
    assert (zomer.hour, zomer.utcoffset()) == (12, timedelta(hours=2))


def test_keuze_wrong_text_is_a_value_error_anything_else_a_type_error() -> None:
    assert keuze("rood", Kleur) is Kleur.ROOD
    assert keuze(Kleur.GROEN, Kleur) is Kleur.GROEN
    with pytest.raises(Waardefout) as e:
        keuze("paars", Kleur)
    assert type(e.value) is Waardefout
    assert e.value.reden == "ongeldige waarde 'paars'; kies uit rood | groen"
    with pytest.raises(Soortfout) as s:
        keuze(1, Kleur)
    assert type(s.value) is Soortfout
    assert omzetter(Kleur)("groen") is Kleur.GROEN


# -- omzetter: one per kind of annotation --------------------------------------------------------


def test_omzetter_any_and_object_pass_everything_unchanged() -> None:
    ding = object()
    assert omzetter(Any)(ding) is ding
    assert omzetter(Any)(5) == 5
    assert omzetter(object)(ding) is ding
    assert omzetter(object)("x") == "x"


def test_omzetter_of_a_scalar_is_strict() -> None:
    """Not everything passes: ``str`` wants text (no identity for other annotations)."""
    assert fout(omzetter(str), 1).reden == "verwacht tekst, niet een getal"
    assert fout(omzetter(int, jaartoets=False), "1").pad == ()


@pytest.mark.parametrize("t", [date, datetime])
def test_omzetter_checks_the_year_by_default(t: type) -> None:
    tekst = OUD if t is date else OUD + "T12:00+01:00"
    e = fout(omzetter(t), tekst, Waardefout)
    assert e.reden == "jaar 1999 buiten 2000-2100"


def test_omzetter_without_year_check_accepts_any_year() -> None:
    assert omzetter(date, jaartoets=False)(OUD) == date(1999, 12, 31)
    oud = omzetter(datetime, jaartoets=False)(OUD + "T12:00+01:00")
    assert oud == datetime(1999, 12, 31, 11, tzinfo=UTC)


@pytest.mark.parametrize("t", [str, bool, int, time, Fraction])
def test_omzetter_without_year_check_still_converts_other_scalars(t: type) -> None:
    waarde = {str: "x", bool: True, int: 3, time: time(1), Fraction: Fraction(1, 2)}[t]
    assert omzetter(t, jaartoets=False)(waarde) == waarde
    assert type(fout(omzetter(t, jaartoets=False), None)) is Soortfout


def test_omzetter_year_check_reaches_elements_and_options() -> None:
    e = fout(omzetter(tuple[date, ...]), ["2023-01-01", OUD], Waardefout)
    assert e.pad == (1,)
    assert e.reden.startswith("jaar 1999")
    fout(omzetter(date | None), OUD, Waardefout)
    assert omzetter(tuple[date, ...], jaartoets=False)([OUD]) == (date(1999, 12, 31),)
    assert omzetter(date | None, jaartoets=False)(OUD) == date(1999, 12, 31)
    assert omzetter(frozenset[date], jaartoets=False)([OUD]) == {date(1999, 12, 31)}


def test_omzetter_optional() -> None:
    optie = omzetter(int | None)
    assert optie(None) is None
    assert optie(3) == 3
    assert optie(0) == 0
    e = fout(optie, "x")
    assert e.reden == "verwacht een geheel getal, niet tekst 'x'"


def test_omzetter_union_without_none_refuses_none() -> None:
    unie = omzetter(int | str)
    assert unie(3) == 3
    assert unie("x") == "x"
    e = fout(unie, None)
    assert e.reden == "verwacht een geheel getal, niet null"


def test_omzetter_union_reports_the_option_of_the_right_type() -> None:
    """An invalid date in a date-or-int field says the date is wrong, not that it is no int."""
    e = fout(omzetter(int | date), "2023-02-30", Waardefout)
    assert e.reden == "ongeldige datum '2023-02-30'"
    assert fout(omzetter(int | date), 1.5).reden == "verwacht een geheel getal, niet een getal"


def test_omzetter_tuple_of_any_length() -> None:
    rij = omzetter(tuple[int, ...])
    assert rij([1, 2]) == (1, 2)
    assert rij((3,)) == (3,)
    assert rij([]) == ()
    assert type(rij([1])) is tuple
    assert fout(rij, "12").reden == "verwacht een lijst, niet tekst '12'"
    e = fout(rij, [1, "2"])
    assert e.pad == (1,)


def test_omzetter_tuple_of_fixed_length() -> None:
    vast = omzetter(tuple[int, str])
    assert vast((1, "a")) == (1, "a")
    assert vast([2, "b"]) == (2, "b")
    assert fout(vast, "ab").reden == "verwacht een lijst van 2, niet tekst 'ab'"
    assert fout(vast, 5).reden == "verwacht een lijst van 2, niet een getal"
    assert fout(vast, [1, "a", 2], Waardefout).reden == "verwacht 2 elementen, niet 3"
    assert fout(vast, ["a", 1]).reden == "verwacht een geheel getal, niet tekst 'a'"


def test_omzetter_frozenset() -> None:
    verzameling = omzetter(frozenset[str])
    assert verzameling(["a", "b", "a"]) == frozenset({"a", "b"})
    assert verzameling(("a",)) == frozenset({"a"})
    assert fout(verzameling, "ab").reden == "verwacht een verzameling, niet tekst 'ab'"
    assert fout(verzameling, {"a": 1}).reden == "verwacht een verzameling, niet een tabel"
    assert fout(verzameling, 3).reden == "verwacht een verzameling, niet een getal"


def test_omzetter_mapping() -> None:
    tabel = omzetter(dict[str, int])
    waarde = {"a": 1}
    assert tabel(waarde) is waarde
    assert omzetter(Mapping[str, int])(waarde) is waarde
    assert fout(tabel, [1]).reden == "verwacht een tabel, niet een lijst"


def test_omzetter_attrs_type_wants_an_instance() -> None:
    binnen = Binnen()
    assert omzetter(Binnen)(binnen) is binnen
    assert fout(omzetter(Binnen), {"naam": "b"}).reden == "verwacht Binnen, niet een tabel"
    assert fout(omzetter(Binnen), 5).reden == "verwacht Binnen, niet een getal"


@pytest.mark.parametrize("t", [list[int], set[str], None, 5])
def test_omzetter_without_a_converter_is_a_type_error(t: Any) -> None:
    with pytest.raises(TypeError, match="no converter for") as e:
        omzetter(t)
    assert not isinstance(e.value, Ongeldig)


# -- the field transformers, applied to classes of this module ------------------------------------


def test_gecontroleerd_converts_and_checks_each_field() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        namen: tuple[str, ...] = ()
        kleur: Kleur = Kleur.ROOD
        binnen: Binnen | None = None
        dag: date | None = None

    k = maak(K, namen=["Utrecht", Soort.MOTIE], kleur="groen", binnen=Binnen(), dag="2023-12-01")
    assert k.namen == ("Utrecht", "motie")
    assert type(k.namen) is tuple
    assert type(k.namen[1]) is str
    assert k.kleur is Kleur.GROEN
    assert k.binnen == Binnen()
    assert k.dag == date(2023, 12, 1)
    assert maak(K).namen == ()
    assert maak(K, binnen=None).binnen is None
    with pytest.raises(Soortfout) as e:
        maak(K, binnen={"naam": "b"})
    assert str(e.value).startswith("K.binnen: verwacht Binnen")
    assert e.value.pad == ("binnen",)


def test_gecontroleerd_a_string_is_not_a_list() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        namen: tuple[str, ...] = ()

    with pytest.raises(Soortfout) as e:
        maak(K, namen="Utrecht")
    assert isinstance(e.value, TypeError)
    assert e.value.pad == ("namen",)
    assert str(e.value) == (
        "K.namen: verwacht een lijst, niet tekst 'Utrecht' "
        "(schrijf namen=['Utrecht'] voor één waarde)"
    )


def test_gecontroleerd_the_one_value_tip_is_only_for_a_type_error_at_the_field() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        kleur: Kleur = Kleur.ROOD
        namen: tuple[str, ...] = ()

    with pytest.raises(Waardefout) as e:
        maak(K, kleur="paars")
    assert str(e.value) == "K.kleur: ongeldige waarde 'paars'; kies uit rood | groen"
    assert e.value.pad == ("kleur",)
    with pytest.raises(Soortfout) as s:
        maak(K, kleur=3)
    assert "voor één waarde" not in str(s.value)


def test_gecontroleerd_names_the_path_below_the_field() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        rijen: tuple[tuple[int, ...], ...] = ()

    assert maak(K, rijen=[[1], [2, 3]]).rijen == ((1,), (2, 3))
    with pytest.raises(Soortfout) as e:
        maak(K, rijen=[[1], [2, "x"]])
    assert e.value.pad == ("rijen", 1, 1)
    assert str(e.value) == "K.rijen[1][1]: verwacht een geheel getal, niet tekst 'x'"


def test_gecontroleerd_checks_the_year_getypeerd_does_not() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class Invoer:
        dag: date
        moment: datetime | None = None

    @attrs.frozen(field_transformer=getypeerd)
    class Uitvoer:
        dag: date
        moment: datetime | None = None

    with pytest.raises(Waardefout) as e:
        maak(Invoer, dag=OUD)
    assert e.value.pad == ("dag",)
    assert str(e.value) == "Invoer.dag: jaar 1999 buiten 2000-2100"
    with pytest.raises(Waardefout):
        maak(Invoer, dag="2023-12-01", moment=OUD + "T12:00+01:00")
    assert maak(Uitvoer, dag=OUD).dag == date(1999, 12, 31)
    moment = maak(Uitvoer, dag=OUD, moment=OUD + "T12:00+01:00").moment
    assert moment == datetime(1999, 12, 31, 11, tzinfo=UTC)
    with pytest.raises(Soortfout) as s:
        maak(Uitvoer, dag=5)
    assert str(s.value).startswith("Uitvoer.dag: verwacht een datum")


def test_gecontroleerd_datetime_rules() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        moment: datetime
        dag: date | None = None

    k = maak(K, moment="2023-12-01T11:00Z")
    assert k.moment == datetime(2023, 12, 1, 11, tzinfo=UTC)
    assert str(k.moment.tzinfo) == "Europe/Amsterdam"
    with pytest.raises(Waardefout, match=r"^K\.moment: tijdstip zonder tijdzone"):
        maak(K, moment=datetime(2023, 12, 1, 11))
    with pytest.raises(Soortfout, match=r"^K\.dag: verwacht een datum"):
        maak(K, moment="2023-12-01T11:00Z", dag=datetime(2023, 12, 1, tzinfo=UTC))


def test_a_field_with_its_own_converter_keeps_it() -> None:
    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        getal: int = attrs.field(converter=int)
        namen: tuple[str, ...] = ()

    k = maak(K, getal="3", namen=["a"])
    assert k.getal == 3
    assert k.namen == ("a",)


def test_getypeerd_converts_lists_to_tuples() -> None:
    @attrs.frozen(field_transformer=getypeerd)
    class K:
        namen: tuple[str, ...] = ()
        getal: int = attrs.field(default=0, converter=abs)

    k = maak(K, namen=["a", "b"], getal=-2)
    assert k.namen == ("a", "b")
    assert k.getal == 2
    with pytest.raises(Soortfout) as e:
        maak(K, namen="ab")
    assert e.value.pad == ("namen",)
    assert str(e.value).startswith("K.namen: verwacht een lijst")


def test_a_field_without_annotation_is_left_alone() -> None:
    klasse = attrs.make_class(
        "K",
        {"vrij": attrs.field(), "namen": attrs.field(type=tuple[str, ...])},
        field_transformer=gecontroleerd,
    )
    k = maak(klasse, vrij=["a"], namen=["a"])
    assert k.vrij == ["a"]
    assert k.namen == ("a",)


def test_gecontroleerd_resolves_names_in_the_module_of_the_class() -> None:
    """A string annotation is looked up where the class is defined (not in ``waarden``)."""

    @attrs.frozen(field_transformer=gecontroleerd)
    class K:
        kleur: Kleur
        binnen: Binnen

    k = maak(K, kleur="rood", binnen=Binnen("x"))
    assert k.kleur is Kleur.ROOD
    assert k.binnen == Binnen("x")
    with pytest.raises(Soortfout) as e:
        maak(K, kleur="rood", binnen="x")
    assert e.value.pad == ("binnen",)


def test_tijdstip_without_year_check_is_also_kept_in_amsterdam() -> None:
    """The module's rule for ``datetime`` holds for :func:`getypeerd` types too (the year
    check off): the same moment, in Europe/Amsterdam."""
    for jaartoets in (True, False):
        t = omzetter(datetime, jaartoets=jaartoets)("2023-06-14T08:00-02:00")
        assert t.isoformat() == "2023-06-14T12:00:00+02:00"
        assert str(t.tzinfo) == "Europe/Amsterdam"
