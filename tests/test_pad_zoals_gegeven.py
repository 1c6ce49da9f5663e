"""Issue 25, "Paths that cannot be confused": every dossier command names the dossier by
the path as given (``a/d.toml``), as ``controleer`` does, not by its file name only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alvrules import cli
from alvrules.fouten import InvoerFout
from alvrules.laden import laad_dossier


@pytest.mark.parametrize("commando", ["controleer", "uitslag", "verantwoording"])
@pytest.mark.parametrize(
    "geval", [("[vergadering]\nnaam = 1\n", "d.toml"), (None, "ontbreekt.toml")]
)
def test_elk_commando_noemt_het_pad_zoals_gegeven(
    commando: str,
    geval: tuple[str | None, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    inhoud, bestand = geval  # a dossier that does not load, and a missing file
    (tmp_path / "a").mkdir()
    if inhoud is not None:
        (tmp_path / "a" / bestand).write_text(inhoud, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main([commando, f"a/{bestand}"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith(f"alvrules: a/{bestand}: "), fout


def test_laad_dossier_noemt_het_pad_zoals_gegeven(tmp_path: Path) -> None:
    (tmp_path / "d.toml").write_text("[vergadering]\nnaam = 1\n", encoding="utf-8")
    for pad in (str(tmp_path / "d.toml"), tmp_path / "d.toml"):
        with pytest.raises(InvoerFout) as e:
            laad_dossier(pad)
        assert str(tmp_path / "d.toml") in str(e.value)
