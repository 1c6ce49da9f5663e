"""Test configuration: Hypothesis profiles; every JSON output validated against its schema.

``default`` is fast enough for CI; ``thorough`` is for long runs by hand:
``HYPOTHESIS_PROFILE=thorough python -m pytest``; ``mutatie`` is for mutation testing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True, scope="session")
def _json_uitvoer_valideren() -> Iterator[None]:
    """Every JSON output the CLI writes in any test is validated against its schema."""
    from alvrules._cli import _uitvoer
    from tests.schemas import valideer

    _uitvoer.CONTROLE.append(valideer)
    yield
    _uitvoer.CONTROLE.remove(valideer)
