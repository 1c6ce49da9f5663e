"""Edges of the vote results that the approved dossiers do not reach.

Written to kill surviving mutants (mutmut) in uitslagen.py: a :class:`Resultaat` built
by a caller (no rule applied, no reference date) as JSON; a representative without a
visible name; a choice under a qualified majority; an election whose own list of
candidates overrides its vacancy's; a context with its own register of members; weights
for a code that no member has; an empty ``betreft``.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from attrs import evolve

from alvrules.bevolking import Bevolking
from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.gemeenten import Gemeente, Gemeenteregister
from alvrules.gewichten import stemgewichten
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
    assert (r.basis, r.leden) == (91, 92)  # votes cast; all members' votes for reference
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


@pytest.mark.regel("STM01", "STM02")
def test_eigen_register_in_de_context_bepaalt_de_gewichten() -> None:
    """With a context that has its own register, the weights are those of its members."""
    reg = Gemeenteregister([Gemeente("GM0001", "Oudstad"), Gemeente("GM0002", "Nieuwstad")])
    cijfers = Bevolking(date(2022, 1, 1), {"GM0001": 5_000, "GM0002": 200_000})
    vert = (Vertegenwoordiger(gemeente="Oudstad", naam="O", rol="burgemeester"),)
    s = Stemming(id="S1", voorstellen=("7",), stemmen={"Oudstad": "voor", "Nieuwstad": "tegen"})
    d = _dossier(s, vert=vert)
    u = uitslagen(d, evolve(Context.voor(d, bevolking=cijfers), gemeenten=reg))
    assert u.gewichten == {
        g.gemeente.code: g.stemmen
        for g in stemgewichten(date(2023, 12, 1), bevolking=cijfers, gemeenten=reg).gewichten
    }
    assert set(u.gewichten) == {"GM0001", "GM0002"}
    assert u.namen == {"GM0001": "Oudstad", "GM0002": "Nieuwstad"}
    assert u.stemgerechtigd == frozenset({"GM0001"})  # Nieuwstad has no representative
    r = u.resultaten[0]
    assert (r.voor, r.tegen, r.uitkomst) == (u.gewichten["GM0001"], 0, Uitkomst.AANGENOMEN)
    assert [(b.regel, b.pad) for b in u.bevindingen] == [
        ("STM04", "stemmingen[S1].stemmen.Nieuwstad")
    ]


def test_namen_van_gewichten_zonder_gemeente_zijn_de_codes() -> None:
    """Weights given for a code that is not in the register are named by that code."""
    s = Stemming(id="S1", voorstellen=("7",), stemmen={"Utrecht": "voor"})
    u = uitslagen(_dossier(s, vert=VIER), gewichten={"GM0344": 36, "GM9999": 5})
    assert u.namen == {"GM0344": "Utrecht", "GM9999": "GM9999"}
    assert (u.resultaten[0].voor, u.resultaten[0].uitkomst) == (36, Uitkomst.AANGENOMEN)


@pytest.mark.regel("STM09")
def test_lege_betreft_verwijst_nergens_naar() -> None:
    """An empty ``betreft`` concerns no proposal, not one with an empty id voted before."""
    eerst = Stemming(id="S1", voorstellen=("",), stemmen={"Utrecht": "voor"})
    daarna = Stemming(id="S2", voorstellen=("7",), betreft="", stemmen={"Utrecht": "voor"})
    u = uitslagen(_dossier(eerst, daarna, vert=VIER), gewichten=GEWICHTEN)
    assert u.bevindingen == ()
    assert [r.uitkomst for r in u.resultaten] == [Uitkomst.AANGENOMEN, Uitkomst.AANGENOMEN]


@pytest.mark.regel("STM02", "STM05")
def test_procedure_van_de_context_geeft_peildatum_en_meerderheid() -> None:
    """The procedure of the context sets the reference date and the majority applied."""
    s = Stemming(id="S1", voorstellen=("7",), stemmen={"Den Haag": "voor", "Utrecht": "tegen"})
    d = _dossier(s, vert=VIER)
    ctx = Context.voor(d)
    ctx = evolve(
        ctx, procedure=evolve(ctx.procedure, peiljaren_terug=2, meerderheid=Fraction(2, 3))
    )
    u = uitslagen(d, ctx, gewichten=GEWICHTEN)
    r = u.resultaten[0]
    assert (u.peildatum, r.peildatum) == (date(2021, 1, 1), date(2021, 1, 1))
    assert (r.meerderheid, r.voor, r.tegen, r.uitkomst) == (
        Fraction(2, 3),
        55,
        36,
        Uitkomst.VERWORPEN,
    )
