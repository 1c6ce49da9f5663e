"""Hostile input (issue 17): never a traceback, one exception hierarchy, bounded cost.

Every CLI command on a path with a NUL byte, an integer beyond Python's digit limit and a
file that is not UTF-8 exits 2 with one line; the library raises only
:class:`~alvrules.fouten.AlvrulesFout`; quadratic shapes are refused or made linear.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import pkgutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import alvrules
from alvrules.amendementen import Wijziging, pas_toe, tel
from alvrules.cli import main
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.fouten import AlvrulesFout, GebruiksFout, InvoerFout
from alvrules.grenzen import MAX_INWONERS, MAX_SLEUTELDELEN, toml_vooraf
from alvrules.laden import laad_dossier
from alvrules.model import Vergadering
from alvrules.stemmingen import breuk
from tests.alv2023 import buiten_constructor
from tests.conftest import EXAMPLES

GROOT_GETAL = "9" * 5000


def cli(argv: list[str]) -> tuple[int, str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = main(argv)
        except SystemExit as e:
            code = int(e.code or 0)
    return code, uit.getvalue(), fout.getvalue()


def een_regel_exit_2(argv: list[str]) -> str:
    code, _, fout = cli(argv)
    assert code == 2, (argv, fout)
    assert fout.count("\n") == 1, fout
    assert fout.endswith("\n")
    assert fout[:-1].isprintable()
    assert "Traceback" not in fout
    return fout


@pytest.fixture
def bestanden(tmp_path: Path) -> dict[str, Path]:
    """A dossier with an over-long integer (TOML and JSON), a non-UTF-8 dossier and CBS
    files of both kinds."""
    uit = {
        "groot.toml": f"[vergadering]\ndatum = 2023-12-01\nx = {GROOT_GETAL}\n".encode(),
        "groot.json": b'{"vergadering": {"datum": "2023-12-01"}, "x": '
        + GROOT_GETAL.encode()
        + b"}",
        "utf.toml": b'[vergadering]\ndatum = 2023-12-01\nnaam = "\xff\xfe"\n',
        "inwoners-2022-01-01.csv": f"code,naam,inwoners\nGM0344,Utrecht,{GROOT_GETAL}\n".encode(),
        "utf-2022-01-01.csv": b"code,naam,inwoners\nGM0344,Utr\xe9cht,5\n",
    }
    paden = {}
    for naam, inhoud in uit.items():
        (tmp_path / naam).write_bytes(inhoud)
        paden[naam] = tmp_path / naam
    return paden


DOSSIEROPDRACHTEN = [
    ["controleer"],
    ["controleer", "--format", "json"],
    ["uitslag"],
    ["uitslag", "--format", "csv"],
    ["uitslag", "--format", "html"],
    ["verantwoording", "--format", "markdown"],
]


@pytest.mark.parametrize("opdracht", DOSSIEROPDRACHTEN, ids=" ".join)
def test_dossier_commands_on_hostile_files_exit_2(
    opdracht: list[str], bestanden: dict[str, Path]
) -> None:
    for naam in ("groot.toml", "groot.json", "utf.toml"):
        een_regel_exit_2([opdracht[0], str(bestanden[naam]), *opdracht[1:]])
    assert "NUL" in een_regel_exit_2([opdracht[0], "dossier\x00.toml", *opdracht[1:]])


def test_other_commands_on_hostile_input_exit_2(bestanden: dict[str, Path]) -> None:
    # stemgewichten reads a side file
    for naam in ("inwoners-2022-01-01.csv", "utf-2022-01-01.csv"):
        een_regel_exit_2(["stemgewichten", "2023", "--bevolking", str(bestanden[naam])])
    een_regel_exit_2(["stemgewichten", "2023", "--bevolking", "cbs\x00.csv"])
    # the commands without a file get the hostile text as their argument; "\udcff" is
    # how Python passes a non-UTF-8 byte on the command line
    for waarde in ("2023\x00", GROOT_GETAL, "\udcff", "0001-01-01"):
        een_regel_exit_2(["termijnen", waarde])
        een_regel_exit_2(["stemgewichten", waarde])
        een_regel_exit_2(["regels", waarde])


def test_impossible_dates_to_stemgewichten_exit_2() -> None:
    for waarde in ("0001-01-01", "0001-06-30", "9999-12-31", "2023-02-30"):
        een_regel_exit_2(["stemgewichten", waarde])


def test_population_counts_must_be_plausible(tmp_path: Path) -> None:
    for waarde in ("0", str(MAX_INWONERS + 1), "10" + "0" * 40, "²", "-5", "1.5"):
        pad = tmp_path / "inwoners-2022-01-01.csv"
        pad.write_text(f"code,naam,inwoners\nGM0344,Utrecht,{waarde}\n", encoding="utf-8")
        assert "inwoners van GM0344" in een_regel_exit_2(
            ["stemgewichten", "2023", "--bevolking", str(pad)]
        )


def test_side_file_has_the_size_limit_and_csv_field_limit(tmp_path: Path) -> None:
    pad = tmp_path / "inwoners-2022-01-01.csv"
    pad.write_text("code,naam,inwoners\nGM0344," + "x" * 200_000 + ",5\n", encoding="utf-8")
    assert "geen geldige CSV" in een_regel_exit_2(
        ["stemgewichten", "2023", "--bevolking", str(pad)]
    )
    pad.write_bytes(b"x" * (5 * 1024 * 1024 + 1))
    assert "groter dan 5 MiB" in een_regel_exit_2(
        ["stemgewichten", "2023", "--bevolking", str(pad)]
    )


def test_a_deeply_dotted_key_is_refused_before_parsing(tmp_path: Path) -> None:
    pad = tmp_path / "diep.toml"
    pad.write_text("a" + ".a" * 20_000 + " = 1\n", encoding="utf-8")
    assert "delen" in een_regel_exit_2(["controleer", str(pad)])
    with pytest.raises(InvoerFout, match="delen"):
        toml_vooraf('[x]\n"q".' + ".".join(["b"] * MAX_SLEUTELDELEN) + " = 1\n", "d")


def test_the_toml_guard_skips_strings_and_accepts_the_examples() -> None:
    toml_vooraf('x = "' + "a." * 1000 + '"\ny = """\n' + "b." * 1000 + '\n"""\n', "d")
    toml_vooraf("# " + "c." * 1000 + "\nz = 1.5\n", "d")
    for voorbeeld in EXAMPLES.glob("*.toml"):
        toml_vooraf(voorbeeld.read_text("utf-8"), voorbeeld.name)


def test_a_majority_with_thousands_of_digits_is_no_majority() -> None:
    assert breuk(f"{GROOT_GETAL}/{GROOT_GETAL}9") is None
    assert breuk("2/3") is not None


@pytest.mark.regel("CAL01")
def test_controleer_never_raises_on_a_meeting_outside_the_calendar() -> None:
    # the constructor refuses such a date (as the loader does); the check guards values
    # built around it
    for jaar in (1, 1998, 2101, 9999):
        with pytest.raises(GebruiksFout, match=f"jaar {jaar} buiten"):
            Vergadering(datum=date(jaar, 12, 1))
        alv = Vergadering(datum=date(2023, 12, 1))
        vergadering = buiten_constructor(alv, datum=date(jaar, 12, 1))
        rapport = controleer(Dossier(vergadering=vergadering))
        assert [(b.regel, b.pad) for b in rapport.bevindingen] == [("CAL01", "vergadering.datum")]
        assert not rapport.geldig


def test_library_errors_are_one_hierarchy() -> None:
    assert issubclass(InvoerFout, AlvrulesFout)
    assert issubclass(GebruiksFout, AlvrulesFout)
    with pytest.raises(GebruiksFout):
        alvrules.stemgewicht(-1)
    with pytest.raises(GebruiksFout):
        alvrules.stemgewicht("12")  # type: ignore[arg-type]
    with pytest.raises(GebruiksFout):
        pas_toe("abc", [Wijziging(schrappen="x")])
    with pytest.raises(InvoerFout):
        alvrules.stemgewichten(date(1, 1, 1))
    with pytest.raises(InvoerFout):
        laad_dossier("x\x00.toml")


@pytest.mark.regel("STM02")
def test_same_exit_code_in_controleer_and_uitslag(tmp_path: Path) -> None:
    """No CBS figures for the meeting's reference date: an STM02 error in both."""
    tekst = (EXAMPLES / "najaars-alv-2023.toml").read_text("utf-8")
    pad = tmp_path / "2100.toml"
    pad.write_text(tekst.replace("datum = 2023-12-01", "datum = 2100-12-01", 1), "utf-8")
    codes = {cli([opdracht, str(pad)])[0] for opdracht in ("controleer", "uitslag")}
    assert codes == {1}


def test_a_closed_pipe_keeps_the_exit_code() -> None:
    for argv, verwacht in (
        (["controleer", str(EXAMPLES / "fouten.toml")], 1),
        (["uitslag", str(EXAMPLES / "najaars-alv-2023.toml"), "--format", "csv"], 0),
        (["termijnen", "2023-12-01", "--format", "ics"], 0),
    ):
        p = subprocess.Popen(
            [sys.executable, "-m", "alvrules", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert p.stdout is not None
        assert p.stderr is not None
        p.stdout.close()
        fout = p.stderr.read()
        assert p.wait() == verwacht, fout
        assert b"Traceback" not in fout
        assert b"BrokenPipe" not in fout


# -- one public name, one thing ------------------------------------------------------------


def test_top_level_names_do_not_depend_on_import_order() -> None:
    for m in pkgutil.walk_packages(alvrules.__path__, "alvrules."):
        if not m.name.endswith("__main__"):
            importlib.import_module(m.name)
    for naam in alvrules.__all__:
        waarde = getattr(alvrules, naam)
        assert not isinstance(waarde, type(alvrules)), naam
    assert isinstance(alvrules.termijnen, type(alvrules))
    assert isinstance(alvrules.uitslagen, type(alvrules))
    # a fresh interpreter, the names first: the same things
    code = (
        "import alvrules, types; a = [alvrules.termijnen, alvrules.uitslagen];"
        "import alvrules.termijnen, alvrules.uitslagen;"
        "print(all(isinstance(x, types.ModuleType) for x in a),"
        " a == [alvrules.termijnen, alvrules.uitslagen])"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["True", "True"]


# -- near-linear checks ----------------------------------------------------------------------


def test_counting_stops_at_its_limit() -> None:
    assert tel("a" * 10, "aa") == 9
    assert tel("a" * 1_000_000, "aa", 3) == 3


def test_pas_toe_applies_many_changes() -> None:
    woorden = [f"w{i:05d}" for i in range(5000)]
    tekst = " ".join(woorden)
    wijzigingen = [Wijziging(schrappen=w, invoegen=w.upper()) for w in woorden[::2]]
    uit = pas_toe(tekst, wijzigingen)
    assert uit.split() == [w.upper() if i % 2 == 0 else w for i, w in enumerate(woorden)]


def test_suggestions_are_bounded_per_check() -> None:
    from alvrules.controle import Context
    from alvrules.grenzen import MAX_SUGGESTIES

    ctx = Context.voor(Dossier(vergadering=Vergadering(datum=date(2023, 12, 1))))
    assert ctx.suggesties("Utrech") == ["Utrecht"]
    for i in range(MAX_SUGGESTIES):
        ctx.suggesties(f"Nergenshuizen{i}")
    assert ctx.suggesties("Utrechtt") == []  # the budget is spent: no fuzzy matching
    assert ctx.suggesties("Utrech") == ["Utrecht"]  # but a name seen before keeps its tips


def test_anchor_search_has_a_budget() -> None:
    from alvrules.amendementen import Amendement
    from alvrules.grenzen import MAX_ZOEKWERK
    from alvrules.model import Agendapunt

    tekst = "a" * 1_000_000
    n = MAX_ZOEKWERK // len(tekst) + 5
    dossier = Dossier(
        vergadering=Vergadering(datum=date(2023, 12, 1)),
        agendapunten=(Agendapunt(id="7", tekst=tekst),),
        amendementen=tuple(
            Amendement(id=f"A{i}", agendapunt="7", wijzigingen=(Wijziging(schrappen="ab"),))
            for i in range(n)
        ),
    )
    amd04 = [b for b in controleer(dossier).bevindingen if b.regel == "AMD04"]
    assert len(amd04) == MAX_ZOEKWERK // len(tekst) + 1  # each searched one, then one stop
    assert "niet gecontroleerd" in amd04[-1].melding


def test_overlapping_amendments_give_a_bounded_number_of_findings() -> None:
    from alvrules.amendementen import Amendement
    from alvrules.grenzen import MAX_OPSOMMING
    from alvrules.model import Agendapunt

    dossier = Dossier(
        vergadering=Vergadering(datum=date(2023, 12, 1)),
        agendapunten=(Agendapunt(id="7", tekst="De ALV besluit iets. Verder niets."),),
        amendementen=tuple(
            Amendement(
                id=f"A{i}", agendapunt="7", wijzigingen=(Wijziging(schrappen="besluit iets"),)
            )
            for i in range(300)
        ),
    )
    overlap = [b for b in controleer(dossier).bevindingen if "moet kiezen" in b.melding]
    assert MAX_OPSOMMING <= len(overlap) <= 300 * MAX_OPSOMMING
    assert overlap[0].pad == "amendementen[A1].wijzigingen[0].schrappen"
