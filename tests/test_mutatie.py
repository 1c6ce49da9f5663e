"""The mutation-testing record (``benchmarks/mutatie.json``) and its table in the docs.

The measurements themselves take minutes per module and are made by
``python benchmarks/mutatie.py``; these tests check that what the docs say is what was
measured: the table is the script's output, every module under mutation testing is
measured and reaches the norm, and every surviving mutant is explained in
``docs/kwaliteit.md``.
"""

from __future__ import annotations

import pytest

from tests.conftest import benchmark_script

MUTATIE = benchmark_script("mutatie")
DATA = MUTATIE.lees()
#: measured modules below the norm, each with its reason and its work list in
#: docs/kwaliteit.md ("`MODULE` onder de norm"); their survivors are that work list
ONDER_DE_NORM: set[str] = set()
#: modules whose survivors are the next round's work list (docs/kwaliteit.md, "Werklijst")
WERKLIJST: set[str] = set()


def test_the_table_in_the_docs_is_generated_from_the_record() -> None:
    tekst = MUTATIE.DOCS.read_text("utf-8")
    begin = tekst.index(MUTATIE.BEGIN) + len(MUTATIE.BEGIN)
    assert tekst[begin : tekst.index(MUTATIE.EINDE)].strip() == MUTATIE.tabel(DATA)


def test_every_recorded_module_is_under_mutation_testing() -> None:
    assert set(DATA["modules"]) <= set(MUTATIE.modules())


@pytest.mark.parametrize("module", MUTATIE.modules())
def test_every_module_is_measured_and_reaches_the_norm(module: str) -> None:
    na = DATA["modules"].get(module, {}).get("na")
    assert na is not None, f"{module}: under only_mutate but not measured"
    gehaald = na["gedood"] * 100 >= MUTATIE.NORM * na["totaal"]
    assert gehaald is (module not in ONDER_DE_NORM)
    if not gehaald:
        assert f"`{module}` onder de norm" in MUTATIE.DOCS.read_text("utf-8")


@pytest.mark.parametrize("module", sorted(DATA["modules"]))
def test_every_survivor_is_explained(module: str) -> None:
    if module in WERKLIJST:
        assert f"`{module}`" in MUTATIE.DOCS.read_text("utf-8").split("Werklijst", 1)[1][:1500]
        pytest.skip(f"{module}: its survivors are the work list")
    na = DATA["modules"][module].get("na") or {}
    tekst = MUTATIE.DOCS.read_text("utf-8")
    uitleg = _opsomming(tekst)
    for naam in na.get("overlevenden") or ():
        assert any(f"`{naam}`" in r for r in uitleg), f"{naam} not explained in kwaliteit.md"


def _opsomming(tekst: str) -> list[str]:
    """The items of the Markdown lists that start with a name in backticks, each with its
    continuation lines (indented by two spaces) joined."""
    items: list[str] = []
    for regel in tekst.splitlines():
        if regel.startswith("- `"):
            items.append(regel)
        elif items and items[-1] and regel.startswith("  "):
            items[-1] += " " + regel.strip()
        elif items and not regel.strip():
            items.append("")  # a blank line ends the item
    return [i for i in items if i]


def test_percentages_are_written_the_dutch_way() -> None:
    assert MUTATIE.procent(1802, 1812) == "1.802/1.812 = 99,4 %"
    assert MUTATIE.procent(289, 289) == "289/289 = 100 %"
    assert MUTATIE.procent(0, 0) == "—"
