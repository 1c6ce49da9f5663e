"""Issue 25, the input channels: a mailed dossier reads only its own files, never passes
its figures off as CBS's, and every input is read once.

Run through the installed CLI in a subprocess (the user's exact path): standard input is a
real pipe or ``/dev/null``, never a terminal, and every run has a time limit, so a check
that would hang on ``/dev/tty`` or a FIFO fails instead of blocking the suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from alvrules.bevolking import gedeeld
from alvrules.gemeenten import register
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.regel("STM02")

VOORBEELD = EXAMPLES / "najaars-alv-2023.toml"
#: The installed console script beside this interpreter, else ``python -m alvrules``.
_SCRIPT = shutil.which("alvrules", path=str(Path(sys.executable).parent))
CLI = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "alvrules"]

CONTROLEER = ("text", "json", "sarif", "github", "gitlab")
UITSLAG = ("text", "json", "csv", "html", "popolo")
#: A value in the environment of every run: /proc/self/environ would show it.
GEHEIM = "geheim-3f9a1c-niet-tonen"


def _run(
    *argv: str, invoer: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    omgeving = {**os.environ, "ALVRULES_GEHEIM": GEHEIM, "LANG": "C.UTF-8"}
    return subprocess.run(
        [*CLI, *argv],
        input=invoer,
        stdin=None if invoer is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=cwd,
        env=omgeving,
        timeout=60,
        check=False,
    )  # type: ignore[call-overload, no-any-return]


def _tekst(r: subprocess.CompletedProcess[Any]) -> str:
    uit = r.stdout + r.stderr
    return uit.decode("utf-8", "replace") if isinstance(uit, bytes) else str(uit)


def _dossier(map_: Path, bestand: str, naam: str = "alv.toml", datum: str = "") -> Path:
    tekst = VOORBEELD.read_text(encoding="utf-8")
    if datum:
        tekst = tekst.replace("datum = 2023-12-01", f"datum = {datum}", 1)
    bestand_toml = json.dumps(bestand)  # a TOML basic string
    pad = map_ / naam
    pad.write_text(f"{tekst}\n[bevolking]\nbestand = {bestand_toml}\n", encoding="utf-8")
    return pad


def _geen_inhoud(uit: str, *inhoud: str) -> None:
    for stuk in inhoud:
        assert stuk not in uit, f"the output quotes {stuk!r}"


# --- 1. files named by a dossier: only regular files inside its own folder -----------------


@pytest.mark.parametrize(
    "bestand", ["../../etc/passwd", "/etc/shadow", "/proc/self/environ", "/dev/tty"]
)
@pytest.mark.parametrize(
    ("opdracht", "formaat"),
    [("controleer", f) for f in CONTROLEER] + [("uitslag", f) for f in UITSLAG],
)
def test_a_file_outside_the_dossier_folder_is_refused_by_name(
    tmp_path: Path, bestand: str, opdracht: str, formaat: str
) -> None:
    """The must-show of issue 25: exit 2, quoting nothing of the file, without hanging."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    pad = _dossier(tmp_path / "a" / "b", bestand)
    r = _run(opdracht, str(pad), "--format", formaat)
    assert r.returncode == 2
    uit = _tekst(r)
    _geen_inhoud(uit, "root:", GEHEIM, "Traceback")
    assert "bevolking.bestand" in uit
    assert "alleen een bestand in de map van het dossier" in uit
    if formaat == "json":
        assert {"fout", "regel"} <= set(json.loads(r.stdout))


def _figuren_van(tmp_path: Path) -> dict[str, Path]:
    """Files inside the folder that are no figures: a link out, a FIFO, a copy of passwd."""
    map_ = tmp_path / "d"
    map_.mkdir()
    (map_ / "link.csv").symlink_to("/etc/passwd")
    (map_ / "tty.csv").symlink_to("/dev/tty")
    (map_ / "omhoog").symlink_to(tmp_path)
    (tmp_path / "buiten.csv").write_text("code,naam,inwoners\n", encoding="utf-8")
    os.mkfifo(map_ / "fifo.csv")
    (map_ / "kopie.csv").write_text(f"root:x:0:0:{GEHEIM}:/root:/bin/bash\n", encoding="utf-8")
    (map_ / "nul.csv").write_bytes(b"code,naam,inwoners\nGM0344,Utrecht,\xff" + GEHEIM.encode())
    return {
        "link.csv": map_,
        "tty.csv": map_,
        "omhoog/buiten.csv": map_,
        "fifo.csv": map_,
        "kopie.csv": map_,
        "nul.csv": map_,
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX links and FIFOs")
@pytest.mark.parametrize(
    ("naam", "reden"),
    [
        ("link.csv", "verwijst (via een symbolische koppeling) buiten de map van het dossier"),
        ("tty.csv", "verwijst (via een symbolische koppeling) buiten de map van het dossier"),
        ("omhoog/buiten.csv", "verwijst (via een symbolische koppeling) buiten de map"),
        ("fifo.csv", "geen gewoon bestand (een FIFO of pijp)"),
        ("kopie.csv", "geen kolom met gemeentecodes"),
        ("nul.csv", "geen UTF-8"),
    ],
)
def test_a_file_in_the_folder_that_is_no_figures_cannot_be_read_quoting_nothing(
    tmp_path: Path, naam: str, reden: str
) -> None:
    """A link leaving the folder, a FIFO or a file that is no CSV: input that cannot be
    read (decision, issue 25: as the dossier itself and a file named with an absolute
    path), exit 2 with one line naming ``bevolking.bestand`` and the problem, in every
    format, never the bytes."""
    map_ = _figuren_van(tmp_path)[naam]
    pad = _dossier(map_, naam)
    # every format for the files whose bytes could leak; two for the others (same path)
    alle = naam in ("kopie.csv", "link.csv", "nul.csv")
    for opdracht, formaten in (("controleer", CONTROLEER), ("uitslag", UITSLAG)):
        for formaat in formaten if alle else formaten[:2]:
            r = _run(opdracht, str(pad), "--format", formaat)
            _geen_inhoud(_tekst(r), "root:", GEHEIM, "Traceback", "/bin/bash")
            onleesbare_cijfers(r, formaat, reden)


def onleesbare_cijfers(r: subprocess.CompletedProcess[Any], formaat: str, reden: str) -> None:
    """The output of a dossier command whose ``[bevolking]`` file cannot be read: exit 2
    and the one reason at ``bevolking.bestand``, in the shape of ``formaat``."""
    uit = _tekst(r)
    stdout, stderr = (
        x.decode("utf-8") if isinstance(x, bytes) else str(x) for x in (r.stdout, r.stderr)
    )
    assert r.returncode == 2, (formaat, uit)
    assert reden in uit, formaat
    regel = f"bevolking.bestand: {reden}" if reden.endswith(".csv") else "bevolking.bestand: "
    if formaat in ("sarif", "github", "gitlab"):  # the reason in the pipeline's report
        assert stderr == ""
        if formaat == "github":
            assert stdout.startswith("::error file="), stdout
            assert ",title=onleesbaar::bevolking.bestand: " in stdout
        elif formaat == "sarif":
            run = json.loads(stdout)["runs"][0]
            assert run["invocations"][0]["exitCode"] == 2
            assert [x["ruleId"] for x in run["results"]] == ["onleesbaar"]
            logisch = run["results"][0]["locations"][0]["logicalLocations"][0]
            assert logisch["fullyQualifiedName"] == "bevolking.bestand"
        else:
            assert [x["check_name"] for x in json.loads(stdout)] == ["onleesbaar"]
        return
    assert stderr.count("\n") == 1, stderr  # one line
    assert stderr.startswith("alvrules: bevolking.bestand: "), stderr
    assert regel in stderr
    if formaat == "json":
        data = json.loads(stdout)
        assert data["regel"] == "STM02"
        assert [p["pad"] for p in data["problemen"]] == ["bevolking.bestand"]
    else:
        assert stdout == ""


def test_a_file_in_a_subfolder_is_read(tmp_path: Path) -> None:
    (tmp_path / "cijfers").mkdir()
    shipped = Path(str(_pakket("inwoners-2022-01-01.csv")))
    shutil.copy(shipped, tmp_path / "cijfers" / "inwoners-2022-01-01.csv")
    pad = _dossier(tmp_path, "cijfers/inwoners-2022-01-01.csv")
    r = _run("controleer", str(pad), "--format", "json")
    assert r.returncode == 0, _tekst(r)
    b = json.loads(r.stdout)["herkomst"]["bevolking"]
    assert (b["bestand"], b["oorsprong"]) == ("cijfers/inwoners-2022-01-01.csv", "dossier")


def _pakket(naam: str) -> Path:
    return Path(str(resources.files("alvrules") / "data" / naam))


# --- 2. figures from the input are labelled as such ---------------------------------------


def _cijfers(pad: Path, inwoners: dict[str, int]) -> Path:
    regels = ["code,naam,inwoners"] + [f"{c},x,{n}" for c, n in sorted(inwoners.items())]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def test_figures_differing_from_the_shipped_ones_are_an_error_naming_them(
    tmp_path: Path,
) -> None:
    """The must-show: one changed figure for a shipped date is an STM02 error naming the
    municipality, in every output; the supplied figures are never labelled "Bron: CBS"."""
    gedeelde = gedeeld(date(2022, 1, 1))
    assert gedeelde is not None
    n = gedeelde.inwoners["GM0363"]
    anders = {**gedeelde.inwoners, "GM0363": n + 1}
    _cijfers(tmp_path / "inwoners-2022-01-01.csv", anders)
    getal = f"{n + 1:,} in plaats van {n:,}".replace(",", ".")
    verschil = (
        "wijken af van de CBS-cijfers in het pakket op 1 januari 2022 voor 1 gemeente: "
        f"Amsterdam (GM0363) {getal}"
    )
    pad = _dossier(tmp_path, "inwoners-2022-01-01.csv")
    for opdracht, formaten in (("controleer", CONTROLEER), ("uitslag", UITSLAG)):
        for formaat in formaten:
            r = _run(opdracht, str(pad), "--format", formaat)
            assert r.returncode == 1, (opdracht, formaat, _tekst(r))
            uit = _tekst(r)
            assert verschil in uit, (opdracht, formaat)
            assert "CBS 2022-01-01" not in uit  # the receipt's line for CBS's figures
            if formaat in ("json", "popolo"):
                h = json.loads(r.stdout)["herkomst"]["bevolking"]
                assert h["bron"] == "Aangeleverd door de gebruiker"
                assert h["oorsprong"] == "dossier"
    r = _run("controleer", str(pad), "--format", "json")
    stm02 = [b for b in json.loads(r.stdout)["bevindingen"] if b["regel"] == "STM02"]
    assert [(b["pad"], b["ernst"]) for b in stm02] == [("bevolking.bestand", "fout")]
    # the same file given with --bevolking: exit 2 for stemgewichten, an error for the others
    optie = ["--bevolking", str(tmp_path / "inwoners-2022-01-01.csv")]
    r = _run("stemgewichten", "2023", *optie, "--format", "json")
    assert r.returncode == 2
    assert json.loads(r.stdout)["regel"] == "STM02"
    assert "Amsterdam (GM0363)" in json.loads(r.stdout)["fout"]
    r = _run("controleer", str(VOORBEELD), *optie, "--format", "json")
    assert r.returncode == 1
    fouten = [b for b in json.loads(r.stdout)["bevindingen"] if b["regel"] == "STM02"]
    assert fouten[0]["pad"] == "vergadering.datum"
    assert json.loads(r.stdout)["herkomst"]["bevolking"]["oorsprong"] == "opdrachtregel"


def test_a_list_of_differences_is_capped(tmp_path: Path) -> None:
    gedeelde = gedeeld(date(2022, 1, 1))
    assert gedeelde is not None
    _cijfers(tmp_path / "c.csv", {c: n + 1 for c, n in gedeelde.inwoners.items()})
    r = _run("stemgewichten", "2023", "--bevolking", str(tmp_path / "c.csv"), "--peildatum",
             "2022-01-01", "--lang", "en")  # fmt: skip
    assert r.returncode == 2
    fout = r.stderr.decode()
    assert f"for {len(gedeelde.inwoners)} municipalities" in fout
    assert f"and {len(gedeelde.inwoners) - 10} more" in fout
    assert fout.count(" instead of ") == 10


def test_equal_figures_for_a_shipped_date_are_accepted_as_the_users_file(
    tmp_path: Path,
) -> None:
    gedeelde = gedeeld(date(2022, 1, 1))
    assert gedeelde is not None
    _cijfers(tmp_path / "inwoners-2022-01-01.csv", dict(gedeelde.inwoners))
    pad = _dossier(tmp_path, "inwoners-2022-01-01.csv")
    r = _run("controleer", str(pad), "--format", "json")
    assert r.returncode == 0, _tekst(r)
    b = json.loads(r.stdout)["herkomst"]["bevolking"]
    assert (b["bron"], b["oorsprong"], b["bestand"]) == (
        "Aangeleverd door de gebruiker",
        "dossier",
        "inwoners-2022-01-01.csv",
    )


def test_figures_the_package_does_not_ship_are_labelled_supplied_everywhere(
    tmp_path: Path,
) -> None:
    """A meeting in 2027 (reference date 2026-01-01, not shipped): every output names the
    figures as supplied, with their sha256, never "Bron: CBS"."""
    leden = [g.code for g in register().leden(date(2026, 1, 1))]
    bestand = _cijfers(tmp_path / "inwoners-2026-01-01.csv", dict.fromkeys(leden, 12_345))
    sha = hashlib.sha256(bestand.read_bytes()).hexdigest()
    pad = _dossier(tmp_path, "inwoners-2026-01-01.csv", datum="2027-06-04")
    for opdracht, formaten in (("controleer", CONTROLEER), ("uitslag", UITSLAG)):
        for formaat in formaten:
            r = _run(opdracht, str(pad), "--format", formaat)
            assert r.returncode in (0, 1), (opdracht, formaat, _tekst(r))
            uit = _tekst(r)
            assert "Bron: CBS" not in uit, (opdracht, formaat)
            assert "CBS 2026" not in uit
            if formaat in ("text", "html"):
                assert f"bevolking aangeleverd 2026-01-01 (sha256 {sha[:12]})" in uit
            if formaat in ("json", "popolo"):
                b = json.loads(r.stdout)["herkomst"]["bevolking"]
                assert (b["bron"], b["oorsprong"], b["sha256"]) == (
                    "Aangeleverd door de gebruiker",
                    "dossier",
                    sha,
                )
    r = _run("uitslag", str(pad), "--format", "html")
    assert f"cijfers aangeleverd door de gebruiker (inwoners-2026-01-01.csv sha256 {sha[:12]})" in (
        r.stdout.decode()
    )
    for formaat, verwacht in (
        ("text", f"Aangeleverd door de gebruiker: inwoners-2026-01-01.csv (sha256 {sha[:12]})"),
        ("json", '"bron": "Aangeleverd door de gebruiker: inwoners-2026-01-01.csv (sha256'),
    ):
        r = _run("stemgewichten", "2027", "--bevolking", str(bestand), "--format", formaat)
        assert r.returncode == 0, _tekst(r)
        assert verwacht in r.stdout.decode()
        assert "Bron: CBS" not in r.stdout.decode()
    r = _run("stemgewichten", "2027", "--bevolking", str(bestand), "--lang", "en")
    assert f"Supplied by the user: inwoners-2026-01-01.csv (sha256 {sha[:12]})" in (
        r.stdout.decode()
    )
    assert "population supplied by the user 2026-01-01" in r.stdout.decode()


# --- 3. one read: the receipt hashes the bytes that were checked ---------------------------


@pytest.mark.parametrize("argument", ["-", "/dev/stdin"])
def test_a_pipe_gets_the_hash_of_its_bytes(argument: str) -> None:
    """The must-show: ``cat examples/najaars-alv-2023.toml | alvrules controleer /dev/stdin
    --format json`` names the sha256 of the example's bytes."""
    if argument == "/dev/stdin" and not Path("/dev/stdin").exists():
        pytest.skip("no /dev/stdin")
    inhoud = VOORBEELD.read_bytes()
    r = _run("controleer", argument, "--format", "json", invoer=inhoud)
    assert r.returncode == 0, _tekst(r)
    data = json.loads(r.stdout)
    assert data["herkomst"]["invoer"]["sha256"] == hashlib.sha256(inhoud).hexdigest()
    assert (
        data["bevindingen"]
        == json.loads(_run("controleer", str(VOORBEELD), "--format", "json").stdout)["bevindingen"]
    )


def test_cat_into_dev_stdin_through_a_shell_pipe() -> None:
    """The exact command line of the issue, with ``cat`` and a shell pipe."""
    if shutil.which("sh") is None or not Path("/dev/stdin").exists():
        pytest.skip("needs sh and /dev/stdin")
    opdracht = " ".join(f"'{d}'" for d in CLI)
    r = subprocess.run(
        ["sh", "-c", f"cat '{VOORBEELD}' | {opdracht} controleer /dev/stdin --format json"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    verwacht = hashlib.sha256(VOORBEELD.read_bytes()).hexdigest()
    assert json.loads(r.stdout)["herkomst"]["invoer"]["sha256"] == verwacht


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX FIFO")
@pytest.mark.parametrize("formaat", ["text", "json", "sarif"])
def test_a_fifo_as_dossier_is_refused_without_hanging(tmp_path: Path, formaat: str) -> None:
    os.mkfifo(tmp_path / "alv.toml")
    r = _run("controleer", str(tmp_path / "alv.toml"), "--format", formaat)
    assert r.returncode == 2
    assert "geen gewoon bestand (een FIFO of pijp)" in _tekst(r)
    if formaat == "json":
        assert json.loads(r.stdout)["regel"] is None


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_as_dossier_or_figures_is_refused() -> None:
    r = _run("controleer", "/dev/zero", "--format", "json")
    assert r.returncode == 2
    assert json.loads(r.stdout)["fout"].endswith("zero: geen gewoon bestand (een apparaat)")
    r = _run("stemgewichten", "2023", "--bevolking", "/dev/zero", "--peildatum", "2022-01-01")
    assert r.returncode == 2
    assert "geen gewoon bestand (een apparaat)" in r.stderr.decode()
