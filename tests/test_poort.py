"""The publication gate as pipelines run it, through the installed ``alvrules`` in a
subprocess: many files per run, every load error at once in every format, SARIF as code
scanning expects it, unique fingerprints, and ``--strikt`` as one verdict."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, EXAMPLES, ROOT, shared_nodig
from tests.schemas import SARIF, valideer

NAJAARS = EXAMPLES / "najaars-alv-2023.toml"
FOUTEN = EXAMPLES / "fouten.toml"
_SCRIPT = Path(sys.executable).parent / "alvrules"
ALVRULES = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "alvrules"]


def _alvrules(*argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LANG"}
    r = subprocess.run(
        [*ALVRULES, *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in r.stderr, r.stderr
    return r


def _sarif(uit: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(uit)
    if SARIF.is_file():
        valideer("sarif", data)
    return data


#: three mistakes: a date that is none, a misspelt key (close to titel), another (ingediend)
DRIE = (
    ("datum = 2023-12-01", 'datum = "gisteren"'),
    ("titel =", "titl ="),
    ("ingediend =", "ingedient ="),
)


@pytest.fixture
def drie_fouten(tmp_path: Path) -> Path:
    tekst = NAJAARS.read_text("utf-8")
    for oud, nieuw in DRIE:
        assert oud in tekst
        tekst = tekst.replace(oud, nieuw, 1)
    pad = tmp_path / "drie.toml"
    pad.write_text(tekst, "utf-8")
    return pad


def _regel(pad: Path, begin: str) -> int:
    return next(
        i for i, r in enumerate(pad.read_text("utf-8").splitlines(), 1) if r.startswith(begin)
    )


def test_leesproblemen_in_de_volgorde_van_het_bestand(tmp_path: Path) -> None:
    """The loader finds a table's problems by kind (missing keys, wrong values, unknown
    keys); every format lists them in the order of the file, by line."""
    (tmp_path / "d.toml").write_text(
        '[vergadering]\nnaam = "x"\ndatumm = 2023-11-01\n[[moties]]\nidd = 1\ntitel = 5\n',
        "utf-8",
    )

    def uit(*vorm: str) -> str:
        r = _alvrules("controleer", "d.toml", *vorm, cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        return r.stdout if vorm else r.stderr

    tekst = uit()
    js = json.loads(uit("--format", "json"))
    sarif = _sarif(uit("--format", "sarif"))["runs"][0]["results"]
    github = uit("--format", "github")
    lijnen = {
        "text": [int(m) for m in re.findall(r"^alvrules:   d\.toml:(\d+):", tekst, re.M)],
        "json": [p["regelnummer"] for p in js["problemen"]],
        "sarif": [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif],
        "github": [int(m) for m in re.findall(r"^::error file=d\.toml,line=(\d+),", github, re.M)],
    }
    assert lijnen == {vorm: [1, 3, 4, 5, 6] for vorm in lijnen}
    assert js["problemen"][3]["pad"] == "moties[0].idd"


@shared_nodig("data", "schemas", "sarif-schema-2.1.0.json")
def test_onleesbaar_als_sarif_valide_en_elke_fout_genoemd(drie_fouten: Path) -> None:
    """Must show: an unreadable file with --format sarif is schema-valid SARIF with
    executionSuccessful false, exit 2, and every one of its three load errors named."""
    r = _alvrules("controleer", "drie.toml", "--format", "sarif", cwd=drie_fouten.parent)
    assert r.returncode == 2, r.stderr
    run = _sarif(r.stdout)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["exitCode"] == 2
    assert run["artifacts"] == [{"location": {"uri": "drie.toml", "uriBaseId": "%SRCROOT%"}}]
    meldingen = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    resultaten = run["results"]
    assert [r["message"]["text"] for r in resultaten] == meldingen
    assert len(meldingen) == 3
    assert meldingen[0].startswith("vergadering.datum: verwacht een datum")
    assert meldingen[1] == "agendapunten[opening].titl: onbekende sleutel; bedoelt u 'titel'?"
    assert meldingen[2] == "moties[M01].ingedient: onbekende sleutel; bedoelt u 'ingediend'?"
    lijnen = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in resultaten]
    assert lijnen[0] == _regel(drie_fouten, 'datum = "gisteren"')
    assert lijnen[1] == _regel(drie_fouten, "titl =")
    assert lijnen[2] == _regel(drie_fouten, "ingedient =")
    regels = run["tool"]["driver"]["rules"]
    assert {regels[r["ruleIndex"]]["id"] for r in resultaten} == {"onleesbaar"}


def test_onleesbaar_in_elke_vorm_alle_fouten(drie_fouten: Path) -> None:
    """Every format names all three problems; exit code 2 in every format."""
    map_ = drie_fouten.parent
    tekst = _alvrules("controleer", "drie.toml", cwd=map_)
    assert tekst.returncode == 2
    assert tekst.stdout == ""
    fout = tekst.stderr.splitlines()
    assert fout[0].startswith("alvrules: drie.toml: vergadering.datum: ")
    assert fout[0].endswith("(en nog 2)")
    assert len(fout) == 4
    assert "bedoelt u 'titel'?" in fout[2]
    assert "bedoelt u 'ingediend'?" in fout[3]
    engels = _alvrules("controleer", "drie.toml", "--lang", "en", cwd=map_)
    assert "(and 2 more)" in engels.stderr
    assert "did you mean 'ingediend'?" in engels.stderr

    js = _alvrules("controleer", "drie.toml", "--format", "json", cwd=map_)
    assert js.returncode == 2
    data = json.loads(js.stdout)
    valideer("fout", data)
    assert [p["pad"] for p in data["problemen"]] == [
        "vergadering.datum",
        "agendapunten[opening].titl",
        "moties[M01].ingedient",
    ]
    assert all(p["regelnummer"] for p in data["problemen"])

    gh = _alvrules("controleer", "drie.toml", "--format", "github", cwd=map_)
    assert gh.returncode == 2
    *annotaties, oordeel = gh.stdout.splitlines()
    assert len(annotaties) == 3
    assert all(
        re.match(r"^::error file=drie\.toml,line=\d+,title=onleesbaar::", a) for a in annotaties
    )
    assert oordeel.endswith("1 onleesbaar: ongeldig")

    gl = _alvrules("controleer", "drie.toml", "--format", "gitlab", cwd=map_)
    assert gl.returncode == 2
    rapport = json.loads(gl.stdout)
    valideer("gitlab", rapport)
    assert len(rapport) == 3
    assert {i["location"]["path"] for i in rapport} == {"drie.toml"}
    assert len({i["fingerprint"] for i in rapport}) == 3


def test_syntaxfout_met_regel_in_github(tmp_path: Path) -> None:
    (tmp_path / "kapot.json").write_text('{\n  "vergadering": {\n    "datum": \n}\n', "utf-8")
    r = _alvrules("controleer", "kapot.json", "--format", "github", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout.startswith("::error file=kapot.json,line=4,title=onleesbaar::geen geldige JSON")


def test_meer_bestanden_en_mappen_in_een_run(tmp_path: Path) -> None:
    """Several paths and folders, one process: each file reported under the path as given,
    exit code the worst; a folder's non-dossiers skipped (and counted with --verbose)."""
    for map_ in ("a", "b", "c/.verborgen"):
        (tmp_path / map_).mkdir(parents=True)
    shutil.copy2(NAJAARS, tmp_path / "a" / "d.toml")
    shutil.copy2(FOUTEN, tmp_path / "b" / "d.toml")
    shutil.copy2(FOUTEN, tmp_path / "c" / ".verborgen" / "d.toml")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "c" / "pyproject.toml")
    (tmp_path / "c" / "package.json").write_text('{"name": "x"}', "utf-8")
    (tmp_path / "c" / "notities.txt").write_text("vergadering", "utf-8")

    r = _alvrules("controleer", "a/d.toml", "b/d.toml", "c", "--verbose", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    regels = r.stdout.splitlines()
    assert [x for x in regels if x.startswith("== ")] == ["== a/d.toml", "== b/d.toml"]
    assert regels[-2:] == [
        "2 bestanden: 1 geldig, 1 ongeldig, 0 onleesbaar, 2 overgeslagen",
        "ongeldig",
    ]
    assert "overgeslagen: c/package.json" in r.stderr
    assert "overgeslagen: c/pyproject.toml" in r.stderr

    # a named non-dossier is checked (the user named it): exit 2, naming the path as given
    kapot = _alvrules("controleer", "a/d.toml", "c/pyproject.toml", cwd=tmp_path)
    assert kapot.returncode == 2
    assert "alvrules: c/pyproject.toml: vergadering: verplichte sleutel ontbreekt" in kapot.stderr
    assert "alvrules-pre-commit" not in kapot.stderr
    # ... unless --alleen-dossiers (what the pre-commit hook passes)
    assert (
        _alvrules(
            "controleer", "--alleen-dossiers", "a/d.toml", "c/pyproject.toml", cwd=tmp_path
        ).returncode
        == 0
    )

    js = _alvrules("controleer", "a/d.toml", "b/d.toml", "--format", "json", cwd=tmp_path)
    data = json.loads(js.stdout)
    valideer("controleer-bestanden", data)
    assert [b["bestand"] for b in data["bestanden"]] == ["a/d.toml", "b/d.toml"]
    assert data["geldig"] is False
    assert data["fouten"] == data["bestanden"][1]["rapport"]["fouten"] > 0
    assert data["bestanden"][0]["rapport"]["geldig"] is True

    sarif = _alvrules("controleer", "a", "b", "--format", "sarif", cwd=tmp_path)
    assert sarif.returncode == 1
    run = _sarif(sarif.stdout)["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["a/d.toml", "b/d.toml"]
    plekken = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert plekken == {"a/d.toml", "b/d.toml"}
    assert run["invocations"][0]["executionSuccessful"] is True

    gh = _alvrules("controleer", "a", "b", "--format", "github", cwd=tmp_path)
    bestanden = set(re.findall(r"file=([^,]+),", gh.stdout))
    assert bestanden == {"a/d.toml", "b/d.toml"}
    gl = json.loads(_alvrules("controleer", "a", "b", "--format", "gitlab", cwd=tmp_path).stdout)
    assert {i["location"]["path"] for i in gl} == {"a/d.toml", "b/d.toml"}


def test_onleesbaar_naast_geldig_in_een_run(tmp_path: Path, drie_fouten: Path) -> None:
    shutil.copy2(NAJAARS, tmp_path / "goed.toml")
    r = _alvrules("controleer", "goed.toml", "drie.toml", "--format", "sarif", cwd=tmp_path)
    assert r.returncode == 2
    run = _sarif(r.stdout)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["artifacts"]) == 2
    js = json.loads(
        _alvrules("controleer", "goed.toml", "drie.toml", "--format", "json", cwd=tmp_path).stdout
    )
    valideer("controleer-bestanden", js)
    assert js["onleesbaar"] == 1
    assert len(js["bestanden"][1]["fout"]["problemen"]) == 3


def test_sarif_relatief_en_in_de_taal(tmp_path: Path) -> None:
    """A relative uri with uriBaseId inside the working directory, an absolute file: URI
    outside it; fullDescription and help in the chosen language; helpUri per rule."""
    binnen = _sarif(_alvrules("controleer", "examples/fouten.toml", "--format", "sarif").stdout)
    artefact = binnen["runs"][0]["artifacts"][0]["location"]
    assert artefact == {"uri": "examples/fouten.toml", "uriBaseId": "%SRCROOT%"}
    buiten = _sarif(
        _alvrules(
            "controleer", str(FOUTEN), "--format", "sarif", "--lang", "en", cwd=tmp_path
        ).stdout
    )
    artefact = buiten["runs"][0]["artifacts"][0]["location"]
    assert artefact == {"uri": FOUTEN.as_uri()}
    regels = {r["id"]: r for r in buiten["runs"][0]["tool"]["driver"]["rules"]}
    binnen_regels = {r["id"]: r for r in binnen["runs"][0]["tool"]["driver"]["rules"]}
    from alvrules.regels import bron_in
    from alvrules.regels import regels as catalogus

    for r in catalogus():
        assert regels[r.id]["fullDescription"]["text"] == r.uitleg_in("en")
        assert regels[r.id]["help"]["text"].endswith(f"Source: {bron_in(r.bron, 'en')}.")
        assert binnen_regels[r.id]["fullDescription"]["text"] == r.uitleg
        assert regels[r.id]["helpUri"] == r.url
    assert any(
        regels[i]["fullDescription"]["text"] != binnen_regels[i]["fullDescription"]["text"]
        for i in regels
    )


def _corpus() -> list[str]:
    return ["examples", str(DATA.relative_to(ROOT))]


def test_geen_twee_bevindingen_met_dezelfde_vingerafdruk() -> None:
    """Must show: across the test corpus (both examples, the tests/data dossiers) no two
    findings share a fingerprint, in SARIF and in GitLab; two findings at the same place
    (same rule and path) exist in the corpus, so the test can fail."""
    r = _alvrules("controleer", *_corpus(), "--format", "sarif")
    run = _sarif(r.stdout)["runs"][0]
    assert len(run["artifacts"]) >= 4
    resultaten = run["results"]
    afdrukken = [res["partialFingerprints"]["alvrules/bevinding/v2"] for res in resultaten]
    assert len(afdrukken) == len(set(afdrukken)) > 50
    plekken = [
        (
            res["ruleId"],
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        )
        for res in resultaten
    ]
    assert len(set(plekken)) < len(plekken)  # same rule at the same place, told apart
    gitlab = json.loads(_alvrules("controleer", *_corpus(), "--format", "gitlab").stdout)
    assert len(gitlab) == len(resultaten)
    assert len({i["fingerprint"] for i in gitlab}) == len(gitlab)
    # and stable: the same run gives the same fingerprints
    opnieuw = _sarif(_alvrules("controleer", *_corpus(), "--format", "sarif").stdout)
    assert [res["partialFingerprints"] for res in opnieuw["runs"][0]["results"]] == [
        res["partialFingerprints"] for res in resultaten
    ]


def test_twee_keer_mot05_op_een_motie_twee_afdrukken(tmp_path: Path) -> None:
    # the oproep of M01 names an amount and, now, a date: two MOT05 on oproep[0]
    tekst = NAJAARS.read_text("utf-8").replace("€ 3 miljard;", "€ 3 miljard per 1 januari 2026;", 1)
    (tmp_path / "d.toml").write_text(tekst, "utf-8")
    r = _alvrules("controleer", "d.toml", "--format", "sarif", cwd=tmp_path)
    mot05 = [res for res in _sarif(r.stdout)["runs"][0]["results"] if res["ruleId"] == "MOT05"]
    assert len(mot05) >= 2
    assert (
        len({res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for res in mot05})
        == 1
    )
    assert len({res["partialFingerprints"]["alvrules/bevinding/v2"] for res in mot05}) == len(mot05)


@pytest.fixture
def alleen_waarschuwingen(tmp_path: Path) -> Path:
    tekst = NAJAARS.read_text("utf-8")
    # M01 after the deadline (not actueel): a TRM02 warning; the example has no errors.
    tekst = tekst.replace("ingediend = 2023-11-14T16:20", "ingediend = 2023-11-21T16:20", 1)
    pad = tmp_path / "laat.toml"
    pad.write_text(tekst, "utf-8")
    return pad


def test_strikt_is_een_oordeel(alleen_waarschuwingen: Path) -> None:
    """With --strikt and only warnings: exit 1 and "not valid" in every format."""
    map_ = alleen_waarschuwingen.parent
    zonder = _alvrules("controleer", "laat.toml", "--format", "json", cwd=map_)
    assert zonder.returncode == 0
    assert json.loads(zonder.stdout)["geldig"] is True
    assert json.loads(zonder.stdout)["waarschuwingen"] > 0

    js = _alvrules("controleer", "laat.toml", "--format", "json", "--strikt", cwd=map_)
    assert js.returncode == 1
    assert json.loads(js.stdout)["geldig"] is False
    tekst = _alvrules("controleer", "laat.toml", "--strikt", cwd=map_)
    assert tekst.returncode == 1
    assert tekst.stdout.splitlines()[-2] == "ongeldig"
    assert _alvrules("controleer", "laat.toml", cwd=map_).stdout.splitlines()[-2] == "geldig"
    en = _alvrules("controleer", "laat.toml", "--strikt", "--lang", "en", cwd=map_)
    assert en.stdout.splitlines()[-2] == "invalid"

    sarif = _alvrules("controleer", "laat.toml", "--format", "sarif", "--strikt", cwd=map_)
    assert sarif.returncode == 1
    run = _sarif(sarif.stdout)["runs"][0]
    assert run["properties"]["geldig"] is False
    assert run["invocations"][0]["exitCode"] == 1
    trm02 = [r for r in run["results"] if r["properties"]["ernst"] == "waarschuwing"]
    assert trm02
    assert all(r["level"] == "error" for r in trm02)

    gh = _alvrules("controleer", "laat.toml", "--format", "github", "--strikt", cwd=map_)
    assert gh.returncode == 1
    assert gh.stdout.splitlines()[-1].endswith(": ongeldig (--strikt)")
    assert "::warning" not in gh.stdout
    gewoon = _alvrules("controleer", "laat.toml", "--format", "github", cwd=map_)
    assert gewoon.stdout.splitlines()[-1].endswith(": geldig")

    gl = _alvrules("controleer", "laat.toml", "--format", "gitlab", "--strikt", cwd=map_)
    assert gl.returncode == 1
    assert "minor" not in {i["severity"] for i in json.loads(gl.stdout)}

    meer = _alvrules(
        "controleer", "laat.toml", "laat.toml", "--format", "json", "--strikt", cwd=map_
    )
    data = json.loads(meer.stdout)
    assert data["geldig"] is False
    assert {b["rapport"]["geldig"] for b in data["bestanden"]} == {False}


@pytest.mark.parametrize("opdracht", ["uitslag", "verantwoording"])
def test_andere_opdrachten_noemen_ook_elke_fout(drie_fouten: Path, opdracht: str) -> None:
    """The other commands that read a dossier name every load problem too (exit 2), each
    on its line as ``controleer`` places it ("file:line: path: reason")."""
    r = _alvrules(opdracht, "drie.toml", cwd=drie_fouten.parent)
    assert r.returncode == 2
    fout = r.stderr.splitlines()
    assert fout[0].endswith("(en nog 2)")
    verwacht = [
        (_regel(drie_fouten, begin), probleem)
        for begin, probleem in (
            (
                'datum = "gisteren"',
                "vergadering.datum: verwacht een datum JJJJ-MM-DD, niet tekst 'gisteren'",
            ),
            ("titl =", "agendapunten[opening].titl: onbekende sleutel; bedoelt u 'titel'?"),
            ("ingedient =", "moties[M01].ingedient: onbekende sleutel; bedoelt u 'ingediend'?"),
        )
    ]
    assert fout[1:] == [f"alvrules:   drie.toml:{lijn}: {p}" for lijn, p in verwacht]
    assert (
        fout[1:]
        == _alvrules("controleer", "drie.toml", cwd=drie_fouten.parent).stderr.splitlines()[1:]
    )
    js = _alvrules(opdracht, "drie.toml", "--format", "json", cwd=drie_fouten.parent)
    data = json.loads(js.stdout)
    valideer("fout", data)
    assert [p["regelnummer"] for p in data["problemen"]] == [lijn for lijn, _p in verwacht]
