"""The adversarial benchmark (issue 17): hostile dossiers of each shape, every command.

``python benchmarks/vijandig.py [--bewaar | --aanvullen] [--tot 5242880] [--herhaal 3]
[--vormen …]``

For each *shape* the script builds TOML dossiers that double in size up to ``--tot``
(default: just under the 5 MiB limit of :data:`alvrules.grenzen.MAX_GROOTTE`), runs every
dossier command on them in a fresh interpreter, ``--herhaal`` times, and reports per shape
and size the CPU time (user + system) and wall time of the slowest command, the peak memory
(maximum resident set of any run) and the output size. Per command the run with the least
CPU time counts, and the growth per doubling is fitted over all sizes of a shape: other
jobs on the machine then do not pass for growth.

Not a test: it prints the tables of docs/kwaliteit.md; ``--bewaar`` records the run in
``benchmarks/vijandig.json`` and rewrites those tables (``--tabel``: only rewrite them from
the record; ``tests/test_vijandig_benchmark.py`` checks they match; ``--aanvullen``: merge
the shapes measured now into the record, replacing only their cells, see :func:`aanvullen`).
It exits 1 when a
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

from alvrules.grenzen import MAX_GROOTTE, MAX_SLEUTELDELEN, UITVOER_FACTOR, UITVOER_VAST

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

#: Every command that reads a dossier, with every format it has (``alvrules.cli``):
#: the matrix each shape runs through. ``termijnen``, ``stemgewichten``, ``regels`` and
#: ``bevolking ophalen`` read no dossier (a date, a year, an id, a download).
OPDRACHTEN: list[tuple[str, str]] = [
    *(("controleer", f) for f in ("text", "json", "sarif", "github", "gitlab")),
    *(("uitslag", f) for f in ("text", "json", "csv", "html", "popolo")),
    *(("verantwoording", f) for f in ("text", "json", "markdown")),
]

#: Largest output of one command: :data:`UITVOER_FACTOR` times its input plus
#: :data:`UITVOER_VAST` bytes (``alvrules.grenzen``; docs/kwaliteit.md, "Vijandige benchmark").

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


STEMMER = """
[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "Sharon Dijksma"
rol = "burgemeester"
"""


def ordemotie_uitstel(grootte: int) -> str:
    """An adopted order motion with many proposals that postpones many later votes (each
    postponed vote named every proposal of the order motion: 414 kB gave 886 MB of JSON)."""
    n = grootte // 2 // 8
    ordes = ", ".join(f'"O{i}"' for i in range(n))
    kop = (
        KOP
        + STEMMER
        + '\n[[stemmingen]]\nid = "orde"\nsoort = "orde"\nbetreft = "7"\n'
        + f'voorstellen = [{ordes}]\nstemmen = {{Utrecht = "voor"}}\n'
    )
    return _vul(kop, lambda i: f'\n[[stemmingen]]\nid = "S{i}"\nvoorstellen = ["7"]\n', grootte)


def veel_agendapunten(grootte: int) -> str:
    """Many agenda items and many motions on an item that does not exist (MOT04 named every
    existing item in each finding: 1.35 MB gave a MemoryError)."""
    helft = KOP + "".join(
        f'\n[[agendapunten]]\nid = "P{i}"\ntitel = "Punt {i}"\nsoort = "bespreking"\n'
        for i in range(grootte // 2 // 56)
    )
    return _vul(helft, lambda i: f'\n[[moties]]\nid = "M{i}"\nagendapunt = "X{i}"\n', grootte)


def json_een_regel(grootte: int) -> str:
    """The shape of :func:`veel_agendapunten` as a JSON dossier on one line: every finding
    lies on line 1 (``controleer --format github`` on 5 MiB of it took 592 s CPU while the
    line locator rescanned the one line for every finding)."""
    kop = (
        '{"vergadering":{"naam":"Vijandige ALV","datum":"2023-12-01","aanvang":"13:00:00",'
        '"sluitingstijd":"13:00:00"},"agendapunten":[{"id":"7","titel":"Voorstel",'
        '"soort":"besluitvorming","amendeerbaar":true}'
    )
    helft = kop + "".join(
        f',{{"id":"P{i}","titel":"Punt {i}","soort":"bespreking"}}'
        for i in range(grootte // 2 // 50)
    )
    helft += '],"moties":[{"id":"M","agendapunt":"X"}'
    tekst = _vul(helft, lambda i: f',{{"id":"M{i}","agendapunt":"X{i}"}}', grootte - 2)
    return tekst + "]}"


def kale_moties(grootte: int) -> str:
    """A JSON dossier of bare motions (``{"id":"1"}``, about ten bytes and eight findings
    each): almost one finding per input byte (at 1.5 MB 83x to 306x its input, 1.3 GB) until
    a rule's findings were capped at :data:`alvrules.grenzen.MAX_BEVINDINGEN_PER_REGEL`."""
    kop = (
        '{"vergadering":{"naam":"Vijandige ALV","datum":"2023-12-01","aanvang":"13:00:00",'
        '"sluitingstijd":"13:00:00"},"moties":[{"id":"M"}'
    )
    return _vul(kop, lambda i: f',{{"id":"{i}"}}', grootte - 2) + "]}"


def kleine_stemmingen(grootte: int) -> str:
    """Many votes with one ballot each: every output that lists all members per vote (CSV
    470x, Popolo 3,300x its input) grows with the number of votes times members."""
    kop = KOP + MOTIE.format(i=0) + STEMMER
    return _vul(
        kop,
        lambda i: (
            f'\n[[stemmingen]]\nid = "S{i}"\nvoorstellen = ["M0"]\nstemmen = {{Utrecht = "voor"}}\n'
        ),
        grootte,
    )


def zelfde_schrapping(grootte: int) -> str:
    """Many amendments deleting the same words (17,000 of them: 1.13 GB of JSON, 2.24 GB
    peak for SARIF): pairwise AMD04 warnings."""
    kop = KOP + 'tekst = "Het bestuur doet iets. Het bestuur doet niets."\n'
    return _vul(
        kop,
        lambda i: (
            f'\n[[amendementen]]\nid = "A{i}"\nagendapunt = "7"\nindieners = ["Utrecht"]\n'
            'wijzigingen = [{schrappen = "doet iets"}]\n'
        ),
        grootte,
    )


def verkeerde_soort(grootte: int) -> str:
    """One list of 5 MiB of items of the wrong type (one error line; it cost 1.09 GB)."""
    n = (grootte - len(KOP) - 30) // 3
    return "notulencommissie = [" + "1, " * n + "1]\n" + KOP


#: A title, id or name that tries to forge report lines and hide itself: line feed, a
#: GitHub workflow command, tab, CR, an ANSI escape, invisible and default-ignorable marks.
VIES = "\\n::error::\\taangenomen\\r\\u001b[2J\\u200b\\u034f\\ufe0f\\u180b\\u17b4"


def vijandige_tekens(grootte: int) -> str:
    """Titles, ids and names full of line feeds, tabs, control and invisible characters
    (each text output must keep one record per line)."""
    kop = f'notulencommissie = ["{VIES}", "Jan", "Jan\\u200b", "\\uff2a\\uff41\\uff4e"]\n'
    kop += KOP + STEMMER

    def stuk(i: int) -> str:
        return (
            f'\n[[moties]]\nid = "M{i}{VIES}"\ntitel = "{VIES}{i}"\nagendapunt = "7"\n'
            f'indieners = ["Utrecht{VIES}"]\n'
            f'ondertekening = [{{naam = "{VIES}", rol = "burgemeester", gemeente = "Utrecht"}}]\n'
            f'\n[[stemmingen]]\nid = "S{i}{VIES}"\ntitel = "{VIES}"\n'
            f'voorstellen = ["M{i}{VIES}"]\nstemmen = {{Utrecht = "voor"}}\n'
        )

    return _vul(kop, stuk, grootte)


VORMEN: dict[str, Callable[[int], str]] = {
    f.__name__: f
    for f in (
        ordemotie_uitstel,
        veel_agendapunten,
        json_een_regel,
        kale_moties,
        kleine_stemmingen,
        zelfde_schrapping,
        vijandige_tekens,
        verkeerde_soort,
        onbekende_namen,
        grote_stemmingen,
        slechte_verwijzingen,
        veel_items,
        veel_amendementen,
        herhalende_tekst,
        lange_tekst,
        diepe_sleutels,
    )
}


#: The shapes written as JSON (the file name ends in ``.json``); the rest is TOML.
JSON_VORMEN = {"json_een_regel", "kale_moties"}


class Meting(NamedTuple):
    """One run of one command: wall and CPU seconds, peak MB, output bytes, exit code."""

    wand: float
    cpu: float
    mb: float
    uitvoer: int
    code: int


def _grenzen() -> None:
    """In the child: a runaway cell is stopped (CPU time, output size) instead of taking the
    shared machine; it then shows as a signal, not as an exit code 0-2."""
    import resource  # noqa: PLC0415 - POSIX only, like the benchmark

    resource.setrlimit(resource.RLIMIT_CPU, (int(2 * BUDGET_S), int(2 * BUDGET_S) + 5))
    groot = 4 << 30
    resource.setrlimit(resource.RLIMIT_FSIZE, (groot, groot))


def meet(argv: list[str]) -> Meting:
    """Run ``alvrules`` with ``argv`` in a fresh interpreter and measure it."""
    with tempfile.TemporaryFile() as uit:
        begin = time.perf_counter()
        p = subprocess.Popen(
            [sys.executable, "-m", "alvrules", *argv],
            stdout=uit,
            stderr=subprocess.STDOUT,
            preexec_fn=_grenzen,  # noqa: PLW1509 - the benchmark has no threads
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


def cel(opdracht: tuple[str, str]) -> str:
    """The name of a cell of the matrix: ``controleer json``."""
    return " ".join(opdracht)


def meet_vorm(vorm: str, dossier: str, tmp: str, herhaal: int) -> list[dict[str, Any]]:
    """Every command and format on the ``dossier`` text of shape ``vorm``, ``herhaal`` runs
    each: per cell the run with the least CPU time, the largest memory of its runs, its
    output and exit code."""
    pad = Path(tmp, f"{vorm}{'.json' if vorm in JSON_VORMEN else '.toml'}")
    pad.write_text(dossier, encoding="utf-8")
    grootte = pad.stat().st_size
    uit: list[dict[str, Any]] = []
    for opdracht in OPDRACHTEN:
        runs = [meet([opdracht[0], str(pad), "--format", opdracht[1]]) for _ in range(herhaal)]
        beste = min(runs, key=lambda m: m.cpu)
        uit.append(
            {
                "vorm": vorm,
                "grootte": grootte,
                "opdracht": cel(opdracht),
                "cpu_s": round(beste.cpu, 2),
                "wand_s": round(beste.wand, 2),
                "mb": round(max(m.mb for m in runs)),
                "uitvoer": beste.uitvoer,
                "code": beste.code,
            }
        )
    return uit


def groei(rijen: list[dict[str, Any]], basis: float) -> float:
    """Growth per doubling of the size of the CPU time above ``basis`` (the start-up, the
    time of a dossier with only its header), fitted over all sizes of one shape and cell by
    least squares on log-log: one noisy measurement cannot make or hide growth."""
    if len(rijen) < 2:
        return 1.0
    xs = [math.log2(r["grootte"]) for r in rijen]
    ys = [math.log2(max(r["cpu_s"] - basis, 0.01)) for r in rijen]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    helling = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return float(2**helling)


def max_uitvoer(grootte: int) -> int:
    """The largest output allowed for an input of ``grootte`` bytes."""
    return UITVOER_FACTOR * grootte + UITVOER_VAST


def beoordeel(data: dict[str, Any]) -> dict[str, list[str]]:
    """Per shape, what is wrong with it: a cell over budget (CPU time, memory), an output
    above the linear factor, a cell growing faster than linear, an exit code outside 0-2."""
    uit: dict[str, list[str]] = {}
    for vorm, cellen in _per_vorm(data).items():
        basis = meting_van(data, vorm)["basis_s"]
        fout = uit.setdefault(vorm, [])
        for naam, rijen in cellen.items():
            for r in rijen:
                if r["cpu_s"] > BUDGET_S or r["mb"] > BUDGET_MB:
                    fout.append(f"{naam}: over budget bij {r['grootte']} bytes")
                if r["uitvoer"] > max_uitvoer(r["grootte"]):
                    fout.append(f"{naam}: uitvoer {r['uitvoer']} bytes bij {r['grootte']} bytes")
                if r["code"] not in (0, 1, 2):
                    fout.append(f"{naam}: afsluitcode {r['code']} bij {r['grootte']} bytes")
            keer = groei(rijen, basis)
            if rijen[-1]["cpu_s"] > 2 * basis and keer > MAX_GROEI:
                fout.append(f"{naam}: groei ×{keer:.2f} per verdubbeling")
    return uit


def meting_van(data: dict[str, Any], vorm: str) -> dict[str, Any]:
    """The run (``data["metingen"]``) that measured ``vorm``: its date, commit, runs per cell,
    load average and start-up time."""
    for meting in data["metingen"]:
        if vorm in meting["vormen"]:
            return dict(meting)
    raise KeyError(vorm)


def aanvullen(oud: dict[str, Any], nieuw: dict[str, Any]) -> dict[str, Any]:
    """The record ``oud`` with the shapes measured in ``nieuw`` added or replaced: their rows
    and their run come from ``nieuw``, every other shape keeps its rows and its run (its
    commit, date, load and start-up time). A run none of whose shapes is left is dropped.
    The rows are in the order of :data:`VORMEN` (the order of the tables), sizes in the order
    measured. Pure: neither record is changed."""
    gemeten = {r["vorm"] for r in nieuw["rijen"]} | {
        v for m in nieuw["metingen"] for v in m["vormen"]
    }
    metingen = [
        {**m, "vormen": [v for v in m["vormen"] if v not in gemeten]} for m in oud["metingen"]
    ]
    metingen = [m for m in metingen if m["vormen"]]
    metingen += [{**m, "vormen": list(m["vormen"])} for m in nieuw["metingen"]]
    rijen = [dict(r) for r in oud["rijen"] if r["vorm"] not in gemeten]
    rijen += [dict(r) for r in nieuw["rijen"]]
    volgorde = {v: i for i, v in enumerate(VORMEN)}
    rijen.sort(key=lambda r: volgorde.get(r["vorm"], len(volgorde)))
    return {"metingen": metingen, "rijen": rijen}


def _per_vorm(data: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """shape -> cell -> its measurements, smallest size first."""
    per: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for r in data["rijen"]:
        per.setdefault(r["vorm"], {}).setdefault(r["opdracht"], []).append(r)
    return per


def _nl(x: float, decimalen: int = 0) -> str:
    """A number the Dutch way: ``12.345,67``."""
    return f"{x:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _kort(opdracht: str) -> str:
    """``controleer json`` -> ``contr. json`` for a column header."""
    naam, vorm = opdracht.split(" ")
    return f"{naam[:5]}. {vorm}"


def _over_meting(meting: dict[str, Any], vormen: str) -> str:
    return (
        f"{vormen} op {meting['datum']}, commit `{meting['commit']}`, {meting['herhaal']} "
        f"run(s) per opdracht en vorm; load average {_nl(meting['load'][0], 1)} bij de start en "
        f"{_nl(meting['load'][-1], 1)} aan het eind; opstarten (een dossier met alleen de kop) "
        f"{_nl(meting['basis_s'], 2)} s CPU."
    )


def tabel(data: dict[str, Any]) -> str:
    """The tables of docs/kwaliteit.md: a summary per shape, the whole matrix at the largest
    size (CPU time, peak memory, output as a multiple of the input, exit code), then the
    slowest cell per shape and size. A record merged from runs at different commits
    (:func:`aanvullen`) says which shapes each run measured, and the summary names each
    shape's commit."""
    per_vorm = _per_vorm(data)
    ontbreekt = [v for v in VORMEN if v not in per_vorm]
    metingen = data["metingen"]
    commits = {m["commit"] for m in metingen}
    if len(metingen) == 1:
        kop = _over_meting(metingen[0], "Gemeten")
    else:
        kop = (
            f"Samengesteld uit {len(metingen)} runs (`--aanvullen`; "
            + ("op verschillende commits" if len(commits) > 1 else "op één commit")
            + "): "
            + " ".join(
                _over_meting(m, "`" + "`, `".join(m["vormen"]) + "` gemeten") for m in metingen
            )
        )
    regels = [
        kop
        + " De groei is die van de CPU-tijd boven het opstarten."
        + (
            " Niet gemeten (de tijd op de gedeelde machine was op): "
            + ", ".join(f"`{v}`" for v in ontbreekt)
            + "."
            if ontbreekt
            else ""
        ),
        "",
    ]
    per_commit = len(commits) > 1
    regels += [
        "| vorm | grootste bestand | traagste cel | CPU-tijd | piekgeheugen | grootste uitvoer "
        "| snelste groei per verdubbeling (fit) | binnen budget |"
        + (" gemeten bij |" if per_commit else ""),
        "|---|---:|---|---:|---:|---:|---:|---|" + ("---|" if per_commit else ""),
    ]
    oordeel = beoordeel(data)
    for vorm, cellen in per_vorm.items():
        meting = meting_van(data, vorm)
        laatste = [rijen[-1] for rijen in cellen.values()]
        traag = max(laatste, key=lambda r: r["cpu_s"])
        groot = max(laatste, key=lambda r: r["uitvoer"])
        snelst = max(groei(rijen, meting["basis_s"]) for rijen in cellen.values())
        regels.append(
            f"| `{vorm}` | {_nl(traag['grootte'] / 1024)} kB | {traag['opdracht']} | "
            f"{_nl(traag['cpu_s'], 2)} s | {_nl(max(r['mb'] for r in laatste))} MB | "
            f"{_nl(groot['uitvoer'] / 1024)} kB (×{_nl(groot['uitvoer'] / groot['grootte'], 1)}, "
            f"{groot['opdracht']}) | ×{_nl(snelst, 2)} | {'nee' if oordeel[vorm] else 'ja'} |"
            + (f" `{meting['commit']}` |" if per_commit else "")
        )
    namen = [cel(o) for o in OPDRACHTEN]
    regels += [
        "",
        "Het hele matrix op de grootste grootte: per vorm en opdracht CPU-tijd, piekgeheugen, "
        "uitvoer als veelvoud van de invoer en afsluitcode.",
        "",
        "| vorm | " + " | ".join(_kort(n) for n in namen) + " |",
        "|---|" + "---:|" * len(namen),
    ]
    for vorm, cellen in per_vorm.items():
        vakken = []
        for n in namen:
            if n not in cellen:
                vakken.append("—")
                continue
            r = cellen[n][-1]
            vakken.append(
                f"{_nl(r['cpu_s'], 1)} s, {_nl(r['mb'])} MB, "
                f"×{_nl(r['uitvoer'] / r['grootte'], 1)}, {r['code']}"
            )
        regels.append(f"| `{vorm}` | " + " | ".join(vakken) + " |")
    regels += [
        "",
        "| vorm | grootte | traagste cel | CPU-tijd | wandklok | piekgeheugen (alle cellen) "
        "| grootste uitvoer | groei per verdubbeling |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for cellen in per_vorm.values():
        groottes = sorted({r["grootte"] for rijen in cellen.values() for r in rijen})
        vorige = None
        for g in groottes:
            bij = [r for rijen in cellen.values() for r in rijen if r["grootte"] == g]
            t = max(bij, key=lambda r: r["cpu_s"])
            keer = "×" + _nl(t["cpu_s"] / vorige, 2) if vorige else "—"
            vorige = t["cpu_s"]
            regels.append(
                f"| `{t['vorm']}` | {_nl(g / 1024)} kB | {t['opdracht']} | "
                f"{_nl(t['cpu_s'], 2)} s | {_nl(t['wand_s'], 2)} s | "
                f"{_nl(max(r['mb'] for r in bij))} MB | "
                f"{_nl(max(r['uitvoer'] for r in bij) / 1024)} kB | {keer} |"
            )
    return "\n".join(regels)


def lees() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text("utf-8"))
    return data


def werk_docs_bij(data: dict[str, Any]) -> None:
    tekst = DOCS.read_text("utf-8")
    begin, einde = tekst.index(BEGIN) + len(BEGIN), tekst.index(EINDE)
    DOCS.write_text(tekst[:begin] + "\n" + tabel(data) + "\n" + tekst[einde:], encoding="utf-8")


def _bewaar(data: dict[str, Any], load: float, basis: dict[str, Any] | None) -> dict[str, Any]:
    """Record ``data`` (with the load average now as the last), merged into ``basis`` when
    given (:func:`aanvullen`), and rewrite the docs tables; the record written."""
    for meting in data["metingen"]:
        meting["load"][1:] = [load]
    if basis is not None:
        data = aanvullen(basis, data)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    werk_docs_bij(data)
    return data


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
    ap.add_argument("--stappen", type=int, default=2, help="number of sizes measured")
    ap.add_argument("--vormen", default=",".join(VORMEN), help="comma-separated shapes")
    ap.add_argument("--herhaal", type=int, default=1, help="runs per cell (least CPU counts)")
    ap.add_argument(
        "--bewaar", action="store_true", help=f"record in {DATA.name} and rewrite the docs table"
    )
    ap.add_argument(
        "--aanvullen",
        action="store_true",
        help=f"merge the shapes measured into {DATA.name} (the others keep their cells and "
        "commit) and rewrite the docs table",
    )
    ap.add_argument("--tabel", action="store_true", help="only rewrite the docs table")
    args = ap.parse_args()
    if args.tabel:
        werk_docs_bij(lees())
        return 0
    vormen = args.vormen.split(",")
    if onbekend := [v for v in vormen if v not in VORMEN]:
        ap.error(f"onbekende vorm: {', '.join(onbekend)}")
    bewaar = args.bewaar or args.aanvullen
    basis = lees() if args.aanvullen else None
    groottes = [args.tot >> k for k in reversed(range(args.stappen))]
    meting: dict[str, Any] = {
        "datum": datetime.now(UTC).date().isoformat(),
        "commit": _commit(),
        "herhaal": args.herhaal,
        "load": [os.getloadavg()[0]],
        "basis_s": 0.0,
        "vormen": [],
    }
    data: dict[str, Any] = {"metingen": [meting], "rijen": []}
    with tempfile.TemporaryDirectory() as tmp:
        meting["basis_s"] = min(r["cpu_s"] for r in meet_vorm("kop", KOP, tmp, args.herhaal))
        for vorm in vormen:
            if bewaar and meting["vormen"]:  # a long run on a shared machine: keep what is
                _bewaar(data, os.getloadavg()[0], basis)  # measured so far
            meting["vormen"].append(vorm)
            for grootte in groottes:
                for r in meet_vorm(vorm, VORMEN[vorm](grootte), tmp, args.herhaal):
                    data["rijen"].append(r)
                    print(
                        f"{vorm:20} {r['grootte'] / 1024:7.0f} kB {r['opdracht']:22} "
                        f"{r['cpu_s']:7.2f} s CPU {r['wand_s']:7.2f} s {r['mb']:6.0f} MB "
                        f"{r['uitvoer'] / 1024:9.0f} kB exit {r['code']}",
                        flush=True,
                    )
    if bewaar:
        data = _bewaar(data, os.getloadavg()[0], basis)
    print(tabel(data))
    fouten = {v: f for v, f in beoordeel(data).items() if f and v in meting["vormen"]}
    for vorm, f in fouten.items():
        print(f"  {vorm}: {'; '.join(f)}", file=sys.stderr)
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main())
