"""Reading a dossier file (TOML or JSON, INTERFACES.md "The dossier") into the domain types.

The structure is taken from the attrs types themselves (their fields and annotations), so
a field added to a type, or a section added to :class:`~alvrules.dossier.Dossier`, is read
without touching this module. Only what the file format writes differently from the types has a
hook here: an agenda item's ``soort`` (one kind or a list) becomes ``soorten``, and a
vote's ``stemmen`` table (municipality = choice) becomes a tuple of ballots.

The loader refuses what cannot be a dossier, with :class:`~alvrules.model.InvoerFout`
and one line naming the file, the place (``moties[M03].ingediend``) and the reason:

- a file larger than :data:`MAX_GROOTTE` (5 MiB), not UTF-8, not TOML or JSON, or whose
  top level is not a table; JSON with a key given twice;
- a missing required key (``vergadering``, ``vergadering.datum``, an ``id``);
- an unknown key: a typo must not be silently ignored;
- a value of the wrong type (no silent conversion of ``1`` to ``"1"``; a date or time
  may be a TOML value or an ISO 8601 string, as JSON has no other way), an unknown
  choice of a fixed list (``wijze``, ``soort``, ``preadvies``), an invalid date or time;
- a timestamp without timezone (never silently assumed, PROCEDURE.md §4 TRM).

What a check can judge is *content*, not a load error: an empty oproep, missing
signatures, an unknown municipality or role word all load, and become findings.
"""

from __future__ import annotations

import json
import re
import tomllib
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from os import PathLike
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

from alvrules import paden
from alvrules.dossier import Dossier
from alvrules.fouten import Leesprobleem, eis
from alvrules.grenzen import MAX_GROOTTE, lees_bytes, toets_grootte, toml_vooraf
from alvrules.model import Agendapunt, AgendaSoort, InvoerFout, een_regel
from alvrules.paden import Id, Stap
from alvrules.stemmingen import Stembriefje
from alvrules.teksten import Bericht, Getal, bericht
from alvrules.waarden import Ongeldig as _Fout
from alvrules.waarden import (
    Soortfout,
    datum,
    geheel,
    jaren,
    keuze,
    tijd,
    tijdstip,
    veldtype,
    waarheid,
)
from alvrules.waarden import soort as _soort

__all__ = [
    "HERNOEMD",
    "JAREN",
    "MAX_GROOTTE",
    "MAX_PROBLEMEN",
    "geplaatst",
    "in_map",
    "is_dossier",
    "is_json",
    "laad_bestand",
    "laad_bytes",
    "laad_dossier",
    "lees_bytes",
    "lees_dossier",
    "ontleed",
]

#: Attributes whose key in the file differs from the attribute name: (type, attribute) -> key.
HERNOEMD: Mapping[tuple[type, str], str] = {(Agendapunt, "soorten"): "soort"}

#: Dates and timestamps outside these years are typos (and break calendar arithmetic).
JAREN = jaren()

Pad = tuple[str | int, ...]


# -- reading the file ----------------------------------------------------------------------


def laad_dossier(pad: str | Path) -> Dossier:
    """Read the dossier at ``pad`` (``.json`` as JSON, anything else as TOML:
    :func:`is_json`).

    A ``[bevolking] bestand`` is taken relative to the dossier file's folder, and only
    inside it (:class:`~alvrules.dossier.Bevolkingsbestand`).
    """
    return laad_bestand(pad)[0]


def laad_bestand(pad: str | Path) -> tuple[Dossier, bytes]:
    """The dossier at ``pad`` (as :func:`laad_dossier`) and the bytes it was read from:
    the file is read once, so a receipt's hash is that of the bytes checked. Errors name
    the path as given (``a/d.toml``, not ``d.toml``), as ``alvrules controleer`` does."""
    eis(pad, (str, PathLike), "pad")
    bestand = Path(pad)
    naam = pad if isinstance(pad, str) else str(bestand)
    inhoud = lees_bytes(bestand, naam)
    dossier = laad_bytes(inhoud, naam, json_=is_json(inhoud, bestand.name))
    return in_map(dossier, bestand.parent), inhoud


def laad_bytes(inhoud: bytes, naam: str, *, json_: bool | None = None) -> Dossier:
    """The dossier in the bytes of a file named ``naam`` (e.g. read from standard input).

    ``json_`` says whether it is JSON; ``None`` decides by the content: JSON when its
    first non-blank character is ``{``, TOML otherwise. The problems of an unreadable
    dossier are placed on their lines (:func:`geplaatst`).
    """
    try:
        return lees_dossier(ontleed(inhoud, naam, json_=json_), naam)
    except InvoerFout as e:
        raise geplaatst(e, inhoud, naam) from None


def geplaatst(
    fout: InvoerFout,
    inhoud: bytes | None,
    naam: str,
    *,
    zoek: Callable[[str], int | None] | None = None,
) -> InvoerFout:
    """``fout`` of the dossier in ``inhoud`` (file ``naam``) with its problems placed on
    their lines (:mod:`alvrules.vindplaats`; ``zoek`` gives the line of a path when the
    text is not what the paths were made from) and in the order of the file: the loader
    finds them table by table (missing keys, then unknown ones); a problem without a line
    comes last, in the loader's order. The result is a copy of ``fout`` (its class, message
    and rule kept) with ``bestand`` set to ``naam``; ``fout`` itself when it has no problems."""
    if not fout.problemen:
        return fout
    import copy  # noqa: PLC0415 - only on this error path

    from alvrules.vindplaats import regelzoeker  # noqa: PLC0415

    zoek = zoek or regelzoeker(inhoud)
    op_lijn = (p if p.lijn or not p.pad else p.met_lijn(zoek(p.pad)) for p in fout.problemen)
    nieuw = copy.copy(fout)
    nieuw.problemen = tuple(sorted(op_lijn, key=lambda p: (p.lijn is None, p.lijn or 0)))
    nieuw.bestand = naam
    return nieuw


def ontleed(inhoud: bytes, naam: str, *, json_: bool | None = None) -> Any:
    """The TOML or JSON document in ``inhoud`` (size, encoding and syntax checked; not yet
    a dossier: :func:`lees_dossier` makes one). ``json_`` as for :func:`laad_bytes`."""
    toets_grootte(inhoud, naam)
    if json_ is None:
        json_ = is_json(inhoud)
    return _ontleed(inhoud, naam, json_=json_)


def is_dossier(data: Any) -> bool:
    """Whether a parsed document is meant as a dossier: it has a top-level ``vergadering``
    table. ``pyproject.toml`` and ``package.json`` have none; the pre-commit hook and a
    folder given to ``controleer`` skip such files (docs: "In een publicatiestraat")."""
    return isinstance(data, Mapping) and isinstance(data.get("vergadering"), Mapping)


def in_map(dossier: Dossier, map_: Path) -> Dossier:
    """``dossier`` read from a file in folder ``map_``: its ``[bevolking] bestand`` and the
    consultation files of its ``[[bekrachtigingen]]`` are read there, and only there
    (:class:`~alvrules.dossier.Bevolkingsbestand`,
    :class:`~alvrules.raadpleging.Bekrachtiging`)."""
    if dossier.bekrachtigingen:
        dossier = attrs.evolve(
            dossier, bekrachtigingen=tuple(b.in_map(str(map_)) for b in dossier.bekrachtigingen)
        )
    if dossier.bevolking is None:
        return dossier
    return attrs.evolve(dossier, bevolking=dossier.bevolking.in_map(str(map_)))


def is_json(inhoud: bytes, bestandsnaam: str | None = None) -> bool:
    """Whether the loader reads ``inhoud`` as JSON (else as TOML), the CLI's one rule.

    A file goes by its name: ``.json`` (any case) is JSON. Text without a file name
    (standard input, text pasted on the page "Controleer uw motie") goes by its content:
    JSON when its first non-blank character (after a BOM) is ``{``. A TOML dossier starts
    with a table header such as ``[vergadering]`` or a key, never with ``{``.
    """
    if bestandsnaam is not None:
        return Path(bestandsnaam).suffix.lower() == ".json"
    return inhoud.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _ontleed(inhoud: bytes, naam: str, *, json_: bool) -> Any:
    try:
        # a BOM in front (Windows editors write one) is skipped, in TOML as in JSON
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvoerFout(
            bericht("{naam}: geen UTF-8 (byte {start})", naam=naam, start=e.start)
        ) from None
    try:
        if json_:
            data = json.loads(tekst, object_pairs_hook=_json_object)
            _zonder_surrogaten(data, naam)
            return data
        toml_vooraf(tekst, naam)
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        lijn = re.search(r"at line (\d+)", str(e))
        fout = een_regel(str(e))
        probleem = Leesprobleem(
            "",
            bericht("geen geldige TOML: {fout}", fout=fout),
            lijn=int(lijn.group(1)) if lijn else None,
        )
        raise InvoerFout(
            bericht("{naam}: geen geldige TOML: {fout}", naam=naam, fout=fout),
            problemen=(probleem,),
        ) from None
    except json.JSONDecodeError as e:
        probleem = Leesprobleem(
            "",
            bericht("geen geldige JSON: {msg} (regel {lineno})", msg=e.msg, lineno=e.lineno),
            lijn=e.lineno,
        )
        raise InvoerFout(
            bericht(
                "{naam}: geen geldige JSON: {msg} (regel {lineno})",
                naam=naam,
                msg=e.msg,
                lineno=e.lineno,
            ),
            problemen=(probleem,),
        ) from None
    except _Fout as e:
        raise InvoerFout(
            bericht("{naam}: geen geldige JSON: {reden}", naam=naam, reden=e.oorzaak)
        ) from None
    except RecursionError:
        raise InvoerFout(bericht("{naam}: te diep genest", naam=naam)) from None
    except InvoerFout:
        raise
    except ValueError as e:  # an integer beyond Python's digit limit (int_max_str_digits)
        cijfers = "digits" in str(e)
        reden = bericht("een getal met te veel cijfers") if cijfers else een_regel(str(e))
        raise InvoerFout(
            bericht("{naam}: onleesbare waarde: {reden}", naam=naam, reden=reden)
        ) from None


_SURROGAAT = re.compile("[\ud800-\udfff]")


def _zonder_surrogaten(data: Any, naam: str) -> None:
    """Refuse a lone surrogate (``"\\ud800"``) anywhere in a JSON document, naming its
    place: it is no Unicode text (it cannot be written as UTF-8), so every output would
    fail on it. TOML refuses it itself; UTF-8 bytes cannot hold one. Linear: one pass."""
    stapel: list[tuple[Any, Pad]] = [(data, ())]
    while stapel:
        waarde, pad = stapel.pop()
        if isinstance(waarde, str):
            if not waarde.isascii() and _SURROGAAT.search(waarde):
                _surrogaat(data, pad, naam)
        elif isinstance(waarde, dict):
            for sleutel in waarde:
                if not sleutel.isascii() and _SURROGAAT.search(sleutel):
                    _surrogaat(data, pad, naam, sleutel=True)
            # pushed last to first: the first place in the file is reported
            stapel.extend((waarde[k], (*pad, k)) for k in reversed(list(waarde)))
        elif isinstance(waarde, list):
            stapel.extend((waarde[i], (*pad, i)) for i in reversed(range(len(waarde))))


def _surrogaat(data: Any, pad: Pad, naam: str, *, sleutel: bool = False) -> None:
    plek = _weergave(pad, data) or bericht("het document")
    reden = (
        bericht("een sleutel bevat een losse surrogaat (\\ud800-\\udfff): geen geldige Unicode")
        if sleutel
        else bericht("de tekst bevat een losse surrogaat (\\ud800-\\udfff): geen geldige Unicode")
    )
    raise InvoerFout(
        bericht("{naam}: {plek}: {reden}", naam=naam, plek=plek, reden=reden),
        problemen=(Leesprobleem(_weergave(pad, data), reden),),
    )


def _json_object(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in uit:
            raise _Fout(bericht("sleutel {sleutel!r} staat er twee keer", sleutel=sleutel))
        uit[sleutel] = waarde
    return uit


def lees_dossier(data: Mapping[str, Any], bron: str = "dossier") -> Dossier:
    """The dossier in already-parsed ``data`` (a TOML or JSON document); ``bron`` names it."""
    if not isinstance(data, Mapping):
        raise InvoerFout(
            bericht("{bron}: het dossier is geen tabel (object)", bron=bron),
        )
    try:
        dossier: Dossier = _lezer(Dossier)(dict(data), Dossier)
    except Exception as e:  # every structuring problem, each with its place
        # the first MAX_PROBLEMEN kept, all of them counted (issue 25: the rest is never held)
        gevonden: list[Leesprobleem] = []
        aantal = 0
        for pad, reden in _bladeren(e, ()):
            if len(gevonden) < MAX_PROBLEMEN:
                gevonden.append(Leesprobleem(_weergave(pad, data), reden))
            aantal += 1
        aantal += sum(_weggelaten(e))
        problemen = tuple(gevonden)
        eerste = problemen[0]
        rest = aantal - 1
        reden = eerste.bericht or eerste.reden
        plek = een_regel(f"{bron}: {eerste.pad}" if eerste.pad else bron, 900)
        melding = (
            bericht("{plek}: {reden} (en nog {rest})", plek=plek, reden=reden, rest=Getal(rest))
            if rest
            else bericht("{plek}: {reden}", plek=plek, reden=reden)
        )
        raise InvoerFout(melding, problemen=problemen) from None
    return dossier


#: At most this many problems of one unreadable dossier are reported (hostile input can
#: have millions; the first ones tell the user what to fix).
MAX_PROBLEMEN = 100


def _bedoeld(sleutel: str, bekend: Iterable[str]) -> Bericht:
    """``onbekende sleutel; bedoelt u 'titel'?`` when a known key is close to ``sleutel``."""
    if not isinstance(sleutel, str) or len(sleutel) > 100:
        return bericht("onbekende sleutel")
    import difflib  # noqa: PLC0415 - only for suggestions (start-up time)

    dichtbij = difflib.get_close_matches(sleutel, sorted(bekend), n=1, cutoff=0.6)
    if dichtbij:
        return bericht("onbekende sleutel; bedoelt u {sleutel!r}?", sleutel=dichtbij[0])
    return bericht("onbekende sleutel")


# -- errors: from the tree of problems to (path, reason) -----------------------------------


class _Tabelfout(Exception):
    """The problems of one table read as attrs type ``soort``: per attribute (``velden``:
    name and problem, in the order of the fields), then the unknown keys or what the
    constructor refused (``overig``)."""

    def __init__(
        self,
        soort: type,
        velden: Sequence[tuple[str, Exception]],
        overig: Sequence[Exception],
    ) -> None:
        super().__init__(f"while reading {soort.__name__}")
        self.soort = soort
        self.velden = tuple(velden)
        self.overig = tuple(overig)


class _Onbekend(Exception):
    """Keys of a table that attrs type ``soort`` does not have."""

    def __init__(self, soort: type, sleutels: set[str]) -> None:
        super().__init__(f"unknown keys of {soort.__name__}")
        self.soort = soort
        self.sleutels = sleutels


def _weggelaten(e: BaseException) -> Iterator[int]:
    """The problems counted but not kept below ``e`` (see :data:`_BEWAARD`)."""
    if isinstance(e, _Fouten):
        yield e.meer
    if isinstance(e, _Tabelfout):
        for _naam, sub in e.velden:
            yield from _weggelaten(sub)
        for sub in e.overig:
            yield from _weggelaten(sub)


def _bladeren(e: BaseException, pad: Pad) -> Iterator[tuple[Pad, str | Bericht]]:
    """Each leaf problem below ``e`` that was kept, with its path in the file."""
    if isinstance(e, _Onbekend):
        bekend = [HERNOEMD.get((e.soort, a.name), a.name) for a in attrs.fields(e.soort)]
        for sleutel in sorted(e.sleutels):
            yield (*pad, sleutel), _bedoeld(sleutel, bekend)
        return
    if isinstance(e, _Tabelfout):
        for naam, sub in e.velden:
            yield from _bladeren(sub, (*pad, HERNOEMD.get((e.soort, naam), naam)))
        for sub in e.overig:
            yield from _bladeren(sub, pad)
        return
    if isinstance(e, _Fouten):
        for sub_pad, reden in e.fouten:
            yield (*pad, *sub_pad), reden
    elif isinstance(e, _Fout):
        yield (*pad, *e.pad), e.oorzaak
    elif isinstance(e, KeyError):
        yield pad, bericht("verplichte sleutel ontbreekt")
    else:
        yield pad, bericht("ongeldige waarde ({fout})", fout=e)


def _weergave(pad: Pad, data: Any) -> str:
    """``moties[M03].ingediend``: list items by their ``id`` where they have one."""
    stappen: list[Stap] = []
    for stap in pad:
        if isinstance(stap, int):
            element = data[stap] if isinstance(data, list) and stap < len(data) else None
            ident = element.get("id") if isinstance(element, dict) else None
            stappen.append(Id(ident) if isinstance(ident, str) and ident.strip() else stap)
            data = element
        else:
            stappen.append(stap)
            data = data.get(stap) if isinstance(data, dict) else None
    return paden.pad(*stappen)


# -- the converter: strict scalars, and the few keys the file writes differently ----------


#: A reader: ``(value from the file, type) -> value of that type``, or an exception.
Lezer = Callable[[Any, Any], Any]


@cache
def _lezer(t: Any) -> Lezer:
    """The reader of annotation ``t``: strict scalars, an enum's member or value, ``X |
    None``, ``tuple[X, ...]`` from a list, an attrs type from a table, and the two keys the
    file writes differently. ``TypeError`` for any other annotation (a programming error:
    the tests read every type of a dossier)."""
    if t == frozenset[AgendaSoort]:
        return _soorten
    if t == tuple[Stembriefje, ...]:
        return _stemmen
    if _is_rij(t):
        return _rij(t)
    args = get_args(t)
    if get_origin(t) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        binnen = args[0] if args[1] is type(None) else args[1]
        lezer = _lezer(binnen)
        return lambda waarde, _: None if waarde is None else lezer(waarde, binnen)
    if attrs.has(t):
        return _klasse(t)
    if isinstance(t, type):
        if issubclass(t, Enum):
            return keuze
        # a subclass before its base: bool < int, datetime < date
        for soort, omzetten in _SCALAIR:
            if issubclass(t, soort):
                return _hook(omzetten)
    raise TypeError(f"no reader for {t!r}")  # a programming error


def _streng(waarde: Any) -> str:
    """Text as the file writes it: a ``str``, nothing that merely converts to one."""
    if type(waarde) is not str:
        raise Soortfout(bericht("verwacht tekst, niet {soort}", soort=_soort(waarde)))
    return waarde


def _hook(omzetten: Callable[[Any], Any]) -> Lezer:
    return lambda waarde, _: omzetten(waarde)


_SCALAIR: tuple[tuple[type, Callable[[Any], Any]], ...] = (
    (bool, waarheid),
    (int, geheel),
    (datetime, tijdstip),
    (date, datum),
    (time, tijd),
    (str, _streng),
)


def _soorten(waarde: Any, _: type) -> frozenset[AgendaSoort]:
    """AGD01: ``soort`` is one kind, or a list of kinds for a mixed item."""
    lijst = [waarde] if isinstance(waarde, str) else waarde
    if not isinstance(lijst, list) or not lijst:
        raise _Fout(bericht("verwacht een soort of een niet-lege lijst van soorten"))
    uit: list[AgendaSoort] = []
    for i, w in enumerate(lijst):
        try:
            uit.append(keuze(w, AgendaSoort))
        except _Fout as e:
            raise _Fout(e.oorzaak, (i,) if lijst is waarde else ()) from None
    return frozenset(uit)


def _stemmen(waarde: Any, _: type) -> tuple[Stembriefje, ...]:
    """The ``stemmen`` table, ``gemeente = "keuze"``, in the order of the file; or a list
    of ``{gemeente, keuze}`` tables (which can hold a second ballot of a member: STM04)."""
    if isinstance(waarde, list):
        return tuple(_stembriefje(b, i) for i, b in enumerate(waarde))
    if not isinstance(waarde, dict):
        raise _Fout(
            bericht("verwacht een tabel gemeente = keuze, niet {soort}", soort=_soort(waarde))
        )
    for gemeente, gekozen in waarde.items():
        if not isinstance(gekozen, str):
            raise _Fout(bericht("verwacht tekst, niet {soort}", soort=_soort(gekozen)), (gemeente,))
    return tuple(Stembriefje(g, k) for g, k in waarde.items())


def _stembriefje(b: Any, i: int) -> Stembriefje:
    if not isinstance(b, dict):
        raise _Fout(
            bericht("verwacht een tabel {{gemeente, keuze}}, niet {soort}", soort=_soort(b)), (i,)
        )
    for sleutel in sorted(b.keys() - {"gemeente", "keuze", "tijdstip"}):
        raise _Fout(bericht("onbekende sleutel"), (i, sleutel))
    for sleutel in ("gemeente", "keuze"):
        if sleutel not in b:
            raise _Fout(bericht("verplichte sleutel ontbreekt"), (i, sleutel))
        if type(b[sleutel]) is not str:
            raise _Fout(
                bericht("verwacht tekst, niet {soort}", soort=_soort(b[sleutel])), (i, sleutel)
            )
    moment = None
    if "tijdstip" in b:  # when the ballot was cast: the order of the ballots (vast_na)
        try:
            moment = tijdstip(b["tijdstip"])
        except _Fout as e:
            raise _Fout(e.oorzaak, (i, "tijdstip", *e.pad)) from None
    return Stembriefje(b["gemeente"], b["keuze"], moment)


def _is_rij(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _rij(t: Any) -> Lezer:
    """``tuple[X, ...]`` from a list only (a string is not a list of characters)."""
    element = get_args(t)[0]
    hook = _lezer(element)

    def structure(waarde: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(waarde, list | tuple):
            raise _Fout(bericht("verwacht een lijst, niet {soort}", soort=_soort(waarde)))
        uit: list[Any] = []
        fouten: list[tuple[Pad, str | Bericht]] = []
        meer = 0
        for i, w in enumerate(waarde):
            try:
                uit.append(hook(w, element))
            except Exception as e:
                for fout in _bladeren(e, (i,)):
                    if len(fouten) < _BEWAARD:
                        fouten.append(fout)
                    else:
                        meer += 1
                meer += sum(_weggelaten(e))
        if fouten:
            raise _Fouten(fouten, meer)
        return tuple(uit)

    return structure


#: Problems kept per list (as many as an error reports, :data:`MAX_PROBLEMEN`; the rest
#: is counted, never held: issue 25).
_BEWAARD = MAX_PROBLEMEN


class _Fouten(_Fout):
    """Several problems below one value: the first :data:`_BEWAARD` of them, and how many
    more there were (``meer``)."""

    def __init__(self, fouten: Sequence[tuple[Pad, str | Bericht]], meer: int = 0) -> None:
        super().__init__(fouten[0][1], fouten[0][0])
        self.fouten = tuple(fouten)
        self.meer = meer


def _klasse(t: type) -> Lezer:
    """An attrs type from a table: every field's problem collected (with its attribute),
    unknown keys refused, the renamed keys of :data:`HERNOEMD`.

    A loop over the fields, with the reader of each field found once: generating and
    compiling a function per type (what cattrs does, which the loader used before) cost
    more start-up time than checking a dossier.
    """
    soorten = {a.name: veldtype(t, a) for a in attrs.fields(t)}  # annotations read once
    velden = [
        (
            a.name,
            a.alias or a.name,  # the argument of __init__ (always set by attrs)
            HERNOEMD.get((t, a.name), a.name),  # the key in the file
            a.default is attrs.NOTHING,
            _lezer(soorten[a.name]),
            soorten[a.name],
        )
        for a in attrs.fields(t)
        if a.init
    ]
    bekend = frozenset(sleutel for _n, _a, sleutel, _v, _l, _t in velden)

    def structure(waarde: Any, _: type) -> Any:
        if not isinstance(waarde, dict):
            raise _Fout(bericht("verwacht een tabel, niet {soort}", soort=_soort(waarde)))
        res: dict[str, Any] = {}
        fouten: list[tuple[str, Exception]] = []
        for naam, argument, sleutel, verplicht, lezer, soort in velden:
            if verplicht or sleutel in waarde:
                try:
                    res[argument] = lezer(waarde[sleutel], soort)
                except Exception as e:  # every problem collected
                    fouten.append((naam, e))
        onbekend = set(waarde.keys()) - bekend
        if fouten or onbekend:
            raise _Tabelfout(t, fouten, [_Onbekend(t, onbekend)] if onbekend else [])
        try:
            return t(**res)
        except Exception as e:
            raise _Tabelfout(t, [], [e]) from e

    return structure
