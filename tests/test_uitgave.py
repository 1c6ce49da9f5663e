"""Release hygiene: licence text, one version, project URLs, changelog, publiccode.yml,
runtime dependencies that are used, and output schemas under the docs' address."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import yaml

import alvrules
from alvrules.bronnen import DOCS_URL
from tests.conftest import ROOT
from tests.schemas import schemas

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_licentie_is_de_volledige_eupl_1_2() -> None:
    tekst = (ROOT / "LICENSE").read_text("utf-8")
    assert tekst.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for n, kop in enumerate(
        [
            "Definitions",
            "Scope of the rights granted by the Licence",
            "Communication of the Source Code",
            "Limitations on copyright",
            "Obligations of the Licensee",
            "Chain of Authorship",
            "Disclaimer of Warranty",
            "Disclaimer of Liability",
            "Additional agreements",
            "Acceptance of the Licence",
            "Information to the public",
            "Termination of the Licence",
            "Miscellaneous",
            "Jurisdiction",
            "Applicable Law",
        ],
        start=1,
    ):
        assert re.search(rf"^{n}\. {kop}$", tekst, re.MULTILINE), kop
    assert "'Compatible Licences' according to Article 5 EUPL are:" in tekst
    assert tekst.rstrip().endswith("EUPL version.")
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]


def test_een_bron_voor_de_versie() -> None:
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "alvrules/__init__.py"
    publiccode = yaml.safe_load((ROOT / "publiccode.yml").read_text("utf-8"))
    assert publiccode["softwareVersion"] == alvrules.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert "## [Unreleased]" in changelog
    assert f"## [{alvrules.__version__}]" in changelog or "## [Unreleased]" in changelog


def test_projectadressen_en_classifiers() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    mkdocs = (ROOT / "mkdocs.yml").read_text("utf-8")
    site_url = re.search(r"^site_url: (\S+)$", mkdocs, re.MULTILINE)
    assert site_url is not None
    assert urls["Documentation"] == site_url.group(1) == DOCS_URL
    classifiers = PYPROJECT["project"]["classifiers"]
    assert "Natural Language :: Dutch" in classifiers
    assert any(c.startswith("Development Status ::") for c in classifiers)
    assert any(c.startswith("Intended Audience ::") for c in classifiers)
    assert "Programming Language :: Python :: 3.11" in classifiers


def test_publiccode_beschrijft_in_het_nederlands() -> None:
    p = yaml.safe_load((ROOT / "publiccode.yml").read_text("utf-8"))
    assert p["publiccodeYmlVersion"] == "0.4"
    assert p["legal"]["license"] == "EUPL-1.2"
    nl = p["description"]["nl"]
    assert len(nl["shortDescription"]) <= 150
    assert len(nl["longDescription"]) >= 150
    assert p["url"] == PYPROJECT["project"]["urls"]["Source"]


def test_runtime_afhankelijkheden_worden_gebruikt() -> None:
    """Each declared runtime dependency is imported by the package itself."""
    code = "\n".join(p.read_text("utf-8") for p in (ROOT / "alvrules").rglob("*.py"))
    for dep in PYPROJECT["project"]["dependencies"]:
        naam = re.split(r"[<>=\[ ]", dep, maxsplit=1)[0].replace("-", "_")
        assert re.search(rf"^\s*(import|from) {naam}\b", code, re.MULTILINE), dep


def test_schemas_onder_het_adres_van_de_docs() -> None:
    alle = schemas()
    uitvoer = {"controleer", "termijnen", "stemgewichten", "uitslag", "verantwoording"}
    assert uitvoer | {"regels", "regel", "herkomst", "bevinding"} <= set(alle)
    for naam, s in alle.items():
        assert s["$id"] == f"{DOCS_URL}schemas/1/{naam}.json"
        if naam in uitvoer | {"regels"}:
            assert "herkomst" in s["required"]


def test_wiel_bevat_licentie_en_adressen(tmp_path: Path) -> None:
    """The built wheel ships the licence text; its metadata lists the project URLs."""
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run(
        [*pip, f"--wheel-dir={tmp_path}", str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wiel,) = tmp_path.glob("alvrules-*.whl")
    with zipfile.ZipFile(wiel) as z:
        namen = z.namelist()
        licentie = next(n for n in namen if n.endswith(".dist-info/licenses/LICENSE"))
        assert z.read(licentie) == (ROOT / "LICENSE").read_bytes()
        metadata = z.read(next(n for n in namen if n.endswith(".dist-info/METADATA"))).decode()
        assert "alvrules/data/schemas/controleer.json" in namen
    assert f"Version: {alvrules.__version__}" in metadata
    assert "License-Expression: EUPL-1.2" in metadata
    for naam, url in PYPROJECT["project"]["urls"].items():
        assert f"Project-URL: {naam}, {url}" in metadata


# -- the release: one version everywhere, an sdist without tests (issue 26) ------------------

VERSIE = alvrules.__version__


def test_een_versie_in_hooks_docs_en_installatie() -> None:
    """The hook examples and install lines name the version of the code (``rev: vX.Y.Z``)."""
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert f"rev: v{VERSIE}" in hooks
    docs = {p.name: p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md")}
    revs = {v for tekst in docs.values() for v in re.findall(r"rev: v(\d+\.\d+\.\d+)", tekst)}
    assert revs == {VERSIE}
    tags = {v for tekst in docs.values() for v in re.findall(r"alvrules@v(\d+\.\d+\.\d+)", tekst)}
    assert tags == {VERSIE}
    wielen = {
        v for tekst in docs.values() for v in re.findall(r"alvrules-(\d+\.\d+\.\d+)-py3", tekst)
    }
    assert wielen == {VERSIE}
    assert f'"alvrules": "{VERSIE}"' in docs["herkomst.md"]
    for naam in ("index.md", "tutorial.md"):  # not in the package index yet
        assert "pip install alvrules\n" not in docs[naam]


def test_versie_op_de_opdrachtregel() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "alvrules", "--version"], capture_output=True, text=True, check=True
    )
    assert uit.stdout == f"alvrules {VERSIE}\n"


def test_releaseprocedure_beschreven() -> None:
    tekst = (ROOT / "docs" / "versies.md").read_text("utf-8")
    for stap in ("git tag -a vX.Y.Z", "pip wheel", "hatchling build -t sdist", "twine upload"):
        assert stap in tekst, stap
    assert "## Een release maken" in tekst
    assert "## Installeren vóór publicatie" in tekst


def test_sdist_zonder_tests_bouwt_hetzelfde_wiel(tmp_path: Path) -> None:
    """Decision: the sdist has no tests or docs; the wheel built from the unpacked sdist
    holds the same files as the one built from the repository."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (sdist,) = tmp_path.glob("alvrules-*.tar.gz")
    assert sdist.name == f"alvrules-{VERSIE}.tar.gz"
    with tarfile.open(sdist) as t:
        namen = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
        t.extractall(tmp_path / "uit", filter="data")
    assert not any(n.startswith(("tests/", "docs/", "benchmarks/")) for n in namen)
    for nodig in ("pyproject.toml", "README.md", "LICENSE", "alvrules/__init__.py"):
        assert nodig in namen, nodig
    assert "alvrules/data/gemeenten.csv" in namen

    def wiel(bron: Path, doel: Path) -> set[str]:
        pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        subprocess.run([*pip, f"--wheel-dir={doel}", str(bron)], check=True, capture_output=True)
        (w,) = doel.glob("alvrules-*.whl")
        with zipfile.ZipFile(w) as z:
            return {n for n in z.namelist() if not n.endswith("RECORD")}

    uitgepakt = tmp_path / "uit" / f"alvrules-{VERSIE}"
    assert wiel(uitgepakt, tmp_path / "a") == wiel(ROOT, tmp_path / "b")
