"""Role words as the documents write them (data/rollen.csv), and unknown roles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from alvrules.controle import controleer
from alvrules.model import Persoon, Rol
from alvrules.stemmingen import Stemming
from tests.alv2023 import motie
from tests.test_uitslagen import _dossier, _regels, _v

BEESEL_BM = Persoon("J. Peters", "burgemeester", "Beesel")
VENLO_WETH = Persoon("K. Hendriks", "wethouder", "Venlo")
TABEL = Path(__file__).resolve().parent.parent / "alvrules" / "data" / "rollen.csv"


@pytest.mark.parametrize(
    ("woord", "rol"),
    [
        ("secretaris", Rol.GEMEENTESECRETARIS),
        ("Secretaris", Rol.GEMEENTESECRETARIS),
        ("gemeentesecretaris", Rol.GEMEENTESECRETARIS),
        ("loco-burgemeester", Rol.LOCOBURGEMEESTER),
        ("Loco burgemeester", Rol.LOCOBURGEMEESTER),
        ("locoburgemeester", Rol.LOCOBURGEMEESTER),
        ("waarnemend burgemeester", Rol.WAARNEMEND_BURGEMEESTER),
        ("Waarnemend-Burgemeester", Rol.WAARNEMEND_BURGEMEESTER),
        ("wnd. burgemeester", Rol.WAARNEMEND_BURGEMEESTER),
        ("raadsgriffier", Rol.GRIFFIER),
        (" RAADSLID ", Rol.RAADSLID),
    ],
)
def test_role_words_of_the_documents(woord: str, rol: Rol) -> None:
    assert Rol.parse(woord) is rol


def test_every_alias_of_the_table_names_a_role() -> None:
    with TABEL.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert {r["rol"] for r in rijen} == {r.value for r in Rol}
    assert all(Rol.parse(r["alias"]) is Rol(r["rol"]) for r in rijen)


@pytest.mark.parametrize("woord", ["burge\u200bmeester", "secre\u00adtaris", "penningmeester", ""])
def test_invisible_characters_and_other_words_are_no_role(woord: str) -> None:
    assert Rol.parse(woord) is None


@pytest.mark.regel("SIG01", "SIG02")
@pytest.mark.parametrize("rol", ["secretaris", "Secretaris", "gemeente secretaris"])
def test_secretaris_with_the_burgemeester_signs_validly(rol: str) -> None:
    """Procedure §4: the burgemeester together with the (gemeente)secretaris."""
    assert motie(ondertekening=(BEESEL_BM, Persoon("S", rol, "Beesel"), VENLO_WETH)) == []


@pytest.mark.regel("SIG01")
@pytest.mark.parametrize("rol", ["loco-burgemeester", "Waarnemend burgemeester"])
def test_loco_and_waarnemend_written_freely_sign_as_burgemeester(rol: str) -> None:
    assert motie(ondertekening=(Persoon("P", rol, "Beesel"), VENLO_WETH)) == []


@pytest.mark.regel("SIG04")
def test_secretaris_signs_for_a_mede_indiener() -> None:
    assert motie(ondertekening=(BEESEL_BM, Persoon("S", "secretaris", "Venlo"))) == []


@pytest.mark.regel("SIG02")
def test_unknown_role_suggests_the_nearest_known_one() -> None:
    [b] = motie(ondertekening=(BEESEL_BM, VENLO_WETH, Persoon("W", "wethouders", "Beesel")))
    assert (b.regel, b.pad) == ("SIG02", "moties[M01].ondertekening[2].rol")
    assert "bedoelt u 'wethouder'?" in b.melding
    assert "did you mean 'wethouder'?" in b.tekst("en")
    [b] = motie(ondertekening=(BEESEL_BM, VENLO_WETH, Persoon("W", "burge\u200bmeester", "Beesel")))
    assert "bedoelt u 'burgemeester'?" in b.melding


@pytest.mark.regel("STM03")
def test_representative_secretaris_may_vote() -> None:
    s = Stemming(id="S1", stemmen={"Utrecht": "voor"})
    d = _dossier(s, vert=(_v("Utrecht", rol="secretaris"),))
    assert _regels(d) == []
    d = _dossier(s, vert=(_v("Utrecht", rol="secretarsi"),))
    [b] = [b for b in controleer(d) if b.regel == "STM03"]
    assert "bedoelt u 'secretaris'?" in b.melding
