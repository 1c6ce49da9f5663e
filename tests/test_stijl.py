"""The style of docs/stijl.md, checked over the outputs of both examples and the test
corpus: findings are sentences, dates are written as people write them, headings name the
item and never a data path, numbers carry the separators of their language.

Two levels: the findings themselves (every rule the corpus reaches, in both languages), and
every output a person reads (``controleer`` text and github, ``uitslag`` text and html,
``verantwoording`` text and markdown, ``termijnen``, ``stemgewichten``, ``regels``) for
every dossier of the corpus in both languages. What other modules still write otherwise is
listed, with the module, in :data:`NOG_ISO` and :data:`NOG_NIET_IN_STIJL`; both only
shrink."""

from __future__ import annotations

import html
import re
import tomllib

import pytest

from alvrules.controle import controleer
from alvrules.fouten import InvoerFout
from alvrules.laden import laad_dossier
from alvrules.regels import Bevinding
from tests.conftest import DATA, EXAMPLES

#: The corpus: both examples and every readable dossier of the test data.
CORPUS = sorted([*EXAMPLES.glob("*.toml"), *DATA.glob("*.toml")])

#: A date in ISO form that is no part of an identifier (``notulen-2023-06-14`` is one).
ISO_DATUM = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")

#: An ISO date, or date and time, that is no part of an identifier (docs/stijl.md).
ISO_MOMENT = re.compile(
    r"(?<![\w-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)?(?![\w-])"
)
#: Rules whose findings are not yet written as sentences (docs/stijl.md): only shrinks.
NOG_GEEN_ZIN: frozenset[str] = frozenset()


def _bevindingen() -> list[Bevinding]:
    uit: list[Bevinding] = []
    for pad in CORPUS:
        try:
            uit += list(controleer(laad_dossier(pad)))
        except InvoerFout:
            continue
    return uit


BEVINDINGEN = _bevindingen()


def is_zin(tekst: str) -> bool:
    """A sentence: it begins with a capital, a digit, a quote or a name, ends with . ? !"""
    begin = tekst[:1]
    return (begin.isupper() or begin.isdigit() or begin in "'\"“") and tekst.rstrip().endswith(
        (".", "?", "!")
    )


def test_the_corpus_has_findings_of_many_rules() -> None:
    assert len({b.regel for b in BEVINDINGEN}) >= 30


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_finding_is_a_sentence(taal: str) -> None:
    geen_zin = sorted(
        {
            (b.regel, b.tekst(taal))
            for b in BEVINDINGEN
            if b.regel not in NOG_GEEN_ZIN and not is_zin(b.tekst(taal))
        }
    )
    assert geen_zin == []


#: Rules whose findings still write a date or moment in ISO form, with the module (of
#: helper ``meldingen``) that writes them: only shrinks.
NOG_ISO: dict[str, str] = {}


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_no_finding_writes_a_date_in_iso_form(taal: str) -> None:
    """Neither a date nor a date with a time (``2023-11-20T13:00:00+01:00``)."""
    iso = {b.regel: b.tekst(taal) for b in BEVINDINGEN if ISO_MOMENT.search(b.tekst(taal))}
    assert sorted(set(NOG_ISO) - set(iso)) == [], "al zonder ISO: haal uit NOG_ISO"
    assert {r: t for r, t in iso.items() if r not in NOG_ISO} == {}


def test_the_style_check_sees_what_it_should() -> None:
    assert is_zin("Motie M02 (Ede): de slotzin ontbreekt.")
    assert is_zin("'Nergenshuizen' is geen gemeente.")
    assert not is_zin("motie M02: de verantwoording is leeg")
    assert not is_zin("De verantwoording is leeg")
    assert ISO_DATUM.search("uiterlijk 2023-05-24 (TRM06)")
    assert not ISO_DATUM.search("notulen-2023-06-14, motie 2024-12-M01")


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("vorm", ["text", "markdown"])
def test_the_accounting_writes_dates_in_words_and_names_its_items(
    capsys: pytest.CaptureFixture[str], taal: str, vorm: str
) -> None:
    from alvrules.cli import main

    main(
        [
            "verantwoording",
            str(EXAMPLES / "najaars-alv-2023.toml"),
            "--format",
            vorm,
            "--lang",
            taal,
        ]
    )
    uit = capsys.readouterr().out
    proza = [r for r in uit.splitlines() if not r.startswith(("provenance", "herkomst", "*"))]
    assert not [r for r in proza if ISO_DATUM.search(r)]
    koppen = [r for r in proza if r.startswith("#")]
    assert bool(koppen) == (vorm == "markdown")
    assert not [k for k in koppen if re.search(r"\w\[|\]\.", k)]  # no data path as a heading


def test_english_numbers_have_english_separators(capsys: pytest.CaptureFixture[str]) -> None:
    from alvrules.cli import main

    main(["stemgewichten", "2023", "--lang", "en"])
    main(["uitslag", str(EXAMPLES / "najaars-alv-2023.toml"), "--lang", "en"])
    uit = capsys.readouterr().out
    assert not re.search(r"\d\.\d{3}(?!\d)", uit.replace("sha256", ""))
    assert re.search(r"\d%", uit)


# --- the style over every human-readable output ---------------------------------------------
#
# Every command and every format a person reads, for both examples (also the dossier of
# examples/ledenraadpleging/) and the test corpus, in both languages, run in-process through
# the CLI. Before checking, the texts of the input (titles, names, reasons: they stay as
# entered) and the provenance line (hashes and data ids) are taken out.

#: Every dossier of the corpus, also those in a folder of examples/.
DOSSIERS = sorted({*CORPUS, *EXAMPLES.glob("*/*.toml")})

#: (command, format) for a dossier; (command, format) without a dossier below.
MET_DOSSIER = [
    ("controleer", "text"),
    ("controleer", "github"),
    ("uitslag", "text"),
    ("uitslag", "html"),
    ("verantwoording", "text"),
    ("verantwoording", "markdown"),
]
ZONDER_DOSSIER = [("termijnen", "text"), ("stemgewichten", "text"), ("regels", "text")]

#: A path into the data (``moties[M02]``, ``eerdere_moties[2024-12-M01].status``).
DATAPAD = re.compile(r"\b[a-z_]+(?:\[[^\]\n]*\])+")
#: Numbers written with the other language's separators, and numbers without grouping.
ANDERE_SCHEIDING = {
    "en": re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\w.,]?\d)|\d,\d+\s?%"),
    "nl": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w.,]?\d)|\d\.\d+\s?%"),
}
ONGEGROEPEERD = re.compile(r"(?<![\w.,:/#-])\d{5,}(?![\w.,:/-]?\w)")
#: A finding in the text format: ``  SIG01  fout: De burgemeester … .``
BEVINDINGREGEL = re.compile(r"^\s+[A-Z]{3}\d{2}\s+\w+: (.+)$")


def _draai(args: tuple[str, ...]) -> tuple[int, str, str]:
    """``alvrules ARGS`` in-process: exit code, stdout, stderr (as tests/test_engels.py
    runs them, but without a subprocess: the corpus is large)."""
    import contextlib
    import io

    from alvrules.cli import main

    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse
            code = e.code if isinstance(e.code, int) else 2
    return code, uit.getvalue(), fout.getvalue()


def _gevallen(opdracht: str, vorm: str, taal: str) -> list[tuple[tuple[str, ...], list[str]]]:
    """The runs of one command and format: ``(args, texts of the input)``."""
    from tests.test_engels import _invoerteksten

    if (opdracht, vorm) in MET_DOSSIER:
        return [
            ((opdracht, str(p), "--format", vorm, "--lang", taal), _invoerteksten(p))
            for p in DOSSIERS
        ]
    data = [tomllib.loads(p.read_text("utf-8")).get("vergadering", {}) for p in DOSSIERS]
    datums = sorted({str(v["datum"]) for v in data if "datum" in v})
    if opdracht == "termijnen":
        return [((opdracht, d, "--lang", taal), []) for d in datums]
    if opdracht == "stemgewichten":
        return [((opdracht, j, "--lang", taal), []) for j in sorted({d[:4] for d in datums})]
    return [((opdracht, "--lang", taal), []), ((opdracht, "STM05", "--lang", taal), [])]


def _proza(uit: str, vorm: str, invoer: list[str]) -> tuple[str, list[str]]:
    """The human text of an output and its headings, without the input's texts and the
    provenance line."""
    if vorm == "html":
        uit = re.sub(r"<(style|script)\b.*?</\1>", " ", uit, flags=re.S)
        koppen = re.findall(r"<(h[1-6]|title)\b[^>]*>(.*?)</\1>", uit, flags=re.S)
        kop_teksten = [html.unescape(re.sub(r"<[^>]+>", "", k)) for _, k in koppen]
        uit = html.unescape(re.sub(r"<[^>]+>", "\n", uit))
    else:
        regels = uit.splitlines()
        if vorm == "markdown":
            kop_teksten = [r.lstrip("#").strip() for r in regels if r.startswith("#")]
        else:  # a line at the margin with indented lines under it is a heading
            kop_teksten = [
                r
                for r, volgende in zip(regels, [*regels[1:], ""], strict=True)
                if r.strip() and not r[0].isspace() and volgende[:1].isspace()
            ]
    regels = [r for r in uit.splitlines() if not r.startswith(("herkomst:", "provenance:", "<!--"))]
    tekst = "\n".join(regels)
    for t in invoer:  # longest first
        tekst = tekst.replace(t, " ")
        kop_teksten = [k.replace(t, " ") for k in kop_teksten]
    return tekst, kop_teksten


#: A plural in brackets, ``stem(men)`` / ``ballot(s)``: the number decides (docs/stijl.md).
HAAKJESMEERVOUD = re.compile(r"\b\w+\((?:s|en|men|n)\)")


def stijlfouten(uit: str, vorm: str, taal: str, invoer: list[str]) -> dict[str, set[str]]:
    """What one output does against docs/stijl.md, per kind of check."""
    tekst, koppen = _proza(uit, vorm, invoer)
    fouten: dict[str, set[str]] = {
        "iso-datum": set(ISO_MOMENT.findall(tekst)),
        "pad-in-kop": {k.strip() for k in koppen if DATAPAD.search(k)},
        "scheidingsteken": set(ANDERE_SCHEIDING[taal].findall(tekst)),
        "ongegroepeerd": set(ONGEGROEPEERD.findall(tekst)),
        "geen-zin": set(),
        "meervoud-tussen-haakjes": set(HAAKJESMEERVOUD.findall(tekst)),
    }
    if vorm == "text":
        for regel in uit.splitlines():
            m = BEVINDINGREGEL.match(regel)
            if m and not is_zin(m.group(1)):
                fouten["geen-zin"].add(m.group(1)[:80])
    return {k: v for k, v in fouten.items() if v}


#: (command, format, check) -> the module that still writes it so, and what: gaps in the
#: modules of the other helpers of issue 29, in both languages. A listed case that passes
#: fails the test, so the list only shrinks.
NOG_NIET_IN_STIJL: dict[tuple[str, str, str], str] = {}


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize(("opdracht", "vorm"), MET_DOSSIER + ZONDER_DOSSIER)
def test_every_human_output_follows_the_style(opdracht: str, vorm: str, taal: str) -> None:
    gevonden: dict[str, dict[str, set[str]]] = {}
    for args, invoer in _gevallen(opdracht, vorm, taal):
        code, uit, _ = _draai(args)
        if code == 2:  # unreadable for this command (a consultation file is no dossier)
            continue
        for soort, wat in stijlfouten(uit, vorm, taal, invoer).items():
            gevonden.setdefault(soort, {})[" ".join(args[1:2])] = wat
    bekend = {s for (o, v, s) in NOG_NIET_IN_STIJL if (o, v) == (opdracht, vorm)}
    nog = sorted(bekend - set(gevonden))
    assert nog == [], f"al in stijl ({taal}): haal {[(opdracht, vorm, s) for s in nog]} weg"
    nieuw = {s: w for s, w in gevonden.items() if s not in bekend}
    assert nieuw == {}


def test_the_output_style_check_sees_what_it_should() -> None:
    assert stijlfouten("Ontvangen 2023-11-22T09:15:00+01:00.", "text", "nl", []) == {
        "iso-datum": {"2023-11-22T09:15:00+01:00"}
    }
    assert stijlfouten("Motie 2024-12-M01, notulen-2023-06-14.", "text", "nl", []) == {}
    assert stijlfouten("1 ballot(s) en 2 stem(men).", "text", "en", []) == {
        "meervoud-tussen-haakjes": {"ballot(s)", "stem(men)"}
    }
    assert stijlfouten("# Motie moties[M02]\n", "markdown", "nl", []) == {
        "pad-in-kop": {"Motie moties[M02]"}
    }
    assert stijlfouten("<h2>Motie M02 (Ede)</h2>", "html", "nl", []) == {}
    assert stijlfouten("1.267 inhabitants, 21,49% for", "text", "en", []) == {
        "scheidingsteken": {"1.267", "1,49%"}
    }
    assert stijlfouten("1,267 inwoners, 21.49% voor", "text", "nl", []) == {
        "scheidingsteken": {"1,267", "1.49%"}
    }
    assert stijlfouten("1.267 inwoners, 21,49% voor, GM0363, 12972", "text", "nl", []) == {
        "ongegroepeerd": {"12972"}
    }
    assert stijlfouten("Motie M01\n  SIG01  fout: geen burgemeester\n", "text", "nl", []) == {
        "geen-zin": {"geen burgemeester"}
    }
    assert stijlfouten("Titel 2023-01-01 x", "text", "nl", ["Titel 2023-01-01 x"]) == {}
    assert stijlfouten("herkomst: CBS 2022-01-01 (sha256 1234567)", "text", "nl", []) == {}
