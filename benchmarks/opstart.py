"""Start-up and per-file cost of ``alvrules controleer`` (issue 26), measured side by side.

A pipeline pays the start-up of the tool once per run and the check of every further
dossier in the same process. This script measures CPU time (user + system of the process:
on a shared machine the wall clock mostly measures the other processes), interleaved in
one run so that whatever load there is hits both alike:

* **floor**: ``python -c "import attrs, cattrs"``, the floor issue 26 names (the runtime
  dependencies the check had then); since the loader reads the attrs types itself,
  ``import attrs`` alone is measured too (the one dependency the check still imports);
* **end to end**: the installed ``alvrules controleer examples/najaars-alv-2023.toml``
  (text output to ``/dev/null``), a fresh process each time;
* **each further dossier**: ``alvrules controleer`` with 1 and with 21 files (the example
  and ``examples/fouten.toml`` in turn) in one process: the difference per further file;
  and, as a check, the time of :func:`alvrules.cli.main` on those files in turn in one
  process that has already checked one dossier.

Bytecode: an installed package has its modules compiled (pip writes the ``.pyc`` files);
a shell with ``PYTHONDONTWRITEBYTECODE`` and an editable install compiles every module of
alvrules from source in every process (about 50 ms), while the floor's packages come
compiled from site-packages. The processes measured here therefore get a bytecode cache
of their own (``PYTHONPYCACHEPREFIX``, a temporary folder, so nothing is written into the
tree), warmed before measuring.

Goals (issue 26): end to end at most 1.5 x the floor; each further dossier at most 20 ms.
Usage: ``python benchmarks/opstart.py [--runs N] [--json benchmarks/opstart.json]
[--instructies]``; the result is a Markdown table (the one in docs/kwaliteit.md) and, with
``--json``, a record, with the load average at the start and the end. ``--instructies``
also counts the instructions of one process of each kind with valgrind (if installed): a
ratio that the load of a shared machine does not move.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "examples" / "najaars-alv-2023.toml"
FOUTEN = ROOT / "examples" / "fouten.toml"


def _alvrules() -> list[str]:
    """The installed command (beside this Python), else ``python -m alvrules``."""
    naast = Path(sys.executable).with_name("alvrules")
    return [str(naast)] if naast.is_file() else [sys.executable, "-m", "alvrules"]


def _cpu_kinderen() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


#: the environment of the processes measured: a bytecode cache of their own (see above)
_CACHE = tempfile.mkdtemp(prefix="alvrules-opstart-pyc-")
_MET_CACHE = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _CACHE,
}


def _duur(argv: list[str]) -> float:
    """CPU seconds of one fresh process running ``argv`` (exit 1, findings, is fine)."""
    begin = _cpu_kinderen()
    r = subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        env=_MET_CACHE,
    )
    if r.returncode not in (0, 1):
        raise RuntimeError(f"{argv}: exit {r.returncode}")
    return _cpu_kinderen() - begin


#: further files in the many-files run
VERDER = 20


def veel(runs: int) -> list[float]:
    """CPU seconds per further file: ``controleer`` on 1 + VERDER files minus on 1 file."""
    een = [*_alvrules(), "controleer", str(VOORBEELD)]
    bestanden = [str(FOUTEN if i % 2 == 0 else VOORBEELD) for i in range(VERDER)]
    alle = [*een, *bestanden]
    uit = []
    for _ in range(runs):
        uit.append((_duur(alle) - _duur(een)) / VERDER)
    return uit


def start(runs: int) -> dict[str, list[float]]:
    """``runs`` fresh processes of each kind, interleaved (seconds)."""
    if importlib.util.find_spec("cattrs") is None:
        raise SystemExit("the floor needs cattrs: pip install -e '.[bench]'")
    vloer = [sys.executable, "-c", "import attrs, cattrs"]
    controleer = [*_alvrules(), "controleer", str(VOORBEELD)]
    alleen_attrs = [sys.executable, "-c", "import attrs"]
    uit: dict[str, list[float]] = {
        "vloer": [],
        "attrs": [],
        "controleer": [],
    }
    _duur(vloer), _duur(alleen_attrs), _duur(controleer)  # warm the file and bytecode caches
    for _ in range(runs):
        uit["vloer"].append(_duur(vloer))
        uit["attrs"].append(_duur(alleen_attrs))
        uit["controleer"].append(_duur(controleer))
    return uit


def verder(runs: int) -> list[float]:
    """Seconds per further dossier in one process (after a first check)."""
    from alvrules.cli import main  # noqa: PLC0415 - measured after start-up

    def een(pad: Path) -> float:
        begin = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):
            main(["controleer", str(pad)])
        return time.process_time() - begin

    een(VOORBEELD)  # the first one pays the imports and the loader's converter
    return [een(VOORBEELD if i % 2 == 0 else FOUTEN) for i in range(runs)]


def _instructies(argv: list[str]) -> int | None:
    """The instructions one process of ``argv`` executes, counted by valgrind's cachegrind
    (``None`` without valgrind): unlike time, the count does not depend on what else the
    machine does, so the ratio is the same on a busy shared machine and on an idle one."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    _duur(argv)  # the bytecode cache warm
    r = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=_MET_CACHE,
    )
    m = re.search(r"I\s+refs:\s+([\d,]+)", r.stderr)
    return int(m.group(1).replace(",", "")) if m else None


def instructies() -> dict[str, object]:
    """Instruction counts (millions) of the floor, ``import attrs`` and ``controleer``."""
    vloer = _instructies([sys.executable, "-c", "import attrs, cattrs"])
    alleen_attrs = _instructies([sys.executable, "-c", "import attrs"])
    controleer = _instructies([*_alvrules(), "controleer", str(VOORBEELD)])
    if vloer is None or alleen_attrs is None or controleer is None:
        return {}
    return {
        "vloer_instructies_m": round(vloer / 1e6, 1),
        "attrs_instructies_m": round(alleen_attrs / 1e6, 1),
        "controleer_instructies_m": round(controleer / 1e6, 1),
        "verhouding_instructies": round(controleer / vloer, 2),
    }


def meet(runs: int) -> dict[str, object]:
    load_voor = os.getloadavg()[0]
    s = start(runs)
    v = verder(runs * 2)
    m = veel(runs)
    load_na = os.getloadavg()[0]
    vloer, controleer = statistics.median(s["vloer"]), statistics.median(s["controleer"])
    return {
        "runs": runs,
        "python": platform.python_version(),
        "cpu": os.cpu_count(),
        "load_voor": round(load_voor, 2),
        "load_na": round(load_na, 2),
        "vloer_ms": round(vloer * 1000, 1),
        "controleer_ms": round(controleer * 1000, 1),
        "verhouding": round(controleer / vloer, 2),
        "attrs_ms": round(statistics.median(s["attrs"]) * 1000, 1),
        "verhouding_attrs": round(controleer / statistics.median(s["attrs"]), 2),
        "verder_ms": round(statistics.median(v) * 1000, 1),
        "verder_max_ms": round(max(v) * 1000, 1),
        "verder_cli_ms": round(statistics.median(m) * 1000, 1),
        "vloer_min_ms": round(min(s["vloer"]) * 1000, 1),
        "controleer_min_ms": round(min(s["controleer"]) * 1000, 1),
        "verhouding_min": round(min(s["controleer"]) / min(s["vloer"]), 2),
    }


def tabel(r: dict[str, object]) -> str:
    return "\n".join(
        [
            "| meting | mediaan | snelste | doel |",
            "|---|---|---|---|",
            f'| `python -c "import attrs, cattrs"` (vloer) | {r["vloer_ms"]} ms '
            f"| {r['vloer_min_ms']} ms | |",
            f"| `alvrules controleer` van het voorbeeld, eigen proces | {r['controleer_ms']} ms "
            f"| {r['controleer_min_ms']} ms | |",
            f"| verhouding | {r['verhouding']} × | {r['verhouding_min']} × | ≤ 1,5 × |",
            f'| `python -c "import attrs"`, de enige afhankelijkheid die de controle nog '
            f"importeert | {r['attrs_ms']} ms (controle: {r['verhouding_attrs']} ×) | | |",
            f"| elk volgend dossier: `controleer` met 1 + {VERDER} bestanden | "
            f"{r['verder_cli_ms']} ms | | ≤ 20 ms |",
            f"| elk volgend dossier in hetzelfde proces (`main`) | {r['verder_ms']} ms "
            f"| (hoogste {r['verder_max_ms']} ms) | ≤ 20 ms |",
            *(
                [
                    f"| instructies (valgrind): vloer {r['vloer_instructies_m']} M, "
                    f"`import attrs` {r['attrs_instructies_m']} M, `controleer` "
                    f"{r['controleer_instructies_m']} M | {r['verhouding_instructies']} × | | |"
                ]
                if "verhouding_instructies" in r
                else []
            ),
            f"| load average bij begin en eind | {r['load_voor']} en {r['load_na']} | | |",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--json", type=Path)
    p.add_argument("--instructies", action="store_true", help="also count instructions (valgrind)")
    args = p.parse_args(argv)
    r = meet(args.runs)
    if args.instructies:
        r.update(instructies())
    print(tabel(r))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
