"""The line of a finding's ``pad`` in the dossier file (TOML or JSON), for CI annotations.

A finding names its place as a path into the input (``moties[M04].ondertekening[1].rol``);
SARIF, GitHub and GitLab want a line. The parsers of the standard library keep no
positions, so this module looks the path up in the text, segment by segment, each search
starting where the previous one ended:

* a key (``moties``, ``rol``): a line with ``rol =``, ``"rol":``, ``[[moties]]`` or
  ``[moties.…]``, also inside an inline table (``{ naam = "…", rol = "…" }``);
* an id (``[M01]``): a line with ``= "M01"`` or ``: "M01"``; the element starts at the
  table that holds it (its ``[[moties]]`` header or ``{``) and ends before the next
  header of another element, or at its closing ``}``: the segments after it are looked
  up inside the element only, never in the next one;
* an index (``[1]``): the 2nd ``[[….ondertekening]]`` header, or the 2nd element line of
  a multi-line array; in a one-line array, the key's line.

When a segment cannot be found the line of the last segment found is the answer: a line
is a help for the reader, never part of the finding. ``None`` when nothing is found.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["MAX_OPZOEKINGEN", "Vindplaatsen", "regel_van"]

#: Paths looked up per report at most; further findings get no line.
MAX_OPZOEKINGEN = 2000

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


#: a string value after ``=`` (TOML) or ``:`` (JSON): where an element's id can stand
_WAARDE = re.compile(r'[=:]\s*"((?:[^"\\]|\\.)*)"')


def _begin_tabel(regels: list[str], i: int) -> int:
    """The line where the table (TOML header or ``{``) around line ``i`` starts."""
    for j in range(i, -1, -1):
        t = regels[j].strip()
        if t.startswith(("[", "{")) or t.endswith("{"):
            return j
    return i


_KOP = re.compile(r"^\[\[?\s*[\w.-]+\s*\]\]?\s*(#.*)?$")  # a TOML table header
_STRING_OF_HAAK = re.compile(r'"(?:[^"\\]|\\.)*"|[{}]')


def _einde(regels: list[str], begin: int, reeks: str) -> int:
    """The line after the element that starts on line ``begin`` (of array ``reeks``)."""
    kop = regels[begin].strip()
    if kop.startswith("["):  # a TOML table: up to the next header outside the element
        binnen = re.compile(rf"^\[\[?\s*{re.escape(reeks)}\.")
        for j in range(begin + 1, len(regels)):
            t = regels[j].strip()
            if _KOP.match(t) and not binnen.match(t):
                return j
        return len(regels)
    diepte = 0  # JSON object or TOML inline table: up to the matching closing brace
    for j in range(begin, len(regels)):
        for m in _STRING_OF_HAAK.finditer(regels[j]):
            if m.group() == "{":
                diepte += 1
            elif m.group() == "}":
                diepte -= 1
                if diepte == 0:
                    return j + 1
    return len(regels)


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


class Vindplaatsen:
    """The lines of paths in one dossier text: the text is split and indexed once.

    Looking up a path costs about the size of the element it names (the id of an element
    is found in an index), so a report with many findings stays near-linear. After
    :data:`MAX_OPZOEKINGEN` different paths the rest get no line (hostile input).
    """

    def __init__(self, tekst: str) -> None:
        self.regels = tekst.splitlines()
        self.ids: dict[str, list[int]] = {}
        for j, r in enumerate(self.regels):
            for m in _WAARDE.finditer(r):
                self.ids.setdefault(m.group(1), []).append(j)
        self.cache: dict[str, int | None] = {}
        self.sleutels: dict[tuple[str, int, int], int | None] = {}

    def regel(self, pad: str) -> int | None:
        """The 1-based line of ``pad``; ``None`` when not found."""
        if pad not in self.cache:
            if len(self.cache) >= MAX_OPZOEKINGEN:
                return None
            self.cache[pad] = self._zoek(pad)
        return self.cache[pad]

    def _id(self, waarde: str, van: int, tot: int) -> int | None:
        lijnen = self.ids.get(waarde, [])
        i = bisect.bisect_left(lijnen, van)
        return lijnen[i] if i < len(lijnen) and lijnen[i] < tot else None

    def _sleutel(self, naam: str, van: int, tot: int) -> int | None:
        """The first line in ``van..tot`` with key ``naam`` (remembered: a section's key
        is looked up once, not once per finding)."""
        if (naam, van, tot) not in self.sleutels:
            patroon = _sleutel(naam)
            self.sleutels[naam, van, tot] = next(
                (j for j in range(van, tot) if patroon.search(self.regels[j])), None
            )
        return self.sleutels[naam, van, tot]

    def _zoek(self, pad: str) -> int | None:
        regels = self.regels
        positie, grens, gevonden = 0, len(regels), None
        laatste_sleutel = ""
        for soort, waarde in _segmenten(pad):
            if soort == "index":
                if gevonden is not None:
                    gevonden = positie = _element(regels, gevonden, int(waarde), laatste_sleutel)
                continue
            if soort == "id":
                treffer = self._id(waarde, positie, grens)
            else:
                treffer = self._sleutel(waarde, positie, grens)
            if treffer is None:
                break
            if soort == "id":
                treffer = _begin_tabel(regels, treffer)
                grens = min(grens, _einde(regels, treffer, laatste_sleutel))
            else:
                laatste_sleutel = waarde
            gevonden = positie = treffer
        return None if gevonden is None else gevonden + 1


def regel_van(tekst: str, pad: str) -> int | None:
    """The 1-based line of ``pad`` in the dossier ``tekst``; ``None`` when not found."""
    return Vindplaatsen(tekst).regel(pad)
