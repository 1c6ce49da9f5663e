"""Mutation testing per module: run mutmut, record score and duration, regenerate the table.

Usage (from the repository root, with the ``mutation`` extra installed)::

    python benchmarks/mutatie.py                      # every module of [tool.mutmut] only_mutate
    python benchmarks/mutatie.py verkiezingen agenda  # only these modules
    python benchmarks/mutatie.py --voor verkiezingen  # record as the "voor" (before) score
    python benchmarks/mutatie.py --tabel              # only rewrite the table in the docs

Per module it runs ``mutmut run --max-children N "alvrules.MODULE.*"`` (the project's
documented command, restricted to one module; ``HYPOTHESIS_PROFILE=mutatie``), times it,
reads ``mutmut results --all true`` and stores killed/total, the duration, the commit and
the surviving mutants in ``benchmarks/mutatie.json``. The table in ``docs/kwaliteit.md``
between the ``mutatie-tabel`` markers is generated from that file; ``tests/test_mutatie.py``
checks that the table is current, that every module under mutation testing has a row with
at least 95 % and that every survivor is explained in the docs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "mutatie.json"
DOCS = ROOT / "docs" / "kwaliteit.md"
BEGIN = "<!-- mutatie-tabel: gegenereerd door benchmarks/mutatie.py, niet met de hand -->"
EINDE = "<!-- /mutatie-tabel -->"
#: mutmut statuses that count as killed (a time-out stops the tests too)
GEDOOD = frozenset({"killed", "timeout", "caught by type check"})
NORM = 95
RESULTAAT = re.compile(r"^\s*alvrules\.(?P<module>\w+)\.(?P<naam>\S+): (?P<status>.+?)\s*$")


def modules() -> list[str]:
    """The modules under mutation testing, from ``[tool.mutmut] only_mutate``."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    paden = config["tool"]["mutmut"]["only_mutate"]
    return [Path(p).stem for p in paden]


def lees() -> dict[str, Any]:
    if DATA.exists():
        data: dict[str, Any] = json.loads(DATA.read_text("utf-8"))
        return data
    return {"modules": {}}


def schrijf(data: dict[str, Any]) -> None:
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    kort = git("rev-parse", "--short", "HEAD")
    gewijzigd = git("status", "--porcelain", "--untracked-files=no", "alvrules", "tests")
    return f"{kort}+" if gewijzigd else kort


def uitslag(module: str) -> tuple[int, int, list[str]]:
    """(killed, total, survivors) of ``module`` from ``mutmut results --all true``."""
    mutmut = Path(sys.executable).parent / "mutmut"
    uit = subprocess.run(
        [str(mutmut), "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    gedood, totaal, over, zonder = 0, 0, [], 0
    for regel in uit.splitlines():
        m = RESULTAAT.match(regel)
        if not m or m["module"] != module:
            continue
        totaal += 1
        zonder += m["status"] == "no tests"
        if m["status"] in GEDOOD:
            gedood += 1
        else:
            over.append(f"{module}.{m['naam']}")
    if totaal and zonder == totaal:
        # mutmut reuses its record of which tests reach which function and adds only new
        # tests to it: a module newly under only_mutate has no tests in that record at all
        sys.exit(
            f"{module}: mutmut knows no tests for any of its mutants; delete "
            "mutants/mutmut-stats.json (a full stats collection) and run again"
        )
    return gedood, totaal, sorted(over, key=_volgorde)


def _volgorde(naam: str) -> tuple[str, int]:
    functie, _, nummer = naam.rpartition("__mutmut_")
    return functie, int(nummer) if nummer.isdigit() else 0


def meet(module: str, kinderen: int) -> dict[str, Any]:
    """Run mutmut over ``module`` only and return its measurement."""
    mutmut = Path(sys.executable).parent / "mutmut"
    env = os.environ | {"HYPOTHESIS_PROFILE": "mutatie"}
    log = ROOT / "mutants" / f"mutatie-{module}.log"
    log.parent.mkdir(exist_ok=True)
    begin = time.monotonic()
    with log.open("w", encoding="utf-8") as uitvoer:
        klaar = subprocess.run(
            [str(mutmut), "run", "--max-children", str(kinderen), f"alvrules.{module}.*"],
            cwd=ROOT,
            env=env,
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
            check=False,
        )
    duur = time.monotonic() - begin
    if klaar.returncode != 0:
        sys.exit(f"mutmut failed for {module} (exit {klaar.returncode}); see {log}")
    gedood, totaal, over = uitslag(module)
    return {
        "gedood": gedood,
        "totaal": totaal,
        "duur_s": round(duur),
        "kinderen": kinderen,
        "commit": commit(),
        "datum": datetime.now(UTC).date().isoformat(),
        "overlevenden": over,
    }


def procent(gedood: int, totaal: int) -> str:
    if totaal == 0:
        return "—"
    p = f"{100 * gedood / totaal:.1f}".replace(".", ",").removesuffix(",0")
    return f"{_getal(gedood)}/{_getal(totaal)} = {p} %"


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _duur(s: int | None) -> str:
    if s is None:
        return "—"
    return f"{s // 60} min {s % 60:02d} s" if s >= 60 else f"{s} s"


def tabel(data: dict[str, Any]) -> str:
    """The Markdown table of every module, in the order of ``only_mutate``."""
    regels = [
        "| module | voor | na | duur (na) | gemeten op |",
        "|---|---:|---:|---:|---|",
    ]
    som = {"vg": 0, "vt": 0, "ng": 0, "nt": 0, "duur": 0}
    for module in modules():
        rij = data["modules"].get(module, {})
        voor, na = rij.get("voor"), rij.get("na")
        vtekst = procent(voor["gedood"], voor["totaal"]) if voor else "—"
        ntekst = procent(na["gedood"], na["totaal"]) if na else "niet gemeten"
        if voor:
            som["vg"] += voor["gedood"]
            som["vt"] += voor["totaal"]
        if na:
            som["ng"] += na["gedood"]
            som["nt"] += na["totaal"]
            som["duur"] += na.get("duur_s") or 0
        wanneer = f"`{na['commit']}`, {na['datum']}" if na else "—"
        duur = _duur(na.get("duur_s")) if na else "—"
        regels.append(f"| `{module}` | {vtekst} | {ntekst} | {duur} | {wanneer} |")
    regels.append(
        f"| **totaal** | **{procent(som['vg'], som['vt'])}** | "
        f"**{procent(som['ng'], som['nt'])}** | {_duur(som['duur'])} | |"
    )
    return "\n".join(regels)


def werk_docs_bij(data: dict[str, Any]) -> None:
    tekst = DOCS.read_text("utf-8")
    begin, einde = tekst.index(BEGIN) + len(BEGIN), tekst.index(EINDE)
    DOCS.write_text(tekst[:begin] + "\n" + tabel(data) + "\n" + tekst[einde:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("modules", nargs="*", help="modules (default: all of only_mutate)")
    p.add_argument("--voor", action="store_true", help='record as the "voor" score')
    p.add_argument("--tabel", action="store_true", help="only regenerate the docs table")
    p.add_argument("--max-children", type=int, default=1, dest="kinderen")
    args = p.parse_args(argv)
    if not args.tabel:
        onbekend = set(args.modules) - set(modules())
        if onbekend:
            p.error(f"not in [tool.mutmut] only_mutate: {', '.join(sorted(onbekend))}")
        for module in args.modules or modules():
            meting = meet(module, args.kinderen)
            data = lees()  # re-read: another run may have recorded a module meanwhile
            rij = data["modules"].setdefault(module, {})
            # with --voor the survivors are kept too: the list to work through
            rij["voor" if args.voor else "na"] = meting
            if not args.voor and "voor" not in rij:
                # the first measurement of a module is its "before" score
                rij["voor"] = {k: v for k, v in meting.items() if k != "overlevenden"}
            schrijf(data)
            print(
                f"{module}: {procent(meting['gedood'], meting['totaal'])} "
                f"in {_duur(meting['duur_s'])}",
                flush=True,
            )
    werk_docs_bij(lees())
    return 0


if __name__ == "__main__":
    sys.exit(main())
