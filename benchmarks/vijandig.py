"""The adversarial benchmark (issue 17): hostile dossiers of each shape, every command.

``python benchmarks/vijandig.py [--tot 5242880] [--herhaal 3] [--vormen diepe_sleutels,…]``

For each *shape* the script builds TOML dossiers that double in size up to ``--tot``
(default: just under the 5 MiB limit of :data:`alvrules.grenzen.MAX_GROOTTE`), runs every
dossier command on them in a fresh interpreter, ``--herhaal`` times, and reports per shape
and size the CPU time (user + system) and wall time of the slowest command, the peak memory
(maximum resident set of any run) and the output size, with the growth factor of the CPU
time per doubling. Per command the run with the least CPU time counts: CPU time, unlike the
wall clock, hardly changes when other jobs share the machine, so their load does not pass
for growth. Not a test: it prints a table (in Markdown with ``--markdown``, the table of
docs/kwaliteit.md) and exits 1 when a shape exceeds the budget (:data:`BUDGET_S` of CPU
time or wall clock, :data:`BUDGET_MB`) or grows faster than :data:`MAX_GROEI` per doubling
between the two largest sizes.

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
from typing import NamedTuple

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


class Meting(NamedTuple):
    """One run of one command: wall and CPU seconds, peak MB, output bytes, exit code."""

    wand: float
    cpu: float
    mb: float
    uitvoer: int
    code: int


def meet(argv: list[str]) -> Meting:
    """Run ``alvrules`` with ``argv`` in a fresh interpreter and measure it."""
    with tempfile.TemporaryFile() as uit:
        begin = time.perf_counter()
        p = subprocess.Popen(
            [sys.executable, "-m", "alvrules", *argv], stdout=uit, stderr=subprocess.STDOUT
        )
        _, status, gebruik = os.wait4(p.pid, 0)
        wand = time.perf_counter() - begin
        uit.seek(0, os.SEEK_END)
        return Meting(
            wand,
            gebruik.ru_utime + gebruik.ru_stime,
            gebruik.ru_maxrss / 1024,
            uit.tell(),
            os.waitstatus_to_exitcode(status),
        )


class Rij(NamedTuple):
    """One shape at one size: the slowest command (by CPU time) and the largest memory."""

    vorm: str
    grootte: int
    traagst: Meting
    welke: str
    mb: float
    codes: str
    groei: float | None


def meet_vorm(vorm: str, grootte: int, tmp: str, herhaal: int, vorige: Rij | None) -> Rij:
    """Every command on the ``vorm`` dossier of ``grootte`` bytes, ``herhaal`` runs each
    (the run with the least CPU time counts; memory is the largest of all runs)."""
    pad = Path(tmp, f"{vorm}.toml")
    pad.write_text(VORMEN[vorm](grootte), encoding="utf-8")
    beste: list[tuple[Meting, str]] = []
    mb = 0.0
    for opdracht in OPDRACHTEN:
        runs = [meet([opdracht[0], str(pad), *opdracht[1:]]) for _ in range(herhaal)]
        beste.append((min(runs, key=lambda m: m.cpu), " ".join(opdracht)))
        mb = max(mb, *(m.mb for m in runs))
    traagst, welke = max(beste, key=lambda b: b[0].cpu)
    groei = traagst.cpu / vorige.traagst.cpu if vorige else None
    codes = "/".join(str(m.code) for m, _ in beste)
    return Rij(vorm, pad.stat().st_size, traagst, welke, mb, codes, groei)


def _nl(x: float, decimalen: int = 0) -> str:
    """A number the Dutch way: ``12.345,67``."""
    return f"{x:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def markdown(rijen: list[Rij]) -> str:
    """The table of docs/kwaliteit.md."""
    regels = [
        "| vorm | grootte | CPU-tijd (traagste opdracht) | wandklok | piekgeheugen | uitvoer "
        "| exitcodes | groei per verdubbeling |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in rijen:
        keer = "×" + _nl(r.groei, 2) if r.groei else "—"
        regels.append(
            f"| `{r.vorm}` | {_nl(r.grootte / 1024)} kB | {_nl(r.traagst.cpu, 2)} s | "
            f"{_nl(r.traagst.wand, 2)} s | {_nl(r.mb)} MB | {_nl(r.traagst.uitvoer / 1024)} kB "
            f"| {r.codes} | {keer} |"
        )
    return "\n".join(regels)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tot", type=int, default=MAX_GROOTTE - 1024, help="largest size, bytes")
    ap.add_argument("--stappen", type=int, default=5, help="number of doublings measured")
    ap.add_argument("--vormen", default=",".join(VORMEN), help="comma-separated shapes")
    ap.add_argument("--herhaal", type=int, default=3, help="runs per command (least CPU counts)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = ap.parse_args()
    groottes = [args.tot >> k for k in reversed(range(args.stappen))]
    rijen: list[Rij] = []
    goed = True
    with tempfile.TemporaryDirectory() as tmp:
        for vorm in args.vormen.split(","):
            vorige: Rij | None = None
            for grootte in groottes:
                rij = vorige = meet_vorm(vorm, grootte, tmp, args.herhaal, vorige)
                rijen.append(rij)
                print(
                    f"{vorm:22} {rij.grootte / 1024:8.0f} kB {rij.traagst.cpu:7.2f} s CPU "
                    f"{rij.traagst.wand:7.2f} s {rij.mb:7.0f} MB "
                    f"{rij.traagst.uitvoer / 1024:9.0f} kB  exit {rij.codes}  "
                    f"{'×' + format(rij.groei, '.2f') if rij.groei else '':>6}  "
                    f"(traagst: {rij.welke})",
                    flush=True,
                )
                if rij.traagst.cpu > BUDGET_S or rij.traagst.wand > BUDGET_S or rij.mb > BUDGET_MB:
                    goed = False
                    print(f"  OVER BUDGET: {vorm}", file=sys.stderr)
            if vorige and vorige.groei and vorige.groei > MAX_GROEI and vorige.traagst.cpu > 0.5:
                goed = False
                print(f"  GROEI te groot: {vorm} ×{vorige.groei:.2f}", file=sys.stderr)
    if args.markdown:
        print(markdown(rijen))
    return 0 if goed else 1


if __name__ == "__main__":
    sys.exit(main())
