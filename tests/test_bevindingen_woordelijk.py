"""Every finding over the example dossiers, word for word in Dutch and English.

An approval test: ``tests/data/bevindingen.json`` holds the reviewed findings (rule,
severity, place, message in both languages) of ``controleer`` over each dossier below. It
pins the messages of the checks, so that mutation testing sees a changed message as a
failure. After an intended change of wording, regenerate and review the diff:
``ALVRULES_HERSCHRIJF=1 python -m pytest tests/test_bevindingen_woordelijk.py``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date

import pytest

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier
from alvrules.model import Vergadering
from tests.alv2023 import buiten_constructor
from tests.conftest import DATA, EXAMPLES

GOUDEN = DATA / "bevindingen.json"
DOSSIERS = {
    "fouten.toml": EXAMPLES / "fouten.toml",
    "najaars-alv-2023.toml": EXAMPLES / "najaars-alv-2023.toml",
    "bevindingen-extra.toml": DATA / "bevindingen-extra.toml",
    "bevindingen-hoofdstukken.toml": DATA / "bevindingen-hoofdstukken.toml",
}
#: dossiers that neither the loader nor the constructors accept: built around them
GEBOUWD: dict[str, Callable[[], Dossier]] = {
    "buiten-de-kalender": lambda: Dossier(
        vergadering=buiten_constructor(
            Vergadering(datum=date(2023, 12, 1)), datum=date(2101, 12, 1)
        )
    ),
}


def bevindingen(naam: str) -> list[list[str]]:
    dossier = GEBOUWD[naam]() if naam in GEBOUWD else laad_dossier(DOSSIERS[naam])
    rapport = controleer(dossier)
    return [
        [b.regel, b.ernst.value, b.pad, b.bron, b.tekst("nl"), b.tekst("en")]
        for b in rapport.bevindingen
    ]


def test_herschrijf() -> None:
    if os.environ.get("ALVRULES_HERSCHRIJF") != "1":
        pytest.skip("set ALVRULES_HERSCHRIJF=1 to rewrite tests/data/bevindingen.json")
    alles = {naam: bevindingen(naam) for naam in sorted(DOSSIERS.keys() | GEBOUWD.keys())}
    GOUDEN.write_text(json.dumps(alles, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("naam", sorted(DOSSIERS.keys() | GEBOUWD.keys()))
def test_bevindingen_woordelijk(naam: str) -> None:
    verwacht = json.loads(GOUDEN.read_text("utf-8"))[naam]
    assert bevindingen(naam) == verwacht
