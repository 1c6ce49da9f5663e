"""The adversarial benchmark (issue 17): hostile dossiers of each shape, every command.

``python benchmarks/vijandig.py [--bewaar] [--tot 5242880] [--herhaal 3] [--vormen …]``

For each *shape* the script builds TOML dossiers that double in size up to ``--tot``
(default: just under the 5 MiB limit of :data:`alvrules.grenzen.MAX_GROOTTE`), runs every
dossier command on them in a fresh interpreter, ``--herhaal`` times, and reports per shape
and size the CPU time (user + system) and wall time of the slowest command, the peak memory
(maximum resident set of any run) and the output size. Per command the run with the least
CPU time counts, and the growth per doubling is fitted over all sizes of a shape: other
jobs on the machine then do not pass for growth.

Not a test: it prints the tables of docs/kwaliteit.md; ``--bewaar`` records the run in
``benchmarks/vijandig.json`` and rewrites those tables (``--tabel``: only rewrite them from
the record; ``tests/test_vijandig_benchmark.py`` checks they match). It exits 1 when a
shape exceeds the budget (:data:`BUDGET_S` of CPU time or wall clock, :data:`BUDGET_MB`)
or grows faster than :data:`MAX_GROEI` per doubling.

Shapes: deep (dotted) keys up to the segment limit, many items (motions), one long
string, long texts with repetitive patterns (a proposal text ``aaaa…`` with anchors that
almost match), many amendments and changes on one proposal (overlapping deletions), many
bad references, many unknown municipality names, big vote tables.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from alvrules.grenzen import MAX_GROOTTE, MAX_SLEUTELDELEN

#: Per command on a file up to the size limit, on this 2-core machine shared by several jobs
#: (a real dossier of < 100 kB takes well under a second).
BUDGET_S = 120.0
BUDGET_MB = 1024.0
#: Largest allowed growth of time per doubling of the input (2.0 is linear), fitted over
#: all sizes of a shape.
MAX_GROEI = 2.6

ROOT = Path(__file__).resolve().parent.parent
#: the last recorded run (``--bewaar``), from which the table in the docs is generated
DATA = ROOT / "benchmarks" / "vijandig.json"
DOCS = ROOT / "docs" / "kwaliteit.md"
BEGIN = "<!-- vijandig-tabel: gegenereerd door benchmarks/vijandig.py, niet met de hand -->"
EINDE = "<!-- /vijandig-tabel -->"

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


def meet_vorm(vorm: str, dossier: str, tmp: str, herhaal: int) -> dict[str, Any]:
    """Every command on the ``dossier`` text of shape ``vorm``, ``herhaal`` runs each:
    the slowest command (by the least CPU time of its runs), the largest memory of any run,
    the exit code of each command."""
    pad = Path(tmp, f"{vorm}.toml")
    pad.write_text(dossier, encoding="utf-8")
    beste: list[tuple[Meting, str]] = []
    mb = 0.0
    for opdracht in OPDRACHTEN:
        runs = [meet([opdracht[0], str(pad), *opdracht[1:]]) for _ in range(herhaal)]
        beste.append((min(runs, key=lambda m: m.cpu), " ".join(opdracht)))
        mb = max(mb, *(m.mb for m in runs))
    traagst, welke = max(beste, key=lambda b: b[0].cpu)
    return {
        "vorm": vorm,
        "grootte": pad.stat().st_size,
        "cpu_s": round(traagst.cpu, 2),
        "wand_s": round(traagst.wand, 2),
        "mb": round(mb),
        "uitvoer": traagst.uitvoer,
        "traagst": welke,
        "exitcodes": "/".join(str(m.code) for m, _ in beste),
    }


def groei(rijen: list[dict[str, Any]], basis: float) -> float:
    """Growth per doubling of the size of the CPU time above ``basis`` (the start-up, the
    time of a dossier with only its header), fitted over all sizes of one shape by least
    squares on log-log: one noisy measurement cannot make or hide growth."""
    xs = [math.log2(r["grootte"]) for r in rijen]
    ys = [math.log2(max(r["cpu_s"] - basis, 0.01)) for r in rijen]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    helling = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return float(2**helling)


def beoordeel(data: dict[str, Any]) -> dict[str, list[str]]:
    """Per shape, what is wrong with it: over budget, or growing faster than linear."""
    uit: dict[str, list[str]] = {}
    for vorm, rijen in _per_vorm(data).items():
        fout = uit.setdefault(vorm, [])
        for r in rijen:
            if max(r["cpu_s"], r["wand_s"]) > BUDGET_S or r["mb"] > BUDGET_MB:
                fout.append(f"over budget bij {r['grootte']} bytes")
        keer = groei(rijen, data["basis_s"]) if len(rijen) > 1 else 1.0
        if rijen[-1]["cpu_s"] > 2 * data["basis_s"] and keer > MAX_GROEI:
            fout.append(f"groei ×{keer:.2f} per verdubbeling")
    return uit


def _per_vorm(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    per: dict[str, list[dict[str, Any]]] = {}
    for r in data["rijen"]:
        per.setdefault(r["vorm"], []).append(r)
    return per


def _nl(x: float, decimalen: int = 0) -> str:
    """A number the Dutch way: ``12.345,67``."""
    return f"{x:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def tabel(data: dict[str, Any]) -> str:
    """The tables of docs/kwaliteit.md: a summary per shape, then every measurement."""
    regels = [
        f"Gemeten op {data['datum']}, commit `{data['commit']}`, {data['herhaal']} runs per "
        f"opdracht; load average {_nl(data['load'][0], 1)} bij de start en "
        f"{_nl(data['load'][1], 1)} aan het eind. Opstarten (een dossier met alleen de kop): "
        f"{_nl(data['basis_s'], 2)} s CPU; de groei is die van de tijd daarboven.",
        "",
        "| vorm | grootste bestand | CPU-tijd | piekgeheugen | uitvoer "
        "| groei per verdubbeling (fit) | binnen budget |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    oordeel = beoordeel(data)
    for vorm, rijen in _per_vorm(data).items():
        r = rijen[-1]
        regels.append(
            f"| `{vorm}` | {_nl(r['grootte'] / 1024)} kB | {_nl(r['cpu_s'], 2)} s | "
            f"{_nl(max(x['mb'] for x in rijen))} MB | {_nl(r['uitvoer'] / 1024)} kB | "
            f"×{_nl(groei(rijen, data['basis_s']), 2)} | {'nee' if oordeel[vorm] else 'ja'} |"
        )
    regels += [
        "",
        "| vorm | grootte | CPU-tijd (traagste opdracht) | wandklok | piekgeheugen | uitvoer "
        "| exitcodes¹ | groei per verdubbeling |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for rijen in _per_vorm(data).values():
        vorige = None
        for r in rijen:
            keer = "×" + _nl(r["cpu_s"] / vorige, 2) if vorige else "—"
            vorige = r["cpu_s"]
            regels.append(
                f"| `{r['vorm']}` | {_nl(r['grootte'] / 1024)} kB | {_nl(r['cpu_s'], 2)} s | "
                f"{_nl(r['wand_s'], 2)} s | {_nl(r['mb'])} MB | {_nl(r['uitvoer'] / 1024)} kB "
                f"| {r['exitcodes']} | {keer} |"
            )
    return "\n".join(regels)


def lees() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text("utf-8"))
    return data


def werk_docs_bij(data: dict[str, Any]) -> None:
    tekst = DOCS.read_text("utf-8")
    begin, einde = tekst.index(BEGIN) + len(BEGIN), tekst.index(EINDE)
    DOCS.write_text(tekst[:begin] + "\n" + tabel(data) + "\n" + tekst[einde:], encoding="utf-8")


def _commit() -> str:
    uit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return uit.stdout.strip() or "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tot", type=int, default=MAX_GROOTTE - 1024, help="largest size, bytes")
    ap.add_argument("--stappen", type=int, default=5, help="number of doublings measured")
    ap.add_argument("--vormen", default=",".join(VORMEN), help="comma-separated shapes")
    ap.add_argument("--herhaal", type=int, default=3, help="runs per command (least CPU counts)")
    ap.add_argument(
        "--bewaar", action="store_true", help=f"record in {DATA.name} and rewrite the docs table"
    )
    ap.add_argument("--tabel", action="store_true", help="only rewrite the docs table")
    args = ap.parse_args()
    if args.tabel:
        werk_docs_bij(lees())
        return 0
    groottes = [args.tot >> k for k in reversed(range(args.stappen))]
    data: dict[str, Any] = {
        "datum": datetime.now(UTC).date().isoformat(),
        "commit": _commit(),
        "herhaal": args.herhaal,
        "load": [os.getloadavg()[0]],
        "basis_s": 0.0,
        "rijen": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        data["basis_s"] = meet_vorm("kop", KOP, tmp, args.herhaal)["cpu_s"]
        for vorm in args.vormen.split(","):
            for grootte in groottes:
                r = meet_vorm(vorm, VORMEN[vorm](grootte), tmp, args.herhaal)
                data["rijen"].append(r)
                print(
                    f"{vorm:22} {r['grootte'] / 1024:8.0f} kB {r['cpu_s']:7.2f} s CPU "
                    f"{r['wand_s']:7.2f} s {r['mb']:7.0f} MB {r['uitvoer'] / 1024:9.0f} kB  "
                    f"exit {r['exitcodes']}  (traagst: {r['traagst']})",
                    flush=True,
                )
    data["load"].append(os.getloadavg()[0])
    print(tabel(data))
    if args.bewaar:
        DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        werk_docs_bij(data)
    fouten = {v: f for v, f in beoordeel(data).items() if f}
    for vorm, f in fouten.items():
        print(f"  {vorm}: {'; '.join(f)}", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
