"""Every way a real ALV decides (issue 28): acclamation with an objection and then a
weighted vote (the Ede motion of 14 June 2023), results that say what each percentage is a
share of, an honest attendance list, and "vast na" only when the order of the ballots is
recorded."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules._cli.uitslag import zin
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier
from alvrules.model import Vergadering, VergaderSoort
from alvrules.stemmingen import Stembriefje, Stemming, Vertegenwoordiger, Wijze
from alvrules.telling import aandeel, percentage
from alvrules.uitslagen import Resultaat, uitslagen
from alvrules.waarden import tijdstip
from tests.test_uitslagen_2023 import lees_notulen, maak_dossier

DATUM = date(2023, 6, 14)
GEWICHTEN = {"GM0228": 75, "GM0289": 39, "GM0344": 75, "GM0518": 75}  # Ede, Wageningen, …


def _v(gemeente: str, *, aanwezig: bool = True) -> Vertegenwoordiger:
    return Vertegenwoordiger(
        gemeente=gemeente, naam=f"X {gemeente}", rol="wethouder", aanwezig=aanwezig
    )


def _dossier(*stemmingen: Stemming, vert: tuple[Vertegenwoordiger, ...] = ()) -> Dossier:
    vert = vert or tuple(_v(g) for g in ("Ede", "Wageningen", "Utrecht", "Den Haag"))
    return Dossier(
        vergadering=Vergadering(datum=DATUM, soort=VergaderSoort.FYSIEK),
        vertegenwoordigers=vert,
        stemmingen=stemmingen,
    )


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alvrules", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={"PYTHONIOENCODING": "utf-8", "PATH": ""},
    )


# -- STM07: acclamation, an objection, then a weighted vote --------------------------------


@pytest.mark.regel("STM07", "STM06")
def test_ede_as_it_happened_gives_no_error_and_the_minutes_percentage() -> None:
    """Minutes 14 June 2023, item 8: acclamation proposed for the Ede motion, Wageningen
    objects, the motion goes to a weighted vote and is adopted with 92,99%."""
    notulen = lees_notulen()
    d = maak_dossier(notulen)
    i, ede = next((i, s) for i, s in enumerate(d.stemmingen) if s.id == "2023-06-S27")
    voorstel = Stemming(
        id="2023-06-S27a",
        voorstellen=ede.voorstellen,
        titel=ede.titel,
        wijze=Wijze.ACCLAMATIE,
        bezwaar=("Wageningen",),
    )
    d = attrs.evolve(d, stemmingen=(*d.stemmingen[:i], voorstel, *d.stemmingen[i:]))
    u = uitslagen(d)
    assert u.bevindingen == ()
    per_id = {r.stemming.id: r for r in u.resultaten}
    assert zin(per_id["2023-06-S27a"]) == (
        "geen besluit: bezwaar tegen acclamatie (Wageningen); gewogen stemming 2023-06-S27"
    )
    assert zin(per_id["2023-06-S27"]) == "aangenomen: 92,99% voor, 7,01% tegen"
    assert per_id["2023-06-S27"].percentage_voor == "92,99"


@pytest.mark.regel("STM07")
def test_objection_without_a_following_vote_is_the_error() -> None:
    acclamatie = Stemming(id="S1", voorstellen=("M1",), wijze=Wijze.ACCLAMATIE, bezwaar=("Ede",))
    ander = Stemming(id="S2", voorstellen=("M2",), stemmen={"Ede": "voor"})
    eerder = Stemming(id="S0", voorstellen=("M1",), stemmen={"Ede": "voor"})
    for d in (_dossier(acclamatie), _dossier(acclamatie, ander), _dossier(eerder, acclamatie)):
        regels = [b.regel for b in uitslagen(d, gewichten=GEWICHTEN).bevindingen]
        assert regels == ["STM07"], d.stemmingen
    # the weighted vote after it decides, and then there is no finding
    gevolgd = _dossier(acclamatie, ander, attrs.evolve(eerder, id="S3"))
    u = uitslagen(gevolgd, gewichten=GEWICHTEN)
    assert u.bevindingen == ()
    assert [r.uitkomst for r in u.resultaten] == ["geen besluit", "aangenomen", "aangenomen"]


# -- STM06: every figure says what it is a share of ----------------------------------------


@pytest.mark.regel("STM06")
@pytest.mark.parametrize(
    ("stemmen", "nl", "en"),
    [
        (
            {"Ede": "voor", "Wageningen": "tegen"},
            "aangenomen: 65,79% voor, 34,21% tegen",
            "adopted: 65.79% for, 34.21% against",
        ),
        (
            {"Ede": "tegen", "Wageningen": "voor"},
            "verworpen: 34,21% voor, 65,79% tegen",
            "rejected: 34.21% for, 65.79% against",
        ),
        (
            {"Ede": "voor", "Wageningen": "onthouding"},
            "aangenomen: 100% voor, 0% tegen",
            "adopted: 100% for, 0% against",
        ),
        ({"Ede": "tegen"}, "verworpen: 0% voor, 100% tegen", "rejected: 0% for, 100% against"),
    ],
)
def test_results_cannot_be_misread(stemmen: dict[str, str], nl: str, en: str) -> None:
    (r,) = uitslagen(
        _dossier(Stemming(id="S1", voorstellen=("M1",), stemmen=stemmen)), gewichten=GEWICHTEN
    ).resultaten
    assert (zin(r), zin(r, "en")) == (nl, en)
    assert not re.search(
        r"(aangenomen|verworpen|adopted|rejected) (met|with)", zin(r) + zin(r, "en")
    )
    j = r.to_json()
    assert f"{j['percentage_voor']}% voor, {j['percentage_tegen']}% tegen" in nl


@pytest.mark.regel("STM06")
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_the_shares_name_what_they_are(voor: int, tegen: int) -> None:
    """Property: both shares are given and add up to 100 (up to rounding); "100" and "0"
    exactly when all or nothing; the deprecated ``percentage`` is the share voor."""
    r = Resultaat(
        stemming=Stemming(id="S", voorstellen=("M",)),
        uitkomst="x",
        voor=voor,
        tegen=tegen,
        percentage=percentage(voor, voor + tegen) if voor + tegen else None,
    )
    if voor + tegen == 0:
        assert (r.percentage_voor, r.percentage_tegen) == (None, None)
        return
    pv, pt = r.percentage_voor, r.percentage_tegen
    assert pv is not None
    assert pt is not None
    assert (pv == "100") == (tegen == 0)
    assert (pt == "0") == (tegen == 0)
    assert (pv == "0") == (voor == 0)
    assert abs(float(pv.replace(",", ".")) + float(pt.replace(",", ".")) - 100) <= 0.011
    assert r.percentage == percentage(voor, voor + tegen)
    assert aandeel(voor, voor + tegen) == pv


# -- STM03: absent without a vote is no finding --------------------------------------------


@pytest.mark.regel("STM03")
def test_absent_without_a_vote_is_no_finding_voting_while_absent_is() -> None:
    vert = (_v("Ede"), _v("Wageningen", aanwezig=False))
    stil = _dossier(Stemming(id="S1", voorstellen=("M1",), stemmen={"Ede": "voor"}), vert=vert)
    assert uitslagen(stil, gewichten=GEWICHTEN).bevindingen == ()
    stemt = _dossier(
        Stemming(id="S1", voorstellen=("M1",), stemmen={"Ede": "voor", "Wageningen": "tegen"}),
        vert=vert,
    )
    u = uitslagen(stemt, gewichten=GEWICHTEN)
    assert [(b.regel, b.pad) for b in u.bevindingen] == [
        ("STM03", "stemmingen[S1].stemmen.Wageningen")
    ]
    assert "niet aanwezig" in u.bevindingen[0].melding
    assert u.resultaten[0].tegen == 0  # the ballot does not count


# -- "vast na" only from a recorded order ---------------------------------------------------


def test_vast_na_only_when_the_order_of_the_ballots_is_recorded() -> None:
    stemmen = {"Ede": "voor", "Utrecht": "voor", "Den Haag": "tegen", "Wageningen": "tegen"}
    tabel = Stemming(id="S1", voorstellen=("M1",), stemmen=stemmen)
    (r,) = uitslagen(_dossier(tabel), gewichten=GEWICHTEN).resultaten
    assert r.vast_na is None
    assert "vast_na" not in r.to_json()
    (r,) = uitslagen(_dossier(attrs.evolve(tabel, volgorde=True)), gewichten=GEWICHTEN).resultaten
    assert (r.vast_na, r.briefjes) == (2, 4)  # Ede and Utrecht: 150 of 264, decided
    # a time per ballot: sorted by it, whatever the order of the list
    begin = tijdstip("2023-06-14T15:00:00+02:00")
    briefjes = [
        Stembriefje(g, k, begin + timedelta(seconds=n))
        for n, (g, k) in zip((4, 1, 2, 3), stemmen.items(), strict=True)
    ]
    getimed = Stemming(id="S1", voorstellen=("M1",), stemmen=briefjes)
    assert [b.gemeente for b in getimed.geordend or ()] == [
        "Utrecht",
        "Den Haag",
        "Wageningen",
        "Ede",
    ]
    (r,) = uitslagen(_dossier(getimed), gewichten=GEWICHTEN).resultaten
    assert r.vast_na == 4  # Ede's deciding ballot came last
    # one ballot without a time: no order
    half = attrs.evolve(getimed, stemmen=[*briefjes[:3], Stembriefje("Ede", "voor")])
    assert half.geordend is None


@given(st.permutations(["Ede", "Wageningen", "Utrecht", "Den Haag"]))
def test_vast_na_never_from_the_key_order_of_a_table(volgorde: list[str]) -> None:
    """Property: the same table in any key order gives the same result, without vast_na."""
    keuze = {"Ede": "voor", "Wageningen": "tegen", "Utrecht": "voor", "Den Haag": "tegen"}
    s = Stemming(id="S1", voorstellen=("M1",), stemmen={g: keuze[g] for g in volgorde})
    (r,) = uitslagen(_dossier(s), gewichten=GEWICHTEN).resultaten
    assert r.vast_na is None
    assert (r.voor, r.tegen) == (150, 114)


def test_a_time_per_ballot_is_read_written_and_needs_its_timezone(tmp_path: Path) -> None:
    pad = tmp_path / "alv.toml"
    pad.write_text(
        '[vergadering]\ndatum = 2023-06-14\n[[stemmingen]]\nid = "S1"\nvoorstellen = ["M1"]\n'
        'stemmen = [{ gemeente = "Ede", keuze = "voor", tijdstip = 2023-06-14T15:00:00+02:00 }]\n',
        encoding="utf-8",
    )
    d = laad_dossier(pad)
    assert d.stemmingen[0].stemmen[0].tijdstip == datetime.fromisoformat(
        "2023-06-14T15:00:00+02:00"
    )
    from alvrules.schrijven import naar_toml

    terug = tmp_path / "terug.toml"
    terug.write_text(naar_toml(d), encoding="utf-8")
    assert laad_dossier(terug) == d
    pad.write_text(pad.read_text(encoding="utf-8").replace("+02:00", ""), encoding="utf-8")
    with pytest.raises(Exception, match="tijdzone"):
        laad_dossier(pad)


def test_cli_json_says_voor_and_tegen_and_the_title(tmp_path: Path) -> None:
    (tmp_path / "alv.toml").write_text(
        '[vergadering]\ndatum = 2023-06-14\n[[moties]]\nid = "M1"\ntitel = "Korte wapenstok"\n'
        '[[vertegenwoordigers]]\ngemeente = "Ede"\nnaam = "R"\nrol = "burgemeester"\n'
        '[[vertegenwoordigers]]\ngemeente = "Wageningen"\nnaam = "G"\nrol = "wethouder"\n'
        '[[stemmingen]]\nid = "S1"\nvoorstellen = ["M1"]\n'
        'stemmen = { Ede = "tegen", Wageningen = "voor" }\n',
        encoding="utf-8",
    )
    p = _cli("uitslag", "alv.toml", "--format", "json", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    (s,) = json.loads(p.stdout)["stemmingen"]
    assert {
        k: s[k] for k in ("titel", "uitkomst", "percentage_voor", "percentage_tegen", "percentage")
    } == {
        "titel": "Korte wapenstok",
        "uitkomst": "verworpen",
        "percentage_voor": "34,21",
        "percentage_tegen": "65,79",
        "percentage": "34,21",
    }
    for vorm in ("text", "html", "csv", "popolo"):
        p = _cli("uitslag", "alv.toml", "--format", vorm, cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        assert "34,21" in p.stdout, vorm
        assert "65,79" in p.stdout, vorm
        assert not re.search(r"verworpen met", p.stdout), vorm
