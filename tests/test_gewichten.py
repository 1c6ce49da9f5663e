"""Vote weights: STM01 (1 vote per full 1,000 inhabitants, 1..75) and STM02 (peildatum)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import alvrules
from alvrules.bevolking import Bevolking, lees_bevolking, lees_cbs_csv
from alvrules.cli import main
from alvrules.gemeenten import register
from alvrules.gewichten import peildatum, stemgewichten
from alvrules.model import InvoerFout


@pytest.mark.regel("STM01")
@pytest.mark.parametrize(
    ("inwoners", "stemmen"),
    [
        (0, 1),
        (944, 1),
        (999, 1),
        (1000, 1),
        (1999, 1),
        (2000, 2),
        (75_999, 75),
        (76_000, 75),
        (903_399, 75),
        (58_362, 58),
    ],
)
def test_stm01_examples(inwoners: int, stemmen: int) -> None:
    assert alvrules.stemgewicht(inwoners) == stemmen


@pytest.mark.regel("STM01")
@given(st.integers(min_value=0, max_value=10**8))
def test_stm01_bounds(inwoners: int) -> None:
    assert 1 <= alvrules.stemgewicht(inwoners) <= 75


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_stm01_monotone(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert alvrules.stemgewicht(lo) <= alvrules.stemgewicht(hi)


@given(st.integers(1000, 75_999))
def test_stm01_is_floor_division_in_range(inwoners: int) -> None:
    assert alvrules.stemgewicht(inwoners) == inwoners // 1000


@pytest.mark.parametrize("slecht", [-1, 1.5, "1000", True, None])
def test_stm01_refuses_bad_input(slecht: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        alvrules.stemgewicht(slecht)  # type: ignore[arg-type]


@pytest.mark.regel("STM02")
def test_stm02_peildatum() -> None:
    assert peildatum(date(2023, 12, 1)) == date(2022, 1, 1)
    assert peildatum(date(2023, 6, 14)) == date(2022, 1, 1)


def test_2023_weights_from_cbs_and_mergers() -> None:
    sg = stemgewichten(date(2023, 12, 1))
    assert len(sg.gewichten) == 342
    assert sg.totaal == 12972
    per_code = {g.gemeente.code: g for g in sg.gewichten}
    assert per_code["GM0363"].inwoners == 882_633 + 20_766  # Amsterdam includes Weesp
    assert per_code["GM1992"].inwoners == sum(  # Voorne aan Zee = its predecessors
        lees_cbs_csv(
            (Path(alvrules.__file__).parent / "data" / "inwoners-2022-01-01.csv").read_text(),
            "inwoners-2022-01-01.csv",
        ).inwoners[c]
        for c in ("GM0501", "GM0530", "GM0614")
    )
    assert per_code["GM0088"].stemmen == 1  # Schiermonnikoog, 944 inhabitants
    assert "GM0457" not in per_code


CODES_2022 = [g.code for g in register().leden(date(2022, 1, 1))]


@given(st.lists(st.integers(0, 2_000_000), min_size=len(CODES_2022), max_size=len(CODES_2022)))
def test_merged_member_is_sum_of_predecessors(figures: list[int]) -> None:
    cijfers = Bevolking(date(2022, 1, 1), dict(zip(CODES_2022, figures, strict=True)))
    sg = stemgewichten(date(2023, 12, 1), bevolking=cijfers)
    for g in sg.gewichten:
        delen = (g.gemeente, *g.voorgangers)
        assert g.inwoners == sum(cijfers.inwoners.get(d.code, 0) for d in delen)
        assert g.stemmen == alvrules.stemgewicht(g.inwoners)
    assert sum(g.inwoners for g in sg.gewichten) == sum(figures)  # nobody lost or doubled


def test_no_figures_for_reference_date_is_an_error() -> None:
    with pytest.raises(InvoerFout, match="2026-01-01") as e:
        stemgewichten(date(2027, 6, 1))
    assert e.value.regel == "STM02"


def test_user_figures_for_a_new_year(tmp_path: Path) -> None:
    reg = register()
    rijen = (
        ["RegioS;Perioden;BevolkingAanHetBeginVanDePeriode_1"]
        + [f"{g.code}  ;2026JJ00;{10_000 + i}" for i, g in enumerate(reg.leden(date(2026, 1, 1)))]
        + ["NL01  ;2026JJ00;17811291"]
    )
    bestand = tmp_path / "export.csv"
    bestand.write_text("\n".join(rijen), encoding="utf-8")
    sg = stemgewichten(date(2027, 6, 1), bevolking=lees_bevolking(bestand))
    assert sg.peildatum == date(2026, 1, 1)
    assert {g.stemmen for g in sg.gewichten} == {10}


def test_cli_weights_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stemgewichten", "2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["leden"], data["totaal"], data["peildatum"]) == (342, 12972, "2022-01-01")
    assert {
        "code": "GM0363",
        "tooi": "https://identifier.overheid.nl/tooi/id/gemeente/gm0363",
        "naam": "Amsterdam",
        "inwoners": 903399,
        "stemmen": 75,
    }.items() <= next(g for g in data["gewichten"] if g["code"] == "GM0363").items()
    # every member carries its TOOI URI next to its CBS code, predecessors too
    assert all(g["tooi"].endswith("/" + g["code"].lower()) for g in data["gewichten"])
    voorne = next(g for g in data["gewichten"] if g["naam"] == "Voorne aan Zee")
    assert len(voorne["voorgangers_tooi"]) == len(voorne["voorgangers"]) == 3


@pytest.mark.parametrize(
    ("args", "tekst"),
    [
        (["stemgewichten", "2027"], "peildatum 2026-01-01"),
        (["stemgewichten", "twintig"], "ongeldige"),
        (["stemgewichten", "2023", "--bevolking", "/bestaat/niet.csv"], "kan niet lezen"),
    ],
)
def test_cli_weights_bad_input_exit_2(
    args: list[str], tekst: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert tekst in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "inhoud",
    [
        "",
        "code,naam\nGM0014,Groningen\n",
        "code,naam,inwoners\nGM0014,Groningen,-5\n",
        "code,naam,inwoners\nGM0014,Groningen,veel\n",
        "a;b;c\n1;2;3\n",
    ],
)
def test_malformed_cbs_file_exit_2(
    inhoud: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = tmp_path / "inwoners-2023-01-01.csv"
    bestand.write_text(inhoud, encoding="utf-8")
    assert main(["stemgewichten", "2024", "--bevolking", str(bestand)]) == 2
    assert capsys.readouterr().err.startswith("alvrules: ")
