"""The tutorial's install commands (issue 24): the POSIX commands from the repository run as
written, and the Windows commands say the same thing.

The POSIX "without pipx" block is run line by line in a temporary folder that holds the
checkout as ``alvrules``: a real ``python3 -m venv``, a real ``pip install ./alvrules``
(building the wheel from the checkout), and the installed ``alvrules --version``. Tests
never touch the internet, so the new environment finds the dependencies through a ``.pth``
file pointing at this environment's packages, and pip runs with ``PIP_NO_INDEX`` and
without build isolation; the install itself is the tutorial's. pipx is not on this
machine (and would fetch from PyPI), so its commands are checked for consistency only.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import sysconfig
from pathlib import Path

import alvrules
from tests.conftest import ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"
_BLOK = re.compile(r"^```(sh|bat)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _installeren() -> str:
    tekst = TUTORIAL.read_text("utf-8")
    begin = tekst.index("## Installeren")
    return tekst[begin : tekst.index("\n## ", begin + 1)]


def _blokken(kop: str) -> list[tuple[str, list[str]]]:
    """The sh and bat blocks of the subsection ``kop`` of "Installeren", in order."""
    tekst = _installeren()
    begin = tekst.index(f"### {kop}")
    eind = tekst.find("\n### ", begin + 1)
    stuk = tekst[begin : eind if eind > 0 else len(tekst)]
    return [(m.group(1), m.group(2).strip().splitlines()) for m in _BLOK.finditer(stuk)]


def _als_windows(regel: str) -> str:
    """A POSIX line as the tutorial writes it for Windows."""
    regel = re.sub(r"^python3 ", "py ", regel)
    regel = regel.replace("/bin/", "/Scripts/")
    return regel.replace("/", "\\")


def test_pip_install_alvrules_is_promised_only_after_the_first_release() -> None:
    tekst = " ".join(_installeren().split())
    assert "staat nog niet op PyPI" in tekst
    assert "na de eerste uitgave op PyPI" in tekst


def test_every_posix_block_has_the_same_commands_for_windows() -> None:
    for kop in ("De eenvoudige weg: pipx", "Zonder pipx: een eigen omgeving"):
        blokken = _blokken(kop)
        assert [soort for soort, _ in blokken] == ["sh", "bat"] * (len(blokken) // 2), kop
        assert blokken, kop
        for (_, posix), (_, windows) in zip(blokken[::2], blokken[1::2], strict=True):
            assert [_als_windows(r) for r in posix] == windows


def test_the_tutorials_posix_install_from_the_repository_works(tmp_path: Path) -> None:
    """Must show: the commands of "Zonder pipx" install the checkout and run it."""
    ((soort, regels), *_rest) = _blokken("Zonder pipx: een eigen omgeving")
    assert soort == "sh"
    assert len(regels) == 3
    (tmp_path / "alvrules").symlink_to(ROOT, target_is_directory=True)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    (bin_ / "python3").symlink_to(sys.executable)
    omgeving = {
        **os.environ,
        "PATH": f"{bin_}{os.pathsep}{os.environ.get('PATH', '')}",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's negated option: this turns isolation off
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    omgeving.pop("VIRTUAL_ENV", None)

    def run(regel: str) -> str:
        uit = subprocess.run(
            shlex.split(regel),
            cwd=tmp_path,
            env=omgeving,
            capture_output=True,
            text=True,
            check=False,
        )
        assert uit.returncode == 0, f"$ {regel}\n{uit.stdout}\n{uit.stderr}"
        return uit.stdout + uit.stderr  # argparse writes --version to stderr

    run(regels[0])  # python3 -m venv alvrules-omgeving
    python = tmp_path / "alvrules-omgeving" / "bin" / "python"
    nieuw = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(nieuw) / "alvrules-tests.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    run(regels[1])  # alvrules-omgeving/bin/pip install ./alvrules
    assert run(regels[2]).strip() == f"alvrules {alvrules.__version__}"
    plek = subprocess.run(
        [str(python), "-I", "-c", "import alvrules; print(alvrules.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert plek.startswith(str(tmp_path / "alvrules-omgeving")), plek
