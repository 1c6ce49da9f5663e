"""MkDocs hook: everything the page "Controleer uw motie" needs to run alvrules in the browser.

After the site is built, this hook puts into ``assets/controleer/`` of the site:

``pyodide/``
    the Pyodide runtime from the npm registry (package ``pyodide``, version
    :data:`PYODIDE`): ``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``,
    ``python_stdlib.zip`` and ``pyodide-lock.json``. Nothing is loaded from a CDN;
``wheels/``
    the wheel of this checkout (``pip wheel``) and the pure-Python wheels of its runtime
    dependencies, in exactly the versions installed where the docs are built (so the page
    runs what the tests ran), fetched with ``pip download``; the page unpacks them into
    the runtime's site-packages (``pyodide.unpackArchive``), no micropip;
``data.json``
    the list of wheels, measured by running the page's functions at build time: first
    those a check imports (the page unpacks those before its first check), then those only
    the downloads import (the dossier writer's ``tomli_w``; unpacked after the first
    check). A wheel the page never imports (``icalendar`` and its dependencies) is not
    put on the site at all. Then the members
    (code, name, aliases, period) for the type-ahead, the page of every rule for the
    links, and the known meetings (``docs/data/vergaderingen.csv``).

Downloads are cached in ``.cache/docs/`` of the checkout (ignored by git), or in the folder
``ALVRULES_DOCS_CACHE`` names; only the wheel of the checkout is built on every build.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from alvrules.gemeenten import register
from alvrules.regels import regels

#: The Pyodide release served with the site (npm package ``pyodide``).
PYODIDE = "314.0.7"
#: The files of the npm package the page loads.
RUNTIME = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: Needed in the browser besides the declared dependencies: the time zone database for
#: ``zoneinfo`` (Europe/Amsterdam), which Pyodide's standard library does not contain.
EXTRA = ("tzdata",)

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^<!--\s*regels:\s*([a-z]+)\s*-->\s*$", re.MULTILINE)

_PAGINA: dict[str, str] = {}  # chapter -> url of the page that shows its rules


def _cache() -> Path:
    pad = Path(os.environ.get("ALVRULES_DOCS_CACHE") or ROOT / ".cache" / "docs")
    pad.mkdir(parents=True, exist_ok=True)
    return pad


def _run(*args: str) -> None:
    try:
        subprocess.run(args, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise PluginError(f"controleerpagina: {args[0]} niet gevonden") from None
    except subprocess.CalledProcessError as e:
        uitvoer = (e.stderr or e.stdout or "").strip().splitlines()[-5:]
        raise PluginError(f"controleerpagina: {' '.join(args[:3])} faalde: {uitvoer}") from None


def runtime() -> Path:
    """The folder of the npm package ``pyodide`` at :data:`PYODIDE`, installed if needed."""
    npm = _cache() / "npm"
    pakket = npm / "node_modules" / "pyodide"
    versie = None
    if (pakket / "package.json").is_file():
        versie = json.loads((pakket / "package.json").read_text("utf-8")).get("version")
    if versie != PYODIDE:
        npm.mkdir(exist_ok=True)
        _run(
            "npm",
            "install",
            "--prefix",
            str(npm),
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            f"pyodide@{PYODIDE}",
        )
    return pakket


def afhankelijkheden(python: str) -> list[str]:
    """``name==version`` of every runtime dependency of alvrules (transitively), as
    installed here, whose markers hold in Pyodide's Python ``python``."""
    omgeving = {
        "python_version": ".".join(python.split(".")[:2]),
        "python_full_version": python,
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }
    gezien: dict[str, str] = {}
    te_doen = ["alvrules", *EXTRA]
    while te_doen:
        naam = canonicalize_name(te_doen.pop())
        if naam in gezien:
            continue
        gezien[naam] = importlib.metadata.version(naam)
        for tekst in importlib.metadata.requires(naam) or ():
            eis = Requirement(tekst)
            if eis.marker is None or eis.marker.evaluate(omgeving):
                te_doen.append(eis.name)
    del gezien["alvrules"]
    return sorted(f"{n}=={v}" for n, v in gezien.items())


def wielen(python: str, doel: Path) -> list[str]:
    """Put the wheels of alvrules (this checkout) and its dependencies into ``doel``."""
    cache = _cache() / "wheels"
    cache.mkdir(exist_ok=True)
    eisen = afhankelijkheden(python)
    nodig = [e for e in eisen if not _gevonden(cache, e)]
    if nodig:
        _run(
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--implementation",
            "py",
            "--abi",
            "none",
            "--platform",
            "any",
            "--python-version",
            ".".join(python.split(".")[:2]),
            "--dest",
            str(cache),
            *nodig,
        )
    doel.mkdir(parents=True, exist_ok=True)
    namen = []
    for eis in eisen:
        wiel = _gevonden(cache, eis)
        if wiel is None:
            raise PluginError(f"controleerpagina: geen wiel voor {eis}")
        shutil.copy2(wiel, doel / wiel.name)
        namen.append(wiel.name)
    # with the build backend at hand (the docs extra has it), no isolated build environment
    isolatie = ("--no-build-isolation",) if importlib.util.find_spec("hatchling") else ()
    with tempfile.TemporaryDirectory() as tmp:
        _run(
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            *isolatie,
            "--wheel-dir",
            tmp,
            str(ROOT),
        )
        (eigen,) = Path(tmp).glob("alvrules-*.whl")
        shutil.copy2(eigen, doel / eigen.name)
    return [eigen.name, *namen]


#: What the page calls, as measured: a check of a read dossier and of the form ...
CONTROLE = (
    "from alvrules.browser import controleer_formulier, controleer_tekst; "
    f"controleer_tekst(open({str(ROOT / 'examples' / 'fouten.toml')!r}).read()); "
    "controleer_formulier({'vergadering': {'datum': '2023-12-01'}, 'moties': [{'id': 'M1'}]})"
)
#: ... and the downloads (the form as TOML, the template of ``alvrules nieuw``).
DOWNLOADS = (
    "from alvrules.browser import naar_toml, sjabloon_tekst; "
    "naar_toml({'vergadering': {'datum': '2023-12-01'}, 'moties': [{'id': 'M1'}]}); "
    "sjabloon_tekst('2023-12-01', '13:00')"
)


def geimporteerd(code: str) -> set[str]:
    """The distributions (canonical names) whose modules ``code`` imports, run in a fresh
    interpreter, plus :data:`EXTRA`."""
    meting = (
        f"import json, sys; {code}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    uit = subprocess.run(
        [sys.executable, "-c", meting], check=True, capture_output=True, text=True
    ).stdout
    distributies = importlib.metadata.packages_distributions()
    return {
        canonicalize_name(d) for module in json.loads(uit) for d in distributies.get(module, ())
    } | {canonicalize_name(e) for e in EXTRA}


def voor_de_controle() -> set[str]:
    """The distributions a check imports (:data:`CONTROLE`), so the page can start checking
    before it has unpacked what only the downloads use."""
    return geimporteerd(CONTROLE)


def _gevonden(cache: Path, eis: str) -> Path | None:
    naam, versie = eis.split("==")
    stam = re.sub(r"[-_.]+", "_", naam)
    for wiel in cache.glob("*.whl"):
        w_naam, w_versie = wiel.name.split("-")[:2]
        if canonicalize_name(w_naam) == canonicalize_name(stam) and w_versie == versie:
            return wiel
    return None


def gemeenten() -> list[dict[str, Any]]:
    """Every municipality of the registry, for the type-ahead (the page filters by date)."""
    return [
        {
            "code": g.code,
            "naam": g.naam,
            "aliassen": list(g.aliassen),
            "van": g.van.isoformat() if g.van else None,
            "tot": g.tot.isoformat() if g.tot else None,
        }
        for g in register()
    ]


def vergaderingen() -> list[dict[str, str]]:
    """The known meetings (date, name, sluitingstijd, source) of ``docs/data/vergaderingen.csv``."""
    with (ROOT / "docs" / "data" / "vergaderingen.csv").open(encoding="utf-8") as f:
        return [dict(rij) for rij in csv.DictReader(f)]


def on_files(files: Any, /, *, config: Any) -> Any:
    """Note the page of every chapter, for the links from a finding to its rule."""
    _PAGINA.clear()
    for f in files.documentation_pages():
        for hoofdstuk in MARKER.findall(f.content_string):
            _PAGINA[hoofdstuk] = f.url
    return files


def on_post_build(*, config: Any) -> None:
    """Write the runtime, the wheels and ``data.json`` into the built site."""
    uit = Path(config["site_dir"]) / "assets" / "controleer"
    pakket = runtime()
    (uit / "pyodide").mkdir(parents=True, exist_ok=True)
    for naam in RUNTIME:
        shutil.copy2(pakket / naam, uit / "pyodide" / naam)
    python = json.loads((pakket / "pyodide-lock.json").read_text("utf-8"))["info"]["python"]
    alle = wielen(python, uit / "wheels")
    naam = lambda w: canonicalize_name(w.split("-")[0])  # noqa: E731
    nodig = voor_de_controle() | {"alvrules"}
    later = geimporteerd(DOWNLOADS) - nodig
    eerst = [w for w in alle if naam(w) in nodig]
    daarna = [w for w in alle if naam(w) in later]
    for w in alle:
        if w not in eerst and w not in daarna:
            (uit / "wheels" / w).unlink()  # the page never imports it
    data = {
        "pyodide": PYODIDE,
        "python": python,
        "wielen": eerst,
        "later": daarna,
        "gemeenten": gemeenten(),
        "regels": {
            r.id: {"naam": r.naam, "pagina": f"{_PAGINA[r.hoofdstuk]}#{r.id}"}
            for r in regels()
            if r.hoofdstuk in _PAGINA
        },
        "vergaderingen": vergaderingen(),
    }
    (uit / "data.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
