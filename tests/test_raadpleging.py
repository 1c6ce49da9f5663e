"""STM14: a written members' consultation (ledenraadpleging) with a voting window and a
participation count, its own deadlines, and its ratification by a later ALV, through the
library and the CLI (examples/ledenraadpleging)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import cli
from alvrules.amendementen import Amendement
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier
from alvrules.model import Agendapunt, InvoerFout, Vergadering, VergaderSoort
from alvrules.moties import Motie
from alvrules.raadpleging import Bekrachtiging
from alvrules.regels import Ernst
from alvrules.stemmingen import Stembriefje, Stemming, Vertegenwoordiger, Wijze
from alvrules.uitslagen import uitslagen
from alvrules.verkiezingen import Kandidaat, Vacature
from tests.conftest import EXAMPLES

AMS = ZoneInfo("Europe/Amsterdam")
MAP = EXAMPLES / "ledenraadpleging"
RAADPLEGING = MAP / "ledenraadpleging-2020.toml"
ALV = MAP / "alv-2020-11-27.toml"
OPENT = datetime(2020, 6, 8, 9, tzinfo=AMS)
SLUIT = datetime(2020, 6, 19, 17, tzinfo=AMS)
LEDEN = ("Utrecht", "Ede", "Beesel", "Venlo")


def _vergadering(**kw: object) -> Vergadering:
    kw = {"opent": OPENT, "sluit": SLUIT, **kw}
    return Vergadering(
        datum=date(2020, 6, 19),
        soort=VergaderSoort.LEDENRAADPLEGING,
        **kw,  # type: ignore[arg-type]
    )


def _dossier(
    *stemmingen: Stemming, vergadering: Vergadering | None = None, **kw: object
) -> Dossier:
    return Dossier(
        vergadering=vergadering or _vergadering(),
        vertegenwoordigers=tuple(
            Vertegenwoordiger(gemeente=g, naam=f"X {g}", rol="burgemeester") for g in LEDEN
        ),
        stemmingen=stemmingen,
        **kw,  # type: ignore[arg-type]
    )


def _stm14(d: Dossier) -> list[tuple[str, str]]:
    return [(b.ernst.value, b.pad) for b in controleer(d) if b.regel == "STM14"]


def _briefje(gemeente: str, keuze: str, moment: datetime | None) -> Stembriefje:
    return Stembriefje(gemeente, keuze, moment)


# --- the example: a consultation with a window and a participation count -----------------


@pytest.mark.regel("STM14")
def test_the_example_consultation_checks_and_tallies(capsys: pytest.CaptureFixture[str]) -> None:
    d = laad_dossier(RAADPLEGING)
    assert controleer(d).regels() == set()
    u = uitslagen(d)
    assert u.deelname is not None
    assert (u.deelname.leden, u.deelname.van) == (4, 355)  # 355 members in 2020
    r1, r2 = u.resultaten
    assert (r1.uitkomst, r1.voor, r1.tegen, r1.onthouding) == ("aangenomen", 150, 75, 13)
    assert r1.deelname is not None
    assert r1.deelname.leden == 4
    assert r2.deelname is not None
    assert r2.deelname.leden == 3
    assert cli.main(["uitslag", str(RAADPLEGING)]) == 0
    tekst = capsys.readouterr().out
    assert tekst.startswith(
        "Ledenraadpleging van maandag 8 juni 2020, 09.00 uur tot en met vrijdag 19 juni 2020, "
        "17.00 uur: "
        "4 van 355 leden brachten een stem uit\n"
    )
    assert "R2  Begroting 2021: aangenomen: 100% voor, 0% tegen" in tekst
    assert "; 3 van 355 leden brachten een stem uit" in tekst
    assert cli.main(["uitslag", str(RAADPLEGING), "--lang", "en"]) == 0
    assert "4 of 355 members cast a ballot" in capsys.readouterr().out
    assert cli.main(["uitslag", str(RAADPLEGING), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["raadpleging"] == {
        "opent": "2020-06-08T09:00:00+02:00",
        "sluit": "2020-06-19T17:00:00+02:00",
        "deelname": {"leden": 4, "van": 355},
    }
    assert data["stemmingen"][1]["deelname"] == {"leden": 3, "van": 355}
    assert cli.main(["uitslag", str(RAADPLEGING), "--format", "html"]) == 0
    assert "4 van 355 leden brachten een stem uit" in capsys.readouterr().out
    assert cli.main(["uitslag", str(RAADPLEGING), "--format", "popolo"]) == 0
    pop = json.loads(capsys.readouterr().out)
    assert pop["raadpleging"]["deelname"] == {"leden": 4, "van": 355}
    assert pop["vote_events"][0]["deelname"] == {"leden": 4, "van": 355}


@pytest.mark.regel("STM14")
def test_the_example_alv_ratifies_the_consultation(capsys: pytest.CaptureFixture[str]) -> None:
    d = laad_dossier(ALV)
    assert controleer(d).regels() == set()
    u = uitslagen(d)
    [b] = u.bekrachtigingen
    assert (b.uitkomst, b.stemming) == ("bekrachtigd", "S1")
    eigen = uitslagen(laad_dossier(RAADPLEGING))
    assert [r.to_json() for r in b.besluiten] == [r.to_json() for r in eigen.resultaten]
    assert b.deelname == eigen.deelname
    assert u.resultaten[0].titel == "Bekrachtiging Ledenraadpleging juni 2020"
    assert cli.main(["uitslag", str(ALV)]) == 0
    tekst = capsys.readouterr().out
    assert (
        "bekrachtiging-2020 Bekrachtiging Ledenraadpleging juni 2020: bekrachtigd (stemming S1); "
        "besluiten R1, R2; 4 van 355 leden brachten een stem uit"
    ) in tekst
    assert "  R1  Jaarrekening 2019: aangenomen: 66,67% voor, 33,33% tegen" in tekst
    assert cli.main(["uitslag", str(ALV), "--format", "json", "--lang", "en"]) == 0
    [j] = json.loads(capsys.readouterr().out)["bekrachtigingen"]
    assert (j["uitkomst"], j["stemming"], j["besluiten"]) == ("bekrachtigd", "S1", ["R1", "R2"])
    assert j["uitslagen"] == [r.to_json() for r in eigen.resultaten]
    # what the results rest on: the consultation file as read
    assert j["sha256"] == hashlib.sha256(RAADPLEGING.read_bytes()).hexdigest()
    assert cli.main(["uitslag", str(ALV), "--format", "html", "--lang", "en"]) == 0
    assert "ratified (vote S1)" in capsys.readouterr().out


# --- the window --------------------------------------------------------------------------


@pytest.mark.regel("STM14")
def test_a_ballot_outside_the_window_does_not_count() -> None:
    s = Stemming(
        id="R1",
        voorstellen=("x",),
        stemmen=[
            _briefje("Utrecht", "voor", OPENT),  # the opening moment itself counts
            _briefje("Ede", "tegen", SLUIT + timedelta(seconds=1)),
            _briefje("Beesel", "tegen", OPENT - timedelta(minutes=1)),
            _briefje("Venlo", "voor", SLUIT),  # the closing moment itself counts
        ],
    )
    d = _dossier(s, agendapunten=(Agendapunt(id="x"),))
    u = uitslagen(d)
    [r] = u.resultaten
    assert (r.voor, r.tegen, r.uitkomst) == (75 + 75, 0, "aangenomen")  # Utrecht, Venlo
    assert r.deelname is not None
    assert r.deelname.leden == 2
    bev = [b for b in u.bevindingen if b.regel == "STM14"]
    assert [(b.ernst, b.pad) for b in bev] == [  # in the order cast (every ballot has a time)
        (Ernst.FOUT, "stemmingen[R1].stemmen.Beesel"),
        (Ernst.FOUT, "stemmingen[R1].stemmen.Ede"),
    ]
    assert "voor het stemvenster" in bev[0].melding
    assert "after the voting window" in bev[1].tekst("en")


@pytest.mark.regel("STM14")
def test_the_window_itself() -> None:
    zonder = _dossier(vergadering=_vergadering(opent=None, sluit=None))
    assert _stm14(zonder) == [("fout", "vergadering.opent"), ("fout", "vergadering.sluit")]
    omgekeerd = _dossier(vergadering=_vergadering(opent=SLUIT, sluit=OPENT))
    assert _stm14(omgekeerd) == [("fout", "vergadering.sluit")]
    andere_dag = _dossier(vergadering=_vergadering(sluit=SLUIT - timedelta(days=1)))
    assert _stm14(andere_dag) == [("waarschuwing", "vergadering.datum")]
    [datum] = [b for b in controleer(andere_dag) if b.pad == "vergadering.datum"]
    dag = SLUIT - timedelta(days=1)
    assert f"sluit ({dag.day} " in datum.tekst("nl")  # a date in words, never 2020-06-18
    assert not re.search(r"\d{4}-\d{2}-\d{2}", datum.tekst("en"))
    # a window may be given for a meeting too, but whole
    half = Dossier(vergadering=Vergadering(datum=date(2020, 6, 19), opent=OPENT))
    assert _stm14(half) == [("fout", "vergadering.sluit")]


@pytest.mark.regel("STM14")
def test_acclamation_and_ballots_without_a_time() -> None:
    accl = Stemming(id="R1", voorstellen=("x",), wijze=Wijze.ACCLAMATIE)
    zonder_tijd = Stemming(id="R2", voorstellen=("y",), stemmen={"Utrecht": "voor"})
    d = _dossier(accl, zonder_tijd, agendapunten=(Agendapunt(id="x"), Agendapunt(id="y")))
    assert sorted(_stm14(d)) == [
        ("fout", "stemmingen[R1].wijze"),
        ("waarschuwing", "stemmingen[R2].stemmen"),
    ]
    r1, r2 = uitslagen(d).resultaten
    assert r1.uitkomst == "geen besluit"
    assert (r2.uitkomst, r2.voor) == ("aangenomen", 75)  # counted, with the warning


# --- deadlines: the ALV's are not applied -------------------------------------------------


@pytest.mark.regel("STM14", "TRM02", "AMD02", "TRM04", "TRM08", "KND02")
def test_the_alv_deadlines_are_not_silently_applied() -> None:
    laat = datetime(2020, 6, 18, 12, tzinfo=AMS)  # long after TRM01/TRM02 of 19 June
    stukken = {
        "moties": (Motie(id="M1", ingediend=laat, ondersteuners_ontvangen=laat),),
        "amendementen": (Amendement(id="A1", ingediend=laat),),
        "agendapunten": (Agendapunt(id="x", verzonden=date(2020, 6, 1)),),  # < 28 days
        "vacatures": (
            Vacature(
                id="V1",
                kandidaten=(
                    Kandidaat(naam="K"),
                    Kandidaat(
                        naam="T",
                        gemeente="Ede",
                        voorgedragen_door="Ede",
                        rol="wethouder",
                        ondersteuners=("Utrecht",),
                        ingediend=date(2020, 6, 18),
                    ),
                ),
            ),
        ),
    }
    regels = lambda d: {(b.regel, b.ernst.value) for b in controleer(d)}  # noqa: E731
    zonder = regels(_dossier(**stukken))
    assert not {r for r, _ in zonder} & {"TRM02", "AMD02", "TRM04", "TRM08"}
    assert ("STM14", "info") in zonder  # no own deadline given: nothing checked, says so
    kd = [b.melding for b in controleer(_dossier(**stukken)) if b.regel == "KND02"]
    assert not any("TRM06" in m for m in kd)  # the other KND02 checks stay
    # the consultation's own deadline, with the severities of TRM01/TRM02
    eigen = regels(
        _dossier(vergadering=_vergadering(indientermijn=laat - timedelta(days=1)), **stukken)
    )
    assert {("TRM02", "waarschuwing"), ("AMD02", "fout")} <= eigen
    assert ("STM14", "info") not in eigen
    # papers sent after voting opened
    na = _dossier(agendapunten=(Agendapunt(id="x", verzonden=date(2020, 6, 9)),))
    assert _stm14(na) == [("waarschuwing", "agendapunten[x].verzonden")]
    # an own deadline at an ALV does not replace TRM01/TRM02
    alv = Dossier(vergadering=Vergadering(datum=date(2020, 6, 19), indientermijn=laat))
    assert _stm14(alv) == [("waarschuwing", "vergadering.indientermijn")]


# --- ratification --------------------------------------------------------------------------


def _alv(tmp: Path, bekrachtiging: str, stemmen: str = 'Utrecht = "voor"') -> Path:
    pad = tmp / "alv.toml"
    pad.write_text(
        f"""
[vergadering]
datum = 2020-11-27

[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "A"
rol = "burgemeester"

[[vertegenwoordigers]]
gemeente = "Groningen"
naam = "G"
rol = "burgemeester"

[[bekrachtigingen]]
{bekrachtiging}

[[stemmingen]]
id = "S1"
voorstellen = ["B1"]
stemmen = {{ {stemmen} }}
""",
        encoding="utf-8",
    )
    return pad


@pytest.mark.regel("STM14")
def test_ratification_checks_the_consultation(tmp_path: Path) -> None:
    shutil.copy(RAADPLEGING, tmp_path / "r.toml")
    (tmp_path / "sub").mkdir()
    shutil.copy(RAADPLEGING, tmp_path / "sub" / "r.toml")

    def stm14(bekrachtiging: str) -> list[str]:
        d = laad_dossier(_alv(tmp_path, bekrachtiging))
        return [f"{b.ernst.value} {b.pad}" for b in controleer(d) if b.regel == "STM14"]

    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "r.toml"') == []
    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "sub/r.toml"') == []
    assert stm14('id = "B1"\nbesluiten = ["R9"]\nbestand = "r.toml"') == [
        "fout bekrachtigingen[B1].besluiten[0]"
    ]
    assert stm14('id = "B1"\nbesluiten = []') == ["fout bekrachtigingen[B1].besluiten"]
    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "ontbreekt.toml"') == [
        "fout bekrachtigingen[B1].bestand"
    ]
    # a consultation that had not closed before the ALV, a decision that was rejected
    tekst = RAADPLEGING.read_text("utf-8")
    (tmp_path / "laat.toml").write_text(
        tekst.replace("2020-06-19T17:00", "2020-11-27T17:00").replace(
            "datum = 2020-06-19", "datum = 2020-11-27"
        ),
        encoding="utf-8",
    )
    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "laat.toml"') == [
        "fout bekrachtigingen[B1].bestand"
    ]
    (tmp_path / "verworpen.toml").write_text(
        tekst.replace(
            'keuze = "voor", tijdstip = 2020-06-08T10:12',
            'keuze = "tegen", tijdstip = 2020-06-08T10:12',
        ),
        encoding="utf-8",
    )
    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "verworpen.toml"') == [
        "fout bekrachtigingen[B1].besluiten[0]"
    ]
    # a meeting is no consultation
    (tmp_path / "alv-oud.toml").write_text("[vergadering]\ndatum = 2020-06-19\n", encoding="utf-8")
    assert stm14('id = "B1"\nbesluiten = ["R1"]\nbestand = "alv-oud.toml"') == [
        "fout bekrachtigingen[B1].bestand",
        "fout bekrachtigingen[B1].besluiten[0]",
    ]


@pytest.mark.regel("STM14")
def test_ratification_reads_only_inside_the_dossier_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binnen = tmp_path / "alv"
    binnen.mkdir()
    shutil.copy(RAADPLEGING, tmp_path / "buiten.toml")
    for naam in ("../buiten.toml", str(tmp_path / "buiten.toml")):
        pad = _alv(binnen, f'id = "B1"\nbesluiten = ["R1"]\nbestand = "{naam}"')
        with pytest.raises(InvoerFout):
            laad_dossier(pad)
        assert cli.main(["controleer", str(pad)]) == 2
        capsys.readouterr()
    # a symbolic link leaving the folder is refused when read: an error, no content shown
    if hasattr(os, "symlink"):
        (binnen / "link.toml").symlink_to(tmp_path / "buiten.toml")
        d = laad_dossier(_alv(binnen, 'id = "B1"\nbesluiten = ["R1"]\nbestand = "link.toml"'))
        [b] = [b for b in controleer(d) if b.regel == "STM14"]
        assert b.pad == "bekrachtigingen[B1].bestand"
        assert "buiten de map" in b.melding
        assert not uitslagen(d).bekrachtigingen[0].besluiten
    with pytest.raises(ValueError, match="absoluut"):
        Bekrachtiging(id="B1", bestand="/etc/passwd")


@pytest.mark.regel("STM14")
def test_ratification_outcomes(tmp_path: Path) -> None:
    shutil.copy(RAADPLEGING, tmp_path / "r.toml")
    basis = 'id = "B1"\nbesluiten = ["R1"]\nbestand = "r.toml"'
    tegen = uitslagen(laad_dossier(_alv(tmp_path, basis, 'Utrecht = "tegen"'))).bekrachtigingen
    assert tegen[0].uitkomst == "niet bekrachtigd"
    assert tegen[0].zin("en").startswith("B1 Bekrachtiging: not ratified (vote S1)")
    geen = Dossier(
        vergadering=Vergadering(datum=date(2020, 11, 27)),
        bekrachtigingen=(Bekrachtiging(id="B1", besluiten=("R1",)),),
    )
    assert [b.uitkomst for b in uitslagen(geen).bekrachtigingen] == ["niet in stemming"]
    # a consultation ratifies nothing itself
    zelf = _dossier(bekrachtigingen=(Bekrachtiging(id="B1", besluiten=("R1",)),))
    assert ("fout", "bekrachtigingen[B1]") in _stm14(zelf)


# --- properties -------------------------------------------------------------------------

MOMENTEN = st.datetimes(
    min_value=datetime(2020, 6, 7), max_value=datetime(2020, 6, 21), timezones=st.just(AMS)
)
BRIEFJES = st.lists(
    st.tuples(st.sampled_from(LEDEN), st.sampled_from(["voor", "tegen", "onthouding"]), MOMENTEN),
    max_size=8,
)


@pytest.mark.regel("STM14")
@given(BRIEFJES)
def test_a_ballot_counts_iff_it_lies_in_the_window(
    briefjes: list[tuple[str, str, datetime]],
) -> None:
    """Property: the tally is that of the ballots inside the window (both ends included)
    alone, and each ballot outside it is one STM14 error."""
    alle = Stemming(id="R1", voorstellen=("x",), stemmen=[_briefje(*b) for b in briefjes])
    binnen = Stemming(
        id="R1",
        voorstellen=("x",),
        stemmen=[_briefje(*b) for b in briefjes if OPENT <= b[2] <= SLUIT],
    )
    punt = (Agendapunt(id="x"),)
    u, v = (
        uitslagen(_dossier(alle, agendapunten=punt)),
        uitslagen(_dossier(binnen, agendapunten=punt)),
    )
    assert u.resultaten[0].to_json() == v.resultaten[0].to_json()
    buiten = sum(not OPENT <= b[2] <= SLUIT for b in briefjes)
    fouten = [b for b in u.bevindingen if b.regel == "STM14"]
    assert len(fouten) == buiten
    assert u.deelname == v.deelname


@pytest.mark.regel("STM14")
@given(
    BRIEFJES,
    st.dictionaries(
        st.sampled_from(["Utrecht", "Groningen"]), st.sampled_from(["voor", "tegen", "onthouding"])
    ),
)
def test_ratification_never_changes_the_consultation_tally(
    briefjes: list[tuple[str, str, datetime]], alv_stemmen: dict[str, str]
) -> None:
    """Property: whatever the ALV decides on the ratification, the consultation's results
    it reports are those of the consultation on its own, and these stay as they were."""
    raadpleging = _dossier(
        Stemming(id="R1", voorstellen=("x",), stemmen=[_briefje(*b) for b in briefjes]),
        agendapunten=(Agendapunt(id="x"),),
    )
    from alvrules.schrijven import schrijf_dossier

    with tempfile.TemporaryDirectory() as map_:
        schrijf_dossier(raadpleging, Path(map_) / "r.toml")
        voor = [r.to_json() for r in uitslagen(laad_dossier(Path(map_) / "r.toml")).resultaten]
        stemmen = ", ".join(f'{g} = "{k}"' for g, k in alv_stemmen.items())
        pad = _alv(Path(map_), 'id = "B1"\nbesluiten = ["R1"]\nbestand = "r.toml"', stemmen)
        [b] = uitslagen(laad_dossier(pad)).bekrachtigingen
        na = [r.to_json() for r in uitslagen(laad_dossier(Path(map_) / "r.toml")).resultaten]
    assert [r.to_json() for r in b.besluiten] == voor == na


@pytest.mark.regel("STM14")
def test_a_decision_is_ratified_once_and_findings_stay_bounded(tmp_path: Path) -> None:
    shutil.copy(RAADPLEGING, tmp_path / "r.toml")
    pad = _alv(tmp_path, 'id = "B1"\nbesluiten = ["R1", "R1"]\nbestand = "r.toml"')
    pad.write_text(
        pad.read_text("utf-8")
        + '\n[[bekrachtigingen]]\nid = "B2"\nbesluiten = ["R1", "R2"]\nbestand = "r.toml"\n',
        encoding="utf-8",
    )
    u = uitslagen(laad_dossier(pad))
    assert [[r.stemming.id for r in b.besluiten] for b in u.bekrachtigingen] == [["R1"], ["R2"]]
    assert [(b.ernst.value, b.pad) for b in u.bevindingen if b.regel == "STM14"] == [
        ("waarschuwing", "bekrachtigingen[B1].besluiten[1]"),
        ("waarschuwing", "bekrachtigingen[B2].besluiten[0]"),
    ]
    # many unknown decisions: ten findings and one that counts the rest
    veel = ", ".join(f'"X{i}"' for i in range(40))
    d = laad_dossier(_alv(tmp_path, f'id = "B1"\nbesluiten = [{veel}]\nbestand = "r.toml"'))
    bev = [b for b in controleer(d) if b.regel == "STM14"]
    assert len(bev) == 11
    assert bev[-1].melding == "En nog 30 besluiten die er niet in staan of niet zijn aangenomen."


@pytest.mark.regel("STM14")
@given(
    soort=st.sampled_from(list(VergaderSoort)),
    opent=st.none() | MOMENTEN,
    sluit=st.none() | MOMENTEN,
    indientermijn=st.none() | MOMENTEN,
    briefjes=BRIEFJES,
    wijze=st.sampled_from(list(Wijze)),
    verzonden=st.none() | st.dates(min_value=date(2020, 6, 1), max_value=date(2020, 6, 30)),
)
def test_any_window_checks_without_raising(
    *,
    soort: VergaderSoort,
    opent: datetime | None,
    sluit: datetime | None,
    indientermijn: datetime | None,
    briefjes: list[tuple[str, str, datetime]],
    wijze: Wijze,
    verzonden: date | None,
) -> None:
    """Property: whatever the window (missing, reversed, on a meeting), the dossier checks
    and tallies; no ballot outside a valid window counts, and STM14 names each such one."""
    v = Vergadering(
        datum=date(2020, 6, 19), soort=soort, opent=opent, sluit=sluit, indientermijn=indientermijn
    )
    s = Stemming(id="R1", voorstellen=("x",), wijze=wijze, stemmen=[_briefje(*b) for b in briefjes])
    d = _dossier(s, vergadering=v, agendapunten=(Agendapunt(id="x", verzonden=verzonden),))
    rapport = controleer(d)
    u = uitslagen(d)
    geldig = opent is not None and sluit is not None and opent < sluit
    buiten = [b for b in briefjes if geldig and not opent <= b[2] <= sluit]  # type: ignore[operator]
    stm14 = [b for b in u.bevindingen if b.regel == "STM14" and ".stemmen." in b.pad]
    if wijze is Wijze.GEWOGEN:  # acclamation counts no ballot at all (STM07)
        assert len(stm14) == len(buiten)
        binnen = [_briefje(*b) for b in briefjes if b not in buiten]
        alleen = _dossier(
            Stemming(id="R1", voorstellen=("x",), stemmen=binnen),
            vergadering=v,
            agendapunten=(Agendapunt(id="x", verzonden=verzonden),),
        )
        assert u.resultaten[0].to_json() == uitslagen(alleen).resultaten[0].to_json()
    assert ("STM14" in rapport.regels()) >= bool(stm14)
