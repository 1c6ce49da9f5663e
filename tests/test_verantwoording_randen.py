"""The accounting list (AFD02-AFD04) as the members receive it, and what adopting it does."""

from __future__ import annotations

from datetime import date

from alvrules.levenscyclus import Categorie, EerdereMotie, Status
from alvrules.verantwoording import Afdoening, Verantwoording, stel_op, vaststellen

ALV = date(2023, 12, 1)
JUNI = date(2023, 6, 14)
M1 = EerdereMotie(
    id="2023-06-M01",
    titel="Titel",
    vergadering=JUNI,
    onderwerp="Onderwerp",
    groep="Groep",
    indieners=("Utrecht", "Ede"),
    en_anderen=True,
    oproep="Oproep",
)
M2 = EerdereMotie(
    id="2022-11-M05", aangehouden_sinds=JUNI, categorie=Categorie.VERANTWOORDEN_AANHOUDEN
)
M3 = EerdereMotie(id="2022-11-M06", status=Status.AFGEDAAN)
REKENSCHAP = (
    Verantwoording(motie="2023-06-M01", verantwoording="Gedaan."),
    Verantwoording(
        motie="2022-11-M05",
        verantwoording="Loopt.",
        voorstel=Afdoening.AANHOUDEN,
        tot="tot na de formatie",
        reden="Wacht op het kabinet.",
    ),
)


def test_the_list_as_json() -> None:
    lijst = stel_op(ALV, (M1, M2, M3), REKENSCHAP)
    assert (lijst.afdoen, lijst.aanhouden) == (1, 1)
    assert lijst.to_json("en") == {
        "vergadering": "2023-12-01",
        "voorstel": "verantwoording-moties",
        "moties": [
            {  # kept open earlier: first
                "id": "2022-11-M05",
                "vergadering": None,
                "groep": "",
                "onderwerp": "",
                "titel": "",
                "indieners": [],
                "en_anderen": False,
                "oproep": "",
                "aangehouden_sinds": "2023-06-14",
                "status": "aangenomen",
                "delen": [],
                "verantwoording": "Loopt.",
                "voorstel": "aanhouden",
                "tot": "tot na de formatie",
                "reden": "Wacht op het kabinet.",
            },
            {
                "id": "2023-06-M01",
                "vergadering": "2023-06-14",
                "groep": "Groep",
                "onderwerp": "Onderwerp",
                "titel": "Titel",
                "indieners": ["Utrecht", "Ede"],
                "en_anderen": True,
                "oproep": "Oproep",
                "aangehouden_sinds": None,
                "status": "aangenomen",
                "delen": [],
                "verantwoording": "Gedaan.",
                "voorstel": "afdoen",
                "tot": None,
                "reden": None,
            },
        ],
        "afdoen": 1,
        "aanhouden": 1,
        "te_behandelen": [],
        "geldig": True,
        "bevindingen": [],
    }


def test_findings_in_the_json_follow_the_language() -> None:
    lijst = stel_op(ALV, (M1,), ())
    [b] = lijst.to_json("en")["bevindingen"]
    assert (b["regel"], b["ernst"], b["pad"]) == ("AFD02", "fout", "eerdere_moties[2023-06-M01]")
    assert b["melding"] == "Adopted motion 2023-06-M01 is open but has no account."
    assert lijst.to_json()["geldig"] is False
    # without an account the post still stands, with the default proposal afdoen
    assert [(p.motie.id, p.voorstel) for p in lijst.posten] == [("2023-06-M01", Afdoening.AFDOEN)]


def test_adopting_the_list() -> None:
    lijst = stel_op(ALV, (M1, M2, M3), REKENSCHAP)
    na = vaststellen((M1, M2, M3), lijst)
    assert [(m.id, m.status, m.aangehouden_sinds) for m in na] == [
        ("2023-06-M01", Status.AFGEDAAN, None),
        ("2022-11-M05", Status.AANGENOMEN, JUNI),  # kept open since June, not since December
        ("2022-11-M06", Status.AFGEDAAN, None),  # not in the list: unchanged
    ]
    # Rejected: nothing is done off; everything in the list is kept open from this ALV on.
    verworpen = vaststellen((M1, M2, M3), lijst, aangenomen=False)
    assert [(m.status, m.aangehouden_sinds) for m in verworpen] == [
        (Status.AANGENOMEN, ALV),
        (Status.AANGENOMEN, JUNI),
        (Status.AFGEDAAN, None),
    ]


def test_a_motion_of_the_meeting_itself_or_later_is_not_accounted_for() -> None:
    for datum in (ALV, date(2024, 6, 1)):
        lijst = stel_op(ALV, (EerdereMotie(id="X", vergadering=datum),))
        assert lijst.posten == ()
        [b] = lijst.bevindingen
        assert (b.regel, b.pad) == ("AFD02", "eerdere_moties[X].vergadering")
    assert len(stel_op(ALV, (EerdereMotie(id="X", vergadering=date(2023, 11, 30)),)).posten) == 1


def test_a_duplicate_motion_does_not_hide_the_ones_after_it() -> None:
    b = EerdereMotie(id="B")
    lijst = stel_op(ALV, (M1, M1, b), (Verantwoording(motie="B", verantwoording="x"),))
    assert [p.motie.id for p in lijst.posten] == ["2023-06-M01", "B"]
    assert [(f.regel, f.pad) for f in lijst.bevindingen] == [
        ("AFD02", "eerdere_moties[2023-06-M01]"),
        ("AFD02", "eerdere_moties[2023-06-M01]"),
    ]
