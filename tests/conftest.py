"""Test configuration: Hypothesis profiles; every JSON output validated against its schema.

``default`` is fast enough for CI; ``thorough`` is for long runs by hand:
``HYPOTHESIS_PROFILE=thorough python -m pytest``; ``mutatie`` is for mutation testing.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Mutation testing (mutmut runs the suite once per mutant): few, reproducible examples.
settings.register_profile("mutatie", max_examples=5, deadline=None, derandomize=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)

#: A message without an English translation is an error in the tests, not a Dutch fallback
#: (alvrules.teksten); subprocesses (the installed CLI) inherit it.
os.environ["ALVRULES_ONVERTAALD"] = "fout"

ROOT = Path(__file__).resolve().parent.parent
#: the workplace's ``shared/`` (spec, seed, CBS figures, published schemas): beside the
#: checkout, or beside a directory above it (mutmut runs the tests from ``mutants/``)
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"
)
DATA = Path(__file__).resolve().parent / "data"


def shared_nodig(*delen: str) -> pytest.MarkDecorator:
    """Skip a test that reads ``shared/<delen>`` (the workplace's spec, seed, CBS sources and
    published schemas) when it is not beside or above the checkout (README: Tests)."""
    pad = SHARED.joinpath(*delen)
    return pytest.mark.skipif(
        not pad.exists(),
        reason=f"needs shared/{'/'.join(delen)} beside or above the checkout "
        "(the workplace's spec, seed, data and published schemas; see README, Tests)",
    )


def benchmark_script(naam: str) -> ModuleType:
    """The script ``benchmarks/<naam>.py`` as a module (the benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location(naam, ROOT / "benchmarks" / f"{naam}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(naam, module)
    spec.loader.exec_module(module)
    return module


EXAMPLES = ROOT / "examples"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built with ``--strict`` into a temporary directory (once per run).

    ``ALVRULES_SITE`` names a site already built from this checkout (CI builds it once).
    """
    if os.environ.get("ALVRULES_SITE"):
        return Path(os.environ["ALVRULES_SITE"])
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings_handlers.python")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    uit = tmp_path_factory.mktemp("site")
    with contextlib.chdir(ROOT):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(uit), strict=True))
    return uit


@pytest.fixture(autouse=True, scope="session")
def _json_uitvoer_valideren() -> Iterator[None]:
    """Every JSON output the CLI writes in any test is validated against its schema."""
    from alvrules._cli import _uitvoer
    from tests.schemas import valideer

    _uitvoer.CONTROLE.append(valideer)
    yield
    _uitvoer.CONTROLE.remove(valideer)


@pytest.fixture(autouse=True)
def _taal_van_de_opdrachtregel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks English when ``LANG=en*``: tests choose the language themselves."""
    monkeypatch.delenv("LANG", raising=False)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under mutmut, empty every cache of the package before a mutant's tests.

    mutmut runs the tests of each mutant in a process forked from the one that ran the whole
    suite once. Anything cached there (the calendar's tables, the register of
    municipalities, the CBS figures) was built by the unmutated code, so a mutant in the
    code that builds it would never run. Outside mutmut this does nothing.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    for naam, module in list(sys.modules.items()):
        if naam == "alvrules" or naam.startswith("alvrules."):
            for waarde in list(vars(module).values()):
                wis = getattr(waarde, "cache_clear", None)
                if callable(wis):
                    wis()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Under mutmut, forget the converters before each test.

    mutmut links a function to the tests during which it ran. The loader's readers (one
    per type) and the converter each field of a dossier type resolves on first use would be
    built once, by whichever test came first, so a mutant in the code that builds them would
    be tried against that one test only. Forgetting them before every test makes every test
    that reads a dossier or builds a type build them again (the other caches are cheap to
    keep and their builders have tests of their own).
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    laden = sys.modules.get("alvrules.laden")
    if laden is not None:
        laden._lezer.cache_clear()
    veld = getattr(sys.modules.get("alvrules.waarden"), "_Veld", None)
    if veld is None:
        return
    if not _VELDEN:  # the fields of the package's types, made once when it is imported
        _VELDEN.extend(ding for ding in gc.get_objects() if type(ding) is veld)
    for ding in _VELDEN:
        ding._omzetter = None


_VELDEN: list[Any] = []
