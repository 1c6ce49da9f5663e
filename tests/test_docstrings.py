"""The documented stable API: every public name has a docstring, its examples run, and the
API page shows every name of ``alvrules.__all__``."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import alvrules
from tests.conftest import ROOT

MODULES = sorted(
    m.name for m in pkgutil.iter_modules(alvrules.__path__) if not m.name.startswith("_")
)


def _zonder_docstring(naam: str, obj: Any) -> list[str]:
    """``naam`` and its public methods and properties that have no docstring of their own."""
    uit = []
    if not (inspect.getdoc(obj) or "").strip() or (inspect.isclass(obj) and obj.__doc__ is None):
        uit.append(naam)
    if inspect.isclass(obj):
        for lid, waarde in vars(obj).items():
            if lid.startswith("_"):
                continue
            functie = waarde.fget if isinstance(waarde, property) else waarde
            if isinstance(functie, classmethod | staticmethod):
                functie = functie.__func__
            if inspect.isfunction(functie) and not (functie.__doc__ or "").strip():
                uit.append(f"{naam}.{lid}")
    return uit


@pytest.mark.parametrize("naam", alvrules.__all__)
def test_every_name_of_the_stable_api_is_documented(naam: str) -> None:
    assert _zonder_docstring(naam, getattr(alvrules, naam)) == []


@pytest.mark.parametrize("module", MODULES)
def test_every_public_name_of_every_module_is_documented(module: str) -> None:
    mod = importlib.import_module(f"alvrules.{module}")
    assert (mod.__doc__ or "").strip(), f"alvrules.{module} zonder docstring"
    ontbrekend = [
        f"{module}.{x}"
        for naam in getattr(mod, "__all__", [])
        if getattr(getattr(mod, naam), "__module__", None) == mod.__name__
        for x in _zonder_docstring(naam, getattr(mod, naam))
    ]
    assert ontbrekend == []


def test_a_name_without_docstring_is_found() -> None:
    class Zonder:
        def methode(self) -> None:
            pass

    assert _zonder_docstring("Zonder", Zonder) == ["Zonder", "Zonder.methode"]


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write a file write it here
    mod = importlib.import_module(f"alvrules.{module}")
    uitslag = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert uitslag.failed == 0


def test_the_api_page_lists_the_stable_api_and_shows_its_modules() -> None:
    pagina = (ROOT / "docs" / "api.md").read_text("utf-8")
    sectie = pagina.split("## Stabiele API", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"`(\w+)`", sectie)) >= set(alvrules.__all__)
    getoond = set(re.findall(r"^::: (alvrules\.\w+)$", pagina, re.M))
    for naam in alvrules.__all__:
        assert getattr(alvrules, naam).__module__ in getoond, naam
