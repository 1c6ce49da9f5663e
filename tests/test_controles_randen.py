"""Edges of the checks that the example dossiers do not reach (kill surviving mutants)."""

from __future__ import annotations

from datetime import date

import pytest

from alvrules.amendementen import Amendement
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import lees_dossier
from alvrules.model import Vergadering
from alvrules.moties import Motie
from alvrules.regels import Ernst
from tests.alv2023 import buiten_constructor


@pytest.mark.regel("MOT04")
def test_mot04_zonder_agenda() -> None:
    dossier = lees_dossier(
        {"vergadering": {"datum": "2023-12-01"}, "moties": [{"id": "M1", "agendapunt": "7"}]}
    )
    mot04 = [b for b in controleer(dossier) if b.regel == "MOT04"]
    assert [b.tekst("nl") for b in mot04] == [
        "Agendapunt '7' bestaat niet (het dossier heeft geen agenda; kies 'rondvraag')."
    ]
    assert [b.tekst("en") for b in mot04] == [
        "Agenda item '7' does not exist (the dossier has no agenda; use 'rondvraag')."
    ]


@pytest.mark.regel("STM12")
def test_stm12_verwijzingen_woordelijk() -> None:
    dossier = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "moties": [{"id": "M1"}],
            "stemmingen": [
                {"id": "S1", "voorstellen": ["M1"]},
                {"id": "S1", "voorstellen": ["M1"]},
                {"id": "S2", "voorstellen": []},
                {"id": "S3", "voorstellen": ["M1", "M9"]},
                {"id": "S4", "voorstellen": ["M1"], "betreft": "X"},
            ],
        }
    )
    stm12 = [
        (b.pad, b.tekst("nl"), b.tekst("en")) for b in controleer(dossier) if b.regel == "STM12"
    ]
    assert stm12 == [
        (
            "stemmingen[1].id",
            "Stemming-id 'S1' komt meer dan één keer voor.",
            "Vote id 'S1' occurs more than once.",
        ),
        (
            "stemmingen[S2].voorstellen",
            "De stemming noemt geen voorstel.",
            "The vote names no proposal.",
        ),
        (
            "stemmingen[S3].voorstellen[1]",
            "Voorstel 'M9' staat niet in het dossier (geen motie, amendement, agendapunt of "
            "vacature met die id).",
            "Proposal 'M9' is not in the dossier.",
        ),
        (
            "stemmingen[S4].betreft",
            "Stemming betreft 'X', dat niet in het dossier staat.",
            "Vote concerns 'X', which is not in the dossier.",
        ),
    ]


@pytest.mark.regel("PRE01")
def test_pre01_buiten_de_constructor_om() -> None:
    # The loader refuses an unknown preadvies; PRE01 guards objects built in Python.
    dossier = Dossier(
        vergadering=Vergadering(datum=date(2023, 12, 1)),
        moties=(buiten_constructor(Motie(id="M1"), preadvies="misschien"),),
        amendementen=(buiten_constructor(Amendement(id="A1"), preadvies="later"),),
    )
    pre01 = [
        (b.pad, b.ernst, b.tekst("nl"), b.tekst("en"))
        for b in controleer(dossier)
        if b.regel == "PRE01"
    ]
    keuzes = "overnemen, aanhouden, ontraden"
    assert pre01 == [
        (
            "moties[M1].preadvies",
            Ernst.FOUT,
            f"Onbekend preadvies 'misschien'; kies uit {keuzes}.",
            f"Unknown preadvies 'misschien'; choose from {keuzes}.",
        ),
        (
            "amendementen[A1].preadvies",
            Ernst.FOUT,
            f"Onbekend preadvies 'later'; kies uit {keuzes}.",
            f"Unknown preadvies 'later'; choose from {keuzes}.",
        ),
    ]


def test_stukken_zonder_id_bij_hun_plaats() -> None:
    dossier = lees_dossier(
        {
            "vergadering": {"datum": "2023-12-01"},
            "moties": [{"id": "M1"}, {"id": "", "indieners": ["Utrecht"]}],
            "amendementen": [{"id": "", "indieners": ["Utrecht"]}],
        }
    )
    paden = {b.pad for b in controleer(dossier)}
    assert {"moties[1].ondertekening", "amendementen[0].ondertekening"} <= paden
    assert "amendementen[0].agendapunt" in paden
