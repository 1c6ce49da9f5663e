"""The one message catalogue: every text alvrules writes for people, in Dutch or in English.

Dutch is the source language: the message id (``msgid``) *is* the Dutch text, so Dutch output
never loads anything. English lives in a GNU gettext catalogue,
``alvrules/locale/en/LC_MESSAGES/alvrules.po``, that a translator can edit with ordinary tools
(Poedit, ``msgfmt --check``, Weblate). The standard library's :mod:`gettext` looks the
messages up at run time; because the repository commits no generated files, the ``.po`` is
compiled to the ``.mo`` format in memory the first time English is asked for (a few
milliseconds, once per process; see docs/stijl.md, "De berichtencatalogus", for why).

The language is always passed explicitly (``taal="nl"`` or ``"en"``), as everywhere in
alvrules: there is no global locale, so the library, the CLI and the browser page can each use
either language in one process.

- :func:`vertaal` ``(taal, "Dutch text {naam}", naam=…)``: the text in ``taal``, with the
  named fields filled in (:meth:`str.format`).
- :func:`vertaal_n`: the same for a text that depends on a number (singular and plural).
- :func:`bericht` / :func:`bericht_n`: the same, rendered later (a finding or an exception is
  made once and shown in either language).
- :func:`N_`: marks a literal in a table for the catalogue; the table's user translates it
  with ``vertaal(taal, tabel[sleutel])``.
- :class:`Getal`, :class:`Datum`, :class:`Tijd`, :class:`Opsomming`: field values that are
  written the way each language writes them (``1.267`` / ``1,267``; ``maandag 20 november
  2023`` / ``Monday 20 November 2023``; ``13.00 uur`` / ``1:00 pm``; ``a, b en c`` / ``a, b
  and c``). A :class:`Bericht` is a field value too, rendered in the same language.

A test (``tests/test_teksten.py``) reads every literal passed to these functions from the
source and fails on one without an English translation. With the environment variable
``ALVRULES_ONVERTAALD=fout`` (the test suite sets it) a message that has no English
translation raises :class:`LookupError` instead of falling back to Dutch, so that a message id
built at run time cannot slip past either.
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - start-up time: nothing heavy at import
    import gettext
    from collections.abc import Iterable, Mapping
    from datetime import date, datetime, time

__all__ = [
    "N_",
    "TALEN",
    "Bericht",
    "Datum",
    "Getal",
    "Moment",
    "Opsomming",
    "Tijd",
    "bericht",
    "bericht_n",
    "vertaal",
    "vertaal_n",
]

#: The languages alvrules writes: Dutch (the source) and English.
TALEN = ("nl", "en")

#: The gettext domain: ``locale/<taal>/LC_MESSAGES/alvrules.po`` inside the package.
DOMEIN = "alvrules"


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """``msgid`` unchanged: marks a literal (in a table) for the catalogue."""
    return msgid


def vertaal(taal: str, msgid: str, /, **waarden: Any) -> str:
    """``msgid`` (Dutch) in ``taal``, with the fields ``{naam}`` filled in from ``waarden``.

    >>> vertaal("nl", "{n} moties", n=Getal(1267))
    '1.267 moties'
    """
    tekst = msgid if taal == "nl" else _vertaling(taal).gettext(msgid)
    return _invullen(tekst, taal, waarden) if waarden else tekst


def vertaal_n(taal: str, enkelvoud: str, meervoud: str, n: int, /, **waarden: Any) -> str:
    """The singular or plural of a message in ``taal``; ``{n}`` is the number (written as
    :class:`Getal`) unless ``waarden`` gives it.

    >>> vertaal_n("nl", "{n} motie", "{n} moties", 1)
    '1 motie'
    """
    if taal == "nl":
        tekst = enkelvoud if n == 1 else meervoud
    else:
        tekst = _vertaling(taal).ngettext(enkelvoud, meervoud, n)
    return _invullen(tekst, taal, {"n": Getal(n), **waarden})


class Bericht:
    """A message made now and written later, in whichever language is asked for."""

    __slots__ = ("aantal", "meervoud", "msgid", "waarden")

    def __init__(
        self,
        msgid: str,
        waarden: Mapping[str, Any],
        meervoud: str | None = None,
        aantal: int | None = None,
    ) -> None:
        self.msgid = msgid
        self.waarden = dict(waarden)
        self.meervoud = meervoud
        self.aantal = aantal

    def in_(self, taal: str) -> str:
        """The message in ``taal``."""
        if self.meervoud is not None and self.aantal is not None:
            return vertaal_n(taal, self.msgid, self.meervoud, self.aantal, **self.waarden)
        return vertaal(taal, self.msgid, **self.waarden)

    def __str__(self) -> str:
        return self.in_("nl")

    def __repr__(self) -> str:
        return f"Bericht({self.in_('nl')!r})"

    def __eq__(self, ander: object) -> bool:
        """A message equals another with the same Dutch text, and that text itself."""
        if isinstance(ander, str):
            return self.in_("nl") == ander
        if not isinstance(ander, Bericht):
            return NotImplemented
        return self.in_("nl") == ander.in_("nl")

    def __hash__(self) -> int:
        return hash(self.in_("nl"))


def bericht(msgid: str, /, **waarden: Any) -> Bericht:
    """A message to write later: ``bericht("Motie {id} ontbreekt.", id=…).in_(taal)``."""
    return Bericht(msgid, waarden)


def bericht_n(enkelvoud: str, meervoud: str, n: int, /, **waarden: Any) -> Bericht:
    """A message with a singular and a plural, to write later (``{n}`` is the number)."""
    return Bericht(enkelvoud, waarden, meervoud, n)


class Getal:
    """A whole number with the language's thousands separator: ``1.267`` / ``1,267``."""

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = n

    def in_(self, taal: str) -> str:
        """The number as written in ``taal``."""
        tekst = f"{self.n:,}"
        return tekst.replace(",", ".") if taal == "nl" else tekst

    def __str__(self) -> str:
        return self.in_("nl")


#: The names of the weekdays and months, in Dutch (the message ids).
WEEKDAGEN = (
    N_("maandag"),
    N_("dinsdag"),
    N_("woensdag"),
    N_("donderdag"),
    N_("vrijdag"),
    N_("zaterdag"),
    N_("zondag"),
)
MAANDEN = (
    N_("januari"),
    N_("februari"),
    N_("maart"),
    N_("april"),
    N_("mei"),
    N_("juni"),
    N_("juli"),
    N_("augustus"),
    N_("september"),
    N_("oktober"),
    N_("november"),
    N_("december"),
)


class Datum:
    """A date as people write it: ``maandag 20 november 2023`` / ``Monday 20 November 2023``
    (``weekdag=False``: without the day of the week)."""

    __slots__ = ("dag", "weekdag")

    def __init__(self, dag: date, weekdag: bool = True) -> None:
        self.dag = dag
        self.weekdag = weekdag

    def in_(self, taal: str) -> str:
        """The date as written in ``taal``."""
        d = self.dag
        maand = vertaal(taal, MAANDEN[d.month - 1])
        tekst = f"{d.day} {maand} {d.year}"
        if self.weekdag:
            tekst = f"{vertaal(taal, WEEKDAGEN[d.weekday()])} {tekst}"
        return tekst

    def __str__(self) -> str:
        return self.in_("nl")


class Tijd:
    """A time of day as each language writes it: ``13.00 uur`` / ``1:00 pm``."""

    __slots__ = ("tijd",)

    def __init__(self, tijd: time | datetime) -> None:
        self.tijd = tijd.timetz() if hasattr(tijd, "timetz") else tijd

    def in_(self, taal: str) -> str:
        """The time as written in ``taal``; seconds only when there are any (a deadline
        is exact to the second: ``13.00.30 uur`` / ``1:00:30 pm``)."""
        t = self.tijd
        seconden = f"{'.' if taal == 'nl' else ':'}{t.second:02d}" if t.second else ""
        if taal == "nl":
            return f"{t.hour:02d}.{t.minute:02d}{seconden} uur"
        uur = t.hour % 12 or 12
        return f"{uur}:{t.minute:02d}{seconden} {'am' if t.hour < 12 else 'pm'}"

    def __str__(self) -> str:
        return self.in_("nl")


class Moment:
    """A moment as people write it, in Dutch time (the time of the procedure):
    ``woensdag 22 november 2023, 09.15 uur`` / ``Wednesday 22 November 2023, 9:15 am``;
    a moment without a timezone is written as it is, a day (a ``date``) as its
    :class:`Datum`."""

    __slots__ = ("moment",)

    def __init__(self, moment: date | datetime) -> None:
        self.moment = moment

    def in_(self, taal: str) -> str:
        """The moment as written in ``taal``."""
        from datetime import datetime  # noqa: PLC0415 - loaded already; not at import time

        m = self.moment
        if not isinstance(m, datetime):
            return Datum(m).in_(taal)
        if m.tzinfo is not None:
            from zoneinfo import ZoneInfo  # noqa: PLC0415 - keeps import light

            m = m.astimezone(ZoneInfo("Europe/Amsterdam"))
        return f"{Datum(m.date()).in_(taal)}, {Tijd(m).in_(taal)}"

    def __str__(self) -> str:
        return self.in_("nl")


class Opsomming:
    """An enumeration: ``a, b en c`` / ``a, b and c`` (the items may be :class:`Bericht`)."""

    __slots__ = ("delen", "of")

    def __init__(self, delen: Iterable[Any], of: bool = False) -> None:
        self.delen = tuple(delen)
        self.of = of

    def in_(self, taal: str) -> str:
        """The enumeration as written in ``taal``."""
        delen = [_waarde(d, taal) for d in self.delen]
        if len(delen) < 2:
            return "".join(str(d) for d in delen)
        voegwoord = vertaal(taal, "of") if self.of else vertaal(taal, "en")
        return f"{', '.join(str(d) for d in delen[:-1])} {voegwoord} {delen[-1]}"

    def __str__(self) -> str:
        return self.in_("nl")


def _waarde(waarde: Any, taal: str) -> Any:
    """A field's value in ``taal``: anything with ``in_(taal)`` writes itself."""
    in_ = getattr(waarde, "in_", None)
    return in_(taal) if callable(in_) else waarde


def _invullen(tekst: str, taal: str, waarden: Mapping[str, Any]) -> str:
    return tekst.format_map({k: _waarde(v, taal) for k, v in waarden.items()})


class _Ontbreekt:
    """The fallback of a catalogue: a message it does not have is Dutch, or an error with
    ``ALVRULES_ONVERTAALD=fout`` (the test suite)."""

    def __init__(self, taal: str) -> None:
        self.taal = taal

    def _geen(self, msgid: str) -> str:
        if os.environ.get("ALVRULES_ONVERTAALD") == "fout":
            raise LookupError(f"geen vertaling in {self.taal!r}: {msgid!r}")
        return msgid

    def gettext(self, msgid: str) -> str:
        return self._geen(msgid)

    def ngettext(self, enkelvoud: str, meervoud: str, n: int) -> str:
        return self._geen(enkelvoud if n == 1 else meervoud)


def catalogusbestand(taal: str) -> str:
    """The path of the ``.po`` file of ``taal`` in the package (the package's own file, as
    importlib.resources.files would find it: importing that costs ~15 ms of start-up)."""
    return os.path.join(os.path.dirname(__file__), "locale", taal, "LC_MESSAGES", f"{DOMEIN}.po")


@functools.cache
def _vertaling(taal: str) -> gettext.NullTranslations:
    """The catalogue of ``taal``, read the first time it is asked for."""
    import gettext  # noqa: PLC0415 - only when a language other than Dutch is used
    import io  # noqa: PLC0415

    if taal not in TALEN:
        raise ValueError(f"onbekende taal {taal!r}; kies uit {', '.join(TALEN)}")
    with open(catalogusbestand(taal), encoding="utf-8") as f:
        tekst = f.read()
    vertaling = gettext.GNUTranslations(io.BytesIO(mo(lees_po(tekst))))
    vertaling.add_fallback(_Ontbreekt(taal))  # type: ignore[arg-type]
    return vertaling


# --- the .po reader and the .mo writer (after CPython's Tools/i18n/msgfmt.py) ---------------


class Vertaling:
    """One entry of a ``.po`` file."""

    __slots__ = ("fuzzy", "msgctxt", "msgid", "msgid_plural", "msgstr", "regel")

    def __init__(self, regel: int) -> None:
        self.regel = regel
        self.msgctxt: str | None = None
        self.msgid = ""
        self.msgid_plural: str | None = None
        self.msgstr: dict[int, str] = {}
        self.fuzzy = False

    @property
    def vertaald(self) -> bool:
        """True when every form has a translation and the entry is not marked fuzzy."""
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr.values())


def _tekst(regel: str, nr: int) -> str:
    """The C string literal ``"..."`` of a ``.po`` line, unescaped."""
    s = regel.strip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        raise ValueError(f"regel {nr}: verwacht een tekst tussen aanhalingstekens")
    binnen = s[1:-1]
    if "\\" not in binnen:  # most lines: nothing to unescape
        return binnen
    return _ONTSNAPT.sub(lambda m: _ONTSNAP.get(m[1], m[1]), binnen)


#: An escape in a ``.po`` string and what it stands for (any other ``\x`` is ``x``).
_ONTSNAPT = re.compile(r"\\(.)", re.DOTALL)
_ONTSNAP = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def lees_po(inhoud: str) -> list[Vertaling]:
    """Every entry of a ``.po`` file (the header too, with msgid ``""``)."""
    items: list[Vertaling] = []
    huidig: Vertaling | None = None
    veld: tuple[str, int] | None = None
    fuzzy = False
    for nr, regel in enumerate(inhoud.split("\n"), 1):  # only a line feed ends a line
        s = regel.strip()
        if not s:
            continue
        if s.startswith("#"):
            fuzzy = fuzzy or (s.startswith("#,") and "fuzzy" in s)
            continue
        if s.startswith('"'):
            if huidig is None or veld is None:
                raise ValueError(f"regel {nr}: tekst zonder sleutelwoord")
            rest = s
        else:
            sleutel, _, rest = s.partition(" ")
            nieuw = sleutel == "msgctxt" or (
                sleutel == "msgid"
                and (huidig is None or (veld is not None and veld[0] != "msgctxt"))
            )
            if nieuw:
                if huidig is not None:
                    items.append(huidig)
                huidig = Vertaling(nr)
                huidig.fuzzy, fuzzy = fuzzy, False
            if huidig is None:
                raise ValueError(f"regel {nr}: {sleutel!r} zonder msgid")
            if sleutel in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
                veld = (sleutel, 0)
            elif sleutel.startswith("msgstr[") and sleutel.endswith("]"):
                veld = ("msgstr", int(sleutel[7:-1]))
            else:
                raise ValueError(f"regel {nr}: onbekend sleutelwoord {sleutel!r}")
        stuk = _tekst(rest, nr)
        naam, index = veld
        if naam == "msgctxt":
            huidig.msgctxt = (huidig.msgctxt or "") + stuk
        elif naam == "msgid":
            huidig.msgid += stuk
        elif naam == "msgid_plural":
            huidig.msgid_plural = (huidig.msgid_plural or "") + stuk
        else:
            huidig.msgstr[index] = huidig.msgstr.get(index, "") + stuk
    if huidig is not None:
        items.append(huidig)
    return items


def mo(items: Iterable[Vertaling]) -> bytes:
    """The ``.mo`` file of ``items``: only translated entries, as ``msgfmt`` writes it."""
    import array  # noqa: PLC0415
    import struct  # noqa: PLC0415

    berichten: dict[bytes, bytes] = {}
    for v in items:
        if not v.vertaald and v.msgid:
            continue
        sleutel = v.msgid if v.msgid_plural is None else f"{v.msgid}\0{v.msgid_plural}"
        if v.msgctxt is not None:
            sleutel = f"{v.msgctxt}\x04{sleutel}"
        waarde = "\0".join(v.msgstr[i] for i in sorted(v.msgstr))
        berichten[sleutel.encode()] = waarde.encode()
    sleutels = sorted(berichten)
    plekken: list[tuple[int, int, int, int]] = []
    lengte_ids = lengte_strs = 0
    for k in sleutels:
        plekken.append((lengte_ids, len(k), lengte_strs, len(berichten[k])))
        lengte_ids += len(k) + 1
        lengte_strs += len(berichten[k]) + 1
    ids = b"".join(k + b"\0" for k in sleutels)
    strs = b"".join(berichten[k] + b"\0" for k in sleutels)
    begin_ids = 7 * 4 + 16 * len(sleutels)
    begin_strs = begin_ids + len(ids)
    offsets: list[int] = []
    for o1, l1, _, _ in plekken:
        offsets += [l1, o1 + begin_ids]
    for _, _, o2, l2 in plekken:
        offsets += [l2, o2 + begin_strs]
    kop = struct.pack(
        "Iiiiiii", 0x950412DE, 0, len(sleutels), 7 * 4, 7 * 4 + len(sleutels) * 8, 0, 0
    )
    return kop + array.array("i", offsets).tobytes() + ids + strs
