"""docs/dossier.md documents every key the loader accepts (issue 24): checked against the
shipped JSON Schema, so the page cannot drift from :mod:`alvrules.laden`.

Every object of ``alvrules/data/dossier.schema.json`` has its section on the page (the
table :data:`SECTIES` says which); each of its keys has a row there with a meaning, and the
page's TOML examples, every one of which must load, use every key. A key added to the
dossier fails here until the page explains it and shows it.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from alvrules.laden import lees_dossier
from alvrules.schema import schema
from tests.conftest import ROOT
from tests.test_sjabloon import _sleutels

PAGINA = ROOT / "docs" / "dossier.md"

#: schema definition -> the anchor of its section on the page (None: "Tabellen en sleutels")
SECTIES: dict[str, str | None] = {
    "Dossier": None,
    "Vergadering": "vergadering",
    "Agendapunt": "agendapunten",
    "Motie": "moties",
    "Deel": "delen",
    "Persoon": "ondertekening",
    "Contactpersoon": "contactpersonen",
    "Amendement": "amendementen",
    "Wijziging": "wijzigingen",
    "Vertegenwoordiger": "vertegenwoordigers",
    "Stemming": "stemmingen",
    "Vacature": "vacatures",
    "Kandidaat": "kandidaten",
    "EerdereMotie": "eerdere_moties",
    "EerdereDeel": "eerdere_delen",
    "Verantwoording": "verantwoording",
    "Bevolkingsbestand": "bevolking",
    "Bekrachtiging": "bekrachtigingen",
}

_KOP = re.compile(r"^#{2,6} ", re.MULTILINE)
_TOML = re.compile(r"^```toml[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _tekst() -> str:
    return PAGINA.read_text("utf-8")


def _sectie(anker: str | None) -> str:
    """The text of the section with heading anchor ``{ #anker }``, up to the next heading."""
    tekst = _tekst()
    kop = "## Tabellen en sleutels\n" if anker is None else f"{{ #{anker} }}\n"
    begin = tekst.index(kop) + len(kop)
    volgende = _KOP.search(tekst, begin)
    return tekst[begin : volgende.start() if volgende else len(tekst)]


def _objecten() -> dict[str, dict[str, Any]]:
    return {n: d for n, d in schema()["$defs"].items() if "properties" in d}


def test_every_object_of_the_schema_has_a_section() -> None:
    """A new object in the dossier needs a section on the page (and a line in SECTIES)."""
    assert set(_objecten()) == set(SECTIES)
    for naam, anker in SECTIES.items():
        assert _sectie(anker).strip(), naam


def _ingebed(s: Any) -> set[str]:
    """The keys of objects written out inside a property (``stemmen`` as a list of tables)."""
    if not isinstance(s, dict):
        return set()
    uit = set(s.get("properties", {}))
    for k in ("oneOf", "anyOf"):
        for x in s.get(k, []):
            uit |= _ingebed(x)
    return uit | _ingebed(s.get("items"))


@pytest.mark.parametrize("naam", sorted(SECTIES))
def test_every_key_has_a_row_with_its_meaning(naam: str) -> None:
    rijen = [r for r in _sectie(SECTIES[naam]).splitlines() if r.startswith("| `")]
    beschreven: dict[str, str] = {}
    for rij in rijen:
        cellen = [c.strip() for c in rij.strip("|").split(" | ")]
        for sleutel in re.findall(r"`([a-z_]+)`", cellen[0]):
            beschreven[sleutel] = cellen[1]
    eigenschappen = _objecten()[naam]["properties"]
    ingebed = set().union(*(_ingebed(p) for p in eigenschappen.values()))
    for sleutel in [*eigenschappen, *sorted(ingebed)]:
        assert beschreven.get(sleutel, "").strip(), f"{naam}.{sleutel}: geen rij met betekenis"


def _voorbeelden() -> list[dict[str, Any]]:
    return [tomllib.loads(b) for b in _TOML.findall(_tekst())]


def test_every_toml_example_on_the_page_loads() -> None:
    voorbeelden = _voorbeelden()
    assert len(voorbeelden) >= len(SECTIES) - 1
    for data in voorbeelden:
        data.setdefault("vergadering", {"datum": "2023-12-01"})
        lees_dossier(data, "docs/dossier.md")


def test_the_examples_use_every_key_of_the_schema() -> None:
    defs = schema()["$defs"]
    gezien: dict[str, set[str]] = {}
    for data in _voorbeelden():
        _sleutels("Dossier", data, defs, gezien)
    ontbreekt = {
        naam: sorted(set(d["properties"]) - gezien.get(naam, set()))
        for naam, d in _objecten().items()
        if set(d["properties"]) - gezien.get(naam, set())
    }
    assert ontbreekt == {}


def test_a_key_missing_from_the_page_is_found() -> None:
    """The check can fail: a key the schema has and a section lacks is reported."""
    defs = schema()["$defs"]
    gezien: dict[str, set[str]] = {}
    _sleutels("Dossier", {"moties": [{"id": "M01"}]}, defs, gezien)
    assert gezien == {"Dossier": {"moties"}, "Motie": {"id"}}
