"""The documentation cannot drift from the code: every example in ``docs/`` is executed.

What runs, per fenced block of ``docs/**/*.md``:

* ```` ```python ```` blocks: with ``>>>`` prompts they are doctests (``ELLIPSIS`` on);
  without, they are executed. The blocks of one page share their names, in page order.
* ```` ```console ```` blocks: each ``$ alvrules …`` line runs through
  :func:`alvrules.cli.main`; what follows up to the next ``$`` line is the expected output
  (stdout, then stderr). Normalisation: carriage returns dropped, trailing spaces and
  trailing empty lines ignored, and a line holding only ``…`` stands for any number of
  lines, and a line ending in `` …`` any line that starts with the text before it (for
  the receipt line, whose hashes change with the catalogue). ``$ echo $?`` shows the
  exit code of the command before; ``> FILE`` writes the output to FILE (and nothing is
  expected on screen).
* Blocks with a title (```` ```toml title="motie.toml" ````) are files: all are written to
  the working directory of the examples first (names are unique across the docs), next to
  the project's ``examples/``.

A console example of a command whose handler ``alvrules._cli.<command>`` does not exist
yet is skipped, as is any block preceded by ``<!-- vereist: MODULE -->`` while MODULE does
not exist; once the module is there the example runs.

Besides the examples: every registered rule has a source and an explanation, every
chapter has a page, every code name of the glossary exists, and (when MkDocs is installed)
the built site has a section for every rule id of the spec.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import importlib.util
import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path

import pytest

from alvrules.catalogus import HOOFDSTUKKEN, REGELS
from alvrules.cli import COMMANDS, main
from alvrules.regels import regels
from tests.conftest import SHARED, shared_nodig

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: the product spec, wherever the checkout sits below the directory that holds ``shared/``
SPEC = SHARED / "spec" / "PROCEDURE.md"
ID = re.compile(r"\b(?:CAL|TRM|SIG|MOT|AMD|STM|KND|PRE|AFD|NOT|AGD)\d{2}\b")

FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<lang>[\w-]+)(?P<attrs>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$",
    re.MULTILINE | re.DOTALL,
)
TITLE = re.compile(r'title="([^"]+)"')
VEREIST = re.compile(r"<!--\s*vereist:\s*([\w.]+)\s*-->\s*\Z")
ELISION = "…"


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    body: str
    title: str | None
    vereist: str | None

    @property
    def naam(self) -> str:
        return f"{self.page.relative_to(DOCS)}:{self.line}"


def _blocks() -> list[Block]:
    uit: list[Block] = []
    for page in sorted(DOCS.rglob("*.md")):
        tekst = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(tekst):
            titel = TITLE.search(m.group("attrs"))
            ervoor = VEREIST.search(tekst[: m.start()].rstrip() + " ")
            body = "\n".join(r[len(m.group("indent")) :] for r in m.group("body").splitlines())
            uit.append(
                Block(
                    page=page,
                    line=tekst.count("\n", 0, m.start()) + 1,
                    lang=m.group("lang"),
                    body=body + "\n",
                    title=titel.group(1) if titel else None,
                    vereist=ervoor.group(1) if ervoor else None,
                )
            )
    return uit


BLOCKS = _blocks()


def _bestaat(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@pytest.fixture(scope="session")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working directory of the examples: every titled block written as a file."""
    pad = tmp_path_factory.mktemp("docs")
    namen = [b.title for b in BLOCKS if b.title]
    assert len(namen) == len(set(namen)), f"file names in the docs must be unique: {namen}"
    for b in BLOCKS:
        if b.title:
            (pad / b.title).write_text(b.body, encoding="utf-8")
    if (ROOT / "examples").is_dir():
        (pad / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    (pad / "tests").mkdir()  # the 2023 data of the worked examples (tests/data)
    (pad / "tests" / "data").symlink_to(ROOT / "tests" / "data", target_is_directory=True)
    return pad


# --- Python examples ------------------------------------------------------------------


PAGES_WITH_PYTHON = sorted({b.page for b in BLOCKS if b.lang == "python"})


@pytest.mark.parametrize(
    "page", PAGES_WITH_PYTHON, ids=[str(p.relative_to(DOCS)) for p in PAGES_WITH_PYTHON]
)
def test_python_examples(page: Path, werkmap: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(werkmap)
    globs: dict[str, object] = {"__name__": "__docs__"}
    gedraaid = 0
    for b in (b for b in BLOCKS if b.page == page and b.lang == "python"):
        if b.vereist and not _bestaat(b.vereist):
            continue
        gedraaid += 1
        if ">>>" in b.body:
            test = doctest.DocTestParser().get_doctest(b.body, globs, b.naam, str(page), b.line)
            uitvoer: list[str] = []
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test, out=uitvoer.append, clear_globs=False)
            assert runner.failures == 0, f"{b.naam}\n" + "".join(uitvoer)
            globs.update(test.globs)  # the DocTest ran on a copy
        else:
            exec(compile(b.body, b.naam, "exec"), globs)
    if not gedraaid:
        pytest.skip("every Python example of this page needs a module that is not there yet")


# --- console examples -----------------------------------------------------------------


@dataclass(frozen=True)
class Opdracht:
    regel: str
    verwacht: list[str]


def _opdrachten(body: str) -> list[Opdracht]:
    uit: list[Opdracht] = []
    for r in body.splitlines():
        if r.startswith("$ "):
            uit.append(Opdracht(r[2:], []))
        elif uit:
            uit[-1].verwacht.append(r)
        else:
            raise AssertionError(f"console block must start with '$ ': {r!r}")
    return uit


def _normaal(regels_: list[str]) -> list[str]:
    uit = [r.replace("\r", "").rstrip() for r in regels_]
    while uit and not uit[-1]:
        uit.pop()
    return uit


def _past(verwacht: list[str], echt: list[str]) -> bool:
    """Line by line; a line ending in `` …`` matches any line that starts with the rest."""
    return len(verwacht) == len(echt) and all(
        v == e or (v.endswith(" " + ELISION) and e.startswith(v[: -len(ELISION)]))
        for v, e in zip(verwacht, echt, strict=True)
    )


def overeenkomt(verwacht: list[str], echt: list[str]) -> bool:
    """``echt`` matches ``verwacht``, where a line ``…`` stands for any number of lines
    and a line ending in `` …`` for any line that starts with what comes before it."""
    delen: list[list[str]] = [[]]
    for r in verwacht:
        if r.strip() == ELISION:
            delen.append([])
        else:
            delen[-1].append(r)
    if len(delen) == 1:
        return _past(verwacht, echt)
    eerste, *midden, laatste = delen
    begin, eind = len(eerste), len(echt) - len(laatste)
    if eind < begin or not _past(eerste, echt[:begin]) or not _past(laatste, echt[eind:]):
        return False
    for deel in midden:
        n = len(deel)
        plek = next((i for i in range(begin, eind - n + 1) if _past(deel, echt[i : i + n])), None)
        if plek is None:
            return False
        begin = plek + n
    return True


def _handler(argv: list[str]) -> str | None:
    """The handler module of the command in ``argv``."""
    for woord in argv:
        if woord.startswith("-"):
            continue
        for naam, (alias, module, *_hulp) in COMMANDS.items():
            if woord in (naam, alias):
                return f"alvrules._cli.{module}"
        return None
    return None


@contextlib.contextmanager
def _geen_systemexit() -> Iterator[list[int]]:
    code: list[int] = []
    try:
        yield code
    except SystemExit as e:  # argparse: --help, usage errors
        code.append(e.code if isinstance(e.code, int) else 2)


CONSOLE = [b for b in BLOCKS if b.lang == "console"]


@pytest.mark.parametrize("block", CONSOLE, ids=[b.naam for b in CONSOLE])
def test_console_examples(
    block: Block,
    werkmap: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(werkmap)
    if block.vereist and not _bestaat(block.vereist):
        pytest.skip(f"{block.vereist} is not there yet")
    opdrachten = _opdrachten(block.body)
    for o in opdrachten:
        woorden = shlex.split(o.regel)
        if woorden[0] == "alvrules":
            module = _handler(woorden[1:])
            if module and not _bestaat(module):
                pytest.skip(f"{module} is not there yet")
    laatste = 0
    for o in opdrachten:
        woorden = shlex.split(o.regel)
        if woorden == ["echo", "$?"]:
            echt = [str(laatste)]
        else:
            assert woorden[0] == "alvrules", f"{block.naam}: only alvrules runs: {o.regel}"
            naar: str | None = None
            if ">" in woorden:
                i = woorden.index(">")
                woorden, naar = woorden[:i], woorden[i + 1]
            capsys.readouterr()
            with _geen_systemexit() as code:
                code.append(main(woorden[1:]))
            laatste = code[0]
            out, err = capsys.readouterr()
            if naar:
                (werkmap / naar).write_text(out, encoding="utf-8")
                out = ""
            echt = _normaal((out + err).splitlines())
        verwacht = _normaal(o.verwacht)
        assert overeenkomt(verwacht, echt), (
            f"{block.naam}: $ {o.regel}\n--- in de docs\n"
            + "\n".join(verwacht)
            + "\n--- echt\n"
            + "\n".join(echt)
        )


def test_elision() -> None:
    assert overeenkomt(["a", ELISION, "d"], ["a", "b", "c", "d"])
    assert overeenkomt(["a", ELISION, "c", ELISION], ["a", "b", "c", "d"])
    assert overeenkomt([ELISION], [])
    assert not overeenkomt(["a", ELISION, "x", ELISION], ["a", "b", "c"])
    assert not overeenkomt(["a", ELISION, "a"], ["a"])
    assert not overeenkomt(["a"], ["a", "b"])


# --- the registry and the pages -------------------------------------------------------


def test_every_rule_has_source_and_explanation() -> None:
    for r in regels():
        assert r.bron.strip(), f"{r.id} has no source (bron)"
        assert r.uitleg.strip(), f"{r.id} has no explanation (uitleg)"
        assert r.besluit is None or r.besluit.strip(), f"{r.id} has an empty decision"


def test_every_chapter_with_rules_has_one_page() -> None:
    marker = re.compile(r"^<!--\s*regels:\s*([a-z]+)\s*-->\s*$", re.MULTILINE)
    gevonden = [h for p in DOCS.rglob("*.md") for h in marker.findall(p.read_text("utf-8"))]
    assert sorted(gevonden) == sorted(set(gevonden)), "a chapter on two pages"
    assert set(gevonden) <= set(HOOFDSTUKKEN)
    assert {r.hoofdstuk for r in regels()} <= set(gevonden)


def test_glossary_code_names_exist() -> None:
    tekst = (DOCS / "begrippen.md").read_text(encoding="utf-8")
    namen = re.findall(r"`(alvrules(?:\.\w+)+)`", tekst)
    assert len(namen) > 40
    for naam in namen:
        delen = naam.split(".")
        for i in range(len(delen), 0, -1):
            if _bestaat(".".join(delen[:i])):
                obj: object = importlib.import_module(".".join(delen[:i]))
                for attr in delen[i:]:
                    assert hasattr(obj, attr), f"begrippen.md: {naam} does not exist"
                    obj = getattr(obj, attr)
                break
        else:  # pragma: no cover - a failure message
            pytest.fail(f"begrippen.md: {naam} does not exist")


@shared_nodig("spec", "PROCEDURE.md")
def test_glossary_covers_the_spec_vocabulary() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    sectie = spec.split("## 3. Vocabulary", 1)[1].split("\n## ", 1)[0]
    termen = [t.strip() for t in re.findall(r"^\| ([^|]+) \|", sectie, re.MULTILINE)]
    termen = [w.strip() for t in termen if t not in ("term",) for w in t.split("/")]
    rollen = re.search(r"^\| rollen \| ([^|]+) \|", sectie, re.MULTILINE)
    assert rollen
    termen += ["burgemeester", "wethouder", "gemeentesecretaris", "griffier", "raadslid"]
    termen += ["waarnemend burgemeester", "locoburgemeester"]
    glossarium = (DOCS / "begrippen.md").read_text(encoding="utf-8").casefold()
    ontbreekt = [t for t in termen if t.casefold() not in glossarium]
    assert not ontbreekt, f"not in the glossary: {ontbreekt}"


# --- the built site -------------------------------------------------------------------


def _spec_ids() -> set[str]:
    ids = set(REGELS)
    if SPEC.exists():
        ids |= set(ID.findall(SPEC.read_text(encoding="utf-8")))
    return ids


def test_site_has_a_section_for_every_rule(site: Path) -> None:
    html = "".join(p.read_text("utf-8") for p in (site / "procedure").rglob("index.html"))
    ontbreekt = sorted(i for i in _spec_ids() if f'id="{i}"' not in html)
    assert not ontbreekt, f"no section in the site for: {ontbreekt}"
    for r in regels():
        for b in r.bronnen or ():
            assert html_escape(b.tekst, quote=False) in html, f"{r.id}: source not shown"
            assert not b.url or f'href="{html_escape(b.url)}"' in html, f"{r.id}: no link"
        if not r.bronnen:
            assert html_escape(r.bron, quote=False) in html, f"{r.id}: decision not shown"
    # rule -> code -> test: every rule's section names its code and its number of tests
    assert html.count("<strong>Code:</strong>") == len(regels())
    assert html.count("<strong>Tests:</strong>") == len(regels())
    assert "<code>alvrules.ondertekening._sig02_rol</code>" in html


def test_rule_reference_and_decisions_list_every_rule(site: Path) -> None:
    referentie = (site / "regels" / "index.html").read_text("utf-8")
    ontbreekt = sorted(i for i in _spec_ids() if f"#{i}" not in referentie)
    assert not ontbreekt, f"not in the rule reference: {ontbreekt}"
    besluiten = (site / "besluiten" / "index.html").read_text("utf-8")
    assert all(f"#{r.id}" in besluiten for r in regels() if r.besluit)


def test_dossier_page_embeds_the_schema_when_shipped(site: Path) -> None:
    pagina = (site / "dossier" / "index.html").read_text("utf-8")
    if (ROOT / "alvrules" / "data" / "dossier.schema.json").is_file():
        assert "dossier.schema.json" in pagina
        assert "JSON Schema volgt" not in pagina
    else:
        assert "JSON Schema volgt" in pagina


def test_site_publishes_the_output_schemas_at_their_id(site: Path) -> None:
    from tests.schemas import schemas

    for naam, schema in schemas().items():
        pad = site / schema["$id"].split("/alvrules/", 1)[1]
        assert json.loads(pad.read_text("utf-8")) == schema, naam


def test_site_has_search_index(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert "SIG01" in index
    assert "notulencommissie" in index
