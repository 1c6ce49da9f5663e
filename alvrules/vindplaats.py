"""The line of a finding's ``pad`` in the dossier file (TOML or JSON), for CI annotations.

A finding names its place as a path into the input (``moties[M04].ondertekening[1].rol``);
SARIF, GitHub and GitLab want a line. The parsers of the standard library keep no
positions, so this module looks the path up in the text, segment by segment, each search
starting where the previous one ended:

* a key (``moties``, ``rol``): a line with ``rol =``, ``"rol":``, ``[[moties]]`` or
  ``[moties.…]``, also inside an inline table (``{ naam = "…", rol = "…" }``);
* an id (``[M01]``): a line with ``= "M01"`` or ``: "M01"``; the element starts at the
  table that holds it (its ``[[moties]]`` header or ``{``);
* an index (``[1]``): the 2nd ``[[….ondertekening]]`` header, or the 2nd element line of
  a multi-line array; in a one-line array, the key's line.

When a segment cannot be found the line of the last segment found is the answer: a line
is a help for the reader, never part of the finding. ``None`` when nothing is found.
"""

from __future__ import annotations

import re

__all__ = ["regel_van"]

_SEGMENT = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def _segmenten(pad: str) -> list[tuple[str, str]]:
    """``moties[M01].ondertekening[0]`` -> key, id, key, index."""
    uit: list[tuple[str, str]] = []
    for m in _SEGMENT.finditer(pad):
        if m.group(2) is not None:
            uit.append(("sleutel", m.group(2).strip()))
        elif m.group(1).isdigit():
            uit.append(("index", m.group(1)))
        else:
            uit.append(("id", m.group(1)))
    return uit


def _sleutel(naam: str) -> re.Pattern[str]:
    k = re.escape(naam)
    return re.compile(rf'(?<![\w"-])"?{k}"?\s*(?:=|:|\]\]|\])')


def _id(waarde: str) -> re.Pattern[str]:
    return re.compile(rf'[=:]\s*"{re.escape(waarde)}"')


def _begin_tabel(regels: list[str], i: int) -> int:
    """The line where the table (TOML header or ``{``) around line ``i`` starts."""
    for j in range(i, -1, -1):
        t = regels[j].strip()
        if t.startswith(("[", "{")) or t.endswith("{"):
            return j
    return i


def _element(regels: list[str], i: int, n: int, sleutel: str) -> int:
    """Line of element ``n`` of the array whose key is on line ``i``."""
    kop = re.compile(rf"^\s*\[\[\s*(?:[\w.-]+\.)?{re.escape(sleutel)}\s*\]\]")
    if kop.match(regels[i]):
        gezien = -1
        for j in range(i, len(regels)):
            if kop.match(regels[j]):
                gezien += 1
                if gezien == n:
                    return j
        return i
    if not regels[i].rstrip().endswith("["):
        return i  # a one-line array
    inspringen: int | None = None
    gezien = -1
    for j in range(i + 1, len(regels)):
        t = regels[j]
        kaal = t.strip()
        if not kaal or kaal.startswith("#"):
            continue
        if kaal.startswith("]"):
            break
        diepte = len(t) - len(t.lstrip())
        if inspringen is None:
            inspringen = diepte
        if diepte == inspringen:
            gezien += 1
            if gezien == n:
                return j
    return i


def regel_van(tekst: str, pad: str) -> int | None:
    """The 1-based line of ``pad`` in the dossier ``tekst``; ``None`` when not found."""
    regels = tekst.splitlines()
    positie, gevonden = 0, None
    laatste_sleutel = ""
    for soort, waarde in _segmenten(pad):
        if soort == "index":
            if gevonden is not None:
                gevonden = positie = _element(regels, gevonden, int(waarde), laatste_sleutel)
            continue
        patroon = _sleutel(waarde) if soort == "sleutel" else _id(waarde)
        treffer = next((j for j in range(positie, len(regels)) if patroon.search(regels[j])), None)
        if treffer is None:
            break
        if soort == "id":
            treffer = _begin_tabel(regels, treffer)
        else:
            laatste_sleutel = waarde
        gevonden = positie = treffer
    return None if gevonden is None else gevonden + 1
