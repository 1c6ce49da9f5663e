"""Edges of the vote weights: bad input, lookup by code, JSON, figures that do not fit.

Written to kill surviving mutants (mutmut) in gewichten.py: the reason given for a
non-integer population, ``Stemgewichten.van``, JSON without figures, figures for another
reference date (a file, or figures without one), figures that miss a member or one of its
predecessors, a member without any part on the reference date, and the procedure in force
on the meeting date (not today's) setting the weights.
"""

from __future__ import annotations

import re
from datetime import date

import attrs
import pytest

import alvrules.procedure
from alvrules.bevolking import Bevolking
from alvrules.fouten import GebruiksFout
from alvrules.gemeenten import Gemeente, Gemeenteregister, register
from alvrules.gewichten import (
    Stemgewicht,
    Stemgewichten,
    cijfers_voor,
    peildatum,
    stemgewicht,
    stemgewichten,
)
from alvrules.model import InvoerFout
from alvrules.procedure import PROCEDURES

VERGADERING = date(2023, 12, 1)
PEIL = date(2022, 1, 1)
#: Every member on the reference date of the 2023 meeting with 10,000 inhabitants.
TIENDUIZEND = {g.code: 10_000 for g in register().leden(PEIL)}


def _zonder(*codes: str) -> Bevolking:
    return Bevolking(PEIL, {c: n for c, n in TIENDUIZEND.items() if c not in codes})


def _ontbrekend(fout: InvoerFout, taal: str = "nl") -> list[str]:
    """The municipalities an STM02 error names as missing (the part before 'nodig voor')."""
    patroon = r" voor (.+) \(nodig voor " if taal == "nl" else r" for (.+) \(needed for "
    m = re.search(patroon, fout.tekst(taal))
    assert m is not None, fout.tekst(taal)
    return m.group(1).split(", ")


# --- STM01: the reason for a bad population ---------------------------------------------


@pytest.mark.regel("STM01")
def test_non_integer_population_is_refused_naming_the_value() -> None:
    with pytest.raises(GebruiksFout, match="geheel getal") as e:
        stemgewicht(1.5)  # type: ignore[arg-type]
    assert "1.5" in str(e.value)


# --- Stemgewichten.van and to_json ------------------------------------------------------


def test_van_gives_each_members_own_votes() -> None:
    sg = stemgewichten(VERGADERING)
    assert sg.van("GM0363") == 75  # Amsterdam
    assert sg.van("GM0088") == 1  # Schiermonnikoog
    assert all(sg.van(g.gemeente.code) == g.stemmen for g in sg.gewichten)


def test_van_of_a_non_member_raises_key_error_with_the_code() -> None:
    sg = stemgewichten(VERGADERING)
    with pytest.raises(KeyError) as e:
        sg.van("GM0457")  # Weesp: part of Amsterdam since 24 March 2022
    assert e.value.args == ("GM0457",)


def test_to_json_without_figures_has_no_bevolking() -> None:
    amsterdam = register().code("GM0363")
    assert amsterdam is not None
    sg = Stemgewichten(VERGADERING, PEIL, (Stemgewicht(amsterdam, 903_399, 75),), "Bron: CBS")
    data = sg.to_json()
    assert "bevolking" not in data
    assert (data["leden"], data["totaal"]) == (1, 75)


def test_to_json_with_figures_describes_them() -> None:
    data = stemgewichten(VERGADERING).to_json()
    bevolking = data["bevolking"]
    assert isinstance(bevolking, dict)
    assert bevolking["peildatum"] == "2022-01-01"


# --- STM02: figures for another reference date ------------------------------------------


@pytest.mark.regel("STM02")
def test_figures_from_a_file_for_another_reference_date_are_refused() -> None:
    """The one place this exit-2 reason is pinned word for word, in both languages."""
    cijfers = Bevolking(date(2023, 1, 1), {"GM0363": 1}, bestand="inwoners-2023-01-01.csv")
    with pytest.raises(InvoerFout) as e:
        cijfers_voor(PEIL, cijfers)
    assert e.value.regel == "STM02"
    assert e.value.tekst("nl") == (
        "De cijfers in inwoners-2023-01-01.csv hebben peildatum 1 januari 2023, maar deze "
        "vergadering vraagt CBS-cijfers op 1 januari 2022 (STM02, Statuten art. 10 lid 3)."
    )
    assert e.value.tekst("en") == (
        "The figures in inwoners-2023-01-01.csv have reference date 1 January 2023, but this "
        "meeting needs CBS figures on 1 January 2022 (STM02, Statuten art. 10 lid 3)."
    )


@pytest.mark.regel("STM02")
def test_figures_without_a_file_for_another_reference_date_are_refused() -> None:
    cijfers = Bevolking(date(2021, 1, 1), TIENDUIZEND)
    with pytest.raises(InvoerFout) as e:
        stemgewichten(VERGADERING, bevolking=cijfers)
    assert e.value.regel == "STM02"
    assert e.value.tekst("nl") == (
        "De meegegeven cijfers hebben peildatum 1 januari 2021, maar deze vergadering vraagt "
        "CBS-cijfers op 1 januari 2022 (STM02, Statuten art. 10 lid 3)."
    )
    assert e.value.tekst("en") == (
        "The figures given have reference date 1 January 2021, but this meeting needs CBS "
        "figures on 1 January 2022 (STM02, Statuten art. 10 lid 3)."
    )


@pytest.mark.regel("STM02")
def test_figures_for_the_reference_date_are_used_as_given() -> None:
    cijfers = _zonder()
    assert cijfers_voor(PEIL, cijfers) is cijfers


# --- STM02: figures that miss a member or a predecessor ---------------------------------


@pytest.mark.regel("STM02")
def test_missing_figure_of_a_member_is_an_error_naming_it() -> None:
    with pytest.raises(InvoerFout) as e:
        stemgewichten(VERGADERING, bevolking=_zonder("GM0088"))
    assert e.value.regel == "STM02"
    assert _ontbrekend(e.value) == ["Schiermonnikoog"]
    assert _ontbrekend(e.value, "en") == ["Schiermonnikoog"]
    assert e.value.tekst("en") != str(e.value)


@pytest.mark.regel("STM02")
def test_missing_figures_of_predecessors_name_each_predecessor() -> None:
    # Voorne aan Zee (2023) counts Brielle + Hellevoetsluis + Westvoorne on 1-1-2022.
    with pytest.raises(InvoerFout) as e:
        stemgewichten(VERGADERING, bevolking=_zonder("GM0501", "GM0530"))
    assert e.value.regel == "STM02"
    assert sorted(_ontbrekend(e.value)) == ["Brielle", "Hellevoetsluis"]
    assert sorted(_ontbrekend(e.value, "en")) == ["Brielle", "Hellevoetsluis"]
    assert "Voorne aan Zee" in str(e.value)


@pytest.mark.regel("STM02")
def test_member_without_any_part_on_the_reference_date_is_an_error() -> None:
    # A member formed after the reference date with no predecessor in the register:
    # there is nothing to count, so no weight (never a default of 1 vote).
    reg = Gemeenteregister(
        [
            Gemeente("GM0001", "Oudstad"),
            Gemeente("GM0002", "Nieuwstad", van=date(2023, 1, 1)),
        ]
    )
    cijfers = Bevolking(PEIL, {"GM0001": 5_000, "GM0002": 5_000})
    with pytest.raises(InvoerFout) as e:
        stemgewichten(VERGADERING, bevolking=cijfers, gemeenten=reg)
    assert e.value.regel == "STM02"
    assert _ontbrekend(e.value) == ["Nieuwstad"]


# --- the procedure in force on the meeting date -----------------------------------------


@pytest.mark.regel("STM01")
def test_weights_follow_the_procedure_in_force_on_the_meeting_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A (made-up) statute change: 1 vote per 2,000 inhabitants during 2023 only.
    basis = PROCEDURES[0]
    monkeypatch.setattr(
        alvrules.procedure,
        "PROCEDURES",
        (
            basis,
            attrs.evolve(basis, geldig_van=date(2023, 1, 1), inwoners_per_stem=2000),
            attrs.evolve(basis, geldig_van=date(2024, 1, 1)),
        ),
    )
    sg = stemgewichten(VERGADERING, bevolking=_zonder())
    assert sg.van("GM0088") == 5  # 10,000 // 2,000, not today's 10
    assert sg.van("GM1992") == 15  # three predecessors of 10,000 each
    assert all(g.stemmen == g.inwoners // 2000 for g in sg.gewichten)


@pytest.mark.regel("STM02")
def test_the_earliest_reference_date_is_year_one() -> None:
    """A meeting in year 2 looks back to 1 January of year 1; one in year 1 has no reference
    date, an exit-2 reason naming the meeting date."""
    assert peildatum(date(2, 6, 1)) == date(1, 1, 1)
    with pytest.raises(InvoerFout, match="Geen peildatum voor een vergadering op 1 juni 1\\."):
        peildatum(date(1, 6, 1))
