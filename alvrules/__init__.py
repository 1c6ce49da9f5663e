"""alvrules: the procedure of the VNG's Algemene Ledenvergadering as executable rules.

The top-level API is small and deliberate; names are imported on first use so that
``import alvrules`` stays cheap for tools that need only one part.

One public name, one thing: a top-level name is never both a function and a submodule.
``alvrules.termijnen`` and ``alvrules.uitslagen`` are the submodules, whatever was imported
before (their functions: ``alvrules.termijnen.termijnen``, ``alvrules.uitslagen.uitslagen``).
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API: dict[str, str] = {
    "is_werkdag": "alvrules.kalender",
    "werkdagen_voor": "alvrules.kalender",
    "Kalender": "alvrules.kalender",
    "stemgewicht": "alvrules.gewichten",
    "stemgewichten": "alvrules.gewichten",
    "Bevolking": "alvrules.bevolking",
    "lees_bevolking": "alvrules.bevolking",
    "laad_dossier": "alvrules.laden",
    "controleer": "alvrules.controle",
    "Dossier": "alvrules.dossier",
    "Motie": "alvrules.moties",
    "Amendement": "alvrules.amendementen",
    "Stemming": "alvrules.stemmingen",
    "Gemeente": "alvrules.gemeenten",
    "Vergadering": "alvrules.model",
    "Agendapunt": "alvrules.model",
    "Persoon": "alvrules.model",
    "Rol": "alvrules.model",
    "InvoerFout": "alvrules.fouten",
    "AlvrulesFout": "alvrules.fouten",
    "GebruiksFout": "alvrules.fouten",
    "Procedure": "alvrules.procedure",
    "procedure_op": "alvrules.procedure",
    "Regel": "alvrules.regels",
    "Bevinding": "alvrules.regels",
    "Rapport": "alvrules.regels",
    "Ernst": "alvrules.regels",
    "Termijn": "alvrules.termijnen",
    "lees_dossier": "alvrules.laden",
    "LiveTelling": "alvrules.telling",
}

__all__ = [
    "Agendapunt",
    "AlvrulesFout",
    "Amendement",
    "Bevinding",
    "Bevolking",
    "Dossier",
    "Ernst",
    "GebruiksFout",
    "Gemeente",
    "InvoerFout",
    "Kalender",
    "LiveTelling",
    "Motie",
    "Persoon",
    "Procedure",
    "Rapport",
    "Regel",
    "Rol",
    "Stemming",
    "Termijn",
    "Vergadering",
    "controleer",
    "is_werkdag",
    "laad_dossier",
    "lees_bevolking",
    "lees_dossier",
    "procedure_op",
    "stemgewicht",
    "stemgewichten",
    "werkdagen_voor",
]

if TYPE_CHECKING:
    from alvrules.amendementen import Amendement
    from alvrules.bevolking import Bevolking, lees_bevolking
    from alvrules.controle import controleer
    from alvrules.dossier import Dossier
    from alvrules.fouten import AlvrulesFout, GebruiksFout, InvoerFout
    from alvrules.gemeenten import Gemeente
    from alvrules.gewichten import stemgewicht, stemgewichten
    from alvrules.kalender import Kalender, is_werkdag, werkdagen_voor
    from alvrules.laden import laad_dossier, lees_dossier
    from alvrules.model import Agendapunt, Persoon, Rol, Vergadering
    from alvrules.moties import Motie
    from alvrules.procedure import Procedure, procedure_op
    from alvrules.regels import Bevinding, Ernst, Rapport, Regel
    from alvrules.stemmingen import Stemming
    from alvrules.telling import LiveTelling
    from alvrules.termijnen import Termijn


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        if (
            name.isidentifier()
            and not name.startswith("_")
            and importlib.util.find_spec(f"alvrules.{name}")
        ):
            return importlib.import_module(f"alvrules.{name}")  # a submodule, as `import` does
        raise AttributeError(f"module 'alvrules' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
