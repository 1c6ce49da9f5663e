"""MOT01-MOT06, TRM01/TRM02 and PRE01 on the Najaars ALV 2023 (deadline 20 Nov 13:00)."""

from __future__ import annotations

from datetime import datetime

import pytest

from alvrules.controle import controleer
from alvrules.model import Contactpersoon
from alvrules.termijnen import indientermijn
from tests.alv2023 import (
    ALV,
    AMENDEMENT,
    MOTIE,
    amendement,
    buiten_constructor,
    dossier,
    motie,
    regels,
    tijd,
)


def test_the_2023_motion_has_no_finding() -> None:
    assert motie() == []


@pytest.mark.regel("AMD02")
def test_trm01_deadline_is_20_november_13_00_inclusive() -> None:
    assert indientermijn(ALV) == datetime.fromisoformat("2023-11-20T13:00:00+01:00")
    assert amendement(ingediend=tijd(20, 13, 0, 0)) == []
    [b] = amendement(ingediend=tijd(20, 13, 0, 1))
    assert (b.regel, b.ernst.value, b.pad) == ("AMD02", "fout", "amendementen[A01].ingediend")


@pytest.mark.regel("AMD02")
def test_amd02_amendment_without_time_of_submission() -> None:
    assert regels(amendement(ingediend=None)) == ["AMD02"]


@pytest.mark.regel("TRM02")
def test_trm02_late_motion_is_a_warning() -> None:
    assert motie(ingediend=tijd(20, 13, 0, 0)) == []
    [b] = motie(ingediend=tijd(20, 13, 0, 1))
    assert (b.regel, b.ernst.value, b.pad) == ("TRM02", "waarschuwing", "moties[M01].ingediend")


@pytest.mark.regel("TRM02")
def test_trm02_late_and_actueel_with_reason_is_info() -> None:
    [b] = motie(ingediend=tijd(28, 9), actueel=True, reden="Uitspraak kabinet van 27 november")
    assert (b.regel, b.ernst.value) == ("TRM02", "info")
    [c] = motie(ingediend=tijd(28, 9), actueel=True, reden=" ")
    assert (c.regel, c.ernst.value) == ("TRM02", "waarschuwing")


@pytest.mark.regel("MOT01")
@pytest.mark.parametrize(
    ("veld", "waarde", "pad"),
    [
        ("indieners", (), "indieners"),
        ("titel", "", "titel"),
        ("ingediend", None, "ingediend"),
        ("aanleiding", " \n", "aanleiding"),
        ("overwegingen", (), "overwegingen"),
        ("overwegingen", ("overwegende dat", ""), "overwegingen[1]"),
        ("oproep", (), "oproep"),
        ("slotzin", "", "slotzin"),
    ],
)
def test_mot01_each_missing_part_at_its_path(veld: str, waarde: object, pad: str) -> None:
    [b] = motie(**{veld: waarde})
    assert (b.regel, b.pad) == ("MOT01", f"moties[M01].{pad}")


@pytest.mark.regel("MOT02")
def test_mot02_slotzin_whitespace_is_forgiven_wording_is_not() -> None:
    assert motie(slotzin="  En gaat over tot de orde\nvan de dag. ") == []
    [b] = motie(slotzin="En gaat over tot de orde van de dag")
    assert (b.regel, b.ernst.value) == ("MOT02", "waarschuwing")


@pytest.mark.regel("MOT03")
def test_mot03_contactpersonen() -> None:
    ambtelijk = Contactpersoon("L", "beleidsadviseur", "Beesel", "ambtelijk")
    [b] = motie(contactpersonen=(ambtelijk,))
    assert (b.regel, b.ernst.value) == ("MOT03", "waarschuwing")
    assert "bestuurder" in b.melding
    secretaris = Contactpersoon("S", "secretaris", "Beesel", "bestuurlijk")
    assert motie(contactpersonen=(ambtelijk, secretaris)) == []
    [c] = motie(contactpersonen=())
    assert "ambtelijke contactpersoon en een verantwoordelijke bestuurder" in c.melding


@pytest.mark.regel("MOT04")
def test_mot04_agendapunt() -> None:
    assert motie(agendapunt="rondvraag") == []
    assert motie(agendapunt=None) == []  # decision: no agenda item means rondvraag
    assert motie(agendapunt="3") == []  # a motion may come with an item ter kennisname
    [b] = motie(agendapunt="12")
    assert (b.regel, b.pad) == ("MOT04", "moties[M01].agendapunt")


@pytest.mark.regel("MOT05")
@pytest.mark.parametrize(
    "punt",
    [
        "Het bestuur vraagt € 50 miljoen voor de jeugdzorg.",
        "Het bestuur vraagt 50 miljoen euro.",
        "Het bestuur vraagt EUR 50 mln.",
        "Het bestuur regelt dit voor 1 januari 2024.",
        "Het bestuur regelt dit voor 01-01-2024.",
        "x" * 601,
    ],
)
def test_mot05_amounts_dates_and_length_are_info(punt: str) -> None:
    [b] = motie(oproep=(punt,))
    assert (b.regel, b.ernst.value, b.pad) == ("MOT05", "info", "moties[M01].oproep[0]")


@pytest.mark.regel("MOT05")
def test_mot05_length_limit_is_inclusive() -> None:
    assert motie(oproep=("x" * 600,)) == []


@pytest.mark.regel("MOT06")
def test_mot06_ids_are_unique_across_motions_and_amendments_titles_may_repeat() -> None:
    from attrs import evolve

    tweede = evolve(MOTIE, id="M02")  # same title: allowed
    assert list(controleer(dossier(moties=(MOTIE, tweede)))) == []
    dubbel = evolve(AMENDEMENT, id="M01")
    [b] = controleer(dossier(moties=(MOTIE,), amendementen=(dubbel,)))
    assert (b.regel, b.pad) == ("MOT06", "amendementen[0].id")


@pytest.mark.regel("PRE01")
def test_pre01_unknown_preadvies() -> None:
    assert motie(preadvies="overnemen") == []  # a plain string of a valid value
    m = buiten_constructor(MOTIE, preadvies="misschien")
    [b] = controleer(dossier(moties=(m,)))
    assert (b.regel, b.pad) == ("PRE01", "moties[M01].preadvies")
