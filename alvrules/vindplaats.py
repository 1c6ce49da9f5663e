"""The line and column of a finding's ``pad`` in the dossier file (TOML or JSON), for CI.

A finding names its place as a path into the input (``moties[M04].ondertekening[1].rol``,
:mod:`alvrules.paden`); SARIF, GitHub and GitLab want a line and a column. The parsers
of the standard library keep no positions (:mod:`tomllib`, :mod:`json`), and neither do
the well-kept alternatives: ``tomlkit`` keeps the layout but no line numbers and is many
times slower; ``json-source-map`` gives JSON pointers with lines but only for JSON, with
one entry per value. So this module builds its own small **position index** in one pass
over the text, after the loader has accepted it:

* a tree of the document as the parser sees it: tables (``[vergadering]``, inline
  ``{…}``, JSON objects), arrays (``[[moties]]``, ``[…]``) and values, each node with the
  offset of the place it starts: a key where the key is written, an element of an array
  of tables at its ``[[…]]`` header, any other element where its value starts;
* a path is then followed step by step through that tree: a key in its table, an index
  in its array, an id among the elements of *that* array (matched on the element's
  ``id``, else ``motie``, ``gemeente`` or ``naam``), so a ``[[verantwoording]]`` finding
  lands on its own table, never on an ``[[eerdere_moties]]`` table with the same id.

When a step cannot be followed (the key is missing: the finding says so) the place is the
last step that was found; ``None`` when not even the first one is. A place is a help for
the reader, never part of the finding.

Cost: the index is one scan of the text (each character is looked at a bounded number of
times, with possessive regular expressions), a path costs its number of steps (the id
map of an array is built once), and a line number is a binary search in the line starts:
linear in the input plus the findings, also for a 5 MiB JSON dossier on one line (issue
25: 592 s before). :attr:`Vindplaatsen.stappen` counts the work, for the tests.
Lines are counted at ``\\n`` (as editors and CI systems do); columns are 1-based and count
Unicode code points (SARIF ``columnKind`` ``unicodeCodePoints``).
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

from alvrules.paden import Id, ontleed

__all__ = ["Vindplaatsen", "plaats_van", "plaatszoeker", "regel_van", "regelzoeker"]

#: The keys that name an element of an array in a path, in order of preference.
ID_SLEUTELS = ("id", "motie", "gemeente", "naam")

_WIT_TOML = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
_WIT_JSON = re.compile(r"[ \t\r\n]*+")
_TEKST_TOML = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*+"{3,5}'
    r"|'''(?:[^']|'(?!''))*+'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*+'",
    re.DOTALL,
)
_TEKST_JSON = re.compile(r'"(?:[^"\\]|\\.)*+"', re.DOTALL)
_KAAL_TOML = re.compile(r"[A-Za-z0-9_-]++")
# a number, boolean or date/time; a date and a time may be separated by one space
_SCALAIR_TOML = re.compile(r"[^\s,\]}#]++(?: (?=\d\d:)[^\s,\]}#]++)?+")
_SCALAIR_JSON = re.compile(r"[^\s,\]}]++")


class _Knoop:
    """A node of the position index: where it starts, and its children."""

    __slots__ = ("eind", "ids", "kinderen", "plek", "van")

    def __init__(self, plek: int, kinderen: dict[str, _Knoop] | list[_Knoop] | None = None):
        self.plek = plek  # offset of the key, the header, or the value
        self.kinderen = kinderen
        self.van = self.eind = -1  # for a string value: its token (to read an id)
        self.ids: dict[str, int] | None = None  # an array's element per id, built once


class _Onleesbaar(Exception):
    """The text is not what the loader accepted (never expected: then no places)."""


class Vindplaatsen:
    """The places of paths in one dossier text, TOML or JSON (decided as the loader does).

    The index is built on the first question, in one pass; :meth:`plaats` and
    :meth:`regel` then cost the steps of the path.
    """

    def __init__(self, tekst: str, *, json_: bool | None = None) -> None:
        self.tekst = tekst
        self.json = tekst.lstrip(" \t\r\n").startswith("{") if json_ is None else json_
        self.stappen = 0  # work done: characters scanned, nodes made, steps followed
        self._wortel: _Knoop | None = None
        self._regelbegin: list[int] | None = None

    # -- questions -----------------------------------------------------------------------

    def plaats(self, pad: str) -> tuple[int, int] | None:
        """The 1-based line and column where ``pad`` is written; ``None`` when not found."""
        plek = self._plek(pad)
        if plek is None:
            return None
        if self._regelbegin is None:
            self._regelbegin = [0, *(m.end() for m in re.finditer("\n", self.tekst))]
            self.stappen += len(self.tekst)
        lijn = bisect.bisect_right(self._regelbegin, plek)
        return lijn, plek - self._regelbegin[lijn - 1] + 1

    def regel(self, pad: str) -> int | None:
        """The 1-based line of ``pad``; ``None`` when not found."""
        p = self.plaats(pad)
        return None if p is None else p[0]

    def _plek(self, pad: str) -> int | None:
        stappen = ontleed(pad)
        if not stappen:
            return None
        knoop = self._index()
        plek: int | None = None
        for stap in stappen:
            self.stappen += 1
            kind = self._kind(knoop, stap)
            if kind is None:
                break
            knoop, plek = kind, kind.plek
        return plek

    def _kind(self, knoop: _Knoop, stap: str | int | Id) -> _Knoop | None:
        kinderen = knoop.kinderen
        if isinstance(kinderen, dict):
            naam = stap.waarde if isinstance(stap, Id) else stap
            return kinderen.get(naam) if isinstance(naam, str) else None
        if isinstance(kinderen, list):
            if isinstance(stap, int):
                return kinderen[stap] if stap < len(kinderen) else None
            i = self._ids(knoop).get(stap.waarde if isinstance(stap, Id) else stap)
            return None if i is None else kinderen[i]
        return None

    def _ids(self, rij: _Knoop) -> dict[str, int]:
        """The elements of array ``rij`` per id (the first element with that id wins; an
        ``id`` before a ``motie``, ``gemeente`` or ``naam``)."""
        if rij.ids is None:
            rij.ids = {}
            elementen = rij.kinderen if isinstance(rij.kinderen, list) else []
            for sleutel in ID_SLEUTELS:
                for i, element in enumerate(elementen):
                    self.stappen += 1
                    if isinstance(element.kinderen, dict) and sleutel in element.kinderen:
                        waarde = self._tekst(element.kinderen[sleutel])
                        if waarde is not None:
                            rij.ids.setdefault(waarde, i)
        return rij.ids

    def _tekst(self, knoop: _Knoop) -> str | None:
        """The string value of a leaf, decoded as its format does."""
        if knoop.eind < 0:
            return None
        token = self.tekst[knoop.van : knoop.eind]
        self.stappen += len(token)
        try:
            if self.json:
                waarde: Any = json.loads(token)
            else:
                waarde = tomllib.loads(f"x = {token}")["x"]
        except ValueError:
            return None
        return waarde if isinstance(waarde, str) else None

    # -- the index -----------------------------------------------------------------------

    def _index(self) -> _Knoop:
        if self._wortel is None:
            try:
                self._wortel = self._json() if self.json else self._toml()
            except (_Onleesbaar, IndexError, ValueError, RecursionError):
                self._wortel = _Knoop(0, {})
        return self._wortel

    def _wit(self, pos: int) -> int:
        m = (_WIT_JSON if self.json else _WIT_TOML).match(self.tekst, pos)
        assert m is not None  # both patterns match the empty string
        self.stappen += m.end() - pos
        return m.end()

    def _json(self) -> _Knoop:
        return self._waarde(self._wit(0))[0]

    def _toml(self) -> _Knoop:
        t = self.tekst
        wortel = _Knoop(0, {})
        tabel = wortel
        pos = self._wit(0)
        while pos < len(t):
            if t[pos] == "[":
                rij = t.startswith("[[", pos)
                begin = pos
                sleutels, pos = self._sleutels(pos + (2 if rij else 1))
                pos += 2 if rij else 1  # past "]]" or "]"
                ouder = wortel
                for naam, plek in sleutels[:-1]:
                    ouder = _laatste(_tabel_in(ouder, naam, plek))
                naam, plek = sleutels[-1]
                if rij:
                    tabel = _Knoop(begin, {})
                    _rij_in(ouder, naam, begin).append(tabel)
                else:
                    tabel = _tabel_in(ouder, naam, begin)
            else:
                pos = self._paar(tabel, pos)
            self.stappen += 1
            pos = self._wit(pos)
        return wortel

    def _sleutels(self, pos: int) -> tuple[list[tuple[str, int]], int]:
        """A dotted key (``a."b c".d``) from ``pos``: its parts with their offsets, and the
        position after it (and after the blanks that follow)."""
        t = self.tekst
        uit: list[tuple[str, int]] = []
        while True:
            pos = self._wit(pos)
            m = _KAAL_TOML.match(t, pos) or _TEKST_TOML.match(t, pos)
            if m is None:
                raise _Onleesbaar
            token = m.group()
            naam = token if token[0] not in "\"'" else self._sleutel_tekst(token)
            uit.append((naam, pos))
            self.stappen += len(token)
            pos = self._wit(m.end())
            if pos < len(t) and t[pos] == ".":
                pos += 1
                continue
            return uit, pos

    def _sleutel_tekst(self, token: str) -> str:
        if token[0] == "'":
            return token[1:-1]
        if "\\" not in token:
            return token[1:-1]
        waarde = tomllib.loads(f"x = {token}")["x"]
        if not isinstance(waarde, str):
            raise _Onleesbaar
        return waarde

    def _paar(self, tabel: _Knoop, pos: int) -> int:
        """A TOML ``key = value`` from ``pos`` into ``tabel``; the position after it."""
        sleutels, pos = self._sleutels(pos)
        if self.tekst[pos] != "=":
            raise _Onleesbaar
        for naam, plek in sleutels[:-1]:
            tabel = _tabel_in(tabel, naam, plek)
        knoop, pos = self._waarde(self._wit(pos + 1))
        naam, plek = sleutels[-1]
        knoop.plek = plek
        _zet(tabel, naam, knoop)
        return pos

    def _waarde(self, pos: int) -> tuple[_Knoop, int]:
        """The value (with everything in it) that starts at ``pos``, and the position after
        it. Without recursion: nesting is as deep as the loader accepted."""
        t = self.tekst
        stapel: list[_Knoop] = []  # open arrays and tables
        wachtend: list[tuple[_Knoop, str, int] | None] = []  # per open table: where the value goes
        while True:
            pos = self._wit(pos)
            self.stappen += 1
            c = t[pos]
            if c in "[{":
                knoop = _Knoop(pos, [] if c == "[" else {})
                pos = self._wit(pos + 1)
                if t[pos] not in "]}":
                    stapel.append(knoop)
                    doel: tuple[_Knoop, str, int] | None = None
                    if c == "{":
                        doel, pos = self._lid(knoop, pos)
                    wachtend.append(doel)
                    continue
                pos += 1  # an empty array or table
            else:
                knoop, pos = self._scalair(pos)
            while True:  # the value is complete: put it in its container
                if not stapel:
                    return knoop, pos
                ouder, doel = stapel[-1], wachtend[-1]
                if doel is None:
                    if not isinstance(ouder.kinderen, list):
                        raise _Onleesbaar
                    ouder.kinderen.append(knoop)
                else:
                    tabel, naam, plek = doel
                    knoop.plek = plek
                    _zet(tabel, naam, knoop)
                pos = self._wit(pos)
                if t[pos] == ",":
                    pos = self._wit(pos + 1)
                    if t[pos] not in "]}":  # the next element or member
                        if doel is not None:
                            wachtend[-1], pos = self._lid(ouder, pos)
                        break
                pos += 1  # "]" or "}" (after a trailing comma too)
                knoop = stapel.pop()
                wachtend.pop()

    def _lid(self, tabel: _Knoop, pos: int) -> tuple[tuple[_Knoop, str, int], int]:
        """The member key at ``pos`` of a JSON object or inline table: the table its value
        goes into (dotted keys), its name and offset; and the position after ``:``/``=``."""
        if self.json:
            m = _TEKST_JSON.match(self.tekst, pos)
            if m is None:
                raise _Onleesbaar
            token = m.group()
            naam = token[1:-1] if "\\" not in token else str(json.loads(token))
            self.stappen += len(token)
            doel, na = (tabel, naam, pos), self._wit(m.end())
        else:
            sleutels, na = self._sleutels(pos)
            for deel, plek in sleutels[:-1]:
                tabel = _tabel_in(tabel, deel, plek)
            doel = (tabel, *sleutels[-1])
        if self.tekst[na] not in ":=":
            raise _Onleesbaar
        return doel, na + 1

    def _scalair(self, pos: int) -> tuple[_Knoop, int]:
        t = self.tekst
        knoop = _Knoop(pos)
        m = (_TEKST_JSON if self.json else _TEKST_TOML).match(t, pos)
        if m is not None:
            knoop.van, knoop.eind = pos, m.end()
        else:
            m = (_SCALAIR_JSON if self.json else _SCALAIR_TOML).match(t, pos)
            if m is None:
                raise _Onleesbaar
        self.stappen += m.end() - pos
        return knoop, m.end()


def _zet(tabel: _Knoop, naam: str, knoop: _Knoop) -> None:
    if isinstance(tabel.kinderen, dict):
        tabel.kinderen.setdefault(naam, knoop)


def _tabel_in(ouder: _Knoop, naam: str, plek: int) -> _Knoop:
    """The table ``naam`` in ``ouder``, made when it is not there yet (at ``plek``: where it
    is first named)."""
    if not isinstance(ouder.kinderen, dict):
        raise _Onleesbaar
    knoop = ouder.kinderen.get(naam)
    if knoop is None:
        knoop = ouder.kinderen[naam] = _Knoop(plek, {})
    return knoop


def _rij_in(ouder: _Knoop, naam: str, plek: int) -> list[_Knoop]:
    """The elements of the array of tables ``naam`` in ``ouder`` (made at its first header)."""
    if not isinstance(ouder.kinderen, dict):
        raise _Onleesbaar
    knoop = ouder.kinderen.get(naam)
    if knoop is None:
        knoop = ouder.kinderen[naam] = _Knoop(plek, [])
    if not isinstance(knoop.kinderen, list):
        raise _Onleesbaar
    return knoop.kinderen


def _laatste(knoop: _Knoop) -> _Knoop:
    """A header's table: in an array of tables, its last element."""
    if isinstance(knoop.kinderen, list):
        if not knoop.kinderen:
            raise _Onleesbaar
        return knoop.kinderen[-1]
    return knoop


def plaats_van(tekst: str, pad: str) -> tuple[int, int] | None:
    """The 1-based line and column of ``pad`` in the dossier ``tekst``; ``None`` when not
    found."""
    return Vindplaatsen(tekst).plaats(pad)


def regel_van(tekst: str, pad: str) -> int | None:
    """The 1-based line of ``pad`` in the dossier ``tekst``; ``None`` when not found."""
    return Vindplaatsen(tekst).regel(pad)


def _index(inhoud: bytes | None) -> Vindplaatsen | None:
    """The index of the file's bytes ``inhoud`` (built on its first question); ``None`` for
    none or for text that is not UTF-8 (then nothing has a place)."""
    try:
        return None if inhoud is None else Vindplaatsen(inhoud.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None


def regelzoeker(inhoud: bytes | None) -> Callable[[str], int | None]:
    """Looks up the lines of paths in the file's bytes ``inhoud`` (none for unreadable text)."""
    index = _index(inhoud)
    return (lambda _pad: None) if index is None else index.regel


def plaatszoeker(inhoud: bytes | None) -> Callable[[str], tuple[int, int] | None]:
    """Looks up the line and column of paths in the file's bytes ``inhoud`` (none for
    unreadable text)."""
    index = _index(inhoud)
    return (lambda _pad: None) if index is None else index.plaats
