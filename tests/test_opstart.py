"""Start-up stays light (issue 26; docs/kwaliteit.md, "Opstarten en elk volgend dossier").

What a fresh interpreter has imported after ``import alvrules`` and after ``alvrules
controleer`` of the example: the modules that only other commands or formats need are not
among them, and the loader generates no code per type. No timing: what is imported and
generated is what costs the time (``benchmarks/opstart.py`` measures it).
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import json
import shlex
import shutil
import subprocess
import sys
import typing
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import alvrules
from alvrules import cli, gemeenten, herkomst
from alvrules._cli._taal import argparse_in
from alvrules.dossier import Bevolkingsbestand, Dossier
from alvrules.waarden import veldtype

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "examples" / "najaars-alv-2023.toml"

#: Loaded only by the commands and formats that need them, never by a text ``controleer``.
NIET_VOOR_CONTROLEER = (
    "cattrs",  # the loader reads the attrs types itself (alvrules.laden._lezer)
    "hashlib",  # OpenSSL's _hashlib: alvrules.herkomst.sha256 uses CPython's own _sha256
    "_hashlib",
    "importlib.resources",  # the shipped tables are read from the package folder
    "shutil",  # argparse's width: alvrules.cli._breedte
    "tempfile",  # JSON output's spool only
    "icalendar",  # termijnen --format ics
    "jsonschema",
    "hypothesis",
    "alvrules._cli._pijplijn",  # sarif, github, gitlab
    "alvrules._cli._uitslag_html",
    "alvrules.browser",
    "alvrules.cbs",
    "alvrules.ical",
    "alvrules.popolo",
    "alvrules.schema",
    "alvrules.schrijven",
    "alvrules.sjabloon",
    "alvrules.strategies",
    "alvrules.vindplaats",
)


def _na(code: str) -> dict[str, list[str]]:
    """``sys.modules`` and the generated code in :mod:`linecache` after ``code`` ran in a
    fresh interpreter (its stdout is swallowed)."""
    script = (
        "import contextlib, io, json, linecache, sys\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        + "".join(f"    {regel}\n" for regel in code.splitlines())
        + "print(json.dumps({'modules': sorted(sys.modules), 'code': sorted(linecache.cache)}))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    uit: dict[str, list[str]] = json.loads(r.stdout.splitlines()[-1])
    return uit


def test_import_alvrules_imports_nothing_of_its_own() -> None:
    modules = set(_na("import alvrules")["modules"])
    assert sorted(m for m in modules if m.startswith("alvrules.")) == []
    assert not modules & {"attrs", "attr", "cattrs", "argparse", "importlib.resources"}


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_controleer_imports_only_what_the_check_needs(taal: str) -> None:
    """Also in English, which reads the message catalogue (``alvrules.teksten``)."""
    na = _na(
        "from alvrules.cli import main\n"
        f"main(['controleer', {str(VOORBEELD)!r}, '--lang', {taal!r}])"
    )
    modules = set(na["modules"])
    assert "alvrules._cli.controleer" in modules  # the command ran
    assert sorted(modules & set(NIET_VOOR_CONTROLEER)) == []


def _rond_controle(voor: str, na: str, taal: str = "nl") -> list[str]:
    """The words ``na`` prints after ``controleer`` of the example ran (its output
    swallowed) in a fresh interpreter, with ``voor`` run before it."""
    code = (
        "import contextlib, gc, io\n"
        "from alvrules.cli import main\n"
        f"{voor}\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['controleer', {str(VOORBEELD)!r}, '--lang', {taal!r}])\n"
        f"{na}\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return r.stdout.split()


def test_a_dutch_check_reads_no_translation() -> None:
    """The receipt hashes the English catalogue as a file: a Dutch ``controleer`` does
    not parse the ``.po`` (about 19 ms of start-up), an English one does."""
    for taal, gelezen in (("nl", "0"), ("en", "1")):
        na = "print(teksten._vertaling.cache_info().currsize)"
        assert _rond_controle("from alvrules import teksten", na, taal) == [gelezen], taal


def test_the_receipt_covers_the_translation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A changed English text changes the receipt's catalogue, although a Dutch run reads
    no English: the translation has its own hash, the rules' hash stays."""
    from alvrules import teksten

    voor = herkomst.catalogus.__wrapped__()
    po = tmp_path / "alvrules.po"
    po.write_text(
        Path(teksten.catalogusbestand("en")).read_text("utf-8").replace("majority", "majorities"),
        "utf-8",
    )
    monkeypatch.setattr(teksten, "catalogusbestand", lambda taal: str(po))
    na = herkomst.catalogus.__wrapped__()
    assert na["sha256"] == voor["sha256"]
    assert na["vertalingen"]["en"] != voor["vertalingen"]["en"]


def test_the_loader_compiles_no_code_per_type() -> None:
    """cattrs generated and compiled a structuring function per attrs type (about 10 ms
    for a dossier); the loader reads the fields in a loop (:func:`alvrules.laden._klasse`)."""
    na = _na(f"from alvrules.cli import main\nmain(['controleer', {str(VOORBEELD)!r}])")
    assert [naam for naam in na["code"] if "cattrs generated" in naam] == []
    assert any("attrs generated" in naam for naam in na["code"])  # the check did run


@pytest.mark.parametrize("kolommen", [None, "100", "7", "0", "-3", "breed"])
def test_the_width_is_that_of_shutil(monkeypatch: pytest.MonkeyPatch, kolommen: str | None) -> None:
    if kolommen is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", kolommen)
    assert cli._breedte() == shutil.get_terminal_size().columns


@pytest.mark.parametrize("naam", list(cli.COMMANDS))
def test_the_parser_of_one_command_reads_as_the_whole_parser(naam: str) -> None:
    """``build_parser(opdracht)`` adds only that command's arguments; for its own command
    line it gives what the whole parser gives (the example of its help, and its alias)."""
    alias = cli.COMMANDS[naam][0]
    voorbeeld = shlex.split(shlex.join(cli._HULP[naam][-1]))
    for argv in ([naam, *voorbeeld], [alias, *voorbeeld], ["--lang", "en", naam, *voorbeeld]):
        assert cli._opdracht(argv) in (naam, alias)
        with argparse_in("nl"):
            heel = cli.build_parser().parse_args(argv)
            een = cli.build_parser(cli._opdracht(argv)).parse_args(argv)
        assert vars(een) == vars(heel)
        with argparse_in("nl"):
            assert (
                cli.build_parser(cli._opdracht(argv)).format_help()
                == cli.build_parser().format_help()
            )


@pytest.mark.parametrize(
    "inhoud", [b"", b"abc", "Utrecht ë\u200b".encode(), bytes(range(256)) * 300]
)
def test_sha256_without_openssl_is_hashlibs(inhoud: bytes) -> None:
    assert herkomst.sha256(inhoud) == hashlib.sha256(inhoud).hexdigest()


@given(st.binary(max_size=5000))
def test_sha256_without_openssl_is_hashlibs_for_any_bytes(inhoud: bytes) -> None:
    assert herkomst.sha256(inhoud) == hashlib.sha256(inhoud).hexdigest()


def test_sha256_falls_back_to_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python without ``_sha256``/``_sha2`` (another implementation): ``hashlib``'s."""
    echt = importlib.import_module

    def zonder(naam: str, *args: object) -> object:
        if naam in ("_sha256", "_sha2"):
            raise ImportError(naam)
        return echt(naam, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", zonder)
    maak = herkomst._sha256_zonder_openssl()
    assert maak is hashlib.sha256
    assert maak(b"abc").hexdigest() == herkomst.sha256(b"abc")


def test_the_shipped_register_equals_the_one_built_with_every_check() -> None:
    """:func:`alvrules.gemeenten.register` builds the rows of ``gemeenten.csv`` without
    the constructor's checks (start-up); what it builds is what the checks build."""
    getoetst = gemeenten.lees_register(gemeenten._data())
    snel = gemeenten.register()
    assert len(snel) == len(getoetst) > 388
    for a, b in zip(snel, getoetst, strict=True):
        assert a == b
        assert hash(a) == hash(b)
        assert attrs.asdict(a, recurse=False) == attrs.asdict(b, recurse=False)
        assert [type(getattr(a, v.name)) for v in attrs.fields(gemeenten.Gemeente)] == [
            type(getattr(b, v.name)) for v in attrs.fields(gemeenten.Gemeente)
        ]
    for naam in ("Den Haag", "Súdwest-Fryslân", "GM0363", "'s-Hertogenbosch"):
        assert snel.zoek(naam) == getoetst.zoek(naam) is not None


def _normaliseer_via_nfkd(naam: str) -> str:
    """The lookup key as :func:`alvrules.gemeenten.normaliseer` made it for every name."""
    ontleed = unicodedata.normalize("NFKD", naam)
    zonder = "".join(c for c in ontleed if not unicodedata.combining(c))
    return "".join(c for c in zonder.casefold() if c.isalnum())


@given(st.text(max_size=40) | st.text(st.characters(max_codepoint=127), max_size=40))
def test_normaliseer_of_ascii_without_nfkd_is_the_same_key(naam: str) -> None:
    assert gemeenten.normaliseer(naam) == _normaliseer_via_nfkd(naam)


def test_the_first_command_import_freezes_what_it_made_and_collects_after() -> None:
    """:func:`alvrules.cli._opdrachtmodule`: the modules and classes of the command are
    frozen out of the collector's passes; the collector is on again afterwards."""
    voor, na, aan = _rond_controle(
        "voor = gc.get_freeze_count()", "print(voor, gc.get_freeze_count(), gc.isenabled())"
    )
    assert voor == "0"
    assert int(na) > 10_000  # the classes, functions and tables of the check
    assert aan == "True"


def test_a_collector_that_was_off_stays_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "alvrules._cli.nieuw", raising=False)
    gc.disable()
    try:
        assert cli._opdrachtmodule("nieuw").__name__ == "alvrules._cli.nieuw"
        assert not gc.isenabled()
    finally:
        gc.enable()


def _attrs_typen(t: object, gezien: set[type]) -> set[type]:
    """Every attrs class reachable from ``t`` through its fields' annotations."""
    if isinstance(t, type) and attrs.has(t) and t not in gezien:
        gezien.add(t)
        for soort in typing.get_type_hints(t).values():
            _attrs_typen(soort, gezien)
    for arg in typing.get_args(t):
        _attrs_typen(arg, gezien)
    return gezien


@pytest.mark.parametrize(
    "klasse", sorted(_attrs_typen(Dossier, set()), key=lambda k: k.__qualname__), ids=str
)
def test_veldtype_is_what_get_type_hints_says(klasse: type) -> None:
    """The loader and the converters read each annotation once (:func:`alvrules.waarden.
    annotatie`); what they read is what :func:`typing.get_type_hints` reads."""
    hints = typing.get_type_hints(klasse)
    for veld in attrs.fields(klasse):
        assert veldtype(klasse, veld) == hints[veld.name]


def test_veldtype_of_an_inherited_field_reads_in_the_module_that_declares_it() -> None:
    @attrs.frozen
    class Kind(Bevolkingsbestand):  # declared in alvrules.dossier, subclassed here
        extra: int = 0

    velden = {v.name: v for v in attrs.fields(Kind)}
    assert veldtype(Kind, velden["extra"]) is int
    for naam, soort in typing.get_type_hints(Bevolkingsbestand).items():
        assert veldtype(Kind, velden[naam]) == soort


def test_from_alvrules_import_every_public_name_in_a_fresh_interpreter() -> None:
    """The public names load on first use (``alvrules.__getattr__``): each one, imported
    first in a fresh interpreter, is the object its module defines."""
    code = (
        "import importlib, alvrules\n"
        "for naam in alvrules.__all__:\n"
        "    exec(f'from alvrules import {naam} as waarde')\n"
        "    module = importlib.import_module(alvrules._API[naam])\n"
        "    assert waarde is getattr(module, naam), naam\n"
        "print(len(alvrules.__all__))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert int(r.stdout) == len(alvrules.__all__) == len(set(alvrules.__all__))
    assert set(alvrules.__all__) == set(alvrules._API)


def _nl(getal: float) -> str:
    """A number as the quality page writes it: a decimal comma."""
    return f"{getal}".replace(".", ",")


def test_the_quality_page_shows_what_benchmarks_opstart_json_recorded() -> None:
    """docs/kwaliteit.md's start-up table is the record of ``benchmarks/opstart.py
    --json benchmarks/opstart.json --instructies`` (issue 26: the ratios on the page)."""
    r = json.loads((ROOT / "benchmarks" / "opstart.json").read_text("utf-8"))
    tekst = (ROOT / "docs" / "kwaliteit.md").read_text("utf-8")
    sectie = tekst[tekst.index("{ #opstarten-controleer }") :]
    sectie = sectie[: sectie.index("\n## ")]
    assert f"| {_nl(r['vloer_ms'])} ms | {_nl(r['vloer_min_ms'])} ms |" in sectie
    assert f"| {_nl(r['controleer_ms'])} ms | {_nl(r['controleer_min_ms'])} ms |" in sectie
    assert f"| verhouding | **{_nl(r['verhouding'])} ×** | {_nl(r['verhouding_min'])} × |" in sectie
    assert f"**{_nl(r['verder_cli_ms'])} ms**" in sectie
    assert f"{_nl(r['verder_ms'])} ms | (hoogste {_nl(r['verder_max_ms'])} ms)" in sectie
    assert (
        f"`controleer` {_nl(r['controleer_instructies_m'])} M | "
        f"**{_nl(r['verhouding_instructies'])} ×**"
    ) in sectie
    assert f"load average\n{_nl(r['load_voor'])} bij het begin en {_nl(r['load_na'])}" in sectie
    assert r["verder_cli_ms"] <= 20  # the per-file goal holds
    assert r["verder_ms"] <= 20
