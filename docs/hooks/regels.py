"""MkDocs hook: the procedure's rules, decisions and commands, generated from the code.

One registry (``alvrules.catalogus.REGELS``) drives the checks, ``alvrules regels`` and
these docs. A page asks for generated content with an HTML comment on a line of its own:

``<!-- regels: HOOFDSTUK -->``
    the sections of every rule of chapter ``HOOFDSTUK`` (a key of ``HOOFDSTUKKEN``): a
    heading with the rule id as anchor (``#SIG01``), name, severity, sources (linked),
    explanation, the decision taken where the sources are silent, and the functions that
    emit its findings with the number of tests marked ``@pytest.mark.regel`` for it (both
    found from the source by :mod:`alvrules.dekking`, never typed by hand); below that, folded
    away, the source of each emitting function and the list of those tests, each with the
    first line of its docstring (so a reader goes from a rule id to its code and tests
    without leaving the page);
``<!-- regelreferentie -->``
    one table per chapter listing every rule, linked to its section;
``<!-- besluiten -->``
    every rule that carries a decision, with that decision;
``<!-- bronnen -->``
    the table of source documents (``alvrules.bronnen.DOCUMENTEN``);
``<!-- rollen -->``
    the table of role words (``alvrules/data/rollen.csv``);
``<!-- commando's -->``
    the table of CLI commands from ``alvrules.cli.COMMANDS``;
``<!-- dossierschema -->``
    the JSON Schema ``alvrules/data/dossier.schema.json`` when the package ships it;
``<!-- uitvoerschemas -->``
    the table of output schemas (``alvrules/data/schemas/``), each linked to its file.

The output schemas are also published as files of the site, at the path of their ``$id``
(``schemas/1/NAAM.json`` under ``site_url``), so their ``$id`` and ``$ref`` resolve.

An unknown marker, or a chapter with rules that no page shows, fails the build, so a rule
added in code appears in the docs at once or the build says why not. So does a rule
without emitting code (unless its ``geen_bevinding`` says why) or without a marked test.

**English.** The rule pages have a second language, generated: ``on_files`` adds the pages
under ``en/`` (:data:`EN_PAGINAS`), one per page of :data:`alvrules.catalogus.PAGINAS` with
the same markers, plus ``en/index.md`` (the rule reference), ``en/besluiten.md`` and
``en/bronnen.md``. A marker on a page under ``en/`` writes its texts in English, from the
same message catalogue as ``alvrules regels --lang en`` (names, explanations, decisions,
chapter titles, severities, document titles); the citations are names and stay, and Dutch
that stays (a rule's Dutch name, a quoted document title) is marked ``lang="nl"``. No
English page is kept by hand, so none can fall behind the catalogue (docs/stijl.md says why
this and not a translation plug-in).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from alvrules.bronnen import DOCUMENTEN, Bron
from alvrules.catalogus import HOOFDSTUKKEN, PAGINAS
from alvrules.cli import COMMANDS, formaten
from alvrules.dekking import broncode, bronplekken, doelen, gaten, getest
from alvrules.model import Rol
from alvrules.regels import Regel, bron_in, regels
from alvrules.teksten import Opsomming, vertaal

MARKER = re.compile(r"^<!--\s*([a-z']+)(?::\s*([a-z]+))?\s*-->\s*$", re.MULTILINE)
SCHEMA = "dossier.schema.json"

#: (language, chapter key) -> src_uri of the page that shows its rules (``on_files``)
_PAGINA: dict[tuple[str, str], str] = {}
#: rule id -> emitting functions, and rule id -> marked tests (filled in ``on_config``)
_CODE: dict[str, list[str]] = {}
_TESTS: dict[str, list[str]] = {}
#: test (``path::name``) -> the first line of its docstring (filled in ``on_config``)
_DOELEN: dict[str, str] = {}


def on_config(config: Any, /) -> Any:
    """Find, per rule, the code that emits its findings and the tests that verify it."""
    tests = Path(config.config_file_path).resolve().parent / "tests"
    _CODE.clear()
    _CODE.update(bronplekken())
    _TESTS.clear()
    _TESTS.update(getest(tests))
    _DOELEN.clear()
    _DOELEN.update(doelen(tests))
    if fout := gaten(regels(), _CODE, _TESTS):
        raise PluginError("regel zonder code of test: " + "; ".join(fout))
    return config


def _uitvoerschemas() -> dict[str, dict[str, Any]]:
    """The shipped output schemas by file name."""
    map_ = resources.files("alvrules") / "data" / "schemas"
    return {
        f.name: json.loads(f.read_text(encoding="utf-8"))
        for f in sorted(map_.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".json")
    }


def _schema_pad(schema: dict[str, Any], site_url: str) -> str:
    """``schemas/1/controleer.json``: the site path of a schema's ``$id``."""
    sid: str = schema["$id"]
    if not sid.startswith(site_url):
        raise PluginError(f"$id {sid} ligt niet onder site_url {site_url}")
    return sid.removeprefix(site_url)


def _hoofdstuk_markers(tekst: str) -> list[str]:
    return [m.group(2) for m in MARKER.finditer(tekst) if m.group(1) == "regels"]


def taal_van(pagina: str) -> str:
    """The language of a page: ``en`` under ``en/``, else Dutch."""
    return "en" if pagina.startswith("en/") else "nl"


def _klein(titel: str) -> str:
    """A chapter title inside a longer title: its first letter in lower case."""
    return titel[:1].lower() + titel[1:]


def en_paginas() -> dict[str, str]:
    """The generated English pages: src_uri -> Markdown (with the markers of their Dutch
    counterparts, so each chapter's rules are on the page of the same name under ``en/``)."""
    per_pagina: dict[str, list[str]] = {}
    for sleutel in HOOFDSTUKKEN:
        per_pagina.setdefault(PAGINAS[sleutel], []).append(sleutel)
    uit = {
        "en/index.md": "\n".join(
            [
                "# Rules of the procedure",
                "",
                "Every rule of the procedure of the VNG's general meeting (ALV), by chapter,",
                "with its severity and source, in English. These pages are generated from the",
                "same rule catalogue and message catalogue as `alvrules regels --lang en`, each",
                "time the site is built; the Dutch pages are the original. Citations of the",
                "sources (`Lbr. 23/040, Procedure §4`) are names and stay as the documents",
                "have them.",
                "",
                "| severity | meaning |",
                "|---|---|",
                "| error | blocks acceptance or publication; `alvrules controleer` exits with 1 |",
                "| warning | accepted, but the user must know |",
                "| info | advice, or an explanation of the procedure |",
                "",
                "<!-- regelreferentie -->",
                "",
            ]
        ),
        "en/besluiten.md": "# Decisions\n\nWhere the sources are silent or contradict each "
        "other, `alvrules` takes a **decision**; every rule that carries one, with that "
        "decision.\n\n<!-- besluiten -->\n",
        "en/bronnen.md": "# Sources\n\nThe documents the rules cite, by the key a rule's "
        "`bronnen` use in `alvrules regels --format json`.\n\n<!-- bronnen -->\n",
    }
    for pagina, sleutels in per_pagina.items():
        titels = [vertaal("en", HOOFDSTUKKEN[k]) for k in sleutels]
        titel = Opsomming([titels[0], *map(_klein, titels[1:])]).in_("en")
        delen = [f"# {titel}", ""]
        for sleutel, kop in zip(sleutels, titels, strict=True):
            if len(sleutels) > 1:
                delen += [f"## {kop}", ""]
            delen += [f"<!-- regels: {sleutel} -->", ""]
        uit["en/" + pagina.removesuffix("/") + ".md"] = "\n".join(delen)
    return uit


#: The generated English pages (src_uri -> Markdown).
EN_PAGINAS = en_paginas()


def on_files(files: Any, /, *, config: Any) -> Any:
    """Add the English pages, and find the page of each chapter in each language before
    any page is rendered (for the links)."""
    for src, tekst in EN_PAGINAS.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{src} wordt gegenereerd: haal het bestand weg")
        files.append(File.generated(config, src, content=tekst))
    _PAGINA.clear()
    for f in files.documentation_pages():
        taal = taal_van(f.src_uri)
        for hoofdstuk in _hoofdstuk_markers(f.content_string):
            if hoofdstuk not in HOOFDSTUKKEN:
                raise PluginError(f"{f.src_uri}: onbekend hoofdstuk {hoofdstuk!r}")
            if (taal, hoofdstuk) in _PAGINA:
                raise PluginError(f"hoofdstuk {hoofdstuk!r} staat op twee pagina's")
            _PAGINA[taal, hoofdstuk] = f.src_uri
    for taal in ("nl", "en"):
        zonder = {r.hoofdstuk for r in regels()} - {h for t, h in _PAGINA if t == taal}
        if zonder:
            raise PluginError(
                f"geen pagina ({taal}) toont de regels van: {', '.join(sorted(zonder))}"
            )
    for (taal, hoofdstuk), src in _PAGINA.items():
        verwacht = PAGINAS[hoofdstuk] if taal == "nl" else f"en/{PAGINAS[hoofdstuk]}"
        if verwacht != src.removesuffix(".md") + "/":
            raise PluginError(f"catalogus.PAGINAS[{hoofdstuk!r}] wijst niet naar {src}")
    site_url = config["site_url"] or ""
    for schema in _uitvoerschemas().values():
        tekst = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        files.append(File.generated(config, _schema_pad(schema, site_url), content=tekst))
    return files


def _link(regel: Regel, van: str) -> str:
    """A relative Markdown link from page ``van`` to the section of ``regel`` (in the
    language of ``van``)."""
    doel = _PAGINA[taal_van(van), regel.hoofdstuk]
    pad = posixpath.relpath(doel, posixpath.dirname(van) or ".")
    return f"[{regel.id}]({pad}#{regel.id})"


def _cel(tekst: str) -> str:
    return tekst.replace("|", "\\|")


def _bron(b: Bron) -> str:
    """One citation, linked to the document or article where it is public."""
    return f"[{b.tekst}]({b.url})" if b.url else b.tekst


#: The words of a rule's section, per language (the texts of the rule come from the
#: message catalogue; these are the docs' own labels).
LABELS = {
    "nl": {
        "ernst": "Ernst",
        "bron": "Bron",
        "ander": "*English:* {naam}",
        "besluit": "Besluit",
        "geen": "geen eigen bevinding: {reden}",
        "code": "De code: `{functie}` ({bestand}, regel {regel})",
        "tests": "De tests van {id} ({n})",
    },
    "en": {
        "ernst": "Severity",
        "bron": "Source",
        "ander": '*Dutch:* <span lang="nl">{naam}</span>',
        "besluit": "Decision",
        "geen": "no finding of its own: {reden}",
        "code": "The code: `{functie}` ({bestand}, line {regel})",
        "tests": "The tests of {id} ({n})",
    },
}


def sectie(r: Regel, taal: str = "nl") -> str:
    """The section of one rule in ``taal``, as Markdown; a rule without source or
    explanation fails."""
    if not r.bron.strip() or not r.uitleg.strip():
        raise PluginError(f"regel {r.id} heeft geen bron of uitleg")
    woord = LABELS[taal]
    bronnen = ", ".join(_bron(b) for b in r.bronnen) or f"*{bron_in(r.bron, taal)}*"
    ernst = r.ernst.value if taal == "nl" else r.ernst.in_(taal)
    ander = woord["ander"].format(naam=r.naam_en if taal == "nl" else r.naam)
    delen = [
        f"### {r.id} · {r.naam_in(taal)} {{ #{r.id} }}",
        "",
        f"**{woord['ernst']}:** {ernst} · **{woord['bron']}:** {bronnen} · {ander}",
        "",
        r.uitleg_in(taal),
        "",
    ]
    if r.besluit:
        delen += [f'!!! info "{woord["besluit"]}"', "", f"    {r.besluit_in(taal)}", ""]
    delen += [_dekking(r, taal), ""]
    return "\n".join(delen)


def _dekking(r: Regel, taal: str = "nl") -> str:
    """Rule -> code -> test: the functions that emit the rule's findings, and its tests."""
    woord = LABELS[taal]
    code = ", ".join(f"`{f}`" for f in _CODE.get(r.id, ()))
    if not code:
        code = woord["geen"].format(reden=r.geen_bevinding_in(taal))
    tests = _TESTS.get(r.id, [])
    n = len(tests)
    delen = [f"**Code:** {code} · **Tests:** {n} {'test' if n == 1 else 'tests'}"]
    for functie in _CODE.get(r.id, ()):
        b = broncode(functie)
        kop = woord["code"].format(functie=functie, bestand=b.bestand, regel=b.regel)
        delen += [
            "",
            f'??? abstract "{kop}"',
            "",
            f'    ```python linenums="{b.regel}"',
            *(f"    {regel}".rstrip() for regel in b.tekst.splitlines()),
            "    ```",
        ]
    if tests:
        delen += ["", f'??? example "{woord["tests"].format(id=r.id, n=n)}"', ""]
        for test in tests:
            pad, naam = test.split("::", 1)
            kaal = naam.rsplit(".", 1)[-1].removeprefix("test_").replace("_", " ")
            # a docstring is reStructuredText: ``code`` is `code` in Markdown
            doel = html.escape((_DOELEN.get(test) or kaal).replace("``", "`"), quote=False)
            delen.append(f"    - `{naam}` ({pad}): {doel}")
    return "\n".join(delen)


def _regels(hoofdstuk: str | None, pagina: str) -> str:
    if hoofdstuk not in HOOFDSTUKKEN:
        raise PluginError(f"{pagina}: onbekend hoofdstuk {hoofdstuk!r}")
    taal = taal_van(pagina)
    return "\n".join(sectie(r, taal) for r in regels() if r.hoofdstuk == hoofdstuk)


def _referentie(_: str | None, pagina: str) -> str:
    taal = taal_van(pagina)
    kop = (
        "| regel | naam | ernst | bron |" if taal == "nl" else "| rule | name | severity | source |"
    )
    uit: list[str] = []
    for sleutel, titel in HOOFDSTUKKEN.items():
        rijen = [r for r in regels() if r.hoofdstuk == sleutel]
        if not rijen:
            continue
        uit += [f"## {vertaal(taal, titel)}", "", kop, "|---|---|---|---|"]
        uit += [
            f"| {_link(r, pagina)} | {_cel(r.naam_in(taal))} "
            f"| {r.ernst.value if taal == 'nl' else r.ernst.in_(taal)} "
            f"| {_cel(bron_in(r.bron, taal))} |"
            for r in rijen
        ]
        uit.append("")
    uit.append(f"*{len(regels())} {'regels' if taal == 'nl' else 'rules'}.*")
    return "\n".join(uit)


def _besluiten(_: str | None, pagina: str) -> str:
    taal = taal_van(pagina)
    uit = ["| regel | besluit |" if taal == "nl" else "| rule | decision |", "|---|---|"]
    uit += [
        f"| {_link(r, pagina)} {_cel(r.naam_in(taal))} | {_cel(r.besluit_in(taal) or '')} |"
        for r in regels()
        if r.besluit
    ]
    return "\n".join(uit)


def _gemarkeerd(titel: str) -> str:
    """A document title in English: the Dutch title quoted in it is marked as Dutch."""
    return re.sub(r'"[^"]*"', lambda m: f'<span lang="nl">{m.group(0)}</span>', titel)


def _bronnen(_: str | None, pagina: str) -> str:
    taal = taal_van(pagina)
    if taal == "nl":
        uit = ["| sleutel | korte naam | document | BWB-id |", "|---|---|---|---|"]
    else:
        uit = ["| key | short name | document | BWB id |", "|---|---|---|---|"]
    for d in DOCUMENTEN.values():
        tekst = _cel(d.titel) if taal == "nl" else _gemarkeerd(_cel(d.titel_in(taal)))
        titel = f"[{tekst}]({d.url})" if d.url else tekst
        uit.append(f"| `{d.sleutel}` | {_cel(d.kort)} | {titel} | {d.bwb or ''} |")
    return "\n".join(uit)


def _rollen(_: str | None, pagina: str) -> str:
    uit = ["| woord in het dossier | rol |", "|---|---|"]
    uit += [f"| {_cel(woord)} | `{rol.value}` |" for woord, rol in Rol.aliassen()]
    return "\n".join(uit)


def _commandos(_: str | None, pagina: str) -> str:
    uit = ["| opdracht | Engelse alias | doet | `--format` |", "|---|---|---|---|"]
    uit += [
        f"| [`alvrules {naam}`](#{naam}) | `{alias}` | {_cel(hulp)} | "
        + ", ".join(f"`{f}`" for f in formaten(naam))
        + " |"
        for naam, (alias, _module, hulp, *_) in COMMANDS.items()
    ]
    return "\n".join(uit)


def _schema(_: str | None, pagina: str) -> str:
    bestand = resources.files("alvrules") / "data" / SCHEMA
    if not bestand.is_file():
        return (
            '!!! warning "JSON Schema volgt"\n\n'
            f"    Het schema `alvrules/data/{SCHEMA}` zit nog niet in het pakket; zodra het "
            "er is, staat het hier in zijn geheel."
        )
    schema = json.loads(bestand.read_text(encoding="utf-8"))
    tekst = json.dumps(schema, ensure_ascii=False, indent=2)
    return f'```json title="{SCHEMA}"\n{tekst}\n```'


def _uitvoer_tabel(_: str | None, pagina: str) -> str:
    uit = ["| schema | uitvoer | `$id` |", "|---|---|---|"]
    for naam, schema in _uitvoerschemas().items():
        sid = schema["$id"]
        pad = posixpath.relpath(sid.split("/alvrules/", 1)[1], posixpath.dirname(pagina) or ".")
        uit.append(f"| [`{naam}`]({pad}) | {_cel(schema.get('title', ''))} | `{sid}` |")
    return "\n".join(uit)


GENERATOREN: dict[str, Callable[[str | None, str], str]] = {
    "regels": _regels,
    "regelreferentie": _referentie,
    "besluiten": _besluiten,
    "bronnen": _bronnen,
    "rollen": _rollen,
    "commando's": _commandos,
    "dossierschema": _schema,
    "uitvoerschemas": _uitvoer_tabel,
}


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
    """Replace every marker of the page with its generated Markdown."""
    pagina: str = page.file.src_uri

    def vervang(m: re.Match[str]) -> str:
        soort, argument = m.group(1), m.group(2)
        if soort not in GENERATOREN:
            raise PluginError(f"{pagina}: onbekende marker {m.group(0).strip()!r}")
        return GENERATOREN[soort](argument, pagina)

    return MARKER.sub(vervang, markdown)


def on_post_page(output: str, /, *, page: Any, config: Any) -> str:
    """An English page says so (``<html lang="en">``): for screen readers, translation
    tools and the search index; the Dutch it keeps is marked ``lang="nl"`` inside it."""
    if taal_van(page.file.src_uri) == "en":
        return output.replace('<html lang="nl"', '<html lang="en"', 1)
    return output
