"""The adversarial benchmark's record (``benchmarks/vijandig.json``) and its tables in the docs.

The measurement itself takes the better part of an hour (``python benchmarks/vijandig.py
--bewaar``); these tests check that what docs/kwaliteit.md shows is what was measured:
every hostile shape through every command and format (the matrix, issue 25), up to the
size limit, within the budget, with near-linear growth and output within the linear
factor (issue 17).
"""

from __future__ import annotations

import pytest

from alvrules.grenzen import MAX_GROOTTE
from tests.conftest import benchmark_script

VIJANDIG = benchmark_script("vijandig")
DATA = VIJANDIG.lees()


def test_the_tables_in_the_docs_are_generated_from_the_record() -> None:
    tekst = VIJANDIG.DOCS.read_text("utf-8")
    begin = tekst.index(VIJANDIG.BEGIN) + len(VIJANDIG.BEGIN)
    assert tekst[begin : tekst.index(VIJANDIG.EINDE)].strip() == VIJANDIG.tabel(DATA)


def test_every_shape_is_measured_up_to_the_size_limit_in_every_cell() -> None:
    per_vorm = VIJANDIG._per_vorm(DATA)
    # a run on the shared machine may end before every shape: the table names the rest
    assert per_vorm
    assert set(per_vorm) <= set(VIJANDIG.VORMEN)
    niet = [v for v in VIJANDIG.VORMEN if v not in per_vorm]
    assert not niet or "Niet gemeten in deze run" in VIJANDIG.tabel(DATA)
    cellen = {VIJANDIG.cel(o) for o in VIJANDIG.OPDRACHTEN}
    for vorm, per_cel in per_vorm.items():
        assert set(per_cel) == cellen, vorm
        for rijen in per_cel.values():
            assert len(rijen) >= 2, vorm
            assert rijen[-1]["grootte"] >= 0.99 * MAX_GROOTTE, vorm
    assert DATA["herhaal"] >= 1


def test_the_matrix_is_every_dossier_command_with_every_format() -> None:
    from alvrules.cli import formaten

    assert [
        (c, f) for c in ("controleer", "uitslag", "verantwoording") for f in formaten(c)
    ] == VIJANDIG.OPDRACHTEN


def test_every_shape_is_within_budget_and_grows_near_linearly() -> None:
    assert {v: f for v, f in VIJANDIG.beoordeel(DATA).items() if f} == OPEN


#: What the recorded run found over budget, kept visible until it is fixed and measured
#: again. Empty since the SARIF results are streamed (commit 9322ea4, issue 25); the run
#: before it had SARIF of veel_agendapunten at 74x its input and 1.14 GB.
OPEN: dict[str, list[str]] = {}


def _rijen(tijden: list[float]) -> list[dict[str, float]]:
    return [{"grootte": 1000 * 2**i, "cpu_s": t} for i, t in enumerate(tijden)]


def _meting(tijden: list[float], **extra: float) -> dict[str, object]:
    return {
        "basis_s": 0.0,
        "rijen": [
            {
                **r,
                "vorm": "x",
                "opdracht": "uitslag csv",
                "wand_s": 1,
                "mb": 1,
                "uitvoer": 0,
                "code": 0,
                **extra,
            }
            for r in _rijen(tijden)
        ],
    }


def test_growth_is_fitted_over_all_sizes_above_the_start_up() -> None:
    lineair = _rijen([0.5 + 1, 0.5 + 2, 0.5 + 4, 0.5 + 8])
    assert VIJANDIG.groei(lineair, 0.5) == pytest.approx(2.0)
    assert VIJANDIG.groei(_rijen([1, 4, 16, 64]), 0.0) == pytest.approx(4.0)
    # one slow run in the middle moves the fit little; a quadratic shape is still caught
    assert VIJANDIG.groei(_rijen([1, 2, 6, 8, 16]), 0.0) < VIJANDIG.MAX_GROEI
    kwadratisch = _meting([1, 4, 16, 64])
    assert VIJANDIG.beoordeel(kwadratisch) == {"x": ["uitslag csv: groei ×4.00 per verdubbeling"]}


def test_output_beyond_the_linear_factor_and_stray_exit_codes_are_failures() -> None:
    meting = _meting([1, 2, 4, 8])
    for r in meting["rijen"]:  # type: ignore[attr-defined]
        r["uitvoer"] = VIJANDIG.max_uitvoer(r["grootte"])
    assert VIJANDIG.beoordeel(meting) == {"x": []}
    meting["rijen"][-1]["uitvoer"] += 1  # type: ignore[index]
    assert VIJANDIG.beoordeel(meting) == {
        "x": [f"uitslag csv: uitvoer {VIJANDIG.max_uitvoer(8000) + 1} bytes bij 8000 bytes"]
    }
    assert VIJANDIG.beoordeel(_meting([1, 2, 4, 8], code=-9))["x"] == [
        f"uitslag csv: afsluitcode -9 bij {1000 * 2**i} bytes" for i in range(4)
    ]


def test_numbers_are_written_the_dutch_way() -> None:
    assert VIJANDIG._nl(12345.678, 2) == "12.345,68"
    assert VIJANDIG._nl(5118.4) == "5.118"
