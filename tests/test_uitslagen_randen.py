"""Edges of the vote results that the approved dossiers do not reach.

Written to kill surviving mutants (mutmut) in uitslagen.py: a :class:`Resultaat` built
by a caller (no rule applied, no reference date) as JSON; a representative without a
visible name; a choice under a qualified majority; an election whose own list of
candidates overrides its vacancy's.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from attrs import evolve

from alvrules.dossier import Dossier
from alvrules.model import Vergadering, VergaderSoort
from alvrules.regels import Ernst
from alvrules.stemmingen import Stemming, StemmingSoort, Vertegenwoordiger
from alvrules.telling import Uitkomst
from alvrules.uitslagen import Resultaat, uitslagen
from alvrules.verkiezingen import Kandidaat, Vacature

#: CBS code -> votes (fixed, not the real figures)
GEWICHTEN = {"GM0344": 36, "GM0518": 55, "GM0889": 1}
KANDIDATEN = ("Jan", "Piet", "Klaas")


def _dossier(
    *stemmingen: Stemming,
    vert: tuple[Vertegenwoordiger, ...],
    soort: VergaderSoort = VergaderSoort.FYSIEK,
) -> Dossier:
    return Dossier(
        vergadering=Vergadering(datum=date(2023, 12, 1), soort=soort),
        vertegenwoordigers=vert,
        stemmingen=stemmingen,
    )


def test_resultaat_zonder_regel_en_peildatum_als_json() -> None:
    """A result built without a rule or reference date reports them as null in JSON."""
    r = Resultaat(stemming=Stemming(id="S1", voorstellen=("7",)), uitkomst=Uitkomst.AANGENOMEN)
    assert (r.basis, r.drempel) == (None, None)
    assert r.regel_json() == {
        "meerderheid": None,
        "meerderheid_breuk": None,
        "basis": None,
        "basis_stemmen": None,
        "drempel": None,
        "peildatum": None,
    }
    assert r.to_json()["peildatum"] is None


@pytest.mark.regel("STM03", "STM04")
def test_vertegenwoordiger_zonder_zichtbare_naam() -> None:
    """A representative whose name is invisible gives an STM03 error in both languages and
    the member's ballot does not count."""
    vert = (Vertegenwoordiger(gemeente="Utrecht", naam="\u200b", rol="burgemeester"),)
    s = Stemming(id="S1", voorstellen=("7",), stemmen={"Utrecht": "voor"})
    u = uitslagen(_dossier(s, vert=vert), gewichten=GEWICHTEN)
    assert [(b.regel, b.ernst, b.pad) for b in u.bevindingen] == [
        ("STM03", Ernst.FOUT, "vertegenwoordigers[Utrecht]"),
        ("STM04", Ernst.FOUT, "stemmingen[S1].stemmen.Utrecht"),
    ]
    eerste = u.bevindingen[0]
    assert eerste.melding_en is not None
    assert eerste.tekst("en") != eerste.tekst("nl")  # an English message, not the fallback
    assert u.stemgerechtigd == frozenset()
    assert (u.resultaten[0].uitgebracht, u.resultaten[0].uitkomst) == (0, Uitkomst.GEEN_BESLUIT)


VIER = (
    Vertegenwoordiger(gemeente="Utrecht", naam="U", rol="burgemeester"),
    Vertegenwoordiger(gemeente="Den Haag", naam="D", rol="burgemeester"),
    Vertegenwoordiger(gemeente="Beesel", naam="B", rol="burgemeester"),
)


@pytest.mark.regel("STM05", "STM10")
def test_keuze_met_gekwalificeerde_meerderheid() -> None:
    """A choice under "2/3": the leader with 55 of 91 votes (60,44%) has no majority."""
    s = Stemming(
        id="S1",
        soort=StemmingSoort.KEUZE,
        opties=("Noord", "Zuid"),
        meerderheid="2/3",
        stemmen={"Den Haag": "Noord", "Utrecht": "Zuid"},
    )
    r = uitslagen(_dossier(s, vert=VIER), gewichten=GEWICHTEN).resultaten[0]
    assert (r.uitkomst, r.voor, r.tegen, r.percentage) == (Uitkomst.GEEN_BESLUIT, 55, 36, "60,44")
    assert (r.meerderheid, r.drempel) == (Fraction(2, 3), Fraction(182, 3))
    # the same votes under the ordinary majority choose Noord
    s = evolve(s, meerderheid=None)
    assert uitslagen(_dossier(s, vert=VIER), gewichten=GEWICHTEN).resultaten[0].uitkomst == "Noord"


@pytest.mark.regel("STM04", "STM11")
def test_verkiezing_met_eigen_kandidaten_gaat_voor_de_vacature() -> None:
    """An election that lists its candidates uses that list, not the vacancy's: a vote for
    a candidate of the vacancy who is not on the list does not count."""
    s = Stemming(
        id="S1",
        soort=StemmingSoort.VERKIEZING,
        vacature="vice",
        kandidaten=("Jan", "Piet"),
        stemmen={"Utrecht": "Jan", "Den Haag": "Klaas"},
    )
    d = evolve(
        _dossier(s, vert=VIER),
        vacatures=(Vacature(id="vice", kandidaten=tuple(Kandidaat(naam=n) for n in KANDIDATEN)),),
    )
    u = uitslagen(d, gewichten=GEWICHTEN)
    r = u.resultaten[0]
    assert (r.uitkomst, r.voor, r.tegen) == ("Jan", 36, 0)
    assert r.opties == (("Jan", 36), ("Piet", 0))
    assert [(b.regel, b.pad) for b in u.bevindingen] == [
        ("STM04", "stemmingen[S1].stemmen.'s-Gravenhage")
    ]
