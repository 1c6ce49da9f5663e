"""Amendments: the Amendement type, :func:`pas_toe` and AMD01-AMD05 (Lbr. 23/040, Procedure §1).

An amendment changes a proposal ter besluitvorming; each change (:class:`Wijziging`)
names the text to delete and/or the text to insert, and for a pure insertion the text
after which it goes (the anchor).

Decisions:

- AMD01 also covers an amendment that names no agenda item or one that does not exist:
  it then targets no amendable proposal.
- AMD03: a change is either a deletion (``schrappen``, optionally replaced by
  ``invoegen``) or a pure insertion (``invoegen`` after ``na``). ``na`` together with
  ``schrappen``, ``na`` without ``invoegen``, ``invoegen`` without a place and an empty
  change are errors; so is an amendment without any change.
- AMD04: within one amendment, changes that touch the same text are an error (they cannot
  be applied); between two amendments of the same proposal, overlapping deletions are a
  warning (the meeting has to choose).
- AMD05: the signature rules are in :mod:`alvrules.ondertekening` (findings keep the SIG
  ids); an amendment without indieners is AMD05 here. The deadline (AMD02) is in
  :mod:`alvrules.indiening`. Preadvies: PRE01.
- :func:`pas_toe` refuses (:class:`~alvrules.fouten.GebruiksFout`) what the checker
  reports as AMD03/AMD04 errors: calling it with such changes is a misuse of the API,
  not a user finding.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from attrs import field, frozen

from alvrules.fouten import GebruiksFout
from alvrules.grenzen import MAX_OPSOMMING, MAX_ZOEKWERK
from alvrules.model import Agendapunt, Persoon, aware
from alvrules.moties import Preadvies, pre01_preadvies
from alvrules.ondertekening import stuk_pad
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.teksten import Bericht, Getal, bericht
from alvrules.waarden import gecontroleerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = ["Amendement", "Wijziging", "controleer", "pas_toe", "tel", "vormfout"]


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Wijziging:
    """One change: delete ``schrappen`` and/or insert ``invoegen`` (after ``na``)."""

    schrappen: str | None = None
    invoegen: str | None = None
    na: str | None = None

    @property
    def anker(self) -> tuple[str, str]:
        """The field and text that locate the change: ``schrappen``, else ``na``."""
        if self.schrappen is not None and self.schrappen.strip():
            return ("schrappen", self.schrappen)
        return ("na", self.na or "")


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Amendement:
    """An amendment as submitted."""

    id: str
    agendapunt: str | None = None
    titel: str = ""
    indieners: tuple[str, ...] = ()
    mede_indieners: tuple[str, ...] = ()
    ondersteuners: tuple[str, ...] = ()
    ingediend: datetime | None = field(default=None, validator=aware)
    # TRM08: when the final list of ondersteuners was received (optional)
    ondersteuners_ontvangen: datetime | None = field(default=None, validator=aware)
    ondertekening: tuple[Persoon, ...] = ()
    wijzigingen: tuple[Wijziging, ...] = ()
    toelichting: str = ""
    preadvies: Preadvies | None = None
    interpretatie: str | None = None


def _gevuld(tekst: str | None) -> bool:
    return tekst is not None and tekst.strip() != ""


def vormfout(w: Wijziging) -> Bericht | None:
    """AMD03: what is wrong with the form of ``w`` (a message of the catalogue), or None."""
    schrappen, invoegen, na = _gevuld(w.schrappen), _gevuld(w.invoegen), _gevuld(w.na)
    if schrappen and na:
        return bericht("zowel te schrappen tekst als een anker (na)")
    if schrappen or (na and invoegen):
        return None
    if invoegen:
        return bericht("invoeging zonder plaats (na ontbreekt)")
    if na:
        return bericht("anker (na) zonder in te voegen tekst")
    return bericht("niets geschrapt en niets ingevoegd")


def tel(tekst: str, deel: str, tot: int | None = None) -> int:
    """How often ``deel`` occurs in ``tekst``, overlapping occurrences included; with
    ``tot``, counting stops there (the cost is then one scan of ``tekst`` plus ``tot``
    matches, however repetitive the text: ``"aa"`` in ``"aaaa…"``)."""
    n, i = 0, tekst.find(deel)
    while i >= 0 and (tot is None or n < tot):
        n, i = n + 1, tekst.find(deel, i + 1)
    return n


def _keer(tekst: str, deel: str) -> Getal | Bericht:
    """How often ``deel`` occurs, as a field of a message: counted up to
    :data:`~alvrules.grenzen.MAX_OPSOMMING`, above that "meer dan"."""
    n = tel(tekst, deel, MAX_OPSOMMING + 1)
    if n > MAX_OPSOMMING:
        return bericht("meer dan {n}", n=Getal(MAX_OPSOMMING))
    return Getal(n)


@frozen
class _Plek:
    """Where a change touches the text: ``[begin, eind)``; it writes at ``schrijf``."""

    begin: int
    eind: int
    schrijf: int
    invoegen: str


def _plek(tekst: str, w: Wijziging) -> _Plek:
    """Locate ``w`` in ``tekst``; GebruiksFout when malformed or not found exactly once."""
    fout = vormfout(w)
    if fout:
        raise GebruiksFout(bericht("Wijziging geweigerd: {fout}.", fout=fout))
    plek = _zoek(tekst, w)
    if plek is None:
        veld, anker = w.anker
        raise GebruiksFout(
            bericht(
                "De tekst bij {veld} ({anker!r}) komt {keer} keer voor in de tekst, niet "
                "precies één keer.",
                veld=veld,
                anker=anker,
                keer=_keer(tekst, anker),
            )
        )
    return plek


def _zoek(tekst: str, w: Wijziging) -> _Plek | None:
    """Where the well-formed ``w`` touches ``tekst``; None unless its anchor occurs
    exactly once (two scans of the text at most)."""
    veld, anker = w.anker
    begin = tekst.find(anker)
    if begin < 0 or tekst.find(anker, begin + 1) >= 0:
        return None
    eind = begin + len(anker)
    return _Plek(begin, eind, begin if veld == "schrappen" else eind, w.invoegen or "")


def pas_toe(tekst: str, wijzigingen: Iterable[Wijziging]) -> str:
    """The proposal ``tekst`` as amended by ``wijzigingen`` (AMD04).

    Raises :class:`~alvrules.fouten.GebruiksFout` for a change that deletes and inserts
    nothing or is otherwise malformed (AMD03), an anchor not found exactly once, or
    changes that overlap.
    """
    plekken = [_plek(tekst, w) for w in wijzigingen]
    if _overlappend(list(enumerate(plekken)), 1):
        raise GebruiksFout(bericht("De wijzigingen overlappen elkaar."))
    delen: list[str] = []
    gelezen = 0  # the text before this position is in delen
    for p in sorted(plekken, key=lambda p: (p.schrijf, p.begin)):
        delen += [tekst[gelezen : p.schrijf], p.invoegen]
        gelezen = p.eind  # after the deleted text, or after the anchor of an insertion
    return "".join([*delen, tekst[gelezen:]])


#: AMD04 warnings between amendments named in full per proposal (then one per amendment
#: not yet named, and a count of the rest).
MAX_PAREN = MAX_OPSOMMING * MAX_OPSOMMING


def _overlappend(
    plekken: Sequence[tuple[int, _Plek]], per_plek: int = MAX_OPSOMMING
) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of numbered places that touch the same text, in
    order. Bounded: each place adds at most ``per_plek`` pairs, with places below
    ``per_plek`` pairs themselves, or one pair when all it touches are full; so a place
    that touches another is always in a pair (a hundred amendments deleting the same
    sentence give 496 pairs, each amendment in one or more of them, not 4,950).

    A sweep over the places in text order. No place is empty, so a place still open (begun,
    not yet ended) when the next one begins touches it. Only the open places below
    ``per_plek`` are visited (never more than ``per_plek`` of them): O(n log n) for n
    places, plus at most ``per_plek + 1`` steps per place."""
    paren: list[tuple[int, int]] = []
    actief: list[tuple[int, int]] = []  # heap of (end, number) of the places still open
    vrij: dict[int, None] = {}  # the open places below per_plek, in text order
    gemeld = dict.fromkeys((i for i, _ in plekken), 0)
    for i, p in sorted(plekken, key=lambda ip: (ip[1].begin, ip[1].eind, ip[0])):
        while actief and actief[0][0] <= p.begin:
            vrij.pop(heapq.heappop(actief)[1], None)
        for j in list(vrij)[:per_plek]:
            paren.append((min(i, j), max(i, j)))
            gemeld[i] += 1
            gemeld[j] += 1
            if gemeld[j] >= per_plek:
                del vrij[j]
        if actief and not gemeld[i]:  # every open place is full: name the first to end
            j = actief[0][1]
            paren.append((min(i, j), max(i, j)))
            gemeld[i] = 1
        if gemeld[i] < per_plek:
            vrij[i] = None
        heapq.heappush(actief, (p.eind, i))
    return sorted(paren)


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """AMD01, AMD03, AMD04, AMD05 and PRE01 for every amendment of the dossier."""
    geplaatst: list[tuple[str, int, str, _Plek]] = []  # (item, amendment, path, deletion)
    werk = 0  # characters of proposal text searched so far (bounded cost)
    for i, a in enumerate(dossier.amendementen):
        pad = stuk_pad("amendementen", i, a.id)
        punt = dossier.agendapunt(a.agendapunt) if a.agendapunt is not None else None
        yield from amd01_amendeerbaar(a, punt, pad)
        yield from amd03_vorm(a, pad)
        if punt is not None and punt.tekst is not None and werk <= MAX_ZOEKWERK:
            werk += len(punt.tekst) * len(a.wijzigingen)
            if werk > MAX_ZOEKWERK:
                yield bevinding(
                    "AMD04",
                    f"{pad}.wijzigingen",
                    bericht(
                        "Te veel wijzigingen op te lange voorstelteksten om te zoeken (meer "
                        "dan {n} tekens); de wijzigingen vanaf hier zijn niet gecontroleerd.",
                        n=Getal(MAX_ZOEKWERK),
                    ),
                )
            else:
                plekken = _geplaatst(a, punt.tekst)
                yield from amd04_eenmaal(a, punt.tekst, pad, plekken)
                geplaatst += [
                    (punt.id, i, f"{pad}.wijzigingen[{j}].schrappen", plek)
                    for j, plek in plekken
                    if a.wijzigingen[j].anker[0] == "schrappen"
                ]
        yield from amd05_indieners(a, pad)
        yield from pre01_preadvies(a.preadvies, pad)
    yield from amd04_overlap(geplaatst)


def amd01_amendeerbaar(a: Amendement, punt: Agendapunt | None, pad: str) -> Iterator[Bevinding]:
    """AMD01: only an existing, amendable item ter besluitvorming can be amended."""
    if punt is None:
        yield bevinding(
            "AMD01",
            f"{pad}.agendapunt",
            bericht("Amendement zonder agendapunt.")
            if a.agendapunt is None
            else bericht("Amendement op een onbekend agendapunt {id!r}.", id=a.agendapunt),
        )
    elif not punt.ter_besluitvorming:
        yield bevinding(
            "AMD01",
            f"{pad}.agendapunt",
            bericht(
                "Agendapunt {id} is niet ter besluitvorming en dus niet amendeerbaar.", id=punt.id
            ),
        )
    elif not punt.amendeerbaar:
        yield bevinding(
            "AMD01",
            f"{pad}.agendapunt",
            bericht("Het voorstel bij agendapunt {id} is niet amendeerbaar.", id=punt.id),
        )


def amd03_vorm(a: Amendement, pad: str) -> Iterator[Bevinding]:
    """AMD03: each change says what is deleted and/or what is inserted where."""
    if not a.wijzigingen:
        yield bevinding("AMD03", f"{pad}.wijzigingen", bericht("Het amendement wijzigt niets."))
    for j, w in enumerate(a.wijzigingen):
        if fout := vormfout(w):
            yield bevinding(
                "AMD03",
                f"{pad}.wijzigingen[{j}]",
                bericht("Wijziging onvolledig: {fout}.", fout=fout),
            )


def _geplaatst(a: Amendement, tekst: str) -> list[tuple[int, _Plek]]:
    """The well-formed changes of ``a`` whose anchor occurs exactly once, located."""
    return [
        (j, plek)
        for j, w in enumerate(a.wijzigingen)
        if vormfout(w) is None and (plek := _zoek(tekst, w)) is not None
    ]


def amd04_eenmaal(
    a: Amendement, tekst: str, pad: str, plekken: Sequence[tuple[int, _Plek]] | None = None
) -> Iterator[Bevinding]:
    """AMD04: the deleted text or anchor occurs exactly once; changes do not overlap.

    ``plekken``: the located changes of ``a`` when the caller has them already."""
    geplaatst = dict(_geplaatst(a, tekst) if plekken is None else plekken)
    for j, w in enumerate(a.wijzigingen):
        veld, anker = w.anker
        if vormfout(w) is None and j not in geplaatst:
            yield bevinding(
                "AMD04",
                f"{pad}.wijzigingen[{j}].{veld}",
                bericht(
                    "{anker!r} komt {keer} keer voor in de voorsteltekst, niet precies één keer.",
                    anker=anker,
                    keer=_keer(tekst, anker),
                ),
            )
    for i, j in _overlappend(list(geplaatst.items())):
        yield bevinding(
            "AMD04",
            f"{pad}.wijzigingen[{j}]",
            bericht("Deze wijziging raakt dezelfde tekst als wijzigingen[{i}].", i=i),
        )


def amd04_overlap(geplaatst: Sequence[tuple[str, int, str, _Plek]]) -> Iterator[Bevinding]:
    """AMD04: deletions of two amendments to the same proposal overlap -> warning.

    Capped per proposal (issue 25: 17,000 amendments deleting the same words gave 1.13 GB
    of JSON): the first :data:`MAX_PAREN` pairs of a proposal are named; after that only a
    pair that names an amendment not named yet (so every amendment in a conflict is still
    named once), and one more warning counts the pairs left out."""
    per_punt: dict[str, list[tuple[int, _Plek]]] = {}
    for n, (punt, _, _, p) in enumerate(geplaatst):
        per_punt.setdefault(punt, []).append((n, p))
    for punt, lijst in per_punt.items():
        paren = [(x, y) for x, y in _overlappend(lijst) if geplaatst[x][1] != geplaatst[y][1]]
        genoemd: set[int] = set()
        weg = 0
        for k, (x, y) in enumerate(paren):
            a, b = geplaatst[x][1], geplaatst[y][1]
            if k >= MAX_PAREN and a in genoemd and b in genoemd:
                weg += 1
                continue
            genoemd |= {a, b}
            pad, ander_pad = geplaatst[x][2], geplaatst[y][2]
            yield bevinding(
                "AMD04",
                ander_pad,
                bericht(
                    "Schrapt tekst die ook {pad} schrapt; de vergadering moet kiezen.", pad=pad
                ),
                ernst=Ernst.WAARSCHUWING,
            )
        if weg:
            yield bevinding(
                "AMD04",
                geplaatst[paren[-1][1]][2],
                bericht(
                    "En nog {weg} paren van amendementen op agendapunt {punt!r} die "
                    "dezelfde tekst schrappen; de vergadering moet kiezen.",
                    weg=weg,
                    punt=punt,
                ),
                ernst=Ernst.WAARSCHUWING,
            )


def amd05_indieners(a: Amendement, pad: str) -> Iterator[Bevinding]:
    """AMD05: an amendment has indieners (their signatures: SIG01-SIG08)."""
    if not a.indieners:
        yield bevinding("AMD05", f"{pad}.indieners", bericht("Het amendement noemt geen indiener."))
