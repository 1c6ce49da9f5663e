"""STM11 elections, KND01-KND02 candidates and NOT01 notulencommissie."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import Vergadering
from alvrules.stemmingen import Stemming, StemmingSoort, Vertegenwoordiger
from alvrules.telling import tel_keuze
from alvrules.uitslagen import uitslagen
from alvrules.verkiezingen import Kandidaat, Vacature, verkiezing

W = {"A": 40, "B": 35, "C": 25, "D": 10}


@pytest.mark.regel("STM11")
def test_two_candidates_majority_wins() -> None:
    k = tel_keuze(
        W, [("A", "Jan"), ("B", "Piet"), ("C", "Jan"), ("D", "onthouding")], ("Jan", "Piet")
    )
    v = verkiezing(k)
    assert v.gekozen == "Jan"
    assert k.percentage("Jan") == "65,00"


@pytest.mark.regel("STM11")
def test_three_candidates_without_majority_go_to_second_round() -> None:
    k = tel_keuze(
        W,
        [("A", "Jan"), ("B", "Piet"), ("C", "Klaas"), ("D", "onthouding")],
        ("Jan", "Piet", "Klaas"),
    )
    v = verkiezing(k)
    assert (v.gekozen, v.tweede_ronde, v.staking) == (None, ("Jan", "Piet"), False)
    assert v.toelichting == "tweede ronde tussen Jan en Piet"


@pytest.mark.regel("STM11")
def test_tie_is_unresolved() -> None:
    w = {"A": 10, "B": 10, "C": 5}
    v = verkiezing(tel_keuze(w, [("A", "Jan"), ("B", "Piet")], ("Jan", "Piet")))
    assert (v.gekozen, v.tweede_ronde, v.staking) == (None, None, True)
    # tie for second place among three: unresolved, no lots
    v = verkiezing(
        tel_keuze(
            w | {"D": 5}, [("A", "Jan"), ("C", "Piet"), ("D", "Klaas")], ("Jan", "Piet", "Klaas")
        )
    )
    assert (v.gekozen, v.tweede_ronde, v.staking) == (None, None, True)
    assert verkiezing(tel_keuze(w, [], ("Jan", "Piet"))).toelichting == "geen besluit"


def _kandidaat(**kw: object) -> Kandidaat:
    basis: dict[str, object] = {
        "naam": "Mark Boumans",
        "rol": "burgemeester",
        "gemeente": "Doetinchem",
        "voorgedragen_door": "Doetinchem",
        "ondersteuners": (
            "Arnhem",
            "Nijmegen",
            "Ede",
            "Apeldoorn",
            "Zutphen",
            "Deventer",
            "Oost Gelre",
            "Winterswijk",
            "Aalten",
            "Bronckhorst",
        ),
        "ingediend": date(2023, 5, 24),
    }
    return Kandidaat(**(basis | kw))  # type: ignore[arg-type]


def _dossier(*kandidaten: Kandidaat, **kw: object) -> Dossier:
    commissie = Kandidaat(naam="Koen Schuiling", rol="burgemeester", gemeente="Groningen")
    return Dossier(
        vergadering=Vergadering(datum=date(2023, 6, 14)),
        vacatures=(
            Vacature(id="vice", functie="vicevoorzitter", kandidaten=(commissie, *kandidaten)),
        ),
        **kw,  # type: ignore[arg-type]
    )


def test_valid_counter_candidate() -> None:
    assert list(controleer(_dossier(_kandidaat()))) == []


@pytest.mark.regel("KND02", "TRM06")
def test_knd02_violations() -> None:
    assert [b.regel for b in controleer(_dossier(_kandidaat(voorgedragen_door="Zwolle")))] == [
        "KND02"
    ]
    assert [
        b.regel for b in controleer(_dossier(_kandidaat(ondersteuners=("Arnhem", "Doetinchem"))))
    ] == ["KND02"]
    te_laat = list(controleer(_dossier(_kandidaat(ingediend=date(2023, 5, 25)))))
    assert [b.regel for b in te_laat] == ["KND02"]
    assert "uiterlijk 24 mei 2023" in te_laat[0].melding  # TRM06: 21 days before 14 June
    assert [b.regel for b in controleer(_dossier(_kandidaat(rol="directeur")))] == ["KND02"]


@pytest.mark.regel("KND01")
def test_knd01_one_nominee_per_vacancy() -> None:
    tweede = Kandidaat(naam="Iemand", rol="wethouder", gemeente="Ede")
    assert [b.regel for b in controleer(_dossier(tweede))] == ["KND01"]


@pytest.mark.regel("NOT01")
def test_not01() -> None:
    assert [b.regel for b in controleer(_dossier(notulencommissie=("a", "b", "A ")))] == ["NOT01"]
    assert list(controleer(_dossier(notulencommissie=("a", "b", "c")))) == []


def test_election_in_the_dossier_takes_candidates_from_the_vacancy() -> None:
    d = _dossier(
        _kandidaat(),
        vertegenwoordigers=(
            Vertegenwoordiger(gemeente="Amsterdam", naam="x", rol="wethouder"),
            Vertegenwoordiger(gemeente="Rotterdam", naam="y", rol="raadslid"),
        ),
        stemmingen=(
            Stemming(
                id="S1",
                soort=StemmingSoort.VERKIEZING,
                vacature="vice",
                stemmen={"Amsterdam": "Mark Boumans", "Rotterdam": "Koen Schuiling"},
            ),
        ),
    )
    r = uitslagen(d).resultaten[0]
    assert r.uitkomst == "geen besluit"
    assert r.toelichting == "de stemmen staken: onbeslist (geen loting)"
    assert r.to_json()["opties"] == [
        {"optie": "Koen Schuiling", "stemmen": 75, "percentage": "50,00"},
        {"optie": "Mark Boumans", "stemmen": 75, "percentage": "50,00"},
    ]
