"""Edges of the shared domain types: agenda kinds, timestamps, one-line reasons, role tips.

Written to kill surviving mutants (mutmut) in model.py: a wrong agenda kind is refused
with the field named and at its place (``pad``) like every other constructor error, the
timezone validator names the timestamp it refuses, a reason keeps backslashes and its
exact length, and a role word that merely resembles a role gets no tip.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from alvrules.fouten import GebruiksFout
from alvrules.model import Agendapunt, Rol, aware, een_regel
from alvrules.moties import Motie
from alvrules.waarden import Ongeldig, Soortfout, Waardefout


@pytest.mark.regel("AGD01")
@pytest.mark.parametrize(
    ("soorten", "fout", "waarde"),
    [
        ("onzin", Waardefout, "'onzin'"),
        (["kennisname", "onzin"], Waardefout, "'onzin'"),
        (5, Soortfout, "een getal"),
        ([], Waardefout, "ten minste één soort"),
    ],
)
def test_agd01_wrong_kinds_are_refused_at_the_field_soorten(
    soorten: Any, fout: type[Ongeldig], waarde: str
) -> None:
    """A wrong ``soorten`` is refused as any field is: the exception's kind, its ``pad``
    starting at the field, and its message naming ``Agendapunt.soorten`` and the value."""
    with pytest.raises(fout) as e:
        Agendapunt(id="1", soorten=soorten)
    assert e.value.pad == ("soorten",)
    assert str(e.value) == e.value.reden
    assert str(e.value).startswith("Agendapunt.soorten: ")
    assert waarde in str(e.value)


def test_soorten_errors_have_the_shape_of_other_field_errors() -> None:
    """The own converter of ``soorten`` reports like the converters from annotations do."""
    with pytest.raises(Soortfout) as gewoon:
        Motie(id=1)  # type: ignore[arg-type]
    with pytest.raises(Soortfout) as eigen:
        Agendapunt(id="1", soorten=1)
    assert (gewoon.value.pad, eigen.value.pad) == (("id",), ("soorten",))
    assert str(gewoon.value).startswith("Motie.id: verwacht ")
    assert str(eigen.value).startswith("Agendapunt.soorten: verwacht ")


def test_aware_refuses_a_naive_timestamp_and_names_it() -> None:
    """The validator (public in model.__all__) names the timestamp without timezone."""
    aware(None, None, None)
    aware(None, None, datetime.fromisoformat("2023-11-20T12:55:00+01:00"))
    with pytest.raises(GebruiksFout, match=r"tijdzone: 2023-11-20T12:55:00\.$"):
        aware(None, None, datetime(2023, 11, 20, 12, 55))


def test_een_regel_keeps_printable_characters_as_written() -> None:
    """Only control characters are escaped: a backslash or quote in a Windows file name
    stays as it is, also when a newline beside it is escaped."""
    assert een_regel("C:\\map\\'a\"\nb.toml") == "C:\\map\\'a\"\\nb.toml"
    assert een_regel("C:\\map\\a.toml") == "C:\\map\\a.toml"


def test_een_regel_cuts_only_what_is_too_long() -> None:
    """A text of exactly ``lengte`` characters is kept whole; one more is cut to ``lengte``."""
    assert een_regel("abcde", 5) == "abcde"
    assert een_regel("abcdef", 5) == "abcd…"
    assert een_regel("x" * 1000) == "x" * 1000


@pytest.mark.regel("SIG02")
@pytest.mark.parametrize("woord", ["gemeente", "raadsheer", "raad", "burgervader"])
def test_sig02_no_tip_for_a_word_that_merely_resembles_a_role(woord: str) -> None:
    """A word less than 75% like any role word gets no tip (a municipality name in the
    role column is not a misspelt "burgemeester", a raadsheer is no raadsgriffier)."""
    assert Rol.parse(woord) is None
    assert Rol.suggestie(woord) is None


@pytest.mark.regel("SIG02")
@pytest.mark.parametrize(
    ("woord", "tip"),
    [("wethoudster", "wethouder"), ("secretaresse", "secretaris"), ("griffioen", "griffier")],
)
def test_sig02_the_tip_is_the_nearest_role_word(woord: str, tip: str) -> None:
    assert Rol.suggestie(woord) == tip
