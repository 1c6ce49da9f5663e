"""The style of docs/stijl.md, checked over the outputs of both examples and the test
corpus: findings are sentences, dates are written as people write them, headings name the
item and never a data path, numbers carry the separators of their language."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_no_finding_writes_a_date_in_iso_form(taal: str) -> None:
    iso = sorted({b.tekst(taal) for b in BEVINDINGEN if ISO_DATUM.search(b.tekst(taal))})
    assert iso == []


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
