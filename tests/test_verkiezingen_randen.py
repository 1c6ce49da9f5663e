"""KND01, KND02 and NOT01 at their edges: which finding, at which place, with which count.

The wording of every message is pinned once, by the approval test
(``tests/test_bevindingen_woordelijk.py``, dossier ``bevindingen-hoofdstukken.toml``); the
tests here assert what a user acts on: rule id, severity, path and the numbers.
"""

from __future__ import annotations

from datetime import date

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import Vergadering
from alvrules.regels import Bevinding, Ernst
from alvrules.verkiezingen import Kandidaat, Vacature

ANDEREN = (
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
)
PAD = "vacatures[vice].kandidaten[Mark Boumans]"


def _tegen(**kw: object) -> Kandidaat:
    basis: dict[str, object] = {
        "naam": "Mark Boumans",
        "rol": "burgemeester",
        "gemeente": "Doetinchem",
        "voorgedragen_door": "Doetinchem",
        "ondersteuners": ANDEREN,
        "ingediend": date(2023, 5, 24),
    }
    return Kandidaat(**(basis | kw))  # type: ignore[arg-type]


def _bevindingen(
    *kandidaten: Kandidaat, notulencommissie: tuple[str, ...] | None = None
) -> list[Bevinding]:
    commissie = Kandidaat(naam="Koen Schuiling", rol="burgemeester", gemeente="Groningen")
    dossier = Dossier(
        vergadering=Vergadering(datum=date(2023, 6, 14)),
        vacatures=(Vacature(id="vice", kandidaten=(commissie, *kandidaten)),),
        notulencommissie=notulencommissie,
    )
    return list(controleer(dossier).bevindingen)


def _kern(b: Bevinding) -> tuple[str, Ernst, str]:
    return (b.regel, b.ernst, b.pad)


def test_own_municipality_does_not_count_as_one_of_the_ten_supporters() -> None:
    # Doetinchem nominates and supports itself, plus nine others: nine other members.
    negen = ("Doetinchem", *ANDEREN[:9])
    [b] = _bevindingen(_tegen(ondersteuners=negen))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "9 andere leden" in b.melding
    # The same with the tenth other member: valid.
    assert _bevindingen(_tegen(ondersteuners=(*negen, ANDEREN[9]))) == []


def test_a_supporter_written_twice_counts_once() -> None:
    [b] = _bevindingen(_tegen(ondersteuners=(*ANDEREN[:9], "arnhem")))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "9 andere leden" in b.melding


def test_an_unknown_supporter_is_reported_even_with_ten_members() -> None:
    [b] = _bevindingen(_tegen(ondersteuners=(*ANDEREN, "Xqzwv")))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "10 andere leden" in b.melding
    assert b.melding.endswith("geen lid: Xqzwv.")


def test_nominated_by_a_non_member() -> None:
    # Not a member: one finding for the nominator; all ten supporters still count.
    [b] = _bevindingen(_tegen(voorgedragen_door="Xqzwv"))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert b.melding.startswith("'Xqzwv' is geen lid op 14 juni 2023.")
    # With too few supporters as well: two findings at the same place.
    bevindingen = _bevindingen(_tegen(voorgedragen_door="Xqzwv", ondersteuners=ANDEREN[:9]))
    assert [_kern(b) for b in bevindingen] == [("KND02", Ernst.FOUT, PAD)] * 2
    assert "9 andere leden" in bevindingen[1].melding


def test_nominated_by_another_municipality_or_without_one() -> None:
    [b] = _bevindingen(_tegen(voorgedragen_door="Zwolle"))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "door Zwolle" in b.melding
    [b] = _bevindingen(_tegen(gemeente=""))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert b.melding.endswith("(onbekend).")


def test_role_and_date_of_a_counter_candidate() -> None:
    [b] = _bevindingen(_tegen(rol="directeur"))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "'directeur'" in b.melding
    [b] = _bevindingen(_tegen(ingediend=None))
    assert _kern(b) == ("KND02", Ernst.FOUT, PAD)
    assert "zonder datum" in b.melding
    # TRM06: 21 days before 14 June is 24 May; the 24th is on time, the 25th late.
    [b] = _bevindingen(_tegen(ingediend=date(2023, 5, 25)))
    assert "op 25 mei 2023" in b.melding
    assert "uiterlijk 24 mei 2023" in b.melding


def test_every_defect_of_one_candidate_is_its_own_finding() -> None:
    slecht = _tegen(voorgedragen_door="Zwolle", rol="", ondersteuners=ANDEREN[:3], ingediend=None)
    assert [_kern(b) for b in _bevindingen(slecht)] == [("KND02", Ernst.FOUT, PAD)] * 4


def test_knd01_counts_the_committee_nominees() -> None:
    tweede = Kandidaat(naam="Iemand", rol="wethouder", gemeente="Ede")
    [b] = _bevindingen(tweede)
    assert _kern(b) == ("KND01", Ernst.FOUT, "vacatures[vice]")
    assert "2 kandidaten" in b.melding
    # Only counter-candidates: none of the committee.
    leeg = Dossier(
        vergadering=Vergadering(datum=date(2023, 6, 14)),
        vacatures=(Vacature(id="v2", kandidaten=(_tegen(),)),),
    )
    [b] = controleer(leeg).bevindingen
    assert _kern(b) == ("KND01", Ernst.FOUT, "vacatures[v2]")
    assert "0 kandidaten" in b.melding


def test_not01_counts_distinct_non_blank_names() -> None:
    [b] = _bevindingen(notulencommissie=("a", " A", "", "b"))
    assert _kern(b) == ("NOT01", Ernst.FOUT, "notulencommissie")
    assert "2 personen" in b.melding
    assert _bevindingen(notulencommissie=("a", "b", "c")) == []
    assert _bevindingen(notulencommissie=None) == []
