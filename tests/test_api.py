"""The top-level API: every exported name resolves, and importing the package stays lean."""

from __future__ import annotations

import subprocess
import sys

import pytest

import alvrules


@pytest.mark.parametrize("naam", alvrules.__all__)
def test_every_exported_name_resolves(naam: str) -> None:
    assert getattr(alvrules, naam) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        alvrules.bestaat_niet  # noqa: B018


def test_import_alvrules_loads_no_heavy_dependency() -> None:
    zwaar = "('holidays', 'cattrs', 'icalendar', 'attrs')"
    code = f"import sys, alvrules; print(','.join(m for m in {zwaar} if m in sys.modules))"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == ""
