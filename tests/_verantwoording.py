"""Test helper: read a dossier's accounting sections from TOML without the loader.

Only the parts the accounting needs (vergadering, eerdere_moties, verantwoording); the
full loader (:func:`alvrules.laden.laad_dossier`) is built elsewhere.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from alvrules.dossier import Dossier
from alvrules.levenscyclus import Categorie, EerdereMotie, Status
from alvrules.model import Vergadering
from alvrules.verantwoording import Afdoening, Verantwoording

DATA = Path(__file__).resolve().parent / "data"
FIXTURE_2023 = DATA / "verantwoording-2023.toml"


def _motie(d: dict[str, Any]) -> EerdereMotie:
    d = dict(d)
    d["indieners"] = tuple(d.get("indieners", ()))
    d["status"] = Status(d.get("status", "aangenomen"))
    if "categorie" in d:
        d["categorie"] = Categorie(d["categorie"])
    return EerdereMotie(**d)


def _verantwoording(d: dict[str, Any]) -> Verantwoording:
    d = dict(d)
    d["voorstel"] = Afdoening(d.get("voorstel", "afdoen"))
    return Verantwoording(**d)


def lees(pad: Path = FIXTURE_2023) -> Dossier:
    data = tomllib.loads(pad.read_text(encoding="utf-8"))
    v = data["vergadering"]
    return Dossier(
        vergadering=Vergadering(datum=v["datum"], naam=v.get("naam", "ALV")),
        eerdere_moties=tuple(_motie(m) for m in data.get("eerdere_moties", ())),
        verantwoording=tuple(_verantwoording(x) for x in data.get("verantwoording", ())),
    )
