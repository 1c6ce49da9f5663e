"""Edges of the checks that the example dossiers do not reach (kill surviving mutants)."""

from __future__ import annotations

from alvrules.controle import controleer
from alvrules.laden import lees_dossier


def test_mot04_zonder_agenda() -> None:
    dossier = lees_dossier(
        {"vergadering": {"datum": "2023-12-01"}, "moties": [{"id": "M1", "agendapunt": "7"}]}
    )
    mot04 = [b for b in controleer(dossier) if b.regel == "MOT04"]
    assert [b.tekst("nl") for b in mot04] == [
        "Agendapunt '7' bestaat niet (wel: geen; of 'rondvraag')."
    ]
    assert [b.tekst("en") for b in mot04] == [
        "Agenda item '7' does not exist (existing: geen; or 'rondvraag')."
    ]
