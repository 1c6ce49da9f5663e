"""All benchmarks of issue 8 in one run: ``python benchmarks/run.py`` (needs the ``bench`` extra).

Not a test: it prints measurements and the ratio to each target, measured side by side in the
same run on the same machine. Parts:

- ``werkdagen``: ``werkdagen_voor`` against ``numpy.busday_offset`` per scalar call
  (see ``bench_werkdagen.py``); target ratio ≤ 1.
- ``opstart``: CLI cold start ``alvrules termijnen 2023-12-01`` (a fresh interpreter each
  time) against ``python -c "import attrs, holidays"``; target ratio ≤ 1.5.
- ``controleer``: checking a generated dossier of 1,000 motions and 200 amendments, built
  in Python and loaded from a TOML file; target < 1 s.
- ``telling``: 342 members × 100 votes with the real 2023 weights, batch and live; target
  < 20 ms in all.

``python benchmarks/run.py opstart telling`` runs only the parts named.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

PYTHON = sys.executable


def _koud(argv: Sequence[str]) -> float:
    """Wall time of one fresh interpreter running ``argv`` (stdout discarded)."""
    begin = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    return time.perf_counter() - begin


_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def opstart(herhalingen: int) -> list[tuple[str, float, float]]:
    """Median cold start of the CLI against the bare imports, runs interleaved."""
    cli = [PYTHON, "-m", "alvrules", "termijnen", "2023-12-01"]
    kaal = [PYTHON, "-c", "import attrs, holidays"]
    leeg = [PYTHON, "-c", "pass"]
    for argv in (cli, kaal, leeg):  # warm the file cache and the bytecode
        _koud(argv)
    tijden: dict[str, list[float]] = {"cli": [], "kaal": [], "leeg": []}
    for _ in range(herhalingen):
        tijden["cli"].append(_koud(cli))
        tijden["kaal"].append(_koud(kaal))
        tijden["leeg"].append(_koud(leeg))
    t_cli, t_kaal, t_leeg = (statistics.median(tijden[k]) for k in ("cli", "kaal", "leeg"))
    print(f"  median of {herhalingen} fresh interpreters each")
    print(f"  python -m alvrules termijnen 2023-12-01  {t_cli * 1e3:7.1f} ms")
    print(f"  python -c 'import attrs, holidays'       {t_kaal * 1e3:7.1f} ms")
    print(f"  python -c 'pass'                         {t_leeg * 1e3:7.1f} ms")
    return [("opstart: CLI / import attrs, holidays", t_cli / t_kaal, 1.5)]


def werkdagen(_herhalingen: int) -> list[tuple[str, float, float]]:
    import bench_werkdagen  # noqa: PLC0415

    t_ons, t_np, _t_vec = bench_werkdagen.meet()
    return [("werkdagen: werkdagen_voor / numpy.busday_offset", t_ons / t_np, 1.0)]


def beste(f: Callable[[], object], herhalingen: int) -> float:
    """The best wall time of ``herhalingen`` calls of ``f`` (seconds)."""
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - begin)
    return min(tijden)


ONDERDELEN: dict[str, Callable[[int], list[tuple[str, float, float]]]] = {
    "werkdagen": werkdagen,
    "opstart": opstart,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("onderdelen", nargs="*", help=f"parts to run: {', '.join(ONDERDELEN)}")
    parser.add_argument("--herhalingen", type=int, default=41, help="runs per cold start")
    args = parser.parse_args(argv)
    gekozen = args.onderdelen or list(ONDERDELEN)
    if onbekend := set(gekozen) - set(ONDERDELEN):
        parser.error(f"unknown part(s): {', '.join(sorted(onbekend))}")
    print(
        f"alvrules benchmarks, {date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores"
    )
    resultaten = []
    for naam in gekozen:
        print(f"\n== {naam}")
        resultaten += ONDERDELEN[naam](args.herhalingen)
    print("\n== summary (ratio or seconds against target)")
    gehaald = True
    for wat, waarde, doel in resultaten:
        ok = waarde <= doel
        gehaald &= ok
        print(f"  {wat:58} {waarde:8.3f}  target ≤ {doel:<6g} {'ok' if ok else 'MISSED'}")
    return 0 if gehaald else 1


if __name__ == "__main__":
    importlib.invalidate_caches()
    sys.exit(main())
