"""The Najaars ALV of 1 December 2023 as Python objects, for the example tests."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from attrs import evolve

from alvrules.amendementen import Amendement, Wijziging
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import Agendapunt, AgendaSoort, Contactpersoon, Persoon, Vergadering
from alvrules.moties import SLOTZIN, Motie
from alvrules.regels import Bevinding

T = TypeVar("T")

AMS = ZoneInfo("Europe/Amsterdam")
ALV = Vergadering(
    datum=date(2023, 12, 1), naam="Najaars ALV 2023", aanvang=time(13), sluitingstijd=time(13)
)
TEKST = (
    "De ALV stelt de kaders vast voor de inzet van de VNG bij de kabinetsformatie. "
    "Gemeenten vragen structurele middelen voor de uitvoering. "
    "Het bestuur rapporteert in de volgende ALV."
)
AGENDA = (
    Agendapunt(id="3", titel="Jaarverslag", soorten=frozenset({AgendaSoort.KENNISNAME})),
    Agendapunt(id="7", titel="Kaders VNG-inzet kabinetsformatie (resolutie)", tekst=TEKST),
    Agendapunt(id="8", titel="Principeakkoord Hervormingsagenda Jeugd", amendeerbaar=False),
)


def tijd(dag: int, uur: int, minuut: int = 0, seconde: int = 0) -> datetime:
    return datetime(2023, 11, dag, uur, minuut, seconde, tzinfo=AMS)


MOTIE = Motie(
    id="M01",
    titel="Ruimte voor de regio",
    agendapunt="7",
    indieners=("Beesel",),
    mede_indieners=("Venlo",),
    ondersteuners=("Roermond",),
    ingediend=tijd(20, 12, 55),
    aanleiding="De kabinetsformatie raakt de financiering van gemeenten.",
    overwegingen=("overwegende dat gemeenten zekerheid nodig hebben",),
    oproep=("Het bestuur spant zich in voor structurele middelen.",),
    slotzin=SLOTZIN,
    ondertekening=(
        Persoon("J. Peters", "burgemeester", "Beesel"),
        Persoon("K. Hendriks", "wethouder", "Venlo"),
    ),
    contactpersonen=(
        Contactpersoon("L. Willems", "beleidsadviseur", "Beesel", "ambtelijk"),
        Contactpersoon("J. Peters", "burgemeester", "Beesel", "bestuurlijk"),
    ),
)

AMENDEMENT = Amendement(
    id="A01",
    agendapunt="7",
    titel="Structureel",
    indieners=("Utrecht",),
    ingediend=tijd(17, 9),
    ondertekening=(Persoon("M. Dijkstra", "burgemeester", "Utrecht"),),
    wijzigingen=(
        Wijziging(schrappen="structurele middelen", invoegen="structureel voldoende middelen"),
    ),
)


def dossier(
    *, moties: tuple[Motie, ...] = (), amendementen: tuple[Amendement, ...] = ()
) -> Dossier:
    return Dossier(vergadering=ALV, agendapunten=AGENDA, moties=moties, amendementen=amendementen)


def motie(**velden: object) -> list[Bevinding]:
    """The findings of the dossier with MOTIE changed by ``velden``."""
    return list(controleer(dossier(moties=(evolve(MOTIE, **velden),))))  # type: ignore[arg-type]


def amendement(**velden: object) -> list[Bevinding]:
    """The findings of the dossier with AMENDEMENT changed by ``velden``."""
    a = evolve(AMENDEMENT, **velden)  # type: ignore[arg-type]
    return list(controleer(dossier(amendementen=(a,))))


def buiten_constructor(obj: T, **velden: object) -> T:
    """``obj`` with ``velden`` set without the constructor's checks: a value built around
    the validated constructors (the checks' guards must still report it)."""
    kopie = evolve(obj)
    for naam, waarde in velden.items():
        object.__setattr__(kopie, naam, waarde)
    return kopie


def regels(bevindingen: list[Bevinding]) -> list[str]:
    return [b.regel for b in bevindingen]
