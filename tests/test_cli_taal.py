"""The command line in one language: Dutch by default, English with --lang en or LANG=en*,
argparse's own words included; every --help states defaults, formats, exit codes and an
example."""

from __future__ import annotations

import argparse
import re
from datetime import date, time
from typing import Any

import pytest

from alvrules.cli import COMMANDS, STANDAARD_SLUITINGSTIJD, formaten, main
from alvrules.gemeenten import register
from alvrules.laden import laad_dossier
from alvrules.procedure import procedure_op
from alvrules.regels import regels
from tests.conftest import EXAMPLES

NAJAARS = str(EXAMPLES / "najaars-alv-2023.toml")
FOUTEN = str(EXAMPLES / "fouten.toml")


def _draai(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as e:  # --help
        code = int(e.code or 0)
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_bare_alvrules_prints_usage_and_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, fout = _draai(capsys, [])
    assert code == 2
    assert uit == ""
    assert fout.startswith("gebruik: alvrules")
    for naam, (alias, *_) in COMMANDS.items():
        assert f"{naam} ({alias})" in fout


def test_termijnen_help_shows_the_default_cut_off(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, _ = _draai(capsys, ["termijnen", "--help"])
    assert code == 0
    assert "standaard: 12:00" in uit
    # the help states the procedure's own default
    standaard = procedure_op(date(2023, 12, 1)).sluitingstijd
    assert time.fromisoformat(STANDAARD_SLUITINGSTIJD) == standaard


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("naam", list(COMMANDS))
def test_every_help_states_formats_exit_codes_and_an_example(
    capsys: pytest.CaptureFixture[str], naam: str, taal: str
) -> None:
    alias = COMMANDS[naam][0]
    for opdracht in (naam, alias):
        code, uit, _ = _draai(capsys, ["--lang", taal, opdracht, "--help"])
        assert code == 0
        gebruik, voorbeeld, codes = (
            ("usage:", "example:", "exit codes: 0")
            if taal == "en"
            else ("gebruik:", "voorbeeld:", "afsluitcodes: 0")
        )
        assert uit.startswith(f"{gebruik} alvrules {opdracht} ")  # the alias shows its own name
        assert " | ".join(formaten(naam)) in uit
        assert codes in uit
        assert f"{voorbeeld}\n  alvrules {opdracht} " in uit
        assert ("default" if taal == "en" else "standaard") in uit


def test_argparse_speaks_dutch_by_default_and_english_on_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, fout = _draai(capsys, ["termijnen"])
    assert (code, fout) == (2, "alvrules termijnen: fout: deze argumenten ontbreken: DATUM\n")
    code, _, fout = _draai(capsys, ["regels", "--format", "xml"])
    assert "ongeldige keuze: 'xml' (kies uit 'text', 'json')" in fout
    code, _, fout = _draai(capsys, ["--lang", "en", "termijnen"])
    assert fout == "alvrules termijnen: error: the following arguments are required: DATE\n"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, _, fout = _draai(capsys, ["deadlines"])
    assert fout == "alvrules deadlines: error: the following arguments are required: DATE\n"
    code, _, fout = _draai(capsys, ["--lang", "nl", "deadlines"])
    assert "fout: deze argumenten ontbreken" in fout
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # restored


def test_argparse_words_come_from_the_catalogue_and_read_back_as_argparse_writes_them() -> None:
    """Each of argparse's messages has a Dutch message in the catalogue whose English is
    argparse's own text again (same %-fields), so English help reads as argparse writes it."""
    from alvrules._cli._taal import ARGPARSE, argparse_in
    from alvrules.teksten import vertaal

    velden = re.compile(r"%(?:\(\w+\))?[rsd]")
    for engels, nederlands in ARGPARSE.items():
        assert vertaal("en", nederlands) == engels
        assert sorted(velden.findall(nederlands)) == sorted(velden.findall(engels)), engels
    with argparse_in("nl"):
        assert argparse._("usage: ") == "gebruik: "  # type: ignore[attr-defined]
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == (  # type: ignore[attr-defined]
            "verwacht %s waarden"
        )
        assert argparse._("not one of ours") == "not one of ours"  # type: ignore[attr-defined]
    with argparse_in("en"):
        assert argparse._("options") == "options"  # type: ignore[attr-defined]


#: Words the tool itself writes as labels in Dutch; none may be left in English output once
#: the input's own text (titles, names, sources) and option names are taken out. ("en" and
#: "do" are English words too; the domain terms of docs/cli.md, such as afdoen, preadvies,
#: overnemen, are not labels.)
NEDERLANDSE_LABELS = (
    "bron", "pad", "fout", "fouten", "waarschuwing", "waarschuwingen", "geldig", "ongeldig",
    "Uitleg", "Termijnen", "regel", "naam", "bindend", "ja", "nee", "gemeente", "inwoners",
    "stemmen", "leden", "totaal", "peildatum", "voorstel", "oproep", "verantwoording",
    "reden", "Besluit", "voor", "tegen", "onthouding", "geldt", "aangenomen", "verworpen",
    "gekozen", "herkomst", "catalogus", "gebruik", "opties", "argumenten", "standaard",
    "voorbeeld", "afsluitcodes", "moties", "Vergadering", "Motie", "Amendement", "Stemming",
    "Agendapunt", "ma", "di", "wo", "vr", "za", "zo", "werkdag", "werkdagen",
    "overgeslagen", "kalender", "sinds", "e.a.", "niet", "geen", "zonder", "met", "van",
)  # fmt: skip


def _invoer_teksten() -> list[str]:
    """Every text that comes from the input or the sources (Dutch by nature)."""
    teksten: set[str] = set()

    def verzamel(w: Any) -> None:
        if isinstance(w, str):
            teksten.add(w)
        elif isinstance(w, dict):
            for k, v in w.items():
                teksten.add(k)
                verzamel(v)
        elif isinstance(w, list):
            for v in w:
                verzamel(v)

    for pad in (NAJAARS, FOUTEN):
        verzamel(laad_dossier(pad).naar_dict())
    for r in regels():
        teksten.add(r.bron)
        teksten.update(b for b in r.bron.split("; "))
    for g in register():
        teksten.add(g.naam)
    return sorted(teksten, key=len, reverse=True)


INVOER = _invoer_teksten()


@pytest.mark.parametrize(
    "argv",
    [
        ["termijnen", "2023-12-01", "--sluitingstijd", "13:00"],
        ["controleer", NAJAARS],
        ["controleer", FOUTEN],
        ["stemgewichten", "2023"],
        ["uitslag", NAJAARS],
        ["verantwoording", NAJAARS],
        ["regels"],
        *(["regels", r.id] for r in regels()),
        ["--help"],
        *([naam, "--help"] for naam in COMMANDS),
    ],
    ids=" ".join,
)
def test_english_output_has_no_dutch_label_left(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _, uit, fout = _draai(capsys, ["--lang", "en", *argv])
    tekst = " ".join((uit + fout).split())  # wrapped lines joined
    for t in INVOER:
        if len(t) > 2:
            tekst = tekst.replace(" ".join(t.split()), " ")
    tekst = re.sub(r"`[^`]*`|--[\w-]+|\b\S*\.(toml|json|csv)\b", " ", tekst)
    gevonden = sorted(
        {w for w in NEDERLANDSE_LABELS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", tekst)}
    )
    assert gevonden == [], tekst


def test_every_rule_has_an_english_explanation_and_decision() -> None:
    """From the message catalogue (tests/test_teksten.py checks that it is complete)."""
    for r in regels():
        assert r.uitleg_in("en") != r.uitleg
        assert r.uitleg_in("nl") == r.uitleg
        if r.besluit:
            assert r.besluit_in("en") != r.besluit
        else:
            assert r.besluit_in("en") is None
