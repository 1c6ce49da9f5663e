"""Every meeting from 2024 on works out of the box (issue 11): shipped CBS figures, one way
to pass figures (argument > dossier > shipped), and a merger added as one data row."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alvrules
from alvrules import gemeenten
from alvrules.bevolking import Bevolking, beschikbaar, gedeeld, lees_bevolking
from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.gemeenten import register
from alvrules.gewichten import stemgewichten
from alvrules.laden import MAX_GROOTTE, laad_dossier
from alvrules.model import InvoerFout
from alvrules.uitslagen import uitslagen
from tests.conftest import EXAMPLES, SHARED, shared_nodig

pytestmark = pytest.mark.regel("STM02")

CBS = SHARED / "data" / "cbs"
HISTORIE = SHARED / "data" / "historie"
DATA = Path(str(resources.files("alvrules") / "data"))
VOORBEELD = (EXAMPLES / "najaars-alv-2023.toml").read_text(encoding="utf-8")


def _rijen(pad: Path) -> dict[str, int]:
    with pad.open(encoding="utf-8", newline="") as f:
        return {r["code"]: int(r["inwoners"]) for r in csv.DictReader(f)}


def dossier_op(tmp_path: Path, datum: str, extra: str = "", naam: str = "alv.toml") -> Path:
    """The 2023 example dossier with only the meeting date changed (plus ``extra``)."""
    tekst = VOORBEELD.replace("datum = 2023-12-01", f"datum = {datum}", 1)
    assert tekst != VOORBEELD
    pad = tmp_path / naam
    pad.write_text(tekst + extra, encoding="utf-8")
    return pad


def cijfers_csv(pad: Path, peil: date, per_lid: int | dict[str, int]) -> Path:
    """A CBS file in the shipped form for every municipality on ``peil``."""
    uit = io.StringIO()
    w = csv.writer(uit, lineterminator="\n")
    w.writerow(["code", "naam", "inwoners"])
    for g in register().leden(peil):
        w.writerow([g.code, g.naam, per_lid if isinstance(per_lid, int) else per_lid[g.code]])
    pad.write_text(uit.getvalue(), encoding="utf-8")
    return pad


# --- the shipped figures ------------------------------------------------------------------


@shared_nodig("data", "cbs")
def test_every_cbs_file_of_shared_is_shipped_unchanged() -> None:
    """Both folders of CBS figures: ``cbs`` (2022-2025) and ``historie`` (2017-2021)."""
    bronnen = sorted(CBS.glob("inwoners-*.csv")) + sorted(HISTORIE.glob("inwoners-*.csv"))
    assert len(bronnen) >= 9
    for bron in bronnen:
        assert (DATA / bron.name).read_bytes() == bron.read_bytes(), bron.name


def test_every_shipped_file_names_its_cbs_product() -> None:
    with (DATA / "bevolking.csv").open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    assert sorted(r["bestand"] for r in rijen) == sorted(p.name for p in DATA.glob("inwoners-*"))
    for r in rijen:
        assert re.fullmatch(r"\d{5}NED", r["tabel"]), r
        assert r["product"].strip(), r
        cijfers = _rijen(DATA / r["bestand"])
        assert (len(cijfers), sum(cijfers.values())) == (int(r["gemeenten"]), int(r["inwoners"]))
        b = gedeeld(date.fromisoformat(r["peildatum"]))
        assert b is not None
        assert b.beschrijving == f"Bron: CBS, {r['product']} (tabel {r['tabel']})"
    assert beschikbaar() == tuple(date(j, 1, 1) for j in range(2017, 2026))


@pytest.mark.parametrize(
    ("jaar", "peil", "totaal"),
    [
        (2024, "2023-01-01", 17_811_291),
        (2025, "2024-01-01", 17_942_942),
        (2026, "2025-01-01", 18_044_027),
    ],
)
def test_weights_2024_to_2026_from_the_shipped_figures(
    jaar: int, peil: str, totaal: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stemgewichten", str(jaar), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["jaar"], data["peildatum"], data["leden"]) == (jaar, peil, 342)
    assert data["bron"].startswith("Bron: CBS, Kerncijfers wijken en buurten")
    cijfers = _rijen(DATA / f"inwoners-{peil}.csv")
    assert {g["code"] for g in data["gewichten"]} == set(cijfers)  # no merger since 2023
    for g in data["gewichten"]:
        assert g["inwoners"] == cijfers[g["code"]]
        assert g["stemmen"] == min(75, max(1, g["inwoners"] // 1000))
    assert data["totaal"] == sum(g["stemmen"] for g in data["gewichten"])
    assert (data["bevolking"]["gemeenten"], data["bevolking"]["inwoners"]) == (342, totaal)
    assert data["bevolking"]["sha256"]
    assert data["bevolking"]["tabel"]


def test_weights_2023_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stemgewichten", "2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["peildatum"], data["leden"], data["totaal"]) == ("2022-01-01", 342, 12972)
    per_code = {g["code"]: g for g in data["gewichten"]}
    cijfers = _rijen(DATA / "inwoners-2022-01-01.csv")
    assert per_code["GM0363"]["inwoners"] == cijfers["GM0363"] + cijfers["GM0457"]  # Weesp
    voorne = sum(cijfers[c] for c in ("GM0501", "GM0530", "GM0614"))
    assert (per_code["GM1992"]["inwoners"], per_code["GM1992"]["stemmen"]) == (voorne, 73)


def test_registry_has_no_merger_on_1_january_2024_or_2025() -> None:
    reg = register()
    for jaar in (2023, 2024, 2025):
        leden = {g.code for g in reg.leden(date(jaar, 1, 1))}
        assert leden == set(_rijen(DATA / f"inwoners-{jaar}-01-01.csv")), jaar


# --- a meeting in 2025 works out of the box ----------------------------------------------


def test_dossier_of_4_june_2025_has_no_stm02_and_tallies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = dossier_op(tmp_path, "2025-06-04")
    rapport = controleer(laad_dossier(pad))
    assert [b for b in rapport if b.regel == "STM02"] == []
    assert main(["uitslag", str(pad)]) == 0
    assert "S01" in capsys.readouterr().out
    assert main(["controleer", str(pad), "--format", "json"]) in (0, 1)
    assert "STM02" not in capsys.readouterr().out


# --- one way to pass figures: argument > dossier > shipped -------------------------------


def _gewichten_csv(uit: str) -> set[int]:
    return {int(r["stemmen"]) for r in csv.DictReader(io.StringIO(uit))}


def test_precedence_option_over_dossier_over_shipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peil = date(2026, 1, 1)
    cijfers_csv(tmp_path / "dossier-cijfers.csv", peil, 10_000)
    cijfers_csv(tmp_path / "optie-cijfers.csv", peil, 20_000)
    zonder = dossier_op(tmp_path, "2025-06-04", naam="zonder.toml")  # shipped figures
    met = dossier_op(
        tmp_path,
        "2027-06-04",
        '\n[bevolking]\nbestand = "dossier-cijfers.csv"\npeildatum = 2026-01-01\n',
        naam="met.toml",
    )
    gedeelde = {g.stemmen for g in stemgewichten(date(2025, 6, 4)).gewichten}

    # library
    assert set(uitslagen(laad_dossier(zonder)).gewichten.values()) == gedeelde
    assert set(uitslagen(laad_dossier(met)).gewichten.values()) == {10}
    optie = lees_bevolking(tmp_path / "optie-cijfers.csv", peil)
    assert set(uitslagen(laad_dossier(met), bevolking=optie).gewichten.values()) == {20}

    # command line: uitslag's CSV lists each member's votes
    assert main(["uitslag", str(zonder), "--format", "csv"]) == 0
    assert _gewichten_csv(capsys.readouterr().out) <= gedeelde
    assert main(["uitslag", str(met), "--format", "csv"]) == 0
    assert _gewichten_csv(capsys.readouterr().out) == {10}
    optie_pad = str(tmp_path / "optie-cijfers.csv")
    opties = ["--bevolking", optie_pad, "--peildatum", "2026-01-01"]
    assert main(["uitslag", str(met), "--format", "csv", *opties]) == 0
    assert _gewichten_csv(capsys.readouterr().out) == {20}
    for opdracht in ("controleer", "uitslag"):
        assert main([opdracht, str(met), "--format", "json", *opties]) in (0, 1)
        assert "STM02" not in capsys.readouterr().out
    assert main(["stemgewichten", "2027", "--format", "json", *opties]) == 0
    assert {g["stemmen"] for g in json.loads(capsys.readouterr().out)["gewichten"]} == {20}


def test_dossier_file_is_relative_to_the_dossier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    cijfers_csv(tmp_path / "sub" / "inwoners-2026-01-01.csv", date(2026, 1, 1), 5_000)
    dossier_op(
        tmp_path / "sub", "2027-06-04", '\n[bevolking]\nbestand = "inwoners-2026-01-01.csv"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["uitslag", "sub/alv.toml", "--format", "csv"]) == 0
    assert _gewichten_csv(capsys.readouterr().out) == {5}


def test_peildatum_option_applies_to_the_dossier_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cijfers_csv(tmp_path / "cijfers.csv", date(2026, 1, 1), 7_000)  # no date in the name
    pad = dossier_op(tmp_path, "2027-06-04", '\n[bevolking]\nbestand = "cijfers.csv"\n')
    assert main(["uitslag", str(pad)]) == 2  # a file that cannot be read as figures
    fout = capsys.readouterr().err
    assert fout.startswith("alvrules: bevolking.bestand: cijfers.csv: peildatum onbekend")
    assert main(["uitslag", str(pad), "--format", "csv", "--peildatum", "2026-01-01"]) == 0
    assert _gewichten_csv(capsys.readouterr().out) == {7}


def test_figures_of_another_year_are_refused_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verkeerd = cijfers_csv(tmp_path / "inwoners-2023-01-01.csv", date(2023, 1, 1), 9_000)
    pad = dossier_op(tmp_path, "2025-06-04")
    assert main(["stemgewichten", "2025", "--bevolking", str(verkeerd), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    fout = json.loads(out)
    assert fout["regel"] == "STM02"
    assert "2023-01-01" in fout["fout"]
    assert "1 januari 2024" in fout["fout"]
    assert err.count("\n") == 1
    # uitslag, like controleer, reports it as an STM02 error (exit 1), never other figures
    assert main(["uitslag", str(pad), "--bevolking", str(verkeerd), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["stemmingen"] == []
    assert [b["regel"] for b in data["bevindingen"]] == ["STM02"]
    rapport = controleer(laad_dossier(pad), bevolking=lees_bevolking(verkeerd))
    stm02 = [b for b in rapport if b.regel == "STM02"]
    assert len(stm02) == 1
    assert stm02[0].pad == "vergadering.datum"


def test_unreadable_dossier_file_is_input_that_cannot_be_read(tmp_path: Path) -> None:
    """Decision (issue 25): as the dossier itself, InvoerFout at bevolking.bestand."""
    pad = dossier_op(tmp_path, "2025-06-04", '\n[bevolking]\nbestand = "ontbreekt.csv"\n')
    with pytest.raises(InvoerFout, match=r"ontbreekt\.csv") as fout:
        controleer(laad_dossier(pad))
    assert [p.pad for p in fout.value.problemen] == ["bevolking.bestand"]
    assert fout.value.regel == "STM02"
    assert str(fout.value).startswith("bevolking.bestand: ontbreekt.csv: kan niet lezen")


def test_peildatum_without_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stemgewichten", "2025", "--peildatum", "2024-01-01", "--lang", "en"]) == 2
    assert "--bevolking" in capsys.readouterr().err


def test_figures_file_has_the_loaders_size_limit(tmp_path: Path) -> None:
    groot = tmp_path / "inwoners-2024-01-01.csv"
    groot.write_bytes(b"code,naam,inwoners\n" + b"#" * MAX_GROOTTE)
    with pytest.raises(InvoerFout, match="MiB"):
        lees_bevolking(groot)
    assert alvrules.bevolking.MAX_GROOTTE == MAX_GROOTTE


def test_stm02_message_speaks_english_and_names_table_columns_and_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stemgewichten", "2031", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("alvrules: no CBS figures for reference date 2030-01-01")
    for naam in ("03759NED", "BevolkingOp1Januari_1", "RegioS", "alvrules bevolking ophalen 2030"):
        assert naam in err
    assert main(["stemgewichten", "2031"]) == 2
    assert "geen CBS-cijfers voor peildatum 2030-01-01" in capsys.readouterr().err


def test_stm02_finding_in_english(tmp_path: Path) -> None:
    rapport = controleer(laad_dossier(dossier_op(tmp_path, "2031-06-04")))
    (b,) = [b for b in rapport if b.regel == "STM02"]
    assert b.tekst("en").startswith("no CBS figures for reference date 2030-01-01")
    assert b.tekst("nl").startswith("geen CBS-cijfers voor peildatum 2030-01-01")


def test_usage_error_with_format_json_is_one_json_object(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as e:
        main(["stemgewichten", "2025", "--format", "json", "--onbekend"])
    assert e.value.code == 2
    out = capsys.readouterr().out
    assert json.loads(out)["regel"] is None


# --- a merger added as one data row ------------------------------------------------------


@pytest.fixture
def met_fusie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """The registry with one more row in fusies.csv: Beesel and Venlo form GM1999."""
    data = tmp_path / "data"
    data.mkdir()
    for naam in ("gemeenten.csv", "aliassen.csv", "fusies.csv"):
        shutil.copy(DATA / naam, data / naam)
    reg = register()
    beesel, venlo = reg.zoek("Beesel"), reg.zoek("Venlo")
    assert beesel is not None
    assert venlo is not None
    with (data / "fusies.csv").open("a", encoding="utf-8") as f:
        f.write(f"2026-01-01,GM1999,Maasdal,{beesel.code} {venlo.code}\n")
    monkeypatch.setattr(gemeenten, "_data", lambda: data)
    register.cache_clear()
    yield beesel.code, venlo.code
    register.cache_clear()


@pytest.mark.regel("SIG07")
def test_a_merger_row_flows_into_membership_sig07_and_weights(
    met_fusie: tuple[str, str], tmp_path: Path
) -> None:
    beesel, venlo = met_fusie
    reg = register()
    assert len(reg.leden(date(2025, 12, 31))) == 342
    assert len(reg.leden(date(2026, 1, 1))) == 341
    maasdal = reg.zoek("Maasdal", op=date(2026, 6, 4))
    assert maasdal is not None
    assert maasdal.code == "GM1999"
    assert reg.zoek("Beesel", op=date(2026, 6, 4)) is None

    # SIG07: signing as Beesel in 2026 is signing for a municipality that is no member
    rapport = controleer(laad_dossier(dossier_op(tmp_path, "2026-06-04")))
    sig07 = [b for b in rapport if b.regel == "SIG07"]
    assert sig07
    assert all("Beesel" in b.melding or "Venlo" in b.melding for b in sig07)
    assert [b for b in rapport if b.regel == "STM02"] == []

    # weights: at the ALV of 2026 Maasdal counts its predecessors on 1-1-2025
    sg = stemgewichten(date(2026, 6, 4))
    cijfers = _rijen(DATA / "inwoners-2025-01-01.csv")
    (rij,) = [g for g in sg.gewichten if g.gemeente.code == "GM1999"]
    assert rij.inwoners == cijfers[beesel] + cijfers[venlo]
    assert {g.code for g in rij.voorgangers} == {beesel, venlo}
    assert len(sg.gewichten) == 341
    assert sum(g.inwoners for g in sg.gewichten) == sum(cijfers.values())


def test_a_merger_row_that_cannot_be_is_refused(tmp_path: Path) -> None:
    fusie = gemeenten.Fusie(date(2026, 1, 1), "GM0363", "Amsterdam", ("GM0014",))
    start = list(register().leden(date(2022, 1, 1)))
    with pytest.raises(ValueError, match="bestaat al"):
        gemeenten.met_fusies(start, [fusie])
    weg = gemeenten.Fusie(date(2026, 1, 1), "GM1999", "X", ("GM0457",))
    with pytest.raises(ValueError, match="bestaat niet"):
        gemeenten.met_fusies(register(), [weg])  # Weesp ended in 2022


# --- properties ---------------------------------------------------------------------------

LEDEN_2024 = [g.code for g in register().leden(date(2024, 1, 1))]
LEDEN_2026 = [g.code for g in register().leden(date(2026, 1, 1))]


@pytest.mark.regel("STM01")
@given(st.lists(st.integers(0, 3_000_000), min_size=len(LEDEN_2024), max_size=len(LEDEN_2024)))
def test_weights_in_bounds_and_monotone_for_any_figures(figures: list[int]) -> None:
    b = Bevolking(date(2024, 1, 1), dict(zip(LEDEN_2024, figures, strict=True)))
    sg = stemgewichten(date(2025, 6, 4), bevolking=b)
    rijen = sorted(sg.gewichten, key=lambda g: g.inwoners)
    assert all(1 <= g.stemmen <= 75 for g in rijen)
    assert all(a.stemmen <= c.stemmen for a, c in itertools.pairwise(rijen))
    assert sg.totaal == sum(min(75, max(1, n // 1000)) for n in figures)


_DOSSIER_2027 = VOORBEELD.replace("datum = 2023-12-01", "datum = 2027-06-04", 1)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    figures=st.lists(st.integers(1, 200_000), min_size=len(LEDEN_2026), max_size=len(LEDEN_2026))
)
def test_file_and_code_give_identical_reports(figures: list[int], tmp_path: Path) -> None:
    per_lid = dict(zip(LEDEN_2026, figures, strict=True))
    bestand = cijfers_csv(tmp_path / "inwoners-2026-01-01.csv", date(2026, 1, 1), per_lid)
    dossier_pad = tmp_path / "alv.toml"
    dossier_pad.write_text(
        _DOSSIER_2027 + '\n[bevolking]\nbestand = "inwoners-2026-01-01.csv"\n', encoding="utf-8"
    )
    dossier = laad_dossier(dossier_pad)
    in_code = controleer(dossier, bevolking=Bevolking(date(2026, 1, 1), per_lid))
    uit_bestand = controleer(dossier, bevolking=lees_bevolking(bestand))
    via_dossier = controleer(dossier)
    assert in_code.to_json() == uit_bestand.to_json() == via_dossier.to_json()
    u_code = uitslagen(dossier, bevolking=Bevolking(date(2026, 1, 1), per_lid))
    u_bestand = uitslagen(dossier, bevolking=lees_bevolking(bestand))
    assert u_code.gewichten == u_bestand.gewichten == uitslagen(dossier).gewichten
    assert u_code.to_json() == u_bestand.to_json() == uitslagen(dossier).to_json()


@pytest.mark.parametrize(
    ("taal", "reden"),
    [("nl", "ongeldige peildatum '2024-13-01'"), ("en", "invalid reference date '2024-13-01'")],
)
def test_bad_peildatum_option_in_the_users_language(
    taal: str, reden: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bestand = cijfers_csv(tmp_path / "c.csv", date(2024, 1, 1), 1000)
    opties = ["--bevolking", str(bestand), "--peildatum", "2024-13-01", "--lang", taal]
    assert main(["stemgewichten", "2025", *opties]) == 2
    assert reden in capsys.readouterr().err


def test_a_statline_export_of_03759ned_keeps_only_the_totals(tmp_path: Path) -> None:
    """The raw 03759ned download: one row per sex, age and marital status; only the total
    of all three counts, and the reference date comes from ``Perioden``."""
    kop = "ID;Geslacht;Leeftijd;BurgerlijkeStaat;RegioS;Perioden;BevolkingOp1Januari_1;X_2"
    rijen = [kop]
    for i, g in enumerate(register().leden(date(2024, 1, 1))):
        for geslacht, leeftijd, staat, n in (
            ("T001038", "10000", "T001019", 4000),  # the total
            ("3000", "10000", "T001019", 1900),  # men
            ("T001038", "70100", "T001019", 30),  # age 0
            ("T001038", "10000", "1010", 800),  # never married
        ):
            rijen.append(f"{i};{geslacht};{leeftijd};{staat};{g.code}  ;2024JJ00;{n};")
    rijen.append("9999;T001038;10000;T001019;NL01  ;2024JJ00;17942942;")
    bestand = tmp_path / "03759ned_UntypedDataSet.csv"
    bestand.write_text("\n".join(rijen), encoding="utf-8")
    b = lees_bevolking(bestand)
    assert b.peildatum == date(2024, 1, 1)
    assert set(b.inwoners.values()) == {4000}
    assert len(b.inwoners) == 342
    with pytest.raises(InvoerFout, match="past niet bij de Perioden-kolom"):
        lees_bevolking(bestand, date(2025, 1, 1))


def test_unreadable_figures_file_in_english_and_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opties = ["--bevolking", str(tmp_path / "nergens.csv"), "--lang", "en", "--format", "json"]
    assert main(["stemgewichten", "2025", *opties]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "fout": "nergens.csv: cannot read: No such file or directory",
        "regel": None,
    }
    assert err == "alvrules: nergens.csv: cannot read: No such file or directory\n"
