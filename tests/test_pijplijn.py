"""``controleer --format sarif|github|gitlab``, ``--strikt``, ``-`` (stdin), the hooks."""

from __future__ import annotations

import io
import json
import re
import sys
import tomllib
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from alvrules import Dossier, controleer, herkomst, laad_dossier
from alvrules._cli import _pijplijn, _uitvoer, precommit
from alvrules._cli._uitvoer import Invoer
from alvrules._cli.controleer import Uitkomst
from alvrules.cli import main
from alvrules.schrijven import naar_json, naar_toml
from alvrules.strategies import (
    DEFECTEN,
    agendas,
    geldige_moties,
    motie_met_defect,
    vergaderingen,
)
from alvrules.vindplaats import regel_van
from tests.conftest import EXAMPLES, ROOT, shared_nodig
from tests.schemas import SARIF, valideer

FOUTEN = EXAMPLES / "fouten.toml"
NAJAARS = EXAMPLES / "najaars-alv-2023.toml"
GITHUB = re.compile(
    r"^::(error|warning|notice) (?:file=[^,]+,line=\d+,col=\d+,)?title=[A-Z]{3}\d{2}::.+$"
)


def _uit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_sarif_valideert_en_heeft_een_resultaat_per_bevinding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rapport = controleer(laad_dossier(FOUTEN))
    code, uit = _uit(capsys, "controleer", str(FOUTEN), "--format", "sarif")
    assert code == 1
    sarif = json.loads(uit)
    if SARIF.is_file():
        valideer("sarif", sarif)
        assert sarif["$schema"] == json.loads(SARIF.read_text("utf-8"))["id"]
    run = sarif["runs"][0]
    assert len(run["results"]) == len(rapport) > 10
    afdrukken = {_pijplijn.vingerafdruk(b, "examples/fouten.toml", 0) for b in rapport}
    regels = run["tool"]["driver"]["rules"]
    for res, b in zip(run["results"], rapport, strict=True):
        assert res["ruleId"] == b.regel == regels[res["ruleIndex"]]["id"]
        assert res["level"] == {"fout": "error", "waarschuwing": "warning", "info": "note"}[b.ernst]
        assert res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == b.pad
        assert res["partialFingerprints"][_pijplijn.VINGERAFDRUK] in afdrukken
    assert all(r["helpUri"].startswith("https://") and "#" in r["helpUri"] for r in regels)
    sig01 = next(r for r in run["results"] if r["ruleId"] == "SIG01")
    fysiek = sig01["locations"][0]["physicalLocation"]
    assert fysiek["artifactLocation"]["uri"] == FOUTEN.relative_to(Path.cwd()).as_posix()
    assert fysiek["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]
    regel = FOUTEN.read_text("utf-8").splitlines()[fysiek["region"]["startLine"] - 1]
    assert regel.startswith("ondertekening")


@shared_nodig("data", "schemas", "sarif-schema-2.1.0.json")
def test_sarif_van_geldig_dossier_valideert_ook(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit = _uit(capsys, "controleer", str(NAJAARS), "--format", "sarif", "--lang", "en")
    assert code == 0
    valideer("sarif", json.loads(uit))


def test_vingerafdruk_stabiel_tussen_runs(capsys: pytest.CaptureFixture[str]) -> None:
    een = _uit(capsys, "controleer", str(FOUTEN), "--format", "sarif")[1]
    twee = _uit(capsys, "controleer", str(FOUTEN), "--format", "sarif")[1]
    assert een == twee


def test_github_een_regel_per_bevinding(capsys: pytest.CaptureFixture[str]) -> None:
    rapport = controleer(laad_dossier(FOUTEN))
    code, uit = _uit(capsys, "controleer", str(FOUTEN), "--format", "github")
    assert code == 1
    *regels, oordeel = uit.splitlines()
    assert len(regels) == len(rapport)
    assert all(GITHUB.match(r) for r in regels), regels
    assert oordeel.endswith(": ongeldig")
    assert any(r.startswith("::error file=examples/fouten.toml,line=") for r in regels) or any(
        r.startswith(f"::error file={FOUTEN.as_posix()},line=") for r in regels
    )
    assert {r.split(" ", 1)[0] for r in regels} == {"::error", "::warning", "::notice"}


def test_github_escaping() -> None:
    # a line break from input is shown escaped, one annotation per line (issue 25)
    assert _pijplijn._github_data("50% a\r\nb\x1b") == "50%25 a\\r\\nb\\x1b"
    assert _pijplijn._github_eigenschap("a:b,c%") == "a%3Ab%2Cc%25"


def test_gitlab_codequality(capsys: pytest.CaptureFixture[str]) -> None:
    rapport = controleer(laad_dossier(FOUTEN))
    code, uit = _uit(capsys, "controleer", str(FOUTEN), "--format", "gitlab")
    assert code == 1
    issues = json.loads(uit)
    assert len(issues) == len(rapport)
    for issue, b in zip(issues, rapport, strict=True):
        assert issue["check_name"] == b.regel
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == FOUTEN.relative_to(Path.cwd()).as_posix()
        assert issue["location"]["lines"]["begin"] >= 1
        assert re.fullmatch("[0-9a-f]{64}", issue["fingerprint"])


def test_strikt_maakt_waarschuwingen_tot_fout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tekst = NAJAARS.read_text("utf-8")
    # M01 after the deadline (not actueel): a TRM02 warning; the example has no errors.
    tekst = tekst.replace("ingediend = 2023-11-14T16:20", "ingediend = 2023-11-21T16:20", 1)
    laat = tmp_path / "laat.toml"
    laat.write_text(tekst, "utf-8")
    rapport = controleer(laad_dossier(laat))
    assert rapport.geldig
    assert rapport.waarschuwingen
    assert _uit(capsys, "controleer", str(laat))[0] == 0
    assert _uit(capsys, "controleer", str(laat), "--strikt")[0] == 1
    assert _uit(capsys, "controleer", str(NAJAARS), "--strikt")[0] == 0  # info only


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for bestand in (NAJAARS, FOUTEN):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bestand.read_bytes())))
        code, uit = _uit(capsys, "controleer", "-", "--format", "json")
        _, verwacht = _uit(capsys, "controleer", str(bestand), "--format", "json")
        data, ref = json.loads(uit), json.loads(verwacht)
        assert data["herkomst"]["invoer"]["naam"] == "-"
        assert data["herkomst"]["invoer"]["sha256"] == ref["herkomst"]["invoer"]["sha256"]
        assert data["bevindingen"] == ref["bevindingen"]
        assert code == (0 if ref["geldig"] else 1)


def test_stdin_json_en_github_zonder_bestand(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tomllib.loads(FOUTEN.read_text("utf-8"))
    tekst = json.dumps(data, default=str, ensure_ascii=False, indent=2)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(tekst.encode())))
    code, uit = _uit(capsys, "controleer", "-", "--format", "github")
    assert code == 1
    assert all(GITHUB.match(r) and "file=" not in r for r in uit.splitlines()[:-1])


def test_regel_in_json_dossier() -> None:
    data = tomllib.loads(FOUTEN.read_text("utf-8"))
    tekst = json.dumps(data, default=str, ensure_ascii=False, indent=2)
    regels = tekst.splitlines()
    lijn = regel_van(tekst, "moties[M04].ondertekening[1].rol")
    assert lijn is not None
    assert regels[lijn - 1].strip() == '"rol": "griffier",'
    assert regel_van(tekst, "bestaat.niet") is None


@pytest.mark.parametrize(
    ("pad", "begin"),
    [
        ("vergadering.datum", "datum = "),
        ("moties[M04].ondertekening[1].rol", '  { naam = "Wendy Oldenhof"'),
        ("moties[M03].ondertekening", "ondertekening = ["),
        ("amendementen[A02]", "[[amendementen]]"),
    ],
)
def test_regel_in_toml_dossier(pad: str, begin: str) -> None:
    tekst = FOUTEN.read_text("utf-8")
    lijn = regel_van(tekst, pad)
    assert lijn is not None
    assert tekst.splitlines()[lijn - 1].startswith(begin)


def test_pre_commit_hook(capsys: pytest.CaptureFixture[str]) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {h["id"] for h in hooks} == {"alvrules-controleer", "alvrules-controleer-strikt"}
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    for h in hooks:
        assert h["entry"].split()[0] in scripts
    assert precommit.main([str(NAJAARS)]) == 0
    assert precommit.main([str(NAJAARS), str(FOUTEN)]) == 1
    assert "SIG01" in capsys.readouterr().out


def _yaml_blokken() -> list[tuple[str, object]]:
    tekst = (ROOT / "docs" / "publicatiestraat.md").read_text("utf-8")
    blokken = re.findall(r'```yaml title="([^"]+)"\n(.*?)```', tekst, re.DOTALL)
    return [(naam, yaml.safe_load(inhoud)) for naam, inhoud in blokken]


def test_yaml_in_de_docs_is_geldig() -> None:
    blokken = dict(_yaml_blokken())
    assert set(blokken) == {"github-workflow.yml", "gitlab-ci.yml", "pre-commit-config.yaml"}
    gh = blokken["github-workflow.yml"]
    assert isinstance(gh, dict)
    stappen = gh["jobs"]["controleer"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in stappen)
    assert any("--format sarif" in s.get("run", "") for s in stappen)
    gl = blokken["gitlab-ci.yml"]
    assert isinstance(gl, dict)
    assert gl["alvrules"]["artifacts"]["reports"]["codequality"] in " ".join(
        gl["alvrules"]["script"]
    )
    pc = blokken["pre-commit-config.yaml"]
    assert isinstance(pc, dict)
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert pc["repos"][0]["hooks"][0]["id"] in {h["id"] for h in hooks}


@st.composite
def _dossier_met_defecten(draw: st.DrawFn) -> Dossier:
    """A dossier with a few motions, each valid or with one defect."""
    v = draw(vergaderingen())
    agenda = draw(agendas())
    soorten = draw(st.lists(st.sampled_from([None, *sorted(DEFECTEN)]), min_size=1, max_size=4))
    moties = []
    for i, soort in enumerate(soorten):
        m = draw(geldige_moties(v, agenda) if soort is None else motie_met_defect(soort, v, agenda))
        moties.append(attrs.evolve(m, id=f"M{i + 1:02d}"))
    return Dossier(vergadering=v, agendapunten=agenda, moties=tuple(moties))


def _blok(regels: list[str], motie: str, json_: bool) -> range:
    """The lines (0-based) of motion ``motie`` in a written dossier."""
    id_ = f'"id": "{motie}"' if json_ else f'id = "{motie}"'
    i = next(j for j, r in enumerate(regels) if r.strip().rstrip(",") == id_)
    kop = '"id": "M' if json_ else "[[moties]]"
    begin = i if json_ else max(j for j in range(i + 1) if regels[j].strip() == kop)
    eind = next((j for j in range(i + 1, len(regels)) if kop in regels[j]), len(regels))
    return range(begin - (1 if json_ else 0), eind)


@settings(max_examples=25, deadline=None)
@given(dossier=_dossier_met_defecten(), json_=st.booleans())
def test_elke_bevinding_een_resultaat_op_de_regel_van_haar_motie(
    dossier: Dossier, json_: bool
) -> None:
    """Generated dossiers, written as TOML or JSON: one SARIF result and one GitHub line
    per finding, and the line of a motion's finding lies inside that motion."""
    tekst = naar_json(dossier) if json_ else naar_toml(dossier)
    inhoud = tekst.encode()
    invoer = Invoer(dossier, "d.json" if json_ else "d.toml", inhoud, "d")
    rapport = controleer(dossier)
    h = herkomst.herkomst(datum=dossier.vergadering.datum, invoer=invoer.herkomst)
    uitkomsten = [Uitkomst("d", invoer, rapport, h)]
    sarif = _pijplijn.sarif(uitkomsten, "nl")
    if SARIF.is_file():
        valideer("sarif", sarif)
    resultaten = sarif["runs"][0]["results"]
    assert len(resultaten) == len(rapport)
    afdrukken = {r["partialFingerprints"][_pijplijn.VINGERAFDRUK] for r in resultaten}
    assert len(afdrukken) == len(resultaten)  # every finding its own fingerprint
    gitlab = _pijplijn.gitlab(uitkomsten, "nl")
    assert len({i["fingerprint"] for i in gitlab}) == len(gitlab) == len(rapport)
    assert len(_pijplijn.github(uitkomsten, "nl")) == len(rapport) + 1
    regels = tekst.splitlines()
    for res, b in zip(resultaten, rapport, strict=True):
        fysiek = res["locations"][0]["physicalLocation"]
        if b.pad.startswith("moties["):
            lijn = fysiek["region"]["startLine"] - 1
            assert lijn in _blok(regels, b.pad[7:10], json_), (b.pad, regels[lijn])


def test_gelijke_bevindingen_krijgen_elk_een_afdruk() -> None:
    """Two findings equal in rule, path and message still differ by their number; the
    same finding in another file differs by the file."""
    from alvrules.regels import bevinding

    b = bevinding("SIG01", "moties[M01].ondertekening", "Geen burgemeester.")
    een, twee = (a for _, a in _pijplijn._genummerd((b, b), "a/d.toml"))
    assert een != twee
    assert een == _pijplijn.vingerafdruk(b, "a/d.toml", 0)
    assert _pijplijn.vingerafdruk(b, "b/d.toml", 0) != een


@pytest.mark.parametrize("soort", ["fouten", "geldig", "twee", "onleesbaar", "niets"])
def test_sarif_streams_its_results_one_per_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    soort: str,
) -> None:
    """The results are written as they are made, each on a line of its own (issue 25: the
    log built whole, indented, was 74x its input and peaked above 1 GB); the document is
    the log that :func:`_pijplijn.sarif` builds (which the suite validates)."""
    kapot = tmp_path / "kapot.toml"
    kapot.write_text("[vergadering]\nnaam = 1\n[[moties]]\n", encoding="utf-8")
    (tmp_path / "leeg").mkdir()
    bestanden = {
        "fouten": [FOUTEN],
        "geldig": [NAJAARS],
        "twee": [FOUTEN, NAJAARS],
        "onleesbaar": [kapot],
        "niets": [tmp_path / "leeg"],  # a folder without dossiers: no result at all
    }[soort]
    gebouwd: list[object] = []
    monkeypatch.setattr(_uitvoer, "CONTROLE", [*_uitvoer.CONTROLE, lambda _s, d: gebouwd.append(d)])
    _code, uit = _uit(capsys, "controleer", *map(str, bestanden), "--format", "sarif")
    log = json.loads(uit)
    assert gebouwd == [log]
    resultaten = log["runs"][0]["results"]
    assert bool(resultaten) == (soort != "niets")
    regels = uit.splitlines()
    begin = regels.index('      "results": [' if resultaten else '      "results": [],')
    eind = begin + 1 + len(resultaten)
    gelezen = [json.loads(r.strip().removesuffix(",")) for r in regels[begin + 1 : eind]]
    assert gelezen == resultaten
    assert all(r.startswith(" " * 8 + '{"ruleId":') for r in regels[begin + 1 : eind])
