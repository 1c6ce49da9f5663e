"""A finding's ``pad``: the place in the dossier it concerns, written so that no id can move it.

A path names a place in the dossier as it was read (INTERFACES.md "The dossier"):
``moties[M04].ondertekening[1].rol`` is the key ``rol`` of the second signature of the
motion whose id is ``M04``. It has three kinds of steps:

* a **key** ``.rol`` (the first step without the dot): a key of a table;
* an **index** ``[1]``: the element at that position of an array (0-based);
* an **id** ``[M04]``: the element of an array named by its id (for ``verantwoording`` its
  ``motie``, for representatives their ``gemeente``, for candidates their ``naam``).

Ids and keys come from the input, so they can hold ``]``, ``.``, quotes, digits only, or
characters that cannot be seen. So a key or id is written as it is unless it could be
read as something else: when it is empty, starts or ends with white space, holds a
``[``, ``]``, ``"``, ``\\`` (a key also a ``.``) or a character that is not printable, or
(an id) consists of digits only (``[3]`` is an index), it is written as a JSON string
with every character that is not printable escaped: ``moties["M01]"]``,
``agendapunten["7"]``, ``stemmen."Bergen (L.)"``, ``moties["M\\u200b1"]``; but
``kandidaten[Jan de Vries]``, ``stemmen.Súdwest-Fryslân``. So every path reads back
(:func:`ontleed`) to exactly the steps it was built from, and an id cannot make a finding
look as if it were about another element (issue 25: an id holding ``]`` moved its
findings under another motion's heading).
"""

from __future__ import annotations

import json
import re

from attrs import frozen

__all__ = ["Id", "Stap", "element", "id_van", "ontleed", "pad", "sleutel", "tekst"]

_KAAL_SLEUTEL = re.compile(r'(?=\S)[^\[\]."\\]+(?<=\S)')
_KAAL_ID = re.compile(r'(?=\S)[^\[\]"\\]+(?<=\S)')
_ONLEESBAAR = re.compile(r"[^\x20-\x7e]")  # candidates for escaping: tested with isprintable


@frozen
class Id:
    """An id step: the element of an array whose id is ``waarde``."""

    waarde: str


#: One step of a path: a key (``str``), an index (``int``) or an id (:class:`Id`).
Stap = str | int | Id


def tekst(waarde: str) -> str:
    """``waarde`` as a JSON string in which every non-printable character is escaped."""

    def ontsnap(m: re.Match[str]) -> str:
        c = m.group()
        if c.isprintable():
            return c
        return "".join(f"\\u{e:04x}" for e in _utf16(c))

    return _ONLEESBAAR.sub(ontsnap, json.dumps(waarde, ensure_ascii=False))


def _utf16(c: str) -> tuple[int, ...]:
    n = ord(c)
    if n < 0x10000:
        return (n,)
    n -= 0x10000
    return (0xD800 + (n >> 10), 0xDC00 + (n & 0x3FF))


def sleutel(naam: str) -> str:
    """A key as a path step, without the leading dot: ``rol``, ``"Alphen aan den Rijn"``."""
    kaal = _KAAL_SLEUTEL.fullmatch(naam) and naam.isprintable()
    return naam if kaal else tekst(naam)


def element(ident: str | int) -> str:
    """An element step: ``[1]`` for an index, ``[M04]`` or ``["M04]"]`` for an id."""
    if isinstance(ident, int):
        return f"[{ident}]"
    kaal = _KAAL_ID.fullmatch(ident) and ident.isprintable() and not ident.isdigit()
    return f"[{ident}]" if kaal else f"[{tekst(ident)}]"


def pad(*stappen: Stap) -> str:
    """The path of ``stappen``: ``pad("moties", Id("M04"), "ondertekening", 1, "rol")``."""
    delen: list[str] = []
    for stap in stappen:
        if isinstance(stap, Id):
            delen.append(element(stap.waarde))
        elif isinstance(stap, int):
            delen.append(element(stap))
        else:
            delen.append(f".{sleutel(stap)}" if delen else sleutel(stap))
    return "".join(delen)


_AANHALING = r'"(?:[^"\\]|\\.)*"'
_EERSTE = re.compile(rf'([^\[\]."\\]+)|({_AANHALING})', re.DOTALL)  # a key without a dot
_VOLGENDE = re.compile(  # a further step: a key after a dot, an index or an id
    rf'\.(?:([^\[\]."\\]+)|({_AANHALING}))|\[(?:(\d+)|([^\[\]"\\]+)|({_AANHALING}))\]',
    re.DOTALL,
)


def ontleed(tekst_: str) -> tuple[Stap, ...] | None:
    """The steps of a path written by :func:`pad`; ``None`` when it is not such a path."""
    stappen: list[Stap] = []
    i = 0
    while i < len(tekst_):
        m = (_VOLGENDE if stappen else _EERSTE).match(tekst_, i)
        if m is None:
            return None
        groepen: list[str | None] = [*m.groups(), None, None, None][:5]
        kaal, aanhaling, index, ident, ident_aanhaling = groepen
        try:
            if kaal is not None:
                stappen.append(kaal)
            elif aanhaling is not None:
                stappen.append(str(json.loads(aanhaling)))
            elif index is not None:
                stappen.append(int(index))
            elif ident is not None:
                stappen.append(Id(ident))
            else:
                stappen.append(Id(str(json.loads(str(ident_aanhaling)))))
        except ValueError:  # an escape JSON does not know
            return None
        i = m.end()
    return tuple(stappen)


def id_van(tekst_: str, sectie: str) -> str | None:
    """The id of the second step when a path starts ``sectie[…]`` (``None`` otherwise)."""
    stappen = ontleed(tekst_)
    if stappen and len(stappen) > 1 and stappen[0] == sectie and isinstance(stappen[1], Id):
        return stappen[1].waarde
    return None
