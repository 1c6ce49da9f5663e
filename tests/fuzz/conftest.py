"""The long fuzz profile: ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/fuzz``.

These tests are skipped unless the ``thorough`` profile is active (they take minutes); the
default run stays fast. At the end the run prints how many examples each test ran and how
they ended (see :data:`tests.fuzz.teller.TELLER`); a crash is a failing test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.fuzz.teller import TELLER, VOORBEELD

#: Also ``ALVRULES_FUZZ=1``: the same tests with the active (short) profile, as a smoke test.
ACTIEF = (
    os.environ.get("HYPOTHESIS_PROFILE") == "thorough" or os.environ.get("ALVRULES_FUZZ") == "1"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if ACTIEF:
        return
    overslaan = pytest.mark.skip(reason="long fuzz run: set HYPOTHESIS_PROFILE=thorough")
    for item in items:
        if "tests/fuzz/" in item.nodeid:
            item.add_marker(overslaan)


def pytest_runtest_logfinish(nodeid: str) -> None:
    """Keep the counts so far in ``.hypothesis/fuzz-voorbeelden.json`` (an interrupted
    run still reports what it did)."""
    if ACTIEF and "tests/fuzz/" in nodeid:
        pad = Path(".hypothesis") / "fuzz-voorbeelden.json"
        pad.parent.mkdir(exist_ok=True)
        pad.write_text(json.dumps(TELLER, indent=1, sort_keys=True), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TELLER:
        return
    schrijf = terminalreporter.write_line
    schrijf("")
    schrijf("fuzz: examples per test (outcomes of the loads and CLI runs in them)")
    for test, uitkomsten in sorted(TELLER.items()):
        delen = ", ".join(f"{k} {v}" for k, v in sorted(uitkomsten.items()) if k != VOORBEELD)
        schrijf(f"  {test:30} {uitkomsten[VOORBEELD]:7d}  ({delen})")
    schrijf(f"  {'total':30} {sum(u[VOORBEELD] for u in TELLER.values()):7d}")
