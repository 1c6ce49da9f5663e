"""AFD05 and AFD01 at their edges: a refusal names the allowed steps; the category stays."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.levenscyclus import Categorie, EerdereMotie, OngeldigeOvergang, Status, aannemen

S = Status


def test_a_refused_step_names_what_is_allowed() -> None:
    with pytest.raises(OngeldigeOvergang) as e:
        EerdereMotie(id="2023-M02", status=S.INGEDIEND).naar(S.AANGENOMEN)
    assert str(e.value) == (
        "Motie 2023-M02: de overgang van 'ingediend' naar 'aangenomen' is niet toegestaan "
        "(AFD05); toegestaan vanuit 'ingediend': definitief, ingetrokken."
    )
    assert e.value.tekst("en") == (
        "Motion 2023-M02: the step from 'ingediend' to 'aangenomen' is not allowed (AFD05); "
        "allowed from 'ingediend': definitief, ingetrokken."
    )
    assert e.value.motie == "2023-M02"


def test_a_final_status_allows_nothing_and_no_motion_is_named_without_one() -> None:
    with pytest.raises(OngeldigeOvergang) as e:
        EerdereMotie(id="", status=S.AFGEDAAN).naar(S.AANGENOMEN)
    assert str(e.value).startswith("De overgang van 'afgedaan'")
    assert str(e.value).endswith("toegestaan vanuit 'afgedaan': geen (eindstatus).")
    assert e.value.tekst("en").endswith("allowed from 'afgedaan': none (final status).")


@pytest.mark.parametrize("categorie", [*Categorie, None])
def test_adopting_keeps_the_category(categorie: Categorie | None) -> None:
    m = aannemen(EerdereMotie(id="M1", status=S.DEFINITIEF), date(2023, 6, 14), categorie)
    assert m.categorie is categorie
    assert m.open is (categorie is not Categorie.DIRECT_AFGEDAAN)
    assert m.status is (S.AFGEDAAN if categorie is Categorie.DIRECT_AFGEDAAN else S.AANGENOMEN)
