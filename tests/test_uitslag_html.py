"""``alvrules uitslag --format html`` is accessible (WCAG 2.1 AA basics), parsed with the
standard library's :mod:`html.parser`: language, viewport, captions and header cells,
numbers in text beside every coloured bar, contrast, readable without CSS, no JavaScript.
For a look by eye: ``scripts/uitslag-png.sh`` renders the page in headless Chromium.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from alvrules import cli, laden
from alvrules._cli._uitslag_html import KLEUREN
from alvrules.dossier import Dossier
from tests.test_uitslagen_2023 import lees_notulen, maak_dossier


class Knoop:
    def __init__(self, tag: str, attrs: dict[str, str], ouder: Knoop | None) -> None:
        self.tag, self.attrs, self.ouder = tag, attrs, ouder
        self.kinderen: list[Knoop | str] = []

    def tekst(self) -> str:
        return "".join(k if isinstance(k, str) else k.tekst() for k in self.kinderen)

    def alle(self, tag: str) -> list[Knoop]:
        uit: list[Knoop] = []
        for k in self.kinderen:
            if isinstance(k, Knoop):
                if k.tag == tag:
                    uit.append(k)
                uit.extend(k.alle(tag))
        return uit

    def voorouder(self, tag: str) -> Knoop | None:
        k = self.ouder
        while k is not None and k.tag != tag:
            k = k.ouder
        return k


LEEG = {"meta", "link", "br", "img", "input", "hr"}


class Boom(HTMLParser):
    """A small DOM: enough to ask where an element sits."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.wortel = Knoop("#document", {}, None)
        self.hier = self.wortel
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        k = Knoop(tag, {a: v or "" for a, v in attrs}, self.hier)
        self.hier.kinderen.append(k)
        if tag not in LEEG:
            self.hier = k

    def handle_endtag(self, tag: str) -> None:
        k: Knoop | None = self.hier
        while k is not None and k.tag != tag:
            k = k.ouder
        assert k is not None, f"</{tag}> without <{tag}>"
        assert k.ouder is not None
        self.hier = k.ouder

    def handle_data(self, data: str) -> None:
        self.hier.kinderen.append(data)


def ontleed(pagina: str) -> Boom:
    b = Boom()
    b.feed(pagina)
    b.close()
    assert b.hier is b.wortel, "every element is closed"
    return b


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return maak_dossier(lees_notulen())


def _pagina(dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any, *extra: str) -> str:
    monkeypatch.setattr(laden, "laad_bestand", lambda pad: (dossier, b""))
    assert cli.main(["uitslag", "alv.toml", "--format", "html", *extra]) == 0
    return str(capsys.readouterr().out)


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_language_viewport_landmarks_no_script(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any, taal: str
) -> None:
    boom = ontleed(_pagina(dossier, monkeypatch, capsys, "--lang", taal))
    assert boom.doctype.lower() == "doctype html"
    (html,) = boom.wortel.alle("html")
    assert html.attrs["lang"] == taal
    metas = {m.attrs.get("name"): m.attrs.get("content", "") for m in html.alle("meta")}
    assert "width=device-width" in metas["viewport"]
    assert any(m.attrs.get("charset") == "utf-8" for m in html.alle("meta"))
    assert html.alle("title")[0].tekst().strip()
    assert len(html.alle("main")) == 1
    assert len(html.alle("h1")) == 1
    assert len(html.alle("h2")) == len(dossier.stemmingen) + 1  # + the voting record
    # no JavaScript, no event handlers, nothing loaded from elsewhere
    assert html.alle("script") == []
    alles = [k for t in ("a", "img", "link", "iframe", "object", "embed") for k in html.alle(t)]
    for k in [html, *_alle(html)]:
        assert not any(a.startswith("on") for a in k.attrs), k.attrs
        assert "javascript:" not in " ".join(k.attrs.values()).lower()
    assert {k.tag for k in alles} <= {"a"}  # only links to the TOOI identifiers
    assert all(a.attrs["href"].startswith("https://identifier.overheid.nl/tooi/") for a in alles)


def _alle(k: Knoop) -> list[Knoop]:
    uit: list[Knoop] = []
    for c in k.kinderen:
        if isinstance(c, Knoop):
            uit.append(c)
            uit.extend(_alle(c))
    return uit


def test_tables_have_caption_thead_and_scoped_headers(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    boom = ontleed(_pagina(dossier, monkeypatch, capsys))
    tabellen = boom.wortel.alle("table")
    gewogen = [s for s in dossier.stemmingen if s.stemmen]
    assert len(tabellen) == len(gewogen) + 1  # a count per weighted vote + the record
    for t in tabellen:
        (caption,) = t.alle("caption")
        assert t.kinderen[0] is caption
        assert caption.tekst().strip()
        (thead,) = t.alle("thead")
        assert thead.alle("th")
        assert all(th.attrs.get("scope") == "col" for th in thead.alle("th"))
        for tr in t.alle("tbody")[0].alle("tr"):
            koppen = tr.alle("th")
            assert len(koppen) == 1
            assert koppen[0].attrs.get("scope") == "row"
            assert koppen[0].tekst().strip()
    record = tabellen[-1]
    # every member with a counted ballot (the 328 present); the absent have no row (issue 25)
    assert len(record.alle("tbody")[0].alle("tr")) == 328
    amsterdam = next(tr for tr in record.alle("tr") if tr.alle("th")[0].tekst() == "Amsterdam")
    (link,) = amsterdam.alle("a")
    assert (link.tekst(), link.attrs["href"]) == (
        "GM0363",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0363",
    )


def test_every_bar_has_its_numbers_in_text(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    boom = ontleed(_pagina(dossier, monkeypatch, capsys))
    balken = [k for k in _alle(boom.wortel) if "balk" in k.attrs.get("class", "").split()]
    assert len(balken) >= 3 * 10
    for balk in balken:
        assert balk.tekst() == ""  # the bar itself is decoration
        rij = balk.voorouder("tr")
        assert rij is not None
        (kop,) = rij.alle("th")
        assert kop.tekst().strip()  # the row names the choice
        cellen = rij.alle("td")
        assert re.fullmatch(r"[\d.]+", cellen[0].tekst().strip()), "votes in text"
        cel = balk.voorouder("td")
        assert cel is cellen[1]
        share = cel.tekst().strip()
        assert re.fullmatch(r"\d+,\d\d%|100%|0%", share), "the share in text beside it"
        breedte = re.search(r"width:([\d.]+)%", balk.attrs["style"])
        assert breedte
        # STM06: all and nothing as the minutes write them, without decimals
        verwacht = {"100,00%": "100%", "0,00%": "0%"}.get(
            w := breedte.group(1).replace(".", ",") + "%", w
        )
        assert verwacht == share


def test_readable_without_css(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Without the style sheet the outcome, the counts and the rule are all still text."""
    pagina = _pagina(dossier, monkeypatch, capsys)
    zonder = re.sub(r"<style>.*?</style>", "", pagina, flags=re.DOTALL)
    tekst = re.sub(r"\s+", " ", ontleed(zonder).wortel.tekst())
    assert "aangenomen: 98,58% voor, 1,42% tegen" in tekst
    assert "voor12.398" in tekst.replace(" ", "")
    assert "meer dan de helft van de uitgebrachte stemmen" in tekst
    assert "De uitslag stond vast na 166 van de 328 stembriefjes." in tekst
    assert "style=" not in re.sub(r'class="balk[^"]*" style="width:[\d.]+%"', "", zonder)


def _luminantie(kleur: str) -> float:
    r, g, b = (int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_and_print(dossier: Dossier, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    achter = KLEUREN["achtergrond"]
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast(KLEUREN["tekst"], achter) >= 7  # AAA for body text
    assert contrast(KLEUREN["gedempt"], achter) >= 4.5  # WCAG 1.4.3
    for k in ("voor", "tegen", "onthouding"):
        assert contrast(KLEUREN[k], achter) >= 3  # WCAG 1.4.11, non-text
    pagina = _pagina(dossier, monkeypatch, capsys)
    css = re.search(r"<style>(.*?)</style>", pagina, re.DOTALL)
    assert css is not None
    # every colour the style sheet uses is one of the checked ones (or a border grey)
    gebruikt = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,6}\b", css.group(1))}
    assert gebruikt <= {*KLEUREN.values(), "#767676"}
    assert contrast("#767676", achter) >= 4.5
    assert "@media print" in css.group(1)
    assert "print-color-adjust:exact" in css.group(1)
