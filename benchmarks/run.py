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
import random
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

#: (what, measured value, target: the value must be at most this; None: information only)
Meting = tuple[str, float, float | None]


def _koud(argv: Sequence[str]) -> float:
    """Wall time of one fresh interpreter running ``argv`` (stdout discarded)."""
    begin = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    return time.perf_counter() - begin


_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def opstart(herhalingen: int) -> list[Meting]:
    """Median cold start of the CLI against the bare imports, runs interleaved."""
    script = Path(PYTHON).with_name("alvrules")  # the console script of this environment
    opdrachten = {
        "python -m alvrules termijnen 2023-12-01": [
            PYTHON,
            "-m",
            "alvrules",
            "termijnen",
            "2023-12-01",
        ],
        "alvrules termijnen 2023-12-01 (script)": [str(script), "termijnen", "2023-12-01"],
        "python -c 'import attrs, holidays'": [PYTHON, "-c", "import attrs, holidays"],
        "python -c 'pass'": [PYTHON, "-c", "pass"],
    }
    if not script.exists():
        del opdrachten["alvrules termijnen 2023-12-01 (script)"]
    for argv in opdrachten.values():  # warm the file cache and the bytecode
        _koud(argv)
    tijden: dict[str, list[float]] = {wat: [] for wat in opdrachten}
    for _ in range(herhalingen):  # interleaved, so that load on the machine hits all alike
        for wat, argv in opdrachten.items():
            tijden[wat].append(_koud(argv))
    mediaan = {wat: statistics.median(t) for wat, t in tijden.items()}
    print(f"  median of {herhalingen} fresh processes each")
    for wat, t in mediaan.items():
        print(f"  {wat:42} {t * 1e3:7.1f} ms")
    kaal = mediaan["python -c 'import attrs, holidays'"]
    uit: list[Meting] = [
        (
            "opstart: python -m alvrules / import attrs, holidays",
            mediaan["python -m alvrules termijnen 2023-12-01"] / kaal,
            1.5,
        ),
    ]
    if script.exists():
        uit.append(
            (
                "opstart: alvrules script / import attrs, holidays",
                mediaan["alvrules termijnen 2023-12-01 (script)"] / kaal,
                1.5,
            )
        )
    return uit


def werkdagen(_herhalingen: int) -> list[Meting]:
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


def controleer(herhalingen: int) -> list[Meting]:
    """``controleer`` over 1,000 motions and 200 amendments: typed, from TOML and from JSON."""
    import tempfile  # noqa: PLC0415

    import groot_dossier  # noqa: PLC0415

    from alvrules.controle import controleer  # noqa: PLC0415
    from alvrules.laden import laad_dossier  # noqa: PLC0415

    data = groot_dossier.genereer(moties=1000, amendementen=200)
    dossier = groot_dossier.als_dossier(data)
    n = max(3, herhalingen // 8)
    uit = []
    with tempfile.TemporaryDirectory() as tmp:
        toml, jsn = Path(tmp, "groot.toml"), Path(tmp, "groot.json")
        toml.write_text(groot_dossier.als_toml(data), encoding="utf-8")
        jsn.write_text(groot_dossier.als_json(data), encoding="utf-8")
        assert laad_dossier(toml) == dossier == laad_dossier(jsn), "generators disagree"
        rapport = controleer(dossier)
        print(
            f"  {len(dossier.moties)} moties, {len(dossier.amendementen)} amendementen, "
            f"{len(dossier.vertegenwoordigers)} vertegenwoordigers: "
            f"{len(rapport.bevindingen)} bevindingen; TOML {toml.stat().st_size / 1e6:.2f} MB, "
            f"JSON {jsn.stat().st_size / 1e6:.2f} MB; best of {n}"
        )
        metingen = {
            "controleer(dossier), typed": lambda: controleer(dossier),
            "laad_dossier(.toml)": lambda: laad_dossier(toml),
            "laad_dossier(.toml) + controleer": lambda: controleer(laad_dossier(toml)),
            "laad_dossier(.json) + controleer": lambda: controleer(laad_dossier(jsn)),
        }
        for wat, f in metingen.items():
            t = beste(f, n)
            print(f"  {wat:40} {t * 1e3:8.1f} ms")
            if "controleer" in wat:
                uit.append((f"controleer: {wat} (s)", t, 1.0))
    return uit


def telling(herhalingen: int) -> list[Meting]:
    """342 members × 100 weighted votes, real 2023 weights: batch ``tel`` and ``LiveTelling``."""
    from alvrules.gewichten import stemgewichten  # noqa: PLC0415
    from alvrules.telling import LiveTelling, tel  # noqa: PLC0415

    sg = stemgewichten(date(2023, 12, 1))
    gewichten = {g.gemeente.code: g.stemmen for g in sg.gewichten}
    rnd = random.Random(2023)
    keuzes = ("voor", "voor", "voor", "tegen", "onthouding")
    stemmingen = [
        rnd.sample([(c, rnd.choice(keuzes)) for c in gewichten], len(gewichten)) for _ in range(100)
    ]
    print(f"  {len(gewichten)} leden, {sg.totaal} stemmen, {len(stemmingen)} stemmingen")

    def batch() -> None:
        for briefjes in stemmingen:
            tel(gewichten, briefjes)

    def live() -> None:
        for briefjes in stemmingen:
            t = LiveTelling(gewichten)
            for code, keuze in briefjes:
                t.stem(code, keuze)
            t.uitslag.uitkomst  # noqa: B018 - the result shown at the end

    def live_scherm() -> None:  # the screen reads the result after every ballot
        for briefjes in stemmingen:
            t = LiveTelling(gewichten)
            for code, keuze in briefjes:
                t.stem(code, keuze)
                t.uitslag.uitkomst  # noqa: B018

    for briefjes in stemmingen:  # same answers both ways
        lt = LiveTelling(gewichten)
        for code, keuze in briefjes:
            lt.stem(code, keuze)
        assert lt.uitslag == tel(gewichten, briefjes)
    uit = []
    for wat, f in {
        "batch: tel() × 100": batch,
        "live: LiveTelling, 34,200 stem() + uitslag": live,
        "live, uitslag read after every ballot": live_scherm,
    }.items():
        t = beste(f, max(5, herhalingen // 4))
        print(f"  {wat:44} {t * 1e3:8.2f} ms")
        uit.append((f"telling: {wat} (ms)", t * 1e3, 20.0 if "every" not in wat else None))
    return uit


ONDERDELEN: dict[str, Callable[[int], list[Meting]]] = {
    "werkdagen": werkdagen,
    "opstart": opstart,
    "controleer": controleer,
    "telling": telling,
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
        if doel is None:
            print(f"  {wat:58} {waarde:8.3f}  (no target)")
            continue
        ok = waarde <= doel
        gehaald &= ok
        print(f"  {wat:58} {waarde:8.3f}  target ≤ {doel:<6g} {'ok' if ok else 'MISSED'}")
    return 0 if gehaald else 1


if __name__ == "__main__":
    importlib.invalidate_caches()
    sys.exit(main())
