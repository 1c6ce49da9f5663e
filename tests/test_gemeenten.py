"""The municipality registry: names, aliases, mergers (SIG07, STM02)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.gemeenten import Gemeente, normaliseer, register
from tests.conftest import DATA

REG = register()
ALV_JUNI = date(2023, 6, 14)


def test_members_per_date() -> None:
    assert len(REG.leden(date(2022, 1, 1))) == 345
    assert len(REG.leden(date(2022, 3, 24))) == 344  # Weesp into Amsterdam
    assert len(REG.leden(date(2023, 1, 1))) == 342  # Voorne aan Zee
    assert len(REG.leden(date(2023, 12, 1))) == 342


def test_attendance_list_of_14_june_2023_resolves() -> None:
    """All 328 names of the minutes' attendance list resolve to distinct members."""
    regels = (DATA / "aanwezig-2023-06-14.txt").read_text(encoding="utf-8").splitlines()
    namen = [r.strip() for r in regels if r.strip() and not r.startswith("#")]
    assert len(namen) == 328
    gevonden = {naam: REG.zoek(naam, op=ALV_JUNI) for naam in namen}
    assert [n for n, g in gevonden.items() if g is None] == []
    assert len({g.code for g in gevonden.values() if g}) == 328


def test_aliases_from_the_spec() -> None:
    assert REG.zoek("Den Haag").naam == "'s-Gravenhage"  # type: ignore[union-attr]
    assert REG.zoek("Den Bosch").naam == "'s-Hertogenbosch"  # type: ignore[union-attr]
    assert REG.zoek("Súdwest Fryslân").code == REG.zoek("Sudwest-Fryslan").code  # type: ignore[union-attr]
    assert REG.zoek("Bergen (L)").code != REG.zoek("Bergen NH").code  # type: ignore[union-attr]
    assert REG.zoek("gm0344").naam == "Utrecht"  # type: ignore[union-attr]
    assert REG.zoek("Nuenen, Gerwen en Nederwetten") is not None


def test_merged_away_is_no_member_but_has_a_successor() -> None:
    weesp = REG.zoek("Weesp")
    assert weesp is not None
    assert REG.zoek("Weesp", op=date(2023, 12, 1)) is None
    assert REG.opvolger(weesp, date(2023, 12, 1)).naam == "Amsterdam"  # type: ignore[union-attr]
    assert REG.zoek("Voorne aan Zee", op=date(2022, 6, 1)) is None


def test_suggestions_for_a_typo() -> None:
    assert REG.suggesties("Amsterdm")[0] == "Amsterdam"
    assert REG.suggesties("Nergenshuizen") == [] or "Nergenshuizen" not in REG.suggesties(
        "Nergenshuizen"
    )


def _varianten(naam: str) -> st.SearchStrategy[str]:
    zonder_accent = "".join(
        c for c in unicodedata.normalize("NFKD", naam) if not unicodedata.combining(c)
    )
    return st.sampled_from(
        [
            naam,
            naam.upper(),
            naam.lower(),
            zonder_accent,
            naam.replace("-", " "),
            naam.replace(" ", "-"),
            f"  {naam} ",
            zonder_accent.swapcase(),
        ]
    )


@given(
    st.sampled_from(sorted(REG, key=lambda g: g.code)).flatmap(  # type: ignore[arg-type]
        lambda g: st.tuples(st.just(g), _varianten(g.naam))
    )
)
def test_lookup_invariant_under_spelling(paar: tuple[object, str]) -> None:
    gemeente, variant = paar
    assert REG.zoek(variant) == gemeente


@given(st.text())
def test_normaliseer_is_idempotent(tekst: str) -> None:
    assert normaliseer(normaliseer(tekst)) == normaliseer(tekst)


def test_gemeente_refuses_an_invalid_state() -> None:
    for fout in (
        {"code": "0344", "naam": "Utrecht"},
        {"code": "GM0344", "naam": ""},
        {"code": "GM0457", "naam": "Weesp", "van": date(2022, 3, 24), "tot": date(2022, 3, 23)},
        {"code": "GM0457", "naam": "Weesp", "opgegaan_in": "Amsterdam"},
    ):
        with pytest.raises(ValueError):  # noqa: PT011 - attrs' own messages
            Gemeente(**fout)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "invoer",
    [
        "Amsterdam",
        "GM0363",
        "gm0363",
        "0363",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0363",
        "  HTTPS://identifier.overheid.nl/tooi/id/gemeente/GM0363 ",
    ],
)
def test_tooi_uri_and_plain_code_resolve_like_the_name(invoer: str) -> None:
    g = REG.zoek(invoer, op=ALV_JUNI)
    assert g is not None
    assert (g.naam, g.tooi) == (
        "Amsterdam",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0363",
    )


@pytest.mark.parametrize(
    "invoer",
    [
        "https://identifier.overheid.nl/tooi/id/gemeente/gm9999",  # no such code
        "https://identifier.overheid.nl/tooi/id/provincie/pv0363",  # not a municipality
        "https://example.org/tooi/id/gemeente/gm0363",  # another host
        "036",
    ],
)
def test_other_uris_do_not_resolve(invoer: str) -> None:
    assert REG.zoek(invoer) is None


@given(st.sampled_from(sorted(REG, key=lambda g: g.code)))
def test_tooi_round_trips_to_the_same_member(g: Gemeente) -> None:
    assert g.tooi == "https://identifier.overheid.nl/tooi/id/gemeente/" + g.code.lower()
    assert REG.zoek(g.tooi) == REG.zoek(g.code)
