"""Every result and finding of :func:`alvrules.uitslagen.uitslagen` over two test dossiers.

An approval test like ``tests/test_bevindingen_woordelijk.py``: ``tests/data/uitslagen-
randen.json`` holds the reviewed outcome (counts, figure, options, counted ballots) of
every stemming and every finding (rule, severity, place, both languages) of a fysieke and
a digitale meeting that together touch every branch of STM03-STM11: invalid and second
representatives, non-members, unrepresented members, second ballots, choices in any
case, bad and qualified majorities, acclamation with and without objection or ballots,
choices, elections, order motions and amendments out of order. Weights are fixed here,
so new population figures do not change it. After an intended change, regenerate and
review the diff: ``ALVRULES_HERSCHRIJF=1 python -m pytest tests/test_uitslagen_woordelijk.py``.
"""

from __future__ import annotations

import json
import os
from datetime import date
from typing import Any

import pytest

from alvrules.amendementen import Amendement
from alvrules.dossier import Dossier
from alvrules.model import Vergadering, VergaderSoort
from alvrules.moties import Motie
from alvrules.stemmingen import (
    Grondslag,
    Stembriefje,
    Stemming,
    StemmingSoort,
    Vertegenwoordiger,
    Wijze,
)
from alvrules.uitslagen import uitslagen
from alvrules.verkiezingen import Kandidaat, Vacature
from tests.conftest import DATA

GOUDEN = DATA / "uitslagen-randen.json"
#: CBS code -> votes (fixed, not the real figures)
GEWICHTEN = {
    "GM0344": 36,  # Utrecht
    "GM0518": 55,  # 's-Gravenhage
    "GM0363": 75,  # Amsterdam
    "GM0014": 23,  # Groningen
    "GM0772": 24,  # Eindhoven
    "GM0889": 1,  # Beesel
    "GM0983": 10,  # Venlo
    "GM0599": 65,  # Rotterdam
}


def _v(
    gemeente: str, rol: str = "burgemeester", naam: str | None = None, **kw: Any
) -> Vertegenwoordiger:
    naam = f"X {gemeente}" if naam is None else naam
    return Vertegenwoordiger(gemeente=gemeente, naam=naam, rol=rol, **kw)


VERTEGENWOORDIGERS = (
    _v("Utrecht"),
    _v("Den Haag", "wethouder"),
    _v("Amsterdam", "Secretaris"),
    _v("Groningen", "raadslid"),
    _v("Eindhoven", "griffier"),
    _v("Beesel", "burgemeestr"),  # a typo: a suggestion
    _v("Venlo", "wethouder", rol_bij="Beesel"),  # a role outside the municipality
    _v("Rotterdam", "wethouder", aanwezig=False),  # absent: votes only at a digital ALV
    _v("Atlantis"),  # not a member
    _v("Amsterdm"),  # not a member, with a suggestion
    _v("'s-Gravenhage", "burgemeester"),  # a second one for Den Haag
    _v("Utrecht", "directeur"),  # a second one for Utrecht, with a bad role as well
    _v("Tilburg", "directeur"),  # a bad role without a suggestion
    _v("Breda", naam="\u200b"),  # a name that is not visible
)


def _stemmingen() -> tuple[Stemming, ...]:
    vier = {"Utrecht": "voor", "Den Haag": "tegen", "Amsterdam": "Voor ", "Groningen": "onthouding"}
    return (
        Stemming(
            id="S01",
            voorstellen=("begroting",),
            stemmen=[
                Stembriefje("Utrecht", "voor"),
                Stembriefje("Den Haag", "TEGEN"),
                Stembriefje("Amsterdam", " voor "),
                Stembriefje("Groningen", "Onthouding"),
                Stembriefje("Eindhoven", "ja"),
                Stembriefje("Utrecht", "tegen"),
                Stembriefje("Atlantis", "voor"),
                Stembriefje("Amsterdm", "voor"),
                Stembriefje("Beesel", "voor"),
                Stembriefje("Rotterdam", "voor"),
            ],
        ),
        Stemming(id="S02", voorstellen=("statuten",), stemmen=vier, meerderheid="2/3"),
        Stemming(
            id="S03",
            voorstellen=("contributie",),
            stemmen=vier,
            meerderheid="2/3",
            grondslag=Grondslag.LEDEN,
        ),
        Stemming(id="S04", voorstellen=("jaarplan",), stemmen=vier, meerderheid="drie kwart"),
        Stemming(id="S05", voorstellen=("notulen",), wijze=Wijze.ACCLAMATIE),
        Stemming(
            id="S06",
            voorstellen=("benoeming",),
            wijze=Wijze.ACCLAMATIE,
            bezwaar=("utrecht", "Atlantis"),
        ),
        Stemming(
            id="S07",
            voorstellen=("decharge",),
            wijze=Wijze.ACCLAMATIE,
            stemmen={"Utrecht": "voor"},
        ),
        Stemming(
            id="S08",
            soort=StemmingSoort.KEUZE,
            opties=("Noord", "Zuid"),
            stemmen={
                "Utrecht": "Noord",
                "Den Haag": "Zuid",
                "Amsterdam": "Noord",
                "Groningen": "West",
            },
        ),
        Stemming(
            id="S09",
            soort=StemmingSoort.KEUZE,
            opties=("Noord", "Zuid", "Oost"),
            stemmen={
                "Utrecht": "Noord",
                "Den Haag": "Zuid",
                "Groningen": "Oost",
                "Eindhoven": "onthouding",
            },
        ),
        Stemming(id="S10", soort=StemmingSoort.KEUZE, stemmen={"Utrecht": "Noord"}),
        Stemming(
            id="S11",
            soort=StemmingSoort.VERKIEZING,
            vacature="vice",
            stemmen={
                "Utrecht": "Jan",
                "Den Haag": "Piet",
                "Amsterdam": "Jan",
                "Groningen": "Klaas",
            },
        ),
        Stemming(
            id="S12",
            soort=StemmingSoort.VERKIEZING,
            vacature="onbekend",
            stemmen={"Utrecht": "Jan"},
        ),
        Stemming(
            id="S13",
            soort=StemmingSoort.VERKIEZING,
            kandidaten=("Jan", "Piet", "Klaas"),
            stemmen={
                "Utrecht": "Jan",
                "Den Haag": "Piet",
                "Groningen": "Klaas",
                "Eindhoven": "Klaas",
            },
        ),
        # STM09: an order motion adopted on "uitvoering" postpones the vote on it.
        Stemming(
            id="S14",
            soort=StemmingSoort.ORDE,
            voorstellen=("OM1",),
            betreft="uitvoering",
            stemmen=vier,
        ),
        Stemming(id="S15", voorstellen=("uitvoering", "extra"), stemmen=vier),
        # a rejected order motion postpones nothing
        Stemming(
            id="S16",
            soort=StemmingSoort.ORDE,
            voorstellen=("OM2",),
            betreft="visie",
            stemmen={"Den Haag": "tegen", "Utrecht": "voor"},
        ),
        Stemming(id="S17", voorstellen=("visie",), stemmen=vier),
        # an amendment voted after its proposal, twice over
        Stemming(id="S18", voorstellen=("A1",), stemmen=vier),
        Stemming(id="S19", voorstellen=("A2",), betreft="begroting", stemmen=vier),
        # motions of item "moties" voted before the order motion on that item
        Stemming(id="S20", voorstellen=("M1",), stemmen=vier),
        Stemming(id="S21", voorstellen=("M2",), stemmen=vier),
        Stemming(
            id="S22", soort=StemmingSoort.ORDE, voorstellen=("OM3",), betreft="moties", stemmen=vier
        ),
        Stemming(id="S23", voorstellen=("leeg",)),
        # two adopted order motions postpone one bundled vote, each on another proposal
        Stemming(
            id="S24",
            soort=StemmingSoort.ORDE,
            voorstellen=("OM4", "OM5"),
            betreft="plan",
            stemmen=vier,
        ),
        Stemming(
            id="S25",
            soort=StemmingSoort.ORDE,
            voorstellen=("OM6",),
            betreft="bijlage",
            stemmen=vier,
        ),
        Stemming(id="S26", voorstellen=("plan", "bijlage"), stemmen=vier),
    )


def _dossier(soort: VergaderSoort) -> Dossier:
    return Dossier(
        vergadering=Vergadering(datum=date(2023, 12, 1), soort=soort),
        vertegenwoordigers=VERTEGENWOORDIGERS,
        amendementen=(
            Amendement(id="A1", agendapunt="begroting"),
            Amendement(id="A2", agendapunt="andere"),
        ),
        moties=(
            Motie(id="M1", agendapunt="moties"),
            Motie(id="M2", agendapunt="moties"),
            Motie(id="M3"),
        ),
        vacatures=(
            Vacature(
                id="vice",
                kandidaten=(Kandidaat(naam="Jan"), Kandidaat(naam="Piet"), Kandidaat(naam="Klaas")),
            ),
        ),
        stemmingen=_stemmingen(),
    )


DOSSIERS = {"fysiek": VergaderSoort.FYSIEK, "digitaal": VergaderSoort.DIGITAAL}


def uitkomst(naam: str) -> dict[str, Any]:
    u = uitslagen(_dossier(DOSSIERS[naam]), gewichten=GEWICHTEN)
    return {
        "resultaten": [
            r.to_json() | {"stemgedrag": [list(b) for b in r.stemgedrag]} for r in u.resultaten
        ],
        "bevindingen": [
            [b.regel, b.ernst.value, b.pad, b.tekst("nl"), b.tekst("en")] for b in u.bevindingen
        ],
        "namen": dict(sorted(u.namen.items())),
    }


def test_herschrijf() -> None:
    if os.environ.get("ALVRULES_HERSCHRIJF") != "1":
        pytest.skip("set ALVRULES_HERSCHRIJF=1 to rewrite tests/data/uitslagen-randen.json")
    alles = {naam: uitkomst(naam) for naam in DOSSIERS}
    GOUDEN.write_text(json.dumps(alles, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("naam", sorted(DOSSIERS))
def test_uitslagen_woordelijk(naam: str) -> None:
    assert uitkomst(naam) == json.loads(GOUDEN.read_text("utf-8"))[naam]
