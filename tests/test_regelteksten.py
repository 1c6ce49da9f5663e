"""The texts of the rules come from the one message catalogue, in both languages: name,
explanation, decision, why a rule has no finding of its own, chapter, and the titles of the
source documents (docs/stijl.md). The citations themselves are names and stay."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.bronnen import DOCUMENTEN, Bron, bron, bron_tekst
from alvrules.catalogus import HOOFDSTUKKEN
from alvrules.cli import main
from alvrules.regels import BESLUIT_ALVRULES, Regel, bron_in, regel, regels
from alvrules.teksten import vertaal
from tests.conftest import EXAMPLES, ROOT
from tests.test_engels import nederlandse_woorden

#: A title quoted in a document's description is the document's own name.
GECITEERD = re.compile(r'"[^"]*"')


def test_every_rule_text_has_english_from_the_catalogue() -> None:
    """In the tests a message without English raises (``ALVRULES_ONVERTAALD=fout``), so each
    call below also proves the catalogue holds it."""
    for r in regels():
        assert r.naam_in("nl") == r.naam
        assert r.naam_in("en") == r.naam_en == vertaal("en", r.naam), r.id
        assert r.uitleg_in("en") != r.uitleg, r.id
        if r.besluit:
            assert r.besluit_in("en") != r.besluit, r.id
        if r.geen_bevinding:
            assert r.geen_bevinding_in("nl") == r.geen_bevinding
            assert r.geen_bevinding_in("en") != r.geen_bevinding, r.id
        else:
            assert r.geen_bevinding_in("en") is None
        for tekst in (r.naam_en, r.uitleg_in("en"), r.besluit_in("en") or ""):
            assert nederlandse_woorden(tekst, []) == [], (r.id, tekst)
    for titel in HOOFDSTUKKEN.values():
        assert nederlandse_woorden(vertaal("en", titel), []) == []


def test_the_name_is_one_message_no_second_field() -> None:
    assert "naam_en" not in {a.name for a in Regel.__attrs_attrs__}  # type: ignore[attr-defined]
    assert regel("STM05").naam_en == "majority"
    assert regel("SIG05").naam_in("en") == regel("TRM08").naam_in("en") == "supporters"


def test_document_titles_are_english_but_quoted_titles_stay() -> None:
    for d in DOCUMENTEN.values():
        en = d.titel_in("en")
        assert d.titel_in("nl") == d.titel
        assert GECITEERD.findall(en) == GECITEERD.findall(d.titel), d.sleutel  # names stay
        assert nederlandse_woorden(GECITEERD.sub(" ", en), [d.kort]) == [], en


def test_places_in_one_document_are_joined_in_the_language() -> None:
    bronnen = [bron("procedure", "§4"), bron("procedure", "§5"), bron("gemeentewet", "art. 77")]
    assert bron_tekst(bronnen) == "Lbr. 23/040, Procedure §4 en §5; Gemeentewet art. 77"
    assert bron_tekst(bronnen, "en") == "Lbr. 23/040, Procedure §4 and §5; Gemeentewet art. 77"
    sig01 = regel("SIG01")
    assert (
        bron_in(sig01.bron, "en")
        == "Lbr. 23/040, Procedure §4 and §5; Gemeentewet art. 77 and art. 78"
    )
    assert bron_in(sig01.bron, "nl") == sig01.bron
    assert bron_in(BESLUIT_ALVRULES, "en") == "Decision of alvrules (no source)"
    assert bron_in("Ergens §1", "en") == "Ergens §1"  # not a rule's: a name as it is


@given(
    st.lists(
        st.builds(
            bron,
            st.sampled_from(sorted(DOCUMENTEN)),
            st.sampled_from(["", "§1", "§4", "art. 3 lid 2", "(agendapunt 9)"]),
        ),
        max_size=6,
    )
)
def test_citations_differ_between_languages_only_in_the_joining_word(bronnen: list[Bron]) -> None:
    nl, en = bron_tekst(bronnen), bron_tekst(bronnen, "en")
    assert nl.split("; ") == [d.replace(" and ", " en ") for d in en.split("; ")]
    assert nl.count(" en ") == en.count(" and ")  # no place name here holds either word
    for b in bronnen:  # every document and place is cited in both, as a name
        assert b.plaats in nl
        assert b.plaats in en
        assert DOCUMENTEN[b.document].kort in en


def test_a_rule_without_source_or_decision_is_refused_in_either_language() -> None:
    from alvrules.fouten import GebruiksFout

    with pytest.raises(GebruiksFout) as fout:
        Regel("XXX01", "x", "moties", regel("MOT01").ernst, (), "uitleg")
    assert fout.value.tekst("en") == "Rule XXX01 has no source and so needs a decision."


def test_regels_json_keeps_naam_en_from_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    for taal in ("nl", "en"):
        assert main(["regels", "--format", "json", "--lang", taal]) == 0
        data = json.loads(capsys.readouterr().out)
        rijen = data["regels"] if isinstance(data, dict) else data
        assert [(r["naam"], r["naam_en"]) for r in rijen] == [
            (r.naam, r.naam_in("en")) for r in regels()
        ]


def test_sarif_rule_metadata_is_wholly_english(capsys: pytest.CaptureFixture[str]) -> None:
    main(["controleer", str(EXAMPLES / "fouten.toml"), "--format", "sarif", "--lang", "en"])
    sarif = json.loads(capsys.readouterr().out)
    metadata = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert {m["id"] for m in metadata} == {r.id for r in regels()}
    for m in metadata:
        r = regel(m["id"])
        assert m["shortDescription"]["text"] == r.naam_en
        assert m["fullDescription"]["text"] == r.uitleg_in("en")
        teksten = [m["shortDescription"]["text"], m["fullDescription"]["text"], m["help"]["text"]]
        for tekst in teksten:
            assert nederlandse_woorden(tekst, []) == [], (m["id"], tekst)


# --- the English rule pages of the docs ---------------------------------------------------


def _hook() -> ModuleType:
    """The docs hook ``docs/hooks/regels.py`` as a module (it needs MkDocs)."""
    pytest.importorskip("mkdocs")
    spec = importlib.util.spec_from_file_location("docs_hook_regels", ROOT / "docs/hooks/regels.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def engelse_proza(html_: str) -> str:
    """The English prose of a page: without code, without the folded-away listings of code
    and tests (names of functions and tests), without what is marked ``lang="nl"``."""
    tekst = re.sub(r'<(span|div) lang="nl">.*?</\1>', " ", html_, flags=re.S)
    tekst = re.sub(r"<details.*?</details>", " ", tekst, flags=re.S)
    tekst = re.sub(r"<(pre|code)\b.*?</\1>", " ", tekst, flags=re.S)
    tekst = re.sub(r"`[^`]*`", " ", tekst)  # code in Markdown
    tekst = re.sub(r"\]\([^)]*\)|<[^>]+>", " ", tekst)  # link targets, tags
    return html.unescape(tekst)


def citaten() -> list[str]:
    """The names a page may cite: every citation of a rule (also joined in English) and
    the short names of the documents."""
    uit = {d.kort for d in DOCUMENTEN.values()}
    for r in regels():
        uit |= {
            bron_in(r.bron, "en"),
            *(b.tekst for b in r.bronnen),
            *(b.plaats for b in r.bronnen),
        }
    return sorted(uit, key=len, reverse=True)


def test_the_generated_english_pages_cover_every_rule_in_english() -> None:
    """Fast, without building the site: the hook's English Markdown has a section for every
    rule, on the page of its chapter under ``en/``, with no Dutch outside names."""
    from alvrules.catalogus import PAGINAS
    from alvrules.dekking import bronplekken

    hook = _hook()
    assert set(hook.EN_PAGINAS) >= {f"en/{p.removesuffix('/')}.md" for p in PAGINAS.values()}
    hook._CODE.update(bronplekken())
    for sleutel, pagina in PAGINAS.items():
        hook._PAGINA["nl", sleutel] = pagina.removesuffix("/") + ".md"
        hook._PAGINA["en", sleutel] = "en/" + pagina.removesuffix("/") + ".md"
    for src, tekst in hook.EN_PAGINAS.items():
        markdown = hook.MARKER.sub(
            lambda m, s=src: hook.GENERATOREN[m.group(1)](m.group(2), s), tekst
        )
        for sleutel in hook._hoofdstuk_markers(tekst):
            for r in regels():
                if r.hoofdstuk == sleutel:
                    assert f"### {r.id} · {r.naam_en} {{ #{r.id} }}" in markdown
                    assert r.uitleg_in("en") in markdown
        gevonden = nederlandse_woorden(engelse_proza(markdown), citaten())
        assert gevonden == [], (src, gevonden)


def test_the_english_rule_pages_exist_for_every_rule_on_the_site(site: Path) -> None:
    """The built site: every rule has its section (``#ID``) on an English page, in English,
    and an English page holds no Dutch word outside names, citations and code."""
    gezien: dict[str, str] = {}
    for pagina in sorted((site / "en").rglob("index.html")):
        tekst = pagina.read_text("utf-8")
        assert '<html lang="en"' in tekst, pagina
        artikel = tekst[tekst.index("<article") : tekst.index("</article>")]
        for m in re.finditer(r'<h3 id="([A-Z]{3}\d{2})"', artikel):
            gezien[m.group(1)] = pagina.relative_to(site).as_posix()
        gevonden = nederlandse_woorden(engelse_proza(artikel), citaten())
        assert gevonden == [], (pagina, gevonden)
    assert set(gezien) == {r.id for r in regels()}
    from alvrules.catalogus import PAGINAS

    for r in regels():
        assert gezien[r.id] == f"en/{PAGINAS[r.hoofdstuk]}index.html"


def test_the_page_prose_check_keeps_prose_and_drops_code_and_dutch_marks() -> None:
    proza = engelse_proza(
        '<p>The mayor signs. <span lang="nl">burgemeester tekent</span> <code>moties</code>'
        '</p><details class="example">test_fouten_json_en_engels</details>'
    )
    assert "mayor signs" in proza
    assert not re.search(r"burgemeester|moties|fouten", proza)
    assert nederlandse_woorden(engelse_proza("<p>De motie is aangenomen.</p>"), []) != []
