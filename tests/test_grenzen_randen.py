"""Edges of the limits on hostile input: reading a file, and dotted TOML keys.

Written to kill surviving mutants (mutmut) in grenzen.py: the size limit at its exact edge
(a file of exactly :data:`~alvrules.grenzen.MAX_GROOTTE` bytes is read, one byte more is
refused), a source that never ends (a FIFO) refused after the limit without waiting for its
end, every reason :func:`~alvrules.grenzen.lees_bytes` gives (a NUL byte in the name, a
name the OS cannot represent, a missing file, too large), and the segments of a dotted key
or table header at their exact edge, counted outside strings and comments, also across a
quoted segment, with the line the refusal names. Each exit-2 reason of the module is pinned
word for word once here, in both languages where it has two.

A limit is made smaller where :func:`lees_bytes` reads it (``alvrules.grenzen``), so no test
writes megabytes.
"""

from __future__ import annotations

import errno
import io
import os
import re
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from alvrules import grenzen
from alvrules.fouten import InvoerFout
from alvrules.grenzen import (
    MAX_SLEUTELDELEN,
    bijlage_fout,
    bijlage_reden,
    lees_bytes,
    toml_vooraf,
)
from alvrules.teksten import bericht, vertaal

MIB = 1024 * 1024

# -- lees_bytes: the size limit --------------------------------------------------------------


def _bestand(pad: Path, grootte: int) -> Path:
    """A (sparse) file of ``grootte`` zero bytes."""
    with open(pad, "wb") as f:
        f.truncate(grootte)
    return pad


def test_precies_de_maximale_grootte_wordt_gelezen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grenzen, "MAX_GROOTTE", MIB)
    pad = _bestand(tmp_path / "d.toml", MIB)
    assert lees_bytes(pad) == b"\0" * MIB


def test_een_byte_te_veel_wordt_geweigerd_met_grens_en_bestand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grenzen, "MAX_GROOTTE", 2 * MIB)
    pad = _bestand(tmp_path / "d.toml", 2 * MIB + 1)
    with pytest.raises(InvoerFout) as e:
        lees_bytes(pad)
    assert str(e.value) == "d.toml: bestand groter dan 2 MiB"
    assert e.value.tekst("en") == "d.toml: file larger than 2 MiB"
    with pytest.raises(InvoerFout) as e:
        lees_bytes(pad, "CBS-bestand")
    assert e.value.tekst("en") == "CBS-bestand: file larger than 2 MiB"


def test_een_eindeloze_standaardinvoer_wordt_na_de_grens_geweigerd(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Standard input that does not end is refused once it has given ``MAX_GROOTTE + 1``
    bytes, without waiting for its end: memory stays bounded."""
    monkeypatch.setattr(grenzen, "MAX_GROOTTE", 64)
    lezen, schrijven = os.pipe()
    geweigerd = threading.Event()
    op_tijd: list[bool] = []

    def schrijver() -> None:
        with open(schrijven, "wb", buffering=0) as f:
            f.write(b"x" * 65)
            # the stream only ends when this wait is over: a reader that wants more
            # than 65 bytes (or all of them) is still reading then
            op_tijd.append(geweigerd.wait(1))

    draad = threading.Thread(target=schrijver, daemon=True)
    draad.start()
    with open(lezen, "rb", buffering=0) as ruw:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(ruw)))
        with pytest.raises(InvoerFout) as e:
            grenzen.lees_stdin("-")
        geweigerd.set()
        draad.join(5)
    assert str(e.value).startswith("-: bestand groter dan ")
    assert op_tijd == [True]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX FIFO")
def test_een_fifo_wordt_geweigerd_zonder_te_wachten(tmp_path: Path) -> None:
    """A FIFO (no writer: a blocking open would hang) is refused at once, unread (issue 25)."""
    pad = tmp_path / "stroom"
    os.mkfifo(pad)
    uitkomst: list[BaseException] = []

    def lees() -> None:
        try:
            lees_bytes(pad)
        except InvoerFout as e:
            uitkomst.append(e)

    draad = threading.Thread(target=lees, daemon=True)
    draad.start()
    draad.join(5)
    assert not draad.is_alive()
    assert str(uitkomst[0]) == (
        "stroom: geen gewoon bestand (een FIFO of pijp); geef een pijp als standaardinvoer (-)"
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_een_apparaat_wordt_geweigerd_zonder_te_lezen() -> None:
    with pytest.raises(InvoerFout) as e:
        lees_bytes("/dev/zero")
    assert str(e.value) == "zero: geen gewoon bestand (een apparaat)"
    assert e.value.tekst("en") == "zero: not a regular file (a device)"


# -- lees_bytes: files that cannot be read ---------------------------------------------------


def test_nul_teken_in_de_naam(tmp_path: Path) -> None:
    with pytest.raises(InvoerFout) as e:
        lees_bytes(tmp_path / "a\0b.toml")
    assert str(e.value) == "'a\\x00b.toml': ongeldige bestandsnaam (bevat een NUL-teken)"
    assert e.value.tekst("en") == "'a\\x00b.toml': invalid file name (contains a NUL character)"


def test_naam_die_het_besturingssysteem_niet_kan_schrijven(tmp_path: Path) -> None:
    """A lone surrogate cannot be encoded as a file name: a ValueError from ``open``."""
    with pytest.raises(InvoerFout) as e:
        lees_bytes(str(tmp_path / "a\ud800.toml"), "dossier")
    nl, en = str(e.value), e.value.tekst("en")
    assert nl.startswith("dossier: ongeldige bestandsnaam (")
    assert en.startswith("dossier: invalid file name (")
    # both name the OS's reason, the same one
    assert nl.removeprefix("dossier: ongeldige bestandsnaam") == en.removeprefix(
        "dossier: invalid file name"
    )
    assert "surrogate" in nl


def test_niet_te_lezen_noemt_de_reden_van_het_systeem(tmp_path: Path) -> None:
    """The reason is the OS's own short one (``No such file or directory``), not the
    exception with its error number and the full path."""
    with pytest.raises(InvoerFout) as e:
        lees_bytes(tmp_path / "d.toml")
    reden = os.strerror(errno.ENOENT)
    assert str(e.value) == f"d.toml: kan niet lezen: {reden}"
    assert e.value.tekst("en") == f"d.toml: cannot read: {reden}"


def test_een_map_is_geen_gewoon_bestand(tmp_path: Path) -> None:
    (tmp_path / "d.toml").mkdir()
    with pytest.raises(InvoerFout) as e:
        lees_bytes(tmp_path / "d.toml")
    assert str(e.value) == "d.toml: geen gewoon bestand (een map)"
    assert e.value.tekst("en") == "d.toml: not a regular file (a directory)"


# -- toml_vooraf: segments of dotted keys and table headers ---------------------------------


def _sleutel(n: int, deel: str = "a") -> str:
    return ".".join([deel] * n)


def _met_aanhalingen(n: int) -> str:
    """``a."b.c".d.'e.f'.g…``: quoted segments (with dots inside) between bare ones, so the
    key is split by strings and its segments must be added up across them."""
    return ".".join(["a", '"b.c"', "d", "'e.f'"] + ["g"] * (n - 4))


#: Shapes of a TOML text with one key (or header) of ``n`` segments.
VORMEN: dict[str, Callable[[int], str]] = {
    "eerste-sleutel": lambda n: f"{_sleutel(n)} = 1\n",
    "hoofdletter-X": lambda n: f"{_sleutel(n, 'X')} = 1\n",
    "cijfer": lambda n: f"{_sleutel(n, '0')} = 1\n",
    "streepje": lambda n: f"{_sleutel(n, '-')} = 1\n",
    "liggend-streepje": lambda n: f"{_sleutel(n, '_')} = 1\n",
    "met-spaties": lambda n: " . ".join(["a"] * n) + " = 1\n",
    "tabel": lambda n: f"[{_sleutel(n)}]\nx = 1\n",
    "tabellenlijst": lambda n: f"[[{_sleutel(n)}]]\nx = 1\n",
    "in-tabel": lambda n: f"[t]\n{_sleutel(n)} = 1\n",
    "inline-tabel": lambda n: f"t = {{x = 1, {_sleutel(n)} = 2}}\n",
    "aanhalingen": lambda n: f"{_met_aanhalingen(n)} = 1\n",
    "aanhalingen-in-tabelkop": lambda n: f"[{_met_aanhalingen(n)}]\n",
    "na-getallen-en-teksten": lambda n: (
        f'x = 1.5\ny = [2.5, 3.5]\nz = "{_sleutel(20)}"  # {_sleutel(20)}\n'
        f"w = '''\n{_sleutel(20)}\n'''\n{_sleutel(n)} = 1\n"
    ),
}


def _diepte(waarde: object) -> int:
    """The number of keys on the longest path from the top of parsed TOML to a value."""
    if isinstance(waarde, dict):
        return 1 + max(map(_diepte, waarde.values()), default=0)
    if isinstance(waarde, list):
        return max(map(_diepte, waarde), default=0)
    return 0


@pytest.mark.parametrize("vorm", list(VORMEN.values()), ids=list(VORMEN))
def test_precies_het_maximum_aan_delen_mag(vorm: Callable[[int], str]) -> None:
    tekst = vorm(MAX_SLEUTELDELEN)
    assert _diepte(tomllib.loads(tekst)) >= MAX_SLEUTELDELEN  # valid TOML, that deep
    toml_vooraf(tekst, "d.toml")  # accepted: no InvoerFout


@pytest.mark.parametrize("vorm", list(VORMEN.values()), ids=list(VORMEN))
def test_een_deel_te_veel_wordt_geweigerd(vorm: Callable[[int], str]) -> None:
    tekst = vorm(MAX_SLEUTELDELEN + 1)
    assert _diepte(tomllib.loads(tekst)) > MAX_SLEUTELDELEN  # valid TOML, only too deep
    with pytest.raises(InvoerFout, match=r"^d\.toml: regel \d+ of later: "):
        toml_vooraf(tekst, "d.toml")


@pytest.mark.parametrize(
    "tekst",
    [
        f'x = "{_sleutel(50)}"\n',
        f"x = '{_sleutel(50)}'\n",
        f'x = """\n{_sleutel(50)}\n"""\n',
        f"# {_sleutel(50)}\nx = 1\n",
        f'"{_sleutel(50)}" = 1\n',
        f"['{_sleutel(50)}']\n",
        f'{_sleutel(MAX_SLEUTELDELEN)} = "{_sleutel(50)}"\n',
    ],
    ids=["tekst", "letterlijk", "meerregelig", "commentaar", "sleutel", "tabelkop", "waarde"],
)
def test_punten_in_teksten_en_commentaar_tellen_niet(tekst: str) -> None:
    assert _diepte(tomllib.loads(tekst)) <= MAX_SLEUTELDELEN
    toml_vooraf(tekst, "d.toml")  # accepted: no InvoerFout


@pytest.mark.parametrize(
    "voor", ["", "\n", "\n\n", "# c\n\n", 'x = "s"\n'], ids=["1", "2", "3", "4", "na-tekst"]
)
def test_de_weigering_noemt_de_regel_van_de_sleutel(voor: str) -> None:
    """A key that starts with a quoted segment is refused on its own line (the count
    starts after the string); the line is counted from the first."""
    regel = voor.count("\n") + 1
    tekst = voor + '"q".' + _sleutel(MAX_SLEUTELDELEN) + " = 1\n"
    tomllib.loads(tekst)
    with pytest.raises(InvoerFout) as e:
        toml_vooraf(tekst, "d.toml")
    assert str(e.value) == (
        f"d.toml: regel {regel} of later: een sleutel met meer dan {MAX_SLEUTELDELEN} "
        "delen (a.b.c…); dat is geen dossier"
    )


def test_de_regel_is_nooit_later_dan_de_sleutel() -> None:
    """Without a string on its line the refusal may name an earlier line ("of later"),
    never a later one."""
    tekst = "x = 1\n\n" + _sleutel(MAX_SLEUTELDELEN + 1) + " = 1\n"
    with pytest.raises(InvoerFout) as e:
        toml_vooraf(tekst, "d.toml")
    gevonden = re.match(r"d\.toml: regel (\d+) of later", str(e.value))
    assert gevonden is not None
    assert 1 <= int(gevonden.group(1)) <= 3


def test_the_pair_of_texts_for_a_refused_file_is_deprecated() -> None:
    """Issue 29: the reason is one message of the catalogue (bijlage_reden); the old pair
    of texts still works for one more minor version, with a warning."""
    reden = bijlage_reden("../etc/passwd")
    assert reden is not None
    with pytest.warns(DeprecationWarning, match="bijlage_reden"):
        assert bijlage_fout("../etc/passwd") == (reden.in_("nl"), reden.in_("en"))
    assert bijlage_reden("cijfers.csv") is None


def test_an_english_text_beside_an_input_error_is_deprecated() -> None:
    """Issue 29: ``InvoerFout(en=...)`` of 0.2.0 still works for one more minor version,
    with a warning (docs/versies.md, "Afschaffen"); a catalogue message needs no ``en``."""
    with pytest.warns(DeprecationWarning, match="catalogue"):
        fout = InvoerFout("onleesbaar", en="unreadable")
    assert (fout.tekst("nl"), fout.tekst("en"), fout.en) == (
        "onleesbaar",
        "unreadable",
        "unreadable",
    )
    assert InvoerFout(bericht("Het amendement wijzigt niets.")).en == vertaal(
        "en", "Het amendement wijzigt niets."
    )
