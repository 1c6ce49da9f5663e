"""TOOI identifiers (``https://identifier.overheid.nl/tooi/id/gemeente/gmNNNN``): every
input that takes a municipality name takes its TOOI URI and its CBS code as well."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from alvrules import laden
from alvrules.controle import controleer
from alvrules.gemeenten import register

VOORBEELD = Path(__file__).parent.parent / "examples" / "najaars-alv-2023.toml"
DATUM = date(2023, 12, 1)


def _vervang(tekst: str, hoe: str) -> tuple[str, int]:
    """Every quoted string that is exactly a member's official name, written as ``hoe``."""
    reg = register()
    n = 0

    def vervang(m: re.Match[str]) -> str:
        nonlocal n
        g = reg.zoek(m.group(1), op=DATUM)
        if g is None or g.naam != m.group(1):
            return m.group(0)
        n += 1
        return f'"{g.tooi if hoe == "tooi" else g.code}"'

    return re.sub(r'"([^"\n]+)"', vervang, tekst), n


def _bevindingen(pad: Path) -> list[tuple[str, str, str]]:
    rapport = controleer(laden.laad_dossier(pad))
    return [(b.regel, b.ernst.value, b.pad) for b in rapport.bevindingen]


@pytest.mark.parametrize("hoe", ["tooi", "code"])
def test_a_dossier_with_tooi_uris_or_codes_checks_like_one_with_names(
    tmp_path: Path, hoe: str
) -> None:
    tekst = VOORBEELD.read_text(encoding="utf-8")
    anders, n = _vervang(tekst, hoe)
    assert n >= 10  # indieners, mede-indieners, ondersteuners, ondertekening, ...
    if hoe == "tooi":
        assert "https://identifier.overheid.nl/tooi/id/gemeente/gm0889" in anders  # Beesel
    pad = tmp_path / "alv.toml"
    pad.write_text(anders, encoding="utf-8")
    namen = _bevindingen(VOORBEELD)
    # the same rules at the same severity; a path may name the member as written
    assert [(r, e) for r, e, _ in _bevindingen(pad)] == [(r, e) for r, e, _ in namen]
    assert not any(r == "SIG07" for r, _, _ in _bevindingen(pad))  # every member is known


def test_an_unknown_tooi_uri_is_no_member(tmp_path: Path) -> None:
    tekst = VOORBEELD.read_text(encoding="utf-8").replace(
        'indieners = ["Beesel"]',
        'indieners = ["https://identifier.overheid.nl/tooi/id/gemeente/gm9999"]',
    )
    pad = tmp_path / "alv.toml"
    pad.write_text(tekst, encoding="utf-8")
    assert "SIG07" in {r for r, _, _ in _bevindingen(pad)}
