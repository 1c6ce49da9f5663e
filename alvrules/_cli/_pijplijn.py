"""``controleer --format sarif|github|gitlab``: findings for CI systems (docs: "In een
publicatiestraat").

* ``sarif``: SARIF 2.1.0 (OASIS), one run; the rules of the catalogue as the tool's rules
  with their docs page as help, each finding a result with rule, level, message, the
  ``pad`` as logical location, the line in the dossier where it can be found, and a
  fingerprint from rule and path that stays the same between runs.
* ``github``: one workflow command per finding,
  ``::error file=…,line=…,title=SIG01::…``, escaped as GitHub's runner expects.
* ``gitlab``: a GitLab code-quality report (a JSON array of issues).
"""

from __future__ import annotations

import hashlib
from typing import Any

from alvrules._cli._uitvoer import Invoer, json_uit
from alvrules.bronnen import DOCS_URL
from alvrules.regels import Bevinding, Ernst, Rapport, regels
from alvrules.vindplaats import Vindplaatsen

__all__ = ["SARIF_SCHEMA", "github", "gitlab", "sarif", "schrijf", "vingerafdruk"]

#: the ``id`` of the OASIS SARIF 2.1.0 schema (errata 01), which the log names as ``$schema``
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_SARIF_NIVEAU = {Ernst.FOUT: "error", Ernst.WAARSCHUWING: "warning", Ernst.INFO: "note"}
_GITHUB_NIVEAU = {Ernst.FOUT: "error", Ernst.WAARSCHUWING: "warning", Ernst.INFO: "notice"}
_GITLAB_ERNST = {Ernst.FOUT: "major", Ernst.WAARSCHUWING: "minor", Ernst.INFO: "info"}


def vingerafdruk(b: Bevinding) -> str:
    """A fingerprint of a finding from its rule and path: equal across runs and machines."""
    return hashlib.sha256(f"{b.regel}\0{b.pad}".encode()).hexdigest()


class _Regelzoeker:
    """Looks up the lines of paths in the input's text (none for unreadable text)."""

    def __init__(self, invoer: Invoer) -> None:
        tekst = invoer.tekst
        self.plaatsen = None if tekst is None else Vindplaatsen(tekst)

    def __call__(self, pad: str) -> int | None:
        return None if self.plaatsen is None else self.plaatsen.regel(pad)


def sarif(rapport: Rapport, invoer: Invoer, herkomst: dict[str, Any], taal: str) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log."""
    alle = regels()
    index = {r.id: i for i, r in enumerate(alle)}
    en = taal == "en"
    regel = _Regelzoeker(invoer)
    resultaten: list[dict[str, Any]] = []
    for b in rapport:
        locatie: dict[str, Any] = {
            "logicalLocations": [{"fullyQualifiedName": b.pad, "kind": "element"}]
        }
        if invoer.uri is not None:
            fysiek: dict[str, Any] = {"artifactLocation": {"uri": invoer.uri}}
            lijn = regel(b.pad)
            if lijn is not None:
                fysiek["region"] = {"startLine": lijn}
            locatie["physicalLocation"] = fysiek
        resultaat: dict[str, Any] = {
            "ruleId": b.regel,
            "level": _SARIF_NIVEAU[b.ernst],
            "message": {"text": b.tekst(taal)},
            "locations": [locatie],
            "partialFingerprints": {"alvrules/regel-pad/v1": vingerafdruk(b)},
            "properties": {"pad": b.pad, "bron": b.bron, "ernst": b.ernst.value},
        }
        if b.regel in index:
            resultaat["ruleIndex"] = index[b.regel]
        resultaten.append(resultaat)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "alvrules",
                        "version": herkomst["alvrules"],
                        "semanticVersion": herkomst["alvrules"],
                        "informationUri": DOCS_URL,
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.naam_en if en else r.naam,
                                "shortDescription": {"text": r.naam_en if en else r.naam},
                                "fullDescription": {"text": r.uitleg},
                                "help": {"text": f"{r.uitleg} Bron: {r.bron}."},
                                "helpUri": r.url,
                                "defaultConfiguration": {"level": _SARIF_NIVEAU[r.ernst]},
                                "properties": {"hoofdstuk": r.hoofdstuk, "bron": r.bron},
                            }
                            for r in alle
                        ],
                    }
                },
                "results": resultaten,
                "properties": {"herkomst": herkomst},
            }
        ],
    }


def _github_data(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_eigenschap(tekst: str) -> str:
    return _github_data(tekst).replace(":", "%3A").replace(",", "%2C")


def github(rapport: Rapport, invoer: Invoer, taal: str) -> list[str]:
    """One workflow command line per finding (``::error``/``::warning``/``::notice``)."""
    regel = _Regelzoeker(invoer)
    uit: list[str] = []
    for b in rapport:
        eigenschappen: list[str] = []
        if invoer.uri is not None:
            eigenschappen.append(f"file={_github_eigenschap(invoer.uri)}")
            lijn = regel(b.pad)
            if lijn is not None:
                eigenschappen.append(f"line={lijn}")
        eigenschappen.append(f"title={_github_eigenschap(b.regel)}")
        melding = f"{b.pad}: {b.tekst(taal)} ({b.bron})"
        uit.append(
            f"::{_GITHUB_NIVEAU[b.ernst]} {','.join(eigenschappen)}::{_github_data(melding)}"
        )
    return uit


def gitlab(rapport: Rapport, invoer: Invoer, taal: str) -> list[dict[str, Any]]:
    """A GitLab code-quality report: one issue per finding."""
    regel = _Regelzoeker(invoer)
    uit: list[dict[str, Any]] = []
    for b in rapport:
        uit.append(
            {
                "description": f"{b.regel} {b.pad}: {b.tekst(taal)}",
                "check_name": b.regel,
                "fingerprint": vingerafdruk(b),
                "severity": _GITLAB_ERNST[b.ernst],
                "location": {
                    "path": invoer.uri if invoer.uri is not None else invoer.naam,
                    "lines": {"begin": regel(b.pad) or 1},
                },
            }
        )
    return uit


def schrijf(
    soort: str, rapport: Rapport, invoer: Invoer, herkomst: dict[str, Any], taal: str
) -> None:
    """Write the report in pipeline format ``soort`` to stdout."""
    if soort == "sarif":
        json_uit("sarif", sarif(rapport, invoer, herkomst, taal))
    elif soort == "github":
        for lijn in github(rapport, invoer, taal):
            print(lijn)
    else:
        json_uit("gitlab", gitlab(rapport, invoer, taal))
