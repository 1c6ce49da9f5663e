"""AMD01-AMD05 on the Najaars ALV 2023, and applying amendments (pas_toe)."""

from __future__ import annotations

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from alvrules.amendementen import Wijziging, pas_toe
from alvrules.controle import controleer
from tests.alv2023 import AMENDEMENT, TEKST, amendement, dossier, regels


@pytest.mark.regel("AMD01")
@pytest.mark.parametrize(
    ("punt", "waarom"),
    [
        ("3", "niet ter besluitvorming"),
        ("8", "niet amendeerbaar"),
        ("99", "onbekend"),
        (None, "zonder agendapunt"),
    ],
)
def test_amd01_only_amendable_items_ter_besluitvorming(punt: str | None, waarom: str) -> None:
    [b] = amendement(agendapunt=punt)
    assert (b.regel, b.pad) == ("AMD01", "amendementen[A01].agendapunt")
    assert waarom in b.melding


@pytest.mark.regel("AMD03")
@pytest.mark.parametrize(
    "wijziging",
    [
        Wijziging(),
        Wijziging(invoegen="ook"),
        Wijziging(na="Gemeenten vragen"),
        Wijziging(schrappen="structurele", na="Gemeenten vragen", invoegen="extra"),
        Wijziging(schrappen="  ", invoegen=""),
    ],
)
def test_amd03_a_change_states_what_and_where(wijziging: Wijziging) -> None:
    [b] = amendement(wijzigingen=(wijziging,))
    assert (b.regel, b.pad) == ("AMD03", "amendementen[A01].wijzigingen[0]")


@pytest.mark.regel("AMD03")
def test_amd03_an_amendment_without_changes() -> None:
    assert regels(amendement(wijzigingen=())) == ["AMD03"]


def test_amd03_valid_forms() -> None:
    vormen = (
        Wijziging(schrappen=" Het bestuur rapporteert in de volgende ALV."),
        Wijziging(na="Gemeenten vragen", invoegen=" ook"),
    )
    assert amendement(wijzigingen=vormen) == []


@pytest.mark.regel("AMD04")
@pytest.mark.parametrize(("tekst", "n"), [("kabinetsvorming", 0), ("voor de ", 2)])
def test_amd04_deleted_text_occurs_exactly_once(tekst: str, n: int) -> None:
    [b] = amendement(wijzigingen=(Wijziging(schrappen=tekst, invoegen="x"),))
    assert (b.regel, b.pad) == ("AMD04", "amendementen[A01].wijzigingen[0].schrappen")
    assert f"{n} keer" in b.melding


@pytest.mark.regel("AMD04")
def test_amd04_changes_within_one_amendment_may_not_overlap() -> None:
    [b] = amendement(
        wijzigingen=(
            Wijziging(schrappen="structurele middelen"),
            Wijziging(schrappen="middelen voor de uitvoering"),
        )
    )
    assert (b.regel, b.ernst.value, b.pad) == ("AMD04", "fout", "amendementen[A01].wijzigingen[1]")


@pytest.mark.regel("AMD04")
def test_amd04_two_amendments_deleting_the_same_text_is_a_warning() -> None:
    tweede = evolve(AMENDEMENT, id="A02", wijzigingen=(Wijziging(schrappen="middelen voor"),))
    [b] = controleer(dossier(amendementen=(AMENDEMENT, tweede)))
    assert (b.regel, b.ernst.value) == ("AMD04", "waarschuwing")
    assert b.pad == "amendementen[A02].wijzigingen[0].schrappen"


@pytest.mark.regel("AMD05")
def test_amd05_amendment_without_indieners() -> None:
    [b] = amendement(indieners=())
    assert (b.regel, b.pad) == ("AMD05", "amendementen[A01].indieners")


def test_pas_toe_the_2023_example() -> None:
    uit = pas_toe(TEKST, AMENDEMENT.wijzigingen)
    assert "Gemeenten vragen structureel voldoende middelen voor de uitvoering." in uit
    invoeging = Wijziging(na="kabinetsformatie.", invoegen=" En daarna.")
    schrapping = Wijziging(schrappen=" Gemeenten vragen structurele middelen voor de uitvoering.")
    assert pas_toe(TEKST, (schrapping, invoeging)).startswith(
        "De ALV stelt de kaders vast voor de inzet van de VNG bij de kabinetsformatie. En daarna."
        " Het bestuur"
    )


@pytest.mark.parametrize(
    "wijzigingen",
    [
        (Wijziging(),),
        (Wijziging(schrappen="", invoegen=""),),
        (Wijziging(schrappen="kabinetsvorming"),),
        (Wijziging(schrappen="structurele"), Wijziging(schrappen="structurele middelen")),
        (Wijziging(na="Gemeenten", invoegen="a"), Wijziging(na="Gemeenten", invoegen="b")),
    ],
)
def test_pas_toe_refuses_empty_missing_and_overlapping_changes(
    wijzigingen: tuple[Wijziging, ...],
) -> None:
    with pytest.raises(ValueError, match=r"."):
        pas_toe(TEKST, wijzigingen)


@st.composite
def _tekst_en_wijzigingen(draw: st.DrawFn) -> tuple[str, list[Wijziging], list[str], list[str]]:
    """A text of unique markers; each segment kept, deleted, replaced or followed by an
    insertion. Returns the text, the changes, the inserted and the deleted markers."""
    n = draw(st.integers(1, 12))
    vulling = st.text(alphabet="abc ", max_size=5)
    segmenten = [f"<s{k}>{draw(vulling)}" for k in range(n)]
    wijzigingen, ingevoegd, geschrapt = [], [], []
    for k, seg in enumerate(segmenten):
        soort = draw(st.sampled_from(["houden", "schrappen", "vervangen", "invoegen"]))
        nieuw = f"<n{k}>"
        if soort == "schrappen":
            wijzigingen.append(Wijziging(schrappen=seg))
            geschrapt.append(f"<s{k}>")
        elif soort == "vervangen":
            wijzigingen.append(Wijziging(schrappen=seg, invoegen=nieuw))
            geschrapt.append(f"<s{k}>")
            ingevoegd.append(nieuw)
        elif soort == "invoegen":
            wijzigingen.append(Wijziging(na=f"<s{k}>", invoegen=nieuw))
            ingevoegd.append(nieuw)
    return "".join(segmenten), draw(st.permutations(wijzigingen)), ingevoegd, geschrapt


@given(_tekst_en_wijzigingen())
def test_pas_toe_inserts_every_text_and_deletes_every_deletion(
    geval: tuple[str, list[Wijziging], list[str], list[str]],
) -> None:
    tekst, wijzigingen, ingevoegd, geschrapt = geval
    uit = pas_toe(tekst, wijzigingen)
    assert all(uit.count(t) == 1 for t in ingevoegd)
    assert not any(t in uit for t in geschrapt)
