"""Edges of applying amendments: overlapping counts and the reasons of a refusal; AMD04 at
its cost limits (counted occurrences, partners per place, characters searched).

Written to kill surviving mutants (mutmut) in amendementen.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from alvrules import amendementen as amendementen_module
from alvrules.amendementen import (
    MAX_PAREN,
    Amendement,
    Wijziging,
    _overlappend,
    _Plek,
    amd04_eenmaal,
    pas_toe,
    tel,
)
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.fouten import GebruiksFout
from alvrules.grenzen import MAX_OPSOMMING, MAX_ZOEKWERK
from alvrules.model import Agendapunt, Vergadering
from alvrules.regels import Bevinding, Ernst


@pytest.mark.parametrize(
    ("tekst", "deel", "n"), [("aaa", "aa", 2), ("ababab", "ab", 3), ("abc", "x", 0)]
)
def test_tel_overlappend(tekst: str, deel: str, n: int) -> None:
    assert tel(tekst, deel) == n


@pytest.mark.parametrize(
    ("wijzigingen", "reden"),
    [
        ([Wijziging()], r"Wijziging geweigerd: niets geschrapt en niets ingevoegd\."),
        (
            [Wijziging(invoegen="x")],
            r"Wijziging geweigerd: invoeging zonder plaats \(na ontbreekt\)\.",
        ),
        (
            [Wijziging(schrappen="b")],
            r"De tekst bij schrappen \('b'\) komt 2 keer voor in de tekst, niet precies één keer\.",
        ),
        (
            [Wijziging(na="z", invoegen="x")],
            r"De tekst bij na \('z'\) komt 0 keer voor in de tekst, niet precies één keer\.",
        ),
        (
            [Wijziging(schrappen="a b"), Wijziging(schrappen="b c")],
            r"De wijzigingen overlappen elkaar\.",
        ),
    ],
)
def test_pas_toe_weigert_met_reden(wijzigingen: list[Wijziging], reden: str) -> None:
    with pytest.raises(ValueError, match=f"^{reden}$"):
        pas_toe("a b c b", wijzigingen)


def test_pas_toe_invoegen_na_anker() -> None:
    assert pas_toe("a b c", [Wijziging(na="b", invoegen=" x")]) == "a b x c"
    assert pas_toe("a b c", [Wijziging(schrappen="b", invoegen="y")]) == "a y c"


# -- AMD04 at its cost limits (MAX_OPSOMMING, MAX_ZOEKWERK) and the overlap sweep ------------

ALV = Vergadering(datum=date(2023, 12, 1))
PAD = "amendementen[A01]"
AMD_HIER = {"AMD01", "AMD03", "AMD04", "AMD05"}  # the rules of alvrules.amendementen


def _amendement(id: str, *wijzigingen: Wijziging, agendapunt: str | None = "7") -> Amendement:
    return Amendement(id=id, agendapunt=agendapunt, indieners=("Utrecht",), wijzigingen=wijzigingen)


def _bevindingen(tekst: str, *amendementen: Amendement) -> list[Bevinding]:
    punten = (Agendapunt(id="7", tekst=tekst),)
    return list(
        controleer(Dossier(vergadering=ALV, agendapunten=punten, amendementen=amendementen))
    )


def _amd04(tekst: str, *amendementen: Amendement) -> list[Bevinding]:
    return [b for b in _bevindingen(tekst, *amendementen) if b.regel == "AMD04"]


@pytest.mark.regel("AMD04")
@pytest.mark.parametrize(
    ("n", "nl", "en"),
    [
        (MAX_OPSOMMING - 1, f"{MAX_OPSOMMING - 1}", f"{MAX_OPSOMMING - 1}"),
        (MAX_OPSOMMING, f"{MAX_OPSOMMING}", f"{MAX_OPSOMMING}"),
        (MAX_OPSOMMING + 1, f"meer dan {MAX_OPSOMMING}", f"more than {MAX_OPSOMMING}"),
        (3 * MAX_OPSOMMING, f"meer dan {MAX_OPSOMMING}", f"more than {MAX_OPSOMMING}"),
    ],
)
def test_amd04_count_is_exact_up_to_the_limit(n: int, nl: str, en: str) -> None:
    [b] = _amd04("Ja. " * n, _amendement("A01", Wijziging(schrappen="Ja.")))
    assert (b.regel, b.ernst, b.pad) == ("AMD04", Ernst.FOUT, f"{PAD}.wijzigingen[0].schrappen")
    assert f" komt {nl} keer " in b.melding
    assert f" occurs {en} times " in b.tekst("en")


def test_pas_toe_names_the_count_in_dutch() -> None:
    reden = re.escape(f"De tekst bij schrappen ('Ja.') komt meer dan {MAX_OPSOMMING} keer")
    with pytest.raises(GebruiksFout, match=f"^{reden}"):
        pas_toe("Ja. " * (MAX_OPSOMMING + 1), [Wijziging(schrappen="Ja.")])


class _Geteld(str):
    """A text that counts how often it is searched."""

    zoekacties = 0

    def find(self, *args: Any) -> int:
        self.zoekacties += 1
        return super().find(*args)


@pytest.mark.regel("AMD04")
def test_amd04_counting_the_occurrences_stops_at_the_limit() -> None:
    tekst = _Geteld("a" * 100_000)
    [b] = amd04_eenmaal(_amendement("A01", Wijziging(schrappen="a")), tekst, PAD)
    assert f"meer dan {MAX_OPSOMMING} keer" in b.melding
    assert tekst.zoekacties <= 2 * MAX_OPSOMMING  # not one search per occurrence


@pytest.mark.regel("AMD04")
def test_amd04_an_occurrence_overlapping_the_first_one_counts() -> None:
    tekst = "Het bestuur krijgt 1000 euro."
    [b] = _amd04(tekst, _amendement("A01", Wijziging(schrappen="00", invoegen="50")))
    assert (b.pad, " komt 2 keer " in b.melding) == (f"{PAD}.wijzigingen[0].schrappen", True)
    with pytest.raises(GebruiksFout, match=r"^De tekst bij schrappen \('00'\) komt 2 keer"):
        pas_toe(tekst, [Wijziging(schrappen="00", invoegen="50")])


@pytest.mark.regel("AMD04")
def test_amd04_eenmaal_locates_the_changes_itself() -> None:
    tekst = "Gemeenten vragen structurele middelen voor de uitvoering."
    a = _amendement(
        "A01",
        Wijziging(schrappen="structurele middelen"),
        Wijziging(schrappen="middelen voor de uitvoering"),
        Wijziging(schrappen="kabinetsvorming"),
        Wijziging(),  # AMD03, not located
    )
    zelf = list(amd04_eenmaal(a, tekst, PAD))
    assert [(b.regel, b.ernst, b.pad) for b in zelf] == [
        ("AMD04", Ernst.FOUT, f"{PAD}.wijzigingen[2].schrappen"),
        ("AMD04", Ernst.FOUT, f"{PAD}.wijzigingen[1]"),
    ]
    assert zelf == _amd04(tekst, a)


@pytest.mark.regel("AMD04")
def test_amd04_a_change_ending_where_the_next_begins_does_not_overlap() -> None:
    tekst = "Gemeenten vragen structurele middelen."
    eerste, tweede = Wijziging(schrappen="Gemeenten vragen"), Wijziging(schrappen=" structurele")
    assert _amd04(tekst, _amendement("A01", eerste, tweede)) == []
    assert _amd04(tekst, _amendement("A01", eerste), _amendement("A02", tweede)) == []
    assert pas_toe(tekst, [evolve(eerste, invoegen="Wij vragen"), tweede]) == "Wij vragen middelen."
    # one character more and they overlap
    [b] = _amd04(tekst, _amendement("A01", eerste, Wijziging(schrappen="n structurele")))
    assert (b.ernst, b.pad) == (Ernst.FOUT, f"{PAD}.wijzigingen[1]")


@pytest.mark.regel("AMD04")
def test_amd04_overlap_is_found_in_text_order_not_list_order() -> None:
    tekst = "Een twee drie vier vijf zes."
    wijzigingen = (
        Wijziging(schrappen="twee drie"),
        Wijziging(schrappen="vijf zes"),
        Wijziging(schrappen="drie vier"),  # overlaps the first, not the second
    )
    [b] = _amd04(tekst, _amendement("A01", *wijzigingen))
    assert (b.ernst, b.pad) == (Ernst.FOUT, f"{PAD}.wijzigingen[2]")
    with pytest.raises(GebruiksFout, match=r"^De wijzigingen overlappen elkaar\.$"):
        pas_toe(tekst, wijzigingen)


def test_pas_toe_refuses_overlaps_also_when_later_places_are_still_open() -> None:
    # the sweep meets "de" when "abcdefghij" and "cd" are still open, "bc" is closed
    wijzigingen = [Wijziging(schrappen=s) for s in ("abcdefghij", "bc", "cd", "de")]
    with pytest.raises(GebruiksFout, match=r"^De wijzigingen overlappen elkaar\.$"):
        pas_toe("abcdefghijk", wijzigingen)


def _paren(bevindingen: list[Bevinding]) -> list[tuple[str, str]]:
    """(earlier, later) amendment of each AMD04 warning between two amendments."""
    paren = []
    for b in bevindingen:
        assert (b.regel, b.ernst) == ("AMD04", Ernst.WAARSCHUWING)
        if b.melding.startswith("En nog "):  # the count of the pairs left out (issue 25)
            continue
        later = re.fullmatch(r"amendementen\[(A\d+)\]\.wijzigingen\[0\]\.schrappen", b.pad)
        eerder = re.search(r"amendementen\[(A\d+)\]", b.melding)
        assert later is not None
        assert eerder is not None
        paren.append((eerder[1], later[1]))
    return paren


def _zelfde_zin(n: int) -> list[Bevinding]:
    """The AMD04 findings of ``n`` amendments that all delete the same sentence."""
    return _amd04(
        "De ALV besluit iets. Verder niets.",
        *(_amendement(f"A{k}", Wijziging(schrappen="besluit iets")) for k in range(n)),
    )


@pytest.mark.regel("AMD04")
def test_amd04_eleven_amendments_deleting_the_same_sentence_all_conflict() -> None:
    paren = _paren(_zelfde_zin(MAX_OPSOMMING + 1))
    assert sorted(paren) == sorted(
        (f"A{i}", f"A{j}") for j in range(MAX_OPSOMMING + 1) for i in range(j)
    )


@pytest.mark.regel("AMD04")
@pytest.mark.parametrize(
    ("n", "paren", "weg"), [(MAX_OPSOMMING + 2, 55 + 1, 0), (100, MAX_PAREN + 78, 318)]
)
def test_amd04_bounded_but_every_amendment_is_named(n: int, paren: int, weg: int) -> None:
    """Eleven at a time fill each other's ten partners; the next still names one of them.
    Per proposal MAX_PAREN pairs are named, then only pairs naming a new amendment; the
    rest is counted (100 amendments: 496 pairs, 178 named, 318 counted)."""
    bevindingen = _zelfde_zin(n)
    gevonden = _paren(bevindingen)
    assert len(set(gevonden)) == len(gevonden) == paren
    assert {a for paar in gevonden for a in paar} == {f"A{k}" for k in range(n)}
    assert [eerder for eerder, later in gevonden if later == "A11"] == ["A0"]
    telling = [b.melding for b in bevindingen if b.melding.startswith("En nog ")]
    assert telling == (
        [
            f"En nog {weg} paren van amendementen op agendapunt '7' die dezelfde "
            "tekst schrappen; de vergadering moet kiezen."
        ]
        if weg
        else []
    )


@pytest.mark.regel("AMD04")
def test_amd04_every_change_inside_a_long_deletion_is_reported() -> None:
    woorden = [f"w{k:02d}" for k in range(MAX_OPSOMMING + 2)]
    lang = Wijziging(schrappen=" " + " ".join(woorden))
    a = _amendement("A01", lang, *(Wijziging(schrappen=w) for w in woorden))
    bevindingen = _amd04(f"Begin {' '.join(woorden)} einde.", a)
    assert [(b.ernst, b.pad) for b in bevindingen] == [
        (Ernst.FOUT, f"{PAD}.wijzigingen[{j}]") for j in range(1, MAX_OPSOMMING + 3)
    ]
    assert all(b.melding.endswith("wijzigingen[0].") for b in bevindingen)


@pytest.mark.regel("AMD04")
def test_amd04_deletions_in_different_proposals_do_not_conflict() -> None:
    tekst = "De ALV besluit iets."
    punten = (Agendapunt(id="7", tekst=tekst), Agendapunt(id="9", tekst=tekst))
    amendementen = (
        _amendement("A01", Wijziging(schrappen="besluit")),
        _amendement("A02", Wijziging(schrappen="besluit"), agendapunt="9"),
    )
    dossier = Dossier(vergadering=ALV, agendapunten=punten, amendementen=amendementen)
    assert [b for b in controleer(dossier) if b.regel == "AMD04"] == []


@pytest.mark.regel("AMD04")
def test_amd04_search_budget_reached_exactly_is_not_exceeded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tekst = "De ALV besluit iets."
    amendementen = [_amendement(f"A0{k}", Wijziging(schrappen="niets")) for k in (1, 2)]
    monkeypatch.setattr(amendementen_module, "MAX_ZOEKWERK", 2 * len(tekst))
    assert [b.pad for b in _amd04(tekst, *amendementen)] == [
        f"amendementen[A0{k}].wijzigingen[0].schrappen" for k in (1, 2)
    ]
    monkeypatch.setattr(amendementen_module, "MAX_ZOEKWERK", 2 * len(tekst) - 1)
    assert [b.pad for b in _amd04(tekst, *amendementen)] == [
        "amendementen[A01].wijzigingen[0].schrappen",
        "amendementen[A02].wijzigingen",
    ]


@pytest.mark.regel("AMD04")
def test_amd04_search_budget_message() -> None:
    n = 10
    a = _amendement("A01", *(Wijziging(schrappen=f"b{k}") for k in range(n)))
    [b] = _amd04("a" * (MAX_ZOEKWERK // n + 1), a)
    assert (b.ernst, b.pad) == (Ernst.FOUT, f"{PAD}.wijzigingen")
    assert (b.melding, b.tekst("en")) == (
        "Te veel wijzigingen op te lange voorstelteksten om te zoeken (meer dan 50.000.000 "
        "tekens); de wijzigingen vanaf hier zijn niet gecontroleerd.",
        "Too many changes on too long proposal texts to search (more than 50,000,000 "
        "characters); the changes from here on are not checked.",
    )


def test_after_the_search_budget_the_other_rules_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    tekst = "De ALV besluit iets."
    monkeypatch.setattr(amendementen_module, "MAX_ZOEKWERK", len(tekst) - 1)
    bevindingen = _bevindingen(
        tekst,
        _amendement("A01", Wijziging(schrappen="iets")),
        Amendement(id="A02", agendapunt="99", wijzigingen=(Wijziging(schrappen="iets"),)),
        _amendement("A03", Wijziging(schrappen="niets")),  # not searched: no AMD04
    )
    assert sorted((b.regel, b.pad) for b in bevindingen if b.regel in AMD_HIER) == [
        ("AMD01", "amendementen[A02].agendapunt"),
        ("AMD04", "amendementen[A01].wijzigingen"),
        ("AMD05", "amendementen[A02].indieners"),
    ]


@pytest.mark.regel("AMD04", "AMD05")
def test_an_amendment_over_the_search_budget_still_needs_indieners(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tekst = "De ALV besluit iets."
    monkeypatch.setattr(amendementen_module, "MAX_ZOEKWERK", len(tekst) - 1)
    zonder = Amendement(id="A01", agendapunt="7", wijzigingen=(Wijziging(schrappen="iets"),))
    assert sorted((b.regel, b.pad) for b in _bevindingen(tekst, zonder) if b.regel in AMD_HIER) == [
        ("AMD04", "amendementen[A01].wijzigingen"),
        ("AMD05", "amendementen[A01].indieners"),
    ]


def _raakt(p: _Plek, q: _Plek) -> bool:
    return max(p.begin, q.begin) < min(p.eind, q.eind)


@pytest.mark.regel("AMD04")
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=40),
    st.integers(1, 4),
)
def test_overlappend_names_every_touching_place_and_only_those(
    vakken: list[tuple[int, int]], per_plek: int
) -> None:
    """Against brute force: every pair touches; every place that touches another is in a
    pair; each place adds at most ``per_plek`` pairs; with room for all, all pairs."""
    plekken = [(i, _Plek(b, b + n, b, "")) for i, (b, n) in enumerate(vakken)]
    paren = _overlappend(plekken, per_plek)
    alle = {(i, j) for i, p in plekken for j, q in plekken if i < j and _raakt(p, q)}
    assert paren == sorted(set(paren))
    assert set(paren) <= alle
    assert {k for paar in paren for k in paar} == {k for paar in alle for k in paar}
    assert len(paren) <= per_plek * len(plekken)
    if per_plek >= len(plekken):
        assert set(paren) == alle


@pytest.mark.regel("AMD04")
@pytest.mark.parametrize(
    ("n", "per_plek", "paren"),
    [
        # the second fills the first; the third names the first open place to end
        (3, 1, [(0, 1), (0, 2)]),
        # two fill each other with the third; the fourth names the first, the fifth the fourth
        (5, 2, [(0, 1), (0, 2), (0, 3), (1, 2), (3, 4)]),
    ],
)
def test_overlappend_identical_places_exactly(
    n: int, per_plek: int, paren: list[tuple[int, int]]
) -> None:
    assert _overlappend([(i, _Plek(3, 8, 3, "")) for i in range(n)], per_plek) == paren
