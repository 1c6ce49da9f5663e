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

__version__ = "0.2.0"

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
    "schrijf_dossier": "alvrules.schrijven",
    "controleer_motie": "alvrules.controle",
    "controleer_amendement": "alvrules.controle",
    "Contactpersoon": "alvrules.model",
    "AgendaSoort": "alvrules.model",
    "VergaderSoort": "alvrules.model",
    "Preadvies": "alvrules.moties",
    "Deel": "alvrules.moties",
    "Aanhouding": "alvrules.moties",
    "Wijziging": "alvrules.amendementen",
    "Vertegenwoordiger": "alvrules.stemmingen",
    "Stembriefje": "alvrules.stemmingen",
    "Keuze": "alvrules.stemmingen",
    "Wijze": "alvrules.stemmingen",
    "StemmingSoort": "alvrules.stemmingen",
    "Grondslag": "alvrules.stemmingen",
    "EerdereMotie": "alvrules.levenscyclus",
    "EerdereDeel": "alvrules.levenscyclus",
    "Status": "alvrules.levenscyclus",
    "Categorie": "alvrules.levenscyclus",
    "Verantwoording": "alvrules.verantwoording",
    "Afdoening": "alvrules.verantwoording",
    "Vacature": "alvrules.verkiezingen",
    "Kandidaat": "alvrules.verkiezingen",
    "Bevolkingsbestand": "alvrules.dossier",
    "Bekrachtiging": "alvrules.raadpleging",
}

__all__ = [
    "Aanhouding",
    "Afdoening",
    "AgendaSoort",
    "Agendapunt",
    "AlvrulesFout",
    "Amendement",
    "Bekrachtiging",
    "Bevinding",
    "Bevolking",
    "Bevolkingsbestand",
    "Categorie",
    "Contactpersoon",
    "Deel",
    "Dossier",
    "EerdereDeel",
    "EerdereMotie",
    "Ernst",
    "GebruiksFout",
    "Gemeente",
    "Grondslag",
    "InvoerFout",
    "Kalender",
    "Kandidaat",
    "Keuze",
    "LiveTelling",
    "Motie",
    "Persoon",
    "Preadvies",
    "Procedure",
    "Rapport",
    "Regel",
    "Rol",
    "Status",
    "Stembriefje",
    "Stemming",
    "StemmingSoort",
    "Termijn",
    "Vacature",
    "Verantwoording",
    "VergaderSoort",
    "Vergadering",
    "Vertegenwoordiger",
    "Wijze",
    "Wijziging",
    "controleer",
    "controleer_amendement",
    "controleer_motie",
    "is_werkdag",
    "laad_dossier",
    "lees_bevolking",
    "lees_dossier",
    "procedure_op",
    "schrijf_dossier",
    "stemgewicht",
    "stemgewichten",
    "werkdagen_voor",
]

if TYPE_CHECKING:
    from alvrules.amendementen import Amendement, Wijziging
    from alvrules.bevolking import Bevolking, lees_bevolking
    from alvrules.controle import controleer, controleer_amendement, controleer_motie
    from alvrules.dossier import Bevolkingsbestand, Dossier
    from alvrules.fouten import AlvrulesFout, GebruiksFout, InvoerFout
    from alvrules.gemeenten import Gemeente
    from alvrules.gewichten import stemgewicht, stemgewichten
    from alvrules.kalender import Kalender, is_werkdag, werkdagen_voor
    from alvrules.laden import laad_dossier, lees_dossier
    from alvrules.levenscyclus import Categorie, EerdereDeel, EerdereMotie, Status
    from alvrules.model import (
        Agendapunt,
        AgendaSoort,
        Contactpersoon,
        Persoon,
        Rol,
        Vergadering,
        VergaderSoort,
    )
    from alvrules.moties import Aanhouding, Deel, Motie, Preadvies
    from alvrules.procedure import Procedure, procedure_op
    from alvrules.raadpleging import Bekrachtiging
    from alvrules.regels import Bevinding, Ernst, Rapport, Regel
    from alvrules.schrijven import schrijf_dossier
    from alvrules.stemmingen import (
        Grondslag,
        Keuze,
        Stembriefje,
        Stemming,
        StemmingSoort,
        Vertegenwoordiger,
        Wijze,
    )
    from alvrules.telling import LiveTelling
    from alvrules.termijnen import Termijn
    from alvrules.verantwoording import Afdoening, Verantwoording
    from alvrules.verkiezingen import Kandidaat, Vacature


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
