"""Rule -> code -> test: which functions emit each rule's findings, and which tests verify it.

Both are found from the source, never typed by hand, so the documentation cannot claim
code or tests that are not there:

- :func:`bronplekken` reads the package's modules (AST, not import) and names, per rule
  id, the functions that build a finding of it: a call ``bevinding("SIG02", ...)``, or a
  call ``bevinding(regel, ...)`` with a computed id in a function whose string constants
  name the ids it can take.
- :func:`getest` reads a test directory and names, per rule id, the test functions marked
  ``@pytest.mark.regel("SIG02")`` (a module's ``pytestmark`` marks all its tests).
- :func:`broncode` gives the source of one such function (for the rule's page), and
  :func:`doelen` the one-line purpose of each test (the first line of its docstring).
- :func:`gaten` lists what the registry promises but the code or the tests do not hold:
  a rule without emitting code or without a marked test. A rule may lack emitting code
  only when its ``geen_bevinding`` says why, and, unless it is an info rule, names the
  rule that reports its defect instead (TRM01: a late amendment is AMD02).
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from attrs import frozen

from alvrules.regels import Ernst, Regel
from alvrules.teksten import vertaal

__all__ = ["Broncode", "broncode", "bronplekken", "doelen", "gaten", "getest"]

_ID = re.compile(r"^(?:CAL|TRM|SIG|MOT|AMD|STM|KND|PRE|AFD|NOT|AGD)\d{2}$")
_ID_IN_TEKST = re.compile(r"\b(?:CAL|TRM|SIG|MOT|AMD|STM|KND|PRE|AFD|NOT|AGD)\d{2}\b")
_PAKKET = Path(__file__).resolve().parent


def _functies(boom: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Top-level functions and methods, with their dotted names (nested ones belong to them)."""
    for knoop in boom.body:
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
            yield knoop.name, knoop
        elif isinstance(knoop, ast.ClassDef):
            for k in knoop.body:
                if isinstance(k, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield f"{knoop.name}.{k.name}", k


def _ids(knoop: ast.AST) -> set[str]:
    return {
        k.value
        for k in ast.walk(knoop)
        if isinstance(k, ast.Constant) and isinstance(k.value, str) and _ID.match(k.value)
    }


def _uitgegeven(functie: ast.AST) -> set[str]:
    """The rule ids whose findings ``functie`` builds."""
    uit: set[str] = set()
    for k in ast.walk(functie):
        if not (
            isinstance(k, ast.Call)
            and isinstance(k.func, ast.Name)
            and k.func.id == "bevinding"
            and k.args
        ):
            continue
        eerste = k.args[0]
        if isinstance(eerste, ast.Constant) and isinstance(eerste.value, str):
            uit.add(eerste.value)
        else:  # a computed id: the ids this function names
            uit |= _ids(functie)
    return uit


def bronplekken(pakket: Path = _PAKKET) -> dict[str, list[str]]:
    """Rule id -> the functions (``alvrules.module.functie``) that emit its findings."""
    uit: dict[str, list[str]] = {}
    for bestand in sorted(pakket.rglob("*.py")):
        module = ".".join(bestand.relative_to(pakket.parent).with_suffix("").parts)
        boom = ast.parse(bestand.read_text(encoding="utf-8"), str(bestand))
        for naam, functie in _functies(boom):
            for regel_id in sorted(_uitgegeven(functie)):
                uit.setdefault(regel_id, []).append(f"{module}.{naam}")
    return uit


@frozen
class Broncode:
    """The source of one function: its dotted name, file, first line and text."""

    functie: str  # alvrules.agenda.controleer
    bestand: str  # alvrules/agenda.py
    regel: int  # the first line (of its decorators, if any)
    tekst: str  # the source, dedented (a method loses its class's indent)


def broncode(functie: str, pakket: Path = _PAKKET) -> Broncode:
    """The source of ``functie`` (as :func:`bronplekken` names it: ``alvrules.module.naam``
    or ``alvrules.module.Klasse.methode``); :class:`LookupError` when it is not there.

    >>> b = broncode("alvrules.agenda.leeg")
    >>> b.bestand, b.tekst.splitlines()[0]
    ('alvrules/agenda.py', 'def leeg(dossier: Dossier) -> bool:')
    """
    delen = functie.split(".")
    for i in range(len(delen) - 1, 1, -1):
        bestand = pakket.parent.joinpath(*delen[:i]).with_suffix(".py")
        if bestand.is_file():
            tekst = bestand.read_text(encoding="utf-8")
            naam = ".".join(delen[i:])
            for gevonden, knoop in _functies(ast.parse(tekst, str(bestand))):
                if gevonden == naam:
                    begin = min([knoop.lineno, *(d.lineno for d in knoop.decorator_list)])
                    regels = tekst.splitlines()[begin - 1 : knoop.end_lineno]
                    return Broncode(
                        functie,
                        bestand.relative_to(pakket.parent).as_posix(),
                        begin,
                        textwrap.dedent("\n".join(regels)),
                    )
            break
    raise LookupError(f"no function {functie}")  # a programming error (docs build)


def doelen(tests: Path) -> dict[str, str]:
    """Test (``path::name``, as :func:`getest` names it) -> the first line of its docstring
    (``""`` when it has none)."""
    uit: dict[str, str] = {}
    for bestand in sorted(tests.rglob("test_*.py")):
        boom = ast.parse(bestand.read_text(encoding="utf-8"), str(bestand))
        for naam, functie in _functies(boom):
            doc = ast.get_docstring(functie) or ""
            eerste = " ".join(doc.split("\n\n", 1)[0].split())
            uit[f"{bestand.relative_to(tests.parent).as_posix()}::{naam}"] = eerste
    return uit


def _markeringen(decorators: Iterable[ast.expr]) -> set[str]:
    """The ids of ``pytest.mark.regel(...)`` among ``decorators`` (or a ``pytestmark``)."""
    uit: set[str] = set()
    for d in decorators:
        if (
            isinstance(d, ast.Call)
            and isinstance(d.func, ast.Attribute)
            and d.func.attr == "regel"
            and isinstance(d.func.value, ast.Attribute)
            and d.func.value.attr == "mark"
        ):
            uit |= {
                a.value for a in d.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return uit


def _pytestmark(boom: ast.Module) -> set[str]:
    for knoop in boom.body:
        if isinstance(knoop, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in knoop.targets
        ):
            waarde = knoop.value
            elementen = waarde.elts if isinstance(waarde, ast.List | ast.Tuple) else [waarde]
            return _markeringen(elementen)
    return set()


def getest(tests: Path) -> dict[str, list[str]]:
    """Rule id -> the test functions (``path::name``) marked as verifying it."""
    uit: dict[str, list[str]] = {}
    for bestand in sorted(tests.rglob("test_*.py")):
        boom = ast.parse(bestand.read_text(encoding="utf-8"), str(bestand))
        module = _pytestmark(boom)
        for naam, functie in _functies(boom):
            if not naam.split(".")[-1].startswith("test"):
                continue
            for regel_id in sorted(module | _markeringen(functie.decorator_list)):
                uit.setdefault(regel_id, []).append(
                    f"{bestand.relative_to(tests.parent).as_posix()}::{naam}"
                )
    return uit


def gaten(
    regels: Iterable[Regel],
    code: Mapping[str, list[str]],
    tests: Mapping[str, list[str]],
    taal: str = "nl",
) -> list[str]:
    """Every rule the code or the tests do not hold, with the reason, in ``taal``."""
    uit: list[str] = []
    for r in regels:
        if not code.get(r.id):
            if r.geen_bevinding is None:
                uit.append(
                    vertaal(taal, "{id}: geen code die een bevinding van deze regel maakt", id=r.id)
                )
            elif r.ernst is not Ernst.INFO and not any(
                code.get(i) for i in _ID_IN_TEKST.findall(r.geen_bevinding)
            ):
                uit.append(
                    vertaal(
                        taal,
                        "{id}: ernst {ernst} zonder eigen bevinding, en geen_bevinding "
                        "noemt geen regel die het meldt",
                        id=r.id,
                        ernst=r.ernst.value,
                    )
                )
        elif r.geen_bevinding is not None:
            uit.append(
                vertaal(taal, "{id}: heeft code met bevindingen, maar zegt geen_bevinding", id=r.id)
            )
        if not tests.get(r.id):
            uit.append(
                vertaal(
                    taal,
                    "{id}: geen test gemarkeerd met @pytest.mark.regel({naam})",
                    id=r.id,
                    naam=repr(r.id),
                )
            )
    return uit
