"""The message catalogue: every message in the source has English, and the check cannot be
fooled (it fails when one English string is removed, on an f-string as message id, on a
message built at run time, and on Dutch text that bypasses the catalogue)."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import teksten
from alvrules.teksten import (
    Datum,
    Getal,
    Moment,
    Opsomming,
    Tijd,
    Vertaling,
    bericht,
    bericht_n,
    lees_po,
    vertaal,
    vertaal_n,
)
from tests.conftest import DATA, ROOT


def _script() -> ModuleType:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("teksten_script", ROOT / "scripts" / "teksten.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("teksten_script", module)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
PO: Path = SCRIPT.PO


def zonder_engels(po_tekst: str) -> list[str]:
    """The messages of the source that ``po_tekst`` does not translate (the completeness
    check; the test below runs it on the real catalogue and on one with a string removed)."""
    berichten, _ = SCRIPT.verzamel()
    vertaald = {v.msgid for v in lees_po(po_tekst) if v.vertaald}
    return [m for m in berichten if m not in vertaald]


def test_every_message_in_the_source_has_english() -> None:
    ontbreekt = zonder_engels(PO.read_text("utf-8"))
    assert ontbreekt == [], (
        f"berichten zonder Engels (python scripts/teksten.py, dan het Engels invullen): {ontbreekt}"
    )


def test_the_check_fails_when_one_english_string_is_removed() -> None:
    tekst = PO.read_text("utf-8")
    items = [v for v in lees_po(tekst) if v.msgid and v.msgid_plural is None]
    assert len(items) > 20
    slachtoffer = items[len(items) // 2]
    engels = slachtoffer.msgstr[0]
    regel = SCRIPT._po_tekst("msgstr", engels)
    assert tekst.count(regel) >= 1
    # remove exactly that entry's translation (the first occurrence after its msgid)
    begin = tekst.index(SCRIPT._po_tekst("msgid", slachtoffer.msgid) + "\n")
    plek = tekst.index(regel, begin)
    zonder = tekst[:plek] + 'msgstr ""' + tekst[plek + len(regel) :]
    assert zonder_engels(zonder) == [slachtoffer.msgid]
    # and a fuzzy translation does not count either (msgfmt leaves it out too)
    vaag = tekst[:begin] + "#, fuzzy\n" + tekst[begin:]
    assert zonder_engels(vaag) == [slachtoffer.msgid]


def test_no_message_is_an_fstring_or_built_with_plus() -> None:
    _, problemen = SCRIPT.verzamel()
    assert problemen == []
    fout = list(
        SCRIPT.berichten_in('vertaal(taal, f"Motie {m.id} ontbreekt.")\nN_("a" + b)\n', "x.py")
    )
    assert [p for *_, p in fout] == [
        "x.py:1: vertaal() met een JoinedStr als bericht",
        "x.py:2: N_() met een BinOp als bericht",
    ]


def test_the_catalogue_holds_no_dead_messages_and_the_same_fields() -> None:
    berichten, _ = SCRIPT.verzamel()
    for v in lees_po(PO.read_text("utf-8")):
        if not v.msgid:
            continue
        assert v.msgid in berichten, f"niet meer in de broncode: {v.msgid!r}"
        for vorm in v.msgstr.values():  # a translation names the same {fields}
            assert SCRIPT.velden(vorm) == SCRIPT.velden(v.msgid) | (
                SCRIPT.velden(v.msgid_plural) if v.msgid_plural else set()
            ), v.msgid


def test_the_po_file_is_what_the_tool_writes() -> None:
    """The ``.po`` is kept in the tool's form (order, references, flags), so that a new message
    is added with ``python scripts/teksten.py`` and a diff shows only what changed."""
    berichten, _ = SCRIPT.verzamel()
    bestaand = {v.msgid: v for v in lees_po(PO.read_text("utf-8"))}
    assert SCRIPT.schrijf_po(berichten, bestaand) == PO.read_text("utf-8")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
def test_gnu_msgfmt_accepts_the_catalogue_and_compiles_it_the_same(tmp_path: Path) -> None:
    import gettext

    uit = tmp_path / "alvrules.mo"
    subprocess.run(
        ["msgfmt", "--check", "--check-format", "-o", str(uit), str(PO)],
        check=True,
        capture_output=True,
    )
    gnu = gettext.GNUTranslations(uit.open("rb"))
    eigen = teksten._vertaling("en")
    for v in lees_po(PO.read_text("utf-8")):
        if v.msgid and v.msgid_plural is None:
            assert eigen.gettext(v.msgid) == gnu.gettext(v.msgid) == v.msgstr[0]
        elif v.msgid:
            for n in (1, 2):
                assert eigen.ngettext(v.msgid, v.msgid_plural, n) == gnu.ngettext(
                    v.msgid, v.msgid_plural, n
                )


def test_a_message_built_at_run_time_without_english_is_an_error_in_the_tests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dynamisch = "".join(["nergens ", "vertaald"])
    with pytest.raises(LookupError, match="nergens vertaald"):
        vertaal("en", dynamisch)
    monkeypatch.delenv("ALVRULES_ONVERTAALD")
    assert vertaal("en", dynamisch) == dynamisch  # for a user: Dutch rather than nothing
    assert vertaal("nl", dynamisch) == dynamisch


def test_dutch_never_loads_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    def nooit(taal: str) -> None:
        raise AssertionError(taal)

    monkeypatch.setattr(teksten, "_vertaling", nooit)
    assert vertaal("nl", "{n} motie", n=Getal(1267)) == "1.267 motie"
    assert vertaal_n("nl", "{n} motie", "{n} moties", 2) == "2 moties"
    assert Datum(date(2023, 11, 20)).in_("nl") == "maandag 20 november 2023"


def test_fields_are_written_as_each_language_writes_them() -> None:
    dag = date(2023, 11, 20)
    assert (Datum(dag).in_("nl"), Datum(dag).in_("en")) == (
        "maandag 20 november 2023",
        "Monday 20 November 2023",
    )
    assert Datum(dag, weekdag=False).in_("en") == "20 November 2023"
    assert (Tijd(time(13)).in_("nl"), Tijd(time(13)).in_("en")) == ("13.00 uur", "1:00 pm")
    assert (Tijd(time(0, 5)).in_("en"), Tijd(time(12)).in_("en")) == ("12:05 am", "12:00 pm")
    moment = datetime(2023, 11, 8, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert Tijd(moment).in_("nl") == "09.30 uur"
    assert (Getal(1267).in_("nl"), Getal(1267).in_("en")) == ("1.267", "1,267")
    assert (Opsomming("abc").in_("nl"), Opsomming("abc").in_("en")) == ("a, b en c", "a, b and c")
    assert Opsomming(["a", "b"], of=True).in_("en") == "a or b"
    assert Opsomming(["a"]).in_("en") == "a"
    genest = bericht("{dag} om {tijd}", dag=Datum(dag), tijd=Tijd(time(13)))
    assert str(genest) == "maandag 20 november 2023 om 13.00 uur"


def test_a_moment_is_written_in_dutch_time_with_seconds_only_when_it_has_them() -> None:
    """A deadline is exact to the second: 10:00:01 is late for 10:00 and must read so."""
    utc = datetime(2023, 11, 30, 9, 0, 1, tzinfo=ZoneInfo("UTC"))
    assert (Moment(utc).in_("nl"), Moment(utc).in_("en")) == (
        "donderdag 30 november 2023, 10.00.01 uur",
        "Thursday 30 November 2023, 10:00:01 am",
    )
    zomer = datetime(2023, 6, 1, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert str(Moment(zomer)) == "donderdag 1 juni 2023, 12.00 uur"
    assert Moment(date(2023, 6, 1)).in_("en") == Datum(date(2023, 6, 1)).in_("en")


@given(st.datetimes(timezones=st.just(ZoneInfo("UTC"))))
def test_a_moment_names_the_same_moment_in_dutch_time(tijd: datetime) -> None:
    """Property: the words name the day and the time (to the second) of the moment in
    Europe/Amsterdam, in both languages."""
    lokaal = tijd.astimezone(ZoneInfo("Europe/Amsterdam"))
    for taal in ("nl", "en"):
        tekst = Moment(tijd).in_(taal)
        assert tekst == f"{Datum(lokaal.date()).in_(taal)}, {Tijd(lokaal).in_(taal)}"
        seconden = r"\d:\d\d:\d\d [ap]m$" if taal == "en" else r"\d\.\d\d\.\d\d uur$"
        assert (re.search(seconden, tekst) is not None) == (lokaal.second > 0)


def test_a_message_is_written_later_in_either_language() -> None:
    b = bericht_n("{n} motie", "{n} moties", 1267)
    assert b.in_("nl") == "1.267 moties"
    assert b == bericht_n("{n} motie", "{n} moties", 1267)
    assert hash(b) == hash(b.in_("nl"))
    assert repr(b) == "Bericht('1.267 moties')"


@given(st.integers(-(10**12), 10**12))
def test_numbers_keep_their_digits_in_both_languages(n: int) -> None:
    nl, en = Getal(n).in_("nl"), Getal(n).in_("en")
    assert int(nl.replace(".", "")) == int(en.replace(",", "")) == n
    assert nl.translate(str.maketrans(".,", ",.")) == en


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_every_date_is_written_in_words_in_both_languages(dag: date) -> None:
    nl, en = Datum(dag).in_("nl"), Datum(dag).in_("en")
    assert nl.split()[-1] == en.split()[-1] == str(dag.year)
    assert nl.split()[1] == en.split()[1] == str(dag.day)
    assert nl.islower() or nl[0].isdigit() or nl.split()[0].islower()
    assert en.split()[0] == dag.strftime("%A")  # the C locale's English names


# --- nothing Dutch bypasses the catalogue -------------------------------------------------

#: Dutch words that do not occur in English text (reviewed; tests/data/nederlandse-woorden.txt).
WOORDEN = frozenset(
    w.strip().lower()
    for w in (DATA / "nederlandse-woorden.txt").read_text("utf-8").splitlines()
    if w.strip() and not w.startswith("#")
)


def _nederlands(tekst: str) -> bool:
    """Text of two or more words (an identifier, a key or a path is none) with a Dutch one."""
    woorden = re.findall(r"[a-zà-ÿ]+", tekst.lower())
    return len(tekst.split()) >= 2 and any(w in WOORDEN for w in woorden)


def onvertaald(bron: str) -> int:
    """The number of string literals in ``bron`` with a Dutch word of two or more words that
    are not a message (not passed to the catalogue's functions) and no docstring."""
    boom = ast.parse(bron)
    binnen: set[int] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Call) and SCRIPT._naam(knoop.func) in SCRIPT.FUNCTIES:
            binnen.update(id(a) for a in ast.walk(knoop))
        if (
            isinstance(knoop, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and knoop.body
            and isinstance(knoop.body[0], ast.Expr)
            and isinstance(knoop.body[0].value, ast.Constant)
        ):
            binnen.add(id(knoop.body[0].value))
        if isinstance(knoop, ast.Expr) and isinstance(knoop.value, ast.Constant):
            binnen.add(id(knoop.value))  # an attribute docstring (``#:`` style) or comment
    n = 0
    for knoop in ast.walk(boom):
        if id(knoop) in binnen:
            continue
        if isinstance(knoop, ast.JoinedStr):
            delen = " ".join(
                v.value
                for v in knoop.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
            binnen.update(id(v) for v in knoop.values)
            n += _nederlands(delen)
        elif isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            n += _nederlands(knoop.value)
    return n


def test_dutch_text_outside_the_catalogue_only_shrinks() -> None:
    """A ratchet: per module, the number of Dutch literals that bypass the catalogue may not
    grow (``tests/data/onvertaald.json``). Migrating a module lowers its number; a module that
    is done is not in the file and must stay at 0."""
    toegestaan: dict[str, int] = json.loads((DATA / "onvertaald.json").read_text("utf-8"))
    gevonden = {
        pad.relative_to(ROOT).as_posix(): onvertaald(pad.read_text("utf-8"))
        for pad in sorted((ROOT / "alvrules").rglob("*.py"))
    }
    te_veel = {m: n for m, n in gevonden.items() if n > toegestaan.get(m, 0)}
    assert te_veel == {}, (
        "Nederlandse tekst buiten de catalogus (gebruik alvrules.teksten.vertaal/bericht): "
        f"{te_veel}"
    )
    minder = {m: n for m, n in gevonden.items() if n < toegestaan.get(m, 0)}
    assert minder == {}, f"minder dan in tests/data/onvertaald.json: verlaag naar {minder}"


def test_the_bypass_check_sees_dutch_but_not_messages_or_docstrings() -> None:
    assert onvertaald('raise ValueError("onbekende regel")') == 1
    assert onvertaald('raise ValueError(f"onbekende regel {r!r}")') == 1
    assert onvertaald('vertaal(taal, "onbekende regel {r}", r=r)') == 0
    assert onvertaald('def f():\n    """De regel van de motie."""\n') == 0
    assert onvertaald('x = "moties"') == 0  # one word: a key of the dossier format
    assert onvertaald('x = "unknown rule"') == 0


def test_the_catalogue_entry_type() -> None:
    v = Vertaling(1)
    assert not v.vertaald
    v.msgstr[0] = "x"
    assert v.vertaald
    v.fuzzy = True
    assert not v.vertaald
    [kop, *rest] = lees_po(
        'msgid ""\nmsgstr "a"\n"b"\n\nmsgctxt "c"\nmsgid "d"\nmsgstr "e\\"\\n"\n'
    )
    assert (kop.msgstr[0], rest[0].msgctxt, rest[0].msgstr[0]) == ("ab", "c", 'e"\n')
    with pytest.raises(ValueError, match="regel 1"):
        lees_po('"zweeft"\n')
    with pytest.raises(ValueError, match="onbekend sleutelwoord"):
        lees_po('msgid "a"\nmsgzzz "b"\n')


@given(st.text(), st.sampled_from([None, "ctx"]))
def test_a_message_written_to_the_po_reads_back_the_same(tekst: str, context: str | None) -> None:
    """Property: what scripts/teksten.py writes (escapes, line breaks, long lines), the
    reader at run time reads back unchanged, also with a context."""
    po = (f'msgctxt "{context}"\n' if context else "") + SCRIPT._po_tekst("msgid", "x")
    po += "\n" + SCRIPT._po_tekst("msgstr", tekst) + "\n"
    [v] = lees_po(po)
    assert (v.msgctxt, v.msgid, v.msgstr) == (context, "x", {0: tekst})
