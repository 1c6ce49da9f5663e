"""``controleer --format sarif|github|gitlab``: findings for CI systems (docs: "In een
publicatiestraat"), for one or more files checked in one run.

* ``sarif``: SARIF 2.1.0 (OASIS), one run with one artifact per file; the rules of the
  catalogue as the tool's rules (explanation and help in the chosen language, the rule's
  docs page as ``helpUri``), each finding a result with rule, level, message, the ``pad``
  as logical location, the file (a ``uri`` relative to the working directory with
  ``uriBaseId`` ``%SRCROOT%``) and the line and column where it is written (a position
  index of the file, :mod:`alvrules.vindplaats`; columns in code points), and a fingerprint that
  tells every finding apart and stays the same between runs. ``invocations`` says whether
  every file could be read (``executionSuccessful``); an unreadable file's problems are
  notifications and results of the rule ``onleesbaar`` on that file.
* ``github``: one workflow command per finding,
  ``::error file=…,line=…,col=…,title=SIG01::…``, escaped as GitHub's runner expects; an
  unreadable file gives one ``::error file=…,title=onleesbaar::`` per problem; the last
  line is the verdict (plain text, not an annotation).
* ``gitlab``: a GitLab code-quality report (a JSON array of issues), an unreadable file's
  problems as ``blocker`` issues of ``onleesbaar``.

With ``--strikt`` a warning blocks publication as an error does: it is reported at the
error level (SARIF ``error``, GitHub ``::error``, GitLab ``major``), so that the platform's
verdict is the exit code's.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from alvrules._cli import _uitvoer
from alvrules._cli._uitvoer import STROOM, json_uit, telling
from alvrules.bronnen import DOCS_URL
from alvrules.model import een_regel
from alvrules.regels import Bevinding, Ernst, bron_in, regels
from alvrules.tekens import op_een_regel
from alvrules.teksten import Getal, vertaal, vertaal_n
from alvrules.vindplaats import plaatszoeker

if TYPE_CHECKING:
    from alvrules._cli.controleer import Uitkomst

__all__ = [
    "ONLEESBAAR",
    "SARIF_SCHEMA",
    "github",
    "gitlab",
    "plaatszoeker",
    "sarif",
    "schrijf",
    "vingerafdruk",
]

#: the ``id`` of the OASIS SARIF 2.1.0 schema (errata 01), which the log names as ``$schema``
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

#: the rule id under which the pipeline formats report a file that could not be read
ONLEESBAAR = "onleesbaar"

#: the ``uriBaseId`` of every relative ``uri``: the working directory of the run, which in
#: CI is the checkout (GitHub code scanning resolves it against the repository)
SRCROOT = "%SRCROOT%"

#: the key of the fingerprint in SARIF ``partialFingerprints``
VINGERAFDRUK = "alvrules/bevinding/v2"

_SARIF_NIVEAU = {Ernst.FOUT: "error", Ernst.WAARSCHUWING: "warning", Ernst.INFO: "note"}
_GITHUB_NIVEAU = {Ernst.FOUT: "error", Ernst.WAARSCHUWING: "warning", Ernst.INFO: "notice"}
_GITLAB_ERNST = {Ernst.FOUT: "major", Ernst.WAARSCHUWING: "minor", Ernst.INFO: "info"}


def vingerafdruk(b: Bevinding, bestand: str = "", volgnummer: int = 0) -> str:
    """A fingerprint of a finding, equal across runs and machines, and different for two
    findings: from the file, the rule, the path, the Dutch message (two MOT05 on one motion
    differ in what they name) and, for findings equal in all of these, their number."""
    delen = (bestand, b.regel, b.pad, b.melding, str(volgnummer))
    return hashlib.sha256("\0".join(delen).encode()).hexdigest()


def _probleemafdruk(bestand: str, pad: str, reden: str, volgnummer: int) -> str:
    delen = (bestand, ONLEESBAAR, pad, reden, str(volgnummer))
    return hashlib.sha256("\0".join(delen).encode()).hexdigest()


def _plaats(naam: str) -> tuple[str, str | None]:
    """The file as ``(uri, uriBaseId)``: relative to the working directory (percent-encoded)
    with :data:`SRCROOT`, or an absolute ``file:`` URI for a file outside it."""
    absoluut = Path(os.path.abspath(naam))
    try:
        relatief = absoluut.relative_to(Path.cwd())
    except ValueError:
        return absoluut.as_uri(), None
    return quote(relatief.as_posix()), SRCROOT


def _weergave(naam: str) -> str:
    """The file as annotations name it: relative to the working directory (the checkout)
    when inside it, else as given."""
    absoluut = Path(os.path.abspath(naam))
    try:
        return absoluut.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(naam).as_posix()


def _ernst(b: Bevinding, strikt: bool) -> Ernst:
    return Ernst.FOUT if strikt and b.ernst is Ernst.WAARSCHUWING else b.ernst


def _genummerd(bevindingen: Sequence[Bevinding], bestand: str) -> Iterator[tuple[Bevinding, str]]:
    """Each finding with its fingerprint (numbered among findings equal in everything)."""
    gezien: dict[tuple[str, str, str], int] = {}
    for b in bevindingen:
        sleutel = (b.regel, b.pad, b.melding)
        n = gezien.get(sleutel, 0)
        gezien[sleutel] = n + 1
        yield b, vingerafdruk(b, bestand, n)


def _problemen(u: Uitkomst, bestand: str, taal: str) -> Iterator[tuple[str, int | None, str, str]]:
    """Each load problem of an unreadable file, on its line and in the order of the file
    (placed when the file was read): (path, line, message, fingerprint)."""
    gezien: dict[tuple[str, str], int] = {}
    for p in u.problemen:
        n = gezien.get((p.pad, p.reden), 0)
        gezien[(p.pad, p.reden)] = n + 1
        melding = een_regel(f"{p.pad + ': ' if p.pad else ''}{p.tekst(taal)}")
        yield p.pad, p.lijn, melding, _probleemafdruk(bestand, p.pad, p.reden, n)


def _regel_beschrijving(taal: str) -> list[dict[str, Any]]:
    uit: list[dict[str, Any]] = []
    for r in regels():
        uitleg = r.uitleg_in(taal)
        uit.append(
            {
                "id": r.id,
                "name": r.naam_in(taal),
                "shortDescription": {"text": r.naam_in(taal)},
                "fullDescription": {"text": uitleg},
                "help": {
                    "text": vertaal(
                        taal, "{uitleg} Bron: {bron}.", uitleg=uitleg, bron=bron_in(r.bron, taal)
                    )
                },
                "helpUri": r.url,
                "defaultConfiguration": {"level": _SARIF_NIVEAU[r.ernst]},
                "properties": {"hoofdstuk": r.hoofdstuk, "bron": bron_in(r.bron, taal)},
            }
        )
    return uit


def _onleesbaar_beschrijving(taal: str) -> dict[str, Any]:
    naam = vertaal(taal, "Onleesbaar dossier")
    uitleg = vertaal(
        taal,
        "Het bestand kon niet als dossier gelezen worden (TOML of JSON met de sleutels "
        "van het dossierformaat); er is niets in gecontroleerd. Afsluitcode 2.",
    )
    return {
        "id": ONLEESBAAR,
        "name": naam,
        "shortDescription": {"text": naam},
        "fullDescription": {"text": uitleg},
        "help": {"text": uitleg},
        "helpUri": f"{DOCS_URL}dossier/",
        "defaultConfiguration": {"level": "error"},
    }


def _fysiek(artefact: dict[str, Any], lijn: int | None, kolom: int | None = None) -> dict[str, Any]:
    plek: dict[str, Any] = {"artifactLocation": dict(artefact)}
    if lijn is not None:
        plek["region"] = {"startLine": lijn}
        if kolom is not None:
            plek["region"]["startColumn"] = kolom
    return plek


def _sarif_meldingen(
    u: Uitkomst, artefact: dict[str, Any] | None, taal: str
) -> Iterator[dict[str, Any]]:
    """An unreadable file's problems as notifications of the invocation."""
    for _pad, lijn, melding, _afdruk in _problemen(u, "", taal):
        yield {
            "level": "error",
            "message": {"text": melding},
            "locations": (
                [{"physicalLocation": _fysiek(artefact, lijn)}] if artefact is not None else []
            ),
            "descriptor": {"id": ONLEESBAAR},
        }


def _sarif_onleesbaar(
    u: Uitkomst, artefact: dict[str, Any] | None, bestand: str, *, regelindex: int, taal: str
) -> Iterator[dict[str, Any]]:
    """An unreadable file: each problem a result of the rule ``onleesbaar`` on the file
    (code scanning shows results, not notifications)."""
    for pad, lijn, melding, afdruk in _problemen(u, bestand, taal):
        locatie: dict[str, Any] = {}
        if artefact is not None:
            locatie["physicalLocation"] = _fysiek(artefact, lijn)
        if pad:
            locatie["logicalLocations"] = [{"fullyQualifiedName": pad, "kind": "element"}]
        yield {
            "ruleId": ONLEESBAAR,
            "ruleIndex": regelindex,
            "level": "error",
            "message": {"text": melding},
            "locations": [locatie] if locatie else [],
            "partialFingerprints": {VINGERAFDRUK: afdruk},
        }


def _artefact(u: Uitkomst, index: int) -> dict[str, Any] | None:
    """The ``artifactLocation`` of a file (``None`` for standard input)."""
    if u.uri is None:
        return None
    uri, basis = _plaats(u.naam)
    artefact: dict[str, Any] = {"uri": uri, "index": index}
    if basis is not None:
        artefact["uriBaseId"] = basis
    return artefact


def _sarif_resultaten(
    uitkomsten: Sequence[Uitkomst], index: dict[str, int], taal: str, strikt: bool
) -> Iterator[dict[str, Any]]:
    """Every result of the run, one at a time (a run may have hundreds of thousands: they
    are written as they are made, never held all at once; issue 25)."""
    n = 0
    for u in uitkomsten:
        artefact = _artefact(u, n)
        n += artefact is not None
        bestand = artefact["uri"] if artefact else ""
        if u.rapport is None:
            yield from _sarif_onleesbaar(
                u, artefact, bestand, regelindex=index[ONLEESBAAR], taal=taal
            )
            continue
        zoek = plaatszoeker(u.inhoud)
        for b, afdruk in _genummerd(tuple(u.rapport), bestand):
            locatie: dict[str, Any] = {
                "logicalLocations": [{"fullyQualifiedName": b.pad, "kind": "element"}]
            }
            if artefact is not None:
                lijn, kolom = zoek(b.pad) or (None, None)
                locatie["physicalLocation"] = _fysiek(artefact, lijn, kolom)
            resultaat: dict[str, Any] = {
                "ruleId": b.regel,
                "level": _SARIF_NIVEAU[_ernst(b, strikt)],
                "message": {"text": b.tekst(taal)},
                "locations": [locatie],
                "partialFingerprints": {VINGERAFDRUK: afdruk},
                "properties": {"bron": b.bron, "ernst": b.ernst.value},
            }
            if b.regel in index:
                resultaat["ruleIndex"] = index[b.regel]
            yield resultaat


def _sarif_kader(
    uitkomsten: Sequence[Uitkomst], taal: str, strikt: bool
) -> tuple[dict[str, Any], dict[str, int]]:
    """The SARIF log without its results (``results`` empty), and the index of each rule."""
    beschrijvingen = _regel_beschrijving(taal)
    index = {r["id"]: i for i, r in enumerate(beschrijvingen)}
    if any(u.rapport is None for u in uitkomsten):
        index[ONLEESBAAR] = len(beschrijvingen)
        beschrijvingen.append(_onleesbaar_beschrijving(taal))
    artefacten: list[dict[str, Any]] = []
    meldingen: list[dict[str, Any]] = []
    for u in uitkomsten:
        artefact = _artefact(u, len(artefacten))
        if artefact is not None:
            artefacten.append({"location": {k: v for k, v in artefact.items() if k != "index"}})
        if u.rapport is None:
            meldingen.extend(_sarif_meldingen(u, artefact, taal))
    eigenschappen: dict[str, Any] = {
        "geldig": all(u.code(strikt) == 0 for u in uitkomsten),
        "strikt": strikt,
    }
    if len(uitkomsten) == 1 and uitkomsten[0].herkomst is not None:
        eigenschappen["herkomst"] = uitkomsten[0].herkomst
    else:
        eigenschappen["bestanden"] = [
            {"bestand": u.naam, "herkomst": u.herkomst} for u in uitkomsten
        ]
    invocatie: dict[str, Any] = {
        "executionSuccessful": all(u.rapport is not None for u in uitkomsten),
        "exitCode": max((u.code(strikt) for u in uitkomsten), default=0),
    }
    if meldingen:
        invocatie["toolExecutionNotifications"] = meldingen
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "alvrules",
                "version": _versie(),
                "semanticVersion": _versie(),
                "informationUri": DOCS_URL,
                "rules": beschrijvingen,
            }
        },
        "invocations": [invocatie],
        "artifacts": artefacten,
        "results": [],
        "columnKind": "unicodeCodePoints",
        "properties": eigenschappen,
    }
    if not artefacten:
        del run["artifacts"]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, index


def sarif(uitkomsten: Sequence[Uitkomst], taal: str, *, strikt: bool = False) -> dict[str, Any]:
    """The reports of one run as a SARIF 2.1.0 log: one run, one artifact per file."""
    log, index = _sarif_kader(uitkomsten, taal, strikt)
    log["runs"][0]["results"] = list(_sarif_resultaten(uitkomsten, index, taal, strikt))
    return log


def _sarif_uit(uitkomsten: Sequence[Uitkomst], taal: str, strikt: bool) -> None:
    """Write the SARIF log to stdout with its results streamed, each on a line of its own
    (compact JSON): the log of 5 MiB of findings is written in memory and output linear in
    the input (issue 25: the whole log built at once, indented, was 74x its input and
    peaked above 1 GB)."""
    if _uitvoer.CONTROLE:  # the test suite validates the whole log against the schema
        for controle in _uitvoer.CONTROLE:
            controle("sarif", sarif(uitkomsten, taal, strikt=strikt))
    log, index = _sarif_kader(uitkomsten, taal, strikt)
    log["runs"][0]["results"] = STROOM
    resultaten = _sarif_resultaten(uitkomsten, index, taal, strikt)
    json_uit("sarif", log, stroom=_regelsgewijs(resultaten, 8), controle=False)


def _regelsgewijs(items: Iterator[Any], inspringing: int) -> Iterator[str]:
    """The items of a JSON list as they come, each compact on a line of its own, indented
    by ``inspringing`` spaces (the brackets are :func:`json_uit`'s)."""
    compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    eerste = True
    for item in items:
        yield ("\n" if eerste else ",\n") + " " * inspringing + compact.encode(item)
        eerste = False
    if not eerste:
        yield "\n" + " " * (inspringing - 2)


def _versie() -> str:
    from alvrules import __version__  # noqa: PLC0415

    return __version__


def _github_data(tekst: str) -> str:
    """A workflow command's data: one line (:func:`~alvrules.tekens.op_een_regel`: no
    control character from input reaches the runner raw), ``%`` escaped."""
    return op_een_regel(tekst).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_eigenschap(tekst: str) -> str:
    return _github_data(tekst).replace(":", "%3A").replace(",", "%2C")


def github(uitkomsten: Sequence[Uitkomst], taal: str, *, strikt: bool = False) -> list[str]:
    """One workflow command line per finding (``::error``/``::warning``/``::notice``), one
    ``::error`` per problem of an unreadable file, and the verdict as the last line."""
    return list(_github_regels(uitkomsten, taal, strikt))


def _github_regels(uitkomsten: Sequence[Uitkomst], taal: str, strikt: bool) -> Iterator[str]:
    """The lines of :func:`github`, one at a time."""
    for u in uitkomsten:
        bestand = None if u.uri is None else _github_eigenschap(_weergave(u.naam))
        if u.rapport is None:
            for _pad, lijn, melding, _afdruk in _problemen(u, "", taal):
                eigenschappen = [f"file={bestand}"] if bestand else []
                if bestand and lijn is not None:
                    eigenschappen.append(f"line={lijn}")
                eigenschappen.append(f"title={ONLEESBAAR}")
                yield f"::error {','.join(eigenschappen)}::{_github_data(melding)}"
            continue
        zoek = plaatszoeker(u.inhoud)
        for b in u.rapport:
            eigenschappen = []
            if bestand is not None:
                eigenschappen.append(f"file={bestand}")
                plek = zoek(b.pad)
                if plek is not None:
                    eigenschappen.append(f"line={plek[0]},col={plek[1]}")
            eigenschappen.append(f"title={_github_eigenschap(b.regel)}")
            melding = f"{b.pad}: {b.tekst(taal)} ({bron_in(b.bron, taal)})"
            niveau = _GITHUB_NIVEAU[_ernst(b, strikt)]
            yield f"::{niveau} {','.join(eigenschappen)}::{_github_data(melding)}"
    yield _oordeel(uitkomsten, taal, strikt)


def _oordeel(uitkomsten: Sequence[Uitkomst], taal: str, strikt: bool) -> str:
    """``alvrules: 2 bestanden, 1 fout, 0 waarschuwingen, 3 info, 0 onleesbaar: ongeldig``."""
    n = {"fout": 0, "waarschuwing": 0, "info": 0}
    for u in uitkomsten:
        for k, v in (u.rapport.aantallen if u.rapport is not None else {}).items():
            n[k] += v
    kapot = sum(u.rapport is None for u in uitkomsten)
    goed = all(u.code(strikt) == 0 for u in uitkomsten)
    tekst = "alvrules: " + vertaal(
        taal,
        "{bestanden}, {telling}, {kapot} onleesbaar: {oordeel}",
        bestanden=vertaal_n(taal, "{n} bestand", "{n} bestanden", len(uitkomsten)),
        telling=telling(n, taal),
        kapot=Getal(kapot),
        oordeel=vertaal(taal, "geldig") if goed else vertaal(taal, "ongeldig"),
    )
    return tekst + (" (--strikt)" if strikt else "")


def gitlab(
    uitkomsten: Sequence[Uitkomst], taal: str, *, strikt: bool = False
) -> list[dict[str, Any]]:
    """A GitLab code-quality report: one issue per finding and per load problem."""
    return list(_gitlab_issues(uitkomsten, taal, strikt))


def _gitlab_issues(
    uitkomsten: Sequence[Uitkomst], taal: str, strikt: bool
) -> Iterator[dict[str, Any]]:
    """The issues of :func:`gitlab`, one at a time."""
    for u in uitkomsten:
        pad = _weergave(u.naam) if u.uri is not None else u.naam
        if u.rapport is None:
            for _plek, lijn, melding, afdruk in _problemen(u, pad, taal):
                yield {
                    "description": f"{ONLEESBAAR} {melding}",
                    "check_name": ONLEESBAAR,
                    "fingerprint": afdruk,
                    "severity": "blocker",
                    "location": {"path": pad, "lines": {"begin": lijn or 1}},
                }
            continue
        regel = plaatszoeker(u.inhoud)
        for b, afdruk in _genummerd(tuple(u.rapport), pad):
            yield {
                "description": f"{b.regel} {b.pad}: {b.tekst(taal)}",
                "check_name": b.regel,
                "fingerprint": afdruk,
                "severity": _GITLAB_ERNST[_ernst(b, strikt)],
                "location": {"path": pad, "lines": {"begin": (regel(b.pad) or (1, 1))[0]}},
            }


def schrijf(soort: str, uitkomsten: Sequence[Uitkomst], taal: str, *, strikt: bool) -> None:
    """Write the reports in pipeline format ``soort`` to stdout."""
    if soort == "sarif":
        _sarif_uit(uitkomsten, taal, strikt)
    elif soort == "github":
        for lijn in _github_regels(uitkomsten, taal, strikt):
            print(lijn)
    else:
        if _uitvoer.CONTROLE:  # the test suite validates the whole report against the schema
            for controle in _uitvoer.CONTROLE:
                controle("gitlab", gitlab(uitkomsten, taal, strikt=strikt))
        issues = _gitlab_issues(uitkomsten, taal, strikt)
        json_uit("gitlab", STROOM, stroom=_regelsgewijs(issues, 2), controle=False)
