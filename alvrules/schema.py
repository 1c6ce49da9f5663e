"""The JSON Schema (draft 2020-12) of the dossier format, derived from the domain types.

The schema says what :mod:`alvrules.laden` accepts, from the same attrs types: a field
added to a type appears here too. The package ships the result as
``alvrules/data/dossier.schema.json``; regenerate it with
``python -m alvrules.schema > alvrules/data/dossier.schema.json`` (a test checks that the
shipped file is current). Dates and times, native in TOML, are strings in JSON.
"""

from __future__ import annotations

import json
import types
from datetime import date, datetime, time
from enum import Enum
from importlib import resources
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from alvrules.dossier import Dossier
from alvrules.laden import HERNOEMD
from alvrules.model import AgendaSoort
from alvrules.stemmingen import Stembriefje

__all__ = ["SCHEMA_ID", "dossier_schema", "schema"]

SCHEMA_ID = "urn:alvrules:dossier:1"

_JAAR = r"(20\d\d|2100)"  # laden.JAREN = kalender.VERGADERJAREN
_DATUM = _JAAR + r"-\d{2}-\d{2}"
_TIJD = r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?"

#: JSON Schema of each scalar type, and of the keys the file writes differently.
_SCALAIR: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    date: {"type": "string", "format": "date", "pattern": f"^{_DATUM}$"},
    # a time of day in Europe/Amsterdam: no offset (so not RFC 3339 `format: time`)
    time: {"type": "string", "pattern": f"^{_TIJD}$"},
    # a timestamp must carry its offset (PROCEDURE.md §4 TRM: never assumed)
    datetime: {
        "type": "string",
        "format": "date-time",
        "pattern": f"^{_DATUM}[T ]{_TIJD}(Z|[+-]\\d{{2}}:\\d{{2}})$",
    },
    frozenset[AgendaSoort]: {
        "oneOf": [
            {"$ref": "#/$defs/AgendaSoort"},
            {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/AgendaSoort"}},
        ],
        "description": "AGD01: één soort, of een lijst voor een gemengd punt",
    },
    tuple[Stembriefje, ...]: {
        "oneOf": [
            {"type": "object", "additionalProperties": {"type": "string"}},
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "gemeente": {"type": "string"},
                        "keuze": {"type": "string"},
                        "tijdstip": {
                            "type": "string",
                            "format": "date-time",
                            "pattern": f"^{_DATUM}[T ]{_TIJD}(Z|[+-]\\d{{2}}:\\d{{2}})$",
                        },
                    },
                    "required": ["gemeente", "keuze"],
                    "additionalProperties": False,
                },
            },
        ],
        "description": "gemeente = keuze (voor | tegen | onthouding), of een lijst van "
        "{gemeente, keuze, tijdstip} (een tweede stembriefje van een lid: STM04; tijdstip: "
        "wanneer het briefje is uitgebracht)",
    },
}


def dossier_schema() -> dict[str, Any]:
    """The schema of a dossier, generated from :class:`~alvrules.dossier.Dossier`."""
    defs: dict[str, Any] = {}
    _type(Dossier, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "alvrules: dossier van een ALV van de VNG",
        "$ref": "#/$defs/Dossier",
        "$defs": dict(sorted(defs.items())),
    }


def schema() -> dict[str, Any]:
    """The schema shipped in the package (``alvrules/data/dossier.schema.json``)."""
    tekst = (resources.files("alvrules") / "data" / "dossier.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(tekst)
    return data


def _type(t: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if t in _SCALAIR:
        if t == frozenset[AgendaSoort]:
            _type(AgendaSoort, defs)
        return dict(_SCALAIR[t])
    args = get_args(t)
    if get_origin(t) in (Union, types.UnionType):
        return {"anyOf": [_type(a, defs) for a in args]}
    if t is type(None):
        return {"type": "null"}
    if get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type(args[0], defs)}
    if isinstance(t, type) and issubclass(t, Enum):
        defs[t.__name__] = {"enum": [str(k.value) for k in t]}
        return {"$ref": f"#/$defs/{t.__name__}"}
    if isinstance(t, type) and attrs.has(t):
        if t.__name__ not in defs:
            defs[t.__name__] = {}  # placeholder against recursion
            defs[t.__name__] = _klasse(t, defs)
        return {"$ref": f"#/$defs/{t.__name__}"}
    raise TypeError(f"no schema for {t!r}")  # a programming error: add it to _SCALAIR


def _klasse(t: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(t)
    eigenschappen: dict[str, Any] = {}
    verplicht: list[str] = []
    for a in attrs.fields(t):
        if not a.init:  # not part of the file (e.g. Bevolkingsbestand.map)
            continue
        sleutel = HERNOEMD.get((t, a.name), a.name)
        eigenschappen[sleutel] = _type(hints[a.name], defs)
        if a.default is attrs.NOTHING:
            verplicht.append(sleutel)
    uit: dict[str, Any] = {"type": "object", "properties": eigenschappen}
    if verplicht:
        uit["required"] = verplicht
    uit["additionalProperties"] = False
    return uit


if __name__ == "__main__":  # pragma: no cover - regenerates the shipped file
    print(json.dumps(dossier_schema(), ensure_ascii=False, indent=2))
