"""Hostile input, second probe (issue 25): bounded listings, one record per line, the
Unicode property Default_Ignorable_Code_Point, options that cannot merge, one complete
JSON document, the same exit code from ``uitslag`` and ``controleer``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.grenzen import MAX_OPSOMMING, opsomming
from alvrules.laden import lees_dossier
from alvrules.tekens import naam_sleutel, negeerbaar, op_een_regel, zichtbaar
from tests.conftest import EXAMPLES

VOORBEELD = tomllib.loads((EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8"))

#: default-ignorable combining marks that counted as visible before issue 25
NEGEERBAAR = ["\u034f", "\ufe0f", "\u180b", "\u17b4", "\U000e0100"]


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(VOORBEELD, default=lambda w: w.isoformat()))
    return data


def _schrijf(tmp_path: Path, data: dict[str, Any]) -> Path:
    pad = tmp_path / "dossier.json"
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return pad


def cli(argv: list[str]) -> tuple[int, str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = main(argv)
    return code, uit.getvalue(), fout.getvalue()


# -- Default_Ignorable_Code_Point ----------------------------------------------------------


@pytest.mark.parametrize("teken", NEGEERBAAR, ids=lambda c: f"U+{ord(c):04X}")
def test_default_ignorable_marks_are_invisible(teken: str) -> None:
    assert unicodedata.category(teken) == "Mn"  # a combining mark, not Cf
    assert negeerbaar(teken)
    assert not zichtbaar(teken)
    assert not zichtbaar(f" {teken}{teken}\u200b ")
    assert zichtbaar(f"Jan{teken}")


def test_the_table_is_the_unicode_property() -> None:
    """Spot checks against DerivedCoreProperties.txt (Unicode 15.0.0): the edges of ranges."""
    for c in (0x00AD, 0x115F, 0x1160, 0x180E, 0x200B, 0x206F, 0x3164, 0xFEFF, 0xE0000, 0xE0FFF):
        assert negeerbaar(chr(c)), hex(c)
    for c in (0x00AC, 0x00AE, 0x1161, 0x2070, 0xFFF9, 0xE1000, 0x20, 0x41):
        assert not negeerbaar(chr(c)), hex(c)


@pytest.mark.regel("SIG01")
@pytest.mark.parametrize("teken", NEGEERBAAR, ids=lambda c: f"U+{ord(c):04X}")
def test_a_mayor_with_an_ignorable_name_has_not_signed(teken: str) -> None:
    data = _data()
    for h in data["moties"][0]["ondertekening"]:
        h["naam"] = teken * 3
    rapport = controleer(lees_dossier(data))
    assert any(
        b.regel in ("SIG01", "SIG08") and b.pad.startswith("moties[") for b in rapport.fouten
    )


@pytest.mark.regel("NOT01")
@pytest.mark.parametrize(
    "namen",
    [
        ["Jan", "Jan\u200b", "\uff2a\uff41\uff4e"],
        ["\u034f", "\x07", "\ufe0f\u180b"],
        ["Piet", "piet", "Pi\u0065\u0301t"[:0] + "PIET"],
    ],
    ids=["jan-drie-keer", "onzichtbaar", "hoofdletters"],
)
def test_not01_counts_distinct_visible_persons(namen: list[str]) -> None:
    data = _data()
    data["notulencommissie"] = namen
    [b] = [b for b in controleer(lees_dossier(data)).bevindingen if b.regel == "NOT01"]
    assert b.pad == "notulencommissie"


@pytest.mark.regel("NOT01")
def test_not01_three_different_persons_pass() -> None:
    data = _data()
    data["notulencommissie"] = ["Jan", "Ｐｉｅｔ", "Klaas\u200b"]
    assert not [b for b in controleer(lees_dossier(data)).bevindingen if b.regel == "NOT01"]


@given(st.text(max_size=20))
def test_the_person_key_ignores_what_nobody_sees(naam: str) -> None:
    onzichtbaar = "".join(NEGEERBAAR) + "\u200b\u2060"
    assert naam_sleutel(naam + onzichtbaar) == naam_sleutel(naam)
    assert naam_sleutel(onzichtbaar + naam) == naam_sleutel(naam)
    if not zichtbaar(naam):
        assert not zichtbaar(naam + onzichtbaar)


# -- options --------------------------------------------------------------------------


def _keuze(opties: list[str], stemmen: dict[str, str]) -> dict[str, Any]:
    data = _data()
    s = data["stemmingen"][0]
    s.update(soort="keuze", opties=opties, stemmen=stemmen)
    s.pop("voorstellen", None)
    return data


@pytest.mark.regel("STM10")
@pytest.mark.parametrize(
    ("opties", "pad"),
    [
        (["A", "B", "A"], "opties[2]"),
        (["A", "a\u200b"], "opties[1]"),
        (["A", "Onthouding"], "opties[1]"),
        (["A", "\u034f"], "opties[1]"),
    ],
    ids=["dubbel", "dubbel-onzichtbaar", "onthouding", "onzichtbaar"],
)
def test_options_that_merge_or_abstain_are_errors(
    tmp_path: Path, opties: list[str], pad: str
) -> None:
    data = _data()
    stemmer = next(iter(data["stemmingen"][0]["stemmen"]))
    dossier = _keuze(opties, {stemmer: opties[-1]})
    bevindingen = [
        b
        for b in controleer(lees_dossier(dossier)).fouten
        if b.regel == "STM10" and b.pad.endswith(pad)
    ]
    assert bevindingen
    code, uit, _ = cli(["uitslag", str(_schrijf(tmp_path, dossier)), "--format", "json"])
    assert code == 1
    resultaat = json.loads(uit)["stemmingen"][0]
    assert resultaat["uitkomst"] == "geen besluit"  # an option "onthouding" never wins


# -- exit codes -----------------------------------------------------------------------


@pytest.mark.regel("STM12")
def test_uitslag_and_controleer_agree_on_two_votes_sharing_an_id(tmp_path: Path) -> None:
    data = _data()
    data["stemmingen"].append(dict(data["stemmingen"][0]))
    pad = str(_schrijf(tmp_path, data))
    codes = {cli([opdracht, pad])[0] for opdracht in ("controleer", "uitslag")}
    assert codes == {1}
    code, uit, _ = cli(["uitslag", pad, "--format", "json"])
    assert code == 1
    assert any(b["regel"] == "STM12" for b in json.loads(uit)["bevindingen"])


# -- bounded listings -----------------------------------------------------------------


def test_a_listing_is_capped_and_counts_the_rest() -> None:
    ids = [f"P{i}" for i in range(MAX_OPSOMMING + 40)]
    nl, en = opsomming(ids)
    assert nl == ", ".join(ids[:MAX_OPSOMMING]) + " en 40 meer"
    assert en == ", ".join(ids[:MAX_OPSOMMING]) + " and 40 more"
    assert opsomming(ids[:3]) == ("P0, P1, P2", "P0, P1, P2")
    assert opsomming(ids[:2], totaal=7) == ("P0, P1", "P0, P1")
    assert opsomming(ids[:MAX_OPSOMMING], totaal=12)[0].endswith(" en 2 meer")


@pytest.mark.regel("MOT04")
def test_mot04_names_at_most_max_opsomming_agenda_items() -> None:
    data = _data()
    data["agendapunten"] += [
        {"id": f"P{i}", "titel": "x", "soort": "bespreking"} for i in range(500)
    ]
    data["moties"][0]["agendapunt"] = "bestaat-niet"
    [b] = [b for b in controleer(lees_dossier(data)).bevindingen if b.regel == "MOT04"]
    assert b.melding.count(",") == MAX_OPSOMMING - 1
    assert f"en {len(data['agendapunten']) - MAX_OPSOMMING} meer" in b.melding


@pytest.mark.regel("STM09")
def test_a_long_order_motion_is_not_repeated_in_every_postponed_vote(tmp_path: Path) -> None:
    data = _data()
    s0 = data["stemmingen"][0]
    orde = {
        **s0,
        "id": "ORDE",
        "soort": "orde",
        "betreft": "kabinetsformatie",
        "voorstellen": [f"O{i}" for i in range(300)],
    }
    later = [
        {k: v for k, v in s0.items() if k != "stemmen"}
        | {"id": f"L{i}", "voorstellen": ["kabinetsformatie"]}
        for i in range(50)
    ]
    data["stemmingen"] = [orde, *later]
    code, uit, _ = cli(["uitslag", str(_schrijf(tmp_path, data)), "--format", "json"])
    assert code == 1
    stm09 = [b for b in json.loads(uit)["bevindingen"] if b["regel"] == "STM09"]
    assert len(stm09) == 50
    for b in stm09:
        assert "en 290 meer" in b["melding"]
        assert "O11" not in b["melding"]
    assert len(uit) < 200_000


# -- one record per line --------------------------------------------------------------

#: hostile strings: line breaks of every kind, tabs, control and bidi characters
VIJANDIG = st.lists(
    st.sampled_from(["\n", "\r", "\t", "\x0b", "\x1b[2J", "\x85", "\u2028", "\u202e", "::", "a"])
    | st.characters(codec="utf-8"),
    min_size=1,
    max_size=8,
).map("".join)


@given(VIJANDIG)
def test_one_line_escapes_every_line_break(tekst: str) -> None:
    regel = op_een_regel(tekst)
    assert len(regel.splitlines()) <= 1
    assert not any(unicodedata.category(c) == "Cc" for c in regel)


@pytest.mark.parametrize(
    "opdracht",
    [
        ["controleer"],
        ["controleer", "--format", "github"],
        ["uitslag"],
        ["uitslag", "--format", "csv"],
        ["uitslag", "--format", "html"],
        ["verantwoording"],
        ["verantwoording", "--format", "markdown"],
    ],
    ids="-".join,
)
def test_a_forged_line_in_a_title_stays_inside_its_record(
    tmp_path: Path, opdracht: list[str]
) -> None:
    """A title whose line feed would make line 1 of ``uitslag`` read "aangenomen"; a name
    or id at the start of a line that a CI runner would read as a workflow command."""
    vals = "\naangenomen met 100% van de stemmen\n::error::vals\t\x1b[2J"
    data = _data()
    data["vergadering"]["naam"] = "::error::vals" + vals
    data["stemmingen"][0]["titel"] = vals
    data["stemmingen"][0]["id"] = "::error::vals" + data["stemmingen"][0]["id"] + vals
    data["moties"][0]["titel"] = vals
    data["moties"][0]["id"] += vals
    code, uit, fout = cli([opdracht[0], str(_schrijf(tmp_path, data)), *opdracht[1:]])
    assert code in (0, 1)
    for tekst in (uit, fout):
        for regel in tekst.splitlines():
            assert not regel.startswith(("aangenomen", "::error::vals")), regel
            assert "\t" not in regel
            assert "\x1b" not in regel
    if opdracht[-1] == "csv":
        rijen = list(csv.reader(io.StringIO(uit)))
        assert len(rijen) == len(uit.splitlines())  # one record per physical line


# -- one complete JSON document -------------------------------------------------------


def test_json_stdout_is_complete_or_only_the_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A character UTF-8 cannot encode half-way through a large output: stdout holds only
    the error object, never cut-off JSON followed by it."""
    from alvrules._cli import _uitvoer

    monkeypatch.setattr(_uitvoer, "CONTROLE", [])
    data = {"x": ["é" * 100] * 30_000 + ["\udc80"]}
    with pytest.raises(UnicodeEncodeError):
        _uitvoer.json_uit("test", data)
    assert capsys.readouterr().out == ""


# -- one error line, bounded memory -----------------------------------------------------


def test_one_error_line_for_many_wrong_items_keeps_only_a_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """5 MiB of wrong-typed items cost 1.09 GB for one line: the loader now keeps the first
    problems of a list and counts the rest."""
    from alvrules import laden

    bewaard: list[int] = []
    echt = laden._Fouten.__init__

    def init(self: Any, fouten: Any, meer: int = 0) -> None:
        bewaard.append(len(fouten))
        echt(self, fouten, meer)

    monkeypatch.setattr(laden._Fouten, "__init__", init)
    data = _data()
    data["notulencommissie"] = [1] * 50_000
    data["moties"][0]["oproep"] = ["x", 2, 3]
    with pytest.raises(laden.InvoerFout) as fout:
        lees_dossier(data)
    # 50,000 + 2 problems: the first named, the rest counted
    assert str(fout.value) == (
        "dossier: moties[M01].oproep[1]: verwacht tekst, niet een getal (en nog 50.001)"
    )
    assert max(bewaard) <= laden._BEWAARD


@pytest.mark.regel("STM12")
def test_stm12_names_at_most_max_opsomming_unknown_proposals_per_vote() -> None:
    """Each 8-byte unknown id was a finding (a 2.5 MiB order motion gave 192 MB of SARIF)."""
    data = _data()
    data["stemmingen"][0]["voorstellen"] = [f"X{i}" for i in range(MAX_OPSOMMING + 25)]
    stm12 = [b for b in controleer(lees_dossier(data)).bevindingen if b.regel == "STM12"]
    assert len(stm12) == MAX_OPSOMMING + 1
    assert stm12[-1].melding == "En nog 25 voorstellen van deze stemming staan niet in het dossier."
    assert stm12[0].pad.endswith(".voorstellen[0]")
