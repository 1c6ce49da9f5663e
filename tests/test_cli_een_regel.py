"""The CLI's reason on stderr is one printable line, whatever the input (found by fuzzing)."""

from __future__ import annotations

import pytest

from alvrules.cli import main
from alvrules.model import een_regel


@pytest.mark.parametrize(
    "argv",
    [
        ["controleer", "a\nb.toml"],
        ["controleer", "\x1e"],
        ["uitslag", "x\r\ny.json"],
        ["termijnen", "2023-12-01", "--format", "x\ny"],
    ],
)
def test_een_regel_op_stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as e:
        code = int(e.code or 0)
    fout = capsys.readouterr().err
    assert code == 2
    assert fout.endswith("\n")
    assert fout[:-1].isprintable(), fout


def test_een_regel() -> None:
    assert een_regel("gewoon") == "gewoon"
    assert een_regel("a\nb\x1ec") == "a\\nb\\x1ec"
    assert een_regel("x" * 2000) == "x" * 999 + "…"


def test_laadfout_is_een_regel() -> None:
    # A key or id with newlines ends up in the place of a load error (found by fuzzing).
    from alvrules.laden import lees_dossier
    from alvrules.model import InvoerFout

    data = {"vergadering": {"datum": "2023-12-01"}, "moties": [{"id": "a\nb", "x" * 5000: 1}]}
    with pytest.raises(InvoerFout) as fout:
        lees_dossier(data)
    assert str(fout.value).isprintable()
    assert len(str(fout.value)) <= 1000
