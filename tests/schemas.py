"""Validation of every JSON output against its schema (the shipped ones, and SARIF's).

``valideer(soort, data)`` raises :class:`jsonschema.ValidationError` with a hint where to
change the schema. :mod:`tests.conftest` hooks it into the CLI's JSON writer, so every JSON
output that any test produces is validated.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
#: the official OASIS SARIF 2.1.0 schema, read from shared/ beside the checkout (never copied)
SARIF = ROOT.parent / "shared" / "data" / "schemas" / "sarif-schema-2.1.0.json"


def schemas() -> dict[str, dict[str, Any]]:
    """Every shipped output schema by name (``controleer``, ``herkomst``, …)."""
    map_ = resources.files("alvrules") / "data" / "schemas"
    return {
        f.name.removesuffix(".json"): json.loads(f.read_text(encoding="utf-8"))
        for f in map_.iterdir()
        if f.name.endswith(".json")
    }


@functools.cache
def _validator(soort: str) -> Draft202012Validator | Draft4Validator:
    if soort == "sarif":
        return Draft4Validator(json.loads(SARIF.read_text(encoding="utf-8")))
    alle = schemas()
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in alle.values()
    )
    return Draft202012Validator(alle[soort], registry=registry, format_checker=FormatChecker())


def valideer(soort: str, data: Any) -> None:
    """Validate output ``data`` of kind ``soort``; the error names the schema to update."""
    data = json.loads(json.dumps(data, ensure_ascii=False))
    fout = next(iter(_validator(soort).iter_errors(data)), None)
    if fout is not None:
        plek = "/".join(str(p) for p in fout.absolute_path) or "(top)"
        raise ValidationError(
            f"{soort}-uitvoer past niet bij zijn schema op {plek}: {fout.message}. Een nieuwe "
            f"of veranderde sleutel? Werk alvrules/data/schemas/{soort}.json bij "
            "(docs/schemas.md: 'Een schema bijwerken')."
        )
