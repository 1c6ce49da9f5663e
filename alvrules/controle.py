"""Checking a whole dossier in one pass: every finding of every rule.

Each chapter module contributes one check function ``(dossier, context) -> findings``;
:data:`CONTROLES` lists them in the order of the procedure and :func:`controleer` runs
them all. A check never raises on bad input content: it yields findings.

Population figures (STM02): the ``bevolking`` argument, else the file the dossier names
under ``[bevolking]`` (only a regular file in the dossier's folder), else the figures
shipped for the reference date. *Decision* (issue 25): a dossier's file that cannot be
read as figures (missing, a link leaving the folder, a device or FIFO, too large, not
UTF-8, not a CBS table, a ``Perioden`` out of range, …) is input that cannot be read, as
the dossier itself and a file it names with an absolute path: :class:`InvoerFout` at
``bevolking.bestand`` (the CLI's exit code 2). Figures that were read but do not fit the
meeting (another reference date, municipalities missing, different from the shipped ones
of the same date) are an STM02 finding at ``bevolking.bestand``.
"""

from __future__ import annotations

import functools
import importlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import date

import attrs
from attrs import field, frozen

from alvrules.amendementen import Amendement
from alvrules.bevolking import Bevolking, lees_bevolking
from alvrules.dossier import Bevolkingsbestand, Dossier
from alvrules.fouten import AlvrulesFout, Leesprobleem, eis
from alvrules.gemeenten import BuitenRegister, Gemeente, Gemeenteregister, register
from alvrules.grenzen import MAX_BEVINDINGEN_PER_REGEL, MAX_SUGGESTIES
from alvrules.kalender import VERGADERJAREN, Kalender
from alvrules.model import Agendapunt, InvoerFout, Vergadering
from alvrules.moties import Motie
from alvrules.ondertekening import stuk_pad
from alvrules.procedure import Procedure, procedure_op
from alvrules.regels import Bevinding, Ernst, Rapport, bevinding, tel_per_regel, volledig
from alvrules.teksten import Datum, Getal, bericht, bericht_n
from alvrules.waarden import Foutmelding, getypeerd

__all__ = [
    "CONTROLES",
    "Context",
    "begrensd",
    "binnen",
    "controleer",
    "controleer_amendement",
    "controleer_motie",
    "dossierbestand",
]


@frozen(field_transformer=getypeerd)
class Context:
    """What every check needs besides the dossier: the rules in force on the meeting date."""

    datum: date
    procedure: Procedure
    kalender: Kalender
    gemeenten: Gemeenteregister
    bevolking: Bevolking | None = None  # None: the shipped figures
    #: names already given suggestions in this run -> the suggestions (bounded cost)
    _tips: dict[str, list[str]] = field(factory=dict, eq=False, repr=False)

    @classmethod
    def voor(cls, dossier: Dossier, *, bevolking: Bevolking | None = None) -> Context:
        """The context of ``dossier``: the procedure, calendar and members on its meeting date
        (:class:`InvoerFout` when the file of its ``[bevolking]`` cannot be read)."""
        datum = dossier.vergadering.datum
        p = procedure_op(datum)
        if bevolking is None and dossier.bevolking is not None:
            bevolking = dossierbestand(dossier.bevolking)
        return cls(datum, p, Kalender.van(p), register(), bevolking)

    def suggesties(self, naam: str) -> list[str]:
        """Up to three members' names close to the unknown ``naam``; for at most
        :data:`~alvrules.grenzen.MAX_SUGGESTIES` different names per check (a fuzzy match
        costs about a millisecond; a hostile file names a hundred thousand)."""
        if naam not in self._tips:
            if len(self._tips) >= MAX_SUGGESTIES or len(naam) > 100:
                return []
            self._tips[naam] = self.gemeenten.suggesties(naam, op=self.datum)
        return self._tips[naam]

    def lid(self, naam: str) -> Gemeente | None:
        """The member named ``naam`` (name, alias or code) on the meeting date (SIG07)."""
        return self.gemeenten.zoek(naam, op=self.datum)


def dossierbestand(b: Bevolkingsbestand, peildatum: date | None = None) -> Bevolking:
    """The figures of a dossier's ``[bevolking]``: read once, only inside its folder
    (:func:`alvrules.lees_bevolking` with ``map_``), labelled ``oorsprong="dossier"``.
    ``peildatum`` (the CLI's ``--peildatum``) goes before the one in the dossier.
    :class:`InvoerFout` at ``bevolking.bestand`` (rule STM02) when it cannot be read."""
    try:
        gelezen = lees_bevolking(b.bestand, peildatum or b.peildatum, map_=b.map)
    except InvoerFout as e:
        raise InvoerFout(
            bericht("{veld}: {reden}", veld=_BESTAND, reden=e.bericht or Foutmelding(e)),
            regel="STM02",
            problemen=(Leesprobleem(_BESTAND, e.bericht or Foutmelding(e)),),
        ) from None
    return attrs.evolve(gelezen, oorsprong="dossier")


#: the path of a dossier's figures file (``[bevolking] bestand``)
_BESTAND = "bevolking.bestand"


Controle = Callable[[Dossier, Context], Iterable[Bevinding]]

#: "module:function" of each chapter's check, in the order of the procedure.
CONTROLES: tuple[str, ...] = (
    "alvrules.agenda:controleer",  # AGD01, TRM04
    "alvrules.indiening:controleer",  # TRM01/TRM02 applied: AMD02, TRM02
    "alvrules.ondertekening:controleer",  # SIG01-SIG08 (motions and amendments, AMD05)
    "alvrules.moties:controleer",  # MOT01-MOT06, PRE01
    "alvrules.amendementen:controleer",  # AMD01, AMD03-AMD05, PRE01
    "alvrules.stemmingen:controleer_verwijzingen",  # STM12
    "alvrules.uitslagen:controleer_stemmingen",  # STM03-STM11
    "alvrules.raadpleging:controleer",  # STM14: a written consultation and its window
    "alvrules.verkiezingen:controleer_kandidaten",  # KND01-KND02
    "alvrules.verkiezingen:controleer_notulencommissie",  # NOT01
    "alvrules.verantwoording:controleer_verantwoording",  # PRE01, AFD01-AFD05
)


@functools.cache
def _controle(pad: str) -> Controle:
    module, functie = pad.split(":")
    check: Controle = getattr(importlib.import_module(module), functie)
    return check


def controleer(dossier: Dossier, *, bevolking: Bevolking | None = None) -> Rapport:
    """All findings over ``dossier``; never raises on bad input content.

    ``bevolking``: the CBS figures for the weights (:func:`alvrules.lees_bevolking`); they
    take precedence over the dossier's ``[bevolking]`` and over the shipped figures.

    A meeting outside the calendar's years (CAL01) is one error and nothing else can be
    judged. A meeting before the municipal register's first date is one SIG07 error
    naming the supported range; the checks run, but a check that needs the members ends
    there without a finding of its own (never a later member list). A date elsewhere in
    the dossier outside the calendar (possible only for a dossier built in Python, the
    loader refuses it) ends that check with one error.
    """
    eis(dossier, Dossier, "dossier")
    eis(bevolking, (Bevolking, type(None)), "bevolking")
    datum = dossier.vergadering.datum
    if datum.year not in VERGADERJAREN:
        van, tot = VERGADERJAREN.start, VERGADERJAREN.stop - 1
        return Rapport.van(
            [
                bevinding(
                    "CAL01",
                    "vergadering.datum",
                    bericht(
                        "Vergaderdatum {waarde} ligt buiten de kalender ({van}-{tot}); geen "
                        "termijn of stemgewicht is te bepalen.",
                        waarde=Datum(datum, weekdag=False),
                        van=van,
                        tot=tot,
                    ),
                    ernst=Ernst.FOUT,
                )
            ]
        )
    voor: list[Bevinding] = []
    try:
        register().leden(datum)
    except BuitenRegister as e:  # no member list for that day: one error (SIG07), no guess
        voor.append(
            bevinding(
                "SIG07",
                "vergadering.datum",
                e.bericht or Foutmelding(e),
                ernst=Ernst.FOUT,
            )
        )
    ctx = Context.voor(dossier, bevolking=bevolking)
    alle = (b for pad in CONTROLES for b in _bevindingen(pad, dossier, ctx))
    return Rapport.van(begrensd(itertools.chain(voor, alle)))


#: Severities from the most to the least severe.
_ERNSTEN = (Ernst.FOUT, Ernst.WAARSCHUWING, Ernst.INFO)


def begrensd(
    bevindingen: Iterable[Bevinding], maximum: int = MAX_BEVINDINGEN_PER_REGEL
) -> list[Bevinding]:
    """``bevindingen`` with at most ``maximum`` findings of each rule, in order, and after
    them, per rule that had more, one finding of that rule counting the rest.

    *Decision* (issue 25): the counting finding lies at the path of the first finding left
    out and has the most severe severity among those left out, so validity and the exit
    code are those of the full list; the counts per severity are those of the listed
    findings. The findings left out are counted, not kept; while ``bevindingen`` is taken,
    :func:`~alvrules.regels.bevinding` makes a rule's findings past ``maximum`` without their
    text (:func:`~alvrules.regels.tel_per_regel`; a kept one is written in full), so a
    finding left out costs little more than finding it.
    """
    eis(maximum, int, "maximum")
    gezien: dict[str, int] = {}
    weg: dict[str, tuple[str, int, int]] = {}  # rule -> (first path, count, worst severity)
    uit: list[Bevinding] = []
    with tel_per_regel(maximum):
        for b in bevindingen:
            n = gezien.get(b.regel, 0)
            gezien[b.regel] = n + 1
            if n < maximum:
                uit.append(volledig(b))
                continue
            pad, aantal, ergste = weg.get(b.regel, (b.pad, 0, len(_ERNSTEN) - 1))
            weg[b.regel] = (pad, aantal + 1, min(ergste, _ERNSTEN.index(b.ernst)))
    for regel_id, (pad, aantal, ergste) in weg.items():
        uit.append(
            bevinding(
                regel_id,
                pad,
                bericht_n(
                    "En nog {n} bevinding van regel {regel}; alleen de eerste {maximum} "
                    "staan in dit rapport.",
                    "En nog {n} bevindingen van regel {regel}; alleen de eerste {maximum} "
                    "staan in dit rapport.",
                    aantal,
                    regel=regel_id,
                    maximum=Getal(maximum),
                ),
                ernst=_ERNSTEN[ergste],
            )
        )
    return uit


def controleer_motie(
    motie: Motie,
    *,
    vergadering: Vergadering,
    agendapunten: Iterable[Agendapunt] = (),
    bevolking: Bevolking | None = None,
) -> Rapport:
    """The findings of one motion, without building a dossier: the same findings the motion
    gets inside a dossier with this ``vergadering`` and ``agendapunten`` (its deadline,
    signatures, form and agenda item), at the same paths (``moties[M01].oproep[0]``).

    Rules between items (MOT06, a duplicate id; AMD04 between amendments; STM12) need the
    whole dossier: use :func:`controleer` for those.

    >>> from alvrules import Motie, Vergadering, controleer_motie
    >>> r = controleer_motie(Motie(id="M01"), vergadering=Vergadering(datum="2023-12-01"))
    >>> sorted(r.regels())
    ['MOT01', 'MOT03']
    """
    eis(motie, Motie, "motie")
    eis(vergadering, Vergadering, "vergadering")
    dossier = Dossier(vergadering=vergadering, agendapunten=tuple(agendapunten), moties=(motie,))
    return _van_stuk(dossier, stuk_pad("moties", 0, motie.id), bevolking)


def controleer_amendement(
    amendement: Amendement,
    *,
    vergadering: Vergadering,
    agendapunten: Iterable[Agendapunt] = (),
    bevolking: Bevolking | None = None,
) -> Rapport:
    """The findings of one amendment, as :func:`controleer_motie` gives those of a motion:
    the same as inside a dossier with this ``vergadering`` and ``agendapunten`` (the
    proposal it amends is the agenda item it names, AMD01/AMD04)."""
    eis(amendement, Amendement, "amendement")
    eis(vergadering, Vergadering, "vergadering")
    dossier = Dossier(
        vergadering=vergadering, agendapunten=tuple(agendapunten), amendementen=(amendement,)
    )
    return _van_stuk(dossier, stuk_pad("amendementen", 0, amendement.id), bevolking)


def _van_stuk(dossier: Dossier, plek: str, bevolking: Bevolking | None) -> Rapport:
    return Rapport.van(b for b in controleer(dossier, bevolking=bevolking) if binnen(b.pad, plek))


def binnen(pad: str, plek: str) -> bool:
    """Whether ``pad`` is ``plek`` or lies below it (``moties[M1].oproep`` in ``moties[M1]``)."""
    return pad == plek or (pad.startswith(plek) and pad[len(plek)] in ".[")


def _bevindingen(pad: str, dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    try:
        yield from _controle(pad)(dossier, ctx)
    except BuitenRegister:  # the members are unknown: reported once, at vergadering.datum
        return
    except AlvrulesFout as e:  # content the check cannot judge at all: one error
        yield bevinding("CAL01", "", e.bericht or str(e), ernst=Ernst.FOUT)
