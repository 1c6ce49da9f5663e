"""The adversarial benchmark (issue 17): hostile dossiers of each shape, every command.

``python benchmarks/vijandig.py [--tot 5242880] [--herhaal 3] [--vormen diepe_sleutels,…]``

For each *shape* the script builds TOML dossiers that double in size up to ``--tot``
(default: just under the 5 MiB limit of :data:`alvrules.grenzen.MAX_GROOTTE`), runs every
dossier command on them in a fresh interpreter (``--herhaal`` times, keeping the shortest
time, so that another job on the machine does not pass for growth), and reports per shape
and size the wall time, the peak memory (maximum resident set of the process) and the output
size of the slowest command, with the growth factor per doubling. Not a test: it prints a
table (in Markdown with ``--markdown``, as in docs/kwaliteit.md) and exits 1 when a shape
exceeds the budget (:data:`BUDGET_S`, :data:`BUDGET_MB`) or grows faster than
:data:`MAX_GROEI` per doubling between the two largest sizes.

Shapes: deep (dotted) keys up to the segment limit, many items (motions), one long
string, long texts with repetitive patterns (a proposal text ``aaaa…`` with anchors that
almost match), many amendments and changes on one proposal (overlapping deletions), many
bad references, many unknown municipality names, big vote tables.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from alvrules.grenzen import MAX_GROOTTE, MAX_SLEUTELDELEN

#: Per command on a file up to the size limit, on this 2-core machine shared by several jobs
#: (a real dossier of < 100 kB takes well under a second).
BUDGET_S = 120.0
BUDGET_MB = 1024.0
#: Largest allowed growth of time per doubling of the input (2.0 is linear).
MAX_GROEI = 2.6

OPDRACHTEN: list[list[str]] = [
    ["controleer"],
    ["controleer", "--format", "json"],
    ["uitslag", "--format", "csv"],
    ["verantwoording", "--format", "markdown"],
]

KOP = """[vergadering]
naam = "Vijandige ALV"
datum = 2023-12-01
aanvang = 13:00:00
sluitingstijd = 13:00:00

[[agendapunten]]
id = "7"
titel = "Voorstel"
soort = "besluitvorming"
amendeerbaar = true
"""

MOTIE = """
[[moties]]
id = "M{i}"
titel = "Motie {i}"
agendapunt = "7"
indieners = ["Utrecht"]
ingediend = 2023-11-20T12:00:00+01:00
oproep = ["roept het bestuur op iets te doen"]
ondertekening = [{{naam = "Sharon Dijksma", rol = "burgemeester", gemeente = "Utrecht"}}]
"""


def _vul(kop: str, stuk: Callable[[int], str], grootte: int) -> str:
    delen, n, i = [kop], len(kop), 0
    while True:
        s = stuk(i)
        if n + len(s) > grootte:
            return "".join(delen)
        delen.append(s)
        n, i = n + len(s), i + 1


def diepe_sleutels(grootte: int) -> str:
    """Dotted keys of the maximum number of segments, many of them (in one table)."""
    delen = ".".join(["d"] * (MAX_SLEUTELDELEN - 1))
    return _vul(KOP + "\n[extra]\n", lambda i: f"k{i}.{delen} = 1\n", grootte)


def veel_items(grootte: int) -> str:
    return _vul(KOP, lambda i: MOTIE.format(i=i), grootte)


def lange_tekst(grootte: int) -> str:
    return KOP.replace('titel = "Voorstel"', 'titel = "' + "x" * (grootte - len(KOP)) + '"')


def herhalende_tekst(grootte: int) -> str:
    """A proposal text ``aaaa…`` and amendments whose anchors almost match everywhere."""
    tekst_lengte = grootte // 2
    kop = KOP + f'tekst = "{"a" * tekst_lengte}"\n'

    def amendement(i: int) -> str:
        anker = "a" * (10 + i % 50) + "b"  # occurs nowhere, matches almost everywhere
        return (
            f'\n[[amendementen]]\nid = "A{i}"\nagendapunt = "7"\nindieners = ["Utrecht"]\n'
            f'wijzigingen = [{{schrappen = "{anker}"}}, {{schrappen = "aaaa"}}]\n'
        )

    return _vul(kop, amendement, grootte)


def veel_amendementen(grootte: int) -> str:
    """Many amendments with many changes that all delete overlapping text."""
    zinnen = " ".join(f"zin{j:05d}." for j in range(2000))
    kop = KOP + f'tekst = "{zinnen}"\n'

    def amendement(i: int) -> str:
        wijzigingen = ", ".join(
            f'{{schrappen = "zin{(i + k) % 2000:05d}. zin{(i + k + 1) % 2000:05d}."}}'
            for k in range(8)
        )
        return (
            f'\n[[amendementen]]\nid = "A{i}"\nagendapunt = "7"\nindieners = ["Utrecht"]\n'
            f"wijzigingen = [{wijzigingen}]\n"
        )

    return _vul(kop, amendement, grootte)


def slechte_verwijzingen(grootte: int) -> str:
    """Stemmingen, motions and amendments naming items that do not exist."""

    def stuk(i: int) -> str:
        return (
            f'\n[[stemmingen]]\nid = "S{i}"\nvoorstellen = ["X{i}", "Y{i}"]\nbetreft = "Z{i}"\n'
            f'\n[[amendementen]]\nid = "A{i}"\nagendapunt = "P{i}"\nindieners = ["Utrecht"]\n'
            f'wijzigingen = [{{schrappen = "x"}}]\n'
        )

    return _vul(KOP, stuk, grootte)


def onbekende_namen(grootte: int) -> str:
    """Motions whose submitters and signatures name municipalities that do not exist."""

    def stuk(i: int) -> str:
        namen = ", ".join(f'"Nergenshuizen{i}-{k}"' for k in range(20))
        return (
            f'\n[[moties]]\nid = "M{i}"\nagendapunt = "7"\nindieners = [{namen}]\n'
            f'ondertekening = [{{naam = "Jan {i}", rol = "burgemeester", '
            f'gemeente = "Onbekendorp{i}"}}]\n'
        )

    return _vul(KOP, stuk, grootte)


def grote_stemmingen(grootte: int) -> str:
    """Many votes, each with a ballot for many (mostly unknown) members."""

    def stuk(i: int) -> str:
        stemmen = "\n".join(f'"Gemeente{i}x{k}" = "voor"' for k in range(40))
        kop = f'\n[[stemmingen]]\nid = "S{i}"\nvoorstellen = ["M0"]\n'
        return f"{kop}[stemmingen.stemmen]\n{stemmen}\n"

    return _vul(KOP + MOTIE.format(i=0), stuk, grootte)


VORMEN: dict[str, Callable[[int], str]] = {
    f.__name__: f
    for f in (
        diepe_sleutels,
        veel_items,
        lange_tekst,
        herhalende_tekst,
        veel_amendementen,
        slechte_verwijzingen,
        onbekende_namen,
        grote_stemmingen,
    )
}


def meet(argv: list[str]) -> tuple[float, float, int, int]:
    """Run ``alvrules`` with ``argv``: (seconds, peak MB, output bytes, exit code)."""
    with tempfile.TemporaryFile() as uit:
        begin = time.perf_counter()
        p = subprocess.Popen(
            [sys.executable, "-m", "alvrules", *argv], stdout=uit, stderr=subprocess.STDOUT
        )
        _, status, gebruik = os.wait4(p.pid, 0)
        duur = time.perf_counter() - begin
        p.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0, os.SEEK_END)
        return duur, gebruik.ru_maxrss / 1024, uit.tell(), p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tot", type=int, default=MAX_GROOTTE - 1024, help="largest size, bytes")
    ap.add_argument("--stappen", type=int, default=5, help="number of doublings measured")
    ap.add_argument("--vormen", default=",".join(VORMEN), help="comma-separated shapes")
    ap.add_argument("--herhaal", type=int, default=3, help="runs per command (shortest counts)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = ap.parse_args()
    groottes = [args.tot >> k for k in reversed(range(args.stappen))]
    rijen: list[tuple[str, int, float, float, int, str, float | None]] = []
    goed = True
    with tempfile.TemporaryDirectory() as tmp:
        for vorm in args.vormen.split(","):
            vorige: float | None = None
            for grootte in groottes:
                pad = Path(tmp, f"{vorm}.toml")
                pad.write_text(VORMEN[vorm](grootte), encoding="utf-8")
                metingen = []
                for opdracht in OPDRACHTEN:
                    argv = [opdracht[0], str(pad), *opdracht[1:]]
                    runs = [meet(argv) for _ in range(args.herhaal)]
                    duur, mb = min(r[0] for r in runs), max(r[1] for r in runs)
                    _, _, uitvoer, code = runs[-1]
                    metingen.append((duur, mb, uitvoer, code, " ".join(opdracht)))
                duur, _, uitvoer, code, welke = max(metingen)
                mb = max(m[1] for m in metingen)
                codes = "/".join(str(m[3]) for m in metingen)
                groei = duur / vorige if vorige else None
                vorige = duur
                rijen.append((vorm, pad.stat().st_size, duur, mb, uitvoer, codes, groei))
                regel = (
                    f"{vorm:22} {pad.stat().st_size / 1024:8.0f} kB {duur:7.2f} s "
                    f"{mb:7.0f} MB {uitvoer / 1024:9.0f} kB  exit {codes}  "
                    f"{'×' + format(groei, '.2f') if groei else '':>6}  (traagst: {welke})"
                )
                print(regel, flush=True)
                if duur > BUDGET_S or mb > BUDGET_MB:
                    goed = False
                    print(f"  OVER BUDGET: {vorm}", file=sys.stderr)
            laatste = rijen[-1][6]
            if laatste is not None and laatste > MAX_GROEI and rijen[-1][2] > 0.5:
                goed = False
                print(f"  GROEI te groot: {vorm} ×{laatste:.2f}", file=sys.stderr)
    if args.markdown:
        print(
            "| vorm | grootte | tijd (traagste opdracht) | piekgeheugen | uitvoer | exitcodes "
            "| groei per verdubbeling |"
        )
        print("|---|---:|---:|---:|---:|---|---:|")
        for vorm, grootte, duur, mb, uitvoer, codes, groei in rijen:
            keer = "×" + format(groei, ".2f") if groei else "—"
            print(
                f"| `{vorm}` | {grootte / 1024:.0f} kB | {duur:.2f} s | {mb:.0f} MB | "
                f"{uitvoer / 1024:.0f} kB | {codes} | {keer} |"
            )
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
