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

from jsonschema import (
    Draft3Validator,
    Draft4Validator,
    Draft202012Validator,
    FormatChecker,
    ValidationError,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
#: the official OASIS SARIF 2.1.0 schema, read from shared/ beside the checkout (never copied)
SARIF = SHARED / "data" / "schemas" / "sarif-schema-2.1.0.json"


def schemas() -> dict[str, dict[str, Any]]:
    """Every shipped output schema by name (``controleer``, ``herkomst``, …)."""
    map_ = resources.files("alvrules") / "data" / "schemas"
    return {
        f.name.removesuffix(".json"): json.loads(f.read_text(encoding="utf-8"))
        for f in map_.iterdir()
        if f.name.endswith(".json")
    }


#: the Popolo Project's JSON Schemas (draft-03), read from shared/ (never copied)
POPOLO = SHARED / "data" / "schemas" / "popolo"
_POPOLO_ID = "http://www.popoloproject.com/schemas/"


def popolo_validator(schema: str = "vote_event") -> Draft3Validator:
    """A draft-03 validator for Popolo ``schema``, its ``$ref``s resolved from the local files
    (each schema's ``id`` mapped to its file; nothing is fetched)."""
    registry: Registry[Any] = Registry().with_resources(
        (
            _POPOLO_ID + f.name + "#",
            Resource.from_contents(json.loads(f.read_text(encoding="utf-8")), DRAFT3),
        )
        for f in sorted(POPOLO.glob("*.json"))
    )
    registry = registry.with_resources(
        (uri.removesuffix("#"), registry[uri]) for uri in list(registry)
    )
    return Draft3Validator(
        registry[_POPOLO_ID + schema + ".json#"].contents,
        registry=registry,
        format_checker=Draft3Validator.FORMAT_CHECKER,
    )


def _popolo() -> Any:
    """``uitslag --format popolo``: every VoteEvent against vote_event.json, the body
    against organization.json (skips when shared/ is not beside the checkout)."""
    if not POPOLO.is_dir():
        return None
    voorval, organisatie = popolo_validator("vote_event"), popolo_validator("organization")

    class Popolo:
        @staticmethod
        def iter_errors(data: Any) -> Any:
            yield from organisatie.iter_errors(data.get("organization", {}))
            for e in data.get("vote_events", []):
                yield from voorval.iter_errors(e)

    return Popolo()


@functools.cache
def _validator(soort: str) -> Any:
    if soort == "sarif":  # the OASIS schema lives in shared/; without it, nothing to check
        if not SARIF.is_file():
            return None
        return Draft4Validator(json.loads(SARIF.read_text(encoding="utf-8")))
    if soort == "popolo":
        return _popolo()
    alle = schemas()
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in alle.values()
    )
    return Draft202012Validator(alle[soort], registry=registry, format_checker=FormatChecker())


def valideer(soort: str, data: Any) -> None:
    """Validate output ``data`` of kind ``soort``; the error names the schema to update."""
    data = json.loads(json.dumps(data, ensure_ascii=False))
    validator = _validator(soort)
    if validator is None:
        return
    fout = next(iter(validator.iter_errors(data)), None)
    if fout is not None:
        plek = "/".join(str(p) for p in fout.absolute_path) or "(top)"
        raise ValidationError(
            f"{soort}-uitvoer past niet bij zijn schema op {plek}: {fout.message}. Een nieuwe "
            f"of veranderde sleutel? Werk alvrules/data/schemas/{soort}.json bij "
            "(docs/schemas.md: 'Een schema bijwerken')."
        )
