"""Edges of reading CBS population figures: header forms, limits, line numbers, reasons.

Written to kill surviving mutants (mutmut) in bevolking.py: the file name when none is
given, a BOM, the choice between comma and semicolon, quoted column names, a header
without the code or population column, rows of other regions before the municipalities,
the bounds 1 and 10,000,000, line numbers and values in the reasons, and STM02's error
for missing figures. Each exit-2 reason of the module is pinned word for word once here,
in both languages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alvrules.bevolking import geen_cijfers, lees_bevolking, lees_cbs_csv
from alvrules.grenzen import MAX_INWONERS
from alvrules.model import InvoerFout

PEIL = date(2022, 1, 1)
NAAM = "inwoners-2022-01-01.csv"


def _fout(tekst: str, naam: str = NAAM, peildatum: date | None = None) -> InvoerFout:
    with pytest.raises(InvoerFout) as e:
        lees_cbs_csv(tekst, naam, peildatum)
    return e.value


# --- the file and its header ----------------------------------------------------------------


def test_figures_without_a_file_name_name_no_file() -> None:
    b = lees_cbs_csv("code,naam,inwoners\nGM0344,Utrecht,361966\n", peildatum=PEIL)
    assert b.bestand == ""
    assert b.to_json()["bestand"] is None
    # figures from a text are the user's: never "Bron: CBS" (issue 25)
    assert b.beschrijving.startswith("Aangeleverd door de gebruiker (sha256 ")
    assert b.beschrijving_in("en").startswith("Supplied by the user (sha256 ")


def test_an_empty_file_is_refused_naming_it() -> None:
    fout = _fout("\ufeff \n\n", "")
    assert fout.tekst("nl") == "CBS-bestand: het bestand is leeg"
    assert fout.tekst("en") == "CBS-bestand: the file is empty"
    assert _fout("", "cijfers.csv").tekst("en") == "cijfers.csv: the file is empty"


def test_a_byte_order_mark_is_dropped() -> None:
    b = lees_cbs_csv("\ufeffcode,naam,inwoners\nGM0344,Utrecht,361966\n", NAAM)
    assert b.inwoners == {"GM0344": 361966}


def test_a_file_with_only_a_header_has_no_municipality() -> None:
    fout = _fout("code,naam,inwoners\n", "")
    assert fout.tekst("nl") == "CBS-bestand: geen enkele gemeente (GMxxxx) gevonden"
    assert fout.tekst("en") == "CBS-bestand: no municipality (GMxxxx) found"


@pytest.mark.parametrize(
    "kop",
    [
        'code,"naam;kort",inwoners',  # one semicolon, two commas
        'code,"naam;kort;x",inwoners',  # as many semicolons as commas: comma
    ],
)
def test_semicolons_in_a_comma_header_do_not_make_it_semicolon_separated(kop: str) -> None:
    b = lees_cbs_csv(f"{kop}\nGM0344,Utrecht,361966\nGM0014,Groningen,238147\n", NAAM)
    assert b.inwoners == {"GM0344": 361966, "GM0014": 238147}


def test_quoted_column_names_after_a_space_are_recognised() -> None:
    b = lees_cbs_csv('code; "naam"; "inwoners"\nGM0344;Utrecht;361966\n', NAAM)
    assert b.inwoners == {"GM0344": 361966}


@pytest.mark.parametrize(
    "kop",
    ["code,naam,inwonersX", "Xcode,naam,inwoners", "naam,inwoners", "code,naam,aantal"],
)
def test_a_header_without_both_columns_is_refused(kop: str) -> None:
    fout = _fout(f"{kop}\nGM0344,Utrecht,361966\n", "export.csv")
    assert str(fout).startswith("export.csv: geen kolom met gemeentecodes")
    assert fout.tekst("en").startswith("export.csv: no column with municipality codes")


def test_a_header_without_columns_names_the_problem_not_the_content() -> None:
    """A dossier may name a file that is no figures at all: the error never quotes it."""
    kop = "code,naam," + "x" * 100
    fout = _fout(f"{kop}\nGM0344,Utrecht,361966\n", "export.csv")
    assert fout.tekst("nl") == (
        "export.csv: geen kolom met gemeentecodes (code of RegioS) en inwoners (inwoners of "
        "BevolkingOp1Januari_1) gevonden in de kop (regel 1, 3 kolommen)"
    )
    assert fout.tekst("en") == (
        "export.csv: no column with municipality codes (code or RegioS) and inhabitants "
        "(inwoners or BevolkingOp1Januari_1) in the header (line 1, 3 columns)"
    )
    assert "xxx" not in fout.tekst("nl") + fout.tekst("en")


def test_rows_of_other_regions_before_the_municipalities_are_skipped() -> None:
    tekst = (
        "RegioS;Perioden;BevolkingOp1Januari_1\n"
        "NL01  ;2022JJ00;17590672\n"
        "PV20  ;2022JJ00;590170\n"
        "GM0014;2022JJ00;238147\n"
        "GM0344;2022JJ00;361966\n"
    )
    b = lees_cbs_csv(tekst, "export.csv")
    assert b.inwoners == {"GM0014": 238147, "GM0344": 361966}
    assert b.peildatum == PEIL


# --- the counts -----------------------------------------------------------------------------


def test_the_bounds_1_and_max_are_accepted() -> None:
    tekst = f"code,naam,inwoners\nGM0014,Groningen,1\nGM0344,Utrecht,{MAX_INWONERS}\n"
    assert lees_cbs_csv(tekst, NAAM).inwoners == {"GM0014": 1, "GM0344": 10_000_000}


def test_a_missing_count_names_file_line_and_code() -> None:
    tekst = "code,naam,inwoners\nGM0014,Groningen,238147\nGM0344,Utrecht,\n"
    fout = _fout(tekst)
    assert fout.tekst("nl") == (
        f"{NAAM}, regel 3: inwoners van GM0344 is geen geheel getal van 1 tot en met 10.000.000"
    )
    assert fout.tekst("en") == (
        f"{NAAM}, line 3: inhabitants of GM0344 is not a whole number from 1 to 10,000,000"
    )
    # a short row (no cell at all) reads as the same empty value
    kort = _fout("code,naam,inwoners\nGM0344,Utrecht\n")
    assert str(kort).endswith(
        ", regel 2: inwoners van GM0344 is geen geheel getal van 1 tot en met 10.000.000"
    )


def test_a_wrong_count_is_not_quoted() -> None:
    waarde = "abcdefghijklmnopqrstuvwxyz"
    fout = _fout(f"code,naam,inwoners\nGM0344,Utrecht,{waarde}\n")
    assert str(fout).endswith("geen geheel getal van 1 tot en met 10.000.000")
    assert "abc" not in str(fout) + fout.tekst("en")


def test_a_municipality_twice_names_file_line_and_code() -> None:
    tekst = "code,naam,inwoners\nGM0344,Utrecht,1\nGM0014,Groningen,2\nGM0344,Utrecht,3\n"
    fout = _fout(tekst)
    assert fout.tekst("nl") == f"{NAAM}, regel 4: GM0344 staat er twee keer in"
    assert fout.tekst("en") == f"{NAAM}, line 4: GM0344 occurs twice"


# --- the reference date ---------------------------------------------------------------------


def test_a_reference_date_against_the_perioden_column_is_refused() -> None:
    tekst = "RegioS;Perioden;BevolkingOp1Januari_1\nGM0344;2023JJ00;361966\n"
    fout = _fout(tekst, "export.csv", date(2024, 1, 1))
    assert fout.tekst("nl") == (
        "export.csv: peildatum 2024-01-01 past niet bij de Perioden-kolom (2023-01-01)"
    )
    assert fout.tekst("en") == (
        "export.csv: reference date 2024-01-01 contradicts the Perioden column (2023-01-01)"
    )


def test_figures_without_a_reference_date_are_refused() -> None:
    fout = _fout("code,naam,inwoners\nGM0344,Utrecht,361966\n", "cijfers.csv")
    assert fout.tekst("nl") == (
        "cijfers.csv: peildatum onbekend; noem het bestand inwoners-JJJJ-MM-DD.csv, geef een "
        "Perioden-kolom mee of geef --peildatum"
    )
    assert fout.tekst("en") == (
        "cijfers.csv: reference date unknown; name the file inwoners-YYYY-MM-DD.csv, "
        "include a Perioden column or pass --peildatum"
    )


# --- reading the side file ------------------------------------------------------------------


def test_a_side_file_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    pad = tmp_path / NAAM
    pad.write_bytes(b"code,naam,inwoners\nGM0344,Utr\xe9cht,361966\n")
    with pytest.raises(InvoerFout) as e:
        lees_bevolking(pad)
    assert e.value.tekst("nl") == f"{NAAM}: geen UTF-8 (byte 29)"
    assert e.value.tekst("en") == f"{NAAM}: not UTF-8 (byte 29)"


def test_a_field_beyond_the_csv_limit_is_an_invalid_csv_in_both_languages() -> None:
    fout = _fout("code,naam,inwoners\nGM0344," + "x" * 200_000 + ",5\n", "")
    assert str(fout).startswith("CBS-bestand: geen geldige CSV (field larger than")
    assert fout.tekst("en").startswith("CBS-bestand: not a valid CSV file (field larger than")


# --- STM02: no figures for the reference date -----------------------------------------------


@pytest.mark.regel("STM02")
def test_missing_figures_say_what_to_fetch_or_export() -> None:
    fout = geen_cijfers(date(2030, 1, 1))
    assert fout.regel == "STM02"
    assert fout.tekst("nl") == (
        "geen CBS-cijfers voor peildatum 2030-01-01 (STM02, Statuten art. 10 lid 3); haal ze "
        "op met 'alvrules bevolking ophalen 2030 --uitvoer inwoners-2030-01-01.csv' of "
        "exporteer CBS StatLine-tabel 03759NED (kolommen RegioS en BevolkingOp1Januari_1, "
        "Perioden 2030JJ00, totaal van Geslacht, Leeftijd en BurgerlijkeStaat) en geef het "
        "bestand mee met --bevolking of in het dossier onder [bevolking] (in het pakket: geen)"
    )
    assert fout.tekst("en") == (
        "no CBS figures for reference date 2030-01-01 (STM02, Statuten art. 10(3)); fetch them "
        "with 'alvrules bevolking ophalen 2030 --uitvoer inwoners-2030-01-01.csv' or export "
        "CBS StatLine table 03759NED (columns RegioS and BevolkingOp1Januari_1, Perioden "
        "2030JJ00, total of Geslacht, Leeftijd and BurgerlijkeStaat) and pass the file with "
        "--bevolking or in the dossier under [bevolking] (shipped: none)"
    )


@pytest.mark.regel("STM02")
def test_missing_figures_list_the_shipped_reference_dates() -> None:
    fout = geen_cijfers(date(2030, 1, 1), (date(2022, 1, 1), date(2023, 1, 1)))
    assert str(fout).endswith("(in het pakket: 2022-01-01, 2023-01-01)")
    assert fout.tekst("en").endswith("(shipped: 2022-01-01, 2023-01-01)")
