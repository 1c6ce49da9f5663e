"""Every ALV since 2018 (issue 27): a dated register of members from 1 January 2017 and
the CBS figures of 2017-2021.

The expected values are computed here from the CSV files themselves (``csv`` module):
the shipped figures and ``../shared/data/historie/herindelingen-2017-2023.csv``, never
from the library's own register.
"""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alvrules import Motie, Vergadering, controleer_motie
from alvrules.bevolking import Bevolking
from alvrules.cli import main
from alvrules.gemeenten import BEGIN, BuitenRegister, register
from alvrules.gewichten import stemgewichten
from alvrules.model import InvoerFout
from tests.conftest import shared_nodig
from tests.test_cbs_ophalen import Cbs, cbs  # noqa: F401 - the loopback CBS fixture
from tests.test_nieuw_jaar import DATA, HISTORIE

HERINDELINGEN = HISTORIE / "herindelingen-2017-2023.csv"
nodig = shared_nodig("data", "historie", "herindelingen-2017-2023.csv")


def _cijfers(jaar: int) -> dict[str, int]:
    with (DATA / f"inwoners-{jaar}-01-01.csv").open(encoding="utf-8", newline="") as f:
        return {r["code"]: int(r["inwoners"]) for r in csv.DictReader(f)}


def _namen(jaar: int) -> dict[str, str]:
    with (DATA / f"inwoners-{jaar}-01-01.csv").open(encoding="utf-8", newline="") as f:
        return {r["code"]: r["naam"] for r in csv.DictReader(f)}


def _herindelingen() -> list[dict[str, str]]:
    with HERINDELINGEN.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _leden_uit_csv(op: date) -> set[str]:
    """Membership on ``op`` from the 2017 file and the table of changes alone."""
    leden = set(_cijfers(2017))
    for r in _herindelingen():
        if date.fromisoformat(r["datum"]) <= op:
            leden.discard(r["opgeheven_code"])
            leden.add(r["nieuwe_code"])
    return leden


def _code(naam: str, jaar: int) -> str:
    (code,) = [c for c, n in _namen(jaar).items() if n == naam]
    return code


# --- the register ---------------------------------------------------------------------


@pytest.mark.regel("SIG07")
@pytest.mark.parametrize("jaar", range(2017, 2026))
def test_members_on_1_january_are_the_municipalities_of_that_years_cbs_file(jaar: int) -> None:
    assert {g.code for g in register().leden(date(jaar, 1, 1))} == set(_cijfers(jaar))


@nodig
@pytest.mark.regel("SIG07")
@settings(max_examples=60)
@given(st.dates(BEGIN, date(2030, 12, 31)))
def test_membership_on_a_date_is_the_set_of_municipalities_existing_that_day(op: date) -> None:
    assert {g.code for g in register().leden(op)} == _leden_uit_csv(op)


@nodig
def test_the_shipped_table_of_changes_says_what_the_shared_one_says() -> None:
    """Every (date, old code, new code) of the shared table, and nothing else, is in
    ``fusies.csv``; a code that continues is listed among its own predecessors."""
    with (DATA / "fusies.csv").open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    paren = {
        (r["datum"], oud, r["code"])
        for r in rijen
        for oud in r["voorgangers"].split()
        if oud != r["code"]
    }
    gedeeld = {(r["datum"], r["opgeheven_code"], r["nieuwe_code"]) for r in _herindelingen()}
    assert paren == gedeeld
    for r in rijen:
        jaar = int(r["datum"][:4])
        bestond = r["code"] in _namen(jaar - 1 if r["datum"].endswith("01-01") else jaar)
        assert (r["code"] in r["voorgangers"].split()) == bestond, r


@pytest.mark.regel("SIG07")
def test_weesp_is_a_member_until_23_march_2022() -> None:
    reg = register()
    assert "GM0457" in {g.code for g in reg.leden(date(2022, 3, 23))}
    assert "GM0457" not in {g.code for g in reg.leden(date(2022, 3, 24))}
    assert len(reg.leden(date(2022, 3, 23))) == 345
    assert len(reg.leden(date(2022, 3, 24))) == 344


@pytest.mark.regel("SIG07")
@pytest.mark.parametrize(
    ("naam", "datum", "over"),
    [
        ("Littenseradiel", date(2018, 1, 1), ["Leeuwarden", "Súdwest-Fryslân", "Waadhoeke"]),
        ("Winsum", date(2019, 1, 1), ["Het Hogeland", "Westerkwartier"]),
        ("Haaren", date(2021, 1, 1), ["Boxtel", "Oisterwijk", "Tilburg", "Vught"]),
    ],
)
def test_the_three_divided_municipalities(naam: str, datum: date, over: list[str]) -> None:
    reg = register()
    g = reg.zoek(naam)
    assert g is not None
    assert g.tot == datum - timedelta(days=1)
    assert g.opgegaan_in is None
    assert [reg.code(c).naam for c in g.verdeeld_over] == over  # type: ignore[union-attr]
    assert [o.naam for o in reg.opvolgers(g, date(2025, 1, 1))] == over
    assert reg.zoek(naam, op=datum - timedelta(days=1)) == g
    assert reg.zoek(naam, op=datum) is None


def test_a_date_before_the_register_is_refused_naming_the_range() -> None:
    reg = register()
    for doe in (
        lambda: reg.leden(date(2016, 12, 31)),
        lambda: reg.zoek("Utrecht", op=date(2016, 6, 1)),
        lambda: reg.suggesties("Utreht", op=date(2016, 6, 1)),
    ):
        with pytest.raises(BuitenRegister, match="1 januari 2017") as e:
            doe()
        assert "1 January 2017" in e.value.tekst("en")
    assert reg.zoek("Utrecht", op=BEGIN) is not None


# --- SIG07 with old names ---------------------------------------------------------------


def _sig07(datum: date, *namen: str) -> dict[str, str]:
    motie = Motie(id="M1", indieners=namen)
    rapport = controleer_motie(motie, vergadering=Vergadering(datum=datum))
    return {b.melding.split(" ")[0]: b.melding for b in rapport if b.regel == "SIG07"}


@pytest.mark.regel("SIG07")
def test_2018_dossier_naming_littenseradiel() -> None:
    assert _sig07(date(2017, 11, 30), "Littenseradiel") == {}  # a member then
    (melding,) = _sig07(date(2018, 6, 13), "Littenseradiel").values()
    assert melding == (
        "Littenseradiel is op 13 juni 2018 geen lid: verdeeld over Leeuwarden, Súdwest-Fryslân "
        "en Waadhoeke sinds 1 januari 2018."
    )
    motie = Motie(id="M1", indieners=("Littenseradiel",))
    rapport = controleer_motie(motie, vergadering=Vergadering(datum=date(2018, 6, 13)))
    (b,) = (b for b in rapport if b.regel == "SIG07")
    assert "13 June 2018" in b.tekst("en")
    assert b.tekst("en").endswith("on 1 January 2018.")


@pytest.mark.regel("SIG07")
def test_2024_dossier_naming_heerhugowaard_and_other_old_names() -> None:
    assert _sig07(date(2021, 6, 1), "Heerhugowaard", "Haaren") == {
        "Haaren": "Haaren is op 1 juni 2021 geen lid: verdeeld over Boxtel, Oisterwijk, "
        "Tilburg en Vught sinds 1 januari 2021."
    }
    meldingen = _sig07(date(2024, 5, 24), "Heerhugowaard", "Uden", "Boxmeer", "Langedijk", "Haren")
    assert meldingen == {
        "Heerhugowaard": "Heerhugowaard is op 24 mei 2024 geen lid: opgegaan in Dijk en Waard "
        "sinds 1 januari 2022.",
        "Uden": "Uden is op 24 mei 2024 geen lid: opgegaan in Maashorst sinds 1 januari 2022.",
        "Boxmeer": "Boxmeer is op 24 mei 2024 geen lid: opgegaan in Land van Cuijk sinds "
        "1 januari 2022.",
        "Langedijk": "Langedijk is op 24 mei 2024 geen lid: opgegaan in Dijk en Waard sinds "
        "1 januari 2022.",
        "Haren": "Haren is op 24 mei 2024 geen lid: opgegaan in Groningen sinds 1 januari 2019.",
    }


@pytest.mark.regel("SIG07")
def test_alv_of_25_september_2020_knows_its_own_members(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "alv-2020.toml"
    pad.write_text(
        '[vergadering]\ndatum = 2020-09-25\n[[moties]]\nid = "M1"\n'
        'indieners = ["Haaren", "Heerhugowaard", "Eemsdelta"]\n',
        encoding="utf-8",
    )
    assert main(["controleer", str(pad), "--format", "json"]) == 1
    sig07 = [b for b in json.loads(capsys.readouterr().out)["bevindingen"] if b["regel"] == "SIG07"]
    assert [b["melding"] for b in sig07] == [
        "Eemsdelta is op 25 september 2020 geen lid: bestaat pas sinds 1 januari 2021."
    ]


@pytest.mark.regel("SIG07")
def test_meeting_in_2016_gives_one_finding_naming_the_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "alv-2016.toml"
    pad.write_text(
        '[vergadering]\ndatum = 2016-06-01\n[[moties]]\nid = "M1"\nindieners = ["Utrecht"]\n',
        encoding="utf-8",
    )
    assert main(["controleer", str(pad), "--format", "json"]) == 1
    bevindingen = json.loads(capsys.readouterr().out)["bevindingen"]
    # the other checks run (MOT01 for the empty motion); none judges a member
    assert {b["regel"] for b in bevindingen} >= {"SIG07", "MOT01"}
    (b,) = [b for b in bevindingen if b["regel"].startswith(("SIG", "STM"))]
    assert (b["regel"], b["pad"]) == ("SIG07", "vergadering.datum")
    assert "1 januari 2017" in b["melding"]
    assert b["melding"].startswith("1 juni 2016 ligt voor het begin van het gemeenteregister")


def test_stemgewichten_in_2016_exits_2_naming_the_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stemgewichten", "2016-06-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "1 juni 2016 ligt voor het begin van het gemeenteregister (1 januari 2017)" in err
    assert main(["stemgewichten", "2016-06-01", "--lang", "en", "--format", "json"]) == 2
    fout = json.loads(capsys.readouterr().out)
    assert "vote weights from 2018" in fout["fout"]


@pytest.mark.regel("STM02")
def test_meeting_in_2017_has_no_weights_and_suggests_no_command_that_cannot_work(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stemgewichten", "2017-06-01"]) == 2
    err = capsys.readouterr().err
    assert "peildatum 1 januari 2016 ligt voor het begin van het gemeenteregister" in err
    assert "vanaf 2018" in err
    assert "ophalen" not in err
    with pytest.raises(InvoerFout) as e:
        stemgewichten(date(2017, 6, 1), bevolking=Bevolking(date(2016, 1, 1), {"GM0363": 1}))
    assert e.value.regel == "STM02"


# --- the weights ------------------------------------------------------------------------


@pytest.mark.regel("STM02")
def test_weights_of_26_june_2020_list_355_members_with_haaren_without_eemsdelta(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stemgewichten", "2020-06-26", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    cijfers = _cijfers(2019)  # no change between 1-1-2019 and 26-6-2020
    assert (data["peildatum"], data["leden"]) == ("2019-01-01", 355)
    per_code = {g["code"]: g for g in data["gewichten"]}
    assert set(per_code) == set(cijfers)
    assert per_code[_code("Haaren", 2019)]["inwoners"] == cijfers[_code("Haaren", 2019)]
    assert _code("Eemsdelta", 2021) not in per_code
    for code, g in per_code.items():
        assert (g["inwoners"], g["stemmen"]) == (
            cijfers[code],
            min(75, max(1, cijfers[code] // 1000)),
        )
    assert data["bevolking"]["product"] == "Kerncijfers wijken en buurten 2019"
    assert "verdeeld" not in data


@pytest.mark.regel("STM02")
def test_weights_of_29_june_2022_give_dijk_en_waard_its_predecessors_on_1_january_2021(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stemgewichten", "2022-06-29", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    cijfers = _cijfers(2021)
    dijk_en_waard = _code("Dijk en Waard", 2022)
    voorgangers = (
        [r["opgeheven_code"] for r in _herindelingen() if r["nieuwe_code"] == dijk_en_waard]
        if HERINDELINGEN.is_file()
        else [_code("Heerhugowaard", 2021), _code("Langedijk", 2021)]
    )
    assert sorted(voorgangers) == sorted([_code("Heerhugowaard", 2021), _code("Langedijk", 2021)])
    (rij,) = [g for g in data["gewichten"] if g["code"] == dijk_en_waard]
    som = sum(cijfers[c] for c in voorgangers)
    assert (rij["inwoners"], rij["stemmen"]) == (som, min(75, som // 1000))
    assert sorted(rij["voorgangers"]) == sorted(voorgangers)
    assert data["leden"] == 344  # after Weesp went into Amsterdam
    amsterdam = next(g for g in data["gewichten"] if g["naam"] == "Amsterdam")
    assert (
        amsterdam["inwoners"] == cijfers[_code("Amsterdam", 2021)] + cijfers[_code("Weesp", 2021)]
    )


@pytest.mark.regel("STM02")
@pytest.mark.parametrize(
    ("datum", "verdeeld", "nieuw", "heel"),
    [
        (
            date(2018, 6, 1),
            "Littenseradiel",
            "Waadhoeke",
            ["het Bildt", "Franekeradeel", "Menameradiel"],
        ),
        (date(2019, 6, 1), "Winsum", "Het Hogeland", ["Bedum", "Eemsmond", "De Marne"]),
        (date(2021, 6, 1), "Haaren", "Boxtel", ["Boxtel"]),
    ],
)
def test_successors_of_a_divided_municipality_count_only_the_whole_parts(
    datum: date, verdeeld: str, nieuw: str, heel: list[str]
) -> None:
    """The decision (STM02): a divided municipality's figure counts for no member and is
    named in ``verdeeld``; its successors count their own or their whole predecessors'."""
    peil = date(datum.year - 1, 1, 1)
    cijfers = _cijfers(peil.year)
    sg = stemgewichten(datum)
    (v,) = sg.verdeeld
    assert v.gemeente.naam == verdeeld
    assert v.inwoners == cijfers[_code(verdeeld, peil.year)]
    (rij,) = [g for g in sg.gewichten if g.gemeente.naam == nieuw]
    assert rij.inwoners == sum(cijfers[_code(n, peil.year)] for n in heel)
    assert sum(g.inwoners for g in sg.gewichten) == sum(cijfers.values()) - v.inwoners
    assert sg.to_json()["verdeeld"] == [
        {
            "code": v.gemeente.code,
            "naam": verdeeld,
            "inwoners": v.inwoners,
            "verdeeld_over": [g.code for g in v.over],
        }
    ]


@nodig
@pytest.mark.regel("STM02")
@settings(max_examples=40, deadline=None)
@given(st.dates(date(2018, 1, 1), date(2026, 12, 31)))
def test_mergers_preserve_the_inhabitants_at_the_reference_date(vergadering: date) -> None:
    """Every inhabitant on the reference date counts once, except those of a municipality
    divided between the reference date and the meeting (computed from the CSVs)."""
    peil = date(vergadering.year - 1, 1, 1)
    cijfers = _cijfers(peil.year)
    verdeeld: dict[str, int] = {}
    for r in _herindelingen():
        if peil < date.fromisoformat(r["datum"]) <= vergadering:
            verdeeld[r["opgeheven_code"]] = verdeeld.get(r["opgeheven_code"], 0) + 1
    gedeeld = {c for c, n in verdeeld.items() if n > 1}
    sg = stemgewichten(vergadering)
    assert {g.code for g in (v.gemeente for v in sg.verdeeld)} == gedeeld
    assert sum(g.inwoners for g in sg.gewichten) == sum(cijfers.values()) - sum(
        cijfers[c] for c in gedeeld
    )
    assert {g.gemeente.code for g in sg.gewichten} == _leden_uit_csv(vergadering)


@pytest.mark.regel("STM02")
@pytest.mark.parametrize("jaar", range(2018, 2027))
def test_stemgewichten_works_out_of_the_box_for_every_alv_from_2018_to_2026(
    jaar: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stemgewichten", str(jaar), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["peildatum"] == f"{jaar - 1}-01-01"
    assert data["leden"] == len(_cijfers(jaar if jaar <= 2025 else 2025))


# --- bevolking ophalen for every year the register covers ------------------------------


def _antwoord(jaar: int) -> dict[str, object]:
    """CBS's answer for 1 January of ``jaar``: the shipped figures as OData rows."""
    rijen = [
        {"RegioS": f"{code}  ", "Perioden": f"{jaar}JJ00", "BevolkingOp1Januari_1": n}
        for code, n in _cijfers(jaar).items()
    ]
    rijen.append({"RegioS": "GM9999", "Perioden": f"{jaar}JJ00", "BevolkingOp1Januari_1": None})
    return {"value": rijen}


@pytest.mark.regel("STM02")
@pytest.mark.parametrize("jaar", range(2017, 2023))
def test_bevolking_ophalen_for_every_year_of_the_register(
    jaar: int,
    cbs: Cbs,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cbs.json(_antwoord(jaar))
    uit = tmp_path / f"inwoners-{jaar}-01-01.csv"
    assert main(["bevolking", "ophalen", str(jaar), "--uitvoer", str(uit), "--url", cbs.basis]) == 0
    assert uit.read_bytes() == (DATA / uit.name).read_bytes()
    assert f"{len(_cijfers(jaar))} gemeenten" in capsys.readouterr().out


@pytest.mark.regel("STM02")
def test_bevolking_ophalen_before_the_register_asks_nothing(
    cbs: Cbs,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    uit = tmp_path / "x.csv"
    assert main(["bevolking", "ophalen", "2016", "--uitvoer", str(uit), "--url", cbs.basis]) == 2
    assert "1 januari 2017" in capsys.readouterr().err
    assert cbs.verzoeken == []
    assert not uit.exists()
