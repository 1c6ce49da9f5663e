"""The CLI's reason on stderr is one printable line, whatever the input (found by fuzzing)."""

from __future__ import annotations

import pytest

from alvrules.cli import een_regel, main


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
