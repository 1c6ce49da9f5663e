"""SIG01-SIG08 on the Najaars ALV 2023, and every subset of signing roles (exhaustive)."""

from __future__ import annotations

from itertools import chain, combinations

import pytest

from alvrules.model import Persoon
from tests.alv2023 import amendement, motie, regels

BEESEL_BM = Persoon("J. Peters", "burgemeester", "Beesel")
VENLO_WETH = Persoon("K. Hendriks", "wethouder", "Venlo")


def test_sig01_waarnemend_and_loco_count_as_burgemeester() -> None:
    for rol in ("waarnemend-burgemeester", "locoburgemeester", "Waarnemend burgemeester"):
        assert motie(ondertekening=(Persoon("P", rol, "Beesel"), VENLO_WETH)) == []


@pytest.mark.regel("SIG01")
def test_sig01_wethouder_instead_of_burgemeester() -> None:
    [b] = motie(ondertekening=(Persoon("P", "wethouder", "Beesel"), VENLO_WETH))
    assert (b.regel, b.pad) == ("SIG01", "moties[M01].ondertekening")
    assert "Beesel" in b.melding


@pytest.mark.regel("SIG02")
def test_sig02_griffier_and_unknown_roles_do_not_sign() -> None:
    [b] = motie(ondertekening=(BEESEL_BM, VENLO_WETH, Persoon("G", "griffier", "Beesel")))
    assert (b.regel, b.pad) == ("SIG02", "moties[M01].ondertekening[2].rol")
    assert regels(
        motie(ondertekening=(BEESEL_BM, VENLO_WETH, Persoon("V", "voorzitter", "Beesel")))
    ) == ["SIG02"]


def test_sig02_co_signatures_of_the_indiener_are_allowed() -> None:
    extra = tuple(
        Persoon("X", r, "Beesel") for r in ("wethouder", "gemeentesecretaris", "raadslid")
    )
    assert motie(ondertekening=(BEESEL_BM, VENLO_WETH, *extra)) == []


@pytest.mark.regel("SIG03")
def test_sig03_ondersteuner_signing_is_another_municipality() -> None:
    [b] = motie(ondertekening=(BEESEL_BM, VENLO_WETH, Persoon("R", "burgemeester", "Roermond")))
    assert (b.regel, b.pad) == ("SIG03", "moties[M01].ondertekening[2].gemeente")
    assert "Roermond" in b.melding


@pytest.mark.regel("SIG04")
def test_sig04_mede_indiener_with_raadslid_only() -> None:
    [b] = motie(ondertekening=(BEESEL_BM, Persoon("R", "raadslid", "Venlo")))
    assert b.regel == "SIG04"
    assert "Venlo" in b.melding


@pytest.mark.regel("SIG05")
def test_sig05_ondersteuners_need_no_signature() -> None:
    """SIG05: four ondersteuners, none of them signing, give no finding."""
    assert motie(ondersteuners=("Roermond", "Venray", "Weert", "Maasgouw")) == []


@pytest.mark.regel("SIG06")
def test_sig06_den_haag_and_s_gravenhage_are_one_municipality() -> None:
    [b] = motie(
        mede_indieners=("Den Haag",),
        ondersteuners=("'s-Gravenhage",),
        ondertekening=(BEESEL_BM, Persoon("W", "wethouder", "Den Haag")),
    )
    assert (b.regel, b.pad) == ("SIG06", "moties[M01].ondersteuners[0]")
    assert regels(motie(ondersteuners=("GM0889",))) == ["SIG06"]  # Beesel's CBS code


@pytest.mark.regel("SIG07")
def test_sig07_merged_away_names_its_successor() -> None:
    [b] = motie(ondersteuners=("Weesp",))
    assert (b.regel, b.pad) == ("SIG07", "moties[M01].ondersteuners[0]")
    assert "Amsterdam" in b.melding
    assert "sinds 24 maart 2022." in b.melding


@pytest.mark.regel("SIG07")
def test_sig07_unknown_name_suggests_the_nearest() -> None:
    [b] = motie(
        mede_indieners=("Venloo",), ondertekening=(BEESEL_BM, Persoon("W", "wethouder", "Venloo"))
    )
    assert (b.regel, b.pad) == ("SIG07", "moties[M01].mede_indieners[0]")
    assert "Venlo" in b.melding


@pytest.mark.regel("SIG08")
def test_sig08_no_signature_at_all_is_one_finding() -> None:
    [b] = motie(ondertekening=())
    assert (b.regel, b.pad, b.ernst.value) == ("SIG08", "moties[M01].ondertekening", "fout")


@pytest.mark.regel("SIG01", "SIG08")
def test_amd05_amendments_keep_the_sig_ids() -> None:
    [b] = amendement(ondertekening=(Persoon("W", "wethouder", "Utrecht"),))
    assert (b.regel, b.pad) == ("SIG01", "amendementen[A01].ondertekening")
    assert regels(amendement(ondertekening=())) == ["SIG08"]


# --- every subset of roles ---------------------------------------------------------------

BURGEMEESTERS = {"burgemeester", "waarnemend-burgemeester", "locoburgemeester"}
ROLLEN = (
    *sorted(BURGEMEESTERS),
    "wethouder",
    "gemeentesecretaris",
    "griffier",
    "raadslid",
    "ander",
)
DEELVERZAMELINGEN = list(
    chain.from_iterable(combinations(ROLLEN, n) for n in range(len(ROLLEN) + 1))
)


def _handtekeningen(gemeente: str, rollen: tuple[str, ...]) -> tuple[Persoon, ...]:
    """One signature per role; "ander" is the burgemeester of a municipality not named."""
    return tuple(
        Persoon("N", "burgemeester", "Maastricht") if r == "ander" else Persoon("N", r, gemeente)
        for r in rollen
    )


def _verwacht_indiener(rollen: set[str]) -> list[str]:
    """Oracle from the spec: griffier never signs (SIG02); another municipality's signature
    is an error (SIG03); signatures of the indiener's burgemeester (also waarnemend or loco),
    wethouder, secretaris or raadslid are valid; none valid -> SIG08, else no burgemeester
    among them -> SIG01."""
    geldig = rollen & {*BURGEMEESTERS, "wethouder", "gemeentesecretaris", "raadslid"}
    uit = ["SIG02"] * ("griffier" in rollen) + ["SIG03"] * ("ander" in rollen)
    if not geldig:
        return [*uit, "SIG08"]
    return uit + ["SIG01"] * (not geldig & BURGEMEESTERS)


def _verwacht_mede_indiener(rollen: set[str]) -> list[str]:
    """Oracle: the mede-indiener needs burgemeester (any kind), wethouder or secretaris."""
    uit = ["SIG02"] * ("griffier" in rollen) + ["SIG03"] * ("ander" in rollen)
    college = rollen & {*BURGEMEESTERS, "wethouder", "gemeentesecretaris"}
    return uit + ["SIG04"] * (not college)


def test_all_256_subsets_are_enumerated() -> None:
    assert len(set(DEELVERZAMELINGEN)) == 2**8


@pytest.mark.parametrize("rollen", DEELVERZAMELINGEN, ids="+".join)
def test_every_subset_of_roles_for_the_indiener(rollen: tuple[str, ...]) -> None:
    gevonden = motie(mede_indieners=(), ondertekening=_handtekeningen("Beesel", rollen))
    assert sorted(regels(gevonden)) == sorted(_verwacht_indiener(set(rollen)))


@pytest.mark.parametrize("rollen", DEELVERZAMELINGEN, ids="+".join)
def test_every_subset_of_roles_for_the_mede_indiener(rollen: tuple[str, ...]) -> None:
    ondertekening = (BEESEL_BM, *_handtekeningen("Venlo", rollen))
    gevonden = motie(ondertekening=ondertekening)
    assert sorted(regels(gevonden)) == sorted(_verwacht_mede_indiener(set(rollen)))
