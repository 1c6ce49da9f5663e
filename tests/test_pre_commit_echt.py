"""The pre-commit hook as a user meets it: the real ``pre-commit`` tool from the package
index, in a virtualenv of the test's own, on a scratch git repository that holds a
``pyproject.toml``, a ``package.json``, a valid and an invalid dossier. The hook repository
is this checkout (copied into a git repository of its own, so that uncommitted work is
what is tested): no network beyond the package index.

Skips, with the reason, only when the package index cannot be reached; with
``ALVRULES_PRECOMMIT=verplicht`` (CI, ``.ci/run``) that is a failure too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

VERPLICHT = os.environ.get("ALVRULES_PRECOMMIT") == "verplicht"

#: what pip says when the index cannot be reached (offline, no proxy, DNS)
_GEEN_INDEX = (
    "No matching distribution found for pre-commit",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ConnectionError",
)


def _git(map_: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(map_), *args],
        capture_output=True,
        text=True,
        check=kwargs.pop("check", True),  # type: ignore[arg-type]
        env=kwargs.pop("env", None),  # type: ignore[arg-type]
        timeout=900,
    )


@pytest.fixture(scope="session")
def pre_commit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pre-commit`` from the package index, installed once per session in its own venv."""
    if shutil.which("git") is None:
        pytest.fail("git is nodig voor de pre-commit-test")
    venv = tmp_path_factory.mktemp("pre-commit-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    r = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "pre-commit"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if r.returncode != 0:
        if any(s in r.stderr for s in _GEEN_INDEX) and not VERPLICHT:
            pytest.skip(f"the package index cannot be reached: {r.stderr.strip()[-300:]}")
        pytest.fail(f"pip install pre-commit mislukt:\n{r.stderr}")
    return venv / "bin" / "pre-commit"


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as a hook repository: the files a build needs, committed."""
    repo = tmp_path_factory.mktemp("alvrules-hook")
    for naam in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / naam, repo / naam)
    shutil.copytree(
        ROOT / "alvrules", repo / "alvrules", ignore=shutil.ignore_patterns("__pycache__")
    )
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "hook")
    return repo, _git(repo, "rev-parse", "HEAD").stdout.strip()


def test_alleen_het_ongeldige_dossier_houdt_de_commit_tegen(
    pre_commit: Path, hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    repo, rev = hook_repo
    werk = tmp_path_factory.mktemp("scratch")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "LANG": "C.UTF-8",
    }
    _git(werk, "init", "-q")
    (werk / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: alvrules-controleer\n        args: [--verbose]\n        verbose: true\n",
        "utf-8",
    )
    shutil.copy2(ROOT / "pyproject.toml", werk / "pyproject.toml")
    (werk / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n', "utf-8")
    (werk / "dossiers").mkdir()
    shutil.copy2(EXAMPLES / "najaars-alv-2023.toml", werk / "dossiers" / "najaars.toml")
    r = subprocess.run(
        [str(pre_commit), "install"], cwd=werk, env=env, capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr

    # pyproject.toml, package.json and a valid dossier: the commit goes through
    _git(werk, "add", "-A")
    goed = _git(werk, "commit", "-m", "geldig", check=False, env=env)
    uitvoer = goed.stdout + goed.stderr
    assert goed.returncode == 0, uitvoer
    assert "alvrules controleer" in uitvoer
    assert "Passed" in uitvoer
    assert "overgeslagen: pyproject.toml" in uitvoer
    assert "overgeslagen: package.json" in uitvoer

    # an invalid dossier: the commit is blocked, by that file only
    shutil.copy2(EXAMPLES / "fouten.toml", werk / "dossiers" / "fouten.toml")
    (werk / "pyproject.toml").write_text(
        (werk / "pyproject.toml").read_text("utf-8") + "\n# changed\n", "utf-8"
    )
    _git(werk, "add", "-A")
    fout = _git(werk, "commit", "-m", "ongeldig", check=False, env=env)
    uitvoer = fout.stdout + fout.stderr
    assert fout.returncode != 0, uitvoer
    assert "Failed" in uitvoer
    assert "== dossiers/fouten.toml" in uitvoer
    assert "SIG01" in uitvoer
    assert "overgeslagen: pyproject.toml" in uitvoer  # looked at, not blocking
    assert "1 bestanden: 0 geldig, 1 ongeldig" in uitvoer
    assert _git(werk, "log", "--format=%s").stdout.split() == ["geldig"]

    # a dossier named like an option is checked too, not taken for one
    _git(werk, "rm", "-q", "--cached", "dossiers/fouten.toml")
    (werk / "dossiers" / "fouten.toml").rename(werk / "dossiers" / "--x.toml")
    shutil.move(werk / "dossiers" / "--x.toml", werk / "--x.toml")
    _git(werk, "add", "--", "--x.toml")
    optie = _git(werk, "commit", "-m", "optie", check=False, env=env)
    assert optie.returncode != 0, optie.stdout + optie.stderr
    assert "== --x.toml" in optie.stdout + optie.stderr
