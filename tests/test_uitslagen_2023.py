"""The vote outcomes of the ALV of 14 June 2023 (PROCEDURE.md §5) over real 2023 weights.

The minutes give only percentages. Only the members on the minutes' attendance list
(328 of the 342 members of 2023, ``tests/data/aanwezig-2023-06-14.txt``) have a
representative in the room, so only they vote: for each percentage, :func:`stembriefjes`
builds a weighted ballot set over the present members that yields exactly that figure;
the test then checks outcome and rendering, in the library, and through the CLI.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from alvrules import cli, laden
from alvrules._cli.uitslag import zin
from alvrules.dossier import Dossier
from alvrules.gemeenten import register
from alvrules.gewichten import stemgewichten
from alvrules.model import Vergadering
from alvrules.stemmingen import Stemming, StemmingSoort, Vertegenwoordiger, Wijze
from alvrules.telling import percentage
from alvrules.uitslagen import Uitslagen, uitslagen
from tests.conftest import DATA

DATUM = date(2023, 6, 14)

#: PROCEDURE.md §5: the published percentages and their outcomes.
GEPUBLICEERD = {
    **dict.fromkeys(
        ["98,58", "98,81", "97,20", "91,58", "93,77", "94,11", "98,83", "99,77", "92,99", "86,22"],
        "aangenomen",
    ),
    **dict.fromkeys(["21,49", "18,50", "16,64", "13,40"], "verworpen"),
    "51,02": "optie 2",
    "61,09": "Mark Boumans",
}


def stembriefjes(
    gewichten: Mapping[str, int], doel: str, voor: str = "voor", tegen: str = "tegen"
) -> list[tuple[str, str]]:
    """Every member votes; a deterministic subset (greedy, heaviest first) votes ``tegen``
    with weight T, the smallest T for which voor / (voor + tegen) renders as ``doel``."""
    totaal = sum(gewichten.values())
    t = next(t for t in range(totaal + 1) if percentage(totaal - t, totaal) == doel)
    rest = t
    tegenstemmers: set[str] = set()
    for code, n in sorted(gewichten.items(), key=lambda cn: (-cn[1], cn[0])):
        if n <= rest:
            tegenstemmers.add(code)
            rest -= n
    assert rest == 0
    return [(c, tegen if c in tegenstemmers else voor) for c in sorted(gewichten)]


def _stemming(
    e: dict[str, Any], gewichten: Mapping[str, int], namen: Mapping[str, str]
) -> Stemming:
    soort = {
        "ordevoorstel": StemmingSoort.KEUZE if "opties" in e else StemmingSoort.VOORSTEL,
        "verkiezing": StemmingSoort.VERKIEZING,
    }.get(e["soort"], StemmingSoort.ORDE if e.get("ordemotie") else StemmingSoort.VOORSTEL)
    opties = tuple(o.split(":")[0] for o in e.get("opties", ()))
    kandidaten = tuple(k["naam"] for k in e.get("kandidaten", ()))
    voorstellen = (
        (e["agendapunt"],) if e["soort"] == "akkoord" else tuple(e.get("voorstellen", [e["id"]]))
    )
    stemmen: list[tuple[str, str]] = []
    if e["wijze"] == "gewogen":
        ja, nee = {
            StemmingSoort.KEUZE: ("optie 2", "optie 1"),
            StemmingSoort.VERKIEZING: ("Mark Boumans", "Koen Schuiling"),
        }.get(soort, ("voor", "tegen"))
        stemmen = [(namen[c], k) for c, k in stembriefjes(gewichten, e["percentage"], ja, nee)]
    return Stemming(
        id=e["id"],
        titel=e["onderwerp"],
        voorstellen=voorstellen,
        wijze=Wijze(e["wijze"]),
        soort=soort,
        opties=opties,
        kandidaten=kandidaten,
        betreft="07b" if e.get("ordemotie") else None,
        stemmen=stemmen,
        volgorde=True,  # for these examples the members vote in the order of their CBS code
    )


def lees_notulen() -> list[dict[str, Any]]:
    with (DATA / "uitslagen-2023-06-14.toml").open("rb") as f:
        return list(tomllib.load(f)["stemming"])


@pytest.fixture(scope="module")
def notulen() -> list[dict[str, Any]]:
    return lees_notulen()


def aanwezig() -> frozenset[str]:
    """The CBS codes of the members on the attendance list of 14 June 2023."""
    regels = (DATA / "aanwezig-2023-06-14.txt").read_text(encoding="utf-8").splitlines()
    namen = [r.strip() for r in regels if r.strip() and not r.startswith("#")]
    codes = {g.code for naam in namen if (g := register().zoek(naam, op=DATUM))}
    assert len(codes) == len(namen) == 328
    return frozenset(codes)


#: the present members' total weight: every weighted vote of the fixture casts all of it
AANWEZIG_TOTAAL = sum(
    g.stemmen for g in stemgewichten(DATUM).gewichten if g.gemeente.code in aanwezig()
)


@pytest.fixture(scope="module")
def dossier(notulen: list[dict[str, Any]]) -> Dossier:
    return maak_dossier(notulen)


def maak_dossier(notulen: list[dict[str, Any]]) -> Dossier:
    """The 2023 dossier: every present member votes, in the order of their CBS codes."""
    sg = stemgewichten(DATUM)
    present = aanwezig()
    gewichten = {g.gemeente.code: g.stemmen for g in sg.gewichten if g.gemeente.code in present}
    namen = {g.gemeente.code: g.gemeente.naam for g in sg.gewichten}
    return Dossier(
        vergadering=Vergadering(datum=DATUM, naam="ALV 14 juni 2023"),
        vertegenwoordigers=tuple(
            Vertegenwoordiger(
                gemeente=namen[code], naam=f"burgemeester van {namen[code]}", rol="burgemeester"
            )
            for code in sorted(present)
        ),
        stemmingen=tuple(_stemming(e, gewichten, namen) for e in notulen),
        notulencommissie=("lid 1", "lid 2", "lid 3"),
    )


@pytest.fixture(scope="module")
def uitslag(dossier: Dossier) -> Uitslagen:
    return uitslagen(dossier)


def test_fixture_has_the_published_figures(notulen: list[dict[str, Any]]) -> None:
    gevonden = {e["percentage"]: e["uitkomst"] for e in notulen if "percentage" in e}
    assert gevonden == GEPUBLICEERD


def test_real_weights() -> None:
    sg = stemgewichten(DATUM)
    assert (len(sg.gewichten), sg.totaal) == (342, 12972)


def test_only_the_members_present_vote(dossier: Dossier, uitslag: Uitslagen) -> None:
    """The attendance list has 328 members; the 14 others cast no ballot."""
    present = aanwezig()
    assert len(dossier.vertegenwoordigers) == 328
    assert AANWEZIG_TOTAAL < 12972
    for r in uitslag.resultaten:
        assert {code for code, _ in r.stemgedrag} <= present, r.stemming.id
        if r.stemming.wijze is Wijze.GEWOGEN:
            assert len(r.stemgedrag) == 328, r.stemming.id


@pytest.mark.regel("STM05", "STM06", "STM07", "STM08", "STM10", "STM11")
def test_every_outcome_and_rendering(uitslag: Uitslagen, notulen: list[dict[str, Any]]) -> None:
    """STM05-STM08, STM10, STM11 on every vote of 14 June 2023 (acclamations: STM07)."""
    assert uitslag.bevindingen == ()
    for e, r in zip(notulen, uitslag.resultaten, strict=True):
        assert r.uitkomst == e["uitkomst"], e["id"]
        if e["wijze"] == "acclamatie":
            assert r.percentage is None
            assert zin(r) == "aangenomen bij acclamatie"
            continue
        assert r.percentage == e["percentage"]
        assert r.voor + r.tegen == AANWEZIG_TOTAAL
        if r.stemming.soort in (StemmingSoort.KEUZE, StemmingSoort.VERKIEZING):
            assert zin(r) == (
                f"{e['uitkomst']} gekozen met {e['percentage']}% van de uitgebrachte stemmen"
            )
        else:  # STM06: the share voor and the share tegen, each named
            assert zin(r) == (
                f"{e['uitkomst']}: {e['percentage']}% voor, {r.percentage_tegen}% tegen"
            )
            assert r.percentage_voor == e["percentage"]
            voor, tegen = (
                float(p.replace(",", ".")) for p in (e["percentage"], r.percentage_tegen)
            )
            assert abs(voor + tegen - 100) <= 0.01


def test_examples_from_the_minutes(uitslag: Uitslagen) -> None:
    zinnen = {r.stemming.id: zin(r) for r in uitslag.resultaten}
    assert zinnen["2023-06-S04"] == "aangenomen: 98,58% voor, 1,42% tegen"
    assert zinnen["2023-06-S09"] == "verworpen: 21,49% voor, 78,51% tegen"
    assert zinnen["2023-06-S18"] == "Mark Boumans gekozen met 61,09% van de uitgebrachte stemmen"
    assert zin(uitslag.resultaten[4], "en") == "adopted: 98.81% for, 1.19% against"
    # no sentence says "verworpen met X%" without saying what X is a share of
    assert not any(re.search(r"(aangenomen|verworpen) met", z) for z in zinnen.values())


@pytest.mark.regel("STM08")
def test_cli_json_csv_html(
    dossier: Dossier,
    uitslag: Uitslagen,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(laden, "laad_bestand", lambda pad: (dossier, b""))
    assert cli.main(["uitslag", "alv.toml", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    s04 = data["stemmingen"][3]
    assert {k: s04[k] for k in ("id", "wijze", "percentage", "uitkomst")} == {
        "id": "2023-06-S04",
        "wijze": "gewogen",
        "percentage": "98,58",
        "uitkomst": "aangenomen",
    }
    assert s04["voor"] + s04["tegen"] == s04["uitgebracht"] == AANWEZIG_TOTAAL
    assert data["stemmingen"][4]["voorstellen"] == [
        "Kadernota 2024",
        "GGU-begroting 2024 en financiële bijdrage Fonds GGU",
    ]
    assert cli.main(["uitslag", "alv.toml"]) == 0
    tekst = capsys.readouterr().out
    assert "aangenomen: 98,58% voor, 1,42% tegen" in tekst
    assert "Mark Boumans gekozen met 61,09% van de uitgebrachte stemmen" in tekst
    assert "aangenomen: 98,81% voor, 1,19% tegen" in tekst
    assert "stond vast na 166 van 328 stembriefjes" in tekst
    assert "geldt voor elk voorstel (STM08)" in tekst
    assert cli.main(["uitslag", "alv.toml", "--format", "csv"]) == 0
    rijen = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    # a row per counted ballot (members without one are not listed: issue 25)
    geteld = [r for r in uitslag.resultaten if r.stemming.wijze is Wijze.GEWOGEN]
    assert len(rijen) == sum(len(r.stemgedrag) for r in geteld) > 0
    assert {(r["stemming"], r["code"], r["keuze"]) for r in rijen} == {
        (r.stemming.id, code, keuze) for r in geteld for code, keuze in r.stemgedrag
    }
    amsterdam = next(r for r in rijen if r["code"] == "GM0363" and r["stemming"] == "2023-06-S04")
    assert amsterdam["stemmen"] == "75"
    assert cli.main(["uitslag", "alv.toml", "--format", "html"]) == 0
    pagina = capsys.readouterr().out
    assert pagina.startswith("<!DOCTYPE html>")
    assert "<script" not in pagina
    assert "width:98.58%" in pagina
    assert f"<h1>Uitslagen {dossier.vergadering.naam} (woensdag 14 juni 2023)</h1>" in pagina
    assert "peildatum zaterdag 1 januari 2022; Bron: CBS" in pagina
